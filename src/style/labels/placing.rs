//! Labels being placed: the free space, each actor's disc in it, each label placed so far,
//! and the repair that makes room for a label that found no free place by moving the
//! labels in its way to other free places of theirs (an ejection chain, a few levels deep),
//! undone wholly when it fails.

use std::collections::HashMap;

use super::{FreeSpace, LabelRequest, LabelText, PLACES, PlacedLabel, SLIDES};
use super::{candidates, first_free_as, slid_rect, usable};

/// How many labels in the way of a place a repair moves at most.
const MOVED_AT_MOST: usize = 2;
/// How many levels deep a repair goes: a moved label may in turn move others this many
/// times.
const DEPTH: u32 = 2;

/// Labels being placed.
pub(super) struct Placing<'a> {
    actors: &'a [LabelRequest],
    gap: f64,
    pub(super) space: FreeSpace,
    /// Each actor's disc in `space` (unused for actors outside the view).
    pub(super) discs: Vec<usize>,
    /// Each actor's label and its number in `space`.
    labels: Vec<Option<(PlacedLabel, usize)>>,
    /// Whose label each number in `space` is.
    owners: HashMap<usize, usize>,
    /// Every change of a label since the repair began (actor, label before), to undo it.
    journal: Vec<(usize, Option<PlacedLabel>)>,
    /// Actors a repair in progress has placed: they do not move again in it.
    locked: Vec<bool>,
}

impl<'a> Placing<'a> {
    /// Nothing placed yet among `actors`, whose discs are taken in `space`.
    pub(super) fn new(
        actors: &'a [LabelRequest],
        gap: f64,
        space: FreeSpace,
        discs: Vec<usize>,
    ) -> Self {
        Self {
            actors,
            gap,
            space,
            discs,
            labels: vec![None; actors.len()],
            owners: HashMap::new(),
            journal: Vec::new(),
            locked: vec![false; actors.len()],
        }
    }

    /// Actor `i`'s label so far.
    pub(super) fn label(&self, i: usize) -> Option<PlacedLabel> {
        self.labels[i].map(|(l, _)| l)
    }

    /// Every actor's label.
    pub(super) fn into_labels(self) -> Vec<Option<PlacedLabel>> {
        self.labels.into_iter().map(|l| l.map(|(l, _)| l)).collect()
    }

    /// Gives actor `i` its label.
    pub(super) fn put(&mut self, i: usize, label: PlacedLabel) {
        self.lift(i);
        let id = self.space.take(label.rect);
        self.owners.insert(id, i);
        self.labels[i] = Some((label, id));
    }

    /// Takes actor `i`'s label off and returns it.
    fn lift(&mut self, i: usize) -> Option<PlacedLabel> {
        let (label, id) = self.labels[i].take()?;
        self.space.release(id);
        self.owners.remove(&id);
        Some(label)
    }

    /// [`Placing::put`], noted in the journal.
    fn put_noted(&mut self, i: usize, label: PlacedLabel) {
        self.journal.push((i, self.label(i)));
        self.put(i, label);
    }

    /// [`Placing::lift`], noted in the journal.
    fn lift_noted(&mut self, i: usize) -> Option<PlacedLabel> {
        self.journal.push((i, self.label(i)));
        self.lift(i)
    }

    /// Undoes every change noted since the journal was `mark` long.
    fn undo_to(&mut self, mark: usize) {
        while self.journal.len() > mark {
            let Some((i, before)) = self.journal.pop() else {
                break;
            };
            match before {
                Some(label) => self.put(i, label),
                None => {
                    self.lift(i);
                }
            }
        }
    }

    /// Tries to give actor `i`, whose label found no free place, a label: at the first place
    /// (full name first) where only a few labels are in the way, none of them must show,
    /// each of which moves to another free place with its own text, or makes room there in
    /// turn. Uses up at most `budget` places looked at (one for each place tried for it, one
    /// for each place a moved label is tried at).
    pub(super) fn make_room(&mut self, i: usize, budget: &mut usize) {
        let a = self.actors[i];
        let texts = [
            (LabelText::Full, usable(a.full)),
            (LabelText::Short, usable(a.short)),
        ];
        for (text, size) in texts.into_iter().filter_map(|(t, s)| Some((t, s?))) {
            self.journal.clear();
            if self.room_for(i, (text, size), DEPTH, budget) {
                break;
            }
        }
        self.journal.clear();
    }

    /// The repair of [`Placing::make_room`] for actor `i`'s label in `text`, `size` large,
    /// `depth` levels deep; on failure everything it changed is undone.
    fn room_for(
        &mut self,
        i: usize,
        (text, size): (LabelText, (f64, f64)),
        depth: u32,
        budget: &mut usize,
    ) -> bool {
        let a = self.actors[i];
        self.locked[i] = true;
        let mut done = false;
        for (place, slide) in candidates() {
            if *budget == 0 {
                break;
            }
            *budget -= 1;
            let rect = slid_rect((place, slide), a.centre, a.radius.max(0.0), self.gap, size);
            // Only labels that may move are in the way, and not too many.
            let Some(ids) = self
                .space
                .labels_in_the_way(&rect, Some(self.discs[i]), MOVED_AT_MOST)
            else {
                continue;
            };
            let Some(movers) = ids
                .iter()
                .map(|id| self.owners.get(id).copied())
                .collect::<Option<Vec<usize>>>()
            else {
                continue;
            };
            if movers
                .iter()
                .any(|&j| self.locked[j] || self.actors[j].must_show)
            {
                continue;
            }
            let mark = self.journal.len();
            let before: Vec<(usize, Option<PlacedLabel>)> =
                movers.iter().map(|&j| (j, self.lift_noted(j))).collect();
            self.put_noted(i, PlacedLabel { text, place, rect });
            if before
                .iter()
                .all(|&(j, old)| self.move_away(j, old, depth, budget))
            {
                done = true;
                break;
            }
            self.undo_to(mark);
        }
        self.locked[i] = false;
        done
    }

    /// Puts actor `j`'s label, lifted to make room (`old`), at another free place with the
    /// same text, or makes room for it `depth` − 1 levels deeper.
    fn move_away(
        &mut self,
        j: usize,
        old: Option<PlacedLabel>,
        depth: u32,
        budget: &mut usize,
    ) -> bool {
        let Some(old) = old else {
            return true;
        };
        // Looking for a free place looks at every place.
        let places = PLACES.len() + SLIDES.len();
        if *budget < places {
            return false;
        }
        *budget -= places;
        let a = &self.actors[j];
        if let Some(label) = first_free_as(&self.space, a, self.gap, self.discs[j], old.text) {
            self.put_noted(j, label);
            return true;
        }
        let size = match old.text {
            LabelText::Full => usable(a.full),
            LabelText::Short => usable(a.short),
        };
        match size {
            Some(size) if depth > 1 => self.room_for(j, (old.text, size), depth - 1, budget),
            _ => false,
        }
    }
}
