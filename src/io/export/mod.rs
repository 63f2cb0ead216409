//! Exports (design.md §8): the map and the quadrant charts as SVG, PNG and PDF; CSV tables;
//! an `.xlsx` workbook of the same tables; GraphML and GEXF for other network tools; JSON of
//! the whole map.
//!
//! Every format is a pure function of the model (no egui), one file per format, so that the
//! window and the command line share the same code. [`export_to_path`] is what both call:
//! it renders the request and writes the result atomically. Every string is escaped for its
//! format: no name can break a file or make it run code where it is opened.

pub(crate) mod attributes;
pub mod compare;
pub mod csv;
pub mod fonts;
pub mod gexf;
mod glyphs;
pub mod graphml;
pub mod json;
pub mod over_time;
pub mod page;
pub mod pdf;
pub mod perspectives;
pub mod png;
pub mod quadrant;
pub mod report;
pub mod svg;
pub mod table;
pub(crate) mod text;
pub mod xlsx;
pub(crate) mod yed;

use std::path::{Path, PathBuf};

pub use attributes::{AttrDef, AttrType, Schema};
pub use csv::{
    CsvTables, actors_csv, csv_tables, indicators_csv, network_csv, neutralise,
    partnership_indicators_csv, partnerships_csv,
};
pub use fonts::{database as font_database, usvg_options};
pub use gexf::gexf;
pub use glyphs::outline_svg;
pub use graphml::graphml;
pub use json::map_json;
pub use page::{Orientation, PageSetup, PaperSize};
pub use pdf::{PdfInfo, pages_to_pdf, svg_to_pdf, svg_to_pdf_with};
pub use png::{DEFAULT_DPI, svg_to_png};
pub use quadrant::quadrant_svg;
pub use report::{report_pages, report_pdf};
pub use svg::{Colours, DARK, LIGHT, Palette, SvgOptions, map_extent, map_svg, map_svg_with};
pub use text::{escape as xml_escape, xml_clean};
pub use xlsx::{map_xlsx, map_xlsx_with};

