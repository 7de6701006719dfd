//! Channels and `select`, mirroring Go 1.23's runtime/chan.go (`chansend`, `chanrecv`,
//! `closechan`) and runtime/select.go (`selectgo`).
//!
//! Invariants (runtime/chan.go's `hchan`):
//! - `buf.len() <= cap`;
//! - if `buf` is not empty, `recvq` is empty; if `buf` has room, `sendq` is empty;
//! - an unbuffered channel never has both a parked sender and a parked receiver;
//! - a closed channel has no parked receivers and no parked senders;
//! - wait queues are FIFO: the receiver or sender that parked first is served first.
//!
//! Differences from the runtime, on purpose: a `select` with several ready cases may take any of
//! them (each is a separate choice of the checker, where the runtime picks at random); a parked
//! `select` that is woken on one channel leaves the queues of the others at once (the runtime's
//! `selectDone` does the same, lazily).

use super::exec::{StepLog, Trap};
use super::state::{Blocked, State, Status, Waiter};
use super::value::{ChanId, Gid, Value};
use super::wake::{block, finish_op, start_woken_panic};
use super::zero::zero_value;
use crate::program::{Instr, Program, SelectCaseKind};

/// Whether a receive from `chan` can complete now.
pub fn recv_ready(st: &State, chan: &Value) -> bool {
    match chan {
        Value::Chan(id) => {
            let c = &st.chans[id.0 as usize];
            !c.buf.is_empty() || !c.sendq.is_empty() || c.closed
        }
        _ => false,
    }
}

/// Whether a send on `chan` can complete now (or panics because the channel is closed).
pub fn send_ready(st: &State, chan: &Value) -> bool {
    match chan {
        Value::Chan(id) => {
            let c = &st.chans[id.0 as usize];
            c.closed || !c.recvq.is_empty() || (c.buf.len() as u32) < c.cap
        }
        _ => false,
    }
}

/// Receives from a ready channel: the value and whether it was sent (false: closed and drained).
/// Wakes the sender whose value it took, if any.
fn recv_now(program: &Program, st: &mut State, id: ChanId, log: &mut StepLog) -> (Value, bool) {
    let c = st.chan_mut(id);
    if !c.buf.is_empty() {
        let value = c.buf.remove(0);
        // A parked sender's value moves into the freed slot (chanrecv's "queue is full" path).
        if !c.sendq.is_empty() {
            let sender = c.sendq.remove(0);
            st.chan_mut(id).buf.push(sender.value.clone());
            sender_done(program, st, &sender, log);
        }
        return (value, true);
    }
    if !c.sendq.is_empty() {
        let sender = c.sendq.remove(0);
        let value = sender.value.clone();
        sender_done(program, st, &sender, log);
        return (value, true);
    }
    debug_assert!(
        c.closed,
        "internal error: receive from a channel that is not ready"
    );
    let elem = c.elem;
    let zero = match elem {
        Some(ty) => zero_value(program, st, ty),
        None => Value::Nil,
    };
    (zero, false)
}

/// Sends on a ready channel. Wakes the receiver it hands the value to, if any.
fn send_now(
    program: &Program,
    st: &mut State,
    id: ChanId,
    value: Value,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let c = st.chan_mut(id);
    if c.closed {
        return Err(Trap::Panic("send on closed channel".into()));
    }
    if !c.recvq.is_empty() {
        let receiver = c.recvq.remove(0);
        receiver_done(program, st, &receiver, value, true, log);
        return Ok(());
    }
    debug_assert!(
        (c.buf.len() as u32) < c.cap,
        "internal error: send on a full channel"
    );
    c.buf.push(value);
    Ok(())
}

/// A parked sender's value was taken: its send (or select case) completes.
fn sender_done(program: &Program, st: &mut State, sender: &Waiter, log: &mut StepLog) {
    leave_select_queues(st, sender);
    let pushes = match sender.case {
        Some(case) => vec![Value::Nil, Value::Bool(false), Value::Int(case as i64)],
        None => Vec::new(),
    };
    finish_op(program, st, sender.goroutine, &pushes, log);
}

