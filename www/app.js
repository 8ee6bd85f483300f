// The page: input management (add, remove, rename, reorder, paste, drop, example, clear with
// undo), persistence, settings, analysis in a worker with progress and cancel, and exports. The
// views themselves are render.js, which knows nothing of this file.
import { analysisInput, DEFAULT_SETTINGS, sha256 } from "./analysis.js";
import { Analyzer } from "./analyzer.js";
import { h } from "./dom.js";
import { toCSV, toJSON, toMarkdown } from "./export.js";
import { render } from "./render.js";
import * as store from "./store.js";
import { baseName, fileKind, guessName, markdownToText, wordCount } from "./text.js";

const $ = (sel) => document.querySelector(sel);
const PRESETS = ["strict", "balanced", "lenient"];
// Typing pauses this long before the analysis runs again.
const TYPING_DELAY_MS = 400;
// Above this many sources the text boxes shrink, so the list stays scannable.
const COMPACT_FROM = 12;

const state = {
  sources: [],
  settings: { ...DEFAULT_SETTINGS },
  report: null,
  analyzed: null, // [{id, name, text, overrides}] the report was made from
};
const analyzer = new Analyzer();
const seeds = fetch(new URL("./gen/seeds.json", import.meta.url)).then((r) => {
  if (!r.ok) throw new Error(`the example is missing (${r.status})`);
  return r.json();
});
// The build's analysis of the seeds (scripts/bundle-seeds.mjs), shown while the worker starts when
// nothing differs from what it was made from; without it the page only waits longer.
const bundle = fetch(new URL("./gen/seeds-report.json", import.meta.url))
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null);
let nextId = 1;
let timer = 0;
let undo = null;

// ---- notices -------------------------------------------------------------------------------

function setStatus(msg) {
  $("#status").textContent = msg;
}

/** A note about the inputs (files skipped, sources restored), apart from the analysis status. */
function setNotice(msg) {
  const el = $("#notice");
  el.textContent = msg || "";
  el.hidden = !msg;
}

function setError(msg) {
  const e = $("#error");
  e.textContent = msg || "";
  e.hidden = !msg;
}

let saveTimer = 0;
/** Saves soon: typing in a list of hundreds of sources must not serialize them on every key. */
function persistSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(persist, 250);
}

function persist() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  const problem = store.save(state);
  const el = $("#storage");
  el.textContent = problem ? problem.message : "";
  el.hidden = !problem;
  el.classList.toggle("full", !!problem && problem.level === "error");
}

/** Remembers the sources before a destructive action and offers to bring them back. */
function offerUndo(message) {
  undo = { sources: state.sources.map((s) => ({ ...s, overrides: [...(s.overrides || [])] })) };
  $("#undo-text").textContent = message;
  $("#undo").hidden = false;
}

function dropUndo() {
  undo = null;
  $("#undo").hidden = true;
}

function applyUndo() {
  if (!undo) return;
  state.sources = undo.sources;
  dropUndo();
  changed({ delay: 0 });
  setNotice(`Restored ${state.sources.length} source${state.sources.length === 1 ? "" : "s"}.`);
  $("#add-source").focus();
}

// ---- sources ---------------------------------------------------------------------------------

function newSource(fields) {
  return { id: nextId++, name: "", text: "", overrides: [], named: false, ...fields };
}

/**
 * After any change to the list: save, redraw the list, analyze again. `now` starts the analysis in
 * this task rather than the next: the page's first analysis, so the list and the first report are
 * laid out in one frame instead of two (the build's report of the seeds reaches the screen sooner).
 */
function changed({ delay = 0, list = true, analyze = true, now = false } = {}) {
  if (list) persist();
  else persistSoon();
  if (list) renderSources();
  if (analyze && now) runNow();
  else if (analyze) schedule(delay);
}

/** Overrides point at block starts; keep those an edit did not move, shift those after it. */
function carryOverrides(overrides, before, after) {
  if (!overrides.length) return overrides;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const delta = after.length - before.length;
  return overrides
    .map((o) => {
      if (o.at <= prefix) return o;
      if (o.at >= before.length - suffix) return { ...o, at: o.at + delta };
      return null;
    })
    .filter(Boolean);
}

