//! For every sentence, its counterpart in every other source, and how they relate.
//!
//! The sentences of all sources are prepared together (`similarity::Corpus`), so inverse
//! document frequencies and names are counted over the whole analysis. Candidate pairs come from
//! an inverted index over content stems, leaving out stems found in too many sentences; for each
//! sentence and each other source only the few best candidates by a cheap score (cosine over the
//! indexed stems) are compared in full. A sentence that a rewrite split in two is matched
//! against two adjacent sentences of the other source taken together.
//!
//! The result, [`Alignment`], is the stage's interface for later stages: [`Alignment::pairs`]
//! lists every aligned sentence pair once, with spans, relation and similarity (see
//! `DESIGN.md`, "Aligned pairs").

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::lexicon::{self, PerLang, WordMap};
use crate::score::Score;
use crate::similarity::{classify, Comparison, Corpus, Prepared, Probe, N_FEATURES};
use crate::sort::{IdSort, StableSort};
use crate::tokenize::Lang;

/// How a sentence relates to its counterpart in another source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same words in the same order (after folding case and typography).
    Identical,
    /// Edited copy: the same statement, and most word pairs (bigrams) are shared.
    NearVerbatim,
    /// The same statement in other words.
    Paraphrase,
    /// No counterpart.
    Unique,
}

impl Relation {
    /// Whether the relation means the statement is shared.
    pub fn is_shared(self) -> bool {
        self != Relation::Unique
    }

    /// Whether the relation is a copy of the words (identical or near-verbatim).
    pub fn is_copy(self) -> bool {
        matches!(self, Relation::Identical | Relation::NearVerbatim)
    }
}

/// A sentence's counterpart in one other source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Link {
    /// Flat index of the (first) counterpart sentence.
    pub other: usize,
    /// How many consecutive sentences of the other source the counterpart spans: 2 when the
    /// other source split this sentence in two.
    pub extent: usize,
    /// This sentence is one of two that the other source merged into one sentence.
    pub fragment: bool,
    /// How the two relate.
    pub relation: Relation,
    /// Graded similarity (the similarity head of `similarity`).
    pub similarity: Score,
    /// Probability that the two state the same thing (the paraphrase head).
    pub paraphrase: Score,
    /// The two share too little beyond names, titles and numbers to count as the same statement:
    /// shown, but not counted as shared.
    pub trivial: bool,
    /// Share of the content words the two share that are inside quotation marks in both: two
    /// outlets quoting the same speaker are not copying each other.
    pub quoted: Score,
}

impl Link {
    /// Whether the link counts as the statement being shared.
    pub fn counts(&self) -> bool {
        self.relation.is_shared() && !self.trivial
    }

    /// Ranking key: counted links first, then closer relations, then higher similarity.
    fn key(&self) -> (bool, Relation, std::cmp::Reverse<u64>) {
        (!self.counts(), self.relation, std::cmp::Reverse(self.similarity.get().to_bits()))
    }
}

/// One aligned sentence pair, as later stages consume it (the facts stage compares their values
/// and quotes).
#[allow(dead_code)]
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AlignedPair {
    /// Source and flat sentence index of the first side (the lower source index).
    pub a: usize,
    /// Flat index of the other side's (first) sentence.
    pub b: usize,
    /// Byte range of each side in its source text (two sentences when a split was matched).
    pub a_span: Range<usize>,
    pub b_span: Range<usize>,
    pub relation: Relation,
    pub similarity: Score,
    pub paraphrase: Score,
    pub trivial: bool,
    pub quoted: Score,
}

/// The alignment of all sentences of an analysis.
pub(crate) struct Alignment {
    /// The prepared sentences, flat: source 0's first, then source 1's, and so on.
    pub corpus: Corpus,
    /// Source of each flat sentence.
    pub source: Vec<usize>,
    /// Byte range of each flat sentence in its source's text.
    pub spans: Vec<Range<usize>>,
    /// Flat index of each source's first sentence; `first[n]` is the number of sentences.
    pub first: Vec<usize>,
    /// Whether each flat sentence is trivial: a string of names and titles, or a stock sentence
    /// ("More details to follow"). A trivial sentence is not content: it is neither shared nor
    /// unique, and every link it takes part in is trivial.
    pub trivial: Vec<bool>,
    /// For each flat sentence, its best counterpart in each other source that has one, sorted by
    /// source. Unrelated pairs are left out; trivial ones are kept and flagged.
    pub links: Vec<Vec<Link>>,
}

