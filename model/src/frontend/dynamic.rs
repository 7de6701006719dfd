//! Interface values in the front end: which concrete types become dynamic types (their names,
//! method tables and comparability, `program/dynamic.rs`), where a concrete value is boxed on
//! its way into an interface-typed place, and the static check that the type implements the
//! interface (Go spec, "Assignability" and "Implementing an interface").

use std::collections::HashMap;
use std::rc::Rc;

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::Ty;
use super::typing::{Selection, Step};
use crate::program::{DynMethod, DynType, DynTypeId, InterfaceDef, InterfaceId, ReceiverStep};

/// A selector step as a step from a boxed value to a receiver.
fn receiver_step(step: Step) -> ReceiverStep {
    match step {
        Step::Load => ReceiverStep::Deref,
        Step::Field(i) => ReceiverStep::Field(i),
        Step::CondLocker => unreachable!("internal error: method through Cond.L"),
    }
}

/// The dynamic types and asserted interfaces of the program under construction.
#[derive(Debug)]
pub(super) struct DynTables {
    pub dyn_types: Vec<DynType>,
    /// Dynamic type ids by the front end's type (its `Debug` form: local types of the same
    /// name in two functions are different types).
    ids: HashMap<String, DynTypeId>,
    pub interfaces: Vec<InterfaceDef>,
    /// Interface ids by the front end's interface index.
    interface_ids: HashMap<u32, InterfaceId>,
}

impl Default for DynTables {
    fn default() -> Self {
        // Id 0: the errors the machine makes itself (`Value::Error`).
        let error_string = DynType {
            name: "*errors.errorString".to_string(),
            methods: Vec::new(),
            comparable: true,
            fields: crate::program::FieldNames::None,
            syntax: crate::program::GoSyntax {
                name: "*errors.errorString".to_string(),
                kind: crate::program::SyntaxKind::Other,
            },
        };
        DynTables {
            dyn_types: vec![error_string],
            ids: HashMap::new(),
            interfaces: Vec::new(),
            interface_ids: HashMap::new(),
        }
    }
}

impl<'t> Lowerer<'t> {
    /// The type's name as Go's runtime prints it (`main.T`, `*main.T`, `[]int`).
    pub fn go_type_name(&self, ty: &Ty) -> String {
        match ty {
            Ty::Named(index) => {
                let named = &self.types.named[*index as usize];
                let package = named.package.map_or(self.user_package, |p| p.go_name());
                format!("{package}.{}", named.name)
            }
            Ty::Pointer(inner) => format!("*{}", self.go_type_name(inner)),
            Ty::Slice(inner) => format!("[]{}", self.go_type_name(inner)),
            Ty::Array(n, inner) => format!("[{n}]{}", self.go_type_name(inner)),
            Ty::Map(key, value) => format!(
                "map[{}]{}",
                self.go_type_name(key),
                self.go_type_name(value)
            ),
            Ty::Chan(super::types::ChanDir::Both, inner) => {
                format!("chan {}", self.go_type_name(inner))
            }
            // A struct literal type, as reflect spells it: `struct { a int; main.T }`.
            Ty::Struct(index)
                if self.types.structs[*index as usize]
                    .name
                    .starts_with("struct{") =>
            {
                let fields: Vec<String> = self.types.structs[*index as usize]
                    .fields
                    .iter()
                    .map(|field| match field.embedded {
                        true => self.go_type_name(&field.ty),
                        false => format!("{} {}", field.name, self.go_type_name(&field.ty)),
                    })
                    .collect();
                match fields.is_empty() {
                    true => "struct {}".to_string(),
                    false => format!("struct {{ {} }}", fields.join("; ")),
                }
            }
            other => self.types.runtime_name(other),
        }
    }

    /// The dynamic type id of a concrete type, made on first use with its method table.
    pub fn dyn_type_id(&mut self, ty: &Ty, node: Node<'t>) -> DynTypeId {
        let key = Ty::identity_key(std::slice::from_ref(ty));
        if let Some(&id) = self.dynamic.ids.get(&key) {
            return id;
        }
        let name = self.go_type_name(ty);
        let id = DynTypeId(self.dynamic.dyn_types.len() as u32);
        // Registered before the methods are computed: a method table never refers back to it.
        self.dynamic.ids.insert(key, id);
        self.dynamic.dyn_types.push(DynType {
            name,
            methods: Vec::new(),
            comparable: self.comparable(ty),
            fields: self.field_names(ty, 0),
            syntax: self.go_syntax(ty),
        });
        let methods = self.method_table(ty, node);
        self.dynamic.dyn_types[id.0 as usize].methods = methods;
        id
    }

