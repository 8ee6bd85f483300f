#!/usr/bin/env bash
# Builds the release WASM into www/pkg and the page's seed bundle; prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# No default features: the command line and its crates stay out of the WASM build entirely.
wasm-pack build --release --target web --out-dir www/pkg --out-name parallax --no-pack . -- --no-default-features >&2
rm -f www/pkg/.gitignore
# The stemmers of languages other than English, a module of their own for the stemmer pack.
bash scripts/build-stemmers.sh
# The word lists of languages other than English, left out of the WASM: www/pkg/lang/<code>.txt.
node scripts/packs.mjs
node scripts/bundle-seeds.mjs
node scripts/size.mjs
