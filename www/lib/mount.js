// `mount(element, options)`: the page's views of an analysis inside `element`'s own shadow root,
// analysed in a worker. `<parallax-compare>` (element.js) is this plus attributes and children.
// Styles come from stylesheet files linked inside the shadow root, so a strict
// Content-Security-Policy (no inline styles) holds, and nothing of them reaches the host page;
// the container resets every inherited property, so nothing of the host page reaches in.
import { render } from "../render.js";
import { createAnalyzer } from "./analyzer.js";

const VIEWS_CSS = new URL("../views.css", import.meta.url).href;
const EMBED_CSS = new URL("./embed.css", import.meta.url).href;

const defaults = {};

/** Default `wasm`, `workerUrl` and `languagePacks` for every comparison mounted afterwards. */
export function configure({ wasm, workerUrl, languagePacks } = {}) {
  Object.assign(defaults, { wasm, workerUrl, languagePacks });
}

/** Settings and sources of a mounted comparison; see `mount`. */
export class Compare {
  constructor(
    host,
    { sources = [], config, analyzer, wasm = defaults.wasm, workerUrl = defaults.workerUrl, languagePacks = defaults.languagePacks } = {},
  ) {
    if (host.shadowRoot) throw new Error("this element already has a shadow root; mount into an empty element");
    this.host = host;
    this._shadow = host.attachShadow({ mode: "open" });
    this._ownAnalyzer = !analyzer;
    this._analyzerOptions = { wasm, workerUrl, languagePacks };
    this._analyzer = analyzer || null;
    this._sources = normalizeSources(sources);
    this._config = config;
    this._overrides = [];
    this._report = null;
    this._analyzed = null;
    this._timer = 0;
    this._run = 0;

    const sheets = [VIEWS_CSS, EMBED_CSS].map((href) => Object.assign(document.createElement("link"), { rel: "stylesheet", href }));
    this._status = el("p", "px-embed-status");
    this._status.setAttribute("role", "status");
    this._error = el("p", "px-embed-error");
    this._error.setAttribute("role", "alert");
    this._error.hidden = true;
    this._views = el("div", "px-embed-views");
    this._container = el("div", "px-embed");
    this._container.append(this._status, this._error, this._views);
    // Until both sheets have loaded the views would show unstyled; `hidden` needs no stylesheet.
    this._container.hidden = true;
    const loaded = sheets.map((link) => new Promise((done) => (link.onload = link.onerror = done)));
    // Analyses wait for this before rendering, so `parallax-done` means the views are on screen, styled.
    this._styled = Promise.all(loaded).then(() => (this._container.hidden = false));
    this._shadow.append(...sheets, this._container);
    this.schedule();
  }

  /** The sources, `[{name, text}]`; setting them re-analyses. */
  get sources() {
    return this._sources.map(({ name, text }) => ({ name, text }));
  }

  set sources(value) {
    this.update({ sources: value });
  }

  /** The settings: a partial `Config`, optionally with `preset`; setting them re-analyses. */
  get config() {
    return this._config;
  }

  set config(value) {
    this.update({ config: value });
  }

  /**
   * Sets `sources` and/or `config` (whichever the object has) and re-analyses if either
   * changed, or if nothing was analysed yet.
   */
  update(next) {
    let changed = false;
    if ("sources" in next) {
      const sources = normalizeSources(next.sources);
      if (JSON.stringify(sources) !== JSON.stringify(this._sources)) {
        this._sources = sources;
        // Overrides point at offsets of the old texts.
        this._overrides = [];
        changed = true;
      }
    }
    if ("config" in next && JSON.stringify(next.config) !== JSON.stringify(this._config)) {
      this._config = next.config;
      changed = true;
    }
    if (changed || (!this._report && !this._timer)) this.schedule();
  }

  /** The last report, or null. */
  get report() {
    return this._report;
  }

