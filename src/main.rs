//! marrow's entry point: parse the command line, then run a subcommand or the app. Whatever
//! happens, what it says on stderr is one line per message (`say`).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use marrow::cli::{self, output, Cli, CliError, Context};
use marrow::config::{self, Config};
use marrow::domain::text::{clip_words, one_line};

/// Prints one message on stderr: one line, control characters escaped, bounded in length.
/// A stderr that cannot be written is no reason to panic.
fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "marrow: {}", one_line(text, cli::MESSAGE_MAX));
}

fn main() -> ExitCode {
    // Like other Unix filters, stop quietly when the reader goes away (`marrow search x | head`).
    #[cfg(unix)]
    // SAFETY: restoring the default action for SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Whatever happens, the user sees one line, never a backtrace.
    std::panic::set_hook(Box::new(|info| say(&cli::panic_message(info.payload_as_str(), info.location()))));
    // Before anything reads the clock: a TZ naming a FIFO would block the first read.
    if let Some(warning) = marrow::timezone::settle() {
        say(&warning);
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return bad_arguments(e),
    };
    let saved = cli.command.as_ref().and_then(cli::Command::saved);
    // Printing the default config, its path, completions or the man page works whatever the
    // config file says; everything else refuses a bad config.
    let needs_config = !matches!(
        cli.command,
        Some(cli::Command::Config(_) | cli::Command::Completions { .. } | cli::Command::Man)
    );
    let config = if needs_config {
        Config::load(config::path().as_deref()).map_err(CliError::from)
    } else {
        Ok(Config::default())
    };
    let result =
        config.and_then(|config| Context::with_config(cli.data_dir, config)).and_then(|ctx| {
            match cli.command {
                Some(command) => cli::run(command, &ctx),
                None => cli::run_app(&ctx),
            }
        });
    match (result, output::finish()) {
        (Err(e), _) => {
            say(&e.message());
            ExitCode::from(e.exit_code())
        }
        // What was done is done (a logged entry stays logged); only its report was lost.
        (Ok(()), Some(e)) => {
            say(&output::unwritten(&e, saved));
            ExitCode::FAILURE
        }
        (Ok(()), None) => ExitCode::SUCCESS,
    }
}

/// Help and version go to stdout (exit 0, or 1 when stdout cannot take them); anything else
/// clap refuses is bad input, said in one line.
fn bad_arguments(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return match e.print().and_then(|()| std::io::stdout().flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                say(&output::unwritten(&e, None));
                ExitCode::FAILURE
            }
        };
    }
    // clap's message, without its usage and tips (after the first blank line); a value it
    // quotes is clipped.
    let text = e.render().to_string();
    let first = text.split("\n\n").next().unwrap_or("bad arguments").trim_start_matches("error: ");
    say(&format!("{} (see marrow --help)", clip_words(first)));
    ExitCode::from(2)
}
