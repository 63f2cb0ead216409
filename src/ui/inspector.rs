//! The inspector: edits every field of the selected actor or partnership (design.md §3), or
//! the fields several selected actors or partnerships share.
//!
//! Text fields edit a buffer and commit when they lose focus (one undo step per field edit);
//! choices and scores commit at once, merged into one step while the same field changes.

use std::collections::BTreeSet;

use egui::{ComboBox, Id, Response, RichText, TextEdit, Ui};

use super::intent::{Edit, Intent, count};
use super::view::{Item, ViewState};
use crate::analysis::{ActorIndicators, Indicators, PartnershipIndicators};
use crate::edit::Command;
use crate::model::scales::{self, Scale};
use crate::model::{
    Accountability, Actor, ActorId, Choice, CustomValue, DISABLER_SUGGESTIONS, ENABLER_SUGGESTIONS,
    Form, Formality, Function, Initiator, Level, MAX_NAME_CHARS, MAX_TEXT_CHARS, PartialDate,
    Partnership, Project, RESOURCE_SUGGESTIONS, Risk, Sector, Stance, Status, parse_partial_date,
};
use crate::typology::{Framework, Placement};

/// A text field being edited: its buffer until it loses focus.
#[derive(Clone, Debug, PartialEq)]
struct FieldEdit {
    /// Which items and field ("a5.name").
    key: String,
    /// The text typed so far.
    buffer: String,
}

/// What the inspector remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct InspectorState {
    editing: Option<FieldEdit>,
    /// A text field committed this frame lost focus; the next one starts a new undo step.
    /// Whether the name field should take the keyboard on the next frame.
    pub focus_name: bool,
    /// Partnerships whose two trust directions are shown separately.
    split_trust: BTreeSet<u64>,
    /// A message about the last rejected value (a bad date, an empty name).
    pub message: Option<String>,
    /// New tag being typed, per tag field.
    new_tag: std::collections::HashMap<String, String>,
    /// New custom field name being typed.
    new_custom: String,
}

/// The result of a text field this frame.
enum TextOutcome {
    /// Nothing to commit.
    Nothing,
    /// Focus left the field with this text, which differs from the model.
    Commit(String),
}

impl InspectorState {
    /// A text field bound to `current`; returns the new text when the user leaves the field.
    fn text_field(
        &mut self,
        ui: &mut Ui,
        key: String,
        label: &str,
        current: &str,
        multiline: bool,
    ) -> TextOutcome {
        let editing = self.editing.as_ref().is_some_and(|e| e.key == key);
        let mut text = if editing {
            self.editing
                .as_ref()
                .map(|e| e.buffer.clone())
                .unwrap_or_default()
        } else {
            current.to_string()
        };
        let label_response = ui.label(label);
        let id = Id::unique(("inspector", &key));
        let edit = if multiline {
            TextEdit::multiline(&mut text).desired_rows(3)
        } else {
            TextEdit::singleline(&mut text)
        }
        .desired_width(f32::INFINITY)
        .id(id);
        let response = ui.add(edit).labelled_by(label_response.id);
        if response.has_focus() {
            self.editing = Some(FieldEdit {
                key: key.clone(),
                buffer: text.clone(),
            });
        }
        if response.lost_focus() {
            self.editing = None;
            if text != current {
                return TextOutcome::Commit(text);
            }
        }
        TextOutcome::Nothing
    }

    fn tag_input(&mut self, key: &str) -> &mut String {
        self.new_tag.entry(key.to_string()).or_default()
    }
}

/// Pushes an edit of one actor if `change` changes it.
fn edit_actor(
    intents: &mut Vec<Intent>,
    actor: &Actor,
    field: &str,
    change: impl FnOnce(&mut Actor),
) {
    let mut a = actor.clone();
    change(&mut a);
    if a != *actor {
        let label = format!("Set {field} of {}", actor.short_or_name());
        intents.push(Intent::Edit(
            Edit::new(label, Command::update_actors([a])).merging(format!("a{}.{field}", actor.id)),
        ));
    }
}

