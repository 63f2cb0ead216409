//! The rating sheet (design.md §13): one group's values typed fast. Rows are the
//! partnerships (or the actors), columns the scores; a digit key types the value of that
//! step of the scale and moves on, Backspace clears, the arrows, Tab and Enter move, Esc
//! closes. It takes the place of the map, so it shows in presentation mode too.

use egui::{Key, RichText, Ui};

use crate::edit::Command;
use crate::model::{ActorId, ActorScore, PartnershipScore, Project, Score};
use crate::ui::intent::{Edit, Intent};
use crate::ui::view::{Item, ViewState};

/// What the rows are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    /// The partnerships, in id order.
    Partnerships,
    /// The actors, in id order.
    Actors,
}

/// An open rating sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The perspective rated, by name.
    pub perspective: String,
    /// What the rows are.
    pub rows: Rows,
    /// The cell with the keyboard: row, then score column.
    pub cursor: (usize, usize),
    /// After a key, move to the next score (else to the next row, same score).
    pub across: bool,
    /// Take the keyboard from whatever has it (the button that opened the sheet, a cell
    /// clicked) in the next frame.
    pub claim_keys: bool,
}

impl Sheet {
    /// A sheet for the perspective `name`, at its first cell.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            perspective: name.into(),
            rows: Rows::Partnerships,
            cursor: (0, 0),
            across: true,
            claim_keys: true,
        }
    }

    fn columns(&self) -> usize {
        match self.rows {
            Rows::Partnerships => PartnershipScore::ALL.len(),
            Rows::Actors => ActorScore::ALL.len(),
        }
    }
}

/// The value the digit `k` types on a scale from `lo` to `hi`: its `k`-th step, counted from
/// 1 (on power, 1 is "a dominates" and 5 "b dominates"); `None` past the scale's steps.
pub fn digit_value((lo, hi): (i8, i8), k: u8) -> Option<i8> {
    let v = i16::from(lo) + i16::from(k) - 1;
    (k >= 1 && v <= i16::from(hi)).then_some(v as i8)
}

/// The step number of `value` on a scale starting at `lo` (what its key is).
fn step_of(lo: i8, value: i8) -> i16 {
    i16::from(value) - i16::from(lo) + 1
}

/// The keys of a score's steps, for its column's hover text: "1 none, 2 low, …".
fn key_help<S: Score>(score: S) -> String {
    let (lo, hi) = score.span();
    (lo..=hi)
        .map(|v| format!("{} {}", step_of(lo, v), score.word(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cell's text: the step's key and word ("4 high"), or nothing.
fn cell_text<S: Score>(score: S, value: Option<i8>) -> String {
    value.map_or_else(String::new, |v| {
        format!("{} {}", step_of(score.span().0, v), score.word(v))
    })
}

/// What one key asks of the sheet.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Act {
    /// Type the value of this step (`Some`) or clear (`None`) at the cursor.
    Type(Option<u8>),
    /// Move the cursor: rows, columns.
    Move(i32, i32),
    /// Close the sheet.
    Close,
}

/// What `key` (with `modifiers`) asks of the sheet, if anything.
fn act_of(key: Key, modifiers: egui::Modifiers) -> Option<Act> {
    if modifiers.shift_only() && key == Key::Tab {
        return Some(Act::Move(0, -1));
    }
    if !modifiers.is_none() {
        return None;
    }
    if let Some(k) = crate::ui::actions::DIGIT_KEYS
        .iter()
        .position(|d| *d == key)
    {
        return Some(Act::Type(Some(k as u8)));
    }
    Some(match key {
        Key::Backspace | Key::Delete => Act::Type(None),
        Key::ArrowUp => Act::Move(-1, 0),
        Key::ArrowDown | Key::Enter => Act::Move(1, 0),
        Key::ArrowLeft => Act::Move(0, -1),
        Key::ArrowRight | Key::Tab => Act::Move(0, 1),
        Key::Escape => Act::Close,
        _ => return None,
    })
}

/// The id of the widget that holds the keyboard for the sheet.
fn keys_id() -> egui::Id {
    egui::Id::unique("partnermap.rating-sheet")
}

/// Takes the sheet's keys out of the frame's input, unless another widget (a text field)
/// has the keyboard: the sheet holds it otherwise, with Tab, the arrows and Esc its own.
fn take_keys(ui: &mut Ui, claim: bool) -> Vec<Act> {
    let mut acts = Vec::new();
    let id = keys_id();
    let at = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(1.0, 1.0));
    let holder = ui.interact(at, id, egui::Sense::focusable_noninteractive());
    holder.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Grid, true, "Rating sheet keys"));
    if claim || ui.memory(|m| m.focused().is_none()) {
        holder.request_focus();
    }
    ui.memory_mut(|m| {
        let filter = egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        };
        m.set_focus_lock_filter(id, filter);
    });
    if !ui.memory(|m| m.focused().is_none_or(|f| f == id)) {
        return acts;
    }
    // In the order they were pressed: "5" then Down is not Down then "5".
    ui.input_mut(|i| {
        i.events.retain(|e| match e {
            egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => match act_of(*key, *modifiers) {
                Some(act) => {
                    acts.push(act);
                    false
                }
                None => true,
            },
            _ => true,
        });
    });
    acts
}

