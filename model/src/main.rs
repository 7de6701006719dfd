//! The `gomc` binary: see [`gomc::cli`].

/// mimalloc rather than the system allocator: the search allocates and frees states at a high
/// rate, on several threads with `--threads`, where glibc's malloc spends most of its time on
/// its arenas (measured in the README's Performance section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(gomc::cli::main());
}
