//! Terminating statements (Go spec, "Terminating statements"): a function with results must end
//! in one, or `go build` reports "missing return" at the closing brace.

use tree_sitter::Node;

use super::syntax::{named_children, Source};

/// Whether a block (`{ ... }` or a case's statement list) ends in a terminating statement.
pub(super) fn block_terminates(src: &Source, block: Node) -> bool {
    let statements: Vec<Node> = statements_of(block)
        .into_iter()
        .filter(|s| !matches!(s.kind(), "empty_statement" | "comment"))
        .collect();
    statements
        .last()
        .is_some_and(|last| statement_terminates(src, *last, None))
}

/// The statements of a block, or of a case clause's statement list.
fn statements_of(node: Node) -> Vec<Node> {
    named_children(node)
        .into_iter()
        .flat_map(|child| {
            if child.kind() == "statement_list" {
                named_children(child)
            } else {
                vec![child]
            }
        })
        .collect()
}

/// Whether one statement is terminating; `label` is the label naming it, if any.
fn statement_terminates(src: &Source, node: Node, label: Option<&str>) -> bool {
    match node.kind() {
        "return_statement" | "goto_statement" => true,
        "expression_statement" => named_children(node).first().is_some_and(|call| {
            call.kind() == "call_expression"
                && call
                    .child_by_field_name("function")
                    .is_some_and(|f| src.text_of(f) == "panic")
        }),
        "block" => block_terminates(src, node),
        "if_statement" => {
            let (Some(consequence), Some(alternative)) = (
                node.child_by_field_name("consequence"),
                node.child_by_field_name("alternative"),
            ) else {
                return false;
            };
            block_terminates(src, consequence)
                && match alternative.kind() {
                    "if_statement" => statement_terminates(src, alternative, None),
                    _ => block_terminates(src, alternative),
                }
        }
        "for_statement" => {
            // No condition, no range clause, and no `break` that leaves it.
            let unconditional = named_children(node).iter().all(|child| match child.kind() {
                "block" => true,
                "for_clause" => child.child_by_field_name("condition").is_none(),
                _ => false,
            });
            unconditional
                && node
                    .child_by_field_name("body")
                    .is_some_and(|body| !breaks_out(src, body, label))
        }
        "expression_switch_statement" | "type_switch_statement" | "select_statement" => {
            let clauses: Vec<Node> = named_children(node)
                .into_iter()
                .filter(|c| {
                    matches!(
                        c.kind(),
                        "expression_case" | "type_case" | "default_case" | "communication_case"
                    )
                })
                .collect();
            let has_default = node.kind() == "select_statement"
                || clauses.iter().any(|c| c.kind() == "default_case");
            has_default
                && clauses.iter().all(|clause| {
                    !breaks_out(src, *clause, label) && {
                        let statements = statements_of(*clause);
                        statements.last().is_some_and(|last| {
                            last.kind() == "fallthrough_statement"
                                || statement_terminates(src, *last, None)
                        })
                    }
                })
        }
        "labeled_statement" => {
            let name = node.child_by_field_name("label").map(|l| src.text_of(l));
            named_children(node)
                .into_iter()
                .find(|c| c.kind() != "label_name")
                .is_some_and(|inner| statement_terminates(src, inner, name))
        }
        _ => false,
    }
}

/// Whether a `break` inside `node` leaves the enclosing statement: an unlabeled one not nested
/// in another breakable statement, or one naming `label`.
fn breaks_out(src: &Source, node: Node, label: Option<&str>) -> bool {
    for child in named_children(node) {
        match child.kind() {
            "break_statement" => match named_children(child).first() {
                None => return true,
                Some(target) => {
                    if Some(src.text_of(*target)) == label {
                        return true;
                    }
                }
            },
            "func_literal" => {}
            "for_statement"
            | "expression_switch_statement"
            | "type_switch_statement"
            | "select_statement" => {
                // An unlabeled break in here leaves the inner statement; a labeled one may
                // still name ours.
                if label.is_some() && breaks_out_labeled(src, child, label) {
                    return true;
                }
            }
            _ => {
                if breaks_out(src, child, label) {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether a `break label` appears anywhere inside `node` (outside function literals).
fn breaks_out_labeled(src: &Source, node: Node, label: Option<&str>) -> bool {
    named_children(node)
        .into_iter()
        .any(|child| match child.kind() {
            "break_statement" => named_children(child)
                .first()
                .is_some_and(|target| Some(src.text_of(*target)) == label),
            "func_literal" => false,
            _ => breaks_out_labeled(src, child, label),
        })
}
