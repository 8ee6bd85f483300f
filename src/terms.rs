//! Framing: the words and phrases that set each source apart, and the same thing named
//! differently by different sources.
//!
//! Distinctive terms are scored with the weighted log-odds ratio with an informative Dirichlet
//! prior of Monroe, Colaresi and Quinn (2008, "Fightin' Words"): for a source `i` against all the
//! other sources together, with counts `y` of a term, totals `n`, and a prior `α_w = α0 · p_w` where
//! `p_w` is the term's share of all sources together and `α0` is `framing_prior` (or the number of
//! terms of all sources, when that is smaller),
//!
//! ```text
//! δ = ln((y_i + α_w) / (n_i + α0 − y_i − α_w)) − ln((y_j + α_w) / (n_j + α0 − y_j − α_w))
//! σ² = 1 / (y_i + α_w) + 1 / (y_j + α_w),        z = δ / σ
//! ```
//!
//! The prior shrinks the log-odds of rare terms towards zero, so a word used once is not ranked
//! above a word used five times for being "infinitely" more frequent in one source; the z-score
//! says how sure the difference is. Terms are content words (not function words of the source's
//! language, not numbers), hyphenated compounds as one word ("western-backed"), and pairs of
//! adjacent content words ("regime change"), each counted by stem.
//!
//! Naming differences come from a data file of contested names and wordings
//! (`data/framing/en.txt`): each group is one wording of one thing ("kyiv: kiev"); two sources
//! that use different wordings of the same thing are reported with every place they do. Beyond
//! the list, two related sentences of different sources that are the same word for word but for
//! one swapped word or pair ("the annexation of Crimea" / "the seizure of Crimea") name one thing
//! two ways too.

use std::ops::Range;
use std::sync::OnceLock;

use crate::config::Config;
use crate::diff::{self, Op};
use crate::facts;
use crate::lexicon::{self, Interner, WordMap, WordSet};
use crate::report::{NamingReport, NamingUse, TermReport, Utf16Index};
use crate::similarity::Corpus;
use crate::sort::{group_by_key, IdSort, StableSort};
use crate::tokenize::{fold, words_in, Lang};
use crate::values::Value;

/// A distinctive term of one source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Term {
    /// The term as the source most often writes it (folded).
    pub text: String,
    /// Occurrences in this source.
    pub count: u32,
    /// Occurrences in all the other sources.
    pub others: u32,
    /// The log-odds ratio δ.
    pub log_odds: f64,
    /// δ / σ.
    pub z: f64,
    /// Where it occurs in this source (at most `framing_max_spans`).
    pub spans: Vec<Range<usize>>,
}

/// One word of a sentence, ready for counting: its folded form and stem as ids of the
/// analysis's [`Vocabulary`].
struct Word {
    span: Range<usize>,
    folded: u32,
    stem: u32,
    content: bool,
    /// Only spaces separate it from the previous word of the sentence.
    joined: bool,
}

/// The folded forms and stems of one analysis, each string stored once and named by a `u32`:
/// counting by id instead of by string, and stemming each form once rather than at every
/// occurrence, made this stage several times faster (issue 9).
#[derive(Default)]
struct Vocabulary {
    words: Interner,
    /// The stem id of each id used as a folded form, with the language it was stemmed in.
    stem_of: Vec<Option<(Lang, u32)>>,
    /// What a word of the corpus (by its id there, `Corpus::form`) is here, in the language it
    /// was read in: its folded id and stem id, and whether it is a content word. Worked out at
    /// its first occurrence, not at every one (issue 9).
    of_form: Vec<Option<(Lang, u32, u32, bool)>>,
}

impl Vocabulary {
    fn id(&mut self, s: &str) -> u32 {
        let id = self.words.id(s);
        if self.stem_of.len() < self.words.len() {
            self.stem_of.resize(self.words.len(), None);
        }
        id
    }

    fn stem(&mut self, folded: u32, lang: Lang) -> u32 {
        if let Some(Some((l, stem))) = self.stem_of.get(folded as usize) {
            if *l == lang {
                return *stem;
            }
        }
        let stem = lexicon::stem(self.words.name(folded), lang);
        let id = self.id(&stem);
        self.stem_of[folded as usize] = Some((lang, id));
        id
    }

    fn name(&self, id: u32) -> &str {
        self.words.name(id)
    }
}

