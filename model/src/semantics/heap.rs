//! Instructions on heap data: cells and pointers, closures, slices (whose operations are
//! `slice.rs`'s), maps, and the creation of channels.
//!
//! Invariant: map entries stay sorted by key with no duplicate keys.

use std::sync::Arc;

use super::exec::{int, load, runtime_error, store, Exec, Trap};
use super::slice::{
    append, array, index_value, new_slice, reslice, reslice3, set_index, slice_items,
};
use super::state::{Chan, Object, State};
use super::value::{ChanId, Gid, ObjId, Value};
use super::zero::zero_value;
use crate::program::{Instr, Program};

/// Executes a heap instruction (`Executor::Heap`) of goroutine `g` (pc already advanced).
pub fn exec_data(program: &Program, st: &mut State, g: Gid, instr: &Instr) -> Exec {
    match instr {
        Instr::LoadCapture(index) => {
            let env = st
                .goroutine(g)
                .top()
                .env
                .expect("internal error: capture outside a closure");
            let Object::Array(cells) = &st.heap[env.0 as usize] else {
                unreachable!("internal error: closure environment is not an array");
            };
            let pointer = cells[*index as usize].clone();
            st.goroutine_mut(g).push(pointer);
        }
        Instr::NewCell => {
            let value = st.goroutine_mut(g).pop();
            let cell = st.alloc(Object::Cell(value));
            st.goroutine_mut(g).push(Value::Pointer(cell));
        }
        Instr::Load => {
            let pointer = st.goroutine_mut(g).pop();
            let value = load(st, &pointer)?;
            st.goroutine_mut(g).push(value);
        }
        Instr::Store => {
            let goroutine = st.goroutine_mut(g);
            let value = goroutine.pop();
            let pointer = goroutine.pop();
            store(st, &pointer, value)?;
        }
        Instr::MakeClosure { func, captures } => {
            let cells = st.goroutine_mut(g).pop_n(*captures as usize);
            let env = st.alloc(Object::Array(Arc::new(cells)));
            st.goroutine_mut(g).push(Value::Func {
                func: *func,
                env: Some(env),
            });
        }
        Instr::MakeSlice(elem) => {
            let goroutine = st.goroutine_mut(g);
            let cap = int(&goroutine.pop());
            let len = int(&goroutine.pop());
            if len < 0 || len > u32::MAX as i64 / 2 {
                return Err(runtime_error("makeslice: len out of range"));
            }
            if cap < len || cap > u32::MAX as i64 / 2 {
                return Err(runtime_error("makeslice: cap out of range"));
            }
            super::limits::check_size("slice", cap as usize)?;
            let zero = zero_value(program, st, *elem);
            // Each element is a variable of its own: elements holding sync values get sync
            // objects of their own.
            let elements = if super::copy::holds_sync(&zero) {
                (0..cap).map(|_| zero_value(program, st, *elem)).collect()
            } else {
                vec![zero; cap as usize]
            };
            let array = st.alloc(Object::Array(Arc::new(elements)));
            let slice = Value::Slice {
                array,
                offset: 0,
                len: len as u32,
                cap: cap as u32,
            };
            st.goroutine_mut(g).push(slice);
        }
        Instr::SliceLit(count) => {
            let items = st.goroutine_mut(g).pop_n(*count as usize);
            let slice = new_slice(st, items);
            st.goroutine_mut(g).push(slice);
        }
        Instr::Index => {
            let goroutine = st.goroutine_mut(g);
            let index = int(&goroutine.pop());
            let container = goroutine.pop();
            let value = index_value(st, &container, index)?;
            st.goroutine_mut(g).push(value);
        }
        Instr::SetIndex => {
            let goroutine = st.goroutine_mut(g);
            let value = goroutine.pop();
            let index = int(&goroutine.pop());
            let slice = goroutine.pop();
            set_index(st, &slice, index, value)?;
        }
        Instr::Append(count) => {
            let items = st.goroutine_mut(g).pop_n(*count as usize);
            let slice = st.goroutine_mut(g).pop();
            let result = append(st, slice, items)?;
            st.goroutine_mut(g).push(result);
        }
        Instr::Copy => {
            let goroutine = st.goroutine_mut(g);
            let src = goroutine.pop();
            let dst = goroutine.pop();
            let items = slice_items(st, &src);
            let room = match &dst {
                Value::Slice { len, .. } => *len as usize,
                _ => 0,
            };
            let n = items.len().min(room);
            for (index, item) in items.into_iter().take(n).enumerate() {
                set_index(st, &dst, index as i64, item)?;
            }
            st.goroutine_mut(g).push(Value::Int(n as i64));
        }
        Instr::Clear(zero) => {
            let target = st.goroutine_mut(g).pop();
            match (target, zero) {
                (Value::Map(obj), _) => {
                    st.heap_mut()[obj.0 as usize] = Object::Map(Arc::new(Vec::new()));
                }
                (slice @ Value::Slice { len, .. }, Some(ty)) => {
                    for index in 0..len {
                        let value = zero_value(program, st, *ty);
                        set_index(st, &slice, index as i64, value)?;
                    }
                }
                _ => {} // clear of a nil map or slice does nothing
            }
        }
        Instr::AppendSlice => {
            let goroutine = st.goroutine_mut(g);
            let tail = goroutine.pop();
            let slice = goroutine.pop();
            let items = slice_items(st, &tail);
            let result = append(st, slice, items)?;
            st.goroutine_mut(g).push(result);
        }
        Instr::ArraySlice => {
            let pointer = st.goroutine_mut(g).pop();
            let cell =
                match pointer {
                    Value::Pointer(cell) => cell,
                    Value::Nil => {
                        return Err(runtime_error(
                            "invalid memory address or nil pointer dereference",
                        ))
                    }
                    _ => return Err(Trap::CheckerLimit(
                        "the model slices an array inside a struct or another array, which gomc \
                         does not model (make that field a slice)"
                            .into(),
                    )),
                };
            let len = array(st, cell).len() as u32;
            st.goroutine_mut(g).push(Value::Slice {
                array: cell,
                offset: 0,
                len,
                cap: len,
            });
        }
        Instr::Slice => {
            let goroutine = st.goroutine_mut(g);
            let high = goroutine.pop();
            let low = goroutine.pop();
            let value = goroutine.pop();
            let result = reslice(&value, &low, &high)?;
            st.goroutine_mut(g).push(result);
        }
        Instr::Slice3 => {
            let goroutine = st.goroutine_mut(g);
            let max = int(&goroutine.pop());
            let high = int(&goroutine.pop());
            let low = goroutine.pop();
            let value = goroutine.pop();
            let result = reslice3(&value, &low, high, max)?;
            st.goroutine_mut(g).push(result);
        }
        Instr::Len | Instr::Cap => {
            let value = st.goroutine_mut(g).pop();
            let length = length(st, &value, matches!(instr, Instr::Cap));
            st.goroutine_mut(g).push(Value::Int(length));
        }
        Instr::MakeMap => {
            let map = st.alloc(Object::Map(Arc::new(Vec::new())));
            st.goroutine_mut(g).push(Value::Map(map));
        }
        Instr::MapIndex(elem) => {
            let goroutine = st.goroutine_mut(g);
            let key = goroutine.pop();
            let map = goroutine.pop();
            super::iface::check_hashable(program, &key)?;
            let found = match &map {
                Value::Map(obj) => map_entries(st, *obj)
                    .binary_search_by(|(k, _)| k.cmp(&key))
                    .ok()
                    .map(|at| map_entries(st, *obj)[at].1.clone()),
                _ => None,
            };
            let ok = found.is_some();
            let value = match found {
                Some(value) => value,
                None => zero_value(program, st, *elem),
            };
            let goroutine = st.goroutine_mut(g);
            goroutine.push(value);
            goroutine.push(Value::Bool(ok));
        }
        Instr::MapStore => {
            let goroutine = st.goroutine_mut(g);
            let value = goroutine.pop();
            let key = goroutine.pop();
            let Value::Map(obj) = goroutine.pop() else {
                return Err(Trap::Panic("assignment to entry in nil map".into()));
            };
            super::iface::check_hashable(program, &key)?;
            let Object::Map(entries) = &mut st.heap_mut()[obj.0 as usize] else {
                unreachable!()
            };
            let entries = Arc::make_mut(entries);
            match entries.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(at) => entries[at].1 = value,
                Err(at) => entries.insert(at, (key, value)),
            }
        }
        Instr::MapDelete => {
            let goroutine = st.goroutine_mut(g);
            let key = goroutine.pop();
            let map = goroutine.pop();
            super::iface::check_hashable(program, &key)?;
            if let Value::Map(obj) = map {
                let Object::Map(entries) = &mut st.heap_mut()[obj.0 as usize] else {
                    unreachable!()
                };
                if let Ok(at) = entries.binary_search_by(|(k, _)| k.cmp(&key)) {
                    Arc::make_mut(entries).remove(at);
                }
            }
        }
        Instr::MapKeys => {
            let map = st.goroutine_mut(g).pop();
            let keys = match map {
                Value::Map(obj) => map_entries(st, obj)
                    .iter()
                    .map(|(k, _)| k.clone())
                    .collect(),
                _ => Vec::new(),
            };
            let slice = new_slice(st, keys);
            st.goroutine_mut(g).push(slice);
        }
        Instr::MakeChan(elem) => {
            let cap = int(&st.goroutine_mut(g).pop());
            if !(0..=u32::MAX as i64 / 2).contains(&cap) {
                return Err(Trap::Panic("makechan: size out of range".into()));
            }
            let chan = new_chan(st, Some(*elem), cap as u32);
            st.goroutine_mut(g).push(Value::Chan(chan));
        }
        Instr::AfterFuncTimer => {
            let func = st.goroutine_mut(g).pop();
            let delay = int(&st.goroutine_mut(g).pop());
            let chan = new_chan(st, None, 1);
            st.chan_mut(chan).after_func = Some(func);
            st.goroutine_mut(g).push(Value::Chan(chan));
            super::timer::arm(st, g, chan, delay, 0);
        }
        Instr::TimerChan | Instr::TickerChan => {
            let delay = int(&st.goroutine_mut(g).pop());
            let chan = new_chan(st, None, 1);
            st.goroutine_mut(g).push(Value::Chan(chan));
            // A ticker's period is positive: time.NewTicker and Ticker.Reset panic otherwise.
            let period = if matches!(instr, Instr::TickerChan) {
                delay.max(1)
            } else {
                0
            };
            super::timer::arm(st, g, chan, delay, period);
        }
        Instr::ClockNow => {
            let now = st.now;
            st.goroutine_mut(g).push(Value::Int(now));
        }
        Instr::FieldAddr(field) => {
            let pointer = st.goroutine_mut(g).pop();
            let address = super::pointer::field_addr(&pointer, *field)?;
            st.goroutine_mut(g).push(address);
        }
        Instr::IndexAddr => {
            let goroutine = st.goroutine_mut(g);
            let index = int(&goroutine.pop());
            let container = goroutine.pop();
            let address = super::pointer::index_addr(st, &container, index)?;
            st.goroutine_mut(g).push(address);
        }
        Instr::SetElement => {
            let goroutine = st.goroutine_mut(g);
            let value = goroutine.pop();
            let index = int(&goroutine.pop());
            let array = goroutine.pop();
            let array = super::pointer::set_element(&array, index, value)?;
            st.goroutine_mut(g).push(array);
        }
        Instr::MakeCond => {
            let locker = st.goroutine_mut(g).pop();
            let cond = super::zero::new_sync(
                st,
                super::state::SyncObj::Cond {
                    locker,
                    waiters: Vec::new(),
                },
            );
            st.goroutine_mut(g).push(cond);
        }
        Instr::CondLocker => {
            let cond = st.goroutine_mut(g).pop();
            let locker = super::cond::locker(st, &cond)?;
            st.goroutine_mut(g).push(locker);
        }
        Instr::ReadLocker => {
            // sync/rwmutex.go's rlocker: the RWMutex seen through its read side.
            let rw = st.goroutine_mut(g).pop();
            let cell = st.alloc(Object::Cell(Value::Tuple(Arc::from([rw]))));
            st.goroutine_mut(g).push(Value::Pointer(cell));
        }
        Instr::CondSetLocker => {
            let locker = st.goroutine_mut(g).pop();
            let cond = st.goroutine_mut(g).pop();
            super::cond::set_locker(st, &cond, locker)?;
        }
        other => unreachable!(
            "internal error: {other:?} is not a heap instruction (routed by Instr::executor)"
        ),
    }
    Ok(())
}

