//! Notes and symptom scores in the diary: added, listed by day or by symptom, removed by id,
//! and written with an import in its transaction.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, TransactionBehavior};

use super::entries::{date_bounds, parse_date};
use super::unreadable::odd;
use super::{Diary, StoreError};
use crate::domain::symptoms::{Journal, Note, Symptom, SCORE_MAX};

/// The migration that adds the notes and symptoms tables.
pub(super) const MIGRATION: &str = include_str!("migrations/006_notes_symptoms.sql");

const SELECT_NOTES: &str = "SELECT id, date, text, logged_at FROM notes";
const SELECT_SYMPTOMS: &str = "SELECT id, date, name, score, logged_at FROM symptoms";

impl Diary {
    /// Adds a note in one committed transaction.
    pub fn add_note(&mut self, date: NaiveDate, text: &str, logged_at: &str) -> Result<Note, StoreError> {
        let id = insert_note_in(&self.conn, date, text, logged_at)?;
        self.note(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// One note by id.
    pub fn note(&self, id: i64) -> Result<Option<Note>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_NOTES} WHERE id = ?1"))?;
        let mut rows = stmt.query_map([id], row_to_note)?;
        Ok(rows.next().transpose()?)
    }

    /// Notes from `from` to `to` inclusive (None: unbounded), by date and logging order.
    pub fn notes(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Note>, StoreError> {
        let (within, bounds) = date_bounds(from, to);
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_NOTES} {within} ORDER BY date, id"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(bounds), row_to_note)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a note and returns it.
    pub fn remove_note(&mut self, id: i64) -> Result<Note, StoreError> {
        let n = self.note(id)?.ok_or(StoreError::NoSuchEntry(id))?;
        self.conn.execute("DELETE FROM notes WHERE id = ?1", [id])?;
        Ok(n)
    }

    /// Adds a symptom's score in one committed transaction.
    pub fn add_symptom(
        &mut self,
        date: NaiveDate,
        name: &str,
        score: u8,
        logged_at: &str,
    ) -> Result<Symptom, StoreError> {
        let id = insert_symptom_in(&self.conn, date, name, score, logged_at)?;
        self.symptom(id)?.ok_or(StoreError::NoSuchEntry(id))
    }

    /// One symptom score by id.
    pub fn symptom(&self, id: i64) -> Result<Option<Symptom>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_SYMPTOMS} WHERE id = ?1"))?;
        let mut rows = stmt.query_map([id], row_to_symptom)?;
        Ok(rows.next().transpose()?)
    }

    /// Symptom scores from `from` to `to` inclusive (None: unbounded), by date and logging
    /// order.
    pub fn symptoms(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Symptom>, StoreError> {
        let (within, bounds) = date_bounds(from, to);
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT_SYMPTOMS} {within} ORDER BY date, id"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(bounds), row_to_symptom)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every score of one symptom, oldest first.
    pub fn symptom_scores(&self, name: &str) -> Result<Vec<Symptom>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached(&format!("{SELECT_SYMPTOMS} WHERE name = ?1 ORDER BY date, id"))?;
        let rows = stmt.query_map([name], row_to_symptom)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a symptom score and returns it.
    pub fn remove_symptom(&mut self, id: i64) -> Result<Symptom, StoreError> {
        let s = self.symptom(id)?.ok_or(StoreError::NoSuchEntry(id))?;
        self.conn.execute("DELETE FROM symptoms WHERE id = ?1", [id])?;
        Ok(s)
    }

    /// Adds notes and scores together, all or none.
    pub fn add_journal(&mut self, j: &Journal) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_journal_in(&tx, j)?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes an import's notes and scores inside the caller's transaction.
pub(super) fn insert_journal_in(conn: &Connection, j: &Journal) -> Result<(), StoreError> {
    for n in &j.notes {
        insert_note_in(conn, n.date, &n.text, &n.logged_at)?;
    }
    for s in &j.symptoms {
        insert_symptom_in(conn, s.date, &s.name, s.score, &s.logged_at)?;
    }
    Ok(())
}

fn insert_note_in(
    conn: &Connection,
    date: NaiveDate,
    text: &str,
    logged_at: &str,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO notes (date, text, logged_at) VALUES (?1, ?2, ?3)",
        params![date.to_string(), text, logged_at],
    )?;
    Ok(conn.last_insert_rowid())
}

fn insert_symptom_in(
    conn: &Connection,
    date: NaiveDate,
    name: &str,
    score: u8,
    logged_at: &str,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO symptoms (date, name, score, logged_at) VALUES (?1, ?2, ?3, ?4)",
        params![date.to_string(), name, score, logged_at],
    )?;
    Ok(conn.last_insert_rowid())
}

fn row_to_note(r: &Row<'_>) -> rusqlite::Result<Note> {
    let date: String = r.get(1)?;
    Ok(Note { id: r.get(0)?, date: parse_date(1, &date)?, text: r.get(2)?, logged_at: r.get(3)? })
}

fn row_to_symptom(r: &Row<'_>) -> rusqlite::Result<Symptom> {
    let date: String = r.get(1)?;
    let score: i64 = r.get(3)?;
    Ok(Symptom {
        id: r.get(0)?,
        date: parse_date(1, &date)?,
        name: r.get(2)?,
        score: u8::try_from(score)
            .ok()
            .filter(|s| *s <= SCORE_MAX)
            .ok_or_else(|| odd(3, format!("score {score} is not from 0 to 10")))?,
        logged_at: r.get(4)?,
    })
}