/// The words of flat sentence `f`, hyphenated compounds merged into one word.
fn sentence_words(
    text: &str,
    f: usize,
    corpus: &Corpus,
    values: &[Value],
    lang: Lang,
    vocab: &mut Vocabulary,
) -> Vec<Word> {
    // Numbers, dates and ordinals are facts, compared by the fact check, not word choices.
    let values: Vec<Range<usize>> = values.iter().map(|v| v.span.clone()).collect();
    let mut out: Vec<Word> = Vec::new();
    let mut prev_end: Option<usize> = None;
    let mut base = String::new();
    // The compound being joined (its place in `out`): it is folded and named once it is whole.
    // Naming every stage of it ("a-b", "a-b-c", …) kept a string per stage, quadratic in a
    // compound of thousands of parts (a pasted "-A-A-A…" of 1 MB took over 24 GB).
    let mut compound: Option<usize> = None;
    let Some(p) = corpus.sentences.get(f) else { return out };
    for (span, &form) in p.spans.iter().cloned().zip(&p.words) {
        if crate::facts::within_any(&values, &span) {
            prev_end = None;
            continue;
        }
        let gap = prev_end.and_then(|p| text.get(p..span.start)).unwrap_or(" .");
        let hyphen = matches!(gap, "-" | "\u{2010}" | "\u{2011}");
        match out.last_mut() {
            Some(last) if hyphen => {
                last.span.end = span.end;
                compound = Some(out.len() - 1);
            }
            _ => {
                if let Some(k) = compound.take() {
                    name_compound(&mut out[k], text, vocab);
                }
                let known = vocab.of_form.get(form as usize).copied().flatten().filter(|k| k.0 == lang);
                let (folded, stem, content) = match known {
                    Some((_, folded, stem, content)) => (folded, stem, content),
                    None => {
                        // "U.S." and "US" are one term: dots of abbreviations are dropped.
                        base.clear();
                        base.extend(corpus.form(form).chars().filter(|&c| c != '.'));
                        let trimmed = base.strip_suffix("'s").unwrap_or(&base);
                        // A contraction of a function word ("don't", "we've") is one too.
                        let head = trimmed.split('\'').next().unwrap_or("");
                        let content = trimmed.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && !trimmed.chars().next().is_some_and(char::is_numeric)
                            && !lexicon::is_stopword(trimmed, lang)
                            && !lexicon::is_stopword(head, lang);
                        let folded = vocab.id(trimmed);
                        let stem = vocab.stem(folded, lang);
                        if vocab.of_form.len() <= form as usize {
                            vocab.of_form.resize(form as usize + 1, None);
                        }
                        vocab.of_form[form as usize] = Some((lang, folded, stem, content));
                        (folded, stem, content)
                    }
                };
                let joined = prev_end.is_some() && !gap.is_empty() && gap.chars().all(char::is_whitespace);
                out.push(Word { span: span.clone(), folded, stem, content, joined });
            }
        }
        prev_end = Some(span.end);
    }
    if let Some(k) = compound {
        name_compound(&mut out[k], text, vocab);
    }
    out
}

/// Names a hyphenated compound by its whole folded text: one term, a content word.
fn name_compound(w: &mut Word, text: &str, vocab: &mut Vocabulary) {
    let id = vocab.id(&fold(text.get(w.span.clone()).unwrap_or("")));
    w.folded = id;
    w.stem = id;
    w.content = true;
}

/// A term: one stem, or two adjacent stems (the second `NONE` for a single word).
type Key = (u32, u32);

/// The second id of a single word's key.
const NONE: u32 = u32::MAX;

/// The occurrences of one source grouped by term, each group in text order: the places in
/// `occurrences` as one integer each, `term << 64 | place`, sorted. A term's count is the length
/// of its group; its spellings and places are read from the group only for the terms that are
/// kept. A hash table of every term with a list of spellings and one of places took two
/// allocations per term, nearly all of them for terms dropped at once (issue 9).
fn grouped(occurrences: &[Occurrence]) -> Vec<u128> {
    let mut order: Vec<u128> = occurrences
        .iter()
        .enumerate()
        .map(|(k, o)| (u128::from(o.key.0) << 96) | (u128::from(o.key.1) << 64) | k as u128)
        .collect();
    order.sort_ids();
    order
}

/// One occurrence of a term in a source: the term, its spelling and its place.
struct Occurrence {
    key: Key,
    surface: Key,
    span: Range<usize>,
}

/// The sentences of one source, flat indices `sentences` of `corpus` and `values`.
struct Source<'a> {
    text: &'a str,
    sentences: Range<usize>,
    lang: Lang,
}

/// Every occurrence of a term in one source, in text order: each content word, and each pair of
/// adjacent content words that only spaces separate.
fn occurrences(src: &Source, corpus: &Corpus, values: &[Vec<Value>], vocab: &mut Vocabulary) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for f in src.sentences.clone() {
        let found = values.get(f).map_or(&[][..], Vec::as_slice);
        let words = sentence_words(src.text, f, corpus, found, src.lang, vocab);
        for (k, w) in words.iter().enumerate() {
            if !w.content {
                continue;
            }
            out.push(Occurrence { key: (w.stem, NONE), surface: (w.folded, NONE), span: w.span.clone() });
            if let Some(prev) = k.checked_sub(1).and_then(|p| words.get(p)) {
                if prev.content && w.joined {
                    out.push(Occurrence {
                        key: (prev.stem, w.stem),
                        surface: (prev.folded, w.folded),
                        span: prev.span.start..w.span.end,
                    });
                }
            }
        }
    }
    out.shrink_to_fit();
    out
}

