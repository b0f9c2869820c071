//! Reads the official USDA SR28 ASCII release (Latin-1, `^`-separated, `~`-quoted) into foods.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::domain::nutrient::{
    Nutrient, NutrientValues, ALA_UNDIFFERENTIATED_USDA, IU_PER_UG_VITAMIN_D, NUTRIENTS, VITAMIN_D_IU_USDA,
};
use crate::domain::{Food, Portion};

use super::SourceError;
use crate::files_guard;

/// What an SR28 release held.
#[derive(Debug)]
pub struct Release {
    /// The foods, in NDB order, their portions in USDA `Seq` order.
    pub foods: Vec<Food>,
    /// Portions left out for weighing 0 g or counting 0 of something: nothing can be logged
    /// by them.
    pub skipped_portions: usize,
}

/// Reads FOOD_DES, FD_GROUP, NUT_DATA and WEIGHT from an SR28 directory (see `read_release`).
pub fn read_dir(dir: &Path) -> Result<Vec<Food>, SourceError> {
    read_release(dir).map(|r| r.foods)
}

/// Reads FOOD_DES, FD_GROUP, NUT_DATA and WEIGHT from an SR28 directory. A release without
/// foods or without a single nutrient value (empty files, a download cut short) is refused,
/// as is any malformed record: nothing is kept from a release that is not whole.
pub fn read_release(dir: &Path) -> Result<Release, SourceError> {
    let groups: HashMap<String, String> = records(dir, "FD_GROUP.txt", 2)?
        .into_iter()
        .map(|r| (r.fields[0].clone(), r.fields[1].clone()))
        .collect();

    let mut foods = Vec::new();
    let mut index = HashMap::new();
    for r in records(dir, "FOOD_DES.txt", 14)? {
        let f = &r.fields;
        let group =
            groups.get(&f[1]).ok_or_else(|| r.error(format!("unknown food group {:?}", f[1])))?.clone();
        if index.insert(f[0].clone(), foods.len()).is_some() {
            return Err(r.error(format!("duplicate food {:?}", f[0])));
        }
        foods.push(Food {
            id: f[0].clone(),
            name: f[2].clone(),
            group,
            common_names: f[4].clone(),
            manufacturer: f[5].clone(),
            in_survey: f[6] == "Y",
            per_100g: NutrientValues::unknown(),
            portions: Vec::new(),
        });
    }

    let wanted: HashMap<&str, Nutrient> = NUTRIENTS.iter().map(|i| (i.usda, i.nutrient)).collect();
    let mut vitamin_d_iu: HashMap<usize, f64> = HashMap::new();
    let mut ala_undifferentiated: HashMap<usize, f64> = HashMap::new();
    let mut values = 0usize;
    for r in records(dir, "NUT_DATA.txt", 18)? {
        let f = &r.fields;
        let Some(&i) = index.get(&f[0]) else {
            return Err(r.error(format!("nutrient value for unknown food {:?}", f[0])));
        };
        let nutr = f[1].as_str();
        let stand_in = nutr == VITAMIN_D_IU_USDA || nutr == ALA_UNDIFFERENTIATED_USDA;
        if !stand_in && !wanted.contains_key(nutr) {
            continue;
        }
        if f[2].is_empty() {
            continue; // no value: unknown, never zero
        }
        let value: f64 = f[2].parse().map_err(|_| r.error(format!("bad nutrient value {:?}", f[2])))?;
        // More than 100 g of anything in 100 g of food is a damaged file, never a food.
        let (nutrient, in_unit) = match wanted.get(nutr) {
            Some(n) => (*n, value),
            None if nutr == ALA_UNDIFFERENTIATED_USDA => (Nutrient::Ala, value),
            None => (Nutrient::VitaminD, value / IU_PER_UG_VITAMIN_D),
        };
        if !value.is_finite() || value < 0.0 || in_unit > crate::domain::sane::max_per_100g(nutrient) {
            return Err(r.error(format!("bad nutrient value {:?}", f[2])));
        }
        values += 1;
        if nutr == VITAMIN_D_IU_USDA {
            vitamin_d_iu.insert(i, value);
        } else if nutr == ALA_UNDIFFERENTIATED_USDA {
            ala_undifferentiated.insert(i, value);
        } else {
            foods[i].per_100g.set(wanted[nutr], Some(value));
        }
    }
    // Vitamin D in µg (328) where measured, else IU (324) / 40.
    for (i, iu) in vitamin_d_iu {
        if foods[i].per_100g.get(Nutrient::VitaminD).is_none() {
            foods[i].per_100g.set(Nutrient::VitaminD, Some(iu / IU_PER_UG_VITAMIN_D));
        }
    }
    // True ALA (851) where measured, else 18:3 undifferentiated (619), marked as such.
    for (i, grams) in ala_undifferentiated {
        let values = &mut foods[i].per_100g;
        if values.get(Nutrient::Ala).is_none() {
            values.set(Nutrient::Ala, Some(grams));
            values.1.ala_undifferentiated = true;
        }
    }

    if foods.is_empty() {
        return Err(incomplete(dir, "FOOD_DES.txt holds no foods"));
    }
    if values == 0 {
        return Err(incomplete(dir, "NUT_DATA.txt holds no nutrient values marrow uses"));
    }

    let mut weights: Vec<(usize, u32, Portion)> = Vec::new();
    let mut skipped_portions = 0;
    for r in records(dir, "WEIGHT.txt", 5)? {
        let f = &r.fields;
        let Some(&i) = index.get(&f[0]) else {
            return Err(r.error(format!("portion for unknown food {:?}", f[0])));
        };
        let num = |s: &str, what: &str| -> Result<f64, SourceError> {
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| r.error(format!("bad {what} {s:?}")))
        };
        let seq = f[1].parse::<u32>().map_err(|_| r.error(format!("bad sequence {:?}", f[1])))?;
        let (amount, grams) = (num(&f[2], "amount")?, num(&f[4], "gram weight")?);
        if amount == 0.0 || grams == 0.0 {
            skipped_portions += 1;
            continue;
        }
        weights.push((i, seq, Portion { amount, description: f[3].clone(), grams }));
    }
    weights.sort_by_key(|(i, seq, _)| (*i, *seq));
    for (i, _, p) in weights {
        foods[i].portions.push(p);
    }
    foods.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Release { foods, skipped_portions })
}

