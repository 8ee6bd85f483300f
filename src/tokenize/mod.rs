//! Words, numbers and punctuation as spans into the original text.
//!
//! Segmentation follows Unicode word boundaries (UAX #29): a fast path for the common characters
//! (`segment.rs`) and `unicode-segmentation` for everything else, so it works for any script; the
//! tokens cover the input in order with nothing lost.

mod language;
mod normalize;
mod segment;

use std::ops::Range;

use serde::Serialize;

pub(crate) use self::language::{block_language, source_languages};
pub use self::language::{detect_language, Lang};
pub(crate) use self::normalize::fold_append;
pub(crate) use self::normalize::is_invisible;
pub use self::normalize::{fold, fold_into};
pub(crate) use self::segment::is_letter;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (and marks), possibly with inner apostrophes or hyphens as UAX #29 keeps them.
    Word,
    /// Starts with a digit: `25`, `2.5`, `1,200`, `3rd`.
    Number,
    /// Whitespace, including line breaks.
    Space,
    /// Anything else: punctuation, symbols, emoji.
    Punct,
}

/// One token: a byte range of the original text and its kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte offsets into the text.
    pub span: Range<usize>,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.clone()]
    }

    /// Whether it carries meaning for comparison (a word or a number).
    pub fn is_lexical(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// Splits `text` into tokens that cover it completely and in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per three bytes of news text; reserving avoids most regrowth.
    let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
    segment_into(text, &mut tokens);
    tokens
}

/// Appends the tokens of `text` to `tokens`.
pub(crate) fn segment_into(text: &str, tokens: &mut Vec<Token>) {
    #[cfg(not(target_arch = "wasm32"))]
    segment::segment(text, tokens);
    #[cfg(target_arch = "wasm32")]
    {
        let mut out = Out::Tokens(std::mem::take(tokens));
        segment::segment(text, &mut out);
        if let Out::Tokens(t) = out {
            *tokens = t;
        }
    }
}

/// In the WebAssembly, both outputs of the segmenter go through this one sink type, so that it is
/// compiled once: with a sink type each, its second copy was 3.3 KB of the gzipped module.
/// Natively each output keeps its own sink: the branch per token (and the token list kept in
/// memory rather than in registers) cost 10 % of the instructions of tokenizing 1.5 MB.
#[cfg(target_arch = "wasm32")]
enum Out {
    Tokens(Vec<Token>),
    Packed(Packed),
}

/// Each output's own sink does the work; this only picks it.
#[cfg(target_arch = "wasm32")]
impl segment::Sink for Out {
    type Mark = (usize, u32);

    #[inline(always)]
    fn push(&mut self, text: &str, start: usize, end: usize, kind: TokenKind, utf16_end: Option<u32>) {
        match self {
            Out::Tokens(tokens) => segment::Sink::push(tokens, text, start, end, kind, utf16_end),
            Out::Packed(packed) => segment::Sink::push(packed, text, start, end, kind, utf16_end),
        }
    }

    fn mark(&self) -> (usize, u32) {
        match self {
            Out::Tokens(tokens) => (segment::Sink::mark(tokens), 0),
            Out::Packed(packed) => segment::Sink::mark(packed),
        }
    }

    fn reset(&mut self, (len, units): (usize, u32)) {
        match self {
            Out::Tokens(tokens) => segment::Sink::reset(tokens, len),
            Out::Packed(packed) => segment::Sink::reset(packed, (len, units)),
        }
    }
}

/// The tokens of `text` packed for JavaScript: one `u32` per token, its end as a UTF-16 offset
/// in the low 30 bits and its kind in the top two (0 word, 1 number, 2 space, 3 punctuation).
/// A token starts where the one before it ends (the first at 0), so this is the whole
/// tokenization in 4 bytes a token, with offsets that index a JS string directly. `None` for a
/// text of 2^30 bytes or more, whose offsets would not fit.
pub fn tokenize_utf16(text: &str) -> Option<Vec<u32>> {
    if text.len() >= 1 << 30 {
        return None;
    }
    let packed = Packed { ends: Vec::with_capacity(text.len() / 3 + 1), units: 0 };
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut packed = packed;
        segment::segment(text, &mut packed);
        Some(packed.ends)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let mut out = Out::Packed(packed);
        segment::segment(text, &mut out);
        match out {
            Out::Packed(packed) => Some(packed.ends),
            Out::Tokens(_) => None,
        }
    }
}

