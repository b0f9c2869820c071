//! `marrow search QUERY... [--limit N] [--json]`: foods by words, best first.

use std::io::Write;

use super::{json, print_json, table, CliError, Context};
use crate::domain::day::BONE_NUTRIENTS;
use crate::domain::search::before_eating;
use crate::present::text::safe;
use crate::present::{self, mark, NOT_AS_EATEN_LEGEND};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to look for, in any order ("pumpkin seeds", "almond")
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// How many results to show
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
    /// Print JSON: [{"id","name","group","per_100g":{...}}]
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, ctx: &Context) -> Result<(), CliError> {
    let catalog = ctx.catalog()?;
    let hits = ctx.foods(&catalog).search(&a.query.join(" "), a.limit as usize)?;
    if a.json {
        return print_json(&serde_json::Value::Array(hits.iter().map(json::food).collect()));
    }
    if hits.is_empty() {
        let _ =
            writeln!(std::io::stderr(), "no food matches {:?}", super::context::short(&a.query.join(" ")));
        return Ok(());
    }
    let d = ctx.config.units.vitamin_d;
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|f| {
            // The full name: two foods that begin alike must not look alike.
            // Names from a forged cache or an import are shown, never obeyed, by the terminal.
            let mut r = vec![
                safe(&f.id).into_owned(),
                format!("{}{}", mark(f), safe(&f.name)),
                table::fit(&safe(&f.group), 28),
            ];
            r.extend(BONE_NUTRIENTS.iter().map(|n| present::figure(*n, f.per_100g.get(*n), d)));
            r
        })
        .collect();
    let heads = BONE_NUTRIENTS.map(|n| present::column_head(n, d));
    let header: Vec<&str> =
        ["id", "food", "group"].into_iter().chain(heads.iter().map(String::as_str)).collect();
    out!("{}", table::render(&header, &rows, 3));
    outln!("per 100 g; ? = unknown");
    if hits.iter().any(before_eating) {
        outln!("{NOT_AS_EATEN_LEGEND}");
    }
    Ok(())
}
