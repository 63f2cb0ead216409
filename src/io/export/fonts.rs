//! The fonts every exported picture is drawn with: those shipped in `assets/fonts`, built
//! into the program so that a PNG or PDF comes out the same on every machine, whatever fonts
//! it has installed.

use std::sync::{Arc, OnceLock};

use usvg::fontdb;

/// Noto Sans, the default face.
const NOTO_SANS: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold, for titles and headers.
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
/// Khmer script.
const NOTO_KHMER: &[u8] = include_bytes!("../../../assets/fonts/NotoSansKhmer-Regular.ttf");
/// Arabic script.
const NOTO_ARABIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");
/// A wide fallback for symbols and other scripts.
const DEJAVU_SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// Monochrome emoji.
const NOTO_EMOJI: &[u8] = include_bytes!("../../../assets/fonts/NotoEmoji-Regular.ttf");
/// Chinese, Japanese and Korean.
const DROID_FALLBACK: &[u8] = include_bytes!("../../../assets/fonts/DroidSansFallback.ttf");

/// The font database with only the shipped fonts, built once.
pub fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for bytes in [
            NOTO_SANS,
            NOTO_SANS_BOLD,
            NOTO_KHMER,
            NOTO_ARABIC,
            DEJAVU_SANS,
            NOTO_EMOJI,
            DROID_FALLBACK,
        ] {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        db.set_serif_family("Noto Sans");
        db.set_monospace_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// The options usvg parses exported SVG with: the shipped fonts, Noto Sans by default.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: "Noto Sans".to_string(),
        fontdb: database(),
        ..usvg::Options::default()
    }
}

#[cfg(test)]
mod tests {
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
    }
}
