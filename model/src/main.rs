//! The `gomc` binary: see [`gomc::cli`].

/// mimalloc rather than the system allocator: the search allocates and frees states at a high
/// rate, on several threads with `--threads`, where glibc's malloc spends most of its time on
/// its arenas (measured in the README's Performance section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // A closed pipe (`gomc check ... | head`) ends gomc quietly, as it ends `cat` or `go`:
    // Rust ignores SIGPIPE, so every later write would fail and `println!` would panic.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to the default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(gomc::cli::main());
}
