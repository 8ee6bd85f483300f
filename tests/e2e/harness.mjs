// Shared set-up for the browser tests: serve www/ on a free port and drive Debian's Chromium.
import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export const SHOTS = new URL("../../test-results/", import.meta.url).pathname;

export async function start() {
  const { server, url } = await serve({ port: 0, quiet: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A fresh page that records console errors, page errors and every request.
 * `storage`: sources to find in the browser's storage on first load ({sources, settings}).
 */
export async function openPage(env, { width = 1440, height = 900, path = "", storage = null, context: options = {} } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, ...options });
  if (storage) {
    // Only before the first load, so that a reload reads what the page itself saved.
    await context.addInitScript((json) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("parallax:v1", json);
        sessionStorage.setItem("seeded", "1");
      }
    }, JSON.stringify(storage));
  }
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(env.url + path);
  return { page, context, errors, requests };
}

/**
 * Waits until the page shows a finished analysis with every view drawn (the views not open are
 * drawn when the page is next idle, render.js), so a test can read a view it has not opened.
 */
export async function analyzed(page, timeout = 30000) {
  await page.waitForSelector("body[data-analyzed='true']", { timeout });
  await page.waitForFunction(() => {
    const view = document.querySelector("#views .px-view");
    return !view || view.dataset.drawn === "all";
  }, null, { timeout });
}

/** Runs `action` and waits for the analysis it starts to finish. */
export async function reanalyzed(page, action, timeout = 30000) {
  await page.evaluate(() => (document.body.dataset.analyzed = "stale"));
  await action();
  await analyzed(page, timeout);
}

/** The seed articles, as the page's example holds them. */
export async function seedSources() {
  const json = JSON.parse(await readFile(new URL("../../www/gen/seeds.json", import.meta.url), "utf8"));
  return json.sources;
}

/** Opens a view's tab. */
export async function openTab(page, name) {
  await page.getByRole("tab", { name }).click();
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function axeViolations(page) {
  const source = await readFile(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  // The page's CSP forbids inline scripts, so axe is evaluated through the debugger protocol.
  await page.evaluate(source);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}
