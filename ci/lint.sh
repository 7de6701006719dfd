#!/usr/bin/env bash
# Formatting and lints, exactly as CI runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The native-only build (the loom and shuttle backends are cargo features, on by default).
cargo clippy -p gomc --no-default-features --all-targets --locked -- -D warnings
