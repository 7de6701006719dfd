#!/usr/bin/env bash
# The README's main job: check every bundled model; exit 0 only if each is as expected.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --locked -- check scenarios --no-timings