function sourceCard(s, i, n) {
  const label = (what) => `${what} source ${i + 1}`;
  const name = h("input", {
    class: "name",
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    "aria-label": `Name of source ${i + 1}`,
  });
  name.value = s.name;
  const text = h("textarea", {
    class: "text",
    rows: n > COMPACT_FROM ? "3" : "6",
    spellcheck: "false",
    "aria-label": `Text of source ${i + 1}`,
  });
  text.value = s.text;
  const info = h("span", { class: "words" }, `${wordCount(s.text)} words`);

  name.addEventListener("input", () => {
    s.name = name.value;
    s.named = name.value.trim().length > 0;
    dropUndo();
    persistSoon();
    renameInReport(s);
  });
  text.addEventListener("input", () => {
    s.overrides = carryOverrides(s.overrides || [], s.text, text.value);
    s.text = text.value;
    if (!s.text.trim()) delete s.html;
    if (!s.named) {
      s.name = guessName(s.text, "");
      name.value = s.name;
    }
    info.textContent = `${wordCount(s.text)} words`;
    dropUndo();
    changed({ delay: TYPING_DELAY_MS, list: false });
  });
  text.addEventListener("paste", (e) => pasteRich(e, text, s));

  const move = (delta) => {
    const j = i + delta;
    if (j < 0 || j >= state.sources.length) return;
    [state.sources[i], state.sources[j]] = [state.sources[j], state.sources[i]];
    dropUndo();
    changed();
    // Focus follows the moved source: the same button again, or the other one at either end.
    const card = document.querySelector(`#source-list .source[data-id="${s.id}"]`);
    const same = card.querySelector(delta < 0 ? ".up" : ".down");
    (same.disabled ? card.querySelector(delta < 0 ? ".down" : ".up") : same).focus();
  };
  return h(
    "li",
    { class: "source", dataset: { id: String(s.id) } },
    h(
      "div",
      { class: "source-head" },
      h("span", { class: "source-num", "aria-hidden": "true" }, String(i + 1)),
      h("label", { class: "name-label" }, "Name", name),
      h(
        "div",
        { class: "source-tools" },
        h("button", { type: "button", class: "up", "aria-label": label("Move up"), title: "Move up", disabled: i === 0, onclick: () => move(-1) }, "↑"),
        h("button", { type: "button", class: "down", "aria-label": label("Move down"), title: "Move down", disabled: i === n - 1, onclick: () => move(1) }, "↓"),
        h("button", { type: "button", class: "remove", "aria-label": label("Remove"), onclick: () => removeSource(i) }, "Remove"),
      ),
    ),
    h("label", { class: "text-label" }, "Article text", text),
    h("p", { class: "source-info" }, info, s.overrides && s.overrides.length ? ` · ${s.overrides.length} block${s.overrides.length > 1 ? "s" : ""} changed by you` : ""),
  );
}

function renderSources() {
  const n = state.sources.length;
  $("#source-list").replaceChildren(...state.sources.map((s, i) => sourceCard(s, i, n)));
  $("#source-count").textContent = n ? `(${n})` : "";
  $("#source-list").classList.toggle("compact", n > COMPACT_FROM);
}

function addSource(fields = {}) {
  state.sources.push(newSource(fields));
  dropUndo();
}

function removeSource(i) {
  const s = state.sources[i];
  offerUndo(`Removed “${s.name || `source ${i + 1}`}”.`);
  state.sources.splice(i, 1);
  changed();
  const cards = document.querySelectorAll("#source-list .source .remove");
  (cards[Math.min(i, cards.length - 1)] || $("#add-source")).focus();
}

