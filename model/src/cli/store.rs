//! `--hash-compact` and `--bitstate`: which store the native search keeps visited states in
//! (`model/src/explore/visited.rs` says what each costs and risks).

use super::{CheckArgs, EngineArg};
use crate::explore::StateStore;

/// The smallest bitstate array: below it nearly every state would be missed.
const MIN_BITSTATE_BYTES: u64 = 1 << 10;

/// The store the options ask for, or why they do not fit.
pub(super) fn state_store(args: &CheckArgs) -> Result<StateStore, String> {
    let option = match (args.hash_compact, args.bitstate) {
        (false, None) => return Ok(StateStore::Exact),
        (true, _) => "--hash-compact",
        (false, Some(_)) => "--bitstate",
    };
    if args.engine != EngineArg::Native {
        return Err(format!("{option} applies to the native engine"));
    }
    if args.swarm.is_some() {
        return Err(format!(
            "{option} does not apply to --swarm: each swarm job keeps its own bounded exact store"
        ));
    }
    match args.bitstate {
        Some(bytes) if bytes < MIN_BITSTATE_BYTES => Err(format!(
            "--bitstate: {bytes} bytes is too small an array (at least {MIN_BITSTATE_BYTES})"
        )),
        Some(bytes) => Ok(StateStore::Bitstate {
            // Rounded down to a power of two, as the store needs.
            bytes: 1 << bytes.ilog2(),
        }),
        None => Ok(StateStore::HashCompact),
    }
}
