// The npm package in Node (dist/npm, made by `npm run package`): the same WebAssembly as in
// browsers, loaded on import; the worker API on worker threads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const px = await import(new URL("dist/npm/lib/node.js", `file://${root}`).href);
const seeds = readdirSync(`${root}seeds`)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ""), text: readFileSync(`${root}seeds/${f}`, "utf8") }));

const shared = (report) => report.sources.flatMap((s) => s.sentences).filter((s) => s.best_relation !== "unique").length;

test("the package analyzes the five seeds on import, with no init call", () => {
  assert.equal(px.isReady(), true);
  const report = px.analyze(seeds);
  assert.equal(report.version, px.version());
  assert.deepEqual(report.sources.map((s) => s.name), seeds.map((s) => s.name));
  assert.equal(report.matrix.length, 5);
  for (let i = 0; i < 5; i++) {
    assert.equal(report.matrix[i][i], 0);
    for (let j = 0; j < 5; j++) assert.equal(report.matrix[i][j], report.matrix[j][i]);
  }
  for (const s of report.sources) {
    assert.ok(s.sentences.length > 3, `${s.name} has sentences`);
    for (const x of [s.divergence, s.unique_share, s.omitted_share]) assert.ok(x >= 0 && x <= 1);
  }
  // The last seed is pasted with page chrome; the package strips it like the page does.
  const last = seeds[4].text;
  const removed = report.sources[4].blocks.filter((b) => b.kind === "boilerplate").map((b) => last.slice(b.span.start, b.span.end));
  assert.ok(removed.includes("Share This Article"), `removed: ${removed}`);
});

test("strip, presets and settings", () => {
  const stripped = px.strip(seeds[4].text);
  assert.ok(stripped.blocks.some((b) => b.kind === "boilerplate" && b.text === "Share This Article"));
  const strict = px.presetConfig("strict");
  const lenient = px.presetConfig("lenient");
  assert.ok(strict.paraphrase_min > lenient.paraphrase_min);
  // `preset` inside a config, with a field of its own on top.
  assert.deepEqual(px.resolveConfig({ preset: "strict", vocabulary_weight: 0.2 }), { ...strict, vocabulary_weight: 0.2 });
  const looser = shared(px.analyze(seeds, { preset: "lenient" }));
  const stricter = shared(px.analyze(seeds, { preset: "strict" }));
  assert.ok(stricter <= looser, `strict ${stricter} vs lenient ${looser}`);
  assert.throws(() => px.presetConfig("sloppy"), /unknown preset 'sloppy'/);
  assert.throws(() => px.analyze(seeds, { preset: "sloppy" }), /unknown preset/);
});

test("strip slices each block out of the text, whatever its characters", () => {
  // Characters of one, two and four UTF-8 bytes and two UTF-16 units: the WebAssembly returns
  // each block as indices into the string, which lib/core.js slices.
  const lines = ["Home", "Wörld 🌍 Néws", "The council said on Monday that the bridge 😀 would reopen after the repairs, which cost 1.4 million kronor.", "© 2024 Example Media. All rights reserved."];
  const stripped = px.strip(`  ${lines.join("\n\n")}\r\n`);
  assert.deepEqual(stripped.blocks.map((b) => b.text), lines);
  for (const b of stripped.blocks) {
    assert.deepEqual(Object.keys(b), ["text", "kind", "reason"]);
    assert.equal(b.reason === null, b.kind !== "boilerplate", JSON.stringify(b));
  }
  assert.equal(stripped.blocks[2].kind, "body");
  assert.equal(stripped.blocks[3].reason, "legal");
});

test("bad input throws an Error with a message, and the module keeps working", () => {
  assert.throws(() => px.analyze([]), /no sources/);
  assert.throws(() => px.analyze([{ name: "a" }]), /sources must be an array of \{name, text\}/);
  assert.throws(() => px.analyze(seeds, { paraphrase_min: 7 }), /paraphrase_min/);
  assert.throws(() => px.analyze(seeds, "strict"), /config must be an object/);
  assert.throws(() => px.strip(42), /string/);
  assert.equal(px.analyze(seeds.slice(0, 2)).sources.length, 2);
});

test("createAnalyzer runs in a worker thread and gives the same report", async () => {
  const worker = px.createAnalyzer();
  try {
    await worker.ready;
    assert.equal(await worker.version(), px.version());
    const [report, stripped] = await Promise.all([worker.analyze(seeds, { preset: "strict" }), worker.strip(seeds[4].text)]);
    assert.deepEqual(report, px.analyze(seeds, { preset: "strict" }));
    assert.deepEqual(stripped, px.strip(seeds[4].text));
    await assert.rejects(worker.analyze([]), /no sources/);
  } finally {
    worker.terminate();
  }
});

test("worker calls can be cancelled, one by signal or all at once, and the worker goes on", async () => {
  const worker = px.createAnalyzer();
  try {
    const first = worker.analyze(seeds);
    const controller = new AbortController();
    const second = worker.analyze(seeds, { preset: "lenient" }, { signal: controller.signal });
    const third = worker.analyze(seeds.slice(0, 3));
    controller.abort();
    await assert.rejects(second, { name: "AbortError" });
    // The calls around the cancelled one still complete, on a fresh worker if need be.
    assert.equal((await first).sources.length, 5);
    assert.equal((await third).sources.length, 3);

    const pending = [worker.analyze(seeds), worker.strip(seeds[0].text)];
    assert.equal(worker.cancel(), 2);
    for (const p of pending) await assert.rejects(p, { name: "AbortError" });
    assert.equal(worker.cancel(), 0);
    assert.equal((await worker.analyze(seeds.slice(0, 2))).sources.length, 2);

    const done = new AbortController();
    done.abort();
    await assert.rejects(worker.analyze(seeds, undefined, { signal: done.signal }), { name: "AbortError" });
  } finally {
    worker.terminate();
  }
  await assert.rejects(worker.analyze(seeds), /terminated/);
});

test("a worker given bytes or a compiled module loads them", async () => {
  const bytes = readFileSync(px.wasmUrl);
  const module = await WebAssembly.compile(bytes);
  for (const wasm of [bytes, module]) {
    const worker = px.createAnalyzer({ wasm });
    try {
      assert.equal((await worker.analyze(seeds.slice(0, 2))).sources.length, 2);
    } finally {
      worker.terminate();
    }
  }
  const broken = px.createAnalyzer({ wasm: new Uint8Array([0, 97, 115, 109, 9, 9]) });
  await assert.rejects(broken.ready, /could not load its WebAssembly/);
  await assert.rejects(broken.analyze(seeds), /could not load its WebAssembly/);
  broken.terminate();
});
