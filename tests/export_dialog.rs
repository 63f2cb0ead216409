//! The Export dialog and File → Export report in the window (issue 13, items 1, 2 and 5):
//! every list opens on the first click, the dialog keeps its size and place whatever the
//! format, the page chosen reaches the file, and the report is one click and a file name
//! away.

use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::harness;
use partnermap::app::{DialogMode, Document, PartnerMapApp};
use partnermap::io::export::{Format, PaperSize};

type H = Harness<'static, PartnerMapApp>;

fn window(doc: Document) -> H {
    let mut app = PartnerMapApp::with_document(doc);
    app.jobs.file_dialogs = DialogMode::Builtin;
    let mut h = harness::harness(app);
    h.run();
    h
}

fn open_export(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.state().export_choice().is_some(), "the dialog is open");
}

/// Clicks the enabled node called `label` (a toolbar behind a dialog may have a disabled one).
fn click(h: &mut H, label: &str) {
    h.get_all_by_label(label)
        .find(|n| !n.accesskit_node().is_disabled())
        .unwrap_or_else(|| panic!("an enabled “{label}”"))
        .click();
    h.run();
}

/// The rectangle of the node called `label`, in points.
fn rect_of(h: &H, label: &str) -> Rect {
    let ppp = h.ctx.pixels_per_point();
    let node = h
        .get_all_by_label(label)
        .find(|n| !n.accesskit_node().is_disabled())
        .unwrap_or_else(|| panic!("an enabled “{label}”"));
    let b = node
        .accesskit_node()
        .bounding_box()
        .expect("it is on screen");
    Rect::from_min_max(
        egui::pos2(b.x0 as f32, b.y0 as f32) / ppp,
        egui::pos2(b.x1 as f32, b.y1 as f32) / ppp,
    )
}

#[test]
fn every_list_in_the_export_dialog_opens_on_the_first_click_and_takes_the_choice() {
    let mut h = window(Document::sample());
    open_export(&mut h);
    click(&mut h, "Format");
    click(&mut h, "PNG");
    assert_eq!(h.state().export_choice().unwrap().format, Format::Png);
    click(&mut h, "Page");
    click(&mut h, "A4");
    assert_eq!(h.state().export_choice().unwrap().page.paper, PaperSize::A4);
    // A list opens on the first click even while another one is open (one that does not
    // cover it).
    click(&mut h, "Orientation");
    click(&mut h, "Format");
    click(&mut h, "PDF");
    assert_eq!(h.state().export_choice().unwrap().format, Format::Pdf);
    click(&mut h, "Format");
    click(&mut h, "PNG");
    click(&mut h, "Orientation");
    click(&mut h, "Portrait");
    assert_eq!(
        h.state().export_choice().unwrap().page.orientation,
        Some(partnermap::io::export::Orientation::Portrait)
    );
    click(&mut h, "Picture");
    click(&mut h, partnermap::typology::Framework::B.title());
    assert_eq!(
        h.state().export_choice().unwrap().chart,
        Some(partnermap::typology::Framework::B)
    );
}

#[test]
fn the_export_dialog_keeps_its_size_and_place_whatever_the_format() {
    let mut h = window(Document::sample());
    open_export(&mut h);
    let before = (rect_of(&h, "Export…"), rect_of(&h, "Format"));
    for format in [
        Format::Png,
        Format::Csv,
        Format::Graphml,
        Format::Pdf,
        Format::Svg,
    ] {
        if let Some(partnermap::app::Modal::Export(choice)) = &mut h.state_mut().modal {
            choice.format = format;
        }
        h.run();
        let after = (rect_of(&h, "Export…"), rect_of(&h, "Format"));
        assert_eq!(before, after, "{format:?} moved the dialog");
    }
    // Options that do not apply are there, greyed out.
    if let Some(partnermap::app::Modal::Export(choice)) = &mut h.state_mut().modal {
        choice.format = Format::Csv;
    }
    h.run();
    assert!(
        h.get_all_by_label("Resolution")
            .all(|n| n.accesskit_node().is_disabled())
    );
}

#[test]
fn the_page_chosen_in_the_dialog_reaches_the_file_and_is_remembered() {
    let mut h = window(Document::sample());
    open_export(&mut h);
    if let Some(partnermap::app::Modal::Export(choice)) = &mut h.state_mut().modal {
        choice.format = Format::Svg;
        choice.page.paper = PaperSize::Letter;
    }
    h.run();
    let choice = h.state().export_choice().unwrap().clone();
    let request = h.state().export_request(&choice);
    let svg = partnermap::io::export::picture_svg(&h.state().doc.project, &request);
    assert!(
        svg.contains("width=\"11in\""),
        "landscape Letter for the wide sample map"
    );
    click(&mut h, "Cancel");
    open_export(&mut h);
    assert_eq!(
        h.state().export_choice().unwrap().page.paper,
        PaperSize::Letter
    );
}

#[test]
fn file_export_report_writes_the_whole_report_through_a_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(Document::sample());
    click(&mut h, "File");
    click(&mut h, "Export report…");
    h.get_by_label("Export the report as");
    assert!(
        h.state()
            .path_dialog()
            .unwrap()
            .field
            .ends_with("map-report.pdf")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(
        dir.path().join("workshop").display().to_string(),
    ));
    h.run();
    h.key_press(Key::Enter);
    // The report is written in the background, with a spinner in the status bar.
    h.step();
    h.step();
    h.state_mut().wait_for_background_work();
    h.run();
    h.get_by_label("Exported");
    let pdf = std::fs::read(dir.path().join("workshop.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = String::from_utf8_lossy(&pdf).matches("/MediaBox").count();
    assert!(
        pages >= 8,
        "map, four charts, indicators and tables: {pages} pages"
    );
}

#[test]
fn a_picture_takes_the_screens_colours_unless_the_dialog_says_otherwise() {
    use partnermap::app::ExportColours;
    use partnermap::io::export::Colours;
    let mut h = window(Document::sample());
    h.state_mut().prefs.theme = partnermap::ui::actions::ThemeChoice::Dark;
    h.run();
    assert!(h.state().view.dark, "the window is drawn dark");
    let choice = partnermap::app::ExportChoice::default();
    assert_eq!(choice.colours, ExportColours::AsScreen);
    let request = h.state().export_request(&choice);
    assert_eq!(request.svg.colours, Colours::Dark);
    let svg = partnermap::io::export::picture_svg(&h.state().doc.project, &request);
    assert!(svg.contains(&format!("fill=\"{}\"", partnermap::io::export::DARK.page)));
    // Light on a dark screen when the dialog says so; and as the screen in a light window.
    let light = partnermap::app::ExportChoice {
        colours: ExportColours::Light,
        ..Default::default()
    };
    assert_eq!(h.state().export_request(&light).svg.colours, Colours::Light);
    h.state_mut().prefs.theme = partnermap::ui::actions::ThemeChoice::Light;
    h.run();
    assert!(!h.state().view.dark);
    assert_eq!(
        h.state().export_request(&choice).svg.colours,
        Colours::Light
    );
}