async function pasteRich(e, textarea, source) {
  const data = e.clipboardData;
  const html = data && data.getData("text/html");
  // A rich paste from a web page: read it through the same HTML path as a dropped .html file.
  if (!html || !/<(p|div|h[1-6]|article|section|li|br|table|blockquote)\b/i.test(html)) return;
  e.preventDefault();
  const plain = data.getData("text/plain");
  const start = textarea.selectionStart;
  const end = textarea.selectionEnd;
  let text;
  try {
    text = await analyzer.htmlToText(html);
  } catch {
    text = "";
  }
  const rich = text.trim().length > 0;
  textarea.setRangeText(rich ? text : plain, start, end, "end");
  // The markup goes along to the analysis, whose boilerplate stage reads its hints (menus,
  // share bars, article containers); the text stays what is shown and analysed.
  if (rich) source.html = `${source.html || ""}${html}`;
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

/** The headline of an HTML page: its first <h1>, else its <title>. */
function htmlTitle(html) {
  // DOMParser makes an inert document: its scripts never run and its images never load.
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const el of [doc.querySelector("h1"), doc.querySelector("title")]) {
    const t = el && el.textContent.replace(/\s+/g, " ").trim();
    if (t) return guessName(t, "");
  }
  return "";
}

/** A file as {text, title}: HTML and Markdown read as a person would see them. */
async function readFile(file) {
  const kind = fileKind(file.name, file.type);
  if (!kind) throw new Error(`${file.name} is not a text, HTML or Markdown file`);
  const raw = await file.text();
  if (kind === "html") return { text: await analyzer.htmlToText(raw), title: htmlTitle(raw), html: raw };
  if (kind === "markdown") return { text: markdownToText(raw), title: "" };
  return { text: raw, title: "" };
}

async function addFiles(files) {
  const skipped = [];
  let added = 0;
  for (const file of files) {
    try {
      const { text, title, html } = await readFile(file);
      if (!text.trim()) throw new Error(`${file.name} has no text`);
      addSource({ name: title || guessName(text, baseName(file.name)), text, html, named: true });
      added++;
    } catch (e) {
      skipped.push(e.message);
    }
  }
  if (added) changed();
  setNotice(`Added ${added} file${added === 1 ? "" : "s"}.${skipped.length ? ` Skipped: ${skipped.join("; ")}.` : ""}`);
}

async function loadExample() {
  const { sources } = await seeds;
  if (state.sources.some((s) => s.text.trim())) offerUndo(`Replaced your ${state.sources.length} sources with the example.`);
  state.sources = sources.map((s) => newSource({ name: s.name, text: s.text, named: true }));
  changed({ now: true });
}

function clearAll() {
  if (!state.sources.length) return;
  offerUndo(`Cleared ${state.sources.length} source${state.sources.length === 1 ? "" : "s"}.`);
  state.sources = [];
  // At once: the analysis of the sources just cleared leaves the screen in this same task.
  changed({ now: true });
  $("#undo-button").focus();
}

// ---- analysis --------------------------------------------------------------------------------

function schedule(delay = 0) {
  clearTimeout(timer);
  timer = setTimeout(run, delay);
}

/** Analyzes at once, dropping any analysis scheduled for later. */
function runNow() {
  clearTimeout(timer);
  run();
}

function showProgress(count) {
  const started = performance.now();
  const box = $("#progress");
  const label = $("#progress-text");
  let stage = "Starting";
  const tick = () => {
    const s = ((performance.now() - started) / 1000).toFixed(1);
    label.textContent = `${stage}: ${count} source${count === 1 ? "" : "s"} · ${s} s`;
  };
  tick();
  box.hidden = false;
  document.body.dataset.analyzing = "true";
  const every = setInterval(tick, 200);
  return {
    stage(name) {
      stage = name;
      tick();
    },
    done() {
      clearInterval(every);
      box.hidden = true;
      delete document.body.dataset.analyzing;
    },
  };
}

/**
 * The build's report of the seeds when `input` is exactly the request it was made from and the
 * worker is about to run the very WebAssembly and language packs it was made with (their SHA-256,
 * analyzer.js); else null. Whatever else the person has — any edit, override, setting or source —
 * gives another request and never this report.
 */
async function bundledReport(input) {
  const b = await bundle;
  if (!b || !b.report || b.report.sources.length !== input.sources.length) return null;
  const [key, identity] = await Promise.all([sha256(JSON.stringify(input)), analyzer.identity]);
  const same = key && identity && identity.wasm && b.input === key && b.wasm === identity.wasm && b.packs === identity.packs && b.stem === identity.stem;
  return same ? b.report : null;
}

let generation = 0;

