//! Which calls read the clock: the model's own calls of `time.Now`, `Since`, `Until`, of a
//! method of `time.Time`, or of a `Deadline` method make the clock's reading part of a state's
//! identity (`Program::reads_clock`, the README's "Time").

use super::call::Callee;
use super::lowerer::Lowerer;
use super::package::Std;

impl<'t> Lowerer<'t> {
    /// Sets `reads_clock` when the model's own code calls what observes the clock: `time.Now`,
    /// `Since`, `Until`, a method of `time.Time`, or a `Deadline` method
    /// (`Program::reads_clock`). The library's own calls do not count: what they compute
    /// from the clock reaches the model only through these.
    pub(super) fn note_clock_read(&mut self, callee: &Callee<'t>) {
        if self.current.is_some() {
            return;
        }
        let func = match callee {
            Callee::Func(index) => *index,
            Callee::Method { method, .. } => method.func,
            Callee::Dynamic { name, .. } => {
                self.reads_clock |= *name == "Deadline";
                return;
            }
            _ => return,
        };
        let def = &self.pkg.funcs[func];
        let observes = def.package == Some(Std::Time)
            && (matches!(def.name.as_str(), "time.Now" | "time.Since" | "time.Until")
                || def.name.starts_with("time.Time."))
            || def.name.ends_with(".Deadline");
        self.reads_clock |= observes;
    }
}
