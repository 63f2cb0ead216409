//! Perspectives (design.md §13): named groups ("Government", "Citizens") whose own values
//! for the scores of actors and partnerships are kept beside the map's own, so that a
//! workshop or a community scorecard can see where the groups differ.
//!
//! Each score is handled as a small integer on its scale ([`ActorScore`],
//! [`PartnershipScore`]): influence 1–5, form 0–3 (Interaction … Integrated), stance 0–2
//! (Supports, Neutral, Opposes), power −2…+2, and so on.

use serde::{Deserialize, Serialize};

use super::{Actor, ActorId, Choice, Form, Formality, Partnership, PartnershipId, Project, Stance};

/// Whether the map's own scores are set by hand or follow the perspectives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MapValues {
    /// The map's values are set by hand; they count as one more voice.
    #[default]
    ByHand,
    /// Where at least one perspective gave a value, the map's value is their median (the
    /// lower middle value when there is an even number), and the rounded mean for trust.
    FollowPerspectives,
}

impl MapValues {
    /// Whether this is the default, left out of files.
    pub fn is_by_hand(&self) -> bool {
        *self == Self::ByHand
    }
}

/// A score of an actor that perspectives can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorScore {
    /// Influence, 1–5.
    Influence,
    /// Interest, 1–5.
    Interest,
    /// Capacity, 1–5.
    Capacity,
    /// Stance: 0 supports, 1 neutral, 2 opposes.
    Stance,
}

/// A score of a partnership that perspectives can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartnershipScore {
    /// Form, 0 (Interaction) – 3 (Integrated).
    Form,
    /// Formality, 0 (Personal) – 5 (Institutionalised).
    Formality,
    /// How much `a` trusts `b`, 1–5.
    TrustAb,
    /// How much `b` trusts `a`, 1–5.
    TrustBa,
    /// Power, −2 … +2.
    Power,
    /// What `a` puts in, 0–4.
    ContributionA,
    /// What `b` puts in, 0–4.
    ContributionB,
    /// How far `a` keeps its mission, 1–5.
    IdentityA,
    /// How far `b` keeps its mission, 1–5.
    IdentityB,
}

/// What the scores of both kinds share: a field name, a label and a scale.
pub trait Score: Copy + Eq + Ord + std::fmt::Debug + 'static {
    /// Every score of the kind, in the order tables show them.
    const ALL: &'static [Self];
    /// The field name in files and exports ("trust_ab").
    fn field(self) -> &'static str;
    /// A short label for column headings ("Trust a→b").
    fn label(self) -> &'static str;
    /// The lowest and highest value.
    fn span(self) -> (i8, i8);
    /// Whether the map's value follows the mean (trust) rather than the median.
    fn by_mean(self) -> bool {
        false
    }
    /// The word for `value` on this score ("Coalition", "high").
    fn word(self, value: i8) -> String;
    /// Where `value` lies on the scale, from 0 (its lowest) to 1 (its highest).
    fn unit(self, value: i8) -> f64 {
        let (lo, hi) = self.span();
        f64::from(value - lo) / f64::from(hi - lo)
    }
}

fn step_word(scale: &super::scales::Scale, value: i8) -> String {
    scale
        .step_label(i32::from(value))
        .map_or_else(|| value.to_string(), str::to_string)
}

fn choice_word<C: Choice>(value: i8) -> String {
    usize::try_from(value)
        .ok()
        .and_then(|i| C::ALL.get(i))
        .map_or_else(|| value.to_string(), |c| c.label().to_string())
}

