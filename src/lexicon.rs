//! Word and phrase lists, kept as data files under `data/` and parsed once.
//!
//! Format: one lowercase item per line, `#` starts a comment; a comment line on its own opens a
//! new group (a concept such as "# sharing"), and items are sorted inside their group.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::tokenize::Lang;

/// A parsed list: its groups, each a sorted list of items.
pub(crate) struct List {
    pub groups: Vec<(String, Vec<String>)>,
}

impl List {
    /// Parses a data file. Errors name the line, for the data-file test.
    pub fn parse(text: &str) -> Result<List, String> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(heading) = line.strip_prefix('#') {
                groups.push((heading.trim().to_string(), Vec::new()));
                continue;
            }
            let Some((_, items)) = groups.last_mut() else {
                return Err(format!("line {}: item before any '# group' heading", n + 1));
            };
            items.push(line.to_string());
        }
        // The first comments of a file are its header; only groups after it must hold items.
        let header_end = groups.iter().position(|(_, items)| !items.is_empty()).unwrap_or(0);
        groups.drain(..header_end);
        for (name, items) in &groups {
            if items.is_empty() {
                return Err(format!("group '{name}' is empty"));
            }
        }
        Ok(List { groups })
    }
}

/// A built-in data file as a (path, text) pair. In the WebAssembly (no `all-languages`) the text
/// leaves out the file's header — the comment lines before the last comment line above the first
/// item, prose for people reading the file (see [`body_start`]) — which would otherwise ship in
/// the module; native builds keep the whole file, so the data-file test's line numbers are the
/// file's own.
macro_rules! built_in {
    ($path:literal) => {{
        #[cfg(feature = "all-languages")]
        const TEXT: &str = include_str!(concat!("../", $path));
        #[cfg(not(feature = "all-languages"))]
        const TEXT: &str = {
            const RAW: &str = include_str!(concat!("../", $path));
            const BODY: [u8; RAW.len() - body_start(RAW)] = bytes_from(RAW, body_start(RAW));
            match std::str::from_utf8(&BODY) {
                Ok(text) => text,
                Err(_) => panic!("a data file is not UTF-8"),
            }
        };
        ($path, TEXT)
    }};
}

/// Where the lists of a data file begin: the start of the last comment line before its first
/// item (that line names the first items' group for [`List::parse`] and [`grouped`]), so that
/// dropping what comes before leaves every parse of the file unchanged: the lines dropped are
/// comments and blank lines only, and the first group keeps its name. A line counts as blank or
/// a comment here only after ASCII whitespace, which is stricter than `str::trim`, so a doubtful
/// line ends the header early rather than late. 0 for a file without such a line.
#[cfg_attr(feature = "all-languages", allow(dead_code))]
pub(crate) const fn body_start(text: &str) -> usize {
    let b = text.as_bytes();
    let mut line = 0;
    let mut last_comment = 0;
    let mut seen_comment = false;
    while line < b.len() {
        let mut i = line;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r') {
            i += 1;
        }
        let blank = i == b.len() || b[i] == b'\n';
        if !blank && b[i] != b'#' {
            return if seen_comment { last_comment } else { 0 };
        }
        if !blank {
            last_comment = line;
            seen_comment = true;
        }
        while i < b.len() && b[i] != b'\n' {
            i += 1;
        }
        line = i + 1;
    }
    0
}

/// The bytes of `text` from `start` on, as an array (a `const` slice of the file would keep the
/// whole file in the module).
#[cfg_attr(feature = "all-languages", allow(dead_code))]
const fn bytes_from<const N: usize>(text: &str, start: usize) -> [u8; N] {
    let b = text.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = b[start + i];
        i += 1;
    }
    out
}

