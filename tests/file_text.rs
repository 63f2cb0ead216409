//! Files that open right everywhere (design.md §8; issue 13, items 3 and 4), checked with
//! the programs people open them with: the SVG rendered by librsvg on a machine without our
//! fonts looks like our PNG, and the PDF's text layer, as poppler and MuPDF read it, holds
//! each label once, whole and in logical order, with the map's author and subject.

use partnermap::io::export::{self, ExportRequest, Format, SvgOptions};
use partnermap::model::*;

use crate::common::{tool, without_direction_marks};

/// Names in Latin with accents, Khmer (vowels drawn before their consonant, subscripts),
/// Arabic (right to left) and both mixed.
const NAMES: [&str; 6] = [
    "Ministère de l'Intérieur",
    "ក្រុមប្រឹក្សាឃុំ ស្វាយរៀង",
    "مجلس البلدية المحلي",
    "Council ខ្មែរ",
    "مجلس Council",
    "Café Société",
];

fn map() -> Project {
    let mut p = Project::new();
    p.meta.title = "Scripts: Ministère, ខ្មែរ, العربية".into();
    p.meta.author = "Sokha Chan".into();
    p.meta.description = "Partners of the commune councils".into();
    for (i, name) in NAMES.iter().enumerate() {
        let mut a = Actor::new(ActorId(i as u64 + 1), *name, Sector::State, Level::Commune);
        a.position = Position::new((i % 3) as f64 * 260.0, (i / 3) as f64 * 160.0);
        p.insert_actor(a);
    }
    for i in 1..NAMES.len() as u64 {
        let mut e = Partnership::new(PartnershipId(i), ActorId(i), ActorId(i + 1));
        e.formality = Some(Formality::Personal);
        p.insert_partnership(e);
    }
    p
}

/// The pixels of a PNG file, as RGBA over white.
fn pixels(png: &[u8]) -> tiny_skia::Pixmap {
    tiny_skia::Pixmap::decode_png(png).expect("a PNG")
}

/// How far apart two pictures of one size are: the mean difference of their channels
/// (0 to 255), and the share of pixels that differ by more than a quarter in some channel.
fn difference(a: &tiny_skia::Pixmap, b: &tiny_skia::Pixmap) -> (f64, f64) {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    let (mut sum, mut far) = (0u64, 0u64);
    for (p, q) in a.pixels().iter().zip(b.pixels()) {
        let (p, q) = (p.demultiply(), q.demultiply());
        let d = [
            p.red().abs_diff(q.red()),
            p.green().abs_diff(q.green()),
            p.blue().abs_diff(q.blue()),
        ];
        sum += d.iter().map(|&v| u64::from(v)).sum::<u64>();
        far += u64::from(d.iter().any(|&v| v > 64));
    }
    let n = f64::from(a.width()) * f64::from(a.height());
    (sum as f64 / (3.0 * n), far as f64 / n)
}

