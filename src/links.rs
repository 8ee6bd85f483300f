//! Which sentences of different sources report the same thing, for the quote and fact checks.
//!
//! The aligned pairs of the alignment stage, plus one widening: a rewrite keeps the order of the
//! story, so the sentences just before and just after an aligned pair are often rewrites of each
//! other even when their words changed too much for the alignment on its own ("expressed
//! dissatisfaction" / "voiced frustration"). Within `link_neighbour_window` sentences before and
//! after each aligned pair, sentences that have no counterpart in the other source yet are paired,
//! best first, when their content words overlap at least `link_neighbour_min` (Dice). The window
//! tolerates a sentence split in two by one source.

use crate::align::Alignment;
use crate::config::Config;
use crate::similarity::dice;
use crate::sort::{insert_sorted, StableSort};

/// Related sentence pairs, by flat sentence index.
pub(crate) struct Links {
    /// Each sentence's partners, sorted, each once.
    partners: Vec<Vec<usize>>,
}

impl Links {
    pub fn new(al: &Alignment, cfg: &Config) -> Links {
        let n = al.source.len();
        let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, list) in al.links.iter().enumerate() {
            for l in list.iter().filter(|l| l.counts()) {
                // A counterpart that spans two sentences (a split) relates to both.
                for other in l.other..(l.other + l.extent).min(n) {
                    if other != i {
                        insert_sorted(&mut partners[i], other);
                        insert_sorted(&mut partners[other], i);
                    }
                }
            }
        }
        // Content stems of each sentence, each once, sorted.
        let stems: Vec<Vec<u32>> =
            al.corpus.sentences.iter().map(|p| p.content_terms().iter().map(|&(t, _)| t).collect()).collect();
        let source = &al.source;
        let has_link_to = |p: &[Vec<usize>], i: usize, s: usize| p[i].iter().any(|&j| source[j] == s);
        let window = cfg.link_neighbour_window;
        // Sentences of one source near position `i`, on one side of it.
        let near = |i: usize, before: bool| -> Vec<usize> {
            let range: Vec<usize> = if before {
                (i.saturating_sub(window)..i).collect()
            } else {
                (i + 1..(i + 1 + window).min(n)).collect()
            };
            range.into_iter().filter(|&x| source[x] == source[i]).collect()
        };
        let aligned: Vec<(usize, usize)> =
            (0..n).flat_map(|i| partners[i].iter().filter(move |&&j| j > i).map(move |&j| (i, j))).collect();
        for (i, j) in aligned {
            let (si, sj) = (source[i], source[j]);
            for before in [true, false] {
                let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
                for x in near(i, before) {
                    for y in near(j, before) {
                        if has_link_to(&partners, x, sj) || has_link_to(&partners, y, si) {
                            continue;
                        }
                        let d = dice(&stems[x], &stems[y]);
                        if d >= cfg.link_neighbour_min {
                            pairs.push((d, x, y));
                        }
                    }
                }
                // Best overlap first; each sentence is paired once.
                pairs.stable_sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
                for (_, x, y) in pairs {
                    if !has_link_to(&partners, x, sj) && !has_link_to(&partners, y, si) {
                        insert_sorted(&mut partners[x], y);
                        insert_sorted(&mut partners[y], x);
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
        let cfg = Config::default();
        let al = align::align(&texts, &spans, &[Lang::En, Lang::En], &cfg);
        let links = Links::new(&al, &cfg);
        let linked = |i: usize| links.of(i).collect::<Vec<_>>();
        assert_eq!(linked(1), vec![4], "the aligned pair");
        assert_eq!(linked(0), vec![3], "the sentences before it share 'trump' and 'situation'");
        assert!(linked(2).is_empty(), "the sentences after it share nothing");
    }
}
