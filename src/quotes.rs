//! Direct quotations: where they are, who said them, and how sources quote the same words.
//!
//! Extraction scans each body block for quotation marks of many typographic traditions
//! (straight, curly, „German“, «French», »Danish«, 「Japanese」, single quotes inside double
//! ones) with a small stack, so nested quotes stay inside their outer quote and a quote may span
//! several sentences. Attribution looks in the quote's own sentence(s) for a speech word ("said",
//! "told", "according to", "wrote", "Trump's statement") and takes the name next to it, or a
//! pronoun that refers back to the last named person. Comparison pairs quotes of different sources
//! that share their words in order (a word-level diff tells truncation, omission, substitution
//! and insertion apart), flags quotes no other source has, and flags the same speaker quoted with
//! different words in sentences that report the same thing.

use crate::lexicon::WordMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::config::Config;
use crate::diff::{self, Edit, Op};
use crate::lexicon::{self, List, WordSet};
use crate::report::{
    QuoteRef, QuoteReport, RewordingReport, SpeakerReport, Utf16Index, UtteranceMember, UtteranceReport,
    WordChangeReport,
};
use crate::score::Score;
use crate::similarity::Corpus;
use crate::sort::{common_count, IdSort, StableSort};
use crate::tokenize::{fold, words_in, Lang};

/// One quotation in one source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Quote {
    /// The quotation with its marks.
    pub span: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    /// Spans of the quoted words.
    pub words: Vec<Range<usize>>,
    /// The quoted words, folded.
    pub folded: Vec<String>,
    /// `elided[k]`: an ellipsis stands right before word `k` (`k == words.len()`: at the end).
    pub elided: Vec<bool>,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
    /// The sentences (indices inside the source) the quotation overlaps.
    pub sentences: Range<usize>,
}

/// The person (or body) a quotation is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Speaker {
    /// The name as written where it was found ("German Chancellor Olaf Scholz", "Trump").
    pub name: String,
    /// The folded last word of the name ("scholz"): what quotes of the same speaker share.
    pub key: String,
    /// Where the name (or the pronoun standing for it) is.
    pub span: Range<usize>,
    /// Whether a pronoun was resolved to reach the name.
    pub via_pronoun: bool,
}

// ---------------------------------------------------------------------------------------------
// Word lists

struct Words {
    speech_verbs: WordSet<String>,
    speech_nouns: WordSet<String>,
    markers: Vec<Vec<String>>,
    pronouns: WordSet<String>,
    prepositions: WordSet<String>,
    clause_words: WordSet<String>,
    passive: WordSet<String>,
    not_names: WordSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let list =
            List::parse(lexicon::data_file("data/quotes/attribution.txt")).unwrap_or(List { groups: Vec::new() });
        let group = |prefix: &str| -> WordSet<String> {
            list.groups
                .iter()
                .filter(|(name, _)| name.starts_with(prefix))
                .flat_map(|(_, items)| items.iter().cloned())
                .collect()
        };
        let speech_verbs = list
            .groups
            .iter()
            .filter(|(name, _)| name.ends_with("speech verbs"))
            .flat_map(|(_, items)| items.iter().cloned())
            .collect();
        Words {
            speech_verbs,
            speech_nouns: group("english speech nouns"),
            markers: group("markers").into_iter().map(|m| m.split(' ').map(str::to_string).collect()).collect(),
            pronouns: group("singular personal pronouns"),
            prepositions: group("prepositions"),
            clause_words: group("coordination"),
            passive: group("passive auxiliaries"),
            not_names: group("capitalized words that never"),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Finding quotation marks

/// The marks that may close a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '"' => &['"'],
        '\u{201C}' => &['\u{201D}'],             // “ → ”
        '\u{201E}' => &['\u{201C}', '\u{201D}'], // „ → “ or ”
        '\u{201D}' => &['\u{201D}'],             // ” → ” (Swedish, Finnish)
        '\u{00AB}' => &['\u{00BB}'],             // « → »
        '\u{00BB}' => &['\u{00AB}', '\u{00BB}'], // » → « or »
        '\u{2039}' => &['\u{203A}'],             // ‹ → ›
        '\u{203A}' => &['\u{2039}', '\u{203A}'], // › → ‹ or ›
        '\u{300C}' => &['\u{300D}'],             // 「 → 」
        '\u{300E}' => &['\u{300F}'],             // 『 → 』
        '\u{2018}' => &['\u{2019}'],             // ‘ → ’
        '\u{201A}' => &['\u{2018}', '\u{2019}'], // ‚ → ‘ or ’
        '\'' => &['\''],
        _ => &[],
    }
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:".contains(c) || !closers(c).is_empty(),
    }
}

/// Whether `c` may open a quotation between `prev` and `next`.
fn can_open(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    let prev_word = prev.is_some_and(char::is_alphanumeric);
    match c {
        // Unambiguous openers: only not glued to a preceding word.
        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2039}' | '\u{201A}' => !prev_word,
        // Corner brackets follow the previous word directly in Japanese and Chinese.
        '\u{300C}' | '\u{300E}' => true,
        '"' => is_opening_context(prev) && !next.is_whitespace(),
        // Marks that are closers in other traditions open only before a word.
        '\u{00BB}' | '\u{203A}' | '\u{201D}' => is_opening_context(prev) && next.is_alphanumeric(),
        // Single quotes double as apostrophes: open only before a letter.
        '\u{2018}' | '\'' => is_opening_context(prev) && next.is_alphabetic(),
        _ => false,
    }
}

/// Whether `c` may close a quotation between `prev` and `next`.
fn can_close(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let next_word = next.is_some_and(char::is_alphanumeric);
    match c {
        '"' | '\'' | '\u{2019}' => !prev.is_some_and(char::is_whitespace) && !next_word,
        '\u{201C}' | '\u{2018}' => !next_word,
        _ => true,
    }
}

/// Deepest nesting followed; deeper marks are ignored (they stay inside their quote).
const MAX_DEPTH: usize = 8;
/// How often a block is rescanned after an opening mark that never closed.
const MAX_RESCANS: usize = 4;

/// Quotation spans (marks included) in the block `range` of `text`. `continues` says whether
/// the next block opens with a given mark, which makes an unclosed quotation run on to the end of
/// this block (the convention for a quotation over several paragraphs).
fn quote_spans(text: &str, range: Range<usize>, continues: impl Fn(char) -> bool) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::new();
    let mut from = range.start;
    for _ in 0..=MAX_RESCANS {
        match scan(text, from..range.end, &mut out) {
            None => break,
            Some((mark, start)) if continues(mark) => {
                out.push((mark, start..range.end));
                break;
            }
            // A stray opening mark: look again just after it.
            Some((mark, start)) => from = start + mark.len_utf8(),
        }
    }
    out.stable_sort_by_key(|(_, r)| r.start);
    out
}

