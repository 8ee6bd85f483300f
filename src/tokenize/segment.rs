//! UAX #29 word boundaries, fast.
//!
//! `unicode-segmentation` implements every rule of UAX #29 for every character, and costs about
//! 6 MB/s at the size-optimized settings the WASM build uses. Most of a news text is letters,
//! digits, spaces and a little punctuation, for which the rules are few. So the text is read
//! character by character with a small class table covering those characters; a run of text
//! between two *safe* boundaries that contains any other character (combining marks, emoji, Thai,
//! Hebrew, regional indicators, format characters…) is handed to `unicode-segmentation` whole.
//!
//! A boundary between characters `a` and `b` is safe when both are in the table, one of them
//! always breaks on both sides (a space, a line break, a symbol, a CJK ideograph), and the pair is
//! not space–space or CR–LF. No UAX #29 rule looks across such a boundary (the contextual rules
//! WB6, WB7, WB11, WB12 need letters or digits on both sides of the middle character; WB4 needs
//! an extending character after it; WB15/16 count regional indicators, which are not in the
//! table), so segmenting the runs separately gives exactly the boundaries of segmenting the whole
//! text. A property test compares the two on arbitrary text.

use unicode_segmentation::UnicodeSegmentation;

use super::TokenKind;

/// Word_Break classes of the characters the fast path knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Wb {
    Letter,
    Digit,
    Katakana,
    /// `_`: ExtendNumLet.
    Under,
    /// `:` and `·`.
    MidLetter,
    /// `.`, `‘`, `’`.
    MidNumLet,
    /// `'`.
    SingleQuote,
    /// `,` and `;`.
    MidNum,
    /// The ASCII space (WSegSpace).
    Space,
    Cr,
    Lf,
    /// Breaks on both sides: other ASCII (tabs, symbols, punctuation, vertical tab, form feed,
    /// `"`), a few common non-ASCII punctuation marks, CJK ideographs and hiragana.
    Sep,
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
        b',' | b';' => Wb::MidNum,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
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

#[inline(always)]
fn class(c: char) -> Wb {
    let u = c as u32;
    if u < 128 {
        return ASCII[u as usize];
    }
    match c {
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' => Wb::Letter,
        'Ѐ'..='ҁ' | 'Ҋ'..='ԯ' => Wb::Letter,
        'Ά' | 'Έ'..='Ί' | 'Ό' | 'Ύ'..='Ρ' | 'Σ'..='ώ' => Wb::Letter,
        '\u{AC00}'..='\u{D7A3}' => Wb::Letter,
        '\u{30A1}'..='\u{30FA}' | 'ー' => Wb::Katakana,
        '‘' | '’' => Wb::MidNumLet,
        '·' => Wb::MidLetter,
        '\u{A0}' | '«' | '»' | '£' | '¥' | '©' | '°' | '–' | '—' | '“' | '”' | '„' | '…' | '€' | '\u{200B}' => {
            Wb::Sep
        }
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3041}'..='\u{3096}' | '、' | '。' | '「' | '」' => {
            Wb::Sep
        }
        _ => Wb::Slow,
    }
}

#[inline(always)]
fn breaks_both_sides(c: Wb) -> bool {
    matches!(c, Wb::Sep | Wb::Space | Wb::Cr | Wb::Lf)
}

