// Private by construction, responsive under load, accessible: no requests after load, offline,
// CSP, 300 sources with the page still typeable, cancel, and axe-core.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { analyzed, axeViolations, openPage, openTab, reanalyzed, seedSources, start } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env && (await env.close()));

const network = (requests) => requests.filter((u) => /^(https?|wss?):/.test(u));

async function serviceWorkerReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
}

test("after load the page makes no request at all, whatever the person does", async () => {
  const { page, context, requests } = await openPage(env);
  await analyzed(page);
  await serviceWorkerReady(page);
  await page.waitForFunction(() => document.querySelector("#version").textContent.length > 0);
  requests.length = 0;

  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().fill("Evening Update\n\nThe harbour bridge will reopen on Friday, the council said in a statement.");
  });
  // issue_3: a text in another language needs its language pack and the stemmer pack, which
  // the page loaded with its first analysis (both would say so in the status if missing).
  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().fill("Abendausgabe\n\nDie Brücke am Hafen wird am Freitag wieder geöffnet, teilte der Stadtrat in einer Erklärung mit.");
  });
  assert.doesNotMatch(await page.locator("#status").textContent(), /language pack|stemmer pack/);
  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/html", `<h1>Late news</h1><p>The council confirmed the date.</p><img src="https://example.invalid/pixel.gif">`);
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
  });
  await reanalyzed(page, () => page.getByLabel("Lenient").check());
  await openTab(page, "Reading view");
  await page.locator(".px-sent").first().hover();
  await openTab(page, "Overview");
  await page.locator(".px-cell-btn").first().click();
  await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  await page.getByRole("button", { name: "Clear all" }).click();
  await reanalyzed(page, () => page.getByRole("button", { name: "Undo" }).click());
  await reanalyzed(page, () => page.getByRole("button", { name: "Load example" }).click());
  await page.waitForTimeout(300);
  assert.deepEqual(network(requests), []);
  await context.close();
});

test("once loaded, the page works offline", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  await serviceWorkerReady(page);
  await context.setOffline(true);
  await page.reload();
  await analyzed(page);
  assert.equal(await page.locator(".px-bars tbody tr").count(), 5);
  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().fill("Offline Note\n\nThe council met again on Tuesday to discuss the harbour bridge.");
  });
  assert.equal(await page.locator(".px-bars tbody tr").count(), 6);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test("the Content-Security-Policy allows no inline script and no eval, and nothing violates it", async () => {
  const { page, context } = await openPage(env, { path: "" });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await analyzed(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.match(csp, /default-src 'self'/);
  assert.equal(await page.locator("script:not([src])").count(), 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll("script[src]").length), 1);
  await openTab(page, "Reading view");
  await page.locator(".px-sent").first().hover();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // Code from a string is refused. (The test's own evaluate bypasses the policy, so the string
  // is handed to setTimeout, which compiles it later, as page code would.)
  await page.evaluate(() => setTimeout("window.__ran = 1", 0));
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(await page.evaluate(() => window.__violations), ["script-src eval"]);
  await context.close();
});

/** 300 sources made from the seeds: each a seed with its own added sentences. */
async function manySources(n) {
  const seeds = await seedSources();
  return Array.from({ length: n }, (_, i) => {
    const s = seeds[i % seeds.length];
    return {
      name: `Outlet ${i + 1}`,
      text: `${s.text}\n\nOutlet ${i + 1} adds that reporter number ${i + 1} filed this version from desk ${(i * 7) % 31}.`,
      overrides: [],
      named: true,
    };
  });
}

