// The views: every number leads to its text, counterparts on hover and focus, settings, exports,
// printing, and the screenshots of the seeds at desktop and phone widths.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { analyzed, openPage, openTab, reanalyzed, SHOTS, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => env && (await env.close()));

const targets = (page) =>
  page.locator(".px-sent.px-target").evaluateAll((els) => els.map((e) => `${e.dataset.source}:${e.dataset.sentence}:${e.dataset.rel}`));

test("each number of the overview leads to the sentences behind it", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  const row = page.locator(".px-bars tbody tr").nth(3);
  // The unique share of 003 → its unique sentences, marked in the reading view.
  await row.getByRole("button", { name: /unique share of/ }).click();
  assert.ok(await page.locator(".px-reading").isVisible());
  const marked = await targets(page);
  assert.ok(marked.length > 0);
  // A unique sentence that conflicts with another source's (003's "third year") shows as conflicting.
  assert.ok(marked.every((m) => m.startsWith("3:") && /:(unique|conflicting)$/.test(m)), marked.join(" "));
  assert.ok(marked.some((m) => m.endsWith(":unique")), marked.join(" "));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.source), "3");

  // The omitted count → the consensus sentences of the others it lacks.
  await openTab(page, "Overview");
  const omits = Number(await row.locator("td").nth(3).textContent());
  await row.getByRole("button", { name: /omits/ }).click();
  const omitted = await targets(page);
  assert.ok(omits === 0 || omitted.length > 0, `omits ${omits}, marked ${omitted}`);
  assert.ok(omitted.every((m) => !m.startsWith("3:")));

  // A heatmap cell → the pair's figures → both texts side by side with the shared sentences marked.
  await openTab(page, "Overview");
  // The first pair, in reading order, that shares a sentence.
  const detail = page.locator(".px-pair-detail");
  let pair = null;
  for (const cell of await page.locator(".px-cell-btn").all()) {
    await cell.click();
    assert.match(await detail.textContent(), /Divergence \d\.\d\d/);
    if (/\(([1-9]\d*) shared sentences?\)/.test(await detail.textContent())) {
      pair = [await cell.getAttribute("data-i"), await cell.getAttribute("data-j")];
      break;
    }
  }
  assert.ok(pair, "some pair of seeds shares a sentence");
  await detail.getByRole("button", { name: /side by side/ }).click();
  const cols = await page.locator(".px-column").evaluateAll((els) => els.map((e) => e.dataset.source));
  assert.deepEqual(cols, pair);
  const shared = await targets(page);
  assert.ok(shared.some((m) => m.startsWith(`${pair[0]}:`)) && shared.some((m) => m.startsWith(`${pair[1]}:`)));
  assert.ok(shared.every((m) => !m.endsWith(":unique")));

  // A consensus statement → its sentences in the sources that carry it.
  await openTab(page, "Overview");
  const statement = page.locator(".px-consensus li").first();
  if (await statement.count()) {
    await statement.locator("button").click();
    assert.ok((await targets(page)).length >= 2);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("hovering or focusing a sentence shows its counterpart in every other source", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await openTab(page, "Reading view");
  const first = page.locator('.px-column[data-source="0"] .px-sent:not(.rel-unique)').first();
  await first.hover();
  const detail = page.locator(".px-detail");
  await detail.waitFor();
  const items = await detail.locator(".px-counterparts li").count();
  assert.ok(items >= 1);
  // The counterparts are outlined in the other columns too.
  assert.equal(await page.locator(".px-sent.px-linked").count(), items);
  const linkedSources = await page.locator(".px-sent.px-linked").evaluateAll((els) => els.map((e) => e.dataset.source));
  assert.ok(linkedSources.every((s) => s !== "0"));
  // Every other source is either listed as a counterpart or named as not carrying it.
  const text = await detail.textContent();
  const names = await page.locator(".px-column .px-col-name").allTextContents();
  for (const n of names.slice(1)) {
    const bare = n.replace(/^\d+\. /, "");
    assert.ok(text.includes(bare), `${bare} missing from the detail`);
  }
  // The same from the keyboard: Tab to a unique sentence of 003.
  const unique = page.locator('.px-column[data-source="3"] .px-sent.rel-unique').first();
  await unique.focus();
  assert.match(await detail.textContent(), /unique/);
  assert.match(await detail.textContent(), /No other source carries this sentence/);
  assert.equal(await page.locator(".px-sent.px-linked").count(), 0);
  await context.close();
});

