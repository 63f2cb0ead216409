//! The characters an imported text may not hold (control characters other than tab and line
//! breaks, U+FFFE and U+FFFF: [`crate::model::text`]) are removed from every text a file
//! gives, in every format the same way, and a note says how many texts and where the first
//! was.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Key, Place, Raw};
use crate::model::text::{clean, code_point, first_forbidden};

/// The texts cleaned so far: how many, and the first with its place and character.
#[derive(Default)]
struct Cleaning {
    count: usize,
    first: Option<(Place, char)>,
    /// The custom fields' and perspectives' names cleaned, once each (every value of a
    /// column shares one).
    keys: HashMap<Arc<str>, Arc<str>>,
}

impl Cleaning {
    /// Cleans `text`, which came from `at`.
    fn text(&mut self, text: &mut String, at: &Place) {
        if let Some((_, c)) = first_forbidden(text) {
            self.count += 1;
            self.first.get_or_insert_with(|| (at.clone(), c));
            *text = clean(text).into_owned();
        }
    }

    /// Cleans the name of a custom field or a perspective in `key`, whose value came from
    /// `at`.
    fn key(&mut self, key: &mut Key, at: &Place) {
        let name = match key {
            Key::Custom(name)
            | Key::Perspective(name)
            | Key::Rating {
                perspective: name, ..
            } => name,
            Key::Field(_) => return,
        };
        if let Some(cleaned) = self.keys.get(name) {
            *name = cleaned.clone();
            return;
        }
        let mut text = name.to_string();
        self.text(&mut text, at);
        let cleaned: Arc<str> = text.into();
        self.keys.insert(name.clone(), cleaned.clone());
        *name = cleaned;
    }
}

impl Raw<'_> {
    /// Removes the characters a map's text may not hold from every text read, and gives the
    /// note that says so, if any was.
    pub(super) fn clean_texts(&mut self) -> Option<String> {
        let mut cleaning = Cleaning::default();
        if let Some(title) = &mut self.title {
            cleaning.text(title, &Place::File);
        }
        for v in &mut self.map_values {
            cleaning.key(&mut v.key, &v.at);
            cleaning.text(&mut v.text, &v.at);
        }
        for item in self.nodes.iter_mut().chain(&mut self.edges) {
            let item_at = item.at.clone().unwrap_or(Place::File);
            for (written, at) in item.ends.iter_mut().flatten().chain(&mut item.id) {
                cleaning.text(written, at);
            }
            if let Some(label) = &mut item.label {
                cleaning.text(label, &item_at);
            }
            for v in &mut item.values {
                cleaning.key(&mut v.key, &v.at);
                cleaning.text(&mut v.text, &v.at);
            }
        }
        let (place, c) = cleaning.first?;
        let place = self.show(&place);
        let first = if place == Place::File {
            format!("{} in the title", code_point(c))
        } else {
            format!("{} at {place}", code_point(c))
        };
        Some(match cleaning.count {
            1 => format!("1 text held a control character ({first}), which was removed."),
            n => format!(
                "{n} texts held control characters, which were removed (the first: {first})."
            ),
        })
    }
}
