//! The operands of fmt's printing functions (fmt/print.go): a value whose type has an
//! `Error() string` or `String() string` method prints as what the method returns, an operand
//! of `%T` goes in as an interface value, so that its dynamic type can be named, and a `[]byte`
//! printed as text (`%s`, `%q`, `%x`) as the string of its bytes.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::package::{PkgEntity, Std};
use super::syntax::{unparen, Result};
use super::types::{Ty, ANY};
use super::typing::Selection;
use crate::program::{FieldNames, Instr};

impl<'t> Lowerer<'t> {
    /// Pushes the operands of a `fmt` printing function: as `push_plain_args`, but a value
    /// whose type has an `Error() string` or `String() string` method is printed as what that
    /// method returns, as fmt does (`Instr::Stringer`).
    pub fn push_fmt_args(&mut self, arguments: &[Node<'t>]) -> Result<u32> {
        self.push_fmt_args_typed(arguments, &[])
    }

    /// `fmt.Sprintf(format, args...)`, `fmt.Println(args...)` and the like, as logging
    /// wrappers forward their operands: pushes the format (with `format`) and the slice `args`
    /// (a `[]any`, as Go requires), and returns how many operands it pushed and the code that
    /// makes the string from them (`Instr::SprintSlice`, Sprintf's or Sprintln's), then prints
    /// it when `print`. `None` when the call has no `...` argument. An element printed by a
    /// verb valid for strings goes through its `Error` or `String` method first, as directly
    /// passed operands do (`stdlib/fmt.go`'s `printablef`, which reads the format at run time).
    pub fn push_fmt_slice(
        &mut self,
        call: Node<'t>,
        arguments: &[Node<'t>],
        format: bool,
        print: bool,
    ) -> Result<Option<(u32, Vec<Instr>)>> {
        let Some((&last, leading)) = arguments.split_last() else {
            return Ok(None);
        };
        if last.kind() != "variadic_argument" {
            return Ok(None);
        }
        if leading.len() != usize::from(format) {
            return Err(self.src.unsupported(
                last,
                "... argument after other operands (pass them all in the slice)",
            ));
        }
        for &operand in leading {
            self.expr_to(operand, &Ty::String, "argument")?;
        }
        let slice = unparen(
            super::syntax::named_children(last)
                .first()
                .copied()
                .unwrap_or(last),
        );
        let ty = self.type_of(slice)?;
        if !matches!(self.types.underlying(&ty), Ty::Slice(element) if *element == ANY) {
            let callee = call
                .child_by_field_name("function")
                .map_or("", |function| self.src.text_of(function));
            return Err(self.src.error(
                slice,
                format!(
                    "cannot use {} ({} of type {}) as type []any in argument to {callee}",
                    self.src.text_of(slice),
                    if slice.kind() == "identifier" {
                        "variable"
                    } else {
                        "value"
                    },
                    self.types.describe(&ty)
                ),
            ));
        }
        self.expr(slice)?;
        // stdlib/fmt.go's printablef (format, args → format, args) or printable (args → args):
        // the operands through their Error or String methods, as fmt's handleMethods does.
        let (helper, args) = if format {
            ("printablef", 2)
        } else {
            ("printable", 1)
        };
        let Some(PkgEntity::Func(helper)) = self
            .pkg
            .lib_names
            .get(&(Std::Fmt, helper.to_string()))
            .cloned()
        else {
            unreachable!("internal error: stdlib/fmt.go (loaded with fmt and log) defines {helper}")
        };
        let func = self.pkg.funcs[helper].id;
        let mut code = vec![Instr::Call { func, args }, Instr::SprintSlice { format }];
        if print {
            code.push(Instr::Print {
                args: 1,
                newline: false,
            });
        }
        Ok(Some((arguments.len() as u32, code)))
    }

    /// [`Lowerer::push_fmt_args`], with the verb that prints each argument where a constant
    /// format says it (`verbs`, by argument index): an operand of `%T` goes in as an interface
    /// value, which carries its dynamic type; a `[]byte` printed by `%s`, `%q` or `%x` goes in
    /// as the string of its bytes, which those verbs print as fmt prints the bytes.
    pub fn push_fmt_args_typed(
        &mut self,
        arguments: &[Node<'t>],
        verbs: &[Option<char>],
    ) -> Result<u32> {
        if let [single] = arguments {
            let inner = unparen(*single);
            if inner.kind() == "call_expression" && self.call_result_types(inner)?.len() != 1 {
                return self.push_plain_args(arguments);
            }
        }
        for (index, &argument) in arguments.iter().enumerate() {
            if argument.kind() == "variadic_argument" {
                return Err(self
                    .src
                    .unsupported(argument, "... argument to this function"));
            }
            self.argument_place(argument)?;
            let ty = self.expr(argument)?;
            let verb = verbs.get(index).copied().flatten();
            // fmt calls Error and String only for the verbs valid for strings (print.go,
            // handleMethods): `%d` of a Stringer enum prints the number.
            let text_verb = matches!(verb, None | Some('v' | '+' | 's' | 'q' | 'x' | 'X'));
            let bytes = self.string_conversion(&Ty::String, &self.types.underlying(&ty));
            match (verb, bytes) {
                (Some('#'), _) => self.emit_sharp_operand(&ty, argument)?,
                (Some('T'), _) if self.types.is_interface(&ty) => {}
                (Some('T'), _) => self.coerce(&ty, &ANY, argument, "argument")?,
                (Some('s' | 'q' | 'x' | 'X'), Some(Instr::BytesString)) => {
                    self.emit(Instr::BytesString, argument);
                }
                // A nil slice or map prints as `[]` or `map[]` under every verb: boxed, the value
                // carries its shape (`DynType::fields`).
                _ if !text_verb => {
                    if verb != Some('*') && self.field_names(&ty, 0) != FieldNames::None {
                        self.coerce(&ty, &ANY, argument, "argument")?;
                    }
                }
                _ if self.types.is_interface(&ty) => self.emit(Instr::Stringer, argument),
                _ if self.has_text_method(&ty, argument)? => {
                    self.coerce(&ty, &ANY, argument, "argument")?;
                    self.emit(Instr::Stringer, argument);
                }
                _ if matches!(verb, None | Some('v'))
                    && self.emit_key_methods(&ty, argument)? => {}
                _ if self.emit_element_methods(&ty, argument)? => {}
                _ => {
                    self.emit_field_methods(&ty, argument)?;
                    // `%+v` of a struct names its fields, and a nil slice or map prints as
                    // `[]` or `map[]` (print.go's printValue), also inside a struct: boxed, the
                    // value carries its shape (`DynType::fields`).
                    if self.field_names(&ty, 0) != FieldNames::None {
                        self.coerce(&ty, &ANY, argument, "argument")?;
                    }
                }
            }
        }
        Ok(arguments.len() as u32)
    }

    /// The verb of each argument (the format being argument 0) of a constant format, `+` for
    /// `%+v`, `#` for `%#v`; empty for a format built at run time. An explicit argument index (`%[2]d`) is refused.
    pub fn format_verbs(&mut self, format: Node<'t>) -> Result<Vec<Option<char>>> {
        let Some((super::constant::ConstValue::Str(text), _)) = self.const_value(format)? else {
            return Ok(Vec::new());
        };
        let mut verbs = vec![None];
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                continue;
            }
            let (mut plus, mut sharp) = (false, false);
            while let Some(flag) = chars.next_if(|c| "+-# 0123456789.*".contains(*c)) {
                plus |= flag == '+';
                sharp |= flag == '#';
                if flag == '*' {
                    // A width or precision from an operand: an integer, not printed.
                    verbs.push(Some('*'));
                }
            }
            match chars.next() {
                Some('%') | None => {}
                // `%#v` and `%+v`, told apart for push_fmt_args_typed (`%#+v` is `%#v`).
                Some('v') if sharp => verbs.push(Some('#')),
                Some('v') if plus => verbs.push(Some('+')),
                Some('[') => {
                    return Err(self.src.unsupported(
                        format,
                        "an explicit argument index in a format (give the operands in order)",
                    ))
                }
                Some(verb) => verbs.push(Some(verb)),
            }
        }
        Ok(verbs)
    }

    /// Refuses a constant format with the `%T` verb where its operands are not boxed
    /// (`fmt.Errorf`, which keeps each operand twice: as printed, and as `%w` wraps it).
    pub fn reject_type_verb(&mut self, format: Node<'t>) -> Result<()> {
        if let Some((super::constant::ConstValue::Str(text), _)) = self.const_value(format)? {
            if text.replace("%%", "").contains("%T") {
                return Err(self.src.unsupported(
                    format,
                    "the %T verb in fmt.Errorf (make the text with fmt.Sprintf first)",
                ));
            }
        }
        Ok(())
    }

    /// The struct fields inside a value of type `ty`, as `%+v` names them, and where it holds
    /// slices and maps (whose nil values fmt prints as `[]` and `map[]`); `depth` bounds the
    /// walk through types that contain themselves (`Children []Node`).
    pub fn field_names(&self, ty: &Ty, depth: u32) -> FieldNames {
        if depth > 4 {
            return FieldNames::None;
        }
        let inner = |ty: &Ty| Box::new(self.field_names(ty, depth + 1));
        match self.types.underlying(ty) {
            Ty::Struct(index) => FieldNames::Struct(
                self.types.structs[index as usize]
                    .fields
                    .iter()
                    .map(|field| (field.name.clone(), self.field_names(&field.ty, depth + 1)))
                    .collect(),
            ),
            Ty::Pointer(to) => match self.field_names(&to, depth + 1) {
                FieldNames::None => FieldNames::None,
                names => FieldNames::Pointer(Box::new(names)),
            },
            // Every slice and map: a nil one prints as `[]` or `map[]`.
            Ty::Slice(element) | Ty::Array(_, element) => FieldNames::Elements(inner(&element)),
            Ty::Map(key, value) => FieldNames::Map(inner(&key), inner(&value)),
            Ty::Int(kind) if kind.unsigned_word() => FieldNames::Unsigned,
            _ => FieldNames::None,
        }
    }

    /// Whether a concrete type's method set has `Error` or `String` (so fmt calls it).
    /// fmt's printValue prints a struct's exported fields (also those of a struct a pointer
    /// operand points to) through handleMethods, as operands: a field with an `Error` or
    /// `String` method, or an interface field holding such a value, prints as what the method
    /// returns (`{1.5s busy}`). With the struct (or the pointer) on the stack, replaces it by a
    /// copy whose such fields hold that text; unexported fields stay, as reflect's CanInterface
    /// keeps fmt from calling their methods. Slice, array and map elements are not visited.
    fn emit_field_methods(&mut self, ty: &Ty, node: Node<'t>) -> Result<()> {
        let pointer = match self.types.underlying(ty) {
            Ty::Pointer(to) => Some(to),
            _ => None,
        };
        let target = pointer
            .clone()
            .map_or_else(|| ty.clone(), |to| (*to).clone());
        if !self.fields_need_methods(&target, node, 0)? {
            return Ok(());
        }
        let Some(_) = pointer else {
            return self.emit_fields_through_methods(&target, node, 0);
        };
        // A nil pointer prints as <nil>; another one as & and the fields of a copy.
        self.emit(Instr::Dup, node);
        self.emit(Instr::PushNil, node);
        self.emit(Instr::Binary(crate::program::BinOp::Eq), node);
        let nil = self.emit_jump(Instr::JumpIfTrue, node);
        self.emit(Instr::Load, node);
        self.emit_fields_through_methods(&target, node, 0)?;
        self.emit(Instr::NewCell, node);
        self.patch_here(nil);
        Ok(())
    }

    /// Whether a field of struct type `ty` (or of a struct in one, `depth` levels down) prints
    /// through a method ([`Lowerer::emit_field_methods`]).
    fn fields_need_methods(&mut self, ty: &Ty, node: Node<'t>, depth: u32) -> Result<bool> {
        let Ty::Struct(index) = self.types.underlying(ty) else {
            return Ok(false);
        };
        if depth > 4 {
            return Ok(false);
        }
        for field in self.types.structs[index as usize].fields.clone() {
            if !field.name.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if self.types.is_interface(&field.ty)
                || self.has_text_method(&field.ty, node)?
                || self.fields_need_methods(&field.ty, node, depth + 1)?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// With a struct of type `ty` on the stack, replaces it by a copy whose exported fields
    /// print through their methods.
    fn emit_fields_through_methods(&mut self, ty: &Ty, node: Node<'t>, depth: u32) -> Result<()> {
        let Ty::Struct(index) = self.types.underlying(ty) else {
            return Ok(());
        };
        for (i, field) in self.types.structs[index as usize]
            .fields
            .clone()
            .into_iter()
            .enumerate()
        {
            if !field.name.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let i = i as u32;
            let interface = self.types.is_interface(&field.ty);
            let method = !interface && self.has_text_method(&field.ty, node)?;
            let nested =
                !interface && !method && self.fields_need_methods(&field.ty, node, depth + 1)?;
            if !(interface || method || nested) {
                continue;
            }
            self.emit(Instr::Dup, node);
            self.emit(Instr::Field(i), node);
            if nested {
                self.emit_fields_through_methods(&field.ty, node, depth + 1)?;
            } else if method {
                // A nil pointer prints as <nil>, its method not called (print.go catchPanic).
                let nil = match self.types.underlying(&field.ty) {
                    Ty::Pointer(_) => {
                        self.emit(Instr::Dup, node);
                        self.emit(Instr::PushNil, node);
                        self.emit(Instr::Binary(crate::program::BinOp::Eq), node);
                        Some(self.emit_jump(Instr::JumpIfTrue, node))
                    }
                    _ => None,
                };
                let id = self.dyn_type_id(&field.ty, node);
                self.emit(Instr::Box(id), node);
                self.emit(Instr::Stringer, node);
                if let Some(nil) = nil {
                    self.patch_here(nil);
                }
            } else {
                self.emit(Instr::Stringer, node);
            }
            self.emit(Instr::SetField(i), node);
        }
        Ok(())
    }

    /// fmt's printValue prints the elements of a slice or array, and the values of a map,
    /// through handleMethods at depth > 0 (print.go): an element with an `Error` or `String`
    /// method, or an interface element holding one, prints as what the method returns
    /// (`[busy idle]`). With such a slice, array or map on the stack, replaces it by the
    /// `[]any` or `map[K]any` of `stdlib/fmt.go`'s elementTexts or valueTexts and returns true;
    /// otherwise emits nothing. Map keys stay: fmt sorts them by value (internal/fmtsort), not
    /// by their text; the slices of a slice are visited (`[][]state`), deeper slices and structs
    /// in a slice are not.
    fn emit_element_methods(&mut self, ty: &Ty, node: Node<'t>) -> Result<bool> {
        let (helper, args, element) = match self.types.underlying(ty) {
            // `[][]state`: each inner slice through elementTexts (nestedTexts).
            Ty::Slice(element) => match self.types.underlying(&element) {
                Ty::Slice(inner)
                    if self.types.is_interface(&inner) || self.has_text_method(&inner, node)? =>
                {
                    ("nestedTexts", vec![(*inner).clone()], inner)
                }
                _ => ("elementTexts", vec![(*element).clone()], element),
            },
            Ty::Array(_, element) => ("elementTexts", vec![(*element).clone()], element),
            Ty::Map(key, value) => ("valueTexts", vec![(*key).clone(), (*value).clone()], value),
            _ => return Ok(false),
        };
        if !(self.types.is_interface(&element) || self.has_text_method(&element, node)?) {
            return Ok(false);
        }
        let Some(PkgEntity::Func(template)) = self
            .pkg
            .lib_names
            .get(&(Std::Fmt, helper.to_string()))
            .cloned()
        else {
            return Ok(false);
        };
        if let Ty::Array(..) = self.types.underlying(ty) {
            // A copy of the array, sliced whole (the operand is a value: Go copies it too).
            self.emit(Instr::NewCell, node);
            self.emit(Instr::ArraySlice, node);
        }
        let pointer = matches!(self.types.underlying(&element), Ty::Pointer(_));
        let instance = self.instance_with(template, args)?;
        let func = self.pkg.funcs[instance].id;
        self.emit(Instr::PushBool(pointer), node);
        self.emit(Instr::Call { func, args: 2 }, node);
        Ok(true)
    }

    /// A map whose keys have an `Error` or `String` method, printed by `%v`: fmt sorts its
    /// keys by value and prints each through its method (print.go, printValue), which the
    /// machine's map printing cannot do, so the map is replaced by its text from
    /// `stdlib/fmt.go`'s keyedText (keys of ordered types only; others print as before).
    fn emit_key_methods(&mut self, ty: &Ty, node: Node<'t>) -> Result<bool> {
        let Ty::Map(key, value) = self.types.underlying(ty) else {
            return Ok(false);
        };
        let ordered = matches!(
            self.types.underlying(&key),
            Ty::Int(_) | Ty::Float(_) | Ty::String
        );
        if !ordered || !self.has_text_method(&key, node)? {
            return Ok(false);
        }
        let Some(PkgEntity::Func(template)) = self
            .pkg
            .lib_names
            .get(&(Std::Fmt, "keyedText".to_string()))
            .cloned()
        else {
            return Ok(false);
        };
        let pointer = matches!(self.types.underlying(&value), Ty::Pointer(_));
        let instance = self.instance_with(template, vec![(*key).clone(), (*value).clone()])?;
        let func = self.pkg.funcs[instance].id;
        self.emit(Instr::PushBool(pointer), node);
        self.emit(Instr::Call { func, args: 2 }, node);
        Ok(true)
    }

    pub(super) fn has_text_method(&mut self, ty: &Ty, node: Node<'t>) -> Result<bool> {
        self.has_any_method(ty, &["Error", "String"], node)
    }

    /// Whether the method set of a named type `ty` (or of a pointer to one) holds one of
    /// `names` (a pointer method is not in the method set of the value type).
    pub(super) fn has_any_method(
        &mut self,
        ty: &Ty,
        names: &[&str],
        node: Node<'t>,
    ) -> Result<bool> {
        let named = match ty {
            Ty::Named(_) => true,
            Ty::Pointer(inner) => matches!(**inner, Ty::Named(_)),
            _ => false,
        };
        if !named {
            return Ok(false);
        }
        for name in names {
            match self.lookup_selector(ty, name, node)? {
                Some(Selection::Method { method, at, .. })
                    if !method.pointer || matches!(at, Ty::Pointer(_)) =>
                {
                    return Ok(true)
                }
                Some(Selection::Promoted { .. }) => return Ok(true),
                _ => {}
            }
        }
        Ok(false)
    }
}
