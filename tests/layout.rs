//! Automatic layouts: what each promises, pinned actors, tidy selection, cancel, and the
//! window's one-undo-step animation.

use std::collections::BTreeSet;

use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, Origin};

use crate::harness;
use partnermap::generate::generate;
use partnermap::layout::{self, LayoutKind, label_height, label_width};
use partnermap::model::*;
use partnermap::task::Progress;

fn moved(p: &Project, moves: &layout::Moves) -> Project {
    let mut q = p.clone();
    for (id, to) in moves {
        q.actors.get_mut(id).unwrap().position = *to;
    }
    q
}

/// Pairs of actors whose footprints (the shape and the label below it) overlap.
fn overlaps(p: &Project) -> usize {
    let boxes: Vec<(f64, f64, f64, f64)> = p
        .actors
        .values()
        .map(|a| {
            let r = partnermap::style::actor_radius(a);
            let w = label_width(a) - 16.0;
            (a.position.x, a.position.y, w, 2.0 * r + label_height(a))
        })
        .collect();
    let mut n = 0;
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if (a.0 - b.0).abs() < (a.2 + b.2) / 2.0 && (a.1 - b.1).abs() < (a.3 + b.3) / 2.0 {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn every_layout_gives_finite_positions_the_same_every_time_and_leaves_pinned_actors() {
    let mut p = generate(60, 100, 4).unwrap();
    let pinned = ActorId(5);
    p.actors.get_mut(&pinned).unwrap().pinned = true;
    let at = p.actors[&pinned].position;
    for kind in LayoutKind::ALL {
        let a = layout::run(&p, kind, None, &Progress::new()).unwrap();
        let b = layout::run(&p, kind, None, &Progress::new()).unwrap();
        assert_eq!(a, b, "{kind:?} is deterministic");
        assert_eq!(
            a.len(),
            59,
            "{kind:?}: every actor but the pinned one moves"
        );
        assert!(
            a.iter()
                .all(|(id, q)| *id != pinned && q.x.is_finite() && q.y.is_finite())
        );
        assert_eq!(moved(&p, &a).actors[&pinned].position, at);
    }
}

#[test]
fn bands_go_from_international_at_the_top_to_village_at_the_bottom() {
    let p = generate(200, 400, 2).unwrap();
    let q = moved(
        &p,
        &layout::run(&p, LayoutKind::ByLevel, None, &Progress::new()).unwrap(),
    );
    for pair in Level::ALL.windows(2) {
        let lowest_above = q
            .actors
            .values()
            .filter(|a| a.level == Some(pair[0]))
            .map(|a| a.position.y)
            .fold(f64::NEG_INFINITY, f64::max);
        let highest_below = q
            .actors
            .values()
            .filter(|a| a.level == Some(pair[1]))
            .map(|a| a.position.y)
            .fold(f64::INFINITY, f64::min);
        assert!(
            lowest_above < highest_below,
            "{:?} above {:?}",
            pair[0],
            pair[1]
        );
    }
    assert_eq!(overlaps(&q), 0, "labels in a band do not touch");
}

#[test]
fn ordering_bands_by_partners_crosses_fewer_lines_than_by_id() {
    // Crossings between adjacent bands, counted for lines that join neighbouring bands.
    fn crossings(p: &Project) -> usize {
        let lines: Vec<(f64, f64, usize)> = p
            .partnerships
            .values()
            .filter_map(|e| {
                let (a, b) = (&p.actors[&e.a], &p.actors[&e.b]);
                let (top, bottom) = if a.level <= b.level { (a, b) } else { (b, a) };
                let (t, b) = (top.level? as usize, bottom.level? as usize);
                (b == t + 1).then_some((top.position.x, bottom.position.x, t))
            })
            .collect();
        let mut n = 0;
        for (i, l) in lines.iter().enumerate() {
            for m in &lines[i + 1..] {
                if l.2 == m.2 && (l.0 - m.0) * (l.1 - m.1) < 0.0 {
                    n += 1;
                }
            }
        }
        n
    }
    let p = generate(120, 240, 6).unwrap();
    let laid = moved(
        &p,
        &layout::run(&p, LayoutKind::ByLevel, None, &Progress::new()).unwrap(),
    );
    // The same bands in id order.
    let mut by_id = laid.clone();
    for level in Level::ALL {
        let mut xs: Vec<f64> = laid
            .actors
            .values()
            .filter(|a| a.level == Some(*level))
            .map(|a| a.position.x)
            .collect();
        xs.sort_by(f64::total_cmp);
        let ids: Vec<ActorId> = laid
            .actors
            .values()
            .filter(|a| a.level == Some(*level))
            .map(|a| a.id)
            .collect();
        for (id, x) in ids.iter().zip(xs) {
            by_id.actors.get_mut(id).unwrap().position.x = x;
        }
    }
    assert!(
        crossings(&laid) < crossings(&by_id),
        "{} vs {}",
        crossings(&laid),
        crossings(&by_id)
    );
}

#[test]
fn sectors_get_columns_and_the_circle_is_round() {
    let p = generate(150, 300, 3).unwrap();
    let q = moved(
        &p,
        &layout::run(&p, LayoutKind::BySector, None, &Progress::new()).unwrap(),
    );
    let span = |s: Sector| {
        let xs: Vec<f64> = q
            .actors
            .values()
            .filter(|a| a.sector == Some(s))
            .map(|a| a.position.x)
            .collect();
        (
            xs.iter().copied().fold(f64::INFINITY, f64::min),
            xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let present: Vec<Sector> = Sector::ALL
        .iter()
        .copied()
        .filter(|s| q.actors.values().any(|a| a.sector == Some(*s)))
        .collect();
    for pair in present.windows(2) {
        assert!(
            span(pair[0]).1 < span(pair[1]).0,
            "{:?} left of {:?}",
            pair[0],
            pair[1]
        );
    }
    assert_eq!(overlaps(&q), 0);
    let c = moved(
        &p,
        &layout::run(&p, LayoutKind::Circular, None, &Progress::new()).unwrap(),
    );
    let radii: Vec<f64> = c
        .actors
        .values()
        .map(|a| a.position.x.hypot(a.position.y))
        .collect();
    let (lo, hi) = radii
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), r| (l.min(*r), h.max(*r)));
    assert!(hi - lo < 1e-6, "all on one circle: {lo}..{hi}");
    assert_eq!(overlaps(&c), 0, "labels around the circle do not touch");
}

#[test]
fn force_layout_brings_partners_together_and_keeps_labels_apart() {
    let p = generate(50, 80, 1).unwrap();
    let q = moved(
        &p,
        &layout::run(&p, LayoutKind::Force, None, &Progress::new()).unwrap(),
    );
    let dist = |a: ActorId, b: ActorId| {
        let (a, b) = (q.actors[&a].position, q.actors[&b].position);
        (a.x - b.x).hypot(a.y - b.y)
    };
    let partners: Vec<f64> = q.partnerships.values().map(|e| dist(e.a, e.b)).collect();
    let ids: Vec<ActorId> = q.actors.keys().copied().collect();
    let mut all = Vec::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            all.push(dist(*a, *b));
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    assert!(
        mean(&partners) < 0.6 * mean(&all),
        "{} vs {}",
        mean(&partners),
        mean(&all)
    );
    assert_eq!(overlaps(&q), 0, "no label overlaps another");
}

#[test]
fn tidy_selection_moves_only_the_selected_around_where_they_were() {
    let p = generate(40, 60, 2).unwrap();
    let chosen: BTreeSet<ActorId> = [ActorId(3), ActorId(4), ActorId(5), ActorId(6)].into();
    for kind in [LayoutKind::Force, LayoutKind::Circular] {
        let moves = layout::run(&p, kind, Some(&chosen), &Progress::new()).unwrap();
        let ids: BTreeSet<ActorId> = moves.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, chosen, "{kind:?}");
    }
    let moves = layout::run(&p, LayoutKind::Circular, Some(&chosen), &Progress::new()).unwrap();
    let centre = |pts: Vec<Position>| {
        let n = pts.len() as f64;
        (
            pts.iter().map(|p| p.x).sum::<f64>() / n,
            pts.iter().map(|p| p.y).sum::<f64>() / n,
        )
    };
    let before = centre(chosen.iter().map(|id| p.actors[id].position).collect());
    let after = centre(moves.iter().map(|(_, q)| *q).collect());
    let shift = ((before.0 - after.0).powi(2) + (before.1 - after.1).powi(2)).sqrt();
    assert!(
        shift < 150.0,
        "the circle is drawn where they were: {shift}"
    );
}

/// Pairs of actors, one of them in `chosen`, whose footprints overlap.
fn overlaps_with(p: &Project, chosen: &BTreeSet<ActorId>) -> Vec<(ActorId, ActorId)> {
    let foot = |a: &Actor| {
        let r = partnermap::style::actor_radius(a);
        (
            a.position.x,
            a.position.y,
            label_width(a) - 16.0,
            2.0 * r + label_height(a),
        )
    };
    let mut out = Vec::new();
    for a in p.actors.values().filter(|a| chosen.contains(&a.id)) {
        for b in p.actors.values().filter(|b| b.id != a.id) {
            let (fa, fb) = (foot(a), foot(b));
            if (fa.0 - fb.0).abs() < (fa.2 + fb.2) / 2.0
                && (fa.1 - fb.1).abs() < (fa.3 + fb.3) / 2.0
            {
                out.push((a.id, b.id));
            }
        }
    }
    out
}

#[test]
fn tidy_selection_never_puts_an_actor_over_another_or_its_label() {
    let sample = partnermap::io::sample();
    let dense = generate(120, 240, 3).unwrap();
    for p in [sample, dense] {
        let chosen: BTreeSet<ActorId> = p.actors.keys().copied().step_by(4).take(8).collect();
        for kind in LayoutKind::ALL {
            let moves = layout::run(&p, kind, Some(&chosen), &Progress::new()).unwrap();
            let q = moved(&p, &moves);
            let over = overlaps_with(&q, &chosen);
            assert!(over.is_empty(), "{kind:?}: {over:?}");
        }
    }
}

#[test]
fn a_cancelled_layout_returns_nothing() {
    let p = generate(2000, 6000, 2).unwrap();
    let progress = Progress::new();
    progress.cancel();
    for kind in LayoutKind::ALL {
        assert_eq!(
            layout::run(&p, kind, None, &progress),
            Err(layout::Cancelled)
        );
    }
}

#[test]
fn in_the_window_a_layout_is_animated_and_one_undo_step() {
    let start = generate(30, 45, 5).unwrap();
    let mut h = harness::on(Document::new(start.clone(), Origin::Untitled));
    h.run();
    h.query_all_by_label("Map").next().unwrap().click();
    h.run();
    h.get_by_label("Layout").click();
    h.run();
    h.get_by_label("By level").click();
    h.run_steps(2);
    h.state_mut().wait_for_background_work();
    h.run_steps(2);
    assert!(
        h.state().animation.is_some(),
        "the result glides into place"
    );
    assert!(
        !h.state().view.canvas.preview.is_empty(),
        "drawn on the way"
    );
    assert_eq!(
        h.state().doc.project.actors,
        start.actors,
        "the map itself changes only when the layout lands"
    );
    std::thread::sleep(partnermap::app::LAYOUT_ANIMATION);
    h.run_steps(3);
    assert!(h.state().animation.is_none());
    assert!(h.state().view.canvas.preview.is_empty());
    assert_eq!(h.state().history.undo_len(), 1, "one undo step");
    assert_eq!(h.state().history.undo_label(), Some("Layout by level"));
    assert_ne!(h.state().doc.project.actors, start.actors);
    h.state_mut().undo();
    assert_eq!(h.state().doc.project, start, "undo puts every actor back");
}

#[test]
fn a_cancelled_layout_changes_nothing_even_if_its_result_arrives() {
    let start = generate(3000, 9000, 5).unwrap();
    let mut h = harness::on(Document::new(start.clone(), Origin::Untitled));
    h.run_steps(3);
    h.state_mut()
        .run_action(partnermap::ui::actions::Action::LayoutForce);
    // What the status bar's Cancel does, at once (the worker may already be done).
    h.state()
        .jobs
        .progress
        .as_ref()
        .expect("the layout runs")
        .0
        .cancel();
    h.state_mut().wait_for_background_work();
    h.run_steps(2);
    assert!(h.state().animation.is_none());
    assert_eq!(
        h.state().history.undo_len(),
        0,
        "a cancelled layout is no step"
    );
    assert_eq!(h.state().doc.project.actors, start.actors);
}

#[test]
fn the_status_bar_shows_progress_and_cancel_for_a_running_job() {
    let mut h = harness::on(Document::sample());
    h.run_steps(2);
    let progress = std::sync::Arc::new(Progress::new());
    progress.set(2, 5);
    h.state_mut().jobs.progress = Some((progress.clone(), "Cancel layout"));
    h.state_mut().jobs.busy = Some("Layout: force-directed…".into());
    h.run_steps(2);
    h.get_by_label("Layout: force-directed…");
    h.get_by_role(egui::accesskit::Role::ProgressIndicator);
    h.get_by_label("Cancel layout").click();
    h.run_steps(2);
    assert!(progress.is_cancelled());
    h.get_by_label("cancelling…");
}

#[test]
fn the_pinned_box_in_the_inspector_pins_an_actor_in_one_step() {
    let start = generate(8, 10, 5).unwrap();
    let mut h = harness::on(Document::new(start, Origin::Untitled));
    h.run();
    h.state_mut().view.selection = [partnermap::ui::view::Item::Actor(ActorId(2))].into();
    h.run();
    h.get_by_label("Pinned").scroll_to_me();
    h.run();
    h.get_by_label("Pinned").click();
    h.run();
    assert!(h.state().doc.project.actors[&ActorId(2)].pinned);
    let name = h.state().doc.project.actors[&ActorId(2)]
        .short_or_name()
        .to_string();
    assert_eq!(
        h.state().history.undo_label(),
        Some(format!("Set pinned of {name}").as_str())
    );
    // A layout now leaves it where it is.
    let at = h.state().doc.project.actors[&ActorId(2)].position;
    h.state_mut()
        .run_action(partnermap::ui::actions::Action::LayoutCircular);
    h.run_steps(2);
    h.state_mut().wait_for_background_work();
    h.run_steps(2);
    h.state_mut().finish_animation();
    assert_eq!(h.state().doc.project.actors[&ActorId(2)].position, at);
}
