//! Catalog search over the full embedded catalog (8,789 foods), one query at a time as the
//! app runs it on every key press, and the first-run catalog build from the embedded asset.
//!
//! `cargo bench --bench search` (add `-- --quick` for a shorter run). docs/benchmarks.md has
//! the numbers and how they were taken.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode};
use marrow::store::Catalog;

/// What the app searches for while "almonds" is typed, one key at a time.
const TYPING: [&str; 7] = ["a", "al", "alm", "almo", "almon", "almond", "almonds"];
/// Other everyday queries: two words, a dairy word that matches many foods, and a broad one.
const OTHERS: [&str; 4] = ["pumpkin seeds", "greek yogurt", "milk", "cheese"];
/// The command line's default; the app asks for more rows (60), measured separately.
const LIMIT: usize = 10;

fn open(path: &Path) -> Catalog {
    Catalog::open(path, || {}).expect("catalog from the embedded asset")
}

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = open(&dir.path().join("catalog.db"));
    for q in TYPING.iter().chain(&OTHERS) {
        let hits = catalog.search(q, LIMIT).expect("search");
        eprintln!("search {q:?}: {} hits, first {:?}", hits.len(), hits.first().map(|f| &f.name));
    }

    let mut typing = c.benchmark_group("search_typing");
    for q in TYPING {
        typing.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| catalog.search(black_box(q), LIMIT).expect("search"))
        });
    }
    typing.finish();

    let mut others = c.benchmark_group("search_queries");
    for q in OTHERS {
        others.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| catalog.search(black_box(q), LIMIT).expect("search"))
        });
    }
    others.finish();

    // The app's own list size (runtime.rs LIST_LIMIT = 60) for the broadest and the final query.
    let mut app_limit = c.benchmark_group("search_limit60");
    for q in ["a", "almonds"] {
        app_limit.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| catalog.search(black_box(q), 60).expect("search"))
        });
    }
    app_limit.finish();
}

fn build(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("catalog.db");
    let mut group = c.benchmark_group("catalog");
    group.sample_size(10).sampling_mode(SamplingMode::Flat).measurement_time(Duration::from_secs(10));
    group.bench_function("build_from_embedded_asset", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&path);
            },
            |()| open(&path),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, search, build);
criterion_main!(benches);
