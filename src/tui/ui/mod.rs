//! Drawing: the root layout and overlays, each pane rendered from `&AppState` alone.

mod cofactors;
mod field;
mod frame;
mod gauges;
pub(crate) use gauges::cycle_pinned;
mod help;
mod journal;
pub mod labs;
pub mod layout;
mod log;
mod meals;
mod prompt;
pub mod review;
mod search;
mod suggest;
mod supplements;
pub mod theme;
mod trends;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use self::layout::TINY;
use self::theme::Theme;
use super::state::{AppState, Focus, StatusKind};

pub fn draw(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let area = frame.area();
    render(area, frame.buffer_mut(), state, theme);
}

/// Renders the whole screen into `buf` (also used by snapshot tests).
pub fn render(area: Rect, buf: &mut ratatui::buffer::Buffer, state: &AppState, theme: &Theme) {
    if area.width < TINY.0 || area.height < TINY.1 {
        let mut lines = vec![Line::styled("terminal too small", theme.bad)];
        lines.extend(state.keys.say(state.focus(), "quit", " quits").map(|q| Line::styled(q, theme.dim)));
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let Some(p) = layout::panes(area, state) else {
        compact(area, buf, state, theme);
        return;
    };
    header_line(state, theme).render(p.header, buf);
    gauges::Gauges { state, theme }.render(p.gauges, buf);
    log::LogPane { state, theme, focused: state.focus() == Focus::Log }.render(p.log, buf);
    trends::TrendsPane { state, theme }.render(p.trends, buf);
    status_line(state, theme).render(p.status, buf);
    overlays(area, buf, state, theme);
}

fn overlays(area: Rect, buf: &mut ratatui::buffer::Buffer, state: &AppState, theme: &Theme) {
    // Each overlay's frame, as clicks find it.
    let at = |focus| layout::overlay(area, state, focus).unwrap_or(area);
    if let Some(p) = &state.pills {
        supplements::SupplementsOverlay { overlay: p, state, theme }.render(at(Focus::Supplements), buf);
    }
    if state.cofactors {
        cofactors::CofactorsOverlay { state, theme, d: vitamin_d(state) }.render(at(Focus::Cofactors), buf);
    }
    if let Some(r) = &state.review {
        review::ReviewOverlay { overlay: r, keys: &state.keys, theme, d: vitamin_d(state) }
            .render(at(Focus::Review), buf);
    }
    if let Some(l) = &state.labs {
        labs::LabsOverlay { overlay: l, keys: &state.keys, theme, d: vitamin_d(state) }
            .render(at(Focus::Labs), buf);
    }
    if let Some(o) = &state.symptom_view {
        journal::SymptomsOverlay { overlay: o, keys: &state.keys, theme, d: vitamin_d(state) }
            .render(at(Focus::Symptoms), buf);
    }
    if let Some(s) = &state.suggest {
        suggest::SuggestOverlay { overlay: s, keys: &state.keys, theme, d: vitamin_d(state) }
            .render(at(Focus::Suggest), buf);
    }
    if let Some(s) = &state.search {
        search::SearchOverlay { search: s, meal: state.meal, keys: &state.keys, theme, d: vitamin_d(state) }
            .render(at(Focus::Search), buf);
    }
    if let Some(g) = &state.groups {
        search::GroupOverlay { picker: g, keys: &state.keys, theme }.render(at(Focus::Groups), buf);
    }
    if let Some(m) = &state.moving {
        search::MoveOverlay { picker: m, keys: &state.keys, theme }.render(at(Focus::Move), buf);
    }
    if let Some(m) = &state.meals {
        let target = format!("{} on {}", state.meal, state.date.format("%a %-d %b"));
        meals::MealOverlay { picker: m, target, keys: &state.keys, theme }.render(at(Focus::Meals), buf);
    }
    if let Some(n) = &state.naming {
        meals::NameOverlay { prompt: n, keys: &state.keys, theme }.render(at(Focus::Name), buf);
    }
    if let Some(p) = &state.journal {
        journal::JournalOverlay { prompt: p, keys: &state.keys, theme }.render(at(Focus::Journal), buf);
    }
    if let Some(p) = &state.amount {
        let target = format!("{} on {}", state.meal, state.date.format("%a %-d %b"));
        prompt::PromptOverlay { prompt: p, target, keys: &state.keys, theme, d: vitamin_d(state) }
            .render(at(Focus::Amount), buf);
    }
    if let Some(p) = &state.jump {
        trends::prompt::DateOverlay { prompt: p, keys: &state.keys, theme }.render(at(Focus::Date), buf);
    }
    if state.help {
        help::Help { scroll: state.help_scroll, keys: &state.keys, theme }.render(at(Focus::Help), buf);
    }
}

fn header_line<'a>(state: &AppState, theme: &Theme) -> Line<'a> {
    let p = &state.profile;
    let who =
        if p.default { format!("{} (default profile)", p.life_stage().label) } else { p.life_stage().label };
    Line::from(vec![
        Span::styled(" marrow ", theme.title),
        Span::styled(format!(" {} ", state.date.format("%a %-d %b %Y")), theme.accent),
        Span::styled(format!(" targets: {who} · new entries go to {} ", state.meal), theme.dim),
    ])
}

fn status_line<'a>(state: &AppState, theme: &Theme) -> Line<'a> {
    // A first key waiting for the second of a sequence says so until it is done or lapses.
    if let Some(p) = state.prefix.filter(|p| p.live()) {
        return Line::styled(format!(" {}", state.keys.prefix_hint(state.focus(), p.key)), theme.accent);
    }
    // Slow work on the worker thread says so until its results are in.
    if let Some(p) = state.pending.last() {
        let what = match p.work {
            super::effect::Work::Foods => "finding foods…",
            super::effect::Work::Suggestions => "weighing suggestions…",
            super::effect::Work::Review => "reviewing the days…",
        };
        return Line::styled(format!(" {what}"), theme.dim);
    }
    match &state.status {
        Some(s) => {
            let style = match s.kind {
                StatusKind::Success => theme.good,
                StatusKind::Error => theme.bad,
                StatusKind::Hint => theme.dim,
            };
            Line::styled(format!(" {}", s.text), style)
        }
        // The log's keys, from the keymap (the config's changes included).
        None => Line::styled(format!(" {}", state.keys.log_hints()), theme.dim),
    }
}

/// What fits on a small terminal: the date, the three gauges and the status.
fn compact(area: Rect, buf: &mut ratatui::buffer::Buffer, state: &AppState, theme: &Theme) {
    let mut lines = vec![Line::styled(format!("marrow {}", state.date.format("%-d %b")), theme.title)];
    lines.extend(gauges::compact_lines(&state.summary, theme, vitamin_d(state)));
    if !state.warnings.is_empty() {
        let key = state.keys.key_in(Focus::Log, "supplements").map_or_else(String::new, |k| format!(": {k}"));
        lines.push(Line::styled(format!("! {} warnings{key}", state.warnings.len()), theme.warn));
    }
    if let Some(s) = &state.status {
        lines.push(Line::styled(s.text.clone(), theme.dim));
    }
    Paragraph::new(lines).render(area, buf);
    overlays(area, buf, state, theme);
}

/// The unit vitamin D is read in, as the config set it.
fn vitamin_d(state: &AppState) -> crate::present::VitaminDUnit {
    crate::present::vitamin_d_unit(state.vitamin_d_iu)
}
