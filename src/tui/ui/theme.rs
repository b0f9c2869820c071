//! Semantic styles: every colour chosen by role, in one of three palettes (the default for
//! dark terminals, `light` for light ones, `mono`), each role's colour changeable in the
//! config's `[theme]`. NO_COLOR keeps only emphasis, whatever the config says.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// The palettes the config's `[app] theme` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Colours for a dark terminal.
    Default,
    /// Dark colours for a light (white) terminal: no white, yellow or bright text.
    Light,
    /// No colour, only emphasis.
    Mono,
}

/// The roles a colour can be set for in `[theme]`. `selected` and `over` colour the
/// background (a highlighted row, a bar over its limit); the others the text.
pub const ROLES: [&str; 12] = [
    "title", "border", "heading", "text", "dim", "selected", "good", "warn", "bad", "unknown", "accent",
    "over",
];

/// A colour as the config writes it: a name ("green", "light_blue", "dark_gray"), an index
/// of the 256-colour palette ("130") or "#rrggbb".
pub fn colour(text: &str) -> Option<Color> {
    Color::from_str(text.trim()).ok()
}

/// Checks one `[theme]` setting: why it cannot be used, if it cannot.
pub fn check(role: &str, value: &str) -> Result<(), String> {
    if !ROLES.contains(&role) {
        return Err(format!("unknown role {role:?} in [theme]: use {}", ROLES.join(", ")));
    }
    match colour(value) {
        Some(_) => Ok(()),
        None => Err(format!(
            "unknown colour {value:?} for {role} in [theme]: use a name (green, light_blue, dark_gray), \
             a number 0-255 or #rrggbb"
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub title: Style,
    pub border: Style,
    pub heading: Style,
    pub text: Style,
    pub dim: Style,
    pub selected: Style,
    /// At or above target.
    pub good: Style,
    /// Part of the way there.
    pub warn: Style,
    /// Far below, or an error.
    pub bad: Style,
    pub unknown: Style,
    pub accent: Style,
    /// The words a gauge over an upper limit says on its bar.
    pub over: Style,
}

impl Theme {
    /// The colour theme, or a monochrome one when `no_color` (the NO_COLOR convention).
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            let plain = Style::default();
            return Theme {
                title: plain.add_modifier(Modifier::BOLD),
                border: plain,
                heading: plain.add_modifier(Modifier::BOLD),
                text: plain,
                dim: plain,
                selected: plain.add_modifier(Modifier::REVERSED),
                good: plain,
                warn: plain,
                bad: plain.add_modifier(Modifier::BOLD),
                unknown: plain,
                accent: plain.add_modifier(Modifier::BOLD),
                over: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            };
        }
        Theme {
            title: Style::new().fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            bad: Style::new().fg(Color::Red),
            unknown: Style::new().fg(Color::Magenta),
            accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            over: Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// Dark colours on a light background: nothing white, yellow or bright as text.
    pub fn light() -> Theme {
        let green = Color::Indexed(28);
        let amber = Color::Indexed(130);
        let blue = Color::Indexed(25);
        Theme {
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().bg(blue).fg(Color::White).add_modifier(Modifier::BOLD),
            good: Style::new().fg(green),
            warn: Style::new().fg(amber),
            bad: Style::new().fg(Color::Red),
            unknown: Style::new().fg(Color::Magenta),
            accent: Style::new().fg(blue).add_modifier(Modifier::BOLD),
            over: Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// The theme for this process's environment with the default palette.
    pub fn from_env() -> Theme {
        Theme::build(Palette::Default, &BTreeMap::new(), no_color())
    }

    /// A palette with the config's colours per role (checked when it was read) applied; with
    /// `no_color` (NO_COLOR) none of them, only emphasis.
    pub fn build(palette: Palette, roles: &BTreeMap<String, String>, no_color: bool) -> Theme {
        if no_color {
            return Theme::new(true);
        }
        let mut t = match palette {
            Palette::Default => Theme::new(false),
            Palette::Light => Theme::light(),
            Palette::Mono => Theme::new(true),
        };
        for (role, value) in roles {
            if let Some(c) = colour(value) {
                t.set(role, c);
            }
        }
        t
    }

    /// Gives a role a colour: the background of `selected` and `over`, else the text's.
    fn set(&mut self, role: &str, c: Color) {
        let style = match role {
            "title" => &mut self.title,
            "border" => &mut self.border,
            "heading" => &mut self.heading,
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "selected" => &mut self.selected,
            "good" => &mut self.good,
            "warn" => &mut self.warn,
            "bad" => &mut self.bad,
            "unknown" => &mut self.unknown,
            "accent" => &mut self.accent,
            "over" => &mut self.over,
            _ => return,
        };
        *style = if matches!(role, "selected" | "over") { style.bg(c) } else { style.fg(c) };
    }

    /// A gauge's mark drawn on a filled cell of `fill`: the mark in the dark on the fill's
    /// colour, or reversed when there is no colour, so that it reads as a notch in the bar.
    pub fn mark_on(&self, fill: Style) -> Style {
        match fill.fg {
            Some(c) => Style::new().fg(Color::Black).bg(c),
            None => fill.add_modifier(Modifier::REVERSED),
        }
    }

    /// Style for a share of target reached.
    pub fn progress(&self, fraction: f64) -> Style {
        if fraction >= 1.0 {
            self.good
        } else if fraction >= 0.5 {
            self.warn
        } else {
            self.bad
        }
    }
}

/// Whether the environment asks for no colour (NO_COLOR set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn colours_per_role_apply_and_no_color_wins() {
        let t = Theme::build(Palette::Default, &roles(&[("good", "blue"), ("dim", "#777777")]), false);
        assert_eq!(t.good.fg, Some(Color::Blue));
        assert_eq!(t.dim.fg, Some(Color::Rgb(0x77, 0x77, 0x77)));
        let t = Theme::build(Palette::Light, &roles(&[("selected", "153")]), false);
        assert_eq!(t.selected.bg, Some(Color::Indexed(153)));
        assert_eq!(Theme::build(Palette::Light, &roles(&[("good", "blue")]), true), Theme::new(true));
    }

    #[test]
    fn bad_settings_say_what_is_wrong() {
        assert!(check("good", "dark_green").is_err(), "not a colour ratatui knows");
        assert!(check("good", "grean").unwrap_err().contains("unknown colour \"grean\" for good"));
        assert!(check("goood", "green").unwrap_err().contains("unknown role \"goood\""));
        assert_eq!(check("dim", "#777777"), Ok(()));
        assert_eq!(check("warn", "light-red"), Ok(()));
    }
}
