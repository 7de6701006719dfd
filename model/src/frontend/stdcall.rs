//! Calls of library functions built into the front end (fmt, errors, sync/atomic's
//! functions, time's Sleep as a yield under the untimed clock, runtime, os, log, math/rand,
//! gomc's helpers, and the primitives of `stdlib/time.go` and `stdlib/synctest.go`): which ones exist, their result types, and the
//! instructions they lower to.

use tree_sitter::Node;

use super::call::Special;
use super::fprint::FmtStyle;
use super::lowerer::Lowerer;
use super::package::{PkgEntity, Std};
use super::syntax::Result;
use super::types::{ChanDir, IntKind, Ty, ANY, ERROR, INT};
use crate::program::{BinOp, Instr};

/// A library function of the subset.
#[derive(Clone, Copy, Debug)]
pub(super) enum StdCall {
    Print(bool),
    /// `log.Print*` (`fatal`: then exit 1; `panic`: then panic with the text).
    Log {
        format: bool,
        fatal: bool,
        panic: bool,
    },
    /// `rand.Intn` and friends: a value in [0, n) chosen by the checker.
    RandN,
    /// A call of one argument with nothing to model: `rand.Seed` (every value is a choice
    /// anyway), `log.SetFlags` (gomc's log prints no date, time or file as it is).
    NoEffect,
    Printf,
    Sprintf,
    Sprint,
    Sprintln,
    /// `fmt.Fprint`, `Fprintf`, `Fprintln` (`frontend/fprint.rs`).
    Fprint(FmtStyle),
    ErrorsNew,
    Errorf,
    ErrorsAs,
    OwnWrapped,
    JoinErrors,
    AnyLen,
    AnySwap,
    NewCond,
    AtomicSwap,
    Sleep,
    ClockNow,
    SynctestWait,
    /// stdlib/testing.go's primitives: sprintf/sprintln over a slice, failTest.
    SprintSlice(bool),
    FailTest,
    NumGoroutine,
    /// The timer primitives behind `stdlib/time.go` (visible only to that file).
    NewTimerChan,
    NewTickerChan,
    NewFuncTimer,
    StopTimer,
    ResetTimer,
    Gosched,
    Goexit,
    Exit,
    AtomicAdd(u8, bool),
    AtomicLoad,
    AtomicStore,
    AtomicCas,
    Choose,
    ChooseBool,
    /// stdlib/math.go's primitives.
    Math(crate::program::MathFn),
}

