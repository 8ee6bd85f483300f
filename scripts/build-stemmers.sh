#!/usr/bin/env bash
# Builds the stemmer pack's WebAssembly module (the `stemmers/` crate: the Snowball stemmers of
# every language but English) into stemmers/out/stemmers.wasm, shrunk by wasm-opt as the core is.
# scripts/packs.mjs writes it, base64, into the stemmer pack (www/pkg/lang/stem.txt); the WASM
# tests (tests/web.rs) read it too, so scripts/test.sh runs this first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --quiet --release --target wasm32-unknown-unknown -p parallax-stemmers
mkdir -p stemmers/out
# The core's passes (Cargo.toml), less the control-flow rebuild, which gave this module 0.1 KB.
# --zero-filled-memory and --low-memory-unused hold here as in the core: a fresh instance's
# memory is zero, and Rust's data starts at 1 MB.
wasm-opt -Oz --low-memory-unused --zero-filled-memory --strip-debug --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$target/wasm32-unknown-unknown/release/parallax_stemmers.wasm" -o stemmers/out/stemmers.wasm