/// The lists always built in, as (path, text) pairs so the data-file test can check each one.
pub(crate) const DATA_FILES: &[(&str, &str)] = &[
    built_in!("data/stopwords/ar.txt"),
    built_in!("data/stopwords/da.txt"),
    built_in!("data/stopwords/de.txt"),
    built_in!("data/stopwords/el.txt"),
    built_in!("data/stopwords/en.txt"),
    built_in!("data/stopwords/es.txt"),
    built_in!("data/stopwords/fa.txt"),
    built_in!("data/stopwords/fi.txt"),
    built_in!("data/stopwords/fr.txt"),
    built_in!("data/stopwords/hu.txt"),
    built_in!("data/stopwords/it.txt"),
    built_in!("data/stopwords/nl.txt"),
    built_in!("data/stopwords/no.txt"),
    built_in!("data/stopwords/pl.txt"),
    built_in!("data/stopwords/pt.txt"),
    built_in!("data/stopwords/ro.txt"),
    built_in!("data/stopwords/ru.txt"),
    built_in!("data/stopwords/sv.txt"),
    built_in!("data/stopwords/ta.txt"),
    built_in!("data/stopwords/tr.txt"),
    built_in!("data/stopwords/uk.txt"),
    built_in!("data/boilerplate/cs.txt"),
    built_in!("data/boilerplate/en.txt"),
    built_in!("data/boilerplate/html-hints.txt"),
    built_in!("data/abbreviations/en.txt"),
    built_in!("data/stock/en.txt"),
    built_in!("data/values/common.txt"),
    built_in!("data/values/en.txt"),
    built_in!("data/quotes/attribution.txt"),
    built_in!("data/framing/en.txt"),
    built_in!("data/names/en.txt"),
    built_in!("data/names/titles.txt"),
    built_in!("data/facts/en.txt"),
    built_in!("data/facts/roles-en.txt"),
];

/// The lists that come in language packs (`src/packs.rs`), compiled in with the
/// `all-languages` feature (native builds) and left out of the WebAssembly.
#[cfg(feature = "all-languages")]
pub(crate) const PACK_FILES: &[(&str, &str)] = &[
    ("data/boilerplate/de.txt", include_str!("../data/boilerplate/de.txt")),
    ("data/boilerplate/es.txt", include_str!("../data/boilerplate/es.txt")),
    ("data/boilerplate/fr.txt", include_str!("../data/boilerplate/fr.txt")),
    ("data/boilerplate/it.txt", include_str!("../data/boilerplate/it.txt")),
    ("data/boilerplate/nl.txt", include_str!("../data/boilerplate/nl.txt")),
    ("data/boilerplate/pl.txt", include_str!("../data/boilerplate/pl.txt")),
    ("data/boilerplate/pt.txt", include_str!("../data/boilerplate/pt.txt")),
    ("data/boilerplate/ru.txt", include_str!("../data/boilerplate/ru.txt")),
    ("data/boilerplate/sv.txt", include_str!("../data/boilerplate/sv.txt")),
    ("data/boilerplate/tr.txt", include_str!("../data/boilerplate/tr.txt")),
    ("data/abbreviations/de.txt", include_str!("../data/abbreviations/de.txt")),
    ("data/abbreviations/es.txt", include_str!("../data/abbreviations/es.txt")),
    ("data/abbreviations/fr.txt", include_str!("../data/abbreviations/fr.txt")),
    ("data/abbreviations/it.txt", include_str!("../data/abbreviations/it.txt")),
    ("data/abbreviations/nl.txt", include_str!("../data/abbreviations/nl.txt")),
    ("data/abbreviations/pt.txt", include_str!("../data/abbreviations/pt.txt")),
    ("data/abbreviations/ru.txt", include_str!("../data/abbreviations/ru.txt")),
    ("data/values/de.txt", include_str!("../data/values/de.txt")),
    ("data/values/es.txt", include_str!("../data/values/es.txt")),
    ("data/values/fr.txt", include_str!("../data/values/fr.txt")),
    ("data/values/it.txt", include_str!("../data/values/it.txt")),
    ("data/values/nl.txt", include_str!("../data/values/nl.txt")),
    ("data/values/pt.txt", include_str!("../data/values/pt.txt")),
    ("data/values/ru.txt", include_str!("../data/values/ru.txt")),
];
#[cfg(not(feature = "all-languages"))]
pub(crate) const PACK_FILES: &[(&str, &str)] = &[];