pub(super) fn std_call(package: Std, name: &str) -> Option<StdCall> {
    Some(match (package, name) {
        (Std::Fmt, "Println") => StdCall::Print(true),
        (Std::Fmt, "Print") => StdCall::Print(false),
        (Std::Fmt, "Printf") => StdCall::Printf,
        (Std::Fmt, "Sprintf") => StdCall::Sprintf,
        (Std::Fmt, "Errorf") => StdCall::Errorf,
        (Std::Errors, "As") => StdCall::ErrorsAs,
        (Std::Errors, "ownWrapped") => StdCall::OwnWrapped,
        (Std::Errors, "joinErrors") => StdCall::JoinErrors,
        (Std::Sync, "NewCond") => StdCall::NewCond,
        (Std::Atomic, "SwapInt32" | "SwapInt64" | "SwapUint32" | "SwapUint64") => {
            StdCall::AtomicSwap
        }
        (Std::Fmt, "Sprint") => StdCall::Sprint,
        (Std::Fmt, "Sprintln") => StdCall::Sprintln,
        (Std::Fmt, "Fprint") => StdCall::Fprint(FmtStyle::Plain),
        (Std::Fmt, "Fprintln") => StdCall::Fprint(FmtStyle::Line),
        (Std::Fmt, "Fprintf") => StdCall::Fprint(FmtStyle::Format),
        (Std::Errors, "New") => StdCall::ErrorsNew,
        (Std::Time, "Sleep") => StdCall::Sleep,
        (Std::Time, "clockNow") => StdCall::ClockNow,
        (Std::Synctest, "wait") => StdCall::SynctestWait,
        (Std::Testing, "sprintf") => StdCall::SprintSlice(true),
        (Std::Testing | Std::Fmt, "sprintln") => StdCall::SprintSlice(false),
        (Std::Testing, "failTest") => StdCall::FailTest,
        (Std::Runtime, "NumGoroutine") => StdCall::NumGoroutine,
        (Std::Log, "Print" | "Println") => StdCall::Log {
            format: false,
            fatal: false,
            panic: false,
        },
        (Std::Log, "Printf") => StdCall::Log {
            format: true,
            fatal: false,
            panic: false,
        },
        (Std::Log, "Fatal" | "Fatalln") => StdCall::Log {
            format: false,
            fatal: true,
            panic: false,
        },
        (Std::Log, "Fatalf") => StdCall::Log {
            format: true,
            fatal: true,
            panic: false,
        },
        (Std::Log, "Panic" | "Panicln") => StdCall::Log {
            format: false,
            fatal: false,
            panic: true,
        },
        (Std::Log, "Panicf") => StdCall::Log {
            format: true,
            fatal: false,
            panic: true,
        },
        (Std::Rand, "Intn" | "Int31n" | "Int63n") => StdCall::RandN,
        (Std::Rand, "Seed") | (Std::Log, "SetFlags") => StdCall::NoEffect,
        (Std::RandV2, "IntN" | "Int32N" | "Int64N" | "UintN" | "Uint32N" | "Uint64N") => {
            StdCall::RandN
        }
        (Std::Math, name) => StdCall::Math(crate::program::MathFn::primitive(name)?),
        (Std::Sort, "sliceLen") => StdCall::AnyLen,
        (Std::Sort, "sliceSwap") => StdCall::AnySwap,
        (Std::Time, "newTimerChan") => StdCall::NewTimerChan,
        (Std::Time, "newTickerChan") => StdCall::NewTickerChan,
        (Std::Time, "newFuncTimer") => StdCall::NewFuncTimer,
        (Std::Time, "stopTimer") => StdCall::StopTimer,
        (Std::Time, "resetTimer") => StdCall::ResetTimer,
        (Std::Runtime, "Gosched") => StdCall::Gosched,
        (Std::Runtime, "Goexit") => StdCall::Goexit,
        (Std::Os, "Exit") => StdCall::Exit,
        (Std::Atomic, "AddInt32") => StdCall::AtomicAdd(32, false),
        (Std::Atomic, "AddUint32") => StdCall::AtomicAdd(32, true),
        (Std::Atomic, "AddInt64") => StdCall::AtomicAdd(64, false),
        (Std::Atomic, "AddUint64" | "AddUintptr") => StdCall::AtomicAdd(64, true),
        (Std::Atomic, "LoadInt32" | "LoadInt64" | "LoadUint32" | "LoadUint64") => {
            StdCall::AtomicLoad
        }
        (Std::Atomic, "StoreInt32" | "StoreInt64" | "StoreUint32" | "StoreUint64") => {
            StdCall::AtomicStore
        }
        (
            Std::Atomic,
            "CompareAndSwapInt32"
            | "CompareAndSwapInt64"
            | "CompareAndSwapUint32"
            | "CompareAndSwapUint64",
        ) => StdCall::AtomicCas,
        (Std::Gomc, "Choose") | (Std::Sync | Std::Signal, "choose") => StdCall::Choose,
        (Std::Gomc, "Bool") => StdCall::ChooseBool,
        _ => return None,
    })
}

