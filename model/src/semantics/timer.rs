//! Timers: `time.After`, `time.NewTimer`, `time.NewTicker`, `time.AfterFunc` and their `Stop`
//! and `Reset`, mirroring Go 1.23's runtime/time.go and time/sleep.go, time/tick.go, over one
//! of two clocks (`program::Clock`):
//!
//! - *untimed*: a pending timer may fire at any later point of the schedule (a choice of the
//!   checker, `Choice::FireTimer`), whatever its deadline; the clock moves up to the deadline
//!   of each timer that fires, never back;
//! - *synctest*: Go 1.25's runtime/synctest.go over the whole program. Timers fire only when
//!   no goroutine can run (`maybeWakeLocked`): first those already due, then a goroutine
//!   waiting in `synctest.Wait` resumes, and only then the clock jumps to the earliest
//!   deadline. The timers due at that instant fire together (`timers.check`); which fires
//!   first is the checker's choice.
//!
//! Invariants: a channel has at most one pending timer; a timer channel has capacity 1 and is
//! never closed; a ticker stays pending after it fires until it is stopped; under the synctest
//! clock no pending timer is due before `State::now` while a goroutine can run. As in Go 1.23
//! (time/sleep.go: "no stale values"), `Stop` and `Reset` discard a value the timer sent that
//! nobody has received: after them, a receive sees only a later firing.

use super::exec::{spawn, StepLog};
use super::state::{Blocked, State, Status, Timer};
use super::value::{ChanId, Gid, Value};
use super::wake::finish_op;
use crate::explore::StepError;
use crate::program::{Clock, Program};

/// Makes a timer pending on `chan`, owned by goroutine `g` (its next timer number), due
/// `delay` from now (a negative delay is due now, as in Go) and every `period` after that
/// for a ticker (0: once).
pub fn arm(st: &mut State, g: Gid, chan: ChanId, delay: i64, period: i64) {
    let goroutine = st.goroutine_mut(g);
    let nth = goroutine.timers_created;
    goroutine.timers_created += 1;
    let when = st.now.saturating_add(delay.max(0));
    st.timers.push(Timer {
        chan,
        owner: g,
        nth,
        when,
        period,
    });
}

/// Reports the timers that may fire in this state, in creation order.
pub fn may_fire(program: &Program, st: &State, push: &mut impl FnMut(&Timer)) {
    match program.clock {
        Clock::Untimed => st.timers.iter().for_each(push),
        Clock::Synctest => {
            if st.goroutines.iter().any(|g| g.status == Status::Runnable) {
                return;
            }
            let Some(next) = st.timers.iter().map(|timer| timer.when).min() else {
                return;
            };
            st.timers
                .iter()
                .filter(|timer| timer.when == next)
                .for_each(push);
        }
    }
}

/// Fires timer `nth` of goroutine `owner` (one `may_fire` reported), and under the synctest
/// clock every other timer due at the same instant after it.
pub fn fire(
    program: &Program,
    st: &mut State,
    owner: Gid,
    nth: u32,
    log: &mut StepLog,
) -> Result<(), StepError> {
    let Some(at) = st
        .timers
        .iter()
        .position(|t| t.owner == owner && t.nth == nth)
    else {
        return Err(StepError {
            message: format!("no timer t{owner}.{nth} can fire in this state"),
        });
    };
    st.now = st.now.max(st.timers[at].when);
    fire_at(program, st, at, log);
    if program.clock == Clock::Synctest {
        while let Some(at) = st.timers.iter().position(|t| t.when <= st.now) {
            fire_at(program, st, at, log);
        }
    }
    Ok(())
}

/// The firing of timer `nth` of goroutine `owner`, for a trace; under the synctest clock, with
/// the clock's reading it fires at (`at 5s`, time since the program started).
pub fn describe_firing(program: &Program, st: &State, owner: Gid, nth: u32) -> String {
    let fires = format!("timer {nth} of goroutine {owner} fires");
    let when = st
        .timers
        .iter()
        .find(|t| t.owner == owner && t.nth == nth)
        .map(|t| t.when.max(st.now));
    match (program.clock, when) {
        (Clock::Synctest, Some(when)) => format!("{fires} at {}", duration(when)),
        _ => fires,
    }
}

/// A duration as Go's `time.Duration.String` writes the common ones: `1.5s`, `10ms`, `0s`.
fn duration(ns: i64) -> String {
    let (unit, scale) = match ns.unsigned_abs() {
        0 => return "0s".to_string(),
        n if n < 1_000 => ("ns", 1),
        n if n < 1_000_000 => ("µs", 1_000),
        n if n < 1_000_000_000 => ("ms", 1_000_000),
        _ => ("s", 1_000_000_000),
    };
    let whole = ns / scale;
    let fraction = (ns % scale).abs();
    if fraction == 0 {
        return format!("{whole}{unit}");
    }
    let digits = format!("{fraction:0width$}", width = scale.to_string().len() - 1);
    format!("{whole}.{}{unit}", digits.trim_end_matches('0'))
}

