//! The command line of design.md §9. Every command returns an exit code; none panics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::analysis;
use crate::io::export::{self, ExportRequest, View};
use crate::io::import::{self, ImportError};
use crate::io::{self, LoadError};
use crate::task::Progress;
use crate::typology::Framework;

mod progress;

/// PartnerMap: map partnerships between the actors of local governance.
#[derive(Debug, Parser)]
#[command(
    name = "partnermap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A map to open in the window (else the last map, else the sample map); a GraphML,
    /// GEXF or CSV file is imported into a new map.
    pub file: Option<PathBuf>,
    /// A command to run instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a map file: exit 0 if valid, 1 listing every problem (line:column) if it is a
    /// PartnerMap file with problems, 2 if it cannot be read as a PartnerMap file at all.
    Check {
        /// The .ron map to check.
        file: PathBuf,
    },
    /// Print every indicator of design.md §5 (network, actors, partnerships, quadrants):
    /// a readable report, or JSON with `--json`. Exits 1 if the map has problems, 2 if it
    /// cannot be read as a PartnerMap file at all.
    Stats {
        /// The .ron map to analyse.
        file: PathBuf,
        /// Print JSON (the keys of design.md §5) instead of the report.
        #[arg(long)]
        json: bool,
        /// Report on a snapshot the map keeps instead of the working map.
        #[arg(long, conflicts_with = "as_of")]
        snapshot: Option<String>,
        /// Report on the map as it stood on a day (YYYY, YYYY-MM or YYYY-MM-DD): the
        /// partnerships whose start and end dates cover it, with the values of the snapshot
        /// standing for that day (design.md §12).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Report on the map as the perspective NAME sees it (design.md §13): its values
        /// where it gave them, the map's elsewhere; the report says which.
        #[arg(long, value_name = "NAME", conflicts_with_all = ["snapshot", "as_of"])]
        perspective: Option<String>,
    },
    /// Keep the map as it is now (or another map file, with --from) as a named, dated
    /// snapshot in FILE, saved atomically with a backup (design.md §12).
    Snapshot(time::SnapshotArgs),
    /// Say what changed between two states of a map: a snapshot and another, or `now`.
    /// Exits 2 when a state is not found.
    Diff(time::DiffArgs),
    /// Export a map: the map or a quadrant chart as SVG, PNG or PDF; CSV tables or an XLSX
    /// workbook of them; GraphML or GEXF for Gephi, Cytoscape, yEd and networkx; or JSON. The
    /// format follows OUT's extension unless --format is given. CSV writes actors.csv,
    /// partnerships.csv, indicators.csv, partnership_indicators.csv, network.csv and map.csv
    /// into the folder OUT (made if missing); XLSX writes the same tables into one workbook,
    /// a sheet each.
    Export(ExportArgs),
    /// Write the whole workshop report as one PDF: the map, the four quadrant charts with
    /// their unplaced lists, the network indicators with what each is computed from, and
    /// the tables of actors and partnerships, with the map's title and date and a page
    /// number on every page.
    Report(ReportArgs),
    /// Import a map from GraphML, GEXF, CSV tables or PartnerMap's JSON export into a new
    /// .ron map. JSON is the whole map, checked as a map file is. For CSV, IN is a
    /// folder holding actors.csv and/or partnerships.csv, or one table (a partnerships table
    /// when its headers name both ends; the other table is read from beside it). Columns are
    /// mapped by their headers (see the README); --map changes a column's mapping. Exits 1
    /// listing every value that does not fit, 2 if the input cannot be read.
    Import(ImportArgs),
    /// Merge another group's map (OTHER) into FILE as a perspective named NAME, written to
    /// OUT (design.md §13). Exits 1 listing the matches in doubt unless --accept-matches.
    Merge(merge::MergeArgs),
    /// Generate a synthetic map for scale tests: the same seed always gives the same file.
    Generate {
        /// How many actors.
        #[arg(long)]
        actors: usize,
        /// How many partnerships.
        #[arg(long)]
        partnerships: usize,
        /// The random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the map (.ron).
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// The options of `partnermap export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The .ron map to export (a GraphML, GEXF, CSV or JSON file is imported first, with
    /// `partnermap import`).
    pub file: PathBuf,
    /// Where to write: a file, or a folder for CSV.
    #[arg(short, long)]
    pub output: PathBuf,
    /// svg, png, pdf, csv, xlsx, graphml, gexf or json (default: from OUT's extension).
    #[arg(long, value_parser = parse_format)]
    pub format: Option<export::Format>,
    /// The PNG's resolution in dots per inch (default 300).
    #[arg(long)]
    pub dpi: Option<f32>,
    /// map or quadrant (SVG, PNG and PDF only).
    #[arg(long, default_value = "map", value_parser = ["map", "quadrant"])]
    pub view: String,
    /// The quadrant chart's framework: a, b, c or d (default a).
    #[arg(long, value_parser = parse_framework)]
    pub framework: Option<Framework>,
    /// A caption under the picture.
    #[arg(long)]
    pub caption: Option<String>,
    /// The title on top of the picture (default: the map's title).
    #[arg(long)]
    pub title: Option<String>,
    /// A date under the picture (default: the map's last-modified date, if it has one).
    #[arg(long)]
    pub date: Option<String>,
    /// Leave the legend out of the map picture.
    #[arg(long)]
    pub no_legend: bool,
    /// What sizes the actors in the map picture, as the window's View menu does:
    /// influence, betweenness or trust (received).
    #[arg(long, default_value = "influence")]
    pub size_by: crate::style::SizeBy,
    /// Ring cross-sector brokers in the map picture, as the window's View menu does.
    #[arg(long)]
    pub rings: bool,
    /// CSV tables without the UTF-8 byte-order mark that spreadsheets need to read accents
    /// and non-Latin scripts right (it is written by default; imports accept both).
    #[arg(long)]
    pub no_bom: bool,
    /// Replace OUT even when it is the map being exported or another .ron map (kept as
    /// OUT.bak); without it such an export is refused.
    #[arg(long)]
    pub force: bool,
    /// Lay the picture out on paper: a4, a3, letter, or fit (the drawing's own size, the
    /// default), with margins, a title block, the legend where it fits and labels never
    /// under 7 pt (SVG, PNG and PDF).
    #[arg(long, value_parser = parse_paper)]
    pub page: Option<export::PaperSize>,
    /// Turn the page wider than tall (default: as the map's shape is).
    #[arg(long, conflicts_with = "portrait")]
    pub landscape: bool,
    /// Turn the page taller than wide (default: as the map's shape is).
    #[arg(long)]
    pub portrait: bool,
    /// light (a white page, the default) or dark (as the window's dark theme).
    #[arg(long, default_value = "light", value_parser = parse_colours)]
    pub colours: export::Colours,
    /// Compare two states (design.md §12), from this snapshot to --to: the map with every
    /// change marked, or with --view quadrant each partnership's trajectory (SVG, PNG, PDF).
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// The later state compared: a snapshot's name, or now (the default).
    #[arg(long, value_name = "NAME|now", requires = "from")]
    pub to: Option<String>,
}

