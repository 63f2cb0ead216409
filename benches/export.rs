//! Exports on the reference maps (design.md §10), made by `generate` with seed 1.
//!
//! Budgets: the map as SVG ≤ 50 ms for workshop (50 / 80), ≤ 300 ms for research
//! (1,000 / 3,000) and ≤ 1 s for stress (10,000 / 30,000); the research map as PNG at
//! 300 dpi ≤ 3 s; the research map as the exported SVG, its texts drawn as outlines, on an
//! A4 page ≤ 300 ms, its PDF report ≤ 3 s, and its XLSX workbook ≤ 1 s, every indicator
//! (betweenness included) computed as the export does (issue 13).

// A test or benchmark that meets a broken fixture stops with its message: that is its report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnermap::generate::generate;
use partnermap::io::export::{
    ExportRequest, ExportTexts, Format, PageSetup, PaperSize, SvgOptions, View, map_svg,
    outline_svg, render, report_pdf, svg_to_pdf, svg_to_png,
};
use partnermap::task::Progress;

fn svg(c: &mut Criterion) {
    let mut group = c.benchmark_group("export svg");
    group.sample_size(10);
    for (name, actors, partnerships) in [
        ("workshop", 50, 80),
        ("research", 1_000, 3_000),
        ("stress", 10_000, 30_000),
    ] {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        group.bench_with_input(BenchmarkId::new("map", name), &project, |b, project| {
            b.iter(|| map_svg(project, &SvgOptions::default()))
        });
    }
    group.finish();
}

fn png(c: &mut Criterion) {
    let mut group = c.benchmark_group("export png 300 dpi");
    group.sample_size(10);
    let project = generate(1_000, 3_000, 1).expect("the map generates");
    group.bench_function("research", |b| {
        b.iter(|| svg_to_png(&map_svg(&project, &SvgOptions::default()), 300.0))
    });
    group.finish();
}

fn pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("export pages");
    group.sample_size(10);
    let project = generate(1_000, 3_000, 1).expect("the map generates");
    let on_a4 = SvgOptions {
        page: PageSetup::new(PaperSize::A4),
        ..SvgOptions::default()
    };
    group.bench_function("a4 svg/research", |b| {
        b.iter(|| outline_svg(&map_svg(&project, &on_a4)).unwrap())
    });
    let mut request =
        ExportRequest::for_map(&project, Format::Report, View::Map, &ExportTexts::default());
    request.svg.page = PageSetup::new(PaperSize::A4);
    group.bench_function("report pdf/research", |b| {
        b.iter(|| report_pdf(&project, &request, &Progress::new()).expect("the report"))
    });
    group.finish();
}

fn outlined(c: &mut Criterion) {
    let mut group = c.benchmark_group("export outlined");
    group.sample_size(10);
    for (name, actors, partnerships) in [("research", 1_000, 3_000), ("stress", 10_000, 30_000)] {
        let project = generate(actors, partnerships, 1).expect("the map generates");
        group.bench_with_input(BenchmarkId::new("svg", name), &project, |b, project| {
            b.iter(|| outline_svg(&map_svg(project, &SvgOptions::default())).unwrap())
        });
    }
    let project = generate(1_000, 3_000, 1).expect("the map generates");
    group.bench_function("pdf/research", |b| {
        b.iter(|| svg_to_pdf(&map_svg(&project, &SvgOptions::default()), None).unwrap())
    });
    group.finish();
}

fn xlsx(c: &mut Criterion) {
    let mut group = c.benchmark_group("export xlsx");
    group.sample_size(10);
    let project = generate(1_000, 3_000, 1).expect("the map generates");
    let request = ExportRequest::new(Format::Xlsx);
    group.bench_function("research", |b| {
        b.iter(|| render(&project, &request).expect("the workbook is written"))
    });
    group.finish();
}

criterion_group!(benches, svg, png, pages, outlined, xlsx);
criterion_main!(benches);