fn new_chan(st: &mut State, elem: Option<crate::program::TypeId>, cap: u32) -> ChanId {
    st.chans_mut().push(Chan {
        elem,
        cap,
        buf: Vec::new(),
        closed: false,
        recvq: Vec::new(),
        sendq: Vec::new(),
        after_func: None,
    });
    ChanId(st.chans.len() as u32 - 1)
}

fn map_entries(st: &State, obj: ObjId) -> &Vec<(Value, Value)> {
    match &st.heap[obj.0 as usize] {
        Object::Map(entries) => entries,
        other => unreachable!("internal error: map of {other:?}"),
    }
}

/// `len` (or with `capacity`, `cap`) of a value that has one.
pub(super) fn length(st: &State, value: &Value, capacity: bool) -> i64 {
    match value {
        Value::Slice { len, cap, .. } => (if capacity { *cap } else { *len }) as i64,
        Value::Str(text) => text.len() as i64,
        Value::Array(items) => items.len() as i64,
        Value::Map(obj) => map_entries(st, *obj).len() as i64,
        Value::Chan(chan) => {
            let chan = &st.chans[chan.0 as usize];
            (if capacity {
                chan.cap
            } else {
                chan.buf.len() as u32
            }) as i64
        }
        Value::Nil => 0,
        other => unreachable!("internal error: len of {other:?}"),
    }
}
