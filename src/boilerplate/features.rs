//! What text alone says about one block: its words, punctuation, links and known phrases.

use std::ops::Range;

use super::phrases::{self, Concept};
use crate::bytes8::{ascii_letters, at_least, HIGH, NATIVE, ONES};
use crate::lexicon::{self, FunctionWords};
use crate::tokenize::{fold_append, is_letter, words_into, Lang, WordBuffers};

/// The measurements of one block (one line of the paste).
#[derive(Clone, Debug)]
pub(crate) struct Features {
    pub span: Range<usize>,
    /// Folded words joined by single spaces: the block's identity for phrases and repetition.
    pub key: String,
    pub words: usize,
    /// Words that start with a capital letter or a digit.
    pub capitalized: usize,
    /// Function words: known stopwords, or short lowercase words (a stand-in that works across
    /// languages written with cases: "de", "la", "und", "и").
    pub function: usize,
    /// Ends with sentence punctuation (possibly followed by a closing quote or bracket).
    pub sentence_end: bool,
    /// Sentence-ending punctuation followed by a space inside the block: more than one sentence.
    pub inner_stops: usize,
    /// URLs, e-mail addresses, @handles and #hashtags.
    pub links: usize,
    /// Separators of link lists: `|`, `•`, `·`, `»`, `›`.
    pub separators: usize,
    /// Digits among the characters.
    pub digits: usize,
    /// Letters among the characters.
    pub letters: usize,
    /// The whole block is a known phrase (or known chrome phrases run together).
    pub whole: Option<Concept>,
    /// The block starts with a known prefix pattern.
    pub prefix: Option<Concept>,
    /// Words in that prefix: "we use cookies …" says more than "photo …".
    pub prefix_words: usize,
    /// Starts with a copyright sign or says "all rights reserved".
    pub copyright: bool,
    /// Ends with a photo credit: the part after the last full stop, opening bracket or bar is a
    /// few words that start with a credit ("AP Photo/…") or end with one ("…/Getty", "Reuters").
    pub credit_tail: bool,
    /// A comment's header: a name and a comment verb before a colon ("jane says:").
    pub comment_header: bool,
    /// Holds a year from 1900 to 2099 (four digits alone).
    pub year: bool,
    /// Holds a clock time ("9:15", "14:05").
    pub clock: bool,
    /// A short block with a number and a relative-time word ("3 hours ago", "vor 2 Tagen").
    pub relative_time: bool,
}

/// Smileys: the Unicode block of emoticons, the faces of the supplemental symbols and
/// pictographs, and the two faces of the miscellaneous symbols (☹ ☺).
fn is_smiley(c: char) -> bool {
    matches!(c, '\u{1F600}'..='\u{1F64F}' | '\u{1F910}'..='\u{1F92F}' | '\u{1F970}'..='\u{1F97A}' | '\u{2639}' | '\u{263A}')
}

impl Features {
    /// Share of the words that are function words.
    pub fn function_share(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.function as f64 / self.words as f64
        }
    }
}

fn is_function_word(word: &str, folded: &str, stopwords: FunctionWords) -> bool {
    // The cheap test first: most function words of running text are short and lowercase; then
    // the list (natively behind a filter of word shapes, `lexicon::FunctionWords`).
    is_short_lowercase(word) || stopwords.contains(folded)
}

/// [`is_short_lowercase`] for a word whose first bytes are ASCII (four of them are four
/// characters; up to three are as many); `None` when a byte outside ASCII comes first.
#[inline(always)]
fn short_lowercase_ascii(bytes: &[u8]) -> Option<bool> {
    match *bytes {
        [a, b, c, d, ..] if (a | b | c | d) < 0x80 => Some(false),
        [a] if a < 0x80 => Some(a.is_ascii_lowercase()),
        [a, b] if (a | b) < 0x80 => Some(a.is_ascii_lowercase() && b.is_ascii_lowercase()),
        [a, b, c] if (a | b | c) < 0x80 => {
            Some(a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase())
        }
        _ => None,
    }
}

