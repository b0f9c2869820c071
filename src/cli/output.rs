//! Standard output for every command, written through one place: a full disk or a broken
//! terminal becomes one line on stderr and exit 1 (`finish`, `unwritten`), never a panic. A
//! closed pipe still ends the process quietly, as SIGPIPE does for other Unix filters.

use std::fmt;
use std::io::{self, Write};
use std::sync::Mutex;

/// The first write error, if any; later writes are skipped once one has failed.
static FAILED: Mutex<Option<Failure>> = Mutex::new(None);

/// An I/O error kept in a form a static can hold: the OS error when there is one.
#[derive(Clone, Copy)]
enum Failure {
    Os(i32),
    Kind(io::ErrorKind),
}

/// Writes a command's text to standard output, remembering the first failure instead of
/// panicking. Whatever a line quotes (a food name from an old diary, an imported product),
/// a control character or a bidirectional override in it is shown as its picture: only the
/// line breaks reach the terminal as they are.
pub fn write(args: fmt::Arguments<'_>) {
    let text = args.to_string();
    let lines: Vec<_> = text.split('\n').map(crate::present::safe).collect();
    if lines.iter().all(|l| matches!(l, std::borrow::Cow::Borrowed(_))) {
        write_raw(&text);
    } else {
        write_raw(&lines.join("\n"));
    }
}

/// Writes text that is already whole and marrow's own (a completion script, the man page),
/// as it is: see `write`.
pub fn write_str(text: &str) {
    write_raw(text);
}

fn write_raw(text: &str) {
    let mut failed = FAILED.lock().unwrap_or_else(|p| p.into_inner());
    if failed.is_some() {
        return;
    }
    if let Err(e) = io::stdout().lock().write_all(text.as_bytes()) {
        *failed = Some(e.raw_os_error().map_or(Failure::Kind(e.kind()), Failure::Os));
    }
}

/// The line for a report that could not be written: what failed, and what the command
/// changed all the same (`saved`, None for a command that only reads) so that nobody runs a
/// write twice for want of its report.
pub fn unwritten(e: &io::Error, saved: Option<&str>) -> String {
    match saved {
        Some(saved) => format!("can't write the output: {e}; {saved}"),
        None => format!("can't write the output: {e}"),
    }
}

/// Flushes standard output and returns why writing it failed, if it did.
pub fn finish() -> Option<io::Error> {
    let flushed = io::stdout().lock().flush();
    let failed = *FAILED.lock().unwrap_or_else(|p| p.into_inner());
    failed
        .map(|f| match f {
            Failure::Os(code) => io::Error::from_raw_os_error(code),
            Failure::Kind(kind) => io::Error::from(kind),
        })
        .or(flushed.err())
}

/// `println!` for commands: see `write`.
macro_rules! outln {
    () => {
        $crate::cli::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for commands: see `write`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!($($arg)*))
    };
}
