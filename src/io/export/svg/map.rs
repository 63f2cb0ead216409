//! The map in the SVG: partnerships under actors, labels over both, in map units inside a
//! group scaled to the page, with sizes and rings as the view encoding gives them.

use std::collections::HashMap;
use std::fmt::Write;

use super::change::{self as change_marks, ChangeLooks};
use super::{
    Anchor, Doc, FIT_MARGIN, LABEL_LINE, MIN_LABEL_PX, MIN_LINE_PX, MIN_RADIUS_PX, SvgOptions,
    TextStyle, text_width,
};
use crate::analysis::Indicators;
use crate::model::{Actor, ActorId, Choice, Project};
use crate::style::labels::{self, LabelRequest, LabelRules, LabelText};
use crate::style::marks::{self, MapMarks, PartnershipMark};
use crate::style::{self, ViewEncoding};
use crate::task::Progress;

/// The width of a label's halo (a stroke around its letters), as a share of its size: it
/// reaches half of that past the letters.
const HALO_SHARE: f64 = 0.25;

/// What the drawing adds to the marks of [`MapMarks`]: the size of every actor and the ring
/// of every broker, as the view encoding gives them, and in a comparison of two states what
/// happened to each item.
pub(super) struct Looks {
    /// Radii replacing the size by influence, in map units.
    radii: Option<HashMap<ActorId, f64>>,
    /// Brokers and the strength of their ring, when rings are drawn.
    rings: HashMap<ActorId, f64>,
    /// In a comparison, how each item is drawn for what happened to it.
    pub(super) change: Option<ChangeLooks>,
}

impl Looks {
    /// Sizes by influence, without rings.
    fn by_influence() -> Self {
        Self {
            radii: None,
            rings: HashMap::new(),
            change: None,
        }
    }

    /// The same looks, drawing a comparison as `change` says.
    pub(super) fn with_change(self, change: ChangeLooks) -> Self {
        Self {
            change: Some(change),
            ..self
        }
    }

    /// The sizes and rings of `encoding`, from the indicators (computed here, betweenness
    /// included when it sizes the actors, if `indicators` is `None` and they are needed).
    pub(super) fn new(
        project: &Project,
        encoding: ViewEncoding,
        indicators: Option<&Indicators>,
    ) -> Self {
        if !encoding.needs_indicators() {
            return Self::by_influence();
        }
        let computed;
        let ind = match indicators {
            Some(ind) => ind,
            None => {
                computed = super::super::indicators(
                    project,
                    encoding.needs_betweenness(),
                    &Progress::new(),
                );
                match &computed {
                    Ok(ind) => ind,
                    Err(_) => return Self::by_influence(),
                }
            }
        };
        Self {
            radii: style::indicator_radii(ind, encoding.size_by),
            rings: if encoding.broker_rings {
                style::broker_strengths(ind)
            } else {
                HashMap::new()
            },
            change: None,
        }
    }

    /// An actor's radius in map units.
    fn radius(&self, id: ActorId, by_influence: f64) -> f64 {
        self.radii
            .as_ref()
            .and_then(|r| r.get(&id))
            .copied()
            .unwrap_or(by_influence)
    }
}

/// The map's contents as (left, top, right, bottom) in map units: actors (sized by
/// influence), their labels and the curves of parallel partnerships, with a margin. `None`
/// for a map without actors.
pub fn map_extent(project: &Project) -> Option<(f64, f64, f64, f64)> {
    extent(project, &Looks::by_influence())
}

