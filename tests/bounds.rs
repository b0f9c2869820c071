//! Every file marrow reads is bounded: a FIFO or a device named as the config, an import file,
//! a USDA file or the time zone is refused at once in one line, never a hang or a read without
//! end; an empty or partial USDA release is refused with the catalog kept; and a config the
//! system cannot read is an environment failure (exit 1), not bad input.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{assert_no_panic, assert_refused, Env};

/// Far longer than any of these commands takes; a hang runs into it.
const LIVENESS: Duration = Duration::from_secs(30);

/// Runs `cmd` to the end, or kills it and fails the test when it is still running after
/// `LIVENESS`. Its output is read as it comes, so a long message cannot block it.
fn finishes(mut cmd: Command, what: &str) -> Output {
    let mut child =
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start marrow");
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for marrow") {
            break status;
        }
        if started.elapsed() > LIVENESS {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {LIVENESS:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().expect("stdout"), stderr: stderr.join().expect("stderr") }
}

fn run(env: &Env, args: &[&str], envs: &[(&str, &Path)], what: &str) -> Output {
    let mut cmd = env.process();
    cmd.args(args);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    finishes(cmd, what)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// stderr, cut to a length a failing assertion can print.
fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).chars().take(2000).collect()
}

/// Asserts a failure of the environment: exit 1 and one line on stderr.
fn assert_failed(out: &Output, what: &str) {
    assert_no_panic(out, what);
    assert_eq!(out.status.code(), Some(1), "{what}: expected exit 1, stderr: {}", stderr(out));
    assert_eq!(stderr(out).lines().count(), 1, "{what}: expected one line: {:?}", stderr(out));
}

#[test]
fn a_fifo_device_or_directory_as_the_config_is_refused_at_once() {
    let env = Env::new();
    let fifo = env.tmp.path().join("config-fifo.toml");
    mkfifo(&fifo);
    let dir = env.tmp.path().join("config-dir.toml");
    fs::create_dir(&dir).unwrap();
    for (path, says) in
        [(fifo.as_path(), "FIFO"), (Path::new("/dev/zero"), "device"), (dir.as_path(), "directory")]
    {
        let what = format!("MARROW_CONFIG={}", path.display());
        let out = run(&env, &["day"], &[("MARROW_CONFIG", path)], &what);
        assert_failed(&out, &what);
        assert!(stderr(&out).contains(says), "{what}: {}", stderr(&out));
    }
    // /dev/null, the usual way to say "no config", means the defaults.
    let out = run(&env, &["day"], &[("MARROW_CONFIG", Path::new("/dev/null"))], "/dev/null");
    assert!(out.status.success(), "MARROW_CONFIG=/dev/null: {}", stderr(&out));
}

#[test]
fn a_config_over_a_mebibyte_is_refused_in_one_short_line() {
    let env = Env::new();
    let big = env.tmp.path().join("big.toml");
    fs::write(&big, format!("[app]\ntheme = \"{}\"\n", "a".repeat(2 << 20))).unwrap();
    let out = run(&env, &["day"], &[("MARROW_CONFIG", &big)], "a 2 MiB config");
    assert_refused(&out, "a 2 MiB config");
    assert!(stderr(&out).contains("1 MiB"), "{}", stderr(&out));
    // Under the cap, the bad value is named, clipped.
    fs::write(&big, format!("[app]\ntheme = \"{}\"\n", "a".repeat(900_000))).unwrap();
    let out = run(&env, &["day"], &[("MARROW_CONFIG", &big)], "a 900 kB theme");
    assert_refused(&out, "a 900 kB theme");
    assert!(out.stderr.len() < 500, "{} bytes on stderr", out.stderr.len());
}

#[cfg(unix)]
#[test]
fn a_config_the_system_cannot_read_exits_1_and_bad_content_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let dir = env.tmp.path().join("config-dir.toml");
    fs::create_dir(&dir).unwrap();
    assert_failed(&run(&env, &["log", "list"], &[("MARROW_CONFIG", &dir)], "a directory"), "a directory");

    let bad = env.tmp.path().join("bad.toml");
    fs::write(&bad, "[units]\nvitamin_d = \"furlongs\"\n").unwrap();
    assert_refused(&run(&env, &["log", "list"], &[("MARROW_CONFIG", &bad)], "bad content"), "bad content");

    let locked = env.tmp.path().join("locked.toml");
    fs::write(&locked, "").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // As root the file would be read all the same: marrow runs as a user it refuses.
    let mut cmd = env.unprivileged();
    cmd.args(["log", "list"]).env("MARROW_CONFIG", &locked);
    assert_failed(&finishes(cmd, "mode 000"), "mode 000");
}

