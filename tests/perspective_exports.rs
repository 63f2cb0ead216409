//! Perspectives in the command line and the exports (issue 16, items 5 and 6; design.md §13):
//! `stats --perspective` and the perspectives' part of `stats`, worked out by hand on a small
//! map; the columns of the CSV tables and the workbook and their import; GraphML and GEXF
//! round trips; the report's Perspectives section; and maps without perspectives, exported
//! as before.

use std::path::{Path, PathBuf};

use partnermap::io::export;
use partnermap::io::import::csv::{Table, Tables};
use partnermap::io::import::{self, ImportError, import_gexf, import_graphml};
use partnermap::model::*;
use partnermap::task::Progress;
use serde_json::Value;

use crate::common::{partnermap, pdftotext, text};

/// A community scorecard in small: a commune council, a citizens' group and a local NGO.
///
/// The map's own values (set by hand, so the map is a voice):
/// - 1 council – citizens: Coalition, letter of support, trust 4 → 2, power −1 (a leads);
/// - 2 council – NGO: Collaboration, MoU, trust 3 → (unknown), power 0;
/// - 3 citizens – NGO: Integrated, institutionalised, trust 5 ↔ 5, power +2 (b dominates).
///
/// Government: 1 trust 5 ↔ 5, power −2; 2 Integrated; the citizens' influence 2.
/// Citizens ("Scored at the interface meeting"): 1 Interaction, trust 1 → 2; 3 power 0.
///
/// By hand (t = (mean trust − 1) / 4, power asymmetry = |power| / 2):
/// - mean trust: map (0.5 + 0.5 + 1) / 3 = 67%; Government (1 + 0.5 + 1) / 3 = 83%;
///   Citizens (0.125 + 0.5 + 1) / 3 = 13/24 = 54%;
/// - power asymmetry: map (0.5 + 0 + 1) / 3 = 50%; Government (1 + 0 + 1) / 3 = 67%;
///   Citizens (0.5 + 0 + 0) / 3 = 17%;
/// - integrated: map 1 of 3, Government 2 of 3 (2 and 3), Citizens 1 of 3;
/// - formal (MoU or more): 2 of 3 for all (no group rated formality);
/// - disagreement (spread = range / the scale's range, mean over scores with two voices):
///   1: form 1, 0 → 1/3; trust_ab 4, 5, 1 → 1; trust_ba 2, 5, 2 → 3/4; power −1, −2 → 1/4;
///   mean (1/3 + 1 + 3/4 + 1/4) / 4 = 7/12 = 0.58. 2: form 2, 3 → 1/3. 3: power 2, 0 → 1/2.
///   The network's mean: (7/12 + 1/3 + 1/2) / 3 = 17/36 = 0.47, from 3 of 3.
fn small() -> Project {
    let mut p = Project::new();
    p.meta.title = "Scorecard".into();
    for (id, name, sector, level, x) in [
        (1, "Commune council", Sector::State, Level::Commune, 0.0),
        (
            2,
            "Citizens' group",
            Sector::Community,
            Level::Village,
            200.0,
        ),
        (3, "Local NGO", Sector::CivilSociety, Level::District, 100.0),
    ] {
        let mut a = Actor::new(ActorId(id), name, sector, level);
        a.position = Position::new(x, if id == 3 { 150.0 } else { 0.0 });
        p.insert_actor(a);
    }
    p.actors.get_mut(&ActorId(2)).unwrap().influence = Some(3);
    let links = [
        (
            1,
            1,
            2,
            Form::Coalition,
            Formality::LetterOfSupport,
            (Some(4), Some(2)),
            -1,
        ),
        (
            2,
            1,
            3,
            Form::Collaboration,
            Formality::Mou,
            (Some(3), None),
            0,
        ),
        (
            3,
            2,
            3,
            Form::Integrated,
            Formality::Institutionalised,
            (Some(5), Some(5)),
            2,
        ),
    ];
    for (id, a, b, form, formality, (ab, ba), power) in links {
        let mut e = Partnership::new(PartnershipId(id), ActorId(a), ActorId(b));
        e.form = Some(form);
        e.formality = Some(formality);
        (e.trust_ab, e.trust_ba, e.power) = (ab, ba, Some(power));
        p.insert_partnership(e);
    }
    use PartnershipScore as S;
    let mut gov = Perspective::named("Government");
    for (id, score, v) in [(1, S::TrustAb, 5), (1, S::TrustBa, 5), (1, S::Power, -2)] {
        gov.set_partnership_value(PartnershipId(id), score, Some(v));
    }
    gov.set_partnership_value(PartnershipId(2), S::Form, Some(3));
    gov.set_actor_value(ActorId(2), ActorScore::Influence, Some(2));
    let mut citizens = Perspective::named("Citizens");
    citizens.note = "Scored at the interface meeting".into();
    for (id, score, v) in [(1, S::Form, 0), (1, S::TrustAb, 1), (1, S::TrustBa, 2)] {
        citizens.set_partnership_value(PartnershipId(id), score, Some(v));
    }
    citizens.set_partnership_value(PartnershipId(3), S::Power, Some(0));
    p.perspectives = vec![gov, citizens];
    assert_eq!(p.validate(), vec![]);
    p
}

