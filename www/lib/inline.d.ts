// "parallax/inline": the WebAssembly inside the JavaScript, loaded on import.
export * from "./types.js";
export * from "./api.js";
export { createAnalyzer } from "./analyzer.js";
export type { Analyzer, AnalyzerOptions, CallOptions } from "./analyzer.js";
/** The compiled WebAssembly of this package (pass it as `wasm` to `mount` or `createAnalyzer`). */
export const wasmModule: WebAssembly.Module;