/// The text of a data file: built in, or from a language pack ("" for a pack that is not loaded,
/// or an unknown path, which the data-file test rules out).
pub(crate) fn data_file(path: &str) -> &'static str {
    let find = |files: &[(&str, &'static str)]| files.iter().find(|(p, _)| *p == path).map(|(_, t)| *t);
    crate::packs::pack_list(path, || find(PACK_FILES)).or_else(|| find(DATA_FILES)).unwrap_or("")
}

/// The items of a built-in list as `'static` slices of the embedded file, without building
/// `String`s: comments and blank lines skipped, lines trimmed.
pub(crate) fn items(path: &str) -> impl Iterator<Item = &'static str> {
    data_file(path).lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The items of a list by group: (group, item) pairs.
pub(crate) fn grouped_items(path: &str) -> impl Iterator<Item = (&'static str, &'static str)> {
    grouped(data_file(path))
}

/// The items of a list's text by group: (group, item) pairs, each item the last group heading
/// before it; comments and blank lines skipped, lines trimmed.
pub(crate) fn grouped(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut group = "";
    text.lines().map(str::trim).filter_map(move |l| {
        if let Some(heading) = l.strip_prefix('#') {
            group = heading.trim();
            None
        } else {
            (!l.is_empty()).then_some((group, l))
        }
    })
}

/// One lazily built value per language, so a language's list is parsed only when a text in that
/// language needs it. A language with a pack has two: one built while its pack is missing, one
/// once it is there, so a pack loaded after a first analysis is used by the next.
pub(crate) struct PerLang<T> {
    cells: [[OnceLock<T>; 2]; Lang::ALL.len()],
}

impl<T> PerLang<T> {
    pub(crate) const fn new() -> PerLang<T> {
        PerLang { cells: [const { [const { OnceLock::new() }; 2] }; Lang::ALL.len()] }
    }

    pub(crate) fn get(&self, lang: Lang, init: impl FnOnce() -> T) -> &T {
        self.cells[lang.index()][usize::from(crate::packs::complete(lang))].get_or_init(init)
    }
}

/// A fast hash for word lookups (the Fx hash of rustc): every word of a paste is looked up in the
/// word lists, and SipHash, which resists crafted keys, costs more than the lookup itself. A paste
/// is the person's own text, so there is no adversary to resist.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for WordHasher {
    // Inlined: the WebAssembly build (optimised for size) otherwise calls it for every lookup
    // (a plain `#[inline]` is ignored at opt-level "z").
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // Plain indexing rather than `chunks_exact` and `copy_from_slice`, which the WebAssembly
        // build (optimised for size) leaves as calls.
        let mut i = 0;
        while i + 8 <= bytes.len() {
            let b = &bytes[i..i + 8];
            self.add(u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]));
            i += 8;
        }
        if i < bytes.len() {
            self.add(tail(&bytes[i..]));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The last one to seven bytes of a hashed slice as one little-endian word, zeros above them:
/// two overlapping reads instead of a shift per byte (most words end in such a part, and the
/// loop per byte was a tenth of the time of looking words up).
#[inline(always)]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([rest[0], rest[1]]);
        let hi = u16::from_le_bytes([rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}

/// Builds [`WordHasher`]s.
pub(crate) type WordHash = std::hash::BuildHasherDefault<WordHasher>;
/// A set of words hashed with [`WordHasher`].
pub(crate) type WordSet<T> = HashSet<T, WordHash>;
/// A map from words hashed with [`WordHasher`].
pub(crate) type WordMap<K, V> = std::collections::HashMap<K, V, WordHash>;

/// Strings each stored once and named by a `u32` id, in the order first met: stages that count or
/// compare words do it by id, which is cheaper to hash, copy and compare than the string (issue 9).
#[derive(Default)]
pub(crate) struct Interner {
    ids: WordMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    /// The id of `s`, given a new one the first time.
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(s.to_string(), id);
        self.names.push(s.to_string());
        id
    }

    /// The id of `s`, if it has one.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// The string of `id`: empty for an id never given out.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// How many strings have an id.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Whether a folded word is a function word of `lang` (no word is one in a language without a
/// stopword list).
pub(crate) fn is_stopword(folded: &str, lang: Lang) -> bool {
    stopwords(lang).contains(folded)
}

/// The function words of `lang` (empty for a language without a list).
pub(crate) fn stopwords(lang: Lang) -> &'static WordSet<&'static str> {
    static SETS: PerLang<WordSet<&'static str>> = PerLang::new();
    SETS.get(lang, || items(&format!("data/stopwords/{}.txt", lang.code())).collect())
}

/// The function words of a language, as measuring boilerplate asks for them: the list, behind a
/// [`WordFilter`]. The WebAssembly left the filter out for size (0.4 KB gzipped at 2af58a3) until
/// the seventh round of issue 9: with the prefixes' filter, which shares its code, it took 4-6 %
/// off stripping in Chromium for 0.3 KB (DESIGN.md), where the lookups were 6 % of the profile.
#[derive(Clone, Copy)]
pub(crate) struct FunctionWords {
    set: &'static WordSet<&'static str>,
    filter: &'static WordFilter,
}

impl FunctionWords {
    /// Whether the folded `word` is one of the function words.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        if !self.filter.may_hold(word) {
            return false;
        }
        self.set.contains(word)
    }
}

