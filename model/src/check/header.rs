//! Header directives: `// gomc:` comments in a model's leading comments.
//!
//! | directive | meaning |
//! |---|---|
//! | `// gomc:expect deadlock` | the violation kinds the check must find, exactly: one or several of `deadlock`, `leak`, `panic`, `race`, separated by commas or spaces; or `none` |
//! | `// gomc:entry TestParentRun` | the entry function instead of `main` (`--entry` wins) |
//! | `// gomc:set maxbg=1` | overrides a package-level constant or variable (several allowed, on one line or on several; `--set` wins) |
//! | `// gomc:clock synctest` | the clock timers run on: `untimed` (any pending timer may fire at any point) or `synctest` (Go 1.25's `testing/synctest` fake clock); `--clock` wins |
//! | `// gomc:model after.go` | this file is a *variant* of another model (path relative to this file's folder): the other file is checked with this header's directives added (its `gomc:set`s first, then these; this `gomc:expect` and `gomc:entry` replace its). A variant holds only its header and `package main`. |
//!
//! The leading comments are the comment lines (and blank lines) before the first line of code,
//! normally the `package` clause. A `gomc:` directive anywhere else, or an unknown one, is a
//! [`ModelError`] pointing at it: a directive is never silently ignored.

use crate::explore::OutcomeKind;
use crate::frontend::ModelError;
use crate::program::Clock;

/// The directives of a model's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// `gomc:expect`: the violation kinds expected, empty for `none`, in kind order.
    pub expect: Option<Vec<OutcomeKind>>,
    /// `gomc:entry`.
    pub entry: Option<String>,
    /// `gomc:set`, in order of appearance.
    pub overrides: Vec<(String, String)>,
    /// `gomc:model`: the model this file is a variant of.
    pub model: Option<BaseModel>,
    /// `gomc:include`: files whose declarations belong to this model (one `package main` over
    /// several files), paths relative to the including file's folder, in order.
    pub includes: Vec<IncludedFile>,
    /// `gomc:library`: a file of shared declarations, included by models; not a model itself,
    /// so checking a directory skips it.
    pub library: bool,
    /// `gomc:races`: check in race mode (as `--races` does).
    pub races: bool,
    /// `gomc:go 1.22`: the Go release whose semantics the model follows where releases differ
    /// (loop variables per iteration since 1.22; timers without stale values since 1.23), as
    /// the minor version (`22`); `None`: the release gomc mirrors.
    pub go_minor: Option<u32>,
    /// `gomc:clock synctest`: the clock timers run on.
    pub clock: Option<Clock>,
}

/// A `gomc:include` directive, with the folder its path is relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncludedFile {
    /// The directive (path as written, and its position for errors).
    pub directive: BaseModel,
    /// The folder of the file that holds the directive (empty until the file is resolved).
    pub folder: std::path::PathBuf,
}

/// A directive that names another file: `gomc:model` of a variant, or `gomc:include`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseModel {
    /// The path as written, relative to the variant's folder.
    pub path: String,
    /// 1-based line of the directive.
    pub line: u32,
    /// 1-based byte column of the path.
    pub col: u32,
    /// The directive's source line.
    pub source_line: String,
}

impl BaseModel {
    /// A [`ModelError`] pointing at the path of the directive in `file`.
    pub fn error(&self, file: &str, message: impl Into<String>) -> ModelError {
        ModelError {
            message: message.into(),
            file: file.to_string(),
            line: self.line,
            col: self.col,
            source_line: self.source_line.clone(),
            width: self.path.len().max(1) as u32,
        }
    }
}

impl Header {
    /// The directives of a variant applied over those of its base model: the base's overrides
    /// first, then the variant's; the variant's expectation and entry replace the base's.
    pub fn over(self, base: Header) -> Header {
        let mut overrides = base.overrides;
        overrides.extend(self.overrides);
        let mut includes = base.includes;
        includes.extend(self.includes);
        Header {
            expect: self.expect.or(base.expect),
            entry: self.entry.or(base.entry),
            overrides,
            model: None,
            includes,
            library: base.library,
            races: self.races || base.races,
            go_minor: self.go_minor.or(base.go_minor),
            clock: self.clock.or(base.clock),
        }
    }
}

