//! PDF: exported SVG pages as vector pages, their texts drawn as the shipped fonts' outlines
//! under an invisible text layer that holds each text once, in logical order, so that it
//! is searched and copied as it reads ([`super::glyphs`]); the title, author and subject in
//! the document's properties. A report is many such pages in one document
//! ([`pages_to_pdf`]); the pages are converted on every core.

use std::collections::HashMap;

use pdf_writer::{Chunk, Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::svg::PlainText;
use super::{ExportError, fonts, glyphs};

/// The document properties of an exported PDF.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PdfInfo {
    /// The title.
    pub title: Option<String>,
    /// Who made it: the map's author.
    pub author: Option<String>,
    /// What it is about: the map's description, or what the picture shows.
    pub subject: Option<String>,
}

/// Converts `svg` to a one-page PDF whose page is the drawing's size (px are 1/96 inch) and
/// whose document title is `title`.
pub fn svg_to_pdf(svg: &str, title: Option<&str>) -> Result<Vec<u8>, ExportError> {
    svg_to_pdf_with(
        svg,
        &PdfInfo {
            title: title.map(str::to_string),
            ..PdfInfo::default()
        },
    )
}

/// [`svg_to_pdf`] with the document properties `info`.
pub fn svg_to_pdf_with(svg: &str, info: &PdfInfo) -> Result<Vec<u8>, ExportError> {
    pages_to_pdf(&[svg.to_string()], info)
}

/// A page to convert.
pub(crate) enum PdfPage {
    /// An exported drawing.
    Svg(String),
    /// A drawing of `size` px whose texts are plain lines kept aside ([`PlainText`]),
    /// shaped directly instead of laid out again through usvg.
    Plain {
        svg: String,
        size: (f32, f32),
        texts: Vec<PlainText>,
    },
}

/// One page converted: its texts found, everything else drawn by svg2pdf.
struct Converted {
    scan: glyphs::Scan,
    chunk: Chunk,
    svg_ref: Ref,
}

/// Finds the texts of `page` and draws the rest of it with svg2pdf.
fn convert(page: &PdfPage) -> Result<Converted, ExportError> {
    let scan = match page {
        PdfPage::Svg(svg) => glyphs::scan(svg)?,
        PdfPage::Plain { svg, size, texts } => glyphs::scan_plain(svg.clone(), *size, texts),
    };
    // svg2pdf draws everything but the texts, which are drawn over it.
    let mut textless = String::with_capacity(scan.svg.len());
    let mut rest = 0;
    for item in &scan.texts {
        textless.push_str(&scan.svg[rest..item.range.start]);
        rest = item.range.end;
    }
    textless.push_str(&scan.svg[rest..]);
    let tree = usvg::Tree::from_str(&textless, &fonts::usvg_options())
        .map_err(|e| ExportError::Svg(e.to_string()))?;
    let (chunk, svg_ref) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| ExportError::Pdf(e.to_string()))?;
    Ok(Converted {
        scan,
        chunk,
        svg_ref,
    })
}

/// Converts every page, on as many threads as there are cores, in order.
fn convert_all(pages: &[PdfPage]) -> Result<Vec<Converted>, ExportError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8)
        .min(pages.len().max(1));
    if threads == 1 {
        return pages.iter().map(convert).collect();
    }
    let per = pages.len().div_ceil(threads);
    let parts: Vec<Result<Vec<Converted>, ExportError>> = std::thread::scope(|s| {
        let handles: Vec<_> = pages
            .chunks(per)
            .map(|part| s.spawn(move || part.iter().map(convert).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(ExportError::Pdf("a page could not be converted".into()))
                })
            })
            .collect()
    });
    let mut all = Vec::with_capacity(pages.len());
    for part in parts {
        all.extend(part?);
    }
    Ok(all)
}

