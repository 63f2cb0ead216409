//! The label rule on hand-checked small maps, and a property: placed labels never overlap
//! each other or an actor.

use proptest::prelude::*;

use super::*;

/// A view 400 × 300 from the origin; labels 3 from their actor and 4 from anything else.
fn rules() -> LabelRules {
    LabelRules {
        view: Rect::at((0.0, 0.0), (400.0, 300.0)),
        gap: 3.0,
        spacing: 4.0,
    }
}

/// An actor of radius 10 at `c` with a 60 × 14 full label, a 20 × 14 short one and
/// `priority`.
fn actor(c: (f64, f64), priority: f64) -> LabelRequest {
    LabelRequest {
        centre: c,
        radius: 10.0,
        full: Some((60.0, 14.0)),
        short: Some((20.0, 14.0)),
        priority,
        must_show: false,
    }
}

fn placed(out: &[Option<PlacedLabel>], i: usize) -> PlacedLabel {
    out[i].unwrap_or_else(|| panic!("actor {i} has a label: {out:?}"))
}

#[test]
fn a_lone_actor_is_labelled_in_full_centred_below_it() {
    let out = place_labels(&[actor((200.0, 100.0), 1.0)], &rules());
    let label = placed(&out, 0);
    assert_eq!((label.text, label.place), (LabelText::Full, Place::Below));
    assert_eq!(label.rect, Rect::at((170.0, 113.0), (60.0, 14.0)));
}

#[test]
fn the_second_of_two_close_actors_takes_another_side() {
    // B stands 40 below A: A's label below would cover B, so A (more influential, placed
    // first) goes above; B keeps its place below.
    let actors = [actor((200.0, 100.0), 5.0), actor((200.0, 140.0), 1.0)];
    let out = place_labels(&actors, &rules());
    let (a, b) = (placed(&out, 0), placed(&out, 1));
    assert_eq!((a.text, a.place), (LabelText::Full, Place::Above));
    assert_eq!(a.rect, Rect::at((170.0, 73.0), (60.0, 14.0)));
    assert_eq!((b.text, b.place), (LabelText::Full, Place::Below));
    // Side by side, 60 apart: the first takes below, the second's label below would touch
    // it, so it goes above.
    let actors = [actor((150.0, 100.0), 5.0), actor((210.0, 100.0), 1.0)];
    let out = place_labels(&actors, &rules());
    assert_eq!(placed(&out, 0).place, Place::Below);
    assert_eq!(placed(&out, 1).place, Place::Above);
}

/// Actor 0 at `c` with four neighbours 36 away on each side, all with labels of width `w`.
fn boxed_in(c: (f64, f64), w: f64) -> Vec<LabelRequest> {
    let mut out = vec![actor(c, 1.0)];
    for (dx, dy) in [(0.0, 36.0), (0.0, -36.0), (36.0, 0.0), (-36.0, 0.0)] {
        let mut n = actor((c.0 + dx, c.1 + dy), 0.0);
        (n.full, n.short) = (None, None);
        out.push(n);
    }
    out[0].full = Some((w, 14.0));
    out
}

#[test]
fn a_boxed_in_actor_shows_its_short_name_and_with_no_room_none() {
    // The neighbours' discs stand 16 from the centre actor's: no room for a label 60 wide
    // anywhere, but off its corners a short one 12 wide fits.
    let mut actors = boxed_in((200.0, 150.0), 60.0);
    actors[0].short = Some((12.0, 10.0));
    let out = place_labels(&actors, &rules());
    let label = placed(&out, 0);
    assert_eq!(label.text, LabelText::Short);
    assert_eq!(label.place, Place::BelowRight);
    assert!(
        out[1..].iter().all(Option::is_none),
        "neighbours offer nothing"
    );
    // A short name as long as the full one fits nowhere either: no label.
    actors[0].short = Some((60.0, 14.0));
    let out = place_labels(&actors, &rules());
    assert_eq!(out[0], None);
}

#[test]
fn with_no_room_for_both_the_less_influential_label_drops() {
    // Two actors in a narrow band of view whose labels can only go between them, with
    // room for one label.
    let view = Rect::at((0.0, 0.0), (400.0, 70.0));
    let rules = LabelRules { view, ..rules() };
    let mut low = actor((200.0, 10.0), 2.0);
    let mut high = actor((200.0, 60.0), 4.0);
    for a in [&mut low, &mut high] {
        a.full = Some((300.0, 14.0));
        a.short = Some((250.0, 14.0));
    }
    // Listed low first: the order of the list does not matter, influence does.
    let out = place_labels(&[low, high], &rules);
    assert_eq!(out[0], None, "the less influential drops");
    let kept = placed(&out, 1);
    assert_eq!((kept.text, kept.place), (LabelText::Full, Place::Above));
    assert_eq!(kept.rect, Rect::at((50.0, 33.0), (300.0, 14.0)));
    let out = place_labels(&[high, low], &rules);
    assert!(out[0].is_some() && out[1].is_none());
}

#[test]
fn a_label_with_no_free_place_moves_one_in_its_way_to_another_free_place() {
    // A's first choice, below it, is the only place where B's wide label could go (the
    // view ends under B and at its sides): A's label moves above A instead of B's dropping.
    let rules = LabelRules {
        view: Rect::at((0.0, 0.0), (100.0, 125.0)),
        ..rules()
    };
    let a = actor((50.0, 60.0), 5.0);
    let mut b = actor((50.0, 110.0), 1.0);
    b.full = Some((90.0, 14.0));
    b.short = None;
    let out = place_labels(&[a, b], &rules);
    let (a, b) = (placed(&out, 0), placed(&out, 1));
    assert_eq!((a.text, a.place), (LabelText::Full, Place::Above));
    assert_eq!((b.text, b.place), (LabelText::Full, Place::Above));
    assert_eq!(b.rect, Rect::at((5.0, 83.0), (90.0, 14.0)));
}

