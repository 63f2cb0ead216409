//! Pages and the workshop report (design.md §8, issue 13 items 1 and 2): a picture laid
//! out on A4, A3 or Letter with a title block and labels of at least 7 pt, from the command
//! line and the library, and `partnermap report` — every page numbered and titled.

use crate::common;

use common::{partnermap, pdftotext, text};
use partnermap::io::export::{
    self, ExportRequest, Format, Orientation, PageSetup, PaperSize, View, map_svg, report_pages,
};
use partnermap::task::Progress;
use partnermap::typology::Framework;

const SAMPLE: &str = "assets/samples/dfgg-cambodia.ron";

fn sample() -> partnermap::model::Project {
    partnermap::io::load_path(std::path::Path::new(SAMPLE)).unwrap()
}

/// The page sizes of a PDF in points, read from its `/MediaBox` entries.
fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let nums: Vec<f64> = rest[..rest.find(']').unwrap()]
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect();
            (nums[2] - nums[0], nums[3] - nums[1])
        })
        .collect()
}

/// The value of attribute `name` in the first tag of `svg` that starts with `tag`.
fn attr<'a>(svg: &'a str, tag: &str, name: &str) -> &'a str {
    let start = svg.find(tag).unwrap_or_else(|| panic!("no {tag}"));
    let end = start + svg[start..].find('>').unwrap();
    let element = &svg[start..end];
    let key = format!(" {name}=\"");
    let at = element
        .find(&key)
        .unwrap_or_else(|| panic!("{tag} has no {name}"))
        + key.len();
    &element[at..at + element[at..].find('"').unwrap()]
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.05 && (a.1 - b.1).abs() < 0.05
}

const A4: (f64, f64) = (595.28, 841.89);

#[test]
fn the_command_line_lays_a_pdf_out_on_paper_turned_by_the_maps_shape() {
    let dir = tempfile::tempdir().unwrap();
    let run_to = |name: &str, extra: &[&str]| -> Vec<u8> {
        let out = dir.path().join(name);
        let out = out.to_str().unwrap();
        let mut args = vec!["export", SAMPLE, "-o", out];
        args.extend_from_slice(extra);
        let run = partnermap(&args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run));
        std::fs::read(out).unwrap()
    };
    // The sample map is wider than tall: landscape unless asked otherwise.
    let boxes = media_boxes(&run_to("a4.pdf", &["--page", "a4"]));
    assert_eq!(boxes.len(), 1);
    assert!(close(boxes[0], (A4.1, A4.0)), "{boxes:?}");
    let boxes = media_boxes(&run_to("a4p.pdf", &["--page", "a4", "--portrait"]));
    assert!(close(boxes[0], A4), "{boxes:?}");
    let boxes = media_boxes(&run_to("letter.pdf", &["--page", "letter", "--portrait"]));
    assert!(close(boxes[0], (612.0, 792.0)), "{boxes:?}");
    let boxes = media_boxes(&run_to("a3.pdf", &["--page", "A3"]));
    assert!(close(boxes[0], (1190.55, 841.89)), "{boxes:?}");
    // The quadrant chart stands upright by default; a page turned by hand is turned.
    let chart = run_to("chart.pdf", &["--page", "a4", "--view", "quadrant"]);
    assert!(close(media_boxes(&chart)[0], A4));
    let chart = run_to(
        "chart-l.pdf",
        &["--page", "a4", "--view", "quadrant", "--landscape"],
    );
    assert!(close(media_boxes(&chart)[0], (A4.1, A4.0)));
    // Fitted to the map (the default) is the drawing's own size, as before.
    let fitted = media_boxes(&run_to("fit.pdf", &["--page", "fit"]));
    assert!(!close(fitted[0], (A4.1, A4.0)) && !close(fitted[0], A4));
}

#[test]
fn a_page_sized_svg_and_png_print_at_their_paper_size() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("a4.svg");
    let png = dir.path().join("a4.png");
    for (out, extra) in [(&svg, vec![]), (&png, vec!["--dpi", "100"])] {
        let mut args = vec![
            "export",
            SAMPLE,
            "-o",
            out.to_str().unwrap(),
            "--page",
            "a4",
            "--portrait",
        ];
        args.extend(extra);
        let run = partnermap(&args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    }
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert_eq!(attr(&svg, "<svg", "width"), "210mm");
    assert_eq!(attr(&svg, "<svg", "height"), "297mm");
    let pixmap = tiny_skia::Pixmap::decode_png(&std::fs::read(&png).unwrap()).unwrap();
    // 210 × 297 mm at 100 dpi.
    assert_eq!((pixmap.width(), pixmap.height()), (827, 1169));
}

