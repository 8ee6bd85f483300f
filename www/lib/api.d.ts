// The core's functions that every entry point exports ("parallax" in browsers, bundlers and
// Node, "parallax/inline"), listed once. Each entry adds how it loads the WebAssembly.
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
