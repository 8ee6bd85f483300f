// The package's functions over the wasm-bindgen glue, without loading anything: `init` chooses
// where the WebAssembly comes from (a URL, bytes, a compiled module or a Response), and every
// other function throws a clear error until it has. The entry points (`index.js` for browsers
// and bundlers, `node.js`, `inline.js`) call `init` for you; import this module directly
// (`parallax/core`) to decide yourself.
import load, {
  initSync as loadSync,
  analyze as wasmAnalyze,
  stripPacked as wasmStripPacked,
  stripCodes as wasmStripCodes,
  presetConfig as wasmPresetConfig,
  version as wasmVersion,
  languagesNeeded as wasmLanguagesNeeded,
  loadLanguagePack as wasmLoadLanguagePack,
  languagePacks as wasmLanguagePacks,
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

// Language packs: the word lists of languages other than English are not in the WebAssembly;
// each is a small text file, `lang/<code>.txt` next to it, loaded when a text needs it. So are
// their stemmers, all in one pack (`lang/stem.txt`, code `stem`), which the WebAssembly starts.

/**
 * The packs next to the glue, written out one by one so that bundlers (Vite, webpack) see each
 * file and ship it; tests/package checks the list against the WebAssembly's.
 */
const PACK_FILES = {
  de: () => new URL("../pkg/lang/de.txt", import.meta.url),
  es: () => new URL("../pkg/lang/es.txt", import.meta.url),
  fr: () => new URL("../pkg/lang/fr.txt", import.meta.url),
  it: () => new URL("../pkg/lang/it.txt", import.meta.url),
  nl: () => new URL("../pkg/lang/nl.txt", import.meta.url),
  pl: () => new URL("../pkg/lang/pl.txt", import.meta.url),
  pt: () => new URL("../pkg/lang/pt.txt", import.meta.url),
  ru: () => new URL("../pkg/lang/ru.txt", import.meta.url),
  sv: () => new URL("../pkg/lang/sv.txt", import.meta.url),
  tr: () => new URL("../pkg/lang/tr.txt", import.meta.url),
  // The stemmers of every language but English: a WebAssembly module, base64 in a text pack.
  stem: () => new URL("../pkg/lang/stem.txt", import.meta.url),
};

/** Where packs come from (see `setLanguagePacks`); null: the files next to the glue. */
let packSource = null;

/**
 * Where language packs come from: a folder URL (string or `URL`) holding `<code>.txt`, an object
 * of pack texts by code (`{de: "...", fr: "..."}`), or a function from a code to the text or a
 * promise of it. Texts at hand (an object, or a function that returns a string) are loaded by
 * `analyze` and `strip` themselves; others by `loadLanguages`, which `createAnalyzer` calls.
 */
export function setLanguagePacks(source) {
  const ok = typeof source === "string" || source instanceof URL || typeof source === "function" || (source && typeof source === "object");
  if (!ok) throw new Error("language packs come from a folder URL, an object of texts by code, or a function");
  packSource = typeof source === "string" ? new URL(source.endsWith("/") ? source : `${source}/`, globalThis.location?.href ?? import.meta.url) : source;
}

function packText(code) {
  const source = packSource;
  if (typeof source === "function") return source(code);
  if (source !== null && !(source instanceof URL)) {
    if (typeof source[code] !== "string") throw new Error(`no language pack '${code}' among the packs given`);
    return source[code];
  }
  const url = source === null ? PACK_FILES[code]?.() : new URL(`${code}.txt`, source);
  if (!url) return Promise.reject(new Error(`no language pack '${code}' next to the WebAssembly`));
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(`could not fetch the language pack ${url}: HTTP ${res.status}`);
    return res.text();
  });
}

/** The codes of the language packs that analysing `sources` needs and that are not loaded yet. */
export const languagesNeeded = whenReady((sources) => wasmLanguagesNeeded(sources));

/** Loads one language pack (the text of its `lang/<code>.txt`); throws on a malformed pack. */
export const loadLanguagePack = whenReady((code, text) => wasmLoadLanguagePack(code, text));

/** `{available, loaded}`: the codes of every language with a pack, and of those loaded. */
export const languagePacks = whenReady(() => wasmLanguagePacks());

/**
 * Loads every pack that `sources` need (fetching them if need be); resolves with their codes.
 * Rejects, after loading the others, if a pack cannot be had or is malformed.
 */
export async function loadLanguages(sources) {
  const codes = languagesNeeded(sources);
  const results = await Promise.allSettled(codes.map(async (code) => loadLanguagePack(code, await packText(code))));
  const failed = results.filter((r) => r.status === "rejected").map((r) => r.reason?.message ?? String(r.reason));
  if (failed.length > 0) throw new Error(failed.join("; "));
  return codes;
}

/**
 * Loads the packs `sources` need whose texts are at hand without waiting. A pack that cannot be
 * had leaves its language without those lists; the report's warnings say so.
 */
function loadAtHand(sources) {
  if (packSource === null || packSource instanceof URL) return;
  for (const code of languagesNeeded(sources)) {
    let text;
    try {
      text = packText(code);
    } catch {
      continue;
    }
    if (typeof text === "string") loadLanguagePack(code, text);
  }
}

/** Analyzes `sources` (`[{name, text, overrides?}]`) and returns the report. */
export const analyze = whenReady((sources, config) => {
  if (Array.isArray(sources)) loadAtHand(sources);
  return wasmAnalyze(sources, resolveConfig(config));
});

/** The names of the kinds and reasons by their codes in `stripPacked`, asked once. */
let stripCodes = null;

/**
 * Classifies the lines of one pasted text as body, metadata or boilerplate:
 * `{blocks: [{text, kind, reason}]}`. The WebAssembly returns three numbers per block (start and
 * end as indices into `text`, and a code for the kind and reason); the texts are sliced out of
 * `text` here rather than sent back.
 */
export const strip = whenReady((text, config) => {
  if (typeof text !== "string") throw new Error("strip takes the pasted text as a string");
  loadAtHand([{ name: "", text }]);
  const packed = wasmStripPacked(text, resolveConfig(config));
  if (stripCodes === null) stripCodes = wasmStripCodes();
  const { kinds, reasons } = stripCodes;
  const blocks = new Array(packed.length / 3);
  for (let i = 0, b = 0; i < packed.length; i += 3, b++) {
    const code = packed[i + 2];
    blocks[b] = { text: text.slice(packed[i], packed[i + 1]), kind: kinds[code & 7], reason: code >> 3 ? reasons[(code >> 3) - 1] : null };
  }
  return { blocks };
});

/** The full settings of a preset: "strict", "balanced" or "lenient". */
export const presetConfig = whenReady((name) => wasmPresetConfig(name));

/** The version of parallax. */
export const version = whenReady(() => wasmVersion());
