#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 600), niced and one at a time (the
# machines are shared), and prints executions and time per target. FUZZ_ARGS adds libFuzzer
# options. A crash stops the run with libFuzzer's report and the input in fuzz/artifacts/.
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"
# libFuzzer needs -Zsanitizer; only the stable toolchain is installed here.
export RUSTC_BOOTSTRAP=1
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize strip_text strip_html analyze_bytes analyze_structured load_pack)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
target_dir="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
nice -n 19 cargo fuzz build -O --target-dir "$target_dir"
summary=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  case "$t" in
    # A megabyte of CJK (every character a token, every pair a unit) takes ~3 s natively, and far
    # longer with the sanitizer on a shared machine: slow is caught by the time budget, not here.
    analyze_structured) limits=(-timeout=60 -max_len=65536) ;;
    analyze_*) limits=(-timeout=20 -max_len=262144) ;;
    load_pack) limits=(-timeout=20 -max_len=65536) ;;
    *) limits=(-timeout=10 -max_len=1048576) ;;
  esac
  log="artifacts/$t/last-run.log"
  echo "== $t: ${seconds}s" >&2
  nice -n 19 cargo fuzz run -O --target-dir "$target_dir" "$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 "${limits[@]}" ${FUZZ_ARGS:-} 2>"$log" || {
    tail -n 60 "$log" >&2
    echo "== $t FAILED; the input is in fuzz/artifacts/$t/" >&2
    exit 1
  }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/.*Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  summary+=("$(printf '%-20s %12s executions %6s s  coverage %s' "$t" "$runs" "$secs" "$cov")")
done
printf '%s\n' "${summary[@]}"