#[test]
fn import_diary_refuses_fifos_and_devices_at_once() {
    let env = Env::new();
    let fifo = env.tmp.path().join("export.json");
    mkfifo(&fifo);
    for path in [fifo.to_str().unwrap(), "/dev/zero"] {
        let what = format!("import diary {path}");
        let out = run(&env, &["import", "diary", path], &[], &what);
        assert_refused(&out, &what);
        assert!(stderr(&out).contains("not a regular file"), "{what}: {}", stderr(&out));
    }
    assert!(!env.diary_path().exists(), "no diary was created for a refused import");
}

// ---- USDA releases ----

/// One SR28 line: `^`-separated, CRLF.
fn line(fields: &[&str]) -> String {
    format!("{}\r\n", fields.join("^"))
}

/// A one-food SR28 release with `weights` as WEIGHT.txt's records (amount, grams).
fn write_sr28(dir: &Path, weights: &[(&str, &str)]) {
    fs::write(dir.join("FD_GROUP.txt"), line(&["~9900~", "~Test Foods~"])).unwrap();
    let des = [
        "~90001~",
        "~9900~",
        "~Testfood, bounded~",
        "~T~",
        "~~",
        "~~",
        "~Y~",
        "",
        "0",
        "",
        "6.25",
        "4",
        "9",
        "4",
    ];
    fs::write(dir.join("FOOD_DES.txt"), line(&des)).unwrap();
    let mut nut = vec!["~90001~", "~304~", "50", "1", "", "~1~"];
    nut.extend(["", "", "", "", "", "", "", "", "", "", "~01/2016~", ""]);
    fs::write(dir.join("NUT_DATA.txt"), line(&nut)).unwrap();
    let records: String = weights
        .iter()
        .enumerate()
        .map(|(i, (amount, grams))| {
            line(&["~90001~", &(i + 1).to_string(), amount, "~piece~", grams, "", ""])
        })
        .collect();
    fs::write(dir.join("WEIGHT.txt"), records).unwrap();
}

const SR28_FILES: [&str; 4] = ["FD_GROUP.txt", "FOOD_DES.txt", "NUT_DATA.txt", "WEIGHT.txt"];

/// The catalog as built from the embedded asset: almonds (12061) are there.
fn catalog_with_almonds(env: &Env) {
    env.ok(&["food", "show", "12061"]);
}

fn assert_almonds_kept(env: &Env, what: &str) {
    let out = env.run(&["food", "show", "12061"]);
    assert!(out.status.success(), "{what}: the catalog lost almonds: {}", stderr(&out));
}

#[test]
fn a_fifo_as_any_sr28_file_is_refused_at_once() {
    let env = Env::new();
    catalog_with_almonds(&env);
    for file in SR28_FILES {
        let tmp = tempfile::tempdir().unwrap();
        write_sr28(tmp.path(), &[("1", "30")]);
        fs::remove_file(tmp.path().join(file)).unwrap();
        mkfifo(&tmp.path().join(file));
        let what = format!("{file} as a FIFO");
        let out = run(&env, &["import", "usda-sr28", tmp.path().to_str().unwrap()], &[], &what);
        assert_refused(&out, &what);
        assert!(stderr(&out).contains(file), "{what}: {}", stderr(&out));
        assert_almonds_kept(&env, &what);
    }
}

#[test]
fn a_fifo_as_an_fdc_file_is_refused_at_once() {
    let env = Env::new();
    catalog_with_almonds(&env);
    for file in ["food.csv", "food_nutrient.csv"] {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(
            tmp.path().join("food.csv"),
            "\"fdc_id\",\"data_type\",\"description\"\n\"1\",\"foundation_food\",\"Kale\"\n",
        )
        .unwrap();
        let _ = fs::remove_file(tmp.path().join(file));
        mkfifo(&tmp.path().join(file));
        let what = format!("{file} as a FIFO");
        let out = run(&env, &["import", "fdc", tmp.path().to_str().unwrap()], &[], &what);
        assert_refused(&out, &what);
        assert!(stderr(&out).contains(file), "{what}: {}", stderr(&out));
        assert_almonds_kept(&env, &what);
    }
}