/// The bytes of [`key_text`], without writing them out.
fn key_bytes(vocab: &Vocabulary, key: Key) -> impl Iterator<Item = u8> + '_ {
    let second = (key.1 != NONE).then(|| vocab.name(key.1));
    vocab.name(key.0).bytes().chain(second.into_iter().flat_map(|s| std::iter::once(b' ').chain(s.bytes())))
}

/// The order of two keys' texts (as `key_text(a).cmp(&key_text(b))`).
fn key_cmp(vocab: &Vocabulary, a: Key, b: Key) -> std::cmp::Ordering {
    key_bytes(vocab, a).cmp(key_bytes(vocab, b))
}

/// The text of a key: its one or two strings joined by a space.
fn key_text(vocab: &Vocabulary, key: Key) -> String {
    if key.1 == NONE {
        vocab.name(key.0).to_string()
    } else {
        format!("{} {}", vocab.name(key.0), vocab.name(key.1))
    }
}

/// The distinctive terms of every source. `sentences[s]` are the sentence spans of source `s`,
/// prepared in `corpus` one source after another, and `values` the values of each of them.
pub(crate) fn distinctive(
    texts: &[&str],
    sentences: &[Vec<Range<usize>>],
    langs: &[Lang],
    corpus: &Corpus,
    values: &[Vec<Value>],
    cfg: &Config,
) -> Vec<Vec<Term>> {
    let mut vocab = Vocabulary::default();
    let mut first = 0;
    // Every source's occurrences first, then each source's counts by term one at a time, dropped
    // once its terms are read: at a thousand sources the counts of all sources held together
    // (a hash table of terms, each with its spellings and places) were the analysis's largest
    // memory, ~100 MB, where the flat occurrences take a sixth of that (issue 9).
    let occurrences: Vec<Vec<Occurrence>> = texts
        .iter()
        .zip(sentences)
        .enumerate()
        .map(|(s, (text, sents))| {
            let src =
                Source { text, sentences: first..first + sents.len(), lang: langs.get(s).copied().unwrap_or_default() };
            first += sents.len();
            occurrences(&src, corpus, values, &mut vocab)
        })
        .collect();
    if occurrences.len() < 2 {
        return vec![Vec::new(); occurrences.len()];
    }
    let mut pooled: WordMap<Key, u64> = WordMap::default();
    for o in occurrences.iter().flatten() {
        *pooled.entry(o.key).or_insert(0) += 1;
    }
    let total: u64 = occurrences.iter().map(|o| o.len() as u64).sum();
    // The prior never weighs more than the data: with a few short texts it would flatten everything.
    let a0 = cfg.framing_prior.min(total as f64);
    occurrences
        .into_iter()
        .map(|occ| {
            let order = grouped(&occ);
            let own = occ.len() as u64;
            let (ni, nj) = (own as f64, (total - own) as f64);
            let mut terms: Vec<(Key, Term, usize)> = order
                .chunk_by(|a, b| a >> 64 == b >> 64)
                .filter_map(|group| {
                    let key = ((group[0] >> 96) as u32, (group[0] >> 64) as u32);
                    let count = group.len() as u32;
                    let all = pooled.get(&key).copied().unwrap_or(0);
                    let (yi, yj) = (f64::from(count), (all - u64::from(count)) as f64);
                    let alpha = a0 * all as f64 / (total as f64).max(1.0);
                    let odds = |y: f64, n: f64| ((y + alpha) / (n + a0 - y - alpha)).ln();
                    let delta = odds(yi, ni) - odds(yj, nj);
                    let z = delta / (1.0 / (yi + alpha) + 1.0 / (yj + alpha)).sqrt();
                    if !z.is_finite() || z < cfg.framing_min_z {
                        return None;
                    }
                    let places = group.iter().map(|&k| &occ[k as u64 as usize]);
                    let mut surfaces: Vec<(Key, u32)> = Vec::new();
                    for o in places.clone() {
                        match surfaces.iter_mut().find(|(s, _)| *s == o.surface) {
                            Some((_, n)) => *n += 1,
                            None => surfaces.push((o.surface, 1)),
                        }
                    }
                    let spans: Vec<Range<usize>> = places.take(cfg.framing_max_spans).map(|o| o.span.clone()).collect();
                    // The most frequent surface form, the first in order among equals.
                    let text = surfaces
                        .iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| key_cmp(&vocab, b.0, a.0)))
                        .map(|&(k, _)| key_text(&vocab, k))?;
                    let first = spans.first().map_or(usize::MAX, |r| r.start);
                    Some((key, Term { text, count: yi as u32, others: yj as u32, log_odds: delta, z, spans }, first))
                })
                .collect();
            // Surest first; then the more frequent; then the earlier (news puts what matters first);
            // then by the text of the term's stems, so that the order never depends on hashing
            // (the stems are distinct, so this is one order). Compared without writing the texts
            // out: one sort where there were two, and no string per term (issue 9).
            terms.stable_sort_by(|(ka, a, fa), (kb, b, fb)| {
                b.z.total_cmp(&a.z)
                    .then(b.count.cmp(&a.count))
                    .then(fa.cmp(fb))
                    .then(a.text.cmp(&b.text))
                    .then_with(|| key_cmp(&vocab, *ka, *kb))
            });
            prefer_phrases(terms.into_iter().map(|(_, t, _)| t).collect(), cfg.framing_max_terms)
        })
        .collect()
}

