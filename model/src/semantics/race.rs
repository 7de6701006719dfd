//! Race mode: memory accesses to shared memory as scheduling points, and data-race detection.
//!
//! Outside race mode a transition merges a goroutine's computation between two synchronization
//! operations, which is exact only for data-race-free programs (ARCHITECTURE.md, Contracts). In race mode the
//! front end's access descriptions (`Function::accesses`) make every read or write of memory
//! that another goroutine can reach a scheduling point of its own, so that interleavings of
//! unsynchronized accesses are explored, and a state in which two goroutines' next operations
//! are conflicting accesses to one location is a data race (Go's memory model: two accesses,
//! at least one a write, not ordered by happens-before; atomic and sync operations are never
//! accesses here).
//!
//! What counts as shared: a package-level variable that code other than the package
//! initialization writes (a variable only initialized cannot be part of a race), while another
//! goroutine is alive; a heap
//! object (a cell, a backing array, a map) while it is reachable from a live goroutine other
//! than the accessing one (its stack, closure environments, deferred calls, panic values),
//! from a package-level variable, or through channels and sync objects reachable from those.
//! An object only the accessing goroutine can reach cannot be touched by anyone else before
//! that goroutine publishes it, and publishing it is itself a shared access or a
//! synchronization operation, so accesses to it stay local without losing an interleaving.
//!
//! Locations follow Go's race detector at the granularity the model has: a package-level
//! variable, a cell, a struct field below either (by field path), a slice element (by index),
//! a whole map (map operations read or write the map, as runtime/map.go's race annotations
//! do). Two accesses conflict when their objects are the same, their element ranges
//! intersect, one field path is a prefix of the other, and at least one writes.
//!
//! Invariants: only instructions with an access description stop a goroutine; a goroutine
//! standing at such an instruction in a stored state is runnable.

use super::state::{Object, State, Status, SyncObj};
use super::value::{Gid, ObjId, Ref, Value};
use crate::program::{AccessSite, Instr, LabelId, Program};

/// The memory a location lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Root {
    /// A package-level variable.
    Global(u32),
    /// A heap object.
    Object(ObjId),
}

/// One access's location and direction.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Access {
    root: Root,
    /// Elements `[start, end)` of a backing array; `None` for a whole object or a cell.
    elements: Option<(u32, u32)>,
    /// Struct fields and array elements below the root, outermost first.
    path: Vec<u32>,
    write: bool,
}

impl Access {
    fn conflicts(&self, other: &Access) -> bool {
        let ranges_meet = match (self.elements, other.elements) {
            (Some((a, b)), Some((c, d))) => a < d && c < b,
            _ => true,
        };
        let common = self.path.len().min(other.path.len());
        (self.write || other.write)
            && self.root == other.root
            && ranges_meet
            && self.path[..common] == other.path[..common]
    }
}

/// The access description of the instruction goroutine `g` stands at, with the instruction.
fn site<'p>(program: &'p Program, st: &State, g: Gid) -> Option<(&'p Instr, &'p AccessSite)> {
    let frame = st.goroutine(g).frames.last()?;
    let function = program.function(frame.func);
    let site = function.access_at(frame.pc)?;
    Some((&function.code[frame.pc as usize], site))
}

/// The accesses the instruction goroutine `g` stands at makes, computed from its operands
/// (none when it reads no memory this time: a nil pointer, an array value, an index out of
/// range, all of which the instruction itself handles).
fn accesses(program: &Program, st: &State, g: Gid) -> Vec<Access> {
    let Some((instr, site)) = site(program, st, g) else {
        return Vec::new();
    };
    let goroutine = st.goroutine(g);
    let peek = |depth: usize| goroutine.peek(depth);
    let mut out = Vec::new();
    let whole = |root: Root, path: Vec<u32>| Access {
        root,
        elements: None,
        path,
        write: site.write,
    };
    match instr {
        Instr::LoadGlobal(global) | Instr::StoreGlobal(global) => {
            out.push(whole(Root::Global(global.0), site.fields.clone()));
        }
        Instr::Load | Instr::Store => {
            let pointer = peek(if matches!(instr, Instr::Load) { 0 } else { 1 });
            match pointer {
                Value::Pointer(obj) => out.push(whole(Root::Object(*obj), site.fields.clone())),
                Value::Inner(inner) => {
                    let mut path = inner.path.clone();
                    path.extend(&site.fields);
                    out.push(Access {
                        root: Root::Object(inner.obj),
                        elements: inner.element.map(|element| (element, element + 1)),
                        path,
                        write: site.write,
                    });
                }
                _ => {}
            }
        }
        Instr::Index | Instr::SetIndex => {
            let at = if matches!(instr, Instr::Index) { 0 } else { 1 };
            if let (
                Value::Slice {
                    array, offset, len, ..
                },
                Value::Int(index),
            ) = (peek(at + 1), peek(at))
            {
                if (0..*len as i64).contains(index) {
                    let element = offset + *index as u32;
                    out.push(Access {
                        root: Root::Object(*array),
                        elements: Some((element, element + 1)),
                        path: site.fields.clone(),
                        write: site.write,
                    });
                }
            }
        }
        Instr::MapIndex(_) | Instr::MapStore | Instr::MapDelete | Instr::MapKeys => {
            let depth = match instr {
                Instr::MapKeys => 0,
                Instr::MapStore => 2,
                _ => 1,
            };
            if let Value::Map(obj) = peek(depth) {
                out.push(whole(Root::Object(*obj), Vec::new()));
            }
        }
        Instr::Append(count) => {
            append_accesses(peek(*count as usize), *count, &mut out);
        }
        Instr::AppendSlice => {
            let count = match peek(0) {
                Value::Slice {
                    array, offset, len, ..
                } => {
                    if *len > 0 {
                        out.push(Access {
                            root: Root::Object(*array),
                            elements: Some((*offset, offset + len)),
                            path: Vec::new(),
                            write: false,
                        });
                    }
                    *len
                }
                Value::Str(text) => text.len() as u32,
                _ => 0,
            };
            append_accesses(peek(1), count, &mut out);
        }
        _ => {}
    }
    out
}

