//! Change over time in exports (issue 15, items 7 and 8; design.md §12): the comparison map
//! and the trajectory chart as SVG, PNG and PDF; the tables of indicators by state and of
//! changes; the workbook's sheets; the report's Change section; `stats --as-of`; and bad
//! input, refused with exit 2 and nothing written.

use std::path::{Path, PathBuf};

use partnermap::analysis::time::State;
use partnermap::io::export::{self, ExportError, ExportRequest, Format, View};
use partnermap::model::*;
use partnermap::typology::Framework;

use crate::common::{partnermap, pdftotext, text};

/// DND, Municipality, OWSO and (now) PSOD, "Test map". The Baseline (2012-06): DND –
/// Municipality (1) a coalition on personal terms, trust 2 both ways, power equal; DND – OWSO
/// (2) an interaction. Now: 1 is a collaboration by MoU, trust 4 both ways, power toward the
/// Municipality; 2 has ended; Municipality – PSOD (3) is new, with PSOD.
fn map() -> Project {
    let mut p = Project::new();
    p.meta.title = "Test map".into();
    for (id, name, sector, x, y) in [
        (1, "DND", Sector::State, 0.0, 0.0),
        (2, "Municipality", Sector::State, 300.0, 0.0),
        (3, "OWSO", Sector::State, 0.0, 250.0),
    ] {
        let mut a = Actor::new(ActorId(id), name, sector, Level::District);
        a.position = Position { x, y };
        p.insert_actor(a);
    }
    let mut l = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    l.form = Some(Form::Coalition);
    l.formality = Some(Formality::Personal);
    (l.trust_ab, l.trust_ba, l.power) = (Some(2), Some(2), Some(0));
    p.insert_partnership(l);
    let mut m = Partnership::new(PartnershipId(2), ActorId(1), ActorId(3));
    m.form = Some(Form::Interaction);
    m.formality = Some(Formality::Personal);
    p.insert_partnership(m);
    let date = Some(PartialDate("2012-06".into()));
    p.snapshots.push(Snapshot::of(&p, "Baseline", date));

    let l = p.partnerships.get_mut(&PartnershipId(1)).unwrap();
    l.form = Some(Form::Collaboration);
    l.formality = Some(Formality::Mou);
    (l.trust_ab, l.trust_ba, l.power) = (Some(4), Some(4), Some(1));
    p.partnerships.remove(&PartnershipId(2));
    let mut psod = Actor::new(ActorId(4), "PSOD", Sector::CivilSociety, Level::Provincial);
    psod.position = Position { x: 300.0, y: 250.0 };
    p.insert_actor(psod);
    let mut n = Partnership::new(PartnershipId(3), ActorId(2), ActorId(4));
    n.form = Some(Form::Coalition);
    n.formality = Some(Formality::LetterOfSupport);
    p.insert_partnership(n);
    p
}

/// `project` saved as `map.ron` in `dir`.
fn saved(dir: &Path, project: &Project) -> PathBuf {
    let path = dir.join("map.ron");
    partnermap::io::save_path(project, &path).unwrap();
    path
}

/// `partnermap export MAP -o OUT` with `more` options.
fn export(map: &str, out: &str, more: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["export", map, "-o", out];
    args.extend_from_slice(more);
    run(&args)
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = partnermap(args);
    (out.status.code(), text(&out))
}

/// The element of `svg` that starts with `start`, up to its group's end.
fn group<'a>(svg: &'a str, start: &str) -> &'a str {
    let at = svg
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the SVG"));
    let end = svg[at..].find("</g>").map_or(svg.len(), |e| at + e);
    &svg[at..end]
}

