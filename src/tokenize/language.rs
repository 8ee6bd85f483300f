//! Languages: which one a text is written in, and what that changes for the later stages.

use crate::lexicon::WordMap;
use crate::sort::StableSort;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language parallax knows something about (stopwords, a stemmer, value words or a script).
///
/// Serialized as its ISO 639-1 code (`"en"`, `"de"`); [`Lang::Other`] is `"und"` (undetermined).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Lang {
    /// Arabic.
    #[serde(rename = "ar")]
    Ar,
    /// Danish.
    #[serde(rename = "da")]
    Da,
    /// German.
    #[serde(rename = "de")]
    De,
    /// Greek.
    #[serde(rename = "el")]
    El,
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Spanish.
    #[serde(rename = "es")]
    Es,
    /// Persian.
    #[serde(rename = "fa")]
    Fa,
    /// Finnish.
    #[serde(rename = "fi")]
    Fi,
    /// French.
    #[serde(rename = "fr")]
    Fr,
    /// Hebrew.
    #[serde(rename = "he")]
    He,
    /// Hindi.
    #[serde(rename = "hi")]
    Hi,
    /// Hungarian.
    #[serde(rename = "hu")]
    Hu,
    /// Italian.
    #[serde(rename = "it")]
    It,
    /// Japanese.
    #[serde(rename = "ja")]
    Ja,
    /// Korean.
    #[serde(rename = "ko")]
    Ko,
    /// Dutch.
    #[serde(rename = "nl")]
    Nl,
    /// Norwegian (Bokmål).
    #[serde(rename = "no")]
    No,
    /// Polish.
    #[serde(rename = "pl")]
    Pl,
    /// Portuguese.
    #[serde(rename = "pt")]
    Pt,
    /// Romanian.
    #[serde(rename = "ro")]
    Ro,
    /// Russian.
    #[serde(rename = "ru")]
    Ru,
    /// Swedish.
    #[serde(rename = "sv")]
    Sv,
    /// Tamil.
    #[serde(rename = "ta")]
    Ta,
    /// Thai.
    #[serde(rename = "th")]
    Th,
    /// Turkish.
    #[serde(rename = "tr")]
    Tr,
    /// Ukrainian.
    #[serde(rename = "uk")]
    Uk,
    /// Chinese.
    #[serde(rename = "zh")]
    Zh,
    /// Not determined: too little text, or a language without any of the above.
    #[serde(rename = "und")]
    Other,
}

/// As its code, the same string as the derived form would give (the names `#[serde(rename)]`
/// gives for `Deserialize`), without a second table of the codes: the derived `Serialize` is a
/// match of its own (1 KB of the WebAssembly).
impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl Lang {
    /// Every language, in code order.
    pub const ALL: &'static [Lang] = &[
        Lang::Ar,
        Lang::Da,
        Lang::De,
        Lang::El,
        Lang::En,
        Lang::Es,
        Lang::Fa,
        Lang::Fi,
        Lang::Fr,
        Lang::He,
        Lang::Hi,
        Lang::Hu,
        Lang::It,
        Lang::Ja,
        Lang::Ko,
        Lang::Nl,
        Lang::No,
        Lang::Pl,
        Lang::Pt,
        Lang::Ro,
        Lang::Ru,
        Lang::Sv,
        Lang::Ta,
        Lang::Th,
        Lang::Tr,
        Lang::Uk,
        Lang::Zh,
        Lang::Other,
    ];

    /// The position of the language in [`Lang::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The ISO 639-1 code (`"und"` for [`Lang::Other`]).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Da => "da",
            Lang::De => "de",
            Lang::El => "el",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fa => "fa",
            Lang::Fi => "fi",
            Lang::Fr => "fr",
            Lang::He => "he",
            Lang::Hi => "hi",
            Lang::Hu => "hu",
            Lang::It => "it",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Nl => "nl",
            Lang::No => "no",
            Lang::Pl => "pl",
            Lang::Pt => "pt",
            Lang::Ro => "ro",
            Lang::Ru => "ru",
            Lang::Sv => "sv",
            Lang::Ta => "ta",
            Lang::Th => "th",
            Lang::Tr => "tr",
            Lang::Uk => "uk",
            Lang::Zh => "zh",
            Lang::Other => "und",
        }
    }

    /// The language with this ISO 639-1 code, if parallax knows it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// Whether numbers are written `1.234,5` (decimal comma) rather than `1,234.5`.
    pub(crate) fn decimal_comma(self) -> bool {
        !matches!(self, Lang::En | Lang::He | Lang::Hi | Lang::Ja | Lang::Ko | Lang::Th | Lang::Zh | Lang::Ta)
    }

    /// Whether thousands may be grouped with a plain space (`1 200`), as French and Russian do.
    pub(crate) fn space_grouping(self) -> bool {
        matches!(self, Lang::Fr | Lang::Ru | Lang::Uk | Lang::Pl | Lang::Sv | Lang::No | Lang::Da | Lang::Fi | Lang::Hu)
    }

    /// Whether month and weekday names are capitalized, so a lowercase "may" or "march" is not a
    /// date. Languages that write them in lowercase accept either case.
    pub(crate) fn capitalizes_dates(self) -> bool {
        matches!(self, Lang::En | Lang::De)
    }
}

