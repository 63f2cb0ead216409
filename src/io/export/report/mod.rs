//! The workshop report (design.md §8): one PDF with the map, the four quadrant charts with
//! their unplaced lists, for a map with snapshots a Change section (design.md §12: the
//! states, what changed from the earliest snapshot to now, the network indicators by state,
//! the comparison map and the trajectories of framework A), for a map with perspectives a
//! Perspectives section (design.md §13: the groups, the indicators as each sees the map, the
//! disagreement, the most contested partnerships), the network indicators with what
//! each is computed from, and the tables of actors and partnerships — every page with the
//! map's title, its date and a page number. Each page is an SVG of a paper size, drawn with the same code as the single-page
//! exports, and the pages are put together by [`super::pdf::pages_to_pdf`].

mod change;
mod perspectives;
mod table;

use std::cmp::Ordering;

use table::{Column, Table, TablePage};

use super::page::{Frame, PageSetup, PaperSize, Sheet};
use super::pdf::{PdfInfo, PdfPage, prepared_to_pdf};
use super::quadrant::{quadrant_page, trajectory_page};
use super::svg::{Palette, SvgOptions, comparison_page_svg, map_page_svg, title_of};
use super::{ExportError, ExportRequest, indicators};
use crate::analysis::{Indicators, network_rows};
use crate::model::{Choice, Project};
use crate::task::Progress;
use crate::typology::Framework;

/// The report of `project` as a PDF, on the paper of `request.svg.page` (A4 when that is
/// fitted to the drawing), with the texts and view encoding of `request`.
pub fn report_pdf(
    project: &Project,
    request: &ExportRequest,
    progress: &Progress,
) -> Result<Vec<u8>, ExportError> {
    let pages = build(project, request, progress, true)?;
    if progress.is_cancelled() {
        return Err(ExportError::Cancelled);
    }
    let title = title_of(project, &request.svg);
    let info = PdfInfo {
        title,
        author: Some(project.meta.author.clone()),
        subject: Some(
            "Partnership map report: the map, the quadrant charts, the indicators and the tables"
                .to_string(),
        ),
    };
    prepared_to_pdf(&pages, &info)
}

/// The report's pages as SVG documents, in order.
pub fn report_pages(
    project: &Project,
    request: &ExportRequest,
    progress: &Progress,
) -> Result<Vec<String>, ExportError> {
    Ok(build(project, request, progress, false)?
        .into_iter()
        .filter_map(|p| match p {
            PdfPage::Svg(svg) => Some(svg),
            PdfPage::Plain { .. } => None,
        })
        .collect())
}

/// One page of the report, planned before any is drawn so that each knows its number.
enum Planned {
    /// The map.
    Map,
    /// A framework's quadrant chart.
    Chart(Framework),
    /// The Change section's first page: the states and the counts of changes.
    ChangeSummary,
    /// The comparison map of the earliest snapshot and now.
    Comparison,
    /// The trajectory chart of framework A from the earliest snapshot to now.
    Trajectories,
    /// The Perspectives section's first page: the tables of it that fit, one under the
    /// other.
    PerspectivesSummary,
    /// A page of a table.
    Table(TablePage),
}

