//! Pages (design.md §8): the paper a picture is laid out on — A4, A3 or Letter, portrait or
//! landscape, or fitted to the drawing — and the frame every page carries: margins, a title
//! block (title and date on top; caption and credit line at the foot) and, in a report, the
//! page number. Sizes are in px of 1/96 inch, as in the rest of the SVG; the page's own
//! width and height are written in millimetres or inches so that a browser or Inkscape
//! prints it at its size.

use super::svg::{Anchor, Doc, Palette, SvgOptions, TextStyle, wrap_to_width};
use crate::model::Project;

/// Px per millimetre (96 px to the inch).
pub const PX_PER_MM: f64 = 96.0 / 25.4;
/// Px per point (72 points to the inch).
pub const PX_PER_PT: f64 = 96.0 / 72.0;
/// The smallest text on a page: 7 pt.
pub const MIN_TEXT_PX: f64 = 7.0 * PX_PER_PT;

/// The page margin: 15 mm.
pub const PAGE_MARGIN: f64 = 15.0 * PX_PER_MM;
/// The title: 16 pt bold.
const TITLE: TextStyle = TextStyle::new(16.0 * PX_PER_PT).bold();
const TITLE_LINE: f64 = 22.0 * PX_PER_PT;
/// The date, caption and page number: 9 pt.
const SMALL: TextStyle = TextStyle::new(9.0 * PX_PER_PT);
const SMALL_LINE: f64 = 12.5 * PX_PER_PT;
/// The credit line: 7.5 pt.
const CREDIT: TextStyle = TextStyle::new(7.5 * PX_PER_PT);
/// Space between the title block and the content, in px.
const BLOCK_GAP: f64 = 12.0;

/// The paper a picture is laid out on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PaperSize {
    /// The drawing's own size: as large as the map needs, with no paper around it.
    #[default]
    Fit,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PaperSize {
    /// Every paper, in the order the Export dialog lists them.
    pub const ALL: [Self; 4] = [Self::Fit, Self::A4, Self::A3, Self::Letter];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fit => "fit",
            Self::A4 => "a4",
            Self::A3 => "a3",
            Self::Letter => "letter",
        }
    }

    /// Its name in the window.
    pub fn label(self) -> &'static str {
        match self {
            Self::Fit => "Fitted to the map",
            Self::A4 => "A4",
            Self::A3 => "A3",
            Self::Letter => "Letter",
        }
    }

    /// The paper named `name` (either case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Its portrait width and height as written on the page (`210mm`) and in px; `None`
    /// for [`PaperSize::Fit`].
    fn portrait(self) -> Option<([&'static str; 2], (f64, f64))> {
        Some(match self {
            Self::Fit => return None,
            Self::A4 => (["210mm", "297mm"], (210.0 * PX_PER_MM, 297.0 * PX_PER_MM)),
            Self::A3 => (["297mm", "420mm"], (297.0 * PX_PER_MM, 420.0 * PX_PER_MM)),
            Self::Letter => (["8.5in", "11in"], (8.5 * 96.0, 11.0 * 96.0)),
        })
    }
}

/// Which way up the paper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall.
    Landscape,
}

impl Orientation {
    /// Its name in the window.
    pub fn label(self) -> &'static str {
        match self {
            Self::Portrait => "Portrait",
            Self::Landscape => "Landscape",
        }
    }
}

/// The paper and which way up: the orientation follows the content's shape when not given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageSetup {
    /// The paper.
    pub paper: PaperSize,
    /// Which way up; `None`: landscape for content wider than tall, else portrait.
    pub orientation: Option<Orientation>,
}

impl PageSetup {
    /// A page of `paper`, turned by the content's shape.
    pub fn new(paper: PaperSize) -> Self {
        Self {
            paper,
            orientation: None,
        }
    }

    /// The sheet for content `wide` (wider than tall) or not; `None` when the drawing is
    /// fitted to its content.
    pub(crate) fn sheet(self, wide: bool) -> Option<Sheet> {
        let ([w_attr, h_attr], (w, h)) = self.paper.portrait()?;
        let landscape = match self.orientation {
            Some(o) => o == Orientation::Landscape,
            None => wide,
        };
        Some(if landscape {
            Sheet {
                size: (h, w),
                attrs: [h_attr, w_attr],
            }
        } else {
            Sheet {
                size: (w, h),
                attrs: [w_attr, h_attr],
            }
        })
    }
}

/// A sheet of paper: its size in px and as written on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Sheet {
    /// Width and height in px.
    pub(crate) size: (f64, f64),
    /// Width and height as the SVG's `width` and `height` attributes.
    pub(crate) attrs: [&'static str; 2],
}

impl Sheet {
    /// A new SVG document of this sheet's size.
    pub(crate) fn doc(&self, title: Option<&str>, pal: &'static Palette) -> Doc {
        Doc::sized(self.attrs, self.size, title, pal)
    }
}

/// A rectangle on the page, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Area {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) w: f64,
    pub(crate) h: f64,
}

/// What the frame of a page says.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame<'a> {
    /// The title on top.
    pub(crate) title: Option<&'a str>,
    /// The date under the title.
    pub(crate) date: Option<&'a str>,
    /// The caption at the foot.
    pub(crate) caption: Option<&'a str>,
    /// The map's author, for the credit line.
    pub(crate) author: Option<&'a str>,
    /// This page's number and the number of pages, in a report.
    pub(crate) page: Option<(usize, usize)>,
}

