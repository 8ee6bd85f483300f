// Shared set-up for the browser tests: serve www/ on a free port and drive Debian's Chromium.
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

/** A fresh page that records console errors, page errors and every request. */
export async function openPage(env, { width = 1440, height = 900, path = "" } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height } });
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

/** Waits until the page shows a finished analysis. */
export async function analyzed(page) {
  await page.waitForSelector("body[data-analyzed='true']", { timeout: 20000 });
}
