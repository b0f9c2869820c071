//! `marrow config default|path`, `marrow completions SHELL` and `marrow man`: marrow at home in
//! a terminal.

use clap::{CommandFactory, Subcommand};

use super::{output, Cli, CliError, Context};
use crate::config::{self, default_toml};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ConfigCommand {
    /// Print the default config, commented (a valid TOML file to start from)
    Default,
    /// Print where the config is read from
    Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

pub fn config(c: ConfigCommand, _ctx: &Context) -> Result<(), CliError> {
    match c {
        ConfigCommand::Default => out!("{}", default_toml()),
        ConfigCommand::Path => match config::path() {
            Some(p) => outln!("{}", p.display()),
            None => return Err(CliError::Failure("no home directory: set MARROW_CONFIG".into())),
        },
    }
    Ok(())
}

/// Shell completion script on stdout.
pub fn completions(shell: Shell) -> Result<(), CliError> {
    let mut cmd = Cli::command();
    // Generated in memory: clap_complete panics when its writer fails.
    let mut out = Vec::new();
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "marrow", &mut out);
    output::write_str(&String::from_utf8_lossy(&out));
    Ok(())
}

/// The man page (roff) on stdout.
pub fn man() -> Result<(), CliError> {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    page.render(&mut out).map_err(|e| CliError::Failure(format!("can't render the man page: {e}")))?;
    output::write_str(&String::from_utf8_lossy(&out));
    Ok(())
}
