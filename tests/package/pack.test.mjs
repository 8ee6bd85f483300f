// The package as a stranger gets it: `npm pack` of dist/npm, installed offline from the tarball
// into a new project, then used from Node, from TypeScript, from a plain page with no bundler
// (through an import map, and the inline build under a policy that forbids fetching), and from a
// Vite app. Needs `npm run package` first (scripts/test.sh does it).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { CHROMIUM_ARGS } from "../e2e/harness.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist", "npm");
const seeds = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ""), text: readFileSync(join(root, "seeds", f), "utf8") }));

let app; // the temporary project
let browser;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const write = (path, text) => {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
};

before(async () => {
  assert.ok(existsSync(join(dist, "package.json")), "dist/npm is missing: run npm run package first");
  app = mkdtempSync(join(tmpdir(), "parallax-pack-"));
  const tgz = run("npm", ["pack", "--silent", "--pack-destination", app], dist).trim().split("\n").pop();
  write(join(app, "package.json"), JSON.stringify({ name: "host-app", private: true, type: "module" }));
  // --offline: nothing may come from a registry; the tarball has no dependencies.
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(app, tgz)], app);
  write(join(app, "seeds.json"), JSON.stringify(seeds));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  if (browser) await browser.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

test("the tarball holds the package and nothing of the build", () => {
  const files = run("tar", ["-tzf", join(app, readdirSync(app).find((f) => f.endsWith(".tgz")))], app).trim().split("\n");
  for (const f of ["package.json", "README.md", "pkg/parallax_bg.wasm", "pkg/parallax.js", "lib/index.js", "lib/node.js", "lib/element.js", "lib/index.d.ts", "lib/data.d.ts", "lib/wasm-inline.js", "render.js", "views.css"]) {
    assert.ok(files.includes(`package/${f}`), `${f} is in the tarball`);
  }
  assert.ok(!files.some((f) => /\.(rs|toml|test\.mjs)$/.test(f)), files.join(" "));
  const readme = readFileSync(join(app, "node_modules", "parallax", "README.md"), "utf8");
  assert.match(readme, /Content-Security-Policy/);
});

test("Node: import { analyze, strip, createAnalyzer } from \"parallax\"", () => {
  write(
    join(app, "use.mjs"),
    `import { readFileSync } from "node:fs";
import { analyze, strip, createAnalyzer, version } from "parallax";
const seeds = JSON.parse(readFileSync("seeds.json", "utf8"));
const report = analyze(seeds, { preset: "strict" });
const worker = createAnalyzer();
const fromWorker = await worker.analyze(seeds, { preset: "strict" });
worker.terminate();
console.log(JSON.stringify({
  version: version(),
  names: report.sources.map((s) => s.name),
  same: JSON.stringify(report) === JSON.stringify(fromWorker),
  removed: strip(seeds[4].text).blocks.filter((b) => b.kind === "boilerplate").map((b) => b.text),
}));
`,
  );
  const out = JSON.parse(run("node", ["use.mjs"], app));
  assert.match(out.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(out.names, seeds.map((s) => s.name));
  assert.equal(out.same, true);
  assert.ok(out.removed.includes("Share This Article"));
});

test("TypeScript: the types resolve for bundlers and Node and match real reports", async () => {
  const px = await import(new URL("lib/node.js", `file://${dist}/`).href);
  const report = px.analyze(seeds);
  // Object literals get excess-property checks: a field that Rust adds to the report and the
  // types lack fails here, and so does a field the types promise and the report lacks.
  write(
    join(app, "ts", "shapes.ts"),
    `import type { FullConfig, Report, Stripped } from "parallax";
export const report: Report = ${JSON.stringify(sample(report))};
export const config: FullConfig = ${JSON.stringify(px.presetConfig("strict"))};
export const stripped: Stripped = ${JSON.stringify(sample(px.strip(seeds[4].text)))};
`,
  );
  write(
    join(app, "ts", "use.ts"),
    `import { analyze, createAnalyzer, type Report, type Source } from "parallax";
import { mount, type ParallaxCompare } from "parallax/element";
import { init, strip } from "parallax/core";
const sources: Source[] = [{ name: "a", text: "One." }, { name: "b", text: "Two." }];
const report: Report = analyze(sources, { preset: "strict", paraphrase_min: 0.5 });
const names: string[] = report.sources.map((s) => s.name);
const analyzer = createAnalyzer();
const later: Promise<Report> = analyzer.analyze(sources, undefined, { signal: new AbortController().signal });
const el: ParallaxCompare = document.createElement("parallax-compare");
el.sources = sources;
el.addEventListener("parallax-done", (e) => console.log(e.detail.report.matrix, e.detail.ms));
const compare = mount(document.createElement("div"), { sources, config: { preset: "lenient" } });
await init(new URL("https://example.org/parallax_bg.wasm"));
console.log(names, later, compare.report, strip("x").blocks.length);
// @ts-expect-error: presets are a closed set
analyze(sources, { preset: "sloppy" });
`,
  );
  write(
    join(app, "ts", "node.ts"),
    `import { analyze, wasmUrl, initSync } from "parallax";
const url: URL = wasmUrl;
initSync(new Uint8Array(0));
console.log(url, analyze([{ name: "a", text: "x" }]).version);
`,
  );
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const common = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false, skipDefaultLibCheck: true };
  write(join(app, "tsconfig.bundler.json"), JSON.stringify({ compilerOptions: { ...common, module: "esnext", moduleResolution: "bundler" }, files: ["ts/shapes.ts", "ts/use.ts"] }));
  write(join(app, "tsconfig.node.json"), JSON.stringify({ compilerOptions: { ...common, module: "node16", moduleResolution: "node16" }, files: ["ts/node.ts"] }));
  for (const config of ["tsconfig.bundler.json", "tsconfig.node.json"]) {
    try {
      run("node", [tsc, "-p", config], app);
    } catch (e) {
      assert.fail(`tsc -p ${config}:\n${e.stdout}${e.stderr}`);
    }
  }
});

