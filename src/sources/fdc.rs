//! Reads USDA FoodData Central (FDC) CSV downloads into foods: Foundation, SR Legacy and
//! Branded foods, with their FDC ids, per-100 g nutrients and portions.
//!
//! Files are read by column name (see `fdc_csv`), whichever of these are present: food.csv
//! (required), nutrient.csv with food_nutrient.csv, food_portion.csv with measure_unit.csv,
//! branded_food.csv and food_category.csv. Nutrients are matched by their SR number
//! (`nutrient_nbr`), never by FDC's own nutrient ids, and only in the unit marrow expects, so
//! energy in kJ (268) is never read as kcal. A missing value stays unknown, never zero.

use std::collections::HashMap;
use std::path::Path;

use csv::ByteRecord;

use super::fdc_csv::{field, int, read_names, text, text_opt, Table};
use super::SourceError;
use crate::domain::nutrient::{
    Nutrient, NutrientValues, ALA_UNDIFFERENTIATED_USDA, IU_PER_UG_VITAMIN_D, NUTRIENTS, VITAMIN_D_IU_USDA,
};
use crate::domain::Food;

/// The FDC data types marrow imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DataType {
    Foundation,
    SrLegacy,
    Branded,
}

impl DataType {
    pub const ALL: [DataType; 3] = [DataType::Foundation, DataType::SrLegacy, DataType::Branded];

    /// The `data_type` value in food.csv ("branded_food").
    pub fn code(self) -> &'static str {
        match self {
            DataType::Foundation => "foundation_food",
            DataType::SrLegacy => "sr_legacy_food",
            DataType::Branded => "branded_food",
        }
    }

    /// The source label shown to people ("FDC Branded").
    pub fn label(self) -> &'static str {
        match self {
            DataType::Foundation => "FDC Foundation",
            DataType::SrLegacy => "FDC SR Legacy",
            DataType::Branded => "FDC Branded",
        }
    }

    pub fn from_code(code: &str) -> Option<DataType> {
        DataType::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The food group when the files name none.
    fn default_group(self) -> &'static str {
        match self {
            DataType::Foundation => "Foundation Foods",
            DataType::SrLegacy => "SR Legacy Foods",
            DataType::Branded => "Branded Foods",
        }
    }
}

/// An FDC food: the food as marrow uses it (id "fdc:<fdc_id>", brand owner as manufacturer)
/// and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FdcFood {
    pub food: Food,
    pub fdc_id: i64,
    pub data_type: DataType,
    /// The barcode (GTIN/UPC) of a branded food, "" when none.
    pub gtin: String,
}

/// The catalog id of an FDC food: "fdc:<fdc_id>", apart from SR28's NDB numbers.
pub fn food_id(fdc_id: i64) -> String {
    format!("fdc:{fdc_id}")
}

/// What a directory of FDC files held.
#[derive(Debug, Default)]
pub struct FdcImport {
    /// The foods of the imported data types, by FDC id.
    pub foods: Vec<FdcFood>,
    /// The imported data types found in food.csv: the ones an import replaces.
    pub data_types: Vec<DataType>,
    /// Foods of other data types (survey, samples...), left out.
    pub skipped: usize,
}

/// The files an import reads, when present.
pub const FILES: [&str; 7] = [
    "food.csv",
    "food_category.csv",
    "branded_food.csv",
    "nutrient.csv",
    "food_nutrient.csv",
    "measure_unit.csv",
    "food_portion.csv",
];

/// The bytes an import of `dir` will read, for a progress bar.
pub fn input_bytes(dir: &Path) -> u64 {
    FILES.iter().filter_map(|f| std::fs::metadata(dir.join(f)).ok()).map(|m| m.len()).sum()
}

/// Reads an FDC download. `progress` gets the bytes read as the files are read. Nothing is
/// kept from a directory with any bad record: the error names the file and line.
pub fn read_dir(dir: &Path, progress: &mut dyn FnMut(u64)) -> Result<FdcImport, SourceError> {
    let categories = read_names(dir, "food_category.csv", "description", "category id", progress)?;
    let mut import = read_foods(dir, &categories, progress)?;
    let index: HashMap<i64, usize> = import.foods.iter().enumerate().map(|(i, f)| (f.fdc_id, i)).collect();
    super::fdc_portions::read_branded(dir, &mut import.foods, &index, progress)?;
    read_nutrients(dir, &mut import.foods, &index, progress)?;
    super::fdc_portions::read_portions(dir, &mut import.foods, &index, progress)?;
    Ok(import)
}

