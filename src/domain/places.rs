//! A small built-in list of cities and their latitudes, north and south of the equator, for the
//! config's `[place] city = "Boston"`: enough for marrow to judge the sun's height without a
//! network or a location service. Latitudes in degrees, north positive, to two decimals.

/// (name, latitude): cities spread over both hemispheres and every band of latitude.
pub const CITIES: [(&str, f64); 50] = [
    ("Anchorage", 61.22),
    ("Reykjavik", 64.15),
    ("Helsinki", 60.17),
    ("Oslo", 59.91),
    ("Stockholm", 59.33),
    ("Moscow", 55.76),
    ("Edmonton", 53.55),
    ("Dublin", 53.35),
    ("Berlin", 52.52),
    ("London", 51.51),
    ("Vancouver", 49.28),
    ("Paris", 48.86),
    ("Seattle", 47.61),
    ("Montreal", 45.50),
    ("Toronto", 43.65),
    ("Boston", 42.36),
    ("Chicago", 41.88),
    ("Rome", 41.90),
    ("Istanbul", 41.01),
    ("New York", 40.71),
    ("Madrid", 40.42),
    ("Beijing", 39.90),
    ("Denver", 39.74),
    ("Athens", 37.98),
    ("San Francisco", 37.77),
    ("Seoul", 37.57),
    ("Tokyo", 35.68),
    ("Los Angeles", 34.05),
    ("Shanghai", 31.23),
    ("Cairo", 30.04),
    ("Houston", 29.76),
    ("Delhi", 28.61),
    ("Miami", 25.76),
    ("Honolulu", 21.31),
    ("Mexico City", 19.43),
    ("Mumbai", 19.08),
    ("San Juan", 18.47),
    ("Bangkok", 13.76),
    ("Singapore", 1.35),
    ("Nairobi", -1.29),
    ("Lima", -12.05),
    ("Sao Paulo", -23.55),
    ("Johannesburg", -26.20),
    ("Santiago", -33.45),
    ("Sydney", -33.87),
    ("Buenos Aires", -34.60),
    ("Melbourne", -37.81),
    ("Wellington", -41.29),
    ("Hobart", -42.88),
    ("Christchurch", -43.53),
];

/// Folds a name for matching: lower case, runs of spaces and hyphens as one space.
fn fold(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The latitude of a listed city, matched without regard to case or spacing ("new  york",
/// "Sao-Paulo"); None for a city not on the list.
pub fn latitude_of(name: &str) -> Option<f64> {
    let wanted = fold(name);
    CITIES.iter().find(|(n, _)| fold(n) == wanted).map(|(_, lat)| *lat)
}

/// The listed cities' names, for a message that offers them.
pub fn names() -> impl Iterator<Item = &'static str> {
    CITIES.iter().map(|(n, _)| *n)
}

/// Checks a place as the config gives it: a latitude from -90 to 90, a city on the list, not
/// both. An error names the setting at fault ("latitude" or "city") and says why.
pub fn check(latitude: Option<f64>, city: Option<&str>) -> Result<(), (&'static str, String)> {
    if let Some(lat) = latitude {
        if !(-90.0..=90.0).contains(&lat) {
            return Err(("latitude", format!("latitude {lat} must be from -90 to 90 (south negative)")));
        }
        if city.is_some() {
            return Err(("city", "give a latitude or a city in [place], not both".into()));
        }
    }
    match city {
        Some(c) if latitude_of(c).is_none() => {
            let some: Vec<&str> = names().take(6).collect();
            Err((
                "city",
                format!(
                    "unknown city {:?}: give its latitude instead (latitude = 42.4), or one of marrow's {} cities, e.g. {}",
                    super::clip(c),
                    CITIES.len(),
                    some.join(", ")
                ),
            ))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_are_found_whatever_their_case_and_spacing() {
        assert_eq!(latitude_of("Boston"), Some(42.36));
        assert_eq!(latitude_of("  new   YORK "), Some(40.71));
        assert_eq!(latitude_of("sao-paulo"), Some(-23.55));
        assert_eq!(latitude_of("Atlantis"), None);
        assert_eq!(latitude_of(""), None);
    }

    #[test]
    fn the_list_is_sane_and_spans_both_hemispheres() {
        assert!(CITIES.iter().all(|(_, l)| (-90.0..=90.0).contains(l)));
        assert!(CITIES.iter().filter(|(_, l)| *l < 0.0).count() >= 8, "south of the equator");
        assert!(CITIES.iter().filter(|(_, l)| *l > 50.0).count() >= 8, "far north");
        let mut folded: Vec<String> = names().map(fold).collect();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), CITIES.len(), "no name twice");
    }
}
