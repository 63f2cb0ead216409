//! The end of an import: the notes that tell people what the import did that the file did
//! not say, and the layout of the actors that came without a position.

use super::Builder;
use crate::io::import::{ImportError, place_missing};
use crate::model::ActorId;

/// An import lays out at most this many actors without a position by forces; more keep the
/// bands by level they start from.
///
/// The force-directed layout's time and memory grow faster than the map: 3 s for 10,000
/// actors, minutes and gigabytes for a million (a million-row table spent minutes and 3.4 GB
/// in it). The bands take seconds at a million and stay within the import's memory.
pub const FORCE_UP_TO: usize = 20_000;

impl Builder<'_, '_> {
    /// Notes for the partnerships turned round, the ends matched to names spelt otherwise,
    /// the actors made from names, the defaults given, the actors named after their ids and
    /// the partnerships left out.
    pub(super) fn count_notes(&mut self) {
        self.reoriented_note();
        self.respelt_note();
        if self.created > 0 {
            self.notes.push(format!(
                "{} {} made from the names in the partnerships table.",
                actors(self.created),
                was(self.created)
            ));
        }
        if self.no_sector > 0 {
            self.notes.push(format!(
                "{} had no sector: {} left not set.",
                actors(self.no_sector),
                if self.no_sector == 1 {
                    "it is"
                } else {
                    "theirs is"
                },
            ));
        }
        if self.no_level > 0 {
            self.notes.push(format!(
                "{} had no level: {} left not set.",
                actors(self.no_level),
                if self.no_level == 1 {
                    "it is"
                } else {
                    "theirs is"
                },
            ));
        }
        if !self.unnamed.is_empty() {
            let one = self.unnamed.len() == 1;
            self.notes.push(format!(
                "{} had no name and {} named after {} ({}).",
                actors(self.unnamed.len()),
                is(self.unnamed.len()),
                if one { "its id" } else { "their ids" },
                listed(&self.unnamed)
            ));
        }
        if !self.loops.is_empty() {
            let n = self.loops.len();
            let partnerships = if n == 1 {
                "1 partnership".to_string()
            } else {
                format!("{n} partnerships")
            };
            self.notes.push(format!(
                "{partnerships} from an actor to itself {} left out ({}).",
                was(n),
                listed(&self.loops)
            ));
        }
    }

    /// The note for partnerships whose `a` and `b` values named other actors than their
    /// source and target.
    fn reoriented_note(&mut self) {
        if self.reoriented.is_empty() {
            return;
        }
        let n = self.reoriented.len();
        let partnerships = if n == 1 {
            "1 partnership's a and b name".to_string()
        } else {
            format!("{n} partnerships' a and b name")
        };
        self.notes.push(format!(
            "{partnerships} other actors than the edge's source and target (a tool renamed the nodes, or the file was edited): the source and target were taken ({}).",
            listed(&self.reoriented)
        ));
    }

    /// The note for partnership ends that named actors by names spelt otherwise: which
    /// spellings were taken as which actor, and where.
    fn respelt_note(&mut self) {
        if self.respelt.is_empty() {
            return;
        }
        let mut spellings: indexmap::IndexMap<(&str, ActorId), Vec<String>> =
            indexmap::IndexMap::new();
        for (written, actor, at) in &self.respelt {
            let places = spellings.entry((written, *actor)).or_default();
            if places.len() < 3 {
                places.push(self.raw.show(at).to_string());
            } else if places.len() == 3 {
                places.push("…".to_string());
            }
        }
        let shown: Vec<String> = spellings
            .iter()
            .take(5)
            .map(|((written, actor), places)| {
                let name = self
                    .project
                    .actors
                    .get(actor)
                    .map_or("", |a| a.name.as_str());
                format!("\"{written}\" as \"{name}\" ({})", places.join("; "))
            })
            .collect();
        let more = match spellings.len() {
            n if n > 5 => format!("; and {} more", n - 5),
            _ => String::new(),
        };
        self.notes.push(format!(
            "Partnership ends that name an actor spelt otherwise (case, spaces or punctuation) were taken as that actor: {}{more}.",
            shown.join("; ")
        ));
    }

