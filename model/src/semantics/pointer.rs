//! Pointers into the heap: to a whole cell (`&x`, `new(T)`, `&T{...}`), and interior pointers to
//! a field or an element (`&s.f`, `&a[i]`, `&p.items[2].n`), following the Go specification's
//! rules on addressability and address operators; and the copy-on-write of array values
//! (`a[i] = v` on an array variable).
//!
//! Struct and array values are immutable (`Tuple`, `Array`), so a write through an interior pointer
//! rebuilds the values along its path and stores the new root: every pointer into the same
//! variable sees the write, as in Go.
//!
//! Invariants:
//! - an interior pointer's root is a live cell or backing array, and its path leads through
//!   struct and array values only (checked when the pointer is made, so reads and writes
//!   through it cannot fail except for the nil checks Go makes);
//! - taking the address of an element checks the index against the length, as Go does.

use std::sync::Arc;

use super::exec::{load, runtime_error, Exec, Trap};
use super::state::{Object, State};
use super::value::{InnerPointer, Value};

const NIL_DEREFERENCE: &str = "invalid memory address or nil pointer dereference";

/// The value an interior pointer points to.
pub fn load_inner(st: &State, inner: &InnerPointer) -> Value {
    let mut value = match (&st.heap[inner.obj.0 as usize], inner.element) {
        (Object::Cell(value), None) => value,
        (Object::Array(items), Some(element)) => &items[element as usize],
        // An element of a sliced array variable (`&a[:][i]`).
        (Object::Cell(Value::Array(items)), Some(element)) => &items[element as usize],
        (other, _) => unreachable!("internal error: interior pointer into {other:?}"),
    };
    for &index in &inner.path {
        value = match value {
            Value::Tuple(items) | Value::Array(items) => &items[index as usize],
            other => unreachable!("internal error: interior pointer through {other:?}"),
        };
    }
    value.clone()
}

/// Writes through an interior pointer.
pub fn store_inner(st: &mut State, inner: &InnerPointer, value: Value) {
    let root = match (&mut st.heap_mut()[inner.obj.0 as usize], inner.element) {
        (Object::Cell(Value::Array(items)), Some(element)) => {
            &mut Arc::make_mut(items)[element as usize]
        }
        (Object::Cell(root), None) => root,
        (Object::Array(items), Some(element)) => &mut Arc::make_mut(items)[element as usize],
        (other, _) => unreachable!("internal error: interior pointer into {other:?}"),
    };
    *root = replaced(root, &inner.path, value);
}

/// `value` with the part at `path` replaced by `new`.
fn replaced(value: &Value, path: &[u32], new: Value) -> Value {
    let Some((&first, rest)) = path.split_first() else {
        return new;
    };
    match value {
        Value::Tuple(items) => {
            let mut items = items.to_vec();
            items[first as usize] = replaced(&items[first as usize], rest, new);
            Value::Tuple(Arc::from(items))
        }
        Value::Array(items) => {
            let mut items = items.to_vec();
            items[first as usize] = replaced(&items[first as usize], rest, new);
            Value::Array(Arc::from(items))
        }
        other => unreachable!("internal error: interior pointer through {other:?}"),
    }
}

/// `&p.f`: a pointer to field `field` of the struct `pointer` points to.
pub fn field_addr(pointer: &Value, field: u32) -> Result<Value, Trap> {
    deeper(pointer, field)
}

/// A pointer to part `index` of the struct or array value `pointer` points to.
fn deeper(pointer: &Value, index: u32) -> Result<Value, Trap> {
    Ok(match pointer {
        Value::Pointer(obj) => Value::Inner(Arc::new(InnerPointer {
            obj: *obj,
            element: None,
            path: vec![index],
        })),
        Value::Inner(inner) => {
            let mut inner = (**inner).clone();
            inner.path.push(index);
            Value::Inner(Arc::new(inner))
        }
        Value::Nil => return Err(runtime_error(NIL_DEREFERENCE)),
        other => unreachable!("internal error: address of a part of {other:?}"),
    })
}

/// `&s[i]`: a pointer to element `index` of a slice, or of the array a pointer points to.
pub fn index_addr(st: &State, container: &Value, index: i64) -> Result<Value, Trap> {
    let out_of_range =
        |len: i64| runtime_error(format!("index out of range [{index}] with length {len}"));
    match container {
        Value::Slice {
            array, offset, len, ..
        } => {
            if index < 0 || index >= *len as i64 {
                return Err(out_of_range(*len as i64));
            }
            Ok(Value::Inner(Arc::new(InnerPointer {
                obj: *array,
                element: Some(offset + index as u32),
                path: Vec::new(),
            })))
        }
        Value::Nil => Err(out_of_range(0)),
        Value::Pointer(_) | Value::Inner(_) => {
            let len = match load(st, container)? {
                Value::Array(items) => items.len() as i64,
                other => unreachable!("internal error: element address in {other:?}"),
            };
            if index < 0 || index >= len {
                return Err(out_of_range(len));
            }
            deeper(container, index as u32)
        }
        other => unreachable!("internal error: element address in {other:?}"),
    }
}

/// `a[i] = v` on an array value: the array with element `index` replaced.
pub fn set_element(array: &Value, index: i64, value: Value) -> Result<Value, Trap> {
    let Value::Array(items) = array else {
        unreachable!("internal error: element assignment to {array:?}");
    };
    if index < 0 || index >= items.len() as i64 {
        return Err(runtime_error(format!(
            "index out of range [{index}] with length {}",
            items.len()
        )));
    }
    let mut items = items.to_vec();
    items[index as usize] = value;
    Ok(Value::Array(Arc::from(items)))
}

/// Stores through any pointer (for `exec::store`).
pub fn store_through(st: &mut State, pointer: &Value, value: Value) -> Exec {
    match pointer {
        Value::Inner(inner) => {
            store_inner(st, inner, value);
            Ok(())
        }
        Value::Nil => Err(runtime_error(NIL_DEREFERENCE)),
        other => unreachable!("internal error: store through {other:?}"),
    }
}
