//! One CSV table as read: its header and its rows.

use std::path::Path;

use super::headers::{PARTNERSHIP_HEADERS, guess_all};
use super::mapping::gives;
use super::rows::Rows;
use crate::io::import::fields::PARTNERSHIP_FIELDS;
use crate::io::import::{
    ImportError, Issue, MAX_ITEMS, MAX_VALUES, Place, check_count, not_utf8, read_bytes,
};

/// One table as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The file name, for messages.
    pub name: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The rows after the header, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// `cell` without the `'` that marks text in PartnerMap's tables, and whether it had one.
pub fn unmark(cell: &str) -> (&str, bool) {
    if let Some(rest) = cell.strip_prefix('\'')
        && (rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
            || rest.trim().parse::<f64>().is_ok())
    {
        return (rest, true);
    }
    (cell, false)
}

impl Table {
    /// Reads the table in `bytes` (UTF-8; a byte-order mark is dropped). Problems name the
    /// table `name` and the row.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Self, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let count = |c: u8| first_line.iter().filter(|&&b| b == c).count();
        let delimiter = [b';', b'\t']
            .into_iter()
            .find(|&d| count(d) > count(b','))
            .unwrap_or(b',');
        if let Err(e) = std::str::from_utf8(bytes) {
            return Err(not_utf8(name, bytes, e.valid_up_to(), |offset| {
                let (row, line) = Rows::new(bytes, delimiter).row_at(offset);
                format!("row {row} (line {line})")
            }));
        }
        Rows::new(bytes, delimiter).check().map_err(|p| {
            ImportError::Malformed(Issue {
                place: Place::Row {
                    table: name.into(),
                    row: p.row,
                },
                message: p.message,
            })
        })?;
        // The CSV reader skips blank lines; a spreadsheet counts them as rows.
        let mut numbering = Rows::new(bytes, delimiter);
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes);
        let mut records = reader.records();
        let malformed = |row: usize, message: String| {
            ImportError::Malformed(Issue {
                place: Place::Row {
                    table: name.into(),
                    row,
                },
                message,
            })
        };
        let headers: Vec<String> = match records.next() {
            Some(Ok(r)) => r.iter().map(|h| unmark(h).0.trim().to_string()).collect(),
            Some(Err(e)) => return Err(malformed(1, format!("the header cannot be read: {e}"))),
            None => {
                return Err(malformed(
                    1,
                    "the table is empty; the first row must name the columns".into(),
                ));
            }
        };
        if headers.iter().all(String::is_empty) {
            return Err(malformed(
                1,
                "the first row must name the columns, and it is blank".into(),
            ));
        }
        let mut rows = Vec::new();
        let mut cells_read = 0usize;
        for (i, record) in records.enumerate() {
            check_count(i, MAX_ITEMS, "rows")?;
            cells_read += headers.len();
            check_count(cells_read, MAX_VALUES, "cells")?;
            let record =
                record.map_err(|e| malformed(rows.len() + 2, format!("cannot be read: {e}")))?;
            if let Some(at) = record.position() {
                let (row, _) = numbering.record_at(at.byte() as usize);
                // Blank lines before this row are rows without cells.
                while rows.len() + 2 < row {
                    check_count(rows.len(), MAX_ITEMS, "rows")?;
                    rows.push(Vec::new());
                }
            }
            let row = rows.len() + 2;
            if record.len() > headers.len()
                && record.iter().skip(headers.len()).any(|c| !c.is_empty())
            {
                return Err(malformed(
                    row,
                    format!(
                        "has {} cells but the header names {} columns",
                        record.len(),
                        headers.len()
                    ),
                ));
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                rows.push(Vec::new());
                continue;
            }
            let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
            cells.resize(headers.len(), String::new());
            rows.push(cells);
        }
        Ok(Self {
            name: name.to_string(),
            headers,
            rows,
        })
    }

    /// Reads the table in the file `path`.
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        let bytes = read_bytes(path)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Self::parse(&name, &bytes)
    }

    /// Whether the headers look like a partnerships table (they give both ends).
    pub fn looks_like_partnerships(&self) -> bool {
        let targets = guess_all(
            &self.headers,
            &PARTNERSHIP_FIELDS,
            PARTNERSHIP_HEADERS,
            true,
        );
        let has = |f: &str| gives(&targets, f);
        (has("a") || has("a_name")) && (has("b") || has("b_name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_tables_and_marked_text_are_read() {
        let t = Table::parse("t.csv", "name;sector\r\n'=SUM(A1);NGO\r\n".as_bytes()).unwrap();
        assert_eq!(t.headers, ["name", "sector"]);
        assert_eq!(unmark(&t.rows[0][0]), ("=SUM(A1)", true));
        assert_eq!(unmark("'12"), ("12", true));
        assert_eq!(unmark("'hello"), ("'hello", false));
        assert_eq!(unmark("plain"), ("plain", false));
    }

    #[test]
    fn a_row_longer_than_the_header_is_refused_with_its_number() {
        let err = Table::parse("t.csv", b"name,sector\nA,State\nB,State,extra\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv row 3: has 3 cells but the header names 2 columns"
        );
    }
}