use crate::analysis::time::State;
use crate::io::SaveError;
use crate::model::Project;
use crate::task::Progress;
use crate::typology::Framework;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The drawing could not be read back for rendering (a bug: exported SVG is always valid).
    #[error("the drawing could not be rendered: {0}")]
    Svg(String),
    /// The PNG would be too large at the chosen resolution.
    #[error(
        "the picture would be {width} × {height} pixels, more than PartnerMap draws; choose a lower --dpi"
    )]
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The resolution is out of range.
    #[error("the resolution must be between {low} and {high} dpi, not {0}", low = png::DPI_RANGE.start(), high = png::DPI_RANGE.end())]
    BadDpi(f32),
    /// Encoding the PNG failed.
    #[error("could not make the PNG: {0}")]
    Png(String),
    /// Converting to PDF failed.
    #[error("could not make the PDF: {0}")]
    Pdf(String),
    /// Writing a CSV table failed.
    #[error("could not write the CSV table: {0}")]
    Csv(#[from] ::csv::Error),
    /// Writing XML failed.
    #[error("could not write the XML: {0}")]
    Xml(String),
    /// Writing the `.xlsx` workbook failed.
    #[error("could not write the workbook: {0}")]
    Xlsx(String),
    /// Writing JSON failed.
    #[error("could not write the JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A state to compare that the map does not keep: a snapshot's name, or a date that is
    /// not one.
    #[error("the map keeps no snapshot named \"{0}\"")]
    UnknownState(String),
    /// A view that the format cannot show (the quadrant chart as CSV, say).
    #[error("the {view} view exports only as SVG, PNG or PDF, not as {format}")]
    ViewNotSupported {
        /// The view asked for.
        view: &'static str,
        /// The format asked for.
        format: &'static str,
    },
    /// The output folder could not be made or read.
    #[error("{path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The export was cancelled; nothing was written.
    #[error("the export was cancelled; nothing was written")]
    Cancelled,
    /// The file would be larger than PartnerMap's import reads back (design.md §11: what a
    /// command writes, PartnerMap reads); nothing was written.
    #[error("{0}; nothing was written")]
    Unreadable(String),
    /// Writing a file failed; the file that was there is left as it was.
    #[error(transparent)]
    Save(#[from] SaveError),
}

impl From<std::io::Error> for ExportError {
    fn from(source: std::io::Error) -> Self {
        Self::Io {
            path: PathBuf::new(),
            source,
        }
    }
}

/// The formats PartnerMap exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Scalable vector graphics: the map or a quadrant chart.
    Svg,
    /// A raster picture of the SVG at a chosen resolution.
    Png,
    /// The SVG as a one-page vector PDF.
    Pdf,
    /// Tables for spreadsheets, written into a folder.
    Csv,
    /// The same tables as one spreadsheet workbook, a sheet each.
    Xlsx,
    /// GraphML, for Gephi, Cytoscape, yEd and networkx.
    Graphml,
    /// GEXF, Gephi's format.
    Gexf,
    /// The whole map as JSON.
    Json,
    /// The workshop report: the map, the quadrant charts, the indicators and the tables in
    /// one PDF of several pages (`partnermap report`, File → Export report). Not one of
    /// [`Format::ALL`]: it has a command and a menu entry of its own.
    Report,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 8] = [
        Self::Svg,
        Self::Png,
        Self::Pdf,
        Self::Csv,
        Self::Xlsx,
        Self::Graphml,
        Self::Gexf,
        Self::Json,
    ];

    /// The format's name on the command line, which is also its file extension.
    pub fn name(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Graphml => "graphml",
            Self::Gexf => "gexf",
            Self::Json => "json",
            Self::Report => "report",
        }
    }

    /// The format named `name` (either case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The format a file name asks for by its extension. CSV is written into a folder, so a
    /// `.csv` file name is not taken as a request for CSV (see [`ExportError`] in the CLI).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Self::from_name(ext).filter(|f| *f != Self::Csv)
    }

    /// The extension of the file it writes.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Report => "pdf",
            other => other.name(),
        }
    }

    /// Whether the format is a picture (and so can show a quadrant chart).
    pub fn is_picture(self) -> bool {
        matches!(self, Self::Svg | Self::Png | Self::Pdf)
    }
}

/// What picture to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The map.
    Map,
    /// The quadrant chart of a framework.
    Quadrant(Framework),
}

/// Everything an export needs besides the map.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// The format.
    pub format: Format,
    /// The picture, for SVG, PNG and PDF; other formats export the whole map and need
    /// [`View::Map`].
    pub view: View,
    /// The PNG's resolution, in dots per inch.
    pub dpi: f32,
    /// Title, caption, date, area and legend of the picture.
    pub svg: SvgOptions,
    /// Whether CSV tables start with a UTF-8 byte-order mark, so that Excel and LibreOffice's
    /// default import read accents and non-Latin scripts right (design.md §8); on by default.
    pub csv_bom: bool,
    /// Whether a file that the export replaces is kept as `NAME.bak` (asked for when an
    /// export is told to replace a map: `--force`).
    pub keep_backup: bool,
    /// A comparison of two states of the map (design.md §12), earlier then later: the
    /// picture is then the map of both with every change marked ([`View::Map`]) or the
    /// trajectory chart of a framework ([`View::Quadrant`]), see [`compare`]. `None` (the
    /// default) draws the map as it is. Pictures only.
    pub compare: Option<(State, State)>,
}