/// One to three characters, all lowercase letters.
fn is_short_lowercase(word: &str) -> bool {
    // Most words decide by their ASCII bytes: four of them are four characters, and up to three
    // are as many characters, lowercase when each is a lowercase letter (in the WebAssembly too
    // since the seventh round of issue 9: with the ASCII lane below, 7-9 % of stripping in Chromium
    // for 0.4 KB gzipped, DESIGN.md).
    if let Some(answer) = short_lowercase_ascii(word.as_bytes()) {
        return answer;
    }
    let mut n = 0;
    for c in word.chars() {
        if !c.is_lowercase() {
            return false;
        }
        n += 1;
        if n > 3 {
            return false;
        }
    }
    n > 0
}

/// Room that measuring reuses from one line to the next: a paste has hundreds of lines, and
/// allocating the word list, its tokens and the folded word anew for each was a tenth of the
/// time of stripping.
#[derive(Default)]
pub(crate) struct Scratch {
    words: WordBuffers,
    /// The function words of the language last asked for: one paste is one language, and
    /// looking them up for every line was 0.5 % of the time of stripping.
    stopwords: Option<(Lang, FunctionWords)>,
}

/// Measures `span` of `text`, written in `lang`.
#[cfg(test)]
pub(crate) fn measure(text: &str, span: Range<usize>, lang: Lang) -> Features {
    measure_with(text, span, lang, &mut Scratch::default())
}

/// Measures `span` of `text`, written in `lang`, with room reused across calls.
pub(crate) fn measure_with(text: &str, span: Range<usize>, lang: Lang, scratch: &mut Scratch) -> Features {
    let line = &text[span.clone()];
    let mut key = String::with_capacity(line.len());
    let (mut words, mut capitalized, mut function) = (0, 0, 0);
    // How far the words so far spell "all rights reserved" (0 to 3), checked word by word
    // instead of searching every key for the phrase.
    let mut reserved = 0;
    let Scan { links, separators, digits, letters, inner_stops, tail, wide, breaks } = scan::<NATIVE>(line);
    // Where the line's last part starts, and where that part's words start in the key.
    let tail_start = span.start + tail;
    let mut tail_key = None;
    // Looked up once per paste rather than once per line or word.
    let stopwords = match scratch.stopwords {
        Some((l, words)) if l == lang => words,
        _ => {
            let words = lexicon::function_words(lang);
            scratch.stopwords = Some((lang, words));
            words
        }
    };
    // The words of an ASCII line without line breaks come off the tokenizer's ASCII lane, and
    // UAX #29 joins no word across a hyphen-minus: they are ASCII without hyphens, which folding
    // only lowercases, done here in bulk (a property test compares the keys with `fold`). The
    // WebAssembly takes the ASCII lane and this shortcut too (not the pieces of lines with other
    // characters): they took 7-9 % off stripping in Chromium for 0.4 KB gzipped (DESIGN.md).
    let plain = !wide && !breaks;
    for w in words_into(text, span.clone(), !wide, breaks, &mut scratch.words) {
        if tail_key.is_none() && w.start >= tail_start {
            tail_key = Some((key.len() + usize::from(!key.is_empty()), words));
        }
        let word = &text[w.clone()];
        // Folded straight into the key: the folded word is the key's last part.
        if !key.is_empty() {
            key.push(' ');
        }
        let at = key.len();
        if plain {
            key.push_str(word);
            key[at..].make_ascii_lowercase();
        } else {
            fold_append(word, &mut key);
        }
        let folded = &key[at..];
        reserved = match (reserved, folded) {
            (3, _) => 3,
            (1, "rights") => 2,
            (2, "reserved") => 3,
            (_, "all") => 1,
            _ => 0,
        };
        words += 1;
        // A first byte in ASCII decides without decoding a character (at opt-level "z" the
        // WebAssembly calls out for the decoding and both property lookups, for every word).
        let capital = match word.as_bytes().first() {
            Some(&b) if b < 0x80 => b.is_ascii_uppercase() || b.is_ascii_digit(),
            _ => word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        };
        if capital {
            capitalized += 1;
        }
        if is_function_word(word, folded, stopwords) {
            function += 1;
        }
    }
    // Invisible format characters after the full stop (a bidi pop closing a right-to-left
    // paragraph, a zero-width space) do not hide the sentence end.
    let trimmed = trim_closers(line);
    // A sentence may end with a smiley instead of a full stop ("…and I liked it 😉"): informal
    // posts end their paragraphs so. Other pictographs do not: a camera or a heart after a
    // headline or a menu item marks what it links to. (A line that ends in ASCII is not decoded.)
    let sentence_end = match trimmed.as_bytes().last() {
        Some(&b) if b < 0x80 => matches!(b, b'.' | b'!' | b'?' | b':' | b';'),
        Some(_) => {
            trimmed.ends_with(['…', '。', '！', '？', '؟', '।'])
                || trimmed.trim_end_matches('\u{fe0f}').ends_with(is_smiley)
        }
        None => false,
    };
    let starts_with = |p: &str| line.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    // Only a line that starts with '©' (0xC2 0xA9), '(' or a 'c' is compared with the starts.
    let copyright = reserved == 3
        || match line.as_bytes().first() {
            Some(0xC2) => line.starts_with('©'),
            Some(b'(') => starts_with("(c) "),
            Some(b'c' | b'C') => starts_with("copyright"),
            _ => false,
        };
    let whole = phrases::whole(&key);
    let (prefix, prefix_words) = match whole.is_none().then(|| phrases::prefix(&key)).flatten() {
        Some((c, n)) => (Some(c), n),
        None => (None, 0),
    };
    let credit_tail = tail_key.is_some_and(|(at, before)| {
        tail_start > span.start
            && words - before <= CREDIT_TAIL_MAX_WORDS
            && phrases::is_credit(&key[at.min(key.len())..])
    });
    let comment_header = words <= 8 && trimmed.ends_with(':') && phrases::ends_with_comment_verb(&key);
    let (year, clock) = if digits >= 3 { year_and_clock(line) } else { (false, false) };
    let relative_time = words <= RELATIVE_TIME_MAX_WORDS && digits > 0 && phrases::has_relative_time(&key);
    Features {
        year,
        clock,
        relative_time,
        comment_header,
        span,
        key,
        words,
        capitalized,
        function,
        sentence_end,
        inner_stops,
        links,
        separators,
        digits,
        letters,
        whole,
        prefix,
        prefix_words,
        copyright,
        credit_tail,
    }
}

