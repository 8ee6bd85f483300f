//! Scores from the alignment: pairwise and per source, each in `[0, 1]`, each traceable to the
//! sentences behind it.
//!
//! * coverage(A→B): share of A's content words (words of sentences that are not trivial) in
//!   sentences that have a (non-trivial) counterpart in B;
//! * containment(A in B): share of A's distinct word shingles that B also has, over all words and
//!   over words outside quotations (`shingles`);
//! * JSD(A, B): Jensen–Shannon divergence (base 2) of the two content-stem distributions;
//! * divergence(A, B) = w·JSD + (1 − w)·(1 − mean of the two coverages), w = `vocabulary_weight`;
//! * statements: sentences linked by alignment, across sources, grouped into one statement; a
//!   statement carried by at least `consensus_min_share` of the sources is consensus;
//! * per source: unique share (content words in sentences no other source carries), omitted share (share
//!   of the consensus statements it does not carry) and divergence = the mean of the two.

use crate::align::Alignment;
use crate::config::Config;
use crate::score::Score;
use crate::shingles::{shared_counts, Shingles};
use crate::similarity::Prepared;
use crate::sort::IdSort;

/// Measures between two sources `a` < `b`.
#[derive(Clone, Debug)]
pub(crate) struct Pair {
    pub a: usize,
    pub b: usize,
    pub coverage_ab: Score,
    pub coverage_ba: Score,
    pub containment_ab: Score,
    pub containment_ba: Score,
    pub quoteless_containment_ab: Score,
    pub quoteless_containment_ba: Score,
    pub jsd: Score,
    pub divergence: Score,
}

/// Measures of one source against the others.
#[derive(Clone, Debug, Default)]
pub(crate) struct PerSource {
    pub unique_share: Score,
    pub omitted_share: Score,
    pub divergence: Score,
    /// Flat indices of this source's sentences that no other source carries.
    pub unique: Vec<usize>,
    /// Consensus statements (indices into `Divergence::statements`) this source does not carry.
    pub omitted: Vec<usize>,
}

/// Sentences of several sources that say the same thing.
#[derive(Clone, Debug)]
pub(crate) struct Statement {
    /// Flat sentence indices, sorted.
    pub sentences: Vec<usize>,
    /// Sources that carry it, sorted.
    pub sources: Vec<usize>,
    /// Carried by at least `consensus_min_share` of the sources.
    pub consensus: bool,
}

/// Everything the divergence stage computes.
pub(crate) struct Divergence {
    pub pairs: Vec<Pair>,
    /// Pairwise divergence, N×N, 0 on the diagonal.
    pub matrix: Vec<Vec<Score>>,
    pub per_source: Vec<PerSource>,
    /// Statements carried by two sources or more, ordered by their first sentence.
    pub statements: Vec<Statement>,
    /// Statement of each flat sentence, if any.
    pub statement_of: Vec<Option<usize>>,
}

/// Jensen–Shannon divergence (base 2) of two distributions sorted by term (each summing to 1, or
/// empty). Terms found on one side only contribute their whole mass, so only shared terms need
/// logarithms: JSD = 1 − ½ Σ_shared [p + q − p·log2(2p/(p+q)) − q·log2(2q/(p+q))].
#[cfg(test)]
pub(crate) fn jsd(p: &[(u32, f64)], q: &[(u32, f64)]) -> f64 {
    if p.is_empty() || q.is_empty() {
        return if p.is_empty() && q.is_empty() { 0.0 } else { 1.0 };
    }
    let mut overlap = 0.0_f64;
    crate::sort::for_each_common(
        p,
        q,
        |x, y| x.0.cmp(&y.0),
        |i, j| {
            let (a, b) = (p[i].1, q[j].1);
            let m = a + b;
            overlap += m - a * (2.0 * a / m).log2() - b * (2.0 * b / m).log2();
        },
    );
    // Rounding leaves about 1e-16 for identical distributions, which must read as exactly 0.
    let d = 1.0 - overlap / 2.0;
    if d < 1e-12 {
        0.0
    } else {
        d.min(1.0)
    }
}

