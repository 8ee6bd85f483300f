// The overview: divergence per source with its breakdown, the N×N heatmap, rewrite families,
// consensus statements and who omits them. Every number is a button that leads to its text.
import { consensusStatements } from "./consensus.js";
import { fill, fmt, h, nameOf, pct, slice, sr } from "./dom.js";

// Above this many sources the heatmap is drawn on a canvas (one focusable element, arrow keys
// move a cursor) instead of a table of N² buttons, which would make the page sluggish.
const TABLE_MAX = 30;
// Consensus statements listed before a "show all" button.
const CONSENSUS_FIRST = 25;
// The heatmap's six steps (ColorBrewer "Blues") and the divergence where each starts; views.css
// gives each step an ink with at least 4.5:1 contrast.
const HEAT = ["#eff3ff", "#c6dbef", "#9ecae1", "#4292c6", "#2171b5", "#084594"];
const HEAT_FROM = [0, 0.2, 0.4, 0.55, 0.7, 0.85];
const heatStep = (v) => HEAT_FROM.findLastIndex((x) => v >= x);

export function renderOverview(ctx, panel) {
  fill(panel,
    h("h2", { class: "px-h" }, "How the sources diverge"),
    divergenceSection(ctx),
    matrixSection(ctx),
    familiesSection(ctx),
    consensusSection(ctx),
  );
}

function divergenceSection(ctx) {
  const { report } = ctx;
  const rows = report.sources.map((s, i) => {
    const omitted = s.omitted.length;
    const name = nameOf(report, i);
    const unique = s.unique.map((k) => ({ source: i, sentence: k }));
    return h(
      "tr",
      {},
      h(
        "th",
        { scope: "row", class: "px-src-name" },
        h("button", { type: "button", class: "px-link", title: name, onclick: () => ctx.read({ sources: [i] }) }, `${i + 1}. ${name}`),
      ),
      h(
        "td",
        { class: "px-bar-cell" },
        h(
          "span",
          { class: "px-stack", role: "img", "aria-label": `divergence ${fmt(s.divergence)}: unique ${pct(s.unique_share)}, omits ${pct(s.omitted_share)}` },
          // Each half of the score is drawn as its own segment, so the bar is the score.
          h("span", { class: "px-seg px-seg-unique", vars: { "--w": `${(s.unique_share * 50).toFixed(2)}%` } }),
          h("span", { class: "px-seg px-seg-omitted", vars: { "--w": `${(s.omitted_share * 50).toFixed(2)}%` } }),
        ),
      ),
      h(
        "td",
        { class: "px-num" },
        numButton(fmt(s.divergence), `divergence of ${name}: show its unique sentences`, () =>
          ctx.read({ sources: [i], marks: unique, note: `${name}: divergence ${fmt(s.divergence)}; its unique sentences are marked.` }),
        ),
      ),
      h(
        "td",
        { class: "px-num" },
        numButton(pct(s.unique_share), `unique share of ${name}: show its ${unique.length} unique sentences`, () =>
          ctx.read({ sources: [i], marks: unique, note: `${name}: ${unique.length} sentences no other source carries.` }),
        ),
      ),
      h(
        "td",
        { class: "px-num" },
        numButton(`${omitted}`, `${name} omits ${omitted} common statements: show them`, () =>
          ctx.read({
            sources: [...new Set(s.omitted.map((r) => r.source))].slice(0, 3),
            marks: s.omitted,
            note: `Statements most other sources carry and ${name} leaves out.`,
          }),
        ),
      ),
    );
  });
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("div-h") },
    h("h3", { id: ctx.id("div-h") }, "Divergence per source"),
    h(
      "p",
      { class: "px-hint" },
      "0 = says what the others say; 1 = shares nothing with them. Half the score is the share of its text no other source carries ",
      h("span", { class: "px-key px-key-unique", "aria-hidden": "true" }),
      " (solid), half the share of the others' common statements it leaves out ",
      h("span", { class: "px-key px-key-omitted", "aria-hidden": "true" }),
      " (striped). Select a number to read the sentences behind it.",
    ),
    h(
      "div",
      { class: "px-scroll" },
      h(
        "table",
        { class: "px-bars" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Source"),
            h("th", { scope: "col" }, "Breakdown"),
            h("th", { scope: "col", class: "px-num" }, "Divergence"),
            h("th", { scope: "col", class: "px-num" }, "Unique"),
            h("th", { scope: "col", class: "px-num" }, "Omits"),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
  );
}

function numButton(text, label, onclick) {
  // The accessible name starts with the visible number (WCAG 2.5.3, label in name).
  return h("button", { type: "button", class: "px-numbtn", "aria-label": `${text}: ${label}`, onclick }, text);
}

/** Facts about the pair (i, j), oriented so that i comes first. */
function pairFacts(report, i, j) {
  const p = report.pairs.find((q) => q.a === Math.min(i, j) && q.b === Math.max(i, j));
  if (!p) return null;
  const flip = i > j;
  const quoteless = p.quoteless_containment_ab === undefined ? null : flip ? [p.quoteless_containment_ba, p.quoteless_containment_ab] : [p.quoteless_containment_ab, p.quoteless_containment_ba];
  return {
    pair: p,
    divergence: p.divergence,
    jsd: p.jsd,
    coverage: flip ? [p.coverage_ba, p.coverage_ab] : [p.coverage_ab, p.coverage_ba],
    containment: flip ? [p.containment_ba, p.containment_ab] : [p.containment_ab, p.containment_ba],
    quoteless,
  };
}

/**
 * The sentences of source i that source j carries: the pair's aligned sentences (the evidence of
 * derivation) when the report has them, else every counterpart in j.
 */
function sharedMarks(report, i, j) {
  const p = report.pairs.find((q) => q.a === Math.min(i, j) && q.b === Math.max(i, j));
  if (p && Array.isArray(p.aligned) && p.aligned.length) return p.aligned.flat();
  const marks = [];
  report.sources[i].sentences.forEach((s, k) => {
    const c = s.counterparts.find((c) => c.source === j);
    if (c) marks.push({ source: i, sentence: k }, { source: j, sentence: c.sentence });
  });
  return marks;
}

function matrixSection(ctx) {
  const { report } = ctx;
  const n = report.sources.length;
  const detail = h("div", { class: "px-pair-detail", "aria-live": "polite", id: ctx.id("pair") });
  const choose = (i, j) => showPair(ctx, detail, i, j);
  const grid = n <= TABLE_MAX ? matrixTable(ctx, choose) : matrixCanvas(ctx, choose);
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("matrix-h") },
    h("h3", { id: ctx.id("matrix-h") }, "Pairwise divergence"),
    h("p", { class: "px-hint" }, "Darker = more different. Select a cell for the figures and the sentences behind it."),
    h("div", { class: "px-scroll px-matrix-wrap" }, grid),
    detail,
  );
}

