//! A small pull reader over quick-xml shared by the GraphML and GEXF importers: elements by
//! local name with their attributes unescaped, text with entity and character references
//! resolved, empty elements followed by their end, positions as byte offsets, and every
//! error of well-formedness turned into a message with its line and column.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{ImportError, Issue, Place};
use crate::io::export::gexf::PI_TARGET;

/// The deepest nesting of elements read; deeper files are refused (no real graph needs it).
pub const MAX_DEPTH: usize = 200;

/// One step through the document.
#[derive(Debug)]
pub enum Ev {
    /// An element starts (also for an empty element, which is followed by its [`Ev::End`]).
    Start {
        /// Its local name (without a namespace prefix).
        name: String,
        /// Its attributes by local name, values unescaped.
        attrs: Vec<(String, String)>,
        /// The byte offset of its `<`.
        at: usize,
    },
    /// An element ends.
    End,
    /// Text inside an element (a piece of it: consecutive pieces belong together).
    Text(String),
    /// The end of the document.
    Eof,
}

/// The line and column (from 1, in characters) of byte `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> Place {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count() + 1;
    Place::Text { line, column }
}

/// Turns byte offsets of one text into lines and columns, fast enough for a file whose every
/// node has a place to show (a note listing the unnamed actors of a million-node file): the
/// line starts are found once, and a column is counted on from the place shown before when
/// it is earlier on the same line (places are mostly shown in file order), so that even a
/// file on one line costs about one reading of it. [`line_column`] counts from the start of
/// the text each time.
#[derive(Debug, Default)]
pub struct LineIndex {
    /// The byte offset where each line starts (files are at most 256 MB).
    starts: std::cell::OnceCell<Vec<u32>>,
    /// The last place shown: its byte offset and column.
    last: std::cell::Cell<(usize, usize)>,
}

impl LineIndex {
    /// The line and column (from 1, in characters) of byte `offset` of `text`, which must be
    /// the same text at every call; as [`line_column`] gives them.
    pub fn line_column(&self, text: &str, offset: usize) -> Place {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s as usize <= offset);
        let start = starts[line - 1] as usize;
        let (from, column) = match self.last.get() {
            (at, column) if at >= start && at <= offset && column > 0 => (at, column),
            _ => (start, 1),
        };
        let column = column + text[from..offset].chars().count();
        self.last.set((offset, column));
        Place::Text { line, column }
    }
}

/// Reads `text` as a stream of [`Ev`].
pub struct XmlIn<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    pending_end: bool,
    depth: usize,
    started: bool,
    /// The pseudo-attributes of every `<?partnermap …?>` processing instruction read so far,
    /// with its byte offset (PartnerMap's GEXF carries the map's own values so).
    pub instructions: Vec<(Vec<(String, String)>, usize)>,
}

