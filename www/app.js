// The page: one state object, persisted on every change; analysis in a worker; rendering in
// render.js. Pasted text is only ever handled as text.
import { Analyzer } from "./analyzer.js";
import { render } from "./render.js";
import * as store from "./store.js";

const $ = (sel) => document.querySelector(sel);
const state = { sources: [], settings: { preset: "balanced" }, report: null, analyzed: null };
const analyzer = new Analyzer();
let timer = 0;

function setStatus(msg) {
  $("#status").textContent = msg;
}

function setError(msg) {
  const e = $("#error");
  e.textContent = msg || "";
  e.hidden = !msg;
}

function persist() {
  const problem = store.save(state);
  if (problem) setError(problem);
}

/** A name from the first line of the text, as a newcomer would name the source. */
function guessName(text, index) {
  const first = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0) || "";
  if (!first) return `Source ${index + 1}`;
  return first.length > 60 ? `${first.slice(0, 57).trimEnd()}…` : first;
}

function renderSources() {
  const list = $("#source-list");
  list.replaceChildren();
  state.sources.forEach((s, i) => {
    const li = document.getElementById("tpl-source").content.firstElementChild.cloneNode(true);
    const name = li.querySelector(".name");
    const text = li.querySelector(".text");
    name.value = s.name;
    text.value = s.text;
    name.setAttribute("aria-label", `Name of source ${i + 1}`);
    text.setAttribute("aria-label", `Text of source ${i + 1}`);
    name.addEventListener("input", () => {
      s.name = name.value;
      persist();
      schedule();
    });
    text.addEventListener("input", () => {
      s.text = text.value;
      // Block offsets change with the text, so earlier overrides no longer apply.
      s.overrides = [];
      if (!s.named) {
        s.name = guessName(s.text, i);
        name.value = s.name;
      }
      persist();
      schedule();
    });
    name.addEventListener("change", () => (s.named = true));
    const remove = li.querySelector(".remove");
    remove.setAttribute("aria-label", `Remove source ${i + 1}`);
    remove.addEventListener("click", () => {
      state.sources.splice(i, 1);
      persist();
      renderSources();
      schedule(0);
    });
    list.append(li);
  });
}

function schedule(delay = 400) {
  clearTimeout(timer);
  timer = setTimeout(run, delay);
}

async function run() {
  const picked = [];
  state.sources.forEach((s, idx) => {
    if (s.text.trim().length > 0) picked.push(idx);
  });
  const sources = picked.map((idx) => {
    const s = state.sources[idx];
    return { name: s.name || `Source ${idx + 1}`, text: s.text, overrides: s.overrides || [] };
  });
  if (sources.length === 0) {
    setStatus("Paste at least one article to analyze.");
    $("#results").hidden = true;
    return;
  }
  setStatus(`Analyzing ${sources.length} source${sources.length > 1 ? "s" : ""}…`);
  try {
    const { report, ms } = await analyzer.analyze(sources, undefined);
    setError("");
    state.report = report;
    state.analyzed = picked;
    render(report, sources, $("#results"), { override });
    $("#results").hidden = false;
    const warn = report.warnings.length ? ` ${report.warnings.join(" ")}` : "";
    setStatus(`Analyzed ${sources.length} source${sources.length > 1 ? "s" : ""} in ${Math.max(1, Math.round(ms))} ms.${warn}`);
    document.body.dataset.analyzed = "true";
    $("#version").textContent = analyzer.version;
  } catch (e) {
    if (e.cancelled) return;
    // The inputs stay as they are; only the message changes.
    setError(`Could not analyze: ${e.message}`);
    setStatus("");
  }
}

/** The person overrules the boilerplate stage on one block of source `i`. */
function override(i, at, keep) {
  const s = state.sources[state.analyzed[i]];
  if (!s) return;
  s.overrides = (s.overrides || []).filter((o) => o.at !== at);
  const block = state.report.sources[i].blocks.find((b) => b.span.start === at);
  const detectedBody = block && block.detected === "body";
  // An override that only restates the classifier's own decision is dropped.
  if (keep !== detectedBody) s.overrides.push({ at, keep });
  persist();
  schedule(0);
}

async function loadExample() {
  const res = await fetch(new URL("./gen/seeds.json", import.meta.url));
  const { sources } = await res.json();
  state.sources = sources.map((s) => ({ name: s.name, text: s.text, overrides: [], named: true }));
  persist();
  renderSources();
  schedule(0);
}

function init() {
  const saved = store.load();
  $("#add-source").addEventListener("click", () => {
    state.sources.push({ name: `Source ${state.sources.length + 1}`, text: "", overrides: [] });
    persist();
    renderSources();
    const areas = document.querySelectorAll("#source-list .text");
    areas[areas.length - 1].focus();
  });
  $("#load-example").addEventListener("click", () => loadExample().catch((e) => setError(e.message)));
  $("#clear-all").addEventListener("click", () => {
    if (state.sources.length && !confirm("Remove all sources? This cannot be undone.")) return;
    state.sources = [];
    persist();
    renderSources();
    schedule(0);
  });
  $("#analyze").addEventListener("click", () => schedule(0));
  if (saved) {
    state.sources = saved.sources.map((s) => ({ ...s, named: true }));
    if (saved.settings) state.settings = saved.settings;
    renderSources();
    schedule(0);
  } else {
    loadExample().catch((e) => setError(`Could not load the example: ${e.message}`));
  }
}

init();
