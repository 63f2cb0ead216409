//! The Export dialog: format, picture (the map or a quadrant chart), the visible part only,
//! page, resolution, title, caption and date. Every row is always there, greyed out where
//! it does not apply to the format, so that the dialog keeps its size and place whatever is
//! chosen.

use egui::Id;

use crate::io::export::{Colours, Format, Orientation, PageSetup, PaperSize};
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
    /// For pictures: the paper, and which way up.
    pub page: PageSetup,
    /// For pictures: the colours, as the screen's by default.
    pub colours: ExportColours,
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
            page: PageSetup::default(),
            colours: ExportColours::default(),
            title: String::new(),
            caption: String::new(),
            date: String::new(),
        }
    }
}

/// The colours of an exported picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExportColours {
    /// Light or dark, as the window is drawn.
    #[default]
    AsScreen,
    /// A white page, for print.
    Light,
    /// A dark page.
    Dark,
}

impl ExportColours {
    /// Every choice, in the dialog's order.
    pub const ALL: [Self; 3] = [Self::AsScreen, Self::Light, Self::Dark];

    /// Its name in the dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::AsScreen => "As on the screen",
            Self::Light => "Light page",
            Self::Dark => "Dark page",
        }
    }

    /// The colours it gives when the screen is `dark` or not.
    pub fn resolve(self, dark: bool) -> Colours {
        match self {
            Self::AsScreen if dark => Colours::Dark,
            Self::AsScreen | Self::Light => Colours::Light,
            Self::Dark => Colours::Dark,
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

/// The dialog's width, in points.
const WIDTH: f32 = 440.0;

/// Draws the Export dialog over `choice`; `map_title` is the hint of an empty title.
pub fn export_ui(
    ctx: &egui::Context,
    choice: &mut ExportChoice,
    map_title: &str,
) -> Option<ExportDecision> {
    let mut decision = None;
    let response = egui::Modal::new(Id::unique("partnermap.export")).show(ctx, |ui| {
        ui.set_width(WIDTH);
        ui.heading("Export");
        egui::Grid::new("export.grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Format");
                egui::ComboBox::from_id_salt("export.format")
                    .selected_text(choice.format.name().to_uppercase())
                    .width(160.0)
                    .show_ui(ui, |ui| {
                        for f in Format::ALL {
                            ui.selectable_value(&mut choice.format, f, f.name().to_uppercase());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                picture_ui(ui, choice, map_title);
            });
        // What the format writes, in a space of a fixed size.
        ui.add_sized(
            [WIDTH, 40.0],
            egui::Label::new(egui::RichText::new(about(choice.format)).weak()).wrap(),
        );
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

/// What `format` writes.
fn about(format: Format) -> &'static str {
    match format {
        Format::Svg => "A picture that stays sharp at any size, with the glyphs it uses inside it.",
        Format::Png => "A picture at the chosen resolution, for slides and documents.",
        Format::Pdf => "A vector page with searchable text.",
        Format::Csv => {
            "Writes actors.csv, partnerships.csv, indicators.csv, partnership_indicators.csv, network.csv and map.csv into a folder."
        }
        Format::Xlsx => {
            "One workbook with the same tables as CSV, a sheet each, numbers as numbers."
        }
        Format::Graphml | Format::Gexf => {
            "Every actor and partnership attribute, for Gephi, Cytoscape, yEd and networkx."
        }
        Format::Json | Format::Report => "The whole map as JSON.",
    }
}

/// One row of the grid: its label and its control, greyed out unless `enabled`.
fn row(
    ui: &mut egui::Ui,
    enabled: bool,
    label: &str,
    control: impl FnOnce(&mut egui::Ui) -> egui::Response,
) {
    let label = ui.add_enabled(enabled, egui::Label::new(label));
    ui.add_enabled_ui(enabled, |ui| control(ui).labelled_by(label.id));
    ui.end_row();
}

/// The choices for a picture: which, what part, page, resolution, title, caption, date —
/// greyed out for formats that are not pictures.
fn picture_ui(ui: &mut egui::Ui, choice: &mut ExportChoice, map_title: &str) {
    let picture = choice.format.is_picture();
    row(ui, picture, "Picture", |ui| {
        let current = match choice.chart {
            None => "The map".to_string(),
            Some(f) => f.title().to_string(),
        };
        egui::ComboBox::from_id_salt("export.view")
            .selected_text(current)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice.chart, None, "The map");
                for f in Framework::ALL {
                    ui.selectable_value(&mut choice.chart, Some(f), f.title());
                }
            })
            .response
    });
    ui.label("");
    ui.add_enabled(
        picture && choice.chart.is_none(),
        egui::Checkbox::new(
            &mut choice.visible_only,
            "Only the part visible on the canvas",
        ),
    );
    ui.end_row();
    row(ui, picture, "Page", |ui| {
        egui::ComboBox::from_id_salt("export.page")
            .selected_text(choice.page.paper.label())
            .width(160.0)
            .show_ui(ui, |ui| {
                for p in PaperSize::ALL {
                    ui.selectable_value(&mut choice.page.paper, p, p.label());
                }
            })
            .response
    });
    let turned = picture && choice.page.paper != PaperSize::Fit;
    row(ui, turned, "Orientation", |ui| {
        let name = |o: Option<Orientation>| o.map_or("By the picture's shape", Orientation::label);
        egui::ComboBox::from_id_salt("export.orientation")
            .selected_text(name(choice.page.orientation))
            .width(160.0)
            .show_ui(ui, |ui| {
                for o in [
                    None,
                    Some(Orientation::Portrait),
                    Some(Orientation::Landscape),
                ] {
                    ui.selectable_value(&mut choice.page.orientation, o, name(o));
                }
            })
            .response
    });
    row(ui, picture, "Colours", |ui| {
        egui::ComboBox::from_id_salt("export.colours")
            .selected_text(choice.colours.label())
            .width(160.0)
            .show_ui(ui, |ui| {
                for c in ExportColours::ALL {
                    ui.selectable_value(&mut choice.colours, c, c.label());
                }
            })
            .response
    });
    row(ui, choice.format == Format::Png, "Resolution", |ui| {
        ui.add(egui::Slider::new(&mut choice.dpi, 72.0..=600.0).suffix(" dpi"))
    });
    row(ui, picture, "Title", |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut choice.title)
                .hint_text(map_title)
                .desired_width(260.0),
        )
    });
    row(ui, picture, "Caption", |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut choice.caption)
                .hint_text("Source, place…")
                .desired_width(260.0),
        )
    });
    row(ui, picture, "Date", |ui| {
        ui.add(
            egui::TextEdit::singleline(&mut choice.date)
                .hint_text("none")
                .desired_width(260.0),
        )
    });
}
