//! The `.xlsx` workbook (design.md §8): the same tables as the CSV export, one sheet each,
//! numbers stored as numbers, text never a formula, headers bold and frozen. Read back here
//! by unzipping it and reading the sheets' XML, and opened with LibreOffice headless
//! (skipped with a note when `soffice` is missing, failed when PARTNERMAP_REQUIRE_TOOLS=1),
//! which also checks that it reads our BOM-marked CSV tables with accents and Khmer intact.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use partnermap::io::export::{self, ExportRequest, Format, table::TABLE_NAMES};
use partnermap::model::*;
use quick_xml::events::{BytesStart, Event};

use crate::common::{partnermap, text};

const MINISTRY: &str = "Ministère de l'Intérieur";
const KHMER: &str = "ក្រុមប្រឹក្សាឃុំ ស្វាយរៀង";

/// A small map with accents, Khmer, text that a spreadsheet would run as a formula, and
/// custom fields of both kinds (one text that reads as a number).
fn map() -> Project {
    let mut p = Project::new();
    p.meta.title = format!("{MINISTRY} / {KHMER}");
    p.meta.author = "=cmd|' /C calc'!A0".to_string();
    p.meta.modified = "2026-03-01".to_string();
    let mut a = Actor::new(ActorId(1), MINISTRY, Sector::State, Level::National);
    a.influence = Some(5);
    a.position = Position::new(10.5, -20.25);
    a.custom
        .insert("budget".to_string(), CustomValue::Number(1250.5));
    a.custom
        .insert("code".to_string(), CustomValue::Text("042".to_string()));
    p.insert_actor(a);
    let mut b = Actor::new(ActorId(2), KHMER, Sector::State, Level::Commune);
    b.notes = "=1+1".to_string();
    b.pinned = true;
    p.insert_actor(b);
    p.insert_actor(Actor::new(
        ActorId(3),
        "=2+3",
        Sector::CivilSociety,
        Level::District,
    ));
    let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    e.trust_ab = Some(4);
    e.power = Some(-1);
    e.label = Some("@SUM(A1:A2)".to_string());
    p.insert_partnership(e);
    p.insert_partnership(Partnership::new(PartnershipId(2), ActorId(2), ActorId(3)));
    p
}

/// A cell as the workbook stores it.
#[derive(Clone, Debug, PartialEq)]
enum Got {
    Number(f64),
    Text(String),
    Bool(bool),
}

/// One sheet read back: its cells by (row, column) from 0, and what else the XML says.
#[derive(Debug, Default)]
struct Sheet {
    cells: BTreeMap<(usize, usize), Got>,
    /// Styles of the header row's cells.
    header_styles: Vec<Option<String>>,
    /// Whether any cell holds a formula.
    formulas: bool,
    /// The frozen pane's attributes, if any.
    pane: BTreeMap<String, String>,
    /// The widths given to columns: (first column, last column, width), from 1.
    widths: Vec<(usize, usize, f64)>,
    /// Whether the header carries a filter.
    filter: bool,
}

impl Sheet {
    fn rows(&self) -> usize {
        self.cells.keys().map(|(r, _)| r + 1).max().unwrap_or(0)
    }
    fn row(&self, r: usize, columns: usize) -> Vec<Option<&Got>> {
        (0..columns).map(|c| self.cells.get(&(r, c))).collect()
    }
}

fn attrs(e: &BytesStart) -> BTreeMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect()
}

/// One step through an XML part.
enum Node<'a> {
    /// An element starts (`true`) or is empty (`false`): its name and attributes.
    Open(&'a str, &'a BTreeMap<String, String>, bool),
    /// An element ends.
    Close(&'a str),
    /// Text (references resolved) inside the element named.
    Text(&'a str, &'a str),
}

/// Calls `on` with every step through `xml`.
fn walk(xml: &str, mut on: impl FnMut(Node)) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let utf8 = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
    let inside = |stack: &[String]| stack.last().map_or("", String::as_str).to_string();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = utf8(e.name().as_ref());
                on(Node::Open(&name, &attrs(&e), true));
                stack.push(name);
            }
            Event::Empty(e) => on(Node::Open(&utf8(e.name().as_ref()), &attrs(&e), false)),
            Event::End(e) => {
                on(Node::Close(&utf8(e.name().as_ref())));
                stack.pop();
            }
            Event::Text(t) => on(Node::Text(&inside(&stack), &t.decode().unwrap())),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                        .unwrap()
                        .to_string(),
                };
                on(Node::Text(&inside(&stack), &text));
            }
            Event::Eof => break,
            _ => {}
        }
    }
}

