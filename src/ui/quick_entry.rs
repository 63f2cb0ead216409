//! The quick-entry bar: one line to add actors and link them as fast as a room says them.
//! Reading the line and finding names are egui-free ([`crate::edit::quick`],
//! [`crate::edit::matching`]); this draws the bar, asks which actor a name means when
//! several fit, offers to add the names no actor has, and turns the answers into edits.

use egui::{Event, Key, Modifiers, RichText, Ui};

use super::actions::DIGIT_KEYS;
use super::canvas::connect_edit;
use super::intent::{Edit, Intent};
use super::view::{Item, PRESENTATION_ZOOM};
use crate::edit::Command;
use crate::edit::matching::words;
use crate::edit::quick::{Entry, LineError, Named, Side, Within, link, new_actors, parse};
use crate::model::{ActorId, Choice, Project};

/// The hint in the empty field: the whole syntax, briefly.
pub const HINT: &str =
    "Name ⏎ adds an actor · First – Second ⏎ links them · Name [donor] gives its sector";

/// The tooltip of the bar's label: the syntax in full.
pub const HELP: &str = "Type a name and press Enter to add an actor. Type two names with a \
dash between them (First – Second, or First -> Second) to link them; a name that no actor has \
is offered to be added. Names are found by full name, short name, initials (PGO, MoI), the \
start of the name or any word, ignoring case and accents, with small typos forgiven; when \
several actors fit, the bar asks which (press its number or click it). A sector in brackets \
after a name sets the sector of a new actor: World Bank [donor], Parents [community], \
Youth NGO [civil society]; state, government, NGO, private, company, citizens, joint and the \
other spellings of imports work too.";

/// How large the bar's text is in presentation mode against normal text: read from the
/// back of a room (design.md §6).
pub const PRESENTING_TEXT_SCALE: f32 = 2.5;

/// The map the bar works on: the document and the part of it on screen (where new actors
/// go).
#[derive(Clone, Copy, Debug)]
pub struct MapView<'a> {
    /// The document.
    pub project: &'a Project,
    /// The visible part of the map, in map units.
    pub visible: egui::Rect,
}

impl MapView<'_> {
    fn within(&self) -> Within {
        let v = self.visible;
        (
            f64::from(v.left()),
            f64::from(v.top()),
            f64::from(v.right()),
            f64::from(v.bottom()),
        )
    }

    fn name(&self, id: ActorId) -> &str {
        self.project.actor(id).map_or("?", |a| a.name.as_str())
    }
}

/// A link waiting on the user: which actor a name means, or whether to add the new ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// The first side.
    pub a: Side,
    /// The second side.
    pub b: Side,
}

impl Pending {
    /// The first side still to pick: the typed name and the actors it could mean.
    pub fn asking(&self) -> Option<(&Named, &[ActorId])> {
        [&self.a, &self.b].into_iter().find_map(|s| match s {
            Side::Ask(named, ids) => Some((named, ids.as_slice())),
            _ => None,
        })
    }

    /// The names to add as new actors.
    pub fn new_names(&self) -> Vec<&Named> {
        [&self.a, &self.b]
            .into_iter()
            .filter_map(|s| match s {
                Side::New(named) => Some(named),
                _ => None,
            })
            .collect()
    }
}

/// What the quick-entry bar remembers.
#[derive(Clone, Debug, Default)]
pub struct QuickEntry {
    /// The text being typed.
    pub text: String,
    /// A message about the last entry (why it could not be done).
    pub message: Option<String>,
    /// A link waiting for the user to pick an actor or to confirm new ones.
    pub pending: Option<Pending>,
    /// Whether the field should take the keyboard.
    pub focus: bool,
}

impl QuickEntry {
    /// Handles the line as Enter submits it; returns the intents it produces. Enter while
    /// the bar offers to add new actors adds them.
    pub fn submit(&mut self, map: &MapView<'_>) -> Vec<Intent> {
        self.message = None;
        if self.pending.as_ref().is_some_and(|p| p.asking().is_none()) {
            return self.accept(map);
        }
        self.pending = None;
        match parse(&self.text) {
            Err(LineError::Blank) => vec![],
            Err(e) => {
                self.message = Some(e.to_string());
                vec![]
            }
            Ok(Entry::Actor(named)) => {
                self.text.clear();
                vec![add_edit(map, &named)]
            }
            Ok(Entry::Link(a, b)) => {
                self.pending = Some(Pending {
                    a: Side::find(map.project, a),
                    b: Side::find(map.project, b),
                });
                self.advance(map)
            }
        }
    }

