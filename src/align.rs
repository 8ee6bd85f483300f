//! For every sentence, its best counterpart in every other source, and how they relate.
//!
//! Each sentence becomes three views of its words: the folded word sequence (for identity), the
//! set of word bigrams (for near-verbatim copy) and a TF-IDF vector of stemmed content words (for
//! paraphrase). Candidate pairs come from an inverted index over the content stems, leaving out
//! stems that occur in too many sentences, so the work grows with the pairs that share a rare
//! word rather than with the square of the number of sentences.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::lexicon;
use crate::score::Score;
use crate::tokenize::{fold, words_in, Lang};

/// How a sentence relates to its counterpart in another source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same words in the same order (after folding case and typography).
    Identical,
    /// Edited copy: most word pairs (bigrams) are shared.
    NearVerbatim,
    /// The same statement in other words: the content words overlap enough.
    Paraphrase,
    /// No counterpart.
    Unique,
}

impl Relation {
    /// Whether the relation means the statement is shared.
    pub fn is_shared(self) -> bool {
        self != Relation::Unique
    }
}

/// One sentence, prepared for comparison.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    pub source: usize,
    pub span: Range<usize>,
    /// Folded words in order.
    pub words: Vec<String>,
    /// Hashes of adjacent folded word pairs, sorted and deduplicated.
    pub bigrams: Vec<u64>,
    /// Content-stem term ids with their counts, sorted by id.
    pub terms: Vec<(u32, u32)>,
}

/// A sentence's best match in one other source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Match {
    /// Index of the other sentence in the flat sentence list.
    pub other: usize,
    pub similarity: Score,
    pub relation: Relation,
}

/// The vocabulary of an analysis: stem → term id, and document frequency per term.
pub(crate) struct Vocabulary {
    pub ids: HashMap<String, u32>,
    pub df: Vec<u32>,
}

