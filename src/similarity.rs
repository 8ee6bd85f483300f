//! How alike two sentences are: lexical features and a small fitted model over them.
//!
//! A sentence is prepared once (folded words, stems, word n-grams, character n-grams, numbers,
//! capitalized words, which words are inside quotation marks). Two prepared sentences give a
//! fixed vector of [`FEATURES`] — overlap of words, stems, bigrams, trigrams and characters,
//! IDF-weighted overlap, order (longest common subsequence), length ratio, and agreement of
//! numbers and names. Two linear heads read that vector:
//!
//! * the **paraphrase** head is a logistic regression fitted on the MSRP *train* split; its
//!   output is the probability that the two sentences state the same thing;
//! * the **similarity** head is a least-squares fit on the STS Benchmark *train* split (news
//!   genre), scaled from 0–5 to `[0, 1]`; it is the similarity the report shows.
//!
//! Both heads are plain numbers in [`crate::Config`] (`paraphrase_model`, `similarity_model`),
//! produced by `parallax eval paraphrase … --fit` and `parallax eval sts … --fit`; `DESIGN.md` says
//! how they were chosen.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::align::Relation;
use crate::config::Config;
use crate::lexicon::{self, Interner, WordMap};
use crate::score::Score;
use crate::sort::IdSort;
use crate::tokenize::{detect_language, fold_into, words_in, Lang};

/// The names of the features, in the order of the feature vector and of the model weights.
pub const FEATURES: [&str; 20] = [
    "word_dice",
    "content_dice",
    "bigram_dice",
    "trigram_dice",
    "char_dice",
    "tfidf_cosine",
    "idf_jaccard",
    "idf_min_containment",
    "lcs",
    "length_ratio",
    "number_mismatch",
    "name_mismatch",
    "unmatched_content",
    "quote_share",
    "idf_max_containment",
    "content_bigram_dice",
    "function_dice",
    "prefix_dice",
    "cosine_squared",
    "word_dice_squared",
];

/// Number of features.
pub const N_FEATURES: usize = FEATURES.len();

/// A linear model over the features: `bias + Σ weights[k]·feature[k]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinearModel {
    /// Constant term.
    pub bias: f64,
    /// One weight per feature, in the order of [`FEATURES`].
    pub weights: [f64; N_FEATURES],
}

impl LinearModel {
    /// The raw linear score.
    pub fn linear(&self, x: &[f64; N_FEATURES]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }

    /// The logistic of the linear score, in `(0, 1)`.
    pub fn probability(&self, x: &[f64; N_FEATURES]) -> f64 {
        1.0 / (1.0 + (-self.linear(x)).exp())
    }
}

/// One sentence, prepared for comparison.
#[derive(Clone, Debug, Default)]
pub(crate) struct Prepared {
    /// Folded words and numbers, in order, as ids into the corpus's forms ([`Corpus::form`]): an
    /// id is 4 bytes where a `String` was 24 plus its own allocation, and comparing, hashing and
    /// copying ids is cheaper than doing it to strings (issue 9).
    pub words: Vec<u32>,
    /// Byte range of each word in the text (the comparison units of `tokenize::words_in`):
    /// later stages read a sentence's words here rather than tokenizing and folding it again.
    pub spans: Vec<Range<usize>>,
    /// Term id (stem) of each word.
    pub terms: Vec<u32>,
    /// Whether each word is a content word (not a function word).
    pub content: Vec<bool>,
    /// Whether each word is inside quotation marks.
    pub quoted: Vec<bool>,
    /// Whether each word is written with a capital and does not open the sentence; read once,
    /// when the corpus counts how often each term is capitalized, and emptied then.
    pub capital: Vec<bool>,
    /// Term ids of capitalized words that do not open the sentence (a cheap proxy for names),
    /// sorted and deduplicated.
    pub names: Vec<u32>,
    /// Term ids of the numbers (their normal form, see `number_form`), sorted and deduplicated.
    pub numbers: Vec<u32>,
    /// Content term ids with their counts, sorted by id.
    content_terms: Vec<(u32, u32)>,
    /// What [`features`] compares, computed once per sentence by `finish`; `None` once alignment
    /// is done. Boxed, so that a released sentence keeps no room for it: at a thousand sources a
    /// `Prepared` with every list inline was half a kilobyte before holding anything.
    profile: Option<Box<Profile>>,
}

/// The profile of a sentence that has none (a released or empty one).
static NO_PROFILE: Profile = Profile {
    bigrams: Vec::new(),
    trigrams: Vec::new(),
    chars: Vec::new(),
    content_bigrams: Vec::new(),
    prefixes: Vec::new(),
    seq: Vec::new(),
    quote_share: 0.0,
    content_quoted: Vec::new(),
    content_total: 0,
    norm2: 0.0,
    idf_sum: 0.0,
};

/// The per-sentence side of [`features`]: totals, word n-grams, character 4-grams, content
/// bigrams, prefixes, the content sequence and IDF sums. A sentence meets many candidates; computing these once per sentence
/// rather than once per pair (hashing every word, allocating each list) made alignment several
/// times faster (`npm run bench`, issue 9).
#[derive(Clone, Debug, Default)]
pub(crate) struct Profile {
    /// Hashes of word bigrams and trigrams, each sorted and deduplicated.
    bigrams: Vec<u64>,
    trigrams: Vec<u64>,
    /// Character 4-grams as ids of the corpus's [`Grams`], each once, in the order first met: only
    /// the size of the overlap of two sentences' sets is read, which needs no order (the walk of
    /// [`features`] sorts copies).
    chars: Vec<u32>,
    /// Adjacent content term pairs, sorted and deduplicated. (The counts of words and of
    /// function words are read off the sentence's own lists when two sentences are compared:
    /// kept here they were ~14 MB at a thousand sources.)
    content_bigrams: Vec<u64>,
    /// The first four characters of each content word as ids of the corpus's [`Prefixes`], with
    /// counts, sorted.
    prefixes: Vec<(u32, u32)>,
    /// Content term ids in order, at most `LCS_MAX_WORDS`.
    seq: Vec<u32>,
    /// Share of the words inside quotation marks.
    quote_share: f64,
    /// Content term ids, each once, sorted, with whether every occurrence is quoted.
    pub content_quoted: Vec<(u32, bool)>,
    /// Number of content words (each has a prefix): with the number of words, the totals of the
    /// Dice coefficients of word, content, function-word and prefix counts, kept so that
    /// comparing two sentences adds only what they share.
    content_total: u32,
    /// Σ (tf·idf)² and Σ idf over the content terms, in their order: the sentence's side of the
    /// TF-IDF cosine and the IDF-weighted overlaps, summed once per sentence rather than once per
    /// pair ([`Profile::weigh`], once the corpus's IDF is known).
    norm2: f64,
    idf_sum: f64,
}

