//! The command line: clap definitions and dispatch. Each subcommand is a thin layer over the
//! store and domain, printing aligned text or `--json`.

// First, so that every command module can print through its macros.
#[macro_use]
pub mod output;
mod absorbable;
mod app_import;
mod check;
mod context;
mod day;
mod food;
mod import;
mod json;
mod lab;
mod log;
mod meal;
mod note;
mod pick;
mod profile;
mod recipe;
mod report;
mod review;
mod saved;
mod search;
mod shell;
mod suggest;
mod supplement;
mod symptom;
mod table;
mod top;
pub(crate) mod transfer;
mod week;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use context::Context;

use crate::domain::DomainError;
use crate::store::StoreError;

/// Said once, plainly, wherever health figures appear.
pub const DISCLAIMER: &str = "marrow is educational, not medical advice: ask a clinician about \
pregnancy, kidney disease and medicines.";

#[derive(Debug, Parser)]
#[command(
    name = "marrow",
    version,
    about = "A terminal food diary for magnesium, calcium and vitamin D: bones, joints and ligaments.",
    after_help = "With no command, marrow opens the full-screen app on today's date.\n\n\
Food composition: USDA National Nutrient Database for Standard Reference, Release 28, public domain.\n\
Targets: Dietary Reference Intakes, National Academies.\n\
marrow is educational, not medical advice."
)]
pub struct Cli {
    /// Where marrow keeps diary.db and catalog.db [env: MARROW_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Search foods by words, in any order, prefixes and common names
    Search(search::Args),
    /// The foods richest in a nutrient (per 100 g, per serving or per 100 kcal)
    Top(top::Args),
    /// Show a food
    #[command(subcommand)]
    Food(food::FoodCommand),
    /// Add, list or remove diary entries
    #[command(subcommand)]
    Log(log::LogCommand),
    /// A day's entries and totals against your targets
    Day(day::Args),
    /// Supplement doses (elemental), counted in totals and against their own limits
    #[command(subcommand)]
    Supplement(supplement::SupplementCommand),
    /// Lab values (25(OH)D, serum magnesium and calcium, PTH) read against their bands
    #[command(subcommand)]
    Lab(lab::LabCommand),
    /// Notes on a day, beside the food log
    #[command(subcommand)]
    Note(note::NoteCommand),
    /// Symptom scores (0-10) on a day, and a view of them beside a nutrient
    #[command(subcommand)]
    Symptom(symptom::SymptomCommand),
    /// Seven days of totals, averages and days at target
    Week(week::Args),
    /// How a week or month went against the one before, and foods for what was most short
    Review(review::Args),
    /// The review as a page to print or send: self-contained HTML with charts, or Markdown
    Report(report::Args),
    /// Foods that would close today's gap in a nutrient
    Suggest(suggest::Args),
    /// Saved meals: save a day's meal, log it again
    #[command(subcommand)]
    Meal(meal::MealCommand),
    /// Recipes: foods made of ingredients (add, show, list, edit, rm, rename)
    #[command(subcommand)]
    Recipe(recipe::RecipeCommand),
    /// Copy a day's entries (or one meal) to another day
    Copy(meal::CopyArgs),
    /// A consistent copy of diary.db, safe while the app runs
    Backup(transfer::BackupArgs),
    /// Read the whole diary and print "ok" or what is damaged
    Check(check::Args),
    /// Export the diary: complete JSON (for import) or CSV (for spreadsheets)
    Export(transfer::ExportArgs),
    /// The config file: print the default, or where it is read from
    #[command(subcommand)]
    Config(shell::ConfigCommand),
    /// Print a shell completion script: bash, zsh or fish
    Completions {
        #[arg(value_enum)]
        shell: shell::Shell,
    },
    /// Print the man page (roff)
    Man,
    /// Who you are, for your targets
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Rebuild the food catalog from a data source
    #[command(subcommand)]
    Import(import::ImportCommand),
}

