// npm run bench: parallax against its peers on the same inputs, in one run.
//
//   npm run bench [-- --quick] [-- --only tokenize,strip,analyze,length,page,shapes] [-- --no-build]
//
// 1. installs the peers if missing (bench/setup.sh: a Python virtual environment and a scratch
//    npm folder, never project dependencies) and builds the native benchmark binary
//    (examples/bench.rs, profile `cli`, as the shipped CLI) and the release WASM (npm run build);
// 2. builds the inputs from the seeds and generated text (bench/corpus.mjs);
// 3. runs every measurement in its own process (so peak memory belongs to one task): a warm-up
//    (in Chromium and Node until V8 has tiered the code up, bench/lib/timing.mjs `warmMore`),
//    then several timed runs, each timed in-process;
// 4. writes bench/results/results.json, results.md (the tables) and plot.png, and puts the
//    latest table into README.md (bench/report.py).
//
// --quick runs fewer sizes and repetitions, to check the harness; --only runs some groups. Both
// write to bench/out/tmp/partial/ and leave bench/results and README.md alone.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { loadPlaywright, pageLoad, runTask } from "./browser.mjs";
import { ARTICLE_COUNTS, LENGTHS, build as buildCorpus } from "./corpus.mjs";
import { WARMUP_BUDGET_MS, WARMUP_MAX, WARMUP_STEADY, median } from "./lib/timing.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const noBuild = args.includes("--no-build");
const onlyArg = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : null;
const wants = (group) => !onlyArg || onlyArg.includes(group);
const started = Date.now();
const log = (msg) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

const STRIP_INPUT = join(root, "..", "shared", "data", "boilerplate", "scrapinghub", "output", "html-text.json");
const targetDir = process.env.CARGO_TARGET_DIR || join(root, "target");
const nativeBin = join(targetDir, "cli", "examples", "bench");
const partial = quick || onlyArg !== null;
const outDir = partial ? join(root, "bench", "out", "tmp", "partial") : join(root, "bench", "results");
const corpusDir = join(root, "bench", "out", "tmp", "corpus");

function sh(cmd, argv, opts = {}) {
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
  return execFileSync(cmd, argv, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26, env, ...opts });
}

/** Runs one measuring process and parses the JSON object it prints. */
// One measuring process may take this long; a slower one is stopped and reported as such, and a
// size that the sizes before predict (see `plan`) to take longer is not run, so
// that a quadratic blow-up shows in the table instead of stalling the run.
const TIMEOUT_MS = 180_000;

class Timeout extends Error {}

function measure(cmd, argv) {
  let out;
  try {
    out = sh(cmd, argv, { stdio: ["ignore", "pipe", "inherit"], timeout: TIMEOUT_MS, killSignal: "SIGKILL" });
  } catch (e) {
    if (e.signal === "SIGKILL" || e.code === "ETIMEDOUT") throw new Timeout();
    throw e;
  }
  return JSON.parse(out.trim().split("\n").pop());
}