    /// The interface id of an interface type, for assertions to it.
    pub fn interface_id(&mut self, ty: &Ty) -> InterfaceId {
        let Ty::Interface(index) = self.types.underlying(ty) else {
            unreachable!("internal error: interface id of a non-interface type");
        };
        let index = super::types::identity_index(index);
        if let Some(&id) = self.dynamic.interface_ids.get(&index) {
            return id;
        }
        let name = match ty {
            Ty::Named(_) => self.go_type_name(ty),
            other => self.types.runtime_name(other),
        };
        let (methods, signatures) = self.types.interfaces[index as usize]
            .methods
            .clone()
            .into_iter()
            .map(|(name, sig)| (name, self.types.describe(&Ty::Func(sig))))
            .unzip();
        let id = InterfaceId(self.dynamic.interfaces.len() as u32);
        self.dynamic.interfaces.push(InterfaceDef {
            name,
            methods,
            signatures,
        });
        self.dynamic.interface_ids.insert(index, id);
        id
    }

    /// Whether `==` is defined on values of the type (Go spec, "Comparison operators").
    pub fn comparable(&self, ty: &Ty) -> bool {
        match self.types.underlying(ty) {
            Ty::Slice(_) | Ty::Map(..) | Ty::Func(_) => false,
            Ty::Array(_, element) => self.comparable(&element),
            Ty::Struct(index) => self.types.structs[index as usize]
                .fields
                .iter()
                .all(|field| self.comparable(&field.ty)),
            _ => true,
        }
    }

    /// The method set of a concrete type (Go spec, "Method sets"): its own methods and those
    /// promoted from embedded fields, each with the path from the value to the receiver.
    fn method_table(&mut self, ty: &Ty, node: Node<'t>) -> Vec<DynMethod> {
        let mut names: Vec<String> = self
            .types
            .named
            .iter()
            .flat_map(|named| named.methods.iter().map(|m| m.name.clone()))
            .chain(
                // Methods promoted from embedded interface fields.
                self.types
                    .interfaces
                    .iter()
                    .flat_map(|iface| iface.methods.iter().map(|(name, _)| name.clone())),
            )
            .collect();
        names.sort();
        names.dedup();
        let mut table = Vec::new();
        for name in names {
            // An ambiguous selector is not in the method set; that is not an error here.
            let (steps, method, at) = match self.lookup_selector(ty, &name, node) {
                Ok(Some(Selection::Method { steps, method, at })) => (steps, method, at),
                Ok(Some(Selection::Promoted { steps, sig })) => {
                    // Through an embedded interface field: dispatched again on its value.
                    let path = steps.iter().map(|step| receiver_step(*step)).collect();
                    table.push(DynMethod {
                        name,
                        sig: self.types.describe(&Ty::Func(sig)),
                        func: None,
                        path,
                    });
                    continue;
                }
                // An ambiguous selector is not in the method set; that is not an error here.
                _ => continue,
            };
            let mut path: Vec<ReceiverStep> =
                steps.iter().map(|step| receiver_step(*step)).collect();
            let at_pointer = matches!(at, Ty::Pointer(_));
            if method.pointer && !at_pointer {
                // The receiver is the address of the value reached: only a value inside
                // something reached through a pointer has one.
                let Some(last_deref) = path.iter().rposition(|s| *s == ReceiverStep::Deref) else {
                    continue;
                };
                let fields: Vec<ReceiverStep> = path[last_deref + 1..]
                    .iter()
                    .map(|step| match step {
                        ReceiverStep::Field(i) => ReceiverStep::FieldAddr(*i),
                        other => *other,
                    })
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                path.truncate(last_deref);
                path.extend(fields);
            } else if !method.pointer && at_pointer {
                path.push(ReceiverStep::Deref);
            }
            let def = &self.pkg.funcs[method.func];
            let func = Some(def.id);
            let sig = self.types.describe(&Ty::Func(Rc::new(def.sig.clone())));
            table.push(DynMethod {
                name,
                sig,
                func,
                path,
            });
        }
        table
    }

