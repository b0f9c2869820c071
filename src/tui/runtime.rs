//! Runs effects by handing each to the service that does it, and feeds the results back as
//! Actions. The only part of the app that holds the diary and the catalog; the day's numbers,
//! the foods found and the entries logged come from `service`, as the CLI's do.

use chrono::NaiveDate;

use super::action::{Action, Batch};
use super::command::Change;
use super::effect::Effect;
use super::state::MealChoice;
use super::suggest::LIMIT;
use super::writes::Writes;
use crate::domain::day::DaySummary;
use crate::domain::{Entry, Food};
use crate::service::{day, day_report, meals, record, review, suggest, Foods, ServiceError};
use crate::store::{Catalog, Diary, Hints, StoreError};

/// How many foods a search or browse list shows.
const LIST_LIMIT: usize = 60;
/// How many recent foods head the search on an empty query.
const RECENT: usize = 8;

pub struct Runtime {
    pub diary: Diary,
    pub catalog: Catalog,
    /// The diary's data_version last seen, to notice other processes' commits.
    seen_version: i64,
    /// How often each food was logged and the user's custom foods, for search; reloaded
    /// after the app logs or removes entries and after other processes' changes (the app
    /// itself does not edit custom foods).
    hints: Option<Hints>,
    /// The week of the day report just loaded, for the trend asked for right after it.
    week: Option<(NaiveDate, Vec<DaySummary>)>,
    /// Writes waiting for another marrow's transaction, once `wait_in_slices` made writes
    /// wait off the UI thread; None: a write waits for the lock where it runs.
    writes: Option<Writes>,
}

impl Runtime {
    pub fn new(diary: Diary, catalog: Catalog) -> Result<Runtime, StoreError> {
        let seen_version = diary.data_version()?;
        Ok(Runtime { diary, catalog, seen_version, hints: None, week: None, writes: None })
    }

