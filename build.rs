//! Tells the tests whether the official USDA SR28 release is beside the project
//! (../shared/data/usda-sr28): the tests that need it are ignored, with that reason, when it
//! is absent (a fresh clone, a user's machine), and run when it is there.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(marrow_sr28)");
    let dir = Path::new("../shared/data/usda-sr28");
    if dir.join("FOOD_DES.txt").is_file() {
        println!("cargo::rustc-cfg=marrow_sr28");
        println!("cargo::rerun-if-changed=../shared/data/usda-sr28");
    } else {
        println!("cargo::rerun-if-changed=build.rs");
    }
}