/// The options of `partnermap report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The .ron map to report on.
    pub file: PathBuf,
    /// Where to write the report (.pdf).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The paper: a4 (default) or letter.
    #[arg(long, default_value = "a4", value_parser = parse_report_paper)]
    pub page: export::PaperSize,
    /// The title on every page (default: the map's title).
    #[arg(long)]
    pub title: Option<String>,
    /// The date on every page (default: the map's last-modified date, if it has one).
    #[arg(long)]
    pub date: Option<String>,
    /// A caption under the map.
    #[arg(long)]
    pub caption: Option<String>,
    /// light (a white page, the default) or dark.
    #[arg(long, default_value = "light", value_parser = parse_colours)]
    pub colours: export::Colours,
    /// Replace REPORT even when it is the map reported on or another .ron map (kept as
    /// REPORT.bak); without it such a report is refused.
    #[arg(long)]
    pub force: bool,
}

/// The options of `partnermap import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file (or, for CSV, folder) to import.
    pub input: PathBuf,
    /// Where to write the new map (.ron).
    #[arg(short, long)]
    pub output: PathBuf,
    /// graphml, gexf, csv or json (default: from IN's extension; a folder is csv).
    #[arg(long, value_parser = parse_import_format)]
    pub format: Option<import::ImportFormat>,
    /// CSV: the partnerships table, when it is not partnerships.csv beside the actors table.
    #[arg(long)]
    pub partnerships: Option<PathBuf>,
    /// CSV: map the column HEADER to FIELD (a field name of design.md §3, `custom` or
    /// `ignore`); may be repeated.
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
}