    /// The first method of `iface` that `ty` lacks, if any (Go: "T does not implement I
    /// (missing method M)").
    pub fn missing_method(&mut self, ty: &Ty, iface: &Ty, node: Node<'t>) -> Option<String> {
        let wanted = self.types.as_interface(iface)?.methods.clone();
        if let Some(have) = self.types.as_interface(ty) {
            let have = have.methods.clone();
            return wanted
                .into_iter()
                .find(|(name, _)| !have.iter().any(|(n, _)| n == name))
                .map(|(name, _)| name);
        }
        let id = self.dyn_type_id(ty, node);
        let wanted: Vec<(String, String)> = wanted
            .into_iter()
            .map(|(name, sig)| (name, self.types.describe(&Ty::Func(sig))))
            .collect();
        let table = &self.dynamic.dyn_types[id.0 as usize].methods;
        wanted
            .into_iter()
            .find(|(name, sig)| !table.iter().any(|m| &m.name == name && &m.sig == sig))
            .map(|(name, _)| name)
    }

    /// How `go build` describes an operand in a message: "variable of type T", "value of type
    /// T", "untyped int constant".
    pub fn operand_description(&mut self, node: Node<'t>, ty: &Ty) -> String {
        let text = self.src.text_of(node);
        let literal = matches!(
            node.kind(),
            "int_literal" | "interpreted_string_literal" | "raw_string_literal" | "rune_literal"
        );
        if literal {
            let kind = match node.kind() {
                "int_literal" => "int",
                "rune_literal" => "rune",
                _ => "string",
            };
            return format!("untyped {kind} constant");
        }
        // types2's operand modes: a map element and a receive or type assertion (which can
        // yield a second, ok value) are named as such.
        // An element (also `m[k]` in `m[k](x)`, parsed as a generic type: indexcall.rs).
        let indexed = match node.kind() {
            "index_expression" => node
                .child_by_field_name("operand")
                .and_then(|operand| self.type_of(operand).ok()),
            "generic_type" => self
                .element_parts(node)
                .and_then(|(operand, _)| self.type_of(operand).ok()),
            _ => None,
        }
        .map(|ty| self.types.underlying(&ty));
        let mode = match node.kind() {
            "index_expression" | "generic_type" => indexed
                .as_ref()
                .is_some_and(|ty| matches!(ty, Ty::Map(..)))
                .then_some("map index expression"),
            "type_assertion_expression" => Some("comma, ok expression"),
            "unary_expression" => node
                .child_by_field_name("operator")
                .filter(|operator| self.src.text_of(*operator) == "<-")
                .map(|_| "comma, ok expression"),
            _ => None,
        };
        if let Some(mode) = mode {
            return format!("{mode} of type {}", self.types.describe(ty));
        }
        if node.kind() == "func_literal" {
            // types2 prints a literal's signature as written, parameter names included.
            let text = self.go_text(node);
            let signature = text.trim_end_matches(" {…}").trim_end_matches(" {}");
            return format!("value of type {signature}");
        }
        // An element of a slice is a variable (types2: addressable).
        let is_element = matches!(indexed, Some(Ty::Slice(_)));
        let is_var = is_element
            || matches!(node.kind(), "identifier" | "type_identifier")
                && matches!(
                    self.lookup(text),
                    super::resolve::Name::Local(super::lowerer::Entity::Var(_))
                        | super::resolve::Name::Pkg(super::package::PkgEntity::Global(_))
                );
        let what = if is_var { "variable" } else { "value" };
        format!("{what} of type {}", self.types.describe(ty))
    }

    /// Go 1.19's reason why `ty` does not implement `iface` ("T does not implement I (missing
    /// M method)", or "(M method has pointer receiver)").
    pub fn not_implemented(
        &mut self,
        ty: &Ty,
        iface: &Ty,
        missing: &str,
        node: Node<'t>,
    ) -> String {
        let pointer = Ty::Pointer(ty.clone().into());
        let on_pointer = !matches!(ty, Ty::Pointer(_))
            && !self.types.is_interface(ty)
            && self
                .types
                .as_interface(iface)
                .is_some_and(|i| i.methods.iter().any(|(n, _)| n == missing))
            && self.has_method_named(&pointer, missing, node);
        let (reason, detail) =
            if let Some((have, want)) = self.method_signatures(ty, iface, missing, node) {
                // go build (1.19)'s wording for a method of the right name and the wrong type.
                (
                    format!("wrong type for {missing} method"),
                    format!("\n\t\thave {missing}{have}\n\t\twant {missing}{want}"),
                )
            } else if on_pointer {
                (
                    format!("{missing} method has pointer receiver"),
                    String::new(),
                )
            } else {
                (format!("missing {missing} method"), String::new())
            };
        format!(
            "{} does not implement {} ({reason}){detail}",
            self.types.describe(ty),
            self.types.describe(iface)
        )
    }

