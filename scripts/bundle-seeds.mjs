// Writes www/gen/seeds.json from seeds/*.txt (the page's built-in example) and
// www/gen/seeds-report.json: the seeds analyzed by the release WebAssembly in www/pkg, with every
// language pack loaded and the page's first-visit settings — exactly what the page's worker does
// (www/analysis.js is shared) — keyed by the SHA-256 of the request, of the WebAssembly and of the
// packs file. The page shows it only when all three match what its own worker is about to run, and
// replaces it with the worker's own analysis if that ever differs (DESIGN.md, "The page: the
// seeds' analysis from the build"). Run after the WebAssembly and the packs are built.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analysisInput, DEFAULT_SETTINGS, loadPacks, settingsFor, sha256 } from "../www/analysis.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "seeds");
const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
const sources = [];
for (const f of files) {
  const text = await readFile(join(dir, f), "utf8");
  sources.push({ name: f.replace(/\.txt$/, ""), text });
}
const gen = join(root, "www", "gen");
await mkdir(gen, { recursive: true });
await writeFile(join(gen, "seeds.json"), JSON.stringify({ sources }));
console.error(`seeds: ${sources.length} articles → www/gen/seeds.json`);

// The page's first visit: the seeds as sources (no overrides, no markup), the default settings.
const { input } = analysisInput(sources.map((s) => ({ ...s, overrides: [] })), DEFAULT_SETTINGS);
const pkg = join(root, "www", "pkg");
const wasmBytes = await readFile(join(pkg, "parallax_bg.wasm"));
const packs = await readFile(join(pkg, "lang", "all.txt"), "utf8");
const stemBytes = await readFile(join(pkg, "lang", "stem.wasm"));
const wasm = await import(pathToFileURL(join(pkg, "parallax.js")).href);
wasm.initSync({ module: wasmBytes });
loadPacks(packs, wasm);
wasm.loadStemmerModule(new WebAssembly.Module(stemBytes));
const started = performance.now();
const report = wasm.analyze(input.sources, settingsFor(input.config, wasm.presetConfig));
const ms = performance.now() - started;
const bundle = {
  // What the report was made from; the page compares each with its own before showing it.
  input: await sha256(JSON.stringify(input)),
  wasm: await sha256(wasmBytes),
  packs: await sha256(packs),
  stem: await sha256(stemBytes),
  version: wasm.version(),
  report,
};
await writeFile(join(gen, "seeds-report.json"), JSON.stringify(bundle));
console.error(`seeds: analyzed at build time in ${ms.toFixed(0)} ms → www/gen/seeds-report.json`);
