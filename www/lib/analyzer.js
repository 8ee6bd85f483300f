// `createAnalyzer()` for browsers and bundlers: the analysis runs in a module Web Worker, so the
// page stays responsive; every method returns a promise, and calls can be cancelled.
import { Analyzer } from "./client.js";

/**
 * Starts a worker. Options:
 * - `wasm`: where the worker loads the WebAssembly from (a URL, bytes or a compiled
 *   `WebAssembly.Module`); by default the file next to the glue;
 * - `workerUrl`: the worker script, when the package's `worker.js` is served from elsewhere;
 * - `languagePacks`: where the worker fetches language packs (a folder URL holding `<code>.txt`)
 *   or the packs themselves (an object of texts by code); by default the `lang/` folder next to
 *   the WebAssembly. Each call loads only the packs its texts need.
 */
export function createAnalyzer({ wasm, workerUrl, languagePacks } = {}) {
  if (wasm instanceof URL) wasm = wasm.href;
  return new Analyzer(() => {
    // Written out in full so that bundlers (Vite, webpack) recognise the worker and ship it.
    const worker = workerUrl
      ? new Worker(workerUrl, { type: "module" })
      : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    return {
      post: (msg) => worker.postMessage(msg),
      stop: () => worker.terminate(),
      listen(onMessage, onError) {
        worker.onmessage = (event) => onMessage(event.data);
        worker.onerror = (event) => {
          event.preventDefault();
          onError(event.message || "the worker script could not be loaded");
        };
      },
    };
  }, wasm, languagePacks);
}
