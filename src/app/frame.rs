//! One frame of the window, in order: results of background work, the look, the panels
//! (which return intents), the open dialog, the shortcuts (only when no dialog is open),
//! then the intents are applied and autosave runs.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::{Pos2, ViewportCommand};

use super::{PartnerMapApp, STARTED, ThemeChoice, Then};
use crate::analysis::Indicators;
use crate::model::{ActorId, PartnershipId};
use crate::style::SizeBy;
use crate::ui::canvas::{Overlay, canvas_ui};
use crate::ui::intent::Intent;
use crate::ui::quick_entry::MapView;
use crate::ui::shell::{MenuInfo, StatusInfo, menu_bar_ui, status_ui, toolbar_ui};
use crate::ui::view::Filters;

/// With `PARTNERMAP_FIRST_FRAME=exit` in the environment, the window prints the time from
/// the start of the process to its first finished frame and closes (BENCHMARKS.md).
const FIRST_FRAME_ENV: &str = "PARTNERMAP_FIRST_FRAME";

/// Radii and broker rings derived from the indicators, for the indicators they came from.
struct OverlayCache {
    from: Arc<Indicators>,
    size_by: SizeBy,
    radius: Option<HashMap<ActorId, f64>>,
    brokers: HashMap<ActorId, f64>,
}

impl OverlayCache {
    fn build(ind: &Arc<Indicators>, size_by: SizeBy) -> Self {
        Self {
            from: ind.clone(),
            size_by,
            radius: crate::style::indicator_radii(ind, size_by),
            brokers: crate::style::broker_strengths(ind),
        }
    }
}

/// The items that pass the filters.
pub(super) type Matches = (BTreeSet<ActorId>, BTreeSet<PartnershipId>);

/// What a frame derives from the document and keeps until it changes.
#[derive(Default)]
pub(super) struct FrameCache {
    overlay: Option<OverlayCache>,
    /// The items that pass the filters, for the document revision and filters they were
    /// found for.
    pub(super) filters: Option<(u64, Filters, Matches)>,
    shown_title: String,
    /// Where each panel was drawn in the last frame.
    pub(super) rects: super::panels::PanelRects,
    /// What the map leaves not set, for the document revision it was found for (the legend
    /// explains those styles).
    not_set: Option<(u64, crate::style::legend::NotSet)>,
    applied_look: Option<(ThemeChoice, bool, u32)>,
    first_frame_done: bool,
    first_frame_ms: Option<f64>,
}

