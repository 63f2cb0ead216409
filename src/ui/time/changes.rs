//! The list of what changed between two states, one line an item, each selecting its item
//! on the map when clicked, and the counts above it.

use egui::{RichText, Ui};
use serde_json::Value;

use super::TimeShown;
use crate::analysis::change::{FieldChanges, Movement};
use crate::analysis::time::Composed;
use crate::model::{ActorId, PartnershipId, Project};
use crate::style::change as look;
use crate::ui::canvas::color;
use crate::ui::intent::Intent;
use crate::ui::view::{Item, ViewState};

/// One line of the change list.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// The item it selects.
    pub item: Item,
    /// What happened: added, removed, or the fields changed.
    pub kind: RowKind,
    /// The line of an item added or removed: "PSOD committee (actor)". A changed item's line
    /// is made when it is shown ([`ChangeRow::text`]): a comparison may change thousands.
    pub text: String,
    /// For a changed item, its place in the comparison's list of changed items.
    detail: Option<usize>,
}

impl ChangeRow {
    /// The line: "DND – Municipality: form Interaction → Coalition (trust rose)".
    pub fn text(&self, composed: &Composed) -> String {
        let Some(k) = self.detail else {
            return self.text.clone();
        };
        let (c, drawing) = (&composed.change, &composed.project);
        match self.item {
            Item::Partnership(id) => {
                let Some((_, fields)) = c.partnerships.changed.get(k) else {
                    return String::new();
                };
                let mut text =
                    format!("{}: {}", partnership_name(drawing, id), fields_text(fields));
                if let Some(m) = c.movements.get(&id.0) {
                    let moves = moves_text(m, drawing, id);
                    if !moves.is_empty() {
                        text.push_str(&format!(" ({moves})"));
                    }
                }
                text
            }
            Item::Actor(id) => c
                .actors
                .changed
                .get(k)
                .map_or_else(String::new, |(_, fields)| {
                    format!("{}: {}", actor_name(drawing, id), fields_text(fields))
                }),
        }
    }
}

/// What happened to the item of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// Only in the later state.
    Added,
    /// Only in the earlier state.
    Removed,
    /// In both, changed.
    Changed,
}

/// A field's value as a person reads it: text without quotes, lists joined, none as "—".
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "none".to_string(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Object(_) => "changed".to_string(),
        other => other.to_string(),
    }
}

/// "form Interaction → Coalition; trust_ab 2 → 4" for the scored fields first, then the
/// names of the other fields that changed (positions are not a change of the partnership).
fn fields_text(fields: &FieldChanges) -> String {
    let mut parts = Vec::new();
    let mut others = Vec::new();
    for (name, (a, b)) in fields {
        if name == "position" {
            continue;
        }
        let (a, b) = (shown(a), shown(b));
        if a.chars().count() + b.chars().count() <= 40 {
            parts.push(format!("{name} {a} → {b}"));
        } else {
            others.push(name.as_str());
        }
    }
    if !others.is_empty() {
        parts.push(format!("{} changed", others.join(", ")));
    }
    parts.join("; ")
}

fn actor_name(p: &Project, id: ActorId) -> String {
    p.actor(id).map_or_else(
        || format!("actor {}", id.0),
        |a| a.short_or_name().to_string(),
    )
}

fn partnership_name(p: &Project, id: PartnershipId) -> String {
    match p.partnerships.get(&id) {
        Some(l) => format!("{} – {}", actor_name(p, l.a), actor_name(p, l.b)),
        None => format!("partnership {}", id.0),
    }
}

/// The trust and power moves of a partnership, in words ("trust rose, power toward OWSO").
fn moves_text(m: &Movement, drawing: &Project, id: PartnershipId) -> String {
    let mut out = Vec::new();
    match m.trust {
        1 => out.push("trust rose".to_string()),
        -1 => out.push("trust fell".to_string()),
        _ => {}
    }
    if m.power != 0
        && let Some(l) = drawing.partnerships.get(&id)
    {
        let side = if m.power > 0 { l.b } else { l.a };
        out.push(format!("power toward {}", actor_name(drawing, side)));
    }
    out.join(", ")
}

