//! The map laid out on a sheet of paper (design.md §8): the frame of [`crate::io::export::page`]
//! (title and date on top, caption and credit line at the foot), the map scaled to the room
//! left, and the legend beside the map or under it, wherever it leaves the map larger — or
//! not at all when it fits neither way. Labels keep their 7 pt minimum on the page: a map
//! scaled far down shortens or drops them by the canvas's rule rather than shrinking them.

use super::legend::{Legend, draw_legend, legend};
use super::map::{Looks, draw_map};
use super::{GAP, SvgOptions, title_of};
use crate::io::export::page::{Area, Frame, Sheet};
use crate::model::Project;
use crate::style::legend::LegendSection;

/// Where the legend goes on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LegendAt {
    Right,
    Below,
}

/// The legend must leave the map at least this share of the content's width or height.
const MAP_SHARE: f64 = 0.5;

/// The map of `project` on `sheet`: `area` (map units) scaled to fit, with the frame and the
/// legend; `page` numbers the page in a report.
pub(crate) fn map_page(
    project: &Project,
    opts: &SvgOptions,
    (looks, area): (&Looks, (f64, f64, f64, f64)),
    sheet: &Sheet,
    page: Option<(usize, usize)>,
) -> String {
    let title = title_of(project, opts);
    let frame = Frame::for_picture(title.as_deref(), opts, project, page);
    let laid = frame.lay_out(sheet);
    let mut doc = sheet.doc(title.as_deref(), opts.colours.palette());
    frame.draw(&mut doc, sheet, &laid);
    draw_map_in(&mut doc, project, (opts, looks), area, laid.content);
    doc.finish()
}

/// Draws the map's `area` and its legend into the page area `c`.
pub(crate) fn draw_map_in(
    doc: &mut super::Doc,
    project: &Project,
    (opts, looks): (&SvgOptions, &Looks),
    area: (f64, f64, f64, f64),
    c: Area,
) {
    let (cw, ch) = ((area.2 - area.0).max(1.0), (area.3 - area.1).max(1.0));
    let fit = |w: f64, h: f64| (w / cw).min(h / ch).max(1e-6);
    let first = opts.legend.then(|| {
        legend(
            project,
            (opts.encoding, change_section(looks)),
            fit(c.w, c.h),
            opts.colours.palette(),
        )
    });
    let at = first.as_ref().and_then(|l| legend_place(l, c, fit));
    let room = |l: &Legend| match at {
        Some(LegendAt::Right) => (c.w - GAP - l.width, c.h),
        Some(LegendAt::Below) => (c.w, c.h - GAP - l.height),
        None => (c.w, c.h),
    };
    let (mw, mh) = first.as_ref().map_or((c.w, c.h), room);
    let scale = fit(mw, mh);
    // The legend again at the map's own scale (its size samples are drawn to scale).
    let legend = at.map(|_| {
        legend(
            project,
            (opts.encoding, change_section(looks)),
            scale,
            opts.colours.palette(),
        )
    });
    let (map_w, map_h) = (cw * scale, ch * scale);
    let (x, y) = match (&legend, at) {
        (Some(l), Some(LegendAt::Right)) => {
            let group = map_w + GAP + l.width;
            (c.x + (c.w - group).max(0.0) / 2.0, c.y)
        }
        _ => (c.x + (c.w - map_w).max(0.0) / 2.0, c.y),
    };
    draw_map(
        doc,
        project,
        (opts, looks),
        area,
        scale,
        (x, y),
        (map_w, map_h),
    );
    match (&legend, at) {
        (Some(l), Some(LegendAt::Right)) => draw_legend(doc, l, (x + map_w + GAP, y)),
        (Some(l), Some(LegendAt::Below)) => draw_legend(doc, l, (x, y + map_h + GAP)),
        _ => {}
    }
}

/// Where `legend` leaves the map larger, if anywhere: it must fit whole and leave the map
/// at least [`MAP_SHARE`] of the content's width (beside it) or height (under it).
fn legend_place(legend: &Legend, c: Area, fit: impl Fn(f64, f64) -> f64) -> Option<LegendAt> {
    let right = (legend.height <= c.h && c.w - GAP - legend.width >= MAP_SHARE * c.w)
        .then(|| fit(c.w - GAP - legend.width, c.h));
    let below = (legend.width <= c.w && c.h - GAP - legend.height >= MAP_SHARE * c.h)
        .then(|| fit(c.w, c.h - GAP - legend.height));
    match (right, below) {
        (Some(r), Some(b)) if b > r => Some(LegendAt::Below),
        (Some(_), _) => Some(LegendAt::Right),
        (None, Some(_)) => Some(LegendAt::Below),
        (None, None) => None,
    }
}

/// The legend's Change section, when `looks` draw a comparison.
pub(super) fn change_section(looks: &Looks) -> Option<&LegendSection> {
    looks.change.as_ref().map(|c| &c.section)
}
