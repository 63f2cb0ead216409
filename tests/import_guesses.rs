//! Nothing guessed in silence (design.md §11): every value an import drops, replaces,
//! renumbers, merges, flattens or cleans is refused or named in a note with its place; lists
//! come back whole whatever their items hold; errors carry the right line or row.

use partnermap::io::export::{self, csv_tables};
use partnermap::io::import::csv::{Table, Tables};
use partnermap::io::import::{self, ImportError, Imported, import_gexf, import_graphml};
use partnermap::model::*;
use partnermap::task::Progress;
fn graphml(text: &str) -> Result<Imported, ImportError> {
    import_graphml(text, &Progress::new())
}
fn gexf(text: &str) -> Result<Imported, ImportError> {
    import_gexf(text, &Progress::new())
}
/// Imports an actors table and a partnerships table given as text (either may be missing).
fn csv(actors: Option<&str>, partnerships: Option<&str>) -> Result<Imported, ImportError> {
    let tables = Tables {
        actors: actors
            .map(|t| Table::parse("actors.csv", t.as_bytes()))
            .transpose()?,
        partnerships: partnerships
            .map(|t| Table::parse("partnerships.csv", t.as_bytes()))
            .transpose()?,
        map: None,
    };
    import::csv::import(&tables, &tables.guess_mapping(), &Progress::new())
}
/// A map whose lists hold separators and backslashes.
fn listy() -> Project {
    let mut p = Project::new();
    let mut a = Actor::new(ActorId(1), "A", Sector::State, Level::National);
    let items = ["a; b", "x;y", "back\\slash", "end\\", "\\;", "C:\\data"];
    a.tags = items.iter().map(|s| s.to_string()).collect();
    a.resources = a.tags.clone();
    a.sources = items.iter().map(|s| s.to_string()).collect();
    p.insert_actor(a);
    p.insert_actor(Actor::new(ActorId(2), "B", Sector::Donor, Level::National));
    let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
    e.enablers = p.actors[&ActorId(1)].tags.clone();
    e.disablers = e.enablers.clone();
    e.sources = items.iter().rev().map(|s| s.to_string()).collect();
    p.insert_partnership(e);
    p
}
#[test]
fn lists_round_trip_through_every_format_whatever_their_items_hold() {
    // j.
    let p = listy();
    let same = |got: &Project, format: &str| {
        assert_eq!(got.actors, p.actors, "{format}");
        assert_eq!(got.partnerships, p.partnerships, "{format}");
    };
    same(
        &graphml(&export::graphml(&p).unwrap()).unwrap().project,
        "GraphML",
    );
    same(&gexf(&export::gexf(&p).unwrap()).unwrap().project, "GEXF");
    let ind = partnermap::analysis::compute(&p, None);
    let t = csv_tables(&p, &ind).unwrap();
    let got = csv(Some(&t.actors), Some(&t.partnerships)).unwrap();
    same(&got.project, "CSV");
    // The workbook is written from the same tables, so its cells hold the same escapes.
    let table = export::table::actors_table(&p);
    let tags = table.header.iter().position(|h| h == "tags").unwrap();
    assert_eq!(
        table.rows[0][tags],
        export::table::Cell::Text(r"C:\\data; \\\;; a\; b; back\\slash; end\\; x\;y".into())
    );
    // A hand-written cell reads as written, backslashes and all.
    let got = csv(Some("name,tags\nA,C:\\data; D:\\new\\;x\n"), None).unwrap();
    assert_eq!(
        got.project.actors[&ActorId(1)]
            .tags
            .iter()
            .collect::<Vec<_>>(),
        ["C:\\data", "D:\\new;x"]
    );
}
