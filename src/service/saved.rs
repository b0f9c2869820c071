//! What the user saved to use again (meals, custom foods, supplement products), renamed and
//! removed by name: one place, so `marrow meal rm` and the app's `:meal rm` do the same.

use crate::domain::sane::user_text;
use crate::store::{Diary, Renamed, Saved, StoreError};

/// The longest name of a saved thing.
pub const NAME_MAX: usize = 120;

/// What a rename or a removal came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Renamed {
        old: String,
        new: String,
    },
    Removed {
        old: String,
    },
    /// Nothing of that kind has the name.
    NotFound(String),
    /// Another of the same kind has the new name.
    Taken(String),
    /// The new name cannot be kept (empty, too long, control characters).
    BadName(String),
}

/// Renames the `kind` named `name` (any case; a custom food's id too) to `new_name`.
pub fn rename(
    diary: &mut Diary,
    kind: Saved,
    name: &str,
    new_name: &str,
    now: &str,
) -> Result<Outcome, StoreError> {
    let new = match user_text(new_name, NAME_MAX) {
        Ok(n) => n,
        Err(e) => return Ok(Outcome::BadName(format!("the new name {e}"))),
    };
    let Some((row, old)) = diary.saved_named(kind, name)? else {
        return Ok(Outcome::NotFound(name.trim().into()));
    };
    Ok(match diary.rename_saved(kind, row, &new, now)? {
        Renamed::Done => Outcome::Renamed { old, new },
        Renamed::Taken => Outcome::Taken(new),
    })
}

/// Removes the `kind` named `name`; what was logged of it stays as it is.
pub fn remove(diary: &mut Diary, kind: Saved, name: &str) -> Result<Outcome, StoreError> {
    let Some((row, old)) = diary.saved_named(kind, name)? else {
        return Ok(Outcome::NotFound(name.trim().into()));
    };
    diary.remove_saved(kind, row)?;
    Ok(Outcome::Removed { old })
}