/// Converts each SVG of `pages` to a page of one PDF, each page the size of its drawing,
/// with the document properties `info`.
pub fn pages_to_pdf(pages: &[String], info: &PdfInfo) -> Result<Vec<u8>, ExportError> {
    let pages: Vec<PdfPage> = pages.iter().cloned().map(PdfPage::Svg).collect();
    prepared_to_pdf(&pages, info)
}

/// [`pages_to_pdf`] of pages some of which keep their texts aside.
pub(crate) fn prepared_to_pdf(pages: &[PdfPage], info: &PdfInfo) -> Result<Vec<u8>, ExportError> {
    let converted = convert_all(pages)?;
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let page_tree_id = alloc.bump();
    let info_id = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(converted.len());
    for page in converted {
        let page_id = alloc.bump();
        page_ids.push(page_id);
        write_page(&mut pdf, &mut alloc, (page_id, page_tree_id), page)?;
    }
    pdf.catalog(catalog_id).pages(page_tree_id);
    let count = i32::try_from(page_ids.len()).unwrap_or(i32::MAX);
    pdf.pages(page_tree_id).kids(page_ids).count(count);
    let mut doc = pdf.document_info(info_id);
    doc.producer(TextStr("PartnerMap"));
    doc.creator(TextStr("PartnerMap"));
    let field = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| super::text::xml_clean(v).into_owned())
    };
    if let Some(t) = field(&info.title) {
        doc.title(TextStr(&t));
    }
    if let Some(a) = field(&info.author) {
        doc.author(TextStr(&a));
    }
    if let Some(s) = field(&info.subject) {
        doc.subject(TextStr(&s));
    }
    doc.finish();
    Ok(pdf.finish())
}

/// Writes one converted page into `pdf`: svg2pdf's drawing, the glyphs over it and the
/// invisible text layer.
fn write_page(
    pdf: &mut Pdf,
    alloc: &mut Ref,
    (page_id, page_tree_id): (Ref, Ref),
    page: Converted,
) -> Result<(), ExportError> {
    let Converted {
        scan,
        chunk,
        svg_ref,
    } = page;
    let content_id = alloc.bump();
    let mut renumbered = HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
    let svg_id = *renumbered
        .get(&svg_ref)
        .ok_or_else(|| ExportError::Pdf("the drawing was lost while converting".into()))?;
    // 1 px = 1/96 inch = 0.75 pt.
    let (w, h) = (scan.size.0 * 0.75, scan.size.1 * 0.75);
    let mut texts = Chunk::new();
    let text = glyphs::pdf::page_text(&scan, &mut texts, alloc, h);
    let svg_name = Name(b"S1");
    let mut p = pdf.page(page_id);
    p.media_box(Rect::new(0.0, 0.0, w, h));
    p.parent(page_tree_id);
    p.contents(content_id);
    let mut resources = p.resources();
    let mut objects = resources.x_objects();
    objects.pair(svg_name, svg_id);
    for (name, id) in &text.forms {
        objects.pair(Name(name.as_bytes()), *id);
    }
    objects.finish();
    let mut states = resources.ext_g_states();
    for (name, id) in &text.states {
        states.pair(Name(name.as_bytes()), *id);
    }
    states.finish();
    let mut fonts = resources.fonts();
    for (name, id) in &text.fonts {
        fonts.pair(Name(name.as_bytes()), *id);
    }
    fonts.finish();
    resources.finish();
    p.finish();
    let mut content = Content::new();
    content.save_state();
    content
        .transform([w, 0.0, 0.0, h, 0.0, 0.0])
        .x_object(svg_name);
    content.restore_state();
    let mut bytes = content.finish();
    bytes.push(b'\n');
    bytes.extend_from_slice(&text.content);
    let bytes = glyphs::pdf::deflate(&bytes);
    pdf.stream(content_id, &bytes)
        .filter(pdf_writer::Filter::FlateDecode);
    pdf.extend(&chunk);
    pdf.extend(&texts);
    Ok(())
}
