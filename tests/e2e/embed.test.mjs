// Embedding (issue 8): <parallax-compare> twice on a host page with clashing styles and a strict
// Content-Security-Policy (www/embed.html), mount() on a plain element, and the worker API.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { axeViolations, start } from "./harness.mjs";

const SHOTS = new URL("../../test-results/", import.meta.url).pathname;
let env;
before(async () => {
  env = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => env && (await env.close()));

/** Opens the embedding demo; records the elements' events and any CSP violation from the start. */
async function openEmbed({ route } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__events = [];
    window.__csp = [];
    for (const type of ["parallax-start", "parallax-done", "parallax-error"]) {
      document.addEventListener(type, (e) => {
        // Whether the views were on screen when the event fired.
        const views = e.target.shadowRoot && e.target.shadowRoot.querySelector(".px-embed");
        window.__events.push({ id: e.target.id, type, detail: e.detail && e.detail.message, shown: !!views && !views.hidden });
      });
    }
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  if (route) await route(page);
  await page.goto(`${env.url}embed.html`);
  return { page, context, errors };
}

/** Waits until every element on the page has finished `n` analyses. */
async function done(page, n = 1, ids = ["bridge", "seeds"]) {
  // Finished, and every view drawn: the views not open are drawn when the page is next idle
  // (render.js), as harness.mjs's `analyzed` waits for on the page.
  await page.waitForFunction(
    ([want, which]) =>
      which.every((id) => {
        const el = document.getElementById(id);
        const view = el.shadowRoot && el.shadowRoot.querySelector(".px-view");
        return Number(el.dataset.done || 0) >= want && (!view || view.dataset.drawn === "all");
      }),
    [n, ids],
    { timeout: 30000 },
  );
}

/** How many analyses of `id` have finished, and the last report's source count. */
const state = (page, id) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    return { done: Number(el.dataset.done || 0), sources: el.report ? el.report.sources.length : 0 };
  }, id);

test("two elements on one host page each show their own analysis, with events and no CSP violation", async () => {
  const { page, context, errors } = await openEmbed();
  await done(page);
  assert.deepEqual(await state(page, "bridge"), { done: 1, sources: 3 });
  assert.deepEqual(await state(page, "seeds"), { done: 1, sources: 5 });
  // Each element renders in its own shadow root; nothing of the views is in the host document.
  const views = await page.evaluate(() =>
    ["bridge", "seeds"].map((id) => document.getElementById(id).shadowRoot.querySelectorAll(".px-view").length),
  );
  assert.deepEqual(views, [1, 1]);
  assert.equal(await page.evaluate(() => document.querySelectorAll("[role=tab], [role=tabpanel], [data-instance]").length), 0);
  // The names each element was given show in its own overview only.
  const bridge = page.locator("#bridge");
  const seeds = page.locator("#seeds");
  assert.ok(await bridge.getByText("Evening Post").first().isVisible());
  assert.equal(await seeds.getByText("Evening Post").count(), 0);
  assert.ok(await seeds.getByText("004_ad8bdea11c4494a7").first().isVisible());
  // start comes before done, once per element.
  const events = await page.evaluate(() => window.__events);
  for (const id of ["bridge", "seeds"]) {
    assert.deepEqual(events.filter((e) => e.id === id).map((e) => e.type), ["parallax-start", "parallax-done"], id);
  }
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: `${SHOTS}embed-two-elements.png`, fullPage: true });
  await context.close();
});

