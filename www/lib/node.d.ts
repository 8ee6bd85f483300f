// "parallax" in Node: loaded on import from the package's folder.
export * from "./types.js";
export * from "./api.js";
export { initSync } from "./core.js";
export type { Analyzer, CallOptions } from "./analyzer.js";
import type { Analyzer } from "./analyzer.js";

/** The WebAssembly file of this package. */
export const wasmUrl: URL;
/** Starts a worker thread that runs the analysis off the event loop. */
export function createAnalyzer(options?: { wasm?: BufferSource | WebAssembly.Module; languagePacks?: Record<string, string> }): Analyzer;
