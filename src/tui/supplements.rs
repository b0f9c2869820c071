//! The supplements overlay (`p`): saved products logged again with one key, the shown day's
//! doses to remove, a small form to add a dose, and what the runtime says about each change.

use super::action::Action;
use super::app::{load_date, moved};
use super::effect::Effect;
use super::history;
use super::state::{AppState, DoseForm, Focus, StatusKind, SupplementOverlay, Undo};
use super::text::TextField;
use crate::domain::supplement::{parse_amount, NewSupplement, Supplement, SUPPLEMENT_NUTRIENTS};
use crate::domain::Nutrient;
use crate::domain::Product;
use crate::present;

/// The longest dose amount the form takes.
const INPUT_MAX: usize = 40;

/// "magnesium 200 mg (glycinate)", "vitamin D 25 µg" (or IU, as the config says).
fn describe_dose(state: &AppState, s: &Supplement) -> String {
    present::dose(s.nutrient, s.amount, s.form.as_deref(), present::vitamin_d_unit(state.vitamin_d_iu))
}

pub fn open(state: &mut AppState) -> Vec<Effect> {
    state.pills = Some(SupplementOverlay { products: Vec::new(), selected: 0, form: None });
    vec![Effect::LoadProducts]
}

pub fn products_loaded(state: &mut AppState, products: Vec<Product>) -> Vec<Effect> {
    if let Some(p) = state.pills.as_mut() {
        p.products = products;
    }
    clamp(state);
    vec![]
}

/// Keeps the selection on the list after products or doses changed.
pub fn clamp(state: &mut AppState) {
    let doses = state.supplements.len();
    if let Some(p) = state.pills.as_mut() {
        p.selected = p.selected.min((p.products.len() + doses).saturating_sub(1));
    }
}

/// What the selection points at: a saved product (index < products) or a dose.
enum Picked {
    Product(Product),
    Dose(Supplement),
    Nothing,
}

fn picked(state: &AppState) -> Picked {
    let Some(p) = state.pills.as_ref() else { return Picked::Nothing };
    match p.products.get(p.selected) {
        Some(product) => Picked::Product(product.clone()),
        None => match state.supplements.get(p.selected - p.products.len()) {
            Some(dose) => Picked::Dose(dose.clone()),
            None => Picked::Nothing,
        },
    }
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let doses = state.supplements.len();
    let Some(p) = state.pills.as_mut() else { return vec![] };
    if let Some(to) = moved(p.selected, p.products.len() + doses, &action) {
        p.selected = to;
        return vec![];
    }
    match action {
        Close => {
            state.pills = None;
            vec![]
        }
        AddDose => {
            p.form = Some(DoseForm {
                nutrient: Nutrient::Magnesium,
                input: TextField::new(INPUT_MAX),
                preview: None,
            });
            vec![]
        }
        Confirm => match picked(state) {
            Picked::Product(product) => vec![Effect::AddSupplement(NewSupplement {
                date: state.date,
                time: None,
                nutrient: product.nutrient,
                amount: product.amount,
                form: product.form,
                logged_at: String::new(),
            })],
            Picked::Dose(_) => {
                let logs = state.keys.say(Focus::Supplements, "confirm", " logs a saved product");
                let removes = state.keys.say(Focus::Supplements, "remove", " removes this dose");
                let text = [logs, removes].into_iter().flatten().collect::<Vec<_>>().join("; ");
                hint(state, &text)
            }
            Picked::Nothing => {
                let adds = state.keys.say(Focus::Supplements, "add", " adds a dose");
                hint(
                    state,
                    &["No saved products yet".to_string()]
                        .into_iter()
                        .chain(adds)
                        .collect::<Vec<_>>()
                        .join(": "),
                )
            }
        },
        DeleteEntry => match picked(state) {
            Picked::Dose(dose) => vec![Effect::RemoveSupplement { id: dose.id, undo: false }],
            _ => {
                let text = match state.keys.say(Focus::Supplements, "remove", " removes a dose") {
                    Some(removes) => format!("{removes}: pick one in the day's doses"),
                    None => "Pick a dose in the day's doses to remove it".to_string(),
                };
                hint(state, &text)
            }
        },
        Undo => history::undo(state),
        Redo => history::redo(state),
        _ => vec![],
    }
}

