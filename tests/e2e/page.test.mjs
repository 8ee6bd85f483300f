// The page as a newcomer meets it: seeds analyzed on first visit, then their own articles.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { analyzed, openPage, start } from "./harness.mjs";

const SHOTS = new URL("../../test-results/", import.meta.url).pathname;
let env;
before(async () => {
  env = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => env && (await env.close()));

test("first visit shows the five seeds analyzed, without console errors", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  assert.equal(await page.locator("#source-list .source").count(), 5);
  assert.equal(await page.locator("#divergence tbody tr").count(), 5);
  assert.equal(await page.locator("#matrix tbody tr").count(), 5);
  assert.equal(await page.locator(".reading-source").count(), 5);
  // Boilerplate of 004 is shown struck through with its reason.
  const removed = await page.locator(".reading-source").nth(4).locator(".removed:not(.metadata) s").allTextContents();
  assert.ok(removed.includes("Share This Article"), `removed blocks: ${removed}`);
  assert.ok(removed.includes("- Advertisement -"));
  // Sentences are marked shared or unique.
  assert.ok((await page.locator(".sent.unique").count()) > 0);
  assert.ok((await page.locator(".sent:not(.unique)").count()) > 0);
  await page.screenshot({ path: `${SHOTS}seeds-1440.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

const ARTICLE_A = `Harbour Bridge Closes for Repairs

The city council closed the Harbour Bridge on Monday after engineers found cracks in two support beams. Mayor Lena Ortiz said the bridge would reopen within three weeks. Commuters were advised to use the ferry service, which will run every ten minutes during rush hour.

Share This Article`;
const ARTICLE_B = `Cracks Shut Harbour Bridge

Engineers found cracks in two support beams, and the city council closed the Harbour Bridge on Monday. Mayor Lena Ortiz said the bridge would reopen within three weeks. Local shop owners fear the closure will cost them customers.`;

test("a person clears the seeds, pastes two articles of their own and sees them compared", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  page.once("dialog", (d) => d.accept());
  await page.click("#clear-all");
  assert.equal(await page.locator("#source-list .source").count(), 0);
  await page.evaluate(() => (document.body.dataset.analyzed = "false"));
  for (const text of [ARTICLE_A, ARTICLE_B]) {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().fill(text);
  }
  await page.click("#analyze");
  await analyzed(page);
  assert.equal(await page.locator(".reading-source").count(), 2);
  // The names are guessed from the titles.
  const names = await page.locator("#source-list .name").evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, ["Harbour Bridge Closes for Repairs", "Cracks Shut Harbour Bridge"]);
  // The mayor's sentence is shared word for word; the shop owners' sentence is unique to B.
  const mayor = page.locator(".reading-source").nth(1).locator(".sent", { hasText: "Mayor Lena Ortiz" });
  assert.match(await mayor.getAttribute("class"), /identical/);
  const shops = page.locator(".reading-source").nth(1).locator(".sent", { hasText: "shop owners" });
  assert.match(await shops.getAttribute("class"), /unique/);
  // "Share This Article" was removed from A as boilerplate.
  const removedA = await page.locator(".reading-source").nth(0).locator(".removed s").allTextContents();
  assert.ok(removedA.includes("Share This Article"));
  await page.screenshot({ path: `${SHOTS}own-articles-1440.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("pasted markup is shown as text and never runs", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.evaluate(() => (document.body.dataset.analyzed = "false"));
  await page.click("#add-source");
  const attack = `<img src=x onerror="window.__pwned=1"> The council met on Monday and approved the plan for the harbour.`;
  await page.locator("#source-list .text").last().fill(attack);
  await page.click("#analyze");
  await analyzed(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".reading img").count(), 0);
  const shown = await page.locator(".reading-source").last().textContent();
  assert.ok(shown.includes("<img src=x"), "the markup is visible as text");
  await context.close();
});

test("sources survive a reload", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.locator("#source-list .name").first().fill("Renamed wire copy");
  await page.reload();
  await analyzed(page);
  assert.equal(await page.locator("#source-list .name").first().inputValue(), "Renamed wire copy");
  assert.equal(await page.locator("#source-list .source").count(), 5);
  await context.close();
});

test("removing and restoring a block updates the analysis", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  const art = page.locator(".reading-source").nth(4);
  const before = await art.locator(".removed:not(.metadata)").count();
  await page.evaluate(() => (document.body.dataset.analyzed = "false"));
  await art.locator(".removed:not(.metadata)", { hasText: "Follow US" }).locator("button").click();
  await analyzed(page);
  const after = await page.locator(".reading-source").nth(4).locator(".removed:not(.metadata)").count();
  assert.equal(after, before - 1);
  assert.ok(await page.locator(".reading-source").nth(4).locator(".para", { hasText: "Follow US" }).count());
  await context.close();
});