impl Profile {
    /// The profile of `p` with its n-grams, and its content terms with their counts.
    fn of(
        p: &Prepared,
        prefix_id: &mut dyn FnMut(u32) -> u32,
        [bigrams, trigrams]: [Vec<u64>; 2],
        chars: Vec<u32>,
    ) -> (Profile, Vec<(u32, u32)>) {
        let content_seq: Vec<u32> = p.terms.iter().zip(&p.content).filter(|(_, &c)| c).map(|(&t, _)| t).collect();
        // Each term with its quoted flag as one key, `term << 1 | quoted`, which sorts as the pair
        // would: only two integer types are sorted with the standard library's sort (src/sort.rs).
        let mut quoted: Vec<u64> = p
            .terms
            .iter()
            .zip(&p.content)
            .zip(&p.quoted)
            .filter(|((_, &c), _)| c)
            .map(|((&t, _), &q)| (u64::from(t) << 1) | u64::from(q))
            .collect();
        quoted.sort_ids();
        // One entry per term, quoted only if every occurrence is.
        let mut content_quoted: Vec<(u32, bool)> = Vec::with_capacity(quoted.len());
        for (t, q) in quoted.into_iter().map(|k| ((k >> 1) as u32, k & 1 == 1)) {
            match content_quoted.last_mut() {
                Some((last, lq)) if *last == t => *lq &= q,
                _ => content_quoted.push((t, q)),
            }
        }
        let content: Vec<(u32, u32)> = counts(content_seq.iter().copied());
        let profile = Profile {
            bigrams,
            trigrams,
            chars,
            content_bigrams: sorted_unique(
                content_seq.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect(),
            ),
            prefixes: counts(p.words.iter().zip(&p.content).filter(|(_, &c)| c).map(|(&w, _)| prefix_id(w))),
            seq: content_seq.into_iter().take(LCS_MAX_WORDS).collect(),
            quote_share: if p.words.is_empty() {
                0.0
            } else {
                p.quoted.iter().filter(|&&q| q).count() as f64 / p.words.len() as f64
            },
            content_quoted,
            content_total: content.iter().map(|&(_, c)| c).sum(),
            norm2: 0.0,
            idf_sum: 0.0,
        };
        (profile, content)
    }

    /// Sums the weights of the content terms `content` (the sentence's, with its counts) under
    /// `idf`, term by term in their order, as comparing them pair by pair summed them.
    fn weigh(&mut self, content: &[(u32, u32)], idf: &[f64]) {
        let (mut norm2, mut idf_sum) = (0.0, 0.0);
        for &(id, count) in content {
            let w = idf.get(id as usize).copied().unwrap_or(1.0);
            let v = tf(count) * w;
            norm2 += v * v;
            idf_sum += w;
        }
        (self.norm2, self.idf_sum) = (norm2, idf_sum);
    }
}

impl Prepared {
    /// Content term ids with their counts, sorted by id.
    pub fn content_terms(&self) -> &[(u32, u32)] {
        &self.content_terms
    }

    /// What sentence comparison reads (empty once released).
    pub fn profile(&self) -> &Profile {
        self.profile.as_deref().unwrap_or(&NO_PROFILE)
    }

    /// Frees what only sentence comparison reads (n-grams and the profile), once alignment is
    /// done: the later stages read words, terms and flags, and at a thousand sources the rest is
    /// about half of the analysis's memory.
    pub fn release_comparison_data(&mut self) {
        self.profile = None;
    }
}

