//! Standard output for every command, written through one place: a full disk or a broken
//! terminal becomes one line on stderr and exit 1 (`finish`), never a panic. A closed pipe
//! still ends the process quietly, as SIGPIPE does for other Unix filters.

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

/// Writes to standard output, remembering the first failure instead of panicking.
pub fn write(args: fmt::Arguments<'_>) {
    let mut failed = FAILED.lock().unwrap_or_else(|p| p.into_inner());
    if failed.is_some() {
        return;
    }
    if let Err(e) = io::stdout().lock().write_fmt(args) {
        *failed = Some(e.raw_os_error().map_or(Failure::Kind(e.kind()), Failure::Os));
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
