#!/usr/bin/env bash
# Prints one case block by block, with what the classifier decided and why:
#   scripts/boilerplate-debug.sh tests/fixtures/SLUG      a fixture (its expected.txt diffed too)
#   scripts/boilerplate-debug.sh FILE.txt|FILE.html      any paste
#   scripts/boilerplate-debug.sh --html-hints FILE.html  the flattened HTML with its markup hints
#   scripts/boilerplate-debug.sh --scrapinghub ID        one page of the evaluation set, with
#                                                        the share of each block found in the gold text
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/boilerplate
cli() { cargo run --quiet --release --bin parallax -- "$@"; }
case "${1:?usage: $0 FIXTURE-DIR|FILE|--html-hints FILE|--scrapinghub ID}" in
  --html-hints)
    PARALLAX_DEBUG_HTML="$(realpath "${2:?file}")" cargo test --quiet --lib html::tests::debug_dump -- --ignored --nocapture ;;
  --scrapinghub)
    cli eval strip --scrapinghub "$data/scrapinghub" --page "${2:?id prefix}" ${3:-} ;;
  *)
    if [ -d "$1" ]; then
      UPDATE_FIXTURES=1 cargo test --quiet --test boilerplate_fixtures >/dev/null
      git --no-pager diff --stat -- "$1"
      cat "$1/expected.txt"
      git --no-pager diff -- "$1/expected.txt"
    else
      html=""; case "$1" in *.html) html="--html" ;; esac
      cli strip $html --format json "$1" | python3 -c '
import json, sys
for b in json.load(sys.stdin)["blocks"]:
    label = b["kind"] + (":" + b["reason"] if b["reason"] else "")
    t = b["text"][:120].replace("\n", " / ")
    print(f"{label:<32} | {t}")'
    fi ;;
esac
