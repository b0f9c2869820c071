//! Tells the tests what this machine has that a few of them need: the official USDA SR28
//! release beside the project (../shared/data/usda-sr28), the nutrition reference
//! (../shared/docs/nutrition-reference.md) and `faketime` (to set the clock
//! before 1970). A test that needs one is ignored, with that reason, when it is absent (a
//! fresh clone, a user's machine), and runs when it is there; it never passes silently.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(marrow_sr28)");
    println!("cargo::rustc-check-cfg=cfg(marrow_faketime)");
    println!("cargo::rustc-check-cfg=cfg(marrow_reference)");
    if Path::new("../shared/docs/nutrition-reference.md").is_file() {
        println!("cargo::rustc-cfg=marrow_reference");
        println!("cargo::rerun-if-changed=../shared/docs/nutrition-reference.md");
    }
    let faketime = std::process::Command::new("faketime").arg("--version").output();
    if faketime.is_ok_and(|o| o.status.success()) {
        println!("cargo::rustc-cfg=marrow_faketime");
    }
    println!("cargo::rerun-if-env-changed=PATH");
    let dir = Path::new("../shared/data/usda-sr28");
    if dir.join("FOOD_DES.txt").is_file() {
        println!("cargo::rustc-cfg=marrow_sr28");
        println!("cargo::rerun-if-changed=../shared/data/usda-sr28");
    } else {
        println!("cargo::rerun-if-changed=build.rs");
    }
}
