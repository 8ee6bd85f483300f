// Exports of a report: the JSON report with the texts it points into, a Markdown summary, and a
// CSV of sentence relations. Pure string building, no DOM, so Node tests and the embed can use it.
import { consensusStatements } from "./consensus.js";

const name = (report, i) => (report.sources[i] && report.sources[i].name) || `Source ${i + 1}`;
const cut = (sources, i, span) => (sources[i] ? sources[i].text.slice(span.start, span.end) : "");
const two = (x) => Number(x).toFixed(2);
const pct = (x) => `${Math.round(Number(x) * 100)}%`;

/** The report and the sources it was made from, as one JSON document. */
export function toJSON(report, sources, settings = {}) {
  return JSON.stringify(
    {
      parallax: report.version,
      settings,
      sources: sources.map((s) => ({ name: s.name, text: s.text, overrides: s.overrides || [] })),
      report,
    },
    null,
    2,
  );
}

/** Markdown text that never turns pasted text into markup: table cells and list items escaped. */
function md(text) {
  return String(text)
    .replace(/\s+/g, " ")
    .replace(/([\\`*{}[\]<>|])/g, "\\$1")
    // An underscore only marks emphasis at the edge of a word.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/^#/, "\\#")
    .trim();
}

/** A Markdown summary a person can paste into a document or a ticket. */
export function toMarkdown(report, sources) {
  const n = report.sources.length;
  const lines = [`# How ${n} sources diverge`, "", `parallax ${report.version}.`, ""];
  lines.push("## Divergence per source", "");
  lines.push("| # | Source | Divergence | Unique | Omits |", "|---:|---|---:|---:|---:|");
  report.sources.forEach((s, i) => {
    lines.push(`| ${i + 1} | ${md(name(report, i))} | ${two(s.divergence)} | ${pct(s.unique_share)} | ${s.omitted.length} |`);
  });
  lines.push("", "Divergence is the mean of the unique share (text no other source carries) and the omitted share (common statements left out).", "");
  if (report.pairs.length) {
    lines.push("## Closest and farthest pairs", "");
    const sorted = [...report.pairs].sort((a, b) => a.divergence - b.divergence);
    const pick = sorted.length <= 10 ? sorted : [...sorted.slice(0, 5), ...sorted.slice(-5)];
    for (const p of pick) lines.push(`- ${md(name(report, p.a))} / ${md(name(report, p.b))}: ${two(p.divergence)}`);
    lines.push("");
  }
  if (Array.isArray(report.families) && report.families.length) {
    lines.push("## Rewrite families", "");
    report.families.forEach((f, k) => {
      const members = (f.sources || []).map((i) => md(name(report, i))).join(", ");
      const orig = f.original !== null && f.original !== undefined ? ` (likely original: ${md(name(report, f.original))})` : "";
      lines.push(`${k + 1}. ${members}${orig}`);
    });
    lines.push("");
  }
  const statements = consensusStatements(report);
  if (statements.length) {
    lines.push("## Consensus statements", "");
    for (const st of statements) {
      const who = st.omitters.length ? ` Left out by ${st.omitters.map((i) => md(name(report, i))).join(", ")}.` : "";
      const text = cut(sources, st.ref.source, report.sources[st.ref.source].sentences[st.ref.sentence].span);
      lines.push(`- ${md(text)} *(carried by ${st.carriers} of ${n}.${who})*`);
    }
    lines.push("");
  }
  lines.push("## What only one source says", "");
  report.sources.forEach((s, i) => {
    if (!s.unique.length) return;
    lines.push(`### ${md(name(report, i))}`, "");
    for (const k of s.unique) lines.push(`- ${md(cut(sources, i, s.sentences[k].span))}`);
    lines.push("");
  });
  if (Array.isArray(report.conflicts) && report.conflicts.length) {
    lines.push("## Conflicting facts", "");
    for (const c of report.conflicts) {
      const side = (x) => `${md(name(report, x.source))}: “${md(x.text ?? cut(sources, x.source, x.span))}”`;
      lines.push(`- ${side(c.a)} vs ${side(c.b)}`);
    }
    lines.push("");
  }
  if (report.warnings.length) {
    lines.push("## Warnings", "");
    for (const w of report.warnings) lines.push(`- ${md(w)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe. */
function field(v) {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  "source",
  "source_name",
  "sentence",
  "relation",
  "consensus",
  "other_source",
  "other_name",
  "other_sentence",
  "pair_relation",
  "similarity",
  "text",
  "other_text",
];

/** Every sentence with each of its counterparts (one row each; unique sentences get one row). */
export function toCSV(report, sources) {
  const rows = [CSV_COLUMNS.join(",")];
  report.sources.forEach((s, i) => {
    s.sentences.forEach((sent, k) => {
      const base = [i + 1, name(report, i), k + 1, sent.best_relation, sent.consensus ? "yes" : "no"];
      const text = cut(sources, i, sent.span);
      if (!sent.counterparts.length) {
        rows.push([...base, "", "", "", "", "", text, ""].map(field).join(","));
        return;
      }
      for (const c of sent.counterparts) {
        const other = report.sources[c.source].sentences[c.sentence];
        rows.push(
          [...base, c.source + 1, name(report, c.source), c.sentence + 1, c.relation, two(c.similarity), text, cut(sources, c.source, other.span)]
            .map(field)
            .join(","),
        );
      }
    });
  });
  return `${rows.join("\r\n")}\r\n`;
}