    /// Lays out the actors without a position: bands by level first (a start that keeps
    /// levels apart), then forces, with the actors that have positions staying where they
    /// are; past [`FORCE_UP_TO`] actors, the bands alone. A note says how many and how.
    pub(super) fn lay_out(&mut self) -> Result<(), ImportError> {
        if self.unplaced.is_empty() {
            return Ok(());
        }
        self.progress.set_stage("laying out");
        place_missing(&mut self.project, &self.unplaced, self.progress);
        if self.progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        // Actors with drawn positions PartnerMap cannot draw have a note of their own.
        let n = self.unplaced.len() - self.undrawn.len();
        if self.unplaced.len() > FORCE_UP_TO {
            if n > 0 {
                self.notes.push(format!(
                    "{} had no position and {} laid out in bands by level, International at \
                     the top (past {FORCE_UP_TO} actors an import does not run the \
                     force-directed layout, which would take many minutes; Map → Layout → \
                     Force-directed runs it).",
                    actors(n),
                    was(n)
                ));
            }
        } else {
            let movable: std::collections::BTreeSet<ActorId> =
                self.unplaced.iter().copied().collect();
            let moves = crate::layout::force_directed(&self.project, &movable, self.progress)
                .map_err(|_| ImportError::Cancelled)?;
            for (id, to) in moves {
                if let Some(a) = self.project.actors.get_mut(&id) {
                    a.position = to;
                }
            }
            if n > 0 {
                self.notes.push(format!(
                    "{} had no position and {} laid out by forces.",
                    actors(n),
                    was(n)
                ));
            }
        }
        match self.undrawn.as_slice() {
            [] => {}
            [one] => self
                .notes
                .push(format!("{one}; the actor was laid out instead.")),
            many => self.notes.push(format!(
                "{} had drawn positions that PartnerMap cannot draw and were laid out instead: {}.",
                actors(many.len()),
                listed(many)
            )),
        }
        Ok(())
    }
}

/// "1 actor", "2 actors".
fn actors(n: usize) -> String {
    if n == 1 {
        "1 actor".to_string()
    } else {
        format!("{n} actors")
    }
}

/// "was" for one, "were" for more.
fn was(n: usize) -> &'static str {
    if n == 1 { "was" } else { "were" }
}

/// "is" for one, "are" for more.
fn is(n: usize) -> &'static str {
    if n == 1 { "is" } else { "are" }
}

/// The first five of `places`, for a note ("line 3, column 1; line 9, column 1; …").
fn listed(places: &[String]) -> String {
    let shown: Vec<&str> = places.iter().take(5).map(String::as_str).collect();
    let more = if places.len() > 5 { "; …" } else { "" };
    format!("{}{more}", shown.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::Progress;

    /// GraphML of `n` nodes without positions, in a chain.
    fn chain(n: usize) -> String {
        let mut xml = String::from(
            "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
             <graph edgedefault=\"undirected\">\n",
        );
        for i in 0..n {
            xml.push_str(&format!("<node id=\"n{i}\"/>\n"));
        }
        for i in 1..n {
            xml.push_str(&format!("<edge source=\"n{}\" target=\"n{i}\"/>\n", i - 1));
        }
        xml.push_str("</graph>\n</graphml>\n");
        xml
    }

    #[test]
    fn past_the_force_limit_an_import_keeps_the_bands_and_says_so() {
        let imported =
            crate::io::import::import_graphml(&chain(FORCE_UP_TO + 1), &Progress::new()).unwrap();
        let note = imported
            .notes
            .iter()
            .find(|n| n.contains("had no position"))
            .unwrap();
        assert!(
            note.starts_with("20001 actors had no position and were laid out in bands by level"),
            "{note}"
        );
        let mut spots: Vec<(i64, i64)> = imported
            .project
            .actors
            .values()
            .map(|a| {
                let p = a.position;
                assert!(p.x.is_finite() && p.y.is_finite(), "{p:?}");
                (p.x.round() as i64, p.y.round() as i64)
            })
            .collect();
        spots.sort_unstable();
        spots.dedup();
        assert_eq!(
            spots.len(),
            FORCE_UP_TO + 1,
            "every actor has a spot of its own"
        );

        let small = crate::io::import::import_graphml(&chain(30), &Progress::new()).unwrap();
        assert!(
            small
                .notes
                .iter()
                .any(|n| n == "30 actors had no position and were laid out by forces."),
            "{:?}",
            small.notes
        );
    }
}