/// The function words of `lang`, for many lookups (see [`FunctionWords`]).
pub(crate) fn function_words(lang: Lang) -> FunctionWords {
    FunctionWords { set: stopwords(lang), filter: stopword_filter(lang) }
}

/// A quick "certainly not" in front of a word list: one bit for each shape of word (its first,
/// second and last bytes and its length, hashed to 4096 bits), set for the shapes of the list's
/// words. A word whose bit is clear is not in the list and need not be hashed and looked up; most
/// words of running text are not function words, and stripping looked up every word (issue 9).
pub(crate) struct WordFilter {
    bits: [u64; WordFilter::WORDS],
}

impl WordFilter {
    /// 64-bit words of the filter: 4096 bits, so a list of a few hundred words sets under a tenth.
    const WORDS: usize = 64;

    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = [0u64; WordFilter::WORDS];
        for word in words {
            let slot = Self::slot(word.as_bytes());
            bits[slot / 64] |= 1 << (slot % 64);
        }
        WordFilter { bits }
    }

    #[inline(always)]
    fn slot(word: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else { return 0 };
        let second = word.get(1).copied().unwrap_or(0);
        let shape = u64::from(first) | u64::from(second) << 8 | u64::from(last) << 16 | (word.len() as u64) << 24;
        (shape.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize
    }

    /// Whether `word` may be in the list (false: it certainly is not).
    #[inline(always)]
    pub fn may_hold(&self, word: &str) -> bool {
        let slot = Self::slot(word.as_bytes());
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// The [`WordFilter`] of the function words of `lang`.
pub(crate) fn stopword_filter(lang: Lang) -> &'static WordFilter {
    static FILTERS: PerLang<WordFilter> = PerLang::new();
    FILTERS.get(lang, || WordFilter::new(stopwords(lang).iter().copied()))
}

/// The Snowball stemmer for `lang`, if there is one.
fn algorithm(lang: Lang) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm as A;
    Some(match lang {
        Lang::Ar => A::Arabic,
        Lang::Da => A::Danish,
        Lang::De => A::German,
        Lang::El => A::Greek,
        Lang::En => A::English,
        Lang::Es => A::Spanish,
        Lang::Fi => A::Finnish,
        Lang::Fr => A::French,
        Lang::Hu => A::Hungarian,
        Lang::It => A::Italian,
        Lang::Nl => A::Dutch,
        Lang::No => A::Norwegian,
        Lang::Pt => A::Portuguese,
        Lang::Ro => A::Romanian,
        Lang::Ru => A::Russian,
        Lang::Sv => A::Swedish,
        Lang::Ta => A::Tamil,
        Lang::Tr => A::Turkish,
        _ => return None,
    })
}

