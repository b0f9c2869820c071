//! The food catalog (catalog.db): built from the embedded asset on first use (or from an SR28
//! import), with imported FoodData Central foods beside those; rebuilt when the asset changes
//! (carrying the FDC foods over) or the file is damaged; searched with FTS5.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::catalog_build::{self, BuildProgress};
use super::{read_nutrients, StoreError};
use crate::domain::nutrient::Nutrient;
use crate::domain::{Food, Portion};
use crate::sources::asset;
use crate::sources::fdc::{DataType, FdcImport};

/// Layout version of catalog.db itself (tables and indexes), part of the rebuild key.
// 9: USDA's Survey flag, and servings by the one serving rule (FDA reference amounts).
const SCHEMA: &str = "catalog-schema-10";

/// An open catalog.
pub struct Catalog {
    pub(super) conn: Connection,
    /// Food names already read for ranking (see `ParsedNames`).
    pub(super) parsed: std::cell::RefCell<super::catalog_search::ParsedNames>,
}

/// What an FDC import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FdcSummary {
    /// FDC foods imported now.
    pub imported: usize,
    /// FDC foods of the imported data types that were there before and are gone.
    pub replaced: usize,
    /// Foods in the catalog now.
    pub total: usize,
}

impl Catalog {
    /// Opens catalog.db at `path`, building it from the embedded asset when it is missing,
    /// damaged or from another asset version. A rebuild carries imported FDC foods over from
    /// the old file when it can still be read. `on_build` runs before a build starts, so the
    /// caller can say what is happening.
    pub fn open(path: &Path, on_build: impl FnOnce()) -> Result<Catalog, StoreError> {
        // A FIFO or a device would block or never end: refused, and never replaced.
        super::files::regular_or_missing(path)?;
        let key = build_key(&asset::embedded_fingerprint());
        if let Some(c) = Self::open_existing(path, &key) {
            return Ok(c);
        }
        on_build();
        let (_, foods) = asset::decode(asset::EMBEDDED)?;
        let carried = catalog_build::carry_over(path);
        catalog_build::build(path, &foods, &carried, &key, &mut |_| {})?;
        Self::open_existing(path, &key).ok_or_else(|| StoreError::CatalogUnusable {
            path: path.to_path_buf(),
            detail: "the freshly built catalog could not be opened".into(),
        })
    }

