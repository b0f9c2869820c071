//! The command line's reading and completion, word by word.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn read(line: &str) -> Result<Command, String> {
    parse(line, day(2026, 11, 25), Some(Path::new("/home/ada")))
}

#[test]
fn goto_takes_a_date_today_or_yesterday_and_a_bare_date_goes_too() {
    assert_eq!(read("goto 2026-01-05"), Ok(Command::Goto(day(2026, 1, 5))));
    assert_eq!(read("  goto   yesterday "), Ok(Command::Goto(day(2026, 11, 24))));
    assert_eq!(read("goto today"), Ok(Command::Goto(day(2026, 11, 25))));
    assert_eq!(read("2026-03-14"), Ok(Command::Goto(day(2026, 3, 14))));
    assert_eq!(read("Yesterday"), Ok(Command::Goto(day(2026, 11, 24))));
    assert_eq!(read("goto"), Err("goto needs a date: YYYY-MM-DD, today or yesterday".into()));
    let bad = read("goto 2026-02-30").unwrap_err();
    assert!(bad.contains("2026-02-30"), "{bad}");
    assert!(read("goto today now").unwrap_err().contains("not also \"now\""));
    // A bare date that is no date says so, as goto would.
    assert_eq!(read("2026-02-30"), read("goto 2026-02-30"));
    assert!(read("2026-02-30").unwrap_err().contains("can't read the date"));
}

#[test]
fn the_other_verbs() {
    assert_eq!(read("suggest calcium"), Ok(Command::Suggest(Nutrient::Calcium)));
    assert_eq!(read("suggest vitamin-d"), Ok(Command::Suggest(Nutrient::VitaminD)));
    assert_eq!(read("suggest"), Ok(Command::Suggest(Nutrient::Magnesium)));
    assert_eq!(
        read("suggest kryptonite"),
        Err("unknown nutrient \"kryptonite\": e.g. magnesium, calcium, vitamin-d".into())
    );
    assert_eq!(read("review"), Ok(Command::Review { month: false }));
    assert_eq!(read("review week"), Ok(Command::Review { month: false }));
    assert_eq!(read("review Month"), Ok(Command::Review { month: true }));
    assert!(read("review year").unwrap_err().contains("week or month"));
    assert_eq!(read("q"), Ok(Command::Quit));
    assert_eq!(read("quit"), Ok(Command::Quit));
}

#[test]
fn export_expands_the_home_directory() {
    assert_eq!(
        read("export csv ~/diary.csv"),
        Ok(Command::Export { format: Format::Csv, path: PathBuf::from("/home/ada/diary.csv") })
    );
    assert_eq!(
        read("export JSON backup.json"),
        Ok(Command::Export { format: Format::Json, path: PathBuf::from("backup.json") })
    );
    assert_eq!(
        parse("export csv ~/d.csv", day(2026, 1, 1), None),
        Ok(Command::Export { format: Format::Csv, path: PathBuf::from("~/d.csv") })
    );
    assert!(read("export csv").unwrap_err().contains("export csv ~/diary.csv"));
    assert!(read("export xls a.xls").unwrap_err().contains("csv or json"));
}

#[test]
fn unknown_and_empty_lines_say_what_there_is() {
    assert_eq!(
        read("frobnicate"),
        Err("unknown command \"frobnicate\": use goto, suggest, review, export, recipe, meal, food, product or quit".into())
    );
    assert!(read("   ").unwrap_err().starts_with("type a command"));
}

#[test]
fn tab_completes_verbs_and_arguments() {
    let c = complete("go");
    assert_eq!(c, Completion { line: "goto ".into(), candidates: vec![] });
    assert_eq!(complete("goto y").line, "goto yesterday ");
    assert_eq!(complete("review m").line, "review month ");
    assert_eq!(complete("export c").line, "export csv ");
    assert_eq!(complete("suggest calc").line, "suggest calcium ");
    let many = complete("");
    assert_eq!(many.line, "");
    assert_eq!(many.candidates.len(), VERBS.len());
    let vit = complete("suggest vitamin-");
    assert!(vit.candidates.len() > 1 && vit.line == "suggest vitamin-", "{vit:?}");
    assert_eq!(complete("nonsense").candidates, Vec::<String>::new());
    assert_eq!(complete("nonsense").line, "nonsense");
}

#[test]
fn recipe_takes_the_rest_of_the_line_as_its_name_or_none() {
    assert_eq!(read("recipe  chili night "), Ok(Command::Recipe(Some("chili night".into()))));
    assert_eq!(read("Recipe"), Ok(Command::Recipe(None)));
    assert!(verbs_said().contains("recipe"));
}

#[test]
fn saved_things_are_removed_and_renamed_by_name() {
    use crate::store::Saved;
    assert_eq!(
        read("meal rm usual breakfast"),
        Ok(Command::Saved { kind: Saved::Meal, change: Change::Remove("usual breakfast".into()) })
    );
    assert_eq!(
        read("food rename Grandma's rye to rye bread"),
        Ok(Command::Saved {
            kind: Saved::CustomFood,
            change: Change::Rename("Grandma's rye".into(), "rye bread".into())
        })
    );
    assert_eq!(
        read("product rename Mg to Mg glycinate"),
        Ok(Command::Saved {
            kind: Saved::Product,
            change: Change::Rename("Mg".into(), "Mg glycinate".into())
        })
    );
    assert!(read("meal rename usual").unwrap_err().contains("rename OLD to NEW"));
    assert!(read("meal").unwrap_err().contains("rm NAME"));
    assert!(read("meal frob x").unwrap_err().contains("rm NAME"));
}