    /// How to open a runtime over second, read-only connections to the same diary and
    /// catalog, on the worker thread (connections are not shared between threads, and the
    /// catalog is opened on the thread that uses it). It is only sent slow reads; a write
    /// would fail on its read-only diary. None when the files cannot be opened again: the app
    /// then runs everything on the main thread, as before.
    pub fn reader(&self) -> Option<impl FnOnce() -> Option<Runtime> + Send + 'static> {
        let diary = self.diary.reader()?;
        let path = self.catalog.path()?;
        Some(move || Runtime::new(diary, Catalog::reader(&path).ok()?).ok())
    }

    /// Whether another process committed to the diary since the last call.
    pub fn changed_elsewhere(&mut self) -> bool {
        match self.diary.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                self.hints = None;
                self.week = None;
                true
            }
            _ => false,
        }
    }

    /// Makes a write that finds another marrow's transaction in the way wait in the queue
    /// (writes.rs), tried again by `retry_writes`, instead of for the lock on this thread;
    /// after `patience` it fails. The app's event loop calls this; tests need not.
    pub fn wait_in_slices(&mut self, patience: std::time::Duration) -> Result<(), StoreError> {
        let (writes, on_busy) = Writes::new(patience);
        self.diary.on_busy(on_busy)?;
        self.writes = Some(writes);
        Ok(())
    }

    /// How many writes wait for another marrow's transaction.
    pub fn writes_waiting(&self) -> usize {
        self.writes.as_ref().map_or(0, Writes::waiting)
    }

    /// Tries the waiting writes again, in order; returns what those that ran led to.
    pub fn retry_writes(&mut self) -> Vec<Action> {
        let Some(mut writes) = self.writes.take() else { return vec![] };
        let actions = writes.retry(|effect, now| self.run_now(effect, now));
        self.writes = Some(writes);
        actions
    }

    /// One last try for the waiting writes as the app ends: how many did not land.
    pub fn last_try_writes(&mut self) -> usize {
        let Some(mut writes) = self.writes.take() else { return 0 };
        let left = writes.last_try(|effect, now| self.run_now(effect, now));
        self.writes = Some(writes);
        left
    }

    /// Runs one effect; store failures come back as `Action::Failed` for the status line. A
    /// write may wait its turn instead (see `wait_in_slices`): then nothing comes back yet.
    pub fn run(&mut self, effect: Effect, now: &str) -> Vec<Action> {
        match self.writes.take() {
            Some(mut writes) if effect.writes() => {
                let actions = writes.run(effect, now, |effect, now| self.run_now(effect, now));
                self.writes = Some(writes);
                actions
            }
            writes => {
                self.writes = writes;
                self.run_now(effect, now)
            }
        }
    }

    /// Runs one effect now.
    fn run_now(&mut self, effect: Effect, now: &str) -> Vec<Action> {
        match self.try_run(effect, now) {
            Ok(actions) => actions,
            Err(ServiceError::Store(e)) => {
                vec![Action::Failed(self.diary.name_damage(e, self.catalog.path().as_deref()).to_string())]
            }
            Err(e) => vec![Action::Failed(e.to_string())],
        }
    }

    /// Hands one effect to the service that does it and turns the outcome into Actions.
    fn try_run(&mut self, effect: Effect, now: &str) -> Result<Vec<Action>, ServiceError> {
        // A day's report carries its week: the 7-day trend asked for right after it is that.
        let week = self.week.take();
        let (diary, catalog) = (&mut self.diary, &self.catalog);
        Ok(match effect {
            Effect::Quit => vec![],
            Effect::LoadDay(date) => {
                let report = day_report(diary, date)?;
                self.week = Some((date, report.week.clone()));
                vec![Action::DayLoaded(report)]
            }
            Effect::LoadTrend { end, days } => match week {
                Some((date, week)) if date == end && week.len() == days as usize => {
                    vec![Action::TrendLoaded { end, days: week }]
                }
                _ => vec![Action::TrendLoaded { end, days: day::trend(diary, end, days)?.0 }],
            },
            Effect::Search(query) => {
                let foods = Foods::new(catalog, diary);
                let hints = self.hints.get_or_insert_with(|| foods.hints());
                vec![Action::SearchResults { foods: foods.search_with(&query, LIST_LIMIT, hints)?, query }]
            }
            Effect::Browse { sort, basis, group } => {
                let foods = catalog.top_by(sort, basis, group.as_deref(), LIST_LIMIT)?;
                // A serving list keeps each food's serving portion, to show values per serving.
                let foods = foods
                    .into_iter()
                    .map(|r| Food { portions: r.serving.into_iter().collect(), ..r.food })
                    .collect();
                vec![Action::SearchResults { query: String::new(), foods }]
            }
            Effect::LoadRecent => vec![Action::RecentLoaded(Foods::new(catalog, diary).recent(RECENT)?)],
            Effect::LoadGroups => vec![Action::GroupsLoaded(catalog.groups()?)],
            Effect::LoadFood(id) => match Foods::new(catalog, diary).with_last_amount(&id)? {
                Some((food, last)) => vec![Action::FoodLoaded(food, last)],
                None => vec![Action::Failed(format!("food {id} is not in the catalog"))],
            },
            Effect::AddEntry(new) => {
                self.hints = None;
                vec![Action::EntryAdded { entry: record::add_entry(diary, new, now)?, undo: false }]
            }
            Effect::RestoreEntry(e) => {
                vec![Action::EntryAdded { entry: diary.restore_entry(&e)?, undo: true }]
            }
            Effect::RemoveEntry { id, undo } => {
                vec![Action::EntryRemoved { entry: diary.remove_entry(id)?, undo }]
            }
            Effect::RemoveEntries { ids, undo } => {
                self.hints = None;
                vec![Action::EntriesRemoved { entries: diary.remove_entries(&ids)?, undo }]
            }
            Effect::UpdateAmount { id, grams, quantity, undo } => {
                record::change_amount(diary, id, grams, &quantity)?
                    .map(|(before, after)| Action::EntryChanged { before, after, undo })
                    .into_iter()
                    .collect()
            }
            Effect::MoveEntry { id, meal, undo } => record::move_entry(diary, id, meal)?
                .map(|(before, after)| Action::EntryChanged { before, after, undo })
                .into_iter()
                .collect(),
            Effect::AddNote { date, text } => {
                let n = diary.add_note(date, &text, now)?;
                vec![Action::JournalAdded(format!("Noted on {}: {}", n.date, crate::present::safe(&n.text)))]
            }
            Effect::AddSymptom { date, name, score } => {
                let s = diary.add_symptom(date, &name, score, now)?;
                vec![Action::JournalAdded(format!(
                    "Logged {} on {}",
                    crate::present::symptoms::symptom(&s),
                    s.date
                ))]
            }
            Effect::LoadSymptomView { name, nutrient } => {
                let (names, view) = crate::service::symptoms::overlay(diary, name.as_deref(), nutrient)?;
                vec![Action::SymptomViewLoaded(names, view.map(Box::new))]
            }
            Effect::LoadProducts => vec![Action::ProductsLoaded(diary.products()?)],
            Effect::AddSupplement(new) => {
                vec![Action::SupplementAdded {
                    dose: record::add_supplement(diary, new, None, now)?,
                    undo: false,
                }]
            }
            Effect::RestoreSupplement(dose) => {
                vec![Action::SupplementAdded { dose: diary.restore_supplement(&dose)?, undo: true }]
            }
            Effect::RemoveSupplement { id, undo } => {
                vec![Action::SupplementRemoved { dose: diary.remove_supplement(id)?, undo }]
            }
            Effect::Suggest { date, nutrient } => {
                let (_, found) = suggest::for_day(diary, catalog, date, nutrient, LIMIT, false)?;
                vec![Action::SuggestionsLoaded(found)]
            }
            Effect::Review(period) => {
                vec![Action::ReviewLoaded(Box::new(review::review(diary, catalog, period)?))]
            }
            Effect::LoadLabs(upto) => {
                vec![Action::LabsLoaded(crate::service::labs::lines(diary, Some(upto))?)]
            }
            Effect::LoadSavedMeals => {
                let choices = meals::with_names(diary, catalog)?
                    .into_iter()
                    .map(|(meal, names)| MealChoice { meal, names })
                    .collect();
                vec![Action::SavedMealsLoaded(choices)]
            }
            Effect::SaveMeal { name, items } => {
                let replaced = meals::save(diary, &name, &items, now)?;
                vec![Action::MealSaved { name, items: items.len(), replaced }]
            }
            Effect::ChangeSaved { kind, change } => {
                let outcome = match change {
                    Change::Remove(name) => crate::service::saved::remove(diary, kind, &name)?,
                    Change::Rename(old, new) => crate::service::saved::rename(diary, kind, &old, &new, now)?,
                };
                // A custom food renamed or removed changes what search finds.
                self.hints = None;
                vec![match crate::present::saved::said(kind, &outcome) {
                    (text, true) => Action::Failed(text),
                    (text, false) => Action::Notice(text),
                }]
            }
            Effect::SaveRecipe { name, date, meal } => {
                self.hints = None;
                vec![match crate::service::recipes::from_meal(diary, &name, date, meal, now)? {
                    Some(r) => Action::Notice(crate::present::recipe::made(&r)),
                    None => Action::Failed(crate::present::recipe::not_made(&name)),
                }]
            }
            Effect::LogSavedMeal { meal, date, to } => {
                let logged = match meals::log_saved(diary, catalog, &meal, date, to, now) {
                    Err(ServiceError::Store(e)) => return Err(e.into()),
                    // A food gone or an amount that no longer fits: said, and nothing logged.
                    Err(refused) => return Ok(vec![Action::Failed(refused.to_string())]),
                    Ok(logged) => logged,
                };
                self.batch(logged, Batch::SavedMeal(meal.name))
            }
            Effect::CopyMeal { from, to, meal } => {
                // The entries as they were logged, figures included, as `marrow copy` does.
                let copied = meals::copy(diary, from, to, Some(meal), now)?;
                if copied.is_empty() {
                    return Ok(vec![Action::Notice(format!(
                        "Nothing logged for {meal} on {} to copy",
                        from.format("%a %-d %b")
                    ))]);
                }
                self.batch(copied, Batch::Copied { from, meal })
            }
            Effect::Export { format, path } => vec![super::export::write(diary, format, &path)?],
        })
    }

    /// Entries a batch added (all in one transaction), or a notice when there were none.
    fn batch(&mut self, entries: Vec<Entry>, batch: Batch) -> Vec<Action> {
        if entries.is_empty() {
            return vec![Action::Notice("Nothing to log: the meal is empty".into())];
        }
        self.hints = None;
        vec![Action::EntriesAdded { entries, batch }]
    }
}
