//! The inspector's widgets: text fields that commit when they lose focus, choices, scores
//! with a "known" box, dates, and the editors of tag sets, sources and extra fields.
//!
//! Each returns the new value when the user changes it, and `None` otherwise; the caller
//! turns that value into an edit of the document.

use std::collections::BTreeSet;

use egui::{ComboBox, Id, RichText, TextEdit, Ui};

use super::{FieldEdit, InspectorState};
use crate::model::scales::Scale;
use crate::model::{
    Choice, CustomFields, CustomValue, MAX_TEXT_CHARS, PartialDate, parse_partial_date,
};

/// The result of a text field this frame.
pub(super) enum TextOutcome {
    /// Nothing to commit.
    Nothing,
    /// Focus left the field with this text, which differs from the model.
    Commit(String),
}

/// The id of the text field with `key`, so that a caller can give it the keyboard.
pub(super) fn text_field_id(key: &str) -> Id {
    Id::unique(("inspector", key))
}

/// A labelled text field bound to `current`, whose typing lives in `st` until the field loses
/// focus; then it returns the new text, so that one field edit is one undo step.
pub(super) fn text_field_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: String,
    label: &str,
    current: &str,
    multiline: bool,
) -> TextOutcome {
    let editing = st.editing.as_ref().is_some_and(|e| e.key == key);
    let mut text = if editing {
        st.editing
            .as_ref()
            .map(|e| e.buffer.clone())
            .unwrap_or_default()
    } else {
        current.to_string()
    };
    let label_response = ui.label(label);
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        TextEdit::singleline(&mut text)
    }
    .desired_width(f32::INFINITY)
    .id(text_field_id(&key));
    let response = ui.add(edit).labelled_by(label_response.id);
    if response.has_focus() {
        st.editing = Some(FieldEdit {
            key: key.clone(),
            buffer: text.clone(),
        });
    }
    if response.lost_focus() {
        st.editing = None;
        // Control characters pasted with a text never reach the map (model::text).
        let text = crate::model::text::clean(&text).into_owned();
        if text != current {
            return TextOutcome::Commit(text);
        }
    }
    TextOutcome::Nothing
}

/// The "Notes" field; a text longer than the model allows is refused with a message.
pub(super) fn notes_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: String,
    current: &str,
) -> Option<String> {
    let TextOutcome::Commit(notes) = text_field_ui(ui, st, key, "Notes", current, true) else {
        return None;
    };
    if notes.chars().count() > MAX_TEXT_CHARS {
        st.message = Some(format!(
            "Notes can have at most {MAX_TEXT_CHARS} characters."
        ));
        None
    } else {
        Some(notes)
    }
}

/// A combo box over all values of `T`, each with its meaning on hover.
pub fn choice_combo<T: Choice>(ui: &mut Ui, id: &str, label: &str, current: T) -> Option<T> {
    let mut value = current;
    ComboBox::new(id, label)
        .selected_text(current.label())
        .show_ui(ui, |ui| {
            for v in T::ALL {
                ui.selectable_value(&mut value, *v, v.label())
                    .on_hover_text(v.meaning());
            }
        })
        .response
        .on_hover_text(current.meaning());
    (value != current).then_some(value)
}

/// A combo box over all values of `T` plus "not set".
pub(super) fn optional_choice_combo_ui<T: Choice>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    current: Option<T>,
) -> Option<Option<T>> {
    let mut value = current;
    ComboBox::new(id, label)
        .selected_text(current.map_or("not set", |v| v.label()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut value, None, "not set")
                .on_hover_text("Nobody has said: left out of every indicator that needs it.");
            for v in T::ALL {
                ui.selectable_value(&mut value, Some(*v), v.label())
                    .on_hover_text(v.meaning());
            }
        });
    (value != current).then_some(value)
}

/// A score that may be not set: "–" (not set) and one button per step of the scale, each a
/// click away, with the step's word on hover and beside the row. Returns the new value
/// when one was clicked.
pub(super) fn optional_score_ui(
    ui: &mut Ui,
    label: &str,
    value: Option<i32>,
    scale: &Scale,
) -> Option<Option<i32>> {
    score_buttons_ui(ui, label, value, false, scale)
}

/// [`optional_score_ui`] for one item or several: with `mixed`, the items differ (no button
/// is highlighted) and any click, "–" included, sets them all.
pub(super) fn score_buttons_ui(
    ui: &mut Ui,
    label: &str,
    value: Option<i32>,
    mixed: bool,
    scale: &Scale,
) -> Option<Option<i32>> {
    let mut result = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        ui.label(format!("{label}:")).on_hover_text(scale.meaning);
        let none = ui
            .selectable_label(!mixed && value.is_none(), "–")
            .on_hover_text(format!(
                "{label} not set: left out of every indicator that needs it"
            ));
        if none.clicked() && (mixed || value.is_some()) {
            result = Some(None);
        }
        for v in scale.min..=scale.max {
            let text = if v > 0 && scale.min < 0 {
                format!("+{v}")
            } else {
                v.to_string()
            };
            let word = scale.step_label(v).unwrap_or("");
            let button = ui
                .selectable_label(value == Some(v), text)
                .on_hover_text(format!("{label} {v}: {word}"));
            if button.clicked() && (mixed || value != Some(v)) {
                result = Some(Some(v));
            }
        }
        let word = match value {
            _ if mixed => "mixed",
            None => "not set",
            Some(v) => scale.step_label(v).unwrap_or(""),
        };
        ui.label(RichText::new(word).weak());
    });
    result
}

