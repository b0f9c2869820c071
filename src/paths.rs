//! Where marrow keeps its files: the data directory and the two databases in it.

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MARROW_DATA_DIR";

/// The data directory: `--data-dir`, else `$MARROW_DATA_DIR`, else the platform's data
/// directory for marrow (e.g. ~/.local/share/marrow on Linux), always as an absolute path
/// (so that no later change of directory, nor a name like "file:x", can move it). A
/// relative HOME is refused rather than followed from wherever marrow was started.
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf, String> {
    let chosen = match (flag, std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty())) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(p)) => PathBuf::from(p),
        (None, None) => {
            if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
                if Path::new(&home).is_relative() {
                    return Err(format!(
                        "HOME is a relative path ({}): set it to an absolute one or pass --data-dir DIR",
                        crate::domain::clip(&home.to_string_lossy())
                    ));
                }
            }
            directories::ProjectDirs::from("", "", "marrow")
                .map(|d| d.data_dir().to_path_buf())
                .ok_or("no home directory: pass --data-dir DIR")?
        }
    };
    std::path::absolute(&chosen)
        .map_err(|e| format!("can't use the data directory {}: {e}", chosen.display()))
}

/// The user's diary: precious, never rebuilt.
pub fn diary_path(data_dir: &Path) -> PathBuf {
    data_dir.join("diary.db")
}

/// The food catalog: rebuilt from the embedded asset whenever needed.
pub fn catalog_path(data_dir: &Path) -> PathBuf {
    data_dir.join("catalog.db")
}