impl segment::Sink for Vec<Token> {
    type Mark = usize;

    #[inline(always)]
    fn push(&mut self, _: &str, start: usize, end: usize, kind: TokenKind, _: Option<u32>) {
        Vec::push(self, Token { span: start..end, kind });
    }

    fn mark(&self) -> usize {
        self.len()
    }

    fn reset(&mut self, mark: usize) {
        self.truncate(mark);
    }
}

struct Packed {
    ends: Vec<u32>,
    /// UTF-16 offset of the end of the last token.
    units: u32,
}

impl segment::Sink for Packed {
    type Mark = (usize, u32);

    #[inline(always)]
    fn push(&mut self, text: &str, start: usize, end: usize, kind: TokenKind, utf16_end: Option<u32>) {
        self.units = match utf16_end {
            Some(u) => u,
            None => {
                // UTF-16 units: one per character, two for characters outside the BMP (4-byte UTF-8).
                let mut units = self.units;
                for &b in text.get(start..end).unwrap_or("").as_bytes() {
                    units += u32::from((b & 0xC0) != 0x80) + u32::from(b >= 0xF0);
                }
                units
            }
        };
        let kind = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Space => 2,
            TokenKind::Punct => 3,
        };
        self.ends.push(self.units | kind << 30);
    }

    fn mark(&self) -> (usize, u32) {
        (self.ends.len(), self.units)
    }

    fn reset(&mut self, (len, units): (usize, u32)) {
        self.ends.truncate(len);
        self.units = units;
    }
}

