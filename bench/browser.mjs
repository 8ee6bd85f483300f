// The Chromium half of the benchmark: parallax's WASM build timed inside headless Chromium.
//
// Every task gets a fresh browser, so the renderer's peak memory belongs to that task alone.
// Durations are performance.now() inside the page (bench/page/bench.js); CPU time is the
// renderer main thread's ThreadTime from the DevTools protocol (Performance.getMetrics), read
// before and after each run; memory is the renderer process's peak resident set (VmHWM in
// /proc/PID/status, the PID from SystemInfo.getProcessInfo), next to the WASM linear memory
// (which only grows, so its final size is its peak) and the JS heap. The runs of a task share a
// page, with a full collection after each (outside the timing), so the peak is that of one run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { warmMore } from "./lib/timing.mjs";

// TOOLCHAIN.md: without these, Chromium as root refuses to start or keeps calling home.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--disable-gpu",
  "--enable-precise-memory-info",
];

export function loadPlaywright(dirs) {
  for (const dir of dirs) {
    try {
      return createRequire(join(dir, "noop.js"))("playwright-core");
    } catch {
      // Try the next folder.
    }
  }
  throw new Error(`playwright-core is in none of ${dirs.join(", ")}`);
}

function vmHwmKb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function rendererPeakKb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  const peaks = processInfo.filter((p) => p.type === "renderer").map((p) => vmHwmKb(p.id)).filter((x) => x);
  return peaks.length ? Math.max(...peaks) : null;
}

async function threadTimeMs(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = metrics.find((x) => x.name === "ThreadTime");
  return m ? m.value * 1e3 : null;
}