    /// For a concrete type whose method `name` has another signature than the interface's:
    /// both, as Go writes them after the name (`() error`).
    fn method_signatures(
        &mut self,
        ty: &Ty,
        iface: &Ty,
        name: &str,
        node: Node<'t>,
    ) -> Option<(String, String)> {
        let want = self
            .types
            .as_interface(iface)?
            .methods
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, sig)| sig.clone())?;
        if self.types.is_interface(ty) {
            return None;
        }
        let id = self.dyn_type_id(ty, node);
        let have = self.dynamic.dyn_types[id.0 as usize]
            .methods
            .iter()
            .find(|m| m.name == name)?
            .sig
            .clone();
        let want = self.types.describe(&Ty::Func(want));
        let strip = |sig: &str| sig.strip_prefix("func").unwrap_or(sig).to_string();
        Some((strip(&have), strip(&want)))
    }

    /// Whether a concrete type's method set has a method of this name.
    fn has_method_named(&mut self, ty: &Ty, name: &str, node: Node<'t>) -> bool {
        let id = self.dyn_type_id(ty, node);
        self.dynamic.dyn_types[id.0 as usize]
            .methods
            .iter()
            .any(|m| m.name == name)
    }

    /// Converts the value on the stack, of type `from`, for a place of type `to`: a concrete
    /// value going into an interface is boxed with its dynamic type. `context` names the place
    /// as Go's messages do ("assignment", "argument", "return statement", "send").
    pub fn coerce(&mut self, from: &Ty, to: &Ty, node: Node<'t>, context: &str) -> Result<()> {
        self.check_assignable(from, to, node, context)?;
        self.convert_untyped_number(from, to, node);
        if !self.types.is_interface(to) || self.types.is_interface(from) {
            return Ok(());
        }
        if matches!(from, Ty::UntypedNil) {
            return Ok(());
        }
        if let Some(missing) = self.missing_method(from, to, node) {
            return Err(self.src.error(
                node,
                format!(
                    "cannot use {} ({}) as type {} in {context}:\n\t{}",
                    self.go_text(node),
                    // A constant is converted to its default type first.
                    match self.const_value(node)? {
                        Some(_) => format!("constant of type {}", self.types.describe(from)),
                        None => self.operand_description(node, from),
                    },
                    self.types.describe(to),
                    self.not_implemented(from, to, &missing, node),
                ),
            ));
        }
        let id = self.dyn_type_id(from, node);
        self.emit(crate::program::Instr::Box(id), node);
        Ok(())
    }

    /// Lowers an expression whose value goes into a place of type `to`.
    pub fn expr_to(&mut self, node: Node<'t>, to: &Ty, context: &str) -> Result<Ty> {
        if let Ty::Func(sig) = self.types.underlying(to) {
            if let Some(from) = self.lower_generic_for(node, &sig)? {
                self.check_assignable(&from, to, node, context)?;
                return Ok(from);
            }
        }
        self.const_place = Some((Some(to.clone()), context.to_string()));
        let from = self.expr(node)?;
        self.coerce(&from, to, node, context)?;
        Ok(from)
    }

    /// Pushes a key of a map of type `map_ty`: converted to the key type, so that a key of an
    /// interface type is boxed with its dynamic type (`m[1]` and `m[id(1)]` of a `map[any]int`
    /// are two entries).
    pub fn map_key(&mut self, key: Node<'t>, map_ty: &Ty) -> Result<()> {
        match self.types.underlying(map_ty) {
            Ty::Map(key_ty, _) if self.types.is_interface(&key_ty) => {
                self.expr_to(key, &key_ty, "map index")?;
            }
            _ => {
                self.expr(key)?;
            }
        }
        Ok(())
    }
}
