// The seeds' analysis from the build (gen/seeds-report.json): shown at once for the unchanged
// seeds, confirmed by the worker's own analysis, never shown for anything else.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { analyzed, openPage, openTab, reanalyzed, seedSources, SHOTS, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => env && (await env.close()));

/** Records every report the page puts on screen ("bundled" or "live") and the view element then. */
function recordReports() {
  window.__reports = [];
  let prev;
  new MutationObserver(() => {
    const data = document.body && document.body.dataset;
    if (!data || data.report === prev) return;
    prev = data.report;
    if (!data.report) return;
    window.__reports.push({ kind: data.report, check: data.check || null });
    const view = document.querySelector("#views .px-view");
    if (data.report === "bundled") window.__bundledView = view;
    if (data.report === "live") window.__sameView = view === window.__bundledView;
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-report"] });
}

async function open(options = {}, setup = async () => {}) {
  const context = await env.browser.newContext({ viewport: { width: options.width ?? 1440, height: 900 } });
  await context.addInitScript(recordReports);
  if (options.storage) {
    await context.addInitScript((json) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("parallax:v1", json);
        sessionStorage.setItem("seeded", "1");
      }
    }, JSON.stringify(options.storage));
  }
  await setup(context);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.url);
  return { page, context, errors };
}

const liveDone = (page) => page.waitForSelector("body[data-report='live']", { timeout: 30000 });
const reports = (page) => page.evaluate(() => window.__reports.map((r) => r.kind));

test("the unchanged seeds show the build's analysis first; the worker's own analysis finds it equal and keeps the view", async () => {
  const { page, context, errors } = await open();
  await liveDone(page);
  assert.deepEqual(await reports(page), ["bundled", "live"]);
  assert.equal(await page.evaluate(() => document.body.dataset.check), "same");
  assert.ok(await page.evaluate(() => window.__sameView), "the views on screen were not drawn again");
  assert.match(await page.locator("#status").textContent(), /^Analyzed 5 sources in \d+ ms\./);
  assert.equal(await page.locator(".px-bars tbody tr").count(), 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the worker's own analysis of the seeds equals the build's report, field for field", async () => {
  const { page, context } = await open();
  await liveDone(page);
  const result = await page.evaluate(async () => {
    const { analysisInput, DEFAULT_SETTINGS, sha256 } = await import("/analysis.js");
    const { Analyzer } = await import("/analyzer.js");
    const bundle = await (await fetch("/gen/seeds-report.json")).json();
    const { sources } = await (await fetch("/gen/seeds.json")).json();
    const { input } = analysisInput(sources, DEFAULT_SETTINGS);
    const analyzer = new Analyzer();
    const { report } = await analyzer.analyze(input.sources, input.config);
    const identity = await analyzer.identity;
    return {
      key: (await sha256(JSON.stringify(input))) === bundle.input,
      wasm: identity.wasm === bundle.wasm,
      packs: identity.packs === bundle.packs,
      live: JSON.stringify(report),
      bundled: JSON.stringify(bundle.report),
    };
  });
  assert.ok(result.key && result.wasm && result.packs, "the build's report is keyed by this request, WASM and packs");
  assert.ok(result.live.length > 10000);
  assert.equal(result.live, result.bundled);
  await context.close();
});

test("the build's report is on screen before the worker has started, and the page waits for no worker to show it", async () => {
  // The worker's script is held back: whatever is on screen meanwhile came from the build.
  let release;
  const held = new Promise((ok) => (release = ok));
  const { page, context } = await open({}, (ctx) =>
    ctx.route("**/worker.js", async (route) => {
      await held;
      await route.continue();
    }),
  );
  await page.waitForSelector("body[data-report='bundled']", { timeout: 30000 });
  assert.equal(await page.locator(".px-bars tbody tr").count(), 5);
  assert.match(await page.locator("#status").textContent(), /made when this page was built; checking it here/);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => document.body.dataset.report), "bundled", "no worker ran meanwhile");
  assert.equal(await page.locator("#version").textContent(), "");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("#status").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector("#progress").scrollIntoView());
    await page.screenshot({ path: `${SHOTS}paint-bundled-${width}.png` });
  }
  release();
  await liveDone(page);
  assert.equal(await page.evaluate(() => document.body.dataset.check), "same");
  await openTab(page, "Reading view");
  await page.evaluate(() => document.querySelector("#results").scrollIntoView());
  await page.screenshot({ path: `${SHOTS}paint-live-reading-390.png` });
  await context.close();
});