#[test]
fn a_selected_actor_keeps_its_full_label_first_and_everywhere() {
    // Side by side: the selected actor, although least influential, takes below.
    let mut selected = actor((210.0, 100.0), 0.0);
    selected.must_show = true;
    let actors = [actor((150.0, 100.0), 5.0), selected];
    let out = place_labels(&actors, &rules());
    assert_eq!(placed(&out, 1).place, Place::Below);
    assert_eq!(placed(&out, 0).place, Place::Above);
    // Boxed in, where others get their short name or none: its full label, below, over
    // its neighbour.
    let mut actors = boxed_in((200.0, 150.0), 60.0);
    actors[0].must_show = true;
    let out = place_labels(&actors, &rules());
    let label = placed(&out, 0);
    assert_eq!((label.text, label.place), (LabelText::Full, Place::Below));
    // At the bottom of the view, its label below is moved up into it.
    let mut edge = actor((200.0, 295.0), 1.0);
    edge.must_show = true;
    let blocker = actor((200.0, 265.0), 9.0);
    let out = place_labels(&[edge, blocker], &rules());
    let label = placed(&out, 0);
    assert!(label.rect.within(&rules().view), "{label:?}");
}

#[test]
fn actors_outside_the_view_are_left_out_and_labels_stay_inside_it() {
    let out = place_labels(
        &[actor((-50.0, 100.0), 1.0), actor((395.0, 100.0), 1.0)],
        &rules(),
    );
    assert_eq!(out[0], None);
    let label = placed(&out, 1);
    assert_eq!(
        label.place,
        Place::Left,
        "right, below and above leave the view"
    );
    assert!(label.rect.within(&rules().view));
    // A broken view or broken actors place nothing and do not panic.
    let broken = LabelRules {
        view: Rect::at((0.0, 0.0), (f64::NAN, 1.0)),
        ..rules()
    };
    assert_eq!(place_labels(&[actor((1.0, 1.0), 1.0)], &broken), vec![None]);
    let mut nan = actor((f64::NAN, 1.0), 1.0);
    nan.full = Some((f64::INFINITY, 1.0));
    assert_eq!(place_labels(&[nan], &rules()), vec![None]);
}

#[test]
fn every_place_clears_every_sector_shape() {
    // The shapes' outlines, against the label at each place for a label of every size.
    for shape in [
        super::super::Shape::Square,
        super::super::Shape::Circle,
        super::super::Shape::Diamond,
        super::super::Shape::Triangle,
        super::super::Shape::Hexagon,
    ] {
        let super::super::Outline::Polygon(points) =
            super::super::shape_outline(shape, (0.0, 0.0), 10.0)
        else {
            continue;
        };
        for (place, slide) in candidates() {
            let r = slid_rect((place, slide), (0.0, 0.0), 10.0, 3.0, (30.0, 12.0));
            // Diamonds, triangles and hexagons reach past the circle at their tips, straight
            // below, above or beside (a diamond's by 0.15 r, into the gap); the corner places
            // clear every shape by the gap.
            let clear = match place {
                Place::Below | Place::Above | Place::Right | Place::Left => 1.0,
                _ => 2.9,
            };
            for &(x, y) in &points {
                let (nx, ny) = r.nearest((x, y));
                let d = (nx - x).hypot(ny - y);
                assert!(
                    d >= clear,
                    "{shape:?} at {place:?}: a corner {d} from the label"
                );
            }
        }
    }
}

/// An arbitrary actor inside a 600 × 400 view, or a little outside it.
fn any_actor() -> impl Strategy<Value = LabelRequest> {
    (
        (-40.0..640.0f64, -40.0..440.0f64),
        2.0..30.0f64,
        prop::option::of((5.0..160.0f64, 8.0..40.0f64)),
        prop::option::of((5.0..60.0f64, 8.0..20.0f64)),
        0.0..5.0f64,
    )
        .prop_map(|(centre, radius, full, short, priority)| LabelRequest {
            centre,
            radius,
            full,
            short,
            priority,
            must_show: false,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn placed_labels_never_overlap_each_other_or_an_actor(
        actors in prop::collection::vec(any_actor(), 0..120),
        spacing in 0.0..6.0f64,
    ) {
        let rules = LabelRules {
            view: Rect::at((0.0, 0.0), (600.0, 400.0)),
            gap: 3.0,
            spacing,
        };
        let out = place_labels(&actors, &rules);
        prop_assert_eq!(out.len(), actors.len());
        let labels: Vec<(usize, Rect)> = out
            .iter()
            .enumerate()
            .filter_map(|(i, l)| l.map(|l| (i, l.rect)))
            .collect();
        for (k, &(i, r)) in labels.iter().enumerate() {
            prop_assert!(r.within(&rules.view));
            let size = match out[i].map(|l| l.text) {
                Some(LabelText::Full) => actors[i].full,
                _ => actors[i].short,
            };
            let (w, h) = size.unwrap_or_default();
            prop_assert!((r.width() - w).abs() < 1e-6 && (r.height() - h).abs() < 1e-6);
            for &(_, other) in &labels[k + 1..] {
                prop_assert!(!r.near(&other, 0.0), "{:?} overlaps {:?}", r, other);
            }
            for a in &actors {
                prop_assert!(
                    !r.near_disc(a.centre, a.radius, 0.0),
                    "{:?} overlaps the actor at {:?}", r, a.centre
                );
            }
        }
    }
}
