//! The review overlay (`R`): `service::review` of the 7 days ending on the shown date, or of
//! the 30 (Tab), read on the worker like the suggestions; the figures are `marrow review`'s,
//! worded by `present::review`. Up/Down and the page keys scroll it; Esc or q closes it.

use super::action::Action;
use super::app::moved;
use super::effect::Effect;
use super::state::{AppState, ReviewOverlay};
use super::ui::review::{lines, NARROW};
use crate::domain::period::Period;
use crate::service::review::Review;

/// Days of the week and of the month, as `marrow review --week` and `--month` count them.
pub const WEEK_DAYS: u32 = 7;
pub const MONTH_DAYS: u32 = 30;

/// The review of the week ending on the shown date.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    show(state, Period::days_ending(state.date, WEEK_DAYS))
}

pub(super) fn show(state: &mut AppState, period: Period) -> Vec<Effect> {
    state.review = Some(ReviewOverlay { period, found: None, scroll: 0 });
    vec![Effect::Review(period)]
}

/// Whether the review shows the 30 days (else the week).
pub fn month(o: &ReviewOverlay) -> bool {
    o.period.len() > WEEK_DAYS as usize
}

/// The other period, ending on the same day.
fn other(o: &ReviewOverlay) -> Period {
    Period::days_ending(o.period.last, if month(o) { WEEK_DAYS } else { MONTH_DAYS })
}

/// A review arrived; one of another period (a quick Tab) is dropped.
pub fn loaded(state: &mut AppState, review: Box<Review>) -> Vec<Effect> {
    if let Some(o) = state.review.as_mut() {
        if o.period == review.stats.period {
            o.found = Some(review);
        }
    }
    vec![]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let d = crate::present::vitamin_d_unit(state.vitamin_d_iu);
    let Some(o) = state.review.as_mut() else { return vec![] };
    // Scrolls over the lines an 80-column terminal shows; a wider one has fewer, and its
    // drawing keeps the last page in view.
    let count = o.found.as_ref().map_or(0, |r| lines(r, d, NARROW).len());
    if let Some(to) = moved(o.scroll, count, &action) {
        o.scroll = to;
        return vec![];
    }
    match action {
        Close | Confirm => {
            state.review = None;
            vec![]
        }
        ToggleReviewPeriod => {
            let to = other(o);
            show(state, to)
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::PeriodStats;
    use crate::domain::{Meal, Profile};
    use crate::tui::app::update as apply;
    use crate::tui::state::Focus;
    use chrono::NaiveDate;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn app() -> AppState {
        AppState::new(date(25), Meal::Lunch, Profile::default())
    }

    #[test]
    fn r_opens_the_week_ending_on_the_shown_date_and_reads_it_on_the_worker() {
        let mut s = app();
        let fx = apply(&mut s, Action::OpenReview);
        let week = Period::new(date(19), date(25));
        assert_eq!(fx, vec![Effect::Review(week)]);
        assert!(fx[0].slow().is_some() && !fx[0].writes());
        assert_eq!(s.focus(), Focus::Review);
        assert_eq!(s.review.as_ref().map(|o| (o.period, o.found.is_none())), Some((week, true)));
    }

    #[test]
    fn the_period_key_switches_between_the_week_and_the_30_days() {
        let mut s = app();
        apply(&mut s, Action::OpenReview);
        let fx = apply(&mut s, Action::ToggleReviewPeriod);
        let month = Period::new(date(25).checked_sub_days(chrono::Days::new(29)).unwrap(), date(25));
        assert_eq!(fx, vec![Effect::Review(month)]);
        assert!(super::month(s.review.as_ref().unwrap()));
        let fx = apply(&mut s, Action::ToggleReviewPeriod);
        assert_eq!(fx, vec![Effect::Review(Period::new(date(19), date(25)))]);
    }

    #[test]
    fn a_review_of_another_period_is_dropped_and_esc_closes() {
        let mut s = app();
        apply(&mut s, Action::OpenReview);
        apply(&mut s, Action::ToggleReviewPeriod);
        let empty = |p: Period| Review {
            stats: PeriodStats::of(p, &[]),
            previous: PeriodStats::of(crate::service::review::previous(p), &[]),
            days: vec![],
            nutrients: vec![],
            doses: vec![],
            warnings: vec![],
            shortfall: None,
            unreadable: vec![],
            labs: vec![],
        };
        // The week's review comes back after the switch to the month: not wanted.
        apply(&mut s, Action::ReviewLoaded(Box::new(empty(Period::new(date(19), date(25))))));
        assert!(s.review.as_ref().unwrap().found.is_none());
        let month = s.review.as_ref().unwrap().period;
        apply(&mut s, Action::ReviewLoaded(Box::new(empty(month))));
        assert!(s.review.as_ref().unwrap().found.is_some());
        apply(&mut s, Action::ListDown);
        assert_eq!(s.review.as_ref().unwrap().scroll, 1);
        apply(&mut s, Action::ListBottom);
        apply(&mut s, Action::ListUp);
        assert!(s.review.as_ref().unwrap().scroll < 10, "the bottom is near the top of a short review");
        apply(&mut s, Action::Close);
        assert_eq!(s.review, None);
        assert_eq!(s.focus(), Focus::Log);
    }
}
