//! `marrow report [--week | --month | --from D --to D] --format html|md`: the review as a
//! document to print or send to a clinician, on stdout. The figures are the review's, from the
//! same `Review` as `review --json`.

use super::review::{read, PeriodArgs};
use super::{CliError, Context};
use crate::present::{report_html, report_md};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML page with charts (nothing fetched)
    Html,
    /// Markdown tables
    Md,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[arg(long, value_enum)]
    pub format: Format,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let r = read(&a.period, ctx)?;
    let d = ctx.config.units.vitamin_d;
    let doc = match a.format {
        Format::Html => report_html::render(&r, d),
        Format::Md => report_md::render(&r, d),
    };
    out!("{doc}");
    Ok(())
}