/// Keeps a phrase only when it says more than its words: both words are distinctive on their own
/// and the phrase at least as much as either ("regime change", but not "announced plans" where
/// "plans" is common). A word that only ever occurs inside a kept phrase is then left out. Keeps
/// the first `max` of what remains.
fn prefer_phrases(terms: Vec<Term>, max: usize) -> Vec<Term> {
    let z_of: WordMap<&str, f64> =
        terms.iter().filter(|t| !t.text.contains(' ')).map(|t| (t.text.as_str(), t.z)).collect();
    let keep_phrase = |t: &Term| -> bool {
        let mut words = t.text.split(' ');
        let (Some(a), Some(b)) = (words.next(), words.next()) else { return false };
        match (z_of.get(a), z_of.get(b)) {
            (Some(za), Some(zb)) => t.z >= za.max(*zb),
            _ => false,
        }
    };
    // Each word of a kept phrase with the phrase's count: looked up once per word rather than
    // searched for in every phrase, which made this quadratic in the terms of a long source.
    let mut in_phrase: WordSet<(&str, u32)> = WordSet::default();
    let keep: Vec<bool> = terms
        .iter()
        .map(|t| {
            let phrase = t.text.contains(' ') && keep_phrase(t);
            if phrase {
                in_phrase.extend(t.text.split(' ').map(|w| (w, t.count)));
            }
            phrase
        })
        .collect();
    let keep: Vec<bool> = terms
        .iter()
        .zip(keep)
        .map(|(t, phrase)| phrase || (!t.text.contains(' ') && !in_phrase.contains(&(t.text.as_str(), t.count))))
        .collect();
    // Joining phrases compares pairs of terms, so only the best ones are joined: twice as many as
    // are kept, as joining two phrases makes room for another.
    let kept: Vec<Term> =
        terms.into_iter().zip(keep).filter(|(_, k)| *k).map(|(t, _)| t).take(max.saturating_mul(2)).collect();
    let mut out: Vec<Term> = chain_phrases(kept).into_iter().take(max).collect();
    // Collected in place, the list keeps the room of every term it was cut from (thousands per
    // source), and it lives until the report is built: 52 of the 207 MB at a thousand sources.
    out.shrink_to_fit();
    out
}

/// Joins phrases that always occur overlapping one another ("western-backed regime" and "regime
/// change" → "western-backed regime change"), keeping the place of the first in the ranking.
fn chain_phrases(mut terms: Vec<Term>) -> Vec<Term> {
    // Each pass joins one pair; phrases are few, and every join removes a term. Only phrases
    // join, so each pass walks the pairs of phrases, listed once per pass.
    'pass: loop {
        let phrases: Vec<usize> = (0..terms.len()).filter(|&i| terms[i].text.contains(' ')).collect();
        for &i in &phrases {
            for &j in &phrases {
                if i == j {
                    continue;
                }
                let (a, b) = (&terms[i], &terms[j]);
                let overlaps = a.count == b.count
                    && a.spans.len() == b.spans.len()
                    && a.spans.iter().zip(&b.spans).all(|(x, y)| x.start < y.start && y.start < x.end && x.end < y.end);
                let (Some(last), Some((first, rest))) = (a.text.rsplit(' ').next(), b.text.split_once(' ')) else {
                    continue;
                };
                if overlaps && last == first {
                    let text = format!("{} {rest}", a.text);
                    let spans = a.spans.iter().zip(&b.spans).map(|(x, y)| x.start..y.end).collect();
                    let z = a.z.min(b.z);
                    let log_odds = a.log_odds.min(b.log_odds);
                    let joined = Term { text, count: a.count, others: a.others.max(b.others), log_odds, z, spans };
                    terms[i] = joined;
                    terms.remove(j);
                    continue 'pass;
                }
            }
        }
        return terms;
    }
}

// ---------------------------------------------------------------------------------------------
// Naming differences

/// One wording of a contested name: the thing, the wording, and its phrases as folded words.
struct Wording {
    thing: &'static str,
    wording: &'static str,
    phrases: Vec<Vec<String>>,
}

fn wordings() -> &'static [Wording] {
    static LIST: OnceLock<Vec<Wording>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut out: Vec<Wording> = Vec::new();
        for (heading, phrase) in lexicon::grouped_items("data/framing/en.txt") {
            let Some((thing, wording)) = heading.split_once(':') else { continue };
            let words: Vec<String> = words_in(phrase, 0..phrase.len()).map(|w| fold(&phrase[w])).collect();
            match out.last_mut() {
                Some(last) if last.thing == thing.trim() && last.wording == wording.trim() => last.phrases.push(words),
                _ => out.push(Wording { thing: thing.trim(), wording: wording.trim(), phrases: vec![words] }),
            }
        }
        out
    })
}

