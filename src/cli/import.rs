//! `marrow import usda-sr28 DIR` rebuilds the catalog's own foods from an SR28 ASCII release;
//! `marrow import fdc DIR` adds USDA FoodData Central foods (Foundation, SR Legacy, Branded)
//! beside them, with a progress bar on a terminal; `marrow import cronometer|myfitnesspal FILE`
//! moves a history in from another food diary (`app_import.rs`).

use std::cell::Cell;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};

use super::{app_import, CliError, Context};
use crate::paths;
use crate::service::app_import::App;
use crate::sources::fdc::{self, DataType};
use crate::sources::sr28;
use crate::store::{secure_dir, BuildProgress, Catalog};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ImportCommand {
    /// Rebuild the catalog from the USDA SR28 ASCII files in DIR (FOOD_DES.txt, NUT_DATA.txt, ...)
    #[command(name = "usda-sr28")]
    UsdaSr28 {
        /// Directory holding the SR28 files
        dir: PathBuf,
    },
    /// Add USDA FoodData Central foods from the CSV files in DIR (food.csv, food_nutrient.csv,
    /// ...): Foundation, SR Legacy and Branded foods, as fdc:<fdc_id>. Re-importing replaces
    /// the FDC foods of the data types in DIR; diary and custom foods are never touched
    #[command(name = "fdc")]
    Fdc {
        /// Directory holding the FDC CSV files
        dir: PathBuf,
    },
    /// Restore entries, supplements, custom foods and saved meals from `marrow export` JSON
    Diary {
        /// The export file
        file: PathBuf,
        /// Add to a diary that already has entries (duplicates are not detected)
        #[arg(long)]
        merge: bool,
    },
    /// Add the entries of a Cronometer "servings" CSV export (Day, Time, Group, Food Name,
    /// Amount and nutrient columns), each with its figures as exported; all rows or none
    Cronometer {
        /// The servings export (servings.csv)
        file: PathBuf,
        /// Report what would be imported and write nothing
        #[arg(long)]
        dry_run: bool,
        /// Add even where the diary already holds entries imported from this app on those days
        #[arg(long)]
        merge: bool,
    },
    /// Add MyFitnessPal's nutrition export (one row per meal per day) as one entry per meal;
    /// its vitamin A, vitamin C, calcium and iron are percent of daily value and stay unknown
    #[command(name = "myfitnesspal")]
    MyFitnessPal {
        /// The Nutrition Summary CSV
        file: PathBuf,
        /// Report what would be imported and write nothing
        #[arg(long)]
        dry_run: bool,
        /// Add even where the diary already holds entries imported from this app on those days
        #[arg(long)]
        merge: bool,
    },
}

pub fn run(c: ImportCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        ImportCommand::UsdaSr28 { dir } => sr28(&dir, ctx),
        ImportCommand::Fdc { dir } => fdc(&dir, ctx),
        ImportCommand::Diary { file, merge } => super::transfer::import_diary(&file, merge, ctx),
        ImportCommand::Cronometer { file, dry_run, merge } => {
            app_import::run(App::Cronometer, &file, dry_run, merge, ctx)
        }
        ImportCommand::MyFitnessPal { file, dry_run, merge } => {
            app_import::run(App::MyFitnessPal, &file, dry_run, merge, ctx)
        }
    }
}

/// A release that could not be used, said with what it means for the catalog: everything is
/// read and checked before the catalog is touched.
fn refused(e: impl std::fmt::Display) -> CliError {
    CliError::Usage(format!("{e}; the catalog was left as it was"))
}

fn sr28(dir: &Path, ctx: &Context) -> Result<(), CliError> {
    check_dir(dir)?;
    let release = sr28::read_release(dir).map_err(refused)?;
    secure_dir(&ctx.data_dir)?;
    let catalog = Catalog::replace(&paths::catalog_path(&ctx.data_dir), &release.foods)?;
    let portions: usize = release.foods.iter().map(|f| f.portions.len()).sum();
    outln!("imported {} foods and {} portions from {}", catalog.len()?, portions, dir.display());
    if release.skipped_portions > 0 {
        outln!("skipped {} portions of 0 g or an amount of 0", release.skipped_portions);
    }
    Ok(())
}

