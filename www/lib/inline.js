// `import { analyze } from "parallax/inline"`: the WebAssembly travels inside this JavaScript
// (base64), for hosts that cannot serve a .wasm file or fetch one (`connect-src 'none'`). It costs
// about a third more bytes than the file. The module is compiled once and shared with workers.
import { init } from "./core.js";
import { createAnalyzer as create } from "./analyzer.js";
import base64 from "./wasm-inline.js";

export { analyze, init, isReady, presetConfig, resolveConfig, strip, version } from "./core.js";

function decode(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The compiled WebAssembly of this package. */
export const wasmModule = await WebAssembly.compile(decode(base64));
await init(wasmModule);

/** `createAnalyzer` whose workers get the inlined module instead of fetching the file. */
export function createAnalyzer(options = {}) {
  return create({ wasm: wasmModule, ...options });
}
