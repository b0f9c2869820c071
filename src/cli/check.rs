//! `marrow check`: reads the whole diary, as opening it no longer does, and prints "ok" or
//! what SQLite's check finds wrong (exit 1). Also where a command's damage, met on whichever
//! page it read, is named as the diary's refusal.

use super::{CliError, Context};
use crate::paths;
use crate::store::{name_damage, Diary, StoreError};

#[derive(Debug, clap::Args)]
pub struct Args {}

/// `marrow check`: never writes the diary, and creates nothing.
pub fn run(_: Args, ctx: &Context) -> Result<(), CliError> {
    let path = paths::diary_path(&ctx.data_dir);
    let problems = Diary::problems(&path)?;
    if problems.is_empty() {
        outln!("ok");
        return Ok(());
    }
    for problem in &problems {
        outln!("{problem}");
    }
    let detail = match problems.len() {
        1 => problems[0].clone(),
        n => format!("{n} problems, the first: {}", problems[0]),
    };
    Err(StoreError::Corrupt { path, detail }.into())
}

/// A failure said plainly: damage SQLite reported while the command ran becomes the diary's
/// refusal (or the catalog's), with the diary's path.
pub fn named(e: CliError, ctx: &Context) -> CliError {
    match e {
        CliError::Damaged(e) => {
            let (diary, catalog) = (paths::diary_path(&ctx.data_dir), paths::catalog_path(&ctx.data_dir));
            CliError::Failure(name_damage(*e, &diary, Some(&catalog)).to_string())
        }
        other => other,
    }
}
