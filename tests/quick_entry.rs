//! Quick entry driven through the whole app with egui_kittest, on the sample map: asking
//! which actor a name means, typos, adding an unknown actor with its partnership in one undo
//! step, and messages that stay inside the window.

use crate::harness;
use egui::{Event, Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, PartnerMapApp};
use partnermap::model::ActorId;

type H = Harness<'static, PartnerMapApp>;

fn sample() -> H {
    let mut h = harness::on(Document::sample());
    h.run();
    h
}

use crate::harness::{actor_id, project};

fn key(h: &mut H, key: Key, modifiers: Modifiers) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Opens quick entry (Ctrl+L), types `line` and presses Enter.
fn enter(h: &mut H, line: &str) {
    key(h, Key::L, Modifiers::COMMAND);
    h.event(Event::Text(line.to_string()));
    h.run();
    key(h, Key::Enter, Modifiers::NONE);
}

/// The ends of the last partnership added.
fn last_link(h: &H) -> (ActorId, ActorId) {
    let p = project(h)
        .partnerships
        .values()
        .last()
        .expect("a partnership");
    (p.a, p.b)
}

const PGOS: [&str; 3] = [
    "Provincial Governor's Office, Banteay Meanchey",
    "Provincial Governor's Office, Pursat",
    "Provincial Governor's Office, Battambang",
];

#[test]
fn quick_entry_asks_which_pgo_and_a_click_links_the_one_picked() {
    let mut h = sample();
    enter(&mut h, "PGO – Citizens");
    assert_eq!(project(&h).partnerships.len(), 29, "nothing added yet");
    assert!(h.state().quick.message.is_none(), "no “no actor” message");
    h.get_by_label_contains("Several actors fit “PGO”");
    for (i, name) in PGOS.iter().enumerate() {
        h.get_by_role_and_label(Role::Button, &format!("{}  {name}", i + 1));
    }
    h.get_by_role_and_label(Role::Button, &format!("2  {}", PGOS[1]))
        .click();
    h.run();
    assert_eq!(project(&h).partnerships.len(), 30);
    let citizens = actor_id(&h, "Citizens & citizen volunteers");
    assert_eq!(last_link(&h), (actor_id(&h, PGOS[1]), citizens));
    assert!(h.state().quick.pending.is_none());
    assert!(h.state().quick.text.is_empty());
}

#[test]
fn quick_entry_picks_a_candidate_by_its_number() {
    let mut h = sample();
    enter(&mut h, "Citizens – PGO");
    key(&mut h, Key::Num3, Modifiers::NONE);
    let citizens = actor_id(&h, "Citizens & citizen volunteers");
    assert_eq!(last_link(&h), (citizens, actor_id(&h, PGOS[2])));
    assert!(h.state().quick.text.is_empty(), "the digit was not typed");
}

#[test]
fn quick_entry_esc_drops_the_question_and_keeps_presentation_mode() {
    let mut h = sample();
    key(&mut h, Key::F11, Modifiers::NONE);
    assert!(h.state().view.presenting);
    h.event(Event::Text("PGO – Citizens".into()));
    h.run();
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert!(h.state().quick.pending.is_some());
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert!(h.state().quick.pending.is_none());
    assert!(h.state().view.presenting, "Esc answered the bar");
    assert_eq!(h.state().quick.text, "PGO – Citizens");
    assert!(
        h.ctx.egui_wants_keyboard_input(),
        "the field keeps the keyboard to correct the text"
    );
}

#[test]
fn quick_entry_forgives_a_typo() {
    let mut h = sample();
    enter(&mut h, "Parnets – Citizens");
    assert_eq!(project(&h).partnerships.len(), 30);
    assert_eq!(
        last_link(&h),
        (
            actor_id(&h, "Parents (Battambang primary schools)"),
            actor_id(&h, "Citizens & citizen volunteers")
        )
    );
}

#[test]
fn quick_entry_adds_an_unknown_actor_with_its_link_and_one_undo_removes_both() {
    let mut h = sample();
    enter(
        &mut h,
        "Women's savings group [community] – Commune council",
    );
    assert_eq!(project(&h).actors.len(), 24, "it asks first");
    h.get_by_label(
        "Add “Women's savings group” (Community) and link it to Commune council (generic)? \
         Enter adds, Esc cancels.",
    );
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(project(&h).actors.len(), 25);
    assert_eq!(project(&h).partnerships.len(), 30);
    let group = actor_id(&h, "Women's savings group");
    assert_eq!(
        project(&h).actor(group).unwrap().sector,
        Some(partnermap::model::Sector::Community)
    );
    assert_eq!(
        last_link(&h),
        (group, actor_id(&h, "Commune council (generic)"))
    );
    assert_eq!(
        h.state().history.undo_label(),
        Some("Add Women's savings group and link it to Commune council (generic)")
    );
    // Leave the field (Ctrl+Z there would undo typing), then undo once.
    key(&mut h, Key::Escape, Modifiers::NONE);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(project(&h).actors.len(), 24);
    assert_eq!(project(&h).partnerships.len(), 29);
}