/// Whether `c` closes a sentence's end without ending it: closing quotes and brackets, an
/// asterisk, white space, and invisible format characters (a bidi pop closing a right-to-left
/// paragraph, a zero-width space).
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*') || c.is_whitespace() || crate::tokenize::is_invisible(c)
}

/// `line` without the closers ([`is_closer`]) at its end. The ASCII ones are taken off byte by
/// byte; characters are decoded only from a byte outside ASCII on (the WebAssembly, optimised for
/// size, calls out for each character decoded from the end). A test compares it with
/// `trim_end_matches(is_closer)`.
#[inline(always)]
fn trim_closers(line: &str) -> &str {
    let bytes = line.as_bytes();
    let mut end = bytes.len();
    while end > 0 {
        match bytes[end - 1] {
            // The ASCII characters `is_closer` takes (Unicode's white space in ASCII is tab to
            // carriage return, and the space).
            b'"' | b'\'' | b')' | b']' | b'*' | b'\t'..=b'\r' | b' ' => end -= 1,
            b if b < 0x80 => break,
            _ => return line[..end].trim_end_matches(is_closer),
        }
    }
    &line[..end]
}

/// What the byte loop of [`measure_with`] finds in a line (see [`Features`] for the counts).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Scan {
    links: usize,
    separators: usize,
    digits: usize,
    letters: usize,
    inner_stops: usize,
    /// Where the line's last part starts: after its last full stop followed by a space, opening
    /// bracket or bar; 0 when it has none.
    tail: usize,
    /// Whether the line has a character outside ASCII.
    wide: bool,
    /// Whether the line has a line break (a paragraph wrapped by hard line breaks).
    breaks: bool,
}

