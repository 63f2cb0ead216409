//! The map editor driven through the whole app with egui_kittest: gestures on the canvas, the
//! inspector, quick entry, shortcuts, undo and redo, saving and the unsaved-changes guard.
//! Every test acts as a user would and then checks the document.

use crate::harness::{self, press};
use egui::{Event, Key, Modifiers, Pos2, Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnermap::app::{Document, Origin, PartnerMapApp};
use partnermap::model::{ActorId, Project, Sector};

type H = Harness<'static, PartnerMapApp>;

fn harness_with(doc: Document) -> H {
    let app = PartnerMapApp::with_document(doc);
    let mut h = Harness::builder()
        .with_size(Vec2::new(1400.0, 860.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(64)
        .with_context_setup(partnermap::ui::fonts::install)
        .build_eframe(move |_cc| app);
    h.run();
    h
}

fn sample() -> H {
    harness_with(Document::sample())
}

use crate::harness::{actor_id, project};

/// Where an actor is drawn on screen.
fn actor_center(h: &H, name: &str) -> Pos2 {
    h.get_by_role_and_label(Role::GraphicsObject, name)
        .rect()
        .center()
}

fn canvas_rect(h: &H) -> egui::Rect {
    h.state().view.canvas.screen.expect("the canvas was drawn")
}

fn zoom(h: &H) -> f32 {
    h.state()
        .view
        .canvas
        .camera
        .expect("the canvas has a camera")
        .zoom
}

/// Drags from `from` to `to` in a few steps, holding `modifiers`.
fn drag(h: &mut H, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.event(Event::PointerMoved(from));
    h.run();
    press(h, from, true, modifiers);
    h.run();
    for i in 1..=4 {
        h.event(Event::PointerMoved(from + (to - from) * (i as f32 / 4.0)));
        h.run();
    }
    press(h, to, false, modifiers);
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn click_at(h: &mut H, at: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.event(Event::PointerMoved(at));
    press(h, at, true, modifiers);
    press(h, at, false, modifiers);
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn click_actor(h: &mut H, name: &str, modifiers: Modifiers) {
    let at = actor_center(h, name);
    click_at(h, at, modifiers);
}

fn double_click(h: &mut H, at: Pos2) {
    h.event(Event::PointerMoved(at));
    h.run();
    for _ in 0..2 {
        press(h, at, true, Modifiers::NONE);
        h.step();
        press(h, at, false, Modifiers::NONE);
        h.step();
    }
    h.run();
}

fn type_text(h: &mut H, text: &str) {
    h.event(Event::Text(text.to_string()));
    h.run();
}

fn key(h: &mut H, key: Key, modifiers: Modifiers) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// A spot of the canvas with no actor near it: its lower left corner.
fn empty_spot(h: &H) -> Pos2 {
    canvas_rect(h).left_bottom() + Vec2::new(60.0, -60.0)
}

#[test]
fn double_click_then_typing_a_name_and_enter_adds_the_actor_there() {
    let mut h = sample();
    let at = empty_spot(&h);
    let cam = h.state().view.canvas.camera.unwrap();
    let expected = cam.to_map(canvas_rect(&h), at);
    double_click(&mut h, at);
    assert!(
        h.state().view.canvas.new_actor.is_some(),
        "the name field appears"
    );
    type_text(&mut h, "Parents' association");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let id = actor_id(&h, "Parents' association");
    let a = project(&h).actor(id).unwrap();
    assert!((a.position.x as f32 - expected.x).abs() < 1.0);
    assert!((a.position.y as f32 - expected.y).abs() < 1.0);
    assert_eq!(project(&h).actors.len(), 25);
    assert!(
        h.state()
            .view
            .selection
            .contains(&partnermap::ui::view::Item::Actor(id))
    );
    assert_eq!(
        h.state().history.undo_label(),
        Some("Add actor Parents' association")
    );
}

#[test]
fn escape_in_the_name_field_adds_nothing() {
    let mut h = sample();
    let at = empty_spot(&h);
    double_click(&mut h, at);
    assert!(h.state().view.canvas.new_actor.is_some());
    type_text(&mut h, "Not wanted");
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert_eq!(project(&h).actors.len(), 24);
    assert!(h.state().view.canvas.new_actor.is_none());
}

#[test]
fn dragging_an_actor_moves_it_by_the_dragged_amount_as_one_undo_step() {
    let mut h = sample();
    let id = actor_id(&h, "World Bank");
    let before = project(&h).actor(id).unwrap().position;
    let from = actor_center(&h, "World Bank");
    let z = zoom(&h);
    drag(&mut h, from, from + Vec2::new(80.0, 40.0), Modifiers::NONE);
    let after = project(&h).actor(id).unwrap().position;
    assert!(
        ((after.x - before.x) as f32 - 80.0 / z).abs() < 1.5,
        "{before:?} → {after:?}"
    );
    assert!(
        ((after.y - before.y) as f32 - 40.0 / z).abs() < 1.5,
        "{before:?} → {after:?}"
    );
    assert_eq!(h.state().history.undo_len(), 1);
    assert_eq!(h.state().history.undo_label(), Some("Move 1 actor"));
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(project(&h).actor(id).unwrap().position, before);
}

#[test]
fn dragging_from_the_rim_onto_another_actor_connects_them() {
    let mut h = sample();
    let (wb, pria) = (actor_id(&h, "World Bank"), actor_id(&h, "PRIA"));
    let links = project(&h).partnerships.len();
    let center = actor_center(&h, "World Bank");
    let r = h
        .get_by_role_and_label(Role::GraphicsObject, "World Bank")
        .rect()
        .width()
        / 2.0;
    let rim = center + Vec2::new(r * 0.85, 0.0);
    let to = actor_center(&h, "PRIA");
    drag(&mut h, rim, to, Modifiers::NONE);
    assert_eq!(project(&h).partnerships.len(), links + 1);
    let new = project(&h).partnerships.values().last().unwrap();
    assert_eq!((new.a, new.b), (wb, pria));
    assert_eq!(
        project(&h).actor(wb).unwrap().position,
        partnermap::io::sample().actor(wb).unwrap().position
    );
}

#[test]
fn shift_drag_and_connect_mode_connect_too() {
    let mut h = sample();
    let links = project(&h).partnerships.len();
    let (from, to) = (actor_center(&h, "SILAKA"), actor_center(&h, "Amara"));
    drag(&mut h, from, to, Modifiers::SHIFT);
    assert_eq!(project(&h).partnerships.len(), links + 1);
    h.get_by_label("Connect mode").click();
    h.run();
    assert!(h.state().view.canvas.connect_mode);
    let (from, to) = (actor_center(&h, "PRIA"), actor_center(&h, "Amara"));
    drag(&mut h, from, to, Modifiers::NONE);
    assert_eq!(project(&h).partnerships.len(), links + 2);
}

#[test]
fn escape_cancels_a_connection_being_drawn() {
    let mut h = sample();
    let links = project(&h).partnerships.len();
    let (from, to) = (actor_center(&h, "SILAKA"), actor_center(&h, "Amara"));
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    h.event(Event::PointerMoved(from));
    h.run();
    press(&h, from, true, Modifiers::SHIFT);
    h.run();
    for i in 1..=4 {
        h.event(Event::PointerMoved(from + (to - from) * (i as f32 / 4.0)));
        h.run();
    }
    assert!(matches!(
        h.state().view.canvas.gesture,
        partnermap::ui::canvas::Gesture::Connect { .. }
    ));
    key(&mut h, Key::Escape, Modifiers::SHIFT);
    press(&h, to, false, Modifiers::SHIFT);
    h.run();
    assert_eq!(project(&h).partnerships.len(), links);
}

#[test]
fn shift_drag_on_empty_space_selects_the_actors_in_the_box() {
    let mut h = sample();
    let names = [
        "Provincial Governor's Office, Banteay Meanchey",
        "Provincial Governor's Office, Pursat",
        "Provincial Governor's Office, Battambang",
    ];
    let centers: Vec<Pos2> = names.iter().map(|n| actor_center(&h, n)).collect();
    let rect = centers.iter().fold(egui::Rect::NOTHING, |r, c| {
        r.union(egui::Rect::from_center_size(*c, Vec2::splat(1.0)))
    });
    let from = rect.left_top() + Vec2::new(-12.0, -12.0);
    let to = rect.right_bottom() + Vec2::new(12.0, 12.0);
    drag(&mut h, from, to, Modifiers::SHIFT);
    let selected = h.state().view.selected_actors();
    let expected: std::collections::BTreeSet<ActorId> =
        names.iter().map(|n| actor_id(&h, n)).collect();
    assert_eq!(selected, expected);
}

#[test]
fn delete_removes_the_actor_and_its_partnerships_in_one_step() {
    let mut h = sample();
    let taf = actor_id(&h, "The Asia Foundation (TAF)");
    let touching = project(&h)
        .partnerships
        .values()
        .filter(|p| p.a == taf || p.b == taf)
        .count();
    click_actor(&mut h, "The Asia Foundation (TAF)", Modifiers::NONE);
    assert_eq!(h.state().view.selected_actors().len(), 1);
    key(&mut h, Key::Delete, Modifiers::NONE);
    assert!(project(&h).actor(taf).is_none());
    assert_eq!(project(&h).partnerships.len(), 29 - touching);
    assert_eq!(
        h.state().history.undo_label().map(str::to_owned),
        Some(format!("Delete 1 actor and {touching} partnerships"))
    );
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(project(&h).partnerships.len(), 29);
    assert!(project(&h).actor(taf).is_some());
}

#[test]
fn undo_and_redo_with_every_shortcut_and_the_edit_menu_names_the_step() {
    let mut h = sample();
    let id = actor_id(&h, "World Bank");
    let before = project(&h).actor(id).unwrap().position;
    let from = actor_center(&h, "World Bank");
    drag(&mut h, from, from + Vec2::new(0.0, 60.0), Modifiers::NONE);
    let moved = project(&h).actor(id).unwrap().position;
    assert_ne!(moved, before);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo Move 1 actor");
    key(&mut h, Key::Escape, Modifiers::NONE);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(project(&h).actor(id).unwrap().position, before);
    key(&mut h, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    assert_eq!(project(&h).actor(id).unwrap().position, moved);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    key(&mut h, Key::Y, Modifiers::COMMAND);
    assert_eq!(project(&h).actor(id).unwrap().position, moved);
}

#[test]
fn an_inspector_edit_changes_the_field_and_typing_is_one_step() {
    let mut h = sample();
    let id = actor_id(&h, "PRIA");
    click_actor(&mut h, "PRIA", Modifiers::NONE);
    h.get_by_label("Sector").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Donor").click();
    h.run();
    assert_eq!(project(&h).actor(id).unwrap().sector, Some(Sector::Donor));
    // Rename: type into the name field, then leave it.
    h.get_by_label("Name").click();
    h.run();
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "PRIA India");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(project(&h).actor(id).unwrap().name, "PRIA India");
    assert_eq!(
        h.state().history.undo_len(),
        2,
        "the sector and the name: one step each"
    );
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(project(&h).actor(id).unwrap().name, "PRIA");
}

#[test]
fn several_selected_actors_get_a_shared_sector_in_one_step() {
    let mut h = sample();
    let names = ["PRIA", "SILAKA", "Amara"];
    click_actor(&mut h, names[0], Modifiers::NONE);
    for n in &names[1..] {
        click_actor(&mut h, n, Modifiers::COMMAND);
    }
    assert_eq!(h.state().view.selected_actors().len(), 3);
    h.get_by_label("3 actors");
    h.get_by_label("Sector").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Private").click();
    h.run();
    for n in names {
        assert_eq!(
            project(&h).actor(actor_id(&h, n)).unwrap().sector,
            Some(Sector::Private)
        );
    }
    assert_eq!(
        h.state().history.undo_label(),
        Some("Set sector of 3 actors")
    );
}

#[test]
fn quick_entry_adds_an_actor_and_connects_two_by_name() {
    let mut h = sample();
    key(&mut h, Key::L, Modifiers::COMMAND);
    type_text(&mut h, "Village health volunteers");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let vhv = actor_id(&h, "Village health volunteers");
    // A small typo and another case still find both actors.
    type_text(&mut h, "village helth volunteers – moi");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let moi = actor_id(&h, "Ministry of Interior (MoI)");
    let last = project(&h).partnerships.values().last().unwrap();
    assert_eq!((last.a, last.b), (vhv, moi));
    assert_eq!(project(&h).partnerships.len(), 30);
}

#[test]
fn copy_and_paste_duplicates_actors_with_the_partnerships_among_them() {
    let mut h = sample();
    let names = ["Ponleur Kumar", "Provincial Governor's Office, Pursat"];
    click_actor(&mut h, names[0], Modifiers::NONE);
    click_actor(&mut h, names[1], Modifiers::COMMAND);
    key(&mut h, Key::C, Modifiers::COMMAND);
    key(&mut h, Key::V, Modifiers::COMMAND);
    assert_eq!(project(&h).actors.len(), 26);
    assert_eq!(
        project(&h).partnerships.len(),
        30,
        "the one partnership between them is copied"
    );
    assert_eq!(
        h.state().view.selected_actors().len(),
        2,
        "the copies are selected"
    );
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(project(&h).actors.len(), 24);
}

#[test]
fn ctrl_s_saves_to_the_map_file_and_clears_the_unsaved_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    partnermap::io::save_path(&partnermap::io::sample(), &path).unwrap();
    let opened = partnermap::io::load_path(&path).unwrap();
    let mut h = harness_with(Document::new(opened, Origin::File(path.clone())));
    let from = actor_center(&h, "World Bank");
    drag(&mut h, from, from + Vec2::new(50.0, 0.0), Modifiers::NONE);
    assert!(h.state().window_title().starts_with("● workshop.ron"));
    key(&mut h, Key::S, Modifiers::COMMAND);
    h.state_mut().wait_for_background_work();
    h.run();
    assert_eq!(h.state().window_title(), "workshop.ron — PartnerMap");
    let saved = partnermap::io::load_path(&path).unwrap();
    let id = actor_id(&h, "World Bank");
    assert_eq!(
        saved.actor(id).unwrap().position,
        project(&h).actor(id).unwrap().position
    );
    assert!(
        partnermap::io::backup_path(&path).exists(),
        "the previous file is kept as .bak"
    );
}

#[test]
fn unsaved_changes_are_marked_and_new_asks_before_discarding_them() {
    let mut h = sample();
    assert!(!h.state().window_title().starts_with('●'));
    let from = actor_center(&h, "World Bank");
    drag(&mut h, from, from + Vec2::new(40.0, 0.0), Modifiers::NONE);
    assert!(h.state().window_title().starts_with("● "));
    h.get_by_label_contains("unsaved changes");
    key(&mut h, Key::N, Modifiers::COMMAND);
    h.get_by_label_contains("Save changes to");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(project(&h).actors.len(), 24, "Cancel keeps the map");
    key(&mut h, Key::N, Modifiers::COMMAND);
    h.get_by_label("Don't save").click();
    h.run();
    assert!(project(&h).actors.is_empty());
    assert_eq!(h.state().doc.origin, Origin::Untitled);
    // Undo returns to the saved state: no mark.
    let mut h = sample();
    let from = actor_center(&h, "World Bank");
    drag(&mut h, from, from + Vec2::new(40.0, 0.0), Modifiers::NONE);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert!(!h.state().is_modified());
}

#[test]
fn a_new_actor_has_a_name_and_a_place_and_nothing_nobody_said() {
    let mut h = harness_with(Document::new(Project::new(), Origin::Untitled));
    key(&mut h, Key::L, Modifiers::COMMAND);
    type_text(&mut h, "First");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let first = actor_id(&h, "First");
    let a = project(&h).actor(first).unwrap();
    assert_eq!((a.sector, a.level), (None, None));
    assert_eq!((a.influence, a.interest), (None, None));
    // The second one is not given the first one's values either.
    let mut h = sample();
    let at = empty_spot(&h);
    double_click(&mut h, at);
    type_text(&mut h, "Pact");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let a = project(&h).actor(actor_id(&h, "Pact")).unwrap().clone();
    assert_eq!(
        (a.sector, a.level, a.influence, a.interest),
        (None, None, None, None)
    );
}

#[test]
fn the_new_actor_field_suggests_a_sector_from_the_name_and_enter_accepts_it() {
    let mut h = sample();
    let at = empty_spot(&h);
    double_click(&mut h, at);
    type_text(&mut h, "Women's savings group");
    let prompt = h.state().view.canvas.new_actor.clone().unwrap();
    assert_eq!(prompt.sector, Some(Sector::Community), "pre-selected");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let a = project(&h)
        .actor(actor_id(&h, "Women's savings group"))
        .unwrap()
        .clone();
    assert_eq!(a.sector, Some(Sector::Community));
    assert_eq!(a.level, None, "only the sector was offered and taken");
}

#[test]
fn one_key_or_one_click_replaces_the_suggested_sector() {
    // Ctrl+5 picks the fifth sector, Donor, over the suggestion.
    let mut h = sample();
    let at = empty_spot(&h);
    double_click(&mut h, at);
    type_text(&mut h, "Local NGO");
    assert_eq!(
        h.state().view.canvas.new_actor.as_ref().unwrap().sector,
        Some(Sector::CivilSociety)
    );
    key(&mut h, Key::Num5, Modifiers::COMMAND);
    type_text(&mut h, " fund");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let a = project(&h)
        .actor(actor_id(&h, "Local NGO fund"))
        .unwrap()
        .clone();
    assert_eq!(
        a.sector,
        Some(Sector::Donor),
        "a pick is kept while typing on"
    );
    // A click on "Not set" leaves it not set, and the name field keeps the keyboard.
    let mut h = sample();
    let at = empty_spot(&h);
    double_click(&mut h, at);
    type_text(&mut h, "Commune council B");
    h.get_by_label("Not set").click();
    h.run();
    type_text(&mut h, "2");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let a = project(&h)
        .actor(actor_id(&h, "Commune council B2"))
        .unwrap()
        .clone();
    assert_eq!(a.sector, None);
    // ↓ steps from "not set" to the first sector.
    let mut h = sample();
    let at = empty_spot(&h);
    double_click(&mut h, at);
    type_text(&mut h, "Pact");
    key(&mut h, Key::ArrowDown, Modifiers::NONE);
    key(&mut h, Key::Enter, Modifiers::NONE);
    let a = project(&h).actor(actor_id(&h, "Pact")).unwrap().clone();
    assert_eq!(a.sector, Some(Sector::State));
}

#[test]
fn presentation_mode_hides_the_side_panels_and_keeps_quick_entry() {
    let mut h = sample();
    h.get_by_label("Chart");
    key(&mut h, Key::F11, Modifiers::NONE);
    assert!(h.state().view.presenting);
    assert!(
        h.query_by_label("Chart").is_none(),
        "the side panels are hidden"
    );
    h.get_by_label("Quick entry");
    key(&mut h, Key::F11, Modifiers::NONE);
    assert!(!h.state().view.presenting);
}

#[test]
fn dropping_a_map_file_opens_it_after_asking_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.ron");
    partnermap::io::save_path(&partnermap::generate::generate(6, 5, 2).unwrap(), &path).unwrap();
    let mut h = sample();
    let from = actor_center(&h, "World Bank");
    drag(&mut h, from, from + Vec2::new(40.0, 0.0), Modifiers::NONE);
    harness::drop_file(&mut h, &path);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    h.state_mut().wait_for_background_work();
    h.run();
    assert_eq!(h.state().doc.origin, Origin::File(path));
    assert_eq!(project(&h).actors.len(), 6);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = sample();
    let from = actor_center(&h, "World Bank");
    drag(&mut h, from, from + Vec2::new(40.0, 0.0), Modifiers::NONE);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert_eq!(
        h.state().pending().cloned(),
        Some(partnermap::app::Then::Close)
    );
    h.get_by_label_contains("Save changes to");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().pending().cloned(), None);
    assert!(
        h.state().is_modified(),
        "the map is still open with its changes"
    );
}

#[test]
fn the_theme_and_size_chosen_in_the_view_menu_are_kept_in_the_preferences() {
    let mut h = sample();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.state().prefs.theme, partnermap::app::ThemeChoice::Dark);
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let prefs = partnermap::app::Prefs::from_storage(Some(&storage));
    assert_eq!(prefs, h.state().prefs);
}

#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn a_list_row_selects_and_centres_its_item_and_a_bad_date_is_refused_with_a_message() {
    let mut h = sample();
    h.get_by_label("List").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "PRIA").click();
    h.run();
    let pria = actor_id(&h, "PRIA");
    assert!(
        h.state()
            .view
            .selection
            .contains(&partnermap::ui::view::Item::Actor(pria))
    );
    let at = project(&h).actor(pria).unwrap().position;
    let cam = h.state().view.canvas.camera.unwrap();
    assert!((cam.center.x - at.x as f32).abs() < 0.5 && (cam.center.y - at.y as f32).abs() < 0.5);

    h.get_by_label("Partnerships (29)").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "World Bank – MoI (grant agreement)")
        .click();
    h.run();
    let id = partnermap::model::PartnershipId(1);
    let before = project(&h).partnership(id).unwrap().start.clone();
    // The field may be scrolled out of view: focus it as a keyboard or screen-reader user would.
    h.get_by_label("Start").focus();
    h.run();
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "2013-02-30");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(project(&h).partnership(id).unwrap().start, before);
    h.get_by_label_contains("day 30 does not exist");
    h.get_by_label("OK").click();
    h.run();
    h.get_by_label("Start").focus();
    h.run();
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "2009-07");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(
        project(&h)
            .partnership(id)
            .unwrap()
            .start
            .as_ref()
            .unwrap()
            .0,
        "2009-07"
    );
}

