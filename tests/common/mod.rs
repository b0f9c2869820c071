//! Helpers shared by the integration tests: the real binary on a temporary data directory,
//! the refusal contract for bad input, and the location of the official SR28 release.
#![allow(dead_code)] // each test crate uses its own subset

pub mod foods;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary home for one test: `data` does not exist until marrow creates it.
pub struct Env {
    pub tmp: TempDir,
    pub data: PathBuf,
}

/// The environment every marrow a test starts gets, so that the developer's own home, config
/// and data never change a result: HOME and the XDG directories inside `dir`, and
/// MARROW_CONFIG naming an empty config file there (created here).
pub fn hermetic_env(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).expect("create the test's home");
    let config = home.join("config.toml");
    if !config.exists() {
        std::fs::write(&config, "").expect("write the test's config");
    }
    vec![
        ("HOME", home.clone()),
        ("XDG_CONFIG_HOME", home.join(".config")),
        ("XDG_DATA_HOME", home.join(".local/share")),
        ("XDG_CACHE_HOME", home.join(".cache")),
        ("XDG_STATE_HOME", home.join(".local/state")),
        ("MARROW_CONFIG", config),
    ]
}

/// Makes a process marrow starts hermetic (see `hermetic_env`), with no MARROW_DATA_DIR.
pub fn hermetic(cmd: &mut std::process::Command, dir: &Path) {
    cmd.env_remove("MARROW_DATA_DIR");
    for (k, v) in hermetic_env(dir) {
        cmd.env(k, v);
    }
}

/// Whether the tests run as root, for whom file permissions refuse nothing.
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

impl Env {
    pub fn new() -> Env {
        let tmp = tempfile::tempdir().expect("temp dir");
        let data = tmp.path().join("data");
        Env { tmp, data }
    }

    /// `marrow --data-dir <data>` in a hermetic environment, ready for more arguments.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.process())
    }

    /// marrow with `args` run as a user whom file permissions apply to (see `unprivileged`).
    pub fn run_unprivileged(&self, args: &[&str]) -> Output {
        self.unprivileged().args(args).output().expect("run marrow")
    }

    /// `process`, as a user whom file permissions apply to: as it is for a normal user; as
    /// `nobody` (util-linux's setpriv) when the tests run as root, with the test's directory
    /// opened for it to traverse, so that a permission test really tests.
    pub fn unprivileged(&self) -> std::process::Command {
        if !is_root() {
            return self.process();
        }
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(self.tmp.path(), open.clone()).expect("open the test dir");
        std::fs::set_permissions(self.tmp.path().join("home"), open).expect("open the test home");
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(assert_cmd::cargo::cargo_bin("marrow"));
        hermetic(&mut c, self.tmp.path());
        c.arg("--data-dir").arg(&self.data);
        c
    }

    /// The same as `cmd`, as a plain process (to spawn, wait and kill).
    pub fn process(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("marrow"));
        hermetic(&mut c, self.tmp.path());
        c.arg("--data-dir").arg(&self.data);
        c
    }

    /// Runs marrow with `args` and returns what happened, whatever it was.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run marrow")
    }

    /// Runs marrow with `args`, requiring success, and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "marrow {args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs marrow with `args` (which should include `--json`) and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("marrow {args:?}: bad JSON ({e}): {text}"))
    }

    /// diary.db, diary.db-wal and diary.db-shm as they are (None: absent), to compare before
    /// and after a command that must leave them untouched.
    pub fn diary_files(&self) -> Vec<(PathBuf, Option<Vec<u8>>)> {
        ["", "-wal", "-shm"]
            .iter()
            .map(|s| {
                let p = PathBuf::from(format!("{}{s}", self.diary_path().display()));
                let bytes = std::fs::read(&p).ok();
                (p, bytes)
            })
            .collect()
    }

    pub fn diary_path(&self) -> PathBuf {
        self.data.join("diary.db")
    }

    pub fn catalog_path(&self) -> PathBuf {
        self.data.join("catalog.db")
    }
}

/// Asserts the refusal contract: exit code 2, exactly one non-empty line on stderr, no panic.
pub fn assert_refused(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: expected exit 2, stderr: {stderr}");
    assert_no_panic(out, what);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{what}: expected one line on stderr, got {stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "{what}: stray blank lines on stderr: {stderr:?}");
}

/// Asserts the process neither panicked nor printed a backtrace.
pub fn assert_no_panic(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
    assert!(!stderr.contains("panicked"), "{what}: panicked: {stderr}");
    assert!(!stderr.contains("backtrace"), "{what}: backtrace: {stderr}");
    assert!(!stderr.contains("internal error"), "{what}: internal error: {stderr}");
    assert_ne!(out.status.code(), Some(101), "{what}: exit 101 is a panic");
}

/// The official SR28 release beside the project. Tests that call this carry
/// `#[cfg_attr(not(marrow_sr28), ignore = "...")]` (build.rs sets `marrow_sr28` when the release
/// is there), so they are reported as ignored, never silently green, when it is absent.
pub fn sr28_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/usda-sr28");
    assert!(dir.is_dir(), "{} is absent: this test needs the USDA SR28 release", dir.display());
    dir
}

/// Asserts `actual` is within 0.05 of `expected`.
pub fn assert_near(actual: &Value, expected: f64, what: &str) {
    let a = actual.as_f64().unwrap_or_else(|| panic!("{what}: {actual} is not a number"));
    assert!((a - expected).abs() < 0.05, "{what}: {a} is not {expected}");
}
