//! Which sentences of different sources report the same thing, for the quote and fact checks.
//!
//! The aligned pairs of the alignment stage, plus one widening: when two sentences are aligned,
//! their neighbours (the sentence before both, the sentence after both) are linked too if neither
//! has a counterpart in the other source yet and they share at least `link_neighbour_min` of
//! their content words (Dice). A rewrite keeps the order of the story, so the sentence before an
//! aligned pair is usually the rewrite of the sentence before it, even when its words changed too
//! much for the alignment on its own ("expressed dissatisfaction" / "voiced frustration").

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
        let has_link_to = |p: &[BTreeSet<usize>], i: usize, source: usize| {
            p[i].iter().any(|&j| sentences[j].source == source)
        };
        let mut added: Vec<(usize, usize)> = Vec::new();
        for i in 0..n {
            for &j in &partners[i] {
                if j < i {
                    continue;
                }
                for (di, dj) in [(i.checked_sub(1), j.checked_sub(1)), (Some(i + 1), Some(j + 1))] {
                    let (Some(x), Some(y)) = (di, dj) else { continue };
                    if x >= n || y >= n {
                        continue;
                    }
                    let (sx, sy) = (&sentences[x], &sentences[y]);
                    if sx.source != sentences[i].source || sy.source != sentences[j].source {
                        continue;
                    }
                    if has_link_to(&partners, x, sy.source) || has_link_to(&partners, y, sx.source) {
                        continue;
                    }
                    if dice(sx, sy) >= cfg.link_neighbour_min {
                        added.push((x, y));
                    }
                }
            }
        }
        for (x, y) in added {
            partners[x].insert(y);
            partners[y].insert(x);
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
