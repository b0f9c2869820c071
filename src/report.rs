//! A warning's headline for one line of the app. The day's report and the gap suggestions
//! that lived here are the service's now ([`crate::service`]); their names stay importable
//! from here while the faces move over.

use crate::domain::warnings::Warning;
pub use crate::service::day::DayReport;
pub use crate::service::suggest::GapSuggestions;

/// A warning's first statement without its source, for one line of the app: "Total calcium
/// 2600 mg is above the 2500 mg upper limit". The full message stays in `Warning::message`.
pub fn warning_headline(w: &Warning) -> String {
    let m = w.message.as_str();
    let end = ["; ", ". ", ": "].iter().filter_map(|sep| m.find(sep)).min().unwrap_or(m.len());
    let mut head = m[..end].trim_end_matches('.').trim().to_string();
    // A closing parenthesis that names a source, not a figure, goes.
    if head.ends_with(')') {
        if let Some(open) = head.rfind(" (") {
            if !head[open..].chars().any(|c| c.is_ascii_digit()) {
                head.truncate(open);
            }
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(message: &str) -> String {
        warning_headline(&Warning { code: "x", message: message.into() })
    }

    #[test]
    fn headlines_keep_the_figures_and_drop_the_source() {
        assert_eq!(
            headline("Supplemental magnesium 400 mg is above the 350 mg upper limit for supplements (Dietary Reference Intakes); food magnesium does not count toward it. Educational, not medical advice."),
            "Supplemental magnesium 400 mg is above the 350 mg upper limit for supplements"
        );
        assert_eq!(
            headline("Total calcium 2600 mg is above the 2500 mg upper limit (Dietary Reference Intakes)."),
            "Total calcium 2600 mg is above the 2500 mg upper limit"
        );
        assert_eq!(
            headline("A single calcium dose of 600 mg is above 500 mg; absorption falls with larger doses (NIH ODS), so splitting it helps."),
            "A single calcium dose of 600 mg is above 500 mg"
        );
        assert_eq!(
            headline("Vitamin D supplements while the 7-day magnesium average (250 mg) is below its average requirement (265 mg): the enzymes that activate vitamin D need magnesium."),
            "Vitamin D supplements while the 7-day magnesium average (250 mg) is below its average requirement (265 mg)"
        );
    }
}
