// The rows of the bad-input table (DESIGN.md, "Bad input") that only a browser can prove: what a
// dropped file with invalid UTF-8 and a string with lone surrogates become, and that an error
// never costs the person their inputs nor the module its life.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { analyzed, openPage, openTab, reanalyzed, start } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env && (await env.close()));

const column = (page, i) => page.locator(`.px-column[data-source="${i}"]`);
/** The sentence as the reading view shows it: its own text, without the cue and the label. */
const sentenceText = (loc) =>
  loc.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join(""));
const texts = (page) => page.locator("#source-list .text").evaluateAll((els) => els.map((e) => e.value));

/** Sets the text of source `i` at once, as a paste does. */
async function setText(page, i, text) {
  await page.locator("#source-list .text").nth(i).evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

const SHARED = "Ferries returned to their normal timetable on Friday after the harbour bridge reopened.";

test("issue_10 a dropped file with invalid UTF-8 becomes replacement characters and is analyzed", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  await page.click("#clear-all");
  await reanalyzed(page, () =>
    page.evaluate((shared) => {
      const enc = new TextEncoder();
      // A lone continuation byte, a truncated sequence and an invalid lead byte in the first line.
      const bad = new Uint8Array([
        ...enc.encode("Bridge Reopens Early\n\nThe bridge reopened "),
        0x80, 0xe2, 0x82, 0x20, 0xff,
        ...enc.encode(` on Thursday after repairs to its cable guards.\n${shared}\n`),
      ]);
      const data = new DataTransfer();
      data.items.add(new File([bad], "bad.txt", { type: "text/plain" }));
      data.items.add(new File([`Harbour Traffic Returns\n\n${shared}\n`], "good.txt", { type: "text/plain" }));
      const zone = document.querySelector("#sources");
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, SHARED),
  );
  const [bad] = await texts(page);
  // Each invalid sequence is one U+FFFD; the text around them is intact.
  assert.match(bad, /The bridge reopened \uFFFD\uFFFD \uFFFD on Thursday after repairs/);
  assert.ok(await page.locator("#error").isHidden());
  await openTab(page, "Reading view");
  const shared = column(page, 0).locator(".px-sent", { hasText: "Ferries returned" });
  assert.equal(await sentenceText(shared), SHARED);
  assert.equal(await shared.getAttribute("data-rel"), "identical");
  assert.deepEqual(errors, []);
  await context.close();
});

test("issue_10 lone surrogates in a source are analyzed and sentences are marked where they are", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  await page.click("#clear-all");
  await page.click("#add-source");
  await page.click("#add-source");
  await reanalyzed(page, async () => {
    // A JS string can hold a lone surrogate (half of an emoji, cut by another program); Rust
    // cannot, so it arrives as U+FFFD — one UTF-16 unit, like the surrogate, so offsets hold.
    await setText(page, 0, `Cut \uD83D emoji and \uDC4D here.\n\n${SHARED}\n`);
    await setText(page, 1, `${SHARED}\n`);
    await page.click("#analyze");
  });
  assert.ok(await page.locator("#error").isHidden());
  await openTab(page, "Reading view");
  const shared = column(page, 0).locator(".px-sent", { hasText: "Ferries returned" });
  // Exactly the sentence: an offset one unit off would cut a letter or take one from before.
  assert.equal(await sentenceText(shared), SHARED);
  assert.equal(await shared.getAttribute("data-rel"), "identical");
  // What the person typed is kept as typed, lone surrogates included.
  assert.ok((await texts(page))[0].includes("\uD83D emoji"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("issue_10 an analysis error keeps every input, says what to do, and the next analysis works", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  const before = await texts(page);
  await page.click("#add-source");
  // 8.1 million characters: over the 8 MB per source that the core accepts.
  const big = "The committee published its long report on the harbour. ".repeat(145000);
  await setText(page, before.length, big);
  await page.click("#analyze");
  await page.waitForSelector("#error:not([hidden])", { timeout: 60000 });
  assert.match(
    await page.locator("#error").textContent(),
    /Could not analyze: source 6 .* is 8\.1 MB, more than the limit of 8\.0 MB per source; paste only the article/,
  );
  // Every input is exactly as it was, the refused one included.
  const after = await texts(page);
  assert.deepEqual(after.slice(0, before.length), before);
  assert.equal(after[before.length].length, big.length);
  // The module still works: shorten the source and the analysis runs again.
  await reanalyzed(page, async () => {
    await setText(page, before.length, `Short Note\n\n${SHARED}\n`);
    await page.click("#analyze");
  }, 60000);
  assert.ok(await page.locator("#error").isHidden());
  assert.equal(await page.locator("#source-list .source").count(), before.length + 1);
  await context.close();
});