/// One source's use of a wording: (source, wording, places).
pub(crate) type Use = (usize, String, Vec<Range<usize>>);

/// A thing named in more than one way: for each source that names it, the wording and where.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Naming {
    /// The listed thing ("kyiv"), or for a swap found in related sentences its two wordings
    /// ("annexation / seizure").
    pub thing: String,
    /// By source, then wording.
    pub uses: Vec<Use>,
}

/// The things that different sources name with different wordings.
pub(crate) fn namings(sentences: &[Vec<Range<usize>>], corpus: &Corpus) -> Vec<Naming> {
    let list = wordings();
    // First word → (wording index, the phrase's words), as word ids of the analysis; a phrase
    // with a word that no sentence has cannot occur.
    let mut by_first: WordMap<u32, Vec<(usize, Vec<u32>)>> = WordMap::default();
    for (w, wording) in list.iter().enumerate() {
        for phrase in &wording.phrases {
            let ids: Vec<u32> = phrase.iter().map_while(|part| corpus.form_id(part)).collect();
            if let (Some(&first), true) = (ids.first(), ids.len() == phrase.len()) {
                by_first.entry(first).or_default().push((w, ids));
            }
        }
    }
    // (thing, source, wording) and a span, grouped below.
    type Found = ((&'static str, usize, &'static str), Range<usize>);
    let mut found: Vec<Found> = Vec::new();
    let mut f = 0;
    for (s, sents) in sentences.iter().enumerate() {
        for _ in sents {
            let Some(p) = corpus.sentences.get(f) else { break };
            f += 1;
            let words = &p.words;
            for k in 0..words.len() {
                for (w, phrase) in by_first.get(&words[k]).map(Vec::as_slice).unwrap_or(&[]) {
                    let w = *w;
                    if words[k..].starts_with(phrase) {
                        let end = p.spans[k + phrase.len() - 1].end;
                        found.push(((list[w].thing, s, list[w].wording), p.spans[k].start..end));
                    }
                }
            }
        }
    }
    let uses =
        group_by_key(found).into_iter().map(|((thing, s, wording), spans)| (thing, (s, wording.to_string(), spans)));
    group_by_key(uses.collect())
        .into_iter()
        .filter(|(_, uses)| {
            let mut wordings: Vec<&str> = uses.iter().map(|(_, w, _)| w.as_str()).collect();
            wordings.stable_sort();
            wordings.dedup();
            let mut sources: Vec<usize> = uses.iter().map(|(s, _, _)| *s).collect();
            sources.dedup();
            wordings.len() >= 2 && sources.len() >= 2
        })
        .map(|(thing, uses)| Naming { thing: thing.to_string(), uses })
        .collect()
}

/// Whether two folded words are wordings of one listed thing (already found by [`namings`]).
fn listed_together(a: &str, b: &str) -> bool {
    let list = wordings();
    let things = |w: &str| -> Vec<&'static str> {
        list.iter().filter(|x| x.phrases.iter().any(|p| p.len() == 1 && p[0] == w)).map(|x| x.thing).collect()
    };
    let (ta, tb) = (things(a), things(b));
    ta.iter().any(|t| tb.contains(t))
}