/// The comparison units inside `range` of `text` (see [`normalize::units`]): words and numbers,
/// rejoined across invisible characters and hyphenated line breaks, and character bigrams in
/// scripts written without spaces.
pub(crate) fn words_in(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> {
    normalize::units(text, range).into_iter()
}

/// Room that [`words_into`] reuses from one call to the next.
#[derive(Default)]
pub(crate) struct WordBuffers {
    tokens: Vec<Token>,
    words: Vec<Range<usize>>,
}

/// The units of [`words_in`], in a list kept in `buffers`: for callers that read many short
/// ranges, without allocating per range. The caller has read the range already: `ascii` must
/// say whether it is all ASCII and `breaks` whether it holds a line break (`\n`, `\r`) (see
/// [`normalize::units_into_plain`]).
pub(crate) fn words_into<'b>(
    text: &str,
    range: Range<usize>,
    ascii: bool,
    breaks: bool,
    buffers: &'b mut WordBuffers,
) -> &'b [Range<usize>] {
    normalize::units_into_plain(text, range, ascii, breaks, &mut buffers.tokens, &mut buffers.words);
    &buffers.words
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn render(text: &str) -> String {
        tokenize(text)
            .iter()
            .map(|t| {
                let k = match t.kind {
                    TokenKind::Word => "w",
                    TokenKind::Number => "n",
                    TokenKind::Space => "s",
                    TokenKind::Punct => "p",
                };
                format!("{k}:{}", t.text(text))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One line per case: a text and its tokens as `kind:text` (w word, n number, s space,
    /// p punctuation).
    const TABLE: &[(&str, &str)] = &[
        ("Trump’s deal", "w:Trump’s s:  w:deal"),
        ("U.S.", "w:U.S p:."),
        ("$2.5 billion", "p:$ n:2.5 s:  w:billion"),
        ("1,200 troops", "n:1,200 s:  w:troops"),
        ("25%", "n:25 p:%"),
        ("3rd", "n:3rd"),
        ("3 1/2-year", "n:3 s:  n:1 p:/ n:2 p:- w:year"),
        ("e\u{301}lan", "w:e\u{301}lan"),
        ("👍🏽!", "p:👍🏽 p:!"),
        ("👨\u{200D}👩\u{200D}👧", "p:👨\u{200D}👩\u{200D}👧"),
        ("🇫🇷🇩🇪", "p:🇫🇷 p:🇩🇪"),
        ("𝐀𝐁", "w:𝐀𝐁"),
        ("東京タワー", "w:東 w:京 w:タワー"),
        ("한국어 문장", "w:한국어 s:  w:문장"),
        ("a\r\nb", "w:a s:\r\n w:b"),
        ("a  \tb", "w:a s:   s:\t w:b"),
        ("1\u{202F}000 €", "n:1\u{202F}000 s:  p:€"),
        ("שלום׳ עולם", "w:שלום׳ s:  w:עולם"),
        ("co\u{AD}operate", "w:co\u{AD}operate"),
    ];

    #[test]
    fn issue_3_token_table() {
        let wrong: Vec<String> = TABLE
            .iter()
            .filter(|(text, want)| render(text) != *want)
            .map(|(text, want)| format!("{text:?}: got {:?}, want {want:?}", render(text)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn issue_3_utf16_offsets_with_emoji_combining_marks_and_astral_characters() {
        let text = "e\u{301} 👍🏽 𝐀 東";
        let packed = tokenize_utf16(text).unwrap_or_default();
        let ends: Vec<u32> = packed.iter().map(|p| p & ((1 << 30) - 1)).collect();
        // "é" is 2 units, the emoji with its skin tone 4, "𝐀" 2, "東" 1.
        assert_eq!(ends, vec![2, 3, 7, 8, 10, 11, 12]);
        assert_eq!(packed.iter().map(|p| p >> 30).collect::<Vec<_>>(), vec![0, 2, 3, 2, 0, 2, 0]);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn issue_3_tokens_are_lossless_and_deterministic(text in any::<String>()) {
            let toks = tokenize(&text);
            let joined: String = toks.iter().map(|t| t.text(&text)).collect();
            prop_assert_eq!(&joined, &text);
            prop_assert!(toks.iter().all(|t| !t.span.is_empty()));
            prop_assert_eq!(toks, tokenize(&text));
        }

        #[test]
        fn issue_3_units_sentences_and_values_stay_in_bounds(text in any::<String>(), cut in 0usize..64) {
            let end = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
            for range in [0..text.len(), 0..end, end..text.len()] {
                for u in words_in(&text, range.clone()) {
                    prop_assert!(range.start <= u.start && u.end <= range.end && text.get(u.clone()).is_some());
                }
                let lang = detect_language(&text);
                let mut last = range.start;
                for s in crate::sentences::split(&text, range.clone(), lang) {
                    prop_assert!(last <= s.start && s.start < s.end && s.end <= range.end);
                    prop_assert!(text.get(s.clone()).is_some());
                    last = s.end;
                }
                for v in crate::values::values(&text, range.clone(), lang) {
                    prop_assert!(range.start <= v.span.start && v.span.end <= range.end);
                    prop_assert!(text.get(v.span.clone()).is_some());
                }
                let _ = fold(text.get(range.clone()).unwrap_or(""));
            }
        }
    }

    /// A 1 MB single line, and a menu of 200 one-word lines: every stage of this module runs
    /// through them (a quadratic step would not finish; no time is asserted).
    #[test]
    fn issue_3_long_inputs_run_through() {
        let line =
            "U.S. President Trump… met the 3 1/2 officials in D.C. – $2.5 billion, 東京. He left. ".repeat(13_000);
        assert!(line.len() > 1_000_000);
        let toks = tokenize(&line);
        assert!(toks.len() > 200_000);
        assert!(words_in(&line, 0..line.len()).count() > 100_000);
        assert!(crate::sentences::split(&line, 0..line.len(), Lang::En).len() >= 26_000);
        assert!(crate::values::values(&line, 0..line.len(), Lang::En).len() > 10_000);
        assert_eq!(detect_language(&line), Lang::En);
        let menu: String = (0..200).map(|i| format!("Item{i}\n")).collect();
        assert_eq!(crate::sentences::split(&menu, 0..menu.len(), Lang::En).len(), 200);
    }
}