/// Writing systems, the first clue to the language.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Tamil,
    Thai,
    Hangul,
    Kana,
    Han,
}

const _: () = {
    let mut i = 0;
    while i < SCRIPTS.len() {
        assert!(SCRIPTS[i] as usize == i, "SCRIPTS is in the order of Script");
        i += 1;
    }
};

const SCRIPTS: [Script; 11] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Devanagari,
    Script::Tamil,
    Script::Thai,
    Script::Hangul,
    Script::Kana,
    Script::Han,
];

fn script(c: char) -> Option<Script> {
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
            Script::Arabic
        }
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{900}'..='\u{97F}' => Script::Devanagari,
        '\u{B80}'..='\u{BFF}' => Script::Tamil,
        '\u{E00}'..='\u{E7F}' => Script::Thai,
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => Script::Hangul,
        '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => Script::Kana,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}' => {
            Script::Han
        }
        _ => return None,
    })
}

/// Languages written in the Latin script that have a stopword list, in the order ties go.
const LATIN: &[Lang] = &[
    Lang::En,
    Lang::De,
    Lang::Fr,
    Lang::Es,
    Lang::It,
    Lang::Pt,
    Lang::Nl,
    Lang::Sv,
    Lang::Da,
    Lang::No,
    Lang::Fi,
    Lang::Pl,
    Lang::Ro,
    Lang::Hu,
    Lang::Tr,
];
const CYRILLIC: &[Lang] = &[Lang::Ru, Lang::Uk];

/// How sure a detection is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Detection {
    /// The language found ([`Lang::Other`] when undetermined).
    pub lang: Lang,
    /// Evidence for it: letters of a script that only it uses, or function words of it.
    pub evidence: usize,
    /// Evidence for the runner-up among languages of the same script (0 when the script decides).
    pub runner_up: usize,
}

/// Letters read at most, so detection costs the same on a 1 MB paste as on a long article.
const MAX_LETTERS: usize = 20_000;

/// The language of `text`: the script decides where it names one language (Greek, Hebrew, Thai,
/// Korean; kana means Japanese, Han without kana Chinese; Persian letters tell Persian from
/// Arabic); otherwise the language whose function words occur most often wins (Latin and
/// Cyrillic scripts). Text with fewer than two function words of any language, or no letters,
/// is [`Lang::Other`].
pub fn detect_language(text: &str) -> Lang {
    detect_with_evidence(text).lang
}