/// Scans `range`, pushing closed top-level quotations; returns the outermost unclosed opening.
fn scan(text: &str, range: Range<usize>, out: &mut Vec<(char, Range<usize>)>) -> Option<(char, usize)> {
    let piece = &text[range.clone()];
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut chars = piece.char_indices().peekable();
    let mut prev: Option<char> = text[..range.start].chars().next_back();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let at = range.start + i;
        let level = stack.iter().rposition(|&(open, _)| closers(open).contains(&c));
        match level {
            Some(level) if can_close(c, prev, next) => {
                if level == 0 {
                    out.push((stack[0].0, stack[0].1..at + c.len_utf8()));
                }
                stack.truncate(level);
            }
            // A mark that could close an open quotation never opens a nested one.
            Some(_) => {}
            None if stack.len() < MAX_DEPTH && can_open(c, prev, next) => stack.push((c, at)),
            None => {}
        }
        prev = Some(c);
    }
    stack.first().copied()
}

// ---------------------------------------------------------------------------------------------
// Words of a sentence, for attribution

#[derive(Clone, Debug)]
struct W<'a> {
    span: Range<usize>,
    /// Borrowed from the corpus's forms when the alignment prepared the sentence: a string per
    /// word, made twice per sentence, was most of this stage's allocations (issue 9).
    folded: Cow<'a, str>,
    /// Starts with a capital letter.
    cap: bool,
    /// Whether only spaces (or the dot of an abbreviation) separate it from the previous word.
    joined: bool,
    /// First word of its sentence.
    initial: bool,
}

/// The words of `sentence`, leaving out words inside `quotes` (sorted, not overlapping).
/// `starts_sentence` says whether `sentence` begins where its sentence does (for `W::initial`).
fn sentence_words(
    text: &str,
    sentence: Range<usize>,
    quotes: &[Range<usize>],
    starts_sentence: bool,
) -> Vec<W<'static>> {
    let units = words_in(text, sentence.clone()).map(|r| (r, None));
    words_of(text, sentence, units, quotes, starts_sentence)
}

/// [`sentence_words`] of a whole sentence whose words (byte range and folded form) are known.
fn known_sentence_words<'a>(
    text: &str,
    sentence: Range<usize>,
    words: impl Iterator<Item = (Range<usize>, &'a str)>,
    quotes: &[Range<usize>],
) -> Vec<W<'a>> {
    words_of(text, sentence, words.map(|(r, w)| (r, Some(w))), quotes, true)
}

/// The words of `sentence` given as its units: byte range, and folded form if known.
fn words_of<'a>(
    text: &str,
    sentence: Range<usize>,
    units: impl Iterator<Item = (Range<usize>, Option<&'a str>)>,
    quotes: &[Range<usize>],
    starts_sentence: bool,
) -> Vec<W<'a>> {
    // Only the quotations that overlap the sentence matter; finding them keeps this linear.
    let from = quotes.partition_point(|q| q.end <= sentence.start);
    let to = quotes.partition_point(|q| q.start < sentence.end).max(from);
    let quotes = &quotes[from..to];
    // Sized once (the known words of a sentence say how many): grown by doubling, twice per
    // sentence, it was a quarter of this function's instructions (issue 9).
    let mut out: Vec<W<'a>> = Vec::with_capacity(units.size_hint().0);
    let mut prev_end = sentence.start;
    for (span, folded) in units {
        // The only quotation that can hold the word is the first one that ends at or after it
        // (they are sorted and do not overlap): a binary search, where asking each quotation was
        // quadratic in a sentence of thousands of short quotations.
        let k = quotes.partition_point(|q| q.end < span.end);
        let inside = quotes.get(k).is_some_and(|q| q.start <= span.start);
        if inside {
            prev_end = usize::MAX;
            continue;
        }
        let word = &text[span.clone()];
        let gap = if prev_end <= span.start { &text[prev_end..span.start] } else { "\u{1}" };
        let prev_abbrev = out.last().is_some_and(|w: &W| w.folded.contains('.') || w.folded.chars().count() == 1);
        let joined =
            !out.is_empty() && (gap.chars().all(|c| c == ' ' || c == '\u{a0}') || (prev_abbrev && gap.trim() == "."));
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        out.push(W {
            span: span.clone(),
            folded: folded.map_or_else(|| Cow::Owned(fold(word)), Cow::Borrowed),
            cap,
            joined,
            initial: prev_end == sentence.start && out.is_empty(),
        });
        prev_end = span.end;
    }
    // The first word after the sentence start counts as initial even after an opening mark.
    if let Some(first) = out.first_mut() {
        first.initial = starts_sentence && text[sentence.start..first.span.start].chars().all(|c| !c.is_alphanumeric());
    }
    out
}

fn strip_possessive(folded: &str) -> &str {
    // Byte patterns rather than `strip_suffix`, which the WebAssembly build (optimised for size)
    // leaves as calls down to a `memcmp` (issue 9). The apostrophe is ASCII: the cut is on a
    // character boundary.
    let cut = match folded.as_bytes() {
        [.., b'\'', b's'] => 2,
        [.., b'\''] => 1,
        _ => 0,
    };
    folded.get(..folded.len() - cut).unwrap_or(folded)
}

/// What the attribution rules know about one source: which capitalized words are names.
struct Names {
    /// The language of the source, for its function words.
    lang: Lang,
    /// Folded words seen capitalized inside a sentence and never in lower case.
    known: WordSet<String>,
    /// Keys of names written as two or more capitalized words ("Olaf Scholz"): likely people.
    people: WordSet<String>,
}

impl Names {
    fn is_name_word(&self, w: &W) -> bool {
        // Most words are not capitalized: the lists are not asked about them (issue 9).
        if !w.cap {
            return false;
        }
        let lists = words();
        let base = strip_possessive(&w.folded);
        w.folded.chars().any(char::is_alphabetic)
            && !lexicon::is_stopword(base, self.lang)
            && !lists.not_names.contains(base)
            && !lists.speech_verbs.contains(base)
            && !lists.pronouns.contains(base)
            && (!w.initial || self.known.contains(base))
    }
}

/// The words of one source's sentences as the alignment prepared them: sentence `k` of the
/// source is flat sentence `first + k` of `corpus`.
pub(crate) struct SourceWords<'a> {
    pub corpus: &'a Corpus,
    pub first: usize,
}

impl SourceWords<'_> {
    fn of(&self, k: usize) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
        self.corpus.words_of(self.first + k)
    }
}

fn learn_names(text: &str, sentences: &[Range<usize>], lang: Lang, words: &SourceWords) -> Names {
    // Borrowed from the corpus's forms: only the names kept are copied.
    let mut capital: WordSet<&str> = WordSet::default();
    let mut lower: WordSet<&str> = WordSet::default();
    for k in 0..sentences.len() {
        for (i, (span, folded)) in words.of(k).enumerate() {
            let word = &text[span];
            let folded = strip_possessive(folded);
            match word.chars().next() {
                Some(c) if c.is_uppercase() && i > 0 => {
                    capital.insert(folded);
                }
                Some(c) if c.is_lowercase() => {
                    lower.insert(folded);
                }
                _ => {}
            }
        }
    }
    let known: WordSet<String> = capital.difference(&lower).map(|w| w.to_string()).collect();
    let mut names = Names { lang, known, people: WordSet::default() };
    for (k, s) in sentences.iter().enumerate() {
        let ws = known_sentence_words(text, s.clone(), words.of(k), &[]);
        for run in runs(&ws, &names) {
            let title_case = ws[run.clone()].iter().filter(|w| w.folded.chars().all(char::is_alphabetic)).count();
            if run.len() >= 2 && title_case >= 2 {
                if let Some(last) = ws.get(run.end - 1) {
                    names.people.insert(strip_possessive(&last.folded).to_string());
                }
            }
        }
    }
    names
}