#[test]
fn a_comparison_map_marks_an_ended_partnership_dashed_red_and_an_added_one_green() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &map());
    let out = dir.path().join("change.svg");
    let (code, said) = export(
        path.to_str().unwrap(),
        out.to_str().unwrap(),
        &["--from", "baseline"],
    );
    assert_eq!(code, Some(0), "{said}");
    let svg = std::fs::read_to_string(&out).unwrap();

    let ended = group(&svg, "<g id=\"partnership-2\"");
    assert!(ended.contains("change-ended"), "{ended}");
    assert!(ended.contains("stroke=\"#d7191c\""), "red: {ended}");
    assert!(ended.contains("stroke-dasharray"), "dashed: {ended}");
    let added = group(&svg, "<g id=\"partnership-3\"");
    assert!(added.contains("change-added"), "{added}");
    assert!(added.contains("stroke=\"#1a9641\""), "green: {added}");
    assert!(
        !added.contains("stroke-dasharray"),
        "an added line is solid: {added}"
    );
    // Deeper and more formal, trust up, power toward the Municipality (end b, to the right).
    let deeper = group(&svg, "<g id=\"partnership-1\"");
    assert!(deeper.contains("change-deepened") && deeper.contains("#2c7bb6"));
    assert!(deeper.contains("class=\"trust\""), "{deeper}");
    assert!(deeper.contains("fill=\"#006d2c\""), "trust rose: {deeper}");
    let power = &deeper[deeper.find("class=\"power\"").unwrap()..];
    let xs: Vec<f64> = power["class=\"power\" points=\"".len()..]
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|p| p.split(',').next().unwrap().parse().unwrap())
        .collect();
    assert!(
        xs[0] > xs[1] && xs[0] > xs[2],
        "the tip points right: {xs:?}"
    );
    // PSOD, added, has a green ring; nobody else has a ring.
    let psod = group(&svg, "<g id=\"actor-4\"");
    assert!(psod.contains("class=\"change-ring\""), "{psod}");
    assert_eq!(svg.matches("class=\"change-ring\"").count(), 1);

    // The title says what is compared; the legend's Change rows come first and the rows the
    // comparison draws otherwise (trust colours, informal dashes, the power dot) are gone.
    assert!(svg.contains("<title>Test map: Baseline, 2012-06 → now</title>"));
    let legend = &svg[svg.find("id=\"legend\"").unwrap()..];
    let position = |t: &str| legend.find(&format!(">{t}</tspan>"));
    let rows = [
        "Change: Baseline, 2012-06 → now",
        "added",
        "ended (dashed)",
        "deeper or more formal",
        "trust rose",
        "power moved toward ▸",
        "actor added",
        "Actors (sector)",
        "Partnerships (form)",
    ];
    let at: Vec<usize> = rows
        .iter()
        .map(|r| position(r).unwrap_or_else(|| panic!("no legend row {r:?}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "in order: {at:?}");
    for gone in [
        "Colour: trust",
        "Dot: the side that holds power",
        "Dashed: informal (below a letter of support)",
        "trust fell",
    ] {
        assert!(position(gone).is_none(), "{gone} in the legend");
    }
}

#[test]
fn the_trajectory_chart_joins_each_partnership_from_its_earlier_point_to_its_later_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &map());
    let out = dir.path().join("paths.svg");
    let (code, said) = export(
        path.to_str().unwrap(),
        out.to_str().unwrap(),
        &["--from", "Baseline", "--to", "now", "--view", "quadrant"],
    );
    assert_eq!(code, Some(0), "{said}");
    let svg = std::fs::read_to_string(&out).unwrap();
    // Framework A: formality across, depth up. DND – Municipality went from a personal
    // coalition to a collaboration by MoU: up and to the right, in blue (deeper).
    let moved = group(&svg, "<g class=\"trajectory moved\"");
    assert!(moved.contains("stroke=\"#2c7bb6\""), "{moved}");
    let attr = |name: &str| -> f64 {
        let at = moved.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        moved[at..].split('"').next().unwrap().parse().unwrap()
    };
    let (x1, y1, x2, y2) = (attr("x1"), attr("y1"), attr("x2"), attr("y2"));
    assert!(x2 > x1 && y2 < y1, "up and right: {x1},{y1} → {x2},{y2}");
    assert!(moved.contains("class=\"head\""), "{moved}");
    // The partnership that ended stands alone in red where it was; the new one in green.
    assert!(group(&svg, "<g class=\"trajectory ended\"").contains("fill=\"#d7191c\""));
    assert!(group(&svg, "<g class=\"trajectory added\"").contains("fill=\"#1a9641\""));
    for words in [
        "<title>Test map: Baseline, 2012-06 → now — A · Depth × formality (DFGG)</title>",
        ">moved; deeper or more formal</tspan>",
        ">added: only in now</tspan>",
        ">ended: only in Baseline, 2012-06</tspan>",
        "From Baseline, 2012-06 to now: 1 partnership moved, 0 did not, 1 added, 1 ended.",
        "Between quadrants: Personal cooperation → Institutionalised partnership: 1.",
    ] {
        assert!(svg.contains(words), "{words} not in the chart");
    }
}