/// `append(s, n values)`: writes the new elements in place when the capacity allows, else
/// reads the old ones to copy them (runtime/slice.go's `growslice`).
fn append_accesses(slice: &Value, count: u32, out: &mut Vec<Access>) {
    let Value::Slice {
        array,
        offset,
        len,
        cap,
    } = slice
    else {
        return;
    };
    if count == 0 {
        return;
    }
    let (elements, write) = if len + count <= *cap {
        ((offset + len, offset + len + count), true)
    } else if *len > 0 {
        ((*offset, offset + len), false)
    } else {
        return;
    };
    out.push(Access {
        root: Root::Object(*array),
        elements: Some(elements),
        path: Vec::new(),
        write,
    });
}

/// What race mode knows about a program before running it.
pub struct RaceMode {
    /// Per package-level variable: whether code other than the package initialization (the
    /// start function's initializers) writes it. Reads of the others cannot race, so they
    /// are not scheduling points.
    written_later: Vec<bool>,
}

impl RaceMode {
    /// Scans the program for writes of package-level variables.
    pub fn new(program: &Program) -> Self {
        let mut written_later = vec![false; program.globals.len()];
        for (index, function) in program.functions.iter().enumerate() {
            if index == program.start.0 as usize {
                continue;
            }
            for instr in &function.code {
                if let Instr::StoreGlobal(global) = instr {
                    written_later[global.0 as usize] = true;
                }
            }
        }
        RaceMode { written_later }
    }

    /// Whether goroutine `g`, about to run a local instruction, must stop before it: the
    /// instruction accesses memory another goroutine can reach (and may write).
    pub fn stops_at(&self, program: &Program, st: &State, g: Gid) -> bool {
        stops_at(program, st, g, &self.written_later)
    }
}

fn stops_at(program: &Program, st: &State, g: Gid, written_later: &[bool]) -> bool {
    let mut found = accesses(program, st, g);
    found.retain(|access| match access.root {
        Root::Global(global) => written_later[global as usize],
        Root::Object(_) => true,
    });
    if found.is_empty() {
        return false;
    }
    let others_alive = st
        .goroutines
        .iter()
        .any(|goroutine| goroutine.id != g && goroutine.status != Status::Dead);
    if !others_alive {
        return false;
    }
    let mut shared = None;
    found.iter().any(|access| match access.root {
        Root::Global(_) => true,
        Root::Object(obj) => shared
            .get_or_insert_with(|| reachable_from_others(st, g).objects)
            .get(obj.0 as usize)
            .copied()
            .unwrap_or(false),
    })
}

/// What the package-level variables and some live goroutines can reach, by id.
pub struct Reachable {
    /// Heap objects.
    pub objects: Vec<bool>,
    /// Channels.
    pub chans: Vec<bool>,
}

