//! Where marrow keeps its files: the data directory and the two databases in it.

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MARROW_DATA_DIR";

/// The data directory: `--data-dir`, else `$MARROW_DATA_DIR`, else the platform's data
/// directory for marrow (e.g. ~/.local/share/marrow on Linux).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "marrow").map(|d| d.data_dir().to_path_buf())
}

/// The user's diary: precious, never rebuilt.
pub fn diary_path(data_dir: &Path) -> PathBuf {
    data_dir.join("diary.db")
}

/// The food catalog: rebuilt from the embedded asset whenever needed.
pub fn catalog_path(data_dir: &Path) -> PathBuf {
    data_dir.join("catalog.db")
}
