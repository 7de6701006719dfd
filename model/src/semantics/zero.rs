//! Zero values (the Go specification's "The zero value").
//!
//! Invariant: a zero `sync.Mutex`, `RWMutex`, `WaitGroup`, `Once`, `Cond` or `Map` is a fresh
//! sync object, usable at once.

use std::sync::Arc;

use super::state::{RWMutexState, State, SyncObj};
use super::value::{SyncId, Value};
use crate::program::{Program, Type, TypeId};

/// The zero value of a type; allocates the sync objects it contains.
pub fn zero_value(program: &Program, st: &mut State, ty: TypeId) -> Value {
    match program.ty(ty) {
        Type::Int => Value::Int(0),
        Type::Float(kind) => Value::Float(super::value::Float::new(*kind, 0.0)),
        Type::Bool => Value::Bool(false),
        Type::String => Value::str(""),
        Type::Nil => Value::Nil,
        Type::Struct(index) => {
            let fields = program.structs[*index as usize].field_types.clone();
            let values: Vec<Value> = fields
                .iter()
                .map(|field| zero_value(program, st, *field))
                .collect();
            Value::Tuple(Arc::from(values))
        }
        Type::Array(len, elem) => {
            let values: Vec<Value> = (0..*len).map(|_| zero_value(program, st, *elem)).collect();
            Value::Array(Arc::from(values))
        }
        Type::Mutex => new_sync(
            st,
            SyncObj::Mutex {
                locked: false,
                waiters: Vec::new(),
            },
        ),
        Type::WaitGroup => new_sync(
            st,
            SyncObj::WaitGroup {
                counter: 0,
                waiters: Vec::new(),
            },
        ),
        Type::RWMutex => new_sync(st, SyncObj::RWMutex(RWMutexState::default())),
        Type::Once => new_sync(
            st,
            SyncObj::Once {
                done: false,
                running: false,
                waiters: Vec::new(),
            },
        ),
        Type::Cond => new_sync(
            st,
            SyncObj::Cond {
                locker: Value::Nil,
                waiters: Vec::new(),
            },
        ),
        Type::SyncMap => new_sync(st, SyncObj::Map(Vec::new())),
    }
}

/// Allocates a sync object and returns its handle.
pub fn new_sync(st: &mut State, object: SyncObj) -> Value {
    st.syncs_mut().push(object);
    Value::Sync(SyncId(st.syncs.len() as u32 - 1))
}
