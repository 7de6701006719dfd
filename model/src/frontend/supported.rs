//! Errors that teach: an import or a package member gomc does not model is an error that names
//! it, lists what gomc models of that package (the README's "The supported subset"), and,
//! where a known rewrite exists, says what to write instead.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::package::PkgEntity;
use super::package::Std;
use super::types::Ty;
use super::ModelError;

/// The import paths gomc models, in the order the message lists them.
pub(super) const IMPORT_PATHS: &[&str] = &[
    "bufio",
    "bytes",
    "cmp",
    "context",
    "errors",
    "fmt",
    "io",
    "iter",
    "log",
    "maps",
    "math",
    "math/rand",
    "math/rand/v2",
    "os",
    "os/signal",
    "runtime",
    "slices",
    "sort",
    "strconv",
    "strings",
    "sync",
    "sync/atomic",
    "syscall",
    "testing/synctest",
    "time",
    "golang.org/x/sync/errgroup",
    "golang.org/x/sync/semaphore",
];

/// The members of a package that the front end builds in (functions, types, constants); the
/// packages written in Go (`stdlib/`) add their exported names.
pub(super) fn built_in_members(package: Std) -> &'static [&'static str] {
    match package {
        Std::Fmt => &[
            "Errorf", "Fprint", "Fprintf", "Fprintln", "Print", "Printf", "Println", "Sprint",
            "Sprintf", "Sprintln",
        ],
        Std::Os => &[
            "Exit",
            "Stderr (as fmt.Fprint*'s writer)",
            "Stdout (likewise)",
        ],
        Std::Runtime => &["Goexit", "Gosched", "NumGoroutine"],
        Std::Sync => &[
            "Cond",
            "Locker",
            "Map",
            "Mutex",
            "NewCond",
            "Once",
            "RWMutex",
            "WaitGroup",
        ],
        Std::Atomic => &[
            "AddInt32",
            "AddInt64",
            "AddUint32",
            "AddUint64",
            "Bool",
            "CompareAndSwapInt32",
            "CompareAndSwapInt64",
            "Int32",
            "Int64",
            "LoadInt32",
            "LoadInt64",
            "StoreInt32",
            "StoreInt64",
            "SwapInt32",
            "SwapInt64",
            "Uint32",
            "Uint64",
            "(and their Uint forms)",
        ],
        // Duration, its constants and the rest are stdlib/time.go's.
        Std::Time => &["Sleep"],
        Std::Errors => &["As", "New"],
        Std::Log => &[
            "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Print", "Printf", "Println",
            "SetFlags",
        ],
        Std::Rand => &["Int31n", "Int63n", "Intn", "Seed"],
        Std::RandV2 => &["Int32N", "Int64N", "IntN", "Uint32N", "Uint64N", "UintN"],
        Std::Gomc => &["Bool", "Choose"],
        _ => &[],
    }
}

/// A known rewrite for an import path or a package member (`pkg.Name`) gomc does not model.
fn rewrite(what: &str) -> Option<&'static str> {
    Some(match what {
        "net" | "net/http" | "net/rpc" | "google.golang.org/grpc" => {
            "model each server and client as goroutines exchanging requests and responses \
             over channels"
        }
        "container/list" => "use a slice",
        "flag" | "os.Getenv" | "os.Args" | "runtime.NumCPU" | "runtime.GOMAXPROCS" => {
            "use a package-level variable and vary it with `// gomc:set` or `--set`"
        }
        "testing" => {
            "check the test body as a function named with `// gomc:entry`, or with \
             synctest.Run(func() { ... }) in main"
        }
        "encoding/json" | "encoding/gob" | "reflect" => {
            "keep the values themselves: their encoding does not change what the goroutines do"
        }
        "time.NewTimer.C" | "time.Time.Format" => "print durations as integers",
        "os.Stdout" | "os.Stderr" => "print with fmt.Println, or pass them to fmt.Fprint*",
        _ => return None,
    })
}

/// The error for an import of a package gomc does not model.
pub(super) fn unsupported_import(
    src: &super::syntax::Source,
    spec: Node,
    path: &str,
) -> ModelError {
    let mut message = format!(
        "import of package \"{path}\"\n\tgomc models these packages: {}",
        IMPORT_PATHS.join(", ")
    );
    if let Some(hint) = rewrite(path) {
        message.push_str(&format!("\n\tinstead: {hint}"));
    }
    src.unsupported(spec, message)
}

