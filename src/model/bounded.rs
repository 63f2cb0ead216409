//! Lists read with their length checked while they are read (design.md §11): a file with
//! eighty million entries in one list stops at the first entry over the limit, with its
//! place, instead of being read whole and refused afterwards (or drawn).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{CustomFields, CustomValue};

/// The most entries one list of an actor or a partnership may hold (tags, resources,
/// sources, functions, enablers, disablers, extra fields).
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Reads a sequence into `C`, refusing it at its `max + 1`-th entry; `what` names the
/// entries in the message ("tags", "actors").
pub(crate) fn seq<'de, D, C, T>(
    deserializer: D,
    what: &'static str,
    max: usize,
) -> Result<C, D::Error>
where
    D: Deserializer<'de>,
    C: Default + Extend<T>,
    T: Deserialize<'de>,
{
    struct Bounded<C, T> {
        what: &'static str,
        max: usize,
        marker: PhantomData<(C, T)>,
    }
    impl<'de, C: Default + Extend<T>, T: Deserialize<'de>> Visitor<'de> for Bounded<C, T> {
        type Value = C;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a list of {}", self.what)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<C, A::Error> {
            let mut out = C::default();
            let mut count = 0usize;
            while let Some(item) = seq.next_element::<T>()? {
                count += 1;
                if count > self.max {
                    return Err(serde::de::Error::custom(too_many(self.what, self.max)));
                }
                out.extend(std::iter::once(item));
            }
            Ok(out)
        }
    }
    deserializer.deserialize_seq(Bounded {
        what,
        max,
        marker: PhantomData,
    })
}

/// The message of a list cut at its limit.
pub fn too_many(what: &str, max: usize) -> String {
    format!("more than {max} {what}: at most {max} are allowed")
}

/// Extra fields, at most [`MAX_LIST_ITEMS`], each name once.
pub(crate) fn custom<'de, D: Deserializer<'de>>(deserializer: D) -> Result<CustomFields, D::Error> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = CustomFields;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("extra fields: { \"name\": value, … }")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CustomFields, A::Error> {
            let mut out = CustomFields::new();
            while let Some((key, value)) = map.next_entry::<String, CustomValue>()? {
                if out.len() >= MAX_LIST_ITEMS {
                    return Err(serde::de::Error::custom(too_many(
                        "extra fields",
                        MAX_LIST_ITEMS,
                    )));
                }
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the extra field \"{}\" is given twice; each name may appear once",
                        key.escape_debug()
                    )));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Fields)
}

/// One function per list field, so that the message names it.
macro_rules! lists {
    ($($name:ident),*) => {$(
        #[doc = concat!("The `", stringify!($name), "` list, at most [`MAX_LIST_ITEMS`] entries.")]
        pub(crate) fn $name<'de, D, C, T>(deserializer: D) -> Result<C, D::Error>
        where
            D: Deserializer<'de>,
            C: Default + Extend<T> + IntoIterator<Item = T>,
            T: Deserialize<'de>,
        {
            seq(deserializer, concat!("entries in `", stringify!($name), "`"), MAX_LIST_ITEMS)
        }
    )*};
}
lists!(resources, tags, sources, functions, enablers, disablers);

#[cfg(test)]
mod tests {
    use crate::model::Actor;

    fn actor_with(field: &str) -> String {
        format!("(id: 1, name: \"A\", {field})")
    }

    #[test]
    fn a_list_stops_at_its_limit_with_the_place_and_the_field() {
        let many = vec!["\"\""; super::MAX_LIST_ITEMS + 1].join(",");
        let e = ron::from_str::<Actor>(&actor_with(&format!("sources: [{many}]"))).unwrap_err();
        assert!(
            e.to_string()
                .contains("more than 1000 entries in `sources`: at most 1000 are allowed"),
            "{e}"
        );
        let fits = vec!["\"x\""; super::MAX_LIST_ITEMS].join(",");
        let a = ron::from_str::<Actor>(&actor_with(&format!("sources: [{fits}]"))).unwrap();
        assert_eq!(a.sources.len(), super::MAX_LIST_ITEMS);
    }

    #[test]
    fn an_extra_field_given_twice_is_refused() {
        let e = ron::from_str::<Actor>(&actor_with("custom: {\"budget\": 1, \"budget\": 2}"))
            .unwrap_err();
        assert!(e.to_string().contains("\"budget\" is given twice"), "{e}");
        let a = ron::from_str::<Actor>(&actor_with("custom: {\"budget\": 1, \"code\": \"x\"}"))
            .unwrap();
        assert_eq!(a.custom.len(), 2);
    }
}
