//! Enumerations with a human label and a one-sentence meaning.
//!
//! Every closed set of values in the model (sector, level, form, …) implements [`Choice`], so
//! the inspector, tooltips, legends and exports all read the same wording from one place.

/// A closed set of values that people pick from.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value, in the order they are offered to people.
    const ALL: &'static [Self];
    /// The variant name as written in project files (`CivilSociety`).
    fn name(self) -> &'static str;
    /// A short human label ("Civil society").
    fn label(self) -> &'static str;
    /// One sentence that says what the value means, for hover text.
    fn meaning(self) -> &'static str;
    /// The value whose file name is `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name)
    }
}

/// Defines a `Choice` enumeration: serde by variant name, a label and a meaning per variant.
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => ($label:expr, $meaning:expr) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $crate::model::Choice for $name {
            const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];
            fn name(self) -> &'static str {
                match self { $( Self::$variant => stringify!($variant) ),+ }
            }
            fn label(self) -> &'static str {
                match self { $( Self::$variant => $label ),+ }
            }
            fn meaning(self) -> &'static str {
                match self { $( Self::$variant => $meaning ),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::Choice::label(*self))
            }
        }
    };
}

pub(crate) use choice_enum;
