//! The packages a model may import: those built into the front end (fmt, sync, time, ...)
//! and those written in Go under `model/src/stdlib/` (compiled with the model, in a
//! namespace of their own), and name lookup across these namespaces.

use super::lowerer::Lowerer;
use tree_sitter::Node;

/// The prefix of a library file's wrapper of a function built into the front end, for the
/// function's use as a value (`value_Println` in `stdlib/fmt.go`).
pub(super) const VALUE_WRAPPER: &str = "value_";

use super::literal::string_literal;
use super::package::PkgEntity;
use super::syntax::Result;

/// A standard package (or the project's helper) the model may import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Std {
    Fmt,
    Os,
    Runtime,
    Sync,
    Atomic,
    Time,
    Errors,
    /// `strings`: written in Go (`model/src/stdlib/strings.go`).
    Strings,
    Gomc,
    /// `context`: written in Go (`model/src/stdlib/context.go`), compiled with the model.
    Context,
    /// `golang.org/x/sync/errgroup`: written in Go (`model/src/stdlib/errgroup.go`).
    Errgroup,
    /// `log`: printing, `Fatal*` (exit 1) and `Panic*`.
    Log,
    /// `math/rand`: each random value is a choice of the checker.
    Rand,
    /// `testing/synctest`: written in Go (`model/src/stdlib/synctest.go`); a model importing
    /// it runs under the synctest clock.
    Synctest,
    /// `io`: written in Go (`model/src/stdlib/io.go`), with `io.Pipe`.
    Io,
    /// `strconv`: written in Go (`model/src/stdlib/strconv.go`).
    Strconv,
    /// `sort`: written in Go (`model/src/stdlib/sort.go`).
    Sort,
    /// `golang.org/x/sync/semaphore`: written in Go (`model/src/stdlib/semaphore.go`).
    Semaphore,
    /// `math/rand/v2`: each random value is a choice of the checker.
    RandV2,
    /// `testing`: written in Go (`model/src/stdlib/testing.go`), for `gomc test`.
    Testing,
    /// `math`: written in Go (`model/src/stdlib/math.go`) over primitives.
    Math,
    /// `bytes`: written in Go (`model/src/stdlib/bytes.go`), with `Buffer`.
    Bytes,
    /// `slices`: written in Go (`model/src/stdlib/slices.go`), generic functions.
    Slices,
    /// `maps`: written in Go (`model/src/stdlib/maps.go`), generic functions and iterators.
    Maps,
    /// `iter`: written in Go (`model/src/stdlib/iter.go`), the types `Seq` and `Seq2`.
    Iter,
    /// `cmp`: written in Go (`model/src/stdlib/cmp.go`), `Compare`, `Less`, `Or`.
    Cmp,
    /// `bufio`: written in Go (`model/src/stdlib/bufio.go`), Scanner, Reader and Writer.
    Bufio,
    /// `os/signal`: written in Go (`model/src/stdlib/signal.go`); the environment sends one
    /// signal.
    Signal,
    /// `syscall`: written in Go (`model/src/stdlib/syscall.go`), its `Signal` type only.
    Syscall,
}

