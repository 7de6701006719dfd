#!/usr/bin/env bash
# Builds, vets, runs or tests a gomc model with the Go toolchain (README, "Models as Go
# programs"):
#
#   go/model.sh vet|build|run MODEL.go [ARGS...]
#   go/model.sh vet|test PACKAGE_DIR [ARGS...]
#   go/model.sh files MODEL.go|PACKAGE_DIR     (the files the go command gets, one a line)
#
# A model file is compiled with the files its `gomc:include` lines name; a `gomc:model` variant
# is compiled with the model it varies (its `gomc:set` overrides are gomc's: Go runs the
# model's own values). A directory is one package of all its .go files, as `gomc test` reads a
# package of _test.go files. ARGS go to the go command (vet, build, test) or to the program
# (run). build writes the binary to the current folder, named as the model (after.go: after;
# a variant: the model it varies); an -o of ARGS must be an absolute path.
#
# The files stay where they are; the go command runs in a temporary module whose go.mod
#   - resolves the import "gomc" to go/gomc (math/rand where gomc explores every value),
#   - resolves golang.org/x/sync to a local copy when there is one ($GOMC_XSYNC, else Debian's
#     golang-golang-x-sync-dev in /usr/share/gocode), else leaves it to the go command,
#   - names the model's Go release as gomc reads it (`gomc:go`, else a go.mod beside the
#     model, else 1.23), lowered to the toolchain's own release when that is older, so that
#     nothing asks for a newer toolchain.
# GOFLAGS defaults to -mod=mod and GOTOOLCHAIN to local; nothing is downloaded unless the
# caller's GOPROXY allows it (CI sets GOPROXY=off).
set -euo pipefail

usage() {
  echo "usage: go/model.sh vet|build|run MODEL.go [ARGS...]" >&2
  echo "       go/model.sh vet|test PACKAGE_DIR [ARGS...]" >&2
  echo "       go/model.sh files MODEL.go|PACKAGE_DIR" >&2
  exit 2
}
[ $# -ge 2 ] || usage
mode=$1
target=$2
shift 2
case $mode in vet | build | run | test | files) ;; *) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
helper=$here/gomc

# The `gomc:` directive NAME's arguments in FILE's header (the comments before the package
# clause), one line each.
directives() {
  awk -v name="$2" '
    in_block { if (index($0, "*/")) in_block = 0; next }
    /^[ \t]*\/\*/ { if (!index($0, "*/")) in_block = 1; next }
    /^[ \t]*$/ { next }
    /^[ \t]*\/\// {
      line = $0
      sub(/^[ \t]*\/\/[ \t]*/, "", line)
      if (index(line, "gomc:" name) == 1) {
        rest = substr(line, length("gomc:" name) + 1)
        if (rest == "" || rest ~ /^[ \t]/) { sub(/^[ \t]+/, "", rest); print rest }
      }
      next
    }
    { exit }
  ' "$1"
}

# The minor Go release a go.mod in DIR names, if any.
go_mod_minor() {
  [ -f "$1/go.mod" ] || return 0
  sed -n 's/^[ \t]*go[ \t][ \t]*1\.\([0-9][0-9]*\).*/\1/p' "$1/go.mod" | sed -n 1p
}

abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }

files=()
minor=
if [ -d "$target" ]; then
  case $mode in vet | test | files) ;; *) usage ;; esac
  dir=$(cd "$target" && pwd)
  for file in "$dir"/*.go; do
    [ -e "$file" ] && files+=("$file")
  done
  [ ${#files[@]} -gt 0 ] || { echo "go/model.sh: no .go files in $target" >&2; exit 2; }
  for file in "${files[@]}"; do
    [ -n "$minor" ] || minor=$(directives "$file" go | sed -n 's/^1\.\([0-9]*\).*/\1/p' | sed -n 1p)
  done
  [ -n "$minor" ] || minor=$(go_mod_minor "$dir")
elif [ -f "$target" ]; then
  [ "$mode" != test ] || usage
  model=$(abs "$target")
  if [ "$(directives "$model" library | wc -l)" -gt 0 ]; then
    echo "go/model.sh: $target is a gomc:library of shared declarations, not a model: use the models that include it" >&2
    exit 2
  fi
  minor=$(directives "$model" go | sed -n 's/^1\.\([0-9]*\).*/\1/p' | sed -n 1p)
  base=$(directives "$model" model | sed -n 1p)
  # A variant is compiled with its base model and the base's includes (then its own).
  sources=()
  if [ -n "$base" ]; then
    base=$(abs "$(dirname "$model")/$base")
    sources+=("$base")
    [ -n "$minor" ] || minor=$(directives "$base" go | sed -n 's/^1\.\([0-9]*\).*/\1/p' | sed -n 1p)
  fi
  # As gomc: the variant's gomc:go, the model's, then a go.mod beside the file named.
  [ -n "$minor" ] || minor=$(go_mod_minor "$(dirname "$model")")
  sources+=("$model")
  for source in "${sources[@]}"; do
    files+=("$source")
    while IFS= read -r include; do
      [ -n "$include" ] && files+=("$(abs "$(dirname "$source")/$include")")
    done < <(directives "$source" include)
  done
else
  echo "go/model.sh: no such file or directory: $target" >&2
  exit 2
fi
minor=${minor:-23}
if [ "$mode" = files ]; then
  printf '%s\n' "${files[@]}"
  exit 0
fi

caller=$PWD
export GOFLAGS=${GOFLAGS:--mod=mod}
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}

# The toolchain's own minor release (go1.19.8 -> 19): a go.mod asking for a newer one would
# make the go command refuse or download a toolchain.
local_minor=$(go env GOVERSION | sed -n 's/.*go1\.\([0-9][0-9]*\).*/\1/p')
if [ -n "$local_minor" ] && [ "$minor" -gt "$local_minor" ]; then
  [ "$mode" != run ] || echo "go/model.sh: gomc checks this model as Go 1.$minor; $(go env GOVERSION) runs it as Go 1.$local_minor" >&2
  minor=$local_minor
fi

module=$(mktemp -d)
trap 'rm -rf "$module"' EXIT
{
  echo "module gomcmodel"
  echo
  echo "go 1.$minor"
  echo
  echo "require gomc v0.0.0"
  echo
  echo "replace gomc => $helper"
} >"$module/go.mod"
xsync=${GOMC_XSYNC:-/usr/share/gocode/src/golang.org/x/sync}
if [ -f "$xsync/go.mod" ]; then
  {
    echo
    echo "require golang.org/x/sync v0.0.0"
    echo
    echo "replace golang.org/x/sync => $xsync"
  } >>"$module/go.mod"
fi

cd "$module"
case $mode in
  run) go run "${files[@]}" "$@" ;;
  build) go build -o "$caller/$(basename "${files[0]}" .go)" "$@" "${files[@]}" ;;
  *) go "$mode" "$@" "${files[@]}" ;;
esac
