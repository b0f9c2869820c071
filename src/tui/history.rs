//! Undo and redo. A change's inverse goes on the undo stack; undoing it runs the inverse's
//! effects and, when the result comes back, puts the inverse of that on the redo stack. Redo
//! runs those effects the same way (the same store calls as undo), so a redo can be undone.

use super::effect::Effect;
use super::state::{AppState, Redoing, StatusKind, Undo};

/// The effects that apply a step: the same for undo and for redo.
fn effects(step: Undo) -> Vec<Effect> {
    match step {
        Undo::Remove(id) => vec![Effect::RemoveEntry { id, undo: true }],
        Undo::Restore(e) => vec![Effect::RestoreEntry(e)],
        Undo::Revert(before) => vec![
            Effect::UpdateAmount {
                id: before.id,
                grams: before.grams,
                quantity: before.quantity.clone(),
                undo: true,
            },
            Effect::MoveEntry { id: before.id, meal: before.meal, undo: true },
        ],
        Undo::RemoveMany(ids) => vec![Effect::RemoveEntries { ids, undo: true }],
        Undo::RestoreMany(entries) => entries.into_iter().map(Effect::RestoreEntry).collect(),
        Undo::RemoveDose(id) => vec![Effect::RemoveSupplement { id, undo: true }],
        Undo::RestoreDose(dose) => vec![Effect::RestoreSupplement(dose)],
    }
}

/// Takes back the last change: entries, batches of entries and supplement doses alike.
pub fn undo(state: &mut AppState) -> Vec<Effect> {
    state.redoing = None;
    match state.undo.pop() {
        Some(step) => effects(step),
        None => {
            state.set_status(StatusKind::Hint, "Nothing to undo");
            vec![]
        }
    }
}

/// Applies again what the last undo took back.
pub fn redo(state: &mut AppState) -> Vec<Effect> {
    let Some(step) = state.redo.pop() else {
        state.set_status(StatusKind::Hint, "Nothing to redo");
        return vec![];
    };
    let left = match &step {
        Undo::RestoreMany(entries) => entries.len(),
        _ => 1,
    };
    state.redoing = Some(Redoing { left, ids: Vec::new() });
    effects(step)
}

/// "Undone" or "Redone", for the status of a result that came back with `undo` set.
pub fn word(state: &AppState) -> &'static str {
    if state.redoing.is_some() {
        "Redone"
    } else {
        "Undone"
    }
}

/// Records how to take back a change that just landed. `undo` says the change came from undo
/// or redo (the effects are the same); the runtime's flag, passed through.
pub fn record(state: &mut AppState, inverse: Undo, undo: bool) {
    if !undo {
        state.undo.push(inverse);
        state.redo.clear();
        return;
    }
    let Some(r) = state.redoing.as_mut() else {
        if !matches!(&inverse, Undo::RestoreMany(e) if e.is_empty()) {
            state.redo.push(inverse);
        }
        return;
    };
    r.left = r.left.saturating_sub(1);
    match inverse {
        // A batch comes back one entry at a time: one undo step for all of it.
        Undo::Remove(id) if !r.ids.is_empty() || r.left > 0 => {
            r.ids.push(id);
            if r.left == 0 {
                let ids = std::mem::take(&mut r.ids);
                state.undo.push(Undo::RemoveMany(ids));
                state.redoing = None;
            }
        }
        step => {
            state.undo.push(step);
            state.redoing = None;
        }
    }
}
