//! PDF: the exported SVG as one vector page, with the shipped fonts embedded (subset) so that
//! the text is selectable and searchable, and the title in the document's properties.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::{ExportError, fonts};

/// Converts `svg` to a one-page PDF whose page is the drawing's size (px are 1/96 inch) and
/// whose document title is `title`.
pub fn svg_to_pdf(svg: &str, title: Option<&str>) -> Result<Vec<u8>, ExportError> {
    let tree = usvg::Tree::from_str(svg, &fonts::usvg_options())
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
    let (w, h) = (tree.size().width() * 0.75, tree.size().height() * 0.75);
    let svg_name = Name(b"S1");
    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(page_tree_id);
    pdf.pages(page_tree_id).kids([page_id]).count(1);
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
    let mut info = pdf.document_info(info_id);
    info.producer(TextStr("PartnerMap"));
    if let Some(t) = title.map(super::text::xml_clean) {
        info.title(TextStr(&t));
    }
    info.finish();
    Ok(pdf.finish())
}