test("tabs, sentences and buttons work from the keyboard", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.getByRole("tab", { name: "Overview" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Reading view");
  assert.ok(await page.locator(".px-reading").isVisible());
  assert.ok(await page.locator(".px-overview").isHidden());
  await page.keyboard.press("Tab");
  // Tab moves through the reading view; Enter on a sentence moves focus to its counterparts.
  const sent = page.locator('.px-column[data-source="1"] .px-sent').first();
  await sent.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("px-detail")), true);
  await context.close();
});

test("presets re-analyze at once and change what counts as shared", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  const relations = () => page.locator(".px-sent").evaluateAll((els) => els.map((e) => e.dataset.rel).join(","));
  const scores = () => page.locator(".px-bars tbody td.px-num").allTextContents();
  const balanced = [await relations(), await scores()];
  await reanalyzed(page, () => page.getByLabel("Lenient").check());
  const lenient = [await relations(), await scores()];
  await reanalyzed(page, () => page.getByLabel("Strict").check());
  const strict = [await relations(), await scores()];
  assert.notDeepEqual(lenient, strict, "the presets give different results");
  const shared = (r) => r[0].split(",").filter((x) => x !== "unique").length;
  assert.ok(shared(lenient) >= shared(balanced) && shared(balanced) >= shared(strict), `${shared(lenient)} ${shared(balanced)} ${shared(strict)}`);
  // Without boilerplate removal nothing is struck through.
  await openTab(page, "Reading view");
  await reanalyzed(page, () => page.getByLabel("Remove boilerplate").uncheck());
  assert.equal(await page.locator(".px-removed s").count(), 0);
  await context.close();
});

test("the report exports as JSON, Markdown and CSV", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  const grab = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    return { file: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
  };
  const json = await grab("Export JSON");
  assert.equal(json.file, "parallax-report.json");
  const doc = JSON.parse(json.text);
  assert.equal(doc.sources.length, 5);
  assert.equal(doc.report.sources.length, 5);
  assert.equal(doc.settings.preset, "balanced");
  const s = doc.report.sources[0].sentences[0];
  assert.ok(doc.sources[0].text.slice(s.span.start, s.span.end).length > 10);

  const md = await grab("Export Markdown");
  assert.equal(md.file, "parallax-summary.md");
  assert.match(md.text, /^# How 5 sources diverge/);
  assert.match(md.text, /\| 1 \| 000_8e073a6bacc06f56 \| \d\.\d\d \| \d+% \| \d+ \|/);

  const csv = await grab("Export CSV");
  assert.equal(csv.file, "parallax-sentences.csv");
  const lines = csv.text.trim().split("\r\n");
  assert.equal(lines[0], "source,source_name,sentence,relation,consensus,other_source,other_name,other_sentence,pair_relation,similarity,text,other_text");
  const total = doc.report.sources.reduce((n, src) => n + src.sentences.reduce((m, x) => m + Math.max(1, x.counterparts.length), 0), 0);
  // Quoted fields may hold line breaks; count records by their leading source index instead.
  assert.equal(csv.text.split("\r\n").filter((l) => /^\d+,/.test(l)).length, total);
  await context.close();
});

test("the print stylesheet prints the results, not the inputs", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator("#sources").isHidden());
  assert.ok(await page.locator(".px-overview").isVisible());
  assert.ok(await page.locator(".px-reading").isVisible(), "every view prints, not only the open tab");
  assert.ok(await page.locator(".px-tabs").isHidden());
  await context.close();
});

