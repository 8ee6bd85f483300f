// `import { analyze, strip } from "parallax"` in Node: the same WebAssembly as in browsers,
// read from the package's folder. `createAnalyzer()` runs the analysis in a worker thread, so a
// server's event loop stays free during long analyses.
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { Analyzer } from "./client.js";
import { initSync, setLanguagePacks } from "./core.js";
import { readPack } from "./node-packs.js";

export * from "./api.js";
export { initSync } from "./core.js";

/** The WebAssembly file of this package. */
export const wasmUrl = new URL("../pkg/parallax_bg.wasm", import.meta.url);

initSync(readFileSync(wasmUrl));
// Each analysis reads the language packs it needs from the package's folder, synchronously.
setLanguagePacks(readPack);

/**
 * Starts a worker thread; options: `wasm` (bytes or a compiled module; by default this package's
 * file) and `languagePacks` (an object of pack texts by code; by default the package's files).
 */
export function createAnalyzer({ wasm, languagePacks } = {}) {
  return new Analyzer(() => {
    const worker = new Worker(new URL("./node-worker.js", import.meta.url));
    // An idle worker must not keep a script from exiting; a call in flight holds it open.
    worker.unref();
    let open = 0;
    return {
      post(msg) {
        if (msg.id !== undefined && open++ === 0) worker.ref();
        worker.postMessage(msg);
      },
      stop: () => worker.terminate(),
      listen(onMessage, onError) {
        worker.on("message", (msg) => {
          onMessage(msg);
          if (msg.id !== undefined && --open === 0) worker.unref();
        });
        worker.on("error", (e) => onError(e && e.message));
        worker.on("exit", (code) => code !== 0 && onError(`exit code ${code}`));
      },
    };
  }, wasm, languagePacks);
}