/// The byte loop of [`measure_with`]; `CHUNKS` reads runs of plain ASCII eight bytes at a time
/// (natively; the test compares the two ways).
#[inline(always)]
fn scan<const CHUNKS: bool>(line: &str) -> Scan {
    let (mut links, mut separators, mut digits, mut letters, mut inner_stops) = (0, 0, 0, 0, 0);
    let mut tail = 0;
    let bytes = line.as_bytes();
    // Byte by byte, decoding only the characters outside ASCII: the WebAssembly build is
    // optimised for size and does not inline a `chars()` iterator, which made this loop the
    // costliest part of stripping in the browser.
    // The ASCII letters (low half) and digits (high half) counted in one sum (a line would need
    // four billion letters to carry into the digits).
    let mut ascii_counts = 0u64;
    // Whether the line has a character outside ASCII or a line break (a paragraph wrapped by
    // hard line breaks): the tokenizer reads other lines by a shortcut, natively.
    let (mut wide, mut breaks) = (false, false);
    let mut i = 0;
    // Up to where the bytes are read one by one because a block of eight there needs it.
    let mut bytewise_until = 0;
    while i < bytes.len() {
        // Eight bytes at a time where none needs a closer look (most of running text): only
        // letters and digits to count.
        if CHUNKS && i >= bytewise_until {
            match bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                Some(chunk) => match plain_counts(u64::from_le_bytes(chunk)) {
                    Some(counts) => {
                        ascii_counts += counts;
                        i += 8;
                        continue;
                    }
                    None => bytewise_until = i + 8,
                },
                None => bytewise_until = bytes.len(),
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            // Letters and digits are counted from a table, without a branch per byte; the few
            // bytes that need a closer look are marked in it.
            let kind = ASCII_KINDS[usize::from(b)];
            ascii_counts += kind & COUNTS;
            if kind & CLOSER_LOOK != 0 {
                match b {
                    b'|' => separators += 1,
                    // At the line's start or after whitespace (the character before is looked
                    // up here rather than remembered at every byte).
                    b'@' | b'#' if line[..i - 1].chars().next_back().is_none_or(char::is_whitespace) => links += 1,
                    // "http://", "https://" and "www." found at their last character.
                    b'/' if bytes[..i - 1].ends_with(b"http:/") || bytes[..i - 1].ends_with(b"https:/") => links += 1,
                    b'.' if bytes[..i - 1].ends_with(b"www") => links += 1,
                    b'\n' | b'\r' => breaks = true,
                    _ => {}
                }
                // A full stop, exclamation or question mark followed by a space.
                if matches!(b, b'.' | b'!' | b'?') && bytes.get(i) == Some(&b' ') {
                    inner_stops += 1;
                }
                if (matches!(b, b'(' | b'|') && i < bytes.len()) || (b == b'.' && bytes.get(i) == Some(&b' ')) {
                    tail = i;
                }
            }
        } else {
            wide = true;
            let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else { break };
            i += c.len_utf8();
            if matches!(c, '•' | '·' | '»' | '›') {
                separators += 1;
            } else if let Some(letter) = is_letter(c) {
                // The common scripts without Unicode property lookups.
                if letter {
                    letters += 1;
                } else {
                    digits += 1;
                }
            } else if GENERAL_PUNCTUATION.contains(&c) {
                // Curly quotes, dashes and spaces of typeset text, common in pastes: no letters
                // or digits there (a test checks), so no property lookups either.
            } else if c.is_numeric() {
                digits += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            }
        }
    }
    letters += (ascii_counts & u64::from(u32::MAX)) as usize;
    digits += (ascii_counts >> 32) as usize;
    Scan { links, separators, digits, letters, inner_stops, tail, wide, breaks }
}

