// Timing helpers shared by the Node-side runners.
import { performance } from "node:perf_hooks";

/** Runs `f` `warmup` times untimed, then `reps` times timed: wall and CPU (user + system) ms. */
export function cpuRuns(warmup, reps, f) {
  for (let i = 0; i < warmup; i++) f();
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
  return { runs, cpu, out };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
