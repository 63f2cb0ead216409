//! Right-to-left text in reading order for egui, which shapes each run of one font (so Arabic
//! letters join and Khmer clusters form) but lays runs out left to right: a two-word Arabic
//! name came out with its words in the wrong order.
//!
//! [`visual`] applies the Unicode bidirectional algorithm (UAX #9, with `unicode-bidi`, which
//! the exports' text layout uses too) and hands egui the text in visual order, line by line,
//! with brackets mirrored in right-to-left runs. egui's shaper then reverses each run of
//! right-to-left letters once more, so those runs are handed over reversed back: what egui
//! draws is the visual order. Text without right-to-left characters is returned unchanged
//! and costs one scan. Only text that is drawn goes through here; text fields keep the
//! logical order people type in.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// Whether `c` is a right-to-left letter (or a mark or sign of a right-to-left script) that
/// egui's shaper lays out right to left within its run.
fn shaped_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
        || matches!(
            c,
            '\u{0590}'..='\u{05FF}'
                | '\u{0600}'..='\u{06FF}'
                | '\u{0700}'..='\u{08FF}'
                | '\u{FB1D}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}'
        ) && !c.is_whitespace()
}

/// Whether `text` has anything that reads right to left.
fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            bidi_class(c),
            BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
        )
    })
}

/// `text` as egui must be given it to show it in reading order: unchanged when nothing in it
/// reads right to left.
pub fn visual(text: &str) -> Cow<'_, str> {
    if !has_rtl(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        visual_line(line, &mut out);
    }
    Cow::Owned(out)
}

/// One line in visual order, written to `out`, with the runs egui will reverse pre-reversed.
fn visual_line(line: &str, out: &mut String) {
    let info = BidiInfo::new(line, None);
    let Some(para) = info.paragraphs.first() else {
        out.push_str(line);
        return;
    };
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    let mut seen = String::with_capacity(line.len());
    for run in runs {
        if levels[run.start].is_rtl() {
            seen.extend(
                line[run]
                    .chars()
                    .rev()
                    .map(|c| unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)),
            );
        } else {
            seen.push_str(&line[run]);
        }
    }
    // Each stretch of right-to-left letters goes back to logical order: egui's shaper turns
    // it around again.
    let chars: Vec<char> = seen.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if shaped_rtl(chars[i]) || is_mark_of_rtl(&chars, i) {
            let start = i;
            while i < chars.len() && (shaped_rtl(chars[i]) || is_mark_of_rtl(&chars, i)) {
                i += 1;
            }
            out.extend(chars[start..i].iter().rev());
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
}

