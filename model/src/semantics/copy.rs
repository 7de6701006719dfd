//! Go's value semantics for the sync types: copying a value copies the sync objects inside it.
//!
//! Mirrors what a Go assignment does to a `sync.Mutex` (sync/mutex.go: `state`, `sema`),
//! `WaitGroup` (sync/waitgroup.go: `state`, `sema`), `Once` (sync/once.go: `done`, `m`),
//! `RWMutex` (sync/rwmutex.go), `Cond` (sync/cond.go: `L`, `notify`) and `Map` (sync/map.go), Go
//! 1.23: the words are copied as they are, so a copied locked mutex is locked, a copied
//! WaitGroup has the same counter, a copied Once that already ran is done, and from then on the
//! copy and the original are independent objects.
//!
//! Invariants: a copy is a new object with the state of the original, except that it has no
//! waiters: the runtime keeps parked goroutines in a table keyed by the address of the
//! semaphore word (runtime/sema.go, `semroot`), and the copy has another address, so goroutines
//! parked on the original stay with the original. Identity is shared only through pointers
//! (`&mu`, a struct reached through a pointer); a value on the operand stack that a sync method
//! is called on is not a copy (the front end calls the method on the variable's address).
//! A copy the front end writes (`Instr::CopySync`) is a scheduling point of its own, since it
//! reads state other goroutines change (copying a WaitGroup while workers call `Done` copies
//! whatever the counter is then); the copy `append` makes of the elements it moves is part of
//! the `append`. Simplification: a `sync.Map` copy gets its own entries, where Go's copy would share the
//! `dirty` map with the original (`go vet` reports both as copies of a lock).

use std::sync::Arc;

use super::state::{State, SyncObj};
use super::value::Value;
use super::zero::new_sync;

/// Whether `value` holds a sync object, directly or in a struct field or array element.
pub fn holds_sync(value: &Value) -> bool {
    match value {
        Value::Sync(_) => true,
        Value::Tuple(items) | Value::Array(items) => items.iter().any(holds_sync),
        _ => false,
    }
}

/// The value Go's copy of `value` is: every sync object inside it (not behind a pointer) is
/// replaced by a new object with the same state and no waiters.
pub fn copy_syncs(st: &mut State, value: Value) -> Value {
    match value {
        Value::Sync(id) => {
            let copy = without_waiters(st.syncs[id.0 as usize].clone());
            new_sync(st, copy)
        }
        Value::Tuple(items) if items.iter().any(holds_sync) => Value::Tuple(copy_items(st, &items)),
        Value::Array(items) if items.iter().any(holds_sync) => Value::Array(copy_items(st, &items)),
        other => other,
    }
}

fn copy_items(st: &mut State, items: &[Value]) -> Arc<[Value]> {
    items
        .iter()
        .map(|item| copy_syncs(st, item.clone()))
        .collect()
}

/// The state of a sync object as its copy has it: everything but the parked goroutines.
fn without_waiters(mut object: SyncObj) -> SyncObj {
    match &mut object {
        SyncObj::Mutex { waiters, .. }
        | SyncObj::WaitGroup { waiters, .. }
        | SyncObj::Once { waiters, .. }
        | SyncObj::Cond { waiters, .. } => waiters.clear(),
        SyncObj::RWMutex(state) => {
            state.writer_queue.clear();
            state.reader_sem.waiters.clear();
            state.writer_sem.waiters.clear();
        }
        SyncObj::Map(_) => {}
    }
    object
}