/// [`map_extent`] with the actors sized by `looks`.
fn extent(project: &Project, looks: &Looks) -> Option<(f64, f64, f64, f64)> {
    let mut b = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    let grow = |b: &mut (f64, f64, f64, f64), x0: f64, y0: f64, x1: f64, y1: f64| {
        *b = (b.0.min(x0), b.1.min(y0), b.2.max(x1), b.3.max(y1));
    };
    for a in project.actors.values() {
        let (x, y) = (a.position.x, a.position.y);
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let r = looks.radius(a.id, style::actor_radius(a)) * 1.3;
        grow(&mut b, x - r, y - r, x + r, y + r);
        let lines = style::wrap_label(&a.name, style::LABEL_WRAP_CHARS);
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let half = text_width(widest, marks::LABEL_SIZE) / 2.0;
        let top = y + looks.radius(a.id, style::actor_radius(a)) + marks::LABEL_GAP;
        grow(
            &mut b,
            x - half,
            top,
            x + half,
            top + lines.len() as f64 * LABEL_LINE + 4.0,
        );
    }
    if !b.0.is_finite() {
        return None;
    }
    let bends = style::parallel_bends(project);
    for p in project.partnerships.values() {
        let (Some(a), Some(bb)) = (project.actor(p.a), project.actor(p.b)) else {
            continue;
        };
        let bend = bends.get(&p.id).copied().unwrap_or(0.0);
        if let Some(c) = style::curve_control(pos(a), pos(bb), bend, p.a < p.b) {
            // The curve stays within the triangle of its ends and control point; its apex is
            // halfway to the control point.
            let apex = (
                (pos(a).0 + pos(bb).0) / 4.0 + c.0 / 2.0,
                (pos(a).1 + pos(bb).1) / 4.0 + c.1 / 2.0,
            );
            grow(&mut b, apex.0, apex.1, apex.0, apex.1);
        }
    }
    Some((
        b.0 - FIT_MARGIN,
        b.1 - FIT_MARGIN,
        b.2 + FIT_MARGIN,
        b.3 + FIT_MARGIN,
    ))
}

fn pos(a: &Actor) -> (f64, f64) {
    (a.position.x, a.position.y)
}

/// The rectangle to draw: the requested area when it is usable, else the whole map.
pub(super) fn drawn_area(
    project: &Project,
    opts: &SvgOptions,
    looks: &Looks,
) -> (f64, f64, f64, f64) {
    if let Some((l, t, r, b)) = opts.area
        && [l, t, r, b].iter().all(|v| v.is_finite())
        && r - l >= 1.0
        && b - t >= 1.0
    {
        return (l, t, r, b);
    }
    extent(project, looks).unwrap_or((0.0, 0.0, 480.0, 320.0))
}

/// How the map is put on paper: the part drawn, whether it is clipped to it, and the scale.
struct Paper {
    /// The drawn rectangle, in map units.
    area: (f64, f64, f64, f64),
    /// Whether the drawing is clipped to `area` (an exported view).
    clipped: bool,
    /// Px on paper per map unit.
    scale: f64,
}

impl Paper {
    /// `map_units`, or more where that would be smaller than `min_px` on paper: sizes never
    /// fall below what can be seen, however far a map is scaled down.
    fn at_least(&self, map_units: f64, min_px: f64) -> f64 {
        map_units.max(min_px / self.scale)
    }

