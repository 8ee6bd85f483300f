//! UAX #29 word boundaries, fast.
//!
//! `unicode-segmentation` implements every rule of UAX #29 for every character, and costs about
//! 200 instructions a byte at the size-optimized settings of the WASM build. Most of a news text
//! is letters, digits, spaces and a little punctuation, for which the rules are few. So the text
//! is read with a class table covering the characters of the common scripts (Latin, Greek,
//! Cyrillic, Arabic, Hebrew, Devanagari, Thai, Hangul, kana, CJK ideographs, their combining
//! marks and common punctuation); an all-ASCII token is read whole; and a run of text between two
//! *safe* boundaries that contains any other character (emoji, regional indicators, joiners,
//! other scripts…) is handed to `unicode-segmentation` whole.
//!
//! A boundary between characters `a` and `b` is safe when both are in the table, `b` is not a
//! combining mark, one of them always breaks on both sides (a space, a line break, a symbol, an
//! ideograph), and the pair is not space–space or CR–LF. No UAX #29 rule looks across such a
//! boundary (the contextual rules WB6, WB7, WB7b/c, WB11, WB12 need letters or digits on both
//! sides of the middle character; WB4 needs a combining mark after it; WB15/16 count regional
//! indicators, which are not in the table), so segmenting the runs separately gives exactly the
//! boundaries of segmenting the whole text. Property tests compare the two on arbitrary text, and
//! every character of the table is checked in the contexts its rules depend on.

use unicode_segmentation::UnicodeSegmentation;

use super::TokenKind;

/// Word_Break classes of the characters the fast path knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Wb {
    Letter,
    /// Hebrew letters: letters with rules of their own for quotes (WB7a–c).
    Hebrew,
    Digit,
    Katakana,
    /// `_`: ExtendNumLet.
    Under,
    /// `:`, `·`, Hebrew gershayim.
    MidLetter,
    /// `.`, `‘`, `’`.
    MidNumLet,
    /// `'`.
    SingleQuote,
    /// `"`.
    DoubleQuote,
    /// `,`, `;` and the Arabic comma.
    MidNum,
    /// Combining marks and format characters, which attach to the character before (WB4).
    Extend,
    /// The ASCII space (WSegSpace).
    Space,
    Cr,
    Lf,
    /// Vertical tab and form feed.
    Newline,
    /// Breaks on both sides and is punctuation: other ASCII, a few common non-ASCII marks.
    Sep,
    /// Breaks on both sides and is a word: CJK ideographs, hiragana, Thai letters.
    Ideo,
    /// Anything else: left to `unicode-segmentation`.
    Slow,
}

const fn ascii_class(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Digit,
        b'_' => Wb::Under,
        b':' => Wb::MidLetter,
        b'.' => Wb::MidNumLet,
        b'\'' => Wb::SingleQuote,
        b'"' => Wb::DoubleQuote,
        b',' | b';' => Wb::MidNum,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
        0x0B | 0x0C => Wb::Newline,
        _ => Wb::Sep,
    }
}

static ASCII: [Wb; 128] = {
    let mut t = [Wb::Sep; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = ascii_class(i as u8);
        i += 1;
    }
    t
};

