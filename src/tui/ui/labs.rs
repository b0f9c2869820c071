//! The lab view: for each kind recorded, its values over time in one unit (nmol/L, mmol/L,
//! pg/mL) with a bar, how each reads, and beside it the average intake of its nutrient over
//! the 90 days before with a bar against the target. The words are `present::labs`'s.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::frame;
use super::log::cell;
use super::review::{scrolled, wrap, Kind};
use super::theme::Theme;
use crate::domain::labs::LabKind;
use crate::present::labs as words;
use crate::present::VitaminDUnit;
use crate::service::labs::{LabLine, INTAKE_DAYS};
use crate::tui::keymap::Keymap;
use crate::tui::state::LabsOverlay as State;

/// The inside width the lines are counted at for scrolling: an 80-column terminal's.
pub const NARROW: usize = 74;
/// The narrowest width that has room for the bars.
const WITH_BARS: usize = 70;
const LAB_BAR: usize = 10;
const INTAKE_BAR: usize = 6;
/// The reading column: "inadequate for bone health" fits.
const READING_W: usize = 26;

pub struct LabsOverlay<'a> {
    pub overlay: &'a State,
    pub keys: &'a Keymap,
    pub theme: &'a Theme,
    pub d: VitaminDUnit,
}

/// `frac` of `width` cells filled, the rest dotted.
fn bar(frac: f64, width: usize) -> String {
    let full = ((frac.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(full), "·".repeat(width - full))
}

/// The top of a kind's bar in its first unit: room above the highest band or value.
fn scale(kind: LabKind, values: &[f64]) -> f64 {
    let floor = match kind {
        LabKind::VitaminD => 150.0,
        LabKind::Magnesium => 1.2,
        LabKind::Calcium => 3.0,
        LabKind::Pth => 100.0,
    };
    values.iter().fold(floor, |m, v| m.max(*v * 1.1))
}

/// Every line of the view at `width` columns, each with what it is (for its style).
pub fn lines(o: &State, d: VitaminDUnit, width: usize) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    let mut say = |kind: Kind, text: &str, indent: usize| {
        out.extend(wrap(text, width, indent).into_iter().map(|l| (kind, l)));
    };
    let Some(found) = &o.found else { return out };
    if found.is_empty() {
        say(Kind::Dim, &format!("No lab values recorded up to {}.", o.upto), 0);
        say(Kind::Dim, "Record one with: marrow lab add 25ohd 18 ng/mL --date YYYY-MM-DD", 0);
    }
    let bars = width >= WITH_BARS;
    for kind in LabKind::ALL {
        let of_kind: Vec<&LabLine> = found.iter().filter(|l| l.lab.lab.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let base = kind.units()[0];
        let intake = match kind.nutrient() {
            Some(n) => format!("{} a day, {INTAKE_DAYS} days before", crate::present::labs::nutrient_name(n)),
            None => String::new(),
        };
        let head = format!("{} ({})", words::kind_name(kind), base.key());
        say(Kind::Heading, &format!("{head:<38}{intake}"), 0);
        let values: Vec<f64> = of_kind.iter().map(|l| l.lab.lab.base_value()).collect();
        let top = scale(kind, &values);
        for (line, v) in of_kind.iter().zip(&values) {
            let lab = &line.lab.lab;
            let reading = cell(words::reading_short(line.reading), READING_W);
            let mut row = format!("{} {:>6}", lab.date, words::number(*v, base));
            if bars {
                row.push_str(&format!(" {}", bar(v / top, LAB_BAR)));
            }
            row.push_str(&format!("  {reading:<READING_W$}"));
            if let Some(s) = &line.intake {
                row.push_str(&format!("{:>10}", words::intake_short(line, d)));
                if let (true, Some(avg), Some(t)) = (bars, s.average, s.target.filter(|t| *t > 0.0)) {
                    row.push_str(&format!(" {}", bar(avg / t, INTAKE_BAR)));
                }
            }
            say(Kind::Text, row.trim_end(), 0);
        }
        let entered: Vec<String> =
            of_kind.iter().filter(|l| l.lab.lab.unit != base).map(|l| words::value(&l.lab.lab)).collect();
        if !entered.is_empty() {
            say(Kind::Dim, &format!("  as entered: {}", entered.join("; ")), 4);
        }
    }
    if !found.is_empty() {
        say(Kind::Dim, words::BARS_NOTE, 2);
        for n in words::notes(found) {
            say(Kind::Dim, &n, 2);
        }
    }
    say(Kind::Dim, words::NOT_ADVICE, 0);
    out
}

impl Widget for LabsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (o, t) = (self.overlay, self.theme);
        let title = Line::styled(format!(" Lab values up to {} ", o.upto), t.title);
        let inner = frame::overlay(area, buf, t, title, self.keys.labs_hint());
        if o.found.is_none() {
            Paragraph::new(Line::styled("Reading the diary…", t.dim)).render(inner, buf);
            return;
        }
        scrolled(&lines(o, self.d, inner.width as usize), o.scroll, inner, buf, t);
    }
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_fill_their_share_and_never_overflow() {
        assert_eq!(bar(0.5, 4), "██··");
        assert_eq!(bar(3.0, 4), "████");
        assert_eq!(bar(-1.0, 4), "····");
    }
}
