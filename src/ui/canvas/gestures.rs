//! Pointer gestures on the canvas (design.md §6): wheel and drag to pan, Ctrl+wheel or pinch
//! to zoom; click to select, drag an actor to move it (one undo step per drag), drag from its
//! rim (or with Shift, or in Connect mode) onto another to connect them; Shift-drag on empty
//! space to box-select; double-click to add an actor; Esc cancels.

use std::collections::BTreeSet;

use egui::{Key, Modifiers, Pos2, Rect, Response, Sense, Ui, Vec2};

use super::camera::Camera;
use super::geometry::{ShownActor, Visible};
use super::hit_test::{actor_at, pick_edge};
use super::state::{CanvasState, Gesture, NewActorPrompt};
use super::{actor_pos, map_bounds};
use crate::edit::Command;
use crate::model::{
    Actor, ActorId, Choice, Partnership, Position, Project, Sector, suggest_sector,
};
use crate::style::marks::PartnershipMark;
use crate::ui::actions::DIGIT_KEYS;
use crate::ui::intent::{Edit, Intent, count};
use crate::ui::view::{Item, SelectMode, ViewState};

/// How many frames after the program fitted the view it still follows the canvas's size
/// (while the window's panels take their places).
const SETTLING_FRAMES: u32 = 4;
/// How long after the program fitted the view it still follows the canvas's size, at most:
/// long enough for those frames on a slow or loaded machine (with half a second, entering
/// presentation mode there kept the view fitted to the panels before they changed), short
/// enough that a click long after opening never refits.
const SETTLING_TIME: std::time::Duration = std::time::Duration::from_millis(2000);

/// The share of an actor's radius, from the centre, where dragging moves it; beyond is its
/// rim, where dragging connects.
const RIM_FROM: f32 = 0.65;

/// Pans and zooms the camera by the wheel, a pinch or a drag on empty space (`background`),
/// fitting the map when there is no camera yet; returns the camera for this frame.
pub(super) fn camera_ui(
    ui: &Ui,
    project: &Project,
    canvas: &mut CanvasState,
    screen: Rect,
    background: &Response,
) -> Camera {
    // The view never moves by itself: once the panels around a fitted view have settled
    // (a few frames, within two seconds), selecting, panels opening or closing, bars appearing
    // and window resizes keep the map point at the centre and the zoom.
    let settling = canvas
        .fitted
        .is_some_and(|(at, frames)| frames < SETTLING_FRAMES && at.elapsed() < SETTLING_TIME);
    let window = ui.ctx().content_rect();
    if let Some(before) = canvas.screen.filter(|s| *s != screen) {
        if canvas.auto_fit && settling {
            canvas.camera = None;
        } else if let Some(camera) = &mut canvas.camera
            && canvas.window == Some(window)
            && canvas.centred.is_none()
        {
            // A panel opened, closed or changed width: everything stays where it is on
            // screen. (A resized window, or an item just centred, keeps the map point at
            // the centre instead.)
            camera.center += (screen.center() - before.center()) / camera.zoom;
        }
    }
    canvas.screen = Some(screen);
    canvas.window = Some(window);
    if canvas.camera.is_none() {
        canvas.auto_fit = true;
        canvas.centred = None;
        canvas.fitted = Some((std::time::Instant::now(), 0));
    } else if let Some((_, frames)) = &mut canvas.fitted {
        *frames = frames.saturating_add(1);
    }
    let camera = canvas.camera.get_or_insert_with(|| {
        map_bounds(project).map_or_else(Camera::default, |b| Camera::fit(screen, b))
    });
    let camera_before = *camera;
    // Wheel or two-finger scroll pans; Ctrl+wheel or a pinch zooms around the pointer (not
    // while a dialog is open: the shell disables the canvas then).
    if ui.is_enabled() && ui.rect_contains_pointer(screen) {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if scroll != Vec2::ZERO {
            camera.pan(scroll);
        }
        if zoom != 1.0
            && let Some(p) = pointer
        {
            camera.zoom_around(screen, p, zoom);
        }
    }
    // A drag on empty space pans, unless Shift makes it a selection box.
    let shift_held = ui.input(|i| i.modifiers.shift);
    if background.dragged() && matches!(canvas.gesture, Gesture::Idle) && !shift_held {
        camera.pan(background.drag_delta());
    }
    let camera = *camera;
    if camera != camera_before {
        canvas.auto_fit = false;
        canvas.centred = None;
    }
    camera
}