/// Pushes an edit of one partnership if `change` changes it.
fn edit_partnership(
    intents: &mut Vec<Intent>,
    p: &Partnership,
    field: &str,
    change: impl FnOnce(&mut Partnership),
) {
    let mut q = p.clone();
    change(&mut q);
    if q != *p {
        let label = format!("Set {field} of partnership {}", p.id);
        intents.push(Intent::Edit(
            Edit::new(label, Command::update_partnerships([q]))
                .merging(format!("p{}.{field}", p.id)),
        ));
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

/// A combo box over all values of `T` plus "unknown".
fn optional_choice_combo<T: Choice>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    current: Option<T>,
) -> Option<Option<T>> {
    let mut value = current;
    ComboBox::new(id, label)
        .selected_text(current.map_or("unknown", |v| v.label()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut value, None, "unknown")
                .on_hover_text("Not known: left out of every indicator that needs it.");
            for v in T::ALL {
                ui.selectable_value(&mut value, Some(*v), v.label())
                    .on_hover_text(v.meaning());
            }
        });
    (value != current).then_some(value)
}

/// A slider over a scale, showing the word for the value ("4 · high").
fn score_slider(ui: &mut Ui, label: &str, value: i32, scale: &Scale) -> Option<i32> {
    let mut v = value;
    let word = scale.step_label(v).unwrap_or("");
    let response = ui
        .add(
            egui::Slider::new(&mut v, scale.min..=scale.max)
                .text(format!("{label}: {word}"))
                .step_by(1.0),
        )
        .on_hover_text(scale.meaning);
    let _: &Response = &response;
    (v != value).then_some(v)
}

/// A score that may be unknown: a "known" box and, when known, a slider.
fn optional_score(
    ui: &mut Ui,
    label: &str,
    value: Option<i32>,
    scale: &Scale,
) -> Option<Option<i32>> {
    let mut result = None;
    ui.horizontal(|ui| {
        let mut known = value.is_some();
        if ui
            .checkbox(&mut known, "")
            .on_hover_text(format!("Whether {label} is known"))
            .changed()
        {
            let middle = (scale.min + scale.max) / 2;
            result = Some(known.then_some(middle));
        }
        match value {
            Some(v) => {
                if let Some(n) = score_slider(ui, label, v, scale) {
                    result = Some(Some(n));
                }
            }
            None => {
                ui.label(RichText::new(format!("{label}: unknown")).weak())
                    .on_hover_text(scale.meaning);
            }
        }
    });
    result
}

/// Chips for each tag with a remove button, a field to add one, and a menu of suggestions.
fn tags_ui(
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
fn sources_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: String,
    sources: &[String],
) -> Option<Vec<String>> {
    let joined = sources.join("\n");
    match st.text_field(ui, key, "Sources (one per line)", &joined, true) {
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
fn custom_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: &str,
    custom: &crate::model::CustomFields,
) -> Option<crate::model::CustomFields> {
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
                    if let TextOutcome::Commit(text) =
                        st.text_field(ui, format!("{key}.custom.{name}"), name, &current, false)
                    {
                        let mut c = custom.clone();
                        let v = match (value, text.trim().parse::<f64>()) {
                            (CustomValue::Number(_), Ok(n)) if n.is_finite() => {
                                CustomValue::Number(n)
                            }
                            _ => CustomValue::Text(text),
                        };
                        c.insert(name.clone(), v);
                        result = Some(c);
                    }
                });
            }
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
        });
    result
}

fn show_percent(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".to_string(), |v| format!("{:.0}%", v * 100.0))
}

fn indicator_row(ui: &mut Ui, key: &str, label: &str, value: String) {
    let tip = super::help::INDICATORS
        .iter()
        .find(|h| h.key == key)
        .map_or_else(String::new, |h| format!("{}\n\n{}", h.meaning, h.formula));
    ui.label(label).on_hover_text(&tip);
    ui.label(RichText::new(value).strong()).on_hover_text(tip);
    ui.end_row();
}