/// Whether parallax can stem words of `lang` (the 18 Snowball languages), built in or through
/// the stemmer pack.
pub(crate) fn has_stemmer(lang: Lang) -> bool {
    algorithm(lang).is_some()
}

/// The Snowball stemmer compiled into this build for `lang`: every one with `all-languages`
/// (native builds), English's only in the WebAssembly, whose other stemmers come in the stemmer
/// pack (`src/packs.rs`). Only English's is named without the feature, so that the linker drops
/// the other algorithms and their tables (38 KB of the gzipped module).
fn built_in_algorithm(lang: Lang) -> Option<rust_stemmers::Algorithm> {
    #[cfg(feature = "all-languages")]
    return algorithm(lang);
    #[cfg(not(feature = "all-languages"))]
    (lang == Lang::En).then_some(rust_stemmers::Algorithm::English)
}

/// Whether the stemmer of `lang` is compiled into this build (see [`built_in_algorithm`]).
pub(crate) fn stemmer_built_in(lang: Lang) -> bool {
    built_in_algorithm(lang).is_some() && !stemmer_hidden(lang)
}

/// Whether the built-in stemmer of `lang` is hidden on this thread, as packs are
/// (`packs::without_stemmers`, native tests): English's never is, as in the WebAssembly build.
fn stemmer_hidden(lang: Lang) -> bool {
    lang != Lang::En && crate::packs::stemmers_hidden()
}

/// A stemmer from outside the core: the stemmer pack's WebAssembly module, which `src/wasm.rs`
/// instantiates and registers. It gives the stem of a word in a language, or `None` when it has
/// no stemmer for that language (the word is kept then).
pub type ExternalStemmer = fn(Lang, &str) -> Option<String>;

/// The registered [`ExternalStemmer`], if any. A function pointer rather than the module's JS
/// handle, which is not `Sync`: the handle stays in `src/wasm.rs`.
static EXTERNAL: std::sync::RwLock<Option<ExternalStemmer>> = std::sync::RwLock::new(None);

/// Registers the stemmer that languages without a built-in stemmer use from now on.
pub(crate) fn set_external_stemmer(stemmer: ExternalStemmer) {
    *EXTERNAL.write().unwrap_or_else(|e| e.into_inner()) = Some(stemmer);
}

/// Whether words of `lang` are stemmed as native builds stem them: its stemmer is built in, or
/// the stemmer pack is loaded, or it has no stemmer at all.
pub(crate) fn stems_complete(lang: Lang) -> bool {
    !has_stemmer(lang) || stemmer_built_in(lang) || external_stemmer().is_some()
}

fn external_stemmer() -> Option<ExternalStemmer> {
    *EXTERNAL.read().unwrap_or_else(|e| e.into_inner())
}

/// Stems of folded words, each worked out once per language by whoever keeps the memo (a stage,
/// for one analysis): Snowball costs a few thousand instructions a word, and the same words come
/// back in every sentence (issue 9). Words and stems are [`Interner`] ids, so the memo adds no
/// hash table of its own to the WebAssembly.
#[derive(Default)]
pub(crate) struct Stems {
    words: Interner,
    stems: Interner,
    /// The stem of each word id, with the language it was stemmed in.
    of: Vec<Option<(Lang, u32)>>,
}

impl Stems {
    /// [`stem`]`(folded, lang)`.
    pub fn of(&mut self, folded: &str, lang: Lang) -> String {
        self.of_with(folded, lang, stem)
    }