  /** Re-analyses soon; several changes in one task lead to one analysis. */
  schedule() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => {
      this._timer = 0;
      this.analyze().catch(() => {});
    }, 0);
  }

  /** Analyses now, cancelling an analysis in flight; resolves with the report. */
  async analyze() {
    clearTimeout(this._timer);
    this._timer = 0;
    const run = ++this._run;
    const sources = this._sources.map((s, i) => ({ ...s, overrides: this._overrides[i] || [] }));
    if (!this._analyzer) this._analyzer = createAnalyzer(this._analyzerOptions);
    if (this._ownAnalyzer) this._analyzer.cancel();
    if (sources.length === 0) {
      this._report = null;
      this._views.replaceChildren();
      this._setError("");
      this._status.textContent = "No sources yet: add <parallax-source> children or set the sources property.";
      return null;
    }
    this._emit("parallax-start", { sources: sources.length });
    this._status.textContent = `Analyzing ${plural(sources.length, "source")}…`;
    const started = performance.now();
    let report;
    try {
      report = await this._analyzer.analyze(sources, this._config);
      await this._styled;
    } catch (e) {
      // A newer analysis replaced this one; it reports for itself.
      if (run !== this._run || (e && e.name === "AbortError")) throw e;
      this.fail(e);
      throw e;
    }
    if (run !== this._run) throw new DOMException("a newer analysis replaced this one", "AbortError");
    const ms = performance.now() - started;
    this._report = report;
    this._analyzed = sources;
    this._setError("");
    render(report, sources, this._views, { override: (i, at, keep) => this._override(i, at, keep) });
    const warn = report.warnings.length ? ` ${report.warnings.join(" ")}` : "";
    this._status.textContent = `Analyzed ${plural(sources.length, "source")} in ${Math.max(1, Math.round(ms))} ms.${warn}`;
    this._emit("parallax-done", { report, sources: this._analyzed, ms });
    return report;
  }

  /** The person overrules the boilerplate stage on one block of source `i`. */
  _override(i, at, keep) {
    const block = this._report && this._report.sources[i] && this._report.sources[i].blocks.find((b) => b.span.start === at);
    const kept = (this._overrides[i] || []).filter((o) => o.at !== at);
    // An override that only restates the classifier's own decision is dropped.
    if (block && keep !== (block.detected === "body")) kept.push({ at, keep });
    this._overrides[i] = kept;
    this.schedule();
  }

  /** Shows `error` in place of a result and fires `parallax-error`. */
  fail(error) {
    this._setError(`Could not analyze: ${error.message}`);
    this._status.textContent = "";
    this._emit("parallax-error", { error, message: error.message });
  }

  _setError(message) {
    this._error.textContent = message;
    this._error.hidden = !message;
  }

  _emit(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  /** Stops any analysis and ends this element's worker; the next analysis starts a new one. */
  suspend() {
    clearTimeout(this._timer);
    this._timer = 0;
    this._run++;
    if (this._analyzer && this._ownAnalyzer) {
      this._analyzer.terminate();
      this._analyzer = null;
    }
  }

  /** Stops any analysis and empties the element's shadow root; the worker ends. */
  destroy() {
    this.suspend();
    this._shadow.replaceChildren();
  }
}

/**
 * Shows a comparison inside `element` (which gets a shadow root) and returns its `Compare`.
 * Options: `sources` ([{name, text}]), `config` (a partial `Config`, optionally with `preset`),
 * `analyzer` (share a `createAnalyzer()` instead of starting a worker per element), `wasm`,
 * `workerUrl` and `languagePacks` (passed to `createAnalyzer`). Events `parallax-start`, `parallax-done` and
 * `parallax-error` are dispatched on `element`.
 */
export function mount(element, options) {
  return new Compare(element, options);
}

function normalizeSources(sources) {
  if (!Array.isArray(sources)) throw new Error("sources must be an array of {name, text} objects");
  return sources.map((s, i) => {
    if (!s || typeof s.text !== "string") throw new Error(`source ${i + 1} needs a text string`);
    return { name: typeof s.name === "string" && s.name ? s.name : `Source ${i + 1}`, text: s.text };
  });
}

function el(tag, cls) {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