impl Score for ActorScore {
    const ALL: &'static [Self] = &[
        Self::Influence,
        Self::Interest,
        Self::Capacity,
        Self::Stance,
    ];
    fn field(self) -> &'static str {
        match self {
            Self::Influence => "influence",
            Self::Interest => "interest",
            Self::Capacity => "capacity",
            Self::Stance => "stance",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Influence => "Influence",
            Self::Interest => "Interest",
            Self::Capacity => "Capacity",
            Self::Stance => "Stance",
        }
    }
    fn span(self) -> (i8, i8) {
        match self {
            Self::Stance => (0, Stance::ALL.len() as i8 - 1),
            _ => (1, 5),
        }
    }
    fn word(self, value: i8) -> String {
        use super::scales::{CAPACITY, INFLUENCE, INTEREST};
        match self {
            Self::Influence => step_word(&INFLUENCE, value),
            Self::Interest => step_word(&INTEREST, value),
            Self::Capacity => step_word(&CAPACITY, value),
            Self::Stance => choice_word::<Stance>(value),
        }
    }
}

impl Score for PartnershipScore {
    const ALL: &'static [Self] = &[
        Self::Form,
        Self::Formality,
        Self::TrustAb,
        Self::TrustBa,
        Self::Power,
        Self::ContributionA,
        Self::ContributionB,
        Self::IdentityA,
        Self::IdentityB,
    ];
    fn field(self) -> &'static str {
        match self {
            Self::Form => "form",
            Self::Formality => "formality",
            Self::TrustAb => "trust_ab",
            Self::TrustBa => "trust_ba",
            Self::Power => "power",
            Self::ContributionA => "contribution_a",
            Self::ContributionB => "contribution_b",
            Self::IdentityA => "identity_a",
            Self::IdentityB => "identity_b",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Form => "Form",
            Self::Formality => "Formality",
            Self::TrustAb => "Trust a→b",
            Self::TrustBa => "Trust b→a",
            Self::Power => "Power",
            Self::ContributionA => "Contribution a",
            Self::ContributionB => "Contribution b",
            Self::IdentityA => "Identity a",
            Self::IdentityB => "Identity b",
        }
    }
    fn span(self) -> (i8, i8) {
        match self {
            Self::Form => (0, Form::ALL.len() as i8 - 1),
            Self::Formality => (0, Formality::ALL.len() as i8 - 1),
            Self::Power => (-2, 2),
            Self::ContributionA | Self::ContributionB => (0, 4),
            _ => (1, 5),
        }
    }
    fn by_mean(self) -> bool {
        matches!(self, Self::TrustAb | Self::TrustBa)
    }
    fn word(self, value: i8) -> String {
        use super::scales::{CONTRIBUTION, IDENTITY, POWER, TRUST};
        match self {
            Self::Form => choice_word::<Form>(value),
            Self::Formality => choice_word::<Formality>(value),
            Self::TrustAb | Self::TrustBa => step_word(&TRUST, value),
            Self::Power => step_word(&POWER, value),
            Self::ContributionA | Self::ContributionB => step_word(&CONTRIBUTION, value),
            Self::IdentityA | Self::IdentityB => step_word(&IDENTITY, value),
        }
    }
}

fn index_of<C: Choice>(c: C) -> i8 {
    C::ALL.iter().position(|v| *v == c).unwrap_or(0) as i8
}

fn choice_at<C: Choice>(v: Option<i8>) -> Option<C> {
    v.and_then(|v| usize::try_from(v).ok())
        .and_then(|i| C::ALL.get(i).copied())
}

fn small(v: Option<i8>) -> Option<u8> {
    v.and_then(|v| u8::try_from(v).ok())
}

fn wide(v: Option<u8>) -> Option<i8> {
    v.and_then(|v| i8::try_from(v).ok())
}

/// One perspective's values for one actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRating {
    /// The actor.
    pub id: ActorId,
    /// Influence, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<u8>,
    /// Interest, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
    /// Capacity, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u8>,
    /// Stance toward the shared goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
}

impl ActorRating {
    /// No values yet for actor `id`.
    pub fn empty(id: ActorId) -> Self {
        Self {
            id,
            influence: None,
            interest: None,
            capacity: None,
            stance: None,
        }
    }

