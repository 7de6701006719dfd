//! The compact form in which a breadth-first frontier holds a state until it is expanded
//! (ARCHITECTURE.md, "explore/"): the state's content in postcard's encoding (integers as
//! varints, no padding, no pointers), about a tenth of the memory the `State` value takes with
//! its goroutines, stacks and arenas in separate allocations.
//!
//! Invariants:
//! - `unpack(&pack(s)) == s`: every field of the state is encoded, so the unpacked state steps,
//!   fingerprints and prints exactly as the packed one would (`model/tests/explore.rs` and the
//!   whole suite run through it).
//! - What is not content is not encoded: a goroutine's `GoroutineCache` (recomputed on demand)
//!   and the sharing of unchanged parts between a state and its parent (an unpacked state owns
//!   all of its parts; its successors share them again).

use std::cell::RefCell;

use super::state::State;

thread_local! {
    /// The encoding is written here first and then copied into an allocation of its exact
    /// size: growing a fresh vector for every state cost more than the copy.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The state in its compact form.
pub fn pack(state: &State) -> Box<[u8]> {
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        let buffer = postcard::to_io(state, &mut *buffer)
            .expect("internal error: a state could not be encoded");
        Box::from(&buffer[..])
    })
}

/// The state back from its compact form.
pub fn unpack(packed: &[u8]) -> State {
    postcard::from_bytes(packed).expect("internal error: a packed state could not be decoded")
}