/// food.csv: the foods of the imported data types, sorted by FDC id.
fn read_foods(
    dir: &Path,
    categories: &HashMap<i64, String>,
    progress: &mut dyn FnMut(u64),
) -> Result<FdcImport, SourceError> {
    let mut t = Table::require(dir, "food.csv")?;
    let (id_col, type_col, desc_col) =
        (t.column("fdc_id")?, t.column("data_type")?, t.column("description")?);
    let category_col = t.optional("food_category_id");
    let mut import = FdcImport::default();
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let mut rec = ByteRecord::new();
    while t.next(&mut rec, progress)? {
        let Some(data_type) = std::str::from_utf8(field(&rec, type_col)).ok().and_then(DataType::from_code)
        else {
            import.skipped += 1;
            continue;
        };
        let fdc_id = t.id(&rec, id_col, "fdc_id")?;
        if let Some(line) = seen.insert(fdc_id, rec.position().map_or(0, |p| p.line() as usize)) {
            return Err(t.error(&rec, format!("duplicate fdc_id {fdc_id} (first on line {line})")));
        }
        let name = text(&rec, desc_col);
        if name.is_empty() {
            import.skipped += 1;
            continue;
        }
        // Foundation and SR Legacy name a category id; some branded exports write its text.
        let category = text_opt(&rec, category_col);
        let group = match int(category.as_bytes()) {
            Some(id) => categories.get(&id).cloned().unwrap_or_default(),
            None => category,
        };
        let group = if group.is_empty() { data_type.default_group().to_string() } else { group };
        if !import.data_types.contains(&data_type) {
            import.data_types.push(data_type);
        }
        import.foods.push(FdcFood {
            food: Food {
                id: food_id(fdc_id),
                name,
                group,
                common_names: String::new(),
                manufacturer: String::new(),
                in_survey: false,
                per_100g: NutrientValues::unknown(),
                portions: Vec::new(),
            },
            fdc_id,
            data_type,
            gtin: String::new(),
        });
    }
    import.foods.sort_by_key(|f| f.fdc_id);
    import.data_types.sort();
    Ok(import)
}

/// Where a value of one FDC nutrient goes.
#[derive(Clone, Copy)]
enum Slot {
    Tracked(Nutrient),
    VitaminDIu,
    /// 18:3 undifferentiated (619): ALA where true ALA (851) is not given, marked so.
    AlaUndifferentiated,
    /// Energy by Atwater factors (958 specific, 957 general): Foundation foods often give
    /// energy only this way; used where 208 is missing, specific first.
    EnergyAtwater(u8),
}

/// nutrient.csv: FDC nutrient id -> slot, for the SR numbers marrow tracks in their units.
fn read_nutrient_ids(
    t: &mut Table,
    progress: &mut dyn FnMut(u64),
) -> Result<HashMap<i64, Slot>, SourceError> {
    let (id, nbr) = (t.column("id")?, t.column("nutrient_nbr")?);
    let unit = t.optional("unit_name");
    let mut out = HashMap::new();
    let mut rec = ByteRecord::new();
    while t.next(&mut rec, progress)? {
        // "208", or "208.0" as some exports write it; "205.2" is another nutrient.
        let number = text(&rec, nbr);
        let number = number.strip_suffix(".0").unwrap_or(&number);
        let (slot, expected) = if number == VITAMIN_D_IU_USDA {
            (Slot::VitaminDIu, "iu")
        } else if number == ALA_UNDIFFERENTIATED_USDA {
            (Slot::AlaUndifferentiated, "g")
        } else if number == "958" {
            (Slot::EnergyAtwater(0), "kcal")
        } else if number == "957" {
            (Slot::EnergyAtwater(1), "kcal")
        } else if let Some(i) = NUTRIENTS.iter().find(|i| i.usda == number) {
            (Slot::Tracked(i.nutrient), i.unit)
        } else {
            continue;
        };
        let given = text_opt(&rec, unit);
        if !given.is_empty() && unit_key(&given) != unit_key(expected) {
            continue; // the same number in another unit is not the value marrow means
        }
        out.insert(t.id(&rec, id, "nutrient id")?, slot);
    }
    Ok(out)
}

