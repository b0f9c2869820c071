//! `marrow note add|list|rm`: a line of text on a day, kept beside the food log.

use chrono::NaiveDate;
use clap::Subcommand;
use serde_json::{json, Value};

use super::{print_json, CliError, Context};
use crate::domain::symptoms::{note_text, Note};
use crate::present::safe;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum NoteCommand {
    /// Add a note: marrow note add "long walk, slept badly"
    Add {
        /// One line, up to 500 characters
        #[arg(allow_hyphen_values = true)]
        text: String,
        /// YYYY-MM-DD, today or yesterday [default: today]
        #[arg(long)]
        date: Option<String>,
    },
    /// List notes: every one, or those of a day or a span
    List {
        #[command(flatten)]
        range: Range,
        #[arg(long)]
        json: bool,
    },
    /// Remove a note by its id
    Rm { id: String },
}

/// Which days a list covers: `--date`, or `--from` and/or `--to`; none: every day.
#[derive(Debug, clap::Args)]
pub struct Range {
    /// One day: YYYY-MM-DD, today or yesterday
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub date: Option<String>,
    /// The first day
    #[arg(long)]
    pub from: Option<String>,
    /// The last day
    #[arg(long)]
    pub to: Option<String>,
}

impl Range {
    /// The first and last day asked for (None: unbounded on that side).
    pub fn days(&self, ctx: &Context) -> Result<(Option<NaiveDate>, Option<NaiveDate>), CliError> {
        if let Some(d) = &self.date {
            let d = ctx.date(Some(d))?;
            return Ok((Some(d), Some(d)));
        }
        let from = self.from.as_deref().map(|d| ctx.date(Some(d))).transpose()?;
        let to = self.to.as_deref().map(|d| ctx.date(Some(d))).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(CliError::Usage(format!("--from {f} is after --to {t}")));
            }
        }
        Ok((from, to))
    }
}

pub fn run(c: NoteCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        NoteCommand::Add { text, date } => {
            let text = note_text(&text).map_err(|e| CliError::Usage(e.to_string()))?;
            let date = ctx.date(date.as_deref())?;
            let note = ctx.diary()?.add_note(date, &text, &ctx.now())?;
            outln!("noted #{} on {}: {}", note.id, note.date, safe(&note.text));
            Ok(())
        }
        NoteCommand::List { range, json: as_json } => {
            let (from, to) = range.days(ctx)?;
            let notes = ctx.diary_for_reading()?.notes(from, to)?;
            if as_json {
                return print_json(&Value::Array(notes.iter().map(note_json).collect()));
            }
            if notes.is_empty() {
                outln!("no notes");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = notes
                .iter()
                .map(|n| vec![format!("#{}", n.id), n.date.to_string(), n.text.clone()])
                .collect();
            out!("{}", super::table::render(&["note", "date", "text"], &rows, 3));
            Ok(())
        }
        NoteCommand::Rm { id } => {
            let id = super::context::parse_id(&id, "a note id", "marrow note list")?;
            let note = ctx.diary()?.remove_note(id)?;
            outln!("removed note #{} of {}: {}", note.id, note.date, safe(&note.text));
            Ok(())
        }
    }
}

/// `{"id","date","text","logged_at"}`.
pub fn note_json(n: &Note) -> Value {
    json!({"id": n.id, "date": n.date.to_string(), "text": n.text, "logged_at": n.logged_at})
}