test("edited seeds, other settings or an override are analyzed live and never shown with the build's report", async () => {
  const seeds = await seedSources();
  const source = (s) => ({ name: s.name, text: s.text, overrides: [], named: true });
  const cases = [
    { what: "one seed with a sentence added", sources: seeds.map((s, i) => ({ ...source(s), text: i === 2 ? `${s.text}\n\nThe council will meet again on Friday.` : s.text })), settings: { preset: "balanced", strip_boilerplate: true } },
    { what: "the seeds with the strict preset", sources: seeds.map(source), settings: { preset: "strict", strip_boilerplate: true } },
    { what: "the seeds with one block kept by the person", sources: seeds.map((s, i) => ({ ...source(s), overrides: i === 4 ? [{ at: 0, keep: false }] : [] })), settings: { preset: "balanced", strip_boilerplate: true } },
    { what: "the seeds renamed", sources: seeds.map((s, i) => ({ ...source(s), name: i === 0 ? "My own name" : s.name })), settings: { preset: "balanced", strip_boilerplate: true } },
  ];
  for (const c of cases) {
    const { page, context, errors } = await open({ storage: { sources: c.sources, settings: c.settings } });
    await liveDone(page);
    // Give a late bundled report every chance to show up.
    await page.waitForTimeout(300);
    assert.deepEqual(await reports(page), ["live"], c.what);
    assert.equal(await page.evaluate(() => document.body.dataset.check), undefined, c.what);
    assert.deepEqual(errors, [], c.what);
    await context.close();
  }
  // After load: an edit to a seed runs a live analysis, and the build's report does not return.
  const { page, context } = await open();
  await liveDone(page);
  await reanalyzed(page, () => page.locator("#source-list .text").nth(1).press("End").then(() => page.keyboard.type(" Added.")));
  const seen = await reports(page);
  assert.deepEqual(seen.slice(2), ["live"], seen.join(" "));
  await context.close();
});

test("a build's report made from other files is ignored, and one that differs from the live analysis is replaced", async () => {
  const real = await (await fetch(`${env.url}gen/seeds-report.json`)).json();
  const serve = (ctx, bundle) => ctx.route("**/gen/seeds-report.json", (route) => route.fulfill({ json: bundle }));
  // Another WebAssembly: never shown.
  {
    const { page, context } = await open({}, (ctx) => serve(ctx, { ...real, wasm: "0".repeat(64) }));
    await liveDone(page);
    await page.waitForTimeout(300);
    assert.deepEqual(await reports(page), ["live"]);
    await context.close();
  }
  // Other packs: never shown.
  {
    const { page, context } = await open({}, (ctx) => serve(ctx, { ...real, packs: "0".repeat(64) }));
    await liveDone(page);
    await page.waitForTimeout(300);
    assert.deepEqual(await reports(page), ["live"]);
    await context.close();
  }
  // The right keys but a different report (as if the analysis were not deterministic): shown
  // first, then replaced by the worker's own analysis.
  const tampered = structuredClone(real);
  tampered.report.sources[0].divergence = 0.999;
  {
    const { page, context } = await open({}, (ctx) => serve(ctx, tampered));
    await liveDone(page);
    assert.deepEqual(await reports(page), ["bundled", "live"]);
    assert.equal(await page.evaluate(() => document.body.dataset.check), "differs");
    assert.ok(!(await page.evaluate(() => window.__sameView)), "the views were drawn again");
    const shown = await page.locator(".px-bars tbody tr").first().locator(".px-numbtn").first().textContent();
    assert.equal(shown, real.report.sources[0].divergence.toFixed(2));
    await context.close();
  }
});

test("offline, a reload shows the build's report again and confirms it, with no request after load", async () => {
  const { page, context } = await open();
  await liveDone(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await liveDone(page);
  assert.deepEqual(await reports(page), ["bundled", "live"]);
  assert.equal(await page.evaluate(() => document.body.dataset.check), "same");
  // Once the analysis is confirmed, the page asks for nothing more (the converter included).
  await analyzed(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.waitForTimeout(500);
  assert.deepEqual(requests, []);
  await context.close();
});
