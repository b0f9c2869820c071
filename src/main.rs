//! marrow's entry point: parse the command line, then run a subcommand or the app.

use std::process::ExitCode;

use clap::Parser;

use marrow::cli::{self, Cli, Context};

fn main() -> ExitCode {
    // Like other Unix filters, stop quietly when the reader goes away (`marrow search x | head`).
    #[cfg(unix)]
    // SAFETY: restoring the default action for SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Whatever happens, the user sees one line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("marrow: internal error: {info}");
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("bad arguments").trim_start_matches("error: ");
            eprintln!("marrow: {first} (see marrow --help)");
            return ExitCode::from(2);
        }
    };
    // Printing the default config, its path, completions or the man page works whatever the
    // config file says; everything else refuses a bad config.
    let needs_config = !matches!(
        cli.command,
        Some(cli::Command::Config(_) | cli::Command::Completions { .. } | cli::Command::Man)
    );
    let ctx = if needs_config {
        Context::new(cli.data_dir)
    } else {
        Context::with_config(cli.data_dir, Default::default())
    };
    let result = ctx.and_then(|ctx| match cli.command {
        Some(command) => cli::run(command, &ctx),
        None => cli::run_app(&ctx),
    });
    if let Some(e) = cli::output::finish() {
        // What was done is done (a logged entry stays logged); only its report was lost.
        let done = if result.is_ok() { " (the command itself completed)" } else { "" };
        eprintln!("marrow: can't write the output: {e}{done}");
        return ExitCode::FAILURE;
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marrow: {}", e.message());
            ExitCode::from(e.exit_code())
        }
    }
}
