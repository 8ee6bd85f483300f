//! Rewrite families: which sources derive from the same text, how much, how closely, and which
//! way.
//!
//! For each pair of sources the evidence is the sentences aligned between them (quotations set
//! aside: two outlets quoting one speaker are not copying each other), how many of those keep the
//! same order in both texts, and the shingle containment of each in the other (`shingles`).
//!
//! * **direction**: the derived text keeps a larger share of its wording from the original than
//!   the original keeps from it; the side whose shingle containment in the other is at least
//!   `direction_min_ratio` times the other way round is named derived, otherwise no direction is
//!   claimed (and the more contained side is taken as the derived one below);
//! * **derivation**: the pair is derived when the derived side has at least
//!   `derived_containment_min` of its shingles in the other, or at least
//!   `derived_coverage_min` of its words in sentences aligned with the other with at least
//!   `derived_min_sentences` of them in the same order (a heavy rewrite keeps the statements and
//!   their order but few runs of words); *wholly* derived when that coverage is at least
//!   `wholly_derived_min`, *partially* otherwise, *non-derived* when neither holds;
//! * **rewrite**: for a derived pair, how closely the derived side keeps the words — *verbatim*
//!   when its shingle containment is at least `verbatim_rewrite_min`, *light* at least
//!   `light_rewrite_min`, *heavy* below;
//! * **families**: sources joined by derived pairs (connected components), two or more.

use crate::lexicon::WordMap;

use serde::Serialize;

use crate::align::Alignment;
use crate::config::Config;
use crate::divergence::Pair;
use crate::score::Score;
use crate::sort::StableSort;

/// How much of one text derives from the other (the METER scheme).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Derivation {
    /// Nearly all of the derived text comes from the other.
    Wholly,
    /// A substantial part does.
    Partially,
    /// Independent texts (they may still report the same facts).
    Non,
}

/// How closely a derived text keeps the other's words (the Clough–Stevenson scheme).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rewrite {
    /// Cut and pasted: long runs of the same words.
    Verbatim,
    /// Lightly edited: many runs survive.
    Light,
    /// Heavily rewritten: the statements survive, the wording mostly does not.
    Heavy,
}

/// The reuse verdict for one pair of sources `a < b`.
#[derive(Clone, Debug)]
pub(crate) struct PairReuse {
    pub a: usize,
    pub b: usize,
    pub derivation: Derivation,
    /// For a derived pair, how closely the derived side keeps the words.
    pub rewrite: Option<Rewrite>,
    /// The likely original, when the evidence supports one.
    pub original: Option<usize>,
    /// Aligned sentences outside quotations, as (flat sentence of `a`, flat sentence of `b`), in
    /// `a`'s order.
    pub aligned: Vec<(usize, usize)>,
    /// How many of `aligned` keep the same order in both texts.
    pub in_order: usize,
}

/// A group of sources derived from the same text.
#[derive(Clone, Debug)]
pub(crate) struct Family {
    /// Sources, sorted.
    pub sources: Vec<usize>,
    /// The member every other member derives from, when the pairwise directions agree on one.
    pub original: Option<usize>,
}

/// Length of the longest non-decreasing subsequence (patience sorting, O(n log n)).
fn longest_in_order(seq: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in seq {
        let k = tails.partition_point(|&t| t <= x);
        if k == tails.len() {
            tails.push(x);
        } else {
            tails[k] = x;
        }
    }
    tails.len()
}

/// Aligned sentences between two sources, outside quotations, seen from each side.
#[derive(Default)]
struct Sides {
    /// Pairs from the lower source's side, as (its sentence, the other), and the content words of
    /// its sentences in them.
    low: Vec<(usize, usize)>,
    low_words: f64,
    /// The same from the higher source's side.
    high: Vec<(usize, usize)>,
    high_words: f64,
}

/// For every pair of sources with aligned sentences outside quotations, gathered in one pass over
/// the links, so a thousand sources do not scan every sentence once per pair.
struct Evidence {
    /// (lower source, higher source) → what they align.
    by_pair: WordMap<(usize, usize), Sides>,
    /// Content words of each source.
    total: Vec<f64>,
}