test("axe-core finds no serious or critical violation inside the two elements", async () => {
  // The host's own clashing colours are its business; the check is about what the element adds.
  const { page, context } = await openEmbed({
    route: (page) => page.route("**/embed-demo.css", (r) => r.fulfill({ status: 200, contentType: "text/css", body: "" })),
  });
  await done(page);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("parallax-done waits for the element's stylesheets: the views are on screen and styled when it fires", async () => {
  // A slow stylesheet (a cold cache on a busy host) must not let the analysis render unstyled or hidden.
  const { page, context, errors } = await openEmbed({
    route: (page) =>
      page.route("**/lib/embed.css", async (r) => {
        await new Promise((wait) => setTimeout(wait, 1500));
        await r.continue();
      }),
  });
  await done(page);
  const events = await page.evaluate(() => window.__events.filter((e) => e.type === "parallax-done"));
  assert.deepEqual(events.map((e) => [e.id, e.shown]).sort(), [["bridge", true], ["seeds", true]]);
  // embed.css gives the status line its own colour (#4a4a55).
  const status = await page.evaluate(() => getComputedStyle(document.getElementById("bridge").shadowRoot.querySelector(".px-embed-status")).color);
  assert.equal(status, "rgb(74, 74, 85)");
  assert.deepEqual(errors, []);
  await context.close();
});

/** Computed styles of the first elements of each kind inside #bridge's views. */
const insideStyles = (page) =>
  page.evaluate(() => {
    const root = document.getElementById("bridge").shadowRoot;
    const props = ["fontFamily", "fontSize", "color", "backgroundColor", "letterSpacing", "textTransform", "lineHeight", "paddingTop", "borderTopStyle", "borderTopWidth", "display"];
    const out = {};
    const seen = new Set();
    for (const el of root.querySelectorAll(".px-embed, .px-embed *")) {
      const key = `${el.tagName.toLowerCase()}.${[...el.classList].sort().join(".")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cs = getComputedStyle(el);
      out[key] = Object.fromEntries(props.map((p) => [p, cs[p]]));
    }
    return out;
  });

test("the host page's styles do not reach inside the element", async () => {
  // The same page with the host stylesheet emptied is what the views look like on a neutral page.
  const neutral = await openEmbed({
    route: (page) => page.route("**/embed-demo.css", (r) => r.fulfill({ status: 200, contentType: "text/css", body: "" })),
  });
  await done(neutral.page);
  const expected = await insideStyles(neutral.page);
  await neutral.context.close();

  const { page, context } = await openEmbed();
  await done(page);
  const actual = await insideStyles(page);
  assert.ok(Object.keys(expected).length > 20, `compared ${Object.keys(expected).length} kinds of element`);
  for (const key of Object.keys(expected)) assert.deepEqual(actual[key], expected[key], key);
  // And the host's rules did apply to the host's own elements.
  const host = await page.evaluate(() => getComputedStyle(document.querySelector("header h1")).textTransform);
  assert.equal(host, "uppercase");
  await context.close();
});

/** Computed styles of the host page's own elements, which share class names with the views. */
const hostStyles = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("header, header *, h2, main > p, body")].map((el) => {
      const cs = getComputedStyle(el);
      return [el.tagName, el.className, cs.backgroundColor, cs.color, cs.fontSize, cs.borderTopStyle, cs.display, cs.padding, cs.fontFamily, cs.lineHeight];
    }),
  );

test("the element's styles do not reach the host page", async () => {
  // Without the element's module nothing of parallax is on the page: the host as its author sees it.
  const bare = await openEmbed({ route: (page) => page.route("**/lib/element.js", (r) => r.abort()) });
  await bare.page.waitForLoadState("load");
  const expected = await hostStyles(bare.page);
  await bare.context.close();

  const { page, context } = await openEmbed();
  await done(page);
  assert.deepEqual(await hostStyles(page), expected);
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname));
  assert.deepEqual(sheets, ["/embed-demo.css"]);
  await context.close();
});

test("attributes, children and properties re-analyse; errors are shown and reported", async () => {
  const { page, context } = await openEmbed();
  await done(page);
  const removed = () =>
    page.evaluate(() => document.getElementById("bridge").report.sources.flatMap((s) => s.blocks).filter((b) => b.kind === "boilerplate").length);
  assert.equal(await removed(), 1, "Share This Article is removed by default");

  // Settings through the config attribute: with boilerplate stripping off, nothing is removed.
  await page.evaluate(() => document.getElementById("bridge").setAttribute("config", '{"strip_boilerplate": false}'));
  await done(page, 2, ["bridge"]);
  assert.equal(await removed(), 0);

  // A bad setting: the message is shown inside the element and sent as an event.
  await page.evaluate(() => document.getElementById("bridge").setAttribute("config", '{"paraphrase_min": 7}'));
  await page.waitForFunction(() => window.__events.some((e) => e.id === "bridge" && e.type === "parallax-error"));
  const message = page.locator("#bridge .px-embed-error");
  await message.waitFor({ state: "visible" });
  assert.match(await message.textContent(), /paraphrase_min must be between 0 and 1/);
  // Invalid JSON in the attribute is reported the same way.
  await page.evaluate(() => document.getElementById("bridge").setAttribute("config", "{oops"));
  await page.waitForFunction(() => window.__events.filter((e) => e.id === "bridge" && e.type === "parallax-error").length >= 2);
  assert.match(await message.textContent(), /config attribute is not valid JSON/);

  // Back to the preset attribute alone; the error goes away.
  await page.evaluate(() => document.getElementById("bridge").removeAttribute("config"));
  await done(page, 3, ["bridge"]);
  assert.equal(await message.isVisible(), false);
  assert.equal(await removed(), 1);

  // A new child element is a new source; editing a child's text re-analyses.
  await page.evaluate(() => {
    const s = document.createElement("parallax-source");
    s.setAttribute("name", "Late Edition");
    s.textContent = "The Harbour Bridge closed on Monday. Mayor Lena Ortiz said the bridge would reopen within three weeks.";
    document.getElementById("bridge").append(s);
  });
  await done(page, 4, ["bridge"]);
  assert.equal((await state(page, "bridge")).sources, 4);
  await page.evaluate(() => (document.querySelector("#bridge parallax-source").textContent = "Only one sentence is left here."));
  await done(page, 5, ["bridge"]);
  const first = await page.evaluate(() => document.getElementById("bridge").report.sources[0].sentences.length);
  assert.equal(first, 1);

  // The sources property takes the place of the children.
  await page.evaluate(() => {
    document.getElementById("bridge").sources = [
      { name: "X", text: "Rain fell on Tuesday across the north." },
      { name: "Y", text: "Rain fell on Tuesday across the north. Roads flooded." },
    ];
  });
  await done(page, 6, ["bridge"]);
  assert.deepEqual(await page.evaluate(() => document.getElementById("bridge").report.sources.map((s) => s.name)), ["X", "Y"]);
  const events = await page.evaluate(() => window.__events.filter((e) => e.id === "bridge").map((e) => e.type));
  assert.equal(events.filter((t) => t === "parallax-done").length, 6);
  assert.ok(events.filter((t) => t === "parallax-start").length >= 7);
  await context.close();
});

test("restoring a removed block inside the element re-analyses with the override", async () => {
  const { page, context } = await openEmbed();
  await done(page);
  const bridge = page.locator("#bridge");
  const removed = () =>
    page.evaluate(() => {
      const el = document.getElementById("bridge");
      const src = el.sources[0].text;
      return el.report.sources[0].blocks.filter((b) => b.kind === "boilerplate").map((b) => src.slice(b.span.start, b.span.end));
    });
  assert.deepEqual(await removed(), ["Share This Article"]);
  await bridge.getByRole("tab", { name: "Reading view" }).click();
  await bridge.getByRole("button", { name: /Restore .Share This Article/ }).first().click();
  await done(page, 2, ["bridge"]);
  assert.deepEqual(await removed(), []);
  // The block is article text again, with a button to remove it once more.
  assert.ok(await bridge.getByRole("button", { name: /Remove this paragraph again/ }).isVisible());
  await context.close();
});

test("mount() shows a comparison inside a plain element and destroy() removes it", async () => {
  const { page, context, errors } = await openEmbed();
  await done(page);
  const result = await page.evaluate(async () => {
    const { mount } = await import("/lib/element.js");
    const div = document.createElement("div");
    div.id = "mounted";
    document.body.append(div);
    const finished = new Promise((ok) => div.addEventListener("parallax-done", (e) => ok(e.detail.report), { once: true }));
    const compare = mount(div, {
      sources: [
        { name: "P", text: "The museum reopened on Friday after a two-year renovation." },
        { name: "Q", text: "The museum reopened on Friday after a two-year renovation. Tickets sold out." },
      ],
      config: { preset: "lenient" },
    });
    const report = await finished;
    const views = div.shadowRoot.querySelectorAll(".px-view").length;
    compare.destroy();
    return { names: report.sources.map((s) => s.name), views, after: div.shadowRoot.childNodes.length };
  });
  assert.deepEqual(result, { names: ["P", "Q"], views: 1, after: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the worker API: same report as the main thread, page stays responsive, calls cancel", async () => {
  const { page, context, errors } = await openEmbed();
  await done(page);
  const result = await page.evaluate(async () => {
    const out = {};
    const { sources: seeds } = await (await fetch("/gen/seeds.json")).json();
    // The element ran its analyses in workers: on this thread nothing is loaded yet. Load it
    // from bytes through parallax/core, as a host that fetches the file itself would.
    const core = await import("/lib/core.js");
    out.before = (() => {
      try {
        core.analyze(seeds);
        return "analyzed";
      } catch (e) {
        return e.message;
      }
    })();
    await core.init(await (await fetch("/pkg/parallax_bg.wasm")).arrayBuffer());
    out.fromBytes = core.analyze(seeds).sources.length;
    const px = await import("/lib/index.js");
    // Workers loading from a URL and from bytes.
    for (const wasm of ["/pkg/parallax_bg.wasm", new Uint8Array(await (await fetch("/pkg/parallax_bg.wasm")).arrayBuffer())]) {
      const w = px.createAnalyzer({ wasm });
      (out.workers ||= []).push((await w.analyze(seeds.slice(0, 2))).sources.length);
      w.terminate();
    }
    // 40 sources: the seeds with their lines rotated, long enough to keep a worker busy a while.
    const many = Array.from({ length: 40 }, (_, i) => {
      const lines = seeds[i % 5].text.split("\n");
      const k = Math.floor(i / 5) % lines.length;
      return { name: `s${i}`, text: [...lines.slice(k), ...lines.slice(0, k)].join("\n") };
    });
    const ticking = () => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      return () => (clearInterval(timer), ticks);
    };
    const analyzer = px.createAnalyzer();
    await analyzer.ready;
    out.same = JSON.stringify(await analyzer.analyze(seeds, { preset: "strict" })) === JSON.stringify(px.analyze(seeds, { preset: "strict" }));

    // The main thread keeps running timers while the worker analyses.
    let stop = ticking();
    const big = await analyzer.analyze(many);
    out.ticksDuringWorker = stop();
    out.bigSources = big.sources.length;

    // Cancelling a running analysis: a second analyzer runs the same work as a yardstick, and the
    // cancelled analyzer answers its next call before the yardstick finishes. Answering means
    // starting a fresh worker (its WebAssembly loaded again), so the work must take well longer
    // than that: 120 sources. With the 40 above, once analysis had got faster, a loaded machine
    // let the yardstick finish first (CI at 8ac804a).
    const heavy = Array.from({ length: 120 }, (_, i) => ({ ...many[i % many.length], name: `h${i}` }));
    const yardstick = px.createAnalyzer();
    await yardstick.ready;
    const order = [];
    const slow = yardstick.analyze(heavy).then(() => order.push("yardstick finished"));
    const running = analyzer.analyze(heavy).then(
      () => "finished",
      (e) => e.name,
    );
    await new Promise((ok) => setTimeout(ok, 50));
    out.cancelled = analyzer.cancel();
    out.running = await running;
    await analyzer.version().then(() => order.push("cancelled analyzer answered"));
    await slow;
    out.order = order;

    const controller = new AbortController();
    const aborted = analyzer.analyze(seeds, undefined, { signal: controller.signal }).catch((e) => e.name);
    controller.abort();
    out.aborted = await aborted;
    out.error = await analyzer.analyze([]).catch((e) => e.message);
    out.after = (await analyzer.strip(seeds[4].text)).blocks.some((b) => b.text === "Share This Article" && b.kind === "boilerplate");
    analyzer.terminate();
    yardstick.terminate();
    out.terminated = await analyzer.version().catch((e) => e.message);
    return out;
  });
  assert.match(result.before, /not loaded yet: await init\(\) first/);
  assert.equal(result.fromBytes, 5);
  assert.deepEqual(result.workers, [2, 2]);
  assert.equal(result.same, true);
  assert.equal(result.bigSources, 40);
  assert.ok(result.ticksDuringWorker >= 3, `timers ran ${result.ticksDuringWorker} times during the analysis`);
  assert.equal(result.cancelled, 1);
  assert.equal(result.running, "AbortError");
  assert.deepEqual(result.order, ["cancelled analyzer answered", "yardstick finished"]);
  assert.equal(result.aborted, "AbortError");
  assert.match(result.error, /no sources/);
  assert.equal(result.after, true);
  assert.match(result.terminated, /terminated/);
  assert.deepEqual(errors, []);
  await context.close();
});
