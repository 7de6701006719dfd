//! Goroutine dumps in the shape of Go's traceback (runtime/traceback.go): wait reasons with
//! Go's names (runtime/runtime2.go's `waitReasonStrings`), innermost frame first, user frames
//! only, and the `go` statement that created each goroutine.

use super::state::{Blocked, State, Status};
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

/// The dump of every goroutine that is not dead, in number order.
pub fn goroutines(program: &Program, st: &State) -> Vec<GoroutineView> {
    let mut views = Vec::new();
    for goroutine in &st.goroutines {
        let status = match goroutine.status {
            Status::Dead => continue,
            Status::Runnable => GoroutineStatus::Runnable,
            Status::Blocked(reason) => GoroutineStatus::Waiting(wait_reason(reason).to_string()),
        };
        let count = goroutine.frames.len();
        let mut frames = Vec::new();
        for (depth, frame) in goroutine.frames.iter().enumerate().rev() {
            if program.function(frame.func).synthetic {
                continue;
            }
            // Outer frames stand just past their call instruction.
            let pc = if depth + 1 == count {
                frame.pc
            } else {
                frame.pc.saturating_sub(1)
            };
            frames.push(frame_view(program, frame.func, pc));
        }
        let created_by = goroutine
            .created_at
            .map(|(func, pc)| frame_view(program, func, pc));
        views.push(GoroutineView {
            id: goroutine.id,
            status,
            frames,
            created_by,
            creator: goroutine.parent,
        });
    }
    views
}
