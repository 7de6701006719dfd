//! Generic functions used as values (Go spec, "Instantiations"): `Map[int, string]` names an
//! instance explicitly, and a bare `Map` where a function type is expected (`var f func(int)
//! string = Map`, an argument of function type) is instantiated with the type arguments that
//! make its signature that type (Go 1.21's inference from the assignment context). Either way
//! the value is the instance's function value, as for any top-level function.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::{unparen, Result};
use super::types::{Sig, Ty};
use crate::program::Instr;

impl<'t> Lowerer<'t> {
    /// The generic function and type argument nodes of an explicit instantiation used as a
    /// value (`F[int]`, `F[int, string]`), if `node` is one.
    fn instantiation_value(&self, node: Node<'t>) -> Option<(usize, Vec<Node<'t>>)> {
        let (name, types) = super::generics::instantiation_parts(node)?;
        Some((self.generic_template_named(name)?, types))
    }

    /// The generic function declaration an identifier names, if it names one.
    fn generic_template_named(&self, name: Node<'t>) -> Option<usize> {
        if !matches!(name.kind(), "identifier" | "type_identifier") {
            return None;
        }
        match self.lookup(self.src.text_of(name)) {
            super::resolve::Name::Pkg(super::package::PkgEntity::Func(index))
                if self.is_generic_template(index) =>
            {
                Some(index)
            }
            _ => None,
        }
    }

    /// The instance an explicit instantiation used as a value names; `None` when `node` is not
    /// one. Every type parameter must be given.
    pub(super) fn instance_value(&mut self, node: Node<'t>) -> Result<Option<usize>> {
        let Some((index, given)) = self.instantiation_value(node) else {
            return Ok(None);
        };
        let params = self.pkg.funcs[index].type_params.clone();
        if given.len() != params.len() {
            return Err(self.src.error(
                node,
                format!(
                    "cannot use generic function {} without instantiation",
                    self.pkg.funcs[index].name
                ),
            ));
        }
        let mut args = Vec::new();
        for type_node in given {
            args.push(self.resolve_type(type_node)?);
        }
        self.instance_with(index, args).map(Some)
    }

    /// The type of an explicit instantiation used as a value.
    pub(super) fn instance_value_type(&mut self, node: Node<'t>) -> Result<Option<Ty>> {
        Ok(self
            .instance_value(node)?
            .map(|instance| Ty::Func(self.pkg.funcs[instance].sig.clone().into())))
    }

    /// Lowers an explicit instantiation used as a value; `None` when `node` is not one.
    pub(super) fn lower_instance_value(&mut self, node: Node<'t>) -> Result<Option<Ty>> {
        let Some(instance) = self.instance_value(node)? else {
            return Ok(None);
        };
        self.emit(Instr::FuncValue(self.pkg.funcs[instance].id), node);
        Ok(Some(Ty::Func(self.pkg.funcs[instance].sig.clone().into())))
    }

    /// A bare generic function where a value of function type `target` is expected: the
    /// instance whose signature is `target`, lowered as its function value; `None` when `node`
    /// does not name a generic function.
    pub(super) fn lower_generic_for(&mut self, node: Node<'t>, target: &Sig) -> Result<Option<Ty>> {
        let node = unparen(node);
        let Some(index) = self.generic_template_named(node) else {
            return Ok(None);
        };
        let params = self.pkg.funcs[index].type_params.clone();
        let mut bound: Vec<Option<Ty>> = vec![None; params.len()];
        self.unify_with_signature(index, target, &params, &mut bound);
        let mut args = Vec::new();
        for (name, ty) in params.iter().zip(bound) {
            match ty {
                Some(ty) => args.push(ty),
                None => {
                    return Err(self.src.error(
                        node,
                        format!(
                            "cannot use generic function {} without instantiation (cannot infer \
                             {name})",
                            self.src.text_of(node)
                        ),
                    ))
                }
            }
        }
        let instance = self.instance_with(index, args)?;
        self.emit(Instr::FuncValue(self.pkg.funcs[instance].id), node);
        Ok(Some(Ty::Func(self.pkg.funcs[instance].sig.clone().into())))
    }
}