/// Fires the timer at index `at` of `st.timers`.
fn fire_at(program: &Program, st: &mut State, at: usize, log: &mut StepLog) {
    let timer = st.timers[at].clone();
    if timer.periodic() {
        // A ticker is due again one period later, skipping the ticks the clock has passed
        // (runtime/time.go, `unlockAndRun`: when + period*(1 + delay/period)).
        let delay = st.now - timer.when;
        st.timers[at].when = timer.when + timer.period * (1 + delay / timer.period);
    } else {
        st.timers.remove(at);
    }
    match st.chans[timer.chan.0 as usize].after_func.clone() {
        // time.AfterFunc: the function runs in a new goroutine (time/sleep.go goFunc),
        // counted among its owner's goroutines.
        Some(func) => match spawn(program, st, timer.owner, func, Vec::new()) {
            Ok(id) => log.started.push(id),
            Err(_) => unreachable!("internal error: an AfterFunc without a func"),
        },
        None => super::chan::fire_timer(program, st, timer.chan, log),
    }
}

/// After a step: a goroutine parked in `synctest.Wait` resumes once no other goroutine can
/// run and no timer is due (runtime/synctest.go `maybeWakeLocked`: due timers first, then the
/// waiter, then the clock advances).
pub fn wake_synctest_waiter(program: &Program, st: &mut State, log: &mut StepLog) {
    if st.end.is_some() || st.goroutines.iter().any(|g| g.status == Status::Runnable) {
        return;
    }
    if program.clock == Clock::Synctest && st.timers.iter().any(|t| t.when <= st.now) {
        return;
    }
    let waiter = st
        .goroutines
        .iter()
        .find(|g| g.status == Status::Blocked(Blocked::SynctestWait))
        .map(|g| g.id);
    if let Some(g) = waiter {
        finish_op(program, st, g, &[], log);
    }
}

/// `SynctestWait`: parks goroutine `g` (it resumes in `wake_synctest_waiter`); a second
/// waiter panics as Go's does. Whether it parked.
pub fn synctest_wait(st: &mut State, g: Gid) -> Result<bool, super::exec::Trap> {
    let busy = st
        .goroutines
        .iter()
        .any(|other| other.status == Status::Blocked(Blocked::SynctestWait));
    if busy {
        return Err(super::exec::Trap::PanicString(
            "wait already in progress".into(),
        ));
    }
    super::wake::block(st, g, Blocked::SynctestWait);
    Ok(true)
}

/// Whether a pending timer can still make something happen once every goroutine is blocked,
/// so that the program is not dead yet. Go before 1.23, and the synctest clock (whose bubble
/// keeps every timer on its fake clock), keep every pending timer in the runtime's heap and
/// `checkdead` (runtime/proc.go) sees a live program while the heap is not empty. From Go 1.23
/// a channel timer is in the heap only while a goroutine is blocked on its channel
/// (runtime/time.go `needsAdd`: `!t.isChan || t.blocked > 0`; `blockTimerChan` adds it,
/// `unblockTimerChan` marks it a zombie that leaves the heap at its deadline): a ticker or
/// timer nobody waits on does not keep a deadlocked program from being reported as one.
/// `time.AfterFunc` timers (not channel timers) always count.
pub fn keep_alive(program: &Program, st: &State) -> bool {
    if !program.sync_timer_channels || program.clock == Clock::Synctest {
        return !st.timers.is_empty();
    }
    st.timers.iter().any(|timer| {
        let chan = &st.chans[timer.chan.0 as usize];
        chan.after_func.is_some() || !chan.recvq.is_empty()
    })
}

/// Drops the tickers whose channel nothing can reach any more: Go 1.23's garbage collector
/// recovers an unreferenced ticker even if it was never stopped (time/tick.go), so such a
/// ticker does not keep the program from finishing.
pub fn collect_unreachable_tickers(st: &mut State) {
    if !st.timers.iter().any(Timer::periodic) {
        return;
    }
    let reachable = super::race::reachable_from_others(st, 0).chans;
    st.timers
        .retain(|timer| !timer.periodic() || reachable[timer.chan.0 as usize]);
}

/// Stops the timer of `chan`; whether it was pending.
fn disarm(program: &Program, st: &mut State, chan: ChanId) -> bool {
    let found = st.timers.iter().position(|timer| timer.chan == chan);
    // Go 1.23: a stopped or reset timer's channel holds no stale value (earlier releases keep
    // a value already sent: `Program::sync_timer_channels`), and a value drained counts
    // as a timer stopped before it fired: runtime/time.go's `stop` and `modify` set `pending`
    // when `timerchandrain` removed one, so `if !t.Stop() { <-t.C }` never blocks on a timer
    // whose value nobody received.
    let mut drained = false;
    if program.sync_timer_channels {
        let buf = &mut st.chan_mut(chan).buf;
        drained = !buf.is_empty();
        buf.clear();
    }
    if let Some(at) = found {
        st.timers.remove(at);
    }
    found.is_some() || drained
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

/// `TimerReset`: stack ch, d, periodic → active.
pub fn reset(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) {
    let goroutine = st.goroutine(g);
    let chan = channel(goroutine.peek(2));
    let delay = super::exec::int(goroutine.peek(1));
    let periodic = matches!(goroutine.peek(0), Value::Bool(true));
    let active = disarm(program, st, chan);
    arm(st, g, chan, delay, if periodic { delay.max(1) } else { 0 });
    finish_op(program, st, g, &[Value::Bool(active)], log);
}