/// Maximal runs of name words joined by spaces (index ranges into `ws`). A capitalized word that
/// starts the sentence joins a run when a name follows it ("Olaf Scholz said …").
fn runs(ws: &[W], names: &Names) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let opens_name = w.initial
            && w.cap
            && ws.get(k + 1).is_some_and(|n| n.joined && names.is_name_word(n))
            && names.is_name_word(&W { initial: false, ..w.clone() });
        if !names.is_name_word(w) && !opens_name {
            continue;
        }
        match out.last_mut() {
            // A possessive ends a name: "Trump's Putin policy" is two names.
            Some(r) if r.end == k && w.joined && !ws[k - 1].folded.ends_with("'s") => r.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    out
}

/// A name or pronoun in a sentence that could be the speaker.
#[derive(Clone, Debug)]
struct Candidate {
    words: Range<usize>,
    pronoun: bool,
    /// Right after a preposition ("with Putin", "on Sunday"): not a subject, but possibly the
    /// agent of "according to" or "described by".
    after_preposition: bool,
}

fn candidates(ws: &[W], names: &Names) -> Vec<Candidate> {
    let lists = words();
    let after_preposition = |k: usize| k > 0 && lists.prepositions.contains(&*ws[k - 1].folded);
    let mut out: Vec<Candidate> = runs(ws, names)
        .into_iter()
        .map(|words| Candidate { after_preposition: after_preposition(words.start), words, pronoun: false })
        .collect();
    for (k, w) in ws.iter().enumerate() {
        if lists.pronouns.contains(&*w.folded) {
            out.push(Candidate { words: k..k + 1, pronoun: true, after_preposition: after_preposition(k) });
        }
    }
    out.stable_sort_by_key(|c| c.words.start);
    out
}

/// The speaker a candidate names (pronouns are resolved by the caller).
fn speaker_of(text: &str, ws: &[W], c: &Candidate) -> Option<Speaker> {
    let first = ws.get(c.words.start)?;
    let last = ws.get(c.words.end.checked_sub(1)?)?;
    let name = text[first.span.start..last.span.end].to_string();
    let name = name.strip_suffix("'s").or_else(|| name.strip_suffix("\u{2019}s")).unwrap_or(&name).to_string();
    Some(Speaker {
        name,
        key: strip_possessive(&last.folded).to_string(),
        span: first.span.start..last.span.end,
        via_pronoun: false,
    })
}

/// Where the attribution was found, and the candidate it names.
enum Found {
    Name(Candidate),
    None,
}

fn is_speech_verb(w: &W) -> bool {
    words().speech_verbs.contains(&*w.folded)
}

/// A name followed by a role and another name, "Kremlin aide Yuri Ushakov": the person.
fn apposition<'a>(ws: &[W], cands: &'a [Candidate], c: &'a Candidate) -> &'a Candidate {
    cands
        .iter()
        .find(|n| {
            !n.pronoun
                && n.words.start > c.words.end
                && n.words.start <= c.words.end + 2
                && ws[c.words.end..n.words.start].iter().all(|w| w.joined && !w.cap)
                && ws.get(n.words.start).is_some_and(|w| w.joined)
        })
        .unwrap_or(c)
}

/// `according to X` (or `selon X`): the first candidate after a marker.
fn after_marker(ws: &[W], cands: &[Candidate]) -> Found {
    for m in &words().markers {
        for k in 0..ws.len() {
            let hit = m.iter().enumerate().all(|(o, part)| ws.get(k + o).is_some_and(|w| &w.folded == part));
            if hit {
                let after = k + m.len();
                if let Some(c) = cands.iter().find(|c| c.words.start >= after && c.words.start <= after + 3) {
                    return Found::Name(apposition(ws, cands, c).clone());
                }
            }
        }
    }
    Found::None
}

/// Right of the quotation: "…," he said / "…," said Olaf Scholz / "…," Trump told reporters.
fn attribution_after(ws: &[W], cands: &[Candidate]) -> Found {
    let head = &ws[..ws.len().min(6)];
    // A name or pronoun, then a speech verb within two words.
    for c in cands.iter().filter(|c| c.words.start <= 1 && !c.after_preposition) {
        let verb_soon = (c.words.end..(c.words.end + 3).min(ws.len())).any(|k| is_speech_verb(&ws[k]));
        if verb_soon {
            return Found::Name(c.clone());
        }
    }
    // A speech verb, then a name (inverted order), skipping a few title words.
    if let Some(v) = head.iter().position(is_speech_verb) {
        if let Some(c) = cands.iter().find(|c| c.words.start > v && c.words.start <= v + 3 && !c.after_preposition) {
            return Found::Name(c.clone());
        }
    }
    // "described as '…' by X".
    if ws.first().is_some_and(|w| w.folded == "by") {
        if let Some(c) = cands.iter().find(|c| c.words.start == 1) {
            return Found::Name(c.clone());
        }
    }
    Found::None
}

/// Left of the quotation: X said: "…" / X, stating, "…" / X's statement that "…".
fn attribution_before(ws: &[W], cands: &[Candidate]) -> Found {
    let lists = words();
    let Some(v) = ws.iter().rposition(|w| is_speech_verb(w) || lists.speech_nouns.contains(&*w.folded)) else {
        return Found::None;
    };
    // Agent after a passive verb: "described by Trump as '…'".
    if ws.get(v + 1).is_some_and(|w| w.folded == "by") {
        if let Some(c) = cands.iter().find(|c| c.words.start == v + 2) {
            return Found::Name(c.clone());
        }
    }
    // The subject of a passive ("was described as '…'") is what was spoken about.
    if v > 0 && lists.passive.contains(&*ws[v - 1].folded) {
        return Found::None;
    }
    // The nearest name before the verb, unless a new clause starts between them ("He stated
    // that Europe must … and wrote:"): then the sentence's first name is the subject.
    let before: Vec<&Candidate> = cands.iter().filter(|c| c.words.end <= v && !c.after_preposition).collect();
    for c in before.iter().rev() {
        let clause_break = ws[c.words.end..v].iter().any(|w| lists.clause_words.contains(&*w.folded));
        if !clause_break {
            return Found::Name((*c).clone());
        }
    }
    match before.first() {
        Some(c) => Found::Name((*c).clone()),
        None => Found::None,
    }
}

/// A name and a colon right before the quotation: `Scholz: "…"`.
fn headline_colon(text: &str, ws: &[W], cands: &[Candidate], quote_start: usize) -> Found {
    let (Some(last), Some(c)) = (ws.last(), cands.last().filter(|c| !c.after_preposition)) else { return Found::None };
    let between = text.get(last.span.end..quote_start).unwrap_or("");
    if c.words.end == ws.len() && !c.pronoun && between.trim() == ":" {
        Found::Name(c.clone())
    } else {
        Found::None
    }
}

