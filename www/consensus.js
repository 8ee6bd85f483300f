// Consensus statements of a report, one entry per statement (not per sentence), with the sources
// that carry it and those that leave it out. Pure, no DOM.

/** [{ref, group, carriers, omitters}], in the order the report lists consensus sentences. */
export function consensusStatements(report) {
  const n = report.sources.length;
  const all = report.sources.map((_, i) => i);
  if (Array.isArray(report.statements)) {
    return report.statements
      .filter((st) => st.consensus && st.sentences.length)
      .map((st) => {
        const carriers = new Set(st.sources);
        return { ref: st.sentences[0], group: st.sentences, carriers: carriers.size, omitters: all.filter((i) => !carriers.has(i)) };
      });
  }
  // Without statements in the report, a consensus sentence and its counterparts make one.
  const seen = new Set();
  const key = (s, k) => `${s}:${k}`;
  const out = [];
  for (const ref of report.consensus) {
    if (seen.has(key(ref.source, ref.sentence))) continue;
    const sent = report.sources[ref.source].sentences[ref.sentence];
    const group = [ref, ...sent.counterparts.map((c) => ({ source: c.source, sentence: c.sentence }))];
    for (const g of group) seen.add(key(g.source, g.sentence));
    const carriers = new Set(group.map((g) => g.source));
    out.push({ ref, group, carriers: Math.min(carriers.size, n), omitters: all.filter((i) => !carriers.has(i)) });
  }
  return out;
}
