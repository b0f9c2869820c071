//! One trend chart drawn into the buffer: a bar per day or per bucket, the food part in full
//! blocks and the supplement part shaded above it, the target (─) and the EAR (╌) as lines
//! across, `≥` over a bar whose value is partly unknown (a lower bound), and `·` on the
//! baseline of a day or bucket with no food logged: a gap, never a bar of zero.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::ui::theme::Theme;

const LEVELS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
pub const FOOD: &str = "█";
pub const SUPPLEMENT: &str = "▒";
pub const TARGET: &str = "─";
pub const EAR: &str = "╌";
pub const LOWER_BOUND: &str = "≥";
pub const GAP: &str = "·";

/// One bar: what food gave, and food with supplements (both in the nutrient's own unit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub food: f64,
    pub total: f64,
    /// Some food item had no value: the true amount is at least `total`.
    pub lower_bound: bool,
}

/// Where bars go: how wide a slot is, and the bar within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slots {
    /// Columns of axis labels, left of the lines.
    pub axis: u16,
    /// Columns left of the first slot (the axis and half the columns left over).
    pub left: u16,
    pub slot: u16,
    pub bar: u16,
}

impl Slots {
    /// Slots for `n` bars in `width` columns, after `left` columns of axis: at least one
    /// column each (the caller shows no more bars than fit), a blank between bars when
    /// there is room, bars at most 4 wide; the columns left over split either side.
    pub fn fit(n: usize, width: u16, left: u16) -> Slots {
        let n = u16::try_from(n.max(1)).unwrap_or(u16::MAX);
        let slot = (width.saturating_sub(left) / n).max(1);
        let bar = if slot >= 2 { (slot - 1).min(4) } else { 1 };
        let spare = width.saturating_sub(left).saturating_sub(slot.saturating_mul(n) - (slot - bar));
        Slots { axis: left, left: left + spare / 2, slot, bar }
    }

    pub fn x(&self, i: usize) -> u16 {
        self.left + self.slot * u16::try_from(i).unwrap_or(u16::MAX)
    }
}

/// A chart of `bars` with its lines; `labels` are the axis texts at the target and the EAR.
pub struct Chart<'a> {
    pub bars: &'a [Option<Bar>],
    pub target: Option<f64>,
    pub ear: Option<f64>,
    pub slots: Slots,
    pub theme: &'a Theme,
    /// (target, EAR) as the axis shows them, when there is an axis.
    pub labels: Option<(String, String)>,
}

impl Chart<'_> {
    /// The value at the top of the chart: the highest bar or a fifth above the target.
    fn top(&self) -> f64 {
        let high = self.bars.iter().flatten().map(|b| b.total).fold(0.0, f64::max);
        let line = self.target.or(self.ear).map_or(0.0, |t| t * 1.2);
        let top = high.max(line);
        if top > 0.0 {
            top
        } else {
            1.0
        }
    }

    /// Eighths of a cell that `v` fills, from the bottom.
    fn eighths(&self, v: f64, rows: u16) -> u32 {
        ((v / self.top()).clamp(0.0, 1.0) * f64::from(rows) * 8.0).round() as u32
    }

    /// The row (from the bottom) a line at `v` is drawn in.
    fn row_of(&self, v: f64, rows: u16) -> u16 {
        (((v / self.top()) * f64::from(rows)).floor() as u16).min(rows.saturating_sub(1))
    }

    /// The rows of the target and EAR lines: the EAR a row lower when both fall in one row
    /// and there is a row below, so that both show.
    fn line_rows(&self, rows: u16) -> (Option<u16>, Option<u16>) {
        let target = self.target.map(|v| self.row_of(v, rows));
        let ear = self.ear.map(|v| self.row_of(v, rows));
        match (target, ear) {
            (Some(t), Some(e)) if e == t && e > 0 => (target, Some(e - 1)),
            _ => (target, ear),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let rows = area.height;
        if rows == 0 || area.width == 0 {
            return;
        }
        let t = self.theme;
        let right = area.x + area.width;
        let put = |buf: &mut Buffer, x: u16, row: u16, s: &str, style: Style| {
            if x >= area.x && x < right && row < rows {
                buf[(x, area.y + rows - 1 - row)].set_symbol(s).set_style(style);
            }
        };
        // The lines first, across the whole width; the bars are drawn over them.
        let (target_row, ear_row) = self.line_rows(rows);
        for (row, symbol, style) in [(ear_row, EAR, t.warn), (target_row, TARGET, t.good)] {
            let Some(row) = row else { continue };
            for x in area.x + self.slots.axis..right {
                put(buf, x, row, symbol, style);
            }
        }
        if let Some((target, ear)) = &self.labels {
            let width = usize::from(self.slots.axis.saturating_sub(1));
            for (row, text, style) in [(ear_row, ear, t.warn), (target_row, target, t.good)] {
                let Some(row) = row else { continue };
                let label = format!("{text:>width$}┤");
                for (i, c) in label.chars().enumerate() {
                    let x = area.x + u16::try_from(i).unwrap_or(u16::MAX);
                    put(buf, x, row, &c.to_string(), style);
                }
            }
        }
        for (i, bar) in self.bars.iter().enumerate() {
            let x0 = area.x + self.slots.x(i);
            for x in x0..x0 + self.slots.bar {
                match bar {
                    None => {
                        if x == x0 {
                            put(buf, x, 0, GAP, t.dim);
                        }
                    }
                    Some(b) => self.bar_column(buf, &put, x, x == x0, b, rows),
                }
            }
        }
    }

    fn bar_column(
        &self,
        buf: &mut Buffer,
        put: &dyn Fn(&mut Buffer, u16, u16, &str, Style),
        x: u16,
        first: bool,
        b: &Bar,
        rows: u16,
    ) {
        let t = self.theme;
        let style = match (self.target, self.ear) {
            (Some(target), _) if b.total >= target => t.good,
            (_, Some(ear)) if b.total >= ear => t.warn,
            (None, None) => t.text,
            _ => t.bad,
        };
        let total = self.eighths(b.total, rows);
        let food = self.eighths(b.food, rows);
        let mut top = 0;
        if b.total > b.food && total > food {
            // Whole cells: food below, supplements above (at least one cell of them).
            let food_cells = (food + 4) / 8;
            let cells = ((total + 4) / 8).max(food_cells + 1).min(u32::from(rows));
            for r in 0..cells {
                let row = u16::try_from(r).unwrap_or(u16::MAX);
                put(buf, x, row, if r < food_cells { FOOD } else { SUPPLEMENT }, style);
            }
            top = cells;
        } else {
            for r in 0..u32::from(rows) {
                let lo = r * 8;
                let row = u16::try_from(r).unwrap_or(u16::MAX);
                if total >= lo + 8 {
                    put(buf, x, row, FOOD, style);
                    top = r + 1;
                } else if total > lo {
                    put(buf, x, row, LEVELS[(total - lo - 1) as usize], style);
                    top = r + 1;
                }
            }
        }
        if b.lower_bound && first {
            let row = u16::try_from(top.min(u32::from(rows) - 1)).unwrap_or(0);
            put(buf, x, row, LOWER_BOUND, t.unknown);
        }
    }
}