/// The class of a character. Dispatches on the 256-character block first, so that the common
/// scripts cost a jump and a few comparisons rather than a walk down every range.
#[inline(always)]
fn class(c: char) -> Wb {
    let u = c as u32;
    if u < 128 {
        return ASCII[u as usize];
    }
    match u >> 8 {
        0x00 => match c {
            'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' => Wb::Letter,
            '·' => Wb::MidLetter,
            '\u{AD}' => Wb::Extend,
            '\u{A0}' | '«' | '»' | '£' | '¥' | '©' | '°' => Wb::Sep,
            _ => Wb::Slow,
        },
        0x01 => Wb::Letter,
        0x02 if u <= 0x24F => Wb::Letter,
        0x03 => match c {
            '\u{300}'..='\u{36F}' => Wb::Extend,
            'Ά' | 'Έ'..='Ί' | 'Ό' | 'Ύ'..='Ρ' | 'Σ'..='ώ' => Wb::Letter,
            _ => Wb::Slow,
        },
        0x04 => match c {
            '\u{483}'..='\u{489}' => Wb::Extend,
            'Ѐ'..='ҁ' | 'Ҋ'..='ӿ' => Wb::Letter,
            _ => Wb::Slow,
        },
        0x05 => match c {
            '\u{500}'..='\u{52F}' => Wb::Letter,
            '\u{5D0}'..='\u{5EA}' | '\u{5EF}'..='\u{5F2}' => Wb::Hebrew,
            '\u{591}'..='\u{5BD}' | '\u{5BF}' | '\u{5C1}'..='\u{5C2}' | '\u{5C4}'..='\u{5C5}' | '\u{5C7}' => Wb::Extend,
            '\u{5F4}' => Wb::MidLetter,
            _ => Wb::Slow,
        },
        0x06 => match c {
            '\u{620}'..='\u{64A}' | '\u{66E}'..='\u{66F}' | '\u{671}'..='\u{6D3}' | '\u{6D5}' => Wb::Letter,
            '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}' => Wb::Digit,
            '\u{610}'..='\u{61A}'
            | '\u{64B}'..='\u{65F}'
            | '\u{670}'
            | '\u{6D6}'..='\u{6DC}'
            | '\u{6DF}'..='\u{6E4}'
            | '\u{6E7}'..='\u{6E8}'
            | '\u{6EA}'..='\u{6ED}'
            | '\u{61C}' => Wb::Extend,
            '\u{60C}' => Wb::MidNum,
            _ => Wb::Slow,
        },
        0x09 => match c {
            '\u{904}'..='\u{939}' | '\u{93D}' | '\u{950}' | '\u{958}'..='\u{961}' | '\u{971}'..='\u{97F}' => Wb::Letter,
            '\u{900}'..='\u{903}' | '\u{93A}'..='\u{93C}' | '\u{93E}'..='\u{94F}' | '\u{951}'..='\u{957}' => Wb::Extend,
            '\u{962}'..='\u{963}' => Wb::Extend,
            '\u{966}'..='\u{96F}' => Wb::Digit,
            '\u{964}' | '\u{965}' => Wb::Sep,
            _ => Wb::Slow,
        },
        0x0E => match c {
            '\u{E01}'..='\u{E30}' | '\u{E32}'..='\u{E33}' | '\u{E40}'..='\u{E46}' => Wb::Ideo,
            '\u{E31}' | '\u{E34}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}' => Wb::Extend,
            '\u{E50}'..='\u{E59}' => Wb::Digit,
            _ => Wb::Slow,
        },
        0x20 => match c {
            '‘' | '’' => Wb::MidNumLet,
            '–' | '—' | '“' | '”' | '„' | '…' | '€' | '\u{200B}' => Wb::Sep,
            '\u{200C}' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' => Wb::Extend,
            '\u{2066}'..='\u{206F}' => Wb::Extend,
            _ => Wb::Slow,
        },
        0x30 => match c {
            '\u{3041}'..='\u{3096}' => Wb::Ideo,
            '\u{30A1}'..='\u{30FA}' | 'ー' => Wb::Katakana,
            '、' | '。' | '「' | '」' => Wb::Sep,
            _ => Wb::Slow,
        },
        0x34..=0x4D if (0x3400..=0x4DBF).contains(&u) => Wb::Ideo,
        0x4E..=0x9F => Wb::Ideo,
        0xAC..=0xD7 if u <= 0xD7A3 => Wb::Letter,
        0xFE if u == 0xFEFF => Wb::Extend,
        _ => Wb::Slow,
    }
}

/// Whether a character is a letter or a digit, from the class table alone: `Some(true)` for a
/// letter of the table (alphabetic and not numeric), `Some(false)` for a digit (numeric), `None`
/// when the table cannot say and Unicode's properties must be asked. Counting letters and digits
/// this way avoids the property lookups (binary searches in core's tables) for the common
/// scripts; a test checks the answer against `char::is_alphabetic` and `char::is_numeric` for
/// every character.
#[inline(always)]
pub(crate) fn is_letter(c: char) -> Option<bool> {
    match class(c) {
        Wb::Letter | Wb::Hebrew | Wb::Katakana | Wb::Ideo => Some(true),
        Wb::Digit => Some(false),
        _ => None,
    }
}

