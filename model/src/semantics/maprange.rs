//! The order of a `range` over a map. Go leaves it open ("The iteration order over maps is not
//! specified and is not guaranteed to be the same from one iteration to the next", the spec's
//! "For statements with range clause"), and the runtime makes it vary on purpose: Go 1.23's
//! runtime/map.go `mapiterinit` starts at a random bucket and a random offset within it, and
//! Go 1.24's swiss maps (internal/runtime/maps/table.go `Iter.Init`) likewise. So a program
//! whose outcome depends on the order can end differently from run to run, and gomc explores
//! every order: the next key is a choice among the keys not visited yet
//! ([`Instr::MapRangeNext`]).
//!
//! Invariants: the keys slice of a running range holds each key of the map at the start of
//! the loop exactly once; before the pick at index `i`, `keys[..i]` are the visited keys and
//! `keys[i..]` the others, each part in ascending order. So the state after a pick depends on
//! which keys were visited, not on their order: orders whose loop bodies had the same effect
//! meet in one state once the loop variables (the last key and value) agree too, at most
//! n·2^(n-1) states for n keys where the effects commute, not n!. Keys added
//! during the loop are never produced and deleted ones are skipped by the lowering
//! (`frontend/control.rs`), both of which Go allows.

use super::exec::{int, StepLog};
use super::format::format_value;
use super::limits::MAX_CHOICES;
use super::slice::{array_mut, slice_items};
use super::state::State;
use super::value::{Gid, Value};
use super::wake::finish_op;
use crate::program::Program;

/// The keys slice and the index of the pick goroutine `g` stands at.
fn operands(st: &State, g: Gid) -> (Value, usize) {
    let goroutine = st.goroutine(g);
    (goroutine.peek(1).clone(), int(goroutine.peek(0)) as usize)
}

/// How many keys may come next.
fn left(st: &State, g: Gid) -> usize {
    let (keys, index) = operands(st, g);
    match keys {
        Value::Slice { len, .. } => (len as usize).saturating_sub(index),
        _ => 0,
    }
}

/// Reports each key that may come next (by its rank among those left) to `push`; past gomc's
/// bound on choices only one, as the step stops with [`check_left`]'s error.
pub fn alternatives(st: &State, g: Gid, push: &mut impl FnMut(u32)) {
    match left(st, g) {
        n if n >= 1 && n as i64 <= MAX_CHOICES => (0..n as u32).for_each(push),
        _ => push(0),
    }
}

/// The step error for a range with more keys left than gomc explores in one choice.
pub fn check_left(st: &State, g: Gid) -> Option<String> {
    let n = left(st, g);
    (n as i64 > MAX_CHOICES).then(|| {
        format!(
            "a range over a map with {n} keys left, over gomc's bound of {MAX_CHOICES} choices: \
             every order is explored, so range over the few entries that matter (a bound of \
             the checker, not of Go)"
        )
    })
}

/// Takes the key of rank `alternative` among those left as the next one.
pub fn next(program: &Program, st: &mut State, g: Gid, alternative: u32, log: &mut StepLog) {
    let (keys, index) = operands(st, g);
    let mut items = slice_items(st, &keys);
    let chosen = items.remove(index + alternative as usize);
    let visited = items[..index].partition_point(|key| *key < chosen);
    items.insert(visited, chosen.clone());
    if let Value::Slice { array, offset, .. } = keys {
        let offset = offset as usize;
        array_mut(st, array)[offset..offset + items.len()].clone_from_slice(&items);
    }
    finish_op(program, st, g, &[chosen], log);
}

/// The pick, for the trace: `range over map: next key "db" (1 of 2 left)`.
pub fn describe(st: &State, g: Gid, alternative: u32) -> String {
    let (keys, index) = operands(st, g);
    let items = slice_items(st, &keys);
    let left = items.len().saturating_sub(index);
    match items.get(index + alternative as usize) {
        Some(key) => format!(
            "range over map: next key {} ({} of {left} left)",
            quoted(st, key),
            alternative + 1
        ),
        None => "range over map: next key".into(),
    }
}

/// A key as Go source writes it: strings quoted, other keys as fmt prints them.
fn quoted(st: &State, key: &Value) -> String {
    match key {
        Value::Str(text) => format!("{text:?}"),
        other => format_value(st, other),
    }
}
