//! Tables on report pages: a heading, a header row repeated on every page, rows of wrapped
//! cells, light bands for the eye, numbers right-aligned; a table longer than a page goes
//! on to the next.

use std::borrow::Cow;

use crate::io::export::page::{Area, PX_PER_PT};
use crate::io::export::svg::{Anchor, Doc, TextStyle, wrap_to_width};

/// Cell text: 7.5 pt, dense enough that a research map's tables take tens of pages, not
/// hundreds, and above the 7 pt minimum.
const CELL: TextStyle = TextStyle::new(7.5 * PX_PER_PT);
/// Header text: 7.5 pt bold.
const HEAD: TextStyle = TextStyle::new(7.5 * PX_PER_PT).bold();
/// The section heading: 12 pt bold.
const HEADING: TextStyle = TextStyle::new(12.0 * PX_PER_PT).bold();
/// A line of a cell, and the space above and below a row's lines, in px.
const LINE: f64 = 9.5 * PX_PER_PT;
const PAD: f64 = 2.0;
/// A cell shows at most this many lines; the last one ends with an ellipsis if more.
const MAX_LINES: usize = 2;
/// The heading's height, with the space under it, in px.
const HEADING_H: f64 = 26.0;
/// Space between columns, in px.
const GUTTER: f64 = 6.0;

/// A column: its header, its share of the table's width, and whether it holds numbers.
#[derive(Clone, Debug)]
pub(super) struct Column {
    pub(super) header: Cow<'static, str>,
    pub(super) share: f64,
    pub(super) numeric: bool,
}

impl Column {
    /// A column of text.
    pub(super) const fn text(header: &'static str, share: f64) -> Self {
        Self {
            header: Cow::Borrowed(header),
            share,
            numeric: false,
        }
    }

    /// A column of numbers, right-aligned.
    pub(super) const fn number(header: &'static str, share: f64) -> Self {
        Self {
            header: Cow::Borrowed(header),
            share,
            numeric: true,
        }
    }

    /// A column of numbers under a header made at run time (a snapshot's name).
    pub(super) fn numbers_of(header: String, share: f64) -> Self {
        Self {
            header: Cow::Owned(header),
            share,
            numeric: true,
        }
    }
}

/// A table: its heading, columns and rows of cells.
#[derive(Clone, Debug)]
pub(super) struct Table {
    pub(super) heading: String,
    pub(super) columns: Vec<Column>,
    pub(super) rows: Vec<Vec<String>>,
    /// Said under the heading when there are no rows.
    pub(super) empty: &'static str,
}

/// A row laid out: its cells' lines and its height.
struct LaidRow {
    cells: Vec<Vec<String>>,
    height: f64,
}

/// One page of a table: the rows `rows` of it.
#[derive(Clone, Debug)]
pub(super) struct TablePage {
    pub(super) table: usize,
    pub(super) rows: std::ops::Range<usize>,
    pub(super) first: bool,
}

impl Table {
    /// The width of each column inside `width`, gutters left out: each at least as wide
    /// as its header (when the page allows), the rest shared out by the columns' shares.
    fn widths(&self, width: f64) -> Vec<f64> {
        let headers: Vec<f64> = self
            .columns
            .iter()
            .map(|c| HEAD.width(&c.header) + 1.0)
            .collect();
        let gutters = GUTTER * self.columns.len() as f64;
        let needed: f64 = headers.iter().sum::<f64>() + gutters;
        let total: f64 = self.columns.iter().map(|c| c.share).sum::<f64>().max(1e-9);
        if needed > width {
            return self
                .columns
                .iter()
                .map(|c| (width * c.share / total - GUTTER).max(10.0))
                .collect();
        }
        // Share out the room, then lift the columns narrower than their header, taking
        // what they need from the others in proportion to their shares.
        let room = width - gutters;
        let mut widths: Vec<f64> = self
            .columns
            .iter()
            .map(|c| room * c.share / total)
            .collect();
        let short: f64 = widths
            .iter()
            .zip(&headers)
            .map(|(w, h)| (h - w).max(0.0))
            .sum();
        let spare: f64 = widths
            .iter()
            .zip(&headers)
            .map(|(w, h)| (w - h).max(0.0))
            .sum::<f64>()
            .max(1e-9);
        for (w, h) in widths.iter_mut().zip(&headers) {
            *w = if *w < *h {
                *h
            } else {
                *w - (*w - h) * short / spare
            };
        }
        widths
    }