/** The shape of a value: its keys and the kinds of their values, recursively. */
const shape = (v) =>
  v === null ? "null" : Array.isArray(v) ? `[${[...new Set(v.map(shape))].sort()}]` : typeof v === "object" ? `{${Object.keys(v).map((k) => `${k}:${shape(v[k])}`)}}` : typeof v;

/**
 * A smaller copy of `v` with every shape it has: of each array only one element per distinct
 * shape is kept, so that tsc checks every field and null/non-null variant in seconds.
 */
function sample(v) {
  // Short arrays may be tuples (`[SentenceRef; 2]`): they stay whole.
  if (Array.isArray(v) && v.length <= 4) return v.map(sample);
  if (Array.isArray(v)) {
    const seen = new Map();
    for (const x of v) if (!seen.has(shape(x))) seen.set(shape(x), sample(x));
    return [...seen.values()];
  }
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sample(x)]));
  return v;
}

/** Opens `path` of a server over `dir`; returns the page, its errors and its requests. */
async function open(dir, path) {
  const { server, url } = await serve({ port: 0, root: dir, quiet: true });
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url + path);
  return { page, errors, requests, close: async () => (await page.close(), await new Promise((ok) => server.close(ok))) };
}

/** The check every page below runs: analyze on the main thread, in a worker, and the element. */
const PAGE_CHECK = `
const seeds = await (await fetch("./seeds.json")).json();
const direct = analyze(seeds);
const worker = createAnalyzer(WORKER_OPTIONS);
const viaWorker = await worker.analyze(seeds);
// German number words come from the German language pack, which the worker loads by itself.
const german = await worker.analyze([
  { name: "a", text: "Die Regierung bewilligte am Montag drei Millionen Euro für die neue Brücke, sagte der Minister." },
  { name: "b", text: "Die Regierung bewilligte am Montag vier Millionen Euro für die neue Brücke, sagte der Minister." },
]);
const el = document.createElement("parallax-compare");
const done = new Promise((ok) => el.addEventListener("parallax-done", (e) => ok(e.detail.report)));
el.sources = seeds.slice(0, 3);
document.body.append(el);
const shown = await done;
window.__result = {
  sources: direct.sources.length,
  same: JSON.stringify(direct) === JSON.stringify(viaWorker),
  removed: strip(seeds[4].text).blocks.some((b) => b.kind === "boilerplate"),
  element: shown.sources.length,
  views: el.shadowRoot.querySelectorAll(".px-view").length,
  germanConflicts: german.conflicts.length,
  packWarnings: german.warnings.filter((w) => w.includes("language pack") || w.includes("stemmer pack")).length,
};
`;

