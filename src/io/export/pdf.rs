//! PDF: the exported SVG as one vector page, its texts drawn as the shipped fonts' outlines
//! under an invisible text layer that holds each text once, in logical order, so that it
//! is searched and copied as it reads ([`super::glyphs`]); the title, author and subject in
//! the document's properties.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

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
    let scan = glyphs::scan(svg)?;
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

    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let page_tree_id = alloc.bump();
    let page_id = alloc.bump();
    let content_id = alloc.bump();
    let info_id = alloc.bump();
    let mut renumbered = HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
    let svg_id = *renumbered
        .get(&svg_ref)
        .ok_or_else(|| ExportError::Pdf("the drawing was lost while converting".into()))?;

    // 1 px = 1/96 inch = 0.75 pt.
    let (w, h) = (scan.size.0 * 0.75, scan.size.1 * 0.75);
    let mut texts = pdf_writer::Chunk::new();
    let text = glyphs::pdf::page_text(&scan, &mut texts, &mut alloc, h);
    let svg_name = Name(b"S1");
    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(page_tree_id);
    pdf.pages(page_tree_id).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, w, h));
    page.parent(page_tree_id);
    page.contents(content_id);
    let mut resources = page.resources();
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
    page.finish();
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
    let mut doc = pdf.document_info(info_id);
    doc.producer(TextStr("PartnerMap"));
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
