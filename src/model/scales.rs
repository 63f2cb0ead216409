//! The numeric scores of the model: their ranges and the words for each step.

/// A bounded integer score, such as trust 1–5 or power −2…+2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// The field's name in files ("trust_ab").
    pub what: &'static str,
    /// The lowest allowed value.
    pub min: i32,
    /// The highest allowed value.
    pub max: i32,
    /// A word for each step from `min` to `max`.
    pub steps: &'static [&'static str],
    /// One sentence on what the score measures.
    pub meaning: &'static str,
}

impl Scale {
    /// Whether `value` lies inside the scale.
    pub fn contains(&self, value: i32) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// The word for `value` ("moderate"), or `None` outside the scale.
    pub fn step_label(&self, value: i32) -> Option<&'static str> {
        if self.contains(value) {
            self.steps.get((value - self.min) as usize).copied()
        } else {
            None
        }
    }
}

/// An actor's influence: power to shape outcomes (Net-Map's influence tower).
pub const INFLUENCE: Scale = Scale {
    what: "influence",
    min: 1,
    max: 5,
    steps: &["very low", "low", "moderate", "high", "very high"],
    meaning: "Power to shape the outcomes of the shared work (Net-Map's influence tower height).",
};

/// An actor's interest: stake in the partnership goals.
pub const INTEREST: Scale = Scale {
    what: "interest",
    min: 1,
    max: 5,
    steps: &["very low", "low", "moderate", "high", "very high"],
    meaning: "Stake in the goals of the partnerships.",
};

/// An actor's capacity to deliver on commitments.
pub const CAPACITY: Scale = Scale {
    what: "capacity",
    min: 1,
    max: 5,
    steps: &["very low", "low", "moderate", "high", "very high"],
    meaning: "Capacity to deliver on commitments (the sources' \"capacity gap\").",
};

/// How much one side of a partnership trusts the other.
pub const TRUST: Scale = Scale {
    what: "trust",
    min: 1,
    max: 5,
    steps: &["none", "low", "moderate", "high", "full"],
    meaning: "How much one side trusts the other.",
};

/// Who holds decisions in a partnership: negative when `a` dominates, positive when `b` does.
pub const POWER: Scale = Scale {
    what: "power",
    min: -2,
    max: 2,
    steps: &[
        "a dominates",
        "a leads",
        "balanced",
        "b leads",
        "b dominates",
    ],
    meaning: "Who holds the decisions: power over (one side dominates) or power with (balanced).",
};

/// What one side puts into a partnership.
pub const CONTRIBUTION: Scale = Scale {
    what: "contribution",
    min: 0,
    max: 4,
    steps: &["none", "minor", "moderate", "substantial", "major"],
    meaning: "The resources one side puts into the partnership.",
};

/// How far one side keeps its own mission and constituency (Brinkerhoff 2002).
pub const IDENTITY: Scale = Scale {
    what: "identity",
    min: 1,
    max: 5,
    steps: &["lost", "weak", "partly kept", "mostly kept", "fully kept"],
    meaning: "How far one side keeps its own mission and constituency (Brinkerhoff 2002).",
};
