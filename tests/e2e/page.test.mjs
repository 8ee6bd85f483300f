// The page as a newcomer meets it: seeds analyzed on first visit, then their own articles.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { analyzed, openPage, openTab, reanalyzed, SHOTS, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => env && (await env.close()));

const reading = (page) => page.locator(".px-reading");
const column = (page, i) => page.locator(`.px-column[data-source="${i}"]`);

test("first visit shows the five seeds analyzed, without console errors", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  assert.equal(await page.locator("#source-list .source").count(), 5);
  assert.equal(await page.locator(".px-bars tbody tr").count(), 5);
  assert.equal(await page.locator(".px-matrix tbody tr").count(), 5);
  await openTab(page, "Reading view");
  assert.equal(await reading(page).locator(".px-column").count(), 5);
  // Boilerplate of 004 is shown struck through with its reason.
  const removed = await column(page, 4).locator(".px-removed:not(.px-kept-meta) s").allTextContents();
  assert.ok(removed.some((t) => t.endsWith("Share This Article")), `removed blocks: ${removed}`);
  assert.ok(removed.some((t) => t.endsWith("- Advertisement -")));
  // Sentences are marked shared or unique, each with a symbol as well as a colour.
  assert.ok((await page.locator(".px-sent.rel-unique").count()) > 0);
  assert.ok((await page.locator(".px-sent:not(.rel-unique)").count()) > 0);
  assert.equal(await page.locator(".px-sent.rel-unique .px-cue").first().textContent(), "◇");
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
  await page.click("#clear-all");
  assert.equal(await page.locator("#source-list .source").count(), 0);
  await reanalyzed(page, async () => {
    for (const text of [ARTICLE_A, ARTICLE_B]) {
      await page.click("#add-source");
      await page.locator("#source-list .text").last().fill(text);
    }
    await page.click("#analyze");
  });
  // The names are guessed from the titles.
  const names = await page.locator("#source-list .name").evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, ["Harbour Bridge Closes for Repairs", "Cracks Shut Harbour Bridge"]);
  await openTab(page, "Reading view");
  assert.equal(await reading(page).locator(".px-column").count(), 2);
  // The mayor's sentence is shared word for word; the shop owners' sentence is unique to B.
  const mayor = column(page, 1).locator(".px-sent", { hasText: "Mayor Lena Ortiz" });
  assert.equal(await mayor.getAttribute("data-rel"), "identical");
  const shops = column(page, 1).locator(".px-sent", { hasText: "shop owners" });
  assert.equal(await shops.getAttribute("data-rel"), "unique");
  // "Share This Article" was removed from A as boilerplate.
  const removedA = await column(page, 0).locator(".px-removed s").allTextContents();
  assert.ok(removedA.some((t) => t.endsWith("Share This Article")));
  assert.deepEqual(errors, []);
  await context.close();
});

test("pasted markup is shown as text and never runs", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  const attack = `<img src=x onerror="window.__pwned=1"> The council met on Monday and approved the plan for the harbour. <script>window.__pwned=2</script>`;
  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().fill(attack);
  });
  // And once more as a rich paste: markup arriving as text/html is read by the HTML path, and
  // escaped markup inside it stays text.
  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/html", `<p>The mayor spoke on Tuesday about the harbour plan and its cost.</p><p>&lt;img src=x onerror="window.__pwned=3"&gt; was written on the banner.</p><img src=x onerror="window.__pwned=4">`);
      data.setData("text/plain", "plain fallback");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
  });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#views img, #views script").count(), 0);
  await openTab(page, "Reading view");
  await page.getByRole("checkbox", { name: /^6\./ }).check();
  const shown = await column(page, 5).textContent();
  assert.ok(shown.includes(`<img src=x onerror="window.__pwned=1">`), "the markup is visible as text");
  assert.ok(shown.includes("<script>window.__pwned=2</script>"));
  await page.getByRole("checkbox", { name: /^7\./ }).check();
  const pasted = await column(page, 6).textContent();
  assert.ok(pasted.includes(`<img src=x onerror="window.__pwned=3"> was written on the banner.`), pasted);
  assert.equal(await page.locator("#source-list .text").last().inputValue(), `The mayor spoke on Tuesday about the harbour plan and its cost.\n\n<img src=x onerror="window.__pwned=3"> was written on the banner.`);
  await context.close();
});

test("sources, names, overrides and settings survive a reload", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.locator("#source-list .name").first().fill("Renamed wire copy");
  await openTab(page, "Reading view");
  // Restore one removed block of 004 and switch to the strict preset.
  await reanalyzed(page, () => column(page, 4).locator(".px-removed", { hasText: "Follow US" }).getByRole("button").click());
  await reanalyzed(page, () => page.getByLabel("Strict").check());
  await page.reload();
  await analyzed(page);
  assert.equal(await page.locator("#source-list .name").first().inputValue(), "Renamed wire copy");
  assert.equal(await page.locator("#source-list .source").count(), 5);
  assert.ok(await page.getByLabel("Strict").isChecked());
  await openTab(page, "Reading view");
  assert.ok(await column(page, 4).locator(".px-para", { hasText: "Follow US" }).count(), "the restored block is still body");
  assert.equal(await column(page, 4).locator(".px-removed", { hasText: "Follow US" }).count(), 0);
  assert.match(await page.locator("#source-list .source").nth(4).locator(".source-info").textContent(), /1 block changed by you/);
  await context.close();
});

test("removing and restoring a block updates the analysis", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await openTab(page, "Reading view");
  const removedCount = () => column(page, 4).locator(".px-removed:not(.px-kept-meta)").count();
  const before = await removedCount();
  await reanalyzed(page, () => column(page, 4).locator(".px-removed", { hasText: "Follow US" }).getByRole("button", { name: /Restore/ }).click());
  assert.equal(await removedCount(), before - 1);
  const para = column(page, 4).locator(".px-para", { hasText: "Follow US" });
  assert.equal(await para.count(), 1);
  // And removed again with the button the restored paragraph now carries.
  await reanalyzed(page, () => para.getByRole("button", { name: /Remove/ }).click());
  assert.equal(await removedCount(), before);
  await context.close();
});
