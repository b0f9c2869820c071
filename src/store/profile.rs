//! The user's profile (one row): who they are, for their targets. The config's target
//! overrides are applied to every profile read.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Diary, StoreError};
use crate::domain::{Nutrient, Profile, Sex};

impl Diary {
    /// The user's profile, or the default one (adult woman 31-50) when none is set.
    pub fn profile(&self) -> Result<Profile, StoreError> {
        read_profile(&self.conn, &self.overrides)
    }

    /// Saves the profile.
    pub fn set_profile(&mut self, p: &Profile, now: &str) -> Result<(), StoreError> {
        set_profile_in(&self.conn, p, now)
    }

    /// Changes the profile as it is at that moment: `change` gets it and returns the one to
    /// keep, or refuses (then nothing is written). Reading, changing and writing are one
    /// immediate transaction, so that changes of different fields made at the same time all
    /// land. Returns the profile kept.
    pub fn update_profile<E: From<StoreError>>(
        &mut self,
        now: &str,
        change: impl FnOnce(Profile) -> Result<Profile, E>,
    ) -> Result<Profile, E> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let changed = change(read_profile(&tx, &self.overrides)?)?;
        set_profile_in(&tx, &changed, now)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(changed)
    }
}

/// The profile as `conn` sees it, with the config's target overrides.
fn read_profile(conn: &Connection, overrides: &BTreeMap<Nutrient, f64>) -> Result<Profile, StoreError> {
    let row = conn
        .query_row(
            "SELECT sex, age, pregnant, lactating, weight_kg, age_months FROM profile WHERE id = 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .optional()?;
    Ok(match row {
        Some((sex, age, pregnant, lactating, weight_kg, age_months)) => Profile {
            sex: Sex::parse(&sex).unwrap_or(Sex::Female),
            age,
            age_months,
            pregnant,
            lactating,
            weight_kg,
            default: false,
            overrides: overrides.clone(),
        },
        None => Profile { overrides: overrides.clone(), ..Profile::default() },
    })
}

/// Saves the profile inside the caller's transaction (or alone).
pub(super) fn set_profile_in(conn: &Connection, p: &Profile, now: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO profile (id, sex, age, pregnant, lactating, weight_kg, updated_at, age_months)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET sex = ?1, age = ?2, pregnant = ?3, lactating = ?4,
             weight_kg = ?5, updated_at = ?6, age_months = ?7",
        params![p.sex.as_str(), p.age, p.pregnant, p.lactating, p.weight_kg, now, p.age_months],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Nutrient;

    #[test]
    fn the_profile_comes_back_as_saved_with_the_configs_overrides() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = Diary::open(&tmp.path().join("diary.db")).unwrap();
        assert!(d.profile().unwrap().default, "none set: the default profile");
        let p =
            Profile { sex: Sex::Male, age: 60, weight_kg: Some(72.5), default: false, ..Profile::default() };
        d.set_profile(&p, "t").unwrap();
        assert_eq!(d.profile().unwrap(), p);
        d.set_target_overrides([(Nutrient::Magnesium, 400.0)].into_iter().collect());
        let read = d.profile().unwrap();
        assert_eq!(read.targets().get(Nutrient::Magnesium), Some(400.0));
        assert_eq!(Profile { overrides: Default::default(), ..read }, p, "the rest as saved");
    }
}
