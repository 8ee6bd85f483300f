// Input management: add, remove, rename, reorder, files, example, clear and undo, storage limits.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { analyzed, openPage, openTab, reanalyzed, start } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env && (await env.close()));

const names = (page) => page.locator("#source-list .name").evaluateAll((els) => els.map((e) => e.value));
const columnNames = (page) => page.locator(".px-bars tbody th").allTextContents();

test("sources are reordered, renamed and removed with undo; the views follow", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  const before = await names(page);
  // Move the second source up with the keyboard-reachable button.
  await reanalyzed(page, () => page.getByRole("button", { name: "Move up source 2" }).click());
  const moved = await names(page);
  assert.deepEqual(moved, [before[1], before[0], ...before.slice(2)]);
  assert.match((await columnNames(page))[0], new RegExp(`^1\\. ${before[1]}`));
  // Focus stays on the moved source's button, so repeated moves are easy.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Move down source 1");

  // Renaming re-labels the views without a new analysis.
  await page.getByLabel("Name of source 3").fill("The Daily Example");
  await page.waitForFunction(() => [...document.querySelectorAll(".px-bars tbody th")].some((th) => th.textContent === "3. The Daily Example"));

  // Removing offers an undo that brings the source back where it was.
  await reanalyzed(page, () => page.getByRole("button", { name: "Remove source 3" }).click());
  assert.equal(await page.locator("#source-list .source").count(), 4);
  assert.equal(await page.locator(".px-bars tbody tr").count(), 4);
  assert.match(await page.locator("#undo").textContent(), /Removed “The Daily Example”/);
  await reanalyzed(page, () => page.getByRole("button", { name: "Undo" }).click());
  assert.equal((await names(page))[2], "The Daily Example");
  assert.equal(await page.locator(".px-bars tbody tr").count(), 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a rename made while an analysis runs is kept when that analysis lands", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  // A preset starts a new analysis (in a task of its own, right after the click's), and source 3
  // is renamed in the next task, long before the worker can have answered.
  const running = await page.evaluate(async () => {
    document.body.dataset.analyzed = "stale";
    document.querySelector("input[name=preset][value=strict]").click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const name = document.querySelectorAll("#source-list .name")[2];
    name.value = "Renamed Mid-Run";
    name.dispatchEvent(new Event("input", { bubbles: true }));
    return document.body.dataset.analyzed;
  });
  assert.equal(running, "false", "the preset started an analysis that was still running at the rename");
  await analyzed(page);
  // The report of the analysis that ran is drawn with the name the source has now (read at once:
  // the rename's own redraw, 250 ms after it, must not be what puts it right).
  assert.ok((await columnNames(page)).some((n) => n === "3. Renamed Mid-Run"), (await columnNames(page)).join(" | "));
  assert.equal((await names(page))[2], "Renamed Mid-Run");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Clear all and Load example can both be undone", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  const before = await names(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  assert.equal(await page.locator("#source-list .source").count(), 0);
  assert.ok(await page.locator("#results").isHidden());
  // Focus goes to the undo button, so one key press brings everything back.
  assert.equal(await page.evaluate(() => document.activeElement.id), "undo-button");
  await reanalyzed(page, () => page.keyboard.press("Enter"));
  assert.deepEqual(await names(page), before);

  // Replace the seeds by an own article, then load the example over it and undo that.
  await page.getByRole("button", { name: "Clear all" }).click();
  await reanalyzed(page, async () => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().fill("My Own Story\n\nThe river rose two metres overnight and flooded the lower town.");
  });
  await reanalyzed(page, () => page.getByRole("button", { name: "Load example" }).click());
  assert.deepEqual(await names(page), before);
  await reanalyzed(page, () => page.getByRole("button", { name: "Undo" }).click());
  assert.deepEqual(await names(page), ["My Own Story"]);
  await context.close();
});

const HTML_FILE = `<!doctype html><html><head><title>x</title><style>p{color:red}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Ferry Strike Ends</h1><p>The ferry workers' union ended its strike on Friday after the operator agreed to a pay rise of four percent.</p>
<p>Services will run normally from Saturday morning, the operator said.</p></article>
<script>window.__pwned = 1</script></body></html>`;
const MD_FILE = `# Ferry Strike Over

The **ferry workers' union** ended its strike on Friday after the operator agreed to a [pay rise](https://example.org/pay) of four percent.

* Services run normally from Saturday.
`;

