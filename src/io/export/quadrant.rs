//! The quadrant chart of one typology framework as SVG (design.md §4, §8): named axes, the
//! cut lines where the project cuts, the four quadrant names, every placed partnership (or,
//! for D, actor) as a labelled point coloured as on the map, and the unplaced ones listed
//! under the chart with their reasons. Drawn from [`crate::typology`].

use std::collections::BTreeMap;

use super::placement::{Placer, Rect};
use super::svg::{Anchor, Doc, INK, MARGIN, MUTED, PAGE, SvgOptions, TextStyle, wrap_to_width};
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
/// The style of that count.
const CROWD: TextStyle = TextStyle::new(11.0).bold();

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
                // On the spot's side of the cut, and inside the plot.
                let keep = |v: f64, d: f64, cut: f64| {
                    let moved = (v + d).clamp(0.0, 1.0);
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
    let plot_x = MARGIN + LEFT;
    let plot_y = MARGIN + header_h;
    let sx = |x: f64| plot_x + x * PLOT;
    let sy = |y: f64| plot_y + (1.0 - y) * PLOT;
    let names = quadrant_names(framework, (plot_x, plot_y));
    let labels = (points.len() <= LABELS_UP_TO)
        .then(|| place_labels(&points, &groups, &names, cut, (plot_x, plot_y)));

    let mut notes: Vec<String> = wrap_to_width(&key, inner_w, 12.0);
    if !unplaced.is_empty() {
        let mut listed: Vec<String> = unplaced.iter().take(UNPLACED_LISTED).cloned().collect();
        if unplaced.len() > UNPLACED_LISTED {
            listed.push(format!("and {} more", unplaced.len() - UNPLACED_LISTED));
        }
        let text = format!("Not placed ({}): {}.", unplaced.len(), listed.join("; "));
        notes.extend(wrap_to_width(&text, inner_w, 12.0));
    }
    if let Some(numbered) = labels
        .as_ref()
        .map(|l| &l.numbered)
        .filter(|n| !n.is_empty())
    {
        let listed: Vec<String> = numbered
            .iter()
            .map(|(n, i)| format!("{n} {}", points[*i].label))
            .collect();
        let text = format!("Numbered on the chart: {}.", listed.join("; "));
        notes.extend(wrap_to_width(&text, inner_w, 12.0));
    }
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        notes.extend(wrap_to_width(c.trim(), inner_w, 12.0));
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        notes.push(d.trim().to_string());
    }
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
    doc.s("<g id=\"plot\">\n<rect id=\"plot-frame\" x=\"")
        .n(plot_x)
        .s("\" y=\"")
        .n(plot_y)
        .s("\" width=\"")
        .n(PLOT)
        .s("\" height=\"")
        .n(PLOT);
    doc.s("\" fill=\"#fbfbfb\" stroke=\"").s(MUTED).s("\"/>\n");
    for (name, at, style) in &names {
        doc.text(
            *at,
            *style,
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
            CROWD,
            &format!("class=\"crowd\" fill=\"{INK}\""),
            &label,
        );
    }
    doc.s("</g>\n");
    if let Some(labels) = &labels {
        // Leaders first, then the labels over them, each with a halo.
        doc.s("<g id=\"point-labels\" fill=\"").s(INK).s("\">\n");
        for (from, to) in labels.placed.iter().flat_map(|l| &l.leaders) {
            doc.s("<line x1=\"")
                .n(from.0)
                .s("\" y1=\"")
                .n(from.1)
                .s("\" x2=\"")
                .n(to.0)
                .s("\" y2=\"")
                .n(to.1);
            doc.s("\" stroke=\"#9a9a9a\" stroke-width=\"0.5\"/>\n");
        }
        for label in &labels.placed {
            doc.text(
                label.baseline,
                LABEL,
                &format!(
                    "class=\"{}\" stroke=\"{PAGE}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                    if label.numbered { "label-number" } else { "label" }
                ),
                &label.text,
            );
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

/// The point labels' style, and the height of one of their lines in px.
const LABEL: TextStyle = TextStyle::new(10.0);
const LABEL_LINE: f64 = 12.0;
/// A label line's box reaches this far above its baseline and below it, in px: the
/// ascenders and descenders of the label font.
const LABEL_ASCENT: f64 = 8.5;
const LABEL_DESCENT: f64 = 2.5;
/// How far from a point's centre its label keeps, in px (the point's shape reaches 6).
const POINT_CLEAR: f64 = 6.5;
/// How far from a point (or a group's points) a label is tried, in px, nearest first;
/// beyond the first, a thin leader joins label and point.
const LABEL_REACHES: [f64; 5] = [2.0, 8.0, 16.0, 28.0, 44.0];
/// The same for a number standing in for a label that fits nowhere.
const NUMBER_REACHES: [f64; 7] = [1.0, 4.0, 8.0, 14.0, 22.0, 34.0, 50.0];

/// A quadrant's name on the chart: its text, where its baseline is anchored, its style.
type QuadrantName = (&'static str, (f64, f64), TextStyle);

/// The four quadrant names, each in its quadrant's outer corner of the plot whose top left
/// is `plot`.
fn quadrant_names(framework: Framework, (plot_x, plot_y): (f64, f64)) -> Vec<QuadrantName> {
    [(false, true), (true, true), (false, false), (true, false)]
        .into_iter()
        .map(|(high_x, high_y)| {
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
            (name, (x, y), TextStyle::new(14.0).bold().anchored(anchor))
        })
        .collect()
}

/// One label on the chart: a point's label, or the number that stands in for it.
struct PlacedLabel {
    /// What it says.
    text: String,
    /// Where its first line's baseline starts.
    baseline: (f64, f64),
    /// Thin lines from points to the label, when it stands away from them.
    leaders: Vec<((f64, f64), (f64, f64))>,
    /// Whether it is a number, listed under the chart.
    numbered: bool,
}

/// The chart's labels and the points numbered instead of labelled.
struct Labels {
    placed: Vec<PlacedLabel>,
    /// (number, index of the point), in number order.
    numbered: Vec<(usize, usize)>,
}

/// Places the labels of the spread points of `groups` (groups too large to spread have
/// one mark and no labels) inside the plot whose top left is `plot`, clear of the points,
/// the quadrant `names`, the lines where the plot is `cut` and each other: a group's
/// labels stacked in one block beside it with a leader to each point, else each label by
/// its point, else a number by the point, listed under the chart. Crowded spots are placed
/// first.
fn place_labels(
    points: &[Point],
    groups: &[Group],
    names: &[QuadrantName],
    cut: crate::model::Cut,
    (plot_x, plot_y): (f64, f64),
) -> Labels {
    let at = |p: &Point| (plot_x + p.x * PLOT, plot_y + (1.0 - p.y) * PLOT);
    let mut placer = Placer::new(Rect::at((plot_x, plot_y), (PLOT, PLOT)));
    for p in points {
        placer.take(Rect::around(at(p), POINT_CLEAR));
    }
    // The cut lines, which a label would hide.
    let (cut_x, cut_y) = (plot_x + cut.x * PLOT, plot_y + (1.0 - cut.y) * PLOT);
    placer.take(Rect::at((cut_x - 1.0, plot_y), (2.0, PLOT)));
    placer.take(Rect::at((plot_x, cut_y - 1.0), (PLOT, 2.0)));
    for (name, (x, y), style) in names {
        let w = style.width(name);
        let left = x - style.anchor.share() * w;
        placer.take(Rect::at((left, y - style.px), (w, style.px * 1.3)));
    }
    for g in groups.iter().filter(|g| g.members.len() > SPREAD_UP_TO) {
        let (x, y) = (plot_x + g.x * PLOT, plot_y + (1.0 - g.y) * PLOT);
        let text = format!("×{}", g.members.len());
        placer.take(Rect::at((x + 8.0, y - 19.0), (CROWD.width(&text), 14.0)));
    }
    let line_box = |lines: usize, width: f64| {
        let tall = (lines - 1) as f64 * LABEL_LINE + LABEL_ASCENT + LABEL_DESCENT;
        (width, tall)
    };
    let mut labels = Labels {
        placed: Vec::new(),
        numbered: Vec::new(),
    };
    // Largest groups first, then the points with most others near them.
    let crowding = |g: &Group| {
        points
            .iter()
            .filter(|p| (p.x - g.x).hypot(p.y - g.y) < 0.1)
            .count()
    };
    let mut order: Vec<&Group> = groups
        .iter()
        .filter(|g| g.members.len() <= SPREAD_UP_TO)
        .collect();
    order.sort_by_key(|g| std::cmp::Reverse((g.members.len(), crowding(g))));
    for g in order {
        let members: Vec<(f64, f64)> = g.members.iter().map(|&i| at(&points[i])).collect();
        let area = members
            .iter()
            .map(|&c| Rect::around(c, POINT_CLEAR))
            .reduce(Rect::union)
            .unwrap_or(Rect::around(at(&points[g.members[0]]), POINT_CLEAR));
        if g.members.len() > 1 {
            // Lines in the order of their points from top to bottom, so that leaders do
            // not cross.
            let mut stack: Vec<(usize, (f64, f64))> = g
                .members
                .iter()
                .copied()
                .zip(members.iter().copied())
                .collect();
            stack.sort_by(|a, b| a.1.1.total_cmp(&b.1.1));
            let widest = stack
                .iter()
                .map(|(i, _)| LABEL.width(&points[*i].label))
                .fold(0.0, f64::max);
            let size = line_box(stack.len(), widest);
            if let Some((block, _)) = placer.place_beside(area, size, &LABEL_REACHES[1..]) {
                let right_of_points = block.left >= area.right;
                for (k, (i, from)) in stack.into_iter().enumerate() {
                    let top = block.top + k as f64 * LABEL_LINE;
                    let to_x = if right_of_points {
                        block.left - 1.0
                    } else {
                        block.right + 1.0
                    };
                    labels.placed.push(PlacedLabel {
                        text: points[i].label.clone(),
                        baseline: (block.left, top + LABEL_ASCENT),
                        leaders: vec![(from, (to_x, top + LABEL_ASCENT - 3.0))],
                        numbered: false,
                    });
                }
                continue;
            }
        }
        for (&i, &c) in g.members.iter().zip(&members) {
            let own = Rect::around(c, POINT_CLEAR);
            let text = &points[i].label;
            let (text, (r, reach), numbered) =
                match placer.place(own, line_box(1, LABEL.width(text)), &LABEL_REACHES) {
                    Some(found) => (text.clone(), found, false),
                    None => {
                        let number = labels.numbered.len() + 1;
                        labels.numbered.push((number, i));
                        let text = number.to_string();
                        let size = line_box(1, LABEL.width(&text));
                        let found = placer.place(own, size, &NUMBER_REACHES).unwrap_or_else(|| {
                            // Nowhere free: beside the point all the same.
                            let r = Rect::at((own.right + 1.0, c.1 - size.1 / 2.0), size);
                            placer.take(r);
                            (r, 1.0)
                        });
                        (text, found, true)
                    }
                };
            let near = if numbered {
                NUMBER_REACHES[1]
            } else {
                LABEL_REACHES[0]
            };
            let leaders = if reach > near || g.members.len() > 1 {
                let to = r.nearest(c);
                let d = (to.0 - c.0).hypot(to.1 - c.1).max(1e-9);
                let from = (c.0 + (to.0 - c.0) * 6.0 / d, c.1 + (to.1 - c.1) * 6.0 / d);
                vec![(from, to)]
            } else {
                Vec::new()
            };
            labels.placed.push(PlacedLabel {
                text,
                baseline: (r.left, r.top + LABEL_ASCENT),
                leaders,
                numbered,
            });
        }
    }
    labels
}