/// "UG", "µg", "mcg" -> "ug"; "KCAL" -> "kcal".
fn unit_key(unit: &str) -> String {
    let u = unit.trim().to_lowercase().replace(['µ', 'μ'], "u");
    if u == "mcg" {
        "ug".into()
    } else {
        u
    }
}

/// food_nutrient.csv joined to nutrient.csv: per-100 g values of the tracked nutrients.
fn read_nutrients(
    dir: &Path,
    foods: &mut [FdcFood],
    index: &HashMap<i64, usize>,
    progress: &mut dyn FnMut(u64),
) -> Result<(), SourceError> {
    let Some(mut values) = Table::open(dir, "food_nutrient.csv")? else { return Ok(()) };
    let Some(mut names) = Table::open(dir, "nutrient.csv")? else {
        return Err(SourceError::Io {
            path: dir.join("nutrient.csv"),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such file (food_nutrient.csv needs it to know its nutrients)",
            ),
        });
    };
    let slots = read_nutrient_ids(&mut names, progress)?;
    let (food_col, nutrient_col, amount_col) =
        (values.column("fdc_id")?, values.column("nutrient_id")?, values.column("amount")?);
    let mut vitamin_d_iu: HashMap<usize, f64> = HashMap::new();
    let mut ala_undifferentiated: HashMap<usize, f64> = HashMap::new();
    let mut atwater: HashMap<usize, (u8, f64)> = HashMap::new();
    let mut rec = ByteRecord::new();
    while values.next(&mut rec, progress)? {
        let Some(slot) = slots.get(&values.id(&rec, nutrient_col, "nutrient_id")?) else { continue };
        // Foods of other data types are not imported: their values are not needed.
        let Some(&i) = index.get(&values.id(&rec, food_col, "fdc_id")?) else { continue };
        let Some(amount) = values.number(&rec, amount_col, "amount")? else {
            continue; // no value: unknown, never zero
        };
        // More than 100 g of anything in 100 g of food is a damaged file, never a food.
        let (nutrient, in_unit) = match *slot {
            Slot::Tracked(n) => (n, amount),
            Slot::VitaminDIu => (Nutrient::VitaminD, amount / IU_PER_UG_VITAMIN_D),
            Slot::AlaUndifferentiated => (Nutrient::Ala, amount),
            Slot::EnergyAtwater(_) => (Nutrient::Energy, amount),
        };
        if in_unit > crate::domain::sane::max_per_100g(nutrient) {
            return Err(values.error(&rec, format!("bad amount {amount} for 100 g of food")));
        }
        match *slot {
            Slot::Tracked(n) => foods[i].food.per_100g.set(n, Some(amount)),
            Slot::VitaminDIu => {
                vitamin_d_iu.insert(i, amount);
            }
            Slot::AlaUndifferentiated => {
                ala_undifferentiated.insert(i, amount);
            }
            Slot::EnergyAtwater(rank) => {
                let slot = atwater.entry(i).or_insert((rank, amount));
                if rank < slot.0 {
                    *slot = (rank, amount);
                }
            }
        }
    }
    // Energy (208) where given, else the Atwater-specific (958), else the general (957) figure.
    for (i, (_, kcal)) in atwater {
        let v = &mut foods[i].food.per_100g;
        if v.get(Nutrient::Energy).is_none() {
            v.set(Nutrient::Energy, Some(kcal));
        }
    }
    // Vitamin D in µg (328) where given, else IU (324) / 40.
    for (i, iu) in vitamin_d_iu {
        let v = &mut foods[i].food.per_100g;
        if v.get(Nutrient::VitaminD).is_none() {
            v.set(Nutrient::VitaminD, Some(iu / IU_PER_UG_VITAMIN_D));
        }
    }
    // True ALA (851) where given, else 18:3 undifferentiated (619), marked as such.
    for (i, grams) in ala_undifferentiated {
        let v = &mut foods[i].food.per_100g;
        if v.get(Nutrient::Ala).is_none() {
            v.set(Nutrient::Ala, Some(grams));
            v.1.ala_undifferentiated = true;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_types_round_trip_and_units_normalise() {
        for d in DataType::ALL {
            assert_eq!(DataType::from_code(d.code()), Some(d));
        }
        assert_eq!(DataType::from_code("survey_fndds_food"), None);
        assert_eq!(unit_key("UG"), unit_key("µg"));
        assert_eq!(unit_key("KCAL"), "kcal");
        assert_ne!(unit_key("kJ"), unit_key("kcal"));
        assert_eq!(food_id(170_567), "fdc:170567");
    }
}
