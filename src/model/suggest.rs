//! The sector a new actor's name suggests (design.md §3): a suggestion the new-actor field
//! pre-selects and Enter accepts, never a value stored without someone choosing it.

use super::Sector;

/// Words of a name that suggest a sector, in lower case; a word matches when it is one of
/// these or its plural.
const WORDS: &[(&str, Sector)] = &[
    ("ministry", Sector::State),
    ("ministère", Sector::State),
    ("department", Sector::State),
    ("office", Sector::State),
    ("council", Sector::State),
    ("commune", Sector::State),
    ("sangkat", Sector::State),
    ("municipality", Sector::State),
    ("governor", Sector::State),
    ("governor's", Sector::State),
    ("administration", Sector::State),
    ("school", Sector::State),
    ("ngo", Sector::CivilSociety),
    ("foundation", Sector::CivilSociety),
    ("association", Sector::CivilSociety),
    ("institute", Sector::CivilSociety),
    ("company", Sector::Private),
    ("ltd", Sector::Private),
    ("enterprise", Sector::Private),
    ("firm", Sector::Private),
    ("group", Sector::Community),
    ("citizens", Sector::Community),
    ("villagers", Sector::Community),
    ("parents", Sector::Community),
    ("volunteers", Sector::Community),
    ("bank", Sector::Donor),
    ("agency", Sector::Donor),
    ("embassy", Sector::Donor),
    ("committee", Sector::Joint),
    ("platform", Sector::Joint),
    ("forum", Sector::Joint),
];

/// The sector the words of `name` suggest: the first word, in reading order, that is one of
/// the design's cue words (Ministry, Office, Council, Commune → State; NGO, Foundation,
/// Association, Institute → Civil society; Company, Ltd, Enterprise → Private; Group,
/// Citizens, Villagers, Parents, Volunteers → Community; Bank, Agency, Embassy, UN… →
/// Donor; Committee, Platform, Forum → Joint), or `None` when no word is.
pub fn suggest_sector(name: &str) -> Option<Sector> {
    name.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '/' | '-' | '.'))
        .filter(|w| !w.is_empty())
        .find_map(word_sector)
}

fn word_sector(word: &str) -> Option<Sector> {
    // The United Nations' agencies: "UN", "UNDP", "UNICEF", "UN-Habitat".
    if word.starts_with("UN") && word.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(Sector::Donor);
    }
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    WORDS
        .iter()
        .find(|(w, _)| *w == lower || *w == singular || w.strip_suffix("'s") == Some(&lower))
        .map(|&(_, sector)| sector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_suggest_their_sector_by_their_first_cue_word() {
        let cases = [
            ("Local NGO", Some(Sector::CivilSociety)),
            ("World Bank", Some(Sector::Donor)),
            ("Women's savings group", Some(Sector::Community)),
            ("Ministry of Interior", Some(Sector::State)),
            ("Provincial Governor's Office, Pursat", Some(Sector::State)),
            ("Commune council", Some(Sector::State)),
            ("Parents association", Some(Sector::Community)),
            ("Joint committee", Some(Sector::Joint)),
            ("Angkor Rice Company Ltd", Some(Sector::Private)),
            ("UNICEF", Some(Sector::Donor)),
            ("UN Women", Some(Sector::Donor)),
            ("Departments of Education", Some(Sector::State)),
            ("Asia Foundation", Some(Sector::CivilSociety)),
            ("Multi-stakeholder platform", Some(Sector::Joint)),
            ("Pact", None),
            ("Unity", None),
            ("", None),
            ("មន្ទីរអប់រំ", None),
        ];
        for (name, sector) in cases {
            assert_eq!(suggest_sector(name), sector, "{name}");
        }
    }
}