fn parse_import_format(s: &str) -> Result<import::ImportFormat, String> {
    import::ImportFormat::from_name(s).ok_or_else(|| {
        let choice = import::ImportFormat::names_choice();
        format!("unknown format {s:?}: use {choice}")
    })
}

fn parse_format(s: &str) -> Result<export::Format, String> {
    export::Format::from_name(s).ok_or_else(|| {
        format!("unknown format {s:?}: use svg, png, pdf, csv, xlsx, graphml, gexf or json")
    })
}

fn parse_paper(s: &str) -> Result<export::PaperSize, String> {
    export::PaperSize::from_name(s)
        .ok_or_else(|| format!("unknown page {s:?}: use a4, a3, letter or fit"))
}

fn parse_colours(s: &str) -> Result<export::Colours, String> {
    [export::Colours::Light, export::Colours::Dark]
        .into_iter()
        .find(|c| c.name().eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| format!("unknown colours {s:?}: use light or dark"))
}

fn parse_report_paper(s: &str) -> Result<export::PaperSize, String> {
    export::PaperSize::from_name(s)
        .filter(|p| matches!(p, export::PaperSize::A4 | export::PaperSize::Letter))
        .ok_or_else(|| format!("unknown page {s:?} for a report: use a4 or letter"))
}

fn parse_framework(s: &str) -> Result<Framework, String> {
    Framework::from_letter(s).ok_or_else(|| format!("unknown framework {s:?}: use a, b, c or d"))
}

/// Writes a line to standard error. A message that cannot be written (standard error
/// closed or full) is dropped: reporting never panics.
macro_rules! warn {
    ($($arg:tt)*) => {
        $crate::cli::to_stderr(format_args!($($arg)*))
    };
}

// After `warn!`, which they use.
mod generate;
mod merge;
mod stats;
mod time;