impl<'a> XmlIn<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(false);
        Self {
            reader,
            text,
            pending_end: false,
            depth: 0,
            started: false,
            instructions: Vec::new(),
        }
    }

    /// How far the reader is, in bytes.
    pub fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    /// The line and column of byte `offset`.
    pub fn place(&self, offset: usize) -> Place {
        line_column(self.text, offset)
    }

    /// A message about the place `offset`.
    pub fn malformed(&self, offset: usize, message: impl Into<String>) -> ImportError {
        ImportError::Malformed(Issue {
            place: line_column(self.text, offset),
            message: message.into(),
        })
    }

    /// An error of the XML reader, at the place it gives.
    fn error(&self, e: impl std::fmt::Display) -> ImportError {
        self.error_at(self.reader.error_position() as usize, e)
    }

    /// An error found in what the reader gave (a reference, an attribute), at `offset`: the
    /// reader's own error position is that of its last error, not of this one.
    fn error_at(&self, offset: usize, e: impl std::fmt::Display) -> ImportError {
        self.malformed(offset, format!("the XML is not well-formed: {e}"))
    }

    /// The byte offset of `part`, a slice of the text being read.
    fn offset_of(&self, part: &[u8]) -> Option<usize> {
        let start = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        (start..=start + self.text.len())
            .contains(&at)
            .then(|| at - start)
    }

    /// The attributes `attrs` by local name (`local`) or full name, values unescaped and
    /// normalised; an error names its place. `tag` is the byte offset that the positions of
    /// the attribute reader count from (just after an element's `<`).
    fn attributes(
        &self,
        attrs: quick_xml::events::attributes::Attributes<'_>,
        tag: usize,
        local: bool,
    ) -> Result<Vec<(String, String)>, ImportError> {
        use quick_xml::events::attributes::AttrError;
        let mut out = Vec::new();
        for attr in attrs {
            let attr = attr.map_err(|err| match err {
                AttrError::Duplicated(p, first) => self.malformed(
                    tag + p,
                    format!(
                        "the XML is not well-formed: this attribute is given a second time in \
                         the element (first at {})",
                        self.place(tag + first)
                    ),
                ),
                AttrError::ExpectedEq(p)
                | AttrError::ExpectedValue(p)
                | AttrError::UnquotedValue(p)
                | AttrError::ExpectedQuote(p, _) => {
                    // The reader's message starts with the position in the element.
                    let message = err.to_string();
                    let message = message
                        .split_once(": ")
                        .filter(|(head, _)| head.starts_with("position "))
                        .map_or(message.as_str(), |(_, rest)| rest);
                    self.error_at(tag + p, message)
                }
            })?;
            let key = if local {
                attr.key.local_name().as_ref().to_vec()
            } else {
                attr.key.as_ref().to_vec()
            };
            let key = String::from_utf8_lossy(&key).into_owned();
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| {
                    let value_at = match &attr.value {
                        std::borrow::Cow::Borrowed(v) => self.offset_of(v),
                        std::borrow::Cow::Owned(_) => None,
                    }
                    .unwrap_or(tag);
                    self.value_error(value_at, &attr.value, err)
                })?;
            out.push((key, value.into_owned()));
        }
        Ok(out)
    }

    /// The error of an attribute value (as written: `raw`, at byte `at`) that cannot be
    /// unescaped, at the reference that fails.
    fn value_error(&self, at: usize, raw: &[u8], err: quick_xml::Error) -> ImportError {
        use quick_xml::escape::EscapeError;
        match err {
            quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(range, name)) => self
                .malformed(
                    // The range is that of the name, after the `&`.
                    at + range.start.saturating_sub(1),
                    format!(
                        "the entity &{name}; is not defined (only &amp; &lt; &gt; &quot; &apos; are)"
                    ),
                ),
            quick_xml::Error::Escape(EscapeError::UnterminatedEntity(range)) => self.malformed(
                at + range.start,
                "the XML is not well-formed: an & starts no reference (write & as &amp;)",
            ),
            quick_xml::Error::Escape(e @ EscapeError::InvalidCharRef(_)) => {
                self.error_at(at + first_bad_char_ref(raw).unwrap_or(0), e)
            }
            e => self.error_at(at, e),
        }
    }

    /// The next step.
    pub fn next(&mut self) -> Result<Ev, ImportError> {
        if self.pending_end {
            self.pending_end = false;
            self.depth -= 1;
            return Ok(Ev::End);
        }
        loop {
            let at = self.position();
            let event = self.reader.read_event().map_err(|e| self.error(e))?;
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    if self.depth == 0 && self.started {
                        return Err(self.malformed(at, "there is more than one root element"));
                    }
                    self.started = true;
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.malformed(
                            at,
                            format!("elements are nested more than {MAX_DEPTH} deep"),
                        ));
                    }
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    let attrs = self.attributes(e.attributes(), at + 1, true)?;
                    self.pending_end = matches!(event, Event::Empty(_));
                    return Ok(Ev::Start { name, attrs, at });
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Ev::End);
                }
                Event::Text(t) => {
                    if self.depth == 0 {
                        continue;
                    }
                    let s = t.xml10_content().map_err(|e| self.error_at(at, e))?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::CData(t) => {
                    let s = t.decode().map_err(|e| self.error_at(at, e))?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::GeneralRef(r) => {
                    if let Some(c) = r.resolve_char_ref().map_err(|e| self.error_at(at, e))? {
                        return Ok(Ev::Text(c.to_string()));
                    }
                    let name = r.decode().map_err(|e| self.error_at(at, e))?;
                    match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => return Ok(Ev::Text(s.to_string())),
                        None => {
                            return Err(self.malformed(
                                at,
                                format!("the entity &{name}; is not defined (only &amp; &lt; &gt; &quot; &apos; are)"),
                            ));
                        }
                    }
                }
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.malformed(
                            self.text.len(),
                            "the file ends before its elements are closed (is it cut short?)",
                        ));
                    }
                    if !self.started {
                        return Err(self.malformed(0, "the file holds no XML element"));
                    }
                    return Ok(Ev::Eof);
                }
                Event::PI(ref pi) if pi.target() == PI_TARGET.as_bytes() => {
                    let attrs = self.attributes(pi.attributes(), at, false)?;
                    self.instructions.push((attrs, at));
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
    }

    /// The text of the element just started, up to its end (the text of child elements
    /// included), for `<data>` and `<default>`.
    pub fn text_content(&mut self) -> Result<String, ImportError> {
        let mut out = String::new();
        let mut depth = 1usize;
        loop {
            match self.next()? {
                Ev::Start { .. } => depth += 1,
                Ev::End => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                }
                Ev::Text(t) => out.push_str(&t),
                Ev::Eof => return Ok(out),
            }
        }
    }

    /// The text of the `<default>` child of the declaration just started (GraphML `<key>`,
    /// GEXF `<attribute>`), reading to the declaration's end.
    pub fn default_value(&mut self) -> Result<Option<String>, ImportError> {
        self.declaration().map(|(default, _)| default)
    }

    /// The texts of the `<default>` and `<desc>` children of the declaration just started,
    /// reading to its end.
    pub fn declaration(&mut self) -> Result<(Option<String>, Option<String>), ImportError> {
        let (mut default, mut desc) = (None, None);
        loop {
            match self.next()? {
                Ev::Start { name, .. } if name == "default" => {
                    default = Some(self.text_content()?);
                }
                Ev::Start { name, .. } if name == "desc" => {
                    desc = Some(self.text_content()?);
                }
                Ev::Start { .. } => self.skip()?,
                Ev::End | Ev::Eof => return Ok((default, desc)),
                Ev::Text(_) => {}
            }
        }
    }

    /// Skips the rest of the element just started.
    pub fn skip(&mut self) -> Result<(), ImportError> {
        self.text_content().map(drop)
    }
}

