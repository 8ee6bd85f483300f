// `<parallax-compare>`: a comparison of the sources given as `<parallax-source name="…">`
// children or as the `sources` property, with settings from the `preset` and `config`
// attributes or the `config` property. It renders in its own shadow root (see mount.js) and
// fires `parallax-start`, `parallax-done` and `parallax-error`. Importing this module defines
// the element once.
import { Compare, configure, mount } from "./mount.js";

export { Compare, configure, mount };

export class ParallaxCompare extends HTMLElement {
  static observedAttributes = ["preset", "config"];

  constructor() {
    super();
    this._compare = null;
    this._sources = null;
    this._config = undefined;
    this._observer = new MutationObserver(() => this._sync());
  }

  connectedCallback() {
    // A property set before the element was defined sits on the instance and hides the
    // accessor; take it over.
    for (const prop of ["sources", "config"]) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    if (!this._compare) this._compare = mount(this);
    this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["name"] });
    this._sync();
  }

  disconnectedCallback() {
    this._observer.disconnect();
    // The worker stops with the element; it starts again if the element comes back.
    if (this._compare) this._compare.suspend();
  }

  attributeChangedCallback() {
    this._sync();
  }

  /** Sources as `[{name, text}]`; once set, they take the place of the child elements. */
  get sources() {
    return this._sources || readChildren(this);
  }

  set sources(value) {
    this._sources = value == null ? null : value;
    this._sync();
  }

  /** Settings: a partial `Config`, optionally with `preset`; overrides the attributes. */
  get config() {
    return this._config !== undefined ? this._config : configFromAttributes(this);
  }

  set config(value) {
    this._config = value == null ? undefined : value;
    this._sync();
  }

  /** The last report, or null. */
  get report() {
    return this._compare ? this._compare.report : null;
  }

  /** Analyses now; resolves with the report. */
  analyze() {
    if (!this._compare) return Promise.reject(new Error("<parallax-compare> analyses once it is in the document"));
    this._sync();
    return this._compare.analyze();
  }

  _sync() {
    if (!this._compare) return;
    let config;
    try {
      config = this.config;
    } catch (e) {
      this._compare.fail(e);
      return;
    }
    this._compare.update({ sources: this.sources, config });
  }
}

/** The `<parallax-source>` children, their text with the markup's common indentation removed. */
function readChildren(host) {
  return [...host.querySelectorAll(":scope > parallax-source")].map((child, i) => ({
    name: child.getAttribute("name") || `Source ${i + 1}`,
    text: dedent(child.textContent),
  }));
}

function dedent(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

function configFromAttributes(host) {
  let config;
  const json = host.getAttribute("config");
  if (json) {
    try {
      config = JSON.parse(json);
    } catch (e) {
      throw new Error(`the config attribute is not valid JSON: ${e.message}`);
    }
  }
  const preset = host.getAttribute("preset");
  if (preset && !(config && config.preset)) config = { ...config, preset };
  return config;
}

if (!customElements.get("parallax-compare")) customElements.define("parallax-compare", ParallaxCompare);