/// `svg` rendered by librsvg under an empty font configuration (no font at all), at
/// `width` × `height` pixels; `None` when rsvg-convert is not installed.
fn rsvg_without_fonts(svg: &str, (width, height): (u32, u32)) -> Option<tiny_skia::Pixmap> {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("fonts.conf");
    std::fs::write(
        &conf,
        "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
    )
    .unwrap();
    let (input, output) = (dir.path().join("map.svg"), dir.path().join("map.png"));
    std::fs::write(&input, svg).unwrap();
    let home = dir.path().to_str().unwrap();
    let (w, h) = (width.to_string(), height.to_string());
    let out = tool(
        "rsvg-convert",
        "librsvg2-bin",
        &[
            "-w",
            &w,
            "-h",
            &h,
            "-o",
            output.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        &[
            ("FONTCONFIG_FILE", conf.to_str().unwrap()),
            ("HOME", home),
            ("XDG_CACHE_HOME", home),
            ("XDG_CONFIG_HOME", home),
            ("XDG_DATA_HOME", home),
        ],
    )?;
    assert!(out.status.success(), "{}", crate::common::text(&out));
    Some(pixels(&std::fs::read(output).unwrap()))
}

#[test]
fn the_svg_looks_the_same_in_librsvg_on_a_machine_without_our_fonts() {
    let project = map();
    let text_svg = export::map_svg(&project, &SvgOptions::default());
    let ours = pixels(&export::svg_to_png(&text_svg, 96.0).unwrap());
    let size = (ours.width(), ours.height());
    let exported = export::render(&project, &ExportRequest::new(Format::Svg)).unwrap();
    let svg = String::from_utf8(exported[0].1.clone()).unwrap();
    let Some(theirs) = rsvg_without_fonts(&svg, size) else {
        return;
    };
    let (mean, far) = difference(&ours, &theirs);
    println!("outlined SVG in librsvg vs our PNG: mean {mean:.3}, far {far:.5}");
    // Measured: mean 0.3 (of 255) and 0.004 % of pixels far apart, where librsvg and
    // resvg anti-alias the edges of glyphs and lines differently. The same drawing with its
    // texts as text: mean 6.5 and 3.6 % far apart (boxes instead of letters). The limits
    // leave room for another librsvg's anti-aliasing and stay far from the text SVG's.
    assert!(mean < 0.6 && far < 0.001, "mean {mean}, far {far}");
    // The texts are still there to be found, as text.
    for name in NAMES {
        assert!(svg.contains(&export::xml_escape(name)), "{name}");
    }
    // Texts named in fonts the machine lacks come out as boxes or another font's letters.
    let old = rsvg_without_fonts(&text_svg, size).unwrap();
    let (mean, far) = difference(&ours, &old);
    println!("text SVG in librsvg vs our PNG: mean {mean:.3}, far {far:.5}");
    assert!(mean > 1.0 || far > 0.01, "mean {mean}, far {far}");
}

#[test]
fn the_outlined_svg_is_the_same_bytes_every_time() {
    let project = map();
    let request = ExportRequest::new(Format::Svg);
    assert_eq!(
        export::render(&project, &request).unwrap(),
        export::render(&project, &request).unwrap()
    );
}

/// How many times `name` stands in `text`, direction marks aside.
fn count(text: &str, name: &str) -> usize {
    without_direction_marks(text).matches(name).count()
}

/// The text of `pdf` as `program` reads it (`args` before the file, `after` after it).
fn read_pdf(
    pdf: &[u8],
    program: &str,
    package: &str,
    args: &[&str],
    after: &[&str],
) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.push(path.to_str().unwrap());
    all.extend_from_slice(after);
    let out = tool(program, package, &all, &[])?;
    assert!(
        out.status.success(),
        "{program}: {}",
        crate::common::text(&out)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_pdf_holds_each_label_once_whole_and_in_logical_order() {
    let project = map();
    let pdf = export::render(&project, &ExportRequest::new(Format::Pdf))
        .unwrap()
        .remove(0)
        .1;
    let readers = [
        read_pdf(&pdf, "pdftotext", "poppler-utils", &[], &["-"]).map(|t| ("pdftotext", t)),
        read_pdf(&pdf, "mutool", "mupdf-tools", &["draw", "-F", "txt"], &[]).map(|t| ("mutool", t)),
    ];
    for (reader, text) in readers.into_iter().flatten() {
        // Labels of one line; a long name wraps, each line its own run of text.
        for name in [
            "مجلس البلدية المحلي",
            "Council ខ្មែរ",
            "Café Société",
            "ស្វាយរៀង",
            "ក្រុមប្រឹក្សាឃុំ",
        ] {
            assert_eq!(count(&text, name), 1, "{reader}: {name:?} in\n{text}");
        }
        assert_eq!(count(&text, "Ministère de"), 1, "{reader}:\n{text}");
        assert_eq!(count(&text, "l'Intérieur"), 1, "{reader}:\n{text}");
        // The mixed line: the Arabic word whole, in logical order.
        assert_eq!(count(&text, "مجلس"), 2, "{reader}: two labels\n{text}");
        assert_eq!(count(&text, "العربية"), 1, "{reader}: the title\n{text}");
        assert_eq!(
            count(&text, "Dashed: informal (below a letter of support)"),
            1,
            "{reader}:\n{text}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.pdf");
    std::fs::write(&path, &pdf).unwrap();
    if let Some(out) = tool("pdfinfo", "poppler-utils", &[path.to_str().unwrap()], &[]) {
        let info = String::from_utf8(out.stdout).unwrap();
        assert!(info.contains("Author:          Sokha Chan"), "{info}");
        assert!(
            info.contains("Subject:         Partners of the commune councils"),
            "{info}"
        );
        assert!(
            info.contains("Title:           Scripts: Ministère"),
            "{info}"
        );
    }
}

#[test]
fn the_reports_tables_hold_each_name_once_whole_and_in_logical_order() {
    let project = map();
    let request = ExportRequest::for_map(
        &project,
        Format::Report,
        export::View::Map,
        &export::ExportTexts::default(),
    );
    let progress = partnermap::task::Progress::new();
    // The actors' table page, found in the pages as SVG (the PDF draws the same pages, its
    // tables' texts shaped directly rather than laid out again through usvg).
    let pages = export::report_pages(&project, &request, &progress).unwrap();
    let page = 1 + pages
        .iter()
        .position(|p| p.contains("Actors (6)"))
        .expect("an actors table");
    let pdf = export::report_pdf(&project, &request, &progress).unwrap();
    let n = page.to_string();
    let readers = [
        read_pdf(
            &pdf,
            "pdftotext",
            "poppler-utils",
            &["-f", &n, "-l", &n],
            &["-"],
        )
        .map(|t| ("pdftotext", t)),
        read_pdf(&pdf, "mutool", "mupdf-tools", &["draw", "-F", "txt"], &[&n])
            .map(|t| ("mutool", t)),
    ];
    for (reader, text) in readers.into_iter().flatten() {
        assert!(text.contains("Actors (6)"), "{reader}: the page\n{text}");
        for name in [
            "Ministère de l'Intérieur",
            "ក្រុមប្រឹក្សាឃុំ ស្វាយរៀង",
            "مجلس البلدية المحلي",
            "Council ខ្មែរ",
            "Café Société",
        ] {
            assert_eq!(count(&text, name), 1, "{reader}: {name:?} in\n{text}");
        }
    }
}
