//! Parsing with tree-sitter-go, syntax errors, and small helpers over syntax nodes.

use tree_sitter::{Node, Parser, Tree};

use super::ModelError;
use crate::program::Span;

/// The front end's result type: every failure is a [`ModelError`].
pub(super) type Result<T> = std::result::Result<T, ModelError>;

/// Deepest syntax tree accepted: lowering recurses over the tree, and a model never nests this
/// deep; garbage input that does is refused instead of overflowing the stack.
pub(super) const MAX_TREE_DEPTH: usize = 400;

/// The model's files, with the helpers that turn nodes into spans and errors.
///
/// The files of a package are laid out one after another in one text (each starting on a line
/// of its own) and each is parsed on its own over its range of it (tree-sitter's included
/// ranges), so a node's byte offsets say which file it is in: no node carries a file id and
/// nothing is merged or rewritten.
pub(super) struct Source<'s> {
    /// The model's name (its first file).
    pub name: &'s str,
    /// All files' texts, laid out in order.
    pub text: &'s str,
    /// Where each file lies in `text`.
    pub files: Vec<FileSlot<'s>>,
}

/// One file of the model within [`Source::text`].
pub(super) struct FileSlot<'s> {
    /// The file name as given.
    pub name: &'s str,
    /// Its first byte in the laid-out text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Lines of the laid-out text before it.
    pub rows_before: u32,
}

impl<'s> Source<'s> {
    /// The source text of a node.
    pub fn text_of(&self, node: Node) -> &'s str {
        self.text
            .get(node.start_byte()..node.end_byte())
            .unwrap_or("")
    }

    /// The name of the file holding a byte of the laid-out text.
    pub fn file_name_at(&self, byte: usize) -> &'s str {
        self.files[self.file_at(byte)].name
    }

    /// The index of the file holding a byte of the laid-out text.
    fn file_at(&self, byte: usize) -> usize {
        self.files
            .iter()
            .rposition(|slot| slot.start <= byte)
            .unwrap_or(0)
    }

    /// The file, line and column (in bytes, from 1) of a byte of the laid-out text.
    pub fn position_of_byte(&self, byte: usize) -> (&'s str, u32, u32) {
        let slot = &self.files[self.file_at(byte)];
        let before = self.text.get(slot.start..byte).unwrap_or("");
        let line = before.matches('\n').count() as u32 + 1;
        let col = (before.len() - before.rfind('\n').map_or(0, |at| at + 1)) as u32 + 1;
        (slot.name, line, col)
    }

    /// The file, line and column of a node's start, as Go's messages cite other positions.
    pub fn position(&self, node: Node) -> (&str, u32, u32) {
        let span = self.span(node);
        (self.files[span.file as usize].name, span.line, span.col)
    }

    /// The span of a node, in the file it belongs to.
    pub fn span(&self, node: Node) -> Span {
        let position = node.start_position();
        let file = self.file_at(node.start_byte());
        let slot = &self.files[file];
        Span {
            file: file as u32,
            start: (node.start_byte() - slot.start) as u32,
            end: (node.end_byte().min(slot.end) - slot.start) as u32,
            line: position.row as u32 - slot.rows_before + 1,
            col: position.column as u32 + 1,
        }
    }

    /// An error pointing at a node.
    pub fn error(&self, node: Node, message: impl Into<String>) -> ModelError {
        self.error_at(node.start_byte(), node.end_byte(), message)
    }

    /// The one value of a call used as a value: Go's errors for a call with no result or with
    /// several (the type checker and the lowering both ask).
    pub fn single_value<T: Clone>(&self, call: Node, results: &[T]) -> Result<T> {
        match results {
            [one] => Ok(one.clone()),
            [] => Err(self.error(
                call,
                format!("{} (no value) used as value", self.text_of(call)),
            )),
            _ => Err(self.error(
                call,
                format!(
                    "multiple-value {} in single-value context",
                    self.text_of(call)
                ),
            )),
        }
    }

    /// "unsupported Go construct: `what`", pointing at a node.
    pub fn unsupported(&self, node: Node, what: impl AsRef<str>) -> ModelError {
        self.error(node, format!("unsupported Go construct: {}", what.as_ref()))
    }

    /// An error pointing at a byte range.
    pub fn error_at(&self, start: usize, end: usize, message: impl Into<String>) -> ModelError {
        let slot = &self.files[self.file_at(start)];
        let bytes = &self.text.as_bytes()[slot.start..slot.end];
        let (start, end) = (
            start.saturating_sub(slot.start).min(bytes.len()),
            end.saturating_sub(slot.start),
        );
        let line_start = bytes[..start]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let mut source_line = String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned();
        if source_line.ends_with('\r') {
            source_line.pop();
        }
        let width = end.min(line_end).saturating_sub(start).max(1) as u32;
        ModelError {
            message: message.into(),
            file: slot.name.to_string(),
            line,
            col: (start - line_start) as u32 + 1,
            source_line,
            width,
        }
    }
}

