//! The quick-entry bar: typing `Name` and Enter adds an actor; `First – Second` (or
//! `First -> Second`) and Enter connects two existing actors found by name, tolerant of case
//! and small typos, asking when more than one actor fits.

use egui::{Key, Pos2, Ui};

use super::canvas::{add_actor_edit, connect_edit};
use super::intent::Intent;
use crate::model::{Actor, ActorId, Position, Project};

/// What a line of quick entry asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Add an actor with this name.
    Actor(String),
    /// Connect the actors these names find.
    Link(String, String),
}

/// The separators between two names: en dash, em dash, arrows, or a hyphen with spaces.
const SEPARATORS: &[&str] = &[" – ", " — ", "->", "→", " - ", "–", "—"];

/// Reads a line of quick entry; `None` for a blank line or a link with a blank side.
pub fn parse(line: &str) -> Option<Entry> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    for sep in SEPARATORS {
        if let Some((a, b)) = line.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            return (!a.is_empty() && !b.is_empty()).then(|| Entry::Link(a.into(), b.into()));
        }
    }
    Some(Entry::Actor(line.to_string()))
}

/// How a name matches the actors of the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Exactly one actor fits.
    One(ActorId),
    /// Several fit equally well: ask which.
    Several(Vec<ActorId>),
    /// None fits.
    None,
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Finds the actor a typed name means: an exact match of the name or short name ignoring
/// case wins; else the closest names within a small number of typos (about one per five
/// letters); else names that start with or contain what was typed (four letters or more).
pub fn find_actor(project: &Project, query: &str) -> Found {
    let q = normalise(query);
    if q.is_empty() {
        return Found::None;
    }
    let names = |a: &crate::model::Actor| {
        let mut v = vec![normalise(&a.name)];
        if let Some(s) = &a.short {
            v.push(normalise(s));
        }
        v
    };
    let exact: Vec<ActorId> = project
        .actors
        .values()
        .filter(|a| names(a).contains(&q))
        .map(|a| a.id)
        .collect();
    if !exact.is_empty() {
        return to_found(exact);
    }
    let allowed = (q.chars().count() / 5).max(1);
    let mut best = usize::MAX;
    let mut close = Vec::new();
    for a in project.actors.values() {
        let d = names(a)
            .iter()
            .map(|n| strsim::levenshtein(n, &q))
            .min()
            .unwrap_or(usize::MAX);
        if d <= allowed {
            if d < best {
                best = d;
                close.clear();
            }
            if d == best {
                close.push(a.id);
            }
        }
    }
    if !close.is_empty() {
        return to_found(close);
    }
    if q.chars().count() >= 4 {
        let containing: Vec<ActorId> = project
            .actors
            .values()
            .filter(|a| names(a).iter().any(|n| n.contains(&q)))
            .map(|a| a.id)
            .collect();
        return to_found(containing);
    }
    Found::None
}

fn to_found(ids: Vec<ActorId>) -> Found {
    match ids.len() {
        0 => Found::None,
        1 => Found::One(ids[0]),
        _ => Found::Several(ids),
    }
}

/// A question the bar is waiting on: which actor a name meant.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The name that was typed.
    pub typed: String,
    /// The actors it could mean.
    pub candidates: Vec<ActorId>,
    /// The other side of the link, when it is already known.
    pub other: Option<ActorId>,
    /// The side still to resolve after this one (its typed name).
    pub then: Option<String>,
    /// Whether the chosen actor is the first side (`a`).
    pub chosen_is_a: bool,
}

/// What the quick-entry bar remembers.
#[derive(Clone, Debug, Default)]
pub struct QuickEntry {
    /// The text being typed.
    pub text: String,
    /// A message about the last entry ("No actor is called …").
    pub message: Option<String>,
    /// A pending question.
    pub question: Option<Question>,
    /// Whether the field should take the keyboard.
    pub focus: bool,
}

