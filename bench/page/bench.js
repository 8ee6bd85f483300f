// The in-page half of the Chromium benchmark. bench/browser.mjs calls `window.bench.load(spec)`
// once, then `window.bench.run()` once per run, so that it can read the renderer's CPU time
// between runs; every duration here is performance.now() inside the page.
import init, * as parallax from "/www/pkg/parallax.js";
// Stripping goes through the package's function, as callers use it: the WebAssembly returns the
// blocks packed and lib/core.js builds the objects.
import { init as initCore, strip } from "/www/lib/core.js";

let wasm = null;
let task = null;

function pages(json) {
  const map = json.output ?? json;
  return Object.keys(map).sort().map((k) => map[k].articleBody);
}

// Each task does what the page does: strings in, plain JS objects out (serde-wasm-bindgen's
// conversion is part of the cost a person waits for).
const TASKS = {
  tokenize: async (body) => {
    const text = body;
    if (typeof parallax.tokenize !== "function") throw new Error("www/pkg has no tokenize export");
    const bytes = new TextEncoder().encode(text).length;
    return { detail: { bytes }, run: () => parallax.tokenize(text).length };
  },
  strip: async (body) => {
    const texts = pages(JSON.parse(body));
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    return { detail: { pages: texts.length, bytes }, run: () => texts.reduce((n, t) => n + strip(t).blocks.length, 0) };
  },
  analyze: async (body) => {
    const sources = JSON.parse(body);
    const bytes = sources.reduce((n, s) => n + new TextEncoder().encode(s.text).length, 0);
    return {
      detail: { articles: sources.length, bytes },
      run: () => parallax.analyze(sources).sources.reduce((n, s) => n + s.sentences.length, 0),
    };
  },
};

window.bench = {
  // The input comes as `text` when it lives outside the served folder (the evaluation data),
  // otherwise it is fetched from `file`.
  async load({ task: name, file, text }) {
    const t0 = performance.now();
    wasm = await init();
    // The same instance: the glue loads the module once.
    await initCore();
    const initMs = performance.now() - t0;
    task = await TASKS[name](text ?? (await (await fetch(file)).text()));
    return { initMs, detail: task.detail };
  },
  run() {
    const t0 = performance.now();
    const out = task.run();
    return { ms: performance.now() - t0, out };
  },
  memory() {
    return {
      wasmBytes: wasm.memory.buffer.byteLength,
      jsHeapUsed: performance.memory ? performance.memory.usedJSHeapSize : null,
    };
  },
};
window.dispatchEvent(new Event("bench-ready"));