async function launch(playwright) {
  return playwright.chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

// Installed before the page's own scripts: notes when the page creates its analysis worker, when
// the worker reports its WASM ready, the worker's own analysis
// time, and when a report is on screen. The page sets body[data-analyzed] when it shows a report,
// and body[data-report] to "bundled" (the build's report of the seeds, app.js) or "live" (the
// worker's own analysis, on screen or found equal to the one on screen); the frame after each is
// when a person sees it.
function pageProbe() {
  const b = (window.__bench = {
    worker: null,
    ready: null,
    workerMs: null,
    analyzed: null,
    painted: null,
    kind: null,
    live: null,
    livePainted: null,
    check: null,
  });
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      if (b.worker === null) b.worker = performance.now();
      this.addEventListener("message", (e) => {
        const d = e.data || {};
        if (d.ready && b.ready === null) b.ready = performance.now();
        if (d.ok && b.workerMs === null) b.workerMs = d.ms;
      });
    }
  };
  const frame = (key) => requestAnimationFrame(() => setTimeout(() => (b[key] = performance.now()), 0));
  new MutationObserver((_, obs) => {
    const data = document.body && document.body.dataset;
    if (!data) return;
    if (data.analyzed === "true" && b.analyzed === null) {
      b.analyzed = performance.now();
      b.kind = data.report || "live";
      frame("painted");
    }
    // A page that does not say where its report came from shows only its own analysis.
    const live = data.report === "live" || (data.analyzed === "true" && !data.report);
    if (live && b.live === null) {
      b.live = performance.now();
      b.check = data.check || null;
      frame("livePainted");
    }
    if (b.analyzed !== null && b.live !== null) obs.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-analyzed", "data-report"] });
}

/**
 * The page as a person opens it: navigation → the seeds' analysis on screen. Each run is a fresh
 * browser context (empty storage, so the page loads the seeds; empty HTTP cache). Times are
 * performance.now() in the page, i.e. milliseconds since navigation started.
 */
export async function pageLoad(playwright, baseUrl, { warmup, reps }) {
  const browser = await launch(playwright);
  try {
    const runs = [];
    let peak = null;
    for (let i = 0; i < warmup + reps; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript(pageProbe);
      await page.goto(`${baseUrl}www/index.html`);
      await page.waitForFunction(() => window.__bench && window.__bench.painted !== null && window.__bench.livePainted !== null, null, { timeout: 60000 });
      const b = await page.evaluate(() => window.__bench);
      // A context's renderer ends with it, so its peak is read before closing.
      if (i >= warmup) peak = Math.max(peak ?? 0, (await rendererPeakKb(browser)) ?? 0) || null;
      await context.close();
      if (errors.length) throw new Error(errors.join("; "));
      if (i >= warmup) runs.push(b);
    }
    return {
      task: "page",
      warmup,
      runs,
      // The first report on screen: the build's report of the seeds when the page could show it
      // (shown_kind says which), else the worker's own analysis.
      shown_kind: runs.map((b) => b.kind),
      nav_to_screen_ms: runs.map((b) => b.painted),
      wasm_init_ms: runs.map((b) => b.ready - b.worker),
      // Negative when the report was on screen before the WebAssembly was ready.
      ready_to_screen_ms: runs.map((b) => b.painted - b.ready),
      // The worker's own analysis on screen, or found equal to the report on screen (check: "same").
      nav_to_live_ms: runs.map((b) => b.livePainted),
      ready_to_live_ms: runs.map((b) => b.livePainted - b.ready),
      live_check: runs.map((b) => b.check),
      worker_created_ms: runs.map((b) => b.worker),
      worker_analyze_ms: runs.map((b) => b.workerMs),
      peak_rss_kb: peak,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Times one task in a fresh browser. The page fetches `file` from the server, whose folder is
 * `root`; a file outside it (the evaluation data next to the project) is read here and handed to
 * the page as text.
 */
export async function runTask(playwright, baseUrl, { task, file, root, warmup, reps, timeoutMs }) {
  const served = relative(root, file);
  const spec = served.startsWith("..") ? { task, text: readFileSync(file, "utf8") } : { task, file: `/${served}` };
  const browser = await launch(playwright);
  // Closing the browser makes the pending page.evaluate fail, which ends the task.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    browser.close().catch(() => {});
  }, timeoutMs ?? 2 ** 31 - 1);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}bench/page/index.html`);
    await page.waitForFunction(() => window.bench, null, { timeout: 30000 });
    const loaded = await page.evaluate((s) => window.bench.load(s), spec);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    // A full collection after every run, outside the timing: the runs share one page, and a
    // report the page has already dropped (100 MB of objects at 1,000 articles) is otherwise
    // still on the heap, uncollected, while the next run builds its own, so the peak grew with
    // the number of runs and with when V8 happened to collect (issue 9). Each run then starts
    // from the heap a fresh page would have, and the peak is that of one analysis.
    const collect = () => cdp.send("HeapProfiler.collectGarbage");
    // WebAssembly tiers up as it runs (see `warmMore`): warmed up until steady.
    const warm = [];
    while (warmMore(warm, warmup)) {
      warm.push((await page.evaluate(() => window.bench.run())).ms);
      await collect();
    }
    const runs = [];
    const cpu = [];
    let out;
    for (let i = 0; i < Math.max(reps, 1); i++) {
      const before = await threadTimeMs(cdp);
      const r = await page.evaluate(() => window.bench.run());
      const after = await threadTimeMs(cdp);
      await collect();
      runs.push(r.ms);
      if (before !== null && after !== null) cpu.push(after - before);
      out = r.out;
    }
    const memory = await page.evaluate(() => window.bench.memory());
    if (errors.length) throw new Error(errors.join("; "));
    return {
      task,
      runs_ms: runs,
      cpu_ms: cpu,
      warmup: warm.length,
      peak_rss_kb: await rendererPeakKb(browser),
      wasm_bytes: memory.wasmBytes,
      js_heap_bytes: memory.jsHeapUsed,
      init_ms: loaded.initMs,
      detail: { ...loaded.detail, out },
    };
  } catch (e) {
    if (timedOut) throw Object.assign(new Error(`stopped after ${timeoutMs} ms`), { name: "BenchTimeout" });
    throw e;
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => {});
  }
}
