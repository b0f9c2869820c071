//! marrow's configuration: a TOML file in the platform config directory (or `$MARROW_CONFIG`),
//! every setting with a default in code. A bad file is refused whole with its line named.
//! Key bindings (`[keys]`) are the app's keymap's to read and check (tui::keymap).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use serde::Deserialize;

use crate::domain::text::clip_words;
use crate::domain::{clip, places, Meal, Nutrient};
use crate::files_guard::{self, Refusal};
use crate::tui::keymap::{KeySetting, Keymap};

/// Environment variable naming the config file to read instead of the default.
pub const CONFIG_ENV: &str = "MARROW_CONFIG";

/// The default settings, commented; `default_toml` adds the key bindings.
pub const DEFAULT_TOML: &str = r##"# marrow configuration. Every setting is optional; these are the defaults.
# Read from `marrow config path`; $MARROW_CONFIG names another file.

[units]
# Vitamin D shown in "ug" (micrograms, as US labels declare it) or "IU" (1 ug = 40 IU).
vitamin_d = "ug"
# Which household portions are listed first: "us" (cup, tbsp, oz) or "metric" (grams first).
portions = "us"

[meals]
# When each meal starts (24-hour HH:MM); new entries go to the meal of the time of day.
breakfast = "04:30"
lunch = "10:30"
snack = "14:30"
dinner = "17:00"
late_snack = "21:30"

[targets]
# Per-nutrient daily targets that replace the Dietary Reference Intakes for your life stage,
# keyed like marrow's JSON, e.g. a clinician's advice:
# magnesium_mg = 400
# vitamin_d_ug = 20

[app]
# "default" (colours for a dark terminal), "light" (dark colours for a white one) or "mono"
# (no colour; NO_COLOR also turns colour off, whatever is set here).
theme = "default"
# Nutrients the app shows beyond magnesium, calcium and vitamin D, e.g. ["zinc_mg", "vitamin_k_ug"].
extra_nutrients = []
# Clicks select rows and close overlays, the wheel scrolls; false leaves the mouse to the
# terminal (its own selection and copy).
mouse = true

[theme]
# A colour per role, over the theme's: a name (green, light_blue, dark_gray), a number of the
# 256-colour palette or #rrggbb. Roles: title, border, heading, text, dim, selected, good,
# warn, bad, unknown, accent, over (selected and over colour the background).
# good = "green"
# dim = "#777777"

[place]
# Where you live, for whether the noon sun is high enough for skin to make vitamin D: a
# latitude in degrees (south negative), or one of about 50 cities marrow knows (Boston,
# London, Sydney...). Unset, marrow claims nothing about the sun.
# latitude = 42.4
# city = "Boston"
"##;

/// Vitamin D display unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
pub enum VitaminDUnit {
    #[default]
    #[serde(rename = "ug", alias = "µg")]
    Micrograms,
    #[serde(rename = "IU", alias = "iu")]
    Iu,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PortionsFirst {
    #[default]
    Us,
    Metric,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Default,
    Mono,
    Light,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Units {
    pub vitamin_d: VitaminDUnit,
    pub portions: PortionsFirst,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meals {
    pub breakfast: String,
    pub lunch: String,
    pub snack: String,
    pub dinner: String,
    pub late_snack: String,
}

impl Default for Meals {
    fn default() -> Self {
        Meals {
            breakfast: "04:30".into(),
            lunch: "10:30".into(),
            snack: "14:30".into(),
            dinner: "17:00".into(),
            late_snack: "21:30".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct App {
    pub theme: Theme,
    pub extra_nutrients: Vec<String>,
    /// Clicks and the wheel in the app.
    pub mouse: bool,
}

impl Default for App {
    fn default() -> Self {
        App { theme: Theme::default(), extra_nutrients: Vec::new(), mouse: true }
    }
}

/// Where the user lives: a latitude, or a city from `domain::places`. At most one of the two.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Place {
    pub latitude: Option<f64>,
    pub city: Option<String>,
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub units: Units,
    pub meals: Meals,
    pub targets: BTreeMap<String, f64>,
    pub app: App,
    /// Colours per role (`good = "green"`), over the theme's.
    pub theme: BTreeMap<String, String>,
    pub place: Place,
    /// Key rebindings: `remove = "x"`, or per context `[keys.search] sort = "ctrl-o"`.
    pub keys: BTreeMap<String, KeySetting>,
}

/// The default config with the default key bindings, all commented: what
/// `marrow config default` prints.
pub fn default_toml() -> String {
    format!("{DEFAULT_TOML}{}", Keymap::default().default_toml())
}

/// The line of `name = ...` in the table `[table]` of `text`, if it is written there.
fn line_in_table(text: &str, table: &str, name: &str) -> Option<usize> {
    let header = format!("[{table}]");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.trim() == header)?;
    lines.iter().enumerate().skip(start + 1).take_while(|(_, l)| !l.trim_start().starts_with('[')).find_map(
        |(i, l)| {
            let rest = l.trim_start().strip_prefix(name)?.trim_start();
            rest.starts_with('=').then_some(i + 1)
        },
    )
}

/// A config file that could not be used, with where.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("can't read the config {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("config {}, line {line}: {what}", path.display())]
    Bad { path: PathBuf, line: usize, what: String },
}

impl ConfigError {
    /// Whether the file is at fault (its content, its size, or a `$MARROW_CONFIG` that names
    /// nothing): bad input. Otherwise the system could not read it (permissions, a directory
    /// or a FIFO in its place): a failure of the environment.
    pub fn is_bad_input(&self) -> bool {
        match self {
            ConfigError::Bad { .. } => true,
            ConfigError::Io { source, .. } => {
                matches!(source.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::InvalidData)
                    || matches!(files_guard::refusal(source), Some(Refusal::TooLarge { .. }))
            }
        }
    }
}

/// Where the config is read from: `$MARROW_CONFIG`, else `<config dir>/marrow/config.toml`.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "marrow").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Loads the config at `path`; a missing file means the defaults. Anything wrong refuses
    /// the whole file: marrow never runs on half a config.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = path else { return Ok(Config::default()) };
        // `MARROW_CONFIG=/dev/null`, the usual way to say "no config", means the defaults;
        // other devices are refused by the guard below.
        if path == Path::new("/dev/null") {
            return Ok(Config::default());
        }
        let text = match files_guard::read_to_string(path, &files_guard::CONFIG) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && std::env::var_os(CONFIG_ENV).is_none() => {
                return Ok(Config::default())
            }
            Err(source) => return Err(ConfigError::Io { path: path.to_path_buf(), source }),
        };
        Config::parse(&text).map_err(|(line, what)| ConfigError::Bad { path: path.to_path_buf(), line, what })
    }

