//! Which sentences of different sources report the same thing, for the quote and fact checks.
//!
//! The aligned pairs of the alignment stage, plus one widening: a rewrite keeps the order of the
//! story, so the sentences just before and just after an aligned pair are often rewrites of each
//! other even when their words changed too much for the alignment on its own ("expressed
//! dissatisfaction" / "voiced frustration"). Within `link_neighbour_window` sentences before and
//! after each aligned pair, sentences that have no counterpart in the other source yet are paired,
//! best first, when their content words overlap at least `link_neighbour_min` (Dice). The window
//! tolerates a sentence split in two by one source.

use std::collections::{BTreeSet, HashSet};

use crate::align::{Match, Sentence};
use crate::config::Config;

/// Related sentence pairs, by flat sentence index.
pub(crate) struct Links {
    partners: Vec<BTreeSet<usize>>,
}

impl Links {
    pub fn new(sentences: &[Sentence], matches: &[Vec<(usize, Match)>], cfg: &Config) -> Links {
        let n = sentences.len();
        let mut partners: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
        for (i, list) in matches.iter().enumerate() {
            for (_, m) in list {
                if m.other < n && m.other != i {
                    partners[i].insert(m.other);
                    partners[m.other].insert(i);
                }
            }
        }
        let has_link_to =
            |p: &[BTreeSet<usize>], i: usize, source: usize| p[i].iter().any(|&j| sentences[j].source == source);
        let window = cfg.link_neighbour_window;
        // Sentences of one source near position `i`, on one side of it.
        let near = |i: usize, before: bool| -> Vec<usize> {
            let source = sentences[i].source;
            let range: Vec<usize> = if before {
                (i.saturating_sub(window)..i).collect()
            } else {
                (i + 1..(i + 1 + window).min(n)).collect()
            };
            range.into_iter().filter(|&x| sentences[x].source == source).collect()
        };
        let aligned: Vec<(usize, usize)> =
            (0..n).flat_map(|i| partners[i].iter().filter(move |&&j| j > i).map(move |&j| (i, j))).collect();
        for (i, j) in aligned {
            let (si, sj) = (sentences[i].source, sentences[j].source);
            for before in [true, false] {
                let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
                for x in near(i, before) {
                    for y in near(j, before) {
                        if has_link_to(&partners, x, sj) || has_link_to(&partners, y, si) {
                            continue;
                        }
                        let d = dice(&sentences[x], &sentences[y]);
                        if d >= cfg.link_neighbour_min {
                            pairs.push((d, x, y));
                        }
                    }
                }
                // Best overlap first; each sentence is paired once.
                pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
                for (_, x, y) in pairs {
                    if !has_link_to(&partners, x, sj) && !has_link_to(&partners, y, si) {
                        partners[x].insert(y);
                        partners[y].insert(x);
                    }
                }
            }
        }
        Links { partners }
    }

    /// The sentences of other sources related to sentence `i` (flat index), in order.
    pub fn of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.partners.get(i).into_iter().flatten().copied()
    }
}

/// Dice coefficient of the content-word sets of two sentences.
fn dice(a: &Sentence, b: &Sentence) -> f64 {
    let sa: HashSet<u32> = a.terms.iter().map(|&(id, _)| id).collect();
    let shared = b.terms.iter().filter(|(id, _)| sa.contains(id)).count();
    let total = a.terms.len() + b.terms.len();
    if total == 0 {
        0.0
    } else {
        2.0 * shared as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align;
    use crate::tokenize::Lang;

    #[test]
    fn neighbours_of_an_aligned_pair_are_linked_when_they_share_words() {
        let a = "Trump has also expressed dissatisfaction with the current situation in Ukraine. \
                 European leaders will visit the capital on Monday to discuss the war. \
                 The weather in Alaska was cold.";
        let b = "Trump voiced frustration with the ongoing situation, aides said. \
                 European leaders will visit the capital on Monday to discuss the war. \
                 Markets rallied on the news.";
        let texts = [a, b];
        let spans: Vec<Vec<std::ops::Range<usize>>> =
            texts.iter().map(|t| crate::sentences::split(t, 0..t.len(), Lang::En)).collect();
        let (flat, vocab) = align::prepare(&texts, &spans, &[Lang::En, Lang::En]);
        let cfg = Config::default();
        let matches = align::align(&flat, &vocab, &cfg);
        let links = Links::new(&flat, &matches, &cfg);
        let linked = |i: usize| links.of(i).collect::<Vec<_>>();
        assert_eq!(linked(1), vec![4], "the aligned pair");
        assert_eq!(linked(0), vec![3], "the sentences before it share 'trump' and 'situation'");
        assert!(linked(2).is_empty(), "the sentences after it share nothing");
    }
}
