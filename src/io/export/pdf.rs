//! PDF: exported SVG pages as vector pages, with the shipped fonts embedded (subset) so that
//! the text is selectable and searchable, and the title, author and subject in the
//! document's properties.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::{ExportError, fonts};

/// The document's properties.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocInfo<'a> {
    /// Its title.
    pub title: Option<&'a str>,
    /// Its author.
    pub author: Option<&'a str>,
    /// What it is about.
    pub subject: Option<&'a str>,
}

/// Converts `svg` to a one-page PDF whose page is the drawing's size (px are 1/96 inch) and
/// whose document title is `title`.
pub fn svg_to_pdf(svg: &str, title: Option<&str>) -> Result<Vec<u8>, ExportError> {
    pages_to_pdf(
        &[svg.to_string()],
        &DocInfo {
            title,
            ..DocInfo::default()
        },
    )
}

/// Converts each SVG of `pages` to a page of one PDF, each page the size of its drawing.
pub fn pages_to_pdf(pages: &[String], info: &DocInfo) -> Result<Vec<u8>, ExportError> {
    let options = fonts::usvg_options();
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let page_tree_id = alloc.bump();
    let info_id = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    for svg in pages {
        let tree =
            usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))?;
        let (chunk, svg_ref) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| ExportError::Pdf(e.to_string()))?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let svg_id = *renumbered
            .get(&svg_ref)
            .ok_or_else(|| ExportError::Pdf("the drawing was lost while converting".into()))?;
        // 1 px = 1/96 inch = 0.75 pt.
        let (w, h) = (tree.size().width() * 0.75, tree.size().height() * 0.75);
        let svg_name = Name(b"S1");
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(page_tree_id);
        page.contents(content_id);
        page.resources().x_objects().pair(svg_name, svg_id);
        page.finish();
        let mut content = Content::new();
        content
            .transform([w, 0.0, 0.0, h, 0.0, 0.0])
            .x_object(svg_name);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        page_ids.push(page_id);
    }
    pdf.catalog(catalog_id).pages(page_tree_id);
    let count = i32::try_from(page_ids.len()).unwrap_or(i32::MAX);
    pdf.pages(page_tree_id).kids(page_ids).count(count);
    let mut doc_info = pdf.document_info(info_id);
    doc_info.producer(TextStr("PartnerMap"));
    doc_info.creator(TextStr("PartnerMap"));
    fn clean(t: Option<&str>) -> Option<String> {
        t.map(|t| super::text::xml_clean(t).into_owned())
            .filter(|t| !t.trim().is_empty())
    }
    if let Some(t) = clean(info.title) {
        doc_info.title(TextStr(&t));
    }
    if let Some(a) = clean(info.author) {
        doc_info.author(TextStr(&a));
    }
    if let Some(s) = clean(info.subject) {
        doc_info.subject(TextStr(&s));
    }
    doc_info.finish();
    Ok(pdf.finish())
}
