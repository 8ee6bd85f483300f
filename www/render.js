// Renders a report into the page. Pure: takes the report and the sources' texts, clones
// <template>s and sets textContent only — pasted text is untrusted and never becomes markup.

const RELATION_LABEL = {
  identical: "identical",
  near_verbatim: "near-verbatim",
  paraphrase: "paraphrase",
  unique: "unique",
};
const RELATION_CUE = { identical: "≡", near_verbatim: "≈", paraphrase: "∼", unique: "◇" };
const KIND_LABEL = { title: "title", byline: "byline", date: "date", caption: "caption" };

const clone = (id) => document.getElementById(id).content.firstElementChild.cloneNode(true);
const fmt = (x) => x.toFixed(2);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const displayName = (report, i) => report.sources[i].name || `Source ${i + 1}`;

/** Renders `report` (for `sources`, the texts it was made from) into the results section. */
export function render(report, sources, root, on) {
  renderDivergence(report, root.querySelector("#divergence"));
  renderMatrix(report, root.querySelector("#matrix"), root.querySelector("#pair-detail"));
  renderReading(report, sources, root.querySelector("#reading"), root.querySelector("#sentence-detail"), on);
}

function renderDivergence(report, table) {
  table.replaceChildren();
  const head = el("tr");
  head.append(el("th", "", "Source"), el("th", "", "Divergence"), el("th", "num", "Score"));
  head.firstChild.scope = "col";
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  report.sources.forEach((s, i) => {
    const row = clone("tpl-bar-row");
    row.querySelector(".src-name").textContent = displayName(report, i);
    const fill = row.querySelector(".fill");
    fill.style.setProperty("--w", `${(s.divergence * 100).toFixed(1)}%`);
    const bar = row.querySelector(".bar");
    bar.setAttribute("role", "img");
    bar.setAttribute(
      "aria-label",
      `divergence ${fmt(s.divergence)}: unique share ${fmt(s.unique_share)}, omitted share ${fmt(s.omitted_share)}`,
    );
    row.querySelector(".num").textContent = fmt(s.divergence);
    row.title = `unique ${fmt(s.unique_share)} · omits ${fmt(s.omitted_share)} of the others' common statements`;
    tbody.append(row);
  });
  table.append(thead, tbody);
}