/// The selected actor's indicators and Mendelow quadrant.
fn actor_indicators_ui(ui: &mut Ui, a: &ActorIndicators) {
    egui::CollapsingHeader::new("Indicators")
        .id_salt("actor indicators")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("actor indicators grid")
                .num_columns(2)
                .show(ui, |ui| {
                    indicator_row(
                        ui,
                        "degree",
                        "Partners",
                        format!("{} ({} partnerships)", a.degree, a.partnerships),
                    );
                    indicator_row(
                        ui,
                        "cross_sector_degree",
                        "Partners of other sectors",
                        a.cross_sector_degree.to_string(),
                    );
                    indicator_row(
                        ui,
                        "betweenness",
                        "Betweenness",
                        a.betweenness
                            .map_or_else(|| "computing…".to_string(), |b| format!("{b:.3}")),
                    );
                    indicator_row(
                        ui,
                        "trust_received",
                        "Trust received",
                        format!(
                            "{} (from {})",
                            show_percent(a.trust_received),
                            count(a.trust_received_known, "score", "scores")
                        ),
                    );
                    indicator_row(
                        ui,
                        "trust_given",
                        "Trust given",
                        format!(
                            "{} (from {})",
                            show_percent(a.trust_given),
                            count(a.trust_given_known, "score", "scores")
                        ),
                    );
                    indicator_row(
                        ui,
                        "power_score",
                        "Power score",
                        a.power_score.map_or_else(
                            || "unknown".to_string(),
                            |p| {
                                format!(
                                    "{p:+.2} (from {})",
                                    count(a.power_known, "partnership", "partnerships")
                                )
                            },
                        ),
                    );
                    indicator_row(ui, "brokerage", "Brokerage", a.brokerage.to_string());
                    ui.label("Mendelow").on_hover_text(Framework::D.title());
                    ui.label(RichText::new(a.mendelow.quadrant).strong());
                    ui.end_row();
                });
        });
    ui.separator();
}

