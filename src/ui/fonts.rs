//! The fonts of the window, shipped in `assets/fonts` and loaded explicitly so that the window
//! looks the same on every machine and in the tests.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::io::export::fonts::{
    DEJAVU_SANS, DROID_FALLBACK, NOTO_ARABIC, NOTO_EMOJI, NOTO_KHMER, NOTO_SANS, NOTO_SANS_BOLD,
};

/// The family name of the bold face, for headings and emphasis.
pub const BOLD: &str = "bold";

/// Installs PartnerMap's fonts: Noto Sans first, then DejaVu Sans for symbols, then Khmer,
/// Arabic, (monochrome) emoji and Droid Sans Fallback for Chinese, Japanese and Korean, then
/// egui's own fonts. A character none of them has is
/// drawn as a box, never a crash: names can hold any text.
pub fn install(ctx: &egui::Context) {
    ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let mut fonts = FontDefinitions::default();
    let faces: [(&str, &'static [u8]); 7] = [
        ("noto-sans", NOTO_SANS),
        ("noto-sans-bold", NOTO_SANS_BOLD),
        ("noto-khmer", NOTO_KHMER),
        ("noto-arabic", NOTO_ARABIC),
        ("dejavu-sans", DEJAVU_SANS),
        ("noto-emoji", NOTO_EMOJI),
        ("droid-fallback", DROID_FALLBACK),
    ];
    for (name, bytes) in faces {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let fallbacks = [
        "dejavu-sans",
        "noto-khmer",
        "noto-arabic",
        "noto-emoji",
        "droid-fallback",
    ];
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    for (i, name) in std::iter::once("noto-sans").chain(fallbacks).enumerate() {
        proportional.insert(i, name.to_owned());
    }
    let monospace = fonts.families.entry(FontFamily::Monospace).or_default();
    monospace.extend(fallbacks.iter().map(|s| s.to_string()));
    fonts.families.insert(
        FontFamily::Name(BOLD.into()),
        std::iter::once("noto-sans-bold")
            .chain(fallbacks)
            .map(str::to_owned)
            .collect(),
    );
    ctx.set_fonts(fonts);
}
