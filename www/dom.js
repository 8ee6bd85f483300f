// A tiny DOM builder for the views. Text only ever goes in through text nodes or textContent:
// pasted articles are untrusted and must never become markup.

/**
 * `h("button", {class: "x", type: "button", onclick: f, "aria-label": "…"}, "text", child)`.
 * Keys starting with "on" add listeners, `dataset` sets data-*, `vars` sets CSS custom properties
 * (through the CSSOM, which the Content-Security-Policy allows), `hidden`/`tabIndex` are set as
 * properties, everything else as an attribute. Children are nodes or strings (made text nodes);
 * null and false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "vars") for (const [k, v] of Object.entries(value)) el.style.setProperty(k, v);
    else if (key === "hidden" || key === "tabIndex") el[key] = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings, arrays of them); skips null and false. */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** Replaces the children of `el` (nodes, strings, arrays; null and false skipped). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A score with two decimals. */
export const fmt = (x) => Number(x).toFixed(2);

/** A share as a whole percentage. */
export const pct = (x) => `${Math.round(Number(x) * 100)}%`;

/** The name a source is shown under. */
export const nameOf = (report, i) => (report.sources[i] && report.sources[i].name) || `Source ${i + 1}`;

/** The text a report span covers. */
export const slice = (sources, i, span) => (sources[i] ? sources[i].text.slice(span.start, span.end) : "");

/** Text hidden on screen but read by screen readers. */
export const sr = (text) => h("span", { class: "px-sr" }, text);