#[test]
fn comparison_pictures_take_the_page_options_and_render_as_png_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &map());
    let p = path.to_str().unwrap();
    let pdf = dir.path().join("change.pdf");
    let args = [
        "export",
        p,
        "-o",
        pdf.to_str().unwrap(),
        "--from",
        "Baseline",
        "--page",
        "a4",
        "--landscape",
    ];
    let (code, said) = run(&args);
    assert_eq!(code, Some(0), "{said}");
    let bytes = std::fs::read(&pdf).unwrap();
    if let Some(text) = pdftotext(&bytes) {
        assert!(text.contains("Test map: Baseline, 2012-06 → now"), "{text}");
        assert!(text.contains("Change: Baseline, 2012-06 → now"), "{text}");
        assert!(
            text.contains("Made with PartnerMap"),
            "the page's credit: {text}"
        );
    }
    // On A4 landscape the SVG is a page wider than tall.
    let svg = dir.path().join("change.svg");
    let (code, _) = export(
        p,
        svg.to_str().unwrap(),
        &[
            "--from",
            "Baseline",
            "--page",
            "a4",
            "--landscape",
            "--no-legend",
        ],
    );
    assert_eq!(code, Some(0));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg.contains("width=\"297mm\" height=\"210mm\""),
        "{}",
        &svg[..300]
    );
    assert!(
        !svg.contains("id=\"legend\""),
        "--no-legend leaves the legend out"
    );
    for (name, view) in [("change.png", "map"), ("paths.png", "quadrant")] {
        let png = dir.path().join(name);
        let (code, said) = export(
            p,
            png.to_str().unwrap(),
            &["--from", "Baseline", "--view", view, "--dpi", "96"],
        );
        assert_eq!(code, Some(0), "{said}");
        assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    }
}

#[test]
fn the_window_asks_for_the_same_pictures_through_the_export_request() {
    let p = map();
    let request = ExportRequest {
        compare: Some((State::Snapshot("Baseline".into()), State::Now)),
        ..ExportRequest::new(Format::Svg)
    };
    let svg = String::from_utf8(export::render(&p, &request).unwrap().remove(0).1).unwrap();
    assert!(svg.contains("change-ended") && svg.contains("change-added"));
    let quadrant = ExportRequest {
        view: View::Quadrant(Framework::B),
        ..request.clone()
    };
    let svg = String::from_utf8(export::render(&p, &quadrant).unwrap().remove(0).1).unwrap();
    assert!(
        svg.contains("B · Mutuality × identity"),
        "framework B's chart"
    );
    let unknown = ExportRequest {
        compare: Some((State::Snapshot("Endline".into()), State::Now)),
        ..request.clone()
    };
    assert!(matches!(
        export::render(&p, &unknown),
        Err(ExportError::UnknownState(name)) if name == "Endline"
    ));
    let tables = ExportRequest {
        format: Format::Csv,
        ..request
    };
    assert!(matches!(
        export::render(&p, &tables),
        Err(ExportError::ViewNotSupported {
            view: "comparison",
            ..
        })
    ));
}