/// The UTF-8 byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl ExportRequest {
    /// A request for `format` of the whole map with the default options.
    pub fn new(format: Format) -> Self {
        Self {
            format,
            view: View::Map,
            dpi: DEFAULT_DPI,
            svg: SvgOptions::default(),
            csv_bom: true,
            keep_backup: false,
            compare: None,
        }
    }

    /// The request the command line and the Export dialog both build: `view` of `project`
    /// as `format`, dated with the map's last-modified date ([`map_date`]) unless `texts`
    /// say otherwise.
    pub fn for_map(project: &Project, format: Format, view: View, texts: &ExportTexts) -> Self {
        let mut request = Self::new(format);
        request.view = view;
        if format.is_picture() || format == Format::Report {
            let given = |text: &Option<String>| {
                text.as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
            };
            request.svg.title = given(&texts.title);
            request.svg.caption = given(&texts.caption);
            request.svg.date = match &texts.date {
                None => map_date(project),
                date => given(date),
            };
        }
        request
    }
}

/// The texts around an exported picture as the user gave them: `None` where they gave
/// nothing; a blank title uses the map's, a blank caption or date writes none, and a date
/// not given at all is the map's last-modified date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportTexts {
    /// The title on top.
    pub title: Option<String>,
    /// The caption under the picture.
    pub caption: Option<String>,
    /// The date under the caption.
    pub date: Option<String>,
}

/// The date an exported picture carries unless the user gives another: the map's
/// last-modified date, if it has one.
pub fn map_date(project: &Project) -> Option<String> {
    let modified = project.meta.modified.trim();
    (!modified.is_empty()).then(|| modified.to_string())
}

/// The picture asked for, as SVG.
pub fn picture_svg(project: &Project, request: &ExportRequest) -> String {
    picture_svg_with(project, request, &Progress::new()).unwrap_or_default()
}

/// [`picture_svg`], computing the indicators the map's view encoding needs so that
/// `progress` can cancel them (betweenness takes long on a large map).
fn picture_svg_with(
    project: &Project,
    request: &ExportRequest,
    progress: &Progress,
) -> Result<String, ExportError> {
    if let Some((from, to)) = &request.compare {
        return compare::comparison_picture(project, (from, to), request, progress);
    }
    Ok(match request.view {
        View::Map => {
            let indicators = view_indicators(project, request.svg.encoding, progress)?;
            map_svg_with(project, &request.svg, indicators.as_ref())
        }
        View::Quadrant(framework) => quadrant_svg(project, framework, &request.svg),
    })
}

/// The indicators a map drawn with `encoding` needs (sizes by an indicator, broker rings),
/// or `None` when it needs none.
pub(crate) fn view_indicators(
    project: &Project,
    encoding: crate::style::ViewEncoding,
    progress: &Progress,
) -> Result<Option<crate::analysis::Indicators>, ExportError> {
    if !encoding.needs_indicators() {
        return Ok(None);
    }
    indicators(project, encoding.needs_betweenness(), progress).map(Some)
}

/// Every indicator of `project`, betweenness only when `with_betweenness` (on two
/// threads); [`ExportError::Cancelled`] when `progress` is cancelled meanwhile.
pub(crate) fn indicators(
    project: &Project,
    with_betweenness: bool,
    progress: &Progress,
) -> Result<crate::analysis::Indicators, ExportError> {
    let betweenness = if with_betweenness {
        progress.set_stage("betweenness");
        let done = progress.counter(project.actors.len());
        crate::analysis::betweenness(project, 2, progress.cancel_flag(), done)
    } else {
        None
    };
    if progress.is_cancelled() {
        return Err(ExportError::Cancelled);
    }
    progress.set_stage("indicators");
    Ok(crate::analysis::compute(project, betweenness.as_ref()))
}

/// What an exported PDF is about, for its properties: the map's description, or else what
/// the picture shows.
fn pdf_subject(project: &Project, request: &ExportRequest) -> String {
    let description = project.meta.description.trim();
    if !description.is_empty() {
        return description.to_string();
    }
    if let Some((from, to)) = &request.compare {
        let states = format!("{} → {}", from.label(project), to.label(project));
        return match request.view {
            View::Map => format!("Comparison: {states}"),
            View::Quadrant(f) => format!("Trajectories, {}: {states}", f.title()),
        };
    }
    match request.view {
        View::Map => "Partnership map".to_string(),
        View::Quadrant(framework) => format!("Quadrant chart: {}", framework.title()),
    }
}