pub(crate) fn detect_with_evidence(text: &str) -> Detection {
    // ASCII text (most English pastes) is Latin wherever it has a letter: no script to count.
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            by_function_words(text, LATIN)
        } else {
            Detection { lang: Lang::Other, evidence: 0, runner_up: 0 }
        };
    }
    let (counts, persian) = count_scripts::<{ crate::bytes8::NATIVE }>(text);
    let count = |s: Script| counts[s as usize];
    let Some(dominant) = SCRIPTS.iter().copied().filter(|s| count(*s) > 0).max_by_key(|s| count(*s)) else {
        return Detection { lang: Lang::Other, evidence: 0, runner_up: 0 };
    };
    let decided = |lang: Lang| Detection { lang, evidence: count(dominant), runner_up: 0 };
    match dominant {
        Script::Greek => decided(Lang::El),
        Script::Hebrew => decided(Lang::He),
        Script::Devanagari => decided(Lang::Hi),
        Script::Tamil => decided(Lang::Ta),
        Script::Thai => decided(Lang::Th),
        Script::Hangul => decided(Lang::Ko),
        // Japanese mixes kana into Han text; Chinese has none.
        Script::Han | Script::Kana if count(Script::Kana) * 10 > count(Script::Han) => decided(Lang::Ja),
        Script::Han | Script::Kana => decided(Lang::Zh),
        Script::Arabic if persian * 50 > count(Script::Arabic) => decided(Lang::Fa),
        Script::Arabic => decided(Lang::Ar),
        Script::Latin => by_function_words(text, LATIN),
        Script::Cyrillic => by_function_words(text, CYRILLIC),
    }
}

/// Letters per script (in the order of [`SCRIPTS`]) and Persian letters among them, up to
/// [`MAX_LETTERS`] letters. `CHUNKS` reads runs of ASCII eight bytes at a time: natively (the
/// WebAssembly leaves it out, for size); a test compares the two ways.
#[inline(always)]
fn count_scripts<const CHUNKS: bool>(text: &str) -> ([usize; SCRIPTS.len()], usize) {
    let mut counts = [0usize; SCRIPTS.len()];
    let mut persian = 0;
    let mut letters = 0;
    // Byte by byte, decoding only characters outside ASCII (whose letters are all Latin).
    let bytes = text.as_bytes();
    let mut i = 0;
    // With `CHUNKS`, runs of ASCII are read eight bytes at a time (their letters counted by a few
    // operations on a `u64`), up to where eight bytes hold one outside ASCII: from there up to
    // the end of those eight, character by character.
    let mut by_character_until = 0;
    while i < bytes.len() {
        if CHUNKS && i >= by_character_until {
            if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                let x = u64::from_le_bytes(chunk);
                // Eight letters more stay below the limit, so the loop would not stop in them.
                if x & crate::bytes8::HIGH == 0 && letters + 8 < MAX_LETTERS {
                    let n = crate::bytes8::count(crate::bytes8::ascii_letters(x));
                    counts[Script::Latin as usize] += n;
                    letters += n;
                    i += 8;
                    continue;
                }
            }
            by_character_until = i + 8;
        }
        let b = bytes[i];
        let found = if b < 0x80 {
            i += 1;
            b.is_ascii_alphabetic().then_some((Script::Latin, false))
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
            i += c.len_utf8();
            script(c).map(|s| (s, matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی')))
        };
        if let Some((s, persian_letter)) = found {
            // `SCRIPTS` lists the scripts in declaration order (a compile-time check beside it).
            counts[s as usize] += 1;
            persian += usize::from(persian_letter);
            letters += 1;
            if letters >= MAX_LETTERS {
                break;
            }
        }
    }
    (counts, persian)
}

/// For each function word of any language, the set of languages it belongs to, as bits at
/// `Lang::index`. Detection runs on every block of every source, so it pays to look a word up
/// once rather than once per candidate language (fifteen for the Latin script): the per-language
/// lookups were 40% of the time to analyse the seeds. Natively with a filter of the words' shapes
/// (`lexicon::WordFilter`) in front: most words of running text are no function word of any
/// language, and a word whose shape no function word has is not hashed and looked up (in the
/// WebAssembly the filter cost 0.5 KB gzipped for about 1 % of stripping's instructions).
struct FunctionWordLangs {
    map: WordMap<&'static str, u32>,
    #[cfg(not(target_arch = "wasm32"))]
    filter: crate::lexicon::WordFilter,
}

impl FunctionWordLangs {
    #[inline(always)]
    fn get(&self, word: &str) -> Option<u32> {
        #[cfg(not(target_arch = "wasm32"))]
        if !self.filter.may_hold(word) {
            return None;
        }
        self.map.get(word).copied()
    }
}

fn function_word_langs() -> &'static FunctionWordLangs {
    const _: () = assert!(Lang::ALL.len() <= 32, "the language sets are u32 bit sets");
    static MAP: OnceLock<FunctionWordLangs> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: WordMap<&'static str, u32> = WordMap::default();
        for lang in Lang::ALL {
            for word in crate::lexicon::stopwords(*lang) {
                *map.entry(*word).or_insert(0) |= 1 << lang.index();
            }
        }
        FunctionWordLangs {
            #[cfg(not(target_arch = "wasm32"))]
            filter: crate::lexicon::WordFilter::new(map.keys().copied()),
            map,
        }
    })
}