/// A parked receiver got `value`: its receive (or select case) completes.
fn receiver_done(
    program: &Program,
    st: &mut State,
    receiver: &Waiter,
    value: Value,
    ok: bool,
    log: &mut StepLog,
) {
    leave_select_queues(st, receiver);
    let goroutine = st.goroutine(receiver.goroutine);
    let frame = goroutine.top();
    let instr = &program.function(frame.func).code[frame.pc as usize];
    let pushes = match (instr, receiver.case) {
        (_, Some(case)) => vec![value, Value::Bool(ok), Value::Int(case as i64)],
        (Instr::Recv { with_ok: true, .. }, None) => vec![value, Value::Bool(ok)],
        _ => vec![value],
    };
    finish_op(program, st, receiver.goroutine, &pushes, log);
}

/// A goroutine woken out of a `select` leaves the wait queues of its other cases.
fn leave_select_queues(st: &mut State, waiter: &Waiter) {
    if waiter.case.is_none() {
        return;
    }
    for chan in st.chans_mut() {
        chan.recvq.retain(|w| w.goroutine != waiter.goroutine);
        chan.sendq.retain(|w| w.goroutine != waiter.goroutine);
    }
}

/// `ch <- v` by goroutine `g` (operands `ch, v` on its stack). Returns whether it blocked.
pub fn send(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    let goroutine = st.goroutine(g);
    let (chan, value) = (goroutine.peek(1).clone(), goroutine.peek(0).clone());
    let Value::Chan(id) = chan else {
        block(st, g, Blocked::SendNil);
        return Ok(true);
    };
    if send_ready(st, &chan) {
        send_now(program, st, id, value, log)?;
        finish_op(program, st, g, &[], log);
        return Ok(false);
    }
    st.chan_mut(id).sendq.push(Waiter {
        goroutine: g,
        case: None,
        value,
    });
    block(st, g, Blocked::Send(id));
    Ok(true)
}