impl Command {
    /// What a command changed once it has completed, for the message when its report could
    /// not be written; None for a command that only reads.
    pub fn saved(&self) -> Option<&'static str> {
        use food::FoodCommand as F;
        use log::LogCommand as L;
        use meal::MealCommand as M;
        use profile::ProfileCommand as P;
        use supplement::SupplementCommand as S;
        match self {
            Command::Log(L::Add { .. }) => Some("the entry was saved"),
            Command::Log(L::Rm { .. })
            | Command::Food(F::Add { .. } | F::Edit { .. })
            | Command::Supplement(S::Add { .. } | S::Rm { .. })
            | Command::Lab(lab::LabCommand::Add { .. } | lab::LabCommand::Rm { .. })
            | Command::Note(note::NoteCommand::Add { .. } | note::NoteCommand::Rm { .. })
            | Command::Symptom(symptom::SymptomCommand::Add { .. } | symptom::SymptomCommand::Rm { .. })
            | Command::Meal(M::Save { .. } | M::Log { .. } | M::Rename { .. } | M::Rm { .. })
            | Command::Food(F::Custom(saved::SavedCommand::Rename { .. } | saved::SavedCommand::Rm { .. }))
            | Command::Supplement(S::Product(
                saved::SavedCommand::Rename { .. } | saved::SavedCommand::Rm { .. },
            ))
            | Command::Copy(_)
            | Command::Recipe(
                recipe::RecipeCommand::Add { .. }
                | recipe::RecipeCommand::Edit { .. }
                | recipe::RecipeCommand::Rm { .. }
                | recipe::RecipeCommand::Rename { .. },
            )
            | Command::Profile(P::Set { .. })
            | Command::Import(_) => Some("the change was saved"),
            Command::Backup(_) => Some("the backup was written"),
            _ => None,
        }
    }
}

/// The most characters of one message marrow prints, beyond its "marrow: " prefix.
pub const MESSAGE_MAX: usize = 480;

/// A failed command: bad input (exit 2) or anything else (exit 1). One line each.
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Failure(String),
    /// SQLite reported a damaged file; `run` names which (see `check::named`).
    Damaged(Box<StoreError>),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Failure(_) | CliError::Damaged(_) => 1,
        }
    }

    /// The message as printed: one line of at most [`MESSAGE_MAX`] characters, with no
    /// control character, whatever text went into it.
    pub fn message(&self) -> String {
        match self {
            CliError::Usage(m) | CliError::Failure(m) => crate::domain::text::one_line(m, MESSAGE_MAX),
            CliError::Damaged(e) => crate::domain::text::one_line(&e.to_string(), MESSAGE_MAX),
        }
    }
}

/// The one line a panic prints: its message and where, never a backtrace.
pub fn panic_message(payload: Option<&str>, location: Option<&std::panic::Location<'_>>) -> String {
    let what = payload.unwrap_or("a panic");
    match location {
        Some(at) => format!("internal error: {what} (at {}:{})", at.file(), at.line()),
        None => format!("internal error: {what}"),
    }
}

impl From<crate::config::ConfigError> for CliError {
    fn from(e: crate::config::ConfigError) -> Self {
        if e.is_bad_input() {
            CliError::Usage(e.to_string())
        } else {
            CliError::Failure(e.to_string())
        }
    }
}

impl From<DomainError> for CliError {
    fn from(e: DomainError) -> Self {
        CliError::Usage(e.to_string())
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NoSuchEntry(_)
            | StoreError::NoSuchFood(_)
            | StoreError::NameTaken(_)
            | StoreError::BadAmount(_) => CliError::Usage(e.to_string()),
            e if e.is_damage() => CliError::Damaged(Box::new(e)),
            other => CliError::Failure(other.to_string()),
        }
    }
}

impl From<crate::service::ServiceError> for CliError {
    fn from(e: crate::service::ServiceError) -> Self {
        use crate::service::ServiceError as E;
        match e {
            E::Store(e) => e.into(),
            E::Domain(e) => e.into(),
            other => CliError::Usage(other.to_string()),
        }
    }
}

