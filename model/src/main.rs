//! The `gomc` binary: see [`gomc::cli`].

fn main() {
    std::process::exit(gomc::cli::main());
}