/// Whether `chars[i]` is a combining mark standing (in visual order, so before its letter)
/// next to a right-to-left letter: it belongs to that letter's stretch.
fn is_mark_of_rtl(chars: &[char], i: usize) -> bool {
    if bidi_class(chars[i]) != BidiClass::NSM {
        return false;
    }
    let mut j = i;
    while j < chars.len() && bidi_class(chars[j]) == BidiClass::NSM {
        j += 1;
    }
    let after = chars.get(j).is_some_and(|&c| shaped_rtl(c));
    let before = i > 0 && shaped_rtl(chars[i - 1]);
    after || before
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame of a context with PartnerMap's fonts.
    fn frame(f: impl FnMut(&mut egui::Ui)) {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), f);
        output.textures_delta.clear();
    }

    /// Lays `text` out with PartnerMap's fonts, as the window does, and returns the x of
    /// the first glyph drawn for each of `chars`.
    fn xs(text: &str, chars: &[char]) -> Vec<f32> {
        let mut out = Vec::new();
        frame(|ui| {
            let galley = ui.painter().layout_no_wrap(
                visual(text).into_owned(),
                egui::FontId::proportional(14.0),
                egui::Color32::WHITE,
            );
            let glyphs: Vec<&egui::epaint::text::Glyph> =
                galley.rows.iter().flat_map(|r| r.glyphs.iter()).collect();
            out = chars
                .iter()
                .map(|c| {
                    glyphs
                        .iter()
                        .find(|g| g.chr == *c)
                        .map_or(f32::NAN, |g| g.pos.x)
                })
                .collect();
        });
        out
    }

    #[test]
    fn text_without_right_to_left_letters_is_left_alone() {
        for text in [
            "Commune council",
            "មន្ទីរអប់រំ ខេត្ត",
            "Ministère de l'Intérieur",
            "",
        ] {
            assert!(matches!(visual(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn two_arabic_words_read_right_to_left_in_the_window() {
        // مجلس البلدية: "council" (first, so rightmost) then "the municipality".
        let x = xs("مجلس البلدية", &['م', 'س', 'ا', 'ة']);
        assert!(x.iter().all(|v| v.is_finite()), "{x:?}");
        let [meem, seen, alef, teh] = [x[0], x[1], x[2], x[3]];
        assert!(meem > seen, "the first word starts at its right: {x:?}");
        assert!(
            seen > alef,
            "the second word stands left of the first: {x:?}"
        );
        assert!(alef > teh, "and reads right to left too: {x:?}");
    }

    #[test]
    fn hebrew_words_read_right_to_left_in_the_window() {
        // מועצה מקומית: "council" then "local"; ע and ה are only in the first word, ק and ת
        // only in the second.
        let x = xs("מועצה מקומית", &['ע', 'ה', 'ק', 'ת']);
        assert!(x.iter().all(|v| v.is_finite()), "{x:?}");
        assert!(x[0] > x[1] && x[1] > x[2] && x[2] > x[3], "{x:?}");
    }

    #[test]
    fn mixed_names_keep_latin_left_to_right_inside_right_to_left_text() {
        // An Arabic name with an English acronym: the acronym reads left to right, and sits
        // where the bidi algorithm puts it (left of the Arabic word that came before it).
        let text = "مجلس UNDP";
        let v = visual(text);
        assert!(v.contains("UNDP"), "{v}");
        let x = xs(text, &['U', 'P', 'م']);
        assert!(x[0] < x[1], "UNDP stays left to right: {x:?}");
        assert!(
            x[1] < x[2],
            "in a right-to-left line it stands left of مجلس: {x:?}"
        );
        // A Latin name with an Arabic word keeps its Latin order, the Arabic word its own.
        let x = xs("Council مجلس Pursat", &['C', 'م', 'س', 'P']);
        assert!(x[0] < x[2] && x[2] < x[1] && x[1] < x[3], "{x:?}");
    }

    #[test]
    fn brackets_turn_in_right_to_left_text_and_lines_stay_lines() {
        let v = visual("مجلس (البلدية)\nمجلس");
        assert_eq!(v.lines().count(), 2);
        let first = v.lines().next().unwrap();
        // In visual order the first character on the left is the closing side, drawn as "(".
        assert!(first.starts_with('('), "{first}");
        assert!(first.contains(')'), "{first}");
    }

    #[test]
    fn khmer_is_shaped_into_clusters() {
        // កែ: the vowel sign ែ is written after ក but drawn before it. Shaped, both glyphs
        // belong to ក's cluster and the vowel's comes first; unshaped, ក would be followed by
        // a glyph of ែ.
        let mut glyphs: Vec<(char, f32)> = Vec::new();
        frame(|ui| {
            let galley = ui.painter().layout_no_wrap(
                visual("កែ").into_owned(),
                egui::FontId::proportional(14.0),
                egui::Color32::WHITE,
            );
            glyphs = galley
                .rows
                .iter()
                .flat_map(|r| r.glyphs.iter().map(|g| (g.chr, g.pos.x)))
                .collect();
        });
        assert_eq!(glyphs.len(), 2, "{glyphs:?}");
        assert!(
            glyphs.iter().all(|(c, _)| *c == 'ក'),
            "one cluster: {glyphs:?}"
        );
        assert!(glyphs[0].1 < glyphs[1].1, "{glyphs:?}");
    }
}