function renderMatrix(report, table, detail) {
  table.replaceChildren();
  detail.textContent = "";
  const n = report.sources.length;
  const head = el("tr");
  head.append(el("td"));
  for (let j = 0; j < n; j++) {
    const th = el("th", "col", String(j + 1));
    th.scope = "col";
    th.title = displayName(report, j);
    head.append(th);
  }
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  const pairOf = (a, b) => report.pairs.find((p) => p.a === Math.min(a, b) && p.b === Math.max(a, b));
  for (let i = 0; i < n; i++) {
    const tr = el("tr");
    const th = el("th", "row", `${i + 1}. ${displayName(report, i)}`);
    th.scope = "row";
    tr.append(th);
    for (let j = 0; j < n; j++) {
      const v = report.matrix[i][j];
      const td = el("td", "cell");
      td.style.setProperty("--v", v.toFixed(3));
      if (v > 0.55) td.classList.add("dark");
      if (i === j) {
        td.textContent = "—";
        td.classList.add("self");
      } else {
        const b = el("button", "cell-btn", fmt(v));
        b.type = "button";
        b.setAttribute("aria-label", `${displayName(report, i)} vs ${displayName(report, j)}: divergence ${fmt(v)}`);
        b.addEventListener("click", () => {
          const p = pairOf(i, j);
          const [x, y] = i < j ? [p.coverage_ab, p.coverage_ba] : [p.coverage_ba, p.coverage_ab];
          const [cx, cy] = i < j ? [p.containment_ab, p.containment_ba] : [p.containment_ba, p.containment_ab];
          detail.textContent =
            `${displayName(report, i)} vs ${displayName(report, j)}: divergence ${fmt(p.divergence)}. ` +
            `${Math.round(x * 100)}% of ${displayName(report, i)} is carried by ${displayName(report, j)}, ` +
            `${Math.round(y * 100)}% the other way; copied text ${Math.round(cx * 100)}% / ${Math.round(cy * 100)}%; ` +
            `vocabulary divergence (JSD) ${fmt(p.jsd)}.`;
        });
        td.append(b);
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
}

function renderReading(report, sources, root, detail, on) {
  root.replaceChildren();
  detail.hidden = true;
  report.sources.forEach((s, i) => {
    const text = sources[i].text;
    const art = clone("tpl-reading-source");
    art.querySelector(".src-name").textContent = `${i + 1}. ${displayName(report, i)}`;
    const meta = [];
    if (s.metadata.title) meta.push(`Title: ${s.metadata.title.text}`);
    if (s.metadata.byline) meta.push(`By: ${s.metadata.byline.text}`);
    art.querySelector(".meta").textContent = meta.join(" · ");
    const body = art.querySelector(".body");
    let k = 0; // next sentence
    for (const block of s.blocks) {
      if (block.kind === "body") {
        const p = el("p", "para");
        let at = block.span.start;
        while (k < s.sentences.length && s.sentences[k].span.start < block.span.end) {
          const sent = s.sentences[k];
          if (sent.span.start > at) p.append(text.slice(at, sent.span.start));
          p.append(sentenceNode(report, sources, i, k, detail));
          at = sent.span.end;
          k++;
        }
        if (at < block.span.end) p.append(text.slice(at, block.span.end));
        if (block.overridden) p.append(toggleButton(block, i, on, "Remove"));
        body.append(p);
      } else {
        const r = clone("tpl-removed");
        r.querySelector(".removed-text").textContent = text.slice(block.span.start, block.span.end);
        r.querySelector(".reason").textContent =
          block.kind === "boilerplate" ? `removed: ${block.reason_text}` : `kept as ${KIND_LABEL[block.kind]}`;
        if (block.kind !== "boilerplate") r.classList.add("metadata");
        const t = r.querySelector(".toggle");
        t.replaceWith(toggleButton(block, i, on, "Restore"));
        body.append(r);
      }
    }
    root.append(art);
  });
}

function toggleButton(block, source, on, label) {
  const b = el("button", "toggle", label);
  b.type = "button";
  b.dataset.at = String(block.span.start);
  b.addEventListener("click", () => on.override(source, block.span.start, label === "Restore"));
  return b;
}

function sentenceNode(report, sources, i, k, detail) {
  const sent = report.sources[i].sentences[k];
  const rel = sent.best_relation;
  const span = el("span", `sent rel ${rel}`);
  span.tabIndex = 0;
  span.dataset.source = String(i);
  span.dataset.sentence = String(k);
  const cue = el("span", "cue", RELATION_CUE[rel]);
  cue.setAttribute("aria-hidden", "true");
  span.append(cue, sources[i].text.slice(sent.span.start, sent.span.end));
  const others = sent.counterparts.length;
  span.setAttribute(
    "aria-label",
    `${RELATION_LABEL[rel]} sentence${others ? `, carried by ${others} other source${others > 1 ? "s" : ""}` : ""}`,
  );
  const show = () => showCounterparts(report, sources, i, k, detail);
  span.addEventListener("mouseenter", show);
  span.addEventListener("focus", show);
  return span;
}

function showCounterparts(report, sources, i, k, detail) {
  const sent = report.sources[i].sentences[k];
  detail.replaceChildren();
  detail.append(el("h4", "", `Sentence ${k + 1} of ${displayName(report, i)}`));
  if (!sent.counterparts.length) {
    detail.append(el("p", "", "No other source carries this sentence."));
  }
  const list = el("ul");
  for (const c of sent.counterparts) {
    const other = report.sources[c.source].sentences[c.sentence];
    const li = el("li", `rel ${c.relation}`);
    li.append(
      el("strong", "", `${displayName(report, c.source)} — ${RELATION_LABEL[c.relation]} (${fmt(c.similarity)}): `),
      sources[c.source].text.slice(other.span.start, other.span.end),
    );
    list.append(li);
  }
  detail.append(list);
  detail.hidden = false;
}