// ---------------------------------------------------------------------------------------------
// Extraction

/// The char boundary at or before `i`.
fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
fn ceil_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The quotations of one source in language `lang`. `blocks` are its body blocks and `sentences`
/// its sentences, both in text order.
pub(crate) fn extract(
    text: &str,
    lang: Lang,
    blocks: &[Range<usize>],
    sentences: &[Range<usize>],
    words: &SourceWords,
    cfg: &Config,
) -> Vec<Quote> {
    let mut spans: Vec<(char, Range<usize>)> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let next_start =
            blocks.get(b + 1).and_then(|n| text.get(n.clone())).and_then(|t| t.trim_start().chars().next());
        spans.extend(quote_spans(text, block.clone(), |mark| next_start == Some(mark)));
    }
    let names = learn_names(text, sentences, lang, words);
    let all: Vec<Range<usize>> = spans.iter().map(|(_, r)| r.clone()).collect();
    // Subject candidates of the whole source in order, for resolving pronouns: (position, speaker).
    let mut people: Vec<(usize, Speaker)> = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let ws = known_sentence_words(text, s.clone(), words.of(k), &all);
        for c in candidates(&ws, &names).iter().filter(|c| !c.pronoun && !c.after_preposition) {
            if let Some(sp) = speaker_of(text, &ws, c) {
                if names.people.contains(&sp.key) {
                    people.push((sp.span.start, sp));
                }
            }
        }
    }

    let attribution =
        Attribution { text, sentences, quotes: &all, names: &names, people: &people, context: cfg.quote_context_bytes };
    let mut out: Vec<Quote> = Vec::new();
    for (mark, span) in spans {
        let close_len = text[..span.end].chars().next_back().map_or(0, char::len_utf8);
        let inner_start = span.start + mark.len_utf8();
        let inner_end =
            if span.end - close_len >= inner_start && closers(mark).iter().any(|c| text[..span.end].ends_with(*c)) {
                span.end - close_len
            } else {
                span.end
            };
        let inner = inner_start..inner_end.max(inner_start);
        let words: Vec<Range<usize>> = words_in(text, inner.clone()).collect();
        if words.is_empty() {
            continue;
        }
        let folded: Vec<String> = words.iter().map(|w| fold(&text[w.clone()])).collect();
        let mut elided = vec![false; words.len() + 1];
        let mut prev = inner.start;
        for (k, w) in words.iter().chain(std::iter::once(&(inner.end..inner.end))).enumerate() {
            let gap = &text[prev.min(w.start)..w.start];
            elided[k] = gap.contains('…') || gap.contains("...");
            prev = w.end;
        }
        let first = sentences.partition_point(|s| s.end <= span.start);
        let last = sentences.partition_point(|s| s.start < span.end).max(first + 1);
        let sentence_range = first..last.min(sentences.len()).max(first);
        let speaker = attribute(&attribution, &span, &sentence_range);
        out.push(Quote { span, inner, words, folded, elided, speaker, sentences: sentence_range });
    }
    // A quotation alone in the sentence right after an attributed one continues it ("…," said
    // Scholz. "Their sovereignty…").
    for k in 1..out.len() {
        if out[k].speaker.is_none() && out[k - 1].speaker.is_some() {
            let follows = out[k].sentences.start == out[k - 1].sentences.end
                || out[k].sentences.start + 1 == out[k - 1].sentences.end;
            let q = &out[k];
            let (first, last) =
                (sentences.get(q.sentences.start), q.sentences.end.checked_sub(1).and_then(|e| sentences.get(e)));
            // Nothing but spaces and final punctuation around it in its sentence(s).
            let alone = match (first, last) {
                (Some(f), Some(l)) => {
                    let before = text.get(f.start..q.span.start).unwrap_or("x");
                    let after = text.get(q.span.end..l.end).unwrap_or("x");
                    before.len() <= 8
                        && after.len() <= 8
                        && before.trim().is_empty()
                        && after.trim_matches(|c: char| c.is_whitespace() || ".!?".contains(c)).is_empty()
                }
                _ => false,
            };
            if follows && alone {
                out[k].speaker = out[k - 1].speaker.clone();
            }
        }
    }
    // Short quotations nobody is said to have said are scare quotes or titles, not speech.
    out.retain(|q| q.speaker.is_some() || q.words.len() >= cfg.quote_min_words);
    out
}

/// What attribution needs to know about one source.
struct Attribution<'a> {
    text: &'a str,
    sentences: &'a [Range<usize>],
    /// All quotations of the source, sorted; masked out of the context.
    quotes: &'a [Range<usize>],
    names: &'a Names,
    /// People named outside quotations, by position, for resolving pronouns.
    people: &'a [(usize, Speaker)],
    /// `quote_context_bytes`.
    context: usize,
}

/// The speaker of the quotation `span` in sentences `sentence_range`.
fn attribute(a: &Attribution, span: &Range<usize>, sentence_range: &Range<usize>) -> Option<Speaker> {
    let Attribution { text, sentences, quotes, names, people, context } = *a;
    let first = sentences.get(sentence_range.start)?;
    let last = sentences.get(sentence_range.end.checked_sub(1)?)?;
    // Only the nearest `quote_context_bytes` on each side are searched, so a quotation inside an
    // endless sentence costs no more than one in a normal one.
    let left_start = floor_char(text, span.start.saturating_sub(context)).max(first.start.min(span.start));
    let right_end = ceil_char(text, span.end.saturating_add(context)).min(last.end.max(span.end));
    let lw = sentence_words(text, left_start..span.start, quotes, left_start == first.start);
    let rw = sentence_words(text, span.end..right_end, quotes, false);
    let lc = candidates(&lw, names);
    let rc = candidates(&rw, names);
    let found = [
        (after_marker(&rw, &rc), &rw),
        (attribution_after(&rw, &rc), &rw),
        (after_marker(&lw, &lc), &lw),
        (attribution_before(&lw, &lc), &lw),
        (headline_colon(text, &lw, &lc, span.start), &lw),
    ];
    for (f, ws) in found {
        if let Found::Name(c) = f {
            let sp = speaker_of(text, ws, &c)?;
            if !c.pronoun {
                return Some(sp);
            }
            // The pronoun stands for the last person named before it.
            let k = people.partition_point(|(pos, _)| *pos < sp.span.start);
            let (_, named) = people.get(k.checked_sub(1)?)?;
            return Some(Speaker {
                name: named.name.clone(),
                key: named.key.clone(),
                span: sp.span,
                via_pronoun: true,
            });
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Comparison across sources

/// A quotation of one source: (source, index in that source's quotes).
pub(crate) type QuoteId = (usize, usize);

/// How one run of words differs between two quotations of the same utterance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Words at the start or end of one quotation that the other cuts off.
    Truncation,
    /// Words of the fuller quotation missing inside the other.
    Omission,
    /// Words inside the other quotation that the fuller one lacks.
    Insertion,
    /// Words of the fuller quotation replaced by other words.
    Substitution,
}

/// One word-level difference: word index ranges into the fuller quotation (`a`) and the other
/// (`b`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WordChange {
    pub change: Change,
    pub a: Range<usize>,
    pub b: Range<usize>,
    /// The other quotation marks the gap with an ellipsis.
    pub marked: bool,
}

/// One quotation of an utterance, compared with the utterance's fullest wording.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Member {
    pub quote: QuoteId,
    /// Share of this quotation's words found in order in the fullest wording.
    pub overlap: f64,
    pub changes: Vec<WordChange>,
}

