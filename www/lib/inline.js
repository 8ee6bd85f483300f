// `import { analyze } from "parallax/inline"`: the WebAssembly travels inside this JavaScript
// (base64), for hosts that cannot serve a .wasm file or fetch one (`connect-src 'none'`). It costs
// about a third more bytes than the file. The module is compiled once and shared with workers;
// the language packs are inlined as texts (lang-inline.js).
import { init, setLanguagePacks } from "./core.js";
import { createAnalyzer as create } from "./analyzer.js";
import base64 from "./wasm-inline.js";
import packs from "./lang-inline.js";

export * from "./api.js";

function decode(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The compiled WebAssembly of this package. */
export const wasmModule = await WebAssembly.compile(decode(base64));
await init(wasmModule);
// The language packs travel inline too; `analyze` loads the ones a text needs.
setLanguagePacks(packs);

/** `createAnalyzer` whose workers get the inlined module and packs instead of fetching files. */
export function createAnalyzer(options = {}) {
  return create({ wasm: wasmModule, languagePacks: packs, ...options });
}