/// The selected partnership's measures and its quadrant in frameworks A–C.
fn partnership_indicators_ui(ui: &mut Ui, p: &PartnershipIndicators) {
    egui::CollapsingHeader::new("Indicators and quadrants")
        .id_salt("partnership indicators")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("partnership indicators grid")
                .num_columns(2)
                .show(ui, |ui| {
                    indicator_row(ui, "mean_trust", "Trust", show_percent(p.trust));
                    indicator_row(ui, "mean_trust_gap", "Trust gap", show_percent(p.trust_gap));
                    indicator_row(
                        ui,
                        "mean_power_asymmetry",
                        "Power asymmetry",
                        show_percent(p.power_asymmetry),
                    );
                    ui.label("Contribution equity");
                    ui.label(RichText::new(show_percent(p.contribution_equity)).strong());
                    ui.end_row();
                    ui.label("Mutuality (B)");
                    ui.label(RichText::new(show_percent(p.mutuality)).strong());
                    ui.end_row();
                    ui.label("Identity (B)");
                    ui.label(RichText::new(show_percent(p.identity)).strong());
                    ui.end_row();
                    for f in [Framework::A, Framework::B, Framework::C] {
                        ui.label(f.title());
                        match p.quadrants.get(f) {
                            Some(Placement::Placed(at)) => {
                                ui.label(RichText::new(at.quadrant).strong());
                            }
                            Some(Placement::Unplaced(why)) => {
                                ui.label(RichText::new(format!("not placed: {why}")).weak());
                            }
                            None => {
                                ui.label("");
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    ui.separator();
}

/// Draws the inspector for the current selection.
pub fn inspector_ui(
    ui: &mut Ui,
    project: &Project,
    view: &ViewState,
    indicators: Option<&Indicators>,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let actors: Vec<&Actor> = view
        .selection
        .iter()
        .filter_map(|i| match i {
            Item::Actor(id) => project.actor(*id),
            Item::Partnership(_) => None,
        })
        .collect();
    let partnerships: Vec<&Partnership> = view
        .selection
        .iter()
        .filter_map(|i| match i {
            Item::Partnership(id) => project.partnership(*id),
            Item::Actor(_) => None,
        })
        .collect();
    if let Some(m) = st.message.clone() {
        ui.colored_label(ui.visuals().warn_fg_color, m);
        if ui.small_button("OK").clicked() {
            st.message = None;
        }
        ui.separator();
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            match (actors.as_slice(), partnerships.as_slice()) {
                ([], []) => {
                    ui.heading("Map");
                    map_ui(ui, project, st, intents);
                }
                ([a], []) => {
                    if let Some(ind) = indicators.and_then(|i| i.actors.get(&a.id)) {
                        actor_indicators_ui(ui, ind);
                    }
                    actor_ui(ui, project, a, st, intents);
                }
                ([], [p]) => {
                    if let Some(ind) = indicators.and_then(|i| i.partnerships.get(&p.id)) {
                        partnership_indicators_ui(ui, ind);
                    }
                    partnership_ui(ui, project, p, st, intents);
                }
                (list, []) => several_actors_ui(ui, list, intents),
                ([], list) => several_partnerships_ui(ui, list, intents),
                (a, p) => {
                    ui.heading(format!(
                        "{} and {} selected",
                        count(a.len(), "actor", "actors"),
                        count(p.len(), "partnership", "partnerships")
                    ));
                    ui.label(
                        "Select only actors or only partnerships to edit their shared fields.",
                    );
                }
            }
        });
}

fn map_ui(ui: &mut Ui, project: &Project, st: &mut InspectorState, intents: &mut Vec<Intent>) {
    let meta = &project.meta;
    let fields: [(&str, &str, &String, bool); 3] = [
        ("title", "Title", &meta.title, false),
        ("author", "Author", &meta.author, false),
        ("description", "Description", &meta.description, true),
    ];
    for (field, label, value, multi) in fields {
        if let TextOutcome::Commit(text) =
            st.text_field(ui, format!("meta.{field}"), label, value, multi)
        {
            let mut m = meta.clone();
            match field {
                "title" => m.title = text,
                "author" => m.author = text,
                _ => m.description = text,
            }
            intents.push(Intent::Edit(Edit::new(
                format!("Set map {field}"),
                Command::set_meta(m),
            )));
        }
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Double-click the canvas to add an actor; drag from an actor's rim to another to \
             connect them. Select an actor or partnership to edit it here.",
        )
        .weak(),
    );
}

fn actor_ui(
    ui: &mut Ui,
    project: &Project,
    a: &Actor,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let key = format!("a{}", a.id);
    ui.heading(RichText::new(&a.name).strong());
    ui.label(
        RichText::new(format!(
            "Actor {} · {} · {}",
            a.id,
            a.sector.label(),
            a.level.label()
        ))
        .weak(),
    );
    ui.add_space(4.0);

    // Name: required, at most 200 characters.
    let name_id = Id::unique(("inspector", format!("{key}.name")));
    if st.focus_name {
        ui.memory_mut(|m| m.request_focus(name_id));
        st.focus_name = false;
    }
    if let TextOutcome::Commit(name) =
        st.text_field(ui, format!("{key}.name"), "Name", &a.name, false)
    {
        let name = name.trim().to_string();
        if name.is_empty() {
            st.message = Some("An actor needs a name; the old name was kept.".into());
        } else if name.chars().count() > MAX_NAME_CHARS {
            st.message = Some(format!(
                "A name can have at most {MAX_NAME_CHARS} characters."
            ));
        } else {
            edit_actor(intents, a, "name", |x| x.name = name);
        }
    }
    if let TextOutcome::Commit(short) = st.text_field(
        ui,
        format!("{key}.short"),
        "Short name (shown when zoomed out)",
        a.short.as_deref().unwrap_or(""),
        false,
    ) {
        let short = short.trim().to_string();
        edit_actor(intents, a, "short name", |x| {
            x.short = (!short.is_empty()).then_some(short)
        });
    }
    if let Some(s) = choice_combo(ui, &format!("{key}.sector"), "Sector", a.sector) {
        edit_actor(intents, a, "sector", |x| x.sector = s);
    }
    if let Some(l) = choice_combo(ui, &format!("{key}.level"), "Level", a.level) {
        edit_actor(intents, a, "level", |x| x.level = l);
    }
    ui.horizontal(|ui| {
        if let TextOutcome::Commit(kind) =
            st.text_field(ui, format!("{key}.kind"), "Kind", &a.kind, false)
        {
            edit_actor(intents, a, "kind", |x| x.kind = kind.trim().to_string());
        }
    });
    ui.menu_button("Kinds for this sector", |ui| {
        for k in a.sector.kind_suggestions() {
            if ui.button(*k).clicked() {
                edit_actor(intents, a, "kind", |x| x.kind = (*k).to_string());
                ui.close();
            }
        }
    });
    ui.separator();
    if let Some(v) = score_slider(ui, "Influence", a.influence.into(), &scales::INFLUENCE) {
        edit_actor(intents, a, "influence", |x| x.influence = v as u8);
    }
    if let Some(v) = score_slider(ui, "Interest", a.interest.into(), &scales::INTEREST) {
        edit_actor(intents, a, "interest", |x| x.interest = v as u8);
    }
    if let Some(v) = optional_score(ui, "Capacity", a.capacity.map(i32::from), &scales::CAPACITY) {
        edit_actor(intents, a, "capacity", |x| x.capacity = v.map(|v| v as u8));
    }
    if let Some(v) =
        optional_choice_combo::<Stance>(ui, &format!("{key}.stance"), "Stance", a.stance)
    {
        edit_actor(intents, a, "stance", |x| x.stance = v);
    }
    ui.separator();
    if let Some(t) = tags_ui(
        ui,
        st,
        &format!("{key}.resources"),
        "Resources",
        &a.resources,
        RESOURCE_SUGGESTIONS,
    ) {
        edit_actor(intents, a, "resources", |x| x.resources = t);
    }
    if let Some(t) = tags_ui(ui, st, &format!("{key}.tags"), "Tags", &a.tags, &[]) {
        edit_actor(intents, a, "tags", |x| x.tags = t);
    }
    if let TextOutcome::Commit(notes) =
        st.text_field(ui, format!("{key}.notes"), "Notes", &a.notes, true)
    {
        if notes.chars().count() > MAX_TEXT_CHARS {
            st.message = Some(format!(
                "Notes can have at most {MAX_TEXT_CHARS} characters."
            ));
        } else {
            edit_actor(intents, a, "notes", |x| x.notes = notes);
        }
    }
    if let Some(s) = sources_ui(ui, st, format!("{key}.sources"), &a.sources) {
        edit_actor(intents, a, "sources", |x| x.sources = s);
    }
    if let Some(c) = custom_ui(ui, st, &key, &a.custom) {
        edit_actor(intents, a, "extra fields", |x| x.custom = c);
    }
    ui.separator();
    let partners: Vec<&Partnership> = project
        .partnerships
        .values()
        .filter(|p| p.a == a.id || p.b == a.id)
        .collect();
    ui.label(RichText::new(count(partners.len(), "partnership", "partnerships")).weak());
    ui.horizontal(|ui| {
        let label = ui.label("Position");
        let (mut x, mut y) = (a.position.x, a.position.y);
        let rx = ui
            .add(egui::DragValue::new(&mut x).prefix("x ").speed(1.0))
            .labelled_by(label.id);
        let ry = ui
            .add(egui::DragValue::new(&mut y).prefix("y ").speed(1.0))
            .labelled_by(label.id);
        if (rx.changed() || ry.changed()) && x.is_finite() && y.is_finite() {
            edit_actor(intents, a, "position", |q| {
                q.position = crate::model::Position::new(x, y);
            });
        }
    });
    let mut pinned = a.pinned;
    if ui
        .checkbox(&mut pinned, "Pinned")
        .on_hover_text("Automatic layouts leave a pinned actor where it is")
        .changed()
    {
        edit_actor(intents, a, "pinned", |q| q.pinned = pinned);
    }
}

fn trust_ui(
    ui: &mut Ui,
    st: &mut InspectorState,
    p: &Partnership,
    project: &Project,
    intents: &mut Vec<Intent>,
) {
    let name = |id: ActorId| {
        project
            .actor(id)
            .map_or_else(|| id.to_string(), |a| a.short_or_name().to_string())
    };
    let split = st.split_trust.contains(&p.id.0) || p.trust_ab != p.trust_ba;
    let mut show_split = split;
    if ui
        .checkbox(&mut show_split, "Seen differently by each side")
        .on_hover_text("Record how much each side trusts the other separately.")
        .changed()
    {
        if show_split {
            st.split_trust.insert(p.id.0);
        } else {
            st.split_trust.remove(&p.id.0);
            // One value for both directions: the first side's, or the second's if only it is known.
            let both = p.trust_ab.or(p.trust_ba);
            edit_partnership(intents, p, "trust", |q| {
                q.trust_ab = both;
                q.trust_ba = both;
            });
        }
    }
    if show_split {
        let ab = format!("Trust of {} in {}", name(p.a), name(p.b));
        if let Some(v) = optional_score(ui, &ab, p.trust_ab.map(i32::from), &scales::TRUST) {
            edit_partnership(intents, p, "trust", |q| q.trust_ab = v.map(|v| v as u8));
        }
        let ba = format!("Trust of {} in {}", name(p.b), name(p.a));
        if let Some(v) = optional_score(ui, &ba, p.trust_ba.map(i32::from), &scales::TRUST) {
            edit_partnership(intents, p, "trust", |q| q.trust_ba = v.map(|v| v as u8));
        }
    } else if let Some(v) = optional_score(ui, "Trust", p.trust_ab.map(i32::from), &scales::TRUST) {
        edit_partnership(intents, p, "trust", |q| {
            q.trust_ab = v.map(|v| v as u8);
            q.trust_ba = v.map(|v| v as u8);
        });
    }
}

fn date_field(
    ui: &mut Ui,
    st: &mut InspectorState,
    key: String,
    label: &str,
    current: &Option<PartialDate>,
) -> Option<Option<PartialDate>> {
    let shown = current.as_ref().map_or("", |d| d.0.as_str());
    match st.text_field(ui, key, label, shown, false) {
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

fn partnership_ui(
    ui: &mut Ui,
    project: &Project,
    p: &Partnership,
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
) {
    let key = format!("p{}", p.id);
    let name = |id: ActorId| {
        project
            .actor(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    ui.heading(RichText::new(format!("{} — {}", name(p.a), name(p.b))).strong());
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Partnership {}", p.id)).weak());
        if ui
            .small_button("Swap ends")
            .on_hover_text(
                "Make the second actor the first: directed scores, power and initiator follow",
            )
            .clicked()
        {
            let swapped = p.swapped();
            intents.push(Intent::Edit(Edit::new(
                format!("Swap the ends of partnership {}", p.id),
                Command::update_partnerships([swapped]),
            )));
        }
    });
    if let TextOutcome::Commit(label) = st.text_field(
        ui,
        format!("{key}.label"),
        "Label",
        p.label.as_deref().unwrap_or(""),
        false,
    ) {
        let label = label.trim().to_string();
        edit_partnership(intents, p, "label", |q| {
            q.label = (!label.is_empty()).then_some(label)
        });
    }
    ui.label("Functions");
    ui.horizontal_wrapped(|ui| {
        for f in Function::ALL {
            let mut on = p.functions.contains(f);
            if ui
                .checkbox(&mut on, f.label())
                .on_hover_text(f.meaning())
                .changed()
            {
                edit_partnership(intents, p, "functions", |q| {
                    if on {
                        q.functions.insert(*f);
                    } else {
                        q.functions.remove(f);
                    }
                });
            }
        }
    });
    ui.separator();
    if let Some(f) = choice_combo::<Form>(ui, &format!("{key}.form"), "Form", p.form) {
        edit_partnership(intents, p, "form", |q| q.form = f);
    }
    let suggested = p.practices.suggested_form();
    if suggested != p.form {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("The practices suggest {}.", suggested.label())).weak())
                .on_hover_text(suggested.meaning());
            if ui.small_button("Use it").clicked() {
                edit_partnership(intents, p, "form", |q| q.form = suggested);
            }
        });
    }
    if let Some(f) =
        choice_combo::<Formality>(ui, &format!("{key}.formality"), "Formality", p.formality)
    {
        edit_partnership(intents, p, "formality", |q| q.formality = f);
    }
    ui.label("Practices");
    let practices: [(&str, &str, bool); 6] = [
        (
            "info_sharing",
            "Share information",
            p.practices.info_sharing,
        ),
        (
            "aligned_activities",
            "Align activities",
            p.practices.aligned_activities,
        ),
        ("joint_goals", "Set goals together", p.practices.joint_goals),
        (
            "shared_resources",
            "Share resources",
            p.practices.shared_resources,
        ),
        (
            "jointly_managed_resources",
            "Manage resources jointly",
            p.practices.jointly_managed_resources,
        ),
        (
            "mutual_decisions",
            "Decide together",
            p.practices.mutual_decisions,
        ),
    ];
    for (field, label, value) in practices {
        let mut on = value;
        if ui.checkbox(&mut on, label).changed() {
            edit_partnership(intents, p, "practices", |q| {
                let pr = &mut q.practices;
                match field {
                    "info_sharing" => pr.info_sharing = on,
                    "aligned_activities" => pr.aligned_activities = on,
                    "joint_goals" => pr.joint_goals = on,
                    "shared_resources" => pr.shared_resources = on,
                    "jointly_managed_resources" => pr.jointly_managed_resources = on,
                    _ => pr.mutual_decisions = on,
                }
            });
        }
    }
    ui.separator();
    trust_ui(ui, st, p, project, intents);
    if let Some(v) = optional_score(ui, "Power", p.power.map(i32::from), &scales::POWER) {
        edit_partnership(intents, p, "power", |q| q.power = v.map(|v| v as i8));
    }
    let short = |id: ActorId| {
        project
            .actor(id)
            .map_or_else(|| id.to_string(), |a| a.short_or_name().to_string())
    };
    let pairs = [
        (
            "contribution_a",
            format!("Contribution of {}", short(p.a)),
            p.contribution_a,
            &scales::CONTRIBUTION,
        ),
        (
            "contribution_b",
            format!("Contribution of {}", short(p.b)),
            p.contribution_b,
            &scales::CONTRIBUTION,
        ),
        (
            "identity_a",
            format!("Identity kept by {}", short(p.a)),
            p.identity_a,
            &scales::IDENTITY,
        ),
        (
            "identity_b",
            format!("Identity kept by {}", short(p.b)),
            p.identity_b,
            &scales::IDENTITY,
        ),
    ];
    for (field, label, value, scale) in pairs {
        if let Some(v) = optional_score(ui, &label, value.map(i32::from), scale) {
            edit_partnership(intents, p, field, |q| {
                let v = v.map(|v| v as u8);
                match field {
                    "contribution_a" => q.contribution_a = v,
                    "contribution_b" => q.contribution_b = v,
                    "identity_a" => q.identity_a = v,
                    _ => q.identity_b = v,
                }
            });
        }
    }
    if let Some(v) = optional_choice_combo::<Accountability>(
        ui,
        &format!("{key}.acc"),
        "Accountability",
        p.accountability,
    ) {
        edit_partnership(intents, p, "accountability", |q| q.accountability = v);
    }
    if let Some(v) = optional_choice_combo::<Risk>(ui, &format!("{key}.risk"), "Risk", p.risk) {
        edit_partnership(intents, p, "risk", |q| q.risk = v);
    }
    if let Some(v) =
        optional_choice_combo::<Initiator>(ui, &format!("{key}.init"), "Initiator", p.initiator)
    {
        edit_partnership(intents, p, "initiator", |q| q.initiator = v);
    }
    if let Some(v) = choice_combo::<Status>(ui, &format!("{key}.status"), "Status", p.status) {
        edit_partnership(intents, p, "status", |q| q.status = v);
    }
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(120.0);
            if let Some(d) = date_field(ui, st, format!("{key}.start"), "Start", &p.start) {
                check_dates(st, intents, p, d, p.end.clone());
            }
        });
        ui.vertical(|ui| {
            ui.set_width(120.0);
            if let Some(d) = date_field(ui, st, format!("{key}.end"), "End", &p.end) {
                check_dates(st, intents, p, p.start.clone(), d);
            }
        });
    });
    ui.separator();
    if let Some(t) = tags_ui(
        ui,
        st,
        &format!("{key}.enablers"),
        "Enablers",
        &p.enablers,
        ENABLER_SUGGESTIONS,
    ) {
        edit_partnership(intents, p, "enablers", |q| q.enablers = t);
    }
    if let Some(t) = tags_ui(
        ui,
        st,
        &format!("{key}.disablers"),
        "Disablers",
        &p.disablers,
        DISABLER_SUGGESTIONS,
    ) {
        edit_partnership(intents, p, "disablers", |q| q.disablers = t);
    }
    if let TextOutcome::Commit(notes) =
        st.text_field(ui, format!("{key}.notes"), "Notes", &p.notes, true)
    {
        if notes.chars().count() > MAX_TEXT_CHARS {
            st.message = Some(format!(
                "Notes can have at most {MAX_TEXT_CHARS} characters."
            ));
        } else {
            edit_partnership(intents, p, "notes", |q| q.notes = notes);
        }
    }
    if let Some(s) = sources_ui(ui, st, format!("{key}.sources"), &p.sources) {
        edit_partnership(intents, p, "sources", |q| q.sources = s);
    }
    if let Some(c) = custom_ui(ui, st, &key, &p.custom) {
        edit_partnership(intents, p, "extra fields", |q| q.custom = c);
    }
}