/// Every line of the change list of `composed`: actors added and removed, partnerships
/// added and ended, then the items changed, each kind in id order.
pub fn change_rows(composed: &Composed) -> Vec<ChangeRow> {
    let (c, drawing) = (&composed.change, &composed.project);
    let mut rows = Vec::new();
    let mut push = |item, kind, text, detail| {
        rows.push(ChangeRow {
            item,
            kind,
            text,
            detail,
        });
    };
    for id in &c.actors.added {
        let id = ActorId(*id);
        let text = format!("{} (actor)", actor_name(drawing, id));
        push(Item::Actor(id), RowKind::Added, text, None);
    }
    for id in &c.actors.removed {
        let id = ActorId(*id);
        let text = format!("{} (actor)", actor_name(drawing, id));
        push(Item::Actor(id), RowKind::Removed, text, None);
    }
    for id in &c.partnerships.added {
        let id = PartnershipId(*id);
        let text = partnership_name(drawing, id);
        push(Item::Partnership(id), RowKind::Added, text, None);
    }
    for id in &c.partnerships.removed {
        let id = PartnershipId(*id);
        let text = format!("{} (ended)", partnership_name(drawing, id));
        push(Item::Partnership(id), RowKind::Removed, text, None);
    }
    for (k, (id, _)) in c.partnerships.changed.iter().enumerate() {
        let id = PartnershipId(*id);
        push(
            Item::Partnership(id),
            RowKind::Changed,
            String::new(),
            Some(k),
        );
    }
    for (k, (id, fields)) in c.actors.changed.iter().enumerate() {
        // An actor that only moved on the map has not changed as an actor.
        if fields.keys().any(|f| f != "position") {
            push(
                Item::Actor(ActorId(*id)),
                RowKind::Changed,
                String::new(),
                Some(k),
            );
        }
    }
    rows
}

/// The counts of what changed, in one or two lines.
pub fn summary_ui(ui: &mut Ui, shown: &TimeShown) {
    let counts = shown.composed.counts();
    let title = match &shown.from_label {
        Some(from) => format!("{from} → {}", shown.to_label),
        None => shown.to_label.clone(),
    };
    ui.label(RichText::new(title).strong());
    if shown.request.from.is_none() {
        ui.label(format!(
            "{} actors, {} partnerships",
            shown.after.actors.len(),
            shown.after.partnerships.len()
        ));
        return;
    }
    let parts = [
        (counts.added, "added"),
        (counts.ended, "ended"),
        (counts.deepened, "deeper"),
        (counts.weakened, "shallower"),
        (counts.mixed, "mixed"),
        (counts.trust_rose, "trust rose"),
        (counts.trust_fell, "trust fell"),
        (counts.power_moved, "power moved"),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    let line = if said.is_empty() {
        "Partnerships: no change".to_string()
    } else {
        format!("Partnerships: {}", said.join(", "))
    };
    ui.add(egui::Label::new(line).wrap());
    if counts.actors_added + counts.actors_removed > 0 {
        ui.label(format!(
            "Actors: {} added, {} removed",
            counts.actors_added, counts.actors_removed
        ));
    }
}

/// The list of changes; a click selects the item and brings it to the middle of the map.
pub fn change_list_ui(
    ui: &mut Ui,
    shown: &TimeShown,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    if shown.rows.is_empty() {
        ui.weak("Nothing changed.");
        return;
    }
    let height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("change list")
        .max_height(260.0)
        .auto_shrink([false, true])
        .show_rows(ui, height, shown.rows.len(), |ui, range| {
            for row in &shown.rows[range] {
                let line = row.text(&shown.composed);
                let (sign, rgb) = match row.kind {
                    RowKind::Added => ("+", look::ADDED),
                    RowKind::Removed => ("−", look::ENDED),
                    RowKind::Changed => ("~", look::DEEPENED),
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(sign).strong().color(color(rgb)));
                    let on = view.selection.contains(&row.item);
                    let text = egui::RichText::new(&line);
                    let clicked = ui
                        .add(egui::Button::selectable(on, text).truncate())
                        .on_hover_text(&line)
                        .clicked();
                    if clicked {
                        view.selection = [row.item].into_iter().collect();
                        intents.push(Intent::Center(row.item));
                    }
                });
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_a_person_says_them() {
        let mut f = FieldChanges::new();
        f.insert("form".into(), (json!("Interaction"), json!("Coalition")));
        f.insert("trust_ab".into(), (Value::Null, json!(4)));
        f.insert("notes".into(), (json!("a".repeat(50)), json!("b")));
        f.insert("position".into(), (json!({"x": 1}), json!({"x": 2})));
        assert_eq!(
            fields_text(&f),
            "form Interaction → Coalition; trust_ab — → 4; notes changed"
        );
    }
}