/// Reads the `gomc:` directives of a model.
pub fn parse_header(file: &str, text: &str) -> Result<Header, ModelError> {
    let mut header = Header::default();
    let mut in_header = true;
    let mut in_block_comment = false;
    for (index, line) in text.lines().enumerate() {
        let number = index as u32 + 1;
        let trimmed = line.trim_start();
        let indent = (line.len() - trimmed.len()) as u32;
        if in_block_comment {
            if trimmed.contains("*/") {
                in_block_comment = false;
            }
            continue;
        }
        let Some(comment) = trimmed.strip_prefix("//") else {
            if trimmed.starts_with("/*") {
                in_block_comment = !trimmed.contains("*/");
            } else if !trimmed.is_empty() {
                if !in_header && header.model.is_some() {
                    return Err(ModelError {
                        message: "a `gomc:model` variant holds only its header and `package main`"
                            .to_string(),
                        file: file.to_string(),
                        line: number,
                        col: indent + 1,
                        source_line: line.to_string(),
                        width: trimmed.trim_end().len().max(1) as u32,
                    });
                }
                in_header = false;
            }
            continue;
        };
        let body = comment.trim_start();
        let Some(directive) = body.strip_prefix("gomc:") else {
            continue;
        };
        // Column (1-based, bytes) of `gomc:` on the line.
        let column = indent + 2 + (comment.len() - body.len()) as u32 + 1;
        let at = |offset: u32, width: u32, message: String| ModelError {
            message,
            file: file.to_string(),
            line: number,
            col: column + offset,
            source_line: line.to_string(),
            width: width.max(1),
        };
        let name_length = directive
            .find(char::is_whitespace)
            .unwrap_or(directive.len());
        let name = &directive[..name_length];
        let name_width = "gomc:".len() as u32 + name.len() as u32;
        if !in_header {
            return Err(at(
                0,
                name_width,
                "`gomc:` directives are read only from the comments before the package clause"
                    .to_string(),
            ));
        }
        let arguments_offset = "gomc:".len() + name_length;
        let words: Vec<(u32, &str)> = words(&directive[name_length..])
            .map(|(offset, word)| ((arguments_offset + offset) as u32, word))
            .collect();
        match name {
            "expect" => {
                if header.expect.is_some() {
                    return Err(at(
                        0,
                        name_width,
                        "a second `gomc:expect` directive".to_string(),
                    ));
                }
                header.expect = Some(expectation(&words, at, name_width)?);
            }
            "entry" => {
                if header.entry.is_some() {
                    return Err(at(
                        0,
                        name_width,
                        "a second `gomc:entry` directive".to_string(),
                    ));
                }
                match words.as_slice() {
                    [(_, entry)] => header.entry = Some(entry.to_string()),
                    [] => {
                        return Err(at(
                            0,
                            name_width,
                            "`gomc:entry` needs the name of a function".to_string(),
                        ))
                    }
                    [_, (offset, extra), ..] => {
                        return Err(at(
                            *offset,
                            extra.len() as u32,
                            "`gomc:entry` takes one function name".to_string(),
                        ))
                    }
                }
            }
            "model" => {
                if header.model.is_some() {
                    return Err(at(
                        0,
                        name_width,
                        "a second `gomc:model` directive".to_string(),
                    ));
                }
                match words.as_slice() {
                    [(offset, path)] => {
                        header.model = Some(BaseModel {
                            path: path.to_string(),
                            line: number,
                            col: column + offset,
                            source_line: line.to_string(),
                        })
                    }
                    [] => {
                        return Err(at(
                            0,
                            name_width,
                            "`gomc:model` needs the path of the model this file varies".to_string(),
                        ))
                    }
                    [_, (offset, extra), ..] => {
                        return Err(at(
                            *offset,
                            extra.len() as u32,
                            "`gomc:model` takes one path".to_string(),
                        ))
                    }
                }
            }
            "include" => match words.as_slice() {
                [(offset, path)] => header.includes.push(IncludedFile {
                    directive: BaseModel {
                        path: path.to_string(),
                        line: number,
                        col: column + offset,
                        source_line: line.to_string(),
                    },
                    folder: std::path::PathBuf::new(),
                }),
                [] => {
                    return Err(at(
                        0,
                        name_width,
                        "`gomc:include` needs the path of a file to include".to_string(),
                    ))
                }
                [_, (offset, extra), ..] => {
                    return Err(at(
                        *offset,
                        extra.len() as u32,
                        "`gomc:include` takes one path; write one directive per file".to_string(),
                    ))
                }
            },
            "go" => {
                let minor = match words.as_slice() {
                    [(_, version)] => version
                        .strip_prefix("1.")
                        .and_then(|rest| rest.split('.').next())
                        .and_then(|minor| minor.parse::<u32>().ok()),
                    _ => None,
                };
                match (minor, words.first()) {
                    (Some(minor), _) => header.go_minor = Some(minor),
                    (None, Some((offset, word))) => {
                        return Err(at(
                            *offset,
                            word.len() as u32,
                            format!("`gomc:go` wants a Go release such as 1.22, not `{word}`"),
                        ))
                    }
                    (None, None) => {
                        return Err(at(
                            0,
                            name_width,
                            "`gomc:go` wants a Go release such as 1.22".to_string(),
                        ))
                    }
                }
            }
            "clock" => match words.as_slice() {
                [(offset, word)] => match Clock::named(word) {
                    Some(clock) => header.clock = Some(clock),
                    None => {
                        return Err(at(
                            *offset,
                            word.len() as u32,
                            format!("`gomc:clock` is `untimed` or `synctest`, not `{word}`"),
                        ))
                    }
                },
                _ => {
                    return Err(at(
                        0,
                        name_width,
                        "`gomc:clock` takes one clock: `untimed` or `synctest`".to_string(),
                    ))
                }
            },
            "races" => {
                if let Some((offset, extra)) = words.first() {
                    return Err(at(
                        *offset,
                        extra.len() as u32,
                        "`gomc:races` takes no arguments".to_string(),
                    ));
                }
                header.races = true;
            }
            "library" => {
                if let Some((offset, extra)) = words.first() {
                    return Err(at(
                        *offset,
                        extra.len() as u32,
                        "`gomc:library` takes no arguments".to_string(),
                    ));
                }
                header.library = true;
            }
            "set" => {
                if words.is_empty() {
                    return Err(at(
                        0,
                        name_width,
                        "`gomc:set` needs NAME=VALUE, e.g. `// gomc:set maxbg=1`".to_string(),
                    ));
                }
                for (offset, word) in words {
                    match word.split_once('=') {
                        Some((name, value)) if !name.is_empty() && !value.is_empty() => {
                            header.overrides.push((name.to_string(), value.to_string()));
                        }
                        _ => {
                            return Err(at(
                                offset,
                                word.len() as u32,
                                format!("`gomc:set` expects NAME=VALUE, found `{word}`"),
                            ))
                        }
                    }
                }
            }
            _ => {
                return Err(at(
                    0,
                    name_width,
                    format!(
                        "unknown directive `gomc:{name}` (known: gomc:expect, gomc:entry, \
                         gomc:set, gomc:model, gomc:include, gomc:library, gomc:races, gomc:go)"
                    ),
                ))
            }
        }
    }
    Ok(header)
}

