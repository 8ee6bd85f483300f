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
/// triangle, `shared[a * n + b]`. Each set must be sorted (as [`Shingles`] holds them).
pub(crate) fn shared_counts(sets: &[Vec<u64>], max_sources: usize) -> Vec<u32> {
    let n = sets.len();
    let (keys, sources) = by_shingle(sets);
    let mut shared = vec![0u32; n * n];
    let mut k = 0;
    while k < keys.len() {
        let mut end = k + 1;
        while end < keys.len() && keys[end] == keys[k] {
            end += 1;
        }
        let group = &sources[k..end];
        if group.len() <= max_sources.max(2) {
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    shared[a as usize * n + b as usize] += 1;
                }
            }
        }
        k = end;
    }
    shared
}

/// Every shingle of every source with its source, ordered by shingle and then by source. The
/// sources' sets are sorted already, so they are merged: neighbouring runs two by two, the lower
/// sources' run first, in as many passes as it takes to halve the number of runs down to one
/// (seven for a hundred sources). Sorting all of them together as one integer each, `hash << 32 |
/// source`, was 7 % of the analysis of 100 articles in the WebAssembly, where a `u128` is two
/// words to compare and to swap (issue 9).
fn by_shingle(sets: &[Vec<u64>]) -> (Vec<u64>, Vec<u32>) {
    let total = sets.iter().map(Vec::len).sum();
    let mut keys: Vec<u64> = Vec::with_capacity(total);
    let mut sources: Vec<u32> = Vec::with_capacity(total);
    // Where each run starts, and where the last ends.
    let mut bounds = Vec::with_capacity(sets.len() + 1);
    bounds.push(0);
    for (s, v) in sets.iter().enumerate() {
        debug_assert!(v.is_sorted());
        keys.extend_from_slice(v);
        sources.resize(keys.len(), s as u32);
        bounds.push(keys.len());
    }
    let (mut keys_to, mut sources_to) = (vec![0u64; total], vec![0u32; total]);
    while bounds.len() > 2 {
        let mut merged = Vec::with_capacity(bounds.len() / 2 + 2);
        merged.push(0);
        for w in (0..bounds.len() - 1).step_by(2) {
            let (lo, mid) = (bounds[w], bounds[w + 1]);
            // An odd run out is copied as it is.
            let hi = bounds.get(w + 2).copied().unwrap_or(mid);
            let (mut i, mut j) = (lo, mid);
            for o in lo..hi {
                // Equal shingles: the left run's first, its sources being the lower ones.
                let left = j >= hi || (i < mid && keys[i] <= keys[j]);
                let from = if left { i } else { j };
                keys_to[o] = keys[from];
                sources_to[o] = sources[from];
                if left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
            merged.push(hi);
        }
        std::mem::swap(&mut keys, &mut keys_to);
        std::mem::swap(&mut sources, &mut sources_to);
        bounds = merged;
    }
    (keys, sources)
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

    /// The counts as they were made before the merge: every shingle with its source as one
    /// integer, `hash << 32 | source`, all sorted together.
    fn shared_counts_by_sorting(sets: &[Vec<u64>], max_sources: usize) -> Vec<u32> {
        let n = sets.len();
        let mut all: Vec<u128> = sets
            .iter()
            .enumerate()
            .flat_map(|(s, v)| v.iter().map(move |&h| (u128::from(h) << 32) | u128::from(s as u32)))
            .collect();
        all.sort_unstable();
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

    #[test]
    fn issue_9_merged_counts_are_the_counts_of_the_sort() {
        // Random sets over a small range of hashes (so that many are shared, by up to every
        // source), for 0 to 40 sources, some of them empty, and several limits.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..300 {
            let n = (next() % 41) as usize;
            let range = 1 + next() % 200;
            let sets: Vec<Vec<u64>> = (0..n)
                .map(|_| {
                    let len = if next() % 5 == 0 { 0 } else { (next() % 60) as usize };
                    // Large hashes too, to check the high bits.
                    let mut v: Vec<u64> =
                        (0..len).map(|_| (next() % range).wrapping_mul(0x0123_4567_89ab_cdef)).collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                })
                .collect();
            for max_sources in [0, 2, 3, 10, 50] {
                assert_eq!(
                    shared_counts(&sets, max_sources),
                    shared_counts_by_sorting(&sets, max_sources),
                    "round {round}, {n} sources, limit {max_sources}"
                );
            }
        }
    }
}
