//! Reading model text so that no input can hurt: only regular files (never `/dev/zero` or a
//! FIFO), at most [`MAX_MODEL_BYTES`], a UTF-8 byte-order mark dropped as `go build` drops it,
//! and files that a model names (`gomc:include`, `gomc:model`) only from inside its own
//! directory tree ([`inside_tree`]).

use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest model file gomc reads: far above any model (the bundled ones are a few KiB), far
/// below what could exhaust memory.
pub const MAX_MODEL_BYTES: u64 = 4 << 20;

/// The UTF-8 encoding of U+FEFF, which Go accepts (and ignores) at the start of a file.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The text of a model file: `path` must be (or link to) a regular file of at most
/// [`MAX_MODEL_BYTES`] of UTF-8; a leading byte-order mark is dropped. The error says why in
/// words, without the path (callers put it where their message needs it).
pub fn read_model_text(path: &Path) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|error| error.to_string())?;
    if !metadata.is_file() {
        return Err(if metadata.is_dir() {
            "it is a directory".to_string()
        } else {
            "it is not a regular file (a device, FIFO or socket); use `-` to read a model from \
             standard input"
                .to_string()
        });
    }
    let file = std::fs::File::open(path).map_err(|error| error.to_string())?;
    read_bounded(file)
}

/// Reads at most [`MAX_MODEL_BYTES`] of UTF-8 from `reader` (a file, or standard input), and
/// drops a leading byte-order mark.
pub fn read_bounded(reader: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_MODEL_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| error.to_string())?;
    if bytes.len() as u64 > MAX_MODEL_BYTES {
        return Err(format!(
            "it is larger than {} MiB, more than any model needs",
            MAX_MODEL_BYTES >> 20
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|error| format!("it is not UTF-8 text (as Go source must be): {error}"))?;
    Ok(without_byte_order_mark(&text).to_string())
}

/// `text` without a leading UTF-8 byte-order mark.
pub fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text)
}

/// The file that a model in `folder` names as `written` (in `gomc:include` or `gomc:model`), if
/// it lies inside `folder`'s directory tree once symbolic links are followed: a model can name
/// its neighbours and files in subfolders, never `/etc/passwd`, `../outside.go` or a link that
/// leads out. The error says why in words.
pub fn inside_tree(folder: &Path, written: &str) -> Result<PathBuf, String> {
    let path = folder.join(written);
    let root = canonical(folder)?;
    let target = canonical(&path)?;
    if !target.starts_with(&root) {
        return Err(format!(
            "it is outside the model's directory tree ({}): a model names only files in its own \
             folder or below it",
            display_folder(folder)
        ));
    }
    Ok(path)
}

fn canonical(path: &Path) -> Result<PathBuf, String> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    path.canonicalize().map_err(|error| error.to_string())
}

fn display_folder(folder: &Path) -> String {
    if folder.as_os_str().is_empty() {
        ".".to_string()
    } else {
        folder.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_only_at_the_start() {
        assert_eq!(
            without_byte_order_mark("\u{feff}package main"),
            "package main"
        );
        assert_eq!(without_byte_order_mark("a\u{feff}"), "a\u{feff}");
    }

    #[test]
    fn reading_stops_past_the_size_bound() {
        let big = std::io::repeat(b' ').take(MAX_MODEL_BYTES + 10);
        let error = read_bounded(big).unwrap_err();
        assert!(error.contains("larger than 4 MiB"), "{error}");
        let fits = std::io::repeat(b' ').take(MAX_MODEL_BYTES);
        assert_eq!(read_bounded(fits).unwrap().len() as u64, MAX_MODEL_BYTES);
    }

    #[test]
    fn dev_zero_is_not_read() {
        let error = read_model_text(Path::new("/dev/zero")).unwrap_err();
        assert!(error.contains("not a regular file"), "{error}");
    }

    #[test]
    fn only_files_inside_the_tree_are_named() {
        let error = inside_tree(Path::new("."), "/etc/passwd").unwrap_err();
        assert!(
            error.contains("outside the model's directory tree"),
            "{error}"
        );
        let error = inside_tree(Path::new("src"), "../Cargo.toml").unwrap_err();
        assert!(
            error.contains("outside the model's directory tree (src)"),
            "{error}"
        );
        assert_eq!(
            inside_tree(Path::new("src"), "lib.rs").unwrap(),
            Path::new("src/lib.rs")
        );
        assert!(inside_tree(Path::new(""), "Cargo.toml").is_ok());
    }
}