impl Evidence {
    fn new(al: &Alignment, cfg: &Config) -> Evidence {
        let mut by_pair: WordMap<(usize, usize), Sides> = WordMap::default();
        let mut total = vec![0.0; al.n_sources()];
        for (f, links) in al.links.iter().enumerate() {
            let (from, words) = (al.source[f], al.content_words(f) as f64);
            total[from] += words;
            for l in links.iter().filter(|l| l.counts() && l.quoted.get() < cfg.quoted_link_max) {
                let to = al.source[l.other];
                let e = by_pair.entry((from.min(to), from.max(to))).or_default();
                if from < to {
                    e.low.push((f, l.other));
                    e.low_words += words;
                } else {
                    e.high.push((f, l.other));
                    e.high_words += words;
                }
            }
        }
        Evidence { by_pair, total }
    }
}

fn rewrite_of(containment: f64, cfg: &Config) -> Rewrite {
    if containment >= cfg.verbatim_rewrite_min {
        Rewrite::Verbatim
    } else if containment >= cfg.light_rewrite_min {
        Rewrite::Light
    } else {
        Rewrite::Heavy
    }
}

/// The reuse verdict for every pair in `pairs` (the divergence stage's measures).
pub(crate) fn pairs(al: &Alignment, measures: &[Pair], cfg: &Config) -> Vec<PairReuse> {
    let ev = Evidence::new(al, cfg);
    let none = Sides::default();
    measures
        .iter()
        .map(|m| {
            let sides = ev.by_pair.get(&(m.a, m.b)).unwrap_or(&none);
            let (coverage_ab, coverage_ba) =
                (Score::ratio(sides.low_words, ev.total[m.a]), Score::ratio(sides.high_words, ev.total[m.b]));
            // Evidence from either side: a sentence of a matched from b's side counts too.
            let mut aligned = sides.low.clone();
            for &(g, f) in &sides.high {
                if !aligned.iter().any(|&(x, _)| x == f) {
                    aligned.push((f, g));
                }
            }
            aligned.stable_sort();
            let in_order = longest_in_order(&aligned.iter().map(|&(_, g)| g).collect::<Vec<_>>());
            let (ca, cb) = (m.quoteless_containment_ab.get(), m.quoteless_containment_ba.get());
            // The likely original: the derived text keeps a larger share of its wording from the
            // original than the original keeps from it.
            let original = if cb > 0.0 && ca >= cfg.direction_min_ratio * cb {
                Some(m.b)
            } else if ca > 0.0 && cb >= cfg.direction_min_ratio * ca {
                Some(m.a)
            } else {
                None
            };
            // The derived side: the one the direction names, else the more contained one.
            let a_derived = match original {
                Some(o) => o == m.b,
                None => (ca, coverage_ab.get()) >= (cb, coverage_ba.get()),
            };
            let (containment, coverage) = if a_derived { (ca, coverage_ab.get()) } else { (cb, coverage_ba.get()) };
            let derived = containment >= cfg.derived_containment_min
                || (coverage >= cfg.derived_coverage_min && in_order >= cfg.derived_min_sentences);
            let derivation = if !derived {
                Derivation::Non
            } else if coverage >= cfg.wholly_derived_min {
                Derivation::Wholly
            } else {
                Derivation::Partially
            };
            let original = original.filter(|_| derived);
            let rewrite = derived.then(|| rewrite_of(containment, cfg));
            PairReuse { a: m.a, b: m.b, derivation, rewrite, original, aligned, in_order }
        })
        .collect()
}

/// Families: connected components of the derived pairs.
pub(crate) fn families(n: usize, reuse: &[PairReuse]) -> Vec<Family> {
    let derived: Vec<&PairReuse> = reuse.iter().filter(|p| p.derivation != Derivation::Non).collect();
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for p in &derived {
        let (ra, rb) = (find(&mut root, p.a), find(&mut root, p.b));
        root[ra.max(rb)] = ra.min(rb);
    }
    // The members of each set, by its root, in the order of the roots.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for s in 0..n {
        let r = find(&mut root, s);
        groups[r].push(s);
    }
    groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|sources| {
            // The original of the family: a member named the original by every derived pair it
            // is part of, and by at least one.
            let original = sources.iter().copied().find(|&s| {
                let mine: Vec<&&PairReuse> = derived.iter().filter(|p| p.a == s || p.b == s).collect();
                !mine.is_empty() && mine.iter().all(|p| p.original == Some(s))
            });
            Family { sources, original }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_the_longest_non_decreasing_run() {
        assert_eq!(longest_in_order(&[1, 2, 3]), 3);
        assert_eq!(longest_in_order(&[3, 1, 2, 5, 4]), 3);
        assert_eq!(longest_in_order(&[]), 0);
        assert_eq!(longest_in_order(&[2, 2, 1]), 2);
    }
}