for (const [width, height] of [
  [1440, 1000],
  [375, 812],
]) {
  test(`screenshots of the overview and the reading view at ${width} px`, async () => {
    const { page, context, errors } = await openPage(env, { width, height });
    await analyzed(page);
    // Nothing is wider than the screen: the page never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    // …and the divergence table fits its box: no column (such as "Omits") hides behind a scroll.
    const table = await page.locator(".px-bars").evaluate((t) => t.scrollWidth - t.closest(".px-scroll").clientWidth);
    assert.ok(table <= 0, `the divergence table is ${table}px wider than its box`);
    await page.locator("#results").scrollIntoViewIfNeeded();
    await page.locator("#results").screenshot({ path: `${SHOTS}overview-${width}.png` });
    await openTab(page, "Reading view");
    await page.locator('.px-column[data-source="1"] .px-sent').nth(1).hover();
    await page.locator(".px-reading").screenshot({ path: `${SHOTS}reading-${width}.png` });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 0, true);
    await page.screenshot({ path: `${SHOTS}page-${width}.png`, fullPage: width === 375 ? false : true });
    await openTab(page, "Quotes & facts");
    await page.locator(".px-facts").screenshot({ path: `${SHOTS}facts-${width}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("quotes: the seeds' truncated Trump quote shows its cut words and leads to both sentences", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  await openTab(page, "Quotes & facts");
  const item = page.locator(".px-facts .px-quote-list li", { hasText: "over the next couple of days" }).first();
  const text = await item.textContent();
  assert.match(text, /000_8e073a6bacc06f56/);
  assert.match(text, /002_ab3bdcc7c1dc7be7/);
  assert.match(text, /Words cut/);
  // The words the shorter quotation lacks are struck through in the fullest wording.
  assert.match(await item.locator("del").first().textContent(), /over the next couple of days/);
  await item.getByRole("button", { name: "Show in text" }).click();
  const marked = await page.locator(".px-sent.px-target").evaluateAll((els) => els.map((e) => e.dataset.source).sort());
  assert.deepEqual(marked, ["0", "2"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("framing: distinctive terms and differing namings lead to the sentences that use them", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  await openTab(page, "Quotes & facts");
  const lists = page.locator(".px-facts .px-terms");
  // One line per source, each term with its z-score.
  assert.equal(await lists.first().locator("li").count(), 5);
  const first = lists.first().locator("li").nth(4).locator(".px-term").first();
  assert.match(await first.textContent(), / z \d+\.\d$/);
  const term = (await first.textContent()).replace(/ z -?\d+\.\d$/, "");
  await first.click();
  const marked = page.locator(".px-sent.px-target");
  assert.ok((await marked.count()) > 0, `no sentence marked for ${term}`);
  for (const text of await marked.allTextContents()) {
    assert.ok(text.toLowerCase().includes(term.split(" ")[0]), `“${term}” not in “${text}”`);
  }
  // A thing the sources name differently: each wording leads to where that source uses it.
  await openTab(page, "Quotes & facts");
  const naming = lists.nth(1).locator(".px-term").first();
  const wording = (await naming.textContent()).match(/^“(.+)” \(/)[1];
  await naming.click();
  const texts = await page.locator(".px-sent.px-target").allTextContents();
  assert.ok(texts.length > 0 && texts.every((t) => t.toLowerCase().includes(wording.split(" ").pop())), `${wording}: ${texts}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the views render inside shadow roots, twice on one page, and show a conflict with both spans", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  const result = await page.evaluate(async () => {
    const { render } = await import("./render.js");
    const px = await import("./pkg/parallax.js");
    await px.default();
    const { sources } = await (await fetch("gen/seeds.json")).json();
    const report = px.analyze(sources);
    if (!Array.isArray(report.conflicts) || !report.conflicts.length) {
      // A conflict as the facts stage reports one, built from the seeds' own words, for reports
      // made before that stage existed.
      const at = (i, words) => {
        const start = sources[i].text.indexOf(words);
        const sentence = report.sources[i].sentences.findIndex((s) => s.span.start <= start && start < s.span.end);
        return { source: i, sentence, span: { start, end: start + words.length } };
      };
      report.conflicts = [{ kind: "ordinal", a: at(1, "fourth year"), b: at(3, "third year"), aligned: false }];
    }
    const hosts = [1, 2].map(() => {
      const host = document.createElement("div");
      document.body.append(host);
      const shadow = host.attachShadow({ mode: "open" });
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "views.css" });
      const root = document.createElement("div");
      shadow.append(link, root);
      render(report, sources, root, {});
      return { host, shadow, root };
    });
    await new Promise((ok) => setTimeout(ok, 200));
    const [one, two] = hosts;
    // Open the facts tab in the first instance only.
    one.shadow.querySelector('[role=tab][data-tab="facts"]').click();
    const conflict = one.shadow.querySelector(".px-conflicts li");
    const ids = hosts.map((x) => [...x.shadow.querySelectorAll("[id]")].map((e) => e.id));
    const out = {
      lightViews: document.querySelectorAll(".px-view").length - 1, // the page's own
      ids: ids.map((l) => l.length),
      shared: ids[0].filter((id) => ids[1].includes(id)).length,
      oneFacts: !one.shadow.querySelector(".px-facts").hidden,
      twoFacts: !two.shadow.querySelector(".px-facts").hidden,
      conflict: conflict && conflict.textContent,
      marks: conflict ? [...conflict.querySelectorAll("mark")].map((m) => m.textContent) : [],
      conflicting: one.shadow.querySelectorAll(".px-sent.rel-conflicting").length,
      // The page's stylesheet does not reach in: a shadow-root button keeps the views' own font size.
      tabColour: getComputedStyle(one.shadow.querySelector('[role=tab][aria-selected="true"]')).color,
    };
    conflict.querySelector("button").click();
    out.afterShow = [...one.shadow.querySelectorAll(".px-sent.px-target")].map((e) => e.dataset.source);
    for (const x of hosts) x.host.remove();
    return out;
  });
  assert.equal(result.lightViews, 0);
  assert.ok(result.ids[0] > 10);
  assert.equal(result.shared, 0, "each instance has its own ids");
  assert.equal(result.oneFacts, true);
  assert.equal(result.twoFacts, false, "tabs are per instance");
  assert.match(result.conflict, /disagree on an ordinal/);
  assert.deepEqual(result.marks, ["fourth year", "third year"]);
  assert.ok(result.conflicting >= 2);
  assert.equal(result.tabColour, "rgb(255, 255, 255)");
  assert.deepEqual(result.afterShow.sort(), ["1", "3"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("rewrite families: the seeds' family with its members, direction and evidence", async () => {
  const { page, context, errors } = await openPage(env);
  await analyzed(page);
  const families = page.locator(".px-families > li");
  // 000, 001 and 002 derive from one text; 003 and 004 stand apart (issue 5's seeds).
  const family = families.filter({ hasText: "000_8e073a6bacc06f56" });
  assert.equal(await family.count(), 1);
  const text = await family.textContent();
  for (const s of ["001_616192fc94e1e9a5", "002_ab3bdcc7c1dc7be7"]) assert.ok(text.includes(s), text);
  for (const s of ["003_18d9fc56dedab371", "004_ad8bdea11c4494a7"]) assert.ok(!text.includes(s), text);
  // Each derived pair leads to the two texts side by side with the aligned sentences marked.
  const edge = family.locator(".px-edges li").first();
  assert.match(await edge.textContent(), /(→|—).*\((wholly|partially) derived/);
  await edge.getByRole("button").click();
  const cols = await page.locator(".px-column").count();
  assert.equal(cols, 2);
  const marked = await page.locator(".px-sent.px-target").evaluateAll((els) => [...new Set(els.map((e) => e.dataset.source))]);
  assert.equal(marked.length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("every relation is told apart without colour: its own symbol and underline style", async () => {
  const { page, context } = await openPage(env);
  await analyzed(page);
  await openTab(page, "Reading view");
  const legend = await page.locator(".px-legend .px-rel").evaluateAll((els) =>
    els.map((e) => {
      const cs = getComputedStyle(e);
      return { cue: e.querySelector(".px-cue").textContent, line: `${cs.textDecorationLine} ${cs.textDecorationStyle}` };
    }),
  );
  assert.equal(legend.length, 5);
  assert.equal(new Set(legend.map((l) => l.cue)).size, 5, "five different symbols");
  assert.equal(new Set(legend.map((l) => l.line)).size, 5, `five different underlines: ${JSON.stringify(legend)}`);
  await context.close();
});
