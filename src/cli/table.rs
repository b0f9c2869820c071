//! Plain-text output: aligned columns for people reading a terminal (the figures in them come
//! from `present`).

use unicode_width::UnicodeWidthStr;

use crate::present::safe;

/// Cuts `s` to at most `width` columns, ending with "…" when cut.
pub fn fit(s: &str, width: usize) -> String {
    let s: &str = &safe(s);
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Renders rows as columns: text columns left-aligned, the rest right-aligned.
pub fn render(header: &[&str], rows: &[Vec<String>], left: usize) -> String {
    // Text from the diary may hold control characters: shown, never run by the terminal.
    let rows: Vec<Vec<String>> =
        rows.iter().map(|r| r.iter().map(|c| safe(c).into_owned()).collect()).collect();
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.width());
            if i > 0 {
                s.push_str("  ");
            }
            if i < left {
                s.push_str(c);
                if i + 1 < cols {
                    s.push_str(&" ".repeat(pad));
                }
            } else {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    for r in &rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}
