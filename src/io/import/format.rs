//! The formats PartnerMap imports, in one table: their names, their file extensions and
//! how the window and the command line describe them. Everything that lists the formats
//! (the file dialog and its filters, "cannot import" messages, telling a format from a
//! file name) reads this table, so a new format or extension is added in one place.

use std::path::Path;

/// The formats PartnerMap imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// GraphML (Gephi, Cytoscape, yEd, networkx).
    Graphml,
    /// GEXF (Gephi).
    Gexf,
    /// An actors table and a partnerships table.
    Csv,
    /// PartnerMap's JSON export: the whole map.
    Json,
}

/// What the table says about one format.
struct Entry {
    /// The name on the command line (also the usual file extension).
    name: &'static str,
    /// The name in messages.
    label: &'static str,
    /// The name of the file dialog's filter for the format.
    filter_name: &'static str,
    /// How the sentence listing every format names it.
    described: &'static str,
    /// The file extensions that mean the format, the usual one first.
    extensions: &'static [&'static str],
}

impl ImportFormat {
    /// Every format, in the order the window and messages list them.
    pub const ALL: [Self; 4] = [Self::Graphml, Self::Gexf, Self::Csv, Self::Json];

    /// The name of the file dialog's filter that accepts every format.
    pub const ANY_FILTER_NAME: &'static str = "Network, tables or JSON";

    /// The table: one entry per format.
    fn entry(self) -> Entry {
        match self {
            Self::Graphml => Entry {
                name: "graphml",
                label: "GraphML",
                filter_name: "GraphML",
                described: "GraphML",
                extensions: &["graphml", "xml"],
            },
            Self::Gexf => Entry {
                name: "gexf",
                label: "GEXF",
                filter_name: "GEXF",
                described: "GEXF",
                extensions: &["gexf"],
            },
            Self::Csv => Entry {
                name: "csv",
                label: "CSV",
                filter_name: "CSV table",
                described: "CSV tables",
                extensions: &["csv"],
            },
            Self::Json => Entry {
                name: "json",
                label: "JSON",
                filter_name: "PartnerMap JSON",
                described: "its own JSON export",
                extensions: &["json"],
            },
        }
    }

    /// The format's name on the command line (also its usual file extension).
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// The format's name in messages.
    pub fn label(self) -> &'static str {
        self.entry().label
    }

    /// The name of the file dialog's filter for this format ("CSV table").
    pub fn filter_name(self) -> &'static str {
        self.entry().filter_name
    }

    /// The file extensions (without the dot) that mean this format, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        self.entry().extensions
    }

    /// Every extension any format accepts, format by format: the filter of a file dialog
    /// that shows every file PartnerMap imports.
    pub fn all_extensions() -> Vec<&'static str> {
        Self::ALL
            .iter()
            .flat_map(|f| f.extensions())
            .copied()
            .collect()
    }

    /// The sentence that tells people what PartnerMap imports, for a file it cannot:
    /// "PartnerMap imports GraphML (.graphml, .xml), GEXF (.gexf), CSV tables (.csv) and its
    /// own JSON export (.json)."
    pub fn supported_sentence() -> String {
        let parts: Vec<String> = Self::ALL
            .iter()
            .map(|f| {
                let extensions: Vec<String> =
                    f.extensions().iter().map(|e| format!(".{e}")).collect();
                format!("{} ({})", f.entry().described, extensions.join(", "))
            })
            .collect();
        format!("PartnerMap imports {}.", and_list(&parts))
    }

    /// The formats' command-line names as a choice ("graphml, gexf, csv or json"), for the
    /// message about an unknown `--format`.
    pub fn names_choice() -> String {
        let names: Vec<String> = Self::ALL.iter().map(|f| f.name().to_string()).collect();
        or_list(&names)
    }

    /// The formats' usual file names as a choice (".graphml, .gexf, .csv or .json"), for the
    /// message about a file whose format its name does not tell.
    pub fn usual_extensions_choice() -> String {
        let names: Vec<String> = Self::ALL.iter().map(|f| format!(".{}", f.name())).collect();
        or_list(&names)
    }

    /// The format named `name` (either case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The format of `path`: by its extension (in either case; `.xml` counts as GraphML); a
    /// folder is CSV tables.
    pub fn from_path(path: &Path) -> Option<Self> {
        if path.is_dir() {
            return Some(Self::Csv);
        }
        let ext = path.extension()?.to_str()?;
        Self::ALL.into_iter().find(|f| {
            f.extensions()
                .iter()
                .any(|e| e.eq_ignore_ascii_case(ext.trim()))
        })
    }
}

/// `items` joined as "a, b, c and d".
fn and_list(items: &[String]) -> String {
    joined(items, " and ")
}

/// `items` joined as "a, b, c or d".
fn or_list(items: &[String]) -> String {
    joined(items, " or ")
}

/// `items` joined by commas, the last two by `last`.
fn joined(items: &[String], last: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((only, [])) => only.clone(),
        Some((tail, head)) => format!("{}{last}{tail}", head.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::ImportFormat;

    #[test]
    fn the_sentence_lists_every_format_with_its_extensions() {
        assert_eq!(
            ImportFormat::supported_sentence(),
            "PartnerMap imports GraphML (.graphml, .xml), GEXF (.gexf), CSV tables (.csv) \
             and its own JSON export (.json)."
        );
    }

    #[test]
    fn every_extension_names_its_format() {
        assert_eq!(
            ImportFormat::all_extensions(),
            ["graphml", "xml", "gexf", "csv", "json"]
        );
        for format in ImportFormat::ALL {
            assert_eq!(ImportFormat::from_name(format.name()), Some(format));
            for ext in format.extensions() {
                let path = format!("map.{}", ext.to_uppercase());
                assert_eq!(ImportFormat::from_path(path.as_ref()), Some(format));
            }
        }
        assert_eq!(ImportFormat::from_path("map.ron".as_ref()), None);
    }

    #[test]
    fn choices_name_every_format() {
        assert_eq!(ImportFormat::names_choice(), "graphml, gexf, csv or json");
        assert_eq!(
            ImportFormat::usual_extensions_choice(),
            ".graphml, .gexf, .csv or .json"
        );
    }
}
