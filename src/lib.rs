//! marrow: a terminal food diary for magnesium, calcium and vitamin D.
//!
//! The library holds everything the binary runs: the pure [`domain`], the SQLite [`store`],
//! the USDA [`catalog`] importer, the command line ([`cli`]) and the full-screen app ([`tui`]).

pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod files_guard;
pub mod paths;
pub mod present;
pub mod service;
pub mod sources;
pub mod store;
pub mod timezone;
pub mod transfer;
pub mod tui;
