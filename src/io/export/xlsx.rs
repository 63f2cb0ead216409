//! The `.xlsx` workbook (design.md §8): the same six tables as the CSV export
//! ([`super::table`]), one sheet each, named as the CSV files are without `.csv` (`actors`,
//! `partnerships`, `indicators`, `partnership_indicators`, `network`, `map`), and for a map
//! with snapshots the two of change over time (`indicators_by_state`, `changes`).
//!
//! Numbers are stored as numbers and `true`/`false` as booleans, so that a spreadsheet can
//! sum and sort them; text is stored as text cells, which a spreadsheet never runs as a
//! formula, so unlike the CSV it needs no leading `'` and keeps the user's text exactly. Each
//! sheet's header row is bold, frozen (it stays on top while scrolling) and carries a filter;
//! columns are as wide as their contents, within bounds. The workbook's properties carry
//! the map's title and author.

use std::borrow::Cow;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::table::{self, Cell, Table};
use crate::analysis::Indicators;
use crate::model::Project;

/// The most UTF-16 code units a spreadsheet cell holds; longer text is cut, ending in `…`.
const MAX_CELL_UNITS: usize = 32_767;

/// The widest whole number a spreadsheet holds exactly (2^53); wider ones (ids from another
/// tool's file) are stored as text so that no digit is lost.
const MAX_EXACT_INTEGER: i128 = 1 << 53;

/// Column widths, in characters.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 50;

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        Self::Xlsx(e.to_string())
    }
}

/// The workbook of `project`'s six tables, dated with the map's last change (else its
/// creation).
pub fn map_xlsx(project: &Project, indicators: &Indicators) -> Result<Vec<u8>, ExportError> {
    map_xlsx_with(project, indicators, Vec::new())
}

/// [`map_xlsx`] with `more` tables after the six, a sheet each (the tables of change over
/// time of a map with snapshots, [`super::over_time`]).
pub fn map_xlsx_with(
    project: &Project,
    indicators: &Indicators,
    more: Vec<Table>,
) -> Result<Vec<u8>, ExportError> {
    let m = &project.meta;
    let date = if m.modified.trim().is_empty() {
        &m.created
    } else {
        &m.modified
    };
    let mut tables = table::tables(project, indicators)?.to_vec();
    tables.extend(more);
    workbook(&tables, &m.title, &m.author, date)
}

/// The workbook of `tables` as the bytes of an `.xlsx` file. `title` and `author` go into
/// the workbook's properties; `date` (the map's last change, `YYYY-MM-DD`) is its creation
/// date, or 1980-01-01 (the oldest date a zip file holds, which its entries carry) when it
/// is not a whole date, so that the same map gives the same file.
pub fn workbook(
    tables: &[Table],
    title: &str,
    author: &str,
    date: &str,
) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let properties = DocProperties::new()
        .set_title(fit(title))
        .set_author(fit(author))
        .set_comment("Exported by PartnerMap");
    // Never the time of the export: the same map gives the same file.
    let date = match full_date(date) {
        Some(date) => date,
        None => ExcelDateTime::from_ymd(1980, 1, 1)?,
    };
    let properties = properties.set_creation_datetime(&date);
    book.set_properties(&properties);
    let bold = Format::new().set_bold();
    for table in tables {
        sheet(book.add_worksheet(), table, &bold)?;
    }
    Ok(book.save_to_buffer()?)
}

/// Writes `table` into `sheet`: header, rows, frozen header, filter and widths.
fn sheet(sheet: &mut Worksheet, table: &Table, bold: &Format) -> Result<(), ExportError> {
    sheet.set_name(table.name)?;
    let columns = table.header.len();
    let mut widths: Vec<usize> = table.header.iter().map(|h| text_width(h) + 2).collect();
    for (col, name) in (0u16..).zip(&table.header) {
        sheet.write_string_with_format(0, col, fit(name), bold)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for ((col, cell), width) in (0u16..).zip(cells).zip(widths.iter_mut()) {
            *width = (*width).max(write_cell(sheet, row, col, cell)?);
        }
    }
    if let Some(last_col) = columns.checked_sub(1) {
        let last_col = u16::try_from(last_col).unwrap_or(u16::MAX);
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    for (col, width) in (0u16..).zip(widths) {
        let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
        sheet.set_column_width(col, u16::try_from(width).unwrap_or(u16::MAX))?;
    }
    Ok(())
}

/// Writes one cell as what it is; returns how many characters wide it shows.
fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell) -> Result<usize, XlsxError> {
    let text = |sheet: &mut Worksheet, t: &str| {
        sheet.write_string(row, col, fit(t))?;
        Ok(text_width(t))
    };
    match cell {
        Cell::Empty => Ok(0),
        Cell::Text(t) | Cell::NumberLikeText(t) | Cell::Word(t) => text(sheet, t),
        Cell::Integer(n) if n.unsigned_abs() <= MAX_EXACT_INTEGER.unsigned_abs() => {
            // Exact: a whole number of at most 53 bits is a double.
            #[allow(clippy::cast_precision_loss)]
            sheet.write_number(row, col, *n as f64)?;
            Ok(n.to_string().len())
        }
        Cell::Integer(n) => text(sheet, &n.to_string()),
        Cell::Number(v) | Cell::Spelled(v, _) => {
            sheet.write_number(row, col, *v)?;
            // A spreadsheet's General format shows at most 11 characters of a number.
            Ok(v.to_string().len().min(11))
        }
        Cell::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
            Ok(5)
        }
    }
}

/// How many characters wide `text` shows: its longest line.
fn text_width(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// `text` cut to what a cell holds ([`MAX_CELL_UNITS`]), ending in `…` when cut.
fn fit(text: &str) -> Cow<'_, str> {
    // A character takes at least as many bytes in UTF-8 as code units in UTF-16.
    if text.len() <= MAX_CELL_UNITS {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_UNITS - 1 {
            break;
        }
        end = i + c.len_utf8();
    }
    if end == text.len() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{}…", &text[..end]))
    }
}

/// `date` as a date when it is a whole one (`YYYY-MM-DD`); a year or a month alone is not.
fn full_date(date: &str) -> Option<ExcelDateTime> {
    let date = date.trim();
    let bytes = date.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let year = date.get(0..4)?.parse().ok()?;
    let month = date.get(5..7)?.parse().ok()?;
    let day = date.get(8..10)?.parse().ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_what_a_cell_holds() {
        assert_eq!(fit("short"), "short");
        let long = "é".repeat(40_000);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_UNITS);
        assert!(cut.ends_with('…'));
        // Characters outside the basic plane take two units each.
        let wide = "𝄞".repeat(20_000);
        assert!(fit(&wide).encode_utf16().count() <= MAX_CELL_UNITS);
    }

    #[test]
    fn only_whole_dates_date_the_workbook() {
        assert!(full_date("2026-03-01").is_some());
        for partial in ["2026", "2026-03", "", "2026-13-01", "soon", "2026-3-1"] {
            assert!(full_date(partial).is_none(), "{partial}");
        }
    }
}