test("with 300 sources the page stays typeable while the worker analyzes, shows progress, can cancel, and finishes", async () => {
  const sources = await manySources(300);
  const { page, context, errors } = await openPage(env, { storage: { sources, settings: { preset: "balanced" } } });
  await page.waitForSelector("body[data-analyzing]", { timeout: 20000 });
  const progress = page.locator("#progress-text");
  const first = await progress.textContent();
  assert.match(first, /300 sources/);
  // Type into an input while the analysis runs: every key lands, and the analysis is still
  // running when the typing is done — the main thread was never blocked by it.
  const name = page.getByLabel("Name of source 2", { exact: true });
  await name.fill("");
  await name.pressSequentially("Typed during analysis", { delay: 0 });
  assert.equal(await name.inputValue(), "Typed during analysis");
  assert.equal(await page.evaluate(() => document.body.dataset.analyzing), "true", "the analysis was still running");
  // The progress line keeps counting while the worker works.
  await page.waitForFunction((before) => document.querySelector("#progress-text").textContent !== before, first);
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.ok(await page.locator("#progress").isHidden());
  assert.match(await page.locator("#status").textContent(), /Analysis cancelled/);
  assert.equal(await page.locator("#source-list .source").count(), 300);
  assert.equal(await name.inputValue(), "Typed during analysis");
  // And it runs again on request, and can be cancelled again.
  await page.getByRole("button", { name: "Analyze" }).click();
  await page.waitForSelector("body[data-analyzing]");
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.evaluate(() => document.body.dataset.analyzed), "false");
  // Run to the end (issue 9: the pruned aligner finishes 300 sources): every source has its row,
  // and the copies of one seed (sources 1, 6, 11…) are listed as one rewrite family.
  await page.getByRole("button", { name: "Analyze" }).click();
  await analyzed(page, 420000);
  assert.equal(await page.locator(".px-bars tbody tr").count(), 300);
  const families = await page.locator(".px-families > li").allTextContents();
  assert.ok(
    families.some((f) => /Outlet 1\b/.test(f) && /Outlet 6\b/.test(f) && /Outlet 296\b/.test(f)),
    `no family holds the copies of the first seed: ${families.map((f) => f.slice(0, 80)).join(" | ")}`,
  );
  // Past 100 sources the report lists only pairs that share something; every heatmap pair still
  // shows its divergence, listed or not.
  await page.locator("canvas.px-heatmap").focus();
  // The cursor starts on (1, 2); each arrow moves it one source to the right.
  for (let k = 3; k <= 6; k++) {
    await page.keyboard.press("ArrowRight");
    assert.match(await page.locator(".px-pair-detail").textContent(), new RegExp(`^Outlet 1 vs Outlet ${k}Divergence \\d\\.\\d\\d`));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("with 40 sources the overview switches to a canvas heatmap driven by the arrow keys", async () => {
  const sources = await manySources(40);
  const { page, context, errors } = await openPage(env, { storage: { sources, settings: { preset: "balanced" } } });
  await analyzed(page, 240000);
  assert.equal(await page.locator(".px-bars tbody tr").count(), 40);
  // The 40×40 heatmap is one canvas, not 1,600 buttons; arrows pick a pair.
  assert.equal(await page.locator("canvas.px-heatmap").count(), 1);
  await page.locator("canvas.px-heatmap").focus();
  await page.keyboard.press("ArrowRight");
  assert.match(await page.locator(".px-pair-detail").textContent(), /^Outlet 1 vs Outlet 3/);
  await openTab(page, "Reading view");
  assert.equal(await page.locator(".px-column").count(), 4);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const width of [1440, 375]) {
  test(`axe-core finds no serious or critical violation at ${width} px`, async () => {
    const { page, context } = await openPage(env, { width, height: 900 });
    await analyzed(page);
    await page.locator(".px-cell-btn").first().click();
    const found = [];
    found.push(...(await axeViolations(page)).map((v) => `overview: ${v}`));
    await openTab(page, "Reading view");
    await page.locator(".px-sent").nth(2).hover();
    found.push(...(await axeViolations(page)).map((v) => `reading: ${v}`));
    if (await page.getByRole("tab", { name: "Quotes & facts" }).count()) {
      await openTab(page, "Quotes & facts");
      found.push(...(await axeViolations(page)).map((v) => `facts: ${v}`));
    }
    await page.getByRole("button", { name: "Clear all" }).click();
    found.push(...(await axeViolations(page)).map((v) => `cleared: ${v}`));
    assert.deepEqual(found, []);
    await context.close();
  });
}