fn fdc(dir: &Path, ctx: &Context) -> Result<(), CliError> {
    check_dir(dir)?;
    let bar = Bar::new(fdc::input_bytes(dir), "reading");
    // Everything is read and checked before the catalog is touched.
    let import = fdc::read_dir(dir, &mut |bytes| bar.inc(bytes)).map_err(|e| {
        bar.clear();
        refused(e)
    })?;
    bar.clear();
    if import.foods.is_empty() {
        return Err(refused(format_args!(
            "{} holds no Foundation, SR Legacy or Branded foods",
            dir.join("food.csv").display()
        )));
    }
    let count = |d: DataType| import.foods.iter().filter(|f| f.data_type == d).count();
    let counts: Vec<String> = DataType::ALL
        .into_iter()
        .filter(|d| import.data_types.contains(d))
        .map(|d| format!("{} {}", count(d), d.label().trim_start_matches("FDC ")))
        .collect();
    let portions: usize = import.foods.iter().map(|f| f.food.portions.len()).sum();
    let skipped = import.skipped;
    secure_dir(&ctx.data_dir)?;
    let bar = Bar::new(import.foods.len() as u64, "writing");
    let result = Catalog::import_fdc(&paths::catalog_path(&ctx.data_dir), import, || {}, &mut |p| match p {
        BuildProgress::Preparing => bar.spin("merging"),
        BuildProgress::Foods { done, total } => bar.set(done as u64, total as u64),
        BuildProgress::Indexing => bar.spin("indexing"),
    });
    bar.clear();
    let (_, summary) = result?;
    let kinds = if counts.is_empty() {
        "no Foundation, SR Legacy or Branded foods".into()
    } else {
        counts.join(", ")
    };
    outln!(
        "imported {} FDC foods ({kinds}) and {portions} portions from {}; replaced {} earlier FDC foods; \
         the catalog holds {} foods",
        summary.imported,
        dir.display(),
        summary.replaced,
        summary.total
    );
    if skipped > 0 {
        outln!("skipped {skipped} foods of other data types (survey, samples...) or without a name");
    }
    Ok(())
}

fn check_dir(dir: &Path) -> Result<(), CliError> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(CliError::Usage(format!("{} is not a directory", crate::domain::clip(&dir.to_string_lossy()))))
    }
}

/// A progress bar on stderr when it is a terminal; nothing otherwise.
struct Bar(Option<ProgressBar>, Cell<bool>);

impl Bar {
    fn new(len: u64, what: &'static str) -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(None, Cell::new(false));
        }
        let bar = ProgressBar::new(len);
        bar.set_style(bar_style());
        bar.set_message(what);
        Bar(Some(bar), Cell::new(false))
    }

    fn inc(&self, n: u64) {
        if let Some(b) = &self.0 {
            b.inc(n);
        }
    }

    fn set(&self, done: u64, total: u64) {
        if let Some(b) = &self.0 {
            if self.1.replace(false) {
                b.disable_steady_tick();
                b.set_style(bar_style());
                b.set_message("writing");
            }
            b.set_length(total);
            b.set_position(done);
        }
    }

    /// Switches to a spinner for a step of unknown length.
    fn spin(&self, what: &'static str) {
        if let Some(b) = &self.0 {
            b.set_style(
                ProgressStyle::with_template("{msg:>8} {spinner} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            b.set_message(what);
            b.enable_steady_tick(Duration::from_millis(120));
            self.1.set(true);
        }
    }

    fn clear(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template("{msg:>8} [{bar:40}] {percent:>3}%  {elapsed} (eta {eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}
