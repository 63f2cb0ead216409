//! The quadrant chart of one typology framework as SVG (design.md §4, §8): named axes, the
//! cut lines where the project cuts, the four quadrant names, every placed partnership (or,
//! for D, actor) as a labelled point coloured as on the map, and the unplaced ones listed
//! under the chart with their reasons. Drawn from [`crate::typology`].

use std::collections::BTreeMap;

use super::svg::{
    Anchor, Doc, INK, MARGIN, MUTED, PAGE, SvgOptions, TextStyle, text_width, wrap_to_width,
};
use super::text::num;
use crate::model::{Choice, Project};
use crate::style::{self, Rgb};
use crate::typology::{self, Framework, Placement, Side};

/// The side of the square plot, in px.
const PLOT: f64 = 560.0;
/// Room for the vertical axis's name and ticks, in px.
const LEFT: f64 = 64.0;
/// Labels are drawn beside points up to this many points; beyond, the chart would be a blur
/// of text and only the points are drawn.
const LABELS_UP_TO: usize = 200;
/// The unplaced list names at most this many items, then says how many more.
const UNPLACED_LISTED: usize = 60;
/// More items than this at one point are drawn as one mark with a count, as in the window.
const SPREAD_UP_TO: usize = 12;

/// One point of the chart.
struct Point {
    id: String,
    name: String,
    label: String,
    x: f64,
    y: f64,
    colour: Rgb,
    shape: Option<style::Shape>,
}

/// Points that share one spot: where the spot is and which points stand there.
struct Group {
    x: f64,
    y: f64,
    members: Vec<usize>,
}

/// Groups points that share a spot and spreads each group into a small sunflower kept on
/// the spot's side of both cuts (as the window's chart does), so that each point stays
/// visible and in its quadrant. Groups of more than [`SPREAD_UP_TO`] are left as one mark.
fn spread(points: &mut [Point], cut: crate::model::Cut) -> Vec<Group> {
    let mut by_spot: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        by_spot
            .entry((p.x.to_bits(), p.y.to_bits()))
            .or_default()
            .push(i);
    }
    let mut groups = Vec::new();
    for ((x, y), members) in by_spot {
        let (x, y) = (f64::from_bits(x), f64::from_bits(y));
        if members.len() > 1 && members.len() <= SPREAD_UP_TO {
            for (k, &i) in members.iter().enumerate() {
                let r = 0.014 * ((k as f64) + 0.6).sqrt();
                let angle = k as f64 * 2.399_963;
                let keep = |v: f64, d: f64, cut: f64| {
                    let moved = v + d;
                    if v >= cut {
                        moved.max(cut + 0.003)
                    } else {
                        moved.min(cut - 0.003)
                    }
                };
                let p = &mut points[i];
                p.x = keep(x, r * angle.cos(), cut.x);
                p.y = keep(y, r * angle.sin(), cut.y);
            }
        }
        groups.push(Group { x, y, members });
    }
    groups
}