/// FNV-1a over a sequence of strings separated by a zero byte: stable across runs and platforms,
/// so reports are byte-identical.
pub(crate) fn hash_words<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in words.into_iter().enumerate() {
        if i > 0 {
            h ^= 0;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for byte in w.bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Sorted and deduplicated, without spare capacity: these lists live as long as the alignment.
fn sorted_unique<T: Ord>(mut v: Vec<T>) -> Vec<T>
where
    [T]: IdSort,
{
    v.sort_ids();
    v.dedup();
    v.shrink_to_fit();
    v
}

/// Byte ranges of `text` that lie inside quotation marks, in order. Curly quotes and guillemets
/// pair by direction, straight double quotes in turn; a quotation never runs past the end of its
/// paragraph (a line break), and one left open runs to it, since a quote that goes on over
/// several sentences may close only at the end of the paragraph.
pub(crate) fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Byte by byte, decoding only where a mark can start: every mark is '"', a line break, or
    // starts with the byte 0xC2 (guillemets) or 0xE2 (curly quotes). In the WebAssembly build
    // (optimised for size) walking the whole text with `char_indices` was a call per character
    // (issue 9).
    let bytes = text.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'"' | b'\n' | 0xC2 | 0xE2) {
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { continue };
        match (c, open) {
            ('\u{201C}' | '\u{00AB}' | '\u{201E}' | '"', None) => open = Some(at),
            ('\u{201D}' | '\u{00BB}' | '"', Some(start)) => {
                out.push(start..at);
                open = None;
            }
            ('\n', Some(start)) => {
                out.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out
}

/// Normal form of a number token: thousands separators dropped ("1,200" = "1200").
fn number_form(folded: &str) -> String {
    folded.chars().filter(|&c| c != ',').collect()
}

/// Ids of the character 4-grams of a corpus's sentences, in the order first met. A sentence holds
/// its 4-grams as 4-byte ids rather than 8-byte hashes: they were the largest lists of a prepared
/// sentence (~64 MB of the 282 MB at a thousand sources, by heaptrack), and the only thing ever
/// computed from them is the size of the overlap of two sentences' sets, which a one-to-one
/// renaming leaves unchanged, so the reports stay byte for byte the same (issue 9). A corpus has
/// few distinct 4-grams (about 17 thousand at a thousand generated sources).
#[derive(Default)]
struct Grams(WordMap<u64, u32>);

impl Grams {
    /// The id of a 4-gram's hash, given a new one the first time.
    fn id(&mut self, hash: u64) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(hash).or_insert(next)
    }
}

/// A set of ids, a bit each, emptied by taking out what was put in: it keeps the 4-grams of the
/// sentence being prepared each once as they are met. Sorting and deduplicating each sentence's
/// list instead was 1.9 % of the instructions of 100 articles (issue 9).
#[derive(Default)]
struct IdSet(Vec<u64>);

impl IdSet {
    /// Puts `id` in; whether it was not there yet. Inlined: called for every 4-gram.
    #[inline(always)]
    fn insert(&mut self, id: u32) -> bool {
        let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        let new = self.0[word] & bit == 0;
        self.0[word] |= bit;
        new
    }

    /// Takes `ids` out.
    fn remove_all(&mut self, ids: &[u32]) {
        for &id in ids {
            if let Some(word) = self.0.get_mut(id as usize / 64) {
                *word &= !(1u64 << (id % 64));
            }
        }
    }
}

/// Ids of the 4-letter prefixes of a corpus's words (the hash of a word's first four characters,
/// renamed one to one, as [`Grams`] does for 4-grams): a sentence's prefix counts are then 8
/// bytes an entry instead of 16, and the comparison tables of [`Probe`] can hold them. Each word
/// form's prefix is found once per analysis, not at every occurrence.
#[derive(Default)]
struct Prefixes {
    ids: Grams,
    /// The prefix id of each word id (`u32::MAX`: not found yet).
    of_form: Vec<u32>,
}

/// The hash of a folded word's first four characters.
fn prefix_hash(word: &str) -> u64 {
    let cut = word.char_indices().nth(4).map_or(word, |(i, _)| &word[..i]);
    hash_words([cut])
}

impl Prefixes {
    /// The prefix id of word id `form`, given a new one the first time the prefix is met.
    fn id(&mut self, forms: &Interner, form: u32) -> u32 {
        if let Some(&id) = self.of_form.get(form as usize).filter(|&&id| id != u32::MAX) {
            return id;
        }
        let id = self.ids.id(prefix_hash(forms.name(form)));
        if self.of_form.len() <= form as usize {
            self.of_form.resize(form as usize + 1, u32::MAX);
        }
        self.of_form[form as usize] = id;
        id
    }

    /// The prefix id of word id `form`, if its prefix has one.
    fn get(&self, forms: &Interner, form: u32) -> Option<u32> {
        match self.of_form.get(form as usize) {
            Some(&id) if id != u32::MAX => Some(id),
            _ => self.ids.0.get(&prefix_hash(forms.name(form))).copied(),
        }
    }

    /// Number of ids given.
    fn len(&self) -> usize {
        self.ids.0.len()
    }
}

/// A set of sentences prepared together, with the vocabulary and inverse document frequencies
/// they share.
pub(crate) struct Corpus {
    pub sentences: Vec<Prepared>,
    /// The folded form of every word id of the sentences.
    forms: Interner,
    /// The character 4-grams of the sentences (emptied with their profiles).
    grams: Grams,
    /// The prefixes of the sentences' words (emptied with their profiles).
    prefixes: Prefixes,
    /// Document frequency (in sentences) of each term id.
    pub df: Vec<u32>,
    /// Smoothed inverse document frequency of each term id.
    pub idf: Vec<f64>,
    /// Whether each term id is a name: inside sentences it is written with a capital more often
    /// than without.
    pub is_name: Vec<bool>,
    /// Whether each term id is a number (the form of a word that starts with a digit).
    pub is_number: Vec<bool>,
    /// A hash of each term's stem: an order of terms that does not depend on the order in which
    /// the sentences came.
    pub term_key: Vec<u64>,
}

impl Corpus {
    /// Prepares sentences, each given as its text, its byte range there and its language.
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, Range<usize>, Lang)>) -> Corpus {
        // Term ids: of stems, and of the normal forms of numbers.
        let mut ids: WordMap<String, u32> = WordMap::default();
        let mut forms = Interner::default();
        let mut grams = Grams::default();
        let mut met = IdSet::default();
        let mut prefixes = Prefixes::default();
        // The term id of each form already met, with the language it was stemmed in, and as a
        // number: a word is stemmed once per analysis, not at every occurrence (issue 9).
        let mut stem_of: Vec<Option<(Lang, u32)>> = Vec::new();
        let mut number_of: Vec<Option<(Lang, u32)>> = Vec::new();
        let mut sentences = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut capitals: Vec<(u32, u32)> = Vec::new();
        let mut is_number: Vec<bool> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        // Quotations are found once per text, so a quote that spans sentences marks them all.
        let mut quotes: (usize, usize, Vec<Range<usize>>) = (0, usize::MAX, Vec::new());
        for (text, span, lang) in items {
            if (text.as_ptr() as usize, text.len()) != (quotes.0, quotes.1) {
                quotes = (text.as_ptr() as usize, text.len(), quoted_ranges(text));
            }
            let mut p = prepare(
                text,
                span,
                lang,
                &quotes.2,
                &mut forms,
                (&mut grams, &mut met, &mut prefixes),
                &mut |form: u32, word: &str, number: bool| {
                    let memo = if number { &mut number_of } else { &mut stem_of };
                    if memo.len() <= form as usize {
                        memo.resize(form as usize + 1, None);
                    }
                    if let Some((l, id)) = memo[form as usize] {
                        // A number's term is its normal form, whatever the language.
                        if number || l == lang {
                            return id;
                        }
                    }
                    let key = if number { number_form(word) } else { lexicon::stem(word, lang) };
                    let next = ids.len() as u32;
                    let id = *ids.entry(key).or_insert(next);
                    memo[form as usize] = Some((lang, id));
                    id
                },
            );
            df.resize(ids.len(), 0);
            capitals.resize(ids.len(), (0, 0));
            for (k, (&t, &cap)) in p.terms.iter().zip(&p.capital).enumerate() {
                if k > 0 {
                    let c = &mut capitals[t as usize];
                    if cap {
                        c.0 += 1;
                    } else {
                        c.1 += 1;
                    }
                }
            }
            // Read only here: the flags need not be kept for the rest of the analysis.
            p.capital = Vec::new();
            is_number.resize(ids.len(), false);
            for &id in &p.numbers {
                is_number[id as usize] = true;
            }
            seen.clear();
            seen.extend_from_slice(&p.terms);
            seen.sort_ids();
            seen.dedup();
            for &id in &seen {
                df[id as usize] += 1;
            }
            sentences.push(p);
        }
        let n = sentences.len() as f64;
        // Smoothed so a term found in every sentence still weighs a little and a corpus of one
        // sentence still has finite weights.
        let idf: Vec<f64> = df.iter().map(|&d| ((n + 1.0) / (f64::from(d) + 0.5)).ln().max(0.0) + 0.1).collect();
        for p in &mut sentences {
            if let Some(profile) = p.profile.as_deref_mut() {
                profile.weigh(&p.content_terms, &idf);
            }
        }
        let is_name = capitals.iter().map(|&(up, low)| up > low).collect();
        let mut term_key = vec![0u64; ids.len()];
        for (stem, &id) in &ids {
            term_key[id as usize] = hash_words([stem.as_str()]);
        }
        // Grown by doubling (the number of sentences is not known up front): the room left over
        // would be held as long as the analysis.
        sentences.shrink_to_fit();
        Corpus { sentences, forms, grams, prefixes, df, idf, is_name, is_number, term_key }
    }

    /// Prepares the sentences `spans[s]` of every text `texts[s]` in language `langs[s]`, flat:
    /// source 0's first, then source 1's, and so on (as [`crate::align`] numbers them).
    pub fn of_sources(texts: &[&str], spans: &[Vec<Range<usize>>], langs: &[Lang]) -> Corpus {
        Corpus::new(spans.iter().enumerate().flat_map(|(s, ranges)| {
            let text = texts.get(s).copied().unwrap_or("");
            let lang = langs.get(s).copied().unwrap_or_default();
            ranges.iter().map(move |r| (text, r.clone(), lang))
        }))
    }

    /// Frees what only sentence comparison reads, once alignment is done: every sentence's
    /// profile ([`Prepared::release_comparison_data`]) and the 4-gram ids.
    pub fn release_comparison_data(&mut self) {
        self.sentences.iter_mut().for_each(Prepared::release_comparison_data);
        self.grams = Grams::default();
        self.prefixes = Prefixes::default();
    }

    /// The folded form of word id `w`.
    pub fn form(&self, w: u32) -> &str {
        self.forms.name(w)
    }

    /// The word id of a folded form, if some sentence has that word.
    pub fn form_id(&self, form: &str) -> Option<u32> {
        self.forms.get(form)
    }

    /// The words of flat sentence `f`: each word's byte range in its text and its folded form.
    pub fn words_of(&self, f: usize) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
        let p = self.sentences.get(f);
        let spans = p.map_or(&[][..], |p| p.spans.as_slice());
        let words = p.map_or(&[][..], |p| p.words.as_slice());
        spans.iter().cloned().zip(words.iter().map(|&w| self.form(w)))
    }

    /// Sentences `i` and `j` (in that order) prepared as one, for matching a sentence that another
    /// source split in two. Only what [`features`] and [`classify`] read is kept (words, terms and
    /// their content flags, names, numbers, content terms and the profile): alignment holds every joined pair it makes until
    /// it is done, ten thousand of them at a thousand sources.
    pub fn joined(&self, i: usize, j: usize) -> Prepared {
        let (a, b) = (&self.sentences[i], &self.sentences[j]);
        let mut p = Prepared {
            words: a.words.iter().chain(&b.words).copied().collect(),
            terms: a.terms.iter().chain(&b.terms).copied().collect(),
            content: a.content.iter().chain(&b.content).copied().collect(),
            quoted: a.quoted.iter().chain(&b.quoted).copied().collect(),
            names: a.names.iter().chain(&b.names).copied().collect(),
            numbers: a.numbers.iter().chain(&b.numbers).copied().collect(),
            ..Prepared::default()
        };
        p.names.sort_ids();
        p.names.dedup();
        p.numbers.sort_ids();
        p.numbers.dedup();
        // A 4-gram across the junction that no sentence has cannot match the sentence the pair is
        // compared with (always one of the corpus): it gets an id from the top of the range, one
        // per distinct hash.
        let fresh_id = |fresh: &mut Vec<u64>, hash: u64| {
            let k = fresh.iter().position(|&h| h == hash).unwrap_or_else(|| {
                fresh.push(hash);
                fresh.len() - 1
            });
            u32::MAX - k as u32
        };
        let mut fresh: Vec<u64> = Vec::new();
        let mut met = IdSet::default();
        // The words are the corpus's, so their prefixes have ids; a new one would be treated
        // like a new 4-gram.
        let mut fresh_prefixes: Vec<u64> = Vec::new();
        finish(
            &mut p,
            &self.forms,
            &mut |hash| match self.grams.0.get(&hash) {
                Some(&id) => met.insert(id).then_some(id),
                None => {
                    let known = fresh.len();
                    let id = fresh_id(&mut fresh, hash);
                    (fresh.len() > known).then_some(id)
                }
            },
            &mut |w| {
                self.prefixes
                    .get(&self.forms, w)
                    .unwrap_or_else(|| fresh_id(&mut fresh_prefixes, prefix_hash(self.forms.name(w))))
            },
        );
        if let Some(profile) = p.profile.as_deref_mut() {
            profile.weigh(&p.content_terms, &self.idf);
        }
        // Read only by `finish`, which made the profile from them (the terms and their flags stay:
        // comparison counts the function words from them).
        p.quoted = Vec::new();
        p
    }

    /// Inverse document frequency of a term id (1 for ids past the corpus).
    pub fn idf_of(&self, id: u32) -> f64 {
        self.idf.get(id as usize).copied().unwrap_or(1.0)
    }

    /// The features of sentences `i` and `j`.
    pub fn features(&self, i: usize, j: usize) -> [f64; N_FEATURES] {
        features(&self.sentences[i], &self.sentences[j], &self.idf)
    }
}