test("dropped and opened .txt, .html and .md files become sources named after their titles", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  // A drop of three files on the sources section.
  await reanalyzed(page, () =>
    page.evaluate(
      ([html, md]) => {
        const data = new DataTransfer();
        data.items.add(new File([html], "ferry.html", { type: "text/html" }));
        data.items.add(new File([md], "notes/ferry.md", { type: "" }));
        data.items.add(new File(["\n\nStrike ends at the port\nThe union and the operator agreed on a four percent rise on Friday."], "wire.txt", { type: "text/plain" }));
        data.items.add(new File([new Uint8Array([0, 1, 2])], "photo.png", { type: "image/png" }));
        const zone = document.querySelector("#sources");
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [HTML_FILE, MD_FILE],
    ),
  );
  // An HTML file is named by its headline, not by its menu.
  assert.deepEqual(await names(page), ["Ferry Strike Ends", "Ferry Strike Over", "Strike ends at the port"]);
  const texts = await page.locator("#source-list .text").evaluateAll((els) => els.map((e) => e.value));
  assert.equal(texts.length, 3);
  // HTML went through the HTML path: no tags, no script text, paragraphs kept apart.
  assert.ok(!/[<>]/.test(texts[0]), texts[0]);
  assert.ok(!texts[0].includes("__pwned"));
  assert.ok(texts[0].includes("Ferry Strike Ends\n\nThe ferry workers' union ended its strike"), texts[0]);
  // Markdown lost its markup but kept its words.
  assert.equal(
    texts[1],
    "Ferry Strike Over\n\nThe ferry workers' union ended its strike on Friday after the operator agreed to a pay rise of four percent.\n\nServices run normally from Saturday.",
  );
  assert.match(await page.locator("#notice").textContent(), /Skipped: photo\.png is not a text, HTML or Markdown file/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // The same through the "Open files…" button's file input.
  await reanalyzed(page, () =>
    page.locator("#file-input").setInputFiles([{ name: "second.md", mimeType: "text/markdown", buffer: Buffer.from("## Port Reopens\n\nShips left the port again on Saturday morning.") }]),
  );
  assert.equal((await names(page))[3], "Port Reopens");
  await context.close();
});

test("a full browser storage is reported clearly and nothing typed is lost", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  // The browser refuses to store more, as it does when its quota is used up.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  const text = "Late Edition\n\nThe late edition reported that the harbour bridge reopened a week early.";
  await page.click("#add-source");
  await page.locator("#source-list .text").last().fill(text);
  await page.waitForSelector("#storage:not([hidden])");
  assert.match(await page.locator("#storage").textContent(), /Not saved: the browser's storage for this page is full.*stay on screen/);
  assert.equal(await page.locator("#source-list .text").last().inputValue(), text);
  await analyzed(page);
  await openTab(page, "Reading view");
  await page.getByRole("checkbox", { name: /^6\./ }).check();
  assert.match(await page.locator('.px-column[data-source="5"]').textContent(), /reopened a week early/);
  await context.close();
});

test("sources larger than the storage limit are refused by the size check with a clear message", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.click("#add-source");
  // 5.3 million characters, set in one go (typing them would take minutes).
  await page.locator("#source-list .text").last().evaluate((el) => {
    el.value = "Big Paste\n\n" + "The committee published its long report on the harbour. ".repeat(95000);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForSelector("#storage:not([hidden])");
  assert.match(await page.locator("#storage").textContent(), /Not saved: your sources take 5\.\d million characters.*stay on screen/);
  assert.equal((await page.locator("#source-list .text").last().inputValue()).length, 11 + 56 * 95000);
  assert.equal(await page.getByLabel("Name of source 6").inputValue(), "Big Paste");
  // The last state that fitted is still what a reload brings back.
  await page.reload();
  await analyzed(page);
  assert.equal(await page.locator("#source-list .source").count(), 6);
  assert.equal(await page.locator("#source-list .text").last().inputValue(), "");
  await context.close();
});

test("a paste over the sentence limit gets a clear message, and the text stays", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.click("#add-source");
  // 110,000 three-word sentences: under the byte limits, over max_sentences (100,000).
  await page.locator("#source-list .text").last().evaluate((el) => {
    const parts = [];
    for (let i = 0; i < 110000; i++) parts.push(`Item ${i} ends.`);
    el.value = "Endless List\n\n" + parts.join(" ");
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => /max_sentences/.test(document.querySelector("#error")?.textContent ?? ""), null, { timeout: 60000 });
  assert.match(
    await page.locator("#error").textContent(),
    /^Could not analyze: the article text of the sources holds 110\d\d\d sentences, more than the limit of 100000 \(max_sentences\); analyze fewer or shorter sources$/,
  );
  assert.match(await page.locator("#source-list .text").last().inputValue(), /^Endless List\n\nItem 0 ends\. .*Item 109999 ends\.$/s);
  await context.close();
});

test("a rich paste keeps its markup for the boilerplate stage, and a reload keeps it too", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.getByRole("button", { name: "Clear all" }).click();
  const paste = async (html) => {
    await page.click("#add-source");
    await page.locator("#source-list .text").last().focus();
    await page.evaluate((markup) => {
      const data = new DataTransfer();
      data.setData("text/html", markup);
      data.setData("text/plain", "unused");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
  };
  await reanalyzed(page, async () => {
    await paste(`<article><h1>Tram Line Opens</h1><p>The new tram line between the station and the university opened on Monday after four years of building work.</p><p>The city expects twenty thousand passengers a day once the line runs at full frequency.</p></article><aside class="sidebar"><p>Weather tomorrow brings showers in the north and sun in the south</p></aside>`);
    await paste(`<article><h1>Trams Run Again</h1><p>The new tram line between the station and the university opened on Monday after four years of building work.</p><p>Residents along the route welcomed the quieter streets.</p></article>`);
  });
  const reason = () =>
    page.locator('.px-column[data-source="0"] .px-removed', { hasText: "Weather tomorrow" }).locator(".px-reason").textContent();
  await openTab(page, "Reading view");
  assert.match(await reason(), /markup marks it as navigation, sidebar/);
  await page.reload();
  await analyzed(page);
  await openTab(page, "Reading view");
  assert.match(await reason(), /markup marks it as navigation, sidebar/);
  await context.close();
});
