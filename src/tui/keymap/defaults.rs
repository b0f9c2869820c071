//! marrow's default bindings, one row per action and context: what `marrow config default`
//! prints, what the help lists, and what the config's `[keys]` table changes.

use super::{Binding, Cond, Context, Seq};
use crate::domain::Meal;
use crate::tui::action::{Action, TextEdit};

/// (context, name, keys as the config writes them ("g g" is a sequence), condition, action,
/// help).
type Row = (Context, &'static str, &'static [&'static str], Cond, Action, &'static str);

fn rows() -> Vec<Row> {
    use Action::*;
    use Cond::{Always, EmptyQuery};
    use Context::*;
    let edit = Action::Edit;
    vec![
        (Log, "down", &["j", "Down"], Always, SelectNext, "next entry"),
        (Log, "up", &["k", "Up"], Always, SelectPrev, "previous entry"),
        (Log, "page_down", &["PgDn"], Always, PageDown, "a page down"),
        (Log, "page_up", &["PgUp"], Always, PageUp, "a page up"),
        (Log, "top", &["g g", "Home"], Always, ListTop, "first entry"),
        (Log, "bottom", &["G", "End"], Always, ListBottom, "last entry"),
        (Log, "prev_day", &["h", "Left"], Always, PrevDay, "previous day"),
        (Log, "next_day", &["l", "Right"], Always, NextDay, "next day"),
        (Log, "today", &["t"], Always, Today, "back to today"),
        (
            Log,
            "search",
            &["/", "a"],
            Always,
            OpenSearch,
            "add food: search (empty query: recent foods, browse)",
        ),
        (Log, "edit", &["e"], Always, EditAmount, "edit the selected entry's amount"),
        (Log, "move", &["m"], Always, MoveEntry, "move the selected entry to another meal"),
        (Log, "remove", &["d", "Delete"], Always, DeleteEntry, "remove the selected entry"),
        (Log, "undo", &["u"], Always, Undo, "undo the last change (entries, meals, supplements)"),
        (Log, "redo", &["ctrl-r"], Always, Redo, "redo what undo took back"),
        (
            Log,
            "meal",
            &["Tab", "BackTab"],
            Always,
            CycleMeal,
            "pick the meal new entries go to (else the clock's)",
        ),
        (Log, "pin", &["+"], Always, CyclePinned, "pin another nutrient to the gauges (again: the next)"),
        (Log, "trends", &["w"], Always, ToggleTrendRange, "trends: 7 days, 4 weeks, 12 weeks, 12 months"),
        (Log, "week_back", &["["], Always, WeekBack, "a week back"),
        (Log, "week_forward", &["]"], Always, WeekForward, "a week forward"),
        (
            Log,
            "go_to_date",
            &[":"],
            Always,
            OpenDatePrompt,
            "commands: goto, suggest, review, export, recipe, quit",
        ),
        (
            Log,
            "supplements",
            &["p"],
            Always,
            OpenSupplements,
            "supplements: saved products and the day's doses",
        ),
        (Log, "suggest", &["x"], Always, OpenSuggestions, "suggestions to close the gap (Mg, Ca, D)"),
        (Log, "review", &["R"], Always, OpenReview, "review the week or month: averages, foods, change"),
        (Log, "labs", &["L"], Always, OpenLabs, "lab values over time beside the intake before them"),
        (
            Log,
            "cofactors",
            &["B"],
            Always,
            OpenCofactors,
            "bone co-factors: protein, vitamin K, sodium, caffeine",
        ),
        (Log, "save_meal", &["s"], Always, SaveMeal, "save the selected entry's meal under a name"),
        (Log, "saved_meals", &["r"], Always, OpenSavedMeals, "log a saved meal to the current meal"),
        (
            Log,
            "recipe_from_meal",
            &["c"],
            Always,
            RecipeFromMeal,
            "make a recipe of the selected entry's meal",
        ),
        (
            Log,
            "copy_yesterday",
            &["y"],
            Always,
            CopyYesterday,
            "copy yesterday's meal (the selected one's, else current)",
        ),
        (Log, "note", &["n"], Always, OpenNote, "add a note to the day"),
        (Log, "symptom", &["o"], Always, OpenSymptom, "score a symptom 0-10 on the day (cramps 6)"),
        (
            Log,
            "symptom_view",
            &["v"],
            Always,
            OpenSymptomView,
            "a symptom's scores beside magnesium and supplement starts",
        ),
        (Log, "help", &["?"], Always, OpenHelp, "this help"),
        (Log, "quit", &["q"], Always, Quit, "quit"),
        (Global, "quit", &["ctrl-c"], Always, Quit, "quit, from anywhere"),
        (Search, "sort", &["ctrl-s"], Always, CycleSort, "browse order: Mg, Ca, D per 100 g"),
        (Search, "browse_sort", &["s"], EmptyQuery, CycleSort, "the same, on an empty query"),
        (Search, "group", &["ctrl-g"], Always, PickGroup, "browse one food group"),
        (Search, "browse_group", &["g"], EmptyQuery, PickGroup, "the same, on an empty query"),
        (
            Search,
            "basis",
            &["Left", "Right"],
            EmptyQuery,
            CycleBasis,
            "on an empty query: per 100 g, serving, 100 kcal",
        ),
        (Search, "meal", &["Tab", "BackTab"], Always, CycleMeal, "the meal the food goes to"),
        (Text, "left", &["Left", "ctrl-b"], Always, edit(TextEdit::Left), "cursor left"),
        (Text, "right", &["Right", "ctrl-f"], Always, edit(TextEdit::Right), "cursor right"),
        (Text, "home", &["Home", "ctrl-a"], Always, edit(TextEdit::Home), "to the start"),
        (Text, "end", &["End", "ctrl-e"], Always, edit(TextEdit::End), "to the end"),
        (Text, "word_left", &["alt-b"], Always, edit(TextEdit::WordLeft), "a word left"),
        (Text, "word_right", &["alt-f"], Always, edit(TextEdit::WordRight), "a word right"),
        (Text, "backspace", &["Backspace"], Always, Backspace, "delete before the cursor"),
        (Text, "delete", &["Delete", "ctrl-d"], Always, edit(TextEdit::Delete), "delete under the cursor"),
        (Text, "kill_start", &["ctrl-u"], Always, edit(TextEdit::KillStart), "delete to the start"),
        (Text, "kill_end", &["ctrl-k"], Always, edit(TextEdit::KillEnd), "delete to the end"),
        (
            Text,
            "kill_word",
            &["ctrl-w", "alt-Backspace"],
            Always,
            edit(TextEdit::KillWord),
            "delete the word before",
        ),
        (Text, "confirm", &["Enter"], Always, Confirm, "choose the food / log the amount / save"),
        (Text, "close", &["Esc"], Always, Close, "close without changes"),
        (List, "down", &["Down"], Always, ListDown, "next row"),
        (List, "up", &["Up"], Always, ListUp, "previous row"),
        (List, "page_down", &["PgDn"], Always, PageDown, "a page down"),
        (List, "page_up", &["PgUp"], Always, PageUp, "a page up"),
        (List, "confirm", &["Enter"], Always, Confirm, "choose the row"),
        (List, "close", &["Esc"], Always, Close, "close without changes"),
        (Browse, "down", &["j"], Always, ListDown, "next row"),
        (Browse, "up", &["k"], Always, ListUp, "previous row"),
        (Browse, "top", &["g", "Home"], Always, ListTop, "first row"),
        (Browse, "bottom", &["G", "End"], Always, ListBottom, "last row"),
        (Amount, "meal", &["Tab", "BackTab"], Always, CycleMeal, "the meal the entry goes to"),
        (Dose, "next_nutrient", &["Tab", "Down"], Always, NextNutrient, "next nutrient"),
        (Dose, "prev_nutrient", &["BackTab", "Up"], Always, PrevNutrient, "previous nutrient"),
        (Supplements, "add", &["a"], Always, AddDose, "add a dose by hand"),
        (Supplements, "remove", &["d", "Delete"], Always, DeleteEntry, "remove the selected dose"),
        (Supplements, "undo", &["u"], Always, Undo, "undo the last change"),
        (Supplements, "redo", &["ctrl-r"], Always, Redo, "redo what undo took back"),
        (Supplements, "supplements", &["p"], Always, Close, "close"),
        (Suggest, "next_nutrient", &["Tab", "Right"], Always, NextNutrient, "next nutrient"),
        (Suggest, "prev_nutrient", &["BackTab", "Left"], Always, PrevNutrient, "previous nutrient"),
        (Suggest, "suggest", &["x"], Always, Close, "close"),
        (Review, "period", &["Tab", "BackTab"], Always, ToggleReviewPeriod, "the week or the 30 days"),
        (Review, "review", &["R", "q"], Always, Close, "close"),
        (Labs, "labs", &["L", "q"], Always, Close, "close"),
        (Cofactors, "cofactors", &["B", "q"], Always, Close, "close"),
        (Meals, "meal", &["Tab", "BackTab"], Always, CycleMeal, "the meal it goes to"),
        (Meals, "saved_meals", &["r"], Always, Close, "close"),
        (Journal, "complete", &["Tab"], Always, Complete, "complete the symptom's name"),
        (Command, "complete", &["Tab"], Always, Complete, "complete the command or its argument"),
        (Symptoms, "next_nutrient", &["Tab"], Always, NextNutrient, "magnesium, calcium, vitamin D"),
        (Symptoms, "prev_nutrient", &["BackTab"], Always, PrevNutrient, "the nutrient before"),
        (Symptoms, "next_symptom", &["l", "Right"], Always, NextDay, "the next symptom"),
        (Symptoms, "prev_symptom", &["h", "Left"], Always, PrevDay, "the symptom before"),
        (Symptoms, "symptom_view", &["v", "q"], Always, Close, "close"),
        (Move, "breakfast", &["b"], Always, PickMeal(Meal::Breakfast), "to breakfast"),
        (Move, "lunch", &["l"], Always, PickMeal(Meal::Lunch), "to lunch"),
        (Move, "dinner", &["d"], Always, PickMeal(Meal::Dinner), "to dinner"),
        (Move, "snack", &["s"], Always, PickMeal(Meal::Snack), "to snack"),
        (Help, "down", &["j", "Down"], Always, ListDown, "scroll down"),
        (Help, "up", &["k", "Up"], Always, ListUp, "scroll up"),
        (Help, "page_down", &["PgDn"], Always, PageDown, "a page down"),
        (Help, "page_up", &["PgUp"], Always, PageUp, "a page up"),
        (Help, "top", &["g", "Home"], Always, ListTop, "to the top"),
        (Help, "bottom", &["G", "End"], Always, ListBottom, "to the bottom"),
        (Help, "close", &["Esc", "Enter", "q"], Always, Close, "close the help"),
        (Help, "help", &["?"], Always, Close, "close the help"),
    ]
}

/// The default bindings. Every key name here parses (a test holds it to that).
pub fn bindings() -> Vec<Binding> {
    rows()
        .into_iter()
        .map(|(context, name, keys, cond, action, help)| Binding {
            context,
            name,
            keys: keys.iter().filter_map(|k| Seq::parse(k).ok()).collect(),
            cond,
            action,
            help,
        })
        .collect()
}

/// Every key name in the defaults, as written (for the test that they all parse).
#[cfg(test)]
pub fn key_names() -> Vec<&'static str> {
    rows().iter().flat_map(|r| r.2.iter().flat_map(|k| k.split_whitespace())).collect()
}
