//! Words, numbers and punctuation as spans into the original text.
//!
//! Segmentation follows Unicode word boundaries (UAX #29) through `unicode-segmentation`, so it
//! works for any script; the tokens cover the input in order with nothing lost.

mod language;

use std::ops::Range;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

pub(crate) use self::language::{block_language, source_languages};
pub use self::language::{detect_language, Lang};

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
    text.split_word_bound_indices()
        .map(|(start, piece)| Token { span: start..start + piece.len(), kind: classify(piece) })
        .collect()
}

/// The lexical tokens (words and numbers) inside `range` of `text`.
pub(crate) fn words_in(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    text[range]
        .split_word_bound_indices()
        .filter(|(_, piece)| matches!(classify(piece), TokenKind::Word | TokenKind::Number))
        .map(move |(start, piece)| base + start..base + start + piece.len())
}

fn classify(piece: &str) -> TokenKind {
    let mut chars = piece.chars();
    let Some(first) = chars.next() else {
        return TokenKind::Punct;
    };
    if first.is_whitespace() {
        TokenKind::Space
    } else if first.is_numeric() {
        TokenKind::Number
    } else if first.is_alphabetic() || piece.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// The form of a word used for comparison: lowercase, with typographic variants folded (curly
/// apostrophes and quotes, soft hyphens, zero-width characters) so "Trump’s" and "Trump's" match.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' => out.push('\''),
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' => {}
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text() {
        let text = "Trump’s 25% tariff — “very soon”. 東京 👍🏽 e\u{301}";
        let toks = tokenize(text);
        let joined: String = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(joined, text);
        let kinds: Vec<_> = toks.iter().filter(|t| t.is_lexical()).map(|t| t.text(text)).collect();
        assert_eq!(kinds[0], "Trump’s");
        assert_eq!(kinds[1], "25");
        assert!(kinds.contains(&"e\u{301}"));
    }

    #[test]
    fn fold_unifies_apostrophes_and_case() {
        assert_eq!(fold("Trump’s"), "trump's");
        assert_eq!(fold("co\u{00AD}operate"), "cooperate");
    }
}