#[test]
fn ctrl_e_opens_the_export_dialog_and_an_export_writes_the_file_in_the_background() {
    let mut h = sample();
    h.state_mut().doc.project.meta.modified = "2026-05-12".into();
    key(&mut h, Key::E, Modifiers::COMMAND);
    // The dialog starts with the map's last-modified date, as the command line does.
    assert_eq!(h.state().export_choice().unwrap().date, "2026-05-12");
    h.get_by_label("Date");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().export_choice().is_none());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.svg");
    let choice = partnermap::app::ExportChoice {
        title: "Partnerships in Pursat".into(),
        caption: "Workshop, Pursat".into(),
        date: "12 May 2026".into(),
        ..Default::default()
    };
    // The export takes the view's sizes and rings, so that it matches the screen.
    h.state_mut().prefs.size_by = partnermap::style::SizeBy::Betweenness;
    h.state_mut().prefs.broker_rings = true;
    let request = h.state().export_request(&choice);
    assert_eq!(request.svg.encoding, h.state().encoding());
    h.state_mut().export_to(path.clone(), request);
    h.state_mut().wait_for_background_work();
    h.run();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("Workshop, Pursat") && svg.contains("The Asia Foundation (TAF)"));
    assert!(svg.contains("Partnerships in Pursat") && svg.contains("12 May 2026"));
    assert!(
        !svg.contains(&project(&h).meta.title),
        "the given title replaces the map's"
    );
    assert!(svg.contains("broker-ring") && svg.contains("Size: betweenness"));
    h.get_by_label("Exported");
}