/// The letters and digits of eight bytes as [`ASCII_KINDS`] counts them (letters plus digits
/// times [`DIGIT`]), when the bytes are all ASCII and none is one the loop of [`scan`] looks at
/// more closely; `None` otherwise (the loop then reads the eight bytes one by one: sending it
/// only up to the first such byte and trying eight again after it cost more). A few more bytes
/// than those are sent to the loop (every control character, the double quote), which only
/// costs time.
#[inline(always)]
fn plain_counts(x: u64) -> Option<u64> {
    if x & HIGH != 0 {
        return None;
    }
    let eq = |c: u8| !at_least(x ^ (ONES * u64::from(c)), 1) & HIGH;
    let between = |lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1);
    // Line breaks among the control characters, `!` to `#`, `(`, `.` and `/`, `?` and `@`, `|`.
    let closer = (!at_least(x, 0x20) & HIGH)
        | between(b'!', b'#')
        | eq(b'(')
        | between(b'.', b'/')
        | between(b'?', b'@')
        | eq(b'|');
    if closer != 0 {
        return None;
    }
    // Letters in either case: setting 0x20 makes capitals lowercase and no other byte a letter.
    let letters = ascii_letters(x);
    let digits = between(b'0', b'9');
    // A letter's bit at the bottom of its byte, a digit's at bit 4; one multiplication adds the
    // bytes into the top one (at most 8 + 16 × 8 = 136, so nothing carries out of it).
    let sum = ((letters >> 7) | (digits >> 3)).wrapping_mul(ONES) >> 56;
    Some((sum & 0xF) * LETTER + (sum >> 4) * DIGIT)
}

/// Bits of [`ASCII_KINDS`]: a letter adds one to the low half of a sum, a digit one to the high
/// half (so one addition counts both), and the top bit marks a byte to look at more closely.
const LETTER: u64 = 1;
const DIGIT: u64 = 1 << 32;
const CLOSER_LOOK: u64 = 1 << 63;
const COUNTS: u64 = LETTER | DIGIT;

/// What the feature loop of [`measure_with`] needs to know of each ASCII byte: a letter, a
/// digit, or one of the bytes it looks at more closely (separators, the start of handles and
/// hashtags, the ends of URL prefixes, sentence punctuation, an opening bracket, line breaks).
static ASCII_KINDS: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'|' | b'@' | b'#' | b'/' | b'.' | b'(' | b'!' | b'?' | b'\n' | b'\r') {
            CLOSER_LOOK
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Unicode's General Punctuation block: spaces, dashes, quotation marks, bullets and invisible
/// format characters, none of them a letter or a digit.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// A photo credit after a caption is a few words ("(AP Photo/Jane Roe)", "Kathrin Ziegler/Getty").
const CREDIT_TAIL_MAX_WORDS: usize = 6;

/// Most words of a block read as a relative time ("updated 3 hours ago").
const RELATIVE_TIME_MAX_WORDS: usize = 6;

/// Whether `line` holds a year (1900–2099, four digits alone) and whether it holds a clock time.
fn year_and_clock(line: &str) -> (bool, bool) {
    let bytes = line.as_bytes();
    let mut run = 0;
    let (mut year, mut clock) = (false, false);
    let is_year = |end: usize| matches!(&bytes[end - 4..end], [b'1', b'9', ..] | [b'2', b'0', ..]);
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            continue;
        }
        // Most bytes neither end a run of digits nor follow one.
        if run == 0 {
            continue;
        }
        if run == 4 && !b.is_ascii_alphabetic() {
            year |= is_year(i);
        }
        clock |= b == b':' && (1..=2).contains(&run) && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        run = 0;
    }
    if run == 4 {
        year |= is_year(bytes.len());
    }
    (year, clock)
}

/// A line with at least this many words may be a line of hard-wrapped prose, continued on the
/// next line. Menus and headings have fewer, so their lines never join.
pub(crate) const WRAPPED_MIN_WORDS: usize = 6;