/// Moves `cursor` by `(rows, cols)` within `n` rows of `m` columns; moving right past the last
/// column goes to the next row's first, and left past the first to the row before.
fn step(cursor: (usize, usize), (rows, cols): (i32, i32), n: usize, m: usize) -> (usize, usize) {
    if n == 0 || m == 0 {
        return (0, 0);
    }
    let flat = cursor.0 as i64 * m as i64 + cursor.1 as i64;
    let flat = flat + i64::from(cols) + i64::from(rows) * m as i64;
    let last = (n * m) as i64 - 1;
    let flat = if rows != 0 && !(0..=last).contains(&flat) {
        // Up or down past the ends stays in the column.
        cursor.0 as i64 * m as i64 + cursor.1 as i64
    } else {
        flat.clamp(0, last)
    };
    ((flat / m as i64) as usize, (flat % m as i64) as usize)
}

/// The rows' items and names.
fn rows_of(project: &Project, rows: Rows) -> Vec<(Item, String)> {
    let name = |id: ActorId| project.actor(id).map_or("?", |a| a.short_or_name());
    match rows {
        Rows::Partnerships => project
            .partnerships
            .values()
            .map(|p| {
                let mut text = format!("{} – {}", name(p.a), name(p.b));
                if let Some(label) = p.label.as_deref().filter(|l| !l.trim().is_empty()) {
                    text.push_str(&format!(": {label}"));
                }
                (Item::Partnership(p.id), text)
            })
            .collect(),
        Rows::Actors => project
            .actors
            .values()
            .map(|a| (Item::Actor(a.id), a.name.clone()))
            .collect(),
    }
}

/// The perspective's value in a cell.
fn value_at(view: &crate::model::Perspective, item: Item, col: usize) -> (Option<i8>, String) {
    match item {
        Item::Partnership(id) => {
            let s = PartnershipScore::ALL[col % PartnershipScore::ALL.len()];
            let v = view.partnership_value(id, s);
            (v, cell_text(s, v))
        }
        Item::Actor(id) => {
            let s = ActorScore::ALL[col % ActorScore::ALL.len()];
            let v = view.actor_value(id, s);
            (v, cell_text(s, v))
        }
    }
}

/// Types digit `k` (or clears, with `None`) into `item`'s score `col` of `view`; whether it
/// was a value of the scale.
fn type_into(view: &mut crate::model::Perspective, item: Item, col: usize, k: Option<u8>) -> bool {
    match item {
        Item::Partnership(id) => {
            let s = PartnershipScore::ALL[col % PartnershipScore::ALL.len()];
            set(k, s.span(), |v| view.set_partnership_value(id, s, v))
        }
        Item::Actor(id) => {
            let s = ActorScore::ALL[col % ActorScore::ALL.len()];
            set(k, s.span(), |v| view.set_actor_value(id, s, v))
        }
    }
}