function matrixTable(ctx, choose) {
  const { report } = ctx;
  const n = report.sources.length;
  const head = h("tr", {}, h("td"));
  for (let j = 0; j < n; j++) head.append(h("th", { scope: "col", class: "px-col", title: nameOf(report, j) }, String(j + 1), sr(` ${nameOf(report, j)}`)));
  const body = [];
  for (let i = 0; i < n; i++) {
    const tr = h("tr", {}, h("th", { scope: "row", class: "px-row" }, `${i + 1}. ${nameOf(report, i)}`));
    for (let j = 0; j < n; j++) {
      const v = report.matrix[i][j];
      const td = h("td", { class: `px-cell px-h${heatStep(v)}` });
      if (i === j) {
        td.classList.add("px-self");
        td.append(h("span", { "aria-hidden": "true" }, "—"), sr("same source"));
      } else {
        td.append(
          h(
            "button",
            {
              type: "button",
              class: "px-cell-btn",
              "aria-label": `${fmt(v)}: divergence of ${nameOf(report, i)} vs ${nameOf(report, j)}`,
              dataset: { i: String(i), j: String(j) },
              onclick: () => choose(i, j),
            },
            fmt(v),
          ),
        );
      }
      tr.append(td);
    }
    body.push(tr);
  }
  return h("table", { class: "px-matrix" }, h("thead", {}, head), h("tbody", {}, body));
}

function matrixCanvas(ctx, choose) {
  const { report } = ctx;
  const n = report.sources.length;
  const cell = Math.max(2, Math.min(12, Math.floor(720 / n)));
  const canvas = h("canvas", {
    class: "px-heatmap",
    width: String(n * cell),
    height: String(n * cell),
    tabindex: "0",
    role: "application",
    "aria-roledescription": "heatmap",
    "aria-label": `Pairwise divergence of ${n} sources. Arrow keys move between pairs, Enter shows the figures of a pair.`,
  });
  const cursor = { i: 0, j: 1 };
  const draw = () => {
    const g = canvas.getContext("2d");
    if (!g) return;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        g.fillStyle = i === j ? "#eeeeee" : HEAT[heatStep(report.matrix[i][j])];
        g.fillRect(j * cell, i * cell, cell, cell);
      }
    }
    g.strokeStyle = "#e69f00";
    g.lineWidth = 2;
    g.strokeRect(cursor.j * cell + 1, cursor.i * cell + 1, cell - 2, cell - 2);
  };
  canvas.addEventListener("click", (e) => {
    const r = canvas.getBoundingClientRect();
    const j = Math.floor(((e.clientX - r.left) / r.width) * n);
    const i = Math.floor(((e.clientY - r.top) / r.height) * n);
    if (i >= 0 && j >= 0 && i < n && j < n && i !== j) {
      Object.assign(cursor, { i, j });
      draw();
      choose(i, j);
    }
  });
  canvas.addEventListener("keydown", (e) => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      cursor.i = Math.max(0, Math.min(n - 1, cursor.i + moves[e.key][0]));
      cursor.j = Math.max(0, Math.min(n - 1, cursor.j + moves[e.key][1]));
      draw();
      if (cursor.i !== cursor.j) choose(cursor.i, cursor.j);
    } else if (e.key === "Enter" && cursor.i !== cursor.j) {
      choose(cursor.i, cursor.j);
    }
  });
  // Drawn once it is in the document, when the context has a size.
  queueMicrotask(draw);
  return canvas;
}

function showPair(ctx, detail, i, j) {
  const { report } = ctx;
  const f = pairFacts(report, i, j);
  const a = nameOf(report, i);
  const b = nameOf(report, j);
  if (!f) {
    // Past `all_pairs_max_sources`, the report lists only the pairs that share something; the
    // matrix still holds every pair's divergence.
    const v = report.matrix[i] && report.matrix[i][j];
    fill(detail,
      h("h4", {}, `${a} vs ${b}`),
      h(
        "ul",
        { class: "px-facts-list" },
        h("li", {}, "Divergence ", h("strong", {}, typeof v === "number" ? fmt(v) : "–"), "."),
        h("li", {}, "They share no sentence: neither carries a sentence of the other, and neither derives from the other."),
      ),
    );
    return;
  }
  const marks = sharedMarks(report, i, j);
  const open = () => ctx.read({ sources: [i, j], marks, note: `Sentences ${a} and ${b} share are marked.` });
  const p = f.pair;
  let derivation = null;
  if (p.derivation && p.derivation !== "non") {
    const orig = p.original === i || p.original === j ? p.original : null;
    const how = `${p.derivation} derived${p.rewrite ? `, ${p.rewrite} rewrite` : ""}`;
    derivation = h(
      "li",
      {},
      orig === null
        ? `One derives from the other (${how}); the direction is unclear.`
        : `${nameOf(report, orig === i ? j : i)} derives from ${nameOf(report, orig)} (${how}).`,
      Array.isArray(p.aligned) ? ` Evidence: ${p.aligned.length} aligned sentences, ${p.in_order} of them in the same order.` : "",
    );
  }
  fill(detail,
    h("h4", {}, `${a} vs ${b}`),
    h(
      "ul",
      { class: "px-facts-list" },
      h("li", {}, "Divergence ", h("strong", {}, fmt(f.divergence)), "."),
      derivation,
      h("li", {}, `${pct(f.coverage[0])} of ${a}'s words are in sentences ${b} carries; ${pct(f.coverage[1])} the other way.`),
      h(
        "li",
        {},
        `Shared wording: ${pct(f.containment[0])} of ${a} is in ${b}, ${pct(f.containment[1])} the other way`,
        f.quoteless ? ` (outside quotations: ${pct(f.quoteless[0])} / ${pct(f.quoteless[1])})` : "",
        ".",
      ),
      h("li", {}, `Vocabulary divergence (Jensen–Shannon): ${fmt(f.jsd)}.`),
    ),
    h("button", { type: "button", class: "px-action", onclick: open }, `Read ${a} and ${b} side by side (${marks.length / 2} shared sentence${marks.length === 2 ? "" : "s"})`),
  );
}

function familiesSection(ctx) {
  const { report } = ctx;
  if (!Array.isArray(report.families)) return null;
  const list = h("ol", { class: "px-families" });
  report.families.forEach((fam, f) => {
    const members = fam.sources || [];
    const original = fam.original ?? null;
    const item = h(
      "li",
      {},
      h("strong", {}, `Family ${f + 1}: `),
      members.map((i) => `${nameOf(report, i)}${i === original ? " (likely original)" : ""}`).join(", "),
    );
    const edges = h("ul", { class: "px-edges" });
    for (const p of report.pairs) {
      if (!members.includes(p.a) || !members.includes(p.b) || !p.derivation || p.derivation === "non") continue;
      // An arrow from the likely original to the rewrite; a plain dash when the direction is open.
      const directed = p.original === p.a || p.original === p.b;
      const from = directed ? p.original : p.a;
      const to = from === p.a ? p.b : p.a;
      const how = [`${p.derivation} derived`, p.rewrite ? `${p.rewrite} rewrite` : ""].filter(Boolean).join(", ");
      edges.append(
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "px-link",
              onclick: () =>
                ctx.read({ sources: [from, to], marks: sharedMarks(report, from, to), note: `Shared sentences of ${nameOf(report, from)} and ${nameOf(report, to)}.` }),
            },
            `${nameOf(report, from)} ${directed ? "→" : "—"} ${nameOf(report, to)}`,
          ),
          ` (${how}${directed ? "" : "; direction unclear"})`,
        ),
      );
    }
    if (edges.childElementCount) item.append(edges);
    list.append(item);
  });
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("fam-h") },
    h("h3", { id: ctx.id("fam-h") }, "Rewrite families"),
    h("p", { class: "px-hint" }, "Sources that derive from the same text; an arrow points from the likely original to the rewrite."),
    report.families.length ? list : h("p", {}, "No two sources derive from the same text."),
  );
}

function consensusSection(ctx) {
  const { report, sources } = ctx;
  const statements = consensusStatements(report);
  const n = report.sources.length;
  const list = h("ol", { class: "px-consensus" });
  const item = (st) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "px-quote-btn",
          onclick: () => ctx.read({ sources: [...new Set(st.group.map((g) => g.source))].slice(0, 4), marks: st.group, note: "A statement most sources carry." }),
        },
        slice(sources, st.ref.source, report.sources[st.ref.source].sentences[st.ref.sentence].span),
      ),
      h(
        "p",
        { class: "px-carried" },
        `Carried by ${st.carriers} of ${n}`,
        st.omitters.length ? `; left out by ${st.omitters.map((i) => nameOf(report, i)).join(", ")}` : "; no source leaves it out",
        ".",
      ),
    );
  statements.slice(0, CONSENSUS_FIRST).forEach((st) => list.append(item(st)));
  const more =
    statements.length > CONSENSUS_FIRST
      ? h(
          "button",
          {
            type: "button",
            class: "px-action",
            onclick: (e) => {
              statements.slice(CONSENSUS_FIRST).forEach((st) => list.append(item(st)));
              e.currentTarget.remove();
            },
          },
          `Show all ${statements.length} statements`,
        )
      : null;
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("cons-h") },
    h("h3", { id: ctx.id("cons-h") }, "Consensus and omissions"),
    h("p", { class: "px-hint" }, "Statements most sources carry, and the sources that leave each out."),
    statements.length ? list : h("p", {}, "No statement is carried by most sources."),
    more,
  );
}
