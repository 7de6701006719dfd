//! Timers: `time.After`, `time.NewTimer`, `time.NewTicker` and their `Stop` and `Reset`,
//! mirroring Go 1.23's runtime/time.go and time/sleep.go, time/tick.go over gomc's abstract
//! clock: a pending timer may fire at any later point of the schedule (a choice of the
//! checker, `Choice::FireTimer`), never before it is armed.
//!
//! Invariants: a channel has at most one pending timer; a timer channel has capacity 1 and is
//! never closed; a ticker stays pending after it fires until it is stopped. As in Go 1.23
//! (time/sleep.go: "no stale values"), `Stop` and `Reset` discard a value the timer sent that
//! nobody has received: after them, a receive sees only a later firing.

use super::exec::StepLog;
use super::state::{State, Timer};
use super::value::{ChanId, Gid, Value};
use super::wake::finish_op;
use crate::program::Program;

/// Makes a timer pending on `chan`, owned by goroutine `g` (its next timer number).
pub fn arm(st: &mut State, g: Gid, chan: ChanId, periodic: bool) {
    let goroutine = st.goroutine_mut(g);
    let nth = goroutine.timers_created;
    goroutine.timers_created += 1;
    st.timers.push(Timer {
        chan,
        owner: g,
        nth,
        periodic,
    });
}

/// Drops the tickers whose channel nothing can reach any more: Go 1.23's garbage collector
/// recovers an unreferenced ticker even if it was never stopped (time/tick.go), so such a
/// ticker does not keep the program from finishing.
pub fn collect_unreachable_tickers(st: &mut State) {
    if !st.timers.iter().any(|timer| timer.periodic) {
        return;
    }
    let reachable = super::race::reachable_from_others(st, 0).chans;
    st.timers
        .retain(|timer| !timer.periodic || reachable[timer.chan.0 as usize]);
}

/// Stops the timer of `chan`; whether it was pending.
fn disarm(program: &Program, st: &mut State, chan: ChanId) -> bool {
    let found = st.timers.iter().position(|timer| timer.chan == chan);
    // Go 1.23: a stopped or reset timer's channel holds no stale value (earlier releases keep
    // a value already sent: `Program::timers_drop_stale_values`).
    if program.timers_drop_stale_values {
        st.chan_mut(chan).buf.clear();
    }
    if let Some(at) = found {
        st.timers.remove(at);
    }
    found.is_some()
}

/// The timer channel operand of `Stop`/`Reset`.
fn channel(value: &Value) -> ChanId {
    match value {
        Value::Chan(chan) => *chan,
        other => unreachable!("internal error: timer operation on {other:?}"),
    }
}

/// `TimerStop`: stack ch → active.
pub fn stop(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) {
    let chan = channel(st.goroutine(g).peek(0));
    let active = disarm(program, st, chan);
    finish_op(program, st, g, &[Value::Bool(active)], log);
}

/// `TimerReset`: stack ch, periodic → active.
pub fn reset(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) {
    let goroutine = st.goroutine(g);
    let chan = channel(goroutine.peek(1));
    let periodic = matches!(goroutine.peek(0), Value::Bool(true));
    let active = disarm(program, st, chan);
    arm(st, g, chan, periodic);
    finish_op(program, st, g, &[Value::Bool(active)], log);
}
