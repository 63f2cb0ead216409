//! The fonts every exported picture is drawn with: those shipped in `assets/fonts`, built
//! into the program so that a PNG or PDF comes out the same on every machine, whatever fonts
//! it has installed.
//!
//! Text that mixes scripts ("Council ខ្មែរ", "Emoji 🌾 group") is split into runs, each in
//! the first shipped font that has all of its characters ([`runs`]), so that the drawing can
//! name that font for each run: usvg, and with it the PNG and PDF, shapes a piece of text
//! with one font and falls back glyph by glyph, which breaks Khmer clusters and drops
//! emoji. [`text_width`] measures text with the same fonts and the same shaper, so that
//! legends and labels can be laid out before they are drawn.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use usvg::fontdb;

/// The shipped font files, built into the program once: the window's fonts
/// (the `ui::fonts` module) and the exports' are the same bytes.
pub const NOTO_SANS: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
pub const NOTO_KHMER: &[u8] = include_bytes!("../../../assets/fonts/NotoSansKhmer-Regular.ttf");
pub const NOTO_ARABIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");
pub const DEJAVU_SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
pub const NOTO_EMOJI: &[u8] = include_bytes!("../../../assets/fonts/NotoEmoji-Regular.ttf");
pub const DROID_FALLBACK: &[u8] = include_bytes!("../../../assets/fonts/DroidSansFallback.ttf");

/// One shipped face.
struct Shipped {
    /// Its family name, as the drawing names it.
    family: &'static str,
    /// Whether it is the bold face of its family.
    bold: bool,
    /// Whether it is for symbols only: spaces next to its symbols are drawn in the text's
    /// font (an emoji font's space is as wide as an emoji).
    symbols: bool,
    /// The font file.
    data: &'static [u8],
}

/// The default family: Latin, Greek and Cyrillic.
pub const DEFAULT_FAMILY: &str = "Noto Sans";

/// The shipped faces. Regular faces are in fallback order: a character is drawn in the
/// first of them that has it.
const SHIPPED: [Shipped; 7] = [
    Shipped {
        family: DEFAULT_FAMILY,
        bold: false,
        symbols: false,
        data: NOTO_SANS,
    },
    Shipped {
        family: DEFAULT_FAMILY,
        bold: true,
        symbols: false,
        data: NOTO_SANS_BOLD,
    },
    Shipped {
        family: "Noto Sans Khmer",
        bold: false,
        symbols: false,
        data: NOTO_KHMER,
    },
    Shipped {
        family: "Noto Sans Arabic",
        bold: false,
        symbols: false,
        data: NOTO_ARABIC,
    },
    // A wide fallback for symbols and other scripts (Hebrew, Armenian, …).
    Shipped {
        family: "DejaVu Sans",
        bold: false,
        symbols: false,
        data: DEJAVU_SANS,
    },
    // Monochrome emoji.
    Shipped {
        family: "Noto Emoji",
        bold: false,
        symbols: true,
        data: NOTO_EMOJI,
    },
    // Chinese, Japanese and Korean.
    Shipped {
        family: "Droid Sans Fallback",
        bold: false,
        symbols: false,
        data: DROID_FALLBACK,
    },
];

/// The font database with only the shipped fonts, built once.
pub fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for face in &SHIPPED {
            db.load_font_data(face.data.to_vec());
        }
        db.set_sans_serif_family(DEFAULT_FAMILY);
        db.set_serif_family(DEFAULT_FAMILY);
        db.set_monospace_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// The options usvg parses exported SVG with: the shipped fonts, Noto Sans by default.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: DEFAULT_FAMILY.to_string(),
        fontdb: database(),
        ..usvg::Options::default()
    }
}

/// The shipped faces parsed for shaping, in the order of [`SHIPPED`], built once.
fn faces() -> &'static [rustybuzz::Face<'static>] {
    static FACES: OnceLock<Vec<rustybuzz::Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        SHIPPED
            .iter()
            .filter_map(|s| rustybuzz::Face::from_slice(s.data, 0))
            .collect()
    })
}

/// The index in [`SHIPPED`] of the face that draws `family` in `bold` or, if the family
/// has no bold face, in regular (as usvg picks it).
fn face_index(family: &str, bold: bool) -> usize {
    SHIPPED
        .iter()
        .position(|s| s.family == family && s.bold == bold)
        .or_else(|| SHIPPED.iter().position(|s| s.family == family))
        .unwrap_or(0)
}

/// Whether `c` belongs with the character before it whatever font that is drawn in:
/// combining marks, joiners, variation selectors and other invisible format characters.
fn clings(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FEFF}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0000}'..='\u{E01EF}')
}

