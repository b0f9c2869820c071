//! What a long history costs where a person waits, in process: opening the diary and
//! reading a day's report (what `marrow day` does), a week (`marrow week`), the 12-month
//! trend, `marrow review --month`, and what search reads from the diary (the foods logged recently, and how often each
//! food was logged), each on a diary of ten years
//! (benches/ten_years.rs: 29,923 entries, 3,650 doses) next to a new one (one day of eight
//! entries and a dose). The whole-file check `marrow check` runs is timed too, for scale.
//!
//! `cargo bench --bench history` (add `-- --quick` for a shorter run).

#[path = "ten_years.rs"]
mod ten_years;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use marrow::domain::day::new_entry;
use marrow::domain::period::Period;
use marrow::domain::Meal;
use marrow::service::day::{day_report, trend};
use marrow::service::review::review;
use marrow::store::{Catalog, Diary};

/// The last day of both diaries.
fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

/// A new diary: one day of eight entries of the same foods, and a dose.
fn write_new(dir: &Path) {
    std::fs::create_dir_all(dir).expect("data dir");
    let catalog = Catalog::open(&dir.join("catalog.db"), || {}).expect("catalog");
    let mut diary = Diary::open(&dir.join("diary.db")).expect("diary");
    let foods = [
        ("01077", "250g", Meal::Breakfast),
        ("08121", "240g", Meal::Breakfast),
        ("05064", "120g", Meal::Lunch),
        ("11457", "60g", Meal::Lunch),
        ("15086", "150g", Meal::Dinner),
        ("11674", "173g", Meal::Dinner),
        ("12061", "30g", Meal::Snack),
        ("09040", "118g", Meal::Snack),
    ];
    let entries: Vec<_> = foods
        .iter()
        .map(|(id, qty, meal)| {
            let food = catalog.food(id).expect("catalog read").expect("in the catalog");
            new_entry(&food, qty, end(), *meal, format!("{}T12:00:00+00:00", end())).expect("entry")
        })
        .collect();
    diary.add_entries(&entries).expect("entries");
}

/// Both data directories, written once per run.
struct Diaries {
    _tmp: tempfile::TempDir,
    new: PathBuf,
    ten: PathBuf,
}

fn diaries() -> Diaries {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (new, ten) = (tmp.path().join("new"), tmp.path().join("ten-years"));
    write_new(&new);
    let (entries, doses) = ten_years::write(&ten, end()).expect("ten years");
    assert!(entries > 29_000 && doses == 3650, "{entries} entries, {doses} doses");
    Diaries { _tmp: tmp, new: new.join("diary.db"), ten: ten.join("diary.db") }
}

fn history(c: &mut Criterion) {
    let d = diaries();
    let mut group = c.benchmark_group("history");
    group.sample_size(50);
    for (name, path) in [("new", &d.new), ("ten_years", &d.ten)] {
        group.bench_function(format!("open_and_day/{name}"), |b| {
            b.iter(|| {
                let diary = Diary::open_for_reading(path).expect("open");
                black_box(day_report(&diary, end()).expect("day"))
            })
        });
        group.bench_function(format!("open_and_week/{name}"), |b| {
            b.iter(|| {
                let diary = Diary::open_for_reading(path).expect("open");
                black_box(trend(&diary, end(), 7).expect("week"))
            })
        });
        group.bench_function(format!("search_hints/{name}"), |b| {
            b.iter(|| black_box(Diary::peek(path).and_then(|d| d.read_hints()).expect("hints")))
        });
        let diary = Diary::open_for_reading(path).expect("open");
        group.bench_function(format!("trend_12_months/{name}"), |b| {
            b.iter(|| black_box(trend(&diary, end(), 365).expect("trend")))
        });
        // `marrow review --month`: the month, the month before, its foods and suggestions.
        let catalog = Catalog::open(&path.with_file_name("catalog.db"), || {}).expect("catalog");
        group.bench_function(format!("review_month/{name}"), |b| {
            let month = Period::days_ending(end(), 30);
            b.iter(|| black_box(review(&diary, &catalog, month).expect("review")))
        });
        // What opening the app's search lists first.
        group.bench_function(format!("recent_foods/{name}"), |b| {
            b.iter(|| black_box(diary.recent_foods(8).expect("recent")))
        });
    }
    group.bench_function("whole_file_check/ten_years", |b| {
        b.iter(|| black_box(Diary::problems(&d.ten).expect("check")))
    });
    group.finish();
}

criterion_group!(benches, history);
criterion_main!(benches);