/// Things named two ways in related sentences: two sentences of different sources, related by
/// `related` (flat sentence indices, sources one after another), that are the same word for
/// word but for one run of one or two content words on each side, with at least
/// `naming_min_shared` words in common ("Russia's annexation of Crimea was condemned" /
/// "Russia's seizure of Crimea was condemned"). Swaps that are not a naming are left out: an
/// inflection (same stem), a figure or a date (those are facts), another name (an entity
/// conflict, unless the two are spelled one or two letters apart: "Odesa" / "Odessa"), and pairs
/// the data file already lists.
pub(crate) fn swaps<I: Iterator<Item = usize>>(
    texts: &[&str],
    sentences: &[Vec<Range<usize>>],
    langs: &[Lang],
    corpus: &Corpus,
    related: impl Fn(usize) -> I,
    cfg: &Config,
) -> Vec<Naming> {
    let mut at: Vec<(usize, usize)> = Vec::new();
    for (s, sents) in sentences.iter().enumerate() {
        at.extend((0..sents.len()).map(|k| (s, k)));
    }
    let words_of = |f: usize| -> Vec<(Range<usize>, &str)> { corpus.words_of(f).collect() };
    // ((thing, source, wording), place), grouped below.
    let mut found: Vec<((String, usize, String), Range<usize>)> = Vec::new();
    // Each related pair once, whichever side lists it, in the order of the sources: as one key,
    // `f << 64 | g`, which sorts as the pair would (src/sort.rs).
    let mut pairs: Vec<u128> = Vec::new();
    for f in 0..at.len() {
        for g in related(f).filter(|&g| g < at.len() && at[g].0 != at[f].0) {
            pairs.push((u128::from(f.min(g) as u64) << 64) | u128::from(f.max(g) as u64));
        }
    }
    pairs.sort_ids();
    pairs.dedup();
    let mut stems = lexicon::Stems::default();
    for (f, g) in pairs.into_iter().map(|k| ((k >> 64) as usize, (k as u64) as usize)) {
        let ((s, _), (t, _)) = (at[f], at[g]);
        // One replaced run of at most two words between a shared head and a shared tail: the
        // common prefix and suffix must leave at most two words on each side. Most related pairs
        // fail this at once, without the diff.
        let empty = Vec::new();
        let (pa, pb) = (
            corpus.sentences.get(f).map_or(&empty, |p| &p.words),
            corpus.sentences.get(g).map_or(&empty, |p| &p.words),
        );
        let head = pa.iter().zip(pb).take_while(|(x, y)| x == y).count();
        let tail = pa.iter().rev().zip(pb.iter().rev()).take_while(|(x, y)| x == y).count();
        if head + tail + 2 < pa.len().max(pb.len()) {
            continue;
        }
        let (wa, wb) = (words_of(f), words_of(g));
        let fa: Vec<&str> = wa.iter().map(|(_, w)| *w).collect();
        let fb: Vec<&str> = wb.iter().map(|(_, w)| *w).collect();
        let edits = diff::diff(&fa, &fb, cfg.quote_max_words.saturating_mul(cfg.quote_max_words));
        let shared: usize = edits.iter().filter(|e| e.op == Op::Equal).map(|e| e.a.len()).sum();
        let changed: Vec<&diff::Edit> = edits.iter().filter(|e| e.op != Op::Equal).collect();
        let [e] = changed.as_slice() else { continue };
        if e.op != Op::Replace || shared < cfg.naming_min_shared || e.a.len() > 2 || e.b.len() > 2 {
            continue;
        }
        let la = langs.get(s).copied().unwrap_or_default();
        let lb = langs.get(t).copied().unwrap_or_default();
        let mut side = |ws: &[(Range<usize>, &str)], r: &Range<usize>, text: &str, lang: Lang| {
            let run = &ws[r.clone()];
            let span = run.first().map_or(0, |w| w.0.start)..run.last().map_or(0, |w| w.0.end);
            let wording = run.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
            let content = run
                .iter()
                .all(|(_, w)| w.chars().all(|c| c.is_alphabetic() || c == '-') && !lexicon::is_stopword(w, lang));
            let capital = r.start > 0 && run.iter().any(|(x, _)| text[x.clone()].starts_with(char::is_uppercase));
            let value = !crate::values::values(text, span.clone(), lang).is_empty();
            let stems: Vec<String> = run.iter().map(|(_, w)| stems.of(w, lang)).collect();
            (span, wording, content && !value, capital, stems)
        };
        let (sa, wording_a, ok_a, cap_a, stem_a) = side(&wa, &e.a, texts[s], la);
        let (sb, wording_b, ok_b, cap_b, stem_b) = side(&wb, &e.b, texts[t], lb);
        let letters = wording_a.chars().count().max(wording_b.chars().count());
        let variant = letters >= 4 && facts::edits(&wording_a, &wording_b) <= 2;
        if !ok_a
            || !ok_b
            || stem_a == stem_b
            || ((cap_a || cap_b) && !variant)
            || listed_together(&wording_a, &wording_b)
        {
            continue;
        }
        let thing = if wording_a < wording_b {
            format!("{wording_a} / {wording_b}")
        } else {
            format!("{wording_b} / {wording_a}")
        };
        found.push(((thing.clone(), s, wording_a), sa));
        found.push(((thing, t, wording_b), sb));
    }
    let uses = group_by_key(found).into_iter().map(|((thing, s, w), mut spans)| {
        spans.stable_sort_by_key(|r| (r.start, r.end));
        spans.dedup();
        (thing, (s, w, spans))
    });
    group_by_key(uses.collect()).into_iter().map(|(thing, uses)| Naming { thing, uses }).collect()
}

// ---------------------------------------------------------------------------------------------
// Report