impl Alignment {
    /// Number of sources.
    pub fn n_sources(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    /// Flat indices of the sentences of source `s`.
    pub fn sentences_of(&self, s: usize) -> Range<usize> {
        self.first[s]..self.first[s + 1]
    }

    /// Index of flat sentence `f` inside its source.
    pub fn local(&self, f: usize) -> usize {
        f - self.first[self.source[f]]
    }

    /// Number of words of flat sentence `f`.
    pub fn words(&self, f: usize) -> usize {
        self.corpus.sentences[f].words.len()
    }

    /// Number of words of flat sentence `f` that count as content: all of them, or none for a
    /// trivial sentence.
    pub fn content_words(&self, f: usize) -> usize {
        if self.trivial[f] {
            0
        } else {
            self.words(f)
        }
    }

    /// Every aligned pair once (the interface for the facts stage): from the lower source's side when both sides name each other,
    /// and from whichever side found it otherwise. Sorted by `(a, b)`.
    #[allow(dead_code)]
    pub fn pairs(&self) -> Vec<AlignedPair> {
        let mut out: Vec<AlignedPair> = Vec::new();
        for (f, links) in self.links.iter().enumerate() {
            for l in links {
                let (a, b) = if self.source[f] < self.source[l.other] { (f, l.other) } else { (l.other, f) };
                // A link from the higher source is listed only when the lower side's own link to
                // that source points elsewhere.
                if self.source[f] > self.source[l.other] {
                    let back = self.links[l.other].iter().find(|m| self.source[m.other] == self.source[f]);
                    if back.is_some_and(|m| m.other <= f && f < m.other + m.extent) {
                        continue;
                    }
                }
                let span_of = |first: usize, extent: usize| {
                    let last = (first + extent - 1).min(self.spans.len() - 1);
                    self.spans[first].start..self.spans[last].end
                };
                let (a_span, b_span) = if a == f {
                    (self.spans[f].clone(), span_of(l.other, l.extent))
                } else {
                    (span_of(l.other, l.extent), self.spans[f].clone())
                };
                out.push(AlignedPair {
                    a,
                    b,
                    a_span,
                    b_span,
                    relation: l.relation,
                    similarity: l.similarity,
                    paraphrase: l.paraphrase,
                    trivial: l.trivial,
                    quoted: l.quoted,
                });
            }
        }
        out.stable_sort_by_key(|p| (p.a, p.b));
        out.dedup_by_key(|p| (p.a, p.b));
        out
    }
}

/// Whether a content term id is informative: not a name and not a number.
fn informative(corpus: &Corpus, t: u32) -> bool {
    let flag = |v: &[bool]| v.get(t as usize).copied().unwrap_or(false);
    !flag(&corpus.is_name) && !flag(&corpus.is_number)
}

/// The stock phrases of `lang` (`data/stock/<lang>.txt`) as word ids of the analysis, leaving
/// out those with a word that no sentence has.
fn stock_phrases(corpus: &Corpus, lang: Lang) -> Vec<Vec<u32>> {
    static STOCK: PerLang<Vec<Vec<&'static str>>> = PerLang::new();
    let stock = STOCK.get(lang, || {
        lexicon::items(&format!("data/stock/{}.txt", lang.code())).map(|l| l.split(' ').collect()).collect()
    });
    stock
        .iter()
        .filter(|phrase| !phrase.is_empty())
        .filter_map(|phrase| phrase.iter().map(|w| corpus.form_id(w)).collect::<Option<Vec<u32>>>())
        .collect()
}

/// Whether a sentence is trivial: fewer than `min_shared_words` informative content words once
/// any stock phrase of its language (`stock`, from [`stock_phrases`]) is set aside.
fn trivial_sentence(corpus: &Corpus, p: &Prepared, stock: &[Vec<u32>], cfg: &Config) -> bool {
    // Made only when a stock phrase is found, which few sentences have.
    let mut in_stock: Vec<bool> = Vec::new();
    for ids in stock {
        if ids.len() > p.words.len() {
            continue;
        }
        for start in 0..=p.words.len() - ids.len() {
            if p.words[start..start + ids.len()] == ids[..] {
                in_stock.resize(p.words.len(), false);
                in_stock[start..start + ids.len()].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    let informative_words = if in_stock.is_empty() {
        // The content terms are the sentence's content term ids, each once.
        p.content_terms().iter().filter(|&&(t, _)| informative(corpus, t)).count()
    } else {
        let mut seen: Vec<u32> = p
            .terms
            .iter()
            .zip(&p.content)
            .zip(&in_stock)
            .filter(|((&t, &c), &st)| c && !st && informative(corpus, t))
            .map(|((&t, _), _)| t)
            .collect();
        seen.sort_ids();
        seen.dedup();
        seen.len()
    };
    informative_words < cfg.min_shared_words
}

/// Whether sentences `h1` and `h2` each share with `a` an informative content word that the other
/// one lacks. A sentence's content terms (`Prepared::content_terms`) are its content term ids
/// sorted and each once, so membership is a binary search there: the sets were first collected,
/// sorted and deduplicated for every join tried, 2.4 % of the instructions of 100 articles for
/// twenty thousand tries (issue 9).
fn both_halves_contribute(corpus: &Corpus, a: &Prepared, h1: usize, h2: usize) -> bool {
    let has = |p: &Prepared, t: u32| p.content_terms().binary_search_by_key(&t, |&(id, _)| id).is_ok();
    let brings = |mine: &Prepared, other: &Prepared| {
        mine.content_terms().iter().any(|&(t, _)| has(a, t) && !has(other, t) && informative(corpus, t))
    };
    let (s1, s2) = (&corpus.sentences[h1], &corpus.sentences[h2]);
    brings(s1, s2) && brings(s2, s1)
}

/// Compares two prepared sentences, whose features are `x`, and fills in what a link needs
/// besides its target: the comparison, whether the match is trivial (too few informative words
/// shared) and the share of shared words that are quoted in both. `a` is the sentence loaded in
/// `probe`: the shared content terms are found by one lookup per term of `b`, where walking both
/// sorted lists side by side was 1.3 % of the instructions of 100 articles (issue 9).
fn compare(
    corpus: &Corpus,
    probe: &Probe,
    a: &Prepared,
    b: &Prepared,
    x: &[f64; N_FEATURES],
    cfg: &Config,
) -> (Comparison, bool, Score) {
    let cmp = classify(a, b, x, cfg);
    let (sa, sb) = (&a.profile().content_quoted, &b.profile().content_quoted);
    let (mut n_informative, mut both, mut quoted) = (0usize, 0usize, 0usize);
    probe.for_each_shared_content(b, |i, j| {
        both += 1;
        if sa[i].1 && sb[j].1 {
            quoted += 1;
        }
        if informative(corpus, sa[i].0) {
            n_informative += 1;
        }
    });
    // A whole sentence copied word for word is evidence however short; only looser matches must
    // rest on enough shared informative words.
    let trivial = cmp.relation != Relation::Identical && n_informative < cfg.min_shared_words;
    (cmp, trivial, Score::ratio(quoted as f64, both as f64))
}

/// Candidate sentences for each sentence, grouped by source: an inverted index over the content
/// terms found in at most `max_df` sentences, scored by the cosine of IDF weights over those
/// terms. Returns, per sentence, up to `per_source` candidates in each other source.
fn candidates(corpus: &Corpus, source: &[usize], cfg: &Config) -> Vec<Vec<usize>> {
    let n = corpus.sentences.len();
    let max_df = ((cfg.index_max_df_share * n as f64).ceil() as u32).max(2);
    let indexed = |t: u32| corpus.df.get(t as usize).is_some_and(|&d| d <= max_df);
    // Each sentence probes its indexed terms from the rarest up, until it has walked
    // `index_budget` postings: on small inputs every term is probed, on large ones the rare
    // terms, which carry the evidence, still are. Ties go by the stem's hash, not its id, so
    // the order of the sources does not matter.
    // Sorted as one integer per term, `df << 96 | stem hash << 32 | id`: the order of the stable
    // sort by (df, stem hash) of the ids in ascending order, without its position lists.
    let mut keys: Vec<u128> = Vec::new();
    let sets: Vec<Vec<u32>> = corpus
        .sentences
        .iter()
        .map(|p| {
            keys.clear();
            keys.extend(p.content_terms().iter().map(|&(t, _)| t).filter(|&t| indexed(t)).map(|t| {
                (u128::from(corpus.df[t as usize]) << 96)
                    | (u128::from(corpus.term_key[t as usize]) << 32)
                    | u128::from(t)
            }));
            keys.sort_ids();
            keys.iter().map(|&k| k as u32).collect()
        })
        .collect();
    // The norm counts every content term, indexed or not, so the cheap score is a lower bound of
    // the IDF cosine of the two sentences: one rare word shared by chance between two long
    // sentences scores low.
    // Slices rather than `Vec`s, here and for `acc`: the WebAssembly build (optimised for size)
    // calls `Vec`'s indexing as a function in these, the search's innermost loops.
    let norm: &[f64] = &corpus
        .sentences
        .iter()
        .map(|p| p.content_terms().iter().map(|&(t, _)| corpus.idf_of(t).powi(2)).sum::<f64>().sqrt())
        .collect::<Vec<f64>>();
    // The postings of every term in one list (`postings[start[t]..start[t + 1]]`), in sentence
    // order: a list per term grew by doubling, tens of thousands of allocations.
    let mut start = vec![0usize; corpus.df.len() + 1];
    for &t in sets.iter().flatten() {
        start[t as usize + 1] += 1;
    }
    for t in 1..start.len() {
        start[t] += start[t - 1];
    }
    let mut postings = vec![0u32; start[start.len() - 1]];
    let mut next = start.clone();
    for (f, v) in sets.iter().enumerate() {
        for &t in v {
            postings[next[t as usize]] = f as u32;
            next[t as usize] += 1;
        }
    }
    drop(next);
    let postings_of = |t: u32| &postings[start[t as usize]..start[t as usize + 1]];
    // Sentences with the very same words are always candidates, even when every word is common.
    let mut same: WordMap<&[u32], Vec<u32>> = WordMap::default();
    for (f, p) in corpus.sentences.iter().enumerate() {
        if !p.words.is_empty() {
            same.entry(p.words.as_slice()).or_default().push(f as u32);
        }
    }

    let acc: &mut [f64] = &mut vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    // Lists of every sentence's turn, emptied and refilled rather than allocated each turn.
    let (mut strong, mut weak, mut passed): (Vec<u128>, Vec<u128>, Vec<u128>) = Default::default();
    let mut out = Vec::with_capacity(n);
    for (f, v) in sets.iter().enumerate() {
        let mut walked = 0usize;
        // The sentences of f's own source, `lo..hi`: flat indices grow with the source, so in a
        // posting list (in sentence order) they are one run, stepped over rather than each
        // checked.
        let lo = source.partition_point(|&s| s < source[f]);
        let hi = source.partition_point(|&s| s <= source[f]);
        for &t in v {
            // Terms come rarest first: once one would overrun the budget, so would the rest.
            let list = postings_of(t);
            walked += list.len();
            if walked > cfg.index_budget {
                break;
            }
            let w = corpus.idf_of(t).powi(2);
            let before = list.partition_point(|&g| (g as usize) < lo);
            let after = before + list[before..].partition_point(|&g| (g as usize) < hi);
            for &g in list[..before].iter().chain(&list[after..]) {
                if acc[g as usize] == 0.0 {
                    touched.push(g);
                }
                acc[g as usize] += w;
            }
        }
        if let Some(copies) = same.get(corpus.sentences[f].words.as_slice()) {
            // Copies are in sentence order, so each source's copies are contiguous. All copies of
            // one source score the same, so only `candidates_per_source` of each can be kept: the
            // ones around the place that matches this sentence's place among its own source's
            // copies (the third of five copies looks at the third of the other's), so a text and
            // its exact copy pair sentence by sentence. The rest are skipped unseen, or a log
            // pasted twice (one line thousands of times) would make this quadratic.
            let own = copies.partition_point(|&g| source[g as usize] < source[f]);
            let own_end = copies.partition_point(|&g| source[g as usize] <= source[f]);
            let rank = copies[own..own_end].partition_point(|&g| (g as usize) < f);
            let mut k = 0;
            while k < copies.len() {
                let s = source[copies[k] as usize];
                let end = k + copies[k..].partition_point(|&g| source[g as usize] == s);
                if s != source[f] {
                    let len = end - k;
                    let at = rank * len / (own_end - own).max(1);
                    let from = k + at
                        .saturating_sub(cfg.candidates_per_source / 2)
                        .min(len.saturating_sub(cfg.candidates_per_source));
                    for &g in &copies[from..end.min(from + cfg.candidates_per_source)] {
                        if acc[g as usize] == 0.0 {
                            touched.push(g);
                        }
                        // Above any cosine, so a copy is always among the kept candidates.
                        acc[g as usize] += 2.0 * (norm[f] * norm[g as usize]).max(1.0);
                    }
                }
                k = end;
            }
        }
        // Strong candidates keyed by source, weak ones by score (see `Cand`).
        strong.clear();
        weak.clear();
        // Each score is read once, so it is reset for the next sentence as it is read.
        for &g in &touched {
            let d = norm[f] * norm[g as usize];
            let acc_g = std::mem::take(&mut acc[g as usize]);
            let score = if d > 0.0 { acc_g / d } else { acc_g };
            if score >= cfg.candidate_min_score {
                let c = Cand { source: source[g as usize] as u32, desc: descending(score), g };
                if score >= cfg.strong_candidate_score {
                    strong.push(c.by_source());
                } else {
                    weak.push(c.by_score());
                }
            }
        }
        touched.clear();
        // Weak candidates: only the best few over all sources go on, so a long list is first cut
        // to three times the number kept in linear time rather than sorted whole.
        let pre = 3 * cfg.max_weak_candidates;
        if weak.len() > pre {
            // None kept when the setting is 0 (a setting may come from the page): nothing to select.
            crate::sort::select_smallest(&mut weak, pre);
            weak.truncate(pre);
        }
        // At most `candidates_per_source` per source: the best ones.
        let per_source = |list: &mut Vec<u128>| {
            list.sort_ids();
            let mut run = (u32::MAX, 0usize);
            list.retain(|&k| {
                let s = Cand::from_source_key(k).source;
                if s != run.0 {
                    run = (s, 0);
                }
                run.1 += 1;
                run.1 <= cfg.candidates_per_source
            });
        };
        per_source(&mut strong);
        // The weak ones in order of score, best first: a source's first `candidates_per_source`
        // pass, up to `max_weak_candidates` in all. These are the best few of each source cut to
        // the best over all sources, as sorting by source, cutting each source's run and sorting
        // the rest by score again gave them: within one source both orders are by score, then
        // sentence (one sort per sentence instead of two, issue 9).
        weak.sort_ids();
        passed.clear();
        for &k in &weak {
            if passed.len() >= cfg.max_weak_candidates {
                break;
            }
            let s = Cand::from_score_key(k).source;
            let same = passed.iter().filter(|&&p| Cand::from_score_key(p).source == s).count();
            if same < cfg.candidates_per_source {
                passed.push(k);
            }
        }
        // Strong candidates are all kept (they are near copies, and the report lists each anyway);
        // a source with a strong candidate takes no weak ones beyond its three.
        let kept = &mut strong;
        for c in passed.iter().map(|&k| Cand::from_score_key(k)) {
            let taken = kept.iter().filter(|&&k| Cand::from_source_key(k).source == c.source).count();
            if taken < cfg.candidates_per_source {
                kept.push(c.by_source());
            }
        }
        kept.sort_ids();
        out.push(kept.iter().map(|&k| Cand::from_source_key(k).g as usize).collect());
        // Out of time: the rest get no candidates, and `analyze` drops the partial alignment.
        if crate::budget::spend(walked + 1) {
            out.resize(n, Vec::new());
            break;
        }
    }
    out
}

/// A candidate of the cheap score, packed into an integer so that its lists sort as plain
/// integers: sorting tuples through a comparison closure was 5 % of the instructions of an
/// analysis (issue 9). Two packings, both orders total (a sentence is one candidate once):
/// `by_source` orders by source, then score (higher first), then sentence; `by_score` by score
/// (higher first), then sentence — flat sentence indices grow with the source, so the source
/// packed in between changes nothing.
#[derive(Clone, Copy)]
struct Cand {
    source: u32,
    /// The score as [`descending`] gives it.
    desc: u64,
    /// Flat index of the candidate sentence.
    g: u32,
}

impl Cand {
    fn by_source(self) -> u128 {
        (u128::from(self.source) << 96) | (u128::from(self.desc) << 32) | u128::from(self.g)
    }

    fn by_score(self) -> u128 {
        (u128::from(self.desc) << 64) | (u128::from(self.source) << 32) | u128::from(self.g)
    }

    fn from_source_key(k: u128) -> Cand {
        Cand { source: (k >> 96) as u32, desc: (k >> 32) as u64, g: k as u32 }
    }

    fn from_score_key(k: u128) -> Cand {
        Cand { desc: (k >> 64) as u64, source: (k >> 32) as u32, g: k as u32 }
    }
}

/// An integer that orders scores from the highest down, as `f64::total_cmp` reversed.
fn descending(x: f64) -> u64 {
    let bits = x.to_bits();
    let ascending = if bits >> 63 == 1 { !bits } else { bits | (1 << 63) };
    !ascending
}

/// A candidate compared in full. Every candidate of every sentence is held until the links are
/// made, a million at a thousand sources, so the comparison's fields sit side by side rather than
/// in a padded `Comparison`, and how far apart the two sentences sit in their texts is computed
/// when it is needed rather than stored: 32 bytes in the WebAssembly build instead of 48.
#[derive(Clone, Debug)]
struct Scored {
    other: usize,
    relation: Relation,
    trivial: bool,
    similarity: Score,
    paraphrase: Score,
    quoted: Score,
}

impl Scored {
    fn new(other: usize, cmp: Comparison, trivial: bool, quoted: Score) -> Scored {
        Scored {
            other,
            relation: cmp.relation,
            trivial,
            similarity: cmp.similarity,
            paraphrase: cmp.paraphrase,
            quoted,
        }
    }

    fn link(&self, relation: Relation, extent: usize) -> Link {
        Link {
            other: self.other,
            extent,
            fragment: false,
            relation,
            similarity: self.similarity,
            paraphrase: self.paraphrase,
            trivial: self.trivial,
            quoted: self.quoted,
        }
    }

    /// Ordering for "nearest": higher similarity, then higher paraphrase probability, then the
    /// sentence at the nearer place in its text (`gap` of the other sentence), then the earlier
    /// sentence. The graded similarity ranks loosely related pairs better than the paraphrase
    /// probability, which is near zero for all of them.
    /// The places are compared only when the scores tie, which they nearly never do: worked out
    /// for every candidate, they were 0.8 % of the instructions of 100 articles (issue 9).
    fn nearer(&self, other: &Scored, gap: impl Fn(usize) -> u64) -> bool {
        let scores = |x: &Scored| (x.similarity.get(), x.paraphrase.get());
        match scores(self).partial_cmp(&scores(other)) {
            Some(std::cmp::Ordering::Equal) => {
                let place = |x: &Scored| (std::cmp::Reverse(gap(x.other)), std::cmp::Reverse(x.other));
                place(self) > place(other)
            }
            order => order == Some(std::cmp::Ordering::Greater),
        }
    }
}

/// Aligns the sentences `spans[s]` of each text `texts[s]`.
pub(crate) fn align(texts: &[&str], spans: &[Vec<Range<usize>>], langs: &[Lang], cfg: &Config) -> Alignment {
    let mut source = Vec::new();
    let mut flat_spans = Vec::new();
    let mut first = vec![0];
    for (s, ranges) in spans.iter().enumerate() {
        for r in ranges {
            source.push(s);
            flat_spans.push(r.clone());
        }
        first.push(flat_spans.len());
    }
    let lang = |s: usize| langs.get(s).copied().unwrap_or_default();
    let corpus = Corpus::of_sources(texts, spans, langs);
    let cands = candidates(&corpus, &source, cfg);
    let n = flat_spans.len();
    // The stock phrases of each language present, as word ids: looked up once, not per sentence.
    let mut stock: Vec<(Lang, Vec<Vec<u32>>)> = Vec::new();
    for s in 0..spans.len() {
        if !stock.iter().any(|(l, _)| *l == lang(s)) {
            stock.push((lang(s), stock_phrases(&corpus, lang(s))));
        }
    }
    let stock_of = |l: Lang| stock.iter().find(|(x, _)| *x == l).map_or(&[][..], |(_, p)| p.as_slice());
    let trivial: Vec<bool> =
        (0..n).map(|f| trivial_sentence(&corpus, &corpus.sentences[f], stock_of(lang(source[f])), cfg)).collect();

    // Relative position of a sentence in its text, and the distance of two such positions.
    let place = |f: usize| {
        let s = source[f];
        let len = (first[s + 1] - first[s]).max(1) as f64;
        (f - first[s]) as f64 / len
    };
    // How far apart two sentences sit in their texts (difference of relative positions, in
    // millionths): among equally good candidates, the one in the same place wins, so a sentence
    // printed twice pairs with the copy at its own place.
    let gap = |f: usize, g: usize| ((place(f) - place(g)).abs() * 1e6) as u64;

    // 1. Every kept candidate compared in full, in source order (one flat list per sentence, its
    // groups found as they are read, `same_source`: a thousand sources make millions of these;
    // collected into a list of ranges, they were an allocation per sentence, twice).
    // The comparison is symmetric, so a pair that is a candidate both ways is compared once: the
    // later sentence copies the earlier one's result.
    // Each sentence's candidates are freed once its list is made: this step ends with every
    // sentence prepared and every list made, the peak of an analysis's memory.
    let mut cands = cands;
    let mut scored: Vec<Vec<Scored>> = Vec::with_capacity(n);
    let mut probe = Probe::new(&corpus);
    for f in 0..n {
        let a = &corpus.sentences[f];
        let mine = std::mem::take(&mut cands[f]);
        if crate::budget::spend(mine.len() + 1) {
            scored.push(Vec::new());
            continue;
        }
        probe.load(a);
        let list = mine
            .iter()
            .map(|&g| {
                let seen = if g < f { scored[g].iter().find(|x: &&Scored| x.other == f) } else { None };
                match seen {
                    Some(x) => Scored { other: g, ..x.clone() },
                    None => {
                        let b = &corpus.sentences[g];
                        let x = probe.features(a, b, &corpus.idf);
                        let (cmp, weak, quoted) = compare(&corpus, &probe, a, b, &x, cfg);
                        Scored::new(g, cmp, weak || trivial[f] || trivial[g], quoted)
                    }
                }
            })
            .collect();
        probe.unload(a);
        scored.push(list);
    }
    drop(cands);
    let same_source = |x: &Scored, y: &Scored| source[x.other] == source[y.other];
    // The nearest sentence of each other source, whatever the relation, as its flat index: the
    // second step reads the nearest of other sentences, and a list of indices outlives the
    // scored lists, which that step frees one sentence at a time. Flat indices grow with the
    // source, so each list is in source order.
    let nearest: Vec<Vec<u32>> = scored
        .iter()
        .enumerate()
        .map(|(f, list)| {
            list.chunk_by(same_source)
                .filter_map(|group| {
                    group.iter().fold(None::<&Scored>, |best, x| match best {
                        Some(b) if !x.nearer(b, |g| gap(f, g)) => Some(b),
                        _ => Some(x),
                    })
                })
                .map(|x| x.other as u32)
                .collect()
        })
        .collect();
    let nearest_in = |f: usize, s: usize| {
        let list = &nearest[f];
        list.binary_search_by_key(&s, |&g| source[g as usize]).ok().map(|i| list[i] as usize)
    };

    // 2. Relations: the model's verdict, or a rewrite when the two are each other's nearest and
    // similar enough.
    let mut links: Vec<Vec<Link>> = vec![Vec::new(); n];
    let mut merges: Vec<(usize, Link)> = Vec::new();
    // Each pair of adjacent sentences is prepared as one at most once.
    // Boxed: few pairs are ever joined, and an empty cell holding a whole `Prepared` took
    // hundreds of bytes per sentence.
    let joined_cache: Vec<std::cell::OnceCell<Box<Prepared>>> = (0..n).map(|_| std::cell::OnceCell::new()).collect();
    let mut corpus = corpus;
    for f in 0..n {
        let a = &corpus.sentences[f];
        // Laid out in the probe when a joined pair is first compared with it.
        let mut loaded = false;
        // Only this sentence's own list is read from here on: freed as it is done with, so that
        // the links and joined pairs this step makes take the room the lists leave (issue 9).
        let list = std::mem::take(&mut scored[f]);
        for group in list.chunk_by(same_source) {
            let s = source[group[0].other];
            let mut top: Option<Link> = None;
            let mut top_rank = None;
            for x in group {
                let mut relation = x.relation;
                if relation == Relation::Unique
                    && x.similarity.get() >= cfg.rewrite_similarity_min
                    && x.paraphrase.get() >= cfg.rewrite_paraphrase_min
                    && nearest_in(f, s) == Some(x.other)
                    && nearest_in(x.other, source[f]) == Some(f)
                {
                    relation = Relation::Paraphrase;
                }
                if relation.is_shared() {
                    let link = x.link(relation, 1);
                    let rank = (link.key(), gap(f, x.other), x.other);
                    if top_rank.as_ref().is_none_or(|t| rank < *t) {
                        top = Some(link);
                        top_rank = Some(rank);
                    }
                }
            }
            // A sentence split in two by the other source: try each candidate with its neighbour.
            if top.as_ref().is_none_or(|t| !t.relation.is_copy()) {
                let single = top.as_ref().map_or(0.0, |t| t.paraphrase.get());
                let single_sim = top.as_ref().map_or(0.0, |t| t.similarity.get());
                let mut merged_best: Option<Link> = None;
                // Only around the nearest sentence, and only when it is already somewhat
                // similar: one half of a split sentence shares a good part of the whole.
                let around = nearest_in(f, s)
                    .and_then(|g| group.iter().find(|x| x.other == g))
                    .filter(|x| x.similarity.get() >= cfg.split_min_piece_similarity);
                if let Some(x) = around {
                    let g = x.other;
                    for start in [g.wrapping_sub(1), g] {
                        let end = start.wrapping_add(1);
                        if start >= n || end >= n || source[start] != s || source[end] != s {
                            continue;
                        }
                        let piece_words = corpus.sentences[start].words.len().max(corpus.sentences[end].words.len());
                        if (a.words.len() as f64) < cfg.split_min_length_ratio * piece_words as f64 {
                            continue;
                        }
                        // Each half must bring shared words of its own, or the pair is just one
                        // sentence with a neighbour attached; and a trivial join is never kept.
                        // Both are known before the (costlier) comparison.
                        if trivial[f]
                            || (trivial[start] && trivial[end])
                            || !both_halves_contribute(&corpus, a, start, end)
                        {
                            continue;
                        }
                        let joined = joined_cache[start].get_or_init(|| Box::new(corpus.joined(start, end)));
                        if !loaded {
                            probe.load(a);
                            loaded = true;
                        }
                        let x = probe.features(a, joined, &corpus.idf);
                        let (cmp, weak, quoted) = compare(&corpus, &probe, a, joined, &x, cfg);
                        let trivial = weak;
                        // As for single sentences: the model's verdict, or a rewrite when one
                        // half has this sentence as its nearest in its source.
                        let relation = if cmp.relation.is_shared() {
                            cmp.relation
                        } else if cmp.similarity.get() >= cfg.rewrite_similarity_min
                            && cmp.paraphrase.get() >= cfg.rewrite_paraphrase_min
                            && [start, end].iter().any(|&h| nearest_in(h, source[f]) == Some(f))
                        {
                            Relation::Paraphrase
                        } else {
                            continue;
                        };
                        if trivial
                            || cmp.paraphrase.get() < single + cfg.split_min_gain
                            || cmp.similarity.get() <= single_sim
                        {
                            continue;
                        }
                        let link = Scored::new(start, cmp, trivial, quoted).link(relation, 2);
                        if merged_best.as_ref().is_none_or(|m| link.paraphrase > m.paraphrase) {
                            merged_best = Some(link);
                        }
                    }
                }
                if let Some(m) = merged_best {
                    merges.push((f, m.clone()));
                    top = Some(m);
                }
            }
            if let Some(t) = top {
                links[f].push(t);
            }
        }
        // Kept to the end of the analysis: without the room that growing by doubling left.
        links[f].shrink_to_fit();
        // Every comparison of this sentence is made: from here on only its words are read (the
        // joined pairs it is a half of are made from those), so its profile goes now rather than
        // after the last sentence, and the links and joined pairs take the room it leaves.
        if loaded {
            probe.unload(a);
        }
        corpus.sentences[f].release_comparison_data();
    }

    // The two halves of a split sentence point back at the whole, unless they have a better match
    // of their own there.
    for (f, m) in merges {
        for list in &mut links[m.other..m.other + m.extent] {
            let back = Link { other: f, extent: 1, fragment: true, ..m.clone() };
            match list.iter().position(|l| source[l.other] == source[f]) {
                Some(p) if list[p].counts() && list[p].paraphrase >= back.paraphrase => {}
                Some(p) => list[p] = back,
                None => list.push(back),
            }
            list.stable_sort_by_key(|l| source[l.other]);
        }
    }
    drop(scored);
    drop(joined_cache);
    corpus.release_comparison_data();
    Alignment { corpus, source, spans: flat_spans, first, trivial, links }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Alignment {
        let spans: Vec<Vec<Range<usize>>> =
            texts.iter().map(|t| crate::sentences::split(t, 0..t.len(), Lang::En)).collect();
        align(texts, &spans, &vec![Lang::En; texts.len()], &Config::default())
    }

    fn relation(al: &Alignment, f: usize, source: usize) -> Relation {
        al.links[f].iter().find(|l| al.source[l.other] == source).map_or(Relation::Unique, |l| l.relation)
    }

    #[test]
    fn relations() {
        let al = run(&["The talks ended on Monday in Geneva.", "The talks ended on Monday in Geneva!"]);
        assert_eq!(relation(&al, 0, 1), Relation::Identical);
        let al = run(&[
            "Russian officials have not responded directly to the proposal on Sunday.",
            "Russian officials have not yet responded directly to the proposal.",
        ]);
        assert_eq!(relation(&al, 0, 1), Relation::NearVerbatim);
        let al = run(&["The weather was sunny in Paris.", "Stocks fell sharply in Tokyo trading."]);
        assert!(al.links[0].is_empty());
    }

    #[test]
    fn issue_5_a_sentence_printed_more_often_than_the_candidates_kept_pairs_with_its_own_copy() {
        // Found by the property test (an exact copy is identical sentence by sentence): only the
        // first `candidates_per_source` copies used to be candidates, so the fourth copy of a
        // repeated sentence paired with the third of the other text.
        for n in 2..9 {
            let text = vec!["Mayor Lena Ortiz said the bridge would reopen in March."; n].join(" ");
            let al = run(&[&text, &text]);
            for f in 0..n {
                for (from, to) in [(f, n + f), (n + f, f)] {
                    let found: Vec<usize> = al.links[from].iter().map(|l| l.other).collect();
                    assert!(
                        al.links[from].iter().any(|l| l.other == to && l.relation == Relation::Identical),
                        "n={n}: sentence {from} should be identical to {to}, links to {found:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn reordered_sentences_still_align() {
        let a = "The minister resigned on Monday after a week of protests. Parliament will vote on a successor in March. Fuel prices rose by ten percent last month.";
        let b = "Fuel prices rose by ten percent last month. The minister resigned on Monday after a week of protests. Parliament will vote on a successor in March.";
        let al = run(&[a, b]);
        let targets: Vec<usize> = (0..3).map(|f| al.links[f][0].other - al.first[1]).collect();
        assert_eq!(targets, vec![1, 2, 0]);
    }

    #[test]
    fn a_split_sentence_matches_both_halves() {
        let a = "The central bank raised its main interest rate to four percent on Thursday, citing stubborn inflation in food and energy prices.";
        let b = "The central bank raised its main interest rate to four percent on Thursday. It cited stubborn inflation in food and energy prices. Separately, the football season opened in Madrid.";
        let al = run(&[a, b]);
        let l = &al.links[0][0];
        assert_eq!((l.other - al.first[1], l.extent), (0, 2), "{l:?}");
        for piece in 1..3 {
            assert!(al.links[piece].iter().any(|m| m.other == 0 && m.fragment), "piece {piece}");
        }
        assert!(al.links[3].is_empty());
    }

    #[test]
    fn names_alone_are_a_trivial_match() {
        let a = "President Vladimir Putin and President Donald Trump. The summit in Alaska ended without an agreement on Friday.";
        let b = "President Donald Trump and President Vladimir Putin. Officials in Kyiv welcomed the exchange of prisoners.";
        let al = run(&[a, b]);
        let l = &al.links[0][0];
        assert!(l.trivial && !l.counts(), "{l:?}");
    }

    #[test]
    fn shared_quotes_are_measured() {
        let a = "Trump told reporters: “We are going to get it done very soon.”";
        let b = "“We are going to get it done very soon,” Trump said on Sunday.";
        let al = run(&[a, b]);
        let l = &al.links[0][0];
        assert!(l.quoted.get() > 0.5, "{l:?}");
    }

    #[test]
    fn issue_9_no_weak_candidates_is_a_setting_not_a_panic() {
        // `max_weak_candidates` 0 cut the weak list at position 0 - 1.
        let texts = [
            "The minister resigned on Monday after a week of protests in the capital.",
            "Protests in the capital went on for a week, and on Monday the minister left office.",
        ];
        let spans: Vec<Vec<Range<usize>>> =
            texts.iter().map(|t| crate::sentences::split(t, 0..t.len(), Lang::En)).collect();
        let cfg = Config { max_weak_candidates: 0, strong_candidate_score: 2.0, ..Config::default() };
        let al = align(&texts, &spans, &[Lang::En; 2], &cfg);
        assert!(al.links.iter().all(Vec::is_empty), "no candidate may be compared: {:?}", al.links);
    }

    #[test]
    fn pairs_are_listed_once() {
        let al = run(&["The talks ended on Monday in Geneva.", "The talks ended on Monday in Geneva."]);
        let pairs = al.pairs();
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
    }
}
