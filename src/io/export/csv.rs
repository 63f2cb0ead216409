//! CSV tables for spreadsheets (design.md §8): `actors.csv`, `partnerships.csv`,
//! `indicators.csv` (one row per actor, betweenness included), `partnership_indicators.csv`
//! (one row per partnership: its measures and quadrants), `network.csv` (one row per
//! network indicator: `indicator,value`) and `map.csv` (the map's title, description, author
//! and dates), written from the typed tables of [`super::table`].
//!
//! UTF-8 with a header row, quoted where needed (RFC 4180). Lists (tags, functions, sources)
//! are joined with `"; "`; enumerations are written as their variant names (`CivilSociety`),
//! missing values as empty cells, and each custom field is an extra column. A text cell that
//! starts with `=`, `+`, `-`, `@`, a tab, a carriage return or `'` gets a leading `'`, so that a
//! spreadsheet shows it as text instead of running it as a formula (and the CSV import takes
//! that `'` off again); a custom text that reads as a number gets one too, so that it stays
//! text. Numbers written by PartnerMap (coordinates, scores, indicators) stay numbers. A map
//! with perspectives has a column per perspective and score (see [`super::perspectives`]).

use super::ExportError;
use super::table::{self, Table};
use crate::analysis::Indicators;
use crate::model::Project;

pub use super::table::{ACTOR_COLUMNS, MAP_FIELDS, PARTNERSHIP_COLUMNS};

/// The six tables, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTables {
    /// Every actor with every field.
    pub actors: String,
    /// Every partnership with every field, and the names of its two actors.
    pub partnerships: String,
    /// Every actor's indicators.
    pub indicators: String,
    /// Every partnership's indicators and quadrants.
    pub partnership_indicators: String,
    /// The network's indicators, one per row.
    pub network: String,
    /// The map's own data: title, description, author and dates, one per row, so that a
    /// CSV round trip keeps them.
    pub map: String,
}

impl CsvTables {
    /// The file name and text of each table, in a fixed order, given up (a large map's
    /// tables are not copied to be written).
    pub fn into_files(self) -> [(&'static str, String); 6] {
        [
            ("actors.csv", self.actors),
            ("partnerships.csv", self.partnerships),
            ("indicators.csv", self.indicators),
            ("partnership_indicators.csv", self.partnership_indicators),
            ("network.csv", self.network),
            ("map.csv", self.map),
        ]
    }

    /// The file name and text of each table, in a fixed order.
    pub fn files(&self) -> [(&'static str, &str); 6] {
        [
            ("actors.csv", &self.actors),
            ("partnerships.csv", &self.partnerships),
            ("indicators.csv", &self.indicators),
            ("partnership_indicators.csv", &self.partnership_indicators),
            ("network.csv", &self.network),
            ("map.csv", &self.map),
        ]
    }
}

/// `text` made safe for a spreadsheet: a leading `'` when it would start a formula.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => {
            std::borrow::Cow::Owned(format!("'{text}"))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// `table` as CSV text: the header row (neutralised, since custom fields' names come from
/// users' files), then one record per row, lines ended with CRLF.
pub fn table_csv(table: &Table) -> Result<String, ExportError> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(table.header.iter().map(|h| neutralise(h).into_owned()))?;
    for row in &table.rows {
        w.write_record(row.iter().map(|c| c.csv_text().into_owned()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::from(e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Xml(e.to_string()))
}

/// `actors.csv`: every field of design.md §3, the position as `x` and `y`, then one column per
/// custom field.
pub fn actors_csv(project: &Project) -> Result<String, ExportError> {
    table_csv(&table::actors_table(project))
}

/// `partnerships.csv`: every field of design.md §3, the names of both actors beside their
/// ids, the six practices as `true`/`false`, then one column per custom field.
pub fn partnerships_csv(project: &Project) -> Result<String, ExportError> {
    table_csv(&table::partnerships_table(project))
}

/// `indicators.csv`: one row per actor with the actor indicators of design.md §5
/// (betweenness empty when it was not computed) and its Mendelow quadrant.
pub fn indicators_csv(indicators: &Indicators) -> Result<String, ExportError> {
    table_csv(&table::indicators_table(indicators))
}

/// `partnership_indicators.csv`: one row per partnership with the measures of design.md §5
/// (empty where an input is missing) and, for frameworks A–C, its quadrant and point (or
/// `unplaced: ` and the reason).
pub fn partnership_indicators_csv(
    project: &Project,
    indicators: &Indicators,
) -> Result<String, ExportError> {
    table_csv(&table::partnership_indicators_table(project, indicators))
}

/// `network.csv`: `indicator,value`, one row per network indicator of design.md §5 with the
/// JSON names of `partnermap stats --json` (nested ones dotted: `form_counts.Integrated`,
/// `quadrant_counts.a.Personal cooperation`); missing values are empty.
pub fn network_csv(indicators: &Indicators) -> Result<String, ExportError> {
    table_csv(&table::network_table(indicators)?)
}

/// The map's title, description, author and dates as a `field,value` table (`map.csv`).
pub fn map_csv(project: &Project) -> Result<String, ExportError> {
    table_csv(&table::map_table(project))
}

/// All six tables, made one at a time: the typed cells of a large map's tables take several
/// times the memory of their text, so only one table's cells are held at once.
pub fn csv_tables(project: &Project, indicators: &Indicators) -> Result<CsvTables, ExportError> {
    Ok(CsvTables {
        actors: actors_csv(project)?,
        partnerships: partnerships_csv(project)?,
        indicators: indicators_csv(indicators)?,
        partnership_indicators: partnership_indicators_csv(project, indicators)?,
        network: network_csv(indicators)?,
        map: map_csv(project)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for bad in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("'quoted"), "''quoted");
        for good in ["Commune council", "", "1-2"] {
            assert_eq!(neutralise(good), good);
        }
    }
}
