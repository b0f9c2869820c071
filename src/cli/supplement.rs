//! `marrow supplement add|list|rm`: supplement doses, elemental, with their own upper limits.

use chrono::NaiveTime;
use clap::Subcommand;

use super::{json, print_json, CliError, Context};
use crate::domain::sane::user_text;
use crate::domain::supplement::{self, NewSupplement, Supplement};
use crate::present::{self, safe, VitaminDUnit};
use crate::service::record;
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SupplementCommand {
    /// Log a dose: marrow supplement add magnesium "200 mg" --form glycinate
    Add {
        /// magnesium, calcium, vitamin-d, zinc, vitamin-c, vitamin-k, potassium, iron, folate,
        /// folic-acid, vitamin-b12, vitamin-a (--form retinol or beta-carotene), vitamin-e,
        /// copper, manganese, selenium, vitamin-k2 or caffeine
        nutrient: String,
        /// Elemental amount as US labels print it: 200 mg, 25 µg (or ug), 1000 IU, 1 g
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// The salt, e.g. glycinate, citrate, oxide, carbonate
        #[arg(long)]
        form: Option<String>,
        /// AMOUNT is the weight of the salt named by --form, not the element
        #[arg(long, requires = "form")]
        compound: bool,
        /// Also save it as a product to log again (in the app: one key)
        #[arg(long, value_name = "NAME")]
        save: Option<String>,
        /// YYYY-MM-DD [default: today]
        #[arg(long)]
        date: Option<String>,
        /// HH:MM
        #[arg(long)]
        time: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List a day's doses
    List {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remove a dose by its id
    Rm { id: String },
    /// Saved products: list, rename, rm
    #[command(subcommand)]
    Product(super::saved::SavedCommand),
}

pub fn run(c: SupplementCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        SupplementCommand::Product(c) => super::saved::run(crate::store::Saved::Product, c, ctx),
        SupplementCommand::Add { nutrient, amount, form, compound, save, date, time, json: as_json } => {
            let nutrient = supplement::parse_nutrient(&nutrient)?;
            let date = ctx.date(date.as_deref())?;
            let time = time
                .map(|t| {
                    NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| {
                        CliError::Usage(format!(
                            "can't read the time {:?}: use HH:MM, e.g. 08:30",
                            super::context::short(&t)
                        ))
                    })
                })
                .transpose()?;
            // Both are kept and shown again: refused whole with a control character in them.
            let form = form.map(|f| kept_text(&f, "--form")).transpose()?;
            supplement::check_form(nutrient, form.as_deref())?;
            let save = save.map(|n| kept_text(&n, "--save")).transpose()?;
            let given = supplement::parse_amount(nutrient, &amount)?;
            let elemental = match (&form, compound) {
                (Some(f), true) => supplement::elemental(nutrient, f, given)?,
                _ => given,
            };
            let new = NewSupplement {
                date,
                time,
                nutrient,
                amount: elemental,
                form: form.clone(),
                logged_at: ctx.now(),
            };
            let dose = record::add_supplement(&mut ctx.diary()?, new, save.as_deref(), &ctx.now())?;
            if as_json {
                return print_json(&json::supplement(&dose));
            }
            outln!("logged #{}: {} on {}", dose.id, describe(&dose, ctx.config.units.vitamin_d), dose.date);
            if let Some(note) =
                form.as_deref().filter(|_| compound).and_then(|f| supplement::elemental_note(nutrient, f))
            {
                outln!("  {note}");
            }
            Ok(())
        }
        SupplementCommand::List { date, json: as_json } => {
            let date = ctx.date(date.as_deref())?;
            // A dose that cannot be read is named on stderr; the rest of the day is listed.
            let read = ctx.diary_for_reading()?.read_supplements(Some(date), Some(date))?;
            super::transfer::warn_unreadable(&read.unreadable, "left as it is");
            let doses = read.rows;
            if as_json {
                return print_json(&serde_json::Value::Array(doses.iter().map(json::supplement).collect()));
            }
            if doses.is_empty() {
                outln!("no supplements on {date}");
            } else {
                out!("{}", table(&doses, ctx.config.units.vitamin_d));
            }
            Ok(())
        }
        SupplementCommand::Rm { id } => {
            let id = super::context::parse_id(&id, "a supplement id", "marrow supplement list")?;
            let mut diary = ctx.diary()?;
            let dose = match diary.remove_supplement(id) {
                Err(StoreError::NoSuchEntry(_)) => return Err(StoreError::NoSuchEntry(id).into()),
                // A row marrow cannot read is removed as it is, since it was asked for by id.
                Err(e) => match diary.remove_unreadable_supplement(id)? {
                    Some(odd) => {
                        outln!("removed #{id}, which could not be read ({})", odd.why);
                        return Ok(());
                    }
                    None => return Err(e.into()),
                },
                Ok(dose) => dose,
            };
            outln!("removed #{}: {}", dose.id, describe(&dose, ctx.config.units.vitamin_d));
            Ok(())
        }
    }
}

/// A form or product name as it is kept (`sane::user_text`), or one line saying why not.
fn kept_text(text: &str, flag: &str) -> Result<String, CliError> {
    user_text(text, 100).map_err(|e| CliError::Usage(format!("{flag} {e}")))
}

/// "magnesium 200 mg (glycinate) at 08:30".
fn describe(s: &Supplement, d: VitaminDUnit) -> String {
    let time = s.time.map(|t| format!(" at {}", t.format("%H:%M"))).unwrap_or_default();
    let form = s.form.as_deref().map(safe);
    format!("{}{time}", present::dose(s.nutrient, s.amount, form.as_deref(), d))
}

/// Doses as an aligned table.
pub fn table(doses: &[Supplement], d: VitaminDUnit) -> String {
    let rows: Vec<Vec<String>> = doses
        .iter()
        .map(|s| {
            vec![
                format!("#{}", s.id),
                s.time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
                s.nutrient.info().name.to_string(),
                s.form.as_deref().map(safe).unwrap_or_default().into_owned(),
                present::amount(s.nutrient, s.amount, d),
            ]
        })
        .collect();
    super::table::render(&["supplement", "time", "nutrient", "form", "elemental"], &rows, 4)
}