/// The lines of a CSV table written by the export, its byte-order mark left out.
fn lines(dir: &Path, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_map_with_snapshots_exports_indicators_by_state_and_its_changes_as_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &map());
    let tables = dir.path().join("tables");
    let (code, said) = export(
        path.to_str().unwrap(),
        tables.to_str().unwrap(),
        &["--format", "csv"],
    );
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("indicators_by_state.csv") && said.contains("changes.csv"));

    let changes = lines(&tables, "changes.csv");
    assert_eq!(
        changes,
        [
            "from,to,kind,id,name,change,field,before,after",
            "Baseline,now,actor,4,PSOD,added,,,",
            "Baseline,now,partnership,1,DND – Municipality,changed,form,Coalition,Collaboration",
            "Baseline,now,partnership,1,DND – Municipality,changed,formality,Personal,Mou",
            "Baseline,now,partnership,1,DND – Municipality,changed,power,0,1",
            "Baseline,now,partnership,1,DND – Municipality,changed,trust_ab,2,4",
            "Baseline,now,partnership,1,DND – Municipality,changed,trust_ba,2,4",
            "Baseline,now,partnership,2,DND – OWSO,removed,,,",
            "Baseline,now,partnership,3,Municipality – PSOD,added,,,",
        ]
    );

    // One row per state, the network indicators in network.csv's names and order.
    let by_state = lines(&tables, "indicators_by_state.csv");
    let network: Vec<String> = lines(&tables, "network.csv")
        .iter()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let header: Vec<&str> = by_state[0].split(',').collect();
    assert_eq!(header[..2], ["state", "date"]);
    assert_eq!(header[2..], network);
    assert_eq!(by_state.len(), 3, "Baseline and now: {by_state:?}");
    let cell = |row: usize, name: &str| -> String {
        let col = header.iter().position(|h| *h == name).unwrap();
        by_state[row].split(',').nth(col).unwrap().to_string()
    };
    assert_eq!(
        (cell(1, "state"), cell(1, "date")),
        ("Baseline".into(), "2012-06".into())
    );
    assert_eq!(
        (cell(2, "state"), cell(2, "date")),
        ("now".into(), String::new())
    );
    // Baseline: 3 actors, 2 of their 3 pairs joined. Now: 4 actors, 2 of 6 pairs.
    assert_eq!(
        (cell(1, "actors"), cell(1, "partnerships")),
        ("3".into(), "2".into())
    );
    assert_eq!(cell(1, "density"), "0.6666666666666666");
    assert_eq!(
        (cell(2, "actors"), cell(2, "partnerships")),
        ("4".into(), "2".into())
    );
    assert_eq!(cell(2, "density"), "0.3333333333333333");
    // Mean trust: 2 of 5 → 0.25 on the Baseline's one scored partnership; 4 of 5 → 0.75 now.
    assert_eq!(
        (cell(1, "mean_trust"), cell(2, "mean_trust")),
        ("0.25".into(), "0.75".into())
    );
    assert_eq!(cell(2, "form_counts.Collaboration"), "1");
    // The working map's own network.csv is the last row.
    let now_network: Vec<String> = lines(&tables, "network.csv")
        .iter()
        .skip(1)
        .map(|l| l.split_once(',').unwrap().1.to_string())
        .collect();
    assert_eq!(
        by_state[2].split(',').skip(2).collect::<Vec<_>>(),
        now_network
    );

    // A map without snapshots exports the six tables it always did.
    let mut plain = map();
    plain.snapshots.clear();
    let plain_path = dir.path().join("plain.ron");
    partnermap::io::save_path(&plain, &plain_path).unwrap();
    let plain_tables = dir.path().join("plain");
    let (code, _) = export(
        plain_path.to_str().unwrap(),
        plain_tables.to_str().unwrap(),
        &["--format", "csv"],
    );
    assert_eq!(code, Some(0));
    let mut names: Vec<String> = std::fs::read_dir(&plain_tables)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "actors.csv",
            "indicators.csv",
            "map.csv",
            "network.csv",
            "partnership_indicators.csv",
            "partnerships.csv"
        ]
    );
}

