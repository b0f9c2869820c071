//! The full-screen app in a pseudo-terminal, for the end-to-end tests: the real binary, keys
//! sent as bytes, the screen read back through a terminal emulator (vt100), every byte it
//! wrote kept in order, signals sent with kill, and the terminal hung up by closing every
//! handle on the master side (as a closed window or a dropped ssh connection does).
#![allow(dead_code)] // each test crate uses its own subset

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use serde_json::Value;

use crate::common;

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
/// Debug builds are slow, and the first start builds the catalog: be generous.
pub const LONG: Duration = Duration::from_secs(10);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);
/// Leaves the alternate screen (DECRST 1049).
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
/// Enters the alternate screen (DECSET 1049).
pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
/// Shows the cursor (DECSET 25).
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is not zero")
}

/// `marrow --data-dir <data>` as a plain process, for the command line steps.
pub fn marrow(data: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_marrow"));
    common::hermetic(&mut cmd, data.parent().expect("the data dir is inside the test's dir"));
    cmd.arg("--data-dir").arg(data).args(args).output().expect("run marrow")
}

/// Runs a subcommand that must succeed and returns its stdout.
pub fn marrow_ok(data: &Path, args: &[&str]) -> String {
    let out = marrow(data, args);
    assert!(
        out.status.success(),
        "marrow {args:?} failed ({:?}): {}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

pub fn marrow_json(data: &Path, args: &[&str]) -> Value {
    let text = marrow_ok(data, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("marrow {args:?}: bad JSON ({e}): {text}"))
}

/// A temporary data directory with a profile set (female, 54: Mg target 320 mg).
pub fn data_dir_with_profile() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    marrow_ok(&data, &["profile", "set", "--sex", "female", "--age", "54"]);
    (tmp, data)
}

/// The app running in a pseudo-terminal, with everything it printed so far.
pub struct App {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote to the terminal, in order.
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// The master side, to type into; None once hung up.
    writer: Option<File>,
    pub child: Box<dyn Child + Send + Sync>,
    /// Kept open for the app's lifetime: closing it (and the other handles) hangs up the
    /// terminal.
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reading thread to let go of its handle, and the thread.
    reading: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
    /// Holds the reading thread back, as a terminal that stops reading (a stalled connection).
    paused: Arc<AtomicBool>,
}

impl App {
    pub fn spawn(data: &Path) -> App {
        App::spawn_with(data, &[])
    }

    /// `marrow --data-dir <data>` with more environment.
    pub fn spawn_with(data: &Path, env: &[(&str, &str)]) -> App {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_marrow"));
        cmd.arg("--data-dir");
        cmd.arg(data);
        App::start(cmd, data, env)
    }

    /// Any command in the terminal, in the test's environment.
    pub fn start(mut cmd: CommandBuilder, data: &Path, env: &[(&str, &str)]) -> App {
        let pair = native_pty_system()
            .openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("MARROW_DATA_DIR");
        cmd.env_remove("NO_COLOR");
        for (k, v) in common::hermetic_env(data.parent().expect("the data dir is inside the test's dir")) {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Some(dir) = data.parent() {
            cmd.cwd(dir);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn marrow in the pty");
        // Only the child holds the terminal's slave side now, so the reader sees EOF when it
        // exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        // Plain duplicates of the master: unlike portable-pty's writer, closing them sends
        // nothing (its writer types a newline and end-of-file as it closes).
        let fd = pair.master.as_raw_fd().expect("the master's descriptor");
        let dup = || {
            // SAFETY: dup of a descriptor the master keeps open; the File owns the copy.
            let copy = unsafe { libc::dup(fd) };
            assert!(copy >= 0, "dup the pty master");
            unsafe { File::from_raw_fd(copy) }
        };
        let (mut reader, writer) = (dup(), dup());
        let stop = Arc::new(AtomicBool::new(false));
        let paused = Arc::new(AtomicBool::new(false));
        let thread = {
            let (parser, raw, stop) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&stop));
            let paused = Arc::clone(&paused);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while !stop.load(Ordering::Relaxed) {
                    if paused.load(Ordering::Relaxed) {
                        thread::sleep(POLL);
                        continue;
                    }
                    let mut poll = libc::pollfd { fd: reader.as_raw_fd(), events: libc::POLLIN, revents: 0 };
                    // SAFETY: one valid pollfd.
                    if unsafe { libc::poll(&mut poll, 1, 50) } <= 0 {
                        continue;
                    }
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
            })
        };
        App {
            parser,
            raw,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            reading: Some((stop, thread)),
            paused,
        }
    }

    /// The app's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the app's pid")
    }

    /// Resizes the terminal, as a person dragging the window would.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        let master = self.master.as_ref().expect("the terminal is open");
        master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize the pty");
        self.parser.lock().unwrap().set_size(nonzero(rows), nonzero(cols));
    }

    /// Closes the terminal: every handle on the master side, as closing the window does.
    pub fn hang_up(&mut self) {
        if let Some((stop, thread)) = self.reading.take() {
            stop.store(true, Ordering::Relaxed);
            thread.join().expect("the reading thread");
        }
        self.writer = None;
        self.master = None;
    }

    /// Stops reading what the app writes (true) or reads on (false).
    pub fn pause_reading(&self, pause: bool) {
        self.paused.store(pause, Ordering::Relaxed);
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), as the app left it.
    pub fn raw_mode(&self) -> bool {
        let fd = self.master.as_ref().and_then(|m| m.as_raw_fd()).expect("the terminal is open");
        // SAFETY: a zeroed termios is a valid out-parameter for tcgetattr.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: fd is the open master; on Linux it reports the terminal's modes.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr on the pty");
        t.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// Sends a signal with kill(1).
    pub fn signal(&self, signal: &str) {
        kill(signal, self.pid());
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Sends bytes as if typed.
    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes.as_bytes()).expect("write to the pty");
        writer.flush().expect("flush the pty");
    }

    /// Waits until the screen satisfies `ok`; on time-out, fails showing the screen.
    pub fn wait_until(&self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return;
            }
            if start.elapsed() > timeout {
                panic!("timed out after {timeout:?} waiting for {what}; the screen:\n{screen}");
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on the screen.
    pub fn wait_for(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?}"), timeout, |s| s.contains(text));
    }

    /// Waits for the app to exit, failing (with the screen) if it takes longer than `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                eprintln!("exited after {:?} with {status:?}", start.elapsed());
                return status;
            }
            if start.elapsed() > timeout {
                panic!("the app did not exit within {timeout:?}; the screen:\n{}", self.screen());
            }
            thread::sleep(POLL);
        }
    }

    /// How many bytes the app has written so far.
    pub fn written(&self) -> usize {
        self.raw.lock().unwrap().len()
    }

    /// Waits until the bytes written after `from` contain `needle`; whether they did.
    pub fn output_after_contains(&self, from: usize, needle: &[u8], timeout: Duration) -> bool {
        let start = Instant::now();
        loop {
            if self.raw.lock().unwrap()[from..].windows(needle.len()).any(|w| w == needle) {
                return true;
            }
            if start.elapsed() > timeout {
                return false;
            }
            thread::sleep(POLL);
        }
    }

    /// Where `needle` first occurs in the bytes written after `from`, waiting for it.
    pub fn position_after(&self, from: usize, needle: &[u8], timeout: Duration) -> Option<usize> {
        self.output_after_contains(from, needle, timeout).then(|| {
            let raw = self.raw.lock().unwrap();
            from + raw[from..].windows(needle.len()).position(|w| w == needle).expect("found above")
        })
    }

    /// The output after `from`, for failure messages.
    pub fn output_after(&self, from: usize) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()[from..]).into_owned()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // A failed test must not leave the app running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Sends a signal with kill(1).
pub fn kill(signal: &str, pid: u32) {
    let status =
        Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().expect("run kill");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

/// The process's state letter from /proc (R, S, T for stopped, Z...), None once it is gone.
pub fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: the state follows the last ')'.
    stat[stat.rfind(')')? + 1..].trim_start().chars().next()
}

/// Waits until the process's state satisfies `ok`; whether it did.
pub fn wait_state(pid: u32, timeout: Duration, ok: impl Fn(Option<char>) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if ok(process_state(pid)) {
            return true;
        }
        thread::sleep(POLL);
    }
    false
}

/// The ids of the processes whose parent is `pid`.
pub fn children(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return vec![] };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat")).ok().is_some_and(|stat| {
                let rest = &stat[stat.rfind(')').map_or(0, |i| i + 1)..];
                rest.split_whitespace().nth(1).and_then(|pp| pp.parse::<u32>().ok()) == Some(pid)
            })
        })
        .collect()
}