/// The report's pages, in order; the table pages' texts kept aside as plain lines when
/// `plain` (for the PDF, which draws them without laying them out again).
fn build(
    project: &Project,
    request: &ExportRequest,
    progress: &Progress,
    plain: bool,
) -> Result<Vec<PdfPage>, ExportError> {
    let ind = indicators(project, true, progress)?;
    let change = change::change_section(project, progress)?;
    let mut opts = request.svg.clone();
    if opts.page.paper == PaperSize::Fit {
        opts.page.paper = PaperSize::A4;
    }
    // Charts and tables stand upright; the map turns with its shape.
    let upright = PageSetup {
        orientation: Some(super::page::Orientation::Portrait),
        ..opts.page
    };
    let sheet = upright.sheet(false).ok_or(ExportError::Svg(
        "the report needs a paper size".to_string(),
    ))?;
    let title = title_of(project, &opts);
    let frame = |page| Frame {
        caption: None,
        ..Frame::for_picture(title.as_deref(), &opts, project, Some(page))
    };
    let content = frame((1, 1)).lay_out(&sheet).content;
    let mut tables = Vec::new();
    let mut planned = vec![Planned::Map];
    planned.extend(Framework::ALL.map(Planned::Chart));
    if let Some(change) = &change {
        let summary = &change.summary;
        if summary
            .iter()
            .map(|t| t.height(content.w) + 12.0)
            .sum::<f64>()
            <= content.h
        {
            planned.push(Planned::ChangeSummary);
        } else {
            tables.extend(summary.iter().cloned());
        }
        tables.push(change.by_state.clone());
        planned.extend(table_pages(&tables, 0, content));
        planned.push(Planned::Comparison);
        planned.push(Planned::Trajectories);
    }
    let voices = perspectives::perspectives_section(project, &ind);
    let mut stacked = Vec::new();
    if let Some(section) = voices {
        // As many of its tables as fit go on its first page; the rest follow.
        let mut used = 0.0;
        let mut section = section.into_iter().peekable();
        while let Some(t) = section.next_if(|t| {
            used += t.height(content.w) + 12.0;
            used <= content.h
        }) {
            stacked.push(t);
        }
        let first = tables.len();
        tables.extend(section);
        if !stacked.is_empty() {
            planned.push(Planned::PerspectivesSummary);
        }
        planned.extend(table_pages(&tables, first, content));
    }
    let first_table = tables.len();
    tables.extend(self::tables(project, &ind));
    planned.extend(table_pages(&tables, first_table, content));
    let total = planned.len();

    let mut pages = Vec::with_capacity(total);
    for (k, page) in planned.into_iter().enumerate() {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        let number = (k + 1, total);
        pages.push(match page {
            Planned::Map => PdfPage::Svg(super::drawable(map_page_svg(
                project,
                &opts,
                Some(&ind),
                Some(number),
            ))?),
            Planned::Chart(framework) => {
                let chart_opts = SvgOptions {
                    title: Some(titled(title.as_deref(), framework.title())),
                    caption: None,
                    ..opts.clone()
                };
                PdfPage::Svg(quadrant_page(
                    project,
                    framework,
                    &chart_opts,
                    &sheet,
                    Some(number),
                ))
            }
            Planned::ChangeSummary => {
                let summary = change.as_ref().map(|c| &c.summary[..]).unwrap_or(&[]);
                stacked_tables_page((&sheet, opts.colours.palette()), &frame(number), summary)
            }
            Planned::PerspectivesSummary => {
                stacked_tables_page((&sheet, opts.colours.palette()), &frame(number), &stacked)
            }
            Planned::Comparison => {
                let Some(c) = &change else { continue };
                comparison_page(project, c, &opts, number, progress)?
            }
            Planned::Trajectories => {
                let Some(c) = &change else { continue };
                let c = &c.comparison;
                let framework = Framework::A;
                let what = format!("{} → {}, {}", c.from, c.to, framework.title());
                let chart_opts = SvgOptions {
                    title: Some(titled(title.as_deref(), &what)),
                    caption: None,
                    ..opts.clone()
                };
                PdfPage::Svg(trajectory_page(
                    &c.trajectories(project, framework),
                    project,
                    &chart_opts,
                    &sheet,
                    Some(number),
                ))
            }
            Planned::Table(tp) => table_page(
                (&sheet, opts.colours.palette()),
                &frame(number),
                (&tables[tp.table], tp),
                plain,
            ),
        });
    }
    Ok(pages)
}

/// `what` after the report's title and a dash, or alone.
fn titled(title: Option<&str>, what: &str) -> String {
    match title {
        Some(t) => format!("{t} — {what}"),
        None => what.to_string(),
    }
}

/// The pages of the tables `tables[from..]` in the content area `c`.
fn table_pages(tables: &[Table], from: usize, c: super::page::Area) -> Vec<Planned> {
    tables
        .iter()
        .enumerate()
        .skip(from)
        .flat_map(|(t, table)| {
            table
                .paginate(c)
                .into_iter()
                .enumerate()
                .map(move |(k, rows)| {
                    Planned::Table(TablePage {
                        table: t,
                        rows,
                        first: k == 0,
                    })
                })
        })
        .collect()
}

/// The comparison map of the Change section, on a page numbered `number`.
fn comparison_page(
    project: &Project,
    change: &change::ChangeSection,
    opts: &SvgOptions,
    number: (usize, usize),
    progress: &Progress,
) -> Result<PdfPage, ExportError> {
    let c = &change.comparison;
    let title = title_of(project, opts);
    let what = format!("Change: {} → {}", c.from, c.to);
    let opts = SvgOptions {
        title: Some(titled(title.as_deref(), &what)),
        caption: None,
        ..opts.clone()
    };
    let ind = super::view_indicators(&c.composed.project, opts.encoding, progress)?;
    Ok(PdfPage::Svg(super::drawable(comparison_page_svg(
        &c.composed,
        (&c.from, &c.to),
        &opts,
        ind.as_ref(),
        Some(number),
    ))?))
}

