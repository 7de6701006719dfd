//! `sync.Map`, mirroring the contract of Go 1.23's sync/map.go: every method is linearizable,
//! so each is one step of the checker (a scheduling point).
//!
//! Design: the map is its entries sorted by key, not Go's read-only and dirty maps, whose
//! split is invisible to callers. `Range` takes the keys at one instant (Go's read-only map
//! after promoting the dirty one); a loop the front end emits (`frontend/syncmethod.rs`) then
//! visits them in every order (`Instr::MapRangeNext`, as a `range` over a map), loads each
//! value when it visits the key, skips a key deleted since, and calls f: Go's `Range` ranges
//! over that read-only map in a random order and loads each entry as it goes.
//!
//! Invariants: entries are sorted by key, with no duplicate keys.

use super::exec::{StepLog, Trap};
use super::slice::new_slice;
use super::state::{State, SyncObj};
use super::value::{Gid, SyncId, Value};
use super::wake::finish_op;
use crate::program::{Program, SyncMapOp};

/// How many operands the operation pops (the map included).
pub fn operand_count(op: SyncMapOp) -> usize {
    match op {
        SyncMapOp::Range | SyncMapOp::Clear => 1,
        SyncMapOp::Load | SyncMapOp::LoadAndDelete | SyncMapOp::Delete => 2,
        SyncMapOp::Store
        | SyncMapOp::LoadOrStore
        | SyncMapOp::Swap
        | SyncMapOp::CompareAndDelete => 3,
        SyncMapOp::CompareAndSwap => 4,
    }
}

fn entries(st: &mut State, id: SyncId) -> &mut Vec<(Value, Value)> {
    match st.sync_mut(id) {
        SyncObj::Map(entries) => entries,
        other => unreachable!("internal error: sync.Map operation on {other:?}"),
    }
}

/// Runs the `sync.Map` operation of goroutine `g`.
pub fn exec(
    program: &Program,
    st: &mut State,
    g: Gid,
    op: SyncMapOp,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let count = operand_count(op);
    let goroutine = st.goroutine(g);
    let operands: Vec<Value> = goroutine.stack[goroutine.stack.len() - count..].to_vec();
    let id = super::mutex::mutex_id_of(&operands[0])?;
    let key = operands.get(1).cloned().unwrap_or(Value::Nil);
    let map = entries(st, id);
    let at = map.binary_search_by(|(k, _)| k.cmp(&key));
    let current = at.ok().map(|at| map[at].1.clone());
    let found = current.is_some();
    let current_or_nil = current.clone().unwrap_or(Value::Nil);
    let results = match op {
        SyncMapOp::Load => vec![current_or_nil, Value::Bool(found)],
        SyncMapOp::Store => {
            insert(map, at, key, operands[2].clone());
            Vec::new()
        }
        SyncMapOp::LoadOrStore => match current {
            Some(value) => vec![value, Value::Bool(true)],
            None => {
                insert(map, at, key, operands[2].clone());
                vec![operands[2].clone(), Value::Bool(false)]
            }
        },
        SyncMapOp::LoadAndDelete => {
            remove(map, at);
            vec![current_or_nil, Value::Bool(found)]
        }
        SyncMapOp::Delete => {
            remove(map, at);
            Vec::new()
        }
        SyncMapOp::Swap => {
            insert(map, at, key, operands[2].clone());
            vec![current_or_nil, Value::Bool(found)]
        }
        SyncMapOp::CompareAndSwap => {
            let swapped = current.as_ref() == Some(&operands[2]);
            if swapped {
                insert(map, at, key, operands[3].clone());
            }
            vec![Value::Bool(swapped)]
        }
        SyncMapOp::CompareAndDelete => {
            let deleted = current.as_ref() == Some(&operands[2]);
            if deleted {
                remove(map, at);
            }
            vec![Value::Bool(deleted)]
        }
        SyncMapOp::Clear => {
            map.clear();
            Vec::new()
        }
        SyncMapOp::Range => {
            let (keys, values): (Vec<Value>, Vec<Value>) = map.iter().cloned().unzip();
            vec![new_slice(st, keys), new_slice(st, values)]
        }
    };
    finish_op(program, st, g, &results, log);
    Ok(())
}

fn insert(map: &mut Vec<(Value, Value)>, at: Result<usize, usize>, key: Value, value: Value) {
    match at {
        Ok(at) => map[at].1 = value,
        Err(at) => map.insert(at, (key, value)),
    }
}

fn remove(map: &mut Vec<(Value, Value)>, at: Result<usize, usize>) {
    if let Ok(at) = at {
        map.remove(at);
    }
}

/// Checks the invariants of one map.
pub fn check(entries: &[(Value, Value)]) -> Result<(), String> {
    if entries.windows(2).any(|pair| pair[0].0 >= pair[1].0) {
        return Err("sync.Map entries are not sorted by key".into());
    }
    Ok(())
}