/// The first regular face in fallback order that has `c`, if any does.
fn face_for(c: char) -> Option<usize> {
    let faces = faces();
    SHIPPED
        .iter()
        .zip(faces)
        .position(|(s, f)| !s.bold && f.glyph_index(c).is_some())
}

/// A piece of one line of text drawn in one font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Where it stands in the line, in bytes.
    pub range: Range<usize>,
    /// The font family that draws it.
    pub family: &'static str,
}

/// Splits `line` into runs of one font each: letters and digits in the first shipped font
/// that has them; spaces, punctuation and symbols stay with the run they are in when its
/// font has them, marks and joiners always do. The runs come in the order they are drawn from left to
/// right: a right-to-left stretch (Arabic, Hebrew) that needs several fonts has its runs
/// reversed, as the Unicode bidirectional algorithm orders them on a left-to-right line.
/// Text in the default font alone is one run.
pub fn runs(line: &str) -> Vec<Run> {
    if line.is_ascii() {
        return vec![Run {
            range: 0..line.len(),
            family: DEFAULT_FAMILY,
        }];
    }
    let bidi = unicode_bidi::ParagraphBidiInfo::new(line, Some(unicode_bidi::Level::ltr()));
    let (levels, level_runs) = bidi.visual_runs(0..line.len());
    let faces = faces();
    let mut out = Vec::new();
    for level_run in level_runs {
        let first = out.len();
        let mut current: Option<(usize, usize)> = None; // (start, face index)
        for (i, c) in line[level_run.clone()].char_indices() {
            let at = level_run.start + i;
            // Letters and digits go to the first font that has them; the rest stays in
            // the run it is in while that run's font has it (spaces leave a symbol font).
            let keep = current.is_some_and(|(_, face)| {
                let moves = c.is_alphanumeric() || (SHIPPED[face].symbols && c.is_whitespace());
                clings(c) || (!moves && faces[face].glyph_index(c).is_some())
            });
            if keep {
                continue;
            }
            // A character no shipped font has stays where it is (and shows as a box).
            let Some(face) = face_for(c) else {
                if current.is_none() {
                    current = Some((at, 0));
                }
                continue;
            };
            if current.is_some_and(|(_, previous)| previous == face) {
                continue;
            }
            if let Some((start, previous)) = current.replace((at, face)) {
                out.push(Run {
                    range: start..at,
                    family: SHIPPED[previous].family,
                });
            }
        }
        if let Some((start, face)) = current {
            out.push(Run {
                range: start..level_run.end,
                family: SHIPPED[face].family,
            });
        }
        if levels[level_run.start].is_rtl() {
            // Each run is drawn on its own, left to right: spaces at its edges would land
            // on the wrong side, so they become runs of their own.
            let pieces: Vec<Run> = out
                .drain(first..)
                .flat_map(|run| split_edges(line, run))
                .collect();
            out.extend(pieces.into_iter().rev());
        }
    }
    // Neighbours in the same font make one run (the bidirectional split is only needed
    // between fonts; one run is shaped whole, as a browser would).
    let mut merged: Vec<Run> = Vec::with_capacity(out.len());
    for run in out {
        match merged.last_mut() {
            Some(last) if last.family == run.family && last.range.end == run.range.start => {
                last.range.end = run.range.end;
            }
            _ => merged.push(run),
        }
    }
    merged
}

/// `run` split into its leading spaces, the rest up to its last character that is not a
/// space, and the spaces that follow; empty pieces left out.
fn split_edges(line: &str, run: Run) -> Vec<Run> {
    let text = &line[run.range.clone()];
    let start = text
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(0, |(i, _)| i);
    let end = text
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let at = |i: usize| run.range.start + i;
    [0..start, start..end, end..text.len()]
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| Run {
            range: at(r.start)..at(r.end),
            family: run.family,
        })
        .collect()
}

/// A piece of a line that a renderer lays out by itself: one font, and no cluster inside
/// that usvg would misplace what follows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Where it stands in the line, in bytes.
    pub range: Range<usize>,
    /// The font family that draws it.
    pub family: &'static str,
    /// How far from the line's start it begins, in px.
    pub x: f64,
    /// Whether it must be given its position: the piece before it ends in a cluster of
    /// several glyphs, whose width usvg 0.45 takes as that of its widest glyph rather than
    /// their sum (Khmer vowels written before their consonant, "ែ" in "ខ្មែរ"), so that
    /// what follows would be drawn over it.
    pub placed: bool,
}

/// One line of text laid out in the shipped fonts.
#[derive(Clone, Debug, PartialEq)]
pub struct LineLayout {
    /// Its pieces, in the order they are drawn from left to right.
    pub pieces: Vec<Piece>,
    /// Its width, in px.
    pub width: f64,
    /// Whether a renderer gets the same width when it lays the line out by itself (it has
    /// no cluster of several glyphs).
    pub flows: bool,
}