fn hint(state: &mut AppState, text: &str) -> Vec<Effect> {
    state.set_status(StatusKind::Hint, text);
    vec![]
}

/// The nutrients the add form cycles through: every supplement nutrient but vitamin A, whose
/// form (retinol or beta-carotene) the command line asks for (`supplement::check_form`).
pub const FORM_NUTRIENTS: [Nutrient; SUPPLEMENT_NUTRIENTS.len() - 1] = {
    let mut out = [Nutrient::Magnesium; SUPPLEMENT_NUTRIENTS.len() - 1];
    let (mut i, mut j) = (0, 0);
    while i < SUPPLEMENT_NUTRIENTS.len() {
        if !matches!(SUPPLEMENT_NUTRIENTS[i], Nutrient::VitaminA) {
            out[j] = SUPPLEMENT_NUTRIENTS[i];
            j += 1;
        }
        i += 1;
    }
    out
};

/// The add form: Tab/↑↓ choose the nutrient, the amount is typed, Enter logs it.
pub fn form(state: &mut AppState, action: Action) -> Vec<Effect> {
    use Action::*;
    let date = state.date;
    let Some(pills) = state.pills.as_mut() else { return vec![] };
    let Some(f) = pills.form.as_mut() else { return vec![] };
    match action {
        Close => {
            pills.form = None;
            return vec![];
        }
        NextNutrient | PrevNutrient => {
            let n = FORM_NUTRIENTS.len();
            let i = FORM_NUTRIENTS.iter().position(|x| *x == f.nutrient).unwrap_or(0);
            let step = if action == NextNutrient { 1 } else { n - 1 };
            f.nutrient = FORM_NUTRIENTS[(i + step) % n];
        }
        Type(_) | Backspace | Edit(_) => {
            if !f.input.apply(&action) {
                return vec![];
            }
        }
        Confirm => {
            return match parse_amount(f.nutrient, &f.input) {
                Ok(amount) => {
                    let nutrient = f.nutrient;
                    pills.form = None;
                    vec![Effect::AddSupplement(NewSupplement {
                        date,
                        time: None,
                        nutrient,
                        amount,
                        form: None,
                        logged_at: String::new(),
                    })]
                }
                Err(e) => {
                    state.set_status(StatusKind::Error, e.to_string());
                    vec![]
                }
            };
        }
        _ => return vec![],
    }
    f.preview =
        (!f.input.trim().is_empty()).then(|| parse_amount(f.nutrient, &f.input).map_err(|e| e.to_string()));
    vec![]
}

pub fn added(state: &mut AppState, dose: Supplement, undo: bool) -> Vec<Effect> {
    let what = describe_dose(state, &dose);
    if undo {
        state.set_status(StatusKind::Success, format!("{}: {what} is back", history::word(state)));
    } else {
        state.set_status(
            StatusKind::Success,
            format!(
                "Logged {what} on {}{}",
                dose.date.format("%a %-d %b"),
                state.keys.undo_note(Focus::Supplements)
            ),
        );
    }
    history::record(state, Undo::RemoveDose(dose.id), undo);
    load_date(state)
}

pub fn removed(state: &mut AppState, dose: Supplement, undo: bool) -> Vec<Effect> {
    let what = describe_dose(state, &dose);
    if undo {
        state.set_status(StatusKind::Success, format!("{}: removed {what}", history::word(state)));
    } else {
        state.set_status(
            StatusKind::Success,
            format!("Removed {what}{}", state.keys.undo_note(Focus::Supplements)),
        );
    }
    history::record(state, Undo::RestoreDose(dose), undo);
    load_date(state)
}
