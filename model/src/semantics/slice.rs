//! Slices (Go spec, "Slice types", "Slice expressions", "Appending to and copying slices"):
//! their backing stores, indexing, `append` (in place while the capacity allows, else into a
//! doubled copy, so aliasing behaves as in Go) and slicing, with runtime/slice.go's and
//! runtime/panic.go's messages.
//!
//! Invariant: a slice's window `[offset, offset + cap)` lies inside its backing store, a
//! backing array or the cell of a sliced array variable.

use std::sync::Arc;

use super::exec::{int, runtime_error, Exec, Trap};
use super::state::{Object, State};
use super::value::{ObjId, Value};

pub fn new_slice(st: &mut State, items: Vec<Value>) -> Value {
    let len = items.len() as u32;
    let array = st.alloc(Object::Array(Arc::new(items)));
    Value::Slice {
        array,
        offset: 0,
        len,
        cap: len,
    }
}

/// The elements of a slice's backing store: a backing array, or the cell of an array variable
/// that was sliced (`a[:]`), so that the slice and the variable share their elements as in Go.
pub(super) fn array(st: &State, obj: ObjId) -> &[Value] {
    match &st.heap[obj.0 as usize] {
        Object::Array(items) => items,
        Object::Cell(Value::Array(items)) => items,
        other => unreachable!("internal error: slice of {other:?}"),
    }
}

/// [`array`], to write to.
pub(super) fn array_mut(st: &mut State, obj: ObjId) -> &mut [Value] {
    match &mut st.heap_mut()[obj.0 as usize] {
        Object::Array(items) => Arc::make_mut(items).as_mut_slice(),
        Object::Cell(Value::Array(items)) => Arc::make_mut(items),
        other => unreachable!("internal error: slice of {other:?}"),
    }
}

/// The elements of a slice value (empty for nil), in order.
pub fn slice_items(st: &State, value: &Value) -> Vec<Value> {
    match value {
        Value::Slice {
            array: obj,
            offset,
            len,
            ..
        } => array(st, *obj)[*offset as usize..(*offset + *len) as usize].to_vec(),
        Value::Nil => Vec::new(),
        Value::Str(text) => text.bytes().map(|b| Value::Int(b as i64)).collect(),
        other => unreachable!("internal error: items of {other:?}"),
    }
}

pub(super) fn index_value(st: &State, container: &Value, index: i64) -> Result<Value, Trap> {
    let len = match container {
        Value::Slice { len, .. } => *len as i64,
        Value::Array(items) => items.len() as i64,
        Value::Str(text) => text.len() as i64,
        Value::Nil => 0,
        other => unreachable!("internal error: index of {other:?}"),
    };
    if index < 0 || index >= len {
        return Err(runtime_error(format!(
            "index out of range [{index}] with length {len}"
        )));
    }
    Ok(match container {
        Value::Slice {
            array: obj, offset, ..
        } => array(st, *obj)[*offset as usize + index as usize].clone(),
        Value::Array(items) => items[index as usize].clone(),
        Value::Str(text) => Value::Int(text.as_bytes()[index as usize] as i64),
        _ => unreachable!(),
    })
}

pub(super) fn set_index(st: &mut State, slice: &Value, index: i64, value: Value) -> Exec {
    let (obj, offset, len) = match slice {
        Value::Slice {
            array, offset, len, ..
        } => (*array, *offset, *len as i64),
        Value::Nil => {
            return Err(runtime_error(format!(
                "index out of range [{index}] with length 0"
            )))
        }
        other => unreachable!("internal error: index assignment to {other:?}"),
    };
    if index < 0 || index >= len {
        return Err(runtime_error(format!(
            "index out of range [{index}] with length {len}"
        )));
    }
    array_mut(st, obj)[offset as usize + index as usize] = value;
    Ok(())
}

