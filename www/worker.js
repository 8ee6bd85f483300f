// Runs the analysis off the main thread.
// Messages in: {op: "start", module, packs, stem} — the compiled WebAssembly, the text of every
// language pack and the compiled stemmer module (or null), which the page fetched and compiled
// once (analyzer.js), or {op: "start", error}
// when it could not; and {id, op: "analyze", sources, config} or {id, op: "html", html}, which
// wait for the start.
// Messages out: {ready, version} once the WebAssembly is instantiated (the packs are loaded
// next, before any call); {id, stage} while working; {id, ok: true, result, ms} or
// {id, ok: false, error}.
import init, * as wasm from "./pkg/parallax.js";
import { loadPacks, settingsFor } from "./analysis.js";

let start;
const ready = new Promise((resolve) => (start = resolve)).then(async ({ module, packs, stem, error }) => {
  if (error) throw new Error(error);
  await init({ module_or_path: module });
  postMessage({ ready: true, version: wasm.version() });
  // Every pack, so that a text in another language later needs no request: the page works
  // offline (sw.js keeps the file of all packs and the stemmer module). Embedders load only the
  // packs their texts need (lib/core.js).
  loadPacks(packs, wasm);
  // The stemmer module, compiled by the page: without it (not fetched, or refused) texts in
  // languages other than English are analysed without stems, and each report says so.
  if (stem) {
    try {
      wasm.loadStemmerModule(stem);
    } catch (e) {
      console.warn(String(e && e.message ? e.message : e));
    }
  }
});
// A failed start is reported with each call below.
ready.catch(() => {});

onmessage = async (event) => {
  const { id, op } = event.data;
  if (op === "start") {
    start(event.data);
    return;
  }
  try {
    await ready;
    const started = performance.now();
    let result;
    if (op === "analyze") {
      postMessage({ id, stage: "analyzing" });
      result = wasm.analyze(event.data.sources, settingsFor(event.data.config, wasm.presetConfig));
    } else if (op === "html") {
      result = wasm.htmlToText(event.data.html);
    } else {
      throw new Error(`unknown operation ${op}`);
    }
    postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (e) {
    postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