impl From<crate::sources::SourceError> for CliError {
    fn from(e: crate::sources::SourceError) -> Self {
        CliError::Failure(e.to_string())
    }
}

/// Runs one subcommand.
pub fn run(command: Command, ctx: &Context) -> Result<(), CliError> {
    match run_one(command, ctx) {
        // A damaged page met on the way: the catalog is derived data, so marrow checks it and
        // rebuilds it when it is the damaged one; the diary is never "repaired", only named.
        Err(CliError::Damaged(e)) => match ctx.rebuild_catalog_if_damaged() {
            Ok(true) => Err(CliError::Failure(
                "the food catalog (catalog.db) was damaged; marrow rebuilt it from its own copy: run the \
                 command again"
                    .into(),
            )),
            _ => Err(check::named(CliError::Damaged(e), ctx)),
        },
        other => other,
    }
}

fn run_one(command: Command, ctx: &Context) -> Result<(), CliError> {
    match command {
        Command::Search(a) => search::run(a, ctx),
        Command::Top(a) => top::run(a, ctx),
        Command::Food(c) => food::run(c, ctx),
        Command::Log(c) => log::run(c, ctx),
        Command::Day(a) => day::run(a, ctx),
        Command::Profile(c) => profile::run(c, ctx),
        Command::Supplement(c) => supplement::run(c, ctx),
        Command::Lab(c) => lab::run(c, ctx),
        Command::Note(c) => note::run(c, ctx),
        Command::Symptom(c) => symptom::run(c, ctx),
        Command::Week(a) => week::run(a, ctx),
        Command::Review(a) => review::run(a, ctx),
        Command::Report(a) => report::run(a, ctx),
        Command::Suggest(a) => suggest::run(a, ctx),
        Command::Meal(c) => meal::run(c, ctx),
        Command::Recipe(c) => recipe::run(c, ctx),
        Command::Copy(a) => meal::copy(a, ctx),
        Command::Backup(a) => transfer::backup(a, ctx),
        Command::Check(a) => check::run(a, ctx),
        Command::Config(c) => shell::config(c, ctx),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man => shell::man(),
        Command::Export(a) => transfer::export(a, ctx),
        Command::Import(c) => import::run(c, ctx),
    }
}

/// Opens the full-screen app on today's date.
pub fn run_app(ctx: &Context) -> Result<(), CliError> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "the app needs a terminal; for scripts use the subcommands (marrow --help)".into(),
        ));
    }
    let open = || Ok::<_, CliError>(crate::tui::runtime::Runtime::new(ctx.diary()?, ctx.catalog()?)?);
    let runtime = open().map_err(|e| check::named(e, ctx))?;
    crate::tui::run(runtime, &ctx.config).map_err(|e| CliError::Failure(format!("terminal error: {e}")))
}

/// Prints a value as pretty JSON on stdout.
fn print_json(value: &serde_json::Value) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::Failure(e.to_string()))?;
    outln!("{text}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn messages_are_one_bounded_line_whatever_went_in() {
        let e = CliError::Usage(format!("can't read {}\n\u{1b}[2J: x", "d".repeat(200_000)));
        let m = e.message();
        assert!(m.chars().count() <= MESSAGE_MAX, "{} chars", m.chars().count());
        assert!(!m.chars().any(char::is_control), "{m:?}");
        assert!(m.ends_with("\\n\\u{1b}[2J: x"), "{m}");
    }

    #[test]
    fn a_panic_is_one_line() {
        let here = std::panic::Location::caller();
        let m = panic_message(Some("system time before Unix epoch"), Some(here));
        assert!(m.starts_with("internal error: system time before Unix epoch (at src/cli/mod.rs:"), "{m}");
        assert!(!m.contains('\n'));
        assert_eq!(panic_message(None, None), "internal error: a panic");
    }
}