    /// Whether something within these bounds (map units) can show in the drawing.
    fn shows(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> bool {
        let a = self.area;
        !self.clipped
            || (x1 >= a.0 - 60.0 && x0 <= a.2 + 60.0 && y1 >= a.1 - 60.0 && y0 <= a.3 + 60.0)
    }

    /// The width of outlines and halos in map units: [`marks::OUTLINE_WIDTH`] px on paper,
    /// thinner at most by half when the map is scaled up.
    fn outline(&self) -> f64 {
        marks::OUTLINE_WIDTH / self.scale.max(0.5)
    }
}

/// Draws the map's actors, partnerships and labels into the frame at `origin` of `size` px.
pub(super) fn draw_map(
    doc: &mut Doc,
    project: &Project,
    (opts, looks): (&SvgOptions, &Looks),
    area: (f64, f64, f64, f64),
    scale: f64,
    origin: (f64, f64),
    size: (f64, f64),
) {
    let muted = doc.pal.muted;
    let frame = doc.pal.frame;
    doc.s("<rect id=\"map-frame\" x=\"")
        .n(origin.0)
        .s("\" y=\"")
        .n(origin.1)
        .s("\" width=\"")
        .n(size.0);
    doc.s("\" height=\"")
        .n(size.1)
        .s("\" fill=\"none\" stroke=\"")
        .s(frame)
        .s("\"/>\n");
    let paper = Paper {
        area,
        clipped: opts.area.is_some(),
        scale,
    };
    if paper.clipped {
        doc.s("<clipPath id=\"map-clip\"><rect x=\"")
            .n(area.0)
            .s("\" y=\"")
            .n(area.1);
        doc.s("\" width=\"")
            .n(area.2 - area.0)
            .s("\" height=\"")
            .n(area.3 - area.1)
            .s("\"/></clipPath>\n");
    }
    doc.s("<g id=\"map\" transform=\"translate(")
        .n(origin.0)
        .s(" ")
        .n(origin.1)
        .s(") scale(");
    // Scales are written with more precision than coordinates: an error here moves the
    // far side of a large map.
    let _ = write!(doc.out, "{}", (scale * 1e6).round() / 1e6);
    doc.s(") translate(").n(-area.0).s(" ").n(-area.1).s(")\"");
    if paper.clipped {
        doc.s(" clip-path=\"url(#map-clip)\"");
    }
    doc.s(">\n");
    if project.actors.is_empty() {
        doc.text(
            (area.0 + 20.0, area.1 + 40.0),
            TextStyle::new(16.0),
            &format!("fill=\"{muted}\""),
            "This map has no actors yet.",
        );
    }
    let marks = MapMarks::build(project);
    // Each actor's radius in map units, as the view sizes it, and never too small to see.
    let radii: Vec<f64> = marks
        .actors
        .iter()
        .map(|m| paper.at_least(looks.radius(m.id, m.radius), MIN_RADIUS_PX))
        .collect();
    draw_partnerships(doc, project, (&marks, &radii), looks, &paper);
    let shown = draw_actors(doc, project, (&marks, &radii), looks, &paper);
    draw_labels(doc, project, (&marks, &radii), (&shown, looks), &paper);
    doc.s("</g>\n");
}

/// Draws the partnerships, each a group with its title, curve and power dot, under the
/// actors.
fn draw_partnerships(
    doc: &mut Doc,
    project: &Project,
    (marks, radii): (&MapMarks, &[f64]),
    looks: &Looks,
    paper: &Paper,
) {
    let page = doc.pal.page;
    doc.s("<g id=\"partnerships\" fill=\"none\" stroke-linecap=\"round\">\n");
    // In a comparison the changes are drawn over the unchanged lines.
    let change_of = |m: &&PartnershipMark| {
        looks
            .change
            .as_ref()
            .and_then(|c| c.edges.get(&m.id))
            .map(|(look, kind)| (look, *kind))
    };
    let (over, under): (Vec<&PartnershipMark>, Vec<&PartnershipMark>) = marks
        .partnerships
        .iter()
        .partition(|m| change_of(m).is_some_and(|(_, kind)| change_marks::stands_out(kind)));
    for m in under.into_iter().chain(over) {
        let (Some(p), a, b) = (
            project.partnership(m.id),
            &marks.actors[m.a],
            &marks.actors[m.b],
        ) else {
            continue;
        };
        let (pa, pb) = (a.centre, b.centre);
        let control = m.control(pa, pb);
        let xs = [pa.0, pb.0, control.map_or(pa.0, |c| c.0)];
        let ys = [pa.1, pb.1, control.map_or(pa.1, |c| c.1)];
        let min = |v: [f64; 3]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: [f64; 3]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !paper.shows(min(xs), min(ys), max(xs), max(ys)) {
            continue;
        }
        let change = change_of(&m);
        let colour = change.map_or(m.colour, |(look, _)| look.colour).hex();
        let width = match change {
            Some((_, kind)) if change_marks::stands_out(kind) => {
                paper.at_least(m.width, crate::style::change::MIN_CHANGED_WIDTH)
            }
            _ => paper.at_least(m.width, MIN_LINE_PX),
        };
        doc.s("<g id=\"partnership-")
            .s(&p.id.to_string())
            .s("\" class=\"partnership form-")
            .s(p.form.map_or("not-set", Choice::name));
        if let Some((_, kind)) = change {
            doc.s(" change-").s(kind);
        }
        doc.s("\"><title>");
        let name = |i: usize| {
            project
                .actor(marks.actors[i].id)
                .map_or("", |a| a.name.as_str())
        };
        doc.t(name(m.a)).s(" – ").t(name(m.b));
        if let Some(label) = p.label.as_deref().filter(|l| !l.trim().is_empty()) {
            doc.s(": ").t(label);
        }
        if let Some((_, kind)) = change {
            doc.s(" (").s(kind).s(")");
        }
        doc.s("</title><path d=\"M").n(pa.0).s(" ").n(pa.1);
        match control {
            Some(c) => doc.s(" Q").n(c.0).s(" ").n(c.1).s(" "),
            None => doc.s(" L"),
        };
        doc.n(pb.0)
            .s(" ")
            .n(pb.1)
            .s("\" stroke=\"")
            .s(&colour)
            .s("\" stroke-width=\"")
            .n(width)
            .s("\"");
        // A comparison dashes only what ended: its colours and glyphs say the rest.
        let pattern = match change {
            Some((look, _)) => look.dashed.then_some(crate::style::change::DASH),
            None => marks::line_pattern(m.line, paper.scale),
        };
        if let Some((on, off)) = pattern {
            // The canvas's dashes or dots at zoom `scale`, in map units.
            doc.s(" stroke-dasharray=\"")
                .n(on / paper.scale)
                .s(" ")
                .n(off / paper.scale)
                .s("\"");
        }
        doc.s("/>");
        if let Some((look, _)) = change {
            let points = m.points(pa, pb, m.bend);
            change_marks::edge_glyphs(doc, look, &points, paper.scale);
        } else if let Some((at_a, strength)) = m.power {
            let holder = if at_a { m.a } else { m.b };
            let points = m.points_from(at_a, pa, pb);
            let at = marks::power_dot_at(&points, radii[holder], width);
            let r = paper.at_least(style::power_dot_radius(strength), 2.0);
            doc.s("<circle class=\"power\" cx=\"")
                .n(at.0)
                .s("\" cy=\"")
                .n(at.1)
                .s("\" r=\"")
                .n(r);
            doc.s("\" fill=\"")
                .s(&colour)
                .s("\" stroke=\"")
                .s(page)
                .s("\" stroke-width=\"")
                .n(paper.outline())
                .s("\"/>");
        }
        doc.s("</g>\n");
    }
    doc.s("</g>\n");
}

/// Draws the actors that show, each a group with its title, broker ring and shape; returns
/// their indices in `marks.actors`.
fn draw_actors(
    doc: &mut Doc,
    project: &Project,
    (marks, radii): (&MapMarks, &[f64]),
    looks: &Looks,
    paper: &Paper,
) -> Vec<usize> {
    doc.s("<g id=\"actors\">\n");
    let mut shown = Vec::new();
    for (i, m) in marks.actors.iter().enumerate() {
        let ((x, y), r) = (m.centre, radii[i]);
        let Some(a) = project.actor(m.id) else {
            continue;
        };
        if !paper.shows(x - r, y - r, x + r, y + r) {
            continue;
        }
        shown.push(i);
        let change = looks.change.as_ref().and_then(|c| c.actors.get(&a.id));
        doc.s("<g id=\"actor-")
            .s(&a.id.to_string())
            .s("\" class=\"actor sector-")
            .s(a.sector.map_or("not-set", Choice::name))
            .s("\"");
        if let Some(look) = change.filter(|l| l.alpha < 1.0) {
            doc.s(" opacity=\"").n(f64::from(look.alpha)).s("\"");
        }
        doc.s("><title>");
        doc.t(&a.name).s("</title>");
        if let Some(strength) = looks.rings.get(&a.id) {
            // The canvas's ring at zoom `scale`: its gap and line in screen points.
            let (gap, width) = style::broker_ring(*strength);
            doc.s("<circle class=\"broker-ring\" cx=\"")
                .n(x)
                .s("\" cy=\"")
                .n(y)
                .s("\" r=\"")
                .n(r + gap / paper.scale);
            doc.s("\" fill=\"none\" stroke=\"")
                .s(&style::BROKER_RING.hex())
                .s("\" stroke-width=\"")
                .n(width / paper.scale)
                .s("\"/>");
        }
        doc.shape(m.shape, (x, y), r, m.fill, paper.outline());
        if let Some(look) = change {
            change_marks::actor_ring(doc, (x, y), r, look, paper.scale);
        }
        doc.s("</g>\n");
    }
    doc.s("</g>\n");
    shown
}

/// Draws the labels of the actors `shown`, over everything, with a white halo as the canvas
/// draws them on its background, where [`labels::place_labels`] puts them: the rule of the
/// canvas, with the texts measured as they are drawn here.
fn draw_labels(
    doc: &mut Doc,
    project: &Project,
    (marks, radii): (&MapMarks, &[f64]),
    (shown, looks): (&[usize], &Looks),
    paper: &Paper,
) {
    let page = doc.pal.page;
    let ink = doc.pal.ink;
    let label_px = paper.at_least(marks::LABEL_SIZE, MIN_LABEL_PX);
    let label_style = TextStyle::new(label_px).anchored(Anchor::Middle);
    let line = LABEL_LINE * label_px / marks::LABEL_SIZE;
    doc.s("<g id=\"labels\" text-anchor=\"middle\" fill=\"")
        .s(ink)
        .s("\" font-size=\"")
        .n(label_px);
    doc.s("\" stroke=\"")
        .s(page)
        .s("\" stroke-opacity=\"0.85\" stroke-width=\"")
        .n(label_px * HALO_SHARE);
    doc.s("\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n");
    let texts = label_texts(project, marks, shown, paper.scale);
    let measure = |lines: &[String]| -> Option<(f64, f64)> {
        let widest = lines
            .iter()
            .map(|l| label_style.width(l))
            .fold(None, |w: Option<f64>, x| Some(w.map_or(x, |w| w.max(x))))?;
        Some((widest, lines.len() as f64 * line))
    };
    let requests: Vec<LabelRequest> = shown
        .iter()
        .zip(&texts)
        .map(|(&i, (full, short))| {
            let m = &marks.actors[i];
            // Labels keep clear of a broker's ring too.
            let ring = looks.rings.get(&m.id).map_or(0.0, |s| {
                let (gap, width) = style::broker_ring(*s);
                (gap + width / 2.0) / paper.scale
            });
            let ring = ring.max(
                looks
                    .change
                    .as_ref()
                    .map_or(0.0, |c| c.ring_reach_px(m.id) / paper.scale),
            );
            LabelRequest {
                centre: m.centre,
                radius: radii[i] + ring,
                full: measure(full),
                short: measure(short),
                // The radius by influence: the most influential are labelled first.
                priority: m.radius,
                must_show: false,
            }
        })
        .collect();
    let (l, t, r, b) = paper.area;
    let rules = LabelRules {
        view: labels::Rect {
            left: l,
            top: t,
            right: r,
            bottom: b,
        },
        gap: marks::LABEL_GAP,
        // Room for the halos of two labels side by side.
        spacing: label_px * HALO_SHARE,
    };
    let placed = labels::place_labels(&requests, &rules);
    for ((&i, (full, short)), placed) in shown.iter().zip(&texts).zip(placed) {
        let Some(placed) = placed else {
            continue;
        };
        let lines = match placed.text {
            LabelText::Full => full,
            LabelText::Short => short,
        };
        let x = placed.rect.centre().0;
        let top = placed.rect.top;
        doc.s("<text id=\"label-")
            .s(&marks.actors[i].id.to_string())
            .s("\">");
        for (k, l) in lines.iter().enumerate() {
            doc.line((x, top + label_px * 0.95 + k as f64 * line), label_style, l);
        }
        doc.s("</text>\n");
    }
    doc.s("</g>\n");
}

/// The lines of each shown actor's full and short label (empty where it offers none): the
/// short name only when the drawing is scaled down as the canvas is when zoomed out, and a
/// short name only where it differs from the full one.
fn label_texts(
    project: &Project,
    marks: &MapMarks,
    shown: &[usize],
    scale: f64,
) -> Vec<(Vec<String>, Vec<String>)> {
    // The canvas's rule, with the paper's scale for the zoom.
    let short_only = scale < marks::SHORT_NAMES_BELOW_ZOOM;
    shown
        .iter()
        .map(|&i| {
            let Some(a) = project.actor(marks.actors[i].id) else {
                return (Vec::new(), Vec::new());
            };
            let full = if short_only {
                Vec::new()
            } else {
                marks::label_lines(&a.name)
            };
            let short = if short_only || a.short_or_name() != a.name {
                marks::label_lines(a.short_or_name())
            } else {
                Vec::new()
            };
            (full, short)
        })
        .collect()
}