impl Std {
    /// The packages gomc ships as Go source, with the file's name in traces and its text.
    pub fn library_source(self) -> Option<(&'static str, &'static str)> {
        match self {
            Std::Context => Some((
                "gomc:context/context.go",
                include_str!("../stdlib/context.go"),
            )),
            Std::Errgroup => Some((
                "gomc:golang.org/x/sync/errgroup/errgroup.go",
                include_str!("../stdlib/errgroup.go"),
            )),
            Std::Time => Some(("gomc:time/sleep.go", include_str!("../stdlib/time.go"))),
            Std::Atomic => Some((
                "gomc:sync/atomic/value.go",
                include_str!("../stdlib/atomic_value.go"),
            )),
            Std::Synctest => Some((
                "gomc:testing/synctest/synctest.go",
                include_str!("../stdlib/synctest.go"),
            )),
            Std::Io => Some(("gomc:io/io.go", include_str!("../stdlib/io.go"))),
            Std::Errors => Some(("gomc:errors/join.go", include_str!("../stdlib/errors.go"))),
            Std::Strconv => Some(("gomc:strconv/atoi.go", include_str!("../stdlib/strconv.go"))),
            Std::Sort => Some(("gomc:sort/sort.go", include_str!("../stdlib/sort.go"))),
            Std::Math => Some(("gomc:math/math.go", include_str!("../stdlib/math.go"))),
            Std::Bytes => Some(("gomc:bytes/buffer.go", include_str!("../stdlib/bytes.go"))),
            Std::Slices => Some(("gomc:slices/slices.go", include_str!("../stdlib/slices.go"))),
            Std::Maps => Some(("gomc:maps/maps.go", include_str!("../stdlib/maps.go"))),
            Std::Iter => Some(("gomc:iter/iter.go", include_str!("../stdlib/iter.go"))),
            Std::Cmp => Some(("gomc:cmp/cmp.go", include_str!("../stdlib/cmp.go"))),
            Std::Bufio => Some(("gomc:bufio/bufio.go", include_str!("../stdlib/bufio.go"))),
            Std::Os => Some(("gomc:os/exec.go", include_str!("../stdlib/os.go"))),
            Std::Signal => Some((
                "gomc:os/signal/signal.go",
                include_str!("../stdlib/signal.go"),
            )),
            Std::Syscall => Some((
                "gomc:syscall/syscall_unix.go",
                include_str!("../stdlib/syscall.go"),
            )),
            Std::Fmt => Some(("gomc:fmt/print.go", include_str!("../stdlib/fmt.go"))),
            Std::Sync => Some(("gomc:sync/oncefunc.go", include_str!("../stdlib/sync.go"))),
            Std::RandV2 => Some((
                "gomc:math/rand/v2/rand.go",
                include_str!("../stdlib/rand_v2.go"),
            )),
            Std::Strings => Some((
                "gomc:strings/strings.go",
                include_str!("../stdlib/strings.go"),
            )),
            Std::Semaphore => Some((
                "gomc:golang.org/x/sync/semaphore/semaphore.go",
                include_str!("../stdlib/semaphore.go"),
            )),
            Std::Testing => Some((
                "gomc:testing/testing.go",
                include_str!("../stdlib/testing.go"),
            )),
            _ => None,
        }
    }

    /// The package an import path names, if gomc models it.
    pub fn from_path(path: &str) -> Option<Std> {
        Some(match path {
            "fmt" => Std::Fmt,
            "os" => Std::Os,
            "runtime" => Std::Runtime,
            "sync" => Std::Sync,
            "sync/atomic" => Std::Atomic,
            "time" => Std::Time,
            "errors" => Std::Errors,
            "strings" => Std::Strings,
            "context" => Std::Context,
            "golang.org/x/sync/errgroup" => Std::Errgroup,
            "log" => Std::Log,
            "math/rand" => Std::Rand,
            "testing/synctest" => Std::Synctest,
            "io" => Std::Io,
            "strconv" => Std::Strconv,
            "sort" => Std::Sort,
            "math" => Std::Math,
            "bytes" => Std::Bytes,
            "slices" => Std::Slices,
            "maps" => Std::Maps,
            "iter" => Std::Iter,
            "cmp" => Std::Cmp,
            "bufio" => Std::Bufio,
            "os/signal" => Std::Signal,
            "syscall" => Std::Syscall,
            "golang.org/x/sync/semaphore" => Std::Semaphore,
            "math/rand/v2" => Std::RandV2,
            "testing" => Std::Testing,
            p if p == "gomc" || p.ends_with("/gomc") => Std::Gomc,
            _ => return None,
        })
    }

    /// The package's name in Go's messages and frames (`context`).
    pub fn go_name(self) -> &'static str {
        match self {
            Std::Fmt => "fmt",
            Std::Os => "os",
            Std::Runtime => "runtime",
            Std::Sync => "sync",
            Std::Atomic => "atomic",
            Std::Time => "time",
            Std::Errors => "errors",
            Std::Strings => "strings",
            Std::Gomc => "gomc",
            Std::Context => "context",
            Std::Errgroup => "errgroup",
            Std::Log => "log",
            Std::Rand => "rand",
            Std::Synctest => "synctest",
            Std::Io => "io",
            Std::Strconv => "strconv",
            Std::Sort => "sort",
            Std::Semaphore => "semaphore",
            Std::RandV2 => "rand",
            Std::Testing => "testing",
            Std::Math => "math",
            Std::Bytes => "bytes",
            Std::Slices => "slices",
            Std::Maps => "maps",
            Std::Iter => "iter",
            Std::Cmp => "cmp",
            Std::Bufio => "bufio",
            Std::Signal => "signal",
            Std::Syscall => "syscall",
        }
    }

    /// The prefix of the package's functions in Go's frames: its import path.
    pub fn frame_prefix(self) -> &'static str {
        match self {
            Std::Errgroup => "golang.org/x/sync/errgroup",
            Std::Atomic => "sync/atomic",
            Std::Synctest => "testing/synctest",
            Std::Semaphore => "golang.org/x/sync/semaphore",
            Std::RandV2 => "math/rand/v2",
            Std::Signal => "os/signal",
            other => other.go_name(),
        }
    }

    /// The library package a library file's package clause names.
    pub(super) fn library_named(name: &str) -> Option<Std> {
        [
            Std::Context,
            Std::Errgroup,
            Std::Time,
            Std::Atomic,
            Std::Synctest,
            Std::Io,
            Std::Errors,
            Std::Strconv,
            Std::Sort,
            Std::Semaphore,
            Std::Strings,
            Std::Sync,
            Std::RandV2,
            Std::Testing,
            Std::Math,
            Std::Bytes,
            Std::Slices,
            Std::Maps,
            Std::Iter,
            Std::Cmp,
            Std::Fmt,
            Std::Bufio,
            Std::Signal,
            Std::Syscall,
            Std::Os,
        ]
        .into_iter()
        .find(|std| std.go_name() == name)
    }
}