/// Commits new dates unless the end would fall before the start.
fn check_dates(
    st: &mut InspectorState,
    intents: &mut Vec<Intent>,
    p: &Partnership,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) {
    if let (Some(s), Some(e)) = (&start, &end)
        && let (Ok(s), Ok(e)) = (s.parse(), e.parse())
        && e.latest() < s.earliest()
    {
        st.message = Some("The end cannot be before the start; the old value was kept.".into());
        return;
    }
    edit_partnership(intents, p, "dates", |q| {
        q.start = start;
        q.end = end;
    });
}

/// The value all items share, or `None` when they differ.
fn shared<T: PartialEq + Copy, I>(items: &[&I], get: impl Fn(&I) -> T) -> Option<T> {
    let first = get(items.first()?);
    items.iter().all(|i| get(i) == first).then_some(first)
}

/// A combo that shows "mixed" when the items differ; returns the value chosen for all.
fn shared_combo<T: Choice>(ui: &mut Ui, id: &str, label: &str, current: Option<T>) -> Option<T> {
    let mut chosen = None;
    ComboBox::new(id, label)
        .selected_text(current.map_or("mixed", |v| v.label()))
        .show_ui(ui, |ui| {
            for v in T::ALL {
                if ui
                    .selectable_label(current == Some(*v), v.label())
                    .on_hover_text(v.meaning())
                    .clicked()
                {
                    chosen = Some(*v);
                }
            }
        });
    chosen.filter(|v| Some(*v) != current)
}