#[test]
fn quick_entry_offers_to_add_both_unknown_names() {
    let mut h = sample();
    enter(&mut h, "Youth council – Farmers' cooperative");
    h.get_by_label_contains("and link them? Enter adds");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(project(&h).actors.len(), 26);
    assert_eq!(
        last_link(&h),
        (
            actor_id(&h, "Youth council"),
            actor_id(&h, "Farmers' cooperative")
        )
    );
}

/// The rect of the offer for a very long unknown name, and the window's width, in points.
fn long_offer(h: &mut H) -> (egui::Rect, f32) {
    let name = "Association of the savings groups of women and young people ".repeat(4);
    enter(h, &format!("{} – MoI", name.trim()));
    let rect = h.get_by_label_contains("Enter adds, Esc cancels").rect();
    (rect, h.ctx.content_rect().width())
}

#[test]
fn quick_entry_messages_wrap_inside_the_window() {
    let mut h = sample();
    let (rect, width) = long_offer(&mut h);
    assert!(rect.max.x <= width, "{rect:?} runs past {width}");
    assert!(
        rect.height() > 20.0,
        "it wraps onto several lines: {rect:?}"
    );
    let mut h = sample();
    key(&mut h, Key::F11, Modifiers::NONE);
    let (rect, width) = long_offer(&mut h);
    assert!(
        rect.max.x <= width,
        "presenting: {rect:?} runs past {width}"
    );
}

#[test]
fn quick_entry_text_is_two_and_a_half_times_larger_when_presenting() {
    let mut h = sample();
    // The label's width grows with the size of its text (its height has a minimum).
    let width = |h: &H| {
        h.get_by_role_and_label(Role::Label, "Quick entry")
            .rect()
            .width()
            * h.ctx.zoom_factor()
    };
    let normal = width(&h);
    key(&mut h, Key::F11, Modifiers::NONE);
    let presenting = width(&h);
    assert!(
        presenting >= 2.45 * normal,
        "{presenting} px presenting, {normal} px normally"
    );
}

#[test]
fn a_partnership_typed_between_actors_off_screen_pans_just_enough_to_show_it() {
    let mut h = sample();
    let (a, b) = (actor_id(&h, "World Bank"), actor_id(&h, "PRIA"));
    // Look at a corner far from both, at a zoom where the two fit in half the canvas.
    let screen = h.state().view.canvas.screen.unwrap();
    let (far, zoom) = {
        let p = project(&h);
        let (pa, pb) = (p.actor(a).unwrap().position, p.actor(b).unwrap().position);
        let span = ((pa.x - pb.x).abs() as f32 / screen.width())
            .max((pa.y - pb.y).abs() as f32 / screen.height());
        let zoom = 0.5 / span.max(1e-3);
        let far = egui::pos2(
            pa.x.min(pb.x) as f32 - 2.0 * screen.width() / zoom,
            pa.y.min(pb.y) as f32 - 2.0 * screen.height() / zoom,
        );
        (far, zoom)
    };
    {
        let canvas = &mut h.state_mut().view.canvas;
        let cam = canvas.camera.as_mut().unwrap();
        (cam.center, cam.zoom) = (far, zoom);
    }
    h.run();
    let before = h.state().view.canvas.camera.unwrap();
    enter(&mut h, "World Bank – PRIA");
    assert_eq!(last_link(&h), (a, b));
    let cam = h.state().view.canvas.camera.unwrap();
    assert_eq!(cam.zoom, before.zoom, "no zoom");
    assert_ne!(cam.center, before.center, "it panned");
    let p = project(&h);
    let on_screen: Vec<egui::Pos2> = [a, b]
        .iter()
        .map(|id| {
            let at = p.actor(*id).unwrap().position;
            cam.to_screen(screen, egui::pos2(at.x as f32, at.y as f32))
        })
        .collect();
    for s in &on_screen {
        assert!(screen.shrink(20.0).contains(*s), "{s:?} in {screen:?}");
    }
    // Just enough: an end sits near the edge it came in by, not in the middle.
    let nearest_edge = on_screen
        .iter()
        .map(|s| {
            (s.x - screen.left())
                .min(screen.right() - s.x)
                .min(s.y - screen.top())
                .min(screen.bottom() - s.y)
        })
        .fold(f32::INFINITY, f32::min);
    assert!(nearest_edge < 80.0, "{on_screen:?} in {screen:?}");
    // Typing a link between actors already on screen moves nothing.
    let still = h.state().view.canvas.camera.unwrap();
    enter(&mut h, "PRIA – World Bank");
    assert_eq!(h.state().view.canvas.camera.unwrap(), still);
}