/**
 * The names the sources have now, for a report of the names they had when its analysis started:
 * a rename needs no new analysis, so one made while an analysis ran must not be undone by it.
 */
function currentNames(report, analyzed) {
  analyzed.forEach((a, i) => {
    const s = state.sources.find((x) => x.id === a.id);
    const name = s ? s.name || `Source ${i + 1}` : a.name;
    if (name === a.name) return;
    a.name = name;
    if (report.sources[i]) report.sources[i].name = name;
  });
}

/** Puts a report on screen; `kind` says where it came from: "bundled" or "live". */
function show(report, analyzed, status, kind) {
  setError("");
  currentNames(report, analyzed);
  state.report = report;
  state.analyzed = analyzed;
  render(report, analyzed, $("#views"), { override });
  $("#results").hidden = false;
  setStatus(status);
  document.body.dataset.report = kind;
  document.body.dataset.analyzed = "true";
}

async function run() {
  const { picked, input } = analysisInput(state.sources, state.settings);
  const { sources } = input;
  const body = document.body.dataset;
  // Every run, even one that finds nothing to analyze, makes the reports still on their way stale.
  const token = ++generation;
  if (sources.length === 0) {
    analyzer.cancel();
    setStatus("Paste at least one article to analyze.");
    $("#results").hidden = true;
    state.report = null;
    return;
  }
  const progress = showProgress(sources.length);
  body.analyzed = "false";
  delete body.report;
  delete body.check;
  const analyzed = picked.map((s, k) => ({ id: s.id, ...sources[k] }));
  const live = analyzer.analyze(sources, input.config, (stage) => progress.stage(stage === "analyzing" ? "Analyzing" : stage));
  // The seeds, unchanged: the build's report goes on screen as soon as the page has hashed the
  // files the worker runs, while the worker analyzes; its analysis then confirms or replaces it.
  // `early` is that report's JSON as shown (the views may change the report later: a rename).
  let early = null;
  bundledReport(input).then((report) => {
    if (!report || token !== generation || body.report) return;
    early = JSON.stringify(report);
    show(report, analyzed, "Showing the analysis of the example made when this page was built; checking it here…", "bundled");
  }, () => {});
  try {
    const { report, ms } = await live;
    // A report that arrived as the sources changed (its worker had answered before the cancel)
    // is of sources no longer there.
    if (token !== generation) return;
    progress.stage("Drawing");
    const done = `Analyzed ${sources.length} source${sources.length > 1 ? "s" : ""} in ${Math.max(1, Math.round(ms))} ms.`;
    const warn = report.warnings.length ? ` ${report.warnings.join(" ")}` : "";
    if (early && JSON.stringify(report) === early) {
      // The same report: the views on screen stay as they are (and where the person is in them).
      setStatus(`${done}${warn}`);
      body.check = "same";
      body.report = "live";
    } else {
      if (early) body.check = "differs";
      show(report, analyzed, `${done}${warn}`, "live");
    }
    $("#version").textContent = analyzer.version;
  } catch (e) {
    if (e.cancelled || token !== generation) return;
    // The inputs stay exactly as they are; only the message changes.
    setError(`Could not analyze: ${e.message}`);
    setStatus("");
  } finally {
    progress.done();
  }
}

function cancel() {
  if (analyzer.cancel()) {
    clearTimeout(timer);
    setStatus("Analysis cancelled. Your sources are unchanged; select Analyze to run it again.");
  }
}

/** The person overrules the boilerplate stage on one block of analyzed source `i`. */
function override(i, at, keep) {
  const ref = state.analyzed && state.analyzed[i];
  const s = ref && state.sources.find((x) => x.id === ref.id);
  if (!s) return;
  s.overrides = (s.overrides || []).filter((o) => o.at !== at);
  const block = state.report.sources[i].blocks.find((b) => b.span.start === at);
  const detectedBody = block && block.detected === "body";
  // An override that only restates the classifier's own decision is dropped.
  if (keep !== detectedBody) s.overrides.push({ at, keep });
  changed();
}

