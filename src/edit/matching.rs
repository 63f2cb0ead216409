//! Finding the actor a typed name means, the way people in a room say names: by full name,
//! short name, initials ("PGO", "MoI"), the start of the name or any of its words, in any
//! case, with or without accents, and with small typos ("Parnets" finds "Parents").
//!
//! Pure and egui-free, so that quick entry (and anything else that reads a typed name) can
//! be tested on small hand-made maps.

use crate::model::{Actor, ActorId, Project};

/// How well a typed name fits an actor, best first: an exact name beats initials, a prefix
/// or a word, which beat a typo, and fewer typos beat more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// The full name or the short name, word for word.
    Exact,
    /// The initials, the start of the name, or a run of its words (the last one may be
    /// typed in part).
    Close,
    /// A run of its words with this many typos in all, each word within
    /// [`typos_allowed`] for its length.
    Typo(usize),
}

/// How a name matches the actors of the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Exactly one actor fits best.
    One(ActorId),
    /// Several fit equally well: ask which (by id).
    Several(Vec<ActorId>),
    /// None fits.
    None,
}

/// Finds the actor a typed name means: the actors that fit best by [`Fit`]; one of them,
/// several (the caller asks which), or none.
pub fn find_actor(project: &Project, typed: &str) -> Found {
    let query = words(typed);
    if query.is_empty() {
        return Found::None;
    }
    let mut best: Option<Fit> = None;
    let mut ids = Vec::new();
    for actor in project.actors.values() {
        let Some(fit) = fit(actor, &query) else {
            continue;
        };
        match best {
            Some(b) if fit > b => continue,
            Some(b) if fit == b => ids.push(actor.id),
            _ => {
                best = Some(fit);
                ids = vec![actor.id];
            }
        }
    }
    match ids.as_slice() {
        [] => Found::None,
        [one] => Found::One(*one),
        _ => Found::Several(ids),
    }
}

/// How well the typed words `query` fit `actor` by its name or short name; `None` if not at
/// all.
pub fn fit(actor: &Actor, query: &[String]) -> Option<Fit> {
    Names::of(actor).fit(query)
}

/// An actor's name and short name as matching compares them, split into [`words`] once, for
/// callers that compare many names with many (a merge of two maps).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// The words of the name.
    pub name: Vec<String>,
    /// The words of the short name (none when it has none).
    pub short: Vec<String>,
}

impl Names {
    /// The names of `actor`.
    pub fn of(actor: &Actor) -> Self {
        Self {
            name: words(&actor.name),
            short: actor.short.as_deref().map(words).unwrap_or_default(),
        }
    }

    /// How well the typed words `query` fit these names, as [`fit`] says; `None` for no
    /// words at all (a name of punctuation only).
    pub fn fit(&self, query: &[String]) -> Option<Fit> {
        if query.is_empty() {
            return None;
        }
        [&self.name, &self.short]
            .into_iter()
            .filter(|n| !n.is_empty())
            .filter_map(|n| fit_name(n, query))
            .min()
    }
}

/// How well `query` fits one name, both as folded words.
fn fit_name(name: &[String], query: &[String]) -> Option<Fit> {
    if name == query {
        return Some(Fit::Exact);
    }
    if by_initials(name, query) || by_run(name, query) {
        return Some(Fit::Close);
    }
    by_typos(name, query).map(Fit::Typo)
}

/// The small words that initials may leave out ("MI" as well as "MoI" for "Ministry of
/// Interior"), besides words of one letter (the "s" of "Governor's").
const STOP_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "les", "et",
];

/// Whether one typed word is the name's initials, or (from three letters) their start:
/// "PGO" fits "Provincial Governor's Office, Pursat".
fn by_initials(name: &[String], query: &[String]) -> bool {
    let [typed] = query else {
        return false;
    };
    let letters = typed.chars().count();
    if name.len() < 2 || letters < 2 {
        return false;
    }
    let initials = |skip_stop_words: bool| -> String {
        name.iter()
            .filter(|w| {
                !(skip_stop_words && (STOP_WORDS.contains(&w.as_str()) || w.chars().count() == 1))
            })
            .filter_map(|w| w.chars().next())
            .collect()
    };
    [initials(false), initials(true)]
        .iter()
        .any(|i| i == typed || (letters >= 3 && i.starts_with(typed.as_str())))
}

/// Whether the typed words are a run of the name's words, the last one possibly typed in
/// part (from three letters in all): "Governor's Off" fits "Provincial Governor's Office".
fn by_run(name: &[String], query: &[String]) -> bool {
    let Some((last, whole)) = query.split_last() else {
        return false;
    };
    let typed_letters: usize = query.iter().map(|w| w.chars().count()).sum();
    name.windows(query.len()).any(|run| {
        let Some((run_last, run_whole)) = run.split_last() else {
            return false;
        };
        run_whole == whole
            && (run_last == last || (typed_letters >= 3 && run_last.starts_with(last.as_str())))
    })
}