/// What is reachable from the package-level variables and from the live goroutines other than
/// `g` (0: from every live goroutine).
pub fn reachable_from_others(st: &State, g: Gid) -> Reachable {
    let mut objects = vec![false; st.heap.len()];
    let mut chans = vec![false; st.chans.len()];
    let mut syncs = vec![false; st.syncs.len()];
    let mut queue: Vec<Ref> = Vec::new();
    let visit = |value: &Value, queue: &mut Vec<Ref>| value.for_each_ref(&mut |r| queue.push(r));
    st.globals.iter().for_each(|value| visit(value, &mut queue));
    // A pending AfterFunc timer will run its function in a goroutine of its own.
    for timer in &st.timers {
        if st.chans[timer.chan.0 as usize].after_func.is_some() {
            queue.push(Ref::Chan(timer.chan));
        }
    }
    for goroutine in &st.goroutines {
        if goroutine.id == g || goroutine.status == Status::Dead {
            continue;
        }
        goroutine
            .stack
            .iter()
            .for_each(|value| visit(value, &mut queue));
        for frame in &goroutine.frames {
            if let Some(env) = frame.env {
                queue.push(Ref::Obj(env));
            }
        }
        for deferred in &goroutine.defers {
            visit(&deferred.func, &mut queue);
            deferred
                .args
                .iter()
                .for_each(|value| visit(value, &mut queue));
        }
        for unwinding in &goroutine.unwinding {
            if let super::state::UnwindKind::Panic { value, .. } = &unwinding.kind {
                visit(value, &mut queue);
            }
        }
    }
    while let Some(reference) = queue.pop() {
        match reference {
            Ref::Obj(id) => {
                if std::mem::replace(&mut objects[id.0 as usize], true) {
                    continue;
                }
                match &st.heap[id.0 as usize] {
                    Object::Cell(value) => visit(value, &mut queue),
                    Object::Array(items) => items.iter().for_each(|v| visit(v, &mut queue)),
                    Object::Map(entries) => entries.iter().for_each(|(key, value)| {
                        visit(key, &mut queue);
                        visit(value, &mut queue);
                    }),
                }
            }
            Ref::Chan(id) => {
                if std::mem::replace(&mut chans[id.0 as usize], true) {
                    continue;
                }
                let chan = &st.chans[id.0 as usize];
                chan.buf.iter().for_each(|value| visit(value, &mut queue));
                if let Some(func) = &chan.after_func {
                    visit(func, &mut queue);
                }
                for waiter in chan.sendq.iter().chain(&chan.recvq) {
                    visit(&waiter.value, &mut queue);
                }
            }
            Ref::Sync(id) => {
                if std::mem::replace(&mut syncs[id.0 as usize], true) {
                    continue;
                }
                match &st.syncs[id.0 as usize] {
                    SyncObj::Cond { locker, .. } => visit(locker, &mut queue),
                    SyncObj::Map(entries) => entries.iter().for_each(|(key, value)| {
                        visit(key, &mut queue);
                        visit(value, &mut queue);
                    }),
                    _ => {}
                }
            }
        }
    }
    Reachable { objects, chans }
}

/// One side of a data race: the goroutine and the access it is about to make.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RaceAccess {
    /// Go's goroutine number.
    pub goroutine: u32,
    /// `write` or `read`.
    pub kind: &'static str,
    /// The location as the model spells it at this access (`atExitFuncs`, `b.WorkDir`).
    pub location: String,
    /// The function making the access (`main.NewBuilder`).
    pub function: String,
    /// `file:line` of the access.
    pub position: String,
}

/// A data race: two goroutines whose next operations are conflicting accesses to one location.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RaceView {
    /// The lower-numbered goroutine's access.
    pub first: RaceAccess,
    /// The other goroutine's access.
    pub second: RaceAccess,
}

impl std::fmt::Display for RaceView {
    /// `data race on atExitFuncs: goroutine 2 writes atExitFuncs at a.go:12 (main.f);
    /// goroutine 3 reads atExitFuncs at a.go:11 (main.f)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |access: &RaceAccess| {
            format!(
                "goroutine {} {} {} at {} ({})",
                access.goroutine,
                if access.kind == "write" {
                    "writes"
                } else {
                    "reads"
                },
                access.location,
                access.position,
                access.function
            )
        };
        write!(
            f,
            "data race on {}: {}; {}",
            self.first.location,
            side(&self.first),
            side(&self.second)
        )
    }
}

/// The first data race of a state (by goroutine numbers), if any.
pub fn find(program: &Program, st: &State) -> Option<RaceView> {
    if st.end.is_some() {
        return None;
    }
    let at_access: Vec<(Gid, Vec<Access>)> = st
        .goroutines
        .iter()
        .filter(|goroutine| goroutine.status == Status::Runnable)
        .filter_map(|goroutine| {
            let found = accesses(program, st, goroutine.id);
            (!found.is_empty()).then_some((goroutine.id, found))
        })
        .collect();
    for (index, (first, first_accesses)) in at_access.iter().enumerate() {
        for (second, second_accesses) in &at_access[index + 1..] {
            for a in first_accesses {
                if let Some(b) = second_accesses.iter().find(|b| a.conflicts(b)) {
                    return Some(RaceView {
                        first: view(program, st, *first, a),
                        second: view(program, st, *second, b),
                    });
                }
            }
        }
    }
    None
}

fn view(program: &Program, st: &State, g: Gid, access: &Access) -> RaceAccess {
    let frame = st.goroutine(g).top();
    let frame_view = super::dump::frame_view(program, frame.func, frame.pc);
    let label = site(program, st, g).map(|(_, site)| site.label);
    RaceAccess {
        goroutine: g,
        kind: if access.write { "write" } else { "read" },
        location: label.map_or_else(String::new, |id: LabelId| program.label(id).to_string()),
        function: frame_view.function,
        position: frame_view.location,
    }
}

/// The access goroutine `g` is about to make, in words, for a trace: `write atExitFuncs`.
pub fn describe(program: &Program, st: &State, g: Gid) -> String {
    let found = accesses(program, st, g);
    let label = site(program, st, g).map_or("?", |(_, site)| program.label(site.label));
    let write = found.iter().any(|access| access.write);
    format!("{} {label}", if write { "write" } else { "read" })
}