    /// The map's own values of `actor`.
    pub fn of(actor: &Actor) -> Self {
        Self {
            id: actor.id,
            influence: actor.influence,
            interest: actor.interest,
            capacity: actor.capacity,
            stance: actor.stance,
        }
    }

    /// Writes the values given here into `actor`, keeping its own elsewhere.
    pub fn lay_over(&self, actor: &mut Actor) {
        let mut own = Self::of(actor);
        for &s in ActorScore::ALL {
            if let Some(v) = self.get(s) {
                own.set(s, Some(v));
            }
        }
        own.apply_to(actor);
    }

    /// Writes these values into `actor`.
    pub fn apply_to(&self, actor: &mut Actor) {
        actor.influence = self.influence;
        actor.interest = self.interest;
        actor.capacity = self.capacity;
        actor.stance = self.stance;
    }

    /// The value of `score`, if given.
    pub fn get(&self, score: ActorScore) -> Option<i8> {
        match score {
            ActorScore::Influence => wide(self.influence),
            ActorScore::Interest => wide(self.interest),
            ActorScore::Capacity => wide(self.capacity),
            ActorScore::Stance => self.stance.map(index_of),
        }
    }

    /// Sets (or with `None` clears) the value of `score`.
    pub fn set(&mut self, score: ActorScore, v: Option<i8>) {
        match score {
            ActorScore::Influence => self.influence = small(v),
            ActorScore::Interest => self.interest = small(v),
            ActorScore::Capacity => self.capacity = small(v),
            ActorScore::Stance => self.stance = choice_at(v),
        }
    }

    /// Whether no value is given.
    pub fn is_empty(&self) -> bool {
        ActorScore::ALL.iter().all(|s| self.get(*s).is_none())
    }
}

/// One perspective's values for one partnership.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnershipRating {
    /// The partnership.
    pub id: PartnershipId,
    /// How deep it goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// How formal it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formality: Option<Formality>,
    /// How much `a` trusts `b`, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_ab: Option<u8>,
    /// How much `b` trusts `a`, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_ba: Option<u8>,
    /// Who holds decisions, −2 … +2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<i8>,
    /// What `a` puts in, 0–4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution_a: Option<u8>,
    /// What `b` puts in, 0–4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution_b: Option<u8>,
    /// How far `a` keeps its own mission, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_a: Option<u8>,
    /// How far `b` keeps its own mission, 1–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_b: Option<u8>,
}

impl PartnershipRating {
    /// No values yet for partnership `id`.
    pub fn empty(id: PartnershipId) -> Self {
        Self {
            id,
            form: None,
            formality: None,
            trust_ab: None,
            trust_ba: None,
            power: None,
            contribution_a: None,
            contribution_b: None,
            identity_a: None,
            identity_b: None,
        }
    }

    /// The map's own values of `p`.
    pub fn of(p: &Partnership) -> Self {
        Self {
            id: p.id,
            form: p.form,
            formality: p.formality,
            trust_ab: p.trust_ab,
            trust_ba: p.trust_ba,
            power: p.power,
            contribution_a: p.contribution_a,
            contribution_b: p.contribution_b,
            identity_a: p.identity_a,
            identity_b: p.identity_b,
        }
    }

    /// Writes the values given here into `p`, keeping its own elsewhere.
    pub fn lay_over(&self, p: &mut Partnership) {
        let mut own = Self::of(p);
        for &s in PartnershipScore::ALL {
            if let Some(v) = self.get(s) {
                own.set(s, Some(v));
            }
        }
        own.apply_to(p);
    }

    /// Writes these values into `p`.
    pub fn apply_to(&self, p: &mut Partnership) {
        p.form = self.form;
        p.formality = self.formality;
        p.trust_ab = self.trust_ab;
        p.trust_ba = self.trust_ba;
        p.power = self.power;
        p.contribution_a = self.contribution_a;
        p.contribution_b = self.contribution_b;
        p.identity_a = self.identity_a;
        p.identity_b = self.identity_b;
    }