/// What a shaping plan is made for: a face (its index in [`faces`]), a direction, a script
/// and a language.
type PlanKey = (
    usize,
    rustybuzz::Direction,
    Option<rustybuzz::Script>,
    Option<rustybuzz::Language>,
);

/// Shapes `buffer` (its segment properties guessed) with face `face_at`, as
/// `rustybuzz::shape` does, with a plan made once per face, direction, script and language
/// on each thread: making the plan is most of the cost of shaping a short label, and every
/// label of a map is measured.
fn shape(
    face_at: usize,
    face: &rustybuzz::Face<'static>,
    buffer: rustybuzz::UnicodeBuffer,
) -> rustybuzz::GlyphBuffer {
    thread_local! {
        static PLANS: RefCell<HashMap<PlanKey, Rc<rustybuzz::ShapePlan>>> =
            RefCell::new(HashMap::new());
    }
    // As `rustybuzz::shape` plans it: a script it could not guess is none.
    let script = Some(buffer.script()).filter(|s| *s != rustybuzz::script::UNKNOWN);
    let key: PlanKey = (face_at, buffer.direction(), script, buffer.language());
    let plan = PLANS.with(|plans| {
        plans
            .borrow_mut()
            .entry(key.clone())
            .or_insert_with(|| {
                Rc::new(rustybuzz::ShapePlan::new(
                    face,
                    key.1,
                    key.2,
                    key.3.as_ref(),
                    &[],
                ))
            })
            .clone()
    });
    rustybuzz::shape_with_plan(face, &plan, buffer)
}

/// Lays out one line of text `px` high in the shipped fonts (bold where there is a bold
/// face), with the shaper usvg draws with: its runs of one font ([`runs`]), split after
/// each cluster of several glyphs, and its width.
pub fn layout(line: &str, px: f64, bold: bool) -> LineLayout {
    let mut pieces = Vec::new();
    let mut x = 0.0;
    let mut flows = true;
    let mut placed = false;
    for run in runs(line) {
        let face_at = face_index(run.family, bold);
        let Some(face) = faces().get(face_at) else {
            continue;
        };
        let scale = px / f64::from(face.units_per_em().max(1));
        let text = &line[run.range.clone()];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let ltr = buffer.direction() != rustybuzz::Direction::RightToLeft;
        let shaped = shape(face_at, face, buffer);
        let (infos, positions) = (shaped.glyph_infos(), shaped.glyph_positions());
        let mut start = (run.range.start, x);
        let mut i = 0;
        while i < infos.len() {
            let cluster = infos[i].cluster;
            let mut j = i;
            let mut spacing = 0;
            while j < infos.len() && infos[j].cluster == cluster {
                x += f64::from(positions[j].x_advance) * scale;
                spacing += usize::from(positions[j].x_advance != 0);
                j += 1;
            }
            if spacing > 1 {
                flows = false;
                // Clusters come in text order on a left-to-right run: the piece ends
                // where the next cluster starts.
                if ltr {
                    let end = infos
                        .get(j)
                        .map_or(run.range.end, |g| run.range.start + g.cluster as usize);
                    pieces.push(Piece {
                        range: start.0..end,
                        family: run.family,
                        x: start.1,
                        placed,
                    });
                    placed = true;
                    start = (end, x);
                }
            }
            i = j;
        }
        if start.0 < run.range.end {
            pieces.push(Piece {
                range: start.0..run.range.end,
                family: run.family,
                x: start.1,
                placed,
            });
            placed = false;
        }
    }
    LineLayout {
        pieces,
        width: x,
        flows,
    }
}

/// One glyph of a line shaped in the shipped fonts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ShapedGlyph {
    /// The face that draws it: an index for [`face`].
    pub(crate) face: usize,
    /// Its glyph id in that face.
    pub(crate) id: u16,
    /// Where its origin stands from the line's start, and above the baseline, in px.
    pub(crate) at: (f64, f64),
    /// Px per font unit of its face.
    pub(crate) scale: f64,
}

/// The shipped face number `index` ([`ShapedGlyph::face`]), parsed.
pub(crate) fn face(index: usize) -> Option<&'static rustybuzz::Face<'static>> {
    faces().get(index)
}

