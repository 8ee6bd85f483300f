// The Web Worker behind `createAnalyzer()`: loads the WebAssembly once, then answers calls in
// the order they arrive (protocol in client.js).
import { analyze, init, presetConfig, strip, version } from "./core.js";
import { serve } from "./client.js";

self.onmessage = ((handle) => (event) => handle(event.data))(
  serve({ init, analyze, strip, presetConfig, version }, (msg) => self.postMessage(msg)),
);
