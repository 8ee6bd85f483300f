// The views of a report: overview, side-by-side reading, quotes and facts. Pure DOM work over
// (report, sources) into a root element; every lookup is relative to that root, nothing is read
// from or written to globals, and all styling lives in views.css, so the same views run in the
// page and inside a custom element's shadow root. Pasted text only ever becomes text nodes.
//
//   render(report, sources, root, handlers)
//     report   — what `analyze` returned for `sources`
//     sources  — [{name, text}], the texts the report's spans point into
//     root     — an element (or a shadow root) to render into; its content is replaced
//     handlers — optional callbacks: override(sourceIndex, blockStart, keep) when the person
//                restores or removes a block
import { h, nameOf } from "./dom.js";
import { renderOverview } from "./overview.js";
import { renderReading } from "./reading.js";
import { renderFacts, hasFacts } from "./facts.js";

// View state that outlives a re-analysis (which tab is open, which sources are side by side),
// kept per root so that several instances on one page never share it.
const viewState = new WeakMap();
let instances = 0;

// The views not open are drawn when the page is idle, or after this long at the latest.
const IDLE_WAIT_MS = 500;

const TABS = [
  { id: "overview", label: "Overview" },
  { id: "reading", label: "Reading view" },
  { id: "facts", label: "Quotes & facts" },
];

/** Renders `report` for `sources` into `root`. */
export function render(report, sources, root, handlers = {}) {
  let state = viewState.get(root);
  if (!state) {
    state = { id: `px${++instances}`, tab: "overview", shown: null };
    viewState.set(root, state);
  }
  const n = report.sources.length;
  if (!state.shown || state.shown.some((i) => i >= n) || state.n !== n) state.shown = defaultShown(n);
  state.n = n;

  const ctx = { report, sources, root, on: handlers, state, id: (s) => `${state.id}-${s}` };
  const tabs = TABS.filter((t) => t.id !== "facts" || hasFacts(report));
  if (!tabs.some((t) => t.id === state.tab)) state.tab = "overview";

  const tablist = h("div", { class: "px-tabs", role: "tablist", "aria-label": "Views of the analysis" });
  const panels = {};
  for (const t of tabs) {
    const selected = t.id === state.tab;
    tablist.append(
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: "px-tab",
          id: ctx.id(`tab-${t.id}`),
          "aria-controls": ctx.id(`panel-${t.id}`),
          "aria-selected": String(selected),
          tabIndex: selected ? 0 : -1,
          dataset: { tab: t.id },
          onclick: () => ctx.show(t.id),
          onkeydown: (e) => tabKeys(e, ctx, tabs),
        },
        t.label,
      ),
    );
    panels[t.id] = h("section", {
      class: `px-panel px-${t.id}`,
      role: "tabpanel",
      id: ctx.id(`panel-${t.id}`),
      "aria-labelledby": ctx.id(`tab-${t.id}`),
      hidden: !selected,
      dataset: { panel: t.id },
    });
  }
  ctx.panels = panels;

  // Only the open view is drawn at once; the others when the page is next idle (so that they
  // print, and open at once), or when they are opened before that.
  const drawn = new Set();
  const DRAW = { overview: renderOverview, reading: renderReading, facts: renderFacts };
  const draw = (tab) => {
    if (drawn.has(tab) || !panels[tab]) return;
    drawn.add(tab);
    DRAW[tab](ctx, panels[tab]);
  };

  /** Opens a tab. */
  ctx.show = (tab, { focus = true } = {}) => {
    draw(tab);
    state.tab = tab;
    for (const b of tablist.querySelectorAll("[role=tab]")) {
      const on = b.dataset.tab === tab;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    for (const [id, p] of Object.entries(panels)) p.hidden = id !== tab;
  };

  /**
   * Leads from a number to its text: opens the reading view with `sources` side by side and
   * marks the sentences `marks` ([{source, sentence}]), focusing the first.
   */
  ctx.read = ({ sources: wanted = [], marks = [], note = "" }) => {
    const need = [...new Set([...wanted, ...marks.map((m) => m.source)])];
    // Two or more sources asked for: exactly those, side by side. Otherwise the ones needed are
    // added to the columns already open.
    if (wanted.length >= 2) state.shown = need.slice(0, 8);
    else if (!need.every((i) => state.shown.includes(i))) state.shown = [...new Set([...need, ...state.shown])].slice(0, 4);
    drawn.add("reading");
    renderReading(ctx, panels.reading);
    ctx.show("reading", { focus: false });
    ctx.mark(marks, note);
  };

  draw(state.tab);
  const shell = h("div", { class: "px-view", dataset: { instance: state.id } }, tablist, Object.values(panels));
  root.replaceChildren(shell);
  const rest = () => {
    // A newer render has replaced this one: nothing of it is drawn any more.
    if (root.firstChild !== shell) return;
    for (const t of tabs) draw(t.id);
    // Every view is in the page now: a reader of a view not open (a test, a host) waits for this.
    shell.dataset.drawn = "all";
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(rest, { timeout: IDLE_WAIT_MS });
  else setTimeout(rest, 0);
}

function defaultShown(n) {
  return Array.from({ length: Math.min(n, n <= 6 ? 6 : 4) }, (_, i) => i);
}

function tabKeys(e, ctx, tabs) {
  const i = tabs.findIndex((t) => t.id === ctx.state.tab);
  let j = -1;
  if (e.key === "ArrowRight") j = (i + 1) % tabs.length;
  else if (e.key === "ArrowLeft") j = (i - 1 + tabs.length) % tabs.length;
  else if (e.key === "Home") j = 0;
  else if (e.key === "End") j = tabs.length - 1;
  if (j < 0) return;
  e.preventDefault();
  ctx.show(tabs[j].id);
}