fn hash_pair(a: &str, b: &str) -> u64 {
    // FNV-1a: stable across runs and platforms, so reports are byte-identical.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0u8]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Prepares the sentences of all sources. `spans[s]` are the sentence ranges of source `s`.
/// `langs[s]` is the language of source `s`, for its stopwords and stems.
pub(crate) fn prepare(texts: &[&str], spans: &[Vec<Range<usize>>], langs: &[Lang]) -> (Vec<Sentence>, Vocabulary) {
    let mut vocab = Vocabulary { ids: HashMap::new(), df: Vec::new() };
    let mut out = Vec::new();
    for (source, (text, ranges)) in texts.iter().zip(spans).enumerate() {
        let lang = langs.get(source).copied().unwrap_or_default();
        for span in ranges {
            let words: Vec<String> = words_in(text, span.clone()).map(|w| fold(&text[w])).collect();
            let mut bigrams: Vec<u64> = words.windows(2).map(|p| hash_pair(&p[0], &p[1])).collect();
            bigrams.sort_unstable();
            bigrams.dedup();
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for w in &words {
                if lexicon::is_stopword(w, lang) || !w.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let stem = lexicon::stem(w, lang);
                let next = vocab.ids.len() as u32;
                let id = *vocab.ids.entry(stem).or_insert(next);
                *counts.entry(id).or_insert(0) += 1;
            }
            let mut terms: Vec<(u32, u32)> = counts.into_iter().collect();
            terms.sort_unstable();
            vocab.df.resize(vocab.ids.len(), 0);
            for (id, _) in &terms {
                vocab.df[*id as usize] += 1;
            }
            out.push(Sentence { source, span: span.clone(), words, bigrams, terms });
        }
    }
    (out, vocab)
}

/// TF-IDF weights of a sentence, L2-normalized.
fn weights(s: &Sentence, idf: &[f64]) -> Vec<(u32, f64)> {
    let mut v: Vec<(u32, f64)> =
        s.terms.iter().map(|&(id, tf)| (id, (1.0 + f64::from(tf).ln()) * idf[id as usize])).collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Dice coefficient of two sorted, deduplicated lists.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// How two prepared sentences relate, and how similar they are.
fn relate(a: &Sentence, b: &Sentence, wa: &[(u32, f64)], wb: &[(u32, f64)], cfg: &Config) -> (Relation, f64) {
    let cos = cosine(wa, wb);
    if !a.words.is_empty() && a.words == b.words {
        return (Relation::Identical, 1.0);
    }
    let d = dice(&a.bigrams, &b.bigrams);
    let sim = cos.max(d);
    if d >= cfg.near_verbatim_min {
        return (Relation::NearVerbatim, sim);
    }
    let content = |s: &Sentence| s.terms.iter().map(|&(_, c)| c as usize).sum::<usize>();
    if cos >= cfg.paraphrase_min && content(a) >= cfg.min_content_words && content(b) >= cfg.min_content_words {
        return (Relation::Paraphrase, sim);
    }
    (Relation::Unique, sim)
}

/// For each sentence, the best match in each other source that relates to it (unique pairs are
/// left out). The result is indexed like `sentences`; each list is sorted by source.
pub(crate) fn align(sentences: &[Sentence], vocab: &Vocabulary, cfg: &Config) -> Vec<Vec<(usize, Match)>> {
    let n = sentences.len().max(1) as f64;
    let idf: Vec<f64> = vocab.df.iter().map(|&df| (n / f64::from(df.max(1))).ln() + 1.0).collect();
    let vecs: Vec<Vec<(u32, f64)>> = sentences.iter().map(|s| weights(s, &idf)).collect();

    // Inverted index over the rarer terms only.
    let max_df = ((cfg.index_max_df_share * n).ceil() as u32).max(2);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.df.len()];
    for (i, s) in sentences.iter().enumerate() {
        for &(id, _) in &s.terms {
            if vocab.df[id as usize] <= max_df {
                postings[id as usize].push(i as u32);
            }
        }
    }
    // Sentences with identical words are always candidates, even when every word is common.
    let mut by_words: HashMap<&[String], Vec<u32>> = HashMap::new();
    for (i, s) in sentences.iter().enumerate() {
        if !s.words.is_empty() {
            by_words.entry(s.words.as_slice()).or_default().push(i as u32);
        }
    }

    let mut out = Vec::with_capacity(sentences.len());
    let mut candidates: HashSet<u32> = HashSet::new();
    for (i, s) in sentences.iter().enumerate() {
        candidates.clear();
        for &(id, _) in &s.terms {
            candidates.extend(postings[id as usize].iter().copied());
        }
        if let Some(same) = by_words.get(s.words.as_slice()) {
            candidates.extend(same.iter().copied());
        }
        let mut best: HashMap<usize, Match> = HashMap::new();
        let mut sorted: Vec<u32> = candidates.iter().copied().collect();
        sorted.sort_unstable();
        for j in sorted {
            let o = &sentences[j as usize];
            if o.source == s.source {
                continue;
            }
            let (relation, sim) = relate(s, o, &vecs[i], &vecs[j as usize], cfg);
            if relation == Relation::Unique {
                continue;
            }
            let m = Match { other: j as usize, similarity: Score::new(sim), relation };
            let better = match best.get(&o.source) {
                None => true,
                Some(cur) => {
                    (m.relation, std::cmp::Reverse(m.similarity.get().to_bits()))
                        < (cur.relation, std::cmp::Reverse(cur.similarity.get().to_bits()))
                }
            };
            if better {
                best.insert(o.source, m);
            }
        }
        let mut list: Vec<(usize, Match)> = best.into_iter().collect();
        list.sort_by_key(|(src, _)| *src);
        out.push(list);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &str, b: &str) -> Vec<Vec<(usize, Match)>> {
        let texts = [a, b];
        let spans = vec![vec![0..a.len()], vec![0..b.len()]];
        let (s, v) = prepare(&texts, &spans, &[Lang::En, Lang::En]);
        align(&s, &v, &Config::default())
    }

    #[test]
    fn relations() {
        let m = run("The talks ended on Monday.", "The talks ended on Monday!");
        assert_eq!(m[0][0].1.relation, Relation::Identical);
        let m = run(
            "Russian officials have not responded directly to the proposal on Sunday.",
            "Russian officials have not yet responded directly to the proposal.",
        );
        assert_eq!(m[0][0].1.relation, Relation::NearVerbatim);
        let m = run(
            "Moscow praised the administration's diplomatic efforts toward peace.",
            "The administration's peace efforts drew praise from Moscow diplomats.",
        );
        assert_eq!(m[0][0].1.relation, Relation::Paraphrase);
        let m = run("The weather was sunny in Paris.", "Stocks fell sharply in Tokyo trading.");
        assert!(m[0].is_empty());
    }
}