/// Prepares one sentence. `term_of(form, word, is_number)` gives the term id of a word (its
/// stem's, or a number's normal form's); its 4-grams and prefixes get their ids in `grams` and
/// `prefixes`.
fn prepare(
    text: &str,
    span: Range<usize>,
    lang: Lang,
    quotes: &[Range<usize>],
    forms: &mut Interner,
    (grams, met, prefixes): (&mut Grams, &mut IdSet, &mut Prefixes),
    term_of: &mut impl FnMut(u32, &str, bool) -> u32,
) -> Prepared {
    let in_quote = |at: usize| {
        let k = quotes.partition_point(|q| q.end <= at);
        quotes.get(k).is_some_and(|q| q.contains(&at))
    };
    let mut p = Prepared::default();
    let mut names = Vec::new();
    let mut numbers = Vec::new();
    let mut word = String::new();
    let units = words_in(text, span.clone());
    // The lists are kept as long as the analysis: sized once rather than grown by doubling.
    let len = units.size_hint().0;
    p.words.reserve_exact(len);
    p.spans.reserve_exact(len);
    p.terms.reserve_exact(len);
    p.content.reserve_exact(len);
    p.quoted.reserve_exact(len);
    p.capital.reserve_exact(len);
    for unit in units {
        let at = unit.start;
        let raw = &text[unit];
        fold_into(raw, &mut word);
        let form = forms.id(&word);
        let is_number = raw.chars().next().is_some_and(char::is_numeric);
        let id = term_of(form, &word, is_number);
        let content = is_number || !lexicon::is_stopword(&word, lang);
        if is_number {
            numbers.push(id);
        } else if !p.words.is_empty() && raw.chars().next().is_some_and(char::is_uppercase) {
            names.push(id);
        }
        p.quoted.push(in_quote(at));
        p.capital.push(!p.words.is_empty() && raw.chars().next().is_some_and(char::is_uppercase));
        p.spans.push(at..at + raw.len());
        p.words.push(form);
        p.terms.push(id);
        p.content.push(content);
    }
    names.sort_ids();
    names.dedup();
    numbers.sort_ids();
    numbers.dedup();
    p.names = names;
    p.numbers = numbers;
    let forms: &Interner = forms;
    finish(&mut p, forms, &mut |hash| Some(grams.id(hash)).filter(|&id| met.insert(id)), &mut |w| {
        prefixes.id(forms, w)
    });
    met.remove_all(&p.profile().chars);
    p
}

