// "parallax" in browsers and bundlers: loaded on import.
export * from "./types.js";
export {
  analyze,
  init,
  isReady,
  languagePacks,
  languagesNeeded,
  loadLanguagePack,
  loadLanguages,
  presetConfig,
  resolveConfig,
  setLanguagePacks,
  strip,
  version,
} from "./core.js";
export { createAnalyzer } from "./analyzer.js";
export type { Analyzer, AnalyzerOptions, CallOptions } from "./analyzer.js";
