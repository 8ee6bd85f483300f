// The package's functions over the wasm-bindgen glue, without loading anything: `init` chooses
// where the WebAssembly comes from (a URL, bytes, a compiled module or a Response), and every
// other function throws a clear error until it has. The entry points (`index.js` for browsers
// and bundlers, `node.js`, `inline.js`) call `init` for you; import this module directly
// (`parallax/core`) to decide yourself.
import load, {
  initSync as loadSync,
  analyze as wasmAnalyze,
  strip as wasmStrip,
  presetConfig as wasmPresetConfig,
  version as wasmVersion,
} from "../pkg/parallax.js";

let loading = null;
let ready = false;

function loadFailed(e, wasm) {
  const where = typeof wasm === "string" || (typeof URL === "function" && wasm instanceof URL) ? ` from ${wasm}` : "";
  const why = e && e.message ? e.message : String(e);
  return new Error(`parallax could not load its WebAssembly${where}: ${why}`, { cause: e });
}

/**
 * Loads the WebAssembly. `wasm` is a URL (string or `URL`), a `Response` or a promise of one,
 * bytes (`ArrayBuffer`, typed array), or a compiled `WebAssembly.Module`; without it the file
 * `parallax_bg.wasm` next to the glue is fetched. Once loaded, later calls do nothing.
 */
export function init(wasm) {
  if (ready) return Promise.resolve();
  if (!loading) {
    loading = load(wasm === undefined ? undefined : { module_or_path: wasm }).then(
      () => {
        ready = true;
      },
      (e) => {
        loading = null;
        throw loadFailed(e, wasm);
      },
    );
  }
  return loading;
}

/**
 * Loads the WebAssembly synchronously from bytes or a compiled `WebAssembly.Module`. Browsers
 * refuse to compile more than a few kilobytes synchronously on the main thread, so this is for
 * Node and workers; pages use `init`.
 */
export function initSync(wasm) {
  if (ready) return;
  try {
    loadSync({ module: wasm });
  } catch (e) {
    throw loadFailed(e);
  }
  ready = true;
}

/** Whether the WebAssembly is loaded. */
export function isReady() {
  return ready;
}

function whenReady(f) {
  return (...args) => {
    if (!ready) {
      throw new Error('parallax is not loaded yet: await init() first, or import from "parallax", which loads it for you');
    }
    return f(...args);
  };
}

/**
 * Settings for one analysis: `config` is a partial `Config`, optionally with `preset`
 * ("strict", "balanced" or "lenient") whose values the other fields then override.
 */
export const resolveConfig = whenReady((config) => {
  if (config === undefined || config === null) return undefined;
  if (typeof config !== "object" || Array.isArray(config)) throw new Error("config must be an object of settings");
  const { preset, ...rest } = config;
  return preset === undefined ? rest : { ...wasmPresetConfig(preset), ...rest };
});

/** Analyzes `sources` (`[{name, text, overrides?}]`) and returns the report. */
export const analyze = whenReady((sources, config) => wasmAnalyze(sources, resolveConfig(config)));

/** Classifies the lines of one pasted text as body, metadata or boilerplate. */
export const strip = whenReady((text, config) => {
  if (typeof text !== "string") throw new Error("strip takes the pasted text as a string");
  return wasmStrip(text, resolveConfig(config));
});

/** The full settings of a preset: "strict", "balanced" or "lenient". */
export const presetConfig = whenReady((name) => wasmPresetConfig(name));

/** The version of parallax. */
export const version = whenReady(() => wasmVersion());