    /// The user picked `id` for the name the bar asked about.
    pub fn choose(&mut self, map: &MapView<'_>, id: ActorId) -> Vec<Intent> {
        if let Some(p) = &mut self.pending {
            for side in [&mut p.a, &mut p.b] {
                if matches!(side, Side::Ask(..)) {
                    *side = Side::Known(id);
                    break;
                }
            }
        }
        self.advance(map)
    }

    /// Adds the new actors of the pending link and the partnership, as one undo step.
    pub fn accept(&mut self, map: &MapView<'_>) -> Vec<Intent> {
        let Some(p) = self.pending.take() else {
            return vec![];
        };
        let Some(done) = link(map.project, (&p.a, &p.b), map.within()) else {
            self.message = Some("Both names find the same actor.".to_string());
            return vec![];
        };
        let label = match (&p.a, &p.b) {
            (Side::New(a), Side::New(b)) => format!("Add {} and {} and link them", a.name, b.name),
            (Side::New(n), Side::Known(other)) | (Side::Known(other), Side::New(n)) => {
                format!("Add {} and link it to {}", n.name, map.name(*other))
            }
            _ => "Link".to_string(),
        };
        self.text.clear();
        let select = done.new_actors.into_iter().map(Item::Actor).collect();
        vec![
            Intent::Edit(Edit::new(label, done.command).selecting(select)),
            Intent::Reveal(Item::Partnership(done.partnership)),
        ]
    }

    /// Drops the pending question or offer; the text stays to be corrected.
    pub fn cancel(&mut self) {
        self.pending = None;
        self.message = None;
    }

    /// Carries out the pending link once nothing is left to ask: links two known actors at
    /// once, or waits for Enter to add new ones.
    fn advance(&mut self, map: &MapView<'_>) -> Vec<Intent> {
        let Some(p) = &self.pending else {
            return vec![];
        };
        if p.asking().is_some() {
            return vec![];
        }
        match (&p.a, &p.b) {
            (Side::Known(a), Side::Known(b)) => {
                let (a, b) = (*a, *b);
                self.pending = None;
                if a == b {
                    self.message =
                        Some(format!("Both names find the same actor, {}.", map.name(a)));
                    return vec![];
                }
                self.text.clear();
                let id = map.project.next_partnership_id();
                vec![
                    connect_edit(map.project, a, b),
                    Intent::Reveal(Item::Partnership(id)),
                ]
            }
            (Side::New(a), Side::New(b)) if words(&a.name) == words(&b.name) => {
                self.message = Some(format!("Both names are “{}”.", a.name));
                self.pending = None;
                vec![]
            }
            _ => vec![],
        }
    }

    /// What the bar asks or offers about the pending link, in words.
    pub fn prompt(&self, map: &MapView<'_>) -> Option<String> {
        let p = self.pending.as_ref()?;
        if let Some((named, _)) = p.asking() {
            return Some(format!(
                "Several actors fit “{}”. Which one? Press its number or click it; Esc \
                 cancels.",
                named.name
            ));
        }
        let new = |n: &Named| match n.sector {
            Some(s) => format!("“{}” ({})", n.name, s.label()),
            None => format!("“{}”", n.name),
        };
        Some(match (&p.a, &p.b) {
            (Side::New(a), Side::New(b)) => {
                format!(
                    "Add {} and {} and link them? Enter adds, Esc cancels.",
                    new(a),
                    new(b)
                )
            }
            (Side::New(n), Side::Known(other)) | (Side::Known(other), Side::New(n)) => format!(
                "Add {} and link it to {}? Enter adds, Esc cancels.",
                new(n),
                map.name(*other)
            ),
            _ => return None,
        })
    }

    /// Draws the bar; returns the intents of what was entered. In presentation mode
    /// (`presenting`) its text is [`PRESENTING_TEXT_SCALE`] times the normal size.
    pub fn ui(&mut self, ui: &mut Ui, map: &MapView<'_>, presenting: bool) -> Vec<Intent> {
        if presenting {
            let k = PRESENTING_TEXT_SCALE / PRESENTATION_ZOOM;
            for font in ui.style_mut().text_styles.values_mut() {
                font.size *= k;
            }
        }
        let field_id = egui::Id::unique("partnermap.quick_entry");
        let mut intents = self.keys(ui, map, field_id);
        ui.horizontal(|ui| {
            let label = ui.label("Quick entry").on_hover_text(HELP);
            let width = if presenting {
                ui.available_width()
            } else {
                ui.available_width().min(640.0)
            };
            let edit = egui::TextEdit::singleline(&mut self.text)
                .id(field_id)
                .hint_text(HINT)
                .desired_width(width);
            let response = ui.add(edit).labelled_by(label.id);
            if self.focus {
                response.request_focus();
                self.focus = false;
            }
            if response.changed() {
                self.cancel();
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                intents = self.submit(map);
                response.request_focus();
            }
        });
        intents.extend(self.prompt_ui(ui, map));
        if let Some(m) = &self.message {
            let text = RichText::new(crate::ui::bidi::visual(m)).color(ui.visuals().warn_fg_color);
            ui.add(egui::Label::new(text).wrap());
        }
        intents
    }