    /// Lays out `cells` in columns of `widths`, each wrapped to its column.
    fn lay_row(cells: &[String], widths: &[f64], style: TextStyle) -> LaidRow {
        let cells: Vec<Vec<String>> = cells
            .iter()
            .zip(widths)
            .map(|(text, &w)| fit_lines(text, w, style))
            .collect();
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        LaidRow {
            cells,
            height: lines as f64 * LINE + 2.0 * PAD,
        }
    }

    /// The header row laid out for `width`.
    fn header(&self, width: f64) -> LaidRow {
        let headers: Vec<String> = self.columns.iter().map(|c| c.header.to_string()).collect();
        Self::lay_row(&headers, &self.widths(width), HEAD)
    }

    /// The height the whole table takes when drawn `width` wide: its heading, header row
    /// and every row (or the line saying it is empty).
    pub(super) fn height(&self, width: f64) -> f64 {
        if self.rows.is_empty() {
            return HEADING_H + LINE + 2.0 * PAD;
        }
        let widths = self.widths(width);
        let rows: f64 = self
            .rows
            .iter()
            .map(|r| Self::lay_row(r, &widths, CELL).height)
            .sum();
        HEADING_H + self.header(width).height + rows
    }

    /// Splits the table into pages of the content area `c`: each page's rows.
    pub(super) fn paginate(&self, c: Area) -> Vec<std::ops::Range<usize>> {
        let widths = self.widths(c.w);
        let room = c.h - HEADING_H - self.header(c.w).height;
        let mut pages = Vec::new();
        let (mut start, mut used) = (0, 0.0);
        for (i, row) in self.rows.iter().enumerate() {
            let h = Self::lay_row(row, &widths, CELL).height;
            if used + h > room && i > start {
                pages.push(start..i);
                start = i;
                used = 0.0;
            }
            used += h;
        }
        pages.push(start..self.rows.len());
        pages
    }

    /// Draws the rows `rows` of the table into `c`, with the heading (said to continue
    /// after the first page) and the header row.
    pub(super) fn draw(&self, doc: &mut Doc, c: Area, rows: std::ops::Range<usize>, first: bool) {
        let muted = doc.pal.muted;
        let ink = doc.pal.ink;
        let heading = if first {
            self.heading.clone()
        } else {
            format!("{} (continued)", self.heading)
        };
        doc.text(
            (c.x, c.y + HEADING.px),
            HEADING,
            &format!("fill=\"{ink}\""),
            &heading,
        );
        let widths = self.widths(c.w);
        let mut y = c.y + HEADING_H;
        if self.rows.is_empty() {
            doc.text(
                (c.x, y + CELL.px),
                CELL,
                &format!("fill=\"{muted}\""),
                self.empty,
            );
            return;
        }
        let header = self.header(c.w);
        self.draw_row(doc, (c.x, y), &widths, &header, HEAD);
        y += header.height;
        let (rule, band) = (doc.pal.rule, doc.pal.band);
        doc.s("<line x1=\"")
            .n(c.x)
            .s("\" y1=\"")
            .n(y)
            .s("\" x2=\"")
            .n(c.x + c.w)
            .s("\" y2=\"")
            .n(y)
            .s("\" stroke=\"")
            .s(rule)
            .s("\" stroke-width=\"0.75\"/>\n");
        for (k, i) in rows.enumerate() {
            let Some(cells) = self.rows.get(i) else {
                break;
            };
            let row = Self::lay_row(cells, &widths, CELL);
            if k % 2 == 1 {
                doc.s("<rect x=\"")
                    .n(c.x)
                    .s("\" y=\"")
                    .n(y)
                    .s("\" width=\"")
                    .n(c.w)
                    .s("\" height=\"")
                    .n(row.height)
                    .s("\" fill=\"")
                    .s(band)
                    .s("\"/>\n");
            }
            self.draw_row(doc, (c.x, y), &widths, &row, CELL);
            y += row.height;
        }
    }