    /// Checks the catalog at `path` whole (SQLite's quick check) and, when it is damaged,
    /// builds it again (imported FDC foods that can still be read are carried over). Whether
    /// it was damaged.
    pub fn rebuild_if_damaged(path: &Path) -> Result<bool, StoreError> {
        let whole = super::files::open_immutable(path).is_some_and(|c| {
            c.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)).is_ok_and(|r| r == "ok")
        });
        if whole || !path.is_file() {
            return Ok(false);
        }
        let key = build_key(&asset::embedded_fingerprint());
        let (_, foods) = asset::decode(asset::EMBEDDED)?;
        let carried = catalog_build::carry_over(path);
        catalog_build::build(path, &foods, &carried, &key, &mut |_| {})?;
        Ok(true)
    }

    /// Replaces the catalog's own foods with `foods` (an SR28 import), keeping imported FDC
    /// foods. It stays until a new asset version.
    pub fn replace(path: &Path, foods: &[Food]) -> Result<Catalog, StoreError> {
        super::files::regular_or_missing(path)?;
        let key = build_key(&asset::embedded_fingerprint());
        let carried = catalog_build::carry_over(path);
        catalog_build::build(path, foods, &carried, &key, &mut |_| {})?;
        Self::open_existing(path, &key).ok_or_else(|| StoreError::CatalogUnusable {
            path: path.to_path_buf(),
            detail: "the rebuilt catalog could not be opened".into(),
        })
    }

    /// Puts an FDC import into the catalog beside its own foods: FDC foods of the imported
    /// data types are replaced, all others stay. Nothing changes unless the whole new catalog
    /// is written. `on_build` is as for `open`; `progress` follows the writing.
    pub fn import_fdc(
        path: &Path,
        import: FdcImport,
        on_build: impl FnOnce(),
        progress: &mut dyn FnMut(BuildProgress),
    ) -> Result<(Catalog, FdcSummary), StoreError> {
        let key = build_key(&asset::embedded_fingerprint());
        progress(BuildProgress::Preparing);
        let current = Self::open(path, on_build)?;
        let (base, kept) = catalog_build::read_foods(&current.conn, true, &import.data_types)?;
        let before: usize = current.len()?;
        drop(current);
        let imported = import.foods.len();
        let fdc = catalog_build::merge(kept, import.foods);
        catalog_build::build(path, &base, &fdc, &key, progress)?;
        let catalog = Self::open_existing(path, &key).ok_or_else(|| StoreError::CatalogUnusable {
            path: path.to_path_buf(),
            detail: "the rebuilt catalog could not be opened".into(),
        })?;
        let total = catalog.len()?;
        let replaced = (before + imported).saturating_sub(total);
        Ok((catalog, FdcSummary { imported, replaced, total }))
    }

    fn open_existing(path: &Path, key: &str) -> Option<Catalog> {
        let conn = super::files::open_immutable(path)?;
        // Pages come straight from the page cache, without a read call each.
        conn.pragma_update(None, "mmap_size", 1i64 << 30).ok()?;
        let stored: String = conn
            .query_row("SELECT value FROM meta WHERE key = 'build'", [], |r| r.get(0))
            .optional()
            .ok()??;
        (stored == key).then(|| Catalog { conn, parsed: Default::default() })
    }

    /// The file this catalog was opened from, to open it again on another thread (a catalog
    /// keeps parsed names that stay on the thread that made them).
    pub fn path(&self) -> Option<std::path::PathBuf> {
        self.conn.path().filter(|p| !p.is_empty()).map(std::path::PathBuf::from)
    }

    /// The catalog at `path` opened read-only as it is, never built: for a thread of its own
    /// (the app's worker) beside the connection that opened it first.
    pub fn reader(path: &Path) -> Result<Catalog, StoreError> {
        super::files::regular_or_missing(path)?;
        let conn = super::files::open_immutable(path).ok_or_else(|| StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("the catalog could not be opened a second time"),
        })?;
        conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        Ok(Catalog { conn, parsed: Default::default() })
    }

    /// The id of the food whose barcode is `code` (digits without leading zeros, as
    /// `domain::barcode` reads them), if any imported food carries it.
    pub fn id_of_barcode(&self, code: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM foods WHERE gtin IS NOT NULL AND ltrim(gtin, '0') = ?1 ORDER BY rowid LIMIT 1")?
            .query_row([code], |r| r.get(0))
            .optional()?)
    }

    /// One food by id (an NDB number, or "fdc:<fdc_id>" in any case), with its household
    /// portions.
    pub fn food(&self, id: &str) -> Result<Option<Food>, StoreError> {
        let id = normalize_id(id);
        let sql = format!(
            "SELECT f.id, f.name, f.grp, f.common, f.manufacturer, f.survey, {}, f.rowid FROM foods f WHERE f.id = ?1",
            prefixed_columns("f")
        );
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id.as_str()], |r| Ok((row_to_food(r)?, r.get::<_, i64>(6 + super::VALUE_COLUMNS)?)))
            .optional()?;
        let Some((mut food, rowid)) = found else { return Ok(None) };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT amount, description, grams FROM portions WHERE food = ?1 ORDER BY seq")?;
        food.portions = stmt
            .query_map([rowid], |r| {
                Ok(Portion { amount: r.get(0)?, description: r.get(1)?, grams: r.get(2)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(food))
    }

    /// The food groups, alphabetically.
    pub fn groups(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT grp FROM foods ORDER BY grp")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many foods the catalog holds.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM foods", [], |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }
}

/// Where a catalog food came from, for showing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// "FDC Branded", "FDC Foundation", "FDC SR Legacy", or the catalog's own source.
    pub source: String,
    pub fdc_id: Option<i64>,
    /// Barcode (GTIN/UPC) of a branded food.
    pub gtin: Option<String>,
}

impl Catalog {
    /// Where the food `id` came from; `None` when the catalog has no such food.
    pub fn origin(&self, id: &str) -> Result<Option<Origin>, StoreError> {
        let row: Option<(Option<String>, Option<i64>, Option<String>)> = self
            .conn
            .prepare_cached("SELECT source, fdc_id, gtin FROM foods WHERE id = ?1")?
            .query_row([normalize_id(id)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        Ok(row.map(|(source, fdc_id, gtin)| Origin {
            source: match source.as_deref().and_then(DataType::from_code) {
                Some(d) => d.label().to_string(),
                None => asset::SR28_SOURCE.to_string(),
            },
            fdc_id,
            gtin,
        }))
    }
}

/// "FDC:123", "fdc: 123" -> "fdc:123"; other ids trimmed.
fn normalize_id(id: &str) -> String {
    let t = id.trim();
    match t.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("fdc:") => format!("fdc:{}", t[4..].trim()),
        _ => t.to_string(),
    }
}

fn build_key(fingerprint: &str) -> String {
    format!("{SCHEMA}/{fingerprint}")
}

pub(super) fn prefixed_columns(alias: &str) -> String {
    Nutrient::all()
        .map(|n| format!("{alias}.{}", n.key()))
        .chain([format!("{alias}.{}", super::ALA_MARK_COLUMN)])
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn row_to_food(r: &rusqlite::Row<'_>) -> rusqlite::Result<Food> {
    Ok(Food { per_100g: read_nutrients(r, 6)?, ..row_to_food_head(r)? })
}

/// A food from its first six columns (id, name, group, common names, manufacturer, survey), with
/// nutrients unknown until read.
pub(super) fn row_to_food_head(r: &rusqlite::Row<'_>) -> rusqlite::Result<Food> {
    Ok(Food {
        id: r.get(0)?,
        name: r.get(1)?,
        group: r.get(2)?,
        common_names: r.get(3)?,
        manufacturer: r.get(4)?,
        in_survey: r.get::<_, i64>(5)? != 0,
        per_100g: crate::domain::NutrientValues::unknown(),
        portions: Vec::new(),
    })
}
