//! Goroutine dumps in the shape of Go's traceback (runtime/traceback.go): wait reasons with
//! Go's names (runtime/runtime2.go's `waitReasonStrings`), innermost frame first, user frames
//! only, and the `go` statement that created each goroutine.

use super::state::{Blocked, End, Goroutine, State, Status};
use super::view::{FrameView, GoroutineStatus, GoroutineView};
use crate::program::{FuncId, Program};

/// Go's wait reason for a parked goroutine.
pub fn wait_reason(reason: Blocked) -> &'static str {
    match reason {
        Blocked::Send(_) => "chan send",
        Blocked::Recv(_) => "chan receive",
        Blocked::SendNil => "chan send (nil chan)",
        Blocked::RecvNil => "chan receive (nil chan)",
        Blocked::Select => "select",
        Blocked::SelectNoCases => "select (no cases)",
        Blocked::Lock(_) => "sync.Mutex.Lock",
        Blocked::WaitGroup(_) => "sync.WaitGroup.Wait",
        Blocked::RLock(_) => "sync.RWMutex.RLock",
        Blocked::RWLock(_) => "sync.RWMutex.Lock",
        // sync/once.go's doSlow waits in `o.m.Lock()`.
        Blocked::Once(_) => "sync.Mutex.Lock",
        Blocked::Cond(_) => "sync.Cond.Wait",
        Blocked::SynctestWait => "synctest.Wait",
    }
}

/// A frame view for instruction `pc` of `func`.
pub fn frame_view(program: &Program, func: FuncId, pc: u32) -> FrameView {
    let function = program.function(func);
    let span = function.spans[(pc as usize).min(function.spans.len() - 1)];
    let (file, line, _) = program.position(span);
    FrameView {
        function: function.name.clone(),
        span,
        location: format!("{file}:{line}"),
    }
}

/// The dump of every goroutine that is not dead, in number order; after an unrecovered panic,
/// the goroutine that panicked comes first as `[running]`, with the stack where the panic
/// started, as Go prints it.
pub fn goroutines(program: &Program, st: &State) -> Vec<GoroutineView> {
    let panicked = match &st.end {
        Some(End::Panic {
            goroutine, stack, ..
        }) => Some((*goroutine, stack)),
        _ => None,
    };
    let mut views = Vec::new();
    for goroutine in &st.goroutines {
        let (status, frames) = match (goroutine.status, panicked) {
            (_, Some((id, stack))) if id == goroutine.id => (
                GoroutineStatus::Running,
                stack_view(program, stack.iter().copied()),
            ),
            (Status::Dead, _) => continue,
            (Status::Runnable, _) => (GoroutineStatus::Runnable, live_stack(program, goroutine)),
            (Status::Blocked(reason), _) => (
                GoroutineStatus::Waiting(wait_reason(reason).to_string()),
                live_stack(program, goroutine),
            ),
        };
        let created_by = goroutine
            .created_at
            .map(|(func, pc)| frame_view(program, func, pc));
        let view = GoroutineView {
            id: goroutine.id,
            status,
            frames,
            created_by,
            creator: goroutine.parent,
        };
        if view.status == GoroutineStatus::Running {
            views.insert(0, view);
        } else {
            views.push(view);
        }
    }
    views
}

fn live_stack(program: &Program, goroutine: &Goroutine) -> Vec<FrameView> {
    stack_view(
        program,
        goroutine.frames.iter().map(|frame| (frame.func, frame.pc)),
    )
}

/// Frame views, innermost first, of a stack given outermost first; synthetic frames left out.
fn stack_view(
    program: &Program,
    positions: impl DoubleEndedIterator<Item = (FuncId, u32)> + ExactSizeIterator,
) -> Vec<FrameView> {
    let count = positions.len();
    let mut frames = Vec::new();
    for (depth, (func, pc)) in positions.enumerate().rev() {
        if program.function(func).synthetic {
            continue;
        }
        // Outer frames stand just past their call instruction.
        let pc = if depth + 1 == count {
            pc
        } else {
            pc.saturating_sub(1)
        };
        frames.push(frame_view(program, func, pc));
    }
    frames
}
