//! One dispatch for everything the user asks: the [`Action`]s of menus, toolbar and
//! shortcuts, and the [`Intent`]s the panels return.

use egui::{Pos2, ViewportCommand};

use super::{LeftTab, PartnerMapApp, Then};
use crate::edit::{Clip, Command, count, delete_label};
use crate::model::Choice;
use crate::ui::actions::{Action, ActionContext};
use crate::ui::canvas::{NewActorPrompt, actor_pos};
use crate::ui::intent::{Edit, Intent};
use crate::ui::view::Item;

impl PartnerMapApp {
    /// What the actions' enabled-ness and ticks depend on now.
    pub fn action_context(&self) -> ActionContext {
        ActionContext {
            has_selection: !self.view.selection.is_empty(),
            has_selected_actors: !self.view.selected_actors().is_empty(),
            has_clipboard: self.clipboard.is_some(),
            can_undo: self.history.undo_label().is_some(),
            can_redo: self.history.redo_label().is_some(),
            recent: self.prefs.recent.len(),
            connect_mode: self.view.canvas.connect_mode,
            analysis_panel: self.prefs.show_left && self.prefs.left_tab != LeftTab::Lists,
            left_panel: self.prefs.show_left,
            right_panel: self.prefs.show_right,
            size_by: self.prefs.size_by,
            broker_rings: self.prefs.broker_rings,
            colour_by: self.doc.project.settings.colour_by,
            theme: self.prefs.theme,
            presenting: self.view.presenting,
        }
    }

    /// Runs an action (nothing if it is disabled now).
    pub fn run_action(&mut self, action: Action) {
        if !action.enabled(&self.action_context()) {
            return;
        }
        self.last_action = Some(action);
        match action {
            Action::New => self.guard(Then::New),
            Action::Open => self.guard(Then::OpenDialog),
            Action::OpenRecent(n) => self.open_recent(n),
            Action::OpenSample => self.guard(Then::OpenSample),
            Action::Save => self.save(),
            Action::SaveAs => self.save_as_dialog(),
            Action::Quit => {
                if let Some(ctx) = &self.jobs.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
            Action::Export => self.open_export_dialog(),
            Action::ExportReport => self.pick_report_file(),
            Action::Import => self.guard(Then::ImportDialog),
            Action::MergeMap => self.ask(super::Pick::Merge),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Delete => self.delete_selection(),
            Action::SelectAll => {
                let all = self.doc.project.actors.keys().map(|id| Item::Actor(*id));
                self.view.selection = all.collect();
            }
            Action::Copy => self.copy(),
            Action::Paste => self.paste(None),
            Action::ColourBy(by) => self.colour_by(by),
            _ => self.run_view_action(action),
        }
    }

    /// Runs an action that changes only the view or the remembered state.
    fn run_view_action(&mut self, action: Action) {
        match action {
            Action::Find => {
                self.view.focus_search = true;
                (self.prefs.left_tab, self.prefs.show_left) = (LeftTab::Lists, true);
                if self.view.presenting {
                    self.toggle_presentation();
                }
            }
            Action::AddActor => {
                let at = self.view.canvas.camera.map_or(Pos2::ZERO, |c| c.center);
                self.view.canvas.new_actor = Some(NewActorPrompt::at(at));
            }
            Action::ConnectMode => self.view.canvas.connect_mode = !self.view.canvas.connect_mode,
            Action::FitView => self.view.canvas.fit_on_next_frame(),
            Action::Presentation => self.toggle_presentation(),
            Action::QuickEntry => self.quick.focus = true,
            Action::AnalysisPanel => {
                let showing = self.prefs.show_left && self.prefs.left_tab != LeftTab::Lists;
                self.prefs.left_tab = if showing {
                    LeftTab::Lists
                } else {
                    LeftTab::Chart
                };
                self.prefs.show_left = true;
            }
            Action::LeftPanel => self.prefs.show_left = !self.prefs.show_left,
            Action::InspectorPanel => self.prefs.show_right = !self.prefs.show_right,
            Action::SizeBy(by) => self.prefs.size_by = by,
            Action::BrokerRings => self.prefs.broker_rings = !self.prefs.broker_rings,
            Action::Theme(theme) => self.prefs.theme = theme,
            Action::UiScale(percent) => self.prefs.ui_scale = f32::from(percent) / 100.0,
            Action::Help => self.show_help = true,
            Action::LayoutForce
            | Action::LayoutByLevel
            | Action::LayoutBySector
            | Action::LayoutCircular
            | Action::TidySelection => {
                if let Some(kind) = action.layout() {
                    let only = (action == Action::TidySelection)
                        .then(|| self.view.selected_actors().into_iter().collect());
                    self.start_layout(kind, only);
                }
            }
            Action::TakeSnapshot => self.take_snapshot(),
            _ => {}
        }
    }

    /// Keeps the map as it is now as a snapshot named "Snapshot N" and dated today, one
    /// undo step; the inspector shows it, to be renamed.
    pub fn take_snapshot(&mut self) {
        let project = &self.doc.project;
        let name = (1..)
            .map(|n| format!("Snapshot {n}"))
            .find(|n| project.snapshot(n).is_none())
            .unwrap_or_default();
        let date = crate::model::PartialDate(crate::io::today());
        let mut snapshots = project.snapshots.clone();
        snapshots.push(crate::model::Snapshot::of(
            project,
            name.clone(),
            Some(date),
        ));
        self.apply_edit(Edit::new(
            format!("Take snapshot “{name}”"),
            Command::set_snapshots(snapshots),
        ));
    }

    /// Colours partnerships by `by`: saved with the map (one undo step) and remembered for
    /// new maps.
    fn colour_by(&mut self, by: crate::model::ColourBy) {
        self.prefs.colour_by = by;
        if self.doc.project.settings.colour_by == by {
            return;
        }
        let mut settings = self.doc.project.settings;
        settings.colour_by = by;
        self.apply_edit(Edit::new(
            format!("Colour partnerships by {}", by.label().to_lowercase()),
            Command::set_settings(settings),
        ));
    }

    fn toggle_presentation(&mut self) {
        self.view.presenting = !self.view.presenting;
        if let Some(ctx) = &self.jobs.ctx {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(self.view.presenting));
        }
        self.view.canvas.fit_on_next_frame();
        if self.view.presenting {
            self.quick.focus = true;
        }
    }

