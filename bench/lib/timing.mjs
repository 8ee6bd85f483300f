// Timing helpers shared by the Node-side runners.
import { performance } from "node:perf_hooks";

// V8 compiles JavaScript and WebAssembly in tiers while they run: a function starts in a baseline
// tier and is optimized once it has run enough, and the optimized code is used from its next call
// on. Many small calls (stripping 181 pages line by line) tier up over several runs: in Chromium
// the runs of one page took 187, 155, 92, 83, 73, 71, 68 ms, so one warm-up left three of five
// timed runs slower than the steady state, and the median 20 % above it. So a JIT-compiled
// system is warmed up for at least the warm-ups asked, then for as long as a warm-up run is still
// more than `WARMUP_STEADY` faster than the one before, at most `WARMUP_MAX` runs and
// `WARMUP_BUDGET_MS` in all. Native code and CPython have no such tiers and get the warm-ups asked.
export const WARMUP_STEADY = 0.05;
export const WARMUP_MAX = 8;
export const WARMUP_BUDGET_MS = 60_000;

/**
 * Whether a JIT-compiled system needs another warm-up run, given the wall times of those so far
 * and the number asked (`min`). No warm-up asked (a size too slow to repeat) means none.
 */
export function warmMore(times, min) {
  const n = times.length;
  if (n < min) return true;
  if (min === 0 || n >= WARMUP_MAX || times.reduce((a, b) => a + b, 0) >= WARMUP_BUDGET_MS) return false;
  return n < 2 || times[n - 1] < (1 - WARMUP_STEADY) * times[n - 2];
}

/**
 * Runs `f` untimed to warm it up (`warmup` times, and on while `warmMore` says so), then `reps`
 * times timed: wall and CPU (user + system) ms, and the number of warm-ups run.
 */
export function cpuRuns(warmup, reps, f) {
  const warm = [];
  while (warmMore(warm, warmup)) {
    const t0 = performance.now();
    f();
    warm.push(performance.now() - t0);
  }
  const runs = [];
  const cpu = [];
  let out;
  for (let i = 0; i < Math.max(reps, 1); i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = f();
    runs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
  }
  return { runs, cpu, out, warmups: warm.length };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
