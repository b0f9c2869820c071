//! The trends pane: magnesium, calcium and vitamin D, one chart each, over the range the
//! trends key picks (daily values over 7 days or 4 weeks, weekly averages over 12 weeks,
//! monthly over 12 months). The figures are `PeriodStats`, as `marrow week` gives them. What
//! does not fit takes a smaller form: fewer labels, no axis, a shorter legend, then fewer
//! bar rows; only on a pane narrower than the bars are the oldest left out, and the title
//! says so.

mod chart;
pub mod prompt;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use self::chart::{Bar, Chart, Slots};
use super::theme::Theme;
use crate::domain::day::{DaySummary, BONE_NUTRIENTS};
use crate::domain::period::{NutrientStats, Period, PeriodStats};
use crate::domain::Nutrient;
use crate::present::period::{average_figure, of_logged};
use crate::present::{self, VitaminDUnit};
use crate::tui::state::{AppState, Focus, TrendRange};

pub struct TrendsPane<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
}

/// The bars of one nutrient and its figures over the whole range.
struct Series {
    nutrient: Nutrient,
    bars: Vec<Option<Bar>>,
    stats: NutrientStats,
}

/// Each bar's period and the range's figures, from the days the state holds.
fn series(s: &AppState) -> (Vec<Period>, Vec<Series>) {
    let range = s.trend_range;
    let periods = range.periods(s.date);
    let whole = PeriodStats::of(range.span(s.date), &s.trend);
    let bars: Vec<Vec<Option<Bar>>> = if range.daily() {
        let by_date: BTreeMap<NaiveDate, &DaySummary> = s.trend.iter().map(|d| (d.date, d)).collect();
        let day_bar = |p: &Period, n: Nutrient| {
            let d = by_date.get(&p.first).filter(|d| d.logged())?;
            Some(Bar { food: d.food(n), total: d.totals.get(n), lower_bound: d.partly_unknown(n) })
        };
        BONE_NUTRIENTS.iter().map(|n| periods.iter().map(|p| day_bar(p, *n)).collect()).collect()
    } else {
        let buckets = PeriodStats::each(&periods, &s.trend);
        let bucket_bar = |b: &PeriodStats, n: Nutrient| {
            let st = b.get(n);
            Some(Bar { food: st.food_average?, total: st.average?, lower_bound: st.lower_bound() })
        };
        BONE_NUTRIENTS.iter().map(|n| buckets.iter().map(|b| bucket_bar(b, *n)).collect()).collect()
    };
    let series = BONE_NUTRIENTS
        .iter()
        .zip(bars)
        .map(|(n, bars)| Series { nutrient: *n, bars, stats: whole.get(*n).clone() })
        .collect();
    (periods, series)
}

fn title(range: TrendRange, shown: usize, all: usize) -> String {
    let what = match range {
        TrendRange::Week => "Last 7 days",
        TrendRange::FourWeeks => "Last 4 weeks",
        TrendRange::Weeks => "12 weeks, by week",
        TrendRange::Months => "12 months, by month",
    };
    if shown < all {
        let unit = if range.daily() {
            "days"
        } else if range == TrendRange::Weeks {
            "weeks"
        } else {
            "months"
        };
        format!(" {what}: the last {shown} {unit} ")
    } else {
        format!(" {what} ")
    }
}

/// The first of `texts` that fits `width` columns (the last one when none does).
fn fitting(texts: &[String], width: usize) -> String {
    texts.iter().find(|t| t.chars().count() <= width).or(texts.last()).cloned().unwrap_or_default()
}

/// A chart's heading, as long as fits: its average over the range, the target and EAR lines'
/// values, and the logged days at target.
fn heading(s: &Series, logged: usize, d: VitaminDUnit, width: usize) -> String {
    let n = s.nutrient;
    let (long, short) = (n.info().name, n.info().short);
    let unit = present::unit(n, d);
    let avg = match s.stats.average {
        Some(_) => format!("avg {} {unit}", average_figure(&s.stats, false, d)),
        None => "no food logged".to_string(),
    };
    let num = |v: Option<f64>| v.map(|v| present::number(n, v, d));
    let lines_short =
        [num(s.stats.target).map(|t| format!("─{t}")), num(s.stats.ear).map(|e| format!("╌{e}"))];
    let lines_short = lines_short.into_iter().flatten().collect::<Vec<_>>().join(" ");
    let lines_long = [
        num(s.stats.target).map(|t| format!("─ target {t}")),
        num(s.stats.ear).map(|e| format!("╌ EAR {e}")),
    ];
    let lines_long = lines_long.into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let at =
        s.stats.target.filter(|_| logged > 0).map(|_| {
            format!("{} logged days at target", of_logged(s.stats.at_target.with_supplements, logged))
        });
    let bare = avg.replacen("avg ", "", 1);
    let mut texts = Vec::new();
    if let Some(at) = &at {
        texts.push(format!("{long}  {avg} · {lines_long} · {at}"));
    }
    texts.push(format!("{long}  {avg} · {lines_long}"));
    texts.push(format!("{short} {avg} {lines_short}"));
    texts.push(format!("{short} {bare} {lines_short}"));
    texts.push(format!("{short} {bare}"));
    fitting(&texts, width)
}

fn legend(width: usize) -> String {
    fitting(
        &[
            "█ food  ▒ supplements  ─ target  ╌ EAR  ≥ partly unknown (at least)  · no food logged".into(),
            "█ food ▒ supplements ≥ partly unknown · no food logged".into(),
            "█ food ▒ supplements ≥ at least · not logged".into(),
            "█food ▒supp ≥unknown ·no log".into(),
            "█food ▒supp".into(),
        ],
        width,
    )
}

