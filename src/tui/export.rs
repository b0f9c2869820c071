//! `:export csv|json FILE` in the app: the whole diary, as `marrow export --format` writes it
//! (the same service and the same CSV), to a new file. A file already there is refused and
//! left as it was; the outcome is one line for the status line.

use std::io::Write;
use std::path::Path;

use super::action::Action;
use super::command::Format;
use crate::service::transfer as service;
use crate::store::{Diary, StoreError};

/// Writes the diary to `path`; the status line's words on how it went.
pub fn write(diary: &Diary, format: Format, path: &Path) -> Result<Action, StoreError> {
    let (x, unreadable) = service::export(diary, None, None)?;
    let text = match format {
        Format::Csv => crate::cli::transfer::entries_csv(&x),
        Format::Json => match serde_json::to_string_pretty(&x) {
            Ok(t) => t + "\n",
            Err(e) => return Ok(Action::Failed(format!("can't write {}: {e}", path.display()))),
        },
    };
    let file = std::fs::OpenOptions::new().write(true).create_new(true).open(path);
    let written = file.and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()));
    Ok(match written {
        Ok(()) => {
            let left = match unreadable.len() {
                0 => String::new(),
                n => format!(" ({n} unreadable rows left out)"),
            };
            Action::Notice(format!("exported the diary to {}{left}", path.display()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Action::Failed(format!("{} already exists; marrow never overwrites a file", path.display()))
        }
        Err(e) => Action::Failed(format!("can't write {}: {e}", path.display())),
    })
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