/// Quotations of the same words (give or take a few) by the same speaker, across sources.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Utterance {
    /// The fullest wording: the longest quotation, the first in source order among equals.
    pub canonical: QuoteId,
    /// Every quotation of it, the canonical first, then in source order.
    pub members: Vec<Member>,
}

impl Utterance {
    /// How many sources quote it.
    pub fn sources(&self) -> usize {
        let mut s: Vec<usize> = self.members.iter().map(|m| m.quote.0).collect();
        s.dedup();
        s.len()
    }
}

/// The same speaker quoted with different words in sentences that report the same thing: one
/// example pair per two utterances.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rewording {
    pub a: QuoteId,
    pub b: QuoteId,
    pub speaker: String,
}

/// The word changes from `a` (the fuller wording) to `b`; `b_elided` marks ellipses in `b`.
fn label(edits: &[Edit], na: usize, nb: usize, b_elided: &[bool]) -> Vec<WordChange> {
    edits
        .iter()
        .filter(|e| e.op != Op::Equal)
        .map(|e| {
            let at_edge = |r: &Range<usize>, n: usize| r.start == 0 || r.end == n;
            let change = match e.op {
                Op::Delete if at_edge(&e.a, na) => Change::Truncation,
                Op::Insert if at_edge(&e.b, nb) => Change::Truncation,
                Op::Delete => Change::Omission,
                Op::Insert => Change::Insertion,
                _ => Change::Substitution,
            };
            let marked = e.op == Op::Delete && b_elided.get(e.b.start).copied().unwrap_or(false);
            WordChange { change, a: e.a.clone(), b: e.b.clone(), marked }
        })
        .collect()
}

/// Distinct wordings: the folded words (up to `quote_max_words`) and the speaker key.
type Form = (Vec<String>, Option<String>);

/// A wording that joined an utterance: its form index, overlap and edits from the fullest wording.
type Joined = (usize, f64, Vec<Edit>);

/// Compares a fuller wording `a` with `b` (words and speaker key): `Some((overlap, edits))` when
/// they are the same utterance.
fn same_utterance<T: PartialEq>(
    a: (&[T], Option<&str>),
    b: (&[T], Option<&str>),
    cfg: &Config,
) -> Option<(f64, Vec<Edit>)> {
    let cap = cfg.quote_max_words;
    let edits = diff::diff(a.0, b.0, cap.saturating_mul(cap));
    let common = diff::common(&edits);
    let shorter = a.0.len().min(b.0.len());
    if shorter == 0 || common == 0 {
        return None;
    }
    let overlap = common as f64 / shorter as f64;
    let same_speaker = match (a.1, b.1) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    };
    let accepted = if shorter < 3 {
        // One or two words match too easily: all of them, and the same named speaker.
        common == shorter && same_speaker == Some(true)
    } else if same_speaker == Some(false) {
        // The same long wording given to two speakers is worth showing (a misattribution);
        // a short one is a common phrase.
        overlap >= cfg.quote_match_min.max(0.8) && shorter >= 5
    } else {
        overlap >= cfg.quote_match_min
    };
    accepted.then_some((overlap, edits))
}

/// Groups the quotations of all sources into utterances. Identical wordings by the same speaker
/// are grouped first (linear); then, from the longest wording down, each wording joins the
/// utterance whose fullest wording it matches best, or starts a new one. Candidates share a word
/// that few wordings use, as in the alignment stage.
pub(crate) fn utterances(quotes: &[Vec<Quote>], cfg: &Config) -> Vec<Utterance> {
    let mut by_form: WordMap<Form, Vec<QuoteId>> = WordMap::default();
    for (s, qs) in quotes.iter().enumerate() {
        for (k, q) in qs.iter().enumerate() {
            let words = q.folded[..q.folded.len().min(cfg.quote_max_words)].to_vec();
            by_form.entry((words, q.speaker.as_ref().map(|sp| sp.key.clone()))).or_default().push((s, k));
        }
    }
    let mut forms: Vec<(Form, Vec<QuoteId>)> = by_form.into_iter().collect();
    // Longest first; ties by content, so the order of the sources does not matter.
    forms.stable_sort_by(|(a, _), (b, _)| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));

    let mut df: WordMap<&str, u32> = WordMap::default();
    for ((words, _), _) in &forms {
        let mut seen: Vec<&str> = words.iter().map(String::as_str).collect();
        seen.stable_sort();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let max_df = ((cfg.index_max_df_share * forms.len() as f64).ceil() as u32).max(2);
    // Words as numbers, so the word diffs compare integers.
    let mut id_of: WordMap<&str, u32> = WordMap::default();
    let ids: Vec<Vec<u32>> = forms
        .iter()
        .map(|((words, _), _)| {
            words
                .iter()
                .map(|w| {
                    let next = id_of.len() as u32;
                    *id_of.entry(w.as_str()).or_insert(next)
                })
                .collect()
        })
        .collect();
    let sorted_ids: Vec<Vec<u32>> = ids
        .iter()
        .map(|v| {
            let mut v = v.clone();
            v.sort_ids();
            v
        })
        .collect();
    // The words a wording is indexed and looked up by: its rare words, or else its rarest.
    let keys = |words: &[String]| -> Vec<String> {
        let count = |w: &String| df.get(w.as_str()).copied().unwrap_or(0);
        let mut k: Vec<String> = words.iter().filter(|w| count(w) <= max_df).cloned().collect();
        if k.is_empty() {
            k.extend(words.iter().min_by_key(|w| (count(w), w.as_str())).cloned());
        }
        k.stable_sort();
        k.dedup();
        k
    };

    // Clusters: (form index of the fullest wording, members).
    let mut clusters: Vec<(usize, Vec<Joined>)> = Vec::new();
    let mut postings: WordMap<String, Vec<usize>> = WordMap::default();
    for (f, (form, _)) in forms.iter().enumerate() {
        let form_keys = keys(&form.0);
        // The utterances sharing most index words first, at most `quote_max_candidates` of them, so
        // a paste of thousands of similar quotations stays near-linear.
        let mut shared: WordMap<usize, usize> = WordMap::default();
        for c in form_keys.iter().filter_map(|w| postings.get(w)).flatten() {
            *shared.entry(*c).or_insert(0) += 1;
        }
        let mut cands: Vec<(usize, usize)> = shared.into_iter().collect();
        cands.stable_sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        cands.truncate(cfg.quote_max_candidates);
        let mut best: Option<(usize, f64, Vec<Edit>)> = None;
        for (c, _) in cands {
            let canonical = clusters[c].0;
            // Shared words, counted with repeats, bound the words shared in order: a cheap test
            // that skips the word diff of unrelated quotations.
            let bound = common_count(&sorted_ids[canonical], &sorted_ids[f]);
            let shorter = ids[canonical].len().min(ids[f].len()).max(1);
            if (bound as f64) < cfg.quote_match_min * shorter as f64 {
                continue;
            }
            let a = (ids[canonical].as_slice(), forms[canonical].0 .1.as_deref());
            if let Some((overlap, edits)) = same_utterance(a, (ids[f].as_slice(), form.1.as_deref()), cfg) {
                if best.as_ref().is_none_or(|(_, o, _)| overlap > *o) {
                    best = Some((c, overlap, edits));
                }
            }
        }
        match best {
            Some((c, overlap, edits)) => clusters[c].1.push((f, overlap, edits)),
            None => {
                let n = form.0.len();
                clusters.push((f, vec![(f, 1.0, vec![Edit { op: Op::Equal, a: 0..n, b: 0..n }])]));
                // A word's list stops growing at the document-frequency cap: it no longer tells
                // utterances apart.
                for w in form_keys {
                    let list = postings.entry(w).or_default();
                    if list.len() < max_df as usize {
                        list.push(clusters.len() - 1);
                    }
                }
            }
        }
    }

    let mut out: Vec<Utterance> = clusters
        .into_iter()
        .map(|(canonical_form, members)| {
            let na = forms[canonical_form].0 .0.len();
            let mut list: Vec<Member> = Vec::new();
            for (f, overlap, edits) in members {
                let nb = forms[f].0 .0.len();
                for &id in &forms[f].1 {
                    let elided = quotes[id.0][id.1].elided.as_slice();
                    list.push(Member { quote: id, overlap, changes: label(&edits, na, nb, elided) });
                }
            }
            list.stable_sort_by_key(|m| m.quote);
            let canonical = forms[canonical_form].1.iter().copied().min().unwrap_or((0, 0));
            if let Some(pos) = list.iter().position(|m| m.quote == canonical) {
                let first = list.remove(pos);
                list.insert(0, first);
            }
            Utterance { canonical, members: list }
        })
        .collect();
    out.stable_sort_by_key(|u| u.canonical);
    out
}

