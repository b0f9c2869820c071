//! The config's reading: settings, defaults, and the line a bad file is refused at.

use super::*;

#[test]
fn the_default_config_is_valid_and_matches_the_defaults() {
    assert_eq!(Config::parse(DEFAULT_TOML).unwrap(), Config::default());
}

#[test]
fn settings_are_read() {
    let c = Config::parse("[units]\nvitamin_d = \"IU\"\n[targets]\nmagnesium_mg = 400\n[app]\nextra_nutrients = [\"zinc_mg\"]\n").unwrap();
    assert_eq!(c.units.vitamin_d, VitaminDUnit::Iu);
    assert_eq!(c.target_overrides().get(&Nutrient::Magnesium), Some(&400.0));
    assert_eq!(c.extra_nutrients(), vec![Nutrient::Zinc]);
    // As the diary applies them to every profile it returns.
    let p = crate::domain::Profile { overrides: c.target_overrides(), ..Default::default() };
    assert_eq!(p.targets().get(Nutrient::Magnesium), Some(400.0));
    assert_eq!(p.targets().get(Nutrient::Calcium), Some(1000.0));
}

#[test]
fn bad_files_name_the_line() {
    let (line, what) = Config::parse("[units]\nvitamin_d = \"ug\"\nportions = \"imperial\"\n").unwrap_err();
    assert_eq!(line, 3, "{what}");
    let (line, _) = Config::parse("[app]\ntheme = \"default\"\n\n[targets]\nmagnesium = 400\n").unwrap_err();
    assert_eq!(line, 5);
    let (line, _) = Config::parse("[units]\nvitamin_d = \n").unwrap_err();
    assert_eq!(line, 2);
    assert!(Config::parse("[nonsense]\nx = 1\n").is_err());
    assert!(Config::parse("[meals]\nlunch = \"25:00\"\n").is_err());
    assert!(Config::parse("[targets]\nmagnesium_mg = -5\n").is_err());
}

#[test]
fn a_place_gives_a_latitude() {
    assert_eq!(Config::default().latitude(), None);
    assert_eq!(Config::parse("[place]\nlatitude = 42.4\n").unwrap().latitude(), Some(42.4));
    assert_eq!(Config::parse("[place]\nlatitude = -33\n").unwrap().latitude(), Some(-33.0));
    assert_eq!(Config::parse("[place]\ncity = \"boston\"\n").unwrap().latitude(), Some(42.36));
    assert_eq!(Config::parse("[place]\ncity = \"Sydney\"\n").unwrap().latitude(), Some(-33.87));
}

#[test]
fn a_bad_place_names_its_line() {
    let (line, what) = Config::parse("[units]\nvitamin_d = \"ug\"\n[place]\nlatitude = 95\n").unwrap_err();
    assert_eq!(line, 4, "{what}");
    assert!(what.contains("-90 to 90"), "{what}");
    let (line, what) = Config::parse("[place]\n\ncity = \"Atlantis\"\n").unwrap_err();
    assert_eq!(line, 3, "{what}");
    assert!(what.contains("unknown city \"Atlantis\""), "{what}");
    let (line, what) = Config::parse("[place]\nlatitude = 42.4\ncity = \"Boston\"\n").unwrap_err();
    assert_eq!(line, 3, "{what}");
    let (line, _) = Config::parse("[place]\nlatitude = \"north\"\n").unwrap_err();
    assert_eq!(line, 2);
    let (line, _) = Config::parse("[place]\nlongitude = 71\n").unwrap_err();
    assert_eq!(line, 2);
}

#[test]
fn meal_times() {
    let c = Config::default();
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(c.meal_at(t(7, 0)), Meal::Breakfast);
    assert_eq!(c.meal_at(t(12, 0)), Meal::Lunch);
    assert_eq!(c.meal_at(t(15, 0)), Meal::Snack);
    assert_eq!(c.meal_at(t(19, 0)), Meal::Dinner);
    assert_eq!(c.meal_at(t(23, 0)), Meal::Snack);
    assert_eq!(c.meal_at(t(2, 0)), Meal::Snack);
}

#[test]
fn the_mouse_is_on_unless_turned_off() {
    assert!(Config::default().app.mouse);
    assert!(!Config::parse("[app]\nmouse = false\n").unwrap().app.mouse);
    let (line, _) = Config::parse("[app]\ntheme = \"light\"\nmouse = \"no\"\n").unwrap_err();
    assert_eq!(line, 3);
}

#[test]
fn themes_and_colours_per_role() {
    use ratatui::style::Color;
    let c =
        Config::parse("[app]\ntheme = \"light\"\n[theme]\ngood = \"green\"\ndim = \"#777777\"\n").unwrap();
    assert_eq!(c.app.theme, Theme::Light);
    let t = c.theme(false);
    assert_eq!(t.good.fg, Some(Color::Green));
    assert_eq!(t.dim.fg, Some(Color::Rgb(0x77, 0x77, 0x77)));
    assert_eq!(t.bad, crate::tui::ui::theme::Theme::light().bad, "the other roles keep the light theme's");
    assert_eq!(c.theme(true), crate::tui::ui::theme::Theme::new(true), "NO_COLOR wins");
    assert_eq!(
        Config::parse("[app]\ntheme = \"mono\"\n").unwrap().theme(false),
        crate::tui::ui::theme::Theme::new(true)
    );
}

#[test]
fn a_bad_colour_is_one_line_naming_its_line() {
    let (line, what) =
        Config::parse("[app]\ntheme = \"light\"\n\n[theme]\ngood = \"green\"\nwarn = \"grean\"\n")
            .unwrap_err();
    assert_eq!(line, 6, "{what}");
    assert!(
        what.starts_with("unknown colour \"grean\" for warn in [theme]") && !what.contains('\n'),
        "{what}"
    );
    let (line, what) = Config::parse("[theme]\nsparkle = \"red\"\n").unwrap_err();
    assert_eq!(line, 2);
    assert!(what.contains("unknown role \"sparkle\""), "{what}");
    let (line, _) = Config::parse("[app]\ntheme = \"solarized\"\n").unwrap_err();
    assert_eq!(line, 2);
}
