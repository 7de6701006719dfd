//! The compact form in which a large frontier holds a state until it is expanded
//! (ARCHITECTURE.md, "explore/"; the search asks for it once its frontier is long): the
//! state's content in postcard's encoding (integers as varints, no padding, no pointers), in one
//! allocation, where the `State` value holds its goroutines, stacks and arenas in separate
//! ones (the README's "State store" gives the memory measured both ways).
//!
//! Invariants:
//! - `Packed::new(s, compact).into_state() == s`: every field of the state is encoded, so the unpacked state steps,
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

/// A state as a search's frontier holds it.
pub enum Packed {
    /// The state itself: nothing to pay when it is expanded. Boxed, so that a frontier entry
    /// of the compact kind is not as large as a whole `State` value.
    Whole(Box<State>),
    /// The state's encoding, in one allocation.
    Compact(Box<[u8]>),
}

impl Packed {
    /// The state, encoded when `compact`.
    pub fn new(state: State, compact: bool) -> Packed {
        if compact {
            Packed::Compact(pack(&state))
        } else {
            Packed::Whole(Box::new(state))
        }
    }

    /// The state back.
    pub fn into_state(self) -> State {
        match self {
            Packed::Whole(state) => *state,
            Packed::Compact(bytes) => unpack(&bytes),
        }
    }
}

/// The state in its compact form.
fn pack(state: &State) -> Box<[u8]> {
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        let buffer = postcard::to_io(state, &mut *buffer)
            .expect("internal error: a state could not be encoded");
        Box::from(&buffer[..])
    })
}

/// The state back from its compact form.
fn unpack(packed: &[u8]) -> State {
    postcard::from_bytes(packed).expect("internal error: a packed state could not be decoded")
}

// A frontier entry of either kind stays small: the compact kind's point is its memory.
const _: () = assert!(std::mem::size_of::<Packed>() <= 24);
