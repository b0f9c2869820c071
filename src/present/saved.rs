//! What renaming or removing a saved thing says, the same on the command line and in the app.

use crate::service::saved::Outcome;
use crate::store::Saved;

/// "saved meal", "custom food", "supplement product".
pub fn what(kind: Saved) -> &'static str {
    match kind {
        Saved::Meal => "saved meal",
        Saved::CustomFood => "custom food",
        Saved::Product => "supplement product",
    }
}

/// Where the user sees them listed.
pub fn listed_by(kind: Saved) -> &'static str {
    match kind {
        Saved::Meal => "marrow meal list",
        Saved::CustomFood => "marrow food custom list",
        Saved::Product => "marrow supplement product list",
    }
}

/// The sentence for an outcome, and whether it is a refusal.
pub fn said(kind: Saved, outcome: &Outcome) -> (String, bool) {
    let w = what(kind);
    match outcome {
        Outcome::Renamed { old, new } => (format!("renamed the {w} {old:?} to {new:?}"), false),
        Outcome::Removed { old } => {
            (format!("removed the {w} {old:?}; what was logged of it stays as it is"), false)
        }
        Outcome::NotFound(name) => {
            (format!("no {w} {:?}: see `{}`", crate::domain::clip(name), listed_by(kind)), true)
        }
        Outcome::Taken(new) => (
            format!("another {w} is named {:?} already: choose another name", crate::domain::clip(new)),
            true,
        ),
        Outcome::BadName(why) => (why.clone(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_outcome_is_one_sentence() {
        let (s, refused) = said(Saved::Meal, &Outcome::Removed { old: "usual".into() });
        assert_eq!(s, "removed the saved meal \"usual\"; what was logged of it stays as it is");
        assert!(!refused);
        let (s, refused) = said(Saved::Product, &Outcome::NotFound("Mg".into()));
        assert_eq!(s, "no supplement product \"Mg\": see `marrow supplement product list`");
        assert!(refused);
    }
}