/// Starts and updates gestures on one actor: click to select, drag to move, drag from the
/// rim (or with Shift, or in Connect mode) to connect.
pub(super) fn actor_gestures(
    response: &Response,
    actor: &Actor,
    (center, r): (Pos2, f32),
    modifiers: egui::Modifiers,
    selection: &mut BTreeSet<Item>,
    canvas: &mut CanvasState,
    zoom: f32,
) {
    let item = Item::Actor(actor.id);
    if response.clicked() {
        if modifiers.command || modifiers.shift {
            if !selection.remove(&item) {
                selection.insert(item);
            }
        } else {
            selection.clear();
            selection.insert(item);
        }
    }
    if response.drag_started() {
        canvas.drag_source = Some(actor.id);
        let origin = response
            .ctx
            .input(|i| i.pointer.press_origin())
            .unwrap_or(center);
        let on_rim = origin.distance(center) > r * RIM_FROM && r >= 8.0;
        if canvas.connect_mode || modifiers.shift || on_rim {
            canvas.gesture = Gesture::Connect {
                from: actor.id,
                pointer: origin,
            };
        } else {
            if !selection.contains(&item) {
                selection.clear();
                selection.insert(item);
            }
            let actors = selection
                .iter()
                .filter_map(|i| match i {
                    Item::Actor(id) => Some(*id),
                    Item::Partnership(_) => None,
                })
                .collect();
            canvas.gesture = Gesture::Move {
                actors,
                delta: Vec2::ZERO,
            };
        }
    }
    if response.dragged() {
        match &mut canvas.gesture {
            Gesture::Move { delta, .. } => *delta += response.drag_delta() / zoom,
            Gesture::Connect { pointer, from } if *from == actor.id => {
                if let Some(p) = response.ctx.input(|i| i.pointer.latest_pos()) {
                    *pointer = p;
                }
            }
            _ => {}
        }
    }
    if response.drag_stopped() {
        // Finished after all actors were drawn, in `finish_actor_gestures`.
        canvas.drag_stopped = true;
    }
}

/// Commits a move or a connection when its drag ends, and cancels gestures on Esc.
pub(super) fn finish_actor_gestures(
    ui: &Ui,
    project: &Project,
    canvas: &mut CanvasState,
    on_screen: &[ShownActor],
    (screen, camera): (Rect, &Camera),
    intents: &mut Vec<Intent>,
) {
    let stopped = std::mem::take(&mut canvas.drag_stopped);
    if stopped {
        canvas.drag_source = None;
    }
    if ui.is_enabled()
        && ui.input(|i| i.key_pressed(Key::Escape))
        && canvas.gesture != Gesture::Idle
    {
        canvas.gesture = Gesture::Idle;
        return;
    }
    if !stopped {
        return;
    }
    match std::mem::take(&mut canvas.gesture) {
        Gesture::Move { actors, delta } if delta.length() > 0.0 => {
            let moves: Vec<(ActorId, Position)> = actors
                .iter()
                .filter_map(|id| project.actor(*id))
                .map(|a| {
                    let to = actor_pos(a) + delta;
                    (
                        a.id,
                        Position::new(f64::from(to.x).round(), f64::from(to.y).round()),
                    )
                })
                .collect();
            let label = format!("Move {}", count(moves.len(), "actor", "actors"));
            intents.push(Intent::Edit(Edit::new(label, Command::MoveActors(moves))));
        }
        Gesture::Connect { from, pointer } => {
            let others: Vec<ShownActor> =
                on_screen.iter().filter(|a| a.id != from).copied().collect();
            let target = actor_at(&others, pointer, 10.0).or_else(|| {
                // The pointer may be just outside a small actor.
                let at = camera.to_map(screen, pointer);
                project
                    .actors
                    .values()
                    .filter(|a| a.id != from)
                    .map(|a| (actor_pos(a).distance(at), a.id))
                    .filter(|(d, _)| *d < 30.0)
                    .min_by(|x, y| x.0.total_cmp(&y.0))
                    .map(|(_, id)| id)
            });
            if let Some(to) = target {
                intents.push(connect_edit(project, from, to));
            }
        }
        _ => {}
    }
}