impl PartnerMapApp {
    /// Draws one frame of the whole window into `ui` and applies what it asked for. The
    /// window calls it; so do the headless frame benchmarks.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.before_panels(&ctx);
        let blocked = self.is_blocked();
        let mut intents: Vec<Intent> = Vec::new();
        // While a dialog is open, nothing behind it takes input: by construction, not by
        // each panel remembering to check.
        if blocked {
            ui.disable();
        }
        self.panels_ui(ui, &mut intents);
        egui::Window::new("What do these mean?")
            .open(&mut self.show_help)
            .default_size([560.0, 620.0])
            .show(&ctx, crate::ui::help::help_ui);
        self.modal_ui(&ctx);
        if blocked {
            intents.retain(|i| matches!(i, Intent::Notify { .. }));
        } else if !self.is_blocked() {
            self.shortcuts(&ctx);
        }
        self.apply_intents(intents);
        self.autosave_tick(&ctx);
        self.first_frame_check(&ctx);
    }

    /// Everything before the panels: results, indicators, closing, drops, the glide, title.
    fn before_panels(&mut self, ctx: &egui::Context) {
        if self.jobs.ctx.is_none() {
            self.jobs.ctx = Some(ctx.clone());
        }
        for event in self.jobs.arrived() {
            self.handle(event);
        }
        self.apply_look(ctx);
        let wake_ctx = ctx.clone();
        self.live
            .update(&self.doc.project, self.doc.revision, move || {
                wake_ctx.request_repaint();
            });
        let wake_ctx = ctx.clone();
        self.time
            .update(&self.doc.project, self.doc.revision, move || {
                wake_ctx.request_repaint();
            });
        if ctx.input(|i| i.viewport().close_requested()) && self.is_modified() && !self.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            let asked = self
                .modal
                .iter()
                .chain(&self.queued)
                .any(|m| matches!(m, super::Modal::Unsaved(_)));
            if !asked {
                self.open_modal(super::Modal::Unsaved(Then::Close));
            }
        }
        if !self.is_blocked() {
            self.dropped_files(ctx);
        }
        self.animate(ctx);
        let title = self.window_title();
        if title != self.frame.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.frame.shown_title = title;
        }
    }

    /// The menu bar, toolbar, status bar, quick entry, side panels, analysis dock and map.
    fn panels_ui(&mut self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let presenting = self.view.presenting;
        let cx = self.action_context();
        if !presenting {
            let menu = egui::Panel::top("menu").show(ui, |ui| {
                let info = MenuInfo {
                    recent: &self.prefs.recent,
                    undo: self.history.undo_label(),
                    redo: self.history.redo_label(),
                    ui_scale: self.prefs.ui_scale,
                };
                intents.extend(menu_bar_ui(ui, &cx, &info).into_iter().map(Intent::Action));
            });
            let toolbar = egui::Panel::top("toolbar").show(ui, |ui| {
                intents.extend(toolbar_ui(ui, &cx).into_iter().map(Intent::Action));
            });
            self.frame.rects.menu = Some(menu.response.rect);
            self.frame.rects.toolbar = Some(toolbar.response.rect);
        } else {
            (self.frame.rects.menu, self.frame.rects.toolbar) = (None, None);
        }
        let status = egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        self.frame.rects.status = Some(status.response.rect);
        // The part of the map on screen, where quick entry puts new actors.
        let view = match (self.view.canvas.camera, self.view.canvas.screen) {
            (Some(cam), Some(screen)) => cam.visible(screen),
            _ => egui::Rect::from_center_size(Pos2::ZERO, egui::vec2(800.0, 600.0)),
        };
        let map = MapView {
            project: &self.doc.project,
            visible: view,
        };
        let quick = egui::Panel::bottom("quick entry").show(ui, |ui| {
            ui.add_space(2.0);
            intents.extend(self.quick.ui(ui, &map, presenting));
            ui.add_space(2.0);
        });
        self.frame.rects.quick = Some(quick.response.rect);
        let matches = self.filter_matches();
        if presenting {
            (self.frame.rects.left, self.frame.rects.right) = (None, None);
        } else {
            self.side_panels_ui(ui, matches.as_ref(), intents);
        }
        self.refresh_overlay();
        let shown = self.time.current().cloned();
        let overlay = match (&self.frame.overlay, &shown) {
            // Another state is drawn: the working map's sizes and rings do not apply.
            (_, Some(t)) => Overlay {
                change: Some(&t.composed),
                ..Overlay::default()
            },
            (Some(c), None) => Overlay {
                radius: c.radius.as_ref(),
                brokers: self.prefs.broker_rings.then_some(&c.brokers),
                change: None,
            },
            (None, None) => Overlay::default(),
        };
        let canvas = egui::CentralPanel::no_frame().show(ui, |ui| {
            if let Some(sheet) = &mut self.perspectives.sheet {
                // A group is rating: the sheet takes the map's place, in presentation mode too.
                let frame = egui::Frame::central_panel(ui.style());
                let open = frame
                    .show(ui, |ui| {
                        crate::ui::perspectives::sheet_ui(
                            ui,
                            &self.doc.project,
                            sheet,
                            &mut self.view,
                            intents,
                        )
                    })
                    .inner;
                if !open {
                    self.perspectives.sheet = None;
                }
                return;
            }
            match &shown {
                Some(t) => {
                    // Another state is read only: the canvas selects and pans, edits nothing.
                    let mut asked = Vec::new();
                    canvas_ui(
                        ui,
                        &t.composed.project,
                        t.drawing_revision,
                        &mut self.view,
                        None,
                        overlay,
                        &mut asked,
                    );
                    intents.extend(asked.into_iter().filter(|i| !matches!(i, Intent::Edit(_))));
                }
                None => {
                    canvas_ui(
                        ui,
                        &self.doc.project,
                        self.doc.revision,
                        &mut self.view,
                        matches.as_ref(),
                        overlay,
                        intents,
                    );
                }
            }
            if self.time.is_on() {
                let timeline = crate::analysis::time::timeline(&self.doc.project);
                let bar =
                    crate::ui::time::time_bar_ui(ui, &self.time, &timeline, &self.doc.project);
                if let Some(ask) = bar {
                    self.time.ask(ask);
                }
            }
        });
        self.frame.rects.canvas = Some(canvas.response.rect);
        if presenting {
            let not_set = self.frame.not_set(&self.doc);
            let look = match &shown {
                Some(t) => t.legend(not_set),
                None => crate::style::legend::legend_sections(
                    self.doc.project.settings.colour_by,
                    self.prefs.encoding(),
                    not_set,
                ),
            };
            // While a group rates, the sheet has the room: the map's legend stays folded.
            let mut folded = true;
            let hidden = if self.perspectives.sheet.is_some() {
                &mut folded
            } else {
                &mut self.view.audience_legend_hidden
            };
            let rect = canvas.response.rect;
            let ctx = ui.ctx().clone();
            if let Some(a) =
                crate::ui::presenting::presentation_overlay_ui(&ctx, rect, &look, hidden)
            {
                intents.push(Intent::Action(a));
            }
        }
        self.frame.rects.window = Some(ui.ctx().content_rect());
    }

    /// The status bar, and its Cancel buttons.
    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let p = &self.doc.project;
        let info = StatusInfo {
            actors: p.actors.len(),
            partnerships: p.partnerships.len(),
            selected: self.view.selection.len(),
            zoom: self.view.canvas.camera.map(|c| c.zoom),
            file: match self.doc.path() {
                Some(path) => path.display().to_string(),
                None => self.doc.display_name(),
            },
            modified: self.is_modified(),
            connect_mode: self.view.canvas.connect_mode,
            autosave_failed: self.autosave.failed.as_deref(),
            busy: self.jobs.busy.as_deref(),
            job: self.jobs.progress.as_ref().map(|(p, c)| (&**p, *c)),
            betweenness: self.live.progress(),
            message: self.status.as_deref(),
        };
        if status_ui(ui, &info).betweenness {
            self.live.cancel();
        }
    }

    /// Rebuilds the actor radii and broker rings when the indicators or the sizing changed.
    fn refresh_overlay(&mut self) {
        if let Some(ind) = self.live.indicators() {
            let stale = self
                .frame
                .overlay
                .as_ref()
                .is_none_or(|c| !Arc::ptr_eq(&c.from, ind) || c.size_by != self.prefs.size_by);
            if stale {
                self.frame.overlay = Some(OverlayCache::build(ind, self.prefs.size_by));
            }
        }
    }

    /// Applies the theme, UI scale and presentation look when they change.
    fn apply_look(&mut self, ctx: &egui::Context) {
        self.view.dark = ctx.global_style().visuals.dark_mode;
        let presenting = self.view.presenting;
        let scale = if presenting {
            self.prefs.ui_scale * crate::ui::view::PRESENTATION_ZOOM
        } else {
            self.prefs.ui_scale
        };
        let key = (self.prefs.theme, presenting, (scale * 100.0).round() as u32);
        if self.frame.applied_look == Some(key) {
            return;
        }
        self.frame.applied_look = Some(key);
        // The View menu's size setting is the one way to scale, so that it is remembered.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_zoom_factor(scale.clamp(0.5, 3.0));
        if presenting {
            let mut v = egui::Visuals::light();
            v.extreme_bg_color = egui::Color32::WHITE;
            v.panel_fill = egui::Color32::WHITE;
            v.override_text_color = Some(egui::Color32::BLACK);
            v.widgets.noninteractive.fg_stroke.color = egui::Color32::BLACK;
            ctx.set_visuals_of(egui::Theme::Light, v);
            ctx.set_theme(egui::ThemePreference::Light);
        } else {
            ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
            ctx.set_theme(match self.prefs.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
        }
    }

    /// The items that pass the filters, found once per document revision and filters.
    fn filter_matches(&mut self) -> Option<Matches> {
        if !self.view.filters.is_active() {
            return None;
        }
        let stale = self
            .frame
            .filters
            .as_ref()
            .is_none_or(|(rev, f, _)| *rev != self.doc.revision || *f != self.view.filters);
        if stale {
            let m = self.view.filters.matches(&self.doc.project);
            self.frame.filters = Some((self.doc.revision, self.view.filters.clone(), m));
        }
        self.frame.filters.as_ref().map(|(_, _, m)| m.clone())
    }

    /// With `PARTNERMAP_FIRST_FRAME=exit`, prints the time to the first frame and closes.
    fn first_frame_check(&mut self, ctx: &egui::Context) {
        if self.frame.first_frame_done || !std::env::var(FIRST_FRAME_ENV).is_ok_and(|v| v == "exit")
        {
            return;
        }
        let Some(start) = STARTED.get() else {
            return;
        };
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let first = *self.frame.first_frame_ms.get_or_insert(ms);
        // Done once the map asked for on the command line is open and drawn.
        if self.jobs.busy.is_none() {
            self.frame.first_frame_done = true;
            println!(
                "first frame after {first:.0} ms; map of {} actors and {} partnerships drawn after {ms:.0} ms",
                self.doc.project.actors.len(),
                self.doc.project.partnerships.len()
            );
            ctx.send_viewport_cmd(ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

impl FrameCache {
    /// What `doc` leaves not set, found once per document revision.
    pub(super) fn not_set(&mut self, doc: &super::Document) -> crate::style::legend::NotSet {
        match self.not_set {
            Some((revision, found)) if revision == doc.revision => found,
            _ => {
                let found = crate::style::legend::NotSet::of(&doc.project);
                self.not_set = Some((doc.revision, found));
                found
            }
        }
    }
}