#[test]
fn an_empty_or_partial_sr28_release_is_refused_and_the_catalog_kept() {
    let env = Env::new();
    catalog_with_almonds(&env);
    type Spoil = fn(&Path);
    let cases: [(&str, Spoil); 5] = [
        ("four empty files", |d| SR28_FILES.iter().for_each(|f| fs::write(d.join(f), "").unwrap())),
        ("a nutrient value of 1e308", |d| {
            let nut = fs::read_to_string(d.join("NUT_DATA.txt")).unwrap().replace("^50^", "^1e308^");
            fs::write(d.join("NUT_DATA.txt"), nut).unwrap();
        }),
        ("an empty directory", |d| SR28_FILES.iter().for_each(|f| fs::remove_file(d.join(f)).unwrap())),
        ("an empty NUT_DATA.txt", |d| fs::write(d.join("NUT_DATA.txt"), "").unwrap()),
        ("no FOOD_DES.txt", |d| fs::remove_file(d.join("FOOD_DES.txt")).unwrap()),
    ];
    for (what, spoil) in cases {
        let tmp = tempfile::tempdir().unwrap();
        write_sr28(tmp.path(), &[("1", "30")]);
        spoil(tmp.path());
        let out = env.run(&["import", "usda-sr28", tmp.path().to_str().unwrap()]);
        assert_refused(&out, what);
        assert_almonds_kept(&env, what);
    }
}

#[test]
fn sr28_portions_of_no_weight_are_skipped_and_counted() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    write_sr28(tmp.path(), &[("1", "30"), ("1", "0"), ("0", "12"), ("2", "60")]);
    let out = env.ok(&["import", "usda-sr28", tmp.path().to_str().unwrap()]);
    assert!(out.contains("imported 1 foods and 2 portions"), "{out}");
    assert!(out.contains("skipped 2 portions of 0 g or an amount of 0"), "{out}");
    let food = env.json(&["food", "show", "90001", "--json"]);
    let grams: Vec<f64> =
        food["portions"].as_array().unwrap().iter().map(|p| p["grams"].as_f64().unwrap()).collect();
    assert_eq!(grams, [30.0, 60.0]);
    // A negative or non-numeric weight is a damaged file: refused whole.
    for grams in ["-5", "inf", "NaN"] {
        write_sr28(tmp.path(), &[("1", "30"), ("1", grams)]);
        let out = env.run(&["import", "usda-sr28", tmp.path().to_str().unwrap()]);
        assert_refused(&out, grams);
    }
}

#[test]
fn an_fdc_download_without_foods_is_refused_and_the_catalog_kept() {
    let env = Env::new();
    catalog_with_almonds(&env);
    let header = "\"fdc_id\",\"data_type\",\"description\"\n";
    for (what, food_csv) in [
        ("a header only", header.to_string()),
        ("survey foods only", format!("{header}\"1097512\",\"survey_fndds_food\",\"Milk, whole\"\n")),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("food.csv"), food_csv).unwrap();
        let out = env.run(&["import", "fdc", tmp.path().to_str().unwrap()]);
        assert_refused(&out, what);
        assert!(stderr(&out).contains("catalog"), "{what}: {}", stderr(&out));
        assert_almonds_kept(&env, what);
    }
}

// ---- the time zone ----

/// `marrow day` with `TZ` set to `tz`; returns its stderr.
fn day_with_tz(env: &Env, tz: &std::ffi::OsStr) -> String {
    let mut cmd = env.process();
    cmd.arg("day").env("TZ", tz);
    let what = format!("TZ={tz:?}");
    let out = finishes(cmd, &what);
    assert_no_panic(&out, &what);
    assert!(out.status.success(), "{what}: {}", stderr(&out));
    stderr(&out)
}

#[test]
fn a_tz_naming_a_fifo_or_no_zone_is_said_once_and_utc_used() {
    let env = Env::new();
    let fifo = env.tmp.path().join("tz-fifo");
    mkfifo(&fifo);
    let mut colon = std::ffi::OsString::from(":");
    colon.push(&fifo);
    let tzs: Vec<std::ffi::OsString> = vec![
        fifo.clone().into_os_string(),
        colon,
        ":/dev/zero".into(),
        "Nowhere/Atlantis".into(),
        "not a zone".into(),
        "/etc/passwd".into(),
    ];
    for tz in tzs {
        let err = day_with_tz(&env, &tz);
        assert_eq!(err.lines().count(), 1, "TZ={tz:?}: one warning line: {err:?}");
        assert!(err.contains("TZ") && err.contains("UTC"), "TZ={tz:?}: {err}");
    }
}

#[test]
fn a_tz_chrono_understands_gets_no_warning() {
    let env = Env::new();
    let mut tzs = vec!["UTC0", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30", ""];
    if PathBuf::from("/usr/share/zoneinfo/Europe/Paris").is_file() {
        tzs.extend(["Europe/Paris", ":Europe/Paris", "/usr/share/zoneinfo/Europe/Paris"]);
    } else {
        eprintln!("note: no /usr/share/zoneinfo here; only POSIX TZ strings are tried");
    }
    for tz in tzs {
        let err = day_with_tz(&env, tz.as_ref());
        assert!(err.is_empty(), "TZ={tz:?}: {err}");
    }
}
