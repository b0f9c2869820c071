//! `marrow import cronometer FILE` and `marrow import myfitnesspal FILE`: the export is read and
//! checked whole, then imported in one transaction or, with `--dry-run`, only described.

use std::path::Path;

use super::{CliError, Context};
use crate::present::plural;
use crate::service::app_import::{self, App, AppImportFailure};
use crate::sources::app_csv::{AppExport, Caveat};

pub fn run(app: App, file: &Path, dry_run: bool, merge: bool, ctx: &Context) -> Result<(), CliError> {
    // Read and checked before the diary is opened: a refused file leaves it as it was.
    let export = app_import::read(app, file).map_err(|e| match e {
        AppImportFailure::Read { .. } => CliError::Usage(e.to_string()),
        _ => CliError::Usage(format!("{e}; nothing was imported")),
    })?;
    if dry_run {
        describe(&export, file);
        outln!("dry run: nothing was written");
        return Ok(());
    }
    let config = &ctx.config;
    let entries = app_import::import(&mut ctx.diary()?, &export, &|t| config.meal_at(t), &ctx.now(), merge)
        .map_err(|e| match e {
            AppImportFailure::Store(e) => CliError::from(e),
            AppImportFailure::AlreadyImported { .. } => CliError::Usage(format!(
                "{e}: importing again would count them twice; nothing was imported (pass --merge to add them anyway)"
            )),
            other => CliError::Usage(other.to_string()),
        })?;
    let (_, _, days) = export.days();
    outln!(
        "imported {} on {} from {}",
        plural(entries.len(), "entry", "entries"),
        plural(days, "day", "days"),
        file.display()
    );
    for line in caveats(&export) {
        outln!("{line}");
    }
    Ok(())
}

/// What would be imported: the rows, their days, the nutrients found and the columns not read.
fn describe(x: &AppExport, file: &Path) {
    let (first, last, days) = x.days();
    let span = match (first, last) {
        (Some(f), Some(l)) if f != l => format!(", {f} to {l}"),
        (Some(f), _) => format!(", {f}"),
        _ => String::new(),
    };
    outln!(
        "{} {} would import {} on {}{span}",
        x.app,
        file.display(),
        plural(x.rows.len(), "entry", "entries"),
        plural(days, "day", "days")
    );
    let found: Vec<String> = x.found.iter().map(|n| n.info().name.to_string()).collect();
    outln!("nutrients found: {}", if found.is_empty() { "none".into() } else { found.join(", ") });
    for (column, why) in &x.unknown {
        outln!("left unknown: {column:?} ({})", reason(*why));
    }
    if !x.ignored.is_empty() {
        outln!("columns not read: {}", x.ignored.join(", "));
    }
    for line in caveats(x) {
        outln!("{line}");
    }
}

/// Why a column is read as unknown, in a few words.
fn reason(c: Caveat) -> &'static str {
    match c {
        Caveat::VitaminAInIu => "IU of vitamin A can't be converted to µg RAE without knowing the source",
        Caveat::Omega3NotSplit => "one omega-3 figure is not split into ALA, EPA and DHA",
        Caveat::PercentDailyValue => "percent of daily value, not an amount",
        Caveat::VitaminDFromIu | Caveat::WeightUnknown => "",
    }
}

/// The notes that hold for the whole import.
fn caveats(x: &AppExport) -> Vec<String> {
    let mut lines = Vec::new();
    if x.caveats.contains(&Caveat::VitaminDFromIu) {
        lines.push("vitamin D was given in IU and is kept in µg (40 IU = 1 µg)".to_string());
    }
    if x.caveats.contains(&Caveat::VitaminAInIu) {
        lines.push("vitamin A was given in IU only: it is left unknown".to_string());
    }
    if x.caveats.contains(&Caveat::PercentDailyValue) {
        lines.push(
            "vitamin A, vitamin C, calcium and iron are percent of daily value in this export: they are left unknown"
                .to_string(),
        );
    }
    if x.caveats.contains(&Caveat::WeightUnknown) {
        lines.push(
            "rows without a weight keep their figures as exported, on a nominal weight of 100 g or more"
                .to_string(),
        );
    }
    lines
}
