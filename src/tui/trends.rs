//! The trends pane's state: which range it shows and the periods of that range, the load it
//! needs (none when the days it holds already cover the range), and moving the shown date (a
//! week back or forward, or to any date the command line names, cmdline.rs).

use chrono::{Days, NaiveDate};

use super::app::load_date;
use super::effect::Effect;
use super::state::{AppState, TrendRange};
use crate::domain::period::Period;

/// Daily bars over 7 or 28 days; 12 buckets of a week or a month.
const WEEKS: u32 = 12;
const MONTHS: u32 = 12;

impl TrendRange {
    /// The range after this one; the last goes back to the first.
    pub fn next(self) -> TrendRange {
        match self {
            TrendRange::Week => TrendRange::FourWeeks,
            TrendRange::FourWeeks => TrendRange::Weeks,
            TrendRange::Weeks => TrendRange::Months,
            TrendRange::Months => TrendRange::Week,
        }
    }

    /// Whether each bar is one day (else the average of a week or a month).
    pub fn daily(self) -> bool {
        matches!(self, TrendRange::Week | TrendRange::FourWeeks)
    }

    /// The bars' periods ending on `end`, oldest first: one day each for the daily ranges.
    pub fn periods(self, end: NaiveDate) -> Vec<Period> {
        match self {
            TrendRange::Week | TrendRange::FourWeeks => {
                Period::days_ending(end, self.day_count()).dates().map(|d| Period::new(d, d)).collect()
            }
            TrendRange::Weeks => Period::weeks_ending(end, WEEKS),
            TrendRange::Months => Period::months_ending(end, MONTHS),
        }
    }

    /// The whole span the range covers, ending on `end`.
    pub fn span(self, end: NaiveDate) -> Period {
        match self {
            TrendRange::Week | TrendRange::FourWeeks => Period::days_ending(end, self.day_count()),
            _ => Period::covering(&self.periods(end)).unwrap_or(Period::new(end, end)),
        }
    }

    /// How many days the span ending on `end` holds: what one read loads.
    pub fn days(self, end: NaiveDate) -> u32 {
        u32::try_from(self.span(end).len()).unwrap_or(u32::MAX)
    }

    fn day_count(self) -> u32 {
        match self {
            TrendRange::Week => 7,
            _ => 28,
        }
    }
}

/// Whether the trend's days cover the range's span ending on the shown date.
pub fn covered(state: &AppState) -> bool {
    let span = state.trend_range.span(state.date);
    match (state.trend.first(), state.trend.last()) {
        (Some(first), Some(last)) => first.date <= span.first && last.date == span.last,
        _ => false,
    }
}

/// The load the trend needs for its range, none when the days held cover it.
pub fn load(state: &AppState) -> Vec<Effect> {
    if covered(state) {
        return vec![];
    }
    vec![Effect::LoadTrend { end: state.date, days: state.trend_range.days(state.date) }]
}

/// The range key: the next range, read from the diary only when the days held fall short.
pub fn cycle(state: &mut AppState) -> Vec<Effect> {
    state.trend_range = state.trend_range.next();
    load(state)
}

/// The trend's days arrived: kept when they end on the shown date.
pub fn loaded(
    state: &mut AppState,
    end: NaiveDate,
    days: Vec<crate::domain::day::DaySummary>,
) -> Vec<Effect> {
    if end == state.date {
        state.trend = days;
    }
    vec![]
}

/// Shows `date`: its day and its trend.
pub fn show(state: &mut AppState, date: NaiveDate) -> Vec<Effect> {
    state.date = date;
    state.selected = 0;
    load_date(state)
}

/// `[` and `]`: the day a week before or after the shown one.
pub fn step_week(state: &mut AppState, forward: bool) -> Vec<Effect> {
    let week = Days::new(7);
    let to = if forward { state.date.checked_add_days(week) } else { state.date.checked_sub_days(week) };
    match to {
        Some(d) => show(state, d),
        None => vec![],
    }
}

#[cfg(test)]
#[path = "trends_tests.rs"]
mod tests;