/// The blocks of `text` — its lines that hold anything but whitespace — as byte ranges without the
/// surrounding whitespace. A paragraph wrapped by hard line breaks (copied from a plain-text
/// email, a PDF or a wire feed) is one block, not one per line: a line continues the block before
/// it when that block's last line has at least [`WRAPPED_MIN_WORDS`] words and stops mid-sentence
/// (on a letter, a digit, a comma, a semicolon or a dash), and this line goes on in lower case
/// ("…after winter storms damaged the ramp and / left residents…"). A capital, a digit or a
/// symbol starts a new block, and so does any line after a full stop, so chrome under the last
/// line of prose ("Required fields are marked * / greenfinch says:") stays apart.
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    // The line before, unless a blank line followed it: whether it stops open is asked only
    // when this line goes on in lower case, which few lines do.
    let mut last: Option<&str> = None;
    while start < bytes.len() {
        // Each line with its line break, as `split_inclusive('\n')` gives them (an inlined
        // search: a search call per line cost more than the bytes it reads).
        let end = find_newline(bytes, start).map_or(bytes.len(), |k| k + 1);
        let piece = &text[start..end];
        let inner = piece.trim_start();
        let lead = piece.len() - inner.len();
        let body = inner.trim_end();
        if body.is_empty() {
            // A blank line always ends the paragraph.
            last = None;
        } else {
            let span = start + lead..start + lead + body.len();
            match out.last_mut() {
                Some(prev) if continues_in_lower_case(body) && last.is_some_and(stops_open) => prev.end = span.end,
                _ => out.push(span),
            }
            last = Some(body);
        }
        start = end;
    }
    out
}

/// The first line feed in `bytes` from `from` on: natively eight bytes at a time (a few
/// operations on a `u64` tell whether one of them is a line feed, and which is the first),
/// then byte by byte; in the WebAssembly byte by byte, for size.
#[inline(always)]
fn find_newline(bytes: &[u8], from: usize) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    let from = {
        let mut i = from;
        while let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            // The bytes equal to a line feed become zero; the lowest zero byte sets the top bit
            // of its byte here (a borrow can set bits above it, never below).
            let x = u64::from_le_bytes(chunk) ^ (ONES * u64::from(b'\n'));
            let zero = x.wrapping_sub(ONES) & !x & HIGH;
            if zero != 0 {
                return Some(i + zero.trailing_zeros() as usize / 8);
            }
            i += 8;
        }
        i
    };
    bytes.get(from..)?.iter().position(|&b| b == b'\n').map(|k| from + k)
}

/// Whether a line of at least [`WRAPPED_MIN_WORDS`] words stops mid-sentence, so that the next
/// line may continue it.
fn stops_open(line: &str) -> bool {
    line.split_whitespace().nth(WRAPPED_MIN_WORDS - 1).is_some()
        && line.chars().next_back().is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '–' | '—'))
}

