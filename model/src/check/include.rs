//! `// gomc:include FILE`: a model spread over several files of one `package main`, as a Go
//! package is. The files are merged into one source for the front end, and every span and error
//! is mapped back to the file and line it came from, so traces and dumps name the real files.
//!
//! Merging: each file's package clause and import declarations are blanked in place (replaced by
//! spaces, newlines kept), so that every other byte keeps its offset within its file; the merged
//! source is a header (`package main` and the union of the imports) followed by the files in
//! order, each starting on a fresh line.
//!
//! Invariant: a byte at offset `o` of file `f` is at offset `segments[f].start + o` of the merged
//! source, on line `line + segments[f].lines_before` (1-based lines), in the same column.

use tree_sitter::{Node, Parser};

use crate::frontend::ModelError;
use crate::program::{Program, SourceFile, Span};

/// Where one file sits in the merged source.
struct Segment {
    start: usize,
    lines_before: u32,
    lines: u32,
}

/// Several files merged into one source, with the map back.
pub(crate) struct Merged {
    /// The merged source, named after the first file.
    pub source: SourceFile,
    files: Vec<SourceFile>,
    segments: Vec<Segment>,
    /// For each line of the header (1-based index - 1): the file and line of the import it holds.
    header_origins: Vec<Option<(usize, u32)>>,
}

/// Merges `files` (the model first, then its includes) into one source.
pub(crate) fn merge(files: Vec<SourceFile>) -> Result<Merged, ModelError> {
    let mut imports: Vec<(String, usize, u32)> = Vec::new();
    let mut bodies = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_go::LANGUAGE.into())
            .expect("internal error: tree-sitter-go loads");
        let Some(tree) = parser.parse(&file.text, None) else {
            return Err(ModelError::without_position(
                &file.name,
                "the parser gave up on this file",
            ));
        };
        let mut text = file.text.clone().into_bytes();
        let root = tree.root_node();
        let mut cursor = root.walk();
        for node in root.children(&mut cursor) {
            match node.kind() {
                "package_clause" => blank(&mut text, node),
                "import_declaration" => {
                    collect_imports(&file.text, node, index, &mut imports);
                    blank(&mut text, node);
                }
                _ => {}
            }
        }
        let mut body =
            String::from_utf8(text).expect("blanking keeps UTF-8 (ASCII spaces over whole nodes)");
        if !body.ends_with('\n') {
            body.push('\n');
        }
        bodies.push(body);
    }
    let mut merged = String::from("package main\n");
    let mut header_origins = vec![None];
    let mut seen = std::collections::BTreeSet::new();
    for (spec, file, line) in &imports {
        if seen.insert(spec.clone()) {
            merged.push_str(&format!("import {spec}\n"));
            header_origins.push(Some((*file, *line)));
        }
    }
    let mut segments = Vec::new();
    for body in &bodies {
        let lines_before = merged.matches('\n').count() as u32;
        segments.push(Segment {
            start: merged.len(),
            lines_before,
            lines: body.matches('\n').count() as u32,
        });
        merged.push_str(body);
    }
    let source = SourceFile {
        name: files[0].name.clone(),
        text: merged,
    };
    Ok(Merged {
        source,
        files,
        segments,
        header_origins,
    })
}

fn blank(text: &mut [u8], node: Node) {
    for byte in &mut text[node.start_byte()..node.end_byte()] {
        if *byte != b'\n' {
            *byte = b' ';
        }
    }
}

fn collect_imports(text: &str, node: Node, file: usize, imports: &mut Vec<(String, usize, u32)>) {
    if node.kind() == "import_spec" {
        let spec = text[node.start_byte()..node.end_byte()].to_string();
        imports.push((spec, file, node.start_position().row as u32 + 1));
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect_imports(text, child, file, imports);
    }
}

impl Merged {
    /// The file index and segment holding merged line `line` (1-based), if any.
    fn segment_of_line(&self, line: u32) -> Option<(usize, &Segment)> {
        self.segments.iter().enumerate().find(|(_, segment)| {
            line > segment.lines_before && line <= segment.lines_before + segment.lines
        })
    }

    fn map_span(&self, span: Span) -> Span {
        match self.segment_of_line(span.line) {
            Some((file, segment)) => Span {
                file: file as u32,
                start: span.start - segment.start as u32,
                end: span.end - segment.start as u32,
                line: span.line - segment.lines_before,
                col: span.col,
            },
            None => Span {
                file: 0,
                start: 0,
                end: 0,
                line: 1,
                col: 1,
            },
        }
    }

    /// Points the compiled program's spans back at the original files.
    pub(crate) fn map_program(&self, mut program: Program) -> Program {
        for function in &mut program.functions {
            for span in function
                .spans
                .iter_mut()
                .chain(std::iter::once(&mut function.decl))
            {
                *span = self.map_span(*span);
            }
        }
        for global in &mut program.globals {
            global.decl = self.map_span(global.decl);
        }
        for warning in &mut program.warnings {
            warning.span = self.map_span(warning.span);
        }
        program.files = self.files.clone();
        program
    }

    /// Points a front-end error back at the original file and line.
    pub(crate) fn map_error(&self, mut error: ModelError) -> ModelError {
        if error.line == 0 {
            return error;
        }
        if let Some((file, segment)) = self.segment_of_line(error.line) {
            error.file = self.files[file].name.clone();
            error.line -= segment.lines_before;
        } else if let Some(Some((file, line))) = self.header_origins.get(error.line as usize - 1) {
            error.file = self.files[*file].name.clone();
            error.line = *line;
            error.source_line = self.files[*file]
                .text
                .lines()
                .nth(*line as usize - 1)
                .unwrap_or("")
                .to_string();
        }
        error
    }
}