/// A page of small tables drawn one under the other.
fn stacked_tables_page(
    (sheet, pal): (&Sheet, &'static Palette),
    frame: &Frame,
    tables: &[Table],
) -> PdfPage {
    let laid = frame.lay_out(sheet);
    let mut doc = sheet.doc(frame.title, pal);
    frame.draw(&mut doc, sheet, &laid);
    let mut c = laid.content;
    for table in tables {
        table.draw(&mut doc, c, 0..table.rows.len(), true);
        let used = table.height(c.w) + 12.0;
        c.y += used;
        c.h -= used;
    }
    PdfPage::Svg(doc.finish())
}

/// A page of a table, its texts kept aside when `plain`.
fn table_page(
    (sheet, pal): (&Sheet, &'static Palette),
    frame: &Frame,
    (table, tp): (&Table, TablePage),
    plain: bool,
) -> PdfPage {
    let laid = frame.lay_out(sheet);
    let mut doc = sheet.doc(frame.title, pal);
    if plain {
        doc = doc.recording();
    }
    frame.draw(&mut doc, sheet, &laid);
    table.draw(&mut doc, laid.content, tp.rows, tp.first);
    if plain {
        let (svg, texts) = doc.finish_recorded();
        let size = (sheet.size.0 as f32, sheet.size.1 as f32);
        PdfPage::Plain { svg, size, texts }
    } else {
        PdfPage::Svg(doc.finish())
    }
}

/// The report's tables: the network indicators, the actors, the partnerships.
fn tables(project: &Project, ind: &Indicators) -> Vec<Table> {
    vec![
        network_table(ind),
        actors_table(project, ind),
        partnerships_table(project),
    ]
}

fn network_table(ind: &Indicators) -> Table {
    Table {
        heading: "Network indicators".to_string(),
        columns: vec![
            Column::text("Indicator", 3.0),
            Column::number("Value", 1.2),
            Column::text("Computed from", 6.0),
        ],
        rows: network_rows(&ind.network)
            .into_iter()
            .map(|r| vec![r.label.to_string(), r.value, r.from])
            .collect(),
        empty: "",
    }
}

/// A score or a dash.
fn score<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "–".to_string(), |v| v.to_string())
}

/// A choice's label or "not set".
fn choice<C: Choice>(v: Option<C>) -> String {
    v.map_or_else(|| "not set".to_string(), |c| c.label().to_string())
}

/// A share as a percentage, or a dash.
fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// Who holds decisions, in words.
fn power(v: Option<i8>) -> &'static str {
    match v {
        None => "–",
        Some(..=-2) => "A leads",
        Some(-1) => "A more",
        Some(0) => "Equal",
        Some(1) => "B more",
        Some(2..) => "B leads",
    }
}

/// Names in the order a reader looks them up: letters first, case and accents aside.
fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b))
}

fn actors_table(project: &Project, ind: &Indicators) -> Table {
    let mut actors: Vec<_> = project.actors.values().collect();
    actors.sort_by(|a, b| by_name(&a.name, &b.name).then(a.id.cmp(&b.id)));
    let rows = actors
        .into_iter()
        .map(|a| {
            let i = ind.actors.get(&a.id);
            vec![
                a.name.clone(),
                choice(a.sector),
                choice(a.level),
                score(a.influence),
                score(a.interest),
                i.map_or_else(String::new, |i| i.degree.to_string()),
                i.and_then(|i| i.betweenness)
                    .map_or_else(|| "–".to_string(), |b| format!("{b:.3}")),
                pct(i.and_then(|i| i.trust_received)),
                i.and_then(|i| i.mendelow.placed())
                    .map_or_else(|| "–".to_string(), |p| p.quadrant.to_string()),
            ]
        })
        .collect();
    Table {
        heading: format!("Actors ({})", project.actors.len()),
        columns: vec![
            Column::text("Actor", 4.6),
            Column::text("Sector", 2.2),
            Column::text("Level", 2.1),
            Column::number("Influence", 1.4),
            Column::number("Interest", 1.3),
            Column::number("Partners", 1.3),
            Column::number("Betweenness", 1.8),
            Column::number("Trusted", 1.3),
            Column::text("Mendelow", 2.4),
        ],
        rows,
        empty: "The map has no actors yet.",
    }
}

fn partnerships_table(project: &Project) -> Table {
    let name = |id| {
        project
            .actor(id)
            .map_or_else(|| "?".to_string(), |a| a.name.clone())
    };
    let mut rows: Vec<(String, String, Vec<String>)> = project
        .partnerships
        .values()
        .map(|p| {
            let (a, b) = (name(p.a), name(p.b));
            let row = vec![
                a.clone(),
                b.clone(),
                choice(p.form),
                choice(p.formality),
                score(p.trust_ab),
                score(p.trust_ba),
                power(p.power).to_string(),
            ];
            (a, b, row)
        })
        .collect();
    rows.sort_by(|x, y| by_name(&x.0, &y.0).then(by_name(&x.1, &y.1)));
    Table {
        heading: format!("Partnerships ({})", project.partnerships.len()),
        columns: vec![
            Column::text("Actor A", 4.0),
            Column::text("Actor B", 4.0),
            Column::text("Form", 2.2),
            Column::text("Formality", 2.4),
            Column::number("Trust A→B", 1.5),
            Column::number("Trust B→A", 1.5),
            Column::number("Power", 1.2),
        ],
        rows: rows.into_iter().map(|(_, _, r)| r).collect(),
        empty: "The map has no partnerships yet.",
    }
}