impl QuickEntry {
    /// Handles one submitted line; returns the intents it produces.
    pub fn submit(&mut self, project: &Project, view: egui::Rect) -> Vec<Intent> {
        self.message = None;
        self.question = None;
        let Some(entry) = parse(&self.text) else {
            return vec![];
        };
        match entry {
            Entry::Actor(name) => {
                self.text.clear();
                let spot = Self::next_spot(project, view, &name);
                vec![add_actor_edit(project, &name, spot, None)]
            }
            Entry::Link(first, second) => self.resolve(project, first, Some(second), None, true),
        }
    }

    /// Resolves `typed` (and then `then`) to actors, asking when needed.
    fn resolve(
        &mut self,
        project: &Project,
        typed: String,
        then: Option<String>,
        other: Option<ActorId>,
        is_a: bool,
    ) -> Vec<Intent> {
        match find_actor(project, &typed) {
            Found::One(id) => self.chosen(project, id, then, other, is_a),
            Found::Several(candidates) => {
                self.question = Some(Question {
                    typed,
                    candidates,
                    other,
                    then,
                    chosen_is_a: is_a,
                });
                vec![]
            }
            Found::None => {
                self.message = Some(format!(
                    "No actor is called “{typed}”. Add it first: type its name and press Enter."
                ));
                vec![]
            }
        }
    }

    /// Continues after `id` was found or chosen for one side.
    pub fn chosen(
        &mut self,
        project: &Project,
        id: ActorId,
        then: Option<String>,
        other: Option<ActorId>,
        is_a: bool,
    ) -> Vec<Intent> {
        self.question = None;
        if let Some(next) = then {
            return self.resolve(project, next, None, Some(id), false);
        }
        let Some(first) = other else {
            return vec![];
        };
        let (a, b) = if is_a { (id, first) } else { (first, id) };
        if a == b {
            self.message = Some("Both names find the same actor.".to_string());
            return vec![];
        }
        self.text.clear();
        vec![connect_edit(project, a, b)]
    }

    /// A free spot for a new actor called `name` inside the visible part of the map `view`,
    /// as near its centre as there is room: never over another actor or its label.
    fn next_spot(project: &Project, view: egui::Rect, name: &str) -> Pos2 {
        let stub = Actor::named(project.next_actor_id(), name);
        let c = view.center();
        let within = (
            f64::from(view.left()),
            f64::from(view.top()),
            f64::from(view.right()),
            f64::from(view.bottom()),
        );
        let at = crate::layout::free_spot(
            project,
            &stub,
            Position::new(f64::from(c.x), f64::from(c.y)),
            Some(within),
        );
        Pos2::new(at.x as f32, at.y as f32)
    }