#[test]
fn the_title_block_carries_title_date_caption_and_credit_inside_the_margins() {
    let mut project = sample();
    project.meta.author = "Pursat workshop team".into();
    let mut request = ExportRequest::for_map(
        &project,
        Format::Svg,
        View::Map,
        &export::ExportTexts {
            title: None,
            caption: Some("Workshop of 12 May, Pursat".into()),
            date: Some("2026-05-12".into()),
        },
    );
    request.svg.page = PageSetup::new(PaperSize::A4);
    let svg = export::picture_svg(&project, &request);
    for wanted in [
        project.meta.title.as_str(),
        "2026-05-12",
        "Workshop of 12 May, Pursat",
        "Map by Pursat workshop team · made with PartnerMap",
    ] {
        assert!(svg.contains(wanted), "{wanted} missing");
    }
    // The map's frame lies inside the 15 mm margins.
    let margin = 15.0 * 96.0 / 25.4;
    let num = |name| {
        attr(&svg, "<rect id=\"map-frame\"", name)
            .parse::<f64>()
            .unwrap()
    };
    let (x, y, w, h) = (num("x"), num("y"), num("width"), num("height"));
    let (page_w, page_h) = (297.0 * 96.0 / 25.4, 210.0 * 96.0 / 25.4);
    assert!(x >= margin - 0.01 && y > margin);
    assert!(x + w <= page_w - margin + 0.01 && y + h < page_h - margin);
    // The legend is there, beside the map.
    assert!(svg.contains("id=\"legend\""), "the legend fits on A4");
}

/// The label size on the page: the labels' font size times the map's scale.
fn label_px_on_page(svg: &str) -> f64 {
    let transform = attr(svg, "<g id=\"map\"", "transform");
    let scale: f64 = transform
        .split("scale(")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap()
        .parse()
        .unwrap();
    let size: f64 = attr(svg, "<g id=\"labels\"", "font-size").parse().unwrap();
    size * scale
}

#[test]
fn labels_are_never_under_7_points_on_a_page_a_crowded_map_drops_them_instead() {
    let project = partnermap::generate::generate(600, 1500, 3).unwrap();
    let mut opts = export::SvgOptions {
        page: PageSetup::new(PaperSize::A4),
        ..Default::default()
    };
    let svg = map_svg(&project, &opts);
    let px = label_px_on_page(&svg);
    let pt = px * 72.0 / 96.0;
    assert!(pt >= 7.0 - 1e-3, "labels are {pt:.2} pt on the page");
    let labels = svg.matches("<text id=\"label-").count();
    assert!(labels > 10, "some labels are drawn ({labels})");
    assert!(
        labels < project.actors.len(),
        "{labels} of {} labels: a crowded A4 map drops some rather than shrinking them",
        project.actors.len()
    );
    // On A3 there is room for more of them, at the same 7 pt minimum.
    opts.page = PageSetup::new(PaperSize::A3);
    let a3 = map_svg(&project, &opts);
    assert!(label_px_on_page(&a3) * 72.0 / 96.0 >= 7.0 - 1e-3);
    assert!(a3.matches("<text id=\"label-").count() > labels);
}

#[test]
fn a_quadrant_chart_on_a_page_keeps_its_plot_and_lists_what_is_unplaced() {
    let mut project = sample();
    // One partnership without its form cannot be placed in framework A.
    let first = *project.partnerships.keys().next().unwrap();
    project.partnerships.get_mut(&first).unwrap().form = None;
    let opts = export::SvgOptions {
        page: PageSetup {
            paper: PaperSize::Letter,
            orientation: Some(Orientation::Portrait),
        },
        ..Default::default()
    };
    let svg = export::quadrant_svg(&project, Framework::A, &opts);
    assert_eq!(attr(&svg, "<svg", "width"), "8.5in");
    assert!(
        svg.contains("28 of 29 partnerships placed"),
        "the notes say what is placed"
    );
    assert!(
        svg.contains("not set"),
        "the unplaced one is listed with its reason"
    );
    assert!(svg.contains("made with PartnerMap"), "the credit line");
}

#[test]
fn the_report_holds_map_charts_indicators_and_tables_with_numbered_titled_pages() {
    let project = sample();
    let request = ExportRequest::for_map(
        &project,
        Format::Report,
        View::Map,
        &export::ExportTexts {
            date: Some("2026-05-12".into()),
            ..Default::default()
        },
    );
    let pages = report_pages(&project, &request, &Progress::new()).unwrap();
    let n = pages.len();
    assert!(
        n >= 8,
        "map, four charts, indicators, actors, partnerships: {n}"
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {n}", i + 1)), "page {i}");
        assert!(page.contains(&project.meta.title), "title on page {i}");
        assert!(page.contains("2026-05-12"), "date on page {i}");
    }
    assert!(pages[0].contains("id=\"map\""));
    for (k, framework) in Framework::ALL.into_iter().enumerate() {
        assert!(pages[1 + k].contains(framework.title()), "{framework:?}");
    }
    let all = pages.join("\n");
    assert!(all.contains("Network indicators"));
    assert!(all.contains("Computed from"));
    assert!(all.contains("Actors (24)") && all.contains("Partnerships (29)"));
    // Every actor's name is in the actors table (wrapped names come back by word).
    for a in project.actors.values() {
        let first_word = a.name.split_whitespace().next().unwrap();
        assert!(all.contains(&partnermap::io::export::xml_escape(first_word)));
    }
}

