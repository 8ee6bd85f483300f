#!/usr/bin/env bash
# Adds a boilerplate fixture: scripts/boilerplate-add-fixture.sh SLUG FILE...
# Each FILE (text you wrote yourself, never third-party pages) becomes paste.txt / paste-N.txt,
# or paste.html for a file ending in .html; expected.txt is then written from the current
# classifier (the other fixtures' files are left alone). Read it and correct the classifier (not the
# file) where it is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
slug=${1:?usage: $0 SLUG FILE...}
shift
[ $# -ge 1 ] || { echo "usage: $0 SLUG FILE..." >&2; exit 2; }
dir="tests/fixtures/$slug"
[ -e "$dir" ] && { echo "$dir exists" >&2; exit 1; }
mkdir -p "$dir"
n=1
for f in "$@"; do
  case "$f" in
    *.html) cp "$f" "$dir/paste.html" ;;
    *) if [ $# -eq 1 ]; then cp "$f" "$dir/paste.txt"; else cp "$f" "$dir/paste-$n.txt"; fi ;;
  esac
  n=$((n + 1))
done
# Only this fixture's expected.txt is written; the test then checks every fixture (a rule that
# another fixture disagrees with shows here).
UPDATE_FIXTURES="$slug" cargo test --quiet --test boilerplate_fixtures || true
cat "$dir/expected.txt"