/// Parses one file of the laid-out text (its range only); `None` only if tree-sitter gives up.
pub(super) fn parse(text: &str, slot: &FileSlot) -> Option<Tree> {
    let mut parser = Parser::new();
    parser.set_language(&tree_sitter_go::LANGUAGE.into()).ok()?;
    let inner = &text[slot.start..slot.end];
    let last_newline = inner.rfind('\n').map_or(0, |i| i + 1);
    let range = tree_sitter::Range {
        start_byte: slot.start,
        end_byte: slot.end,
        start_point: tree_sitter::Point {
            row: slot.rows_before as usize,
            column: 0,
        },
        end_point: tree_sitter::Point {
            row: slot.rows_before as usize + inner.matches('\n').count(),
            column: inner.len() - last_newline,
        },
    };
    parser.set_included_ranges(&[range]).ok()?;
    parser.parse(text, None)
}

/// The import paths a file's syntax tree names (unquoted; malformed ones left out).
pub(super) fn import_paths(text: &str, root: Node) -> Vec<String> {
    let mut paths = Vec::new();
    for declaration in named_children(root) {
        if declaration.kind() != "import_declaration" {
            continue;
        }
        let mut specs = Vec::new();
        for child in named_children(declaration) {
            if child.kind() == "import_spec_list" {
                specs.extend(named_children(child));
            } else {
                specs.push(child);
            }
        }
        for spec in specs {
            if let Some(path) = spec.child_by_field_name("path") {
                let quoted = text.get(path.start_byte()..path.end_byte()).unwrap_or("");
                if let Ok(path) = super::literal::string_literal(quoted) {
                    paths.push(path);
                }
            }
        }
    }
    paths
}

/// A type written where a value goes (`done <- struct{}`, `m := map[string]int`): Go's
/// parser takes it and types2 says "struct{} (type) is not an expression"; tree-sitter-go
/// cannot parse it and leaves an `ERROR` holding the type right after `<-`, `=` or `:=`.
fn type_as_value(error: Node) -> Option<Node> {
    const TYPES: &[&str] = &[
        "struct_type",
        "map_type",
        "slice_type",
        "array_type",
        "channel_type",
        "interface_type",
        "function_type",
    ];
    let mut cursor = error.walk();
    let ty = error
        .named_children(&mut cursor)
        .find(|child| TYPES.contains(&child.kind()))?;
    let before = ty.prev_sibling().or_else(|| error.prev_sibling())?;
    matches!(before.kind(), "<-" | "=" | ":=").then_some(ty)
}

/// Checks the tree for `ERROR`/`MISSING` nodes (the first one in source order is reported) and
/// for nesting deeper than the lowering accepts.
pub(super) fn check_tree(source: &Source, root: Node) -> Result<()> {
    let mut cursor = root.walk();
    let mut depth = 0usize;
    loop {
        let node = cursor.node();
        if node.is_missing() {
            let what = node.kind();
            return Err(source.error(node, format!("syntax error: missing {what}")));
        }
        if node.is_error() {
            if let Some(ty) = type_as_value(node) {
                let text = source.text_of(ty);
                return Err(source.error(ty, format!("{text} (type) is not an expression")));
            }
            let mut first = node;
            while let Some(child) = first.child(0) {
                first = child;
            }
            let mut token = source
                .text_of(first)
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            if token.chars().count() > 24 {
                token = token.chars().take(24).collect::<String>() + "…";
            }
            let message = if token.is_empty() {
                "syntax error".to_string()
            } else {
                format!("syntax error: unexpected {token}")
            };
            return Err(source.error(node, message));
        }
        if depth > MAX_TREE_DEPTH {
            return Err(source.error(node, "model nests too deeply"));
        }
        if cursor.goto_first_child() {
            depth += 1;
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return Ok(());
            }
            depth -= 1;
        }
    }
}

/// The named children of a node, comments left out.
pub(super) fn named_children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|child| !child.is_extra())
        .collect()
}

/// The children of a node under a field name, comments left out.
pub(super) fn field_children<'t>(node: Node<'t>, field: &str) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children_by_field_name(field, &mut cursor)
        .filter(|child| !child.is_extra())
        .collect()
}

/// The `var_spec`s of a `var` declaration, whether written `var x T` or `var ( … )`, each with
/// its declared names.
pub(super) fn var_specs<'t>(declaration: Node<'t>) -> Vec<(Node<'t>, Vec<Node<'t>>)> {
    let mut specs = Vec::new();
    for child in named_children(declaration) {
        if child.kind() == "var_spec_list" {
            specs.extend(named_children(child));
        } else {
            specs.push(child);
        }
    }
    specs
        .into_iter()
        .filter(|spec| spec.kind() == "var_spec")
        .map(|spec| {
            let names = field_children(spec, "name")
                .into_iter()
                .filter(|name| name.is_named())
                .collect();
            (spec, names)
        })
        .collect()
}

/// Whether the node has an anonymous child token with this text (e.g. `:=` or `*`).
pub(super) fn has_token(node: Node, token: &str) -> bool {
    let mut cursor = node.walk();
    let found = node
        .children(&mut cursor)
        .any(|child| !child.is_named() && child.kind() == token);
    found
}

/// Strips any number of enclosing parentheses from an expression.
pub(super) fn unparen(mut node: Node) -> Node {
    while node.kind() == "parenthesized_expression" {
        match named_children(node).first() {
            Some(&inner) => node = inner,
            None => break,
        }
    }
    node
}