    /// Parses and checks config text; errors carry the 1-based line.
    pub fn parse(text: &str) -> Result<Config, (usize, String)> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(s.start));
            (line, clip_words(&e.message().trim().replace('\n', " ")))
        })?;
        let find = |needle: &str| text.find(needle).map_or(1, line_of);
        for (key, value) in &config.targets {
            if Nutrient::all().all(|n| n.key() != key) {
                return Err((
                    find(key),
                    format!("unknown nutrient {:?} in [targets]: use keys like magnesium_mg", clip(key)),
                ));
            }
            if !(value.is_finite() && *value > 0.0) {
                return Err((find(key), format!("target {} must be a number above 0", clip(key))));
            }
        }
        for key in &config.app.extra_nutrients {
            if Nutrient::all().all(|n| n.key() != key) {
                return Err((find(key), format!("unknown nutrient {:?} in extra_nutrients", clip(key))));
            }
        }
        let m = &config.meals;
        let times = [&m.breakfast, &m.lunch, &m.snack, &m.dinner, &m.late_snack];
        let mut parsed = Vec::new();
        for t in times {
            let time = NaiveTime::parse_from_str(t, "%H:%M")
                .map_err(|_| (find(t), format!("{:?} is not a time: use HH:MM", clip(t))))?;
            parsed.push(time);
        }
        if parsed.windows(2).any(|w| w[0] >= w[1]) {
            return Err((
                find("[meals]"),
                "meal times must run breakfast < lunch < snack < dinner < late_snack".into(),
            ));
        }
        for (role, value) in &config.theme {
            crate::tui::ui::theme::check(role, value).map_err(|what| {
                (line_in_table(text, "theme", role).unwrap_or_else(|| find("[theme]")), clip_words(&what))
            })?;
        }
        check_place(text, &config.place)?;
        if let Err(e) = Keymap::with_overrides(&config.keys) {
            let line = line_in_table(text, &e.table, &e.name)
                .or_else(|| line_in_table(text, "keys", &e.name))
                .unwrap_or_else(|| find(&e.name));
            return Err((line, clip_words(&e.what)));
        }
        Ok(config)
    }

    /// The app's keymap: the defaults with `[keys]` applied (checked when the file was read).
    pub fn keymap(&self) -> Keymap {
        Keymap::with_overrides(&self.keys).unwrap_or_default()
    }

    /// Target overrides, by nutrient.
    pub fn target_overrides(&self) -> BTreeMap<Nutrient, f64> {
        self.targets
            .iter()
            .filter_map(|(k, v)| Nutrient::all().find(|n| n.key() == k).map(|n| (n, *v)))
            .collect()
    }

    /// The meal for a time of day, by the configured start times.
    pub fn meal_at(&self, t: NaiveTime) -> Meal {
        let m = &self.meals;
        let at = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").ok();
        let starts = [
            (at(&m.breakfast), Meal::Breakfast),
            (at(&m.lunch), Meal::Lunch),
            (at(&m.snack), Meal::Snack),
            (at(&m.dinner), Meal::Dinner),
            (at(&m.late_snack), Meal::Snack),
        ];
        starts.iter().rev().find(|(s, _)| s.is_some_and(|s| t >= s)).map_or(Meal::Snack, |(_, meal)| *meal)
    }

    /// The latitude the config gives, directly or by its city (checked when the file was
    /// read); None when neither is set.
    pub fn latitude(&self) -> Option<f64> {
        self.place.latitude.or_else(|| self.place.city.as_deref().and_then(places::latitude_of))
    }

    /// The app's colours: the palette `[app] theme` names with `[theme]`'s colours, or none
    /// when `no_color` (NO_COLOR).
    pub fn theme(&self, no_color: bool) -> crate::tui::ui::theme::Theme {
        use crate::tui::ui::theme::{Palette, Theme as Colours};
        let palette = match self.app.theme {
            Theme::Default => Palette::Default,
            Theme::Light => Palette::Light,
            Theme::Mono => Palette::Mono,
        };
        Colours::build(palette, &self.theme, no_color)
    }

    /// Extra nutrients for the app, in canonical order.
    pub fn extra_nutrients(&self) -> Vec<Nutrient> {
        Nutrient::all().filter(|n| self.app.extra_nutrients.iter().any(|k| k == n.key())).collect()
    }
}

/// Checks `[place]` (domain::places::check), naming the line of the setting at fault.
fn check_place(text: &str, place: &Place) -> Result<(), (usize, String)> {
    places::check(place.latitude, place.city.as_deref())
        .map_err(|(name, what)| (line_in_table(text, "place", name).unwrap_or(1), what))
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
