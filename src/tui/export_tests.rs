//! `:export` against a real (temporary) diary: the file written as `marrow export` writes it,
//! and a file already there refused and left byte for byte.

use chrono::NaiveDate;

use super::super::action::Action;
use super::super::dispatch;
use super::super::runtime::Runtime;
use super::super::state::{AppState, StatusKind};
use crate::domain::day::new_entry;
use crate::domain::Meal;
use crate::store::{Catalog, Diary};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn command(s: &mut AppState, rt: &mut Runtime, line: &str) {
    dispatch(s, rt, Action::OpenDatePrompt);
    for c in line.chars() {
        dispatch(s, rt, Action::Type(c));
    }
    dispatch(s, rt, Action::Confirm);
}

#[test]
fn export_writes_a_new_file_and_never_overwrites_one() {
    let tmp = tempfile::tempdir().unwrap();
    let diary = Diary::open(&tmp.path().join("diary.db")).unwrap();
    let catalog = Catalog::open(&tmp.path().join("catalog.db"), || {}).unwrap();
    let mut rt = Runtime::new(diary, catalog).unwrap();
    let food = rt.catalog.food("12061").unwrap().unwrap();
    rt.diary.add_entry(&new_entry(&food, "30g", day(), Meal::Lunch, "t".into()).unwrap()).unwrap();
    let mut s = AppState::new(day(), Meal::Lunch, Default::default());
    s.home = Some(tmp.path().to_path_buf());

    command(&mut s, &mut rt, "export csv ~/diary.csv");
    let path = tmp.path().join("diary.csv");
    let status = s.status.clone().unwrap();
    assert_eq!(status.text, format!("exported the diary to {}", path.display()));
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with("date,time,meal,food_id,food_name"), "{csv}");
    assert!(csv.contains("2026-11-25") && csv.contains("Nuts, almonds"), "{csv}");

    std::fs::write(&path, "mine").unwrap();
    command(&mut s, &mut rt, "export json ~/diary.csv");
    let status = s.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert_eq!(status.text, format!("{} already exists; marrow never overwrites a file", path.display()));
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");

    command(&mut s, &mut rt, "export json ~/diary.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("diary.json")).unwrap()).unwrap();
    assert_eq!(json["entries"].as_array().map(Vec::len), Some(1));
}
