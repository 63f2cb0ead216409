//! The Export dialog: format, picture (the map or a quadrant chart), the visible part only,
//! resolution, title, caption and date.

use egui::Id;

use crate::io::export::Format;
use crate::typology::Framework;

/// The Export dialog's choices. All but the title and the date (which belong to one map)
/// are remembered for the next export.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportChoice {
    /// The file format.
    pub format: Format,
    /// For pictures: the map (`None`) or a quadrant chart.
    pub chart: Option<Framework>,
    /// For the map picture: only the part visible on the canvas.
    pub visible_only: bool,
    /// For PNG: dots per inch.
    pub dpi: f32,
    /// The title on top; empty uses the map's title.
    #[serde(skip)]
    pub title: String,
    /// A caption under the picture.
    pub caption: String,
    /// A date under the picture; the dialog starts with the map's last-modified date, as
    /// the command line does. Empty writes none.
    #[serde(skip)]
    pub date: String,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            format: Format::Svg,
            chart: None,
            visible_only: false,
            dpi: crate::io::export::DEFAULT_DPI,
            title: String::new(),
            caption: String::new(),
            date: String::new(),
        }
    }
}

/// What the user did in the Export dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportDecision {
    /// Export: ask where, then write.
    Export,
    /// Close the dialog.
    Cancel,
}

/// Draws the Export dialog over `choice`; `map_title` is the hint of an empty title.
pub fn export_ui(
    ctx: &egui::Context,
    choice: &mut ExportChoice,
    map_title: &str,
) -> Option<ExportDecision> {
    let mut decision = None;
    let response = egui::Modal::new(Id::unique("partnermap.export")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Export");
        egui::ComboBox::new("export.format", "Format")
            .selected_text(choice.format.name().to_uppercase())
            .show_ui(ui, |ui| {
                for f in Format::ALL {
                    ui.selectable_value(&mut choice.format, f, f.name().to_uppercase());
                }
            });
        if choice.format.is_picture() {
            picture_ui(ui, choice, map_title);
        } else {
            ui.label(match choice.format {
                Format::Csv => "Writes actors.csv, partnerships.csv, indicators.csv, partnership_indicators.csv and network.csv into a folder.",
                Format::Graphml | Format::Gexf => "Every actor and partnership attribute, for Gephi, Cytoscape, yEd and networkx.",
                _ => "The whole map as JSON.",
            });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Export…").clicked() {
                decision = Some(ExportDecision::Export);
            }
            if ui.button("Cancel").clicked() {
                decision = Some(ExportDecision::Cancel);
            }
        });
    });
    if response.should_close() && decision.is_none() {
        decision = Some(ExportDecision::Cancel);
    }
    decision
}

/// The choices for a picture: which, what part, resolution, title, caption, date.
fn picture_ui(ui: &mut egui::Ui, choice: &mut ExportChoice, map_title: &str) {
    let current = match choice.chart {
        None => "the map".to_string(),
        Some(f) => f.title().to_string(),
    };
    egui::ComboBox::new("export.view", "Picture")
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut choice.chart, None, "the map");
            for f in Framework::ALL {
                ui.selectable_value(&mut choice.chart, Some(f), f.title());
            }
        });
    if choice.chart.is_none() {
        ui.checkbox(
            &mut choice.visible_only,
            "Only the part visible on the canvas",
        );
    }
    if choice.format == Format::Png {
        let label = ui.label("Resolution");
        ui.add(egui::Slider::new(&mut choice.dpi, 72.0..=600.0).suffix(" dpi"))
            .labelled_by(label.id);
    }
    let label = ui.label("Title");
    ui.add(egui::TextEdit::singleline(&mut choice.title).hint_text(map_title))
        .labelled_by(label.id);
    let label = ui.label("Caption");
    ui.add(egui::TextEdit::singleline(&mut choice.caption).hint_text("Source, place…"))
        .labelled_by(label.id);
    let label = ui.label("Date");
    ui.add(egui::TextEdit::singleline(&mut choice.date).hint_text("none"))
        .labelled_by(label.id);
}
