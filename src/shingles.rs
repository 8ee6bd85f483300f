//! Word shingles: how much of one text's word sequences reappear in another's.
//!
//! A shingle is a run of `shingle_words` consecutive folded words inside one sentence (hashed).
//! The containment of A in B is the share of A's distinct shingles that B also has (Broder 1997;
//! the measure of the METER and Clough–Stevenson text-reuse studies). Shingles are counted twice:
//! over all words, and over the words outside quotation marks only, so that two outlets quoting
//! the same speaker do not look like one copying the other.
//!
//! All pairs are counted at once through an inverted index (shingle → sources), so the cost
//! grows with the pairs of sources that share a shingle, not with N² times the text length. A
//! shingle found in more than `shingle_max_sources` sources is left out: a phrase that common is
//! stock wording, not evidence that one text was copied from another.

use crate::similarity::{hash_ids, Prepared};
use crate::sort::IdSort;

/// Distinct shingles of each source.
pub(crate) struct Shingles {
    /// Per source: sorted, deduplicated hashes over all words.
    pub all: Vec<Vec<u64>>,
    /// Per source: the same over words outside quotation marks only.
    pub narrative: Vec<Vec<u64>>,
}

fn runs(p: &Prepared, narrative_only: bool) -> Vec<&[u32]> {
    if !narrative_only {
        return vec![p.words.as_slice()];
    }
    // Maximal runs of unquoted words: a shingle never spans a quotation.
    let mut out = Vec::new();
    let mut start = None;
    for (k, &q) in p.quoted.iter().chain([&true]).enumerate() {
        match (q, start) {
            (false, None) => start = Some(k),
            (true, Some(s)) => {
                out.push(&p.words[s..k]);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn shingles_of<'a>(sentences: impl Iterator<Item = &'a Prepared>, size: usize, narrative_only: bool) -> Vec<u64> {
    let size = size.max(1);
    let mut v = Vec::new();
    for p in sentences {
        for run in runs(p, narrative_only) {
            if run.len() < size {
                // A sentence shorter than a shingle still counts as one.
                if !run.is_empty() && !narrative_only {
                    v.push(hash_ids(run));
                }
                continue;
            }
            v.extend(run.windows(size).map(hash_ids));
        }
    }
    v.sort_ids();
    v.dedup();
    v
}

impl Shingles {
    /// Shingles of each source; `by_source[s]` lists the prepared sentences of source `s`.
    pub fn new(by_source: &[Vec<&Prepared>], size: usize) -> Shingles {
        Shingles {
            all: by_source.iter().map(|s| shingles_of(s.iter().copied(), size, false)).collect(),
            narrative: by_source.iter().map(|s| shingles_of(s.iter().copied(), size, true)).collect(),
        }
    }
}

/// For every pair of sources `a < b`, how many distinct shingles they share: a flat upper
/// triangle, `shared[a * n + b]`.
pub(crate) fn shared_counts(sets: &[Vec<u64>], max_sources: usize) -> Vec<u32> {
    let n = sets.len();
    // Each shingle with its source as one key, `hash << 32 | source`, which sorts as the pair
    // would: only two integer types are sorted with the standard library's sort (src/sort.rs).
    let mut all: Vec<u128> = sets
        .iter()
        .enumerate()
        .flat_map(|(s, v)| v.iter().map(move |&h| (u128::from(h) << 32) | u128::from(s as u32)))
        .collect();
    all.sort_ids();
    let hash = |k: u128| (k >> 32) as u64;
    let mut shared = vec![0u32; n * n];
    let mut k = 0;
    while k < all.len() {
        let end = all[k..].iter().position(|&key| hash(key) != hash(all[k])).map_or(all.len(), |p| k + p);
        let group = &all[k..end];
        if group.len() <= max_sources.max(2) {
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    shared[(a as u32) as usize * n + (b as u32) as usize] += 1;
                }
            }
        }
        k = end;
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::Corpus;

    #[test]
    fn containment_counts_shared_runs_and_skips_quotes() {
        let texts = [
            "The council approved the new budget on Tuesday evening.",
            "On Tuesday evening the council approved the new budget, officials said.",
            "“The council approved the new budget,” the mayor said.",
        ];
        let corpus = Corpus::new(texts.iter().map(|t| (*t, 0..t.len(), crate::tokenize::Lang::En)));
        let by_source: Vec<Vec<&Prepared>> = corpus.sentences.iter().map(|p| vec![p]).collect();
        let sh = Shingles::new(&by_source, 3);
        let shared = shared_counts(&sh.all, 10);
        // "the council approved", "council approved the", "approved the new", "the new budget",
        // and "on tuesday evening" with the second text.
        assert_eq!(shared[1], 5);
        assert_eq!(shared[2], 4);
        let quoteless = shared_counts(&sh.narrative, 10);
        assert_eq!(quoteless[2], 0);
        assert_eq!(quoteless[1], 5);
    }
}
