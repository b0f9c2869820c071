//! The lab view (`L`): every lab value up to the shown date, read from the diary by
//! `service::labs` and drawn by kind over time beside the intake of its nutrient before each
//! (src/tui/ui/labs.rs). Up/Down and the page keys scroll it; Esc, q or L close it.

use super::action::Action;
use super::app::moved;
use super::effect::Effect;
use super::state::{AppState, LabsOverlay};
use super::ui::labs::{lines, NARROW};
use crate::service::labs::LabLine;

/// Opens the view on the values up to the shown date.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    state.labs = Some(LabsOverlay { upto: state.date, found: None, scroll: 0 });
    vec![Effect::LoadLabs(state.date)]
}

/// The values arrived.
pub fn loaded(state: &mut AppState, found: Vec<LabLine>) -> Vec<Effect> {
    if let Some(o) = state.labs.as_mut() {
        o.found = Some(found);
    }
    vec![]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let d = crate::present::vitamin_d_unit(state.vitamin_d_iu);
    let Some(o) = state.labs.as_mut() else { return vec![] };
    // Scrolls over the lines an 80-column terminal shows, as the review does.
    let count = lines(o, d, NARROW).len();
    if let Some(to) = moved(o.scroll, count, &action) {
        o.scroll = to;
        return vec![];
    }
    match action {
        Action::Close | Action::Confirm => {
            state.labs = None;
            vec![]
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Meal, Profile};
    use crate::tui::app::update as apply;
    use crate::tui::state::Focus;
    use chrono::NaiveDate;

    #[test]
    fn l_opens_the_labs_up_to_the_shown_date_and_esc_closes() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut s = AppState::new(day, Meal::Lunch, Profile::default());
        let fx = apply(&mut s, Action::OpenLabs);
        assert_eq!(fx, vec![Effect::LoadLabs(day)]);
        assert!(!fx[0].writes());
        assert_eq!(s.focus(), Focus::Labs);
        apply(&mut s, Action::LabsLoaded(vec![]));
        assert_eq!(s.labs.as_ref().unwrap().found, Some(vec![]));
        apply(&mut s, Action::ListDown);
        apply(&mut s, Action::Close);
        assert_eq!(s.labs, None);
        assert_eq!(s.focus(), Focus::Log);
    }
}