/// `<-ch` by goroutine `g` (operand `ch`). Returns whether it blocked.
pub fn recv(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> bool {
    let chan = st.goroutine(g).peek(0).clone();
    let Value::Chan(id) = chan else {
        block(st, g, Blocked::RecvNil);
        return true;
    };
    if recv_ready(st, &chan) {
        let (value, ok) = recv_now(program, st, id, log);
        receiver_done(
            program,
            st,
            &Waiter {
                goroutine: g,
                case: None,
                value: Value::Nil,
            },
            value,
            ok,
            log,
        );
        return false;
    }
    st.chan_mut(id).recvq.push(Waiter {
        goroutine: g,
        case: None,
        value: Value::Nil,
    });
    block(st, g, Blocked::Recv(id));
    true
}

/// `close(ch)` by goroutine `g` (operand `ch`): wakes every parked receiver (zero value,
/// `ok == false`) and every parked sender (which panics).
pub fn close(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    let Value::Chan(id) = st.goroutine(g).peek(0).clone() else {
        return Err(Trap::Panic("close of nil channel".into()));
    };
    let c = st.chan_mut(id);
    if c.closed {
        return Err(Trap::Panic("close of closed channel".into()));
    }
    c.closed = true;
    let receivers = std::mem::take(&mut c.recvq);
    let senders = std::mem::take(&mut c.sendq);
    let elem = c.elem;
    finish_op(program, st, g, &[], log);
    for receiver in receivers {
        if still_parked(st, receiver.goroutine) {
            let zero = match elem {
                Some(ty) => zero_value(program, st, ty),
                None => Value::Nil,
            };
            receiver_done(program, st, &receiver, zero, false, log);
        }
    }
    for sender in senders {
        if still_parked(st, sender.goroutine) {
            leave_select_queues(st, &sender);
            start_woken_panic(program, st, sender.goroutine, "send on closed channel", log);
        }
    }
    Ok(())
}

fn still_parked(st: &State, g: Gid) -> bool {
    matches!(st.goroutine(g).status, Status::Blocked(_))
}

/// The operands of a `select` on goroutine `g`'s stack: per case, the channel and (for a send)
/// the value.
fn select_operands(
    program: &Program,
    st: &State,
    g: Gid,
    table: crate::program::SelectId,
) -> Vec<(Value, Option<Value>)> {
    let table = program.select(table);
    let count: usize = table
        .cases
        .iter()
        .map(|case| operand_count(case.kind))
        .sum();
    let stack = &st.goroutine(g).stack;
    let mut at = stack.len() - count;
    let mut operands = Vec::with_capacity(table.cases.len());
    for case in &table.cases {
        let chan = stack[at].clone();
        let value = (case.kind == SelectCaseKind::Send).then(|| stack[at + 1].clone());
        at += operand_count(case.kind);
        operands.push((chan, value));
    }
    operands
}

/// How many operands a select case pushes.
pub fn operand_count(kind: SelectCaseKind) -> usize {
    match kind {
        SelectCaseKind::Send => 2,
        SelectCaseKind::Recv => 1,
    }
}

/// The alternatives of a `select`: the indices of its ready cases in case order, or (when none
/// is ready) the single alternative `cases.len()`, which takes `default` or parks.
pub fn select_alternatives(
    program: &Program,
    st: &State,
    g: Gid,
    table: crate::program::SelectId,
    push: &mut impl FnMut(u32),
) {
    let cases = &program.select(table).cases;
    let mut any_ready = false;
    for (index, (chan, value)) in select_operands(program, st, g, table).iter().enumerate() {
        let ready = match value {
            Some(_) => send_ready(st, chan),
            None => recv_ready(st, chan),
        };
        if ready {
            any_ready = true;
            push(index as u32);
        }
    }
    if !any_ready {
        push(cases.len() as u32);
    }
}

/// Runs the `select` of goroutine `g` with the given alternative. Returns whether it blocked.
pub fn select(
    program: &Program,
    st: &mut State,
    g: Gid,
    table_id: crate::program::SelectId,
    alternative: u32,
    log: &mut StepLog,
) -> Result<bool, Trap> {
    let table = program.select(table_id);
    let operands = select_operands(program, st, g, table_id);
    let index = alternative as usize;
    if index < table.cases.len() {
        let (chan, value) = operands[index].clone();
        let Value::Chan(id) = chan else {
            unreachable!("internal error: a nil channel's case is never ready");
        };
        let pushes = match value {
            Some(value) => {
                send_now(program, st, id, value, log)?;
                vec![Value::Nil, Value::Bool(false), Value::Int(index as i64)]
            }
            None => {
                let (value, ok) = recv_now(program, st, id, log);
                vec![value, Value::Bool(ok), Value::Int(index as i64)]
            }
        };
        finish_op(program, st, g, &pushes, log);
        return Ok(false);
    }
    if table.has_default {
        let pushes = [
            Value::Nil,
            Value::Bool(false),
            Value::Int(table.cases.len() as i64),
        ];
        finish_op(program, st, g, &pushes, log);
        return Ok(false);
    }
    let mut parked = false;
    for (case, (chan, value)) in operands.into_iter().enumerate() {
        let Value::Chan(id) = chan else { continue };
        let waiter = Waiter {
            goroutine: g,
            case: Some(case as u32),
            value: value.clone().unwrap_or(Value::Nil),
        };
        match value {
            Some(_) => st.chan_mut(id).sendq.push(waiter),
            None => st.chan_mut(id).recvq.push(waiter),
        }
        parked = true;
    }
    block(
        st,
        g,
        if parked {
            Blocked::Select
        } else {
            Blocked::SelectNoCases
        },
    );
    Ok(true)
}

/// The clock's reading when the program starts, in nanoseconds since the Unix epoch: midnight
/// UTC, 2000-01-01, as in a synctest bubble (runtime/synctest.go `synctestBaseTime`;
/// stdlib/time.go's `synctestBase`).
const SYNCTEST_BASE: i64 = 946_684_800_000_000_000;

/// A timer fires into its channel (runtime/time.go's `sendTime`: a send that never blocks;
/// the channel has capacity 1 and a timer fires once).
pub fn fire_timer(program: &Program, st: &mut State, chan: ChanId, log: &mut StepLog) {
    let c = &st.chans[chan.0 as usize];
    if c.closed || (c.recvq.is_empty() && c.buf.len() as u32 >= c.cap) {
        return;
    }
    // The value is the time.Time of the firing (stdlib/time.go's Time, a struct of its
    // nanoseconds), read from the clock only by a model that reads it
    // (`Program::reads_clock`): otherwise the reading is no part of a state's identity.
    let now = if program.reads_clock { st.now } else { 0 };
    let time = Value::Tuple(std::sync::Arc::from([Value::Int(SYNCTEST_BASE + now)]));
    // A timer channel is never closed, so the send cannot fail.
    let _ = send_now(program, st, chan, time, log);
}