/// The column (from 0) of a cell reference such as `AB12`.
fn column(reference: &str) -> usize {
    reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .fold(0, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
        - 1
}

/// The row (from 0) of a cell reference such as `AB12`.
fn row(reference: &str) -> usize {
    let digits: String = reference.chars().filter(char::is_ascii_digit).collect();
    digits.parse::<usize>().unwrap() - 1
}

/// The workbook read back: sheet names in order, each sheet, and the bold-ness of each
/// cell style (by index).
struct Book {
    names: Vec<String>,
    sheets: Vec<Sheet>,
    bold_styles: Vec<bool>,
}

fn read_book(bytes: &[u8]) -> Book {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut part = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let mut names = Vec::new();
    walk(&part("xl/workbook.xml"), |node| {
        if let Node::Open("sheet", a, _) = node {
            names.push(a["name"].clone());
        }
    });
    let mut strings = Vec::new();
    walk(&part("xl/sharedStrings.xml"), |node| match node {
        Node::Open("si", _, true) => strings.push(String::new()),
        Node::Text("t", t) => strings.last_mut().unwrap().push_str(t),
        _ => {}
    });
    // Which cell styles are bold: the fonts, then the cell formats that use them.
    let (mut fonts, mut in_fonts, mut xfs, mut in_xfs) = (Vec::new(), false, Vec::new(), false);
    walk(&part("xl/styles.xml"), |node| match node {
        Node::Open("fonts", ..) => in_fonts = true,
        Node::Close("fonts") => in_fonts = false,
        Node::Open("font", _, _) if in_fonts => fonts.push(false),
        Node::Open("b", a, _) if in_fonts => {
            *fonts.last_mut().unwrap() = a.get("val").is_none_or(|v| v != "0" && v != "false");
        }
        Node::Open("cellXfs", ..) => in_xfs = true,
        Node::Close("cellXfs") => in_xfs = false,
        Node::Open("xf", a, _) if in_xfs => {
            xfs.push(a.get("fontId").map_or(0, |f| f.parse::<usize>().unwrap()));
        }
        _ => {}
    });
    let bold_styles = xfs.iter().map(|&f| fonts[f]).collect();
    let sheets = (1..=names.len())
        .map(|i| read_sheet(&part(&format!("xl/worksheets/sheet{i}.xml")), &strings))
        .collect();
    Book {
        names,
        sheets,
        bold_styles,
    }
}

fn read_sheet(xml: &str, strings: &[String]) -> Sheet {
    let mut sheet = Sheet::default();
    let mut current: Option<(usize, usize, Option<String>)> = None;
    let mut value = String::new();
    walk(xml, |node| match node {
        Node::Open("c", a, _) => {
            let at = &a["r"];
            let (r, c) = (row(at), column(at));
            if r == 0 {
                sheet.header_styles.push(a.get("s").cloned());
            }
            current = Some((r, c, a.get("t").cloned()));
            value.clear();
        }
        Node::Close("c") => {
            let (r, c, t) = current.take().unwrap();
            if value.is_empty() {
                return; // A styled cell without a value.
            }
            let got = match t.as_deref() {
                None | Some("n") => Got::Number(value.parse().unwrap()),
                Some("s") => Got::Text(strings[value.parse::<usize>().unwrap()].clone()),
                Some("b") => Got::Bool(value == "1"),
                Some(other) => panic!("a cell of type {other}"),
            };
            sheet.cells.insert((r, c), got);
        }
        Node::Open("f", ..) => sheet.formulas = true,
        Node::Open("pane", a, _) => sheet.pane = a.clone(),
        Node::Open("col", a, _) => sheet.widths.push((
            a["min"].parse().unwrap(),
            a["max"].parse().unwrap(),
            a["width"].parse().unwrap(),
        )),
        Node::Open("autoFilter", ..) => sheet.filter = true,
        Node::Text("v", t) => value.push_str(t),
        _ => {}
    });
    sheet
}

/// The CSV tables of `project`, parsed: for each table, its records.
fn csv_records(project: &Project) -> Vec<Vec<Vec<String>>> {
    // Every indicator, betweenness included, as the export computes them.
    let betweenness = partnermap::analysis::betweenness(
        project,
        2,
        &std::sync::atomic::AtomicBool::new(false),
        &std::sync::atomic::AtomicUsize::new(0),
    );
    let indicators = partnermap::analysis::compute(project, betweenness.as_ref());
    export::csv_tables(project, &indicators)
        .unwrap()
        .files()
        .iter()
        .map(|(_, text)| {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect()
        })
        .collect()
}

fn render_xlsx(project: &Project) -> Vec<u8> {
    let mut files = export::render(project, &ExportRequest::new(Format::Xlsx)).unwrap();
    assert_eq!(files.len(), 1);
    files.remove(0).1
}

#[test]
fn the_workbook_holds_the_csv_tables_one_sheet_each_with_bold_frozen_headers() {
    let p = map();
    let book = read_book(&render_xlsx(&p));
    assert_eq!(book.names, TABLE_NAMES);
    let tables = csv_records(&p);
    for ((name, sheet), records) in book.names.iter().zip(&book.sheets).zip(&tables) {
        let header = &records[0];
        let got: Vec<Option<&Got>> = sheet.row(0, header.len());
        let want: Vec<Option<Got>> = header.iter().map(|h| Some(Got::Text(h.clone()))).collect();
        assert_eq!(
            got,
            want.iter().map(Option::as_ref).collect::<Vec<_>>(),
            "{name}"
        );
        assert_eq!(
            sheet.rows(),
            records.len(),
            "{name}: one row per CSV record"
        );
        for style in &sheet.header_styles {
            let index: usize = style.as_deref().expect("a styled header").parse().unwrap();
            assert!(book.bold_styles[index], "{name}: the header is bold");
        }
        assert_eq!(
            sheet.pane.get("state").map(String::as_str),
            Some("frozen"),
            "{name}"
        );
        assert_eq!(
            sheet.pane.get("ySplit").map(String::as_str),
            Some("1"),
            "{name}"
        );
        assert_eq!(
            sheet.pane.get("topLeftCell").map(String::as_str),
            Some("A2"),
            "{name}"
        );
        assert!(sheet.filter, "{name}: the header carries a filter");
        let widened: Vec<usize> = sheet.widths.iter().flat_map(|&(a, b, _)| a..=b).collect();
        assert_eq!(
            widened,
            (1..=header.len()).collect::<Vec<_>>(),
            "{name}: widths"
        );
        assert!(
            sheet
                .widths
                .iter()
                .all(|&(_, _, w)| (6.0..=51.0).contains(&w)),
            "{name}: {:?}",
            sheet.widths
        );
        assert!(!sheet.formulas, "{name}: no cell is a formula");
        // Every cell says what the CSV says, typed.
        for (r, record) in records.iter().enumerate().skip(1) {
            for (c, csv) in record.iter().enumerate() {
                match sheet.cells.get(&(r, c)) {
                    None => assert_eq!(csv, "", "{name} {r}:{c}"),
                    Some(Got::Number(n)) => {
                        assert_eq!(csv.parse::<f64>().ok(), Some(*n), "{name} {r}:{c}");
                    }
                    Some(Got::Bool(b)) => assert_eq!(csv, &b.to_string(), "{name} {r}:{c}"),
                    Some(Got::Text(t)) => {
                        // The CSV marks a formula-like or number-like text with `'`; the
                        // workbook's text cell needs no mark.
                        let marked = format!("'{t}");
                        assert!(
                            csv == t || *csv == marked,
                            "{name} {r}:{c}: {csv:?} / {t:?}"
                        );
                        assert!(csv.parse::<f64>().is_err() || csv.starts_with('\''));
                    }
                }
            }
        }
    }
    // Numbers are numbers, text stays text exactly, flags are booleans.
    let actors = &book.sheets[0];
    let cell = |sheet: &Sheet, r, c| sheet.cells.get(&(r, c)).cloned();
    let col = |name: &str| tables[0][0].iter().position(|h| h == name).unwrap();
    assert_eq!(cell(actors, 1, col("id")), Some(Got::Number(1.0)));
    assert_eq!(
        cell(actors, 1, col("name")),
        Some(Got::Text(MINISTRY.into()))
    );
    assert_eq!(cell(actors, 2, col("name")), Some(Got::Text(KHMER.into())));
    assert_eq!(cell(actors, 3, col("name")), Some(Got::Text("=2+3".into())));
    assert_eq!(
        cell(actors, 2, col("notes")),
        Some(Got::Text("=1+1".into()))
    );
    assert_eq!(cell(actors, 1, col("influence")), Some(Got::Number(5.0)));
    assert_eq!(cell(actors, 1, col("x")), Some(Got::Number(10.5)));
    assert_eq!(cell(actors, 1, col("y")), Some(Got::Number(-20.25)));
    assert_eq!(cell(actors, 2, col("pinned")), Some(Got::Bool(true)));
    assert_eq!(cell(actors, 1, col("budget")), Some(Got::Number(1250.5)));
    assert_eq!(cell(actors, 1, col("code")), Some(Got::Text("042".into())));
    assert_eq!(cell(actors, 2, col("budget")), None);
    let partnerships = &book.sheets[1];
    let pcol = |name: &str| tables[1][0].iter().position(|h| h == name).unwrap();
    assert_eq!(
        cell(partnerships, 1, pcol("power")),
        Some(Got::Number(-1.0))
    );
    assert_eq!(
        cell(partnerships, 1, pcol("trust_ab")),
        Some(Got::Number(4.0))
    );
    assert_eq!(
        cell(partnerships, 1, pcol("label")),
        Some(Got::Text("@SUM(A1:A2)".into()))
    );
    let network = &book.sheets[4];
    assert_eq!(cell(network, 0, 0), Some(Got::Text("indicator".into())));
    let density = (1..network.rows())
        .find(|&r| cell(network, r, 0) == Some(Got::Text("density".into())))
        .unwrap();
    assert!(matches!(cell(network, density, 1), Some(Got::Number(_))));
    let meta = &book.sheets[5];
    assert_eq!(
        cell(meta, 3, 1),
        Some(Got::Text("=cmd|' /C calc'!A0".into())),
        "the author, as text"
    );
}

#[test]
fn the_same_map_gives_the_same_workbook_and_an_empty_map_a_valid_one() {
    assert_eq!(render_xlsx(&map()), render_xlsx(&map()));
    let book = read_book(&render_xlsx(&Project::new()));
    assert_eq!(book.names, TABLE_NAMES);
    assert_eq!(book.sheets[0].rows(), 1, "the header alone");
}

#[test]
fn the_command_line_writes_xlsx_by_extension_or_format_but_not_a_quadrant_chart() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("map.ron");
    partnermap::io::save_path(&map(), &ron).unwrap();
    let ron = ron.to_string_lossy().into_owned();
    let by_name = dir
        .path()
        .join("tables.xlsx")
        .to_string_lossy()
        .into_owned();
    let run = partnermap(&["export", &ron, "-o", &by_name]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let by_format = dir.path().join("tables.bin").to_string_lossy().into_owned();
    let run = partnermap(&["export", &ron, "-o", &by_format, "--format", "xlsx"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let bytes = std::fs::read(&by_name).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip file");
    assert_eq!(bytes, std::fs::read(&by_format).unwrap());
    let quadrant = dir.path().join("q.xlsx").to_string_lossy().into_owned();
    let run = partnermap(&["export", &ron, "-o", &quadrant, "--view", "quadrant"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert!(
        text(&run).contains("only as SVG, PNG or PDF"),
        "{}",
        text(&run)
    );
    assert!(!Path::new(&quadrant).exists());
}

/// Runs LibreOffice headless with a profile of its own (so that tests running at once do
/// not share one) on `args` in `dir`. `false`, after a note, when `soffice` is not
/// installed; with PARTNERMAP_REQUIRE_TOOLS=1 (as CI sets it) that fails instead.
fn soffice(dir: &Path, args: &[&str]) -> bool {
    let profile = tempfile::tempdir().unwrap();
    let profile_url = format!("-env:UserInstallation=file://{}", profile.path().display());
    match Command::new("soffice")
        .arg(&profile_url)
        .arg("--headless")
        .args(args)
        .current_dir(dir)
        .env("HOME", profile.path())
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "soffice failed: {}", text(&out));
            true
        }
        Err(e) => {
            let required = std::env::var("PARTNERMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "soffice (LibreOffice) is required (PARTNERMAP_REQUIRE_TOOLS=1) but cannot run: {e}"
            );
            println!(
                "note: soffice (LibreOffice) is not installed; the LibreOffice check is skipped"
            );
            false
        }
    }
}

/// LibreOffice's CSV export options: comma, double quotes, UTF-8, from line 1, default
/// cell formats, default language, every text cell quoted (so that a number is told from a
/// text), no special numbers, contents as shown (else numbers are quoted too), formulas as
/// formulas (so that a formula would show as one), no trimming, and every sheet (each into
/// NAME-SHEET.csv).
const LO_CSV: &str = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true,true,false,-1";

#[test]
fn libreoffice_reads_the_workbook_sheet_by_sheet_with_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let p = map();
    std::fs::write(dir.path().join("tables.xlsx"), render_xlsx(&p)).unwrap();
    if !soffice(dir.path(), &["--convert-to", LO_CSV, "tables.xlsx"]) {
        return;
    }
    let tables = csv_records(&p);
    for (name, records) in TABLE_NAMES.iter().zip(&tables) {
        let path = dir.path().join(format!("tables-{name}.csv"));
        let lo = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let lo = lo.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = lo.lines().collect();
        // The header, quoted as text.
        let header: Vec<String> = records[0].iter().map(|h| format!("\"{h}\"")).collect();
        assert_eq!(lines[0], header.join(","), "{name}");
        assert_eq!(lines.len(), records.len(), "{name}");
    }
    let actors = std::fs::read_to_string(dir.path().join("tables-actors.csv")).unwrap();
    // Numbers unquoted (numbers), names quoted (text) and whole, formulas kept as text.
    assert!(actors.contains(&format!("\n1,\"{MINISTRY}\",")), "{actors}");
    assert!(actors.contains(&format!("\n2,\"{KHMER}\",")), "{actors}");
    assert!(actors.contains("\n3,\"=2+3\","), "{actors}");
    assert!(actors.contains("\"=1+1\""), "{actors}");
    assert!(actors.contains(",10.5,-20.25,"), "{actors}");
    assert!(actors.contains(",1250.5,\"042\""), "{actors}");
    let partnerships = std::fs::read_to_string(dir.path().join("tables-partnerships.csv")).unwrap();
    assert!(partnerships.contains(",4,,-1,"), "{partnerships}");
    assert!(partnerships.contains("\"@SUM(A1:A2)\""), "{partnerships}");
}

#[test]
fn libreoffice_reads_our_csv_tables_with_accents_and_khmer_intact() {
    let dir = tempfile::tempdir().unwrap();
    let request = ExportRequest::new(Format::Csv);
    export::export_to_path(&map(), &request, &dir.path().join("tables")).unwrap();
    let actors = dir.path().join("tables").join("actors.csv");
    assert!(std::fs::read(&actors).unwrap().starts_with(b"\xEF\xBB\xBF"));
    // LibreOffice's Text Import dialog takes a file with a UTF-8 byte-order mark as UTF-8;
    // headless there is no dialog, and without options LibreOffice 7.4 reads any CSV as
    // Windows-1252, mark or not. So the character set is given here (comma, double quotes,
    // UTF-8, from line 1), and the check is that the mark is taken as one and not as the
    // first column's name, and that accents and Khmer come through whole.
    if !soffice(
        dir.path(),
        &[
            "--infilter=Text - txt - csv (StarCalc):44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            "lo",
            "tables/actors.csv",
        ],
    ) {
        return;
    }
    let book = read_book(&std::fs::read(dir.path().join("lo").join("actors.xlsx")).unwrap());
    let names: Vec<&Got> = (1..=3)
        .filter_map(|r| book.sheets[0].cells.get(&(r, 1)))
        .collect();
    assert_eq!(
        names,
        [
            &Got::Text(MINISTRY.into()),
            &Got::Text(KHMER.into()),
            // The CSV's `'` keeps it text; LibreOffice shows that mark as it stands.
            &Got::Text("'=2+3".into()),
        ]
    );
    assert!(!book.sheets[0].formulas, "no formula came through");
    assert_eq!(
        book.sheets[0].cells.get(&(0, 0)),
        Some(&Got::Text("id".into())),
        "the byte-order mark is not part of the first header"
    );
    assert_eq!(book.sheets[0].cells.get(&(1, 0)), Some(&Got::Number(1.0)));
}

#[test]
fn the_export_dialog_offers_xlsx_and_the_window_writes_the_workbook() {
    use egui_kittest::kittest::Queryable as _;
    let mut h = crate::harness::on(partnermap::app::Document::sample());
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let Some(partnermap::app::Modal::Export(choice)) = &mut h.state_mut().modal else {
        panic!("the Export dialog is open");
    };
    assert!(
        Format::ALL.contains(&Format::Xlsx),
        "in the dialog's format list"
    );
    choice.format = Format::Xlsx;
    h.run();
    assert!(
        h.query_by_label_contains("One workbook with the same tables as CSV")
            .is_some(),
        "the dialog says what the workbook holds"
    );
    let choice = h.state().export_choice().unwrap().clone();
    let request = h.state().export_request(&choice);
    assert_eq!(request.format, Format::Xlsx);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.xlsx");
    h.state_mut().export_to(path.clone(), request);
    h.state_mut().wait_for_background_work();
    h.run();
    let book = read_book(&std::fs::read(&path).unwrap());
    // The six tables of every map, then, as the sample keeps a Baseline, the two of change
    // over time.
    let over_time = export::over_time::OVER_TIME_TABLES.map(|(name, _)| name);
    assert_eq!(book.names[..6], TABLE_NAMES);
    assert_eq!(book.names[6..], over_time);
    assert_eq!(
        book.sheets[0].rows(),
        1 + 24,
        "the header and the sample's 24 actors"
    );
}