/// Gestures on empty space: a click picks a line or clears the selection; a double-click
/// opens the field of a new actor; Shift-drag draws a selection box (a plain drag pans, in
/// [`camera_ui`]).
pub(super) fn background_gestures(
    ui: &Ui,
    background: &Response,
    view: &mut ViewState,
    (visible, edges): (&Visible, &[PartnershipMark]),
    (screen, camera): (Rect, &Camera),
) {
    let modifiers = ui.input(|i| i.modifiers);
    let canvas = &mut view.canvas;
    if background.drag_started()
        && modifiers.shift
        && let Some(start) = ui.input(|i| i.pointer.press_origin())
    {
        canvas.gesture = Gesture::Box {
            start,
            current: start,
            additive: modifiers.command,
        };
    }
    if let Gesture::Box { current, .. } = &mut canvas.gesture
        && let Some(p) = ui.input(|i| i.pointer.latest_pos())
    {
        *current = p;
    }
    if background.drag_stopped()
        && let Gesture::Box {
            start,
            current,
            additive,
        } = canvas.gesture.clone()
    {
        let rect = Rect::from_two_pos(start, current);
        let inside: Vec<Item> = visible
            .actors
            .iter()
            .filter(|a| rect.contains(a.center))
            .map(|a| Item::Actor(a.id))
            .collect();
        let mode = if additive {
            SelectMode::Add
        } else {
            SelectMode::Replace
        };
        view.select(inside, mode);
        view.canvas.gesture = Gesture::Idle;
    }
    if background.double_clicked()
        && let Some(p) = background.interact_pointer_pos()
    {
        view.canvas.new_actor = Some(NewActorPrompt::at(camera.to_map(screen, p)));
    } else if background.clicked()
        && let Some(p) = background.interact_pointer_pos()
    {
        let additive = modifiers.command || modifiers.shift;
        match pick_edge(&visible.edges, edges, p) {
            Some(id) => {
                let mode = if additive {
                    SelectMode::Toggle
                } else {
                    SelectMode::Replace
                };
                view.select([Item::Partnership(id)], mode);
            }
            None if !additive => view.selection.clear(),
            None => {}
        }
    }
}

/// The edit that connects two actors with a new partnership and selects it.
pub fn connect_edit(project: &Project, from: ActorId, to: ActorId) -> Intent {
    let id = project.next_partnership_id();
    let name = |id: ActorId| {
        project
            .actor(id)
            .map_or_else(|| id.to_string(), |a| a.short_or_name().to_string())
    };
    let label = format!("Connect {} and {}", name(from), name(to));
    let p = Partnership::new(id, from, to);
    Intent::Edit(
        Edit::new(label, Command::add(project, vec![], vec![p]))
            .selecting(vec![Item::Partnership(id)]),
    )
}

/// The edit that adds an actor named `name` at `at` (map units), with `sector` when someone
/// gave one and every other field not set.
pub fn add_actor_edit(project: &Project, name: &str, at: Pos2, sector: Option<Sector>) -> Intent {
    let id = project.next_actor_id();
    let mut actor = Actor::named(id, name.trim());
    actor.sector = sector;
    actor.position = Position::new(f64::from(at.x).round(), f64::from(at.y).round());
    Intent::Edit(
        Edit::new(
            format!("Add actor {}", name.trim()),
            Command::add(project, vec![actor], vec![]),
        )
        .selecting(vec![Item::Actor(id)]),
    )
}

/// The keys that pick a sector in the new-actor field: Ctrl+1 … Ctrl+6 in the order of
/// [`Sector::ALL`], Ctrl+0 for "not set".
const SECTOR_KEYS: &[Key] = DIGIT_KEYS.split_at(7).0;

/// The sector chosen by a key of the new-actor field, if one was pressed: ↑ and ↓ step
/// through "not set" and the sectors, Ctrl+digit picks one.
fn sector_key(ui: &Ui, current: Option<Sector>) -> Option<Option<Sector>> {
    let choices: Vec<Option<Sector>> = std::iter::once(None)
        .chain(Sector::ALL.iter().copied().map(Some))
        .collect();
    let at = choices.iter().position(|c| *c == current).unwrap_or(0);
    ui.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            return Some(choices[(at + 1) % choices.len()]);
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            return Some(choices[(at + choices.len() - 1) % choices.len()]);
        }
        SECTOR_KEYS
            .iter()
            .position(|&k| i.consume_key(Modifiers::COMMAND, k))
            .map(|n| choices[n])
    })
}