    /// The value of `score`, if given.
    pub fn get(&self, score: PartnershipScore) -> Option<i8> {
        use PartnershipScore as S;
        match score {
            S::Form => self.form.map(index_of),
            S::Formality => self.formality.map(index_of),
            S::TrustAb => wide(self.trust_ab),
            S::TrustBa => wide(self.trust_ba),
            S::Power => self.power,
            S::ContributionA => wide(self.contribution_a),
            S::ContributionB => wide(self.contribution_b),
            S::IdentityA => wide(self.identity_a),
            S::IdentityB => wide(self.identity_b),
        }
    }

    /// Sets (or with `None` clears) the value of `score`.
    pub fn set(&mut self, score: PartnershipScore, v: Option<i8>) {
        use PartnershipScore as S;
        match score {
            S::Form => self.form = choice_at(v),
            S::Formality => self.formality = choice_at(v),
            S::TrustAb => self.trust_ab = small(v),
            S::TrustBa => self.trust_ba = small(v),
            S::Power => self.power = v,
            S::ContributionA => self.contribution_a = small(v),
            S::ContributionB => self.contribution_b = small(v),
            S::IdentityA => self.identity_a = small(v),
            S::IdentityB => self.identity_b = small(v),
        }
    }

    /// Whether no value is given.
    pub fn is_empty(&self) -> bool {
        PartnershipScore::ALL.iter().all(|s| self.get(*s).is_none())
    }
}

/// A named group's values for some of the map's scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    /// Its name, unique in the map ("Citizens").
    pub name: String,
    /// Who they are and how the values were gathered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Its values for actors, in id order; actors it did not rate are left out.
    #[serde(default, deserialize_with = "actor_ratings")]
    pub actors: Vec<ActorRating>,
    /// Its values for partnerships, in id order.
    #[serde(default, deserialize_with = "partnership_ratings")]
    pub partnerships: Vec<PartnershipRating>,
}

fn actor_ratings<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ActorRating>, D::Error> {
    super::bounded::seq(d, "actors", super::MAX_ITEMS)
}

fn partnership_ratings<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<PartnershipRating>, D::Error> {
    super::bounded::seq(d, "partnerships", super::MAX_ITEMS)
}

impl Perspective {
    /// An empty perspective named `name`.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Its values for actor `id`, if it gave any.
    pub fn actor(&self, id: ActorId) -> Option<&ActorRating> {
        self.actors
            .binary_search_by_key(&id, |r| r.id)
            .ok()
            .map(|i| &self.actors[i])
    }

    /// Its values for partnership `id`, if it gave any.
    pub fn partnership(&self, id: PartnershipId) -> Option<&PartnershipRating> {
        self.partnerships
            .binary_search_by_key(&id, |r| r.id)
            .ok()
            .map(|i| &self.partnerships[i])
    }

    /// Its value of `score` for actor `id`.
    pub fn actor_value(&self, id: ActorId, score: ActorScore) -> Option<i8> {
        self.actor(id).and_then(|r| r.get(score))
    }

    /// Its value of `score` for partnership `id`.
    pub fn partnership_value(&self, id: PartnershipId, score: PartnershipScore) -> Option<i8> {
        self.partnership(id).and_then(|r| r.get(score))
    }

    /// Sets (or clears) its value of `score` for actor `id`, keeping the list in id order
    /// and without empty entries.
    pub fn set_actor_value(&mut self, id: ActorId, score: ActorScore, v: Option<i8>) {
        match self.actors.binary_search_by_key(&id, |r| r.id) {
            Ok(i) => {
                self.actors[i].set(score, v);
                if self.actors[i].is_empty() {
                    self.actors.remove(i);
                }
            }
            Err(i) if v.is_some() => {
                let mut r = ActorRating::empty(id);
                r.set(score, v);
                self.actors.insert(i, r);
            }
            Err(_) => {}
        }
    }