/// `project` saved as `name` in `dir`.
fn saved(dir: &Path, name: &str, project: &Project) -> PathBuf {
    let path = dir.join(name);
    partnermap::io::save_path(project, &path).unwrap();
    path
}

/// The exit code, standard output and standard error of `partnermap ARGS`.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = partnermap(args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is no number"));
    assert!((got - want).abs() < 1e-9, "{got} is not {want}");
}

#[test]
fn stats_as_a_group_sees_the_map_says_which_values_are_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let map = saved(dir.path(), "map.ron", &small());
    let map = map.to_str().unwrap();
    // Named in any case, as --snapshot takes names.
    let (code, out, err) = run(&["stats", map, "--perspective", "citizens"]);
    assert_eq!(code, Some(0), "{err}");
    for line in [
        "Perspective: Citizens (its values where it gave them, the map's elsewhere)",
        "Citizens: own values for form (1 of 3 partnerships), trust_ab (1 of 3 partnerships), \
         trust_ba (1 of 3 partnerships), power (1 of 3 partnerships); the map's values elsewhere",
        "Scored at the interface meeting",
        "  Mean trust                     54%  from 3 of 3 partnerships",
        "  Mean power asymmetry           17%  from 3 of 3 partnerships",
        "  Integrated                     33%  1 of 3 with their form set",
    ] {
        assert!(out.contains(line), "{line:?} not in:\n{out}");
    }
    let (code, out, err) = run(&["stats", map, "--perspective", "Government"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Government: own values for form (1 of 3 partnerships)"));
    assert!(out.contains("influence (1 of 3 actors)"), "{out}");
    assert!(
        out.contains("  Mean trust                     83%"),
        "{out}"
    );
}

#[test]
fn stats_json_as_a_group_sees_the_map_carries_the_perspective() {
    let dir = tempfile::tempdir().unwrap();
    let map = saved(dir.path(), "map.ron", &small());
    let map = map.to_str().unwrap();
    let (code, out, err) = run(&["stats", map, "--perspective", "Citizens", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["actors", "network", "partnerships", "perspective", "title"]
    );
    let n = &json["network"];
    close(&n["mean_trust"], 13.0 / 24.0);
    close(&n["mean_power_asymmetry"], 1.0 / 6.0);
    close(&n["integrated_share"], 1.0 / 3.0);
    close(&n["formal_share"], 2.0 / 3.0);
    // Citizens' trust in partnership 1: (1 + 2) / 2 → (1.5 − 1) / 4.
    close(&json["partnerships"][0]["trust"], 0.125);
    let v = &json["perspective"];
    assert_eq!(v["name"], "Citizens");
    assert_eq!(v["note"], "Scored at the interface meeting");
    let own = &v["own_values"];
    assert_eq!(own["partnerships"]["trust_ab"], 1);
    assert_eq!(own["partnerships"]["formality"], 0);
    assert_eq!(own["actors"]["influence"], 0);
    assert_eq!(
        (
            own["actor_count"].as_u64(),
            own["partnership_count"].as_u64()
        ),
        (Some(3), Some(3))
    );
    assert!(
        v["summary"]
            .as_str()
            .unwrap()
            .starts_with("Citizens: own values for form")
    );

    // The plain JSON keeps its shape: no perspective object.
    let (_, plain, _) = run(&["stats", map, "--json"]);
    let plain: Value = serde_json::from_str(&plain).unwrap();
    assert!(plain.get("perspective").is_none());
    close(&plain["network"]["mean_disagreement"], 17.0 / 36.0);
    close(&plain["partnerships"][0]["disagreement"], 7.0 / 12.0);
}

#[test]
fn stats_of_a_map_with_perspectives_compares_the_groups() {
    let dir = tempfile::tempdir().unwrap();
    let map = saved(dir.path(), "map.ron", &small());
    let (code, out, err) = run(&["stats", map.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    for line in [
        "  Mean disagreement             0.47  from 3 of 3 partnerships with two voices or more",
        "Perspectives — Government, Citizens; the map's own values, set by hand, count as one \
         more voice",
        "  Mean trust                83% as Government sees it, 54% as Citizens do",
        "  Mean power asymmetry      67% as Government sees it, 17% as Citizens do",
        "  Integrated                67% as Government sees it, 33% as Citizens do",
        "  Formal (MoU or more)      67% as Government sees it, 67% as Citizens do",
        "    Commune council – Citizens' group: 0.58\n    Citizens' group – Local NGO: 0.50\n    \
         Commune council – Local NGO: 0.33\n",
    ] {
        assert!(out.contains(line), "{line:?} not in:\n{out}");
    }
    // The map's own mean trust is still the network's.
    assert!(
        out.contains("  Mean trust                     67%"),
        "{out}"
    );
}

#[test]
fn an_unknown_perspective_exits_2_naming_the_maps() {
    let dir = tempfile::tempdir().unwrap();
    let map = saved(dir.path(), "map.ron", &small());
    let map = map.to_str().unwrap();
    let (code, out, err) = run(&["stats", map, "--perspective", "Donors", "--json"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("no perspective is named \"Donors\"; it has \"Government\", \"Citizens\""),
        "{err}"
    );
    let mut bare = small();
    bare.perspectives.clear();
    let bare = saved(dir.path(), "bare.ron", &bare);
    let (code, _, err) = run(&["stats", bare.to_str().unwrap(), "--perspective", "Citizens"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("it has no perspectives"), "{err}");
    // A perspective of a snapshot or of a day is not offered: refused before anything runs.
    for other in [["--snapshot", "Baseline"], ["--as-of", "2020"]] {
        let (code, _, err) = run(&[
            "stats",
            map,
            "--perspective",
            "Citizens",
            other[0],
            other[1],
        ]);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains("cannot be used with"), "{err}");
    }
}

/// The CSV tables of `project`, as text by file name.
fn csv_of(project: &Project) -> std::collections::BTreeMap<&'static str, String> {
    let ind = partnermap::analysis::compute(project, None);
    export::csv_tables(project, &ind)
        .unwrap()
        .into_files()
        .into_iter()
        .collect()
}

/// The cell of `table` (CSV text) in the row whose first cell is `id`, in `column`.
fn cell(table: &str, id: &str, column: &str) -> String {
    let t = Table::parse("t.csv", table.as_bytes()).unwrap();
    let c = t
        .headers
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| {
            panic!("no column {column:?} in {:?}", t.headers);
        });
    let row = t.rows.iter().find(|r| r[0] == id).unwrap();
    row[c].clone()
}

#[test]
fn the_tables_have_a_column_per_group_and_score_and_read_back() {
    let project = small();
    let csv = csv_of(&project);
    let partnerships = &csv["partnerships.csv"];
    let header = partnerships.lines().next().unwrap();
    assert!(
        header.ends_with(
            ",sources,disagreement,form [Government],formality [Government],trust_ab [Government],\
             trust_ba [Government],power [Government],contribution_a [Government],contribution_b \
             [Government],identity_a [Government],identity_b [Government],form [Citizens],formality \
             [Citizens],trust_ab [Citizens],trust_ba [Citizens],power [Citizens],contribution_a \
             [Citizens],contribution_b [Citizens],identity_a [Citizens],identity_b [Citizens]"
        ),
        "{header}"
    );
    assert_eq!(cell(partnerships, "1", "trust_ab [Citizens]"), "1");
    assert_eq!(cell(partnerships, "1", "form [Citizens]"), "Interaction");
    assert_eq!(cell(partnerships, "2", "form [Government]"), "Integrated");
    assert_eq!(cell(partnerships, "1", "power [Government]"), "-2");
    assert_eq!(cell(partnerships, "2", "trust_ab [Citizens]"), "");
    let d: f64 = cell(partnerships, "1", "disagreement").parse().unwrap();
    assert!((d - 7.0 / 12.0).abs() < 1e-12, "{d}");
    assert_eq!(cell(partnerships, "3", "disagreement"), "0.5");
    let actors = &csv["actors.csv"];
    assert!(
        actors.lines().next().unwrap().ends_with(
            ",pinned,influence [Government],interest [Government],capacity [Government],stance \
             [Government],influence [Citizens],interest [Citizens],capacity [Citizens],stance \
             [Citizens]"
        ),
        "{actors}"
    );
    assert_eq!(cell(actors, "2", "influence [Government]"), "2");
    assert!(
        csv["map.csv"].ends_with(
            "map_values,ByHand\r\nperspective [Government],\r\nperspective [Citizens],Scored at \
             the interface meeting\r\n"
        ),
        "{}",
        csv["map.csv"]
    );

    // The folder written by the command line comes back with the same perspectives.
    let dir = tempfile::tempdir().unwrap();
    let map = saved(dir.path(), "map.ron", &project);
    let folder = dir.path().join("tables");
    let (code, _, err) = run(&[
        "export",
        map.to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let back = dir.path().join("back.ron");
    let (code, _, err) = run(&[
        "import",
        folder.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("the column \"disagreement\" was left out"),
        "{err}"
    );
    let back = partnermap::io::load_path(&back).unwrap();
    assert_eq!(back.perspectives, project.perspectives);
    assert_eq!(back.settings.map_values, MapValues::ByHand);
    assert_eq!(back.actors, project.actors);
    assert_eq!(back.partnerships, project.partnerships);

    // The workbook's sheets carry the same columns.
    let xlsx = export::map_xlsx(&project, &partnermap::analysis::compute(&project, None)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    for name in [
        "trust_ab [Citizens]",
        "stance [Government]",
        "disagreement",
        "Interaction",
    ] {
        assert!(
            strings.contains(&format!(">{name}<")),
            "{name} not in the workbook"
        );
    }
}

fn import_tables(
    actors: Option<&str>,
    partnerships: &str,
) -> Result<import::Imported, ImportError> {
    let tables = Tables {
        actors: actors.map(|a| Table::parse("actors.csv", a.as_bytes()).unwrap()),
        partnerships: Some(Table::parse("partnerships.csv", partnerships.as_bytes()).unwrap()),
        map: None,
    };
    import::csv::import(&tables, &tables.guess_mapping(), &Progress::new())
}

#[test]
fn a_table_with_a_groups_columns_makes_the_perspective_and_bad_values_stop_it() {
    // A spreadsheet filled in by hand: no actors table, names as ends, two groups' trust.
    let got = import_tables(
        None,
        "a,b,trust_ab,trust_ab [Citizens],form [Citizens],trust_ab [Government]\n\
         Council,Citizens,4,2,collaboration,5\n\
         Council,NGO,3,,,4\n",
    )
    .unwrap();
    let p = &got.project;
    let names: Vec<&str> = p.perspectives.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Citizens", "Government"]);
    let citizens = &p.perspectives[0];
    assert_eq!(
        citizens.partnership_value(PartnershipId(1), PartnershipScore::TrustAb),
        Some(2)
    );
    assert_eq!(
        citizens.partnership(PartnershipId(1)).unwrap().form,
        Some(Form::Collaboration)
    );
    assert!(citizens.partnership(PartnershipId(2)).is_none());
    assert_eq!(p.perspectives[1].partnerships.len(), 2);

    // A column named otherwise is mapped to a group's score by hand (--map in the command
    // line, the column-mapping step in the window).
    let tables = Tables {
        actors: None,
        partnerships: Some(
            Table::parse(
                "p.csv",
                "a,b,Trust (citizens)\nCouncil,Citizens,2\n".as_bytes(),
            )
            .unwrap(),
        ),
        map: None,
    };
    let mut mapping = tables.guess_mapping();
    mapping
        .set(&tables, "Trust (citizens)", "trust_ab [Citizens]")
        .unwrap();
    let got = import::csv::import(&tables, &mapping, &Progress::new()).unwrap();
    assert_eq!(
        got.project.perspectives[0].partnership_value(PartnershipId(1), PartnershipScore::TrustAb),
        Some(2)
    );
    assert!(
        mapping
            .set(&tables, "Trust (citizens)", "trust [Citizens]")
            .is_err()
    );

    // A value outside its scale, and a stance that is none: every problem with its row and
    // column, nothing imported.
    let err = import_tables(
        Some("id,name,stance [Citizens]\n1,Council,supports\n2,Citizens,maybe\n"),
        "a,b,trust_ab [Citizens]\n1,2,4\n2,1,7\n",
    )
    .unwrap_err();
    let said = err.to_string();
    assert!(
        said.contains(
            "partnerships.csv row 3, column \"trust_ab [Citizens]\": 7 is outside trust 1–5"
        ),
        "{said}"
    );
    assert!(
        said.contains("actors.csv row 3, column \"stance [Citizens]\": \"maybe\" is not a stance"),
        "{said}"
    );
    // Two groups whose names differ only in case are one name used twice.
    let err = import_tables(
        None,
        "a,b,trust_ab [Citizens],trust_ba [citizens]\nA,B,2,3\n",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("perspective \"citizens\""), "{err}");
    assert!(
        err.contains("another perspective has the same name"),
        "{err}"
    );
}

/// [`small`] with more to keep: its values following the groups, a group that rated nothing
/// but has a note, and names that need care in XML and in a table header.
fn awkward() -> Project {
    let mut p = small();
    p.settings.map_values = MapValues::FollowPerspectives;
    let mut donors = Perspective::named("Donors <&> \"quoted\" [round 2]");
    donors.note = "Line one\nline two, with a tab\tand = a formula".into();
    p.perspectives.insert(1, donors);
    p.perspectives[0].name = "Civil society, ក្រុម".into();
    // A custom field named like a group's column is a custom field still.
    p.actors.get_mut(&ActorId(1)).unwrap().custom.insert(
        "influence [Government]".into(),
        CustomValue::Text("own".into()),
    );
    p.partnerships
        .get_mut(&PartnershipId(1))
        .unwrap()
        .custom
        .insert("disagreement".into(), CustomValue::Number(0.25));
    assert_eq!(p.validate(), vec![]);
    p
}

#[test]
fn graphml_and_gexf_bring_the_perspectives_back_exactly() {
    let project = awkward();
    let g = import_graphml(&export::graphml(&project).unwrap(), &Progress::new()).unwrap();
    assert!(
        g.project == project,
        "GraphML: {:#?}",
        g.project.perspectives
    );
    assert!(g.notes.is_empty(), "{:?}", g.notes);
    let x = import_gexf(&export::gexf(&project).unwrap(), &Progress::new()).unwrap();
    assert!(x.project == project, "GEXF: {:#?}", x.project.perspectives);
    assert!(x.notes.is_empty(), "{:?}", x.notes);

    // The declarations name the group: GEXF's titles as they are, GraphML's in <desc>.
    let gexf = export::gexf(&project).unwrap();
    assert!(
        gexf.contains("title=\"trust_ab [Citizens]\" type=\"integer\""),
        "{gexf}"
    );
    assert!(gexf.contains("title=\"form [Citizens]\" type=\"string\""));
    assert!(gexf.contains("<?partnermap name=\"map_values\" value=\"FollowPerspectives\"?>"));
    let graphml = export::graphml(&project).unwrap();
    assert!(graphml.contains(
        "attr.name=\"trust_ab_x0020__x005B_Citizens_x005D_\" attr.type=\"int\">\n    \
         <desc>trust_ab [Citizens]</desc>"
    ));

    // And so does a CSV folder, with map.csv.
    let csv = csv_of(&project);
    let tables = Tables {
        actors: Some(Table::parse("actors.csv", csv["actors.csv"].as_bytes()).unwrap()),
        partnerships: Some(
            Table::parse("partnerships.csv", csv["partnerships.csv"].as_bytes()).unwrap(),
        ),
        map: Some(Table::parse("map.csv", csv["map.csv"].as_bytes()).unwrap()),
    };
    let c = import::csv::import(&tables, &tables.guess_mapping(), &Progress::new()).unwrap();
    assert_eq!(c.project.perspectives, project.perspectives);
    assert_eq!(c.project.settings.map_values, MapValues::FollowPerspectives);
    assert_eq!(c.project.actors, project.actors);
    assert_eq!(c.project.partnerships, project.partnerships);
}

#[test]
fn networkx_reads_the_groups_values() {
    let Some(python) = crate::common::python_with("networkx") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let project = small();
    let g = dir.path().join("map.graphml");
    let x = dir.path().join("map.gexf");
    std::fs::write(&g, export::graphml(&project).unwrap()).unwrap();
    std::fs::write(&x, export::gexf(&project).unwrap()).unwrap();
    let script = "import sys, networkx as nx\n\
        g = nx.read_graphml(sys.argv[1]); x = nx.read_gexf(sys.argv[2])\n\
        e = g.edges['1', '2']; f = x.edges['1', '2']\n\
        print(e['trust_ab_x0020__x005B_Citizens_x005D_'], e['form_x0020__x005B_Citizens_x005D_'])\n\
        print(f['trust_ab [Citizens]'], f['form [Citizens]'], x.nodes['2']['influence [Government]'])\n";
    let out = crate::common::run_python(python, script, &[&g, &x]);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "1 Interaction\n1 Interaction 2\n"
    );
}

#[test]
fn the_report_has_a_perspectives_section() {
    let dir = tempfile::tempdir().unwrap();
    let map = saved(dir.path(), "map.ron", &small());
    let pdf = dir.path().join("report.pdf");
    let (code, _, err) = run(&["report", map.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let Some(text) = pdftotext(&std::fs::read(&pdf).unwrap()) else {
        return;
    };
    for words in [
        "Perspectives: 2 groups",
        "Scored at the interface meeting",
        "Network indicators as each group sees the map",
        "The map's own values",
        "Disagreement between the voices",
        "Mean disagreement",
        "0.47",
        "Most contested partnerships (up to 10)",
        "Commune council – Citizens' group",
        "Map: high · Government: full · Citizens: none",
        "Map: b dominates · Citizens: balanced",
        // The map and its four charts, the section on one page, the three tables.
        "Page 9 of 9",
    ] {
        assert!(text.contains(words), "{words:?} not in the report:\n{text}");
    }
    let mut bare = small();
    bare.perspectives.clear();
    let bare = saved(dir.path(), "bare.ron", &bare);
    let (code, _, _) = run(&[
        "report",
        bare.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0));
    let text = pdftotext(&std::fs::read(&pdf).unwrap()).unwrap();
    assert!(
        !text.contains("Perspectives") && text.contains("Page 8 of 8"),
        "{text}"
    );
}

#[test]
fn maps_without_perspectives_are_exported_and_reported_as_before() {
    let sample = partnermap::io::sample();
    assert!(sample.perspectives.is_empty());
    let csv = csv_of(&sample);
    let header = |t: &str| {
        t.lines()
            .next()
            .unwrap()
            .trim_start_matches('\u{feff}')
            .to_string()
    };
    // The table's own columns, then the sample's custom fields: nothing of perspectives.
    let partnerships = header(&csv["partnerships.csv"]);
    assert!(partnerships.starts_with(&export::csv::PARTNERSHIP_COLUMNS.join(",")));
    assert!(!partnerships.contains(" [") && !partnerships.contains("disagreement"));
    assert!(!header(&csv["actors.csv"]).contains(" ["));
    assert_eq!(csv["map.csv"].lines().count(), 6, "{}", csv["map.csv"]);
    for xml in [
        export::graphml(&sample).unwrap(),
        export::gexf(&sample).unwrap(),
    ] {
        assert!(!xml.contains("map_values") && !xml.contains("perspective"));
    }
    let (code, out, err) = run(&["stats", "assets/samples/dfgg-cambodia.ron"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        !out.contains("Perspectives") && !out.contains("disagreement"),
        "{out}"
    );

    // A custom field named like a group's column, in a map without groups, stays one.
    let mut p = small();
    p.perspectives.clear();
    p.partnerships
        .get_mut(&PartnershipId(2))
        .unwrap()
        .custom
        .insert("trust_ab [Citizens]".into(), CustomValue::Number(3.0));
    let g = import_graphml(&export::graphml(&p).unwrap(), &Progress::new()).unwrap();
    assert!(g.project == p);
    let x = import_gexf(&export::gexf(&p).unwrap(), &Progress::new()).unwrap();
    assert!(x.project == p);
    let csv = csv_of(&p);
    assert!(
        csv["partnerships.csv"].contains(",custom_trust_ab [Citizens]"),
        "{}",
        text_of(&csv)
    );
    let back = import_tables(Some(&csv["actors.csv"]), &csv["partnerships.csv"]).unwrap();
    assert!(back.project.perspectives.is_empty());
    assert_eq!(back.project.partnerships, p.partnerships);
}

fn text_of(csv: &std::collections::BTreeMap<&'static str, String>) -> String {
    csv.values().cloned().collect::<Vec<_>>().join("\n")
}

#[test]
fn help_names_the_option() {
    let out = partnermap(&["stats", "--help"]);
    assert!(
        text(&out).contains("--perspective <NAME>"),
        "{}",
        text(&out)
    );
}