test("a plain page imports \"parallax\" through an import map, no bundler", async () => {
  write(
    join(app, "plain.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">{"imports": {"parallax": "./node_modules/parallax/lib/index.js", "parallax/element": "./node_modules/parallax/lib/element.js"}}</script>
<script type="module">
import { analyze, strip, createAnalyzer } from "parallax";
import "parallax/element";
const WORKER_OPTIONS = undefined;
${PAGE_CHECK}
</script></head><body></body></html>`,
  );
  const { page, errors, requests, close } = await open(app, "plain.html");
  try {
    const result = await page.waitForFunction(() => window.__result, null, { timeout: 20000 });
    assert.deepEqual(await result.jsonValue(), { sources: 5, same: true, removed: true, element: 3, views: 1, germanConflicts: 1, packWarnings: 0 });
    assert.deepEqual(errors, []);
    // issue_3: the German sources made the worker fetch the German pack and the stemmer pack
    // (issue 8), and no other.
    assert.deepEqual(requests.filter((r) => r.includes("/pkg/lang/")).map((r) => r.split("/").pop()), ["de.txt", "stem.txt"]);
  } finally {
    await close();
  }
});

test("the inline build needs no .wasm file and no fetch permission", async () => {
  write(
    join(app, "inline.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; connect-src 'none'">
<script type="module" src="inline.js"></script></head><body></body></html>`,
  );
  // The seeds come in as a module rather than by fetch, so the page itself fetches nothing.
  write(join(app, "seeds.js"), `export default ${JSON.stringify(seeds)};`);
  write(
    join(app, "inline.js"),
    `import { analyze, strip, createAnalyzer, wasmModule } from "./node_modules/parallax/lib/inline.js";
import { configure } from "./node_modules/parallax/lib/element.js";
import seedList from "./seeds.js";
configure({ wasm: wasmModule });
const WORKER_OPTIONS = undefined;
${PAGE_CHECK.replace('await (await fetch("./seeds.json")).json()', "seedList")}`,
  );
  const { page, errors, requests, close } = await open(app, "inline.html");
  try {
    const result = await page.waitForFunction(() => window.__result, null, { timeout: 20000 });
    assert.deepEqual(await result.jsonValue(), { sources: 5, same: true, removed: true, element: 3, views: 1, germanConflicts: 1, packWarnings: 0 });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((r) => r.endsWith(".wasm")), []);
  } finally {
    await close();
  }
});

test("a Vite app builds with the package and runs it", async () => {
  const site = join(app, "vite-app");
  write(join(site, "index.html"), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head><body></body></html>`);
  write(
    join(site, "main.js"),
    `import { analyze, strip, createAnalyzer } from "parallax";
import "parallax/element";
const WORKER_OPTIONS = undefined;
${PAGE_CHECK}`,
  );
  write(join(site, "public", "seeds.json"), JSON.stringify(seeds));
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  try {
    run("node", [vite, "build", "--logLevel", "warn"], site);
  } catch (e) {
    assert.fail(`vite build:\n${e.stdout}${e.stderr}`);
  }
  const built = readdirSync(join(site, "dist", "assets"));
  assert.ok(built.some((f) => f.endsWith(".wasm")), `Vite emits the WebAssembly: ${built}`);
  const { page, errors, close } = await open(join(site, "dist"), "index.html");
  try {
    const result = await page.waitForFunction(() => window.__result, null, { timeout: 20000 });
    assert.deepEqual(await result.jsonValue(), { sources: 5, same: true, removed: true, element: 3, views: 1, germanConflicts: 1, packWarnings: 0 });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("the same Vite app runs on Vite's dev server, which pre-bundles the package", async () => {
  const site = join(app, "vite-app");
  assert.ok(existsSync(join(site, "main.js")), "the build test wrote the app");
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const server = spawn("node", [vite, "--port", "0", "--strictPort", "false", "--host", "127.0.0.1"], { cwd: site, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise((ok, fail) => {
      let out = "";
      const timer = setTimeout(() => fail(new Error(`vite dev did not start:\n${out}`)), 60000);
      const read = (chunk) => {
        out += chunk;
        const m = out.replace(/\x1b\[[0-9;]*m/g, "").match(/Local:\s+(http:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      };
      server.stdout.on("data", read);
      server.stderr.on("data", read);
      server.on("exit", (code) => fail(new Error(`vite dev exited with ${code}:\n${out}`)));
    });
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(url);
      const result = await page.waitForFunction(() => window.__result, null, { timeout: 60000 });
      assert.deepEqual(await result.jsonValue(), { sources: 5, same: true, removed: true, element: 3, views: 1, germanConflicts: 1, packWarnings: 0 });
      // The element's stylesheets are found from the pre-bundled copy too.
      const sheets = await page.evaluate(() =>
        [...document.querySelector("parallax-compare").shadowRoot.querySelectorAll("link")].map((l) => (l.sheet ? l.sheet.cssRules.length : 0)),
      );
      assert.ok(sheets.every((n) => n > 0), `stylesheet rules: ${sheets}`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  } finally {
    server.kill();
  }
});