#[inline(always)]
fn breaks_both_sides(c: Wb) -> bool {
    matches!(c, Wb::Sep | Wb::Ideo | Wb::Space | Wb::Cr | Wb::Lf | Wb::Newline)
}

/// The class of the character starting at byte `i`, and its length.
#[inline(always)]
fn class_at(text: &str, bytes: &[u8], i: usize) -> Option<(Wb, usize)> {
    let b = *bytes.get(i)?;
    if b < 128 {
        return Some((ASCII[b as usize], 1));
    }
    let c = decode(bytes, i).or_else(|| text.get(i..)?.chars().next())?;
    Some((class(c), c.len_utf8()))
}

/// The character whose UTF-8 encoding starts at byte `i` (a character boundary of valid UTF-8),
/// decoded directly: cheaper than slicing the string and iterating its characters.
#[inline(always)]
fn decode(bytes: &[u8], i: usize) -> Option<char> {
    let b0 = u32::from(*bytes.get(i)?);
    let cont = |k: usize| bytes.get(i + k).map(|b| u32::from(b & 0x3F));
    let u = match b0 {
        0xC0..=0xDF => ((b0 & 0x1F) << 6) | cont(1)?,
        0xE0..=0xEF => ((b0 & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?,
        _ => ((b0 & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?,
    };
    char::from_u32(u)
}

/// The class of the first character at or after byte `i` that is not a combining mark.
fn class_after(text: &str, bytes: &[u8], mut i: usize) -> Option<Wb> {
    loop {
        let (c, len) = class_at(text, bytes, i)?;
        if c != Wb::Extend {
            return Some(c);
        }
        i += len;
    }
}

/// Whether UAX #29 keeps `prev` and `cur` in one word, for characters of the fast path.
/// `before` is the class before `prev` and `after` the one after `cur`, combining marks skipped
/// (for WB6/7, WB7b/c and WB11/12); `raw_mark` says that a combining mark separates `prev` and
/// `cur`, which only WB3d (space × space, applied before WB4) notices.
#[inline(always)]
fn joins(before: Option<Wb>, prev: Wb, cur: Wb, raw_mark: bool, after: impl FnOnce() -> Option<Wb>) -> bool {
    use Wb::*;
    let ah = |c: Option<Wb>| matches!(c, Some(Letter | Hebrew));
    match (prev, cur) {
        (Cr, Lf) => true,
        (Space, Space) => !raw_mark,
        (Letter | Hebrew | Digit, Letter | Hebrew | Digit) | (Katakana, Katakana) => true,
        (Letter | Hebrew | Digit | Katakana | Under, Under) | (Under, Letter | Hebrew | Digit | Katakana) => true,
        (Hebrew, SingleQuote) => true,
        (Hebrew, DoubleQuote) => after() == Some(Hebrew),
        (DoubleQuote, Hebrew) => before == Some(Hebrew),
        (Letter | Hebrew, MidLetter | MidNumLet | SingleQuote) => ah(after()),
        (MidLetter | MidNumLet | SingleQuote, Letter | Hebrew) => ah(before),
        (Digit, MidNum | MidNumLet | SingleQuote) => after() == Some(Digit),
        (MidNum | MidNumLet | SingleQuote, Digit) => before == Some(Digit),
        _ => false,
    }
}

/// Where tokens go: a list of tokens, or packed UTF-16 ends for JavaScript.
pub(crate) trait Sink {
    /// Where the sink stands, to come back to.
    type Mark: Copy;
    /// A token `start..end` of `text`. `utf16_end` is its end as a UTF-16 offset when the
    /// segmenter knows it (the fast path counts as it reads); `None` asks the sink to count.
    fn push(&mut self, text: &str, start: usize, end: usize, kind: TokenKind, utf16_end: Option<u32>);
    fn mark(&self) -> Self::Mark;
    fn reset(&mut self, mark: Self::Mark);
}

/// The kind of the token `piece` (never empty).
#[inline(always)]
pub(crate) fn kind_of(piece: &str) -> TokenKind {
    let bytes = piece.as_bytes();
    match bytes.first() {
        Some(b'a'..=b'z' | b'A'..=b'Z') => return TokenKind::Word,
        Some(b'0'..=b'9') => return TokenKind::Number,
        Some(b' ' | b'\t' | b'\n' | b'\r') => return TokenKind::Space,
        _ => {}
    }
    let mut chars = piece.chars();
    let Some(first) = chars.next() else { return TokenKind::Punct };
    if first.is_whitespace() {
        TokenKind::Space
    } else if first.is_numeric() {
        TokenKind::Number
    } else if first.is_alphabetic() || chars.any(char::is_alphabetic) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

fn slow(text: &str, from: usize, to: usize, sink: &mut impl Sink) {
    let Some(run) = text.get(from..to) else { return };
    for (start, piece) in run.split_word_bound_indices() {
        sink.push(text, from + start, from + start + piece.len(), kind_of(piece), None);
    }
}

/// The kind of a token of the fast path, from its first character (the same answer as
/// [`kind_of`], without Unicode property lookups). A token of the fast path never starts with a
/// combining mark.
// Not inlined in the WebAssembly, where `segment` calls it at three places off its ASCII lane
// (0.9 KB gzipped less; the lane itself takes `ascii_kind`, inlined).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn fast_kind(text: &str, start: usize, end: usize) -> TokenKind {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(start) else { return TokenKind::Punct };
    let (class, first_len) = if b < 128 {
        (ASCII[usize::from(b)], 1)
    } else {
        match text.get(start..).and_then(|t| t.chars().next()) {
            Some('\u{A0}') => return TokenKind::Space,
            Some(c) => (class(c), c.len_utf8()),
            None => return TokenKind::Punct,
        }
    };
    kind_by_class(text, start..end, b, class, first_len)
}

/// [`fast_kind`] of a token whose first byte `b` is ASCII (the tokens of the ASCII lane).
#[inline(always)]
fn ascii_kind(text: &str, start: usize, end: usize, b: u8) -> TokenKind {
    kind_by_class(text, start..end, b, ASCII[usize::from(b & 0x7F)], 1)
}

/// The kind of a token from the class of its first character, `first_len` bytes long (`b` is
/// its first byte).
#[inline(always)]
fn kind_by_class(text: &str, token: std::ops::Range<usize>, b: u8, class: Wb, first_len: usize) -> TokenKind {
    match class {
        Wb::Letter | Wb::Hebrew | Wb::Katakana | Wb::Ideo => TokenKind::Word,
        Wb::Digit => TokenKind::Number,
        Wb::Space | Wb::Cr | Wb::Lf | Wb::Newline => TokenKind::Space,
        Wb::Sep if b == b'\t' => TokenKind::Space,
        // Punctuation followed by more ("_a", "!" with a combining mark that counts as a letter)
        // is a word when any of it is alphabetic: ask the exact rule.
        _ if token.len() > first_len => kind_of(text.get(token).unwrap_or("")),
        _ => TokenKind::Punct,
    }
}

/// ASCII letters, digits and "_", by byte (a table: at the size-optimized settings of the build
/// a comparison chain is not inlined, and this test runs for nearly every byte).
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

#[inline(always)]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

/// The end of the token that starts at byte `i` (an ASCII character at a boundary), when it is
/// all ASCII and ASCII bytes decide where it ends; `None` when a non-ASCII character at or just
/// after its end could change that (a letter, "’", a combining mark), for the general loop.
// Not inlined in the WebAssembly, where `segment` and `ascii_words` share one copy (0.2 KB
// gzipped less, no measurable time).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn ascii_token(bytes: &[u8], i: usize) -> Option<usize> {
    let n = bytes.len();
    let first = *bytes.get(i)?;
    let end = match ASCII[usize::from(first & 0x7F)] {
        // Letters, digits and "_" all join one another (WB5, WB8–WB10, WB13a/b).
        Wb::Letter | Wb::Digit | Wb::Under => {
            let mut j = i + 1;
            loop {
                while j < n && is_word_byte(bytes[j]) {
                    j += 1;
                }
                let Some(&mid) = bytes.get(j) else { break };
                if mid >= 128 {
                    return None;
                }
                let mid_class = ASCII[usize::from(mid)];
                if !matches!(mid_class, Wb::MidLetter | Wb::MidNumLet | Wb::SingleQuote | Wb::MidNum) {
                    break;
                }
                let Some(&next) = bytes.get(j + 1) else { break };
                if next >= 128 {
                    return None;
                }
                // WB6/7: letter (: . ') letter; WB11/12: digit (, ; . ') digit.
                let left = ASCII[usize::from(bytes[j - 1] & 0x7F)];
                let right = ASCII[usize::from(next)];
                let joins = match (left, right) {
                    (Wb::Letter, Wb::Letter) => mid_class != Wb::MidNum,
                    (Wb::Digit, Wb::Digit) => mid_class != Wb::MidLetter,
                    _ => false,
                };
                if !joins {
                    break;
                }
                j += 2;
            }
            j
        }
        // WB3d joins spaces; a combining mark or another kind of space after them would join too.
        Wb::Space => {
            let mut j = i + 1;
            while j < n && bytes[j] == b' ' {
                j += 1;
            }
            if bytes.get(j).is_some_and(|b| *b >= 128) {
                return None;
            }
            j
        }
        // Nothing attaches after a line break (WB3a), not even a combining mark.
        Wb::Cr if bytes.get(i + 1) == Some(&b'\n') => i + 2,
        Wb::Cr | Wb::Lf => i + 1,
        // Punctuation and middle characters at a boundary stand alone, unless a combining mark
        // follows (WB4).
        _ => {
            if bytes.get(i + 1).is_some_and(|b| *b >= 128) {
                return None;
            }
            i + 1
        }
    };
    Some(end)
}

/// The UTF-16 offset of byte offset `at`, given the bytes read beyond UTF-16 units.
#[inline(always)]
fn utf16(at: usize, extra: usize) -> Option<u32> {
    u32::try_from(at - extra).ok()
}

/// The words and numbers among the tokens of `text[range]` when that is all ASCII (which the
/// caller checks): the tokens are those of the ASCII lane, as [`segment`] gives them for ASCII.
/// Appends them to `out` as ranges of `text`; returns `false` if it could not read the range
/// to its end (never on ASCII), and then the caller segments it in full.
pub(crate) fn ascii_words(text: &str, range: std::ops::Range<usize>, out: &mut Vec<std::ops::Range<usize>>) -> bool {
    let Some(bytes) = text.as_bytes().get(..range.end) else { return false };
    let mut i = range.start;
    while let Some(end) = ascii_token(bytes, i) {
        if matches!(ascii_kind(text, i, end, bytes[i]), TokenKind::Word | TokenKind::Number) {
            out.push(i..end);
        }
        i = end;
    }
    i >= range.end
}

/// The end and kind of the ASCII token at byte `i` (see [`ascii_token`]), for the all-ASCII
/// path of [`segment`].
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn next_ascii_token(text: &str, bytes: &[u8], i: usize) -> Option<(usize, TokenKind)> {
    let end = ascii_token(bytes, i)?;
    Some((end, ascii_kind(text, i, end, bytes[i])))
}

/// Segments `text` into words, spaces and punctuation by UAX #29, into `sink`.
pub(crate) fn segment(text: &str, sink: &mut impl Sink) {
    let bytes = text.as_bytes();
    // All ASCII (most lines of English news): the loop below would read every token whole in
    // its ASCII lane, and the bookkeeping for the other characters is not needed. Native only:
    // in the WebAssembly the second copy of the lane cost 1.8 KB gzipped (with the same in
    // `normalize::units_into_plain`, which the WebAssembly has taken since, written smaller:
    // DESIGN.md) and no measurable time.
    #[cfg(not(target_arch = "wasm32"))]
    if bytes.is_ascii() {
        let mark = sink.mark();
        let mut i = 0;
        while let Some((end, kind)) = next_ascii_token(text, bytes, i) {
            sink.push(text, i, end, kind, utf16(end, 0));
            i = end;
        }
        if i >= bytes.len() {
            return;
        }
        // Not reached (on ASCII the lane always finds the token's end); the general loop is
        // the answer in any case.
        sink.reset(mark);
    }
    let mut i = 0;
    let mut token_start = 0;
    // The run since the last safe boundary, and whether it holds a character of the slow path.
    let mut run_start = 0;
    let mut run_mark = sink.mark();
    let mut run_slow = false;
    // Classes of the last two characters, combining marks skipped (WB4), and whether the last
    // character read was a combining mark.
    let mut before: Option<Wb> = None;
    let mut prev: Option<Wb> = None;
    let mut raw_mark = false;
    // Bytes read so far minus the UTF-16 units they make.
    let mut extra = 0usize;
    while let Some((cur, len)) = class_at(text, bytes, i) {
        // At a boundary, an all-ASCII token is read whole when ASCII bytes decide where it ends.
        if token_start == i && len == 1 && !run_slow {
            if let Some(end) = ascii_token(bytes, i) {
                sink.push(text, i, end, ascii_kind(text, i, end, bytes[i]), utf16(end, extra));
                let last = ASCII[usize::from(bytes[end - 1] & 0x7F)];
                before = if end - i >= 2 { Some(ASCII[usize::from(bytes[end - 2] & 0x7F)]) } else { prev };
                prev = Some(last);
                raw_mark = false;
                token_start = end;
                // A safe boundary after it starts a new run (only ASCII is looked at: leaving a
                // boundary unmarked only makes a run longer, never wrong).
                if let Some(&next) = bytes.get(end).filter(|b| **b < 128) {
                    let next = ASCII[usize::from(next)];
                    if breaks_both_sides(last) || breaks_both_sides(next) {
                        run_start = end;
                        run_mark = sink.mark();
                    }
                }
                i = end;
                continue;
            }
        }
        // Inside a word of ASCII letters and digits nothing breaks: skip to its end.
        if matches!(cur, Wb::Letter | Wb::Digit) && len == 1 && matches!(prev, Some(Wb::Letter | Wb::Digit)) {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'_' && is_word_byte(bytes[j]) {
                j += 1;
            }
            if j - i == 1 {
                before = prev;
                prev = Some(cur);
            } else {
                before = Some(ASCII[usize::from(bytes[j - 2] & 0x7F)]);
                prev = Some(ASCII[usize::from(bytes[j - 1] & 0x7F)]);
            }
            raw_mark = false;
            i = j;
            continue;
        }
        // WB4: a combining mark joins the character before it and is invisible to the rules,
        // except at the start and after a line break, which unicode-segmentation handles.
        if cur == Wb::Extend
            && token_start != i
            && matches!(prev, Some(p) if !matches!(p, Wb::Cr | Wb::Lf | Wb::Newline))
        {
            raw_mark = true;
            extra += if len == 2 { 1 } else { 2 };
            i += len;
            continue;
        }
        if cur == Wb::Extend {
            run_slow = true;
        }
        if token_start == i && i > 0 {
            // The ASCII lane placed a boundary here and did its bookkeeping.
            run_slow |= cur == Wb::Slow;
        } else if let Some(p) = prev {
            let safe = p != Wb::Slow
                && cur != Wb::Slow
                && cur != Wb::Extend
                && (breaks_both_sides(p) || breaks_both_sides(cur))
                && !matches!((p, cur), (Wb::Space, Wb::Space) | (Wb::Cr, Wb::Lf));
            if safe {
                if run_slow {
                    sink.reset(run_mark);
                    slow(text, run_start, i, sink);
                    run_slow = false;
                } else {
                    sink.push(text, token_start, i, fast_kind(text, token_start, i), utf16(i, extra));
                }
                run_start = i;
                run_mark = sink.mark();
                token_start = i;
                // Back to the top: the ASCII lane may read the next token whole.
                if len == 1 {
                    continue;
                }
            } else if cur == Wb::Slow {
                run_slow = true;
            } else if !run_slow && !joins(before, p, cur, raw_mark, || class_after(text, bytes, i + len)) {
                sink.push(text, token_start, i, fast_kind(text, token_start, i), utf16(i, extra));
                token_start = i;
                if len == 1 {
                    continue;
                }
            }
        } else if cur == Wb::Slow {
            run_slow = true;
        }
        before = prev;
        prev = Some(cur);
        raw_mark = false;
        // UTF-8 bytes beyond UTF-16 units: one for 2-byte characters, two for 3- and 4-byte ones.
        extra += match len {
            1 => 0,
            2 => 1,
            _ => 2,
        };
        i += len;
    }
    if run_slow {
        sink.reset(run_mark);
        slow(text, run_start, text.len(), sink);
    } else if token_start < text.len() {
        sink.push(text, token_start, text.len(), fast_kind(text, token_start, text.len()), utf16(text.len(), extra));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::tokenize::{tokenize, tokenize_utf16};
    use proptest::prelude::*;

    /// What `unicode-segmentation` alone gives: the reference the fast path must equal.
    fn reference(text: &str) -> Vec<(usize, usize, TokenKind)> {
        text.split_word_bound_indices().map(|(s, p)| (s, s + p.len(), kind_of(p))).collect()
    }

    fn fast(text: &str) -> Vec<(usize, usize, TokenKind)> {
        tokenize(text).into_iter().map(|t| (t.span.start, t.span.end, t.kind)).collect()
    }

    /// Characters of every class, fast and slow, and the contexts that the rules look at.
    fn alphabet() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            'a', 'Z', 'é', 'ß', 'Ж', 'я', 'Ω', 'ά', '한', 'ア', 'ー', '東', 'の', '0', '7', '_', ':', '.', '\'', ',',
            ';', ' ', ' ', '\t', '\r', '\n', '\u{0B}', '\u{0C}', '"', '-', '(', '$', '%', '‘', '’', '·', '\u{A0}', '«',
            '»', '–', '—', '“', '”', '…', '€', '\u{200B}', '、', '。', '\u{301}', '\u{AD}', '\u{200D}', '\u{202F}',
            '\u{3000}', 'ש', '״', 'ก', '\u{E31}', '🇫', '🇷', '👍', '🏽', '١', '٫', '\u{85}', '\u{2028}', '\u{1F}',
            '\u{7F}',
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn issue_3_fast_path_equals_unicode_segmentation(chars in prop::collection::vec(alphabet(), 0..40)) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }

        #[test]
        fn issue_3_fast_path_equals_on_any_text(text in any::<String>()) {
            prop_assert_eq!(fast(&text), reference(&text));
        }

        #[test]
        fn issue_3_packed_utf16_matches_tokens(chars in prop::collection::vec(alphabet(), 0..40)) {
            let text: String = chars.into_iter().collect();
            let packed = tokenize_utf16(&text).unwrap_or_default();
            let toks = tokenize(&text);
            prop_assert_eq!(packed.len(), toks.len());
            for (p, t) in packed.iter().zip(&toks) {
                let end16 = text[..t.span.end].encode_utf16().count() as u32;
                prop_assert_eq!(p & ((1 << 30) - 1), end16);
                let kind = [TokenKind::Word, TokenKind::Number, TokenKind::Space, TokenKind::Punct][(p >> 30) as usize];
                prop_assert_eq!(kind, t.kind);
            }
        }
    }

    #[test]
    fn issue_4_is_letter_agrees_with_unicode_properties() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            match is_letter(c) {
                Some(true) => assert!(c.is_alphabetic() && !c.is_numeric(), "U+{:04X}", c as u32),
                Some(false) => assert!(c.is_numeric(), "U+{:04X}", c as u32),
                None => {}
            }
        }
        assert_eq!(
            (is_letter('é'), is_letter('٣'), is_letter('\u{301}'), is_letter('👍')),
            (Some(true), Some(false), None, None)
        );
    }

    /// Every character the fast path classifies, in the contexts its rules depend on.
    #[test]
    fn issue_3_every_fast_character_agrees_in_context() {
        let contexts =
            ["a{}a", "1{}1", "{}{}", " {} ", "{}\u{301}", "{}.a", "a.{}", "_{}_", "ア{}", "{}\n", "\r{}", "’{}’"];
        let mut wrong = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| class(c) != Wb::Slow) {
            for ctx in contexts {
                let text = ctx.replace("{}", c.encode_utf8(&mut [0; 4]));
                if fast(&text) != reference(&text) {
                    wrong.push(format!("U+{:04X} in {ctx:?}", c as u32));
                }
            }
        }
        assert!(wrong.is_empty(), "{} disagreements, first: {:?}", wrong.len(), &wrong[..wrong.len().min(10)]);
    }
}