impl<'t> Lowerer<'t> {
    /// The error for an exported method or field that a library type lacks here
    /// (`start.Format(...)` on a `time.Time`): what gomc models of that type, and a rewrite
    /// where one is known; `None` for a type the model declares.
    pub fn unsupported_library_method(
        &self,
        node: Node<'t>,
        ty: &Ty,
        name: &str,
    ) -> Option<ModelError> {
        let named = match ty {
            Ty::Named(index) => *index,
            Ty::Pointer(inner) => match **inner {
                Ty::Named(index) => index,
                _ => return None,
            },
            _ => return None,
        };
        let info = &self.types.named[named as usize];
        let package = info.package?;
        // A library interface declares every method Go's does (context.Context, io.Reader):
        // a method it lacks is go build's error, not a gap of gomc's.
        if !name.starts_with(|c: char| c.is_uppercase())
            || matches!(info.underlying, Some(Ty::Interface(_)))
        {
            return None;
        }
        let mut methods: Vec<&str> = info
            .methods
            .iter()
            .map(|method| method.name.as_str())
            .filter(|method| method.starts_with(|c: char| c.is_uppercase()))
            .collect();
        methods.sort();
        methods.dedup();
        let type_name = format!("{}.{}", package.go_name(), info.name);
        let mut message = format!(
            "{type_name}.{name}\n\tgomc models these methods of {type_name}: {}",
            methods.join(", ")
        );
        if let Some(hint) = rewrite(&format!("{type_name}.{name}")) {
            message.push_str(&format!("\n\tinstead: {hint}"));
        }
        Some(self.src.unsupported(node, message))
    }

    /// The error for a member of a modelled package that gomc does not model (`strings.Title`,
    /// `sync.Pool`): what it models of that package, and a rewrite where one is known.
    pub fn unsupported_member(&self, node: Node<'t>, package: Std, name: &str) -> ModelError {
        let mut members: Vec<String> = built_in_members(package)
            .iter()
            .map(|member| member.to_string())
            .collect();
        members.extend(
            self.pkg
                .lib_names
                .iter()
                .filter(|((owner, member), entity)| {
                    *owner == package
                        && member.starts_with(|c: char| c.is_uppercase())
                        && !matches!(entity, PkgEntity::Import(_))
                })
                .map(|((_, member), _)| member.clone()),
        );
        members.sort();
        members.dedup();
        let qualified = format!("{}.{name}", package.go_name());
        let mut message = format!(
            "{qualified}\n\tgomc models these of package {}: {}",
            package.frame_prefix(),
            members.join(", ")
        );
        if let Some(hint) = rewrite(&qualified) {
            message.push_str(&format!("\n\tinstead: {hint}"));
        }
        self.src.unsupported(node, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_import_path_is_one_gomc_models() {
        for path in IMPORT_PATHS {
            assert!(Std::from_path(path).is_some(), "{path}");
        }
    }

    #[test]
    fn every_listed_function_of_a_built_in_package_is_one_the_front_end_lowers() {
        use super::super::stdcall::std_call;
        // The built-in types of sync and sync/atomic, and os's writers for fmt.Fprint*.
        let types_and_values = [
            "Cond",
            "Locker",
            "Map",
            "Mutex",
            "Once",
            "RWMutex",
            "WaitGroup",
            "Bool",
            "Int32",
            "Int64",
            "Uint32",
            "Uint64",
            "Stderr",
            "Stdout",
        ];
        for package in [
            Std::Fmt,
            Std::Os,
            Std::Runtime,
            Std::Sync,
            Std::Atomic,
            Std::Time,
            Std::Log,
            Std::Rand,
            Std::RandV2,
            Std::Gomc,
        ] {
            for member in built_in_members(package) {
                let name = member.split(' ').next().unwrap_or(member);
                let known = std_call(package, name).is_some()
                    || types_and_values.contains(&name)
                    || !name.starts_with(|c: char| c.is_ascii_uppercase());
                assert!(known, "{}.{name}", package.go_name());
            }
        }
    }
}
