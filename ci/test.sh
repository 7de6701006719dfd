#!/usr/bin/env bash
# The README's test command, with snapshot writing disabled: a missing or changed insta
# snapshot fails instead of being written.
set -euo pipefail
cd "$(dirname "$0")/.."
export INSTA_UPDATE=no
cargo test --workspace --locked