    /// The keys that answer the bar while it waits, taken before the field sees them, and
    /// only while the field or nothing has the keyboard: a digit picks an actor, Esc
    /// cancels, Enter (when the field does not have it) adds.
    fn keys(&mut self, ui: &Ui, map: &MapView<'_>, field_id: egui::Id) -> Vec<Intent> {
        let Some(pending) = &self.pending else {
            return vec![];
        };
        let focused = ui.memory(|m| m.focused());
        if focused.is_some_and(|f| f != field_id) {
            return vec![];
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            // egui takes the keyboard from the field on Esc; give it back to correct the text.
            self.cancel();
            self.focus = true;
            return vec![];
        }
        if let Some((_, ids)) = pending.asking() {
            let ids = ids.to_vec();
            return match take_digit(ui, ids.len()) {
                Some(n) => {
                    self.focus = true;
                    self.choose(map, ids[n - 1])
                }
                None => vec![],
            };
        }
        if focused.is_none() && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            return self.accept(map);
        }
        vec![]
    }

    /// The question or offer, wrapped to the bar's width, with the candidates to click.
    fn prompt_ui(&mut self, ui: &mut Ui, map: &MapView<'_>) -> Vec<Intent> {
        let Some(prompt) = self.prompt(map) else {
            return vec![];
        };
        let mut intents = Vec::new();
        ui.add(egui::Label::new(RichText::new(crate::ui::bidi::visual(&prompt)).strong()).wrap());
        let candidates = self
            .pending
            .as_ref()
            .and_then(|p| p.asking())
            .map(|(_, ids)| ids.to_vec());
        ui.horizontal_wrapped(|ui| {
            for (i, id) in candidates.iter().flatten().enumerate() {
                let name = crate::ui::bidi::visual(map.name(*id));
                let text = match i {
                    0..9 => format!("{}  {name}", i + 1),
                    _ => name.into_owned(),
                };
                if ui.add(egui::Button::new(text).wrap()).clicked() {
                    self.focus = true;
                    intents = self.choose(map, *id);
                }
            }
            if self.pending.is_some() && ui.button("Cancel").clicked() {
                self.cancel();
            }
        });
        intents
    }
}

/// The edit that adds the actor `named` in free space inside the visible map, and selects
/// it.
fn add_edit(map: &MapView<'_>, named: &Named) -> Intent {
    let actors = new_actors(map.project, &[named], map.within());
    let ids = actors.iter().map(|a| Item::Actor(a.id)).collect();
    Intent::Edit(
        Edit::new(
            format!("Add actor {}", named.name),
            Command::add(map.project, actors, vec![]),
        )
        .selecting(ids),
    )
}

