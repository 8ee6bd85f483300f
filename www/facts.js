// Quotes with word-level differences, conflicting facts with both spans, distinctive terms per
// source — each item leads to the sentence it comes from. Sections appear as the report carries
// the fields.
import { fill, h, nameOf, slice } from "./dom.js";

const CHANGE_LABEL = { truncation: "cut", omission: "left out", insertion: "added", substitution: "changed" };

export function hasFacts(report) {
  return (
    ["utterances", "rewordings", "conflicts", "namings"].some((k) => Array.isArray(report[k])) ||
    report.sources.some((s) => Array.isArray(s.terms))
  );
}

/** Sentences of source i that contain any of `spans` (text positions), as marks. */
function marksFor(report, i, spans) {
  const sents = report.sources[i].sentences;
  const out = new Map();
  for (const sp of spans) {
    // Sentences are in text order: binary search for the last one starting at or before sp.
    let lo = 0;
    let hi = sents.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sents[mid].span.start <= sp.start) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k >= 0 && sp.start < sents[k].span.end) out.set(k, { source: i, sentence: k });
  }
  return [...out.values()];
}

export function renderFacts(ctx, panel) {
  fill(panel,
    h("h2", { class: "px-h" }, "Quotes & facts"),
    quotesSection(ctx),
    conflictsSection(ctx),
    termsSection(ctx),
  );
}

function quoteOf(report, ref) {
  const src = report.sources[ref.source];
  return src && Array.isArray(src.quotes) ? src.quotes[ref.quote] : null;
}

function goQuote(ctx, refs, note) {
  const marks = refs
    .map((r) => ({ r, q: quoteOf(ctx.report, r) }))
    .filter((x) => x.q)
    .map(({ r, q }) => ({ source: r.source, sentence: q.sentence }));
  return () => ctx.read({ sources: refs.map((r) => r.source), marks, note });
}

/**
 * A quotation's words with the differing runs marked: in the fullest wording the words another
 * quotation lacks or replaces (<del>), in that quotation the words it adds or puts instead (<ins>).
 * The marks carry a line-through or underline, so colour is never the only cue.
 */
function markedQuote(ctx, ref, q, changes, side) {
  const text = ctx.sources[ref.source].text;
  const spans = changes
    .map((c) => ({ span: c[side], change: c.change }))
    .filter((c) => c.span.end > c.span.start)
    .sort((x, y) => x.span.start - y.span.start);
  const out = h("q", { class: "px-q" });
  let at = q.inner.start;
  for (const c of spans) {
    if (c.span.start < at || c.span.end > q.inner.end) continue;
    out.append(text.slice(at, c.span.start));
    const tag = side === "canonical" ? "del" : "ins";
    const what = CHANGE_LABEL[c.change] || c.change;
    out.append(h(tag, { class: `px-change px-${c.change}`, title: what }, text.slice(c.span.start, c.span.end)));
    at = c.span.end;
  }
  out.append(text.slice(at, q.inner.end));
  return out;
}

function utteranceItem(ctx, u) {
  const { report } = ctx;
  const canon = quoteOf(report, u.canonical);
  if (!canon) return null;
  const others = u.members.filter((m) => m.changes.length && !(m.quote.source === u.canonical.source && m.quote.quote === u.canonical.quote));
  const rows = others.map((m) => {
    const q = quoteOf(report, m.quote);
    if (!q) return null;
    const kinds = [...new Set(m.changes.map((c) => CHANGE_LABEL[c.change] || c.change))].join(", ");
    return h(
      "li",
      {},
      h("p", {}, h("strong", {}, `${nameOf(report, u.canonical.source)}: `), markedQuote(ctx, u.canonical, canon, m.changes, "canonical")),
      h("p", {}, h("strong", {}, `${nameOf(report, m.quote.source)}: `), markedQuote(ctx, m.quote, q, m.changes, "quote")),
      h(
        "p",
        { class: "px-carried" },
        `Words ${kinds}${m.changes.some((c) => c.marked) ? " (the gap is marked with an ellipsis)" : ""}`,
        u.speaker ? ` · ${u.speaker}` : "",
        " ",
        h("button", { type: "button", class: "px-toggle", onclick: goQuote(ctx, [u.canonical, m.quote], "The two quotations are marked.") }, "Show in text"),
      ),
    );
  });
  return rows.filter(Boolean);
}