/// Labels under the bars, each at its bar's slot when it does not run into the one before.
fn x_labels(range: TrendRange, periods: &[Period], slots: Slots, width: u16) -> String {
    let mut out = String::new();
    let wide = slots.slot >= 4;
    for (i, p) in periods.iter().enumerate() {
        let d = p.first;
        let text = match range {
            TrendRange::Week if slots.slot >= 3 => d.format("%a").to_string().chars().take(2).collect(),
            TrendRange::Week => d.format("%a").to_string().chars().take(1).collect(),
            TrendRange::FourWeeks => match (periods.len() - 1 - i) % 7 {
                0 => d.format("%-d").to_string(),
                _ => continue,
            },
            TrendRange::Weeks => {
                let new_month = i == 0 || periods[i - 1].first.month() != d.month();
                if !new_month {
                    continue;
                }
                d.format(if wide { "%b" } else { "%-d/%-m" }).to_string()
            }
            TrendRange::Months if wide => d.format("%b").to_string(),
            TrendRange::Months => d.format("%b").to_string().chars().take(1).collect(),
        };
        let x = usize::from(slots.x(i));
        let len = out.chars().count();
        if x < len + usize::from(!out.is_empty()) || x + text.chars().count() > usize::from(width) {
            continue;
        }
        out.push_str(&" ".repeat(x - len));
        out.push_str(&text);
    }
    out
}

/// How the pane's rows are shared: bar rows per chart, and whether a heading per chart, the
/// x labels and the legend fit.
#[derive(Debug, PartialEq, Eq)]
struct Rows {
    bars: u16,
    heading: bool,
    labels: bool,
    legend: bool,
}

fn rows(height: u16) -> Rows {
    let charts = BONE_NUTRIENTS.len() as u16;
    if height < 2 * charts {
        return Rows { bars: (height / charts).max(1), heading: false, labels: false, legend: false };
    }
    let legend = height > 3 * charts;
    let left = height - u16::from(legend);
    let mut bars = (left / charts).saturating_sub(1).clamp(1, 10);
    // The labels under the bars are worth a bar row once the charts have four.
    if left <= charts * (bars + 1) && bars > 3 {
        bars -= 1;
    }
    let labels = left > charts * (bars + 1);
    Rows { bars, heading: true, labels, legend }
}

impl Widget for TrendsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.state, self.theme);
        let d = super::vitamin_d(s);
        let keys = &s.keys;
        let hint = [
            keys.say(Focus::Log, "trends", " range"),
            keys.pair(Focus::Log, "week_back", "week_forward").map(|k| format!("{k} week")),
            keys.say(Focus::Log, "go_to_date", " date"),
        ];
        let hint = hint.into_iter().flatten().collect::<Vec<_>>().join(" · ");
        let inner = Block::default().borders(Borders::ALL).inner(area);
        let (periods, all) = series(s);
        let logged = PeriodStats::of(s.trend_range.span(s.date), &s.trend).coverage.logged;
        // Bars that fit, newest kept; the axis only where it leaves the bars their room.
        let width = inner.width;
        let n = periods.len().min(usize::from(width.max(1)));
        let axis = all
            .iter()
            .flat_map(|x| [x.stats.target, x.stats.ear].map(|v| v.map(|v| present::number(x.nutrient, v, d))))
            .flatten()
            .map(|l| l.chars().count() as u16 + 1)
            .max()
            .unwrap_or(0);
        let plain = Slots::fit(n, width, 0);
        let with_axis = Slots::fit(n, width, axis);
        let fits = usize::from(with_axis.slot) * n + usize::from(axis) <= usize::from(width);
        let slots = if fits && (with_axis.slot >= 2 || plain.slot < 2) { with_axis } else { plain };
        let periods = &periods[periods.len() - n..];
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border)
            .title(Span::styled(title(s.trend_range, n, all[0].bars.len()), t.title))
            .title_bottom(Span::styled(format!(" {hint} "), t.dim));
        block.render(area, buf);
        let layout = rows(inner.height);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        for x in &all {
            if y >= bottom {
                break;
            }
            if layout.heading {
                let text = heading(x, logged, d, usize::from(width));
                Paragraph::new(Line::styled(text, t.heading)).render(Rect { y, height: 1, ..inner }, buf);
                y += 1;
            }
            let h = layout.bars.min(bottom.saturating_sub(y));
            let bars = &x.bars[x.bars.len() - n..];
            let labels = (slots.axis > 0).then(|| {
                let num = |v: Option<f64>| v.map_or(String::new(), |v| present::number(x.nutrient, v, d));
                (num(x.stats.target), num(x.stats.ear))
            });
            Chart { bars, target: x.stats.target, ear: x.stats.ear, slots, theme: t, labels }
                .render(Rect { y, height: h, ..inner }, buf);
            y += h;
        }
        if layout.labels && y < bottom {
            let text = x_labels(s.trend_range, periods, slots, width);
            Paragraph::new(Line::styled(text, t.dim)).render(Rect { y, height: 1, ..inner }, buf);
            y += 1;
        }
        if layout.legend && y < bottom {
            let text = legend(usize::from(width));
            Paragraph::new(Line::styled(text, t.dim)).render(Rect { y, height: 1, ..inner }, buf);
        }
    }
}
