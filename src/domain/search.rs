//! Search ranking: turns a typed query into terms and orders candidate foods the way people
//! mean them (the everyday generic food first). Pure: the store finds candidates, this ranks.

use super::food::Food;

/// The words of a query: lower-case alphanumeric runs, at most 16 of at most 40 characters.
/// Everything else (quotes, operators, control characters, emoji) is a separator.
pub fn terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().take(40).collect::<String>())
        .take(16)
        .collect()
}

/// A word reduced to a rough singular, so "almonds" and "almond", "berries" and "berry" meet.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if w.len() > 4 {
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
        for suf in ["oes", "ches", "shes", "sses", "xes"] {
            if let Some(s) = w.strip_suffix(suf) {
                return format!("{s}{}", &suf[..suf.len() - 2]);
            }
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Words that mark a food as prepared, processed or otherwise not the plain everyday form.
const PREPARED: &[&str] = &[
    "prepared",
    "cooked",
    "roasted",
    "fried",
    "baked",
    "boiled",
    "canned",
    "frozen",
    "dried",
    "salted",
    "salt",
    "sweetened",
    "flavored",
    "glazed",
    "breaded",
    "stewed",
    "braised",
    "toasted",
    "blanched",
    "microwaved",
    "mix",
    "with",
    "imitation",
    "babyfood",
    "infant",
];

/// Food groups people rarely mean unless they say so.
const SPECIAL_GROUPS: &[&str] =
    &["Baby Foods", "Fast Foods", "Restaurant Foods", "Meals, Entrees, and Side Dishes"];

/// A candidate's score for the query terms: higher is better.
pub fn score(terms: &[String], food: &Food) -> f64 {
    let stems: Vec<String> = terms.iter().map(|t| stem(t)).collect();
    let segments: Vec<Vec<String>> = food
        .name
        .split(',')
        .map(|seg| seg.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(stem).collect())
        .collect();
    let common: Vec<String> =
        food.common_names.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(stem).collect();
    let mut score = 0.0;
    let mut matched_words = 0usize;
    let literal = |q: &str| food.name.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == q);
    for (typed, q) in terms.iter().zip(&stems) {
        // The word exactly as typed ("almonds", not just "almond") is a little closer.
        if literal(typed) {
            score += 1.0;
        }
        // The head noun (before the first comma) says what the food is.
        if segments.first().is_some_and(|head| head.iter().any(|w| w == q)) {
            score += 6.0;
        }
        let mut best: f64 = 0.0;
        for (si, seg) in segments.iter().enumerate() {
            for w in seg {
                let quality = if w == q {
                    10.0
                } else if w.starts_with(q.as_str()) {
                    4.0
                } else {
                    continue;
                };
                // Earlier segments name what the food is; later ones how it is prepared.
                best = best.max(quality - 1.5 * si.min(4) as f64);
            }
        }
        if common.iter().any(|w| w == q) {
            best = best.max(8.0);
        } else if common.iter().any(|w| w.starts_with(q.as_str())) {
            best = best.max(3.0);
        }
        if best > 0.0 {
            matched_words += 1;
        }
        score += best;
    }
    let name_words: usize = segments.iter().map(Vec::len).sum();
    // Each word the query did not ask for makes the food more specific than meant.
    score -= 0.8 * name_words.saturating_sub(matched_words) as f64;
    let asked = |w: &str| stems.iter().any(|q| w.starts_with(q.as_str()));
    let all_words = || segments.iter().flatten();
    if all_words().any(|w| w == "raw") && !asked("raw") {
        score += 2.5;
    }
    for w in all_words() {
        if PREPARED.contains(&w.as_str()) && !asked(w) {
            score -= 1.5;
        }
    }
    if SPECIAL_GROUPS.contains(&food.group.as_str())
        && !food.group.to_lowercase().split_whitespace().any(asked)
    {
        score -= 6.0;
    }
    if !food.manufacturer.is_empty() || has_brand(&food.name) {
        score -= 4.0;
    }
    score
}

/// USDA writes brand names in capitals ("CAMPBELL'S", "KELLOGG'S").
fn has_brand(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|w| {
        w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '\'') && w != "USDA" && w != "NFS"
    })
}

/// Orders candidates best first (ties: shorter name, then id) and keeps `limit`.
pub fn rank(terms: &[String], mut foods: Vec<Food>, limit: usize) -> Vec<Food> {
    let mut scored: Vec<(f64, Food)> = foods.drain(..).map(|f| (score(terms, &f), f)).collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(a.1.name.len().cmp(&b.1.name.len())).then_with(|| a.1.id.cmp(&b.1.id))
    });
    scored.into_iter().take(limit).map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_split_on_anything_not_a_word() {
        assert_eq!(terms("  \"almonds\" AND (raw)*"), vec!["almonds", "and", "raw"]);
        assert_eq!(terms("👍'; DROP TABLE foods;--"), vec!["drop", "table", "foods"]);
        assert!(terms("\u{0}\u{7}*^:").is_empty());
        assert_eq!(terms(&"a".repeat(10_000)).len(), 1);
    }

    #[test]
    fn stems_plurals() {
        assert_eq!(stem("almonds"), "almond");
        assert_eq!(stem("berries"), "berry");
        assert_eq!(stem("tomatoes"), "tomato");
        assert_eq!(stem("peaches"), "peach");
        assert_eq!(stem("hummus"), "hummus");
        assert_eq!(stem("grass"), "grass");
    }
}