impl<'a> Frame<'a> {
    /// The frame of a picture of `project` titled `title`, with the date and caption of
    /// `opts` (blank ones left out), numbered `page` in a report.
    pub(crate) fn for_picture(
        title: Option<&'a str>,
        opts: &'a SvgOptions,
        project: &'a Project,
        page: Option<(usize, usize)>,
    ) -> Self {
        let given =
            |text: &'a Option<String>| text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        Self {
            title,
            date: given(&opts.date),
            caption: given(&opts.caption),
            author: Some(project.meta.author.as_str()),
            page,
        }
    }
}

/// The credit line at the foot of every page.
fn credit(author: Option<&str>) -> String {
    match author.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => format!("Map by {a} · made with PartnerMap"),
        None => "Made with PartnerMap".to_string(),
    }
}

/// The frame laid out on a sheet: its lines, and the area left for the content.
pub(crate) struct Laid {
    title: Vec<String>,
    caption: Vec<String>,
    /// The area between the title block and the foot.
    pub(crate) content: Area,
}

impl Frame<'_> {
    /// Lays the frame out on `sheet`.
    pub(crate) fn lay_out(&self, sheet: &Sheet) -> Laid {
        let (w, h) = sheet.size;
        let inner = w - 2.0 * PAGE_MARGIN;
        let title = self
            .title
            .map(|t| wrap_to_width(t, inner, TITLE.px))
            .unwrap_or_default();
        let caption = self
            .caption
            .map(|c| wrap_to_width(c, inner, SMALL.px))
            .unwrap_or_default();
        let head = title.len() as f64 * TITLE_LINE
            + if self.date.is_some() { SMALL_LINE } else { 0.0 }
            + BLOCK_GAP;
        let foot = caption.len() as f64 * SMALL_LINE + SMALL_LINE + BLOCK_GAP;
        Laid {
            title,
            caption,
            content: Area {
                x: PAGE_MARGIN,
                y: PAGE_MARGIN + head,
                w: inner,
                h: (h - 2.0 * PAGE_MARGIN - head - foot).max(0.0),
            },
        }
    }

    /// Draws the frame as `laid` out on `sheet`.
    pub(crate) fn draw(&self, doc: &mut Doc, sheet: &Sheet, laid: &Laid) {
        let muted = doc.pal.muted;
        let ink = doc.pal.ink;
        let (w, h) = sheet.size;
        let ink = format!("fill=\"{ink}\"");
        let muted = format!("fill=\"{muted}\"");
        let mut y = PAGE_MARGIN + TITLE.px;
        if !laid.title.is_empty() {
            doc.lines(
                "title",
                (PAGE_MARGIN, y),
                (TITLE, TITLE_LINE),
                &ink,
                &laid.title,
            );
            y += laid.title.len() as f64 * TITLE_LINE - TITLE.px + SMALL.px;
        }
        if let Some(d) = self.date {
            doc.text((PAGE_MARGIN, y), SMALL, &format!("id=\"date\" {muted}"), d);
        }
        let bottom = h - PAGE_MARGIN;
        if !laid.caption.is_empty() {
            let top = bottom - SMALL_LINE - laid.caption.len() as f64 * SMALL_LINE;
            doc.lines(
                "caption",
                (PAGE_MARGIN, top + SMALL.px),
                (SMALL, SMALL_LINE),
                &ink,
                &laid.caption,
            );
        }
        doc.text(
            (PAGE_MARGIN, bottom - 2.0),
            CREDIT,
            &format!("id=\"credit\" {muted}"),
            &credit(self.author),
        );
        if let Some((n, of)) = self.page {
            doc.text(
                (w - PAGE_MARGIN, bottom - 2.0),
                SMALL.anchored(Anchor::End),
                &format!("id=\"page-number\" {muted}"),
                &format!("Page {n} of {of}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_are_the_printers_sizes() {
        let a4 = PageSetup::new(PaperSize::A4).sheet(false).unwrap();
        // 595 × 842 pt.
        assert!((a4.size.0 / PX_PER_PT - 595.28).abs() < 0.01);
        assert!((a4.size.1 / PX_PER_PT - 841.89).abs() < 0.01);
        assert_eq!(a4.attrs, ["210mm", "297mm"]);
        let letter = PageSetup::new(PaperSize::Letter).sheet(true).unwrap();
        assert_eq!(letter.size, (1056.0, 816.0));
        assert_eq!(letter.attrs, ["11in", "8.5in"]);
        let turned = PageSetup {
            paper: PaperSize::A3,
            orientation: Some(Orientation::Portrait),
        };
        assert!(turned.sheet(true).unwrap().size.0 < turned.sheet(true).unwrap().size.1);
        assert!(PageSetup::new(PaperSize::Fit).sheet(true).is_none());
    }

    #[test]
    fn paper_names_read_back() {
        for p in PaperSize::ALL {
            assert_eq!(PaperSize::from_name(p.name()), Some(p));
        }
        assert_eq!(PaperSize::from_name(" A4 "), Some(PaperSize::A4));
        assert_eq!(PaperSize::from_name("a5"), None);
    }

    #[test]
    fn the_frame_leaves_the_content_inside_the_margins() {
        let sheet = PageSetup::new(PaperSize::A4).sheet(false).unwrap();
        let frame = Frame {
            title: Some("A partnership map of Pursat province, with a long title that wraps"),
            date: Some("2026-05-12"),
            caption: Some("Workshop of 12 May"),
            author: None,
            page: Some((1, 3)),
        };
        let laid = frame.lay_out(&sheet);
        let c = laid.content;
        assert!(c.x >= PAGE_MARGIN && c.y > PAGE_MARGIN + TITLE.px);
        assert!(c.x + c.w <= sheet.size.0 - PAGE_MARGIN + 1e-9);
        assert!(c.y + c.h < sheet.size.1 - PAGE_MARGIN - SMALL_LINE);
        assert!(
            c.h > 700.0,
            "most of an A4 page is left for the map: {}",
            c.h
        );
    }
}