    /// `stem(folded, lang)`, asked once per word and language.
    pub(crate) fn of_with(&mut self, folded: &str, lang: Lang, stem: impl FnOnce(&str, Lang) -> String) -> String {
        let w = self.words.id(folded) as usize;
        if let Some(&Some((l, s))) = self.of.get(w) {
            if l == lang {
                return self.stems.name(s).to_string();
            }
        }
        let s = stem(folded, lang);
        if self.of.len() <= w {
            self.of.resize(w + 1, None);
        }
        self.of[w] = Some((lang, self.stems.id(&s)));
        s
    }

    /// How many words the memo holds.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// The stem of a folded word in `lang` (Snowball). Languages without a stemmer keep the word, and
/// so do languages whose stemmer is neither built in nor loaded (the stemmer pack).
/// An English possessive "'s" and a French or Italian elided article ("l'", "d'", "dell'") are
/// dropped first, so "Trump's" stems like "Trump" and "l'accord" like "accord".
pub(crate) fn stem(folded: &str, lang: Lang) -> String {
    static STEMMERS: PerLang<Option<rust_stemmers::Stemmer>> = PerLang::new();
    let word = match lang {
        Lang::En => folded.strip_suffix("'s").unwrap_or(folded),
        Lang::Fr | Lang::It => match folded.split_once('\'') {
            Some((article, rest)) if !rest.is_empty() && is_stopword(article, lang) => rest,
            _ => folded,
        },
        _ => folded,
    };
    let built_in = STEMMERS.get(lang, || built_in_algorithm(lang).map(rust_stemmers::Stemmer::create));
    match built_in.as_ref().filter(|_| !stemmer_hidden(lang)) {
        Some(s) => s.stem(word).into_owned(),
        // Without its stemmer built in, a language is stemmed by the stemmer pack when it is
        // loaded; without the pack its words stay whole, and the report's warnings say so.
        None => external_stemmer().and_then(|f| f(lang, word)).unwrap_or_else(|| word.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_tail_reads_the_bytes_a_shift_per_byte_would() {
        use std::hash::Hasher;
        let bytes: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37).wrapping_add(0x81)).collect();
        for len in 0..bytes.len() {
            let mut expected = WordHasher::default();
            for chunk in bytes[..len].chunks(8) {
                expected.add(chunk.iter().enumerate().map(|(k, &b)| u64::from(b) << (8 * k)).sum());
            }
            let mut got = WordHasher::default();
            got.write(&bytes[..len]);
            assert_eq!(got.finish(), expected.finish(), "{len} bytes");
        }
    }

    #[test]
    fn issue_8_a_data_file_without_its_header_reads_the_same() {
        let groups = |text: &str| List::parse(text).map(|l| l.groups);
        let mut dropped = 0;
        for (path, text) in DATA_FILES.iter().chain(PACK_FILES) {
            let body = &text[body_start(text)..];
            assert_eq!(groups(body), groups(text), "{path}");
            assert_eq!(grouped(body).collect::<Vec<_>>(), grouped(text).collect::<Vec<_>>(), "{path}");
            dropped += text.len() - body.len();
        }
        assert!(dropped > 3000, "only {dropped} bytes of headers");
        // What is dropped and what stays, on a file of each shape.
        let cases = [
            ("# about\n# more\n\n# first\na\n# second\nb\n", "# first\na\n# second\nb\n"),
            ("  # about\r\n\t\r\n # first\r\na\r\n", " # first\r\na\r\n"),
            ("a\n# group\nb\n", "a\n# group\nb\n"),
            ("# only comments\n\n", "# only comments\n\n"),
            ("# about\n\u{a0}\n# first\na\n", "# about\n\u{a0}\n# first\na\n"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(&text[body_start(text)..], want, "{text:?}");
        }
    }

    #[test]
    fn every_data_file_parses_sorted_unique_lowercase() {
        for (path, text) in DATA_FILES.iter().chain(PACK_FILES) {
            let list = List::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut seen = HashSet::new();
            for (group, items) in &list.groups {
                let mut sorted = items.clone();
                sorted.sort();
                assert_eq!(&sorted, items, "{path}: group '{group}' is not sorted");
                for item in items {
                    assert_eq!(item, &item.to_lowercase(), "{path}: '{item}' is not lowercase");
                    assert!(seen.insert(item.clone()), "{path}: '{item}' appears twice");
                }
            }
            assert!(seen.len() > 10, "{path} is nearly empty");
            if path.starts_with("data/values/") {
                crate::values::check_file(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            }
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn issue_9_the_stopword_filter_keeps_every_stopword_and_rejects_most_other_words() {
        for &lang in Lang::ALL {
            let filter = stopword_filter(lang);
            for word in stopwords(lang) {
                assert!(filter.may_hold(word), "{lang:?}: {word}");
            }
        }
        let filter = stopword_filter(Lang::En);
        let others =
            ["storm", "coast", "monday", "power", "thousands", "ferry", "timetable", "ramp", "kronor", "bridge"];
        let passed = others.iter().filter(|w| filter.may_hold(w)).count();
        assert!(passed <= 2, "{passed} of {} content words pass", others.len());
    }

    #[test]
    fn lists_answer() {
        assert!(is_stopword("the", Lang::En));
        assert!(!is_stopword("kremlin", Lang::En));
        assert!(is_stopword("und", Lang::De));
        assert!(!is_stopword("und", Lang::En));
        assert!(!is_stopword("the", Lang::Zh));
        assert_eq!(stem("talks", Lang::En), "talk");
        assert_eq!(stem("trump's", Lang::En), "trump");
    }

    #[test]
    fn issue_9_the_stem_memo_keeps_languages_apart() {
        // "verhandlungen" stemmed by the German rules and by the English ones are two stems: the
        // memo must not hand one language's stem to the other.
        let mut stems = Stems::default();
        for _ in 0..2 {
            for (word, lang) in [("verhandlungen", Lang::De), ("verhandlungen", Lang::En), ("talks", Lang::En)] {
                assert_eq!(stems.of(word, lang), stem(word, lang), "{word} {lang:?}");
            }
        }
        assert_ne!(stems.of("verhandlungen", Lang::De), stems.of("verhandlungen", Lang::En));
    }

    #[test]
    fn issue_3_every_snowball_language_stems_and_has_stopwords() {
        // One inflected word per language and the stem Snowball gives it.
        let cases = [
            (Lang::Ar, "الكتاب", "كتاب"),
            (Lang::Da, "huset", "hus"),
            (Lang::De, "verhandlungen", "verhandl"),
            (Lang::El, "πολιτικές", "πολιτικ"),
            (Lang::En, "negotiations", "negoti"),
            (Lang::Es, "negociaciones", "negoci"),
            (Lang::Fi, "neuvotteluissa", "neuvottelu"),
            (Lang::Fr, "l'accord", "accord"),
            (Lang::Fr, "négociations", "négoci"),
            (Lang::Hu, "tárgyalások", "tárgyalás"),
            (Lang::It, "dell'accordo", "accord"),
            (Lang::Nl, "onderhandelingen", "onderhandel"),
            (Lang::No, "forhandlingene", "forhandling"),
            (Lang::Pt, "negociações", "negoc"),
            (Lang::Ro, "negocierile", "negocier"),
            (Lang::Ru, "переговоров", "переговор"),
            (Lang::Sv, "förhandlingarna", "förhandling"),
            (Lang::Ta, "பேச்சுவார்த்தைகள்", "பேச்சுவார்த்தை"),
            (Lang::Tr, "görüşmeler", "görüşme"),
            (Lang::Uk, "переговори", "переговори"),
        ];
        let mut wrong = Vec::new();
        for (lang, word, want) in cases {
            let got = stem(word, lang);
            if got != want {
                wrong.push(format!("{}: {word} -> {got} (want {want})", lang.code()));
            }
            assert!(!stopwords(lang).is_empty(), "{} has no stopwords", lang.code());
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        for &lang in Lang::ALL {
            if has_stemmer(lang) {
                assert!(!stopwords(lang).is_empty(), "{} has a stemmer but no stopwords", lang.code());
            }
        }
    }
}
