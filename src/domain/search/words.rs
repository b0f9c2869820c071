//! The words of a query: splitting typed text into terms, a rough singular, and the edit
//! distance typo correction allows.

/// The words of a query: lower-case alphanumeric runs, at most 16 of at most 40 characters.
/// Everything else (quotes, operators, control characters, emoji) is a separator.
/// A number followed by "%" keeps it ("2%"), for the qualifiers USDA spells out in words; a
/// possessive "'s" is no word of its own ("goat's milk" is "goat milk").
pub fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = query;
    while out.len() < 16 {
        let Some(start) = rest.find(char::is_alphanumeric) else { break };
        let possessive = rest[..start].ends_with(['\'', '\u{2019}']) && !out.is_empty();
        rest = &rest[start..];
        let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let mut word: String = rest[..end].to_lowercase().chars().take(40).collect();
        if rest[end..].starts_with('%') && word.chars().all(|c| c.is_ascii_digit()) {
            word.push('%');
        }
        if !(possessive && word == "s") {
            out.push(word);
        }
        rest = &rest[end..];
    }
    out
}

/// A word reduced to a rough singular, so "almonds" and "almond", "berries" and "berry" meet.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if w.chars().count() > 4 {
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
        for suf in ["oes", "ches", "shes", "sses", "xes"] {
            if let Some(s) = w.strip_suffix(suf) {
                return format!("{s}{}", &suf[..suf.len() - 2]);
            }
        }
    }
    if w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// How many typos a word of this length may carry: none under 4 letters, one up to 7, two
/// beyond.
pub fn allowed_edits(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether `a` and `b` are within `max` edits (insert, delete, substitute, swap neighbours).
pub fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Optimal string alignment distance, abandoning rows that exceed `max`.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        if cur.iter().min().copied().unwrap_or(0) > max {
            return false;
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()] <= max
}

/// The single words adjacent query words may spell together ("soy milk" -> "soymilk", "chick
/// peas" -> "chickpeas"), for the store to look up in the catalog's vocabulary.
pub fn joined_pairs(words: &[String]) -> Vec<(usize, String)> {
    words.windows(2).enumerate().map(|(i, pair)| (i, format!("{}{}", pair[0], pair[1]))).collect()
}