/// The quadrant chart of `framework` for `project` as an SVG document, cut where the
/// project's settings say. `opts.title` replaces the default title (the map's title and the
/// framework's); `caption` and `date` go under the chart; `area` and `legend` do not apply.
pub fn quadrant_svg(project: &Project, framework: Framework, opts: &SvgOptions) -> String {
    let cut = framework.cut(&project.settings);
    let colour_by = project.settings.colour_by;
    let mut points: Vec<Point> = Vec::new();
    let mut unplaced: Vec<String> = Vec::new();
    let actor_name = |id| project.actor(id).map_or("?", |a| a.short_or_name());
    if framework.places_actors() {
        for a in project.actors.values() {
            let p = typology::place_actor(a, cut);
            points.push(Point {
                id: format!("actor-{}", a.id),
                name: a.name.clone(),
                label: a.short_or_name().to_string(),
                x: p.x,
                y: p.y,
                colour: style::sector_colour(a.sector),
                shape: Some(style::sector_shape(a.sector)),
            });
        }
    } else {
        for e in project.partnerships.values() {
            let label = format!("{} – {}", actor_name(e.a), actor_name(e.b));
            match typology::place_partnership(framework, e, cut) {
                Placement::Placed(p) => points.push(Point {
                    id: format!("partnership-{}", e.id),
                    name: match e.label.as_deref().filter(|l| !l.trim().is_empty()) {
                        Some(l) => format!("{label}: {l}"),
                        None => label.clone(),
                    },
                    label,
                    x: p.x,
                    y: p.y,
                    colour: style::partnership_colour_by(e, colour_by),
                    shape: None,
                }),
                Placement::Unplaced(reason) => unplaced.push(format!("{label}: {reason}")),
            }
        }
    }
    let groups = spread(&mut points, cut);

    let width = MARGIN * 2.0 + LEFT + PLOT + 200.0;
    let inner_w = width - 2.0 * MARGIN;
    let title = opts
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            if project.meta.title.trim().is_empty() {
                framework.title().to_string()
            } else {
                format!("{} — {}", project.meta.title.trim(), framework.title())
            }
        });
    let title_lines = wrap_to_width(&title, inner_w, 20.0);
    let header_h = title_lines.len() as f64 * 28.0 + 14.0;
    let what = if framework.places_actors() {
        "actors"
    } else {
        "partnerships"
    };
    let key = if framework.places_actors() {
        format!(
            "{} {what} placed; shape and colour by sector, as on the map.",
            points.len()
        )
    } else {
        format!(
            "{} of {} {what} placed; colour by {}, as on the map.",
            points.len(),
            project.partnerships.len(),
            colour_by.label().to_lowercase()
        )
    };
    let mut notes: Vec<String> = wrap_to_width(&key, inner_w, 12.0);
    if !unplaced.is_empty() {
        let mut listed: Vec<String> = unplaced.iter().take(UNPLACED_LISTED).cloned().collect();
        if unplaced.len() > UNPLACED_LISTED {
            listed.push(format!("and {} more", unplaced.len() - UNPLACED_LISTED));
        }
        let text = format!("Not placed ({}): {}.", unplaced.len(), listed.join("; "));
        notes.extend(wrap_to_width(&text, inner_w, 12.0));
    }
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        notes.extend(wrap_to_width(c.trim(), inner_w, 12.0));
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        notes.push(d.trim().to_string());
    }
    let plot_x = MARGIN + LEFT;
    let plot_y = MARGIN + header_h;
    let height = (plot_y + PLOT + 56.0 + notes.len() as f64 * 17.0 + MARGIN).ceil();

    let mut doc = Doc::new(width, height, Some(&title));
    doc.lines(
        "title",
        (MARGIN, MARGIN + 20.0),
        (TextStyle::new(20.0).bold(), 28.0),
        &format!("fill=\"{INK}\""),
        &title_lines,
    );

    // The plot: frame, quadrant names, cut lines, ticks, axis names.
    let sx = |x: f64| plot_x + x * PLOT;
    let sy = |y: f64| plot_y + (1.0 - y) * PLOT;
    doc.s("<g id=\"plot\">\n<rect x=\"")
        .n(plot_x)
        .s("\" y=\"")
        .n(plot_y)
        .s("\" width=\"")
        .n(PLOT)
        .s("\" height=\"")
        .n(PLOT);
    doc.s("\" fill=\"#fbfbfb\" stroke=\"").s(MUTED).s("\"/>\n");
    for (high_x, high_y) in [(false, true), (true, true), (false, false), (true, false)] {
        let name = framework.quadrant(Side { high_x, high_y });
        let (x, anchor) = if high_x {
            (plot_x + PLOT - 10.0, Anchor::End)
        } else {
            (plot_x + 10.0, Anchor::Start)
        };
        let y = if high_y {
            plot_y + 22.0
        } else {
            plot_y + PLOT - 12.0
        };
        doc.text(
            (x, y),
            TextStyle::new(14.0).bold().anchored(anchor),
            "class=\"quadrant-name\" fill=\"#8a8a8a\"",
            name,
        );
    }
    doc.s("<line id=\"cut-x\" x1=\"")
        .n(sx(cut.x))
        .s("\" y1=\"")
        .n(plot_y)
        .s("\" x2=\"")
        .n(sx(cut.x))
        .s("\" y2=\"")
        .n(plot_y + PLOT);
    doc.s("\" stroke=\"")
        .s(MUTED)
        .s("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
    doc.s("<line id=\"cut-y\" x1=\"")
        .n(plot_x)
        .s("\" y1=\"")
        .n(sy(cut.y))
        .s("\" x2=\"")
        .n(plot_x + PLOT)
        .s("\" y2=\"")
        .n(sy(cut.y));
    doc.s("\" stroke=\"")
        .s(MUTED)
        .s("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let tick = num(t);
        doc.text(
            (sx(t), plot_y + PLOT + 16.0),
            TextStyle::new(11.0).anchored(Anchor::Middle),
            &format!("fill=\"{MUTED}\""),
            &tick,
        );
        doc.text(
            (plot_x - 6.0, sy(t) + 4.0),
            TextStyle::new(11.0).anchored(Anchor::End),
            &format!("fill=\"{MUTED}\""),
            &tick,
        );
    }
    let (x_name, y_name) = framework.axes();
    let axis = TextStyle::new(13.0).anchored(Anchor::Middle);
    doc.text(
        (plot_x + PLOT / 2.0, plot_y + PLOT + 38.0),
        axis,
        &format!("id=\"axis-x\" fill=\"{INK}\""),
        x_name,
    );
    doc.text(
        (0.0, 0.0),
        axis,
        &format!(
            "id=\"axis-y\" transform=\"translate({} {}) rotate(-90)\" fill=\"{INK}\"",
            num(MARGIN + 14.0),
            num(plot_y + PLOT / 2.0)
        ),
        y_name,
    );
    doc.s("</g>\n");

    // The points, then their labels over them.
    doc.s("<g id=\"points\">\n");
    for p in &points {
        let c = (sx(p.x), sy(p.y));
        doc.s("<g id=\"")
            .s(&p.id)
            .s("\" class=\"point\"><title>")
            .t(&p.name)
            .s("</title>");
        match p.shape {
            Some(shape) => doc.shape(shape, c, 6.0, p.colour, 1.0),
            None => {
                doc.s("<circle cx=\"")
                    .n(c.0)
                    .s("\" cy=\"")
                    .n(c.1)
                    .s("\" r=\"5\" fill=\"")
                    .s(&p.colour.hex());
                doc.s("\" stroke=\"")
                    .s(INK)
                    .s("\" stroke-opacity=\"0.6\"/>");
            }
        }
        doc.s("</g>\n");
    }
    for g in groups.iter().filter(|g| g.members.len() > SPREAD_UP_TO) {
        let label = format!("×{}", g.members.len());
        doc.text(
            (sx(g.x) + 8.0, sy(g.y) - 8.0),
            TextStyle::new(11.0).bold(),
            &format!("class=\"crowd\" fill=\"{INK}\""),
            &label,
        );
    }
    doc.s("</g>\n");
    if points.len() <= LABELS_UP_TO {
        // A lone point is labelled beside it; a group's labels are stacked beside the group,
        // one line each, with a thin leader to each point.
        let limit = plot_x + PLOT + 190.0;
        doc.s("<g id=\"point-labels\" font-size=\"10\" fill=\"")
            .s(INK)
            .s("\">\n");
        for g in groups.iter().filter(|g| g.members.len() <= SPREAD_UP_TO) {
            let n = g.members.len();
            let widest = g
                .members
                .iter()
                .map(|&i| points[i].label.chars().count())
                .max()
                .unwrap_or(0);
            let reach = if n == 1 { 8.0 } else { 22.0 };
            let right = sx(g.x) + reach + text_width(widest, 10.0) <= limit;
            let (lx, anchor) = if right {
                (sx(g.x) + reach, Anchor::Start)
            } else {
                (sx(g.x) - reach, Anchor::End)
            };
            for (k, &i) in g.members.iter().enumerate() {
                let p = &points[i];
                let ly = sy(g.y) + (k as f64 - (n as f64 - 1.0) / 2.0) * 11.0;
                if n > 1 {
                    let end = if right { lx - 2.0 } else { lx + 2.0 };
                    doc.s("<line x1=\"")
                        .n(sx(p.x))
                        .s("\" y1=\"")
                        .n(sy(p.y))
                        .s("\" x2=\"")
                        .n(end)
                        .s("\" y2=\"")
                        .n(ly);
                    doc.s("\" stroke=\"#9a9a9a\" stroke-width=\"0.5\"/>");
                }
                doc.text(
                    (lx, ly + 3.5),
                    TextStyle::new(10.0).anchored(anchor),
                    &format!("stroke=\"{PAGE}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\""),
                    &p.label,
                );
            }
        }
        doc.s("</g>\n");
    }
    doc.lines(
        "notes",
        (MARGIN, plot_y + PLOT + 66.0),
        (TextStyle::new(12.0), 17.0),
        &format!("fill=\"{INK}\""),
        &notes,
    );
    doc.finish()
}