/// The glyphs that draw one line of text `px` high in the shipped fonts (bold where there
/// is a bold face), from left to right, with the same runs, shaper and plans as [`layout`],
/// and the line's width: for drawing text without laying it out again through usvg.
pub(crate) fn shape_glyphs(line: &str, px: f64, bold: bool) -> (Vec<ShapedGlyph>, f64) {
    let mut glyphs = Vec::new();
    let mut x = 0.0;
    for run in runs(line) {
        let face_at = face_index(run.family, bold);
        let Some(face) = faces().get(face_at) else {
            continue;
        };
        let scale = px / f64::from(face.units_per_em().max(1));
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&line[run.range.clone()]);
        buffer.guess_segment_properties();
        let shaped = shape(face_at, face, buffer);
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            glyphs.push(ShapedGlyph {
                face: face_at,
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                at: (
                    x + f64::from(pos.x_offset) * scale,
                    f64::from(pos.y_offset) * scale,
                ),
                scale,
            });
            x += f64::from(pos.x_advance) * scale;
        }
    }
    (glyphs, x)
}

/// The width of one line of text `px` high in the shipped fonts (bold where there is a bold
/// face), as the PNG and PDF draw it.
pub fn text_width(line: &str, px: f64, bold: bool) -> f64 {
    layout(line, px, bold).width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_holds_the_shipped_families_only() {
        let db = super::database();
        let mut families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect();
        families.sort();
        families.dedup();
        assert_eq!(
            families,
            [
                "DejaVu Sans",
                "Droid Sans Fallback",
                "Noto Emoji",
                "Noto Sans",
                "Noto Sans Arabic",
                "Noto Sans Khmer"
            ]
        );
        assert_eq!(faces().len(), SHIPPED.len(), "every face parses");
    }

    fn families(line: &str) -> Vec<(&str, &'static str)> {
        runs(line)
            .into_iter()
            .map(|r| (&line[r.range], r.family))
            .collect()
    }

    #[test]
    fn mixed_text_is_split_into_runs_by_font() {
        assert_eq!(
            families("Ministry of Interior"),
            [("Ministry of Interior", "Noto Sans")]
        );
        assert_eq!(families("Café"), [("Café", "Noto Sans")]);
        assert_eq!(
            families("Council ខ្មែរ"),
            [("Council ", "Noto Sans"), ("ខ្មែរ", "Noto Sans Khmer")]
        );
        assert_eq!(
            families("ស្ថាប័ន ខ្មែរ and Latin"),
            [("ស្ថាប័ន ខ្មែរ ", "Noto Sans Khmer"), ("and Latin", "Noto Sans")]
        );
        assert_eq!(
            families("Emoji 🌾 group"),
            [
                ("Emoji ", "Noto Sans"),
                ("🌾", "Noto Emoji"),
                (" group", "Noto Sans")
            ]
        );
        assert_eq!(families("地方政府"), [("地方政府", "Droid Sans Fallback")]);
    }

    #[test]
    fn right_to_left_runs_come_in_the_order_they_are_drawn() {
        // On a left-to-right line the Arabic words around an emoji read from the right: the
        // second word is drawn first.
        assert_eq!(
            families("مجلس 🌾 البلدية"),
            [
                ("البلدية", "Noto Sans Arabic"),
                (" ", "Noto Sans"),
                ("🌾", "Noto Emoji"),
                (" ", "Noto Sans Arabic"),
                ("مجلس", "Noto Sans Arabic")
            ]
        );
        assert_eq!(
            families("مجلس Council"),
            [("مجلس", "Noto Sans Arabic"), (" Council", "Noto Sans")]
        );
    }

    #[test]
    fn khmer_is_split_after_clusters_of_several_glyphs() {
        let line = "Council ខ្មែរ";
        let l = layout(line, 12.0, false);
        assert!(!l.flows);
        let pieces: Vec<(&str, bool)> = l
            .pieces
            .iter()
            .map(|p| (&line[p.range.clone()], p.placed))
            .collect();
        // "ខ្មែ" is one cluster drawn as three glyphs; "រ" after it is given its place.
        assert_eq!(pieces, [("Council ", false), ("ខ្មែ", false), ("រ", true)]);
        assert!(l.pieces.windows(2).all(|w| w[0].x < w[1].x));
        assert!((l.width - text_width(line, 12.0, false)).abs() < 1e-9);
        let latin = layout("Ministry of Interior", 12.0, false);
        assert!(latin.flows && latin.pieces.len() == 1);
    }

    #[test]
    fn widths_grow_with_text_and_size_and_bold_is_wider() {
        let w = text_width("Dashed: informal", 12.0, false);
        assert!(w > 60.0 && w < 120.0, "{w}");
        assert!((text_width("Dashed: informal", 24.0, false) - 2.0 * w).abs() < 1e-9);
        assert!(text_width("Dashed: informal", 12.0, true) > w);
        assert!(text_width("Council ខ្មែរ", 12.0, false) > text_width("Council ", 12.0, false));
        assert_eq!(text_width("", 12.0, false), 0.0);
    }
}
