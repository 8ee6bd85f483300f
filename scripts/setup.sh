#!/usr/bin/env bash
# Installs whatever is missing for building and testing parallax. Idempotent:
# every step checks first, so a second run takes seconds.
#   scripts/setup.sh build   -> Rust target, wasm-pack, wasm-bindgen-cli, npm packages
#   scripts/setup.sh test    -> the above plus Debian's chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-build}"
log() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

WASM_PACK_VERSION=0.15.1
if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  log "installing wasm-pack $WASM_PACK_VERSION (about 1.5 min)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

# The CLI must match the wasm-bindgen crate exactly, or wasm-pack tries a download.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock 2>/dev/null || true)
BINDGEN_VERSION="${BINDGEN_VERSION:-$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)}"
if ! wasm-bindgen --version 2>/dev/null | grep -q "$BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $BINDGEN_VERSION (about 2 min)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
log "ready"
