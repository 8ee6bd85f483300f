// Runs the analysis off the main thread. Messages in: {id, op: "analyze", sources, config} or
// {id, op: "html", html}. Messages out: {ready, version} once; {id, stage} while working;
// {id, ok: true, result, ms} or {id, ok: false, error}.
import init, { analyze, htmlToText, languagePacks, loadLanguagePack, presetConfig, version } from "./pkg/parallax.js";

const ready = init().then(() => postMessage({ ready: true, version: version() }));

// The page loads every language pack with its first analysis, while it loads, so that pasting a
// text in another language later makes no request (the page works offline; sw.js keeps the
// file of all packs). Embedders load only the packs their texts need (lib/core.js).
let packs = null;
function loadAllPacks() {
  packs ??= fetch(new URL("./pkg/lang/all.txt", import.meta.url))
    .then((res) => (res.ok ? res.text() : ""))
    .then((all) => {
      // Every pack in one file (scripts/packs.mjs), each from its "@@ pack <code>" line.
      for (const pack of all.split(/^(?=@@ pack )/m)) {
        const code = pack.match(/^@@ pack ([a-z]+)/)?.[1];
        if (code && languagePacks().available.includes(code)) loadLanguagePack(code, pack);
      }
    })
    // A pack that cannot be had leaves its language without those lists; the report says so.
    .catch(() => {});
  return packs;
}

/** A preset's settings with the person's own settings on top. */
function settings(config) {
  if (!config) return undefined;
  const { preset, ...rest } = config;
  return { ...(preset ? presetConfig(preset) : {}), ...rest };
}

onmessage = async (event) => {
  const { id, op } = event.data;
  try {
    await ready;
    if (op === "analyze") await loadAllPacks();
    const started = performance.now();
    let result;
    if (op === "analyze") {
      postMessage({ id, stage: "analyzing" });
      result = analyze(event.data.sources, settings(event.data.config));
    } else if (op === "html") {
      result = htmlToText(event.data.html);
    } else {
      throw new Error(`unknown operation ${op}`);
    }
    postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (e) {
    postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