#[test]
fn the_workbook_of_a_map_with_snapshots_has_the_two_sheets_of_change_over_time() {
    let sheets = |p: &Project| -> Vec<String> {
        let bytes = export::render(p, &ExportRequest::new(Format::Xlsx))
            .unwrap()
            .remove(0)
            .1;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut book = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut book)
            .unwrap();
        book.split("<sheet name=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_string())
            .collect()
    };
    let with = sheets(&map());
    assert_eq!(with[6..], ["indicators_by_state", "changes"], "{with:?}");
    let mut plain = map();
    plain.snapshots.clear();
    assert_eq!(sheets(&plain).len(), 6);
}

#[test]
fn the_report_of_a_map_with_snapshots_has_a_change_section() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &map());
    let pdf = dir.path().join("report.pdf");
    let (code, said) = run(&[
        "report",
        path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{said}");
    let Some(text) = pdftotext(&std::fs::read(&pdf).unwrap()) else {
        return;
    };
    for words in [
        "Change over time: 2 states",
        "2012-06",
        "What changed from Baseline, 2012-06 to now",
        "Partnerships ended",
        "Partnerships whose trust rose",
        "Network indicators by state",
        "Test map — Change: Baseline, 2012-06 → now",
        "Between quadrants: Personal cooperation → Institutionalised partnership: 1.",
    ] {
        assert!(text.contains(words), "{words:?} not in the report:\n{text}");
    }
    // The map and its charts, the Change section's four pages, the three tables.
    assert!(text.contains("Page 12 of 12"), "{text}");

    let mut plain = map();
    plain.snapshots.clear();
    let plain_path = dir.path().join("plain.ron");
    partnermap::io::save_path(&plain, &plain_path).unwrap();
    let (code, _) = run(&[
        "report",
        plain_path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0));
    let text = pdftotext(&std::fs::read(&pdf).unwrap()).unwrap();
    assert!(!text.contains("Change over time"), "{text}");
    assert!(text.contains("Page 8 of 8"), "{text}");
}

/// DND – Municipality from 2010; DND – OWSO from 2012-03 to 2013; Municipality – PSOD from
/// 2014. No snapshots: the working map cut by its dates.
fn dated() -> Project {
    let mut p = map();
    p.snapshots.clear();
    p.insert_partnership(Partnership::new(PartnershipId(2), ActorId(1), ActorId(3)));
    for (id, start, end) in [
        (1, "2010", None),
        (2, "2012-03", Some("2013")),
        (3, "2014", None),
    ] {
        let l = p.partnerships.get_mut(&PartnershipId(id)).unwrap();
        l.start = Some(PartialDate(start.into()));
        l.end = end.map(|e| PartialDate(e.into()));
    }
    p
}

#[test]
fn stats_as_of_a_day_gives_the_indicators_of_the_map_as_it_stood() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &dated());
    let p = path.to_str().unwrap();
    let network = |day: &str| -> serde_json::Value {
        let (code, json) = run(&["stats", p, "--as-of", day, "--json"]);
        assert_eq!(code, Some(0), "{json}");
        serde_json::from_str::<serde_json::Value>(&json).unwrap()["network"].clone()
    };
    // 2012-06: DND – Municipality and DND – OWSO; every actor of the map stands.
    let then = network("2012-06");
    assert_eq!(then["partnerships"], 2);
    assert_eq!(then["actors"], 4);
    assert_eq!(then["isolated"], 1, "PSOD has no partnership yet");
    // 2015: DND – OWSO has ended; Municipality – PSOD has begun.
    let later = network("2015");
    assert_eq!(later["partnerships"], 2);
    assert_eq!(later["isolated"], 1, "OWSO stands alone");
    // 2009: nothing had started.
    assert_eq!(network("2009")["partnerships"], 0);
    let (code, report) = run(&["stats", p, "--as-of", "2012-06"]);
    assert_eq!(code, Some(0), "{report}");
}

