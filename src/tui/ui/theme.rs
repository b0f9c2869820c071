//! Semantic styles: one theme, every colour chosen by role. NO_COLOR keeps only emphasis.

use ratatui::style::{Color, Modifier, Style};

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

    /// The theme for this process's environment.
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
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
