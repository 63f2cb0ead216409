//! Steps through RON text a character at a time, counting lines and columns, and skips the
//! parts that cannot hold a field name: comments, strings, characters and attributes.

use crate::model::Location;

/// A position in RON text, with its line and column.
pub(super) struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl<'a> Scanner<'a> {
    /// The start of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            chars: text.char_indices().peekable(),
            line: 1,
            column: 1,
        }
    }
}

impl Scanner<'_> {
    /// Moves past the next character and gives it.
    pub(super) fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    /// The next character, not moving past it.
    pub(super) fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|(_, c)| *c)
    }

    /// Where the next character is.
    pub(super) fn here(&self) -> Location {
        Location {
            line: self.line,
            column: self.column,
        }
    }

    /// Past a `/` and the comment it starts, if it starts one: a line comment to the end of
    /// its line, a block comment (which may nest) to its end.
    pub(super) fn skip_slash(&mut self) {
        self.bump();
        match self.peek() {
            Some('/') => {
                while let Some(c) = self.bump() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            Some('*') => {
                self.bump();
                self.skip_block_comment();
            }
            _ => {}
        }
    }

    /// Past the rest of a block comment whose `/*` is behind.
    fn skip_block_comment(&mut self) {
        let mut depth = 1;
        let mut prev = '\0';
        while let Some(c) = self.bump() {
            if prev == '/' && c == '*' {
                depth += 1;
                prev = '\0';
                continue;
            }
            if prev == '*' && c == '/' {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                prev = '\0';
                continue;
            }
            prev = c;
        }
    }

    /// Past a string or character quoted by the next character, `quote` (escapes included).
    pub(super) fn skip_quoted(&mut self, quote: char) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                c if c == quote => break,
                _ => {}
            }
        }
    }

    /// Past an attribute such as `#![enable(implicit_some)]`.
    pub(super) fn skip_attribute(&mut self) {
        self.bump();
        let mut depth = 0;
        while let Some(c) = self.bump() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth <= 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }

    /// The identifier that starts here (letters, digits and `_`).
    pub(super) fn ident(&mut self) -> String {
        let mut ident = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                ident.push(c);
                self.bump();
            } else {
                break;
            }
        }
        ident
    }

    /// Whether a raw string (`r"…"`, `r#"…"#`) starts here, after the `r` that was read as
    /// an identifier.
    pub(super) fn at_raw_string(&mut self) -> bool {
        matches!(self.peek(), Some('"') | Some('#'))
    }

    /// Past the rest of a raw string whose `r` is behind.
    pub(super) fn skip_raw_string(&mut self) {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        if self.peek() != Some('"') {
            return;
        }
        self.bump();
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut n = 0;
                while n < hashes && self.peek() == Some('#') {
                    self.bump();
                    n += 1;
                }
                if n == hashes {
                    return;
                }
            }
        }
    }
}
