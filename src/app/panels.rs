//! The side panels: on the left the lists, the quadrant chart or the indicators (one tab at a
//! time) above the legend; on the right the inspector. Each collapses to a strip and is
//! remembered so. Their widths are bounded by the window so that the map keeps at least half
//! of it on a laptop screen (design.md §6, "Laptop screens first").

use egui::{Rect, RichText};

use super::frame::Matches;
use super::{LeftTab, PartnerMapApp};
use crate::ui::indicators::dashboard_ui;
use crate::ui::inspector::inspector_ui;
use crate::ui::intent::Intent;
use crate::ui::legend::{legend_ui, sections_ui};
use crate::ui::lists::lists_ui;
use crate::ui::quadrant::quadrant_ui;
use crate::ui::time::time_tab_ui;

/// The share of the window the map keeps at least, whatever the panels' widths.
pub const CANVAS_SHARE: f32 = 0.5;
/// The width of a collapsed panel's strip.
const STRIP_WIDTH: f32 = 34.0;

/// Where each part of the window was drawn in the last frame (`None`: not shown), for the
/// window tests at laptop sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PanelRects {
    /// The whole window.
    pub window: Option<Rect>,
    /// The menu bar.
    pub menu: Option<Rect>,
    /// The toolbar.
    pub toolbar: Option<Rect>,
    /// The status bar.
    pub status: Option<Rect>,
    /// The quick-entry bar.
    pub quick: Option<Rect>,
    /// The left column, or its strip when collapsed.
    pub left: Option<Rect>,
    /// The inspector, or its strip when collapsed.
    pub right: Option<Rect>,
    /// The map.
    pub canvas: Option<Rect>,
}

impl PanelRects {
    /// Every part shown, with its name.
    pub fn shown(&self) -> Vec<(&'static str, Rect)> {
        [
            ("menu", self.menu),
            ("toolbar", self.toolbar),
            ("status", self.status),
            ("quick entry", self.quick),
            ("left", self.left),
            ("right", self.right),
            ("canvas", self.canvas),
        ]
        .into_iter()
        .filter_map(|(name, r)| Some((name, r?)))
        .collect()
    }
}

/// The widest the left and right panels may be in `free` (the room between the bars), so
/// that the map keeps [`CANVAS_SHARE`] of `window`.
fn max_widths(window: Rect, free: Rect) -> (f32, f32) {
    let canvas_width = CANVAS_SHARE * window.area() / free.height().max(1.0);
    // A few points for the panels' separators.
    let budget = (free.width() - canvas_width - 12.0).max(0.0);
    ((budget * 0.5).max(150.0), (budget * 0.5).max(180.0))
}

impl PartnerMapApp {
    /// Where each part of the window was drawn in the last frame.
    pub fn panel_rects(&self) -> PanelRects {
        self.frame.rects
    }