#[test]
fn the_export_dialog_remembers_its_format_and_caption_but_dates_each_map() {
    let mut h = sample();
    h.state_mut().doc.project.meta.modified = "2026-05-12".into();
    key(&mut h, Key::E, Modifiers::COMMAND);
    h.get_by_label("Caption").click();
    h.run();
    type_text(&mut h, "Workshop, Pursat");
    if let Some(partnermap::app::Modal::Export(choice)) = &mut h.state_mut().modal {
        choice.format = partnermap::io::export::Format::Png;
        choice.date = "yesterday".into();
    }
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().export_choice().is_none());
    // The next export starts where the last one left off; its date is the map's again.
    h.state_mut().doc.project.meta.modified = "2026-06-01".into();
    key(&mut h, Key::E, Modifiers::COMMAND);
    let choice = h
        .state()
        .export_choice()
        .expect("the dialog is open")
        .clone();
    assert_eq!(choice.format, partnermap::io::export::Format::Png);
    assert_eq!(choice.caption, "Workshop, Pursat");
    assert_eq!(choice.date, "2026-06-01");
    // And it is part of what the next start remembers.
    assert_eq!(h.state().prefs.export.caption, "Workshop, Pursat");
}

#[test]
fn presentation_mode_shows_the_room_a_legend_and_flashes_what_was_just_added() {
    let mut h = sample();
    key(&mut h, Key::F11, Modifiers::NONE);
    assert!(h.state().view.presenting);
    // The audience legend is up, with the sectors.
    assert!(
        h.query_by_label("Actors (sector)").is_some(),
        "the audience legend"
    );
    h.get_by_label("Legend").click();
    h.run();
    assert!(
        h.query_by_label("Actors (sector)").is_none(),
        "hidden by its toggle"
    );
    h.get_by_label("Legend").click();
    h.run();
    assert!(h.query_by_label("Actors (sector)").is_some());
    // An actor added by quick entry flashes.
    key(&mut h, Key::L, Modifiers::COMMAND);
    type_text(&mut h, "Women's savings group [community]");
    // While it flashes the window repaints: step frames rather than wait for calm.
    h.key_press_modifiers(Modifiers::NONE, Key::Enter);
    h.run_steps(3);
    let id = actor_id(&h, "Women's savings group");
    let flash = h.state().view.flash.clone().expect("it flashes");
    assert_eq!(flash.items, vec![partnermap::ui::view::Item::Actor(id)]);
    // The flash ends by itself.
    for _ in 0..120 {
        h.step();
    }
    assert!(h.state().view.flash.is_none(), "over after a moment");
    h.get_by_label("Leave (F11)").click();
    h.run();
    assert!(!h.state().view.presenting);
}