function quotesSection(ctx) {
  const { report } = ctx;
  if (!Array.isArray(report.utterances) && !Array.isArray(report.rewordings)) return null;
  const utterances = report.utterances || [];
  const changed = utterances.flatMap((u) => utteranceItem(ctx, u) || []);
  const same = utterances.filter((u) => u.members.length > 1 && u.members.every((m) => !m.changes.length));
  const rewordings = (report.rewordings || []).map((w) => {
    const qa = quoteOf(report, w.a);
    const qb = quoteOf(report, w.b);
    if (!qa || !qb) return null;
    return h(
      "li",
      {},
      h("p", {}, `${w.speaker}, as ${nameOf(report, w.a.source)} quotes: `, h("q", { class: "px-q" }, slice(ctx.sources, w.a.source, qa.inner))),
      h("p", {}, `as ${nameOf(report, w.b.source)} quotes: `, h("q", { class: "px-q" }, slice(ctx.sources, w.b.source, qb.inner))),
      h("button", { type: "button", class: "px-toggle", onclick: goQuote(ctx, [w.a, w.b], "The two quotations are marked.") }, "Show in text"),
    );
  });
  const single = [];
  report.sources.forEach((s, i) =>
    (s.quotes || []).forEach((q, k) => {
      if (q.single_source) single.push({ ref: { source: i, quote: k }, q });
    }),
  );
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("quotes-h") },
    h("h3", { id: ctx.id("quotes-h") }, "Quotes"),
    h("h4", {}, `The same words, quoted differently (${changed.length})`),
    h("p", { class: "px-hint" }, "Against the fullest wording: struck-through words are missing from or replaced in the other quotation; underlined words are added or put instead."),
    changed.length ? h("ul", { class: "px-quote-list" }, changed) : h("p", {}, "Every quotation two sources share has the same words."),
    same.length ? h("p", { class: "px-carried" }, `${same.length} more quotation${same.length > 1 ? "s are" : " is"} quoted word for word by several sources.`) : null,
    h("h4", {}, `One speaker, different words (${rewordings.filter(Boolean).length})`),
    rewordings.some(Boolean) ? h("ul", { class: "px-quote-list" }, rewordings) : h("p", {}, "None found."),
    h("h4", {}, `Quoted by one source only (${single.length})`),
    single.length
      ? h(
          "ul",
          { class: "px-quote-list" },
          single.map(({ ref, q }) =>
            h(
              "li",
              {},
              h("strong", {}, `${nameOf(report, ref.source)}: `),
              h("q", { class: "px-q" }, slice(ctx.sources, ref.source, q.inner)),
              q.speaker ? ` — ${q.speaker.name} ` : " ",
              h("button", { type: "button", class: "px-toggle", onclick: goQuote(ctx, [ref], "The quotation is marked.") }, "Show in text"),
            ),
          ),
        )
      : h("p", {}, "None."),
  );
}

/** What a conflict disagrees on, in words, for every `ConflictKind` of `src/facts.rs`. */
export const CONFLICT_LABEL = {
  number: "a number",
  money: "an amount",
  percent: "a percentage",
  date: "a date",
  weekday: "a weekday",
  ordinal: "an ordinal",
  duration: "a length of time",
  time: "a time of day",
  entity: "a name",
};

/** One side of a conflict: the sentence with the disputed value marked. */
function conflictSide(ctx, side) {
  const { report, sources } = ctx;
  const sent = report.sources[side.source] && report.sources[side.source].sentences[side.sentence];
  const text = sources[side.source].text;
  if (!sent) return h("p", {}, h("strong", {}, `${nameOf(report, side.source)}: `), h("mark", { class: "px-value" }, slice(sources, side.source, side.span)));
  const inside = side.span.start >= sent.span.start && side.span.end <= sent.span.end;
  return h(
    "p",
    {},
    h("strong", {}, `${nameOf(report, side.source)}: `),
    inside
      ? [
          text.slice(sent.span.start, side.span.start),
          h("mark", { class: "px-value" }, text.slice(side.span.start, side.span.end)),
          text.slice(side.span.end, sent.span.end),
        ]
      : [text.slice(sent.span.start, sent.span.end), " (", h("mark", { class: "px-value" }, slice(sources, side.source, side.span)), ")"],
  );
}

