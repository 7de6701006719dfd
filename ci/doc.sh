#!/usr/bin/env bash
# API docs must build without warnings (missing docs are denied in the crate itself).
set -euo pipefail
cd "$(dirname "$0")/.."
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