impl<'t> Lowerer<'t> {
    /// The result types of a library call.
    pub fn std_results(&mut self, package: Std, name: &str) -> Vec<Ty> {
        match std_call(package, name) {
            Some(
                StdCall::Sprintf | StdCall::Sprint | StdCall::Sprintln | StdCall::SprintSlice(_),
            ) => vec![Ty::String],
            Some(StdCall::Fprint(_)) => vec![INT, ERROR],
            Some(StdCall::ErrorsNew | StdCall::Errorf | StdCall::JoinErrors) => {
                vec![ERROR]
            }
            Some(StdCall::ErrorsAs) => vec![Ty::Bool],
            Some(StdCall::OwnWrapped) => vec![Ty::Slice(ERROR.into()), Ty::Bool],
            Some(StdCall::NewCond) => vec![Ty::Pointer(Ty::Cond.into())],
            Some(StdCall::AtomicSwap) => vec![INT],
            Some(StdCall::NewTimerChan | StdCall::NewTickerChan | StdCall::NewFuncTimer) => {
                // Timer channels carry time.Time (stdlib/time.go).
                let time = match self.pkg_name_in(Some(Std::Time), "Time") {
                    Some(super::package::PkgEntity::Type(ty)) => ty.clone(),
                    _ => INT,
                };
                vec![Ty::Chan(ChanDir::Both, time.into())]
            }
            Some(StdCall::ClockNow | StdCall::NumGoroutine | StdCall::AnyLen) => vec![INT],
            Some(StdCall::StopTimer | StdCall::ResetTimer) => vec![Ty::Bool],
            Some(StdCall::Math(_)) => vec![super::types::FLOAT64],
            Some(StdCall::RandN) => match name {
                "Int31n" | "Int32N" => vec![Ty::Int(super::types::IntKind::Int32)],
                "Int63n" | "Int64N" => vec![Ty::Int(super::types::IntKind::Int64)],
                "UintN" => vec![Ty::Int(super::types::IntKind::Uint)],
                "Uint32N" => vec![Ty::Int(super::types::IntKind::Uint32)],
                "Uint64N" => vec![Ty::Int(super::types::IntKind::Uint64)],
                _ => vec![INT],
            },
            Some(StdCall::AtomicAdd(..) | StdCall::AtomicLoad | StdCall::Choose) => {
                vec![INT]
            }
            Some(StdCall::AtomicCas | StdCall::ChooseBool) => vec![Ty::Bool],
            _ => vec![],
        }
    }