/// [`jsd`] with the first distribution spread over dense tables indexed by term: its probability
/// `p` and `p·log2 p` (zero where absent). `p_empty` and `q_empty` say whether each distribution
/// has no terms at all; `q` may leave out terms that `p` cannot have, since only shared terms
/// count. With m = p + q, a shared term adds m·log2 m − p·log2 p − q·log2 q to the overlap: one
/// logarithm per shared term once p·log2 p is known.
fn jsd_dense(p: &[f64], plogp: &[f64], p_empty: bool, q_empty: bool, q: &[(u32, f64, f64)]) -> f64 {
    if p_empty || q_empty {
        return if p_empty && q_empty { 0.0 } else { 1.0 };
    }
    let mut overlap = 0.0_f64;
    for &(t, b, blogb) in q {
        let a = p.get(t as usize).copied().unwrap_or(0.0);
        if a > 0.0 {
            let m = a + b;
            overlap += m * m.log2() - plogp[t as usize] - blogb;
        }
    }
    // With m = p + q over shared terms, Σ(m·log2 m − p·log2 p − q·log2 q) is the sum of
    // (p + q) − p·log2(2p/m) − q·log2(2q/m) of the textbook form.
    let d = 1.0 - overlap / 2.0;
    if d < 1e-12 {
        0.0
    } else {
        d.min(1.0)
    }
}

/// Disjoint sets with path halving; deterministic (the lower index becomes the root).
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.0[hi] = lo;
    }
}

fn statements(al: &Alignment, cfg: &Config) -> (Vec<Statement>, Vec<Option<usize>>) {
    let total = al.source.len();
    let n = al.n_sources();
    let mut sets = Sets((0..total).collect());
    // Only links both sides agree on join a statement: one-sided links would chain loosely
    // related sentences into one ever-growing statement.
    let covers = |f: usize, g: usize| al.links[f].iter().any(|l| l.counts() && l.other <= g && g < l.other + l.extent);
    for (f, links) in al.links.iter().enumerate() {
        for l in links.iter().filter(|l| l.counts()) {
            for g in l.other..l.other + l.extent {
                if covers(g, f) {
                    sets.union(f, g);
                }
            }
        }
    }
    // The members of each set, by its root, in the order of the roots.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); total];
    for f in 0..total {
        let r = sets.find(f);
        groups[r].push(f);
    }
    let mut out = Vec::new();
    let mut of = vec![None; total];
    for sentences in groups.into_iter().filter(|g| !g.is_empty()) {
        let mut sources: Vec<usize> = sentences.iter().map(|&f| al.source[f]).collect();
        sources.dedup();
        if sources.len() < 2 {
            continue;
        }
        let consensus = sources.len() as f64 >= cfg.consensus_min_share * n as f64;
        for &f in &sentences {
            of[f] = Some(out.len());
        }
        out.push(Statement { sentences, sources, consensus });
    }
    (out, of)
}

/// Whether a pair may be listed in the report when there are more than `all_pairs_max_sources`
/// sources: the two share an aligned sentence, or enough of their wording for the reuse stage
/// (`families::pairs`) to call one derived from the other. A pair without either has no aligned
/// sentences there, hence no coverage, and with coverage required (`derived_coverage_min` or
/// `derived_min_sentences` above 0) only its containment outside quotations could make it derived.
pub(crate) fn shares_something(p: &Pair, cfg: &Config) -> bool {
    let coverage_needed = cfg.derived_coverage_min > 0.0 || cfg.derived_min_sentences > 0;
    p.coverage_ab.get() > 0.0
        || p.coverage_ba.get() > 0.0
        || !coverage_needed
        || p.quoteless_containment_ab.get().max(p.quoteless_containment_ba.get()) >= cfg.derived_containment_min
}