/// `text` safe to print on a terminal: control characters from a file (an escape sequence
/// in an actor's name, a carriage return, a NUL) are written as `\u{1b}` rather than acted
/// on; line breaks and tabs stay.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if control(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes `args` and a line break to standard error, ignoring a failure (see [`warn!`]).
pub(crate) fn to_stderr(args: std::fmt::Arguments<'_>) {
    let line = printable(&args.to_string()).into_owned();
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

/// The exit code of a command whose reader went away (a closed pipe): 141, as a shell reports
/// a Unix tool that the pipe's signal ended (128 + SIGPIPE).
const CLOSED_PIPE: u8 = 141;

/// How a command ends after writing its output to standard output with `written`: as it
/// meant to (`done`) when the output was written; quietly with exit 141 when the reader has
/// gone (a closed pipe, `| head`), as Unix tools end; with a message and exit 1 when the
/// output could not be written (a full disk, a device that refuses it) — never with a panic.
fn finish_output(command: &str, written: std::io::Result<()>, done: ExitCode) -> ExitCode {
    match written {
        Ok(()) => done,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(CLOSED_PIPE),
        Err(e) => {
            warn!("partnermap {command}: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes `args` and a line break to standard output, flushed.
fn to_stdout(args: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    let line = printable(&args.to_string()).into_owned();
    let mut out = std::io::stdout().lock();
    out.write_all(line.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
}

/// Runs a command, printing results to stdout and errors to stderr.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check(&file),
        Command::Stats {
            file,
            json,
            snapshot,
            as_of,
            perspective,
        } => stats::stats(
            &file,
            json,
            stats::Which {
                snapshot: snapshot.as_deref(),
                as_of: as_of.as_deref(),
                perspective: perspective.as_deref(),
            },
        ),
        Command::Snapshot(args) => time::snapshot(&args),
        Command::Diff(args) => time::diff(&args),
        Command::Export(args) => export(&args),
        Command::Report(args) => report(&args),
        Command::Import(args) => import_command(&args),
        Command::Merge(args) => merge::merge(&args),
        Command::Generate {
            actors,
            partnerships,
            seed,
            output,
        } => generate::generate(actors, partnerships, seed, &output),
    }
}

/// An input path as given, with `-` standing for standard input as in other Unix tools.
fn input(path: &Path) -> &Path {
    if path == Path::new("-") {
        Path::new("/dev/stdin")
    } else {
        path
    }
}

fn check(file: &Path) -> ExitCode {
    let file = input(file);
    let shown = file.display();
    if let Some(message) = to_import_first(file) {
        warn!("{message}");
        return ExitCode::from(2);
    }
    let progress = Progress::new();
    progress.set_stage("reading the map");
    match progress::reporting("check", &progress, || io::load_path(file)) {
        Ok(project) => finish_output(
            "check",
            to_stdout(format_args!(
                "{shown}: valid map with {} actors and {} partnerships",
                project.actors.len(),
                project.partnerships.len()
            )),
            ExitCode::SUCCESS,
        ),
        Err(LoadError::Invalid(problems)) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = write_problems(&mut out, file, &problems).and_then(|()| out.flush());
            drop(out);
            let ended = finish_output("check", written, ExitCode::SUCCESS);
            if ended != ExitCode::SUCCESS {
                return ended;
            }
            let n = problems.len();
            warn!(
                "{shown}: invalid map: {n} problem{}",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(e) => {
            warn!("{shown}: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes each problem as `FILE:LINE:COLUMN: message` (or `FILE: message`).
fn write_problems(
    out: &mut impl Write,
    file: &Path,
    problems: &[crate::model::Problem],
) -> std::io::Result<()> {
    let shown = file.display();
    for p in problems {
        let line = match p.location {
            Some(l) => format!("{shown}:{}:{}: {}", l.line, l.column, p.message()),
            None => format!("{shown}: {}", p.message()),
        };
        writeln!(out, "{}", printable(&line))?;
    }
    Ok(())
}

/// What to say when `file` is one that PartnerMap imports rather than opens (GraphML, GEXF,
/// a CSV table, JSON, by its name): the command that makes a map of it. Commands that need
/// a map refuse such a file with exit code 2, as any file that is not a map; they do not
/// import it behind the user's back (an import may lay actors out and add tags).
fn to_import_first(file: &Path) -> Option<String> {
    if file.is_dir() {
        return None;
    }
    let format = import::ImportFormat::from_path(file)?;
    let shown = file.display();
    Some(format!(
        "{shown}: this is a {} file, not a PartnerMap map: import it first \
         (partnermap import {shown} -o map.ron) and use map.ron",
        format.label()
    ))
}

/// Opens the map for a command that needs a valid one; on failure says why on stderr (every
/// problem, then `what_happens`) and gives the exit code: 1 invalid, 2 unreadable (a file to
/// import first included).
fn load_or_report(file: &Path, what_happens: &str) -> Result<crate::model::Project, ExitCode> {
    let file = input(file);
    let shown = file.display();
    if let Some(message) = to_import_first(file) {
        warn!("{message}; {what_happens}");
        return Err(ExitCode::from(2));
    }
    match io::load_path(file) {
        Ok(project) => Ok(project),
        Err(LoadError::Invalid(problems)) => {
            // On standard error: a problem that cannot be reported changes nothing else.
            let _ = write_problems(&mut std::io::stderr().lock(), file, &problems);
            let n = problems.len();
            let plural = if n == 1 { "" } else { "s" };
            warn!("{shown}: invalid map: {n} problem{plural}; {what_happens}");
            Err(ExitCode::from(1))
        }
        Err(e) => {
            warn!("{shown}: {e}");
            Err(ExitCode::from(2))
        }
    }
}

/// How many worker threads compute betweenness for `stats`: the 2-core machines of
/// design.md §10.
const STATS_THREADS: usize = 2;

/// Which format an export writes: `--format`, else OUT's extension, else (for an existing
/// folder or a name ending in a slash) CSV.
fn export_format(args: &ExportArgs) -> Result<export::Format, String> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let out = &args.output;
    let ext = out.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext.eq_ignore_ascii_case("csv") {
        return Err(format!(
            "{}: CSV export writes several tables into a folder: give the folder and --format csv \
             (for example -o tables --format csv)",
            out.display()
        ));
    }
    if let Some(f) = export::Format::from_path(out) {
        return Ok(f);
    }
    let text = out.to_string_lossy();
    if out.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Ok(export::Format::Csv);
    }
    Err(format!(
        "{}: cannot tell the format from the name: end it in .svg, .png, .pdf, .xlsx, .graphml, \
         .gexf or .json, or give --format",
        out.display()
    ))
}

/// Whether writing to `out` would replace a map: the map `input` being read, or an existing
/// `.ron` file (or its `.bak`). Such a write is refused unless `force` (design.md §11);
/// `Ok(true)` asks the write to keep the old file as a backup.
fn replaces_a_map(command: &str, input: &Path, out: &Path, force: bool) -> Result<bool, ExitCode> {
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let name = out.to_string_lossy().to_lowercase();
    let map_file = out.is_file() && (name.ends_with(".ron") || name.ends_with(".ron.bak"));
    if !(same || map_file) {
        return Ok(false);
    }
    if force {
        return Ok(true);
    }
    let what = if same {
        "is the map being read"
    } else {
        "is a PartnerMap map"
    };
    warn!(
        "partnermap {command}: {} {what}: nothing was written; choose another output name, or add --force to replace it (it is kept as .bak)",
        out.display()
    );
    Err(ExitCode::from(2))
}

fn export(args: &ExportArgs) -> ExitCode {
    let format = match export_format(args) {
        Ok(f) => f,
        Err(e) => {
            warn!("partnermap export: {e}");
            return ExitCode::from(2);
        }
    };
    if args.dpi.is_some() && format != export::Format::Png {
        warn!(
            "partnermap export: --dpi applies to PNG only, not to {}",
            format.name()
        );
        return ExitCode::from(2);
    }
    let view = if args.view == "quadrant" {
        View::Quadrant(args.framework.unwrap_or(Framework::A))
    } else {
        if args.framework.is_some() {
            warn!("partnermap export: --framework needs --view quadrant");
            return ExitCode::from(2);
        }
        View::Map
    };
    let keep_backup = match replaces_a_map("export", &args.file, &args.output, args.force) {
        Ok(keep) => keep,
        Err(code) => return code,
    };
    let paged = args.page.is_some() || args.landscape || args.portrait;
    if paged && !format.is_picture() {
        warn!(
            "partnermap export: --page, --landscape and --portrait apply to SVG, PNG and PDF, not to {}",
            format.name()
        );
        return ExitCode::from(2);
    }
    if args.from.is_some() && !format.is_picture() {
        warn!(
            "partnermap export: --from and --to apply to SVG, PNG and PDF, not to {}",
            format.name()
        );
        return ExitCode::from(2);
    }
    let project = match load_or_report(&args.file, "nothing exported") {
        Ok(project) => project,
        Err(code) => return code,
    };
    let compare = match &args.from {
        None => None,
        Some(from) => {
            let to = args.to.as_deref().unwrap_or(analysis::change::NOW);
            let file = input(&args.file);
            match (
                time::named_state(&project, file, from),
                time::named_state(&project, file, to),
            ) {
                (Ok(a), Ok(b)) => Some((a, b)),
                (Err(code), _) | (_, Err(code)) => return code,
            }
        }
    };
    let texts = export::ExportTexts {
        title: args.title.clone(),
        caption: args.caption.clone(),
        date: args.date.clone(),
    };
    let mut request = ExportRequest::for_map(&project, format, view, &texts);
    request.csv_bom = !args.no_bom;
    request.keep_backup = keep_backup;
    request.compare = compare;
    request.dpi = args.dpi.unwrap_or(export::DEFAULT_DPI);
    request.svg.legend = !args.no_legend;
    request.svg.encoding = crate::style::ViewEncoding {
        size_by: args.size_by,
        broker_rings: args.rings,
    };
    request.svg.page = export::PageSetup {
        paper: args.page.unwrap_or_default(),
        orientation: if args.landscape {
            Some(export::Orientation::Landscape)
        } else if args.portrait {
            Some(export::Orientation::Portrait)
        } else {
            None
        },
    };
    request.svg.colours = args.colours;
    if request.svg.page.paper == export::PaperSize::Fit && request.svg.page.orientation.is_some() {
        warn!("partnermap export: --landscape and --portrait need --page a4, a3 or letter");
        return ExitCode::from(2);
    }
    write_export(&project, &request, &args.output)
}

/// Writes `request` to `out`, listing the files written.
fn write_export(project: &crate::model::Project, request: &ExportRequest, out: &Path) -> ExitCode {
    let progress = Progress::new();
    let command = if request.format == export::Format::Report {
        "report"
    } else {
        "export"
    };
    let exported = progress::reporting(command, &progress, || {
        export::export_to_path_with(project, request, out, &progress)
    });
    match exported {
        Ok(files) => {
            let list: Vec<String> = files
                .iter()
                .map(|f| format!("wrote {}", f.display()))
                .collect();
            finish_output(
                "export",
                to_stdout(format_args!("{}", list.join("\n"))),
                ExitCode::SUCCESS,
            )
        }
        Err(e) => {
            warn!("partnermap export: {e}");
            ExitCode::from(1)
        }
    }
}

fn report(args: &ReportArgs) -> ExitCode {
    let keep_backup = match replaces_a_map("report", &args.file, &args.output, args.force) {
        Ok(keep) => keep,
        Err(code) => return code,
    };
    let project = match load_or_report(&args.file, "no report written") {
        Ok(project) => project,
        Err(code) => return code,
    };
    let texts = export::ExportTexts {
        title: args.title.clone(),
        caption: args.caption.clone(),
        date: args.date.clone(),
    };
    let mut request = ExportRequest::for_map(&project, export::Format::Report, View::Map, &texts);
    request.svg.page = export::PageSetup::new(args.page);
    request.svg.colours = args.colours;
    request.keep_backup = keep_backup;
    write_export(&project, &request, &args.output)
}

fn import_command(args: &ImportArgs) -> ExitCode {
    let progress = Progress::new();
    progress::reporting("import", &progress, || import_with(args, &progress))
}

fn import_with(args: &ImportArgs, progress: &Progress) -> ExitCode {
    let input = &input(&args.input).to_path_buf();
    let shown = input.display();
    let format = args
        .format
        .or_else(|| import::ImportFormat::from_path(input));
    progress.set_stage("reading");
    let result = match format {
        None => Err(ImportError::UnknownFormat(input.clone())),
        Some(import::ImportFormat::Csv) => (|| {
            let mut tables = import::csv::Tables::find(input)?;
            if let Some(p) = &args.partnerships {
                tables.partnerships = Some(import::csv::Table::read(p)?);
            }
            let mut mapping = tables.guess_mapping();
            for m in &args.map {
                let Some((header, field)) = m.split_once('=') else {
                    return Err(ImportError::Malformed(import::Issue {
                        place: import::Place::File,
                        message: format!("--map {m:?}: write it as HEADER=FIELD"),
                    }));
                };
                mapping.set(&tables, header, field).map_err(|message| {
                    ImportError::Malformed(import::Issue {
                        place: import::Place::File,
                        message: format!("--map {m:?}: {message}"),
                    })
                })?;
            }
            import::csv::import(&tables, &mapping, progress)
        })(),
        Some(f) => import::import_path(input, Some(f), progress),
    };
    let mut imported = match result {
        Ok(imported) => imported,
        Err(ImportError::Problems(issues, more)) => {
            for issue in &issues {
                warn!("{shown}: {issue}");
            }
            let n = issues.len() + more;
            if more > 0 {
                warn!("{shown}: … and {more} more problems");
            }
            let (values, verb) = if n == 1 {
                ("value", "does")
            } else {
                ("values", "do")
            };
            warn!("{shown}: {n} {values} {verb} not fit; nothing was written");
            return ExitCode::from(1);
        }
        Err(e) => {
            warn!("{shown}: {e}");
            return ExitCode::from(2);
        }
    };
    for note in &imported.notes {
        warn!("{shown}: note: {note}");
    }
    // A new map begins here: it gets its origin (design.md §13), unless it brought one.
    imported.project.meta.ensure_origin();
    progress.set_stage("writing the map");
    match io::save_path(&imported.project, &args.output) {
        Ok(()) => finish_output(
            "import",
            to_stdout(format_args!(
                "wrote {} with {} actors and {} partnerships",
                args.output.display(),
                imported.project.actors.len(),
                imported.project.partnerships.len()
            )),
            ExitCode::SUCCESS,
        ),
        Err(e) => {
            warn!("partnermap import: {e}");
            ExitCode::from(2)
        }
    }
}