// ---- 1. peers and builds
log("peers");
const paths = Object.fromEntries(
  sh("bash", ["bench/setup.sh"], { stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n")
    .map((l) => l.split("=")),
);
const python = join(paths.venv, "bin", "python");
const peerModules = join(paths.npm, "node_modules");
if (!noBuild) {
  log("building the native benchmark (cargo --profile cli --example bench)");
  sh("cargo", ["build", "--quiet", "--profile", "cli", "--example", "bench"], { stdio: "inherit" });
  log("building the WASM (npm run build)");
  sh("bash", ["scripts/build.sh"], { stdio: ["ignore", "ignore", "inherit"] });
}
if (!existsSync(join(root, "www", "pkg", "parallax_bg.wasm"))) throw new Error("www/pkg is missing: run npm run build");

// ---- 2. inputs
log("building the corpus");
const manifest = buildCorpus(corpusDir);
const rel = (p) => relative(root, p);

// ---- 3. measurements
const reps = (n) => (quick ? Math.min(n, 2) : n);
const results = [];
const playwright = loadPlaywright([join(root, "node_modules"), peerModules]);
const { serve } = await import(join(root, "scripts", "serve.mjs"));
const { server, url } = await serve({ port: 0, root, quiet: true });

async function record(group, system, size, fn) {
  log(`${group} ${size ?? ""} — ${system}`);
  let r;
  try {
    r = await fn();
  } catch (e) {
    if (!(e instanceof Timeout)) throw e;
    log(`  stopped after ${TIMEOUT_MS / 1000} s`);
    results.push({ group, system, size, timed_out: true, runs_ms: [TIMEOUT_MS], median_ms: TIMEOUT_MS, detail: {} });
    return;
  }
  const row = { group, system, size, ...r, median_ms: median(r.runs_ms ?? r.nav_to_screen_ms) };
  if (r.cpu_ms && r.cpu_ms.length) row.median_cpu_ms = median(r.cpu_ms);
  results.push(row);
  log(`  median ${row.median_ms.toFixed(1)} ms, peak ${((r.peak_rss_kb ?? 0) / 1024).toFixed(0)} MB`);
}

const native = (task, file, warmup, n) => () =>
  measure(nativeBin, [task, file, "--warmup", String(warmup), "--reps", String(reps(n))]);
const chromium = (task, file, warmup, n) => async () => {
  try {
    return await runTask(playwright, url, { task, file, root, warmup, reps: reps(n), timeoutMs: TIMEOUT_MS });
  } catch (e) {
    throw e.name === "BenchTimeout" ? new Timeout() : e;
  }
};

/**
 * Warm-up and runs for the next size, from the time the same system took on the sizes before:
 * the growth between the last two sizes (at least linear, at most quadratic; quadratic when only
 * one size is known) extrapolated to this one. One cold run when the usual plan — warm-ups as
 * Chromium may run them, then the timed runs — would take more than two minutes; skipped when
 * even one run is predicted to exceed the time limit.
 */
function plan(group, system, size, warmup, n) {
  const before = results.filter((r) => r.group === group && r.system === system && r.size < size);
  const prev = before[before.length - 1];
  if (!prev) return [warmup, n];
  if (prev.timed_out || prev.skipped) return null;
  // Wall clock: the time limit is one, and on a shared machine it runs well ahead of CPU time.
  const ms = (r) => r.median_ms;
  const older = before[before.length - 2];
  let exponent = 2;
  if (older && !older.timed_out && !older.skipped && ms(older) > 0 && ms(prev) > 0) {
    exponent = Math.min(2, Math.max(1, Math.log(ms(prev) / ms(older)) / Math.log(prev.size / older.size)));
  }
  const predicted = ms(prev) * (size / prev.size) ** exponent;
  if (predicted > TIMEOUT_MS) return null;
  // Chromium warms up until the runs are steady (`warmMore`): up to WARMUP_MAX runs, or until the
  // warm-ups have taken WARMUP_BUDGET_MS (the run that crosses it included).
  const warming = system.includes("Chromium")
    ? Math.max(warmup * predicted, Math.min(WARMUP_MAX * predicted, WARMUP_BUDGET_MS + predicted))
    : warmup * predicted;
  return warming + n * predicted > 120_000 ? [0, 1] : [warmup, n];
}

/** Runs `make(warmup, reps)` as planned, or records that the size was skipped. */
async function scaled(group, system, size, warmup, n, make) {
  const p = plan(group, system, size, warmup, n);
  if (p) return record(group, system, size, make(...p));
  log(`${group} ${size} — ${system}: skipped, the size before predicts more than ${TIMEOUT_MS / 1000} s`);
  results.push({ group, system, size, skipped: true, runs_ms: [TIMEOUT_MS], median_ms: TIMEOUT_MS, detail: {} });
}
const py = (task, file, warmup, n) => () =>
  measure(python, ["bench/peers/peers.py", task, file, "--warmup", String(warmup), "--reps", String(reps(n))]);

try {
  if (wants("tokenize")) {
    const file = join(corpusDir, "tokenize.txt");
    await record("tokenize", "parallax native", null, native("tokenize", file, 2, 10));
    await record("tokenize", "parallax Chromium", null, chromium("tokenize", file, 2, 10));
    await record("tokenize", "wink-nlp Node", null, () =>
      measure("node", ["bench/peers/wink.mjs", peerModules, file, "--warmup", "1", "--reps", String(reps(5))]));
  }
  if (wants("strip")) {
    await record("strip", "parallax native", null, native("strip", STRIP_INPUT, 1, 5));
    await record("strip", "parallax Chromium", null, chromium("strip", STRIP_INPUT, 1, 5));
    await record("strip", "jusText", null, py("justext", STRIP_INPUT, 1, 3));
    await record("strip", "trafilatura", null, py("trafilatura", STRIP_INPUT, 1, 3));
  }
  const sizes = quick ? [5, 50, 100] : [5, ...ARTICLE_COUNTS];
  if (wants("analyze")) {
    for (const n of sizes) {
      const file = join(corpusDir, `articles-${n}.json`);
      const r = n >= 1000 ? 2 : 3;
      await scaled("analyze", "parallax native", n, 1, r, (w, k) => native("analyze", file, w, k));
      await scaled("analyze", "parallax Chromium", n, 1, r, (w, k) => chromium("analyze", file, w, k));
      await scaled("analyze", "scikit-learn", n, 1, r, (w, k) => py("sklearn", file, w, k));
    }
  }
  if (wants("length")) {
    for (const w of quick ? LENGTHS.slice(0, 2) : LENGTHS) {
      const file = join(corpusDir, `length-${w}.json`);
      await scaled("length", "parallax native", w, 1, 3, (k, n) => native("analyze", file, k, n));
      await scaled("length", "parallax Chromium", w, 1, 3, (k, n) => chromium("analyze", file, k, n));
      await scaled("length", "scikit-learn", w, 1, 3, (k, n) => py("sklearn", file, k, n));
    }
  }
  if (wants("page")) {
    await record("page", "parallax Chromium", 5, () => pageLoad(playwright, url, { warmup: 1, reps: reps(7) }));
  }
  if (wants("shapes")) {
    // Generated extreme inputs at two sizes (examples/bench.rs `shapes`): how the time grows.
    const [small, large] = quick ? [50_000, 200_000] : [200_000, 800_000];
    await record("shapes", "parallax native", null, () =>
      measure(nativeBin, ["shapes", String(small), "--large", String(large)]));
  }
} finally {
  server.close();
}

// ---- 4. results
mkdirSync(outDir, { recursive: true });
let commit = "";
try {
  commit = sh("git", ["rev-parse", "--short", "HEAD"]).trim();
} catch {
  // Not a git checkout: leave it empty.
}
const meta = {
  date: new Date().toISOString(),
  commit,
  quick,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memory_gb: Math.round(totalmem() / 2 ** 30),
  load_average_at_end: loadavg(),
  seconds: Math.round((Date.now() - started) / 1000),
  versions: {
    chromium: sh("/usr/bin/chromium", ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").pop(),
    node: process.version,
    rustc: sh("rustc", ["--version"]).trim(),
  },
  corpus: manifest,
  // How JIT-compiled systems were warmed up (bench/lib/timing.mjs), for the report's prose.
  warmup: { steady: WARMUP_STEADY, max_runs: WARMUP_MAX, budget_ms: WARMUP_BUDGET_MS },
};
writeFileSync(join(outDir, "results.json"), JSON.stringify({ meta, results }, null, 2));
log("writing the table and the plot");
const reportArgs = ["bench/report.py", join(outDir, "results.json"), outDir];
if (!partial) reportArgs.push("--readme", join(root, "README.md"));
sh(python, reportArgs, { stdio: "inherit" });
log(`done: ${rel(join(outDir, "results.md"))}`);
console.log(readFileSync(join(outDir, "results.md"), "utf8"));