/// The class of the character starting at byte `i`, and its length.
#[inline(always)]
fn class_at(text: &str, bytes: &[u8], i: usize) -> Option<(Wb, usize)> {
    let b = *bytes.get(i)?;
    if b < 128 {
        return Some((ASCII[b as usize], 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((class(c), c.len_utf8()))
}

/// Whether UAX #29 keeps `prev` and `cur` in one word, for characters of the fast path.
/// `before` is the class before `prev`, `after` the one after `cur` (for WB6/7 and WB11/12).
#[inline(always)]
fn joins(before: Option<Wb>, prev: Wb, cur: Wb, after: impl FnOnce() -> Option<Wb>) -> bool {
    use Wb::*;
    match (prev, cur) {
        (Cr, Lf) | (Space, Space) => true,
        (Letter | Digit, Letter | Digit) | (Katakana, Katakana) => true,
        (Letter | Digit | Katakana | Under, Under) | (Under, Letter | Digit | Katakana) => true,
        (Letter, MidLetter | MidNumLet | SingleQuote) => after() == Some(Letter),
        (MidLetter | MidNumLet | SingleQuote, Letter) => before == Some(Letter),
        (Digit, MidNum | MidNumLet | SingleQuote) => after() == Some(Digit),
        (MidNum | MidNumLet | SingleQuote, Digit) => before == Some(Digit),
        _ => false,
    }
}

/// Where tokens go: a list of tokens, or packed UTF-16 ends for JavaScript.
pub(crate) trait Sink {
    /// Where the sink stands, to come back to.
    type Mark: Copy;
    fn push(&mut self, text: &str, start: usize, end: usize, kind: TokenKind);
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
        sink.push(text, from + start, from + start + piece.len(), kind_of(piece));
    }
}

/// The kind of a token of the fast path, from its first character (the same answer as
/// [`kind_of`], without Unicode property lookups).
#[inline(always)]
fn fast_kind(text: &str, start: usize, end: usize) -> TokenKind {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(start) else { return TokenKind::Punct };
    if b < 128 {
        return match ASCII[usize::from(b)] {
            Wb::Letter => TokenKind::Word,
            Wb::Digit => TokenKind::Number,
            Wb::Space | Wb::Cr | Wb::Lf => TokenKind::Space,
            // "_a" is a word, "_" alone is not.
            Wb::Under => kind_of(text.get(start..end).unwrap_or("")),
            _ if b.is_ascii_whitespace() || b == 0x0B => TokenKind::Space,
            _ => TokenKind::Punct,
        };
    }
    match text.get(start..).and_then(|t| t.chars().next()) {
        Some('\u{A0}') => TokenKind::Space,
        Some(c) if matches!(class(c), Wb::Letter | Wb::Katakana) => TokenKind::Word,
        Some('\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3041}'..='\u{3096}') => TokenKind::Word,
        _ => TokenKind::Punct,
    }
}

/// Segments `text` into words, spaces and punctuation by UAX #29, into `sink`.
pub(crate) fn segment(text: &str, sink: &mut impl Sink) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut token_start = 0;
    // The run since the last safe boundary, and whether it holds a character of the slow path.
    let mut run_start = 0;
    let mut run_mark = sink.mark();
    let mut run_slow = false;
    let mut before: Option<Wb> = None;
    let mut prev: Option<Wb> = None;
    while let Some((cur, len)) = class_at(text, bytes, i) {
        // Inside a word of ASCII letters and digits nothing breaks: skip to its end. This is
        // most of a text, and the loop below costs several branches a character.
        if matches!(cur, Wb::Letter | Wb::Digit) && len == 1 && matches!(prev, Some(Wb::Letter | Wb::Digit)) {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            if j - i == 1 {
                before = prev;
                prev = Some(cur);
            } else {
                before = Some(ASCII[usize::from(bytes[j - 2] & 0x7F)]);
                prev = Some(ASCII[usize::from(bytes[j - 1] & 0x7F)]);
            }
            i = j;
            continue;
        }
        if let Some(p) = prev {
            let safe = p != Wb::Slow
                && cur != Wb::Slow
                && (breaks_both_sides(p) || breaks_both_sides(cur))
                && !matches!((p, cur), (Wb::Space, Wb::Space) | (Wb::Cr, Wb::Lf));
            if safe {
                if run_slow {
                    sink.reset(run_mark);
                    slow(text, run_start, i, sink);
                    run_slow = false;
                } else {
                    sink.push(text, token_start, i, fast_kind(text, token_start, i));
                }
                run_start = i;
                run_mark = sink.mark();
                token_start = i;
            } else if cur == Wb::Slow {
                run_slow = true;
            } else if !run_slow && !joins(before, p, cur, || class_at(text, bytes, i + len).map(|(c, _)| c)) {
                sink.push(text, token_start, i, fast_kind(text, token_start, i));
                token_start = i;
            }
        } else if cur == Wb::Slow {
            run_slow = true;
        }
        before = prev;
        prev = Some(cur);
        i += len;
    }
    if run_slow {
        sink.reset(run_mark);
        slow(text, run_start, text.len(), sink);
    } else if token_start < text.len() {
        sink.push(text, token_start, text.len(), fast_kind(text, token_start, text.len()));
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