    /// The left column and the inspector, open or collapsed to a strip.
    pub(super) fn side_panels_ui(
        &mut self,
        ui: &mut egui::Ui,
        matches: Option<&Matches>,
        intents: &mut Vec<Intent>,
    ) {
        let window = ui.ctx().content_rect();
        let (left_max, right_max) = max_widths(window, ui.available_rect_before_wrap());
        let left = if self.prefs.show_left {
            egui::Panel::left("lists")
                .resizable(true)
                .default_size(left_max.min(280.0))
                .min_size(150.0)
                .max_size(left_max)
                .show(ui, |ui| self.left_column_ui(ui, matches, intents))
                .response
                .rect
        } else {
            strip_ui(
                ui,
                "left strip",
                "Show the left panel",
                "»",
                &mut self.prefs.show_left,
            )
        };
        let right = if self.prefs.show_right {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(right_max.min(320.0))
                .min_size(180.0)
                .max_size(right_max)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            collapse_button_ui(
                                ui,
                                "Collapse the inspector",
                                "»",
                                &mut self.prefs.show_right,
                            );
                        });
                    });
                    let ind = self.live.indicators().cloned();
                    inspector_ui(
                        ui,
                        &self.doc.project,
                        &self.view,
                        ind.as_deref(),
                        &mut self.inspector,
                        intents,
                    );
                })
                .response
                .rect
        } else {
            strip_ui(
                ui,
                "right strip",
                "Show the inspector",
                "«",
                &mut self.prefs.show_right,
            )
        };
        (self.frame.rects.left, self.frame.rects.right) = (Some(left), Some(right));
    }

    /// The left column: the map's title, the tabs, the legend at the bottom and the chosen
    /// tab above it.
    fn left_column_ui(
        &mut self,
        ui: &mut egui::Ui,
        matches: Option<&Matches>,
        intents: &mut Vec<Intent>,
    ) {
        if !self.doc.project.meta.title.is_empty() {
            ui.add(
                egui::Label::new(
                    RichText::new(&self.doc.project.meta.title)
                        .strong()
                        .size(16.0),
                )
                .wrap(),
            );
        }
        // The tabs, then the help and collapse buttons, wrap to a second line in a narrow
        // column rather than run under each other.
        ui.horizontal_wrapped(|ui| {
            let tab = &mut self.prefs.left_tab;
            ui.selectable_value(tab, LeftTab::Lists, "List");
            ui.selectable_value(tab, LeftTab::Chart, "Chart")
                .on_hover_text("The quadrant chart of the framework chosen below");
            ui.selectable_value(tab, LeftTab::Indicators, "Indicators");
            ui.selectable_value(tab, LeftTab::Time, "Time")
                .on_hover_text("Compare snapshots, step through them, or see the map as of a date");
            ui.selectable_value(tab, LeftTab::Perspectives, "Perspectives")
                .on_hover_text("How different groups see the map, and where they disagree");
            let help = crate::ui::actions::Action::Help;
            if ui
                .small_button("?")
                .on_hover_text(help.hint())
                .widget_info_labelled(help.label())
                .clicked()
            {
                intents.push(Intent::Action(help));
            }
            collapse_button_ui(
                ui,
                "Collapse the left panel",
                "«",
                &mut self.prefs.show_left,
            );
        });
        ui.separator();
        // The legend takes at most half the column and scrolls; less beside the chart.
        let height = ui.available_height();
        let share = if self.prefs.left_tab == LeftTab::Lists {
            0.5
        } else {
            0.35
        };
        egui::Panel::bottom("legend panel")
            .resizable(true)
            .min_size((height * 0.2).min(120.0))
            .default_size(height * share)
            .max_size(height * 0.5)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    egui::CollapsingHeader::new("Legend")
                        .default_open(true)
                        .show(ui, |ui| {
                            let not_set = self.frame.not_set(&self.doc);
                            match self.time.current() {
                                Some(t) => sections_ui(ui, &t.legend(not_set)),
                                None => {
                                    let colour_by = self.doc.project.settings.colour_by;
                                    legend_ui(ui, colour_by, self.prefs.encoding(), not_set);
                                }
                            }
                        });
                });
            });
        match self.prefs.left_tab {
            LeftTab::Lists => lists_ui(ui, &self.doc.project, &mut self.view, matches, intents),
            LeftTab::Chart => {
                let shown = self.time.current().cloned();
                let (map, paths) = match &shown {
                    Some(t) => (
                        (&t.after, t.drawing_revision),
                        Some(t.moves(self.quadrant.framework())),
                    ),
                    None => ((&self.doc.project, self.doc.revision), None),
                };
                quadrant_ui(ui, map, paths, &mut self.view, &mut self.quadrant, intents);
            }
            LeftTab::Perspectives => {
                let ctx = ui.ctx().clone();
                let (summary, current) = self.perspectives.summary.get(
                    &self.doc.project,
                    self.doc.revision,
                    move || ctx.request_repaint(),
                );
                crate::ui::perspectives::perspectives_tab_ui(
                    ui,
                    &self.doc.project,
                    (summary.as_deref(), current),
                    &mut self.perspectives,
                    &mut self.view,
                    intents,
                );
            }
            LeftTab::Time => time_tab_ui(
                ui,
                &self.doc.project,
                &mut self.time,
                &mut self.time_choices,
                self.quadrant.framework(),
                &mut self.view,
                intents,
            ),
            LeftTab::Indicators if self.time.current().is_some_and(|t| t.indicators.is_some()) => {
                // Another state is shown: its indicators (betweenness is not computed for it).
                let shown = self.time.current().cloned();
                if let Some(t) = shown
                    && let Some(ind) = &t.indicators
                {
                    let note = format!("{}; betweenness not computed", t.to_label);
                    dashboard_ui(
                        ui,
                        &t.after,
                        Some(ind),
                        Some(note),
                        &mut self.view,
                        &mut self.dashboard,
                        intents,
                    );
                }
            }
            LeftTab::Indicators => {
                let updating = (!self.live.is_current(self.doc.revision)).then(|| {
                    match self.live.progress() {
                        Some(p) => format!("updating… betweenness {:.0}%", p * 100.0),
                        None => "updating…".to_string(),
                    }
                });
                let ind = self.live.indicators().cloned();
                dashboard_ui(
                    ui,
                    &self.doc.project,
                    ind.as_deref(),
                    updating,
                    &mut self.view,
                    &mut self.dashboard,
                    intents,
                );
            }
        }
    }
}

/// The button that collapses a panel: `text`, named `name` for screen readers and tests.
fn collapse_button_ui(ui: &mut egui::Ui, name: &'static str, text: &str, open: &mut bool) {
    let button = ui
        .small_button(text)
        .on_hover_text(name)
        .widget_info_labelled(name);
    if button.clicked() {
        *open = false;
    }
}

/// A collapsed panel: a narrow strip with the button that opens it again.
fn strip_ui(
    ui: &mut egui::Ui,
    id: &'static str,
    name: &'static str,
    text: &str,
    open: &mut bool,
) -> Rect {
    let side = if id.starts_with("left") {
        egui::Panel::left(id)
    } else {
        egui::Panel::right(id)
    };
    side.resizable(false)
        .exact_size(STRIP_WIDTH)
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(4.0))
        .show(ui, |ui| {
            let button = ui
                .small_button(text)
                .on_hover_text(name)
                .widget_info_labelled(name);
            if button.clicked() {
                *open = true;
            }
        })
        .response
        .rect
}

/// Names a widget for screen readers and tests.
trait Labelled {
    fn widget_info_labelled(self, name: &'static str) -> Self;
}

impl Labelled for egui::Response {
    fn widget_info_labelled(self, name: &'static str) -> Self {
        self.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panels_leave_the_map_half_of_a_laptop_window() {
        // 1280 × 720 with about 100 points of bars above and below.
        let window = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
        let free = Rect::from_min_max(egui::pos2(0.0, 60.0), egui::pos2(1280.0, 660.0));
        let (left, right) = max_widths(window, free);
        let canvas = free.width() - left - right - 12.0;
        assert!(
            canvas * free.height() >= 0.5 * window.area() - 1.0,
            "{left} {right}"
        );
        assert!(left >= 150.0 && right >= 180.0);
    }
}
