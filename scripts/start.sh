#!/usr/bin/env bash
# npm start: set up whatever is missing, build, and serve www/ (PORT overrides 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs
