// The side-by-side reading view: each chosen source as a column, sentences marked by their
// relation (colour, symbol and underline style), removed boilerplate struck through with a button
// to restore it. Hovering or focusing a sentence outlines its counterparts in the other columns
// and lists its counterpart in every other source.
import { fill, fmt, h, nameOf, slice, sr } from "./dom.js";

export const RELATIONS = {
  identical: { label: "identical", cue: "≡" },
  near_verbatim: { label: "near-verbatim", cue: "≈" },
  paraphrase: { label: "paraphrase", cue: "∼" },
  conflicting: { label: "conflicting", cue: "≠" },
  unique: { label: "unique", cue: "◇" },
};
const KIND_LABEL = { title: "title", byline: "byline", date: "date", caption: "caption" };
// Sources listed as checkboxes before the list scrolls.
const PICKER_COLUMNS = 8;

/** The relation a sentence is shown with: conflicting wins over any agreement. */
export function shownRelation(report, i, k) {
  const s = report.sources[i].sentences[k];
  if (conflictsOf(report, i, k).length) return "conflicting";
  return s.best_relation;
}

/** Conflicts (from the facts stage, when present) that involve sentence k of source i. */
export function conflictsOf(report, i, k) {
  if (!Array.isArray(report.conflicts)) return [];
  return report.conflicts.filter((c) =>
    [c.a, c.b].some((side) => side && side.source === i && side.sentence === k),
  );
}

export function renderReading(ctx, panel) {
  const { report, state } = ctx;
  const columns = h("div", { class: "px-columns", dataset: { count: String(state.shown.length) } });
  const detail = h("aside", {
    class: "px-detail",
    id: ctx.id("detail"),
    "aria-live": "polite",
    "aria-label": "Counterparts of the selected sentence",
    hidden: true,
  });
  const note = h("p", { class: "px-note", role: "status" });
  // Hover follows real pointer movement only: content scrolling under a resting pointer (after
  // a keyboard focus, say) fires mouseenter but no pointermove, and must not steal the detail.
  let hovered = null;
  columns.addEventListener(
    "pointermove",
    (e) => {
      const el = e.target.closest && e.target.closest(".px-sent");
      if (!el || el === hovered) return;
      hovered = el;
      showCounterparts(ctx, Number(el.dataset.source), Number(el.dataset.sentence), detail, columns);
    },
    { passive: true },
  );
  columns.addEventListener("pointerleave", () => (hovered = null));
  for (const i of state.shown) columns.append(column(ctx, i, detail, columns));

  ctx.mark = (marks, text = "") => {
    for (const el of columns.querySelectorAll(".px-target")) el.classList.remove("px-target");
    note.textContent = text;
    let first = null;
    for (const m of marks) {
      const el = columns.querySelector(`[data-source="${m.source}"][data-sentence="${m.sentence}"]`);
      if (!el) continue;
      el.classList.add("px-target");
      if (!first) first = el;
    }
    // Scroll each column to its first mark, then focus the very first one.
    for (const col of columns.querySelectorAll(".px-col-body")) {
      const el = col.querySelector(".px-target");
      if (el) scrollWithin(col, el);
    }
    if (first) {
      first.focus({ preventScroll: true });
      first.closest(".px-column").scrollIntoView({ block: "nearest", inline: "nearest" });
    }
    if (!first && marks.length) note.textContent = `${text} (none of them is in the sources shown.)`;
  };

  fill(panel,
    h("h2", { class: "px-h" }, "Reading view"),
    picker(ctx),
    legend(),
    note,
    columns,
    detail,
  );
}

function legend() {
  return h(
    "ul",
    { class: "px-legend", "aria-label": "Legend" },
    Object.entries(RELATIONS).map(([rel, r]) =>
      h("li", {}, h("span", { class: `px-rel rel-${rel}` }, h("span", { class: "px-cue", "aria-hidden": "true" }, r.cue), r.label)),
    ),
    h("li", {}, h("s", { class: "px-removed-sample" }, "removed boilerplate")),
  );
}

function picker(ctx) {
  const { report, state } = ctx;
  const n = report.sources.length;
  const boxes = report.sources.map((_, i) =>
    h(
      "label",
      { class: "px-pick" },
      h("input", {
        type: "checkbox",
        value: String(i),
        checked: state.shown.includes(i),
        onchange: (e) => {
          const set = new Set(state.shown);
          if (e.currentTarget.checked) set.add(i);
          else set.delete(i);
          state.shown = [...set].sort((a, b) => a - b);
          renderReading(ctx, ctx.panels.reading);
          const again = ctx.panels.reading.querySelector(`.px-pick input[value="${i}"]`);
          if (again) again.focus();
        },
      }),
      ` ${i + 1}. ${nameOf(report, i)}`,
    ),
  );
  return h(
    "fieldset",
    { class: `px-picker${n > PICKER_COLUMNS ? " px-picker-long" : ""}` },
    h("legend", {}, `Sources side by side (${state.shown.length} of ${n})`),
    h("div", { class: "px-picks" }, boxes),
  );
}

function column(ctx, i, detail, columns) {
  const { report, sources, on } = ctx;
  const s = report.sources[i];
  const text = sources[i].text;
  const body = h("div", { class: "px-col-body", tabIndex: -1 });
  let k = 0;
  for (const block of s.blocks) {
    if (block.kind === "body") {
      const p = h("p", { class: "px-para" });
      let at = block.span.start;
      while (k < s.sentences.length && s.sentences[k].span.start < block.span.end) {
        const sent = s.sentences[k];
        if (sent.span.start > at) p.append(text.slice(at, sent.span.start));
        p.append(sentence(ctx, i, k, detail, columns));
        at = sent.span.end;
        k++;
      }
      if (at < block.span.end) p.append(text.slice(at, block.span.end));
      if (block.overridden) p.append(" ", toggle(on, i, block, false, "Remove", "Remove this paragraph again"));
      body.append(p);
    } else {
      const removed = block.kind === "boilerplate";
      const shown = text.slice(block.span.start, block.span.end);
      // Metadata stays in place, set apart: the title as a heading-like line, the rest in italics.
      const kept = block.kind === "title" ? h("strong", { class: "px-removed-text px-title" }, shown) : h("span", { class: "px-removed-text" }, shown);
      body.append(
        h(
          "div",
          { class: `px-removed${removed ? "" : ` px-kept-meta px-kind-${block.kind}`}` },
          removed ? h("s", { class: "px-removed-text" }, sr("removed: "), shown) : kept,
          h("span", { class: "px-reason" }, removed ? `removed: ${block.reason_text || "boilerplate"}` : `kept as ${KIND_LABEL[block.kind] || block.kind}`),
          removed
            ? toggle(on, i, block, true, "Restore", `Restore “${shown.slice(0, 40)}” as article text`)
            : toggle(on, i, block, true, "Use as text", `Use as text: “${shown.slice(0, 40)}”, now kept as the ${KIND_LABEL[block.kind] || block.kind}`),
        ),
      );
    }
  }
  // Each count is a button that marks those sentences in this column.
  const byRelation = {};
  s.sentences.forEach((_, j) => {
    const rel = shownRelation(report, i, j);
    (byRelation[rel] = byRelation[rel] || []).push({ source: i, sentence: j });
  });
  const summary = Object.entries(RELATIONS)
    .filter(([rel]) => byRelation[rel])
    .map(([rel, r]) =>
      h(
        "button",
        {
          type: "button",
          class: "px-link",
          onclick: () => ctx.mark(byRelation[rel], `${nameOf(report, i)}: its ${byRelation[rel].length} ${r.label} sentences are marked.`),
        },
        `${byRelation[rel].length} ${r.label}`,
      ),
    );
  return h(
    "article",
    { class: "px-column", dataset: { source: String(i) }, "aria-labelledby": ctx.id(`col-${i}`) },
    h("h3", { class: "px-col-name", id: ctx.id(`col-${i}`) }, `${i + 1}. ${nameOf(report, i)}`),
    h("p", { class: "px-col-summary" }, summary.length ? summary.flatMap((b, k) => (k ? [" · ", b] : [b])) : "no article text"),
    body,
  );
}

function toggle(on, i, block, keep, label, aria) {
  return h(
    "button",
    {
      type: "button",
      class: "px-toggle",
      "aria-label": aria,
      dataset: { at: String(block.span.start) },
      disabled: !on || !on.override,
      onclick: () => on.override(i, block.span.start, keep),
    },
    label,
  );
}

function sentence(ctx, i, k, detail, columns) {
  const { report, sources } = ctx;
  const sent = report.sources[i].sentences[k];
  const rel = shownRelation(report, i, k);
  const others = sent.counterparts.length;
  const show = () => showCounterparts(ctx, i, k, detail, columns);
  return h(
    "span",
    {
      class: `px-sent px-rel rel-${rel}`,
      role: "button",
      tabIndex: 0,
      "aria-controls": ctx.id("detail"),
      dataset: { source: String(i), sentence: String(k), rel },
      onfocus: show,
      onkeydown: (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          show();
          detail.focus();
        }
      },
    },
    h("span", { class: "px-cue", "aria-hidden": "true" }, RELATIONS[rel].cue),
    slice(sources, i, sent.span),
    sr(` (${RELATIONS[rel].label}${others ? `, in ${others} other source${others > 1 ? "s" : ""}` : ""})`),
  );
}

function scrollWithin(container, el) {
  const c = container.getBoundingClientRect();
  const e = el.getBoundingClientRect();
  if (e.top < c.top || e.bottom > c.bottom) container.scrollTop += e.top - c.top - 24;
}

function showCounterparts(ctx, i, k, detail, columns) {
  const { report, sources } = ctx;
  const sent = report.sources[i].sentences[k];
  for (const el of columns.querySelectorAll(".px-linked, .px-current")) el.classList.remove("px-linked", "px-current");
  const self = columns.querySelector(`[data-source="${i}"][data-sentence="${k}"]`);
  if (self) self.classList.add("px-current");
  for (const c of sent.counterparts) {
    const el = columns.querySelector(`[data-source="${c.source}"][data-sentence="${c.sentence}"]`);
    if (!el) continue;
    el.classList.add("px-linked");
    scrollWithin(el.closest(".px-col-body"), el);
  }
  const carriers = new Set(sent.counterparts.map((c) => c.source));
  const missing = report.sources.map((_, j) => j).filter((j) => j !== i && !carriers.has(j));
  const rel = shownRelation(report, i, k);
  const list = h(
    "ul",
    { class: "px-counterparts" },
    sent.counterparts.map((c) => {
      const other = report.sources[c.source].sentences[c.sentence];
      return h(
        "li",
        { class: `px-rel rel-${c.relation}` },
        h("span", { class: "px-cue", "aria-hidden": "true" }, RELATIONS[c.relation].cue),
        h(
          "strong",
          {},
          `${nameOf(report, c.source)} — ${RELATIONS[c.relation].label} (${fmt(c.similarity)})`,
          c.trivial ? ", shares only names and numbers, not counted" : "",
          c.quoted && c.quoted > 0.5 ? ", mostly the same quotation" : "",
          ": ",
        ),
        slice(sources, c.source, other.span),
        " ",
        h(
          "button",
          {
            type: "button",
            class: "px-toggle",
            onclick: () => ctx.read({ sources: [i, c.source], marks: [{ source: i, sentence: k }, { source: c.source, sentence: c.sentence }] }),
          },
          "Go there",
        ),
      );
    }),
  );
  const conflicts = conflictsOf(report, i, k);
  fill(detail,
    h("h3", {}, `Sentence ${k + 1} of ${nameOf(report, i)} — ${RELATIONS[rel].label}`),
    h("p", { class: "px-detail-text" }, slice(sources, i, sent.span)),
    conflicts.length
      ? h(
          "ul",
          { class: "px-conflict-list" },
          conflicts.map((c) => h("li", {}, conflictText(report, sources, c))),
        )
      : null,
    sent.counterparts.length ? list : h("p", {}, "No other source carries this sentence."),
    missing.length && sent.counterparts.length
      ? h("p", { class: "px-missing" }, `Not in ${missing.length} source${missing.length > 1 ? "s" : ""}: ${missing.map((j) => nameOf(report, j)).join(", ")}.`)
      : null,
  );
  detail.tabIndex = -1;
  detail.hidden = false;
}

/** A conflict in words, both spans quoted. */
export function conflictText(report, sources, c) {
  const side = (x) => `${nameOf(report, x.source)}: “${x.text ?? slice(sources, x.source, x.span)}”`;
  return `Conflict${c.kind ? ` (${String(c.kind).replace(/_/g, " ")})` : ""} — ${side(c.a)} vs ${side(c.b)}`;
}
