//! Writing catalog.db in one go (foods in search-prior order, portions, the typo vocabulary and
//! the full-text index) into a temporary file that is then renamed into place, and reading a
//! catalog's foods back so a rebuild can carry imported FoodData Central foods over.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::Connection;

use super::files::replace_private;
use super::StoreError;
use crate::domain::nutrient::{Nutrient, NutrientValues, COUNT};
use crate::domain::{search, Food, Portion};
use crate::sources::fdc::{DataType, FdcFood};

const SCHEMA_SQL: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE foods (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    grp TEXT NOT NULL,
    common TEXT NOT NULL,
    manufacturer TEXT NOT NULL,
    -- One serving by the domain's rule (`Food::serving`), for `top --per serving`.
    serving_amount REAL,
    serving_desc TEXT,
    serving_grams REAL,
    -- Imported FoodData Central foods: data type ('branded_food'), FDC id and barcode.
    -- NULL for the catalog's own foods (the embedded asset or an SR28 import).
    source TEXT,
    fdc_id INTEGER,
    gtin TEXT,
    -- How many household measures the food has: everyday foods have more, a ranking signal.
    measures INTEGER NOT NULL,
    -- USDA's Survey flag (used in FNDDS, the food list of the national dietary survey): 1 or 0.
    survey INTEGER NOT NULL,
    NUTRIENTS,
    -- The ALA figure is 18:3 undifferentiated (SR28 619), not true ALA (851): 1 or 0.
    ala_undifferentiated INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE words (word TEXT PRIMARY KEY, uses INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE portions (
    food INTEGER NOT NULL REFERENCES foods (rowid),
    seq INTEGER NOT NULL,
    amount REAL NOT NULL,
    description TEXT NOT NULL,
    grams REAL NOT NULL,
    PRIMARY KEY (food, seq)
) WITHOUT ROWID;
-- Prefix indexes up to six letters: a word typed so far reads one stored list of foods
-- instead of merging the lists of every word that starts with it, which on 400,000 foods was
-- most of a search.
CREATE VIRTUAL TABLE foods_fts USING fts5(
    name, common, grp, content = 'foods', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6'
);
";

/// Indexes made after the rows are in, which is faster than keeping them up to date.
const INDEX_SQL: &str = "
CREATE INDEX words_by_length ON words (length(word));
CREATE INDEX foods_by_group ON foods (grp);
CREATE INDEX foods_by_barcode ON foods (ltrim(gtin, '0')) WHERE gtin IS NOT NULL;
";

/// How far a build is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildProgress {
    /// Reading the foods that stay from the current catalog.
    Preparing,
    /// `done` of `total` foods written.
    Foods { done: usize, total: usize },
    /// All foods are in; the full-text index is being built.
    Indexing,
}

/// Writes a complete catalog of `base` and `fdc` foods to a temporary file beside `path`,
/// then renames it into place, so readers never see a half-built catalog.
pub(super) fn build(
    path: &Path,
    base: &[Food],
    fdc: &[FdcFood],
    key: &str,
    progress: &mut dyn FnMut(BuildProgress),
) -> Result<(), StoreError> {
    replace_private(path, |tmp| write(tmp, base, fdc, key, progress))
}

fn write(
    tmp: &Path,
    base: &[Food],
    fdc: &[FdcFood],
    key: &str,
    progress: &mut dyn FnMut(BuildProgress),
) -> Result<(), StoreError> {
    // No URI parsing: a data directory named "file:..." is a directory like any other.
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
        | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(tmp, flags)?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")?;
    let tx = conn.transaction()?;
    let cols: Vec<String> = Nutrient::all().map(|n| format!("{} REAL", n.key())).collect();
    tx.execute_batch(&SCHEMA_SQL.replace("NUTRIENTS", &cols.join(",\n    ")))?;
    // Rowids follow the search prior, so the first matches read are the likeliest.
    let mut ordered: Vec<(&Food, Option<&FdcFood>)> =
        base.iter().map(|f| (f, None)).chain(fdc.iter().map(|f| (&f.food, Some(f)))).collect();
    ordered.sort_by_cached_key(|(f, _)| (search::prior(f), f.id.clone()));
    let total = ordered.len();
    let mut words: HashMap<String, i64> = HashMap::new();
    {
        let mut food_stmt = tx.prepare(&format!(
            "INSERT INTO foods (rowid, id, name, grp, common, manufacturer, serving_amount, \
             serving_desc, serving_grams, source, fdc_id, gtin, measures, survey, {}) VALUES ({})",
            super::nutrient_columns(),
            (1..=14 + super::VALUE_COLUMNS).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
        ))?;
        let mut portion_stmt = tx.prepare(
            "INSERT INTO portions (food, seq, amount, description, grams) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, (f, origin)) in ordered.into_iter().enumerate() {
            let rowid = i as i64 + 1;
            let serving = f.serving();
            food_stmt.raw_bind_parameter(1, rowid)?;
            food_stmt.raw_bind_parameter(2, &f.id)?;
            food_stmt.raw_bind_parameter(3, &f.name)?;
            food_stmt.raw_bind_parameter(4, &f.group)?;
            food_stmt.raw_bind_parameter(5, &f.common_names)?;
            food_stmt.raw_bind_parameter(6, &f.manufacturer)?;
            food_stmt.raw_bind_parameter(7, serving.amount)?;
            food_stmt.raw_bind_parameter(8, serving.description.as_str())?;
            food_stmt.raw_bind_parameter(9, serving.grams)?;
            food_stmt.raw_bind_parameter(10, origin.map(|o| o.data_type.code()))?;
            food_stmt.raw_bind_parameter(11, origin.map(|o| o.fdc_id))?;
            food_stmt.raw_bind_parameter(12, origin.map(|o| o.gtin.as_str()).filter(|g| !g.is_empty()))?;
            food_stmt.raw_bind_parameter(13, f.portions.len() as i64)?;
            food_stmt.raw_bind_parameter(14, i64::from(f.in_survey))?;
            for (n, v) in f.per_100g.0.iter().enumerate() {
                food_stmt.raw_bind_parameter(15 + n, v)?;
            }
            food_stmt.raw_bind_parameter(15 + COUNT, i64::from(f.per_100g.1.ala_undifferentiated))?;
            food_stmt.raw_execute()?;
            for (seq, p) in f.portions.iter().enumerate() {
                portion_stmt.raw_bind_parameter(1, rowid)?;
                portion_stmt.raw_bind_parameter(2, seq as i64 + 1)?;
                portion_stmt.raw_bind_parameter(3, p.amount)?;
                portion_stmt.raw_bind_parameter(4, &p.description)?;
                portion_stmt.raw_bind_parameter(5, p.grams)?;
                portion_stmt.raw_execute()?;
            }
            for w in search::vocabulary(f) {
                *words.entry(w).or_insert(0) += 1;
            }
            if (i + 1) % 4096 == 0 || i + 1 == total {
                progress(BuildProgress::Foods { done: i + 1, total });
            }
        }
        let mut sorted: Vec<(String, i64)> = words.into_iter().collect();
        sorted.sort_unstable();
        let mut word_stmt = tx.prepare("INSERT INTO words (word, uses) VALUES (?1, ?2)")?;
        for (w, n) in sorted {
            word_stmt.execute(rusqlite::params![w, n])?;
        }
    }
    progress(BuildProgress::Indexing);
    tx.execute_batch(INDEX_SQL)?;
    // The app's browse list sorts by these per 100 g: an index answers it without a scan.
    for n in [Nutrient::Magnesium, Nutrient::Calcium, Nutrient::VitaminD] {
        tx.execute_batch(&format!("CREATE INDEX foods_by_{0} ON foods ({0});", n.key()))?;
    }
    tx.execute("INSERT INTO foods_fts (foods_fts) VALUES ('rebuild')", [])?;
    tx.execute("INSERT INTO meta (key, value) VALUES ('build', ?1)", [key])?;
    tx.commit()?;
    // No ANALYZE statistics: every query here has one obvious plan, and loading sqlite_stat4
    // at each open cost more than a whole search.
    Ok(())
}

/// The foods of a catalog: its own (when `with_base`) and its FDC foods except those of the
/// `dropped` data types. Reads catalogs of older layouts too, by column name: a nutrient
/// column they lack is unknown; without FDC columns they hold no FDC foods.
pub(super) fn read_foods(
    conn: &Connection,
    with_base: bool,
    dropped: &[DataType],
) -> Result<(Vec<Food>, Vec<FdcFood>), StoreError> {
    let present: HashSet<String> = conn
        .prepare("SELECT name FROM pragma_table_info('foods')")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    let has_fdc = ["source", "fdc_id", "gtin"].iter().all(|c| present.contains(*c));
    if !has_fdc && !with_base {
        return Ok((Vec::new(), Vec::new()));
    }
    let origin = if has_fdc { "source, fdc_id, gtin" } else { "NULL, NULL, NULL" };
    let survey = if present.contains("survey") { "survey" } else { "0" };
    let nutrients: Vec<String> = Nutrient::all()
        .map(|n| if present.contains(n.key()) { n.key().to_string() } else { "NULL".to_string() })
        .collect();
    let ala = if present.contains(super::ALA_MARK_COLUMN) { super::ALA_MARK_COLUMN } else { "0" };
    let sql = format!(
        "SELECT rowid, id, name, grp, common, manufacturer, {origin}, {survey}, {}, {ala} FROM foods ORDER BY rowid",
        nutrients.join(", ")
    );
    let (mut base, mut fdc) = (Vec::new(), Vec::new());
    // rowid -> (is FDC, index into base or fdc)
    let mut place: HashMap<i64, (bool, usize)> = HashMap::new();
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut per_100g = NutrientValues::unknown();
        for (i, slot) in per_100g.0.iter_mut().enumerate() {
            *slot = r.get(10 + i)?;
        }
        per_100g.1.ala_undifferentiated = r.get::<_, i64>(10 + COUNT)? != 0;
        let food = Food {
            id: r.get(1)?,
            name: r.get(2)?,
            group: r.get(3)?,
            common_names: r.get(4)?,
            manufacturer: r.get(5)?,
            in_survey: r.get::<_, i64>(9)? != 0,
            per_100g,
            portions: Vec::new(),
        };
        let source: Option<String> = r.get(6)?;
        match source {
            None if with_base => {
                place.insert(r.get(0)?, (false, base.len()));
                base.push(food);
            }
            None => {}
            Some(code) => {
                // A data type this marrow does not know is not carried over.
                let Some(data_type) = DataType::from_code(&code).filter(|d| !dropped.contains(d)) else {
                    continue;
                };
                place.insert(r.get(0)?, (true, fdc.len()));
                let gtin: Option<String> = r.get(8)?;
                fdc.push(FdcFood { food, fdc_id: r.get(7)?, data_type, gtin: gtin.unwrap_or_default() });
            }
        }
    }
    let mut stmt =
        conn.prepare("SELECT food, amount, description, grams FROM portions ORDER BY food, seq")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&(is_fdc, i)) = place.get(&r.get::<_, i64>(0)?) else { continue };
        let p = Portion { amount: r.get(1)?, description: r.get(2)?, grams: r.get(3)? };
        if is_fdc {
            fdc[i].food.portions.push(p);
        } else {
            base[i].portions.push(p);
        }
    }
    Ok((base, fdc))
}

/// The FDC foods of the catalog at `path`, for a rebuild to carry over: none when it is
/// missing or unreadable (then there is nothing left to save).
pub(super) fn carry_over(path: &Path) -> Vec<FdcFood> {
    let Some(conn) = super::files::open_read_only(path) else {
        return Vec::new();
    };
    read_foods(&conn, false, &[]).map(|(_, fdc)| fdc).unwrap_or_default()
}

/// Kept FDC foods whose ids a new import brings again give way to the new ones.
pub(super) fn merge(kept: Vec<FdcFood>, new: Vec<FdcFood>) -> Vec<FdcFood> {
    let ids: HashSet<i64> = new.iter().map(|f| f.fdc_id).collect();
    kept.into_iter().filter(|f| !ids.contains(&f.fdc_id)).chain(new).collect()
}
