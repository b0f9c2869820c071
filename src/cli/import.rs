//! `marrow import usda-sr28 DIR`: rebuilds the catalog from an SR28 ASCII release.

use std::path::PathBuf;

use clap::Subcommand;

use super::{CliError, Context};
use crate::catalog::sr28;
use crate::paths;
use crate::store::{secure_dir, Catalog};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Rebuild the catalog from the USDA SR28 ASCII files in DIR (FOOD_DES.txt, NUT_DATA.txt, ...)
    #[command(name = "usda-sr28")]
    UsdaSr28 {
        /// Directory holding the SR28 files
        dir: PathBuf,
    },
}

pub fn run(c: ImportCommand, ctx: &Context) -> Result<(), CliError> {
    let ImportCommand::UsdaSr28 { dir } = c;
    if !dir.is_dir() {
        return Err(CliError::Usage(format!("{} is not a directory", dir.display())));
    }
    let foods = sr28::read_dir(&dir).map_err(|e| CliError::Usage(e.to_string()))?;
    secure_dir(&ctx.data_dir)?;
    let catalog = Catalog::replace(&paths::catalog_path(&ctx.data_dir), &foods)?;
    let portions: usize = foods.iter().map(|f| f.portions.len()).sum();
    println!("imported {} foods and {} portions from {}", catalog.len()?, portions, dir.display());
    Ok(())
}
