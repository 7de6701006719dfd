//! `ModelError`: a model that cannot be loaded, with the source span that says why.

use std::fmt;

/// A model that cannot be loaded: a syntax error, an unsupported Go construct, an unknown name,
/// a bad `--set` override. Carries the position and the source line so that it renders like
/// rustc or `go vet`:
///
/// ```text
/// error: unsupported Go construct: complex number
///  --> model.go:12:10
///    |
/// 12 |     z := 1 + 2i
///    |              ^^
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    /// One line saying what is wrong, without the position.
    pub message: String,
    /// The file name as given.
    pub file: String,
    /// 1-based line (0 when the error has no position, e.g. an unknown `--set` name).
    pub line: u32,
    /// 1-based byte column.
    pub col: u32,
    /// The text of the source line (empty without a position).
    pub source_line: String,
    /// Length of the underlined range on that line, at least 1.
    pub width: u32,
}

impl ModelError {
    /// An error without a position.
    pub fn without_position(file: &str, message: impl Into<String>) -> Self {
        ModelError {
            message: message.into(),
            file: file.to_string(),
            line: 0,
            col: 0,
            source_line: String::new(),
            width: 1,
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        if self.line == 0 {
            return write!(f, " --> {}", self.file);
        }
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "{pad}--> {}:{}:{}", self.file, self.line, self.col)?;
        writeln!(f, "{pad} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        let indent: String = self
            .source_line
            .bytes()
            .take(self.col.saturating_sub(1) as usize)
            .map(|b| if b == b'\t' { '\t' } else { ' ' })
            .collect();
        write!(
            f,
            "{pad} | {indent}{}",
            "^".repeat(self.width.max(1) as usize)
        )
    }
}

impl std::error::Error for ModelError {}