#[test]
fn bad_states_and_dates_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), &map());
    let p = path.to_str().unwrap();
    let mut plain = map();
    plain.snapshots.clear();
    let plain_path = dir.path().join("plain.ron");
    partnermap::io::save_path(&plain, &plain_path).unwrap();
    let out = dir.path().join("out.svg");
    let o = out.to_str().unwrap();
    let tables = dir.path().join("tables");
    let cases: [(Vec<&str>, String); 7] = [
        (
            vec!["export", p, "-o", o, "--from", "Endline"],
            format!("{p}: no snapshot is named \"Endline\"; it keeps \"Baseline\""),
        ),
        (
            vec!["export", p, "-o", o, "--from", "Baseline", "--to", "Midline"],
            format!("{p}: no snapshot is named \"Midline\"; it keeps \"Baseline\""),
        ),
        (
            vec![
                "export",
                plain_path.to_str().unwrap(),
                "-o",
                o,
                "--from",
                "Baseline",
            ],
            "it keeps no snapshots (partnermap snapshot FILE NAME takes one)".into(),
        ),
        (
            vec![
                "export",
                p,
                "-o",
                tables.to_str().unwrap(),
                "--format",
                "csv",
                "--from",
                "Baseline",
            ],
            "partnermap export: --from and --to apply to SVG, PNG and PDF, not to csv".into(),
        ),
        (
            vec!["export", p, "-o", o, "--to", "now"],
            "--from".into(),
        ),
        (
            vec!["stats", p, "--as-of", "2012-13"],
            "partnermap stats: --as-of \"2012-13\" is not a date: month 13 does not exist; no statistics"
                .into(),
        ),
        (
            vec!["stats", p, "--as-of", "2012", "--snapshot", "Baseline"],
            "cannot be used with".into(),
        ),
    ];
    for (args, says) in cases {
        let out_put = partnermap(&args);
        let said = text(&out_put);
        assert_eq!(out_put.status.code(), Some(2), "{args:?}: {said}");
        assert!(
            said.contains(&says),
            "{args:?}: expected {says:?} in {said}"
        );
        assert!(
            out_put.stdout.is_empty(),
            "{args:?} printed {}",
            String::from_utf8_lossy(&out_put.stdout)
        );
        assert!(
            !out.exists() && !tables.exists(),
            "{args:?} wrote something"
        );
    }
}

#[test]
fn the_sample_map_with_a_snapshot_renders_as_svg_png_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    std::fs::copy("assets/samples/dfgg-cambodia.ron", &path).unwrap();
    let p = path.to_str().unwrap();
    // Not "Baseline": the sample keeps one of that name already.
    assert_eq!(
        run(&["snapshot", p, "Midline", "--date", "2012-06"]).0,
        Some(0)
    );
    // Now: the first partnership deepens, the last ends.
    let mut project = partnermap::io::load_path(&path).unwrap();
    let first = *project.partnerships.keys().next().unwrap();
    project.partnerships.get_mut(&first).unwrap().form = Some(Form::Integrated);
    let last = *project.partnerships.keys().next_back().unwrap();
    project.partnerships.remove(&last);
    partnermap::io::save_path(&project, &path).unwrap();
    for (name, view) in [
        ("change.svg", "map"),
        ("change.png", "map"),
        ("change.pdf", "map"),
        ("paths.pdf", "quadrant"),
    ] {
        let out = dir.path().join(name);
        let (code, said) = export(
            p,
            out.to_str().unwrap(),
            &["--from", "Midline", "--view", view],
        );
        assert_eq!(code, Some(0), "{name}: {said}");
        assert!(std::fs::metadata(&out).unwrap().len() > 1000, "{name}");
    }
    let svg = std::fs::read_to_string(dir.path().join("change.svg")).unwrap();
    assert!(group(&svg, &format!("<g id=\"partnership-{}\"", first.0)).contains("change-deepened"));
    assert!(group(&svg, &format!("<g id=\"partnership-{}\"", last.0)).contains("change-ended"));
    assert_eq!(
        svg.matches("change-same").count(),
        27,
        "the 27 that did not move"
    );
}