fn set(k: Option<u8>, span: (i8, i8), mut write: impl FnMut(Option<i8>)) -> bool {
    match k {
        None => {
            write(None);
            true
        }
        Some(k) => match digit_value(span, k) {
            Some(v) => {
                write(Some(v));
                true
            }
            None => false,
        },
    }
}

const NAME_WIDTH: f32 = 200.0;
const CELL_WIDTH: f32 = 92.0;

/// Draws the sheet in place of the map; `false` when it closes.
pub fn sheet_ui(
    ui: &mut Ui,
    project: &Project,
    sheet: &mut Sheet,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) -> bool {
    let Some(index) = project
        .perspectives
        .iter()
        .position(|v| v.name == sheet.perspective)
    else {
        return false;
    };
    let rows = rows_of(project, sheet.rows);
    let m = sheet.columns();
    sheet.cursor = (
        sheet.cursor.0.min(rows.len().saturating_sub(1)),
        sheet.cursor.1.min(m - 1),
    );
    let mut open = true;
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("Rating as {}", sheet.perspective));
        ui.selectable_value(&mut sheet.rows, Rows::Partnerships, "Partnerships");
        ui.selectable_value(&mut sheet.rows, Rows::Actors, "Actors");
        ui.separator();
        ui.selectable_value(&mut sheet.across, true, "then → next score");
        ui.selectable_value(&mut sheet.across, false, "then ↓ next row");
        ui.separator();
        if ui
            .button("Done")
            .on_hover_text("Close the sheet (Esc)")
            .clicked()
        {
            open = false;
        }
    });
    ui.weak(
        "Type the step's number (1 = the first step of the scale, shown on each column): \
         it is kept and the sheet moves on. Backspace clears; arrows, Tab and Enter move; \
         Esc closes. Every value is one undo step.",
    );
    let acts = take_keys(ui, std::mem::take(&mut sheet.claim_keys));
    let mut views = None;
    for act in &acts {
        match *act {
            Act::Close => open = false,
            Act::Move(dr, dc) => sheet.cursor = step(sheet.cursor, (dr, dc), rows.len(), m),
            Act::Type(k) => {
                let Some((item, _)) = rows.get(sheet.cursor.0) else {
                    continue;
                };
                let edited = views.get_or_insert_with(|| project.perspectives.clone());
                if type_into(&mut edited[index], *item, sheet.cursor.1, k) && k.is_some() {
                    let by = if sheet.across { (0, 1) } else { (1, 0) };
                    sheet.cursor = step(sheet.cursor, by, rows.len(), m);
                }
            }
        }
    }
    if let Some(views) = views
        && views != project.perspectives
    {
        let label = format!("Rate as {}", sheet.perspective);
        intents.push(Intent::Edit(Edit::new(
            label,
            Command::set_perspectives(views),
        )));
    }
    if let Some((item, _)) = rows.get(sheet.cursor.0)
        && !acts.is_empty()
    {
        view.selection = [*item].into_iter().collect();
    }
    ui.separator();
    let view_of = &project.perspectives[index];
    let row_height = ui.spacing().interact_size.y + 4.0;
    let scroll_to = !acts.is_empty();
    // The headings scroll sideways with the cells; the rows scroll down under them.
    egui::ScrollArea::horizontal()
        .id_salt("sheet columns")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header_ui(ui, sheet.rows);
            egui::ScrollArea::vertical()
                .id_salt("sheet rows")
                .auto_shrink([false, false])
                .show_rows(ui, row_height, rows.len(), |ui, range| {
                    for r in range {
                        let (item, name) = &rows[r];
                        ui.horizontal(|ui| {
                            let on = sheet.cursor.0 == r;
                            let colour = if on {
                                ui.visuals().selection.stroke.color
                            } else {
                                ui.visuals().text_color()
                            };
                            let layout = egui::Layout::left_to_right(egui::Align::Center);
                            ui.allocate_ui_with_layout(
                                egui::vec2(NAME_WIDTH, row_height - 4.0),
                                layout,
                                |ui| {
                                    ui.set_min_width(NAME_WIDTH);
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(name).strong().color(colour),
                                        )
                                        .truncate(),
                                    )
                                    .on_hover_text(name);
                                },
                            );
                            for c in 0..m {
                                let (_, text) = value_at(view_of, *item, c);
                                let here = sheet.cursor == (r, c);
                                let spoken = format!(
                                    "{} of {name}: {}",
                                    column_label(sheet.rows, c),
                                    if text.is_empty() { "not given" } else { &text }
                                );
                                let cell = egui::Button::selectable(here, text)
                                    .min_size(egui::vec2(CELL_WIDTH, row_height - 4.0));
                                let response = ui.add(cell);
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken)
                                });
                                if here && scroll_to {
                                    response.scroll_to_me(None);
                                }
                                if response.clicked() {
                                    sheet.cursor = (r, c);
                                    view.selection = [*item].into_iter().collect();
                                    // The keyboard goes back to the sheet, not the cell.
                                    sheet.claim_keys = true;
                                }
                            }
                        });
                    }
                });
        });
    open
}