#[test]
fn partnermap_report_writes_a_pdf_readers_can_search_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    let run = partnermap(&["report", SAMPLE, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let pdf = std::fs::read(&out).unwrap();
    let boxes = media_boxes(&pdf);
    assert!(boxes.len() >= 8);
    // The map's page turns with the map, and so does the Change section's comparison map (the
    // sample keeps a Baseline); the charts and tables stand upright.
    let turned = |boxes: &[(f64, f64)], upright| -> Vec<usize> {
        (1..boxes.len())
            .filter(|&i| !close(boxes[i], upright))
            .collect()
    };
    let comparison = turned(&boxes, A4);
    assert_eq!(comparison.len(), 1, "{boxes:?}");
    assert!(close(boxes[comparison[0]], (A4.1, A4.0)), "{boxes:?}");
    let letter = dir.path().join("letter.pdf");
    let run = partnermap(&[
        "report",
        SAMPLE,
        "-o",
        letter.to_str().unwrap(),
        "--page",
        "letter",
    ]);
    assert!(run.status.success(), "{}", text(&run));
    let letter = media_boxes(&std::fs::read(&letter).unwrap());
    assert_eq!(turned(&letter, (612.0, 792.0)), comparison, "{letter:?}");
    if let Some(text) = pdftotext(&pdf) {
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(pages.len(), boxes.len());
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!("Page {} of {}", i + 1, boxes.len())),
                "page {}: {page}",
                i + 1
            );
        }
        assert!(text.contains("Network indicators"));
        assert!(text.contains("Ministry of Interior"));
        let turned = pages[comparison[0]];
        assert!(turned.contains("Change: Baseline"), "{turned}");
    }
}

#[test]
fn page_options_that_do_not_apply_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for (args, says) in [
        (
            vec!["export", SAMPLE, "-o", &out("m.pdf"), "--page", "a5"],
            "unknown page",
        ),
        (
            vec!["export", SAMPLE, "-o", &out("m.pdf"), "--landscape"],
            "need --page",
        ),
        (
            vec!["export", SAMPLE, "-o", &out("m.graphml"), "--page", "a4"],
            "apply to SVG, PNG and PDF",
        ),
        (
            vec![
                "export",
                SAMPLE,
                "-o",
                &out("m.pdf"),
                "--page",
                "a4",
                "--landscape",
                "--portrait",
            ],
            "cannot be used with",
        ),
        (
            vec!["report", SAMPLE, "-o", &out("r.pdf"), "--page", "a3"],
            "use a4 or letter",
        ),
    ] {
        let run = partnermap(&args);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", text(&run));
        assert!(text(&run).contains(says), "{args:?}: {}", text(&run));
        assert!(!std::path::Path::new(args[3]).exists(), "nothing written");
    }
}

#[test]
fn colours_dark_draws_a_dark_page_with_light_text_and_light_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let light = dir.path().join("light.svg");
    let dark = dir.path().join("dark.svg");
    for (out, colours) in [(&light, "light"), (&dark, "dark")] {
        let run = partnermap(&[
            "export",
            SAMPLE,
            "-o",
            out.to_str().unwrap(),
            "--colours",
            colours,
        ]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    }
    let (light, dark) = (
        std::fs::read_to_string(light).unwrap(),
        std::fs::read_to_string(dark).unwrap(),
    );
    let page = |svg: &str| attr(svg, "<rect width=\"100%\"", "fill").to_string();
    assert_eq!(page(&light), export::LIGHT.page);
    assert_eq!(page(&dark), export::DARK.page);
    assert_eq!(attr(&dark, "<g id=\"labels\"", "fill"), export::DARK.ink);
    assert_eq!(attr(&light, "<g id=\"labels\"", "fill"), export::LIGHT.ink);
    // The default is the light page.
    let default = export::map_svg(&sample(), &export::SvgOptions::default());
    assert_eq!(page(&default), export::LIGHT.page);
    let run = partnermap(&["export", SAMPLE, "-o", "x.svg", "--colours", "sepia"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run).contains("use light or dark"));
}
