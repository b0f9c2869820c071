//! marrow's own catalog asset: a versioned, gzip-compressed, tab-separated list of foods with
//! only the fields marrow uses. The importer writes it; first use builds catalog.db from it.
//!
//! Layout (UTF-8, one record per line, fields separated by tabs, empty = unknown):
//! ```text
//! marrow-catalog  3  <source>
//! N  energy_kcal  protein_g  ...            nutrient columns of every F line, in order
//! G  <group id>  <group name>
//! F  <food id>  <group id>  <name>  <common names>  <manufacturer>  <survey>  <ala>  <value per 100 g>...
//! P  <amount>  <description>  <grams>       a portion of the F line above, in USDA order
//! ```
//! `<survey>` is "Y" for the foods USDA flags as used in its dietary survey (FNDDS), else empty.
//! `<ala>` is "U" when the food's ALA figure is 18:3 undifferentiated (SR28 619) because true
//! ALA (851) was not measured, else empty.

use std::collections::HashMap;
use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::domain::nutrient::{NutrientValues, COUNT, NUTRIENTS};
use crate::domain::{Food, Portion};

use super::SourceError;

/// Format version written in the header; bump it when the layout changes.
pub const FORMAT_VERSION: u32 = 3;
const MAGIC: &str = "marrow-catalog";

const EMBEDDED_BYTES: &[u8] = include_bytes!("../../assets/catalog.tsv.gz");

/// The catalog asset shipped inside the binary.
pub static EMBEDDED: &[u8] = EMBEDDED_BYTES;

/// The embedded asset's FNV-1a hash, worked out when marrow is compiled: start-up checks
/// catalog.db against it without reading (and faulting in) the asset's 370 KB.
const EMBEDDED_HASH: u64 = fnv1a(EMBEDDED_BYTES);

/// Where the embedded catalog's data comes from.
pub const SR28_SOURCE: &str = "USDA National Nutrient Database for Standard Reference, Release 28";

/// A stable fingerprint of an asset's bytes (FNV-1a, 64 bit), recorded in catalog.db so a new
/// asset triggers a rebuild.
pub fn fingerprint(bytes: &[u8]) -> String {
    format_fingerprint(fnv1a(bytes))
}

/// The embedded asset's fingerprint, from the hash worked out at compile time.
pub fn embedded_fingerprint() -> String {
    format_fingerprint(EMBEDDED_HASH)
}

fn format_fingerprint(hash: u64) -> String {
    format!("v{FORMAT_VERSION}-{hash:016x}")
}

const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// Writes foods as a compressed asset.
pub fn encode(foods: &[Food], source: &str) -> Vec<u8> {
    let mut text = String::new();
    text.push_str(&format!("{MAGIC}\t{FORMAT_VERSION}\t{}\n", clean(source)));
    text.push('N');
    for i in &NUTRIENTS {
        text.push('\t');
        text.push_str(i.key);
    }
    text.push('\n');
    let mut groups: Vec<&str> = foods.iter().map(|f| f.group.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    for (i, g) in groups.iter().enumerate() {
        text.push_str(&format!("G\t{i}\t{}\n", clean(g)));
    }
    let group_id: HashMap<&str, usize> = groups.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    for f in foods {
        text.push_str(&format!(
            "F\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(&f.id),
            group_id[f.group.as_str()],
            clean(&f.name),
            clean(&f.common_names),
            clean(&f.manufacturer),
            if f.in_survey { "Y" } else { "" },
            if f.per_100g.1.ala_undifferentiated { "U" } else { "" }
        ));
        for v in f.per_100g.0 {
            text.push('\t');
            if let Some(v) = v {
                text.push_str(&format!("{v}"));
            }
        }
        text.push('\n');
        for p in &f.portions {
            text.push_str(&format!("P\t{}\t{}\t{}\n", p.amount, clean(&p.description), p.grams));
        }
    }
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    enc.write_all(text.as_bytes()).expect("in-memory write");
    enc.finish().expect("in-memory write")
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Reads a compressed asset back into foods, refusing anything malformed.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<Food>), SourceError> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| bad(0, format!("not a gzip UTF-8 asset: {e}")))?;
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or("");
    let h: Vec<&str> = header.split('\t').collect();
    if h.len() < 3 || h[0] != MAGIC {
        return Err(bad(1, "not a marrow catalog asset".into()));
    }
    if h[1] != FORMAT_VERSION.to_string() {
        return Err(bad(1, format!("asset format {} is not {FORMAT_VERSION}", h[1])));
    }
    let source = h[2].to_string();
    let keys: Vec<&str> = lines.next().map(|(_, l)| l.split('\t').skip(1).collect()).unwrap_or_default();
    if keys != NUTRIENTS.iter().map(|i| i.key).collect::<Vec<_>>() {
        return Err(bad(2, "nutrient columns differ from this marrow's".into()));
    }
    let mut groups: HashMap<String, String> = HashMap::new();
    let mut foods: Vec<Food> = Vec::new();
    for (n, line) in lines {
        let line_no = n + 1;
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "G" if f.len() == 3 => {
                groups.insert(f[1].to_string(), f[2].to_string());
            }
            "F" if f.len() == 8 + COUNT => {
                let group =
                    groups.get(f[2]).ok_or_else(|| bad(line_no, format!("unknown group {}", f[2])))?;
                let mut values = NutrientValues::unknown();
                values.1.ala_undifferentiated = match f[7] {
                    "U" => true,
                    "" => false,
                    other => return Err(bad(line_no, format!("unknown ALA mark {other:?}"))),
                };
                for (slot, text) in values.0.iter_mut().zip(&f[8..]) {
                    if !text.is_empty() {
                        *slot = Some(number(line_no, text)?);
                    }
                }
                foods.push(Food {
                    id: f[1].to_string(),
                    name: f[3].to_string(),
                    group: group.clone(),
                    common_names: f[4].to_string(),
                    manufacturer: f[5].to_string(),
                    in_survey: f[6] == "Y",
                    per_100g: values,
                    portions: Vec::new(),
                });
            }
            "P" if f.len() == 4 => {
                let food = foods.last_mut().ok_or_else(|| bad(line_no, "portion before any food".into()))?;
                food.portions.push(Portion {
                    amount: number(line_no, f[1])?,
                    description: f[2].to_string(),
                    grams: number(line_no, f[3])?,
                });
            }
            _ => return Err(bad(line_no, "unexpected record".into())),
        }
    }
    Ok((source, foods))
}

fn number(line: usize, text: &str) -> Result<f64, SourceError> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| bad(line, format!("bad number {text:?}")))
}

fn bad(line: usize, what: String) -> SourceError {
    SourceError::Asset { line, what }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_fingerprint_is_the_fingerprint_of_the_bytes() {
        let copy = EMBEDDED.to_vec();
        assert_eq!(embedded_fingerprint(), fingerprint(&copy));
        assert_ne!(fingerprint(&copy[1..]), fingerprint(&copy));
    }
}