/// What [`by_function_words`] needs to know of an ASCII byte: whether it belongs to a word (a
/// letter or an apostrophe) and whether it keeps a word as it stands when looked up (lowercase
/// or apostrophe).
const IN_WORD: u8 = 1;
const AS_IT_STANDS: u8 = 2;
static WORD_BYTES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c == b'\'' {
            IN_WORD | AS_IT_STANDS
        } else if c.is_ascii_uppercase() {
            IN_WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether a character outside ASCII belongs to a word of [`by_function_words`]: a letter or a
/// curly apostrophe. The curly apostrophe, the rest of Unicode's General Punctuation block (curly
/// quotation marks, dashes, typeset spaces: none a letter) and the letters of Latin-1 are told
/// without Unicode's tables, whose lookup was 2 M instructions of stripping the scrapinghub
/// pastes (a test checks both blocks against `is_alphabetic`). Natively only: in the WebAssembly
/// the lookups are 0.2 % of stripping in Chromium.
#[inline(always)]
fn in_word(c: char) -> bool {
    if !crate::bytes8::NATIVE {
        return c.is_alphabetic() || c == '’';
    }
    match c {
        '’' => true,
        '\u{2000}'..='\u{206F}' => false,
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' => true,
        _ => c.is_alphabetic(),
    }
}

/// The candidate whose function words occur most often in `text`.
fn by_function_words(text: &str, candidates: &[Lang]) -> Detection {
    // Hits per language at `Lang::index`, counted through the few bits a function word sets
    // rather than by asking every candidate; the candidates' counts are read out at the end.
    let mut by_lang = [0usize; 32];
    let mut folded = String::new();
    let mut letters = 0;
    let map = function_word_langs();
    // The words are the runs of letters and apostrophes, found byte by byte (ASCII by a table,
    // decoding only characters outside ASCII); one pass over a word also tells whether it is
    // looked up as it stands (lowercase ASCII, most words of running text) and whether it is
    // all ASCII.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let (mut as_it_stands, mut ascii) = (true, true);
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                let kind = WORD_BYTES[usize::from(b)];
                if kind & IN_WORD == 0 {
                    break;
                }
                as_it_stands &= kind & AS_IT_STANDS != 0;
                i += 1;
            } else {
                match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) if in_word(c) => {
                        (as_it_stands, ascii) = (false, false);
                        i += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        let word = &text[start..i];
        // Past the character that ends the word.
        i += match bytes.get(i) {
            Some(&b) if b < 0x80 => 1,
            _ => text.get(i..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8),
        };
        // One-letter words say little and include the elided articles of French and Italian
        // ("d", "l"), which initials ("D.C.") would otherwise vote for.
        if if ascii { word.len() < 2 } else { word.chars().nth(1).is_none() } {
            continue;
        }
        letters += word.len();
        if letters > MAX_LETTERS {
            break;
        }
        vote(map, word, as_it_stands, ascii, &mut folded, &mut by_lang);
    }
    pick(&by_lang, candidates)
}