    /// Draws one laid-out row with its top left at (`x`, `y`).
    fn draw_row(
        &self,
        doc: &mut Doc,
        (x, y): (f64, f64),
        widths: &[f64],
        row: &LaidRow,
        style: TextStyle,
    ) {
        let ink = doc.pal.ink;
        let mut left = x;
        for ((column, lines), &w) in self.columns.iter().zip(&row.cells).zip(widths) {
            if !lines.iter().all(|l| l.is_empty()) {
                let (at, style) = if column.numeric {
                    (left + w, style.anchored(Anchor::End))
                } else {
                    (left, style)
                };
                doc.lines(
                    "",
                    (at, y + PAD + style.px),
                    (style, LINE),
                    &format!("fill=\"{ink}\""),
                    lines,
                );
            }
            left += w + GUTTER;
        }
    }
}

/// `text` as lines that fit `width` in `style`: wrapped at spaces, and a word wider than
/// the column cut with an ellipsis. Cells of one line that clearly fit are not measured.
fn fit_lines(text: &str, width: f64, style: TextStyle) -> Vec<String> {
    if text.is_empty() {
        return vec![String::new()];
    }
    // A generous guess of the width: most cells are short and need no shaping.
    if text.chars().count() as f64 * style.px * 0.62 <= width && !text.contains('\n') {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = wrap_to_width(text, width, style.px)
        .into_iter()
        .map(|line| cut_to(&line, width, style))
        .collect();
    if lines.len() > MAX_LINES {
        let rest = lines.split_off(MAX_LINES - 1).join(" ");
        lines.push(cut_to(&rest, width, style));
    }
    lines
}

/// `line` cut with an ellipsis where it is wider than `width`.
fn cut_to(line: &str, width: f64, style: TextStyle) -> String {
    if style.width(line) <= width {
        return line.to_string();
    }
    let ends: Vec<usize> = line.char_indices().map(|(i, _)| i).skip(1).collect();
    // The longest start that fits with the ellipsis.
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate = format!("{}…", &line[..ends[mid - 1]]);
        if style.width(&candidate) <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    match lo {
        0 => "…".to_string(),
        n => format!("{}…", &line[..ends[n - 1]]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_too_wide_for_its_column_is_cut_with_an_ellipsis() {
        let long = "Interministerialcoordinationcommitteeforruraldevelopment";
        let cut = cut_to(long, 80.0, CELL);
        assert!(cut.ends_with('…') && cut.len() < long.len());
        assert!(CELL.width(&cut) <= 80.0);
        assert_eq!(cut_to("Short", 80.0, CELL), "Short");
    }

    #[test]
    fn long_tables_go_on_over_pages_and_keep_every_row() {
        let table = Table {
            heading: "Actors".into(),
            columns: vec![Column::text("Actor", 3.0), Column::number("Degree", 1.0)],
            rows: (0..250)
                .map(|i| vec![format!("Actor {i}"), i.to_string()])
                .collect(),
            empty: "none",
        };
        let c = Area {
            x: 50.0,
            y: 100.0,
            w: 680.0,
            h: 900.0,
        };
        let pages = table.paginate(c);
        assert!(pages.len() >= 4, "{pages:?}");
        assert_eq!(pages.first().map(|r| r.start), Some(0));
        assert_eq!(pages.last().map(|r| r.end), Some(250));
        for w in pages.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }
}
