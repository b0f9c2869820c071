//! Catalog search over the full embedded catalog (8,789 foods), one query at a time as the
//! app runs it on every key press, and the first-run catalog build from the embedded asset.
//!
//! `cargo bench --bench search` (add `-- --quick` for a shorter run). docs/benchmarks.md has
//! the numbers and how they were taken.
//!
//! Criterion keeps no per-iteration samples, so a plain loop of timed searches runs after it
//! and prints p50/p99/max per query. With `MARROW_BENCH_CATALOG=PATH/catalog.db` (a catalog
//! with a big FoodData Central import, see docs/benchmarks.md) the same queries are also
//! measured on that catalog.

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

/// Every query of the typing and everyday sets at the app's 60 rows, `RUNS` timed searches
/// each after one untimed warm-up: p50, p99 and max per query and over all.
fn percentiles(label: &str, catalog: &Catalog) {
    const RUNS: usize = 500;
    let mut all = Vec::new();
    println!("\n{label}: {RUNS} searches per query, limit 60 (ms)");
    println!("{:>14} {:>7} {:>7} {:>7}", "query", "p50", "p99", "max");
    for q in TYPING.iter().chain(&OTHERS).chain(&TYPOS) {
        catalog.search(q, 60).expect("search");
        let mut times: Vec<f64> = (0..RUNS)
            .map(|_| {
                let t = std::time::Instant::now();
                black_box(catalog.search(black_box(q), 60).expect("search"));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        all.extend_from_slice(&times);
        let (p50, p99, max) = summary(&mut times);
        println!("{q:>14} {p50:7.3} {p99:7.3} {max:7.3}");
    }
    let (p50, p99, max) = summary(&mut all);
    println!("{:>14} {p50:7.3} {p99:7.3} {max:7.3}", "all");
}

fn summary(times: &mut [f64]) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.50), at(0.99), at(1.0))
}

/// Typos within the budget, which take the correction path.
const TYPOS: [&str; 3] = ["brocoli", "spinich", "strawbery yogurt"];

fn raw_percentiles() {
    let dir = tempfile::tempdir().expect("temp dir");
    percentiles("SR28 catalog (8,789 foods)", &open(&dir.path().join("catalog.db")));
    if let Some(path) = std::env::var_os("MARROW_BENCH_CATALOG") {
        let catalog = open(Path::new(&path));
        let n = catalog.len().unwrap_or(0);
        percentiles(&format!("MARROW_BENCH_CATALOG ({n} foods)"), &catalog);
    }
}

fn search_then_percentiles(c: &mut Criterion) {
    search(c);
    raw_percentiles();
}

criterion_group!(benches, search_then_percentiles, build);
criterion_main!(benches);
