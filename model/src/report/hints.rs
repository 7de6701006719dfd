//! Hints for a search that a bound stopped: what the numbers suggest about why it could not be
//! exhausted, and what to try. Not findings: they only read the statistics and the program.

use crate::explore::{Exploration, StoppedBy};
use crate::program::{Clock, Instr, Program};
use crate::semantics::Choice;

/// A stopped breadth-first search this deep has almost surely met a state space without end:
/// the bundled scenarios' deepest states are at most 125 steps deep, the corpus's at most 1,029
/// (corpus/34, a ticker loop), and a real protocol cut down to a model rarely needs more.
const UNBOUNDED_DEPTH: u32 = 10_000;

/// The hints for a search of `program` that ended as `exploration` says.
pub(super) fn hints(program: &Program, exploration: &Exploration<Choice>) -> Vec<String> {
    let stopped_by_budget = matches!(
        exploration.stopped_by,
        Some(
            StoppedBy::MaxStates
                | StoppedBy::TimeLimit
                | StoppedBy::MaxMemory
                | StoppedBy::Cancelled
        )
    );
    let depth = exploration.statistics.max_depth;
    if exploration.exhaustive || !stopped_by_budget || depth < UNBOUNDED_DEPTH {
        return Vec::new();
    }
    let mut hints = vec![format!(
        "the search went {depth} steps deep: the model's state space is probably unbounded \
         (a counter, a slice or a queue that grows every time round a loop), so no bound will \
         let it finish; bound the loop or what grows (a `gomc:set` constant), or look for \
         bugs with `--swarm`"
    )];
    if program.clock == Clock::Untimed && can_start_timers(program) {
        hints.push(
            "under the untimed clock a timer or ticker may fire at any point, so a loop it \
             drives can run any number of times before the rest of the program moves; \
             `--clock synctest` fires timers in deadline order once every goroutine is blocked, \
             as Go's testing/synctest does (README, \"Time: which clock answers which \
             question\")"
                .to_string(),
        );
    }
    hints
}

/// Whether the program can start a timer, a ticker or an `AfterFunc`: some function has the
/// instruction, the library's included (`time.Sleep` waits on a timer; a model importing
/// `time` or `context` has them), whether or not a run reaches it.
fn can_start_timers(program: &Program) -> bool {
    program.functions.iter().any(|function| {
        function.code.iter().any(|instr| {
            matches!(
                instr,
                Instr::TimerChan | Instr::TickerChan | Instr::AfterFuncTimer
            )
        })
    })
}