/// Quotations of the same named speaker, in related sentences of two sources, that belong to
/// different utterances, neither of which the other source quotes: one example per pair of
/// utterances and pair of sources (the first quotations of each source; at most
/// `quote_max_candidates` quotations of a related sentence are looked at). `related(s, i)` lists
/// the sentences `(t, j)` of other sources that report what sentence `i` of source `s` reports.
pub(crate) fn rewordings(
    quotes: &[Vec<Quote>],
    utterances: &[Utterance],
    related: impl Fn(usize, usize) -> Vec<(usize, usize)>,
    cfg: &Config,
) -> Vec<Rewording> {
    let mut utterance_of: WordMap<QuoteId, usize> = WordMap::default();
    for (u, utt) in utterances.iter().enumerate() {
        for m in &utt.members {
            utterance_of.insert(m.quote, u);
        }
    }
    let quoted_by =
        |u: usize, source: usize| utterances.get(u).is_some_and(|x| x.members.iter().any(|m| m.quote.0 == source));
    let mut at: WordMap<(usize, usize), Vec<usize>> = WordMap::default();
    for (s, qs) in quotes.iter().enumerate() {
        for (k, q) in qs.iter().enumerate() {
            for i in q.sentences.clone() {
                at.entry((s, i)).or_default().push(k);
            }
        }
    }
    let mut seen: WordSet<(usize, usize, usize, usize)> = WordSet::default();
    let mut out: Vec<Rewording> = Vec::new();
    for (s, qs) in quotes.iter().enumerate() {
        for (k, q) in qs.iter().enumerate() {
            let (Some(sp), Some(&u)) = (&q.speaker, utterance_of.get(&(s, k))) else { continue };
            let mut partners: Vec<(usize, usize)> = q.sentences.clone().flat_map(|i| related(s, i)).collect();
            partners.stable_sort();
            partners.dedup();
            for (t, j) in partners {
                if t <= s {
                    continue;
                }
                let here = at.get(&(t, j)).map(Vec::as_slice).unwrap_or(&[]);
                for &r in here.iter().take(cfg.quote_max_candidates) {
                    let same_speaker = quotes[t][r].speaker.as_ref().is_some_and(|o| o.key == sp.key);
                    let Some(&v) = utterance_of.get(&(t, r)) else { continue };
                    // Each source words it its own way: neither quotes the other's wording.
                    let distinct = u != v && !quoted_by(u, t) && !quoted_by(v, s);
                    if same_speaker && distinct && seen.insert((u.min(v), u.max(v), s, t)) {
                        out.push(Rewording { a: (s, k), b: (t, r), speaker: sp.name.clone() });
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Report

/// Byte range covering words `r` of a quotation (empty, at the place, when `r` is empty).
fn words_span(q: &Quote, r: &Range<usize>) -> Range<usize> {
    match (q.words.get(r.start), r.end.checked_sub(1).and_then(|e| q.words.get(e))) {
        (Some(first), Some(last)) if r.start < r.end => first.start..last.end,
        _ => {
            let at = q.words.get(r.start).map_or(q.inner.end, |w| w.start);
            at..at
        }
    }
}

/// The report: each source's quotations, and the utterances quoted by two sources or more.
pub(crate) fn report(
    quotes: &[Vec<Quote>],
    utterances: &[Utterance],
    rewordings: &[Rewording],
    idx: &[Utf16Index],
) -> (Vec<Vec<QuoteReport>>, Vec<UtteranceReport>, Vec<RewordingReport>) {
    let shared: Vec<&Utterance> = utterances.iter().filter(|u| u.sources() >= 2).collect();
    let mut reported: WordMap<QuoteId, usize> = WordMap::default();
    for (n, u) in shared.iter().enumerate() {
        for m in &u.members {
            reported.insert(m.quote, n);
        }
    }
    let per_source = quotes
        .iter()
        .enumerate()
        .map(|(s, qs)| {
            qs.iter()
                .enumerate()
                .map(|(k, q)| QuoteReport {
                    span: idx[s].span(&q.span),
                    inner: idx[s].span(&q.inner),
                    sentence: q.sentences.start,
                    speaker: q.speaker.as_ref().map(|sp| SpeakerReport {
                        name: sp.name.clone(),
                        key: sp.key.clone(),
                        span: idx[s].span(&sp.span),
                        via_pronoun: sp.via_pronoun,
                    }),
                    utterance: reported.get(&(s, k)).copied(),
                    single_source: !reported.contains_key(&(s, k)),
                })
                .collect()
        })
        .collect();
    let quote_ref = |(source, quote): QuoteId| QuoteRef { source, quote };
    let utterance_reports = shared
        .iter()
        .map(|u| {
            let canonical = &quotes[u.canonical.0][u.canonical.1];
            UtteranceReport {
                canonical: quote_ref(u.canonical),
                speaker: canonical.speaker.as_ref().map(|sp| sp.name.clone()),
                sources: u.sources(),
                members: u
                    .members
                    .iter()
                    .map(|m| {
                        let q = &quotes[m.quote.0][m.quote.1];
                        UtteranceMember {
                            quote: quote_ref(m.quote),
                            overlap: Score::new(m.overlap),
                            changes: m
                                .changes
                                .iter()
                                .map(|c| WordChangeReport {
                                    change: c.change,
                                    canonical: idx[u.canonical.0].span(&words_span(canonical, &c.a)),
                                    quote: idx[m.quote.0].span(&words_span(q, &c.b)),
                                    marked: c.marked,
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let reword_reports = rewordings
        .iter()
        .map(|r| RewordingReport { a: quote_ref(r.a), b: quote_ref(r.b), speaker: r.speaker.clone() })
        .collect();
    (per_source, utterance_reports, reword_reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_are_stripped_as_strip_suffix_did() {
        for w in ["", "'", "s", "'s", "''s", "s'", "dean's", "deans'", "deans", "é's", "é'", "'é", "ss"] {
            let reference = w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')).unwrap_or(w);
            assert_eq!(strip_possessive(w), reference, "{w:?}");
        }
    }

    fn quotes_of(text: &str) -> Vec<Quote> {
        let lang = crate::tokenize::detect_language(text);
        let blocks = crate::boilerplate::lines(text);
        let sentences: Vec<Range<usize>> =
            blocks.iter().flat_map(|b| crate::sentences::split(text, b.clone(), lang)).collect();
        let corpus = Corpus::of_sources(&[text], std::slice::from_ref(&sentences), &[lang]);
        extract(text, lang, &blocks, &sentences, &SourceWords { corpus: &corpus, first: 0 }, &Config::default())
    }

    /// One line per case: the text, then each quotation found (its words, without the marks and
    /// the punctuation around them) with the key of its speaker ("" when none is found).
    const CASES: &[(&str, &[(&str, &str)])] = &[
        // English: straight and curly quotes, speaker after or before, inverted order.
        ("\"We will win this war,\" said Olaf Scholz.", &[("We will win this war", "scholz")]),
        ("“We will win this war,” Scholz said.", &[("We will win this war", "scholz")]),
        ("Olaf Scholz said: “We will win this war.”", &[("We will win this war", "scholz")]),
        ("Olaf Scholz told reporters, “We will win this war.”", &[("We will win this war", "scholz")]),
        ("\"We're going to get it done,\" Donald Trump said.", &[("We're going to get it done", "trump")]),
        ("Donald Trump expressed optimism, stating, “We’re going to get it done.”", &[("We’re going to get it done", "trump")]),
        ("Speaking to reporters on Sunday, Donald Trump said: “It will be done.”", &[("It will be done", "trump")]),
        // Pronouns refer back to the last person named before them.
        ("Olaf Scholz spoke in Berlin. “We will win this war,” he said.", &[("We will win this war", "scholz")]),
        ("Donald Trump met aides. He said he would call Vladimir Putin “very soon”.", &[("very soon", "trump")]),
        ("Volodymyr Zelensky backed it. He stated that Europe must be involved and wrote on X: “Ukraine is not afraid.”", &[("Ukraine is not afraid", "zelensky")]),
        ("Angela Merkel left early. She said: “We have done our part here.”", &[("We have done our part here", "merkel")]),
        // According to, agents, speech nouns, headline colons.
        ("According to Olaf Scholz, “the talks went well.”", &[("the talks went well", "scholz")]),
        ("“The talks went well,” according to Kremlin aide Yuri Ushakov.", &[("The talks went well", "ushakov")]),
        ("The plan was described by Olaf Scholz as “a good first step.”", &[("a good first step", "scholz")]),
        ("Donald Trump spoke. Trump’s statement that there is a “good chance” of a deal surprised many.", &[("good chance", "trump")]),
        ("Olaf Scholz: ‘We will never give up’", &[("We will never give up", "scholz")]),
        ("The Kremlin described the talks as “constructive,” and said both sides exchanged “signals.”", &[("constructive", "kremlin"), ("signals", "kremlin")]),
        // Two quotations, two speakers.
        ("“We want peace,” Olaf Scholz said, but Emmanuel Macron replied: “So do we all.”", &[("We want peace", "scholz"), ("So do we all", "macron")]),
        // A quotation alone in the next sentence continues the speaker's words.
        ("“Any talks must include Ukraine,” said Olaf Scholz. “Their sovereignty is not negotiable.”", &[("Any talks must include Ukraine", "scholz"), ("Their sovereignty is not negotiable", "scholz")]),
        // Quotations over several sentences, nested quotations, ellipses.
        ("“We had good talks. We will meet again,” Olaf Scholz said.", &[("We had good talks. We will meet again", "scholz")]),
        ("Olaf Scholz said: “They told me ‘never again’ and I believed them.”", &[("They told me ‘never again’ and I believed them", "scholz")]),
        ("Olaf Scholz said: “We will win … and we will rebuild.”", &[("We will win … and we will rebuild", "scholz")]),
        ("Olaf Scholz said: “We will win...”", &[("We will win", "scholz")]),
        ("Olaf Scholz said the deal was ‘a historic moment for Europe’.", &[("a historic moment for Europe", "scholz")]),
        ("Olaf Scholz called it 'a historic moment for Europe' today.", &[("a historic moment for Europe", "scholz")]),
        // Not speech: scare quotes, a passive subject, apostrophes, inches, unclosed marks.
        ("The so-called “peace plan” was rejected.", &[]),
        ("The meeting was called “a disaster” by critics.", &[]),
        ("The summit was described as “extremely productive” by both sides.", &[]),
        ("Trump's aides don't expect a '90s-style deal from the students' union.", &[]),
        ("He is 6'2\" tall and Olaf Scholz said \"we will see about that\".", &[("we will see about that", "scholz")]),
        ("An opening “mark that never closes in this block at all.", &[]),
        ("“This is the end of an era” read the banner above the square.", &[("This is the end of an era", "")]),
        // German, French, Spanish, Scandinavian, Polish, Italian, Russian marks and verbs.
        ("Olaf Scholz sagte: „Wir werden diesen Krieg beenden.“", &[("Wir werden diesen Krieg beenden", "scholz")]),
        ("„Wir werden diesen Krieg beenden“, sagte Olaf Scholz.", &[("Wir werden diesen Krieg beenden", "scholz")]),
        ("Olaf Scholz sagte: »Wir werden diesen Krieg beenden.«", &[("Wir werden diesen Krieg beenden", "scholz")]),
        ("« Nous ne céderons pas », a déclaré Emmanuel Macron.", &[("Nous ne céderons pas", "macron")]),
        ("Emmanuel Macron a déclaré : « Nous ne céderons pas. »", &[("Nous ne céderons pas", "macron")]),
        ("Emmanuel Macron a déclaré : « Il m’a dit “jamais” et je l’ai cru. »", &[("Il m’a dit “jamais” et je l’ai cru", "macron")]),
        ("«No vamos a rendirnos», dijo Pedro Sánchez.", &[("No vamos a rendirnos", "sánchez")]),
        ("Pedro Sánchez dijo: “No vamos a rendirnos.”", &[("No vamos a rendirnos", "sánchez")]),
        ("”Vi ska vinna det här kriget”, sa Ulf Kristersson.", &[("Vi ska vinna det här kriget", "kristersson")]),
        ("»Vi vil vinde denne krig«, siger Mette Frederiksen.", &[("Vi vil vinde denne krig", "frederiksen")]),
        ("„Nie poddamy się”, powiedział Donald Tusk.", &[("Nie poddamy się", "tusk")]),
        ("«Non ci arrenderemo», ha detto Giorgia Meloni.", &[("Non ci arrenderemo", "meloni")]),
        ("«Мы не сдадимся», — заявил Дмитрий Песков.", &[("Мы не сдадимся", "песков")]),
        ("Die Regierung sprach von ‚guten Gesprächen‘ mit allen Seiten in Berlin.", &[("guten Gesprächen", "regierung")]),
        // Japanese and Chinese corner brackets: found even without spaces between words.
        ("岸田首相は「戦争を終わらせる時が来た」と述べた。", &[("戦争を終わらせる時が来た", "")]),
        ("他说：『我们需要和平与对话』。", &[("我们需要和平与对话", "")]),
    ];

    #[test]
    fn quote_extraction_and_attribution_table() {
        let mut failures = Vec::new();
        for (text, expected) in CASES {
            let got: Vec<(String, String)> = quotes_of(text)
                .iter()
                .map(|q| {
                    let inner = text[q.inner.clone()].trim_matches(|c: char| !c.is_alphanumeric());
                    (inner.to_string(), q.speaker.as_ref().map(|s| s.key.clone()).unwrap_or_default())
                })
                .collect();
            let want: Vec<(String, String)> = expected.iter().map(|(q, s)| (q.to_string(), s.to_string())).collect();
            if got != want {
                failures.push(format!("{text}\n    got  {got:?}\n    want {want:?}"));
            }
        }
        assert!(CASES.len() >= 40);
        assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
    }

    #[test]
    fn multi_paragraph_quotation_runs_to_the_end_of_its_paragraph() {
        let text = "Olaf Scholz said: “We will not give up on this country.\n“We will rebuild it together,” he added.";
        let q = quotes_of(text);
        assert_eq!(q.len(), 2);
        assert_eq!(&text[q[0].inner.clone()], "We will not give up on this country.");
        assert_eq!(q[1].speaker.as_ref().map(|s| s.key.as_str()), Some("scholz"));
        assert!(q[1].speaker.as_ref().is_some_and(|s| s.via_pronoun));
    }

    #[test]
    fn ellipses_are_remembered_as_gaps() {
        let text = "Olaf Scholz said: “We will win … and we will rebuild.”";
        let q = &quotes_of(text)[0];
        assert_eq!(q.folded, ["we", "will", "win", "and", "we", "will", "rebuild"]);
        assert_eq!(q.elided.iter().position(|&e| e), Some(3));
    }

    fn form(text: &str, speaker: &str) -> Form {
        let words = words_in(text, 0..text.len()).map(|w| fold(&text[w])).collect();
        (words, (!speaker.is_empty()).then(|| speaker.to_string()))
    }

    #[test]
    fn word_changes_are_labelled() {
        let cfg = Config::default();
        let changes = |a: &str, b: &str| -> Option<Vec<Change>> {
            let (fa, fb) = (form(a, "x"), form(b, "x"));
            same_utterance((&fa.0, fa.1.as_deref()), (&fb.0, fb.1.as_deref()), &cfg)
                .map(|(_, e)| label(&e, fa.0.len(), fb.0.len(), &[]).iter().map(|c| c.change).collect())
        };
        assert_eq!(changes("very soon over the next couple of days", "very soon"), Some(vec![Change::Truncation]));
        assert_eq!(changes("we will win this war", "we will win this war"), Some(vec![]));
        assert_eq!(
            changes("we will win this war together", "we will end this war together"),
            Some(vec![Change::Substitution])
        );
        assert_eq!(changes("we will win this long war", "we will win this war"), Some(vec![Change::Omission]));
        assert_eq!(changes("we will win this war", "we will surely win this war"), Some(vec![Change::Insertion]));
        assert_eq!(changes("the weather is nice today", "prices rose sharply in march"), None);
        // Two words match only in full and with the same named speaker.
        let same = |a: &Form, b: &Form| same_utterance((&a.0, a.1.as_deref()), (&b.0, b.1.as_deref()), &cfg);
        assert!(same(&form("very soon", "a"), &form("very soon", "b")).is_none());
        assert!(same(&form("very soon", ""), &form("very soon", "a")).is_none());
    }

    #[test]
    fn utterances_group_wordings_whatever_the_source_order() {
        let cfg = Config::default();
        let texts = [
            "Olaf Scholz said: “We will win this war together, and soon.”",
            "“We will win this war,” said Olaf Scholz.",
            "Olaf Scholz said: “We will win this war together, and soon.”",
            "Emmanuel Macron said: “Prices rose sharply in March of this year.”",
        ];
        let group = |order: &[usize]| -> Vec<Vec<usize>> {
            let quotes: Vec<Vec<Quote>> = order.iter().map(|&i| quotes_of(texts[i])).collect();
            let mut groups: Vec<Vec<usize>> = utterances(&quotes, &cfg)
                .iter()
                .map(|u| {
                    let mut g: Vec<usize> = u.members.iter().map(|m| order[m.quote.0]).collect();
                    g.sort_unstable();
                    g
                })
                .collect();
            groups.stable_sort();
            groups
        };
        assert_eq!(group(&[0, 1, 2, 3]), vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(group(&[3, 2, 1, 0]), group(&[0, 1, 2, 3]));
        let quotes: Vec<Vec<Quote>> = texts.iter().map(|t| quotes_of(t)).collect();
        let u = &utterances(&quotes, &cfg)[0];
        assert_eq!(u.canonical, (0, 0));
        assert_eq!(u.sources(), 3);
        let truncated = u.members.iter().find(|m| m.quote == (1, 0)).map(|m| m.changes.clone()).unwrap_or_default();
        assert_eq!(truncated.len(), 1);
        assert_eq!(truncated[0].change, Change::Truncation);
    }

    // proptest is a native-only dev-dependency; the unit tests are also compiled for wasm32.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn extraction_never_panics_and_spans_stay_inside(text in "[a-zA-Z .,:;…'\"“”„«»‹›‘’‚「」\n]{0,200}") {
            let quotes = quotes_of(&text);
            for q in &quotes {
                proptest::prop_assert!(q.span.start <= q.inner.start && q.inner.end <= q.span.end);
                proptest::prop_assert!(text.get(q.span.clone()).is_some() && text.get(q.inner.clone()).is_some());
                proptest::prop_assert_eq!(q.elided.len(), q.words.len() + 1);
            }
        }
    }

    #[test]
    fn long_lines_of_stray_marks_stay_linear() {
        // Unbalanced marks on one long line: each block is rescanned a bounded number of times.
        let text = "\u{201C}word \"other ".repeat(15_000);
        assert!(quotes_of(&text).is_empty());
        // Thousands of quotations in one sentence-less line: attribution looks at a bounded window.
        let many = "Olaf Scholz said: \u{201C}We will win this war\u{201D} and ".repeat(3_000);
        let q = quotes_of(&many);
        assert_eq!(q.len(), 3_000);
        assert!(q.iter().all(|q| q.speaker.as_ref().is_some_and(|s| s.key == "scholz")));
    }
}