/// The heading of score column `c`.
fn column_label(rows: Rows, c: usize) -> &'static str {
    match rows {
        Rows::Partnerships => PartnershipScore::ALL[c % PartnershipScore::ALL.len()].label(),
        Rows::Actors => ActorScore::ALL[c % ActorScore::ALL.len()].label(),
    }
}

/// The column headings, each explaining its keys on hover.
fn header_ui(ui: &mut Ui, rows: Rows) {
    ui.horizontal(|ui| {
        let first = match rows {
            Rows::Partnerships => "Partnership",
            Rows::Actors => "Actor",
        };
        ui.allocate_ui_with_layout(
            egui::vec2(NAME_WIDTH, 18.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_width(NAME_WIDTH);
                ui.label(RichText::new(first).weak());
            },
        );
        let mut heading = |label: &str, help: String| {
            ui.add_sized(
                [CELL_WIDTH, 18.0],
                egui::Label::new(RichText::new(label).strong()),
            )
            .on_hover_text(help);
        };
        match rows {
            Rows::Partnerships => {
                for &s in PartnershipScore::ALL {
                    heading(s.label(), key_help(s));
                }
            }
            Rows::Actors => {
                for &s in ActorScore::ALL {
                    heading(s.label(), key_help(s));
                }
            }
        }
    });
}

/// Opens the sheet of `name`, taking the keyboard from any text field.
pub fn open(ctx: &egui::Context, name: &str) -> Sheet {
    ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    Sheet::new(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digit_types_that_step_of_the_scale() {
        // Trust 1–5: the digit is the value.
        assert_eq!(digit_value((1, 5), 4), Some(4));
        assert_eq!(digit_value((1, 5), 6), None);
        assert_eq!(digit_value((1, 5), 0), None);
        // Power −2…+2: 1 is "a dominates", 3 balanced.
        assert_eq!(digit_value((-2, 2), 1), Some(-2));
        assert_eq!(digit_value((-2, 2), 3), Some(0));
        // Form (0–3) and formality (0–5): 1 is the first, 6 the last formality.
        assert_eq!(digit_value((0, 3), 1), Some(0));
        assert_eq!(digit_value((0, 5), 6), Some(5));
        assert_eq!(
            key_help(PartnershipScore::Form).split(", ").next(),
            Some("1 Interaction")
        );
        assert_eq!(cell_text(PartnershipScore::Power, Some(0)), "3 balanced");
    }

    #[test]
    fn the_cursor_moves_on_across_rows_and_stays_inside() {
        // 3 rows of 2 columns.
        assert_eq!(
            step((0, 1), (0, 1), 3, 2),
            (1, 0),
            "right from the last column wraps"
        );
        assert_eq!(step((1, 0), (0, -1), 3, 2), (0, 1));
        assert_eq!(step((2, 1), (0, 1), 3, 2), (2, 1), "the last cell stays");
        assert_eq!(
            step((2, 1), (1, 0), 3, 2),
            (2, 1),
            "down from the last row stays"
        );
        assert_eq!(step((0, 1), (-1, 0), 3, 2), (0, 1));
        assert_eq!(step((0, 0), (1, 0), 0, 2), (0, 0));
    }
}