/// Whether a line's first letter, after any opening quotes or brackets, is a lower-case letter.
fn continues_in_lower_case(line: &str) -> bool {
    line.trim_start_matches(['"', '\'', '“', '‘', '«', '(', '[']).chars().next().is_some_and(char::is_lowercase)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::strategy::{Just, Strategy};

    fn m(s: &str) -> Features {
        measure(s, 0..s.len(), Lang::En)
    }

    #[test]
    fn issue_10_invisible_characters_after_the_full_stop_keep_the_sentence_end() {
        // A right-to-left paragraph closed by a bidi pop, and a zero-width space after the stop.
        assert!(m("\u{202B}ستعود حركة المرور يوم الخميس إذا سمح الطقس.\u{202C}").sentence_end);
        assert!(m("The bridge reopened on Thursday.\u{200B}\u{200F}").sentence_end);
        assert!(!m("The bridge reopened on Thursday\u{200B}").sentence_end);
    }

    #[test]
    fn issue_4_a_smiley_ends_a_sentence_but_other_pictographs_do_not() {
        assert!(m("Running in the cold makes you feel strong, and I like that \u{1F609}").sentence_end);
        assert!(m("We finally made it to the top \u{263A}\u{FE0F}").sentence_end);
        // A camera after a headline, a heart after a menu item: markers, not sentence ends.
        assert!(!m("Auction: the old racing car sold for a record price \u{1F3A5}").sentence_end);
        assert!(!m("Gifts \u{2764}").sentence_end);
    }

    #[test]
    fn issue_4_hard_wrapped_paragraphs_are_one_block() {
        let text = "Home | News | Sport\nThe ferry returned to its full timetable on Monday, six weeks\nafter winter storms damaged the ramp.\nShare this article\n\nThe authority said the repair cost about\n1.4 million kronor and the ramp would\nbe inspected again.\nhome\nnews\n";
        let got: Vec<&str> = lines(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Home | News | Sport",
                "The ferry returned to its full timetable on Monday, six weeks\nafter winter storms damaged the ramp.",
                "Share this article",
                "The authority said the repair cost about",
                "1.4 million kronor and the ramp would\nbe inspected again.",
                "home",
                "news",
            ]
        );
    }

    #[test]
    fn issue_9_general_punctuation_holds_no_letters_or_digits() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphabetic() && !c.is_numeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn issue_9_eight_bytes_count_as_the_table_does() {
        // Each ASCII byte among plain letters: sent to the loop when the loop looks at it more
        // closely, otherwise counted as the table counts it.
        for b in 0u8..0x80 {
            let mut chunk = *b"aZ09xq7M";
            for at in 0..8 {
                let keep = chunk[at];
                chunk[at] = b;
                let kind = ASCII_KINDS[usize::from(b)];
                match plain_counts(u64::from_le_bytes(chunk)) {
                    Some(counts) => {
                        assert!(kind & CLOSER_LOOK == 0, "byte {b:#x} skipped the closer look");
                        let want: u64 = chunk.iter().map(|&c| ASCII_KINDS[usize::from(c)] & COUNTS).sum();
                        assert_eq!(counts, want, "byte {b:#x} at {at}");
                    }
                    None => assert!(kind & CLOSER_LOOK != 0 || b < 0x20 || b == b'"', "byte {b:#x} sent to the loop"),
                }
                chunk[at] = keep;
            }
        }
        assert_eq!(plain_counts(u64::from_le_bytes(*b"Caf\xC3\xA9 ok")), None);
        assert_eq!(plain_counts(u64::from_le_bytes(*b"ab 12 Cd")), Some(4 * LETTER + 2 * DIGIT));
    }

    /// Pieces of lines: words, numbers, the bytes the loop looks at closely, characters outside
    /// ASCII of several lengths, and any printable ASCII.
    fn line_piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = vec![
            "The",
            "about",
            "Which",
            "co-op",
            "Ä-B",
            "time-\nline",
            "O'Neil",
            "U.S.",
            "1,200.5",
            " storm ",
            "2024",
            ". ",
            "|",
            "@x",
            "#tag",
            "https://a.org/b",
            "www.x",
            "(",
            "!",
            "? ",
            "\n",
            "\r",
            "\t",
            "é",
            "•",
            "’",
            "\u{2003}",
            "日本",
            "٣",
            "\"",
            "a-b, c;d:e",
            "[x]_{y}~`^",
        ];
        prop_oneof![proptest::sample::select(pieces).prop_map(String::from), "[ -~]{0,12}"]
    }

    proptest::proptest! {
        #[test]
        fn issue_9_line_feeds_are_found_as_a_byte_search_finds_them(
            bytes in proptest::collection::vec(proptest::prop_oneof![Just(b'\n'), Just(b'\n' ^ 0x80), Just(0u8), Just(b'\t'), proptest::num::u8::ANY], 0..40),
            from in 0usize..44,
        ) {
            let want = bytes.get(from..).and_then(|rest| rest.iter().position(|&b| b == b'\n')).map(|k| from + k);
            proptest::prop_assert_eq!(find_newline(&bytes, from), want);
        }

        #[test]
        fn issue_9_short_lowercase_words_by_bytes_as_by_characters(word in "[a-zA-Zé1ß'’ ÉΣ_]{0,6}") {
            let n = word.chars().count();
            let want = (1..=3).contains(&n) && word.chars().all(char::is_lowercase);
            proptest::prop_assert_eq!(is_short_lowercase(&word), want);
        }

        #[test]
        fn issue_9_keys_are_the_folded_words(parts in proptest::collection::vec(line_piece(), 0..24)) {
            let line = parts.concat();
            let want: Vec<String> =
                crate::tokenize::words_in(&line, 0..line.len()).map(|w| crate::tokenize::fold(&line[w])).collect();
            let f = m(&line);
            proptest::prop_assert_eq!(&f.key, &want.join(" "));
            // Function words as the word and its folded form say, whichever path the line took.
            let stopwords = lexicon::function_words(Lang::En);
            let want_function = crate::tokenize::words_in(&line, 0..line.len())
                .zip(&want)
                .filter(|(w, folded)| is_short_lowercase(&line[w.clone()]) || stopwords.contains(folded))
                .count();
            proptest::prop_assert_eq!(f.function, want_function);
        }

        #[test]
        fn issue_9_closers_are_trimmed_by_bytes_as_by_characters(parts in proptest::collection::vec(proptest::prop_oneof![
            line_piece(),
            proptest::sample::select(vec!["\"", "'", ")", "]", "*", " ", "\u{b}", "\u{c}", "\u{1f}", "”", "’", "»", "\u{a0}", "\u{200b}", "\u{2069}", "\u{ad}", ".", "😉", "\u{fe0f}"]).prop_map(String::from),
        ], 0..12)) {
            let line = parts.concat();
            proptest::prop_assert_eq!(trim_closers(&line), line.trim_end_matches(is_closer));
        }

        #[test]
        fn issue_9_sentence_ends_and_capitals_by_bytes_as_by_characters(parts in proptest::collection::vec(proptest::prop_oneof![
            line_piece(),
            proptest::sample::select(vec!["…", "。", "！", "？", "؟", "।", ":", ";", "😉", "\u{fe0f}", "📷", "Élan", "Ωmega", "٣x", "ⅷ", " ", "’"]).prop_map(String::from),
        ], 0..12)) {
            let line = parts.concat();
            let f = m(&line);
            let trimmed = line.trim_end_matches(is_closer);
            let want_end = trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';', '؟', '।'])
                || (trimmed.as_bytes().last().is_some_and(|&b| !b.is_ascii())
                    && trimmed.trim_end_matches('\u{fe0f}').ends_with(is_smiley));
            proptest::prop_assert_eq!(f.sentence_end, want_end);
            let want_capitals = crate::tokenize::words_in(&line, 0..line.len())
                .filter(|w| line[w.clone()].chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
                .count();
            proptest::prop_assert_eq!(f.capitalized, want_capitals);
        }

        #[test]
        fn issue_9_eight_bytes_at_a_time_scan_as_one_at_a_time(parts in proptest::collection::vec(line_piece(), 0..24)) {
            let line = parts.concat();
            proptest::prop_assert_eq!(scan::<true>(&line), scan::<false>(&line));
        }
    }

    #[test]
    fn measures() {
        let f = m("The storm reached the coast on Monday. It cut power to thousands.");
        assert_eq!(f.words, 12);
        assert!(f.sentence_end && f.inner_stops == 1);
        assert!(f.function_share() > 0.3);
        let f = m("Home | World | Politics | Sport");
        assert_eq!((f.separators, f.function), (3, 0));
        let f = m("Follow @parallax and #news at https://example.org");
        assert_eq!(f.links, 3);
        // Handles and hashtags at the start or after any whitespace, not inside a word.
        assert_eq!(m("@parallax and\u{a0}#news, not jane@example or é#1").links, 2);
        // A word broken by a hyphen at a line break is one word (the tokenizer's shortcut for
        // plain ASCII lines must not be taken for a wrapped one).
        assert_eq!(m("The ferry kept its time-\ntable on Monday").words, 7);
        assert_eq!(m("The ferry kept its time- table on Monday").words, 8);
        let f = m("Año 2024: 7 días");
        assert_eq!((f.letters, f.digits), (7, 5));
        assert!(m("© 2024 Example Media. All rights reserved.").copyright);
        // Each start in either case; the first byte only picks which start is compared.
        for line in [
            "© Jane Roe",
            "(c) 2024 Example",
            "(C) 2024 Example",
            "Copyright 2024",
            "COPYRIGHT Example",
            "Example. All rights reserved",
        ] {
            assert!(m(line).copyright, "{line}");
        }
        for line in ["(cc) Example", "(c)2024", "Copy that", "Rights reserved", "a © Jane Roe"] {
            assert!(!m(line).copyright, "{line}");
        }
        assert_eq!(m("Share This Article").whole, Some(Concept::Chrome));
    }
}