impl<'t> Lowerer<'t> {
    /// A package-level name of the package whose code is being processed.
    pub fn pkg_name(&self, name: &str) -> Option<&PkgEntity> {
        self.pkg_name_in(self.current, name)
    }

    /// A package-level name of `package` (`None`: main).
    pub fn pkg_name_in(&self, package: Option<Std>, name: &str) -> Option<&PkgEntity> {
        match package {
            None => self.pkg.names.get(name),
            Some(package) => self.pkg.lib_names.get(&(package, name.to_string())),
        }
    }

    pub fn insert_pkg_name(&mut self, name: String, entity: PkgEntity) {
        match self.current {
            None => self.pkg.names.insert(name, entity),
            Some(package) => self.pkg.lib_names.insert((package, name), entity),
        };
    }

    /// An exported name of a library package written in Go (`context.WithCancel`).
    pub fn lib_member(&self, package: Std, name: &str) -> Option<PkgEntity> {
        if !name.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        self.pkg
            .lib_names
            .get(&(package, name.to_string()))
            .cloned()
    }

    /// A member of a library package used as a value (`f := errors.New`): what
    /// [`Self::lib_member`] finds, or for a function built into the front end the wrapper its
    /// library file declares for that use (`value_New` in `stdlib/errors.go`; it runs under
    /// the function's own name, [`VALUE_WRAPPER`]).
    pub fn lib_value(&self, package: Std, name: &str) -> Option<PkgEntity> {
        self.lib_member(package, name).or_else(|| {
            super::stdcall::std_call(package, name)?;
            self.pkg
                .lib_names
                .get(&(package, format!("{VALUE_WRAPPER}{name}")))
                .cloned()
        })
    }

    /// The prefix of Go's names for this package's functions and types (`main`, `context`).
    pub fn package_prefix(&self) -> &'t str {
        self.current.map_or(self.user_package, |p| p.frame_prefix())
    }

    /// Runs `f` with the names of `package` in scope (a library package's or `main`'s).
    pub fn in_package<R>(&mut self, package: Option<Std>, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = std::mem::replace(&mut self.current, package);
        let result = f(self);
        self.current = saved;
        result
    }

    pub fn collect_import(&mut self, spec: Node<'t>) -> Result<()> {
        let Some(path_node) = spec.child_by_field_name("path") else {
            return Err(self.src.error(spec, "malformed import"));
        };
        let path = string_literal(self.src.text_of(path_node))
            .map_err(|message| self.src.error(path_node, message))?;
        let Some(package) = Std::from_path(&path) else {
            return Err(super::supported::unsupported_import(self.src, spec, &path));
        };
        let local = match spec.child_by_field_name("name") {
            Some(name) if name.kind() == "package_identifier" => self.src.text_of(name).to_string(),
            Some(name) => {
                let what = if name.kind() == "dot" {
                    "dot import"
                } else {
                    "blank import"
                };
                return Err(self.src.unsupported(name, what));
            }
            // The package's name, which for "math/rand/v2" is not the path's last element.
            None => package.go_name().to_string(),
        };
        match self.pkg_name(&local) {
            // Imports are per file in Go; another file of the package importing the same
            // package under the same name is not a redeclaration.
            Some(PkgEntity::Import(existing)) if *existing == package => return Ok(()),
            Some(_) => {
                return Err(self
                    .src
                    .error(spec, format!("{local} redeclared in this block")))
            }
            None => {}
        }
        self.insert_pkg_name(local, PkgEntity::Import(package));
        Ok(())
    }
}
