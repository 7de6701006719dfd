//! Builtin functions: `len`, `cap`, `append`, `make`, `new`, `delete`, `close`, `panic`,
//! `recover`, `print`/`println`, `min`/`max`.

use tree_sitter::Node;

use super::call::Special;
use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};
use super::types::{Ty, ANY, INT};
use crate::program::{BinOp, Instr};

impl<'t> Lowerer<'t> {
    pub fn builtin(
        &mut self,
        call: Node<'t>,
        name: &str,
        arguments: &[Node<'t>],
    ) -> Result<Special> {
        let special = Special::new;
        Ok(match name {
            "len" | "cap" => {
                self.expect_args(call, arguments, 1)?;
                let ty = self.expr(arguments[0])?;
                // Only a pointer to an array has a length (Go spec, "Length and capacity"):
                // `len(p)` of a `*[]int` is an error, not a length read through the pointer.
                let shape = match self.types.underlying(&ty) {
                    Ty::Pointer(inner)
                        if matches!(self.types.underlying(&inner), Ty::Array(..)) =>
                    {
                        self.types.underlying(&inner)
                    }
                    other => other,
                };
                let tail = match (&shape, name) {
                    (Ty::Array(n, _), _) => vec![Instr::Pop, Instr::PushInt(*n as i64)],
                    (Ty::Chan(..), "len") => vec![Instr::ChanLen(self.label_of(arguments[0]))],
                    (Ty::String | Ty::Slice(_) | Ty::Map(..), "len") => vec![Instr::Len],
                    (Ty::Slice(_) | Ty::Chan(..), "cap") => vec![Instr::Cap],
                    _ => {
                        // go build (1.19): "invalid argument: p (variable of type *[]int) for
                        // len".
                        let operand = self.operand_description(arguments[0], &ty);
                        return Err(self.src.error(
                            arguments[0],
                            format!(
                                "invalid argument: {} ({operand}) for {name}",
                                self.go_text(arguments[0])
                            ),
                        ));
                    }
                };
                special(1, tail, vec![INT])
            }
            "append" => {
                let Some((&first, rest)) = arguments.split_first() else {
                    return Err(self.builtin_count_error(call, 0, 1));
                };
                let ty = self.expr(first)?;
                if !matches!(self.types.underlying(&ty), Ty::Slice(_)) {
                    return Err(self
                        .src
                        .error(first, "first argument to append must be a slice"));
                }
                if let [spread] = rest {
                    if spread.kind() == "variadic_argument" {
                        let inner = named_children(*spread)
                            .first()
                            .copied()
                            .ok_or_else(|| self.src.error(*spread, "malformed argument"))?;
                        let inner_ty = self.type_of(inner)?;
                        if self.types.underlying(&inner_ty) == Ty::String {
                            // `append(b, s...)` of a string to a byte slice (Go spec,
                            // "Appending to and copying slices"): its bytes.
                            let of_bytes = match self.types.underlying(&ty) {
                                Ty::Slice(element) => {
                                    self.types.underlying(&element)
                                        == Ty::Int(crate::program::IntKind::Uint8)
                                }
                                _ => false,
                            };
                            if !of_bytes {
                                let operand = self.operand_description(inner, &inner_ty);
                                return Err(self.src.error(
                                    inner,
                                    format!(
                                        "cannot use {} ({operand}) as type {} in argument to append",
                                        self.src.text_of(inner),
                                        self.types.describe(&ty)
                                    ),
                                ));
                            }
                            self.expr(inner)?;
                            return Ok(special(
                                2,
                                vec![Instr::StringBytes, Instr::AppendSlice],
                                vec![ty],
                            ));
                        }
                        self.expr(inner)?;
                        return Ok(special(2, vec![Instr::AppendSlice], vec![ty]));
                    }
                }
                for &argument in rest {
                    if argument.kind() == "variadic_argument" {
                        return Err(self
                            .src
                            .error(argument, "can only use ... with final argument"));
                    }
                    let element = match self.types.underlying(&ty) {
                        Ty::Slice(element) => (*element).clone(),
                        _ => unreachable!("checked above"),
                    };
                    self.expr_to(argument, &element, "argument to append")?;
                }
                let n = rest.len() as u32;
                special(1 + n, vec![Instr::Append(n)], vec![ty])
            }
            "make" => {
                let Some((&type_node, sizes)) = arguments.split_first() else {
                    return Err(self.builtin_count_error(call, 0, 1));
                };
                let ty = self.resolve_type(type_node)?;
                match self.types.underlying(&ty) {
                    Ty::Chan(_, element) => match sizes {
                        [] => {
                            let element = self.type_id(&element);
                            special(
                                0,
                                vec![Instr::PushInt(0), Instr::MakeChan(element)],
                                vec![ty],
                            )
                        }
                        [size] => {
                            let element = self.type_id(&element);
                            self.check_make_size(*size)?;
                            self.expr(*size)?;
                            special(1, vec![Instr::MakeChan(element)], vec![ty])
                        }
                        _ => return Err(self.src.error(call, "too many arguments to make")),
                    },
                    Ty::Slice(element) => {
                        let element = self.type_id(&element);
                        match sizes {
                            [length] => {
                                self.check_make_size(*length)?;
                                self.expr(*length)?;
                                special(1, vec![Instr::Dup, Instr::MakeSlice(element)], vec![ty])
                            }
                            [length, capacity] => {
                                self.check_make_size(*length)?;
                                self.check_make_size(*capacity)?;
                                self.expr(*length)?;
                                self.expr(*capacity)?;
                                special(2, vec![Instr::MakeSlice(element)], vec![ty])
                            }
                            _ => {
                                // types2 builtins.go, _Make.
                                return Err(self.src.error(
                                    call,
                                    format!(
                                        "invalid operation: {} expects 2 or 3 arguments; found \
                                         {}",
                                        self.go_text(call),
                                        sizes.len() + 1
                                    ),
                                ));
                            }
                        }
                    }
                    Ty::Map(..) => match sizes {
                        [] => special(0, vec![Instr::MakeMap], vec![ty]),
                        [hint] => {
                            self.check_make_size(*hint)?;
                            self.expr(*hint)?;
                            special(1, vec![Instr::Pop, Instr::MakeMap], vec![ty])
                        }
                        _ => return Err(self.src.error(call, "too many arguments to make")),
                    },
                    _ => {
                        return Err(self
                            .src
                            .error(type_node, "make needs a slice, map or channel type"))
                    }
                }
            }
            "new" => {
                self.expect_args(call, arguments, 1)?;
                let ty = self.resolve_type(arguments[0])?;
                let zero = self.type_id(&ty);
                special(
                    0,
                    vec![Instr::Zero(zero), Instr::NewCell],
                    vec![Ty::Pointer(ty.into())],
                )
            }
            "copy" => {
                self.expect_args(call, arguments, 2)?;
                let dst = self.expr(arguments[0])?;
                let src = self.expr(arguments[1])?;
                let ok = matches!(self.types.underlying(&dst), Ty::Slice(_))
                    && matches!(self.types.underlying(&src), Ty::Slice(_) | Ty::String);
                if !ok {
                    return Err(self.src.error(
                        call,
                        format!(
                            "invalid argument: copy expects slice arguments; found {} and {}",
                            self.types.describe(&dst),
                            self.types.describe(&src)
                        ),
                    ));
                }
                special(2, vec![Instr::Copy], vec![INT])
            }
            "clear" => {
                self.expect_args(call, arguments, 1)?;
                let ty = self.expr(arguments[0])?;
                let zero = match self.types.underlying(&ty) {
                    Ty::Map(..) => None,
                    Ty::Slice(element) => Some(self.type_id(&element)),
                    _ => {
                        return Err(self.src.error(
                            arguments[0],
                            format!(
                                "invalid argument: {} (variable of type {}) must be a map or \
                                 slice",
                                self.src.text_of(arguments[0]),
                                self.types.describe(&ty)
                            ),
                        ))
                    }
                };
                special(1, vec![Instr::Clear(zero)], vec![])
            }
            "delete" => {
                self.expect_args(call, arguments, 2)?;
                let map_ty = self.expr(arguments[0])?;
                self.map_key(arguments[1], &map_ty)?;
                special(2, vec![Instr::MapDelete], vec![])
            }
            "close" => {
                self.expect_args(call, arguments, 1)?;
                let label = self.label_of(arguments[0]);
                let ty = self.expr(arguments[0])?;
                let problem = match self.types.underlying(&ty) {
                    Ty::Chan(super::types::ChanDir::Recv, _) => Some("receive-only channel"),
                    Ty::Chan(..) | Ty::UntypedNil => None,
                    _ => Some("non-channel"),
                };
                if let Some(problem) = problem {
                    return Err(self.src.error(
                        arguments[0],
                        format!(
                            "invalid operation: cannot close {problem} {} ({})",
                            self.src.text_of(arguments[0]),
                            self.operand_description(arguments[0], &ty)
                        ),
                    ));
                }
                special(1, vec![Instr::Close(label)], vec![])
            }
            "panic" => {
                self.expect_args(call, arguments, 1)?;
                let ty = self.type_of(arguments[0])?;
                let printed_by_method =
                    self.types.is_interface(&ty) || self.has_text_method(&ty, arguments[0])?;
                self.expr_to(arguments[0], &ANY, "argument")?;
                if printed_by_method {
                    // The runtime prints an error or Stringer panic value by its method
                    // (runtime/panic.go `preprintpanics`); nil stays nil.
                    special(
                        1,
                        vec![Instr::Dup, Instr::Stringer, Instr::PanicShown],
                        vec![],
                    )
                } else {
                    special(1, vec![Instr::Panic], vec![])
                }
            }
            "recover" => {
                self.expect_args(call, arguments, 0)?;
                special(0, vec![Instr::Recover], vec![ANY])
            }
            "print" | "println" => {
                let n = self.push_print_args(arguments)?;
                special(
                    n,
                    vec![Instr::Print {
                        args: n,
                        newline: name == "println",
                    }],
                    vec![],
                )
            }
            other => return Err(self.src.unsupported(call, format!("builtin {other}"))),
        })
    }

    /// `min(a, b, ...)` / `max(a, b, ...)` over integers, floats or strings: the arguments are
    /// evaluated left to right (an untyped constant in the type of the first argument that is
    /// not one), then compared pairwise (so a NaN argument or a negative zero does not always
    /// decide the result as in Go).
    pub fn min_max(&mut self, call: Node<'t>, is_min: bool) -> Result<Vec<Ty>> {
        let arguments = self.arguments(call)?;
        let Some((&first, rest)) = arguments.split_first() else {
            return Err(self.src.error(call, "not enough arguments for min or max"));
        };
        if let Some((value, ty)) = self.const_value(call)? {
            self.emit_const(&value, call);
            return Ok(vec![ty]);
        }
        let mut ty = self.type_of(first)?;
        for &argument in &arguments {
            match self.const_value(argument)? {
                None => {
                    ty = self.type_of(argument)?;
                    break;
                }
                // Constants only: a float one makes them all untyped floats.
                Some((super::constant::ConstValue::Float(_), _)) => ty = super::types::FLOAT64,
                Some(_) => {}
            }
        }
        let mut temps = Vec::new();
        for &argument in &arguments {
            let argument_ty = self.numeric_operand(argument, &ty)?;
            if !matches!(
                self.types.underlying(&argument_ty),
                Ty::Int(_) | Ty::Float(_) | Ty::String
            ) {
                return Err(self.src.unsupported(argument, "min or max of this type"));
            }
            let temp = self.temp();
            self.emit(Instr::StoreLocal(temp), argument);
            temps.push(temp);
        }
        let best = temps[0];
        for (&argument, &temp) in rest.iter().zip(&temps[1..]) {
            self.emit(Instr::LoadLocal(temp), argument);
            self.emit(Instr::LoadLocal(best), argument);
            let op = if is_min { BinOp::Lt } else { BinOp::Gt };
            let instr = self.binary_instr(op, Some(&ty));
            self.emit(instr, argument);
            let skip = self.emit_jump(Instr::JumpIfFalse, argument);
            self.emit(Instr::LoadLocal(temp), argument);
            self.emit(Instr::StoreLocal(best), argument);
            self.patch_here(skip);
        }
        self.emit(Instr::LoadLocal(best), call);
        Ok(vec![ty])
    }
}