    /// Emits the operands of a library call and returns the tail that completes it.
    pub fn std_special(
        &mut self,
        call: Node<'t>,
        package: Std,
        name: &str,
        arguments: &[Node<'t>],
    ) -> Result<Special> {
        let special = Special::new;
        let Some(op) = std_call(package, name) else {
            return Err(self
                .src
                .unsupported(call, format!("{}.{name}", package.go_name())));
        };
        let results = self.call_result_types(call)?;
        let fixed = |lowerer: &mut Self, count: usize| -> Result<u32> {
            lowerer.expect_args(call, arguments, count)?;
            for &argument in arguments {
                lowerer.expr(argument)?;
            }
            Ok(count as u32)
        };
        // Arguments checked against the function's parameter types, as go build does.
        let context = format!("argument to {}.{name}", package.go_name());
        let typed = |lowerer: &mut Self, params: &[Ty]| -> Result<u32> {
            if arguments.len() != params.len() {
                let what = format!("arguments in call to {}.{name}", package.go_name());
                return Err(lowerer.count_mismatch(call, arguments, params, false, &what));
            }
            for (&argument, param) in arguments.iter().zip(params) {
                lowerer.expr_to(argument, param, &context)?;
            }
            Ok(params.len() as u32)
        };
        // sync/atomic's functions: a pointer to the integer kind their name ends in, then
        // values of that kind (`AddInt64(addr *int64, delta int64)`).
        let atomic = |lowerer: &mut Self, count: usize| -> Result<u32> {
            let Some(kind) = atomic_kind(name) else {
                return fixed(lowerer, count);
            };
            lowerer.expect_args(call, arguments, count)?;
            let (&addr, values) = arguments.split_first().expect("checked");
            lowerer.check_atomic_address(addr, kind, &context)?;
            lowerer.expr(addr)?;
            for &value in values {
                lowerer.expr_to(value, &Ty::Int(kind), &context)?;
            }
            Ok(count as u32)
        };
        Ok(match op {
            StdCall::Print(newline) => {
                if newline {
                    if let Some((n, code)) = self.push_fmt_slice(call, arguments, false, true)? {
                        return Ok(special(n, code, results));
                    }
                }
                let n = self.push_fmt_args(arguments)?;
                special(n, vec![Instr::Print { args: n, newline }], results)
            }
            StdCall::Printf | StdCall::Sprintf => {
                if arguments.is_empty() {
                    return Err(self.src.error(call, "missing format argument"));
                }
                let print = matches!(op, StdCall::Printf);
                if let Some((n, code)) = self.push_fmt_slice(call, arguments, true, print)? {
                    return Ok(special(n, code, results));
                }
                let typed = self.format_verbs(arguments[0])?;
                let n = self.push_fmt_args_typed(arguments, &typed)?;
                let instr = if matches!(op, StdCall::Printf) {
                    Instr::Printf { args: n - 1 }
                } else {
                    Instr::Sprintf { args: n - 1 }
                };
                special(n, vec![instr], results)
            }
            StdCall::Sprint | StdCall::Sprintln => {
                if matches!(op, StdCall::Sprintln) {
                    if let Some((n, code)) = self.push_fmt_slice(call, arguments, false, false)? {
                        return Ok(special(n, code, results));
                    }
                }
                let n = self.push_fmt_args(arguments)?;
                let style = if matches!(op, StdCall::Sprint) {
                    FmtStyle::Plain
                } else {
                    FmtStyle::Line
                };
                special(n, vec![style.sprint(n)], results)
            }
            StdCall::Fprint(style) => return self.fprint(call, name, style, arguments, results),
            StdCall::Log {
                format,
                fatal,
                panic,
            } => {
                if format && arguments.is_empty() {
                    return Err(self.src.error(call, "missing format argument"));
                }
                // log formats like fmt.Sprint/Sprintf and ends the line (log.go
                // Output); gomc leaves out the date and time it prefixes.
                let forwarded = match format {
                    true => self.push_fmt_slice(call, arguments, true, false)?,
                    false => None,
                };
                let typed = match (format, &forwarded) {
                    (true, None) => self.format_verbs(arguments[0])?,
                    _ => Vec::new(),
                };
                let n = match &forwarded {
                    Some((n, _)) => *n,
                    None => self.push_fmt_args_typed(arguments, &typed)?,
                };
                let mut tail = match forwarded {
                    Some((_, code)) => code,
                    None if format => vec![Instr::Sprintf { args: n - 1 }],
                    None if name.ends_with("ln") => vec![FmtStyle::Plain.sprint(0)],
                    None => vec![FmtStyle::Plain.sprint(n)],
                };
                if !format && name.ends_with("ln") {
                    // Println-style spacing: fmt.Sprintln without its newline.
                    tail = vec![Instr::Print {
                        args: n,
                        newline: true,
                    }];
                    if fatal {
                        tail.extend([Instr::PushInt(1), Instr::Exit]);
                    }
                    if panic {
                        return Err(self.src.unsupported(call, "log.Panicln (use log.Panicf)"));
                    }
                    return Ok(special(n, tail, results));
                }
                if panic {
                    tail.push(Instr::Dup);
                }
                tail.push(Instr::Print {
                    args: 1,
                    newline: true,
                });
                if fatal {
                    tail.extend([Instr::PushInt(1), Instr::Exit]);
                }
                if panic {
                    let string = self.dyn_type_id(&Ty::String, call);
                    tail.extend([Instr::Box(string), Instr::Panic]);
                }
                special(n, tail, results)
            }
            StdCall::RandN => special(fixed(self, 1)?, vec![Instr::Choose], results),
            StdCall::NoEffect => special(fixed(self, 1)?, vec![Instr::Pop], results),
            StdCall::ErrorsNew => {
                special(typed(self, &[Ty::String])?, vec![Instr::NewError], results)
            }
            StdCall::Errorf => {
                if arguments.is_empty() {
                    return Err(self.src.error(call, "missing format argument"));
                }
                // Each operand twice: as fmt prints it (through Error/String), then as
                // the value `%w` wraps.
                let (&format, operands) = arguments.split_first().expect("checked");
                self.reject_type_verb(format)?;
                // `%#v` calls GoString, not Error or String.
                let sharp = self.sharp_operands(format)?;
                self.expr(format)?;
                let mut temps = Vec::new();
                for &operand in operands {
                    if operand.kind() == "variadic_argument" {
                        return Err(self.src.unsupported(operand, "... argument to fmt.Errorf"));
                    }
                    self.expr_to(operand, &ANY, "argument to fmt.Errorf")?;
                    let temp = self.temp();
                    self.emit(Instr::StoreLocal(temp), operand);
                    temps.push((temp, operand));
                }
                for (i, &(temp, operand)) in temps.iter().enumerate() {
                    self.emit(Instr::LoadLocal(temp), operand);
                    match sharp.get(i) {
                        Some(true) => self.emit_go_string(operand),
                        _ => self.emit(Instr::Stringer, operand),
                    }
                }
                for &(temp, operand) in &temps {
                    self.emit(Instr::LoadLocal(temp), operand);
                }
                let n = temps.len() as u32;
                special(1 + 2 * n, vec![Instr::Errorf { args: n }], results)
            }
            StdCall::ErrorsAs => {
                self.expect_args(call, arguments, 2)?;
                self.expr_to(arguments[0], &ERROR, "argument to errors.As")?;
                let pointer = self.expr(arguments[1])?;
                // go vet's errorsas check (Go's As panics at run time instead).
                let vet = "second argument to errors.As must be a non-nil pointer to either a \
                           type that implements error, or to any interface type";
                let Ty::Pointer(target) = self.types.underlying(&pointer) else {
                    return Err(self.src.error(arguments[1], vet));
                };
                if self.types.as_interface(&target).is_none()
                    && self.missing_method(&target, &ERROR, arguments[1]).is_some()
                {
                    return Err(self.src.error(arguments[1], vet));
                }
                // stdlib/errors.go's as[T], T being *target's type.
                let Some(PkgEntity::Func(template)) = self
                    .pkg
                    .lib_names
                    .get(&(Std::Errors, "as".to_string()))
                    .cloned()
                else {
                    unreachable!("internal error: stdlib/errors.go defines as")
                };
                let instance = self.instance_with(template, vec![(*target).clone()])?;
                let func = self.pkg.funcs[instance].id;
                special(2, vec![Instr::Call { func, args: 2 }], results)
            }
            StdCall::OwnWrapped => special(fixed(self, 1)?, vec![Instr::OwnWrapped], results),
            StdCall::JoinErrors => special(fixed(self, 2)?, vec![Instr::JoinErrors], results),
            StdCall::AnyLen => special(fixed(self, 1)?, vec![Instr::AnyLen], results),
            StdCall::Math(op) => special(fixed(self, op.arity())?, vec![Instr::Math(op)], results),
            StdCall::AnySwap => special(fixed(self, 3)?, vec![Instr::AnySwap], results),
            StdCall::NewCond => special(
                typed(self, &[Ty::Locker])?,
                vec![Instr::MakeCond, Instr::NewCell],
                results,
            ),
            StdCall::AtomicSwap => {
                let label = self.pointer_label(arguments);
                special(atomic(self, 2)?, vec![Instr::AtomicSwap(label)], results)
            }
            StdCall::Sleep => {
                let duration = match self.lib_member(Std::Time, "Duration") {
                    Some(super::package::PkgEntity::Type(ty)) => ty,
                    _ => Ty::Int(super::types::IntKind::Int64),
                };
                special(
                    typed(self, &[duration])?,
                    vec![Instr::Pop, Instr::Yield],
                    results,
                )
            }
            StdCall::NewTimerChan => special(fixed(self, 1)?, vec![Instr::TimerChan], results),
            StdCall::NewTickerChan => special(fixed(self, 1)?, vec![Instr::TickerChan], results),
            StdCall::NewFuncTimer => special(fixed(self, 2)?, vec![Instr::AfterFuncTimer], results),
            StdCall::StopTimer => special(fixed(self, 1)?, vec![Instr::TimerStop], results),
            StdCall::ResetTimer => special(fixed(self, 3)?, vec![Instr::TimerReset], results),
            StdCall::ClockNow => special(fixed(self, 0)?, vec![Instr::ClockNow], results),
            StdCall::SynctestWait => special(fixed(self, 0)?, vec![Instr::SynctestWait], results),
            StdCall::SprintSlice(format) => {
                let n = fixed(self, if format { 2 } else { 1 })?;
                special(n, vec![Instr::SprintSlice { format }], results)
            }
            StdCall::FailTest => special(fixed(self, 1)?, vec![Instr::FailTest], results),
            StdCall::NumGoroutine => special(fixed(self, 0)?, vec![Instr::NumGoroutine], results),
            StdCall::Gosched => special(fixed(self, 0)?, vec![Instr::Yield], results),
            StdCall::Goexit => special(fixed(self, 0)?, vec![Instr::Goexit], results),
            StdCall::Exit => special(fixed(self, 1)?, vec![Instr::Exit], results),
            StdCall::AtomicAdd(bits, unsigned) => {
                let label = self.pointer_label(arguments);
                special(
                    atomic(self, 2)?,
                    vec![Instr::AtomicAdd {
                        label,
                        bits,
                        unsigned,
                    }],
                    results,
                )
            }
            StdCall::AtomicLoad => {
                let label = self.pointer_label(arguments);
                special(atomic(self, 1)?, vec![Instr::AtomicLoad(label)], results)
            }
            StdCall::AtomicStore => {
                let label = self.pointer_label(arguments);
                special(atomic(self, 2)?, vec![Instr::AtomicStore(label)], results)
            }
            StdCall::AtomicCas => {
                let label = self.pointer_label(arguments);
                special(atomic(self, 3)?, vec![Instr::AtomicCas(label)], results)
            }
            StdCall::Choose => special(fixed(self, 1)?, vec![Instr::Choose], results),
            StdCall::ChooseBool => special(
                fixed(self, 0)?,
                vec![
                    Instr::PushInt(2),
                    Instr::Choose,
                    Instr::PushInt(1),
                    Instr::Binary(BinOp::Eq),
                ],
                results,
            ),
        })
    }

    /// go build's error for an atomic function's address operand that is not a pointer to
    /// the integer kind of its name: "cannot use &n (value of type *int) as type *int64 in
    /// argument to atomic.AddInt64", and for `n` itself where `&n` was meant.
    fn check_atomic_address(&mut self, addr: Node<'t>, kind: IntKind, context: &str) -> Result<()> {
        let ty = self.type_of(addr)?;
        let fits = match &ty {
            Ty::Pointer(inner) => **inner == Ty::Int(kind),
            other => *other == Ty::UntypedNil,
        };
        if fits {
            return Ok(());
        }
        let expected = Ty::Pointer(Ty::Int(kind).into());
        let description = self.operand_description(addr, &ty);
        Err(self.src.error(
            addr,
            format!(
                "cannot use {} ({description}) as type {} in {context}",
                self.src.text_of(addr),
                self.types.describe(&expected)
            ),
        ))
    }

    /// The label of an atomic operation's pointer operand: `&nfatal` → `nfatal`.
    fn pointer_label(&mut self, arguments: &[Node<'t>]) -> crate::program::LabelId {
        let text = arguments
            .first()
            .map(|a| self.src.text_of(*a))
            .unwrap_or("");
        let text = text.trim().trim_start_matches('&').trim();
        self.label(text)
    }
}

/// The integer kind a sync/atomic function's name ends in (`AddInt64` → `int64`).
fn atomic_kind(name: &str) -> Option<IntKind> {
    [
        ("Int32", IntKind::Int32),
        ("Int64", IntKind::Int64),
        ("Uint32", IntKind::Uint32),
        ("Uint64", IntKind::Uint64),
    ]
    .into_iter()
    .find(|(suffix, _)| name.ends_with(suffix))
    .map(|(_, kind)| kind)
}
