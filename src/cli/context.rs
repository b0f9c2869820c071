//! What every command runs in: the data directory, today's date and the clock, and the stores
//! opened on demand (a command opens the diary once and hands it to the service).

use std::cell::OnceCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::CliError;
use crate::config::{self, Config};
use crate::domain::date::parse_date;
use crate::domain::Meal;
use crate::paths;
use crate::service::Foods;
use crate::store::{secure_dir, Catalog, Diary};

pub struct Context {
    pub data_dir: PathBuf,
    pub config: Config,
    /// Read from the clock (and the time zone file) once, by the first command that asks.
    today: OnceCell<NaiveDate>,
}

impl Context {
    /// The context for this process: `--data-dir` or the default, the local date, and the
    /// config file (refused whole, with its line, when anything in it is wrong).
    pub fn new(data_dir: Option<PathBuf>) -> Result<Context, CliError> {
        let config = Config::load(config::path().as_deref()).map_err(CliError::from)?;
        Self::with_config(data_dir, config)
    }

    /// The context with a given config (commands that must work whatever the config says).
    pub fn with_config(data_dir: Option<PathBuf>, config: Config) -> Result<Context, CliError> {
        let data_dir = paths::data_dir(data_dir.as_deref()).map_err(CliError::Failure)?;
        Ok(Context { data_dir, config, today: OnceCell::new() })
    }

    /// Today's local date, the same for the whole command even across midnight.
    pub fn today(&self) -> NaiveDate {
        *self.today.get_or_init(|| crate::clock::now().date_naive())
    }

    /// The current local time, RFC 3339, for `logged_at`.
    pub fn now(&self) -> String {
        crate::clock::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    /// The meal that fits the current time of day.
    pub fn current_meal(&self) -> Meal {
        self.config.meal_at(crate::clock::now().time())
    }

    /// `--date` or today.
    pub fn date(&self, arg: Option<&str>) -> Result<NaiveDate, CliError> {
        match arg {
            Some(d) => Ok(parse_date(d, self.today())?),
            None => Ok(self.today()),
        }
    }

    /// The diary for a command that writes: created and upgraded when needed.
    pub fn diary(&self) -> Result<Diary, CliError> {
        secure_dir(&self.data_dir)?;
        let mut diary = Diary::open(&paths::diary_path(&self.data_dir))?;
        diary.set_target_overrides(self.config.target_overrides());
        diary.on_busy(waiting_note())?;
        Ok(diary)
    }

    /// The diary for a command that only reads: it takes no write lock and never waits for a
    /// writer, works on a diary marrow may not write, and creates nothing (no diary reads as
    /// an empty one). Only a diary that needs an upgrade is written, once.
    pub fn diary_for_reading(&self) -> Result<Diary, CliError> {
        let mut diary = Diary::open_for_reading(&paths::diary_path(&self.data_dir))?;
        diary.set_target_overrides(self.config.target_overrides());
        Ok(diary)
    }

    /// The catalog, built from the embedded asset on first use (with a note on a terminal).
    pub fn catalog(&self) -> Result<Catalog, CliError> {
        secure_dir(&self.data_dir)?;
        Ok(Catalog::open(&paths::catalog_path(&self.data_dir), || {
            if std::io::stderr().is_terminal() {
                eprintln!("marrow: building the food catalog (first run, or a new marrow)…");
            }
        })?)
    }

    /// Checks the catalog whole and rebuilds it when it is damaged (it is derived data, built
    /// from the asset marrow carries). Whether it was.
    pub fn rebuild_catalog_if_damaged(&self) -> Result<bool, CliError> {
        Ok(Catalog::rebuild_if_damaged(&paths::catalog_path(&self.data_dir))?)
    }

    /// The food resolver for a command that only reads the diary: it is never created, and
    /// opened read-only at most once, only when needed.
    pub fn foods<'a>(&self, catalog: &'a Catalog) -> Foods<'a> {
        Foods::read_only(catalog, paths::diary_path(&self.data_dir))
    }
}

/// How long a command waits for another process's write before giving up.
const WRITE_WAIT: Duration = Duration::from_secs(30);

/// Waits for another process's write in short steps, up to [`WRITE_WAIT`], and says once on
/// stderr that it waits when that takes longer than a second, so a command that seems to
/// hang says why.
fn waiting_note() -> impl FnMut(i32) -> bool + Send + 'static {
    let mut since: Option<Instant> = None;
    let mut said = false;
    move |_tries| {
        let waited = since.get_or_insert_with(Instant::now).elapsed();
        if waited >= WRITE_WAIT {
            return false;
        }
        if !said && waited >= Duration::from_secs(1) {
            eprintln!("marrow: waiting for another marrow to finish writing the diary…");
            said = true;
        }
        std::thread::sleep(Duration::from_millis(10));
        true
    }
}

/// A positive row id as the user typed it, or a usage error naming the command that lists them.
pub fn parse_id(text: &str, what: &str, listed_by: &str) -> Result<i64, CliError> {
    text.trim().parse().ok().filter(|i: &i64| *i > 0).ok_or_else(|| {
        CliError::Usage(format!("{:?} is not {what}: use a number from `{listed_by}`", short(text)))
    })
}

/// Long user text cut to fit one line of an error message.
pub use crate::domain::clip as short;
