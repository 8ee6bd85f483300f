#!/usr/bin/env bash
# Installs the benchmark's peers where the project never sees them: a Python virtual environment
# (jusText, trafilatura, scikit-learn, matplotlib for the plot) and a scratch npm folder
# (wink-nlp and its English model). Idempotent: a second run checks the versions and returns.
# Prints the two folders on stdout as `venv=…` and `npm=…`.
set -euo pipefail
cache="${PARALLAX_BENCH_CACHE:-$HOME/.cache/parallax/bench}"
log() { printf '[bench setup] %s\n' "$*" >&2; }

PY_PEERS=(justext==3.0.2 lxml_html_clean==0.4.6 trafilatura==2.3.1 scikit-learn==1.9.1 matplotlib==3.11.2)
NPM_PEERS=(wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1 playwright-core@1.65.1)

venv="$cache/venv"
stamp="$venv/.peers"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${PY_PEERS[*]}" ]; then
  log "creating the Python environment for jusText, trafilatura, scikit-learn (about a minute)"
  mkdir -p "$cache"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${PY_PEERS[@]}"
  echo "${PY_PEERS[*]}" > "$stamp"
fi

npm_dir="$cache/npm"
stamp="$npm_dir/.peers"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${NPM_PEERS[*]}" ]; then
  log "installing wink-nlp into a scratch npm folder"
  mkdir -p "$npm_dir"
  [ -f "$npm_dir/package.json" ] || echo '{"name":"parallax-bench-peers","private":true}' > "$npm_dir/package.json"
  (cd "$npm_dir" && npm install --no-audit --no-fund --silent "${NPM_PEERS[@]}")
  echo "${NPM_PEERS[*]}" > "$stamp"
fi

echo "venv=$venv"
echo "npm=$npm_dir"