/// FNV-1a over a sequence of word ids: the key of a word n-gram.
///
/// Two plain loops rather than a chain of iterator adapters: in the WebAssembly build (optimised
/// for size) each adapter's `next` stayed a call per byte (issue 9).
pub(crate) fn hash_ids(ids: &[u32]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for w in ids {
        for b in w.to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The last four characters of a sentence being read, for its character 4-grams.
#[derive(Default)]
struct Window {
    chars: [char; 4],
    /// Characters read so far.
    seen: usize,
}

impl Window {
    /// Reads `c`; once four characters are read, the id of the 4-gram that ends with it (FNV-1a
    /// over the four) goes on `ids` unless `gram_id` gives none. Inlined: called per character.
    #[inline(always)]
    fn push(&mut self, c: char, ids: &mut Vec<u32>, gram_id: &mut dyn FnMut(u64) -> Option<u32>) {
        let w = &mut self.chars;
        *w = [w[1], w[2], w[3], c];
        self.seen += 1;
        if self.seen >= 4 {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for &c in w.iter() {
                h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            if let Some(id) = gram_id(h) {
                ids.push(id);
            }
        }
    }
}

/// Fills in the word and character n-grams of a sentence from its words, and its profile;
/// `gram_id` gives the id of a character 4-gram's hash (`None` when the sentence already has that
/// 4-gram) and `prefix_id` that of a word id's prefix.
fn finish(
    p: &mut Prepared,
    forms: &Interner,
    gram_id: &mut dyn FnMut(u64) -> Option<u32>,
    prefix_id: &mut dyn FnMut(u32) -> u32,
) {
    // Two ids fit in a u64 exactly; three are hashed.
    let bigrams = sorted_unique(p.words.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect());
    let trigrams = sorted_unique(p.words.windows(3).map(hash_ids).collect());
    // Character 4-grams of the words joined by spaces, read off a sliding window rather than a
    // joined copy of the sentence. Each word is read byte by byte, decoding only characters
    // outside ASCII: in the WebAssembly build (optimised for size) reading the words through
    // chained character iterators was three calls per character (issue 9).
    let mut window = Window::default();
    // Room for a gram per byte (at least one per character), without a pass to count them.
    let mut chars = Vec::with_capacity(p.words.iter().map(|&w| forms.name(w).len() + 1).sum::<usize>());
    for (k, &w) in p.words.iter().enumerate() {
        if k > 0 {
            window.push(' ', &mut chars, gram_id);
        }
        let name = forms.name(w);
        let bytes = name.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let c = if b < 0x80 {
                i += 1;
                char::from(b)
            } else {
                let Some(c) = name.get(i..).and_then(|rest| rest.chars().next()) else { break };
                i += c.len_utf8();
                c
            };
            window.push(c, &mut chars, gram_id);
        }
    }
    // Kept as long as the alignment: without the room left for repeats.
    chars.shrink_to_fit();
    let (profile, content_terms) = Profile::of(p, prefix_id, [bigrams, trigrams], chars);
    p.profile = Some(Box::new(profile));
    p.content_terms = content_terms;
}

/// Size of the intersection of two sorted, deduplicated lists.
pub(crate) fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    // Without branches on the comparison: the two lists interleave unpredictably (character
    // 4-grams of two sentences), and a mispredicted branch per step cost more than the step.
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Dice coefficient of two sorted, deduplicated lists (0 when both are empty).
pub(crate) fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * shared(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Items two sorted multisets given as (id, count) have in common, counted with repeats.
/// Without branches on the comparison, as [`shared`].
fn matched_counts<T: Ord>(a: &[(T, u32)], b: &[(T, u32)]) -> u32 {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        both += u32::from(x.0 == y.0) * x.1.min(y.1);
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    both
}

/// Each distinct id with how often it is found, sorted by id.
fn counts<T: Ord + Copy>(ids: impl Iterator<Item = T>) -> Vec<(T, u32)>
where
    [T]: IdSort,
{
    let mut v: Vec<T> = ids.collect();
    v.sort_ids();
    // Sized once, the runs counted before they are written: grown by doubling and shrunk to fit,
    // the list took several reallocations per sentence (issue 9).
    let runs = || v.chunk_by(|a, b| a == b);
    let mut out: Vec<(T, u32)> = Vec::with_capacity(runs().count());
    out.extend(runs().map(|run| (run[0], run.len() as u32)));
    out
}

/// Length of the longest common subsequence of two sequences. Sentences are short; callers bound
/// the lengths. When the second fits in a machine word, one bit per element of it, the
/// bit-parallel algorithm of Allison and Dix (1986; in Hyyrö's formulation) does with a few
/// word operations per element of the first what the table does with a row: the same length,
/// in a third of the instructions on sentences (issue 9).
fn lcs(a: &[u32], b: &[u32]) -> usize {
    if b.len() > 64 {
        return lcs_table(a, b);
    }
    // Bit j of `v` is 0 where the common subsequence grows at b[j]; the bits above b's length
    // stay 1, because `u` never has them.
    let mut v = u64::MAX;
    for &x in a {
        let matches = b.iter().enumerate().fold(0u64, |m, (j, &y)| m | (u64::from(x == y) << j));
        let u = v & matches;
        v = v.wrapping_add(u) | (v - u);
    }
    let mask = if b.len() == 64 { u64::MAX } else { (1u64 << b.len()) - 1 };
    (!v & mask).count_ones() as usize
}

/// [`lcs`] by the table, in O(|a|·|b|) time and O(|b|) memory.
fn lcs_table(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (k, &y) in b.iter().enumerate() {
            let up = row[k + 1];
            row[k + 1] = if x == y { diag + 1 } else { up.max(row[k]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Longest sentence, in words, whose order is compared word by word; longer ones are cut.
const LCS_MAX_WORDS: usize = 200;

/// What two sentences share, the pair-dependent part of their features: everything else is a
/// total of one sentence or the other, kept in its [`Profile`]. Worked out by walking both
/// sentences' sorted lists side by side ([`features`]), or by looking the second sentence's items
/// up in tables of the first ([`Probe`]); both give the same integers, and the same floating-point
/// sums added in the same order (ascending term id), so the features are equal bit for bit.
struct Overlap {
    /// Words in common, counted with repeats.
    words: u32,
    /// Content terms in common, counted with repeats.
    content: u32,
    /// Σ over shared content terms of the product of their TF-IDF weights, and of their IDF.
    dot: f64,
    shared_idf: f64,
    /// Character 4-grams in common.
    chars: usize,
    /// Function-word terms in common, counted with repeats.
    function: u32,
    /// Prefixes in common, counted with repeats.
    prefixes: u32,
    /// Longest common subsequence of the content terms.
    lcs: usize,
}

/// The feature vector of two prepared sentences. Symmetric: `features(a, b) == features(b, a)`.
pub(crate) fn features(a: &Prepared, b: &Prepared, idf: &[f64]) -> [f64; N_FEATURES] {
    let (pa, pb) = (a.profile(), b.profile());
    let (ca, cb) = (&a.content_terms, &b.content_terms);
    let w = |id: u32| idf.get(id as usize).copied().unwrap_or(1.0);
    let (mut dot, mut shared_idf) = (0.0, 0.0);
    crate::sort::for_each_common(
        ca,
        cb,
        |x, y| x.0.cmp(&y.0),
        |i, j| {
            let wi = w(ca[i].0);
            dot += (tf(ca[i].1) * wi) * (tf(cb[j].1) * wi);
            shared_idf += wi;
        },
    );
    let overlap = Overlap {
        words: matched_counts(&counts(a.words.iter().copied()), &counts(b.words.iter().copied())),
        content: matched_counts(ca, cb),
        dot,
        shared_idf,
        chars: shared(&sorted_unique(pa.chars.clone()), &sorted_unique(pb.chars.clone())),
        function: matched_counts(&function_terms(a), &function_terms(b)),
        prefixes: matched_counts(&pa.prefixes, &pb.prefixes),
        lcs: lcs(&pa.seq, &pb.seq),
    };
    features_of(a, b, &overlap)
}

/// The sublinear term frequency of a term found `count` times, 1 + ln(count). Worked out when a
/// term is shared rather than kept per term of every sentence (8 bytes a term, and a list per
/// sentence, at a thousand sources ~5 MB of the WebAssembly memory): nearly every term is found
/// once in its sentence, whose weight is 1 without a logarithm (ln 1 is exactly 0, so the value
/// is the same either way).
fn tf(count: u32) -> f64 {
    if count == 1 {
        1.0
    } else {
        1.0 + f64::from(count).ln()
    }
}

/// The function-word terms of a sentence with their counts, sorted.
fn function_terms(p: &Prepared) -> Vec<(u32, u32)> {
    counts(p.terms.iter().zip(&p.content).filter(|(_, &c)| !c).map(|(&t, _)| t))
}

/// `2·shared / total`, 0 when the total is.
fn dice_of(shared: f64, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        2.0 * shared / f64::from(total)
    }
}

/// The feature vector of two sentences from what they share.
fn features_of(a: &Prepared, b: &Prepared, o: &Overlap) -> [f64; N_FEATURES] {
    let (pa, pb) = (a.profile(), b.profile());
    let (words_a, words_b) = (a.words.len() as u32, b.words.len() as u32);
    let word_dice = dice_of(f64::from(o.words), words_a + words_b);
    let total_content = pa.content_total + pb.content_total;
    let content_dice = dice_of(f64::from(o.content), total_content);

    // TF-IDF cosine and IDF-weighted overlaps over content stems.
    let (na, nb, own_a, own_b, dot, shared_idf) = (pa.norm2, pb.norm2, pa.idf_sum, pb.idf_sum, o.dot, o.shared_idf);
    let tfidf_cosine = if na > 0.0 && nb > 0.0 { dot / (na.sqrt() * nb.sqrt()) } else { 0.0 };
    let union = own_a + own_b - shared_idf;
    let idf_jaccard = if union > 0.0 { shared_idf / union } else { 0.0 };
    let idf_min_containment =
        if own_a > 0.0 && own_b > 0.0 { (shared_idf / own_a).min(shared_idf / own_b) } else { 0.0 };
    let idf_max_containment =
        if own_a > 0.0 && own_b > 0.0 { (shared_idf / own_a).max(shared_idf / own_b) } else { 0.0 };
    let content_bigram_dice = dice(&pa.content_bigrams, &pb.content_bigrams);
    let function_total = (words_a - pa.content_total) + (words_b - pb.content_total);
    let function_dice = dice_of(f64::from(o.function), function_total);
    // One prefix per content word.
    let prefix_dice = dice_of(f64::from(o.prefixes), total_content);

    let (sa, sb) = (&pa.seq, &pb.seq);
    let lcs_share = dice_of(o.lcs as f64, (sa.len() + sb.len()) as u32);
    let (la, lb) = (a.words.len() as f64, b.words.len() as f64);
    let length_ratio = if la.max(lb) > 0.0 { la.min(lb) / la.max(lb) } else { 0.0 };

    let number_mismatch =
        if a.numbers.is_empty() && b.numbers.is_empty() { 0.0 } else { 1.0 - dice(&a.numbers, &b.numbers) };
    let name_mismatch = if a.names.is_empty() && b.names.is_empty() { 0.0 } else { 1.0 - dice(&a.names, &b.names) };

    // Content words without a counterpart, on a log scale: one extra clause matters, the tenth
    // extra word much less.
    let unmatched_content = (1.0 + f64::from(total_content - 2 * o.content)).ln();

    let quote_share = (pa.quote_share + pb.quote_share) / 2.0;
    let char_dice = dice_of(o.chars as f64, (pa.chars.len() + pb.chars.len()) as u32);

    [
        word_dice,
        content_dice,
        dice(&pa.bigrams, &pb.bigrams),
        dice(&pa.trigrams, &pb.trigrams),
        char_dice,
        tfidf_cosine,
        idf_jaccard,
        idf_min_containment,
        lcs_share,
        length_ratio,
        number_mismatch,
        name_mismatch,
        unmatched_content,
        quote_share,
        idf_max_containment,
        content_bigram_dice,
        function_dice,
        prefix_dice,
        tfidf_cosine * tfidf_cosine,
        word_dice * word_dice,
    ]
}

/// Occurrences of `items` shared with the counts `have` (by id), counted with repeats: the sum
/// over ids of the smaller count. `taken` is all zeros, and is left so.
///
/// With `function` given (the content flags of `items`), only the items flagged false count. The
/// flags are read in the loop rather than through a filtering iterator, whose `next` the
/// WebAssembly build (optimised for size) calls as a function for every item.
fn shared_occurrences(have: &[u32], taken: &mut [u32], items: &[u32], function: Option<&[bool]>) -> u32 {
    let skipped = |k: usize| function.is_some_and(|content| content.get(k).copied().unwrap_or(true));
    let mut n = 0;
    for (k, &id) in items.iter().enumerate() {
        if skipped(k) {
            continue;
        }
        if let Some(t) = taken.get_mut(id as usize) {
            *t += 1;
            n += u32::from(*t <= have.get(id as usize).copied().unwrap_or(0));
        }
    }
    for &id in items {
        if let Some(t) = taken.get_mut(id as usize) {
            *t = 0;
        }
    }
    n
}

/// One sentence's items laid out in tables indexed by id, for comparing it with many others:
/// each item of the other sentence is then one lookup, where walking two sorted lists side by
/// side costs a step (and a comparison) per item of both. Alignment compares each sentence with
/// a dozen candidates or so, so filling and clearing the tables once per sentence pays: the full
/// comparisons took 412 M of the 2.81 G instructions of an analysis of 100 articles (issue 9).
/// The tables cover the ids of a corpus; an id past them (a joined pair's new 4-gram) is absent.
pub(crate) struct Probe {
    /// One bit per character 4-gram id.
    grams: Vec<u64>,
    /// Count of each word id.
    forms: Vec<u32>,
    /// The other sentence's running count of each word id, and of each function-word term id:
    /// its k-th occurrence of an item is shared when the loaded sentence has it at least k times,
    /// which adds up to the smaller count of the two. Cleared after each comparison.
    taken_forms: Vec<u32>,
    taken_terms: Vec<u32>,
    /// 1 + the position in `content_terms` of each content term id (0: absent).
    content: Vec<u32>,
    /// Count of each function-word term id.
    function: Vec<u32>,
    /// Count of each prefix id.
    prefixes: Vec<u32>,
    /// For each term id, the bits of the places of the content sequence that hold it (when that
    /// sequence fits in a machine word): the match masks of the bit-parallel [`lcs`].
    peq: Vec<u64>,
}

impl Probe {
    /// Empty tables for the ids of `corpus`.
    pub fn new(corpus: &Corpus) -> Probe {
        Probe {
            grams: vec![0; corpus.grams.0.len().div_ceil(64)],
            forms: vec![0; corpus.forms.len()],
            taken_forms: vec![0; corpus.forms.len()],
            taken_terms: vec![0; corpus.df.len()],
            content: vec![0; corpus.df.len()],
            function: vec![0; corpus.df.len()],
            prefixes: vec![0; corpus.prefixes.len()],
            peq: vec![0; corpus.df.len()],
        }
    }

    /// Lays out (`on`) or clears (`!on`) the items of `a`.
    fn fill(&mut self, a: &Prepared, on: bool) {
        let pa = a.profile();
        for &g in &pa.chars {
            if let Some(word) = self.grams.get_mut(g as usize / 64) {
                let bit = 1u64 << (g % 64);
                *word = if on { *word | bit } else { *word & !bit };
            }
        }
        for &w in &a.words {
            if let Some(x) = self.forms.get_mut(w as usize) {
                *x = if on { *x + 1 } else { 0 };
            }
        }
        for (&t, _) in a.terms.iter().zip(&a.content).filter(|(_, &c)| !c) {
            if let Some(x) = self.function.get_mut(t as usize) {
                *x = if on { *x + 1 } else { 0 };
            }
        }
        for (k, &(t, _)) in a.content_terms.iter().enumerate() {
            if let Some(x) = self.content.get_mut(t as usize) {
                *x = if on { k as u32 + 1 } else { 0 };
            }
        }
        for &(t, c) in &pa.prefixes {
            if let Some(x) = self.prefixes.get_mut(t as usize) {
                *x = if on { c } else { 0 };
            }
        }
        if pa.seq.len() <= 64 {
            for (k, &t) in pa.seq.iter().enumerate() {
                if let Some(x) = self.peq.get_mut(t as usize) {
                    *x = if on { *x | (1 << k) } else { 0 };
                }
            }
        }
    }

    /// Lays out the items of `a`, the sentence the next comparisons start from.
    pub fn load(&mut self, a: &Prepared) {
        self.fill(a, true);
    }

    /// Clears what [`Probe::load`] laid out for `a`.
    pub fn unload(&mut self, a: &Prepared) {
        self.fill(a, false);
    }

    /// Calls `each(i, j)` for every content term that the sentence loaded and `b` share, `i` and
    /// `j` its places in their content terms ([`Prepared::content_terms`]) and so in their
    /// profiles' `content_quoted`, which list the same ids in the same order. The pairs are the
    /// ones a walk of both sorted lists meets, in the same order (ascending term id).
    pub fn for_each_shared_content(&self, b: &Prepared, mut each: impl FnMut(usize, usize)) {
        for (j, &(t, _)) in b.content_terms.iter().enumerate() {
            if let Some(i) = self.content.get(t as usize).copied().unwrap_or(0).checked_sub(1) {
                each(i as usize, j);
            }
        }
    }

    /// [`features`]`(a, b, idf)`, with `a` the sentence loaded.
    pub fn features(&mut self, a: &Prepared, b: &Prepared, idf: &[f64]) -> [f64; N_FEATURES] {
        let (pa, pb) = (a.profile(), b.profile());
        let count = |table: &[u32], id: u32| table.get(id as usize).copied().unwrap_or(0);
        let chars = pb
            .chars
            .iter()
            .filter(|&&g| self.grams.get(g as usize / 64).is_some_and(|word| word >> (g % 64) & 1 == 1))
            .count();
        let words = shared_occurrences(&self.forms, &mut self.taken_forms, &b.words, None);
        let function = shared_occurrences(&self.function, &mut self.taken_terms, &b.terms, Some(&b.content));
        let prefixes = pb.prefixes.iter().map(|&(t, c)| c.min(count(&self.prefixes, t))).sum();
        let w = |id: u32| idf.get(id as usize).copied().unwrap_or(1.0);
        let (mut content, mut dot, mut shared_idf) = (0, 0.0, 0.0);
        // In ascending term id, as the walk of both lists adds them.
        for &(t, cb) in &b.content_terms {
            let Some(i) = count(&self.content, t).checked_sub(1) else { continue };
            let i = i as usize;
            content += a.content_terms[i].1.min(cb);
            let wi = w(t);
            dot += (tf(a.content_terms[i].1) * wi) * (tf(cb) * wi);
            shared_idf += wi;
        }
        let lcs = if pa.seq.len() <= 64 {
            // As `lcs` with the two sequences' roles swapped (the length is symmetric): the bits
            // stand for the places of `a`'s sequence, whose match masks are in the table.
            let mut v = u64::MAX;
            for &t in &pb.seq {
                let u = v & self.peq.get(t as usize).copied().unwrap_or(0);
                v = v.wrapping_add(u) | (v - u);
            }
            let mask = if pa.seq.len() == 64 { u64::MAX } else { (1u64 << pa.seq.len()) - 1 };
            (!v & mask).count_ones() as usize
        } else {
            lcs(&pa.seq, &pb.seq)
        };
        features_of(a, b, &Overlap { words, content, dot, shared_idf, chars, function, prefixes, lcs })
    }
}

/// How two sentences relate, decided from their prepared forms and features.
pub(crate) fn classify(a: &Prepared, b: &Prepared, x: &[f64; N_FEATURES], cfg: &Config) -> Comparison {
    let paraphrase = cfg.paraphrase_model.probability(x);
    let similarity = (cfg.similarity_model.linear(x) / 5.0).clamp(0.0, 1.0);
    let relation = if !a.words.is_empty() && a.words == b.words {
        Relation::Identical
    } else if paraphrase < cfg.paraphrase_min {
        Relation::Unique
    } else if x[BIGRAM_DICE] >= cfg.near_verbatim_min {
        Relation::NearVerbatim
    } else {
        Relation::Paraphrase
    };
    let similarity = if relation == Relation::Identical { 1.0 } else { similarity };
    Comparison { relation, similarity: Score::new(similarity), paraphrase: Score::new(paraphrase) }
}

/// Index of the bigram Dice feature.
pub(crate) const BIGRAM_DICE: usize = 2;

/// How two sentences compare.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// How they relate.
    pub relation: Relation,
    /// Graded similarity (the similarity head), 1 for identical sentences.
    pub similarity: Score,
    /// Probability that they state the same thing (the paraphrase head).
    pub paraphrase: Score,
}

/// Compares sentences that share one vocabulary, outside of a full analysis: the evaluation
/// commands use it, and anything else that has loose sentences rather than articles.
///
/// ```
/// use parallax::{Comparer, Config, Relation};
/// let c = Comparer::new(&["The talks ended on Monday.", "Talks ended Monday.", "Stocks fell."]);
/// let cfg = Config::default();
/// assert_eq!(c.compare(0, 0, &cfg).relation, Relation::Identical);
/// assert_eq!(c.compare(0, 2, &cfg).relation, Relation::Unique);
/// ```
pub struct Comparer {
    corpus: Corpus,
}

impl Comparer {
    /// Prepares the sentences; inverse document frequencies are counted over all of them. Their
    /// language (for stopwords and stems) is detected from the first of them together.
    pub fn new(sentences: &[&str]) -> Comparer {
        let sample: String = sentences.iter().take(50).copied().collect::<Vec<_>>().join(" ");
        Comparer::with_language(sentences, detect_language(&sample))
    }

    /// Prepares the sentences, all in language `lang`.
    pub fn with_language(sentences: &[&str], lang: Lang) -> Comparer {
        Comparer { corpus: Corpus::new(sentences.iter().map(|s| (*s, 0..s.len(), lang))) }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.corpus.sentences.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.corpus.sentences.is_empty()
    }

    /// The feature vector of sentences `i` and `j` (in the order of [`FEATURES`]); `None` when
    /// either index is out of range.
    pub fn features(&self, i: usize, j: usize) -> Option<[f64; N_FEATURES]> {
        (i < self.len() && j < self.len()).then(|| self.corpus.features(i, j))
    }

    /// How sentences `i` and `j` relate under the settings `cfg`. An index out of range compares
    /// as an empty sentence.
    pub fn compare(&self, i: usize, j: usize, cfg: &Config) -> Comparison {
        let empty = Prepared::default();
        let a = self.corpus.sentences.get(i).unwrap_or(&empty);
        let b = self.corpus.sentences.get(j).unwrap_or(&empty);
        classify(a, b, &features(a, b, &self.corpus.idf), cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`quoted_ranges`] as it was written before its byte loop: character by character.
    fn quoted_ranges_reference(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut open: Option<usize> = None;
        for (at, c) in text.char_indices() {
            match (c, open) {
                ('\u{201C}' | '\u{00AB}' | '\u{201E}' | '"', None) => open = Some(at),
                ('\u{201D}' | '\u{00BB}' | '"', Some(start)) | ('\n', Some(start)) => {
                    out.push(start..at);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            out.push(start..text.len());
        }
        out
    }

    #[test]
    fn quoted_ranges_by_bytes_match_the_character_walk() {
        // Every mark, and characters that share a lead byte with one (U+00A0, U+00BC, U+2019,
        // U+201A) or a continuation byte (U+0122, U+0162), so a check of the wrong byte shows.
        let alphabet = [
            'a', ' ', '"', '\n', '\u{201C}', '\u{201D}', '\u{201E}', '\u{00AB}', '\u{00BB}', '\u{00A0}', '\u{00BC}',
            '\u{2019}', '\u{201A}', '\u{0122}', '\u{0162}', 'é', '👍',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for _ in 0..seed % 40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(alphabet[(seed >> 32) as usize % alphabet.len()]);
            }
            assert_eq!(quoted_ranges(&text), quoted_ranges_reference(&text), "{text:?}");
        }
    }

    fn corpus(a: &str, b: &str) -> Corpus {
        Corpus::new([(a, 0..a.len(), Lang::En), (b, 0..b.len(), Lang::En)])
    }

    #[test]
    fn features_are_symmetric_and_finite() {
        let a = "Trump said on Sunday that the 25% tariff on imports would rise to 1,200 dollars.";
        let b = "On Sunday, Trump told reporters “the tariff will rise”.";
        let c = corpus(a, b);
        let (x, y) = (c.features(0, 1), c.features(1, 0));
        for k in 0..N_FEATURES {
            assert!((x[k] - y[k]).abs() < 1e-12, "{} is not symmetric", FEATURES[k]);
            assert!(x[k].is_finite());
        }
        let same = c.features(0, 0);
        assert!((same[0] - 1.0).abs() < 1e-12 && same[10] == 0.0);
    }

    #[test]
    fn issue_9_a_joined_pair_overlaps_in_character_grams_as_the_one_sentence_would() {
        // Some 4-grams across the junction ("va o", "a of") are in no sentence of the
        // corpus, so the joined pair gives them ids of its own; the overlap with a sentence of
        // the corpus must be what the same words prepared as one sentence give.
        let (c, a, b) = (
            "The talks ended on Monday; officials in Geneva said little",
            "The talks ended on Monday in Geneva",
            "Officials said little afterwards",
        );
        let apart = Corpus::new([(c, 0..c.len(), Lang::En), (a, 0..a.len(), Lang::En), (b, 0..b.len(), Lang::En)]);
        let ab = format!("{a} {b}");
        let whole = Corpus::new([(c, 0..c.len(), Lang::En), (ab.as_str(), 0..ab.len(), Lang::En)]);
        let char_dice = FEATURES.iter().position(|&f| f == "char_dice").expect("a feature");
        let joined = apart.joined(1, 2);
        let x = features(&apart.sentences[0], &joined, &apart.idf)[char_dice];
        assert_eq!(x, whole.features(0, 1)[char_dice]);
        assert!(x > 0.3 && x < 1.0, "{x}");
    }

    #[test]
    fn issue_9_the_probe_gives_the_features_of_the_walk_bit_for_bit() {
        // Sentences sharing words, numbers, names and quotes in various amounts, one of more than
        // 64 content words (the order then falls back to the table), and a joined pair (whose new
        // 4-grams are past the probe's tables).
        let long: String = (0..70).map(|k| format!("item{k} ")).collect::<String>() + "ended.";
        let texts = [
            "The talks ended on Monday in Geneva, officials said.",
            "Officials said the talks in Geneva ended on Monday with 1,200 delegates.",
            "“We will win,” Mayor Lena Ortiz said on Monday, and the talks ended.",
            "Stocks fell sharply in Tokyo trading as the talks stalled.",
            "",
            long.as_str(),
            "Item3 item4 item5 ended on Monday in Geneva.",
        ];
        let c = Corpus::new(texts.iter().map(|t| (*t, 0..t.len(), Lang::En)));
        let joined = c.joined(0, 1);
        let mut probe = Probe::new(&c);
        for (i, a) in c.sentences.iter().enumerate() {
            probe.load(a);
            let others = c.sentences.iter().chain([&joined]);
            for (j, b) in others.enumerate() {
                let (x, y) = (features(a, b, &c.idf), probe.features(a, b, &c.idf));
                assert_eq!(x.map(f64::to_bits), y.map(f64::to_bits), "{i} {j}: {x:?} {y:?}");
                // The shared content terms by lookup are the walk's, at places that hold the same
                // ids in the quoted flags.
                let (qa, qb) = (&a.profile().content_quoted, &b.profile().content_quoted);
                let (mut walked, mut looked_up) = (Vec::new(), Vec::new());
                crate::sort::for_each_common(qa, qb, |x, y| x.0.cmp(&y.0), |i, j| walked.push((i, j)));
                probe.for_each_shared_content(b, |i, j| looked_up.push((i, j)));
                assert_eq!(walked, looked_up, "{i} {j}");
            }
            probe.unload(a);
            // Unloading leaves the tables as new.
            assert!(probe.grams.iter().chain(&probe.peq).all(|&w| w == 0));
            let tables = [&probe.forms, &probe.content, &probe.function, &probe.prefixes];
            let taken = [&probe.taken_forms, &probe.taken_terms];
            assert!(tables.iter().chain(&taken).all(|t| t.iter().all(|&w| w == 0)));
        }
    }

    #[test]
    fn quotes_are_marked() {
        let c = corpus("He said “we will win” today.", "x");
        let q: Vec<(&str, bool)> = c.words_of(0).map(|(_, w)| w).zip(c.sentences[0].quoted.iter().copied()).collect();
        assert_eq!(
            q,
            vec![("he", false), ("said", false), ("we", true), ("will", true), ("win", true), ("today", false)]
        );
    }

    #[test]
    fn lcs_counts_common_order() {
        assert_eq!(lcs(&[1, 2, 3, 4], &[1, 3, 2, 4]), 3);
        assert_eq!(lcs(&[], &[1]), 0);
    }

    #[test]
    fn lcs_by_bits_matches_the_table() {
        // Random sequences over small alphabets (many repeats), of every length up to past the
        // 64 elements the bit-parallel version takes.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as u32
        };
        for round in 0..2000 {
            let alphabet = 2 + u64::from(next(12));
            let (la, lb) = (next(70) as usize, if round % 10 == 0 { 64 } else { next(70) as usize });
            let a: Vec<u32> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(alphabet)).collect();
            assert_eq!(lcs(&a, &b), lcs_table(&a, &b), "{a:?} {b:?}");
            assert_eq!(lcs(&b, &a), lcs_table(&a, &b), "{a:?} {b:?}");
        }
    }
}