fn round3(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// The report entries of one source's distinctive terms.
pub(crate) fn report_terms(terms: &[Term], idx: &Utf16Index) -> Vec<TermReport> {
    terms
        .iter()
        .map(|t| TermReport {
            term: t.text.clone(),
            count: t.count,
            others: t.others,
            log_odds: round3(t.log_odds),
            z: round3(t.z),
            spans: t.spans.iter().map(|r| idx.span(r)).collect(),
        })
        .collect()
}

/// The report entries of the naming differences; `idx` holds the UTF-16 index of every source.
pub(crate) fn report_namings(namings: &[Naming], idx: &[Utf16Index]) -> Vec<NamingReport> {
    namings
        .iter()
        .map(|n| NamingReport {
            thing: n.thing.clone(),
            uses: n
                .uses
                .iter()
                .map(|(s, wording, spans)| NamingUse {
                    source: *s,
                    wording: wording.clone(),
                    spans: spans.iter().map(|r| idx[*s].span(r)).collect(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_sentence_each(texts: &[&str]) -> Vec<Vec<Range<usize>>> {
        texts.iter().map(|t| std::iter::once(0..t.len()).collect()).collect()
    }

    fn run(texts: &[&str], cfg: &Config) -> Vec<Vec<Term>> {
        let (sentences, langs) = (one_sentence_each(texts), vec![Lang::En; texts.len()]);
        let values = crate::facts::sentence_values(texts, &sentences, &langs);
        distinctive(texts, &sentences, &langs, &Corpus::of_sources(texts, &sentences, &langs), &values, cfg)
    }

    fn find_namings(texts: &[&str]) -> Vec<Naming> {
        let sentences = one_sentence_each(texts);
        namings(&sentences, &Corpus::of_sources(texts, &sentences, &vec![Lang::En; texts.len()]))
    }

    #[test]
    fn a_hyphenated_compound_is_named_once_whole() {
        // "state-of-the-art" is one word; a compound of thousands of parts is named once, not at
        // every part (a string per stage was quadratic: 1 MB of "-A-A-A…" took over 24 GB).
        let long = vec!["a"; 5_000].join("-");
        let text = format!("The state-of-the-art {long} bridge.");
        let texts = [text.as_str()];
        let (sentences, langs) = (one_sentence_each(&texts), vec![Lang::En]);
        let corpus = Corpus::of_sources(&texts, &sentences, &langs);
        let values = crate::facts::sentence_values(&texts, &sentences, &langs);
        let mut vocab = Vocabulary::default();
        let words = sentence_words(&text, 0, &corpus, &values[0], Lang::En, &mut vocab);
        let names: Vec<&str> = words.iter().map(|w| vocab.name(w.folded)).collect();
        assert_eq!(names, ["the", "state-of-the-art", long.as_str(), "bridge"]);
        assert!(words[1].content && words[2].content);
        // The words, their stems and the two compounds: no stage of a compound is kept.
        assert!(vocab.words.len() <= 8, "{} strings kept", vocab.words.len());
    }

    #[test]
    fn log_odds_with_informative_prior_matches_the_formula() {
        // Source 0 uses "tariff" three times among 4 terms; source 1 never, among 4 terms.
        let texts = ["tariff. tariff. tariff. oil.", "oil. oil. oil. gas."];
        let cfg = Config { framing_min_z: f64::NEG_INFINITY, ..Config::default() };
        let terms = run(&texts, &cfg);
        let t = terms[0].iter().find(|t| t.text == "tariff").expect("tariff is scored");
        let total = 8.0;
        let a0 = cfg.framing_prior.min(total);
        let alpha = a0 * 3.0 / total;
        let delta = ((3.0 + alpha) / (4.0 + a0 - 3.0 - alpha)).ln() - ((0.0 + alpha) / (4.0 + a0 - 0.0 - alpha)).ln();
        let z = delta / (1.0 / (3.0 + alpha) + 1.0 / alpha).sqrt();
        assert!((t.log_odds - delta).abs() < 1e-9 && (t.z - z).abs() < 1e-9, "{t:?} vs δ {delta} z {z}");
        assert_eq!((t.count, t.others), (3, 0));
        // The other side of the same comparison: "oil" leans to source 1.
        let oil0 = terms[0].iter().find(|t| t.text == "oil").map(|t| t.z).unwrap_or(0.0);
        let oil1 = terms[1].iter().find(|t| t.text == "oil").map(|t| t.z).unwrap_or(0.0);
        assert!(oil0 < 0.0 && oil1 > 0.0);
    }

    #[test]
    fn issue_9_keys_compare_as_their_texts() {
        let mut vocab = Vocabulary::default();
        let words = ["bank", "banker", "rate", "bank\u{1}", "", "b", "zoo"];
        let ids: Vec<u32> = words.iter().map(|w| vocab.id(w)).collect();
        let mut keys: Vec<Key> = ids.iter().map(|&a| (a, NONE)).collect();
        keys.extend(ids.iter().flat_map(|&a| ids.iter().map(move |&b| (a, b))));
        for &a in &keys {
            for &b in &keys {
                assert_eq!(key_cmp(&vocab, a, b), key_text(&vocab, a).cmp(&key_text(&vocab, b)), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn shared_words_are_not_distinctive_and_repeated_ones_are() {
        let texts = [
            "The summit in Alaska ended. The tariff on steel rose. The tariff hit exports. A tariff again.",
            "The summit in Alaska ended. Officials met in Geneva to talk about the weather.",
            "The summit in Alaska ended. Markets in Tokyo fell on the news of the day.",
        ];
        let terms = run(&texts, &Config::default());
        let words: Vec<&str> = terms[0].iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words.first(), Some(&"tariff"), "{words:?}");
        assert!(!words.iter().any(|w| w.contains("summit") || w.contains("alaska")), "{words:?}");
    }

    #[test]
    fn phrases_only_when_they_say_more_than_their_words() {
        let texts = [
            "Crimea voted after a Western-backed regime change in the capital. The Western-backed regime \
             change was disputed, and officials announced plans.",
            "Officials announced plans for talks. Plans were made. Plans changed.",
            "Plans for talks were discussed by officials in the capital.",
        ];
        // Three sentences are too little evidence for the default bar; the phrase logic is tested.
        let terms = run(&texts, &Config { framing_min_z: 0.0, ..Config::default() });
        let words: Vec<&str> = terms[0].iter().map(|t| t.text.as_str()).collect();
        assert!(words.contains(&"western-backed regime change"), "{words:?}");
        assert!(!words.iter().any(|w| w.contains("plans")), "{words:?}");
        assert!(!words.contains(&"regime"), "a word only seen inside a kept phrase is left out: {words:?}");
    }

    #[test]
    fn one_source_has_nothing_to_be_distinct_from() {
        assert!(run(&["A tariff on steel."], &Config::default())[0].is_empty());
    }

    #[test]
    fn naming_differences_need_two_wordings_in_two_sources() {
        let texts = [
            "Officials in Kyiv rejected the plan.",
            "Officials in Kiev rejected the plan.",
            "Crimea voted to join Russia in 2014.",
            "Kyiv said no; the annexation of Crimea stands.",
        ];
        let found = find_namings(&texts);
        let things: Vec<&str> = found.iter().map(|n| n.thing.as_str()).collect();
        assert_eq!(things, ["crimea in 2014", "kyiv"]);
        let kyiv = &found[1];
        let uses: Vec<(usize, &str)> = kyiv.uses.iter().map(|(s, w, _)| (*s, w.as_str())).collect();
        assert_eq!(uses, [(0, "kyiv"), (1, "kiev"), (3, "kyiv")]);
        assert_eq!(&texts[1][kyiv.uses[1].2[0].clone()], "Kiev");
        let same = ["Officials in Kyiv rejected the plan.", "Kyiv said no."];
        assert!(find_namings(&same).is_empty());
    }

    /// The swaps found between sentence 0 of each text and sentence 0 of the next, as
    /// (thing, [(source, wording)]).
    fn swapped(texts: &[&str]) -> Vec<(String, Vec<(usize, String)>)> {
        let sentences = one_sentence_each(texts);
        let langs = vec![Lang::En; texts.len()];
        let related = |f: usize| (f + 1..texts.len()).collect::<Vec<_>>().into_iter();
        let corpus = Corpus::of_sources(texts, &sentences, &langs);
        swaps(texts, &sentences, &langs, &corpus, related, &Config::default())
            .into_iter()
            .map(|n| (n.thing, n.uses.into_iter().map(|(s, w, _)| (s, w)).collect()))
            .collect()
    }

    #[test]
    fn issue_6_one_swapped_word_in_aligned_sentences_is_a_naming() {
        let found = swapped(&[
            "Russia's annexation of Crimea in 2014 was condemned by the West.",
            "Russia's seizure of Crimea in 2014 was condemned by the West.",
        ]);
        assert_eq!(
            found,
            [("annexation / seizure".to_string(), vec![(0, "annexation".into()), (1, "seizure".into())])]
        );
        // A pair of words, and a spelling variant of a name.
        let found = swapped(&[
            "The storm flooded the streets of Mariupol again on the same night.",
            "The storm flooded the streets of Mariupil again on the same night.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "mariupil / mariupol");
        let found = swapped(&[
            "Officials said the militants attacked the convoy near the border.",
            "Officials said the freedom fighters attacked the convoy near the border.",
        ]);
        assert_eq!(found[0].0, "freedom fighters / militants");
        // The same when only the later sentence lists the earlier one as related.
        let texts =
            ["Officials said the militants attacked the convoy.", "Officials said the rebels attacked the convoy."];
        let backwards = |f: usize| (0..f).collect::<Vec<_>>().into_iter();
        let langs = [Lang::En, Lang::En];
        let sentences = one_sentence_each(&texts);
        let corpus = Corpus::of_sources(&texts, &sentences, &langs);
        let found = swaps(&texts, &sentences, &langs, &corpus, backwards, &Config::default());
        assert_eq!(found.iter().map(|n| n.thing.as_str()).collect::<Vec<_>>(), ["militants / rebels"]);
    }

    #[test]
    fn issue_6_swaps_that_are_not_namings() {
        for texts in [
            // Two different people: an entity conflict, not a naming.
            [
                "On Monday, Olaf Scholz met the minister in Geneva.",
                "On Monday, Emmanuel Macron met the minister in Geneva.",
            ],
            // An inflection of the same word.
            [
                "The minister says the talks will resume next week.",
                "The minister said the talks will resume next week.",
            ],
            // A figure or a date: those are facts.
            ["The summit will take place on Tuesday in Geneva.", "The summit will take place on Thursday in Geneva."],
            // Two swaps, or too little in common.
            [
                "Russia's annexation of Crimea was condemned by the West.",
                "Russia's seizure of Crimea was welcomed by the West.",
            ],
            ["The seizure was condemned.", "The annexation was condemned."],
            // Kiev / Kyiv is listed, and found by the list.
            [
                "Officials in Kiev rejected the plan on the same day.",
                "Officials in Kyiv rejected the plan on the same day.",
            ],
        ] {
            assert!(swapped(&texts).is_empty(), "{texts:?}: {:?}", swapped(&texts));
        }
    }
}