/// A partial date ("2019", "2019-05"); an empty field clears it, and a text that is not a
/// date is refused with a message.
pub(super) fn date_field_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: String,
    label: &str,
    current: &Option<PartialDate>,
) -> Option<Option<PartialDate>> {
    let shown = current.as_ref().map_or("", |d| d.0.as_str());
    match text_field_ui(ui, st, key, label, shown, false) {
        TextOutcome::Commit(text) => {
            let text = text.trim().to_string();
            if text.is_empty() {
                return Some(None);
            }
            match parse_partial_date(&text) {
                Ok(_) => Some(Some(PartialDate(text))),
                Err(reason) => {
                    st.message = Some(format!(
                        "“{text}” is not a date: {reason}. The old value was kept."
                    ));
                    None
                }
            }
        }
        TextOutcome::Nothing => None,
    }
}

/// Chips for each tag with a remove button, a field to add one, and a menu of suggestions.
pub(super) fn tags_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: &str,
    label: &str,
    tags: &BTreeSet<String>,
    suggestions: &[&str],
) -> Option<BTreeSet<String>> {
    let mut result: Option<BTreeSet<String>> = None;
    ui.label(label);
    ui.horizontal_wrapped(|ui| {
        for tag in tags {
            if ui
                .small_button(format!("{tag}  ✕"))
                .on_hover_text(format!("Remove “{tag}”"))
                .clicked()
            {
                let mut t = tags.clone();
                t.remove(tag);
                result = Some(t);
            }
        }
    });
    ui.horizontal(|ui| {
        let input = st.tag_input(key);
        let field = ui.add(
            TextEdit::singleline(input)
                .hint_text("add…")
                .desired_width(140.0)
                .id(Id::unique(("tag", key))),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Add to {label}"))
        });
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let new = input.trim().to_string();
            input.clear();
            if !new.is_empty() && new.chars().count() <= MAX_TEXT_CHARS {
                let mut t = tags.clone();
                t.insert(new);
                result = Some(t);
            }
        }
        if !suggestions.is_empty() {
            ui.menu_button("Suggestions", |ui| {
                for s in suggestions {
                    if !tags.contains(*s) && ui.button(*s).clicked() {
                        let mut t = tags.clone();
                        t.insert((*s).to_string());
                        result = Some(t);
                        ui.close();
                    }
                }
            });
        }
    });
    result
}

/// Sources, one per line.
pub(super) fn sources_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: String,
    sources: &[String],
) -> Option<Vec<String>> {
    let joined = sources.join("\n");
    match text_field_ui(ui, st, key, "Sources (one per line)", &joined, true) {
        TextOutcome::Commit(text) => Some(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        TextOutcome::Nothing => None,
    }
}

/// The extra fields: values editable, fields removable, new fields addable.
pub(super) fn custom_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: &str,
    custom: &CustomFields,
) -> Option<CustomFields> {
    let mut result = None;
    egui::CollapsingHeader::new(format!("Extra fields ({})", custom.len()))
        .id_salt(("custom", key))
        .show(ui, |ui| {
            for (name, value) in custom {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("✕")
                        .on_hover_text(format!("Remove “{name}”"))
                        .clicked()
                    {
                        let mut c = custom.clone();
                        c.shift_remove(name);
                        result = Some(c);
                    }
                    let current = value.to_string();
                    if let TextOutcome::Commit(text) = text_field_ui(
                        ui,
                        st,
                        format!("{key}.custom.{name}"),
                        name,
                        &current,
                        false,
                    ) {
                        let mut c = custom.clone();
                        c.insert(name.clone(), custom_value(value, text));
                        result = Some(c);
                    }
                });
            }
            if let Some(c) = new_custom_field_ui(ui, st, key, custom) {
                result = Some(c);
            }
        });
    result
}

/// The value typed into an extra field: a number stays a number while the text reads as one.
fn custom_value(old: &CustomValue, text: String) -> CustomValue {
    match (old, text.trim().parse::<f64>()) {
        (CustomValue::Number(_), Ok(n)) if n.is_finite() => CustomValue::Number(n),
        _ => CustomValue::Text(text),
    }
}

/// The row that adds an extra field: a name and an "Add" button.
fn new_custom_field_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: &str,
    custom: &CustomFields,
) -> Option<CustomFields> {
    let mut result = None;
    ui.horizontal(|ui| {
        let field = ui.add(
            TextEdit::singleline(&mut st.new_custom)
                .hint_text("new field name")
                .desired_width(140.0)
                .id(Id::unique(("new custom", key))),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New extra field name")
        });
        let name = st.new_custom.trim().to_string();
        if ui.button("Add").clicked() && !name.is_empty() && !custom.contains_key(&name) {
            let mut c = custom.clone();
            c.insert(name, CustomValue::Text(String::new()));
            st.new_custom.clear();
            result = Some(c);
        }
    });
    result
}