    /// Sets (or clears) its value of `score` for partnership `id`.
    pub fn set_partnership_value(
        &mut self,
        id: PartnershipId,
        score: PartnershipScore,
        v: Option<i8>,
    ) {
        match self.partnerships.binary_search_by_key(&id, |r| r.id) {
            Ok(i) => {
                self.partnerships[i].set(score, v);
                if self.partnerships[i].is_empty() {
                    self.partnerships.remove(i);
                }
            }
            Err(i) if v.is_some() => {
                let mut r = PartnershipRating::empty(id);
                r.set(score, v);
                self.partnerships.insert(i, r);
            }
            Err(_) => {}
        }
    }

    /// How many values it gave, for actors and for partnerships.
    pub fn counts(&self) -> (usize, usize) {
        let actors = self.actors.iter().map(|r| {
            ActorScore::ALL
                .iter()
                .filter(|s| r.get(**s).is_some())
                .count()
        });
        let partnerships = self.partnerships.iter().map(|r| {
            PartnershipScore::ALL
                .iter()
                .filter(|s| r.get(**s).is_some())
                .count()
        });
        (actors.sum(), partnerships.sum())
    }
}

/// The value the map follows from the perspectives' `values` for `score`: their median (the
/// lower middle value for an even number), or the rounded mean for trust; `None` when no
/// perspective gave one.
pub fn consensus<S: Score>(score: S, values: &mut [i8]) -> Option<i8> {
    if values.is_empty() {
        return None;
    }
    if score.by_mean() {
        let sum: i32 = values.iter().map(|v| i32::from(*v)).sum();
        let n = values.len() as f64;
        // Halves round up, toward more trust: 3.5 → 4.
        let mean = (f64::from(sum) / n + 0.5).floor();
        return Some(mean as i8);
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

/// `actor` with its scores as they follow `perspectives`: each score that at least one
/// perspective gave takes their [`consensus`]; the others keep the map's value.
pub fn followed_actor(perspectives: &[Perspective], actor: &Actor) -> Actor {
    let mut rating = ActorRating::of(actor);
    for &score in ActorScore::ALL {
        let mut values: Vec<i8> = perspectives
            .iter()
            .filter_map(|p| p.actor_value(actor.id, score))
            .collect();
        if let Some(v) = consensus(score, &mut values) {
            rating.set(score, Some(v));
        }
    }
    let mut out = actor.clone();
    rating.apply_to(&mut out);
    out
}

/// [`followed_actor`] for a partnership.
pub fn followed_partnership(perspectives: &[Perspective], p: &Partnership) -> Partnership {
    let mut rating = PartnershipRating::of(p);
    for &score in PartnershipScore::ALL {
        let mut values: Vec<i8> = perspectives
            .iter()
            .filter_map(|v| v.partnership_value(p.id, score))
            .collect();
        if let Some(v) = consensus(score, &mut values) {
            rating.set(score, Some(v));
        }
    }
    let mut out = p.clone();
    rating.apply_to(&mut out);
    out
}

impl Project {
    /// The perspective named `name` (compared without case or surrounding spaces).
    pub fn perspective(&self, name: &str) -> Option<&Perspective> {
        let name = name.trim();
        self.perspectives
            .iter()
            .find(|p| p.name.trim().eq_ignore_ascii_case(name))
    }

    /// The map as the perspective `index` sees it: its values where it gave them, the map's
    /// elsewhere; `None` for no such perspective. The copy has no perspectives or snapshots.
    pub fn as_seen_by(&self, index: usize) -> Option<Project> {
        let view = self.perspectives.get(index)?;
        let mut out = Project {
            meta: self.meta.clone(),
            settings: self.settings,
            actors: self.actors.clone(),
            partnerships: self.partnerships.clone(),
            next_ids: self.next_ids,
            snapshots: Vec::new(),
            perspectives: Vec::new(),
        };
        out.overlay(view);
        Some(out)
    }

    /// Puts `view`'s values in place of this map's, where it gave them.
    pub fn overlay(&mut self, view: &Perspective) {
        for r in &view.actors {
            if let Some(actor) = self.actors.get_mut(&r.id) {
                r.lay_over(actor);
            }
        }
        for r in &view.partnerships {
            if let Some(p) = self.partnerships.get_mut(&r.id) {
                r.lay_over(p);
            }
        }
    }

    /// Undoes [`Project::overlay`] of `view` on a copy of `base`: the items it rated take
    /// `base`'s values again.
    pub fn restore(&mut self, base: &Project, view: &Perspective) {
        for r in &view.actors {
            if let (Some(a), Some(b)) = (self.actors.get_mut(&r.id), base.actors.get(&r.id)) {
                ActorRating::of(b).apply_to(a);
            }
        }
        for r in &view.partnerships {
            if let (Some(p), Some(b)) = (
                self.partnerships.get_mut(&r.id),
                base.partnerships.get(&r.id),
            ) {
                PartnershipRating::of(b).apply_to(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_follows_the_median_and_the_mean_for_trust() {
        assert_eq!(consensus(PartnershipScore::Form, &mut []), None);
        assert_eq!(consensus(PartnershipScore::Form, &mut [3, 0, 1]), Some(1));
        // Even count: the lower of the two middle values.
        assert_eq!(
            consensus(PartnershipScore::Power, &mut [2, -1, 1, -2]),
            Some(-1)
        );
        // Trust: mean 3.5 rounds up, 2.33 rounds down.
        assert_eq!(consensus(PartnershipScore::TrustAb, &mut [3, 4]), Some(4));
        assert_eq!(
            consensus(PartnershipScore::TrustBa, &mut [2, 2, 3]),
            Some(2)
        );
    }

    #[test]
    fn values_are_set_in_id_order_and_cleared_entries_go() {
        let mut v = Perspective::named("Citizens");
        v.set_partnership_value(PartnershipId(9), PartnershipScore::TrustAb, Some(2));
        v.set_partnership_value(PartnershipId(3), PartnershipScore::Form, Some(3));
        assert_eq!(
            v.partnerships.iter().map(|r| r.id.0).collect::<Vec<_>>(),
            [3, 9]
        );
        assert_eq!(
            v.partnership(PartnershipId(3)).unwrap().form,
            Some(Form::Integrated)
        );
        v.set_partnership_value(PartnershipId(3), PartnershipScore::Form, None);
        assert_eq!(v.partnerships.len(), 1);
        v.set_actor_value(ActorId(1), ActorScore::Stance, Some(2));
        assert_eq!(v.actor(ActorId(1)).unwrap().stance, Some(Stance::Opposes));
        assert_eq!(v.counts(), (1, 1));
    }

    #[test]
    fn a_perspective_sees_its_values_and_the_maps_elsewhere() {
        let mut p = Project::new();
        for id in [1, 2] {
            let mut a = Actor::named(ActorId(id), format!("A{id}"));
            a.influence = Some(2);
            p.insert_actor(a);
        }
        let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        e.trust_ab = Some(5);
        e.trust_ba = Some(5);
        p.insert_partnership(e);
        let mut v = Perspective::named("Citizens");
        v.set_partnership_value(PartnershipId(1), PartnershipScore::TrustAb, Some(1));
        v.set_actor_value(ActorId(2), ActorScore::Influence, Some(5));
        p.perspectives.push(v);
        let seen = p.as_seen_by(0).unwrap();
        let e = &seen.partnerships[&PartnershipId(1)];
        assert_eq!((e.trust_ab, e.trust_ba), (Some(1), Some(5)));
        assert_eq!(seen.actors[&ActorId(1)].influence, Some(2));
        assert_eq!(seen.actors[&ActorId(2)].influence, Some(5));
        assert!(p.as_seen_by(1).is_none());
        let followed = followed_partnership(&p.perspectives, &p.partnerships[&PartnershipId(1)]);
        assert_eq!((followed.trust_ab, followed.trust_ba), (Some(1), Some(5)));
    }
}