/// The words of `text` separated by spaces, tabs or commas, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// The kinds of a `gomc:expect` line.
fn expectation(
    words: &[(u32, &str)],
    at: impl Fn(u32, u32, String) -> ModelError,
    name_width: u32,
) -> Result<Vec<OutcomeKind>, ModelError> {
    if words.is_empty() {
        return Err(at(
            0,
            name_width,
            "`gomc:expect` needs one or more of deadlock, leak, panic, fail, race, hang, or none"
                .to_string(),
        ));
    }
    let mut kinds = Vec::new();
    let mut none = None;
    for &(offset, word) in words {
        let kind = match word {
            "deadlock" => OutcomeKind::Deadlock,
            "leak" => OutcomeKind::Leak,
            "panic" => OutcomeKind::Panic,
            "fail" => OutcomeKind::Fail,
            "race" => OutcomeKind::Race,
            "hang" => OutcomeKind::Hang,
            "none" => {
                none = Some(offset);
                continue;
            }
            _ => {
                return Err(at(
                    offset,
                    word.len() as u32,
                    format!(
                        "unknown outcome `{word}` in `gomc:expect` (expected deadlock, leak, \
                         panic, fail, race, hang, or none)"
                    ),
                ))
            }
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if let Some(offset) = none {
        if !kinds.is_empty() {
            return Err(at(
                offset,
                "none".len() as u32,
                "`none` cannot be combined with other outcomes in `gomc:expect`".to_string(),
            ));
        }
    }
    kinds.sort();
    Ok(kinds)
}