fn incomplete(dir: &Path, what: &str) -> SourceError {
    SourceError::Incomplete { dir: dir.to_path_buf(), what: format!("{what}: not a whole SR28 release") }
}

/// One line of an SR28 file, with its fields unquoted.
pub struct Record {
    path: PathBuf,
    line: usize,
    pub fields: Vec<String>,
}

impl Record {
    fn error(&self, what: String) -> SourceError {
        SourceError::Format { path: self.path.clone(), line: self.line, what }
    }
}

/// Decodes Latin-1: every byte is the code point of the same number.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Reads all records of `file`, requiring at least `min_fields` fields on each line.
pub fn records(dir: &Path, file: &str, min_fields: usize) -> Result<Vec<Record>, SourceError> {
    let path = dir.join(file);
    let bytes = files_guard::read(&path, &files_guard::SR28_FILE)
        .map_err(|source| SourceError::Io { path: path.clone(), source })?;
    let text = latin1(&bytes);
    let mut out = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let fields: Vec<String> = line.split('^').map(unquote).collect();
        let rec = Record { path: path.clone(), line: n + 1, fields };
        if rec.fields.len() < min_fields {
            return Err(rec.error(format!("expected {min_fields} fields, found {}", rec.fields.len())));
        }
        out.push(rec);
    }
    Ok(out)
}

fn unquote(field: &str) -> String {
    let f = field.strip_prefix('~').and_then(|f| f.strip_suffix('~')).unwrap_or(field);
    f.trim().to_string()
}