/// Counts `word` for each language it is a function word of: looked up as it stands when it is
/// lowercase already (`as_it_stands`), otherwise lowercased into `folded` first (ASCII in bulk).
fn vote(
    map: &FunctionWordLangs,
    word: &str,
    as_it_stands: bool,
    ascii: bool,
    folded: &mut String,
    by_lang: &mut [usize; 32],
) {
    let lower = if as_it_stands {
        word
    } else {
        folded.clear();
        if ascii {
            folded.push_str(word);
            folded.make_ascii_lowercase();
        } else {
            folded.extend(word.chars().flat_map(char::to_lowercase));
        }
        folded.as_str()
    };
    let Some(langs) = map.get(lower) else { return };
    let mut bits = langs;
    while bits != 0 {
        by_lang[bits.trailing_zeros() as usize] += 1;
        bits &= bits - 1;
    }
}

/// The detection among `candidates` from the hits per language (at `Lang::index`).
fn pick(by_lang: &[usize; 32], candidates: &[Lang]) -> Detection {
    let hits: Vec<usize> = candidates.iter().map(|lang| by_lang[lang.index()]).collect();
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Most hits first; ties go to the earlier candidate.
    order.stable_sort_by_key(|&i| (std::cmp::Reverse(hits[i]), i));
    let best = order.first().copied().unwrap_or(0);
    let runner_up = order.get(1).map_or(0, |&i| hits[i]);
    if hits.get(best).copied().unwrap_or(0) < 2 {
        return Detection { lang: Lang::Other, evidence: hits.get(best).copied().unwrap_or(0), runner_up };
    }
    Detection { lang: candidates[best], evidence: hits[best], runner_up }
}

/// The language of one block of a source written in `source_lang`: the block's own language
/// when it has clear evidence of one (a script of its own, or at least three function words and
/// twice as many as the source language's), so a quotation or a paragraph in another language is
/// split and stemmed by its own rules; the source's language otherwise (short lines, headlines).
pub(crate) fn block_language(block: &str, source_lang: Lang) -> Lang {
    let d = detect_with_evidence(block);
    if d.lang == Lang::Other || d.lang == source_lang {
        return source_lang;
    }
    let against = by_function_words(block, &[source_lang]).evidence;
    if d.evidence >= 3 && d.evidence >= 2 * against {
        d.lang
    } else {
        source_lang
    }
}

