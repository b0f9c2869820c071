//! `marrow profile set|show`: who the user is, and the targets that follow.

use clap::Subcommand;

use super::{json, print_json, CliError, Context, DISCLAIMER};
use crate::domain::date::parse_date;
use crate::domain::nutrient::NUTRIENTS;
use crate::domain::targets::{age_on, parse_age, SOURCE};
use crate::domain::{Profile, ProfileError, Sex};
use crate::present::{self, VitaminDUnit};
use crate::service::{record, ServiceError};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ProfileCommand {
    /// Set sex, age and life stage (unset fields keep their current values)
    Set {
        /// female or male
        #[arg(long)]
        sex: Option<String>,
        /// Age in years, or in months under one year ("9m")
        #[arg(long, conflicts_with = "born")]
        age: Option<String>,
        /// Date of birth, YYYY-MM-DD (the age follows it)
        #[arg(long)]
        born: Option<String>,
        /// Pregnant
        #[arg(long, conflicts_with_all = ["lactating", "neither"])]
        pregnant: bool,
        /// Lactating
        #[arg(long, conflicts_with = "neither")]
        lactating: bool,
        /// Neither pregnant nor lactating
        #[arg(long)]
        neither: bool,
        /// Body weight in kg (protein target 0.8 g/kg)
        #[arg(long)]
        weight: Option<String>,
    },
    /// Show the profile and its targets
    Show {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(c: ProfileCommand, ctx: &Context) -> Result<(), CliError> {
    match c {
        ProfileCommand::Set { sex, age, born, pregnant, lactating, neither, weight } => {
            // Everything given is read first; it is then merged into the profile as the diary
            // holds it at the moment of writing, so that fields set at the same time all land.
            let sex = sex
                .map(|s| {
                    Sex::parse(&s).ok_or_else(|| {
                        CliError::Usage(format!(
                            "unknown sex {:?}: use female or male",
                            super::context::short(&s)
                        ))
                    })
                })
                .transpose()?;
            let mut years = age
                .map(|a| {
                    parse_age(&a).ok_or_else(|| {
                        CliError::Usage(format!(
                            "can't read the age {:?}: use whole years from 0 to 130, or months under one year (\"9m\")",
                            super::context::short(&a)
                        ))
                    })
                })
                .transpose()?;
            if let Some(b) = born {
                let today = ctx.today();
                years = Some(age_on(parse_date(&b, today)?, today).ok_or_else(|| {
                    CliError::Usage(format!(
                        "the birth date {:?} gives no age from 0 to 130",
                        super::context::short(&b)
                    ))
                })?);
            }
            let weight = weight
                .map(|w| {
                    w.trim().parse::<f64>().ok().ok_or_else(|| {
                        CliError::Usage(format!(
                            "can't read the weight {:?}: use kilograms, e.g. 68.5",
                            super::context::short(&w)
                        ))
                    })
                })
                .transpose()?;
            let change = |p: &mut Profile| {
                if let Some(s) = sex {
                    p.sex = s;
                }
                if let Some((a, months)) = years {
                    p.age = a;
                    p.age_months = months;
                }
                if weight.is_some() {
                    p.weight_kg = weight;
                }
                if p.sex == Sex::Male && !(pregnant || lactating) {
                    // A profile changed to male carries no pregnancy over.
                    p.pregnant = false;
                    p.lactating = false;
                }
                if pregnant || lactating || neither {
                    p.pregnant = pregnant;
                    p.lactating = lactating;
                }
            };
            let p = record::change_profile(&mut ctx.diary()?, &ctx.now(), change).map_err(|e| match e {
                ServiceError::Profile(ProfileError::NotFemale) => {
                    CliError::Usage("--pregnant and --lactating apply to --sex female".into())
                }
                other => other.into(),
            })?;
            print_profile(&p, ctx.config.units.vitamin_d);
            Ok(())
        }
        ProfileCommand::Show { json: as_json } => {
            let p = ctx.diary_for_reading()?.profile()?;
            if as_json {
                return print_json(&json::profile(&p));
            }
            print_profile(&p, ctx.config.units.vitamin_d);
            Ok(())
        }
    }
}

fn print_profile(p: &Profile, d: VitaminDUnit) {
    let state = if p.lactating {
        ", lactating"
    } else if p.pregnant {
        ", pregnant"
    } else {
        ""
    };
    let age = match p.age_months {
        Some(m) => format!("{m} month{}", if m == 1 { "" } else { "s" }),
        None => p.age.to_string(),
    };
    outln!("{}, {age}{state}: life stage {}", p.sex.as_str(), p.life_stage().label);
    if p.default {
        outln!("(default profile: set yours with `marrow profile set --sex female|male --age N`)");
    }
    let (t, ear, ul) = (p.targets(), p.ear(), p.ul());
    let rows: Vec<Vec<String>> = NUTRIENTS
        .iter()
        .filter(|i| t.get(i.nutrient).is_some())
        .map(|i| {
            let f =
                |v: Option<f64>| v.map(|v| present::amount(i.nutrient, v, d)).unwrap_or_else(|| "-".into());
            vec![i.name.to_string(), f(t.get(i.nutrient)), f(ear.get(i.nutrient)), f(ul.get(i.nutrient))]
        })
        .collect();
    outln!();
    out!("{}", super::table::render(&["nutrient", "target", "EAR", "UL"], &rows, 1));
    outln!("\n{}\n{}", present::SOURCE_LIMITED_ULS, present::VEGETARIAN_IRON_NOTE);
    outln!("Source: {SOURCE}.\n{DISCLAIMER}");
}
