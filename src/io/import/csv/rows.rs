//! The rows of a table's bytes as a spreadsheet numbers them (a blank line is a row, a cell
//! on several lines is one), and the quotes that do not close as they should: what the CSV
//! reader itself passes over in silence (it skips blank lines, reads an unclosed quote to the
//! end of the file as one cell, and keeps text after a closing quote).

/// Where a [`Rows`] reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// At the start of a row.
    RowStart,
    /// At the start of a cell.
    CellStart,
    /// Inside a cell without quotes.
    Plain,
    /// Inside a quoted cell.
    Quoted,
    /// Just after a quote inside a quoted cell: the cell's end, or the first of two quotes.
    QuoteInQuoted,
    /// After a quoted cell's closing quote and spaces.
    AfterQuote,
}

/// A quote that does not close as it should, with the row and line where it opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct QuoteProblem {
    /// The row (from 1) where the quote opened.
    pub row: usize,
    /// What is wrong, with the lines.
    pub message: String,
}

/// Reads a table's bytes row by row, as the CSV reader does, counting rows and lines.
pub(super) struct Rows<'a> {
    bytes: &'a [u8],
    delimiter: u8,
    /// The next byte to read.
    pos: usize,
    state: State,
    /// The row being read, from 1.
    row: usize,
    /// The line being read, from 1.
    line: usize,
    /// The row and line where the quoted cell being read opened.
    quote: (usize, usize),
}

impl<'a> Rows<'a> {
    /// A reader at the start of `bytes`, whose cells are separated by `delimiter`.
    pub fn new(bytes: &'a [u8], delimiter: u8) -> Self {
        Self {
            bytes,
            delimiter,
            pos: 0,
            state: State::RowStart,
            row: 1,
            line: 1,
            quote: (1, 1),
        }
    }

    /// The row and line (from 1) of the byte at `offset`, reading up to it (offsets only
    /// grow from call to call).
    pub fn row_at(&mut self, offset: usize) -> (usize, usize) {
        let end = offset.min(self.bytes.len());
        while self.pos < end {
            // Read on past a quote that does not close as it should, as the CSV reader
            // does: `check` reports it.
            let _ = self.step();
        }
        (self.row, self.line)
    }

    /// The row and line (from 1) of the record that the CSV reader reads from byte `offset`:
    /// the first after the blank lines it skips.
    pub fn record_at(&mut self, offset: usize) -> (usize, usize) {
        self.row_at(offset);
        while self.state == State::RowStart
            && self
                .bytes
                .get(self.pos)
                .is_some_and(|&b| b == b'\n' || b == b'\r')
        {
            let _ = self.step();
        }
        (self.row, self.line)
    }

    /// Reads the whole table and gives the first quote that does not close as it should: one
    /// still open at the end, or one followed by text other than spaces before the next cell.
    pub fn check(mut self) -> Result<(), QuoteProblem> {
        while self.pos < self.bytes.len() {
            self.step()?;
        }
        if self.state == State::Quoted {
            let (row, line) = self.quote;
            return Err(QuoteProblem {
                row,
                message: format!(
                    "a quote opens a cell on line {line} and is never closed, so the rest of \
                     the file would be one cell; close it (a quote inside a cell is written \
                     twice: \"\")"
                ),
            });
        }
        Ok(())
    }

    /// Reads one byte (two for a CR LF).
    fn step(&mut self) -> Result<(), QuoteProblem> {
        let b = self.bytes[self.pos];
        let line_break = b == b'\n' || b == b'\r';
        if b == b'\r' && self.bytes.get(self.pos + 1) == Some(&b'\n') {
            self.pos += 1;
        }
        self.pos += 1;
        let mut state = self.state;
        if state == State::RowStart && !line_break {
            state = State::CellStart;
        }
        let ends_cell = b == self.delimiter;
        self.state = match state {
            // A blank line: a row of its own.
            State::RowStart => State::RowStart,
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::CellStart if b == b'"' => {
                self.quote = (self.row, self.line);
                State::Quoted
            }
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::QuoteInQuoted | State::AfterQuote if b == b' ' || b == b'\t' => {
                State::AfterQuote
            }
            State::QuoteInQuoted | State::AfterQuote if !ends_cell && !line_break => {
                return Err(self.text_after_quote());
            }
            _ if ends_cell => State::CellStart,
            _ if line_break => State::RowStart,
            _ => State::Plain,
        };
        if line_break {
            self.line += 1;
            if self.state == State::RowStart {
                self.row += 1;
            }
        }
        Ok(())
    }

    /// The problem of text after the closing quote of the cell being read.
    fn text_after_quote(&self) -> QuoteProblem {
        let (row, opened) = self.quote;
        let message = if opened == self.line {
            format!(
                "a quoted cell on line {opened} has text after its closing quote; a quote \
                 inside a cell is written twice (\"\")"
            )
        } else {
            format!(
                "a quote opens a cell on line {opened} that closes on line {} with text after \
                 it, so those lines would be one cell; a quote inside a cell is written twice \
                 (\"\")",
                self.line
            )
        };
        QuoteProblem { row, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_rows_and_a_cell_on_several_lines_is_one() {
        let text = b"name,notes\n\nA,\"one\ntwo\"\r\nB,x\n";
        let mut rows = Rows::new(text, b',');
        assert_eq!(rows.row_at(0), (1, 1));
        assert_eq!(rows.row_at(12), (3, 3));
        let b = text.iter().position(|&c| c == b'B').unwrap();
        assert_eq!(rows.row_at(b), (4, 5));
        assert!(Rows::new(text, b',').check().is_ok());
    }

    #[test]
    fn quotes_that_do_not_close_are_found_where_they_open() {
        let unclosed = Rows::new(b"name\nA\n\"B\nC\nD\n", b',').check();
        assert_eq!(unclosed.unwrap_err().row, 3);
        let after = Rows::new(b"name,x\nA,1\n\"B\nC,2\nD,\"3\"\n", b',').check();
        let after = after.unwrap_err();
        assert_eq!(after.row, 3);
        assert!(
            after.message.contains("line 3 that closes on line 5"),
            "{}",
            after.message
        );
        assert!(
            Rows::new(b"a,b\n\"x \"\"y\"\"\" ,2\n5\" screen,3\n", b',')
                .check()
                .is_ok()
        );
    }
}
