//! Runs effects against the stores and feeds the results back as Actions.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::action::Action;
use super::effect::Effect;
use crate::domain::Food;
use crate::store::{Catalog, Diary, StoreError};

/// How many foods a search or browse list shows.
const LIST_LIMIT: usize = 60;

pub struct Runtime {
    pub diary: Diary,
    pub catalog: Catalog,
    /// The diary's data_version last seen, to notice other processes' commits.
    seen_version: i64,
    /// How often each food was logged, for search ranking; reloaded after changes.
    uses: Option<HashMap<String, u32>>,
}

impl Runtime {
    pub fn new(diary: Diary, catalog: Catalog) -> Result<Runtime, StoreError> {
        let seen_version = diary.data_version()?;
        Ok(Runtime { diary, catalog, seen_version, uses: None })
    }

    /// Whether another process committed to the diary since the last call.
    pub fn changed_elsewhere(&mut self) -> bool {
        match self.diary.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                self.uses = None;
                true
            }
            _ => false,
        }
    }

    /// Runs one effect; store failures come back as `Action::Failed` for the status line.
    pub fn run(&mut self, effect: Effect, now: &str) -> Vec<Action> {
        match self.try_run(effect, now) {
            Ok(actions) => actions,
            Err(e) => vec![Action::Failed(e.to_string())],
        }
    }

    fn try_run(&mut self, effect: Effect, now: &str) -> Result<Vec<Action>, StoreError> {
        Ok(match effect {
            Effect::Quit => vec![],
            Effect::LoadDay(date) => {
                let entries = self.diary.day_entries(date)?;
                let profile = self.diary.profile()?;
                vec![Action::DayLoaded { date, entries, profile }]
            }
            Effect::LoadTrend { end, days } => {
                vec![Action::TrendLoaded { end, days: self.trend(end, days)? }]
            }
            Effect::Search(query) => {
                if self.uses.is_none() {
                    self.uses = Some(self.diary.food_usage()?);
                }
                let uses = self.uses.as_ref().map_or_else(Default::default, Clone::clone);
                let foods = self.catalog.search_with_usage(&query, LIST_LIMIT, &uses)?;
                vec![Action::SearchResults { query, foods }]
            }
            Effect::Browse { sort, basis, group } => {
                let foods = self.catalog.top_by(sort, basis, group.as_deref(), LIST_LIMIT)?;
                // A serving list keeps each food's serving portion, to show values per serving.
                let foods = foods
                    .into_iter()
                    .map(|r| Food { portions: r.serving.into_iter().collect(), ..r.food })
                    .collect();
                vec![Action::SearchResults { query: String::new(), foods }]
            }
            Effect::LoadGroups => vec![Action::GroupsLoaded(self.catalog.groups()?)],
            Effect::LoadFood(id) => match self.catalog.food(&id)? {
                Some(f) => vec![Action::FoodLoaded(f)],
                None => vec![Action::Failed(format!("food {id} is not in the catalog"))],
            },
            Effect::AddEntry(mut new) => {
                self.uses = None;
                if new.logged_at.is_empty() {
                    new.logged_at = now.to_string();
                }
                vec![Action::EntryAdded { entry: self.diary.add_entry(&new)?, undo: false }]
            }
            Effect::RestoreEntry(e) => {
                vec![Action::EntryAdded { entry: self.diary.restore_entry(&e)?, undo: true }]
            }
            Effect::RemoveEntry { id, undo } => {
                vec![Action::EntryRemoved { entry: self.diary.remove_entry(id)?, undo }]
            }
            Effect::UpdateAmount { id, grams, quantity, undo } => {
                let before = self.diary.entry(id)?.ok_or(StoreError::NoSuchEntry(id))?;
                if before.grams == grams && before.quantity == quantity {
                    return Ok(vec![]);
                }
                let after = self.diary.update_amount(id, grams, &quantity)?;
                vec![Action::EntryChanged { before, after, undo }]
            }
            Effect::MoveEntry { id, meal, undo } => {
                let before = self.diary.entry(id)?.ok_or(StoreError::NoSuchEntry(id))?;
                if before.meal == meal {
                    return Ok(vec![]);
                }
                let after = self.diary.move_entry(id, meal)?;
                vec![Action::EntryChanged { before, after, undo }]
            }
        })
    }

    /// Every day from `end - days + 1` to `end`, with its entries (possibly none).
    fn trend(
        &self,
        end: NaiveDate,
        days: u32,
    ) -> Result<Vec<(NaiveDate, Vec<crate::domain::Entry>)>, StoreError> {
        let start = end.checked_sub_days(Days::new(u64::from(days.saturating_sub(1)))).unwrap_or(end);
        let entries = self.diary.range_entries(start, end)?;
        let mut out: Vec<(NaiveDate, Vec<_>)> =
            start.iter_days().take_while(|d| *d <= end).map(|d| (d, Vec::new())).collect();
        for e in entries {
            if let Some(slot) = out.iter_mut().find(|(d, _)| *d == e.date) {
                slot.1.push(e);
            }
        }
        Ok(out)
    }
}