/// The fewest typos with which the typed words are a run of the name's words, each word
/// within [`typos_allowed`] for its length; `None` when no run is that close.
fn by_typos(name: &[String], query: &[String]) -> Option<usize> {
    name.windows(query.len())
        .filter_map(|run| {
            run.iter().zip(query).try_fold(0, |total, (word, typed)| {
                if word == typed {
                    return Some(total);
                }
                let letters = typed.chars().count();
                let allowed = typos_allowed(letters);
                // Words whose lengths differ by more are further apart than that: no need to
                // measure (a merge compares a thousand names with a thousand).
                if word.chars().count().abs_diff(letters) > allowed {
                    return None;
                }
                let d = strsim::osa_distance(word, typed);
                (d <= allowed).then_some(total + d)
            })
        })
        .min()
}

/// Whether typed words starting with `first` may fit a name that has the word `word` by a run
/// of its words or with typos: `first` is `word`, its start (from three letters), or within
/// [`typos_allowed`] of it. A quick test for callers that compare many names with many (a
/// merge): unless the typed words are one word (which may be initials), a name none of
/// whose words passes it does not fit.
pub fn may_start(first: &str, word: &str) -> bool {
    if first == word {
        return true;
    }
    let letters = first.chars().count();
    if letters >= 3 && word.starts_with(first) {
        return true;
    }
    let allowed = typos_allowed(letters);
    allowed > 0
        && word.chars().count().abs_diff(letters) <= allowed
        && strsim::osa_distance(word, first) <= allowed
}

/// How many typos a typed word of `letters` letters may have: none up to three letters
/// (too many short words are one letter apart), one up to seven, two beyond. A swap of two
/// neighbouring letters counts as one.
pub fn typos_allowed(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The words of `text` as matching compares them: folded by [`fold`], split at spaces,
/// apostrophes and other punctuation ("Governor's" is "governor" and "s", so that
/// "l'Intérieur" has the word "interieur").
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `c` separates words: white space and punctuation (Latin, Arabic, Khmer), but not
/// the marks that are part of a word in Khmer or Arabic script.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '’' | '‘'
                | 'ʼ'
                | '–'
                | '—'
                | '‐'
                | '‑'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '·'
                | '•'
                | '…'
                | '،'
                | '؛'
                | '؟'
                | '។'
                | '៕'
                | '、'
                | '。'
        )
}

