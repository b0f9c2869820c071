//! What an import says it wrote: every kind of record, counted in words.

use super::amount::plural;
use crate::store::Restored;

/// "1 entry, 1 supplement dose, 0 custom foods, 0 saved meals, 1 lab value, 1 note and 2 symptom
/// scores".
pub fn imported(done: &Restored) -> String {
    let parts = [
        plural(done.entries, "entry", "entries"),
        plural(done.supplements, "supplement dose", "supplement doses"),
        plural(done.custom_foods, "custom food", "custom foods"),
        plural(done.meals, "saved meal", "saved meals"),
        plural(done.labs, "lab value", "lab values"),
        plural(done.notes, "note", "notes"),
        plural(done.symptoms, "symptom score", "symptom scores"),
    ];
    let (last, rest) = parts.split_last().expect("seven parts");
    format!("{} and {last}", rest.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_counted_in_words() {
        let done = Restored { entries: 1, supplements: 2, labs: 1, symptoms: 2, ..Restored::default() };
        assert_eq!(
            imported(&done),
            "1 entry, 2 supplement doses, 0 custom foods, 0 saved meals, 1 lab value, 0 notes and 2 symptom scores"
        );
    }
}