function conflictsSection(ctx) {
  const { report } = ctx;
  if (!Array.isArray(report.conflicts)) return null;
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("conf-h") },
    h("h3", { id: ctx.id("conf-h") }, `Conflicting facts (${report.conflicts.length})`),
    h("p", { class: "px-hint" }, "Statements that report the same thing with different values; the values are highlighted."),
    report.conflicts.length
      ? h(
          "ul",
          { class: "px-quote-list px-conflicts" },
          report.conflicts.map((c) =>
            h(
              "li",
              {},
              h("p", { class: "px-carried" }, `They disagree on ${CONFLICT_LABEL[c.kind] || String(c.kind).replace(/_/g, " ")}`, c.aligned === false ? " (the sentences share only the words around it)" : "", ":"),
              conflictSide(ctx, c.a),
              conflictSide(ctx, c.b),
              h(
                "button",
                {
                  type: "button",
                  class: "px-toggle",
                  onclick: () =>
                    ctx.read({
                      sources: [c.a.source, c.b.source],
                      marks: [{ source: c.a.source, sentence: c.a.sentence }, { source: c.b.source, sentence: c.b.sentence }],
                      note: "Both sides of the conflict are marked.",
                    }),
                },
                "Show in text",
              ),
            ),
          ),
        )
      : h("p", {}, "No aligned statements disagree on a number, date or name."),
  );
}

// Terms listed per source before the list stops.
const TERMS_SHOWN = 10;

function termsSection(ctx) {
  const { report } = ctx;
  const withTerms = report.sources.map((src, i) => ({ i, terms: Array.isArray(src.terms) ? src.terms : null })).filter((x) => x.terms);
  if (!withTerms.length && !Array.isArray(report.namings)) return null;
  const termButton = (i, t) =>
    h(
      "button",
      {
        type: "button",
        class: "px-term",
        title: `used ${t.count}× here, ${t.others}× by the others; z = ${Number(t.z).toFixed(1)}`,
        onclick: () => ctx.read({ sources: [i], marks: marksFor(report, i, t.spans || []), note: `“${t.term}” in ${nameOf(report, i)}.` }),
      },
      t.term,
      h("span", { class: "px-z" }, ` z ${Number(t.z).toFixed(1)}`),
    );
  const namings = Array.isArray(report.namings) ? report.namings : [];
  return h(
    "section",
    { class: "px-block", "aria-labelledby": ctx.id("terms-h") },
    h("h3", { id: ctx.id("terms-h") }, "Framing: words that set each source apart"),
    h("p", { class: "px-hint" }, "Scored by weighted log-odds against the other sources (z above 1.96 is unlikely by chance). Select a term to read where it is used."),
    withTerms.length
      ? h(
          "ul",
          { class: "px-terms" },
          withTerms.map(({ i, terms }) =>
            h(
              "li",
              {},
              h("strong", {}, `${nameOf(report, i)}: `),
              terms.length ? terms.slice(0, TERMS_SHOWN).map((t) => termButton(i, t)) : "nothing stands out",
            ),
          ),
        )
      : null,
    namings.length ? h("h4", {}, `The same thing, named differently (${namings.length})`) : null,
    namings.length
      ? h(
          "ul",
          { class: "px-terms" },
          namings.map((n) =>
            h(
              "li",
              {},
              h("strong", {}, `${n.thing}: `),
              n.uses.map((u) =>
                h(
                  "button",
                  {
                    type: "button",
                    class: "px-term",
                    onclick: () => ctx.read({ sources: [u.source], marks: marksFor(report, u.source, u.spans || []), note: `“${u.wording}” in ${nameOf(report, u.source)}.` }),
                  },
                  `“${u.wording}” (${nameOf(report, u.source)})`,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
