//! Writes a diary of ten years through marrow's own store: about 30,000 entries of real
//! catalog foods over 3,650 days (three meals of two to three foods a day, a snack most days)
//! and one supplement dose a day (3,650), ending on a given day, with a profile. The same
//! every run (a fixed pseudo-random sequence), so benchmarks compare like with like.
//!
//! As a program, for the whole-process benchmarks (docs/benchmarks.md):
//!
//! ```sh
//! cargo run --release --features dev-tools --example ten_years -- DATA_DIR [END]
//! ```
//!
//! writes DATA_DIR/diary.db (and the catalog) ending on END (YYYY-MM-DD; default today).
//! `benches/history.rs` uses [`write`] directly.

use std::path::Path;

use chrono::{Days, NaiveDate, NaiveTime};
use marrow::domain::day::new_entry;
use marrow::domain::supplement::NewSupplement;
use marrow::domain::{Meal, Nutrient, Profile, Sex};
use marrow::store::{Catalog, Diary, Restore};

/// How many days the diary holds.
pub const DAYS: u64 = 3650;

/// Foods of each meal (SR28 ids) and amounts as a person types them.
const BREAKFAST: &[(&str, &str)] = &[
    ("01077", "250g"), // milk, whole
    ("01117", "170g"), // yogurt, plain, low fat
    ("08121", "240g"), // oats, cooked
    ("09040", "118g"), // banana
    ("18075", "32g"),  // bread, whole-wheat
    ("01129", "50g"),  // egg, hard-boiled
    ("12061", "28g"),  // almonds
    ("09200", "140g"), // orange
];
const LUNCH: &[(&str, &str)] = &[
    ("05064", "120g"), // chicken breast, roasted
    ("20037", "195g"), // brown rice, cooked
    ("11457", "60g"),  // spinach, raw
    ("16015", "172g"), // black beans, cooked
    ("01009", "28g"),  // cheddar
    ("18075", "64g"),  // bread, whole-wheat
    ("09003", "182g"), // apple
    ("15088", "92g"),  // sardines with bone
];
const DINNER: &[(&str, &str)] = &[
    ("15086", "150g"), // salmon, sockeye
    ("11674", "173g"), // potato, baked
    ("11090", "91g"),  // broccoli
    ("16427", "126g"), // tofu, calcium sulfate
    ("11233", "67g"),  // kale
    ("20045", "158g"), // white rice, cooked
    ("05064", "140g"), // chicken breast, roasted
];
const SNACK: &[(&str, &str)] = &[("12061", "30g"), ("09003", "182g"), ("01117", "150g"), ("09040", "118g")];

/// One dose a day, turn by turn: (nutrient, amount in its unit, form).
const DOSES: &[(Nutrient, f64, &str)] = &[
    (Nutrient::Magnesium, 200.0, "glycinate"),
    (Nutrient::VitaminD, 25.0, "D3"),
    (Nutrient::Magnesium, 200.0, "citrate"),
    (Nutrient::Calcium, 500.0, "carbonate"),
];

/// A small fixed pseudo-random sequence (64-bit LCG), enough to vary the days.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Writes ten years of diary ending on `end` into `data_dir` (diary.db and catalog.db), in
/// one transaction; the diary must be new. Returns how many entries and doses it wrote.
pub fn write(data_dir: &Path, end: NaiveDate) -> Result<(usize, usize), String> {
    std::fs::create_dir_all(data_dir).map_err(|e| e.to_string())?;
    let catalog = Catalog::open(&data_dir.join("catalog.db"), || {}).map_err(|e| e.to_string())?;
    let mut diary = Diary::open(&data_dir.join("diary.db")).map_err(|e| e.to_string())?;
    let first = end.checked_sub_days(Days::new(DAYS - 1)).ok_or("no such day")?;
    let mut rng = Rng(0x6d72_7277);
    let (mut entries, mut supplements) = (Vec::new(), Vec::new());
    let mut foods = std::collections::HashMap::new();
    for (i, date) in first.iter_days().take(DAYS as usize).enumerate() {
        let mut meals = vec![(Meal::Breakfast, BREAKFAST), (Meal::Lunch, LUNCH), (Meal::Dinner, DINNER)];
        if rng.below(10) < 7 {
            meals.push((Meal::Snack, SNACK));
        }
        for (meal, choices) in meals {
            let count = if meal == Meal::Snack { 1 } else { 2 + rng.below(2) };
            for _ in 0..count {
                let (id, quantity) = choices[rng.below(choices.len())];
                if !foods.contains_key(id) {
                    let food = catalog.food(id).map_err(|e| e.to_string())?.ok_or(format!("no food {id}"))?;
                    foods.insert(id, food);
                }
                let at = format!("{date}T{:02}:00:00+00:00", 7 + 4 * meal as u32);
                let entry = new_entry(&foods[id], quantity, date, meal, at).map_err(|e| e.to_string())?;
                entries.push(entry);
            }
        }
        let (nutrient, amount, form) = DOSES[i % DOSES.len()];
        supplements.push(NewSupplement {
            date,
            time: NaiveTime::from_hms_opt(8, 0, 0),
            nutrient,
            amount,
            form: Some(form.to_string()),
            logged_at: format!("{date}T08:00:00+00:00"),
        });
    }
    let profile = Profile { sex: Sex::Female, age: 54, default: false, ..Profile::default() };
    let restore = Restore {
        profile: Some(profile),
        custom: Vec::new(),
        entries,
        supplements,
        products: Vec::new(),
        meals: Vec::new(),
        labs: Vec::new(),
        journal: Default::default(),
        recipes: Vec::new(),
    };
    let done = diary.restore(&restore, &format!("{end}T20:00:00+00:00")).map_err(|e| e.to_string())?;
    Ok((done.entries, done.supplements))
}

/// `ten_years DATA_DIR [END]`.
#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: ten_years DATA_DIR [END as YYYY-MM-DD, default today]");
        std::process::exit(2);
    };
    let end = match args.get(1) {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_else(|e| {
            eprintln!("ten_years: {d}: {e}");
            std::process::exit(2)
        }),
        None => marrow::clock::now().date_naive(),
    };
    match write(Path::new(dir), end) {
        Ok((entries, doses)) => println!("wrote {entries} entries and {doses} supplement doses to {dir}"),
        Err(e) => {
            eprintln!("ten_years: {e}");
            std::process::exit(1);
        }
    }
}