    /// Draws the bar; returns the intents of what was entered.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, view: egui::Rect) -> Vec<Intent> {
        let mut intents = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label("Quick entry");
            let edit = egui::TextEdit::singleline(&mut self.text)
                .hint_text("Name ⏎ adds an actor · First – Second ⏎ connects them")
                .desired_width(ui.available_width().min(560.0));
            let response = ui.add(edit).labelled_by(label.id);
            if self.focus {
                response.request_focus();
                self.focus = false;
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                intents = self.submit(project, view);
                response.request_focus();
            }
            if let Some(m) = &self.message {
                ui.colored_label(ui.visuals().warn_fg_color, m);
            }
        });
        if let Some(q) = self.question.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("Which actor is “{}”?", q.typed));
                for id in &q.candidates {
                    let name = project.actor(*id).map_or("?", |a| a.name.as_str());
                    if ui.button(name).clicked() {
                        intents = self.chosen(project, *id, q.then.clone(), q.other, q.chosen_is_a);
                    }
                }
                if ui.button("Cancel").clicked() {
                    self.question = None;
                }
            });
        }
        intents
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn map() -> Project {
        let mut p = Project::new();
        for (i, (name, short)) in [
            ("Ministry of Interior", Some("MoI")),
            ("Provincial Governor's Office, Pursat", Some("PGO Pursat")),
            (
                "Provincial Governor's Office, Battambang",
                Some("PGO Battambang"),
            ),
            ("Commune council", None),
            ("Commune councils", None),
        ]
        .into_iter()
        .enumerate()
        {
            let mut a = Actor::named(ActorId(i as u64 + 1), name);
            a.short = short.map(str::to_owned);
            p.insert_actor(a);
        }
        p
    }

    #[test]
    fn parses_names_and_links() {
        assert_eq!(parse("  Parents "), Some(Entry::Actor("Parents".into())));
        assert_eq!(
            parse("MoI – TAF"),
            Some(Entry::Link("MoI".into(), "TAF".into()))
        );
        assert_eq!(
            parse("MoI -> TAF"),
            Some(Entry::Link("MoI".into(), "TAF".into()))
        );
        assert_eq!(
            parse("MoI→TAF"),
            Some(Entry::Link("MoI".into(), "TAF".into()))
        );
        assert_eq!(
            parse("Non-state actors"),
            Some(Entry::Actor("Non-state actors".into()))
        );
        assert_eq!(parse("MoI – "), None);
        assert_eq!(parse("   "), None);
    }

    #[test]
    fn finds_by_name_or_short_name_ignoring_case_and_small_typos() {
        let p = map();
        assert_eq!(find_actor(&p, "moi"), Found::One(ActorId(1)));
        assert_eq!(
            find_actor(&p, "Ministry of  interior"),
            Found::One(ActorId(1))
        );
        assert_eq!(
            find_actor(&p, "Ministry of Intrior"),
            Found::One(ActorId(1))
        );
        assert_eq!(find_actor(&p, "PGO Pursaat"), Found::One(ActorId(2)));
        assert_eq!(find_actor(&p, "Battambang"), Found::One(ActorId(3)));
        // "Commune council" is exact; "Commune counci" is one typo from both.
        assert_eq!(find_actor(&p, "commune council"), Found::One(ActorId(4)));
        assert_eq!(find_actor(&p, "PGO"), Found::None);
        assert_eq!(
            find_actor(&p, "Provincial"),
            Found::Several(vec![ActorId(2), ActorId(3)])
        );
        assert_eq!(find_actor(&p, "World Bank"), Found::None);
    }

    #[test]
    fn a_link_with_an_ambiguous_name_asks_and_then_connects() {
        let p = map();
        let mut q = QuickEntry {
            text: "MoI – Provincial".into(),
            ..QuickEntry::default()
        };
        let intents = q.submit(
            &p,
            egui::Rect::from_center_size(Pos2::ZERO, egui::vec2(2000.0, 2000.0)),
        );
        assert!(intents.is_empty());
        let question = q.question.clone().expect("it asks which");
        assert_eq!(question.candidates, vec![ActorId(2), ActorId(3)]);
        let intents = q.chosen(
            &p,
            ActorId(3),
            question.then,
            question.other,
            question.chosen_is_a,
        );
        assert_eq!(intents.len(), 1);
        let Intent::Edit(edit) = &intents[0] else {
            panic!()
        };
        let mut after = p.clone();
        edit.command.apply(&mut after).unwrap();
        let link = after.partnerships.values().next().unwrap();
        assert_eq!((link.a, link.b), (ActorId(1), ActorId(3)));
        assert!(q.text.is_empty());
    }

    #[test]
    fn an_unknown_name_says_so_and_keeps_the_text() {
        let p = map();
        let mut q = QuickEntry {
            text: "MoI – Nobody here".into(),
            ..QuickEntry::default()
        };
        assert!(
            q.submit(
                &p,
                egui::Rect::from_center_size(Pos2::ZERO, egui::vec2(2000.0, 2000.0)),
            )
            .is_empty()
        );
        assert!(q.message.as_deref().unwrap().contains("Nobody here"));
        assert_eq!(q.text, "MoI – Nobody here");
    }
}
