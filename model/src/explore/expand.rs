//! Expanding states: the successors of a batch of frontier states, computed on one thread or
//! on several ([`explore_parallel`]), each looked up in the visited set and classified where it
//! was computed, so that the search loop (`search.rs`) only numbers, counts and queues them.

use std::collections::VecDeque;

use super::search::{explore, search, Pending, SearchOptions, SearchOrder};
use super::visited::{StateIndex, Visited};
use super::{Exploration, Model, StateStatus, StepError};

/// [`explore`] with the successors of a breadth-first search computed on `options.threads`
/// threads, a batch of states at a time; everything else (the visited set, the order in which
/// states are numbered, counted and queued) stays on one thread, in the order of the
/// one-thread search, so the exploration is the same whatever the thread count. A depth-first
/// search runs on one thread.
pub fn explore_parallel<M>(model: &M, options: SearchOptions<'_>) -> Exploration<M::Choice>
where
    M: Model + Sync,
    M::State: Send + Sync,
    M::Choice: Send + Sync,
{
    let threads = options.threads.max(1);
    if threads == 1 || options.order == SearchOrder::Dfs {
        return explore(model, options);
    }
    let mut expand = |batch: &mut Vec<Pending<M::Packed>>,
                      visited: &Visited<M::Choice>,
                      out: &mut Vec<Expanded<M>>,
                      pack: bool| {
        if batch.len() < MIN_PARALLEL_PER_THREAD * threads {
            // A narrow frontier (a deep model with few states per level): starting threads
            // would cost more than the states' steps.
            return expand_here(model, visited, batch, out, pack);
        }
        let chunk = batch.len().div_ceil(threads).max(1);
        let mut parts = Vec::new();
        while batch.len() > chunk {
            parts.push(batch.split_off(batch.len() - chunk));
        }
        parts.push(std::mem::take(batch));
        parts.reverse();
        std::thread::scope(|scope| {
            // Each thread owns its part, so that it also frees the expanded states.
            let workers: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    scope.spawn(move || {
                        part.into_iter()
                            .map(|pending| expand_one(model, visited, pending, pack))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for worker in workers {
                match worker.join() {
                    Ok(part) => out.extend(part),
                    Err(payload) => std::panic::resume_unwind(payload),
                }
            }
        });
    };
    search(
        model,
        options,
        VecDeque::new(),
        BATCH_PER_THREAD * threads,
        &mut expand,
    )
}

/// States expanded per thread and batch in a parallel search: enough work to pay for the
/// threads' start, little enough that a batch's successors fit in memory.
const BATCH_PER_THREAD: usize = 512;

/// Below this many states per thread a batch is expanded on the search's own thread: a
/// thread's start and join (tens of microseconds, much of it in the kernel) cost more than a
/// few steps. Measured on a model whose frontier holds about a dozen states per level, where
/// starting threads for every batch made two threads four times slower than one.
const MIN_PARALLEL_PER_THREAD: usize = 32;

/// What computes the successors of a batch of pending states (on one thread or several),
/// taking them out of the batch; the flag says whether new states are packed compactly
/// (`Model::pack`).
pub(super) type Expand<'e, M> = dyn FnMut(
        &mut Vec<Pending<<M as Model>::Packed>>,
        &Visited<<M as Model>::Choice>,
        &mut Vec<Expanded<M>>,
        bool,
    ) + 'e;

/// An expanded state: its number, its depth and its successors.
pub(super) type Expanded<M> = (StateIndex, u32, Successors<M>);

/// Expands the batch's states on the calling thread, in order, and frees them.
pub(super) fn expand_here<M: Model>(
    model: &M,
    visited: &Visited<M::Choice>,
    batch: &mut Vec<Pending<M::Packed>>,
    out: &mut Vec<Expanded<M>>,
    pack: bool,
) {
    out.extend(
        batch
            .drain(..)
            .map(|pending| expand_one(model, visited, pending, pack)),
    );
}

/// Expands a pending state and frees it.
pub(super) fn expand_one<M: Model>(
    model: &M,
    visited: &Visited<M::Choice>,
    pending: Pending<M::Packed>,
    pack: bool,
) -> Expanded<M> {
    let state = model.unpack(pending.state);
    let successors = successors_of(model, visited, &state, pack);
    (pending.index, pending.depth, successors)
}

/// Each enabled choice of a state, with where it leads or the error of the step.
pub(super) type Successors<M> = Vec<(
    <M as Model>::Choice,
    Result<Next<<M as Model>::Packed>, StepError>,
)>;

/// Where a choice leads, as far as the thread that took it can tell.
pub(super) enum Next<S> {
    /// A state the visited set held before the batch: only its index matters.
    Known(StateIndex),
    /// A state the visited set did not hold before the batch (a state of the same batch may
    /// still have reached it first), classified; packed for the frontier when it runs.
    Fresh {
        state: Option<S>,
        fingerprint: super::Fingerprint,
        status: StateStatus,
        violation: Option<super::OutcomeKind>,
    },
}

/// The successors of `state` (of its choices, in their order), looked up in `visited` as it
/// was before the batch, and classified when new: the work of a step that can run on any
/// thread.
pub(super) fn successors_of<M: Model>(
    model: &M,
    visited: &Visited<M::Choice>,
    state: &M::State,
    pack: bool,
) -> Successors<M> {
    let mut choices = Vec::new();
    model.choices(state, &mut choices);
    choices
        .into_iter()
        .map(|choice| {
            let next = model.step(state, choice).map(|next| {
                let fingerprint = model.fingerprint(&next);
                match visited.index_of(fingerprint) {
                    Some(index) => Next::Known(index),
                    None => {
                        let status = model.status(&next);
                        Next::Fresh {
                            violation: model.violation(&next),
                            state: (status == StateStatus::Running).then(|| model.pack(next, pack)),
                            status,
                            fingerprint,
                        }
                    }
                }
            });
            (choice, next)
        })
        .collect()
}
