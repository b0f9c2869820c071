//! Regenerates marrow's catalog asset from the official USDA SR28 ASCII release:
//! `cargo run --release --features dev-tools --bin marrow-catalog -- ../shared/data/usda-sr28 assets/catalog.tsv.gz`

use std::path::PathBuf;
use std::process::ExitCode;

use marrow::sources::{asset, sr28};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!(
            "usage: marrow-catalog SR28_DIR OUTPUT (e.g. ../shared/data/usda-sr28 assets/catalog.tsv.gz)"
        );
        return ExitCode::from(2);
    };
    let foods = match sr28::read_dir(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("marrow-catalog: {e}");
            return ExitCode::from(1);
        }
    };
    let bytes = asset::encode(&foods, asset::SR28_SOURCE);
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("marrow-catalog: can't write {}: {e}", out.display());
        return ExitCode::from(1);
    }
    let portions: usize = foods.iter().map(|f| f.portions.len()).sum();
    println!("{} foods, {} portions, {} bytes -> {}", foods.len(), portions, bytes.len(), out.display());
    ExitCode::SUCCESS
}
