//! The bone co-factor overlay (`B`): protein, vitamin K1 and sodium of the shown day, as
//! `marrow day` lists them (domain::cofactors, worded by present::cofactors). Its figures come
//! from the day's summary already in the state, so opening it reads nothing; Esc, q or B
//! closes it.

use super::action::Action;
use super::effect::Effect;
use super::state::AppState;

/// Opens the panel over the shown day.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    state.cofactors = true;
    vec![]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    if matches!(action, Action::Close | Action::Confirm | Action::OpenCofactors) {
        state.cofactors = false;
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Meal, Profile};
    use crate::tui::app::update as apply;
    use crate::tui::state::Focus;

    fn app() -> AppState {
        AppState::new(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(), Meal::Lunch, Profile::default())
    }

    #[test]
    fn the_panel_opens_without_reading_and_closes_with_esc() {
        let mut s = app();
        assert_eq!(apply(&mut s, Action::OpenCofactors), vec![]);
        assert_eq!(s.focus(), Focus::Cofactors);
        apply(&mut s, Action::ListDown);
        assert!(s.cofactors, "other keys leave it open");
        apply(&mut s, Action::Close);
        assert_eq!(s.focus(), Focus::Log);
    }

    #[test]
    fn its_own_key_closes_it_too() {
        let mut s = app();
        apply(&mut s, Action::OpenCofactors);
        apply(&mut s, Action::OpenCofactors);
        assert!(!s.cofactors);
    }
}
