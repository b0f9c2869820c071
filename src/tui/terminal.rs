//! The terminal the app draws on: taking it (raw mode, the alternate screen) and handing it
//! back (on the way out, on SIGTSTP, from the watchdog), waiting on it, noticing it close, and
//! its keys, read on a thread of their own.
//!
//! Why a thread: crossterm's reader loops on a terminal that has hung up (each read gives
//! end-of-file and it reads again, for ever), so the event loop never calls it. It waits with
//! poll(2) on the terminal (for its hang-up) and on the self-pipe that signals and the key
//! reader write to. Should the reader spin on a closed terminal, the loop has already seen
//! the hang-up and ends the process.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen};
use ratatui::layout::Rect;
use ratatui::DefaultTerminal;

/// Stops the mouse reports, leaves the alternate screen and shows the cursor, as the watchdog
/// writes them. The mouse reports are stopped on every way out, whether they were asked for
/// or not: a shell left with them on would fill its prompt with them.
const HAND_BACK: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// Whether the app asked for the mouse (the config's `[app] mouse`), for taking the terminal
/// again after a stop.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Takes the terminal: raw mode, the alternate screen, the mouse when `mouse` (and ratatui's
/// panic hook, which hands it back on a panic, with one before it that stops the mouse).
pub fn take(mouse: bool) -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let handed_back = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        handed_back(info);
    }));
    MOUSE.store(mouse, Ordering::Relaxed);
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(terminal)
}

/// Hands the terminal back as the shell had it: the mouse reports stopped, the cursor shown,
/// the alternate screen left, raw mode off. Every step is tried, whatever the one before did.
pub fn hand_back(terminal: &mut DefaultTerminal) -> io::Result<()> {
    let mouse = execute!(io::stdout(), DisableMouseCapture);
    let shown = terminal.show_cursor();
    let restored = ratatui::try_restore();
    mouse.and(shown).and(restored)
}

/// Takes the terminal again after a stop, and has the next draw paint every cell. Raw mode
/// is set afresh: the shell may have changed the modes meanwhile.
pub fn take_again(terminal: &mut DefaultTerminal) -> io::Result<()> {
    disable_raw_mode()?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if MOUSE.load(Ordering::Relaxed) {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // A resize clears the screen and forgets what was drawn; `clear` would ask the terminal
    // where its cursor is, and the key reader holds the replies.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// Hands the terminal back from another thread while the event loop is stuck: best effort,
/// and it never blocks (a terminal that no longer reads would otherwise hold it for ever).
pub fn hand_back_now() {
    let _ = disable_raw_mode();
    // Its own open file, made non-blocking: the flag does not reach the shell's.
    if let Ok(mut tty) =
        OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open("/dev/tty")
    {
        let _ = tty.write_all(HAND_BACK);
    }
}

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woken {
    /// A signal, a key or the time: have a look.
    Look,
    /// The terminal hung up or failed: nobody is there any more.
    Closed,
}

/// The terminal being read: the keys, on their own thread, and the terminal's descriptor to
/// notice its hang-up.
pub struct Terminal {
    keys: Receiver<io::Result<Event>>,
    /// Standard input when it is the terminal (as crossterm reads), else /dev/tty.
    fd: RawFd,
    _tty: Option<File>,
}

impl Terminal {
    /// Starts the key reader; it wakes the event loop through `waker` after each key.
    pub fn open(waker: UnixStream) -> io::Result<Terminal> {
        // SAFETY: isatty only looks at the descriptor.
        let (fd, tty) = if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            (libc::STDIN_FILENO, None)
        } else {
            let tty = File::open("/dev/tty")?;
            (tty.as_raw_fd(), Some(tty))
        };
        let (send, keys) = mpsc::channel();
        thread::Builder::new().name("marrow-keys".into()).spawn(move || loop {
            let event = event::read();
            let failed = event.is_err();
            if send.send(event).is_err() {
                return;
            }
            // A full pipe already holds a wake-up.
            let _ = (&waker).write(&[1]);
            if failed {
                return;
            }
        })?;
        Ok(Terminal { keys, fd, _tty: tty })
    }

    /// Waits up to `timeout` for the terminal to close, or for `wake` to become readable (a
    /// signal, a key).
    pub fn wait(&self, wake: RawFd, timeout: Duration) -> io::Result<Woken> {
        // No events asked of the terminal: poll reports its hang-up and errors regardless.
        let mut fds = [
            libc::pollfd { fd: self.fd, events: 0, revents: 0 },
            libc::pollfd { fd: wake, events: libc::POLLIN, revents: 0 },
        ];
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: two valid pollfds.
        if unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) } < 0 {
            let e = io::Error::last_os_error();
            return if e.kind() == io::ErrorKind::Interrupted { Ok(Woken::Look) } else { Err(e) };
        }
        Ok(if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Woken::Closed
        } else {
            Woken::Look
        })
    }

    /// Whether the terminal has closed (hung up or failed).
    pub fn closed(&self) -> bool {
        let mut fd = libc::pollfd { fd: self.fd, events: 0, revents: 0 };
        // SAFETY: one valid pollfd, no waiting.
        unsafe {
            libc::poll(&mut fd, 1, 0) > 0
                && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
        }
    }

    /// The next key (or other event) read, if one is waiting; an error when reading failed.
    pub fn next(&self) -> io::Result<Option<Event>> {
        match self.keys.try_recv() {
            Ok(event) => event.map(Some),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(io::Error::other("the key reader stopped")),
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::cursor::Show;
    use ratatui::crossterm::terminal::LeaveAlternateScreen;
    use ratatui::crossterm::Command;

    use super::*;

    fn ansi(command: impl Command) -> String {
        let mut s = String::new();
        command.write_ansi(&mut s).expect("a command writes to a string");
        s
    }

    /// The raw bytes the watchdog writes stay in step with crossterm's own.
    #[test]
    fn the_watchdog_writes_what_crossterm_would() {
        let expected = ansi(DisableMouseCapture) + &ansi(LeaveAlternateScreen) + &ansi(Show);
        assert_eq!(HAND_BACK, expected.as_bytes());
    }
}