pub(super) fn append(st: &mut State, slice: Value, items: Vec<Value>) -> Result<Value, Trap> {
    let (obj, offset, len, cap) = match slice {
        Value::Slice {
            array,
            offset,
            len,
            cap,
        } => (Some(array), offset, len, cap),
        Value::Nil => (None, 0, 0, 0),
        other => unreachable!("internal error: append to {other:?}"),
    };
    super::limits::check_size("slice", len as usize + items.len())?;
    let needed = len + items.len() as u32;
    if let Some(obj) = obj.filter(|_| needed <= cap) {
        let array = array_mut(st, obj);
        for (i, item) in items.into_iter().enumerate() {
            array[offset as usize + len as usize + i] = item;
        }
        return Ok(Value::Slice {
            array: obj,
            offset,
            len: needed,
            cap,
        });
    }
    // runtime/slice.go growslice: double small slices (the exact growth factor only matters
    // for aliasing, which doubling reproduces for the sizes models use).
    // Capped at the allocation bound, which `needed` is within (checked above): Go grows large
    // slices by less than double anyway.
    let new_cap = needed
        .max(cap * 2)
        .max(1)
        .min(super::limits::MAX_ELEMENTS as u32);
    // growslice copies the elements into the new array: sync values in them are copies.
    let mut grown: Vec<Value> = match obj {
        Some(obj) => array(st, obj)[offset as usize..(offset + len) as usize].to_vec(),
        None => Vec::new(),
    };
    if grown.iter().any(super::copy::holds_sync) {
        grown = grown
            .into_iter()
            .map(|item| super::copy::copy_syncs(st, item))
            .collect();
    }
    grown.extend(items);
    // Elements past the length are never read before being written (reslicing past `len` up to
    // `cap` is the one way, and models have no use for it), so they stay nil.
    grown.resize(new_cap as usize, Value::Nil);
    let array = st.alloc(Object::Array(Arc::new(grown)));
    Ok(Value::Slice {
        array,
        offset: 0,
        len: needed,
        cap: new_cap,
    })
}

/// `s[lo:hi:max]`, with runtime/panic.go's messages for each bound that fails (checked from
/// the right, as the compiler does).
pub(super) fn reslice3(value: &Value, low: &Value, high: i64, max: i64) -> Result<Value, Trap> {
    let low = if *low == Value::Nil { 0 } else { int(low) };
    let (array, offset, cap) = match value {
        Value::Slice {
            array, offset, cap, ..
        } => (Some(*array), *offset, *cap as i64),
        Value::Nil => (None, 0, 0),
        other => unreachable!("internal error: 3-index slice of {other:?}"),
    };
    if max < 0 || max > cap {
        return Err(runtime_error(format!(
            "slice bounds out of range [::{max}] with capacity {cap}"
        )));
    }
    if high < 0 || high > max {
        return Err(runtime_error(format!(
            "slice bounds out of range [:{high}:{max}]"
        )));
    }
    if low < 0 || low > high {
        return Err(runtime_error(format!(
            "slice bounds out of range [{low}:{high}:]"
        )));
    }
    Ok(match array {
        Some(array) => Value::Slice {
            array,
            offset: offset + low as u32,
            len: (high - low) as u32,
            cap: (max - low) as u32,
        },
        None => Value::Nil,
    })
}

pub(super) fn reslice(value: &Value, low: &Value, high: &Value) -> Result<Value, Trap> {
    let bound = |v: &Value, default: i64| if *v == Value::Nil { default } else { int(v) };
    match value {
        Value::Slice {
            array,
            offset,
            len,
            cap,
        } => {
            let (lo, hi) = (bound(low, 0), bound(high, *len as i64));
            if lo < 0 || hi < lo || hi > *cap as i64 {
                return Err(runtime_error(format!(
                    "slice bounds out of range [{lo}:{hi}] with capacity {cap}"
                )));
            }
            Ok(Value::Slice {
                array: *array,
                offset: offset + lo as u32,
                len: (hi - lo) as u32,
                cap: cap - lo as u32,
            })
        }
        Value::Str(text) => {
            let (lo, hi) = (bound(low, 0), bound(high, text.len() as i64));
            if lo < 0 || hi < lo || hi > text.len() as i64 {
                return Err(runtime_error(format!(
                    "slice bounds out of range [{lo}:{hi}] with length {}",
                    text.len()
                )));
            }
            Ok(Value::str(&text[lo as usize..hi as usize]))
        }
        Value::Nil => {
            let (lo, hi) = (bound(low, 0), bound(high, 0));
            if lo != 0 || hi != 0 {
                return Err(runtime_error(format!(
                    "slice bounds out of range [{lo}:{hi}] with capacity 0"
                )));
            }
            Ok(Value::Nil)
        }
        other => unreachable!("internal error: slicing {other:?}"),
    }
}
