//! Scores from alignments and vocabularies: pairwise and per source, each in `[0, 1]`.
//!
//! * coverage(A→B): share of A's words in sentences that have a counterpart in B (any relation);
//! * containment(A in B): share of A's words in sentences copied into B (identical or
//!   near-verbatim), weighted by how close the copy is — "how much of A is in B";
//! * JSD(A, B): Jensen–Shannon divergence (base 2) of the two content-stem distributions;
//! * divergence(A, B) = w·JSD + (1 − w)·(1 − mean of the two coverages), w = `vocabulary_weight`;
//! * per source: unique share (words in sentences no other source carries), omitted share (of
//!   the consensus statements of the other sources, the share this one lacks) and divergence =
//!   the mean of the two.

use std::collections::BTreeMap;

use crate::align::{Match, Relation, Sentence};
use crate::config::Config;
use crate::score::Score;

/// Measures between two sources `a` < `b`.
#[derive(Clone, Debug)]
pub(crate) struct Pair {
    pub a: usize,
    pub b: usize,
    pub coverage_ab: Score,
    pub coverage_ba: Score,
    pub containment_ab: Score,
    pub containment_ba: Score,
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
    /// Flat indices of consensus sentences (of other sources) that this source lacks.
    pub omitted: Vec<usize>,
}

/// Everything the divergence stage computes.
pub(crate) struct Divergence {
    pub pairs: Vec<Pair>,
    pub per_source: Vec<PerSource>,
    /// Flat indices of sentences carried by enough other sources to count as consensus.
    pub consensus: Vec<usize>,
}

fn jsd(p: &BTreeMap<u32, f64>, q: &BTreeMap<u32, f64>) -> f64 {
    let (tp, tq) = (p.values().sum::<f64>(), q.values().sum::<f64>());
    if tp == 0.0 || tq == 0.0 {
        return if tp == tq { 0.0 } else { 1.0 };
    }
    let mut keys: Vec<u32> = p.keys().chain(q.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    let mut d = 0.0;
    for k in keys {
        let pi = p.get(&k).copied().unwrap_or(0.0) / tp;
        let qi = q.get(&k).copied().unwrap_or(0.0) / tq;
        let m = (pi + qi) / 2.0;
        if pi > 0.0 {
            d += 0.5 * pi * (pi / m).log2();
        }
        if qi > 0.0 {
            d += 0.5 * qi * (qi / m).log2();
        }
    }
    d
}

/// Computes pairwise and per-source measures for `n` sources.
pub(crate) fn score(n: usize, sentences: &[Sentence], matches: &[Vec<(usize, Match)>], cfg: &Config) -> Divergence {
    let words = |i: usize| sentences[i].words.len() as f64;
    let mut total = vec![0.0; n];
    let mut covered = vec![vec![0.0; n]; n];
    let mut copied = vec![vec![0.0; n]; n];
    let mut vocab: Vec<BTreeMap<u32, f64>> = vec![BTreeMap::new(); n];
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, s) in sentences.iter().enumerate() {
        total[s.source] += words(i);
        by_source[s.source].push(i);
        for &(id, c) in &s.terms {
            *vocab[s.source].entry(id).or_insert(0.0) += f64::from(c);
        }
        for (other, m) in &matches[i] {
            covered[s.source][*other] += words(i);
            if matches!(m.relation, Relation::Identical | Relation::NearVerbatim) {
                copied[s.source][*other] += words(i) * m.similarity.get();
            }
        }
    }

    let mut pairs = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let coverage_ab = Score::ratio(covered[a][b], total[a]);
            let coverage_ba = Score::ratio(covered[b][a], total[b]);
            let j = Score::new(jsd(&vocab[a], &vocab[b]));
            let w = cfg.vocabulary_weight;
            let uncovered = 1.0 - (coverage_ab.get() + coverage_ba.get()) / 2.0;
            pairs.push(Pair {
                a,
                b,
                coverage_ab,
                coverage_ba,
                containment_ab: Score::ratio(copied[a][b], total[a]),
                containment_ba: Score::ratio(copied[b][a], total[b]),
                jsd: j,
                divergence: Score::new(w * j.get() + (1.0 - w) * uncovered),
            });
        }
    }

    // A sentence is consensus when enough of the other sources carry it.
    let others = n.saturating_sub(1) as f64;
    let consensus: Vec<usize> = (0..sentences.len())
        .filter(|&i| !matches[i].is_empty() && matches[i].len() as f64 >= cfg.consensus_min_share * others)
        .collect();

    let mut per_source = vec![PerSource::default(); n];
    if n > 1 {
        for (src, ps) in per_source.iter_mut().enumerate() {
            ps.unique = by_source[src].iter().copied().filter(|&i| matches[i].is_empty()).collect();
            let unique_words: f64 = ps.unique.iter().map(|&i| words(i)).sum();
            ps.unique_share = Score::ratio(unique_words, total[src]);
            // Omitted share: averaged over the other sources, so a long source does not weigh more.
            let mut shares = Vec::new();
            for other in (0..n).filter(|&o| o != src) {
                let theirs: Vec<usize> = consensus.iter().copied().filter(|&i| sentences[i].source == other).collect();
                if theirs.is_empty() {
                    continue;
                }
                let lacking: Vec<usize> =
                    theirs.iter().copied().filter(|&i| !matches[i].iter().any(|(s, _)| *s == src)).collect();
                shares.push(lacking.len() as f64 / theirs.len() as f64);
                ps.omitted.extend(lacking);
            }
            ps.omitted_share = Score::ratio(shares.iter().sum(), shares.len() as f64);
            ps.divergence = Score::new((ps.unique_share.get() + ps.omitted_share.get()) / 2.0);
        }
    }
    Divergence { pairs, per_source, consensus }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsd_bounds() {
        let p: BTreeMap<u32, f64> = [(1, 2.0), (2, 1.0)].into();
        let q: BTreeMap<u32, f64> = [(3, 1.0)].into();
        assert!(jsd(&p, &p).abs() < 1e-12);
        assert!((jsd(&p, &q) - 1.0).abs() < 1e-12);
    }
}