/// The sector buttons under the new actor's name: the picked one highlighted, each a click
/// away; returns the one clicked.
fn sector_buttons_ui(ui: &mut Ui, current: Option<Sector>) -> Option<Option<Sector>> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (n, &sector) in Sector::ALL.iter().enumerate() {
            let button = ui
                .selectable_label(current == Some(sector), sector.label())
                .on_hover_text(format!("{} (Ctrl+{})", sector.meaning(), n + 1));
            if button.clicked() {
                clicked = Some(Some(sector));
            }
        }
        let none = ui
            .selectable_label(current.is_none(), "Not set")
            .on_hover_text("Leave the sector not set for now (Ctrl+0)");
        if none.clicked() {
            clicked = Some(None);
        }
    });
    clicked
}

/// The name field shown where a double-click adds an actor, with the sectors to pick from
/// (the name's suggestion pre-selected): Enter adds it, Esc cancels.
pub(super) fn new_actor_prompt_ui(
    ui: &Ui,
    project: &Project,
    canvas: &mut CanvasState,
    (screen, camera): (Rect, &Camera),
    intents: &mut Vec<Intent>,
) {
    let Some(prompt) = &mut canvas.new_actor else {
        return;
    };
    let at = camera.to_screen(screen, prompt.at);
    let mut done: Option<bool> = None;
    egui::Area::new(egui::Id::unique("partnermap.new_actor"))
        .fixed_pos(at - Vec2::new(110.0, 18.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(300.0);
                let label = ui.label("New actor");
                if let Some(sector) = sector_key(ui, prompt.sector) {
                    (prompt.sector, prompt.picked) = (sector, true);
                }
                let edit = egui::TextEdit::singleline(&mut prompt.name)
                    .hint_text("Type a name, then Enter")
                    .desired_width(220.0);
                let response = ui.add(edit).labelled_by(label.id);
                if response.changed() && !prompt.picked {
                    prompt.sector = suggest_sector(&prompt.name);
                }
                if prompt.focus {
                    response.request_focus();
                    prompt.focus = false;
                }
                if let Some(sector) = sector_buttons_ui(ui, prompt.sector) {
                    (prompt.sector, prompt.picked, prompt.focus) = (sector, true, true);
                }
                ui.weak("Sector: click, ↑↓ or Ctrl+1…6 · Enter adds · Esc cancels");
                let (enter, escape) =
                    ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
                let in_prompt = ui.ui_contains_pointer();
                if escape {
                    done = Some(false);
                } else if response.lost_focus() && (enter || !in_prompt) {
                    // Clicking a sector button takes the focus without ending the prompt.
                    done = Some(enter || !prompt.name.trim().is_empty());
                } else if response.lost_focus() {
                    prompt.focus = true;
                }
            });
        });
    match done {
        Some(true) if !prompt.name.trim().is_empty() => {
            intents.push(add_actor_edit(
                project,
                &prompt.name,
                prompt.at,
                prompt.sector,
            ));
            canvas.new_actor = None;
        }
        Some(_) => canvas.new_actor = None,
        None => {}
    }
}

/// Registers the widget of an actor on screen, named for screen readers and tests, and runs
/// its gestures.
pub(super) fn actor_widget_ui(
    ui: &Ui,
    actor: &Actor,
    (center, r): (Pos2, f32),
    modifiers: egui::Modifiers,
    view: &mut ViewState,
    zoom: f32,
) {
    let hit = Rect::from_center_size(center, Vec2::splat(2.0 * r.max(6.0)));
    let response = ui.interact(
        hit,
        ui.scope_id().with(("actor", actor.id.0)),
        Sense::click_and_drag(),
    );
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::GraphicsObject, true, &actor.name));
    actor_gestures(
        &response,
        actor,
        (center, r),
        modifiers,
        &mut view.selection,
        &mut view.canvas,
        zoom,
    );
}