fn several_actors_ui(ui: &mut Ui, actors: &[&Actor], intents: &mut Vec<Intent>) {
    let n = actors.len();
    ui.heading(format!("{n} actors"));
    ui.label(RichText::new("Changes here apply to all of them.").weak());
    let mut apply = |field: &str, change: &dyn Fn(&mut Actor)| {
        let changed: Vec<Actor> = actors
            .iter()
            .map(|a| {
                let mut x = (*a).clone();
                change(&mut x);
                x
            })
            .collect();
        let label = format!("Set {field} of {}", count(n, "actor", "actors"));
        intents.push(Intent::Edit(Edit::new(
            label,
            Command::update_actors(changed),
        )));
    };
    if let Some(s) =
        shared_combo::<Sector>(ui, "multi.sector", "Sector", shared(actors, |a| a.sector))
    {
        apply("sector", &|a| a.sector = s);
    }
    if let Some(l) = shared_combo::<Level>(ui, "multi.level", "Level", shared(actors, |a| a.level))
    {
        apply("level", &|a| a.level = l);
    }
    for (field, scale, get) in [
        (
            "influence",
            &scales::INFLUENCE,
            (|a: &Actor| a.influence) as fn(&Actor) -> u8,
        ),
        ("interest", &scales::INTEREST, |a: &Actor| a.interest),
    ] {
        let current = shared(actors, get);
        let mut v = i32::from(current.unwrap_or(3));
        let text = match current {
            Some(_) => format!("{} (all)", capitalise(field)),
            None => format!("{} (mixed)", capitalise(field)),
        };
        if ui
            .add(egui::Slider::new(&mut v, scale.min..=scale.max).text(text))
            .changed()
        {
            let v = v as u8;
            if field == "influence" {
                apply(field, &|a| a.influence = v);
            } else {
                apply(field, &|a| a.interest = v);
            }
        }
    }
    if let Some(st) = shared_combo::<Stance>(
        ui,
        "multi.stance",
        "Stance",
        shared(actors, |a| a.stance).flatten(),
    ) {
        apply("stance", &|a| a.stance = Some(st));
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn several_partnerships_ui(ui: &mut Ui, list: &[&Partnership], intents: &mut Vec<Intent>) {
    let n = list.len();
    ui.heading(format!("{n} partnerships"));
    ui.label(RichText::new("Changes here apply to all of them.").weak());
    let mut apply = |field: &str, change: &dyn Fn(&mut Partnership)| {
        let changed: Vec<Partnership> = list
            .iter()
            .map(|p| {
                let mut q = (*p).clone();
                change(&mut q);
                q
            })
            .collect();
        let label = format!("Set {field} of {}", count(n, "partnership", "partnerships"));
        intents.push(Intent::Edit(Edit::new(
            label,
            Command::update_partnerships(changed),
        )));
    };
    if let Some(f) = shared_combo::<Form>(ui, "multi.form", "Form", shared(list, |p| p.form)) {
        apply("form", &|p| p.form = f);
    }
    if let Some(f) = shared_combo::<Formality>(
        ui,
        "multi.formality",
        "Formality",
        shared(list, |p| p.formality),
    ) {
        apply("formality", &|p| p.formality = f);
    }
    if let Some(s) =
        shared_combo::<Status>(ui, "multi.status", "Status", shared(list, |p| p.status))
    {
        apply("status", &|p| p.status = s);
    }
    if let Some(a) = shared_combo::<Accountability>(
        ui,
        "multi.acc",
        "Accountability",
        shared(list, |p| p.accountability).flatten(),
    ) {
        apply("accountability", &|p| p.accountability = Some(a));
    }
}
