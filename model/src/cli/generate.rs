//! `gomc completions SHELL` and `gomc man DIR`: shell completions and man pages generated from
//! the clap definition (`clap_complete`, `clap_mangen`), so that they never drift from `--help`.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, EXIT_OK, EXIT_USAGE};

/// Prints the completion script of `shell` on stdout.
pub(super) fn completions(shell: Shell) -> i32 {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "gomc", &mut std::io::stdout());
    EXIT_OK
}

/// Writes `gomc.1` and one page per subcommand (`gomc-check.1`, ...) into `directory`,
/// creating it, and lists the pages written.
pub(super) fn man_pages(directory: &Path) -> i32 {
    let written = std::fs::create_dir_all(directory)
        .and_then(|()| clap_mangen::generate_to(Cli::command(), directory));
    if let Err(error) = written {
        eprintln!(
            "error: cannot write the man pages into {}: {error}",
            directory.display()
        );
        return EXIT_USAGE;
    }
    let mut pages: Vec<String> = std::fs::read_dir(directory)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("gomc") && name.ends_with(".1"))
        .collect();
    pages.sort();
    for page in pages {
        println!("{}", directory.join(page).display());
    }
    EXIT_OK
}