let renameTimer = 0;
/** A new name needs no new analysis: the report is re-drawn with it. */
function renameInReport(s) {
  clearTimeout(renameTimer);
  renameTimer = setTimeout(() => {
    if (!state.report || !state.analyzed) return;
    const i = state.analyzed.findIndex((a) => a.id === s.id);
    if (i < 0) return;
    state.analyzed[i].name = s.name || `Source ${i + 1}`;
    state.report.sources[i].name = state.analyzed[i].name;
    render(state.report, state.analyzed, $("#views"), { override });
  }, 250);
}

// ---- settings and exports --------------------------------------------------------------------

function renderSettings() {
  for (const r of document.querySelectorAll("input[name=preset]")) r.checked = r.value === state.settings.preset;
  $("#strip-boilerplate").checked = state.settings.strip_boilerplate !== false;
}

function download(fileName, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- start -----------------------------------------------------------------------------------

function init() {
  $("#add-source").addEventListener("click", () => {
    addSource();
    // An empty source changes no result: the analysis waits for its text.
    changed({ analyze: false });
    const areas = document.querySelectorAll("#source-list .text");
    areas[areas.length - 1].focus();
  });
  $("#open-files").addEventListener("click", () => $("#file-input").click());
  $("#file-input").addEventListener("change", async (e) => {
    await addFiles([...e.target.files]);
    e.target.value = "";
  });
  $("#load-example").addEventListener("click", () => loadExample().catch((e) => setError(`Could not load the example: ${e.message}`)));
  $("#clear-all").addEventListener("click", clearAll);
  $("#undo-button").addEventListener("click", applyUndo);
  $("#analyze").addEventListener("click", () => schedule(0));
  $("#cancel").addEventListener("click", cancel);
  for (const r of document.querySelectorAll("input[name=preset]")) {
    r.addEventListener("change", () => {
      state.settings.preset = r.value;
      changed({ list: false });
    });
  }
  $("#strip-boilerplate").addEventListener("change", (e) => {
    state.settings.strip_boilerplate = e.target.checked;
    changed({ list: false });
  });
  const exportable = () => state.report && state.analyzed;
  $("#export-json").addEventListener("click", () => exportable() && download("parallax-report.json", "application/json", toJSON(state.report, state.analyzed, state.settings)));
  $("#export-md").addEventListener("click", () => exportable() && download("parallax-summary.md", "text/markdown", toMarkdown(state.report, state.analyzed)));
  $("#export-csv").addEventListener("click", () => exportable() && download("parallax-sentences.csv", "text/csv", toCSV(state.report, state.analyzed)));
  $("#print").addEventListener("click", () => window.print());

  // Dropping files anywhere on the sources section adds them; elsewhere a drop must not navigate
  // away from the page (and lose nothing either).
  const zone = $("#sources");
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes("Files");
  window.addEventListener("dragover", (e) => hasFiles(e) && e.preventDefault());
  window.addEventListener("drop", (e) => hasFiles(e) && e.preventDefault());
  zone.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    zone.classList.add("dropping");
    $("#drop-hint").hidden = false;
  });
  zone.addEventListener("dragleave", (e) => {
    if (zone.contains(e.relatedTarget)) return;
    zone.classList.remove("dropping");
    $("#drop-hint").hidden = true;
  });
  zone.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    zone.classList.remove("dropping");
    $("#drop-hint").hidden = true;
    addFiles([...e.dataTransfer.files]);
  });

  const saved = store.load();
  if (saved && saved.settings) {
    if (PRESETS.includes(saved.settings.preset)) state.settings.preset = saved.settings.preset;
    if (typeof saved.settings.strip_boilerplate === "boolean") state.settings.strip_boilerplate = saved.settings.strip_boilerplate;
  }
  renderSettings();
  if (saved) {
    state.sources = saved.sources.map((s) => newSource(s));
    renderSources();
    runNow();
  } else {
    loadExample().catch((e) => setError(`Could not load the example: ${e.message}`));
  }

  // A pending save is written before the page goes away.
  window.addEventListener("pagehide", () => saveTimer && persist());
  document.addEventListener("visibilitychange", () => document.hidden && saveTimer && persist());

  // Offline use: a service worker keeps a copy of the page's files.
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register(new URL("./sw.js", import.meta.url), { scope: "./" }).catch(() => {});
  }
}

init();