/// The files an export makes: (file name inside the output folder, or `None` for the
/// output file itself; bytes).
pub type ExportFiles = Vec<(Option<&'static str>, Vec<u8>)>;

/// Renders `request` for `project` without writing anything. CSV and XLSX compute every
/// indicator, betweenness included (on two threads).
pub fn render(project: &Project, request: &ExportRequest) -> Result<ExportFiles, ExportError> {
    render_with(project, request, &Progress::new())
}

/// [`render`], stopping early with [`ExportError::Cancelled`] when `progress` is cancelled.
pub fn render_with(
    project: &Project,
    request: &ExportRequest,
    progress: &Progress,
) -> Result<ExportFiles, ExportError> {
    if progress.is_cancelled() {
        return Err(ExportError::Cancelled);
    }
    if request.view != View::Map && !request.format.is_picture() {
        return Err(ExportError::ViewNotSupported {
            view: "quadrant",
            format: request.format.name(),
        });
    }
    if request.compare.is_some() && !request.format.is_picture() {
        return Err(ExportError::ViewNotSupported {
            view: "comparison",
            format: request.format.name(),
        });
    }
    let one = |bytes: Vec<u8>| Ok(vec![(None, bytes)]);
    match request.format {
        Format::Svg => {
            one(outline_svg(&picture_svg_with(project, request, progress)?)?.into_bytes())
        }
        Format::Png => one(svg_to_png(
            &drawable(picture_svg_with(project, request, progress)?)?,
            request.dpi,
        )?),
        Format::Pdf => {
            let title = match (&request.svg.title, &request.compare) {
                (Some(title), _) => title.clone(),
                (None, Some((from, to))) => compare::default_title(
                    project,
                    (&from.label(project), &to.label(project)),
                    request.view,
                ),
                (None, None) => project.meta.title.clone(),
            };
            let info = PdfInfo {
                title: Some(title),
                author: Some(project.meta.author.clone()),
                subject: Some(pdf_subject(project, request)),
            };
            one(svg_to_pdf_with(
                &drawable(picture_svg_with(project, request, progress)?)?,
                &info,
            )?)
        }
        Format::Csv => {
            let indicators = indicators(project, true, progress)?;
            progress.set_stage("tables");
            let tables = csv_tables(project, &indicators)?;
            let mut files: Vec<(&'static str, String)> = tables.into_files().into();
            for table in over_time::over_time_tables(project, progress)? {
                files.push((over_time::file_name(&table), csv::table_csv(&table)?));
            }
            let bom = if request.csv_bom { UTF8_BOM } else { b"" };
            Ok(files
                .into_iter()
                .map(|(name, text)| {
                    let mut bytes = text.into_bytes();
                    bytes.splice(0..0, bom.iter().copied());
                    (Some(name), bytes)
                })
                .collect())
        }
        Format::Xlsx => {
            let indicators = indicators(project, true, progress)?;
            let more = over_time::over_time_tables(project, progress)?;
            progress.set_stage("tables");
            one(map_xlsx_with(project, &indicators, more)?)
        }
        Format::Graphml => one(graphml(project)?.into_bytes()),
        Format::Gexf => one(gexf(project)?.into_bytes()),
        Format::Json => one(map_json(project)?.into_bytes()),
        Format::Report => one(report_pdf(project, request, progress)?),
    }
}

/// Renders `request` and writes it to `out`, atomically: a file, or for CSV a folder (made
/// if missing) receiving `actors.csv`, `partnerships.csv`, `indicators.csv`,
/// `partnership_indicators.csv`, `network.csv` and `map.csv`, and for a map with snapshots
/// `indicators_by_state.csv` and `changes.csv`. Returns the files written.
pub fn export_to_path(
    project: &Project,
    request: &ExportRequest,
    out: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    export_to_path_with(project, request, out, &Progress::new())
}

/// [`export_to_path`] that can be cancelled through `progress`: a cancelled export writes
/// nothing.
pub fn export_to_path_with(
    project: &Project,
    request: &ExportRequest,
    out: &Path,
    progress: &Progress,
) -> Result<Vec<PathBuf>, ExportError> {
    let files = render_with(project, request, progress)?;
    if progress.is_cancelled() {
        return Err(ExportError::Cancelled);
    }
    readable(project, request.format, &files)?;
    progress.set_stage("writing");
    if request.format == Format::Csv {
        std::fs::create_dir_all(out).map_err(|source| ExportError::Io {
            path: out.to_owned(),
            source,
        })?;
    }
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| {
            let path = match name {
                Some(name) => out.join(name),
                None => out.to_owned(),
            };
            (path, bytes)
        })
        .collect();
    // A set of tables is written as a set: every file is written aside first, and only
    // then do they replace the old ones (design.md §11).
    crate::io::write_set_atomic(&files, request.keep_backup)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The most drawing elements a PNG or PDF is made from: the renderer (usvg) stops at a
/// million nodes, after taking gigabytes to get there, so a larger drawing is refused before
/// that work starts; the margin leaves room for the nodes it adds of its own.
pub const MAX_DRAWN_ELEMENTS: usize = 800_000;

/// `svg`, when a PNG or PDF can be made of it (see [`MAX_DRAWN_ELEMENTS`]).
pub(crate) fn drawable(svg: String) -> Result<String, ExportError> {
    let opening = svg.bytes().filter(|&b| b == b'<').count();
    let elements = opening.saturating_sub(svg.matches("</").count());
    // Every element opened and closed counts once; texts count as nodes too.
    let nodes = elements + svg.matches("</text>").count();
    if nodes > MAX_DRAWN_ELEMENTS {
        return Err(ExportError::Unreadable(format!(
            "the picture would be drawn from about {nodes} elements, more than the \
             {MAX_DRAWN_ELEMENTS} a PNG or PDF is made from; export SVG instead"
        )));
    }
    Ok(svg)
}

/// Refuses an export that PartnerMap's own import would refuse to read back: a file over
/// [`MAX_FILE_BYTES`](crate::io::MAX_FILE_BYTES), a table of more rows or cells, an XML
/// file of more elements and texts than an import reads. Pictures and workbooks are not
/// read back and have limits of their own.
fn readable(
    project: &Project,
    format: Format,
    files: &[(Option<&'static str>, Vec<u8>)],
) -> Result<(), ExportError> {
    use crate::io::import::{MAX_VALUES, MAX_XML_EVENTS};
    let refuse = |what: String| Err(ExportError::Unreadable(what));
    let max_bytes = crate::io::MAX_FILE_BYTES;
    let instead = if format == Format::Json {
        "split the map into smaller maps"
    } else {
        "export JSON instead (PartnerMap, networkx and most tools read it)"
    };
    for (name, bytes) in files {
        let name = match name {
            Some(name) => (*name).to_string(),
            None => format!("the {} file", format.name().to_uppercase()),
        };
        let name = name.as_str();
        if matches!(
            format,
            Format::Csv | Format::Graphml | Format::Gexf | Format::Json
        ) && bytes.len() as u64 > max_bytes
        {
            return refuse(format!(
                "{name} would be {} MB, more than the {} MB PartnerMap reads back; {instead}",
                bytes.len() / 1024 / 1024,
                max_bytes / 1024 / 1024
            ));
        }
        let rows = match name {
            "actors.csv" => project.actors.len(),
            "partnerships.csv" => project.partnerships.len(),
            _ => 0,
        };
        // The header read as the import reads it: a quoted name may hold a comma.
        let columns = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice())
            .records()
            .next()
            .and_then(Result::ok)
            .map_or(0, |header| header.len());
        if format == Format::Csv && rows * columns > MAX_VALUES {
            return refuse(format!(
                "{name} would hold {} cells ({rows} rows of {columns}), more than the \
                 {MAX_VALUES} a CSV import reads; {instead}",
                rows * columns
            ));
        }
        if matches!(format, Format::Graphml | Format::Gexf) {
            let events = xml_events_at_most(bytes);
            if events > MAX_XML_EVENTS {
                return refuse(format!(
                    "{name} would hold up to {events} XML elements and texts, more than the \
                     {MAX_XML_EVENTS} an import reads; {instead}"
                ));
            }
        }
    }
    Ok(())
}

/// At most how many steps an import's XML reader takes through `xml`: each tag is a start
/// or an end (an empty element both) and may be followed by a text, and each reference
/// (`&amp;`) is a text of its own followed by another.
fn xml_events_at_most(xml: &[u8]) -> usize {
    let count = |byte: u8| xml.iter().filter(|&&b| b == byte).count();
    let empty = xml.windows(2).filter(|w| *w == b"/>").count();
    2 * count(b'<') + empty + 2 * count(b'&') + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::{MAX_VALUES, MAX_XML_EVENTS};
    use crate::model::{Actor, ActorId, Level, Sector};

    #[test]
    fn a_table_the_csv_import_would_refuse_is_not_written() {
        let columns = 10;
        // One name holds a comma, quoted: it is still one column.
        let header = vec!["c"; columns - 1].join(",") + ",\"a, b\"\n";
        let mut project = Project::new();
        for i in 1..=(MAX_VALUES / columns) as u64 {
            project.insert_actor(Actor::new(ActorId(i), "a", Sector::State, Level::Village));
        }
        let files = vec![(Some("actors.csv"), header.clone().into_bytes())];
        assert!(readable(&project, Format::Csv, &files).is_ok());
        let next = project.actors.len() as u64 + 1;
        project.insert_actor(Actor::new(
            ActorId(next),
            "a",
            Sector::State,
            Level::Village,
        ));
        let err = readable(&project, Format::Csv, &files)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("actors.csv would hold 5000010 cells (500001 rows of 10), more than the 5000000 a CSV import reads"),
            "{err}"
        );
        assert!(err.ends_with("nothing was written"), "{err}");
    }

    #[test]
    fn an_xml_file_with_more_steps_than_the_import_reads_is_not_written() {
        assert_eq!(xml_events_at_most(b"<a>x</a>"), 5);
        assert_eq!(xml_events_at_most(b"<a/>"), 4);
        let steps_per = 3;
        let fits = b"<a/>".repeat(MAX_XML_EVENTS / steps_per - 1);
        let files = vec![(None, fits)];
        assert!(readable(&Project::new(), Format::Graphml, &files).is_ok());
        let over = b"<a/>".repeat(MAX_XML_EVENTS / steps_per + 1);
        let err = readable(&Project::new(), Format::Gexf, &[(None, over)])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("the GEXF file would hold up to"), "{err}");
    }

    #[test]
    fn a_picture_too_large_for_the_renderer_is_refused_before_it_is_rendered() {
        let fits = format!(
            "<svg>{}</svg>",
            "<g><circle/></g>".repeat(MAX_DRAWN_ELEMENTS / 2 - 1)
        );
        assert!(drawable(fits).is_ok());
        let over = format!(
            "<svg>{}</svg>",
            "<g><circle/></g>".repeat(MAX_DRAWN_ELEMENTS / 2 + 1)
        );
        let err = drawable(over).unwrap_err().to_string();
        assert!(
            err.starts_with("the picture would be drawn from about 800003 elements"),
            "{err}"
        );
    }
}
