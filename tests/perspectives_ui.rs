//! Perspectives in the window (issue 16, items 1, 2 and 4): add a group, rate as that group
//! with the keyboard on the rating sheet, let the map follow the groups, colour by
//! disagreement, and pick the most contested partnership — each change one undo step.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, LeftTab, Origin, PartnerMapApp};
use partnermap::model::{ColourBy, Form, Formality, MapValues, Project};
use partnermap::ui::view::Item;

use crate::harness;

type H = Harness<'static, PartnerMapApp>;

fn open(project: Project) -> H {
    let mut app = PartnerMapApp::with_document(Document::new(project, Origin::Sample));
    app.prefs.left_tab = LeftTab::Perspectives;
    let mut h = harness::harness(app);
    h.run();
    h
}

fn key(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::NONE, key);
    h.run();
}

/// Runs frames until the tab's figures for the current map have arrived.
fn settle(h: &mut H) {
    for _ in 0..400 {
        h.run();
        let rev = h.state().doc.revision;
        let p = h.state().doc.project.clone();
        let (_, current) = h.state_mut().perspectives.summary.get(&p, rev, || {});
        if current {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the figures did not arrive in 4 s");
}

#[test]
fn a_group_is_added_and_rated_with_digit_keys_then_the_map_follows_it() {
    let mut start = partnermap::io::sample();
    start.perspectives.clear();
    let first = *start.partnerships.keys().next().unwrap();
    let mut h = open(start.clone());
    h.get_by_label("New perspective").click();
    h.run();
    h.get_by_label("New perspective").type_text("Citizens");
    h.run();
    h.get_by_label("Add perspective").click();
    h.run();
    assert_eq!(harness::project(&h).perspectives.len(), 1);
    assert_eq!(harness::project(&h).perspectives[0].name, "Citizens");
    // A second group of the same name (in other case) is refused with a message.
    h.get_by_label("New perspective").click();
    h.run();
    h.get_by_label("New perspective").type_text("citizens");
    h.run();
    h.get_by_label("Add perspective").click();
    h.run();
    h.get_by_label("There is already a perspective named \"citizens\".");
    assert_eq!(harness::project(&h).perspectives.len(), 1);

    h.get_by_label("Rate as Citizens").click();
    h.run();
    assert!(h.state().perspectives.sheet.is_some(), "the sheet is open");
    h.get_by_label("Rating as Citizens");
    // Form 4 = Integrated, then formality 2 = permission per activity; the sheet moves on.
    key(&mut h, Key::Num4);
    key(&mut h, Key::Num2);
    // Trust a→b: 9 is past the scale and changes nothing.
    key(&mut h, Key::Num9);
    // Back to formality and clear it.
    key(&mut h, Key::ArrowLeft);
    key(&mut h, Key::Backspace);
    let view = &harness::project(&h).perspectives[0];
    let rating = view
        .partnership(first)
        .expect("the first partnership is rated");
    assert_eq!(rating.form, Some(Form::Integrated));
    assert_eq!(rating.formality, None);
    assert_eq!(rating.trust_ab, None);
    // The row being rated is selected on the map too.
    assert!(h.state().view.selection.contains(&Item::Partnership(first)));
    // By hand, the map keeps its own form.
    assert_eq!(
        harness::project(&h).partnerships[&first].form,
        start.partnerships[&first].form
    );
    key(&mut h, Key::Escape);
    assert!(
        h.state().perspectives.sheet.is_none(),
        "Esc closes the sheet"
    );

    h.get_by_label("follow the groups").click();
    h.run();
    let p = harness::project(&h);
    assert_eq!(p.settings.map_values, MapValues::FollowPerspectives);
    assert_eq!(p.partnerships[&first].form, Some(Form::Integrated));
    assert_eq!(
        p.partnerships[&first].formality, start.partnerships[&first].formality,
        "a score no group gave keeps the map's value"
    );
    h.get_by_label("Colour partnerships by disagreement")
        .click();
    h.run();
    assert_eq!(
        harness::project(&h).settings.colour_by,
        ColourBy::Disagreement
    );

    // Every step undoes: colour, follow, the three values, the group.
    for _ in 0..6 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(*harness::project(&h), start);
}

#[test]
fn the_most_contested_partnership_is_listed_and_selects_on_click() {
    let mut p = partnermap::io::sample();
    p.perspectives.clear();
    let ids: Vec<_> = p.partnerships.keys().copied().take(2).collect();
    for id in &ids {
        p.partnerships.get_mut(id).unwrap().trust_ab = Some(3);
        p.partnerships.get_mut(id).unwrap().formality = Some(Formality::Mou);
    }
    let mut gov = partnermap::model::Perspective::named("Government");
    let mut cit = partnermap::model::Perspective::named("Citizens");
    use partnermap::model::PartnershipScore as S;
    // The second partnership: trust 5 against 1, the whole scale.
    gov.set_partnership_value(ids[1], S::TrustAb, Some(5));
    cit.set_partnership_value(ids[1], S::TrustAb, Some(1));
    // The first: one step apart.
    gov.set_partnership_value(ids[0], S::TrustAb, Some(4));
    p.perspectives = vec![gov, cit];
    let mut h = open(p.clone());
    settle(&mut h);
    let name = |id| {
        let e = &p.partnerships[&id];
        format!(
            "{} – {}",
            p.actors[&e.a].short_or_name(),
            p.actors[&e.b].short_or_name()
        )
    };
    // Map 3, Government 5, Citizens 1 → spread 1; map 3, Government 4 → 0.25 (other scores
    // have one voice).
    let top = format!("1.00  {}", name(ids[1]));
    let second = format!("0.25  {}", name(ids[0]));
    h.get_by_label(&top);
    h.get_by_label(&second);
    h.get_by_label(&format!(
        "Mean disagreement 0.62 — from 2 of {} partnerships",
        p.partnerships.len()
    ));
    // Mean trust as each group sees the map (unit-tested in analysis::perspective), in one
    // sentence.
    let trust = |i| {
        let seen = p.as_seen_by(i).unwrap();
        let t = partnermap::analysis::compute(&seen, None)
            .network
            .mean_trust
            .unwrap();
        (t * 100.0).round()
    };
    h.get_by_label(&format!(
        "Mean trust {}% as Government sees it, {}% as Citizens do",
        trust(0),
        trust(1)
    ));
    h.get_by_label(&top).click();
    h.run();
    assert_eq!(
        h.state().view.selection.iter().copied().collect::<Vec<_>>(),
        [Item::Partnership(ids[1])]
    );
    // The inspector shows each voice's trust in words and the spread.
    h.get_by_label("How each group sees it");
    h.get_by_label("Disagreement 1.00");
    h.get_by_label("Map moderate · Government full · Citizens none");
    h.get_by_label("1.00 apart");
}

#[test]
fn the_rating_sheet_stays_in_presentation_mode_and_rates_actors_too() {
    let mut p = partnermap::io::sample();
    p.perspectives = vec![partnermap::model::Perspective::named("Citizens")];
    let first_actor = *p.actors.keys().next().unwrap();
    let mut h = open(p);
    h.get_by_label("Rate as Citizens").click();
    h.run();
    h.state_mut().view.presenting = true;
    h.run();
    h.run();
    // The side panels are gone; the sheet is there, and its keys still work.
    assert!(h.query_by_label("Rate as Citizens").is_none());
    h.get_by_label("Rating as Citizens");
    h.get_by_label("Actors").click();
    h.run();
    // Influence 5 = very high, interest 1 = very low, capacity cleared, stance 3 = opposes.
    key(&mut h, Key::Num5);
    key(&mut h, Key::Num1);
    key(&mut h, Key::Backspace);
    key(&mut h, Key::Tab);
    key(&mut h, Key::Num3);
    let r = harness::project(&h).perspectives[0]
        .actor(first_actor)
        .cloned()
        .expect("the first actor is rated");
    assert_eq!(
        (r.influence, r.interest, r.capacity),
        (Some(5), Some(1), None)
    );
    assert_eq!(r.stance, Some(partnermap::model::Stance::Opposes));
    h.get_by_label(&format!(
        "Influence of {}: 5 very high",
        harness::project(&h).actors[&first_actor].name
    ));
}

#[test]
fn keys_pressed_within_one_frame_act_in_their_order() {
    let mut p = partnermap::io::sample();
    p.perspectives = vec![partnermap::model::Perspective::named("Citizens")];
    let ids: Vec<_> = p.partnerships.keys().copied().take(2).collect();
    let mut h = open(p);
    h.get_by_label("Rate as Citizens").click();
    h.run();
    // A fast typist: "3", Down, "2" arrive in one frame.
    for k in [Key::Num3, Key::ArrowDown, Key::Num2] {
        h.key_press_modifiers(Modifiers::NONE, k);
    }
    h.run();
    let view = &harness::project(&h).perspectives[0];
    // Form of the first row; then down a row, at formality (the sheet had moved on).
    assert_eq!(
        view.partnership(ids[0]).unwrap().form,
        Some(Form::Collaboration)
    );
    assert_eq!(
        view.partnership(ids[1]).unwrap().formality,
        Some(Formality::PermissionPerActivity)
    );
    assert_eq!(
        h.state().perspectives.sheet.as_ref().unwrap().cursor,
        (1, 2)
    );
}
