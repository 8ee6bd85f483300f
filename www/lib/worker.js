// The Web Worker behind `createAnalyzer()`: loads the WebAssembly once, then answers calls in
// the order they arrive (protocol in client.js), each after the language packs it needs.
import { analyze, init as initCore, loadLanguages, presetConfig, setLanguagePacks, strip, version } from "./core.js";
import { serve } from "./client.js";

function init(wasm, packs) {
  if (packs !== undefined) setLanguagePacks(packs);
  return initCore(wasm);
}

self.onmessage = ((handle) => (event) => handle(event.data))(
  serve({ init, analyze, strip, presetConfig, version, loadLanguages }, (msg) => self.postMessage(msg)),
);
