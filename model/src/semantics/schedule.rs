//! Schedule strings: a short, stable, human-readable encoding of the choices that drive a run.
//!
//! Entries are separated by commas, one per transition:
//!
//! | entry | choice |
//! |---|---|
//! | `3` | goroutine 3 takes its next operation (`Choice::Run { goroutine: 3, alternative: 0 }`) |
//! | `3.1` | goroutine 3 takes alternative 1: a `select` case, or a `gomc.Choose` value |
//! | `t2.0` | the first timer created by goroutine 2 fires (`Choice::FireTimer { owner: 2, nth: 0 }`) |
//!
//! For example `1,1,2,3.1,t2.0`. The empty string is the empty schedule. The parser accepts
//! spaces around entries; [`Schedule`]'s `Display` writes none, so that printing a parsed
//! schedule gives back its canonical form.

use std::fmt;
use std::str::FromStr;

use super::Choice;

/// The list of choices that drives a run from the initial state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule(pub Vec<Choice>);

impl Schedule {
    /// Parses a schedule string (see the module documentation).
    pub fn parse(text: &str) -> Result<Schedule, ScheduleError> {
        if text.trim().is_empty() {
            return Ok(Schedule::default());
        }
        text.split(',')
            .enumerate()
            .map(|(index, entry)| parse_entry(entry.trim(), index + 1))
            .collect::<Result<Vec<_>, _>>()
            .map(Schedule)
    }
}

/// Writes one choice as a schedule entry: `3`, `3.1` or `t2.0`.
pub fn format_choice(choice: Choice) -> String {
    match choice {
        Choice::Run {
            goroutine,
            alternative: 0,
        } => goroutine.to_string(),
        Choice::Run {
            goroutine,
            alternative,
        } => format!("{goroutine}.{alternative}"),
        Choice::FireTimer { owner, nth } => format!("t{owner}.{nth}"),
    }
}

/// Writes choices as a schedule string.
pub fn format_schedule(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|choice| format_choice(*choice))
        .collect::<Vec<_>>()
        .join(",")
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_schedule(&self.0))
    }
}

impl FromStr for Schedule {
    type Err = ScheduleError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Schedule::parse(text)
    }
}

/// A schedule string that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleError {
    /// 1-based position of the bad entry.
    pub entry: usize,
    /// The entry as written.
    pub text: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bad schedule entry {} `{}`: {} (entries are `G` or `G.K` for goroutine G taking \
             alternative K, or `tO.N` for timer N of goroutine O firing, separated by commas)",
            self.entry, self.text, self.reason
        )
    }
}

impl std::error::Error for ScheduleError {}

fn parse_entry(entry: &str, position: usize) -> Result<Choice, ScheduleError> {
    let error = |reason: &str| ScheduleError {
        entry: position,
        text: entry.to_string(),
        reason: reason.to_string(),
    };
    if entry.is_empty() {
        return Err(error("empty entry"));
    }
    if let Some(timer) = entry.strip_prefix('t') {
        let Some((owner, nth)) = timer.split_once('.') else {
            return Err(error("a timer entry needs its index: `tO.N`"));
        };
        let owner = number(owner).ok_or_else(|| error("the timer's goroutine is not a number"))?;
        let nth = number(nth).ok_or_else(|| error("the timer index is not a number"))?;
        return Ok(Choice::FireTimer { owner, nth });
    }
    let (goroutine, alternative) = match entry.split_once('.') {
        Some((goroutine, alternative)) => {
            let alternative =
                number(alternative).ok_or_else(|| error("the alternative is not a number"))?;
            (goroutine, alternative)
        }
        None => (entry, 0),
    };
    let goroutine = number(goroutine).ok_or_else(|| error("expected a goroutine number"))?;
    Ok(Choice::Run {
        goroutine,
        alternative,
    })
}

/// A decimal `u32` of ASCII digits only (no sign, no spaces).
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