    /// Deletes the selection: actors with all their partnerships, and partnerships.
    pub fn delete_selection(&mut self) {
        let actors = self.view.selected_actors();
        let partnerships = self.view.selected_partnerships();
        if actors.is_empty() && partnerships.is_empty() {
            return;
        }
        let command = Command::delete(&self.doc.project, &actors, &partnerships);
        let label = delete_label(actors.len(), &command);
        self.apply_edit(Edit::new(label, command));
        self.view.selection.clear();
    }

    /// Copies the selected actors and the partnerships among them (also to the system
    /// clipboard, as RON).
    pub fn copy(&mut self) {
        let ids = self.view.selected_actors();
        if ids.is_empty() {
            return;
        }
        let clip = Clip::of(&self.doc.project, &ids);
        if let (Some(ctx), Some(text)) = (&self.jobs.ctx, clip.to_text()) {
            ctx.copy_text(text);
        }
        self.clipboard = Some(clip);
        self.pastes = 0;
    }

    /// Pastes copied actors with new ids, a little offset, with the partnerships among them.
    /// `text` is what the system clipboard holds, when it came from a paste event.
    pub fn paste(&mut self, text: Option<&str>) {
        let from_text = text.and_then(Clip::from_text);
        let Some(clip) = from_text.or_else(|| self.clipboard.clone()) else {
            return;
        };
        let (command, ids) = match clip.paste(&self.doc.project, self.pastes + 1) {
            Ok(Some(paste)) => paste,
            Ok(None) => return,
            Err(why) => {
                self.notify(
                    "Nothing was pasted",
                    format!("The clipboard holds actors that cannot go on a map: {why}."),
                );
                return;
            }
        };
        self.pastes += 1;
        let label = format!("Paste {}", count(ids.len(), "actor", "actors"));
        let select = ids.into_iter().map(Item::Actor).collect();
        self.apply_edit(Edit::new(label, command).selecting(select));
    }

    /// Runs what the panels asked for this frame.
    pub(super) fn apply_intents(&mut self, intents: Vec<Intent>) {
        if !intents.is_empty() {
            // Whatever the user does next builds on the layout's result.
            self.finish_animation();
        }
        for intent in intents {
            match intent {
                Intent::Edit(edit) => self.apply_edit(edit),
                Intent::Action(a) => self.run_action(a),
                Intent::Center(item) => {
                    let p = &self.doc.project;
                    let at = match item {
                        Item::Actor(id) => p.actor(id).map(actor_pos),
                        Item::Partnership(id) => p.partnership(id).and_then(|e| {
                            Some(actor_pos(p.actor(e.a)?).lerp(actor_pos(p.actor(e.b)?), 0.5))
                        }),
                    };
                    if let Some(at) = at {
                        self.view.canvas.center_on(at);
                    }
                }
                Intent::Reveal(item) => {
                    if let Some(bounds) = self.item_bounds(item) {
                        self.view.canvas.reveal(bounds);
                    }
                }
                Intent::Notify { title, body } => self.notify(title, body),
            }
        }
    }

    /// Where `item` is drawn, in map units: an actor's shape, or a partnership's two actors.
    fn item_bounds(&self, item: Item) -> Option<egui::Rect> {
        let p = &self.doc.project;
        let actor = |id| {
            p.actor(id).map(|a| {
                let r = crate::style::actor_radius(a) as f32;
                egui::Rect::from_center_size(actor_pos(a), egui::Vec2::splat(2.0 * r))
            })
        };
        match item {
            Item::Actor(id) => actor(id),
            Item::Partnership(id) => {
                let e = p.partnership(id)?;
                Some(actor(e.a)?.union(actor(e.b)?))
            }
        }
    }

    /// Runs the actions whose shortcuts were pressed, those with more modifiers first, and
    /// Escape. Not called while a dialog is open.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Copy and paste arrive as events, not keys, from the system.
        let (copy, paste) = ctx.input(|i| {
            let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
            let paste = i.events.iter().find_map(|e| match e {
                egui::Event::Paste(t) => Some(t.clone()),
                _ => None,
            });
            (copy, paste)
        });
        if !typing {
            if copy {
                self.copy();
            }
            if let Some(text) = paste {
                self.paste(Some(&text));
            }
        }
        for (action, shortcut) in Action::shortcut_order() {
            if typing && action.yields_to_text_fields() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.run_action(action);
            }
        }
        if !typing && ctx.input(|i| i.key_pressed(egui::Key::Escape)) && !self.view.canvas.cancel()
        {
            if self.view.presenting {
                self.toggle_presentation();
            } else if self.view.selection.is_empty() && self.time.is_on() {
                self.time.ask(None);
            } else {
                self.view.selection.clear();
            }
        }
    }
}