/// Where in `raw` (an attribute value as written) the first character reference stands that
/// names no character the XML reader allows (a number that is no character, or 0).
fn first_bad_char_ref(raw: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(raw).ok()?;
    text.match_indices("&#").map(|(i, _)| i).find(|&i| {
        let rest = &text[i + 2..];
        let body = rest.split(';').next().unwrap_or_default();
        let code = match body.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => body.parse::<u32>(),
        };
        code.ok().and_then(char::from_u32).is_none_or(|c| c == '\0')
    })
}

/// The value of attribute `name` in `attrs`.
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Reads the root element and refuses a file whose root is not `<root>` (a GraphML file
/// given as GEXF, an SVG, …), naming the `format`.
pub fn expect_root(xml: &mut XmlIn<'_>, root: &str, format: &str) -> Result<(), ImportError> {
    match xml.next()? {
        Ev::Start { name, .. } if name == root => Ok(()),
        Ev::Start { name, at, .. } => Err(xml.malformed(
            at,
            format!("this is not a {format} file: it starts with <{name}>, not <{root}>"),
        )),
        _ => Err(xml.malformed(
            0,
            format!("this is not a {format} file: it has no <{root}> element"),
        )),
    }
}

/// Counts a step of reading; every 4,096 steps checks for Cancel and reports how far the
/// reading is (the first half of an import's work; building the map is the second).
pub fn step(
    xml: &XmlIn<'_>,
    steps: &mut usize,
    progress: &super::Progress,
) -> Result<(), ImportError> {
    *steps += 1;
    if steps.is_multiple_of(4096) {
        super::check_count(*steps, super::MAX_XML_EVENTS, "XML elements and texts")?;
        if progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        progress.set(xml.position(), xml.text.len() * 2);
    }
    Ok(())
}

/// The problems found while reading, with their byte offsets turned into lines and
/// columns; `Ok` when there are none.
pub fn problems(text: &str, issues: super::Issues) -> Result<(), ImportError> {
    if issues.is_empty() {
        return Ok(());
    }
    let shown = issues
        .list
        .into_iter()
        .map(|mut i| {
            if let Place::Byte(b) = i.place {
                i.place = line_column(text, b);
            }
            i
        })
        .collect();
    Err(ImportError::Problems(shown, issues.more))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_gives_the_places_line_column_gives_in_any_order() {
        let text = "<a>\n  <b é=\"ü\"/>\n\n<c>日本語</c>\r\n<d/>";
        let index = LineIndex::default();
        let offsets: Vec<usize> = (0..=text.len() + 2).chain((0..text.len()).rev()).collect();
        for (k, &offset) in offsets.iter().enumerate() {
            // Forwards, backwards, and jumping about.
            let offset = if k % 7 == 3 { offset / 2 } else { offset };
            assert_eq!(
                index.line_column(text, offset),
                line_column(text, offset),
                "byte {offset}"
            );
        }
    }
}
