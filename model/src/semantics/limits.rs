//! The allocation bound: the one guard on how large a single string or slice may grow, called
//! wherever the semantics makes one grow (`+` on strings, `fmt.Sprint*`, `make`, `append`).
//!
//! Invariant: no value the interpreter builds holds more than [`MAX_ELEMENTS`] bytes (a string)
//! or elements (a slice's array). Go itself allocates far more: its bound is `maxAlloc` in
//! runtime/malloc.go (the address space), past which `makeslice` panics, and short of it a
//! program runs until the machine's memory is exhausted (`fatal error: runtime: out of memory`).
//! So going past gomc's bound is not a finding about the model: it is a step gomc cannot take,
//! reported as such (a `StepError` naming the instruction), never a Go panic and never an
//! exhausted memory. A model that doubles a string in a loop stops here within a few steps.

use super::exec::Trap;

/// The most bytes of one string, and elements of one slice, that a model may build: far above
/// what a model of synchronization needs, far below what could exhaust memory once states are
/// copied (each state of the search may hold its own).
pub const MAX_ELEMENTS: usize = 1 << 20;

/// The most values one `gomc.Choose(n)` or `rand.Intn(n)` may choose among: each value is a
/// successor of the state, all explored; a larger range is a step gomc does not take (a bound
/// of the checker, reported as a step error naming it, never a silent sample).
pub const MAX_CHOICES: i64 = 1024;

/// The step error for a choice among `n` values past [`MAX_CHOICES`], or `None` within it.
pub fn check_choice(n: i64) -> Option<String> {
    (n > MAX_CHOICES).then(|| {
        format!(
            "the model chooses among {n} values (gomc.Choose or rand.Intn), over gomc's bound of \
             {MAX_CHOICES}: every value is explored, so choose among the few that matter (a \
             bound of the checker, not of Go)"
        )
    })
}

/// Checks that a `what` (e.g. "string", "slice") of `size` bytes or elements is within the
/// bound; the error is [`Trap::CheckerLimit`], which the interpreter turns into a step error.
pub fn check_size(what: &str, size: usize) -> Result<(), Trap> {
    if size <= MAX_ELEMENTS {
        return Ok(());
    }
    let unit = if what == "string" {
        "bytes"
    } else {
        "elements"
    };
    Err(Trap::CheckerLimit(format!(
        "the model builds a {what} of {size} {unit}, over gomc's bound of {MAX_ELEMENTS} {unit} \
         for one {what} (a bound of the checker, not of Go)"
    )))
}
