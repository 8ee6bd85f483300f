// What the page's analysis runs on, in one place for the two programs that run it: the page's
// worker (worker.js) and the build (scripts/bundle-seeds.mjs), which analyzes the seeds ahead of
// time with the same WebAssembly, the same language packs and the same settings, so that the page
// can show that report while its worker starts (DESIGN.md, "The page: the seeds' analysis from
// the build"). Plain functions over plain data; the WebAssembly's functions are passed in.

/** The settings a first visit starts with. */
export const DEFAULT_SETTINGS = Object.freeze({ preset: "balanced", strip_boilerplate: true });

/**
 * The request the page sends for its sources: the sources that have text, as the analysis reads
 * them, and the settings. `picked` are the page's own source objects behind `sources`, in order.
 */
export function analysisInput(sources, settings) {
  const picked = sources.filter((s) => s.text.trim().length > 0);
  return {
    picked,
    input: {
      sources: picked.map((s, k) => ({
        name: s.name || `Source ${k + 1}`,
        text: s.text,
        overrides: s.overrides || [],
        ...(s.html ? { html: s.html } : {}),
      })),
      config: { ...settings },
    },
  };
}

/** A preset's settings with the person's own settings on top (`presetConfig` from the WASM). */
export function settingsFor(config, presetConfig) {
  if (!config) return undefined;
  const { preset, ...rest } = config;
  return { ...(preset ? presetConfig(preset) : {}), ...rest };
}

/**
 * Loads every pack of `all` (the file of all packs, scripts/packs.mjs; each pack starts at its
 * "@@ pack <code>" line) that the WASM knows; `wasm` gives `languagePacks` and `loadLanguagePack`.
 */
export function loadPacks(all, wasm) {
  const available = wasm.languagePacks().available;
  for (const pack of all.split(/^(?=@@ pack )/m)) {
    const code = pack.match(/^@@ pack ([a-z]+)/)?.[1];
    if (code && available.includes(code)) wasm.loadLanguagePack(code, pack);
  }
}

/**
 * The SHA-256 of bytes or a string, as hex; null where the browser offers no `crypto.subtle`
 * (a page served over plain HTTP from another machine), which only means no bundled report.
 */
export async function sha256(data) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) return null;
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
