//! Only the keymap reads keys: a key literal matched anywhere else in src/ (a typed letter
//! taken as a command, a crossterm key code) fails this test, naming the file and line.

use std::path::{Path, PathBuf};

/// Patterns that mean "this code decides what a key does".
const LITERALS: &[&str] = &["Type('", "KeyCode::Char('", "KeyCode::", "Char('"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The keymap itself and test files may name keys.
fn exempt(path: &Path) -> bool {
    let p = path.to_string_lossy().replace('\\', "/");
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    p.contains("/src/tui/keymap/") || name.ends_with("_tests.rs") || name == "tests.rs"
}

#[test]
fn no_key_literal_is_matched_outside_the_keymap() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found the sources");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !exempt(f)) {
        let text = std::fs::read_to_string(file).expect("read a source file");
        // A file's own test module, at its end, may feed keys.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(&text);
        for (i, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or(line);
            if let Some(pat) = LITERALS.iter().find(|p| line.contains(*p)) {
                found.push(format!("{}:{}: {pat} in {}", file.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "keys matched outside the keymap:\n{}", found.join("\n"));
}

#[test]
fn the_scan_would_see_a_key_literal() {
    let line = "        Close | Type('p') => {";
    assert!(LITERALS.iter().any(|p| line.contains(p)));
    assert!(exempt(Path::new("/x/src/tui/keymap/defaults.rs")));
    assert!(!exempt(Path::new("/x/src/tui/supplements.rs")));
}
