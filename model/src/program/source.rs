//! Source files and spans, for diagnostics, traces and dumps.

/// A model source file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as given on the command line (or a name chosen by the library caller).
    pub name: String,
    /// The whole text.
    pub text: String,
}

/// A range of a source file. Line and column are 1-based; the column counts bytes, as `go vet`
/// does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Index into [`super::Program::files`].
    pub file: u32,
    /// Byte offset of the start.
    pub start: u32,
    /// Byte offset one past the end.
    pub end: u32,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based byte column of the start.
    pub col: u32,
}
