#!/usr/bin/env bash
# npm test: set up whatever is missing, then run every test — Rust (native), the quality gate,
# WASM in headless Chromium, and the page end to end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*" >&2; }

step "test targets declare their platform"
# wasm-pack test builds every integration test for wasm32; native-only ones (serde_json, proptest,
# the CLI) must say so, or the WASM step fails minutes later.
for f in tests/*.rs; do
  grep -q '^#!\[cfg(\(not(\)\?target_arch = "wasm32")\?)\]' "$f" || { echo "$f: add #![cfg(not(target_arch = \"wasm32\"))]" >&2; exit 1; }
done

step "the stemmer pack's module"
# Built first: tests/web.rs reads it (and the check below compiles that test).
bash scripts/build-stemmers.sh
cargo test --quiet -p parallax-stemmers
cargo clippy --quiet -p parallax-stemmers --all-targets -- -D warnings

step "unit tests compile for wasm32"
# wasm-pack test (below) also builds the library's own unit tests for wasm32: a test module that
# uses a native-only dev-dependency must be cfg'd off there. Checked here in seconds, not after
# the evaluations.
cargo check --quiet --lib --tests --target wasm32-unknown-unknown --no-default-features

step "cargo test"
cargo test --quiet

step "cargo clippy"
cargo clippy --quiet --all-targets -- -D warnings

step "cargo fmt --check"
# rustfmt comes with rustup's default profile, as clippy does; added if a minimal one left it out.
cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
cargo fmt --check

step "data licences and sources"
if [ -f scripts/check-licenses.sh ]; then bash scripts/check-licenses.sh; else echo "no licence check configured" >&2; fi

step "quality gate (evaluation sets)"
node scripts/eval-gate.mjs

step "WASM in headless Chromium"
wasm-pack test --headless --chrome -- --no-default-features --test web

step "release build of the page"
bash scripts/build.sh

step "npm package: assemble, size budget, Node, npm pack, TypeScript, Vite"
node scripts/package.mjs
node --test tests/package/*.test.mjs

step "browser tests"
node --test tests/e2e/*.test.mjs