/// One language per source: its own when detected; otherwise the one most sources share (a story
/// pasted from several outlets is usually in one language), so a short paste is not left without
/// stopwords and stems.
pub(crate) fn source_languages(texts: &[&str]) -> Vec<Lang> {
    let detected: Vec<Lang> = texts.iter().map(|t| detect_language(t)).collect();
    // (language, sources, bytes)
    let mut tally: Vec<(Lang, usize, usize)> = Vec::new();
    for (&l, t) in detected.iter().zip(texts).filter(|(l, _)| **l != Lang::Other) {
        match tally.iter_mut().find(|(x, _, _)| *x == l) {
            Some((_, n, bytes)) => {
                *n += 1;
                *bytes += t.len();
            }
            None => tally.push((l, 1, t.len())),
        }
    }
    // Most sources first, then most text, then the language's code: never the order of the
    // sources, so reordering them cannot change what a short source is read as.
    let common = tally
        .iter()
        .max_by(|a, b| (a.1, a.2).cmp(&(b.1, b.2)).then_with(|| b.0.code().cmp(a.0.code())))
        .map_or(Lang::Other, |(l, _, _)| *l);
    detected.into_iter().map(|l| if l == Lang::Other { common } else { l }).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
/// [`by_function_words`] as it was written before its word loop was fused (a character test per
/// byte, a second pass for the case): the reference of a property test of the word loop, so the
/// lookup of a word ([`vote`]) is shared.
fn by_function_words_reference(text: &str, candidates: &[Lang]) -> Detection {
    // Hits per language at `Lang::index`, counted through the few bits a function word sets
    // rather than by asking every candidate; the candidates' counts are read out at the end.
    let mut by_lang = [0usize; 32];
    let mut folded = String::new();
    let mut letters = 0;
    let map = function_word_langs();
    // The words are the runs of letters and apostrophes, found byte by byte (decoding only
    // characters outside ASCII).
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while let Some(&b) = bytes.get(i) {
            let len = if b < 0x80 {
                if !(b.is_ascii_alphabetic() || b == b'\'') {
                    break;
                }
                1
            } else {
                match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) if c.is_alphabetic() || c == '’' => c.len_utf8(),
                    _ => break,
                }
            };
            i += len;
        }
        let word = &text[start..i];
        // Past the character that ends the word.
        i += text.get(i..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8);
        // One-letter words say little and include the elided articles of French and Italian
        // ("d", "l"), which initials ("D.C.") would otherwise vote for.
        if word.chars().nth(1).is_none() {
            continue;
        }
        letters += word.len();
        if letters > MAX_LETTERS {
            break;
        }
        // Most words of running text are lowercase ASCII already: looked up as they stand.
        let as_it_stands = word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'');
        vote(map, word, as_it_stands, word.is_ascii(), &mut folded, &mut by_lang);
    }
    pick(&by_lang, candidates)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// One line per case: the language, then a sentence written in it.
    const TABLE: &[(Lang, &str)] = &[
        (Lang::En, "The talks between the two leaders ended without an agreement on Monday."),
        (Lang::De, "Die Gespräche zwischen den beiden Politikern endeten am Montag ohne eine Einigung."),
        (Lang::Fr, "Les discussions entre les deux dirigeants se sont terminées lundi sans accord."),
        (Lang::Es, "Las conversaciones entre los dos líderes terminaron el lunes sin un acuerdo."),
        (Lang::It, "I colloqui tra i due leader si sono conclusi lunedì senza un accordo."),
        (Lang::Pt, "As conversas entre os dois líderes terminaram na segunda-feira sem um acordo."),
        (Lang::Nl, "De gesprekken tussen de twee leiders eindigden maandag zonder een akkoord."),
        (Lang::Sv, "Samtalen mellan de två ledarna avslutades på måndagen utan att en överenskommelse nåddes."),
        (Lang::Da, "Samtalerne mellem de to ledere endte mandag uden at der blev indgået en aftale."),
        (
            Lang::Pl,
            "Rozmowy między dwoma przywódcami zakończyły się w poniedziałek bez porozumienia, jak i oczekiwano.",
        ),
        (Lang::Ro, "Discuțiile dintre cei doi lideri s-au încheiat luni fără un acord și fără un plan."),
        (
            Lang::Tr,
            "İki lider arasındaki görüşmeler pazartesi günü bir anlaşma olmadan sona erdi ve bu da beklenen bir şeydi.",
        ),
        (Lang::Ru, "Переговоры между двумя лидерами завершились в понедельник без соглашения, и это было ожидаемо."),
        (Lang::Uk, "Переговори між двома лідерами завершилися в понеділок без угоди, і це було очікувано."),
        (Lang::El, "Οι συνομιλίες μεταξύ των δύο ηγετών ολοκληρώθηκαν τη Δευτέρα χωρίς συμφωνία."),
        (Lang::Ar, "انتهت المحادثات بين الزعيمين يوم الاثنين دون التوصل إلى اتفاق."),
        (Lang::Fa, "گفتگوها میان دو رهبر روز دوشنبه بدون توافق پایان یافت."),
        (Lang::He, "השיחות בין שני המנהיגים הסתיימו ביום שני ללא הסכם."),
        (Lang::Hi, "दोनों नेताओं के बीच बातचीत सोमवार को बिना किसी समझौते के समाप्त हो गई।"),
        (Lang::Zh, "两位领导人之间的会谈周一结束，没有达成协议。"),
        (Lang::Ja, "両首脳の会談は月曜日に合意なしで終わった。"),
        (Lang::Ko, "두 정상 간의 회담은 월요일에 합의 없이 끝났다."),
        (Lang::Th, "การเจรจาระหว่างผู้นำทั้งสองสิ้นสุดลงเมื่อวันจันทร์โดยไม่มีข้อตกลง"),
        (Lang::Other, "12 345 — !!"),
        (Lang::Other, "Kyiv"),
    ];

    #[test]
    fn issue_3_detects_languages() {
        let wrong: Vec<String> = TABLE
            .iter()
            .filter_map(|(want, text)| {
                let got = detect_language(text);
                (got != *want).then(|| format!("{text}: got {}, want {}", got.code(), want.code()))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn issue_3_block_language_needs_clear_evidence() {
        // A quotation in German inside an English story is split by German rules…
        assert_eq!(
            block_language("Er sagte, dass die Gespräche in der nächsten Woche weitergehen.", Lang::En),
            Lang::De
        );
        // …but a short headline keeps the source's language.
        assert_eq!(block_language("Talks in Geneva", Lang::De), Lang::De);
        assert_eq!(
            source_languages(&["Die Gespräche sind am Montag zu Ende gegangen.", "Genf", ""]),
            vec![Lang::De; 3]
        );
    }

    #[test]
    fn issue_5_a_short_source_reads_the_same_whatever_the_order() {
        let en = "The council approved the new budget on Tuesday after a long debate.";
        let de = "Über 200 Menschen protestierten am Montag vor dem Rathaus.";
        let short = "Mayor Lena Ortiz and Governor Sam Reyes.";
        let one = source_languages(&[en, short, de]);
        let other = source_languages(&[de, short, en]);
        assert_eq!((one[0], one[2], other[0], other[2]), (Lang::En, Lang::De, Lang::De, Lang::En));
        assert_eq!(one[1], other[1]);
    }

    /// Words of several languages and scripts, in several cases, with apostrophes of both kinds,
    /// one-letter words, punctuation and spaces, for comparing detection with its reference.
    fn mixed_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("the"),
            Just("The"),
            Just("THE"),
            Just("and"),
            Just("der"),
            Just("Die"),
            Just("les"),
            Just("l'accord"),
            Just("don’t"),
            Just("it's"),
            Just("é"),
            Just("für"),
            Just("ÜBER"),
            Just("и"),
            Just("это"),
            Just("Это"),
            Just("не"),
            Just("ß"),
            Just("a"),
            Just("I"),
            Just("d'"),
            Just(" "),
            Just(", "),
            Just(". "),
            Just("\n"),
            Just("'"),
            Just("’"),
            Just("-"),
            Just("3"),
            Just("\u{301}"),
            Just("日本"),
            Just("x"),
            Just("Zz"),
            Just("\u{1F600}"),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn issue_9_function_word_counts_match_the_reference(text in mixed_text()) {
            for candidates in [LATIN, CYRILLIC, &[Lang::De][..]] {
                proptest::prop_assert_eq!(
                    by_function_words(&text, candidates),
                    by_function_words_reference(&text, candidates)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn issue_9_scripts_count_eight_bytes_at_a_time_as_one_at_a_time(text in mixed_text()) {
            proptest::prop_assert_eq!(count_scripts::<true>(&text), count_scripts::<false>(&text));
        }
    }

    #[test]
    fn issue_9_scripts_stop_at_the_same_letter_eight_bytes_at_a_time() {
        // Past `MAX_LETTERS` letters at every offset of an eight-byte block, with Greek after
        // the limit that must not be counted.
        for pad in 0..9 {
            let text = "x".repeat(pad) + &"abcd efgh ".repeat(2600) + &"αβγ ".repeat(100);
            assert_eq!(count_scripts::<true>(&text), count_scripts::<false>(&text), "pad {pad}");
        }
    }

    #[test]
    fn issue_9_function_word_counts_stop_where_the_reference_does() {
        // Past `MAX_LETTERS` letters, with a German stretch after the English one.
        let text = "the cat and the dog Don’t ".repeat(1000) + &"der und die Straße ".repeat(800);
        for candidates in [LATIN, CYRILLIC] {
            assert_eq!(by_function_words(&text, candidates), by_function_words_reference(&text, candidates));
        }
        assert_eq!(by_function_words(&text, LATIN).lang, Lang::En);
    }

    #[test]
    fn issue_9_word_characters_of_latin_1_and_general_punctuation_are_the_letters() {
        for c in ('\u{80}'..='\u{FF}').chain('\u{2000}'..='\u{206F}') {
            assert_eq!(in_word(c), c.is_alphabetic() || c == '’', "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn codes_round_trip() {
        for &l in Lang::ALL {
            let json = serde_json::to_string(&l).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", l.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).ok(), Some(l));
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(Lang::ALL[l.index()], l);
        }
    }
}