/// Takes a digit 1…`count` (at most 9) typed this frame, as a key or as text, out of the
/// input so that the field does not also type it; the first one wins.
fn take_digit(ui: &Ui, count: usize) -> Option<usize> {
    let valid = |n: usize| (1..=count.min(9)).contains(&n);
    ui.input_mut(|i| {
        let mut picked = None;
        i.events.retain(|e| {
            let n = match e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.is_none() => DIGIT_KEYS.iter().position(|d| d == key),
                Event::Text(t) => t.parse::<usize>().ok(),
                _ => None,
            };
            match n {
                Some(n) if valid(n) => {
                    picked.get_or_insert(n);
                    false
                }
                _ => true,
            }
        });
        picked
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Level, Position, Sector};

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
        ]
        .into_iter()
        .enumerate()
        {
            let mut a = Actor::new(ActorId(i as u64 + 1), name, Sector::State, Level::Commune);
            a.short = short.map(str::to_owned);
            a.position = Position::new(i as f64 * 300.0, 0.0);
            p.insert_actor(a);
        }
        p.next_ids.actor = 5;
        p
    }

    fn view(project: &Project) -> MapView<'_> {
        MapView {
            project,
            visible: egui::Rect::from_center_size(egui::Pos2::ZERO, egui::vec2(2000.0, 2000.0)),
        }
    }

    fn typed(text: &str) -> QuickEntry {
        QuickEntry {
            text: text.into(),
            ..QuickEntry::default()
        }
    }

    /// Applies the one edit of `intents` to a copy of `p`.
    fn applied(p: &Project, intents: &[Intent]) -> Project {
        let edits: Vec<&Edit> = intents
            .iter()
            .filter_map(|i| match i {
                Intent::Edit(e) => Some(e),
                _ => None,
            })
            .collect();
        let [edit] = edits.as_slice() else {
            panic!("one edit expected, got {intents:?}");
        };
        let mut after = p.clone();
        edit.command.apply(&mut after).unwrap();
        after
    }

    #[test]
    fn a_link_with_an_ambiguous_name_asks_and_then_connects() {
        let p = map();
        let m = view(&p);
        let mut q = typed("MoI – PGO");
        assert!(q.submit(&m).is_empty());
        let pending = q.pending.clone().expect("it asks which");
        assert_eq!(pending.asking().unwrap().1, [ActorId(2), ActorId(3)]);
        assert!(q.prompt(&m).unwrap().contains("“PGO”"));
        let after = applied(&p, &q.choose(&m, ActorId(3)));
        let link = after.partnerships.values().next().unwrap();
        assert_eq!((link.a, link.b), (ActorId(1), ActorId(3)));
        assert!(q.text.is_empty() && q.pending.is_none());
    }

    #[test]
    fn an_unknown_name_is_offered_and_enter_adds_it_with_the_link() {
        let p = map();
        let m = view(&p);
        let mut q = typed("Women's savings group [community] – Commune council");
        assert!(q.submit(&m).is_empty());
        assert_eq!(
            q.prompt(&m).unwrap(),
            "Add “Women's savings group” (Community) and link it to Commune council? Enter \
             adds, Esc cancels."
        );
        assert_eq!(
            q.text,
            "Women's savings group [community] – Commune council"
        );
        let intents = q.submit(&m);
        let Intent::Edit(edit) = &intents[0] else {
            panic!()
        };
        assert_eq!(
            edit.label,
            "Add Women's savings group and link it to Commune council"
        );
        let after = applied(&p, &intents);
        let new = after.actor(ActorId(5)).unwrap();
        assert_eq!(new.sector, Some(Sector::Community));
        let link = after.partnerships.values().next().unwrap();
        assert_eq!((link.a, link.b), (ActorId(5), ActorId(4)));
        assert!(q.text.is_empty() && q.pending.is_none());
    }

    #[test]
    fn two_unknown_names_are_offered_together_and_cancel_keeps_the_text() {
        let p = map();
        let m = view(&p);
        let mut q = typed("Youth group – Farmers");
        assert!(q.submit(&m).is_empty());
        assert_eq!(
            q.prompt(&m).unwrap(),
            "Add “Youth group” and “Farmers” and link them? Enter adds, Esc cancels."
        );
        q.cancel();
        assert!(q.pending.is_none() && q.prompt(&m).is_none());
        assert_eq!(q.text, "Youth group – Farmers");
        assert!(q.submit(&m).is_empty(), "asks again");
        let after = applied(&p, &q.submit(&m));
        assert_eq!(after.actors.len(), 6);
        assert_eq!(after.partnerships.len(), 1);
    }

    #[test]
    fn an_ambiguous_name_and_an_unknown_one_ask_first_then_offer() {
        let p = map();
        let m = view(&p);
        let mut q = typed("PGO – Parents");
        assert!(q.submit(&m).is_empty());
        assert!(q.choose(&m, ActorId(2)).is_empty());
        assert!(
            q.prompt(&m)
                .unwrap()
                .contains("link it to Provincial Governor's Office, Pursat")
        );
        let after = applied(&p, &q.submit(&m));
        let link = after.partnerships.values().next().unwrap();
        assert_eq!((link.a, link.b), (ActorId(2), ActorId(5)));
    }

    #[test]
    fn a_name_alone_adds_an_actor_with_the_sector_typed() {
        let p = map();
        let m = view(&p);
        let mut q = typed("World Bank [Donor]");
        let after = applied(&p, &q.submit(&m));
        let wb = after.actor(ActorId(5)).unwrap();
        assert_eq!(
            (wb.name.as_str(), wb.sector),
            ("World Bank", Some(Sector::Donor))
        );
        let mut q = typed("Schools [BTB]");
        assert!(q.submit(&m).is_empty());
        assert!(q.message.as_deref().unwrap().contains("not a sector"));
        assert_eq!(q.text, "Schools [BTB]");
    }

    #[test]
    fn the_same_actor_on_both_sides_says_so() {
        let p = map();
        let m = view(&p);
        let mut q = typed("MoI – Ministry of Interior");
        assert!(q.submit(&m).is_empty());
        assert!(q.message.as_deref().unwrap().contains("same actor"));
        let mut q = typed("Farmers – farmers");
        assert!(q.submit(&m).is_empty());
        assert!(q.message.as_deref().unwrap().contains("Both names"));
    }
}