/// Computes pairwise and per-source measures. With more than `all_pairs_max_sources` sources,
/// `pairs` holds only the pairs that [`shares_something`] keeps.
pub(crate) fn score(al: &Alignment, cfg: &Config) -> Divergence {
    let n = al.n_sources();
    let words = |f: usize| al.content_words(f) as f64;
    let mut total = vec![0.0; n];
    let mut covered = vec![0.0; n * n];
    let mut vocab: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    for s in 0..n {
        // Each occurrence count as one key, `term << 32 | count`, summed per term once sorted.
        // The counts are whole numbers, so their sums are exact in any order.
        let mut occurrences: Vec<u64> = Vec::new();
        for f in al.sentences_of(s) {
            total[s] += words(f);
            for &(t, c) in al.corpus.sentences[f].content_terms() {
                occurrences.push((u64::from(t) << 32) | u64::from(c));
            }
            for l in al.links[f].iter().filter(|l| l.counts()) {
                covered[s * n + al.source[l.other]] += words(f);
            }
        }
        // Normalized once here, so each of the N² comparisons only merges.
        occurrences.sort_ids();
        let mut counts: Vec<(u32, f64)> = Vec::new();
        for k in occurrences {
            let (t, c) = ((k >> 32) as u32, f64::from(k as u32));
            match counts.last_mut() {
                Some((last, n)) if *last == t => *n += c,
                _ => counts.push((t, c)),
            }
        }
        let sum: f64 = counts.iter().map(|&(_, c)| c).sum();
        vocab[s] = counts.into_iter().map(|(t, c)| (t, if sum > 0.0 { c / sum } else { 0.0 })).collect();
    }
    let by_source: Vec<Vec<&Prepared>> =
        (0..n).map(|s| al.sentences_of(s).map(|f| &al.corpus.sentences[f]).collect()).collect();
    let sh = Shingles::new(&by_source, cfg.shingle_words);
    let shared_all = shared_counts(&sh.all, cfg.shingle_max_sources);
    let shared_narrative = shared_counts(&sh.narrative, cfg.shingle_max_sources);

    // Beyond `all_pairs_max_sources` the report lists only the pairs that share something (the
    // matrix keeps every pair), so only those are kept: at a thousand sources the half million
    // others took 40 MB here and as much again in the reuse stage (issue 9).
    let many = n > cfg.all_pairs_max_sources;
    let mut pairs = Vec::with_capacity(if many { n } else { n * n.saturating_sub(1) / 2 });
    let mut matrix = vec![vec![Score::ZERO; n]; n];
    // Source a's distribution spread over a dense table, so each pair only walks b's terms.
    let n_terms = vocab.iter().flat_map(|v| v.iter().map(|&(t, _)| t as usize + 1)).max().unwrap_or(0);
    let with_logs: Vec<Vec<(u32, f64, f64)>> =
        vocab.iter().map(|v| v.iter().map(|&(t, p)| (t, p, p * p.log2())).collect()).collect();
    // Only shared terms enter the divergence, so the side that is walked keeps only the terms
    // some other source has too: with a thousand sources, most of a text's rare words are its own.
    let mut sources_with = vec![0u32; n_terms];
    for v in &vocab {
        for &(t, _) in v {
            sources_with[t as usize] += 1;
        }
    }
    let walked: Vec<Vec<(u32, f64, f64)>> = with_logs
        .iter()
        .map(|v| v.iter().copied().filter(|&(t, _, _)| sources_with[t as usize] > 1).collect())
        .collect();
    let mut dense = vec![0.0f64; n_terms];
    let mut dense_log = vec![0.0f64; n_terms];
    for a in 0..n {
        for &(t, p, plogp) in &with_logs[a] {
            dense[t as usize] = p;
            dense_log[t as usize] = plogp;
        }
        for b in a + 1..n {
            let coverage_ab = Score::ratio(covered[a * n + b], total[a]);
            let coverage_ba = Score::ratio(covered[b * n + a], total[b]);
            let j = Score::new(jsd_dense(&dense, &dense_log, vocab[a].is_empty(), vocab[b].is_empty(), &walked[b]));
            let w = cfg.vocabulary_weight;
            // Coverage is averaged over the sides that have content words; two texts with none
            // (stock lines only) leave nothing uncovered.
            let (mut sum, mut sides) = (0.0, 0.0);
            for (c, t) in [(coverage_ab, total[a]), (coverage_ba, total[b])] {
                if t > 0.0 {
                    sum += c.get();
                    sides += 1.0;
                }
            }
            let uncovered = if sides > 0.0 { 1.0 - sum / sides } else { 0.0 };
            let divergence = Score::new(w * j.get() + (1.0 - w) * uncovered);
            matrix[a][b] = divergence;
            matrix[b][a] = divergence;
            let (all, narr) = (f64::from(shared_all[a * n + b]), f64::from(shared_narrative[a * n + b]));
            let pair = Pair {
                a,
                b,
                coverage_ab,
                coverage_ba,
                containment_ab: Score::ratio(all, sh.all[a].len() as f64),
                containment_ba: Score::ratio(all, sh.all[b].len() as f64),
                quoteless_containment_ab: Score::ratio(narr, sh.narrative[a].len() as f64),
                quoteless_containment_ba: Score::ratio(narr, sh.narrative[b].len() as f64),
                jsd: j,
                divergence,
            };
            if !many || shares_something(&pair, cfg) {
                pairs.push(pair);
            }
        }
        for &(t, _) in &vocab[a] {
            dense[t as usize] = 0.0;
            dense_log[t as usize] = 0.0;
        }
    }

    let (statements, statement_of) = statements(al, cfg);
    let consensus: Vec<usize> = (0..statements.len()).filter(|&k| statements[k].consensus).collect();
    let mut per_source = vec![PerSource::default(); n];
    if n > 1 {
        for (s, ps) in per_source.iter_mut().enumerate() {
            ps.unique =
                al.sentences_of(s).filter(|&f| !al.trivial[f] && !al.links[f].iter().any(|l| l.counts())).collect();
            let unique_words: f64 = ps.unique.iter().map(|&f| words(f)).sum();
            ps.unique_share = Score::ratio(unique_words, total[s]);
            ps.omitted =
                consensus.iter().copied().filter(|&k| statements[k].sources.binary_search(&s).is_err()).collect();
            ps.omitted_share = Score::ratio(ps.omitted.len() as f64, consensus.len() as f64);
            ps.divergence = Score::new((ps.unique_share.get() + ps.omitted_share.get()) / 2.0);
        }
    }
    Divergence { pairs, matrix, per_source, statements, statement_of }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsd_bounds_and_symmetry() {
        let p = [(1, 2.0 / 3.0), (2, 1.0 / 3.0)];
        let q = [(3, 1.0)];
        let r = [(1, 0.2), (3, 0.8)];
        assert!(jsd(&p, &p).abs() < 1e-12);
        assert!((jsd(&p, &q) - 1.0).abs() < 1e-12);
        assert!((jsd(&p, &r) - jsd(&r, &p)).abs() < 1e-12);
        // Against the textbook formula.
        let (a, b): ([f64; 3], [f64; 3]) = ([2.0 / 3.0, 1.0 / 3.0, 0.0], [0.2, 0.0, 0.8]);
        let mut d = 0.0;
        for k in 0..3 {
            let m = (a[k] + b[k]) / 2.0;
            if a[k] > 0.0 {
                d += 0.5 * a[k] * (a[k] / m).log2();
            }
            if b[k] > 0.0 {
                d += 0.5 * b[k] * (b[k] / m).log2();
            }
        }
        assert!((jsd(&p, &r) - d).abs() < 1e-12);
        let (mut dense, mut dense_log) = (vec![0.0; 4], vec![0.0; 4]);
        for &(t, x) in &p {
            dense[t as usize] = x;
            dense_log[t as usize] = x * f64::log2(x);
        }
        let r_logs: Vec<(u32, f64, f64)> = r.iter().map(|&(t, x)| (t, x, x * f64::log2(x))).collect();
        assert!((jsd_dense(&dense, &dense_log, false, false, &r_logs) - d).abs() < 1e-12);
    }
}
