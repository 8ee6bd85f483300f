// "parallax" in browsers and bundlers: loaded on import.
export * from "./types.js";
export * from "./api.js";
export { createAnalyzer } from "./analyzer.js";
export type { Analyzer, AnalyzerOptions, CallOptions } from "./analyzer.js";
