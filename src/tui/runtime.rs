//! Runs effects against the stores and feeds the results back as Actions. The only part of
//! the app that calls the diary or the catalog; the day's numbers come from `report`, as the
//! CLI's do.

use std::collections::HashMap;

use super::action::{Action, Batch};
use super::effect::Effect;
use super::state::MealChoice;
use super::suggest;
use crate::domain::day::copies;
use crate::domain::day::new_entry;
use crate::domain::{Food, NewEntry};
use crate::report::{day_report, gap_suggestions, summaries};
use crate::store::{custom_row, Catalog, Diary, StoreError};

/// How many foods a search or browse list shows.
const LIST_LIMIT: usize = 60;
/// How many recent foods head the search on an empty query.
const RECENT: usize = 8;

pub struct Runtime {
    pub diary: Diary,
    pub catalog: Catalog,
    /// The diary's data_version last seen, to notice other processes' commits.
    seen_version: i64,
    /// How often each food was logged, for search ranking; reloaded after changes.
    uses: Option<HashMap<String, u32>>,
    /// The user's custom foods, searched with the catalog; reloaded after other processes'
    /// changes (the app itself does not edit them).
    custom: Option<Vec<Food>>,
}

impl Runtime {
    pub fn new(diary: Diary, catalog: Catalog) -> Result<Runtime, StoreError> {
        let seen_version = diary.data_version()?;
        Ok(Runtime { diary, catalog, seen_version, uses: None, custom: None })
    }

    /// Whether another process committed to the diary since the last call.
    pub fn changed_elsewhere(&mut self) -> bool {
        match self.diary.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                self.uses = None;
                self.custom = None;
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
            Effect::LoadDay(date) => vec![Action::DayLoaded(day_report(&self.diary, date)?)],
            Effect::LoadTrend { end, days } => {
                let profile = self.diary.profile()?;
                vec![Action::TrendLoaded { end, days: summaries(&self.diary, end, days, &profile)? }]
            }
            Effect::Search(query) => {
                if self.uses.is_none() {
                    self.uses = Some(self.diary.food_usage()?);
                }
                if self.custom.is_none() {
                    self.custom = Some(self.diary.custom_foods()?);
                }
                let (uses, custom) = (self.uses.as_ref(), self.custom.as_deref());
                let foods = self.catalog.search_with(
                    &query,
                    LIST_LIMIT,
                    uses.unwrap_or(&HashMap::new()),
                    custom.unwrap_or(&[]),
                )?;
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
            Effect::LoadRecent => {
                let mut foods = Vec::new();
                for e in self.diary.recent_foods(RECENT)? {
                    // The food as it is now; as it was logged when it is gone.
                    foods.push(self.food(&e.food_id)?.unwrap_or(Food {
                        id: e.food_id,
                        name: e.food_name,
                        group: String::new(),
                        common_names: String::new(),
                        manufacturer: String::new(),
                        in_survey: false,
                        per_100g: e.per_100g,
                        portions: Vec::new(),
                    }));
                }
                vec![Action::RecentLoaded(foods)]
            }
            Effect::LoadGroups => vec![Action::GroupsLoaded(self.catalog.groups()?)],
            Effect::LoadFood(id) => match self.food(&id)? {
                Some(f) => {
                    let last = self.diary.last_entry_of(&f.id)?.map(|e| e.quantity);
                    vec![Action::FoodLoaded(f, last)]
                }
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
            Effect::RemoveEntries { ids, undo } => {
                self.uses = None;
                vec![Action::EntriesRemoved { entries: self.diary.remove_entries(&ids)?, undo }]
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
            Effect::LoadProducts => vec![Action::ProductsLoaded(self.diary.products()?)],
            Effect::AddSupplement(mut new) => {
                if new.logged_at.is_empty() {
                    new.logged_at = now.to_string();
                }
                vec![Action::SupplementAdded { dose: self.diary.add_supplement(&new)?, undo: false }]
            }
            Effect::RestoreSupplement(dose) => {
                vec![Action::SupplementAdded { dose: self.diary.restore_supplement(&dose)?, undo: true }]
            }
            Effect::RemoveSupplement { id, undo } => {
                vec![Action::SupplementRemoved { dose: self.diary.remove_supplement(id)?, undo }]
            }
            Effect::Suggest { date, nutrient } => {
                let report = day_report(&self.diary, date)?;
                let found = gap_suggestions(
                    &self.diary,
                    &self.catalog,
                    &report.summary,
                    nutrient,
                    suggest::LIMIT,
                    false,
                )?;
                vec![Action::SuggestionsLoaded(found)]
            }
            Effect::LoadSavedMeals => {
                let mut choices = Vec::new();
                for meal in self.diary.saved_meals()? {
                    let mut names = Vec::new();
                    for (id, _) in &meal.items {
                        names.push(self.food(id)?.map_or_else(|| id.clone(), |f| f.name));
                    }
                    choices.push(MealChoice { meal, names });
                }
                vec![Action::SavedMealsLoaded(choices)]
            }
            Effect::SaveMeal { name, items } => {
                let replaced = self.diary.saved_meals()?.iter().any(|m| m.name == name);
                self.diary.save_meal(&name, &items, now)?;
                vec![Action::MealSaved { name, items: items.len(), replaced }]
            }
            Effect::LogSavedMeal { meal, date, to } => {
                let mut new: Vec<NewEntry> = Vec::new();
                for (food_id, quantity) in &meal.items {
                    let Some(food) = self.food(food_id)? else {
                        return Ok(vec![Action::Failed(format!(
                            "the saved meal {:?} names food {food_id}, which no longer exists",
                            meal.name
                        ))]);
                    };
                    match new_entry(&food, quantity, date, to, now.to_string()) {
                        Ok(e) => new.push(e),
                        Err(e) => return Ok(vec![Action::Failed(e.to_string())]),
                    }
                }
                self.add_batch(&new, Batch::SavedMeal(meal.name))?
            }
            Effect::CopyMeal { from, to, meal } => {
                // The entries as they were logged, figures included, as `marrow copy` does.
                let new = copies(&self.diary.day_entries(from)?, to, Some(meal), now);
                if new.is_empty() {
                    return Ok(vec![Action::Notice(format!(
                        "Nothing logged for {meal} on {} to copy",
                        from.format("%a %-d %b")
                    ))]);
                }
                self.add_batch(&new, Batch::Copied { from, meal })?
            }
        })
    }

    /// Adds entries in one transaction, all or none.
    fn add_batch(&mut self, new: &[NewEntry], batch: Batch) -> Result<Vec<Action>, StoreError> {
        if new.is_empty() {
            return Ok(vec![Action::Notice("Nothing to log: the meal is empty".into())]);
        }
        self.uses = None;
        Ok(vec![Action::EntriesAdded { entries: self.diary.add_entries(new)?, batch }])
    }

    /// A food by id, with its portions: a custom one ("c1") from the diary, else the catalog's.
    fn food(&self, id: &str) -> Result<Option<Food>, StoreError> {
        match custom_row(id) {
            Some(_) => self.diary.custom_food(id),
            None => self.catalog.food(id),
        }
    }
}