/// Text as names are compared: lower case, Latin letters without their accents
/// ("Ministère" → "ministere"). Other scripts are kept as they are, so that Khmer and Arabic
/// names keep every mark.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\u{300}'..='\u{36f}') {
            continue; // accents typed as separate combining marks
        }
        match latin_base(c) {
            Some(base) => out.push_str(base),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The base letters of U+00C0–U+024F (Latin-1 Supplement, Latin Extended-A and -B) and
/// U+1E00–U+1EFF (Latin Extended Additional, e.g. Vietnamese), one byte per code point,
/// `.` where the letter has no base letter of its own. Written from Unicode's canonical
/// decompositions (plus Ø, Đ, Ł, Ħ, Ŧ, ı, Ð), which avoids a normalisation crate.
const LATIN_00C0: &[u8; 400] = b"\
AAAAAA.CEEEEIIIIDNOOOOO.OUUUUY..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLl.\
.LlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz.\
b......................I........Oo.............Uu...............\
.............AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....\
AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............\
................";

/// See [`LATIN_00C0`].
const LATIN_1E00: &[u8; 256] = b"\
AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm\
MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv\
WwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe\
EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

/// The lower-case base letters of a Latin letter with diacritics; `None` for anything else.
fn latin_base(c: char) -> Option<&'static str> {
    const LOWER: [&str; 26] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    let ligature = match c {
        'Æ' | 'æ' => Some("ae"),
        'Œ' | 'œ' => Some("oe"),
        'ß' | 'ẞ' => Some("ss"),
        'Þ' | 'þ' => Some("th"),
        'Ĳ' | 'ĳ' => Some("ij"),
        _ => None,
    };
    if ligature.is_some() {
        return ligature;
    }
    let code = c as usize;
    let byte = match code {
        0xC0..=0x24F => LATIN_00C0.get(code - 0xC0),
        0x1E00..=0x1EFF => LATIN_1E00.get(code - 0x1E00),
        _ => None,
    }?;
    byte.is_ascii_alphabetic()
        .then(|| {
            LOWER
                .get(usize::from(byte.to_ascii_lowercase() - b'a'))
                .copied()
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Sector};

    /// A map of actors named `(name, short)`, with ids 1, 2, … in that order.
    fn map(names: &[(&str, Option<&str>)]) -> Project {
        let mut p = Project::new();
        for (i, (name, short)) in names.iter().enumerate() {
            let mut a = Actor::new(ActorId(i as u64 + 1), *name, Sector::State, Level::Commune);
            a.short = short.map(str::to_owned);
            p.insert_actor(a);
        }
        p
    }

    fn one(id: u64) -> Found {
        Found::One(ActorId(id))
    }

    fn several(ids: &[u64]) -> Found {
        Found::Several(ids.iter().map(|i| ActorId(*i)).collect())
    }

    #[test]
    fn folding_drops_case_accents_and_apostrophes_but_keeps_other_scripts() {
        assert_eq!(fold("Ministère"), "ministere");
        assert_eq!(fold("ÉCOLE Élémentaire"), "ecole elementaire");
        assert_eq!(fold("Governor’s"), "governor’s");
        assert_eq!(fold("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(fold("Bộ Nội vụ"), "bo noi vu");
        assert_eq!(fold("Łódź Ørsted Đà Nẵng"), "lodz orsted da nang");
        // An accent typed as a separate combining mark.
        assert_eq!(fold("Ministe\u{300}re"), "ministere");
        // Khmer and Arabic keep every mark.
        assert_eq!(fold("ក្រសួងមហាផ្ទៃ"), "ក្រសួងមហាផ្ទៃ");
        assert_eq!(fold("وِزارة"), "وِزارة");
    }

    #[test]
    fn words_split_at_spaces_and_punctuation() {
        assert_eq!(
            words("Provincial Governor's Office, Pursat"),
            ["provincial", "governor", "s", "office", "pursat"]
        );
        assert_eq!(
            words("Ministry of Interior (MoI)"),
            ["ministry", "of", "interior", "moi"]
        );
        assert_eq!(words("l’Intérieur"), ["l", "interieur"]);
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words("ក្រសួងមហាផ្ទៃ ខេត្តពោធិ៍សាត់។"), ["ក្រសួងមហាផ្ទៃ", "ខេត្តពោធិ៍សាត់"]);
        assert_eq!(
            words("وزارة الداخلية، بغداد"),
            ["وزارة", "الداخلية", "بغداد"]
        );
    }

    #[test]
    fn typos_allowed_grow_with_the_length_of_the_word() {
        assert_eq!(typos_allowed(3), 0);
        assert_eq!(typos_allowed(4), 1);
        assert_eq!(typos_allowed(7), 1);
        assert_eq!(typos_allowed(8), 2);
    }

    #[test]
    fn the_full_name_or_the_short_name_matches_ignoring_case_and_spaces() {
        let p = map(&[("Ministry of Interior", Some("MoI")), ("World Bank", None)]);
        assert_eq!(find_actor(&p, "ministry of  INTERIOR"), one(1));
        assert_eq!(find_actor(&p, "moi"), one(1));
        assert_eq!(find_actor(&p, " world bank "), one(2));
        assert_eq!(find_actor(&p, ""), Found::None);
        assert_eq!(find_actor(&p, "Asia Foundation"), Found::None);
    }

    #[test]
    fn an_exact_name_beats_a_word_of_another_name() {
        let p = map(&[
            ("Commune council", None),
            ("Commune councils", None),
            ("Council", None),
        ]);
        assert_eq!(find_actor(&p, "commune council"), one(1));
        assert_eq!(find_actor(&p, "Council"), one(3));
        assert_eq!(find_actor(&p, "Commune"), several(&[1, 2]));
    }

    #[test]
    fn initials_match_with_or_without_the_small_words() {
        let p = map(&[
            ("Provincial Governor's Office", None),
            ("Ministry of Interior", None),
            ("Parents", None),
        ]);
        assert_eq!(find_actor(&p, "PGO"), one(1));
        assert_eq!(find_actor(&p, "pgo"), one(1));
        assert_eq!(find_actor(&p, "MoI"), one(2));
        assert_eq!(find_actor(&p, "MI"), one(2));
        // One letter is never taken for initials.
        assert_eq!(find_actor(&p, "P"), Found::None);
    }

    #[test]
    fn the_start_of_the_initials_matches_from_three_letters() {
        let p = map(&[
            ("Provincial Governor's Office, Pursat", None),
            ("Provincial Governor's Office, Battambang", None),
            ("Ministry of Interior", None),
        ]);
        assert_eq!(find_actor(&p, "PGO"), several(&[1, 2]));
        assert_eq!(find_actor(&p, "PGOB"), one(2));
    }

    #[test]
    fn several_actors_whose_short_names_start_alike_are_all_offered() {
        let p = map(&[
            (
                "Provincial Governor's Office, Banteay Meanchey",
                Some("PGO B. Meanchey"),
            ),
            ("Provincial Governor's Office, Pursat", Some("PGO Pursat")),
            (
                "Provincial Governor's Office, Battambang",
                Some("PGO Battambang"),
            ),
            ("Citizens & citizen volunteers", Some("Citizens")),
        ]);
        assert_eq!(find_actor(&p, "PGO"), several(&[1, 2, 3]));
        assert_eq!(find_actor(&p, "PGO Pursat"), one(2));
        assert_eq!(find_actor(&p, "Citizens"), one(4));
    }

    #[test]
    fn the_start_of_a_name_or_of_any_word_matches() {
        let p = map(&[
            ("Ministry of Interior", None),
            ("Provincial Governor's Office, Battambang", None),
            ("World Bank", None),
        ]);
        assert_eq!(find_actor(&p, "Minis"), one(1));
        assert_eq!(find_actor(&p, "Ministry of Int"), one(1));
        assert_eq!(find_actor(&p, "Battambang"), one(2));
        assert_eq!(find_actor(&p, "Governor's office"), one(2));
        assert_eq!(find_actor(&p, "Batt"), one(2));
        assert_eq!(find_actor(&p, "bank"), one(3));
        // Two letters are too few to be the start of a word.
        assert_eq!(find_actor(&p, "Wo"), Found::None);
        // Words must follow each other.
        assert_eq!(find_actor(&p, "Ministry Interior"), Found::None);
    }

    #[test]
    fn accents_are_ignored_both_ways() {
        let p = map(&[
            ("Ministère de l'Intérieur", None),
            ("Ecole Elementaire", None),
        ]);
        assert_eq!(find_actor(&p, "Ministere de l'Interieur"), one(1));
        assert_eq!(find_actor(&p, "Ministere"), one(1));
        assert_eq!(find_actor(&p, "interieur"), one(1));
        assert_eq!(find_actor(&p, "école élémentaire"), one(2));
    }

    #[test]
    fn small_typos_are_forgiven_by_the_length_of_each_word() {
        let p = map(&[
            ("Parents", None),
            ("Ministry of Interior", None),
            ("Village health volunteers", None),
            ("Battambang school", None),
            ("Bank", None),
        ]);
        assert_eq!(find_actor(&p, "Parnets"), one(1));
        assert_eq!(find_actor(&p, "Ministry of Intrior"), one(2));
        assert_eq!(find_actor(&p, "village helth volunteers"), one(3));
        assert_eq!(find_actor(&p, "Batambag"), one(4));
        // Three letters or fewer: no typo allowed.
        assert_eq!(find_actor(&p, "Bak"), Found::None);
        // Two typos in a word of seven letters are too many.
        assert_eq!(find_actor(&p, "Prnetts"), Found::None);
    }

    #[test]
    fn a_closer_fit_beats_a_typo_and_fewer_typos_beat_more() {
        let p = map(&[
            ("Parents", None),
            ("Parent", None),
            ("Health centre", None),
            ("Health centres", None),
        ]);
        // "Parent" is exact for one, the start of the other: exact wins.
        assert_eq!(find_actor(&p, "Parent"), one(2));
        // "Parnets" is one typo from "Parents" (a swap), two from "Parent".
        assert_eq!(find_actor(&p, "Parnets"), one(1));
        // One typo in all beats one in each of two words.
        assert_eq!(find_actor(&p, "Helth centre"), one(3));
    }

    #[test]
    fn khmer_and_arabic_names_match_exactly_and_by_word() {
        let p = map(&[
            ("ក្រសួងមហាផ្ទៃ", Some("ក.ម.ផ")),
            ("សាលាឃុំ ខេត្តពោធិ៍សាត់", None),
            ("وزارة الداخلية", None),
            ("مجلس البلدية", None),
        ]);
        assert_eq!(find_actor(&p, "ក្រសួងមហាផ្ទៃ"), one(1));
        assert_eq!(find_actor(&p, "ខេត្តពោធិ៍សាត់"), one(2));
        assert_eq!(find_actor(&p, "សាលាឃុំ ខេត្តពោធិ៍សាត់"), one(2));
        assert_eq!(find_actor(&p, "وزارة الداخلية"), one(3));
        assert_eq!(find_actor(&p, "الداخلية"), one(3));
        assert_eq!(find_actor(&p, "البلدية"), one(4));
        assert_eq!(find_actor(&p, "بغداد"), Found::None);
    }
}
