//! Sentences of the kept blocks: Unicode sentence boundaries (UAX #29) corrected for news text.
//!
//! UAX #29 breaks after every full stop followed by a capital, so "U.S. President" or
//! "Gen. Smith" would split. A break is undone when the piece before it ends with a known
//! abbreviation, an initial, or a dotted acronym that is not followed by a sentence starter.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::{self, List};
use crate::tokenize::fold;

fn abbreviations() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        List::parse(lexicon::data_file("data/abbreviations/en.txt"))
            .map(|l| l.items().map(str::to_string).collect())
            .unwrap_or_default()
    })
}

/// Splits `range` of `text` (one block) into sentence ranges, trimmed of surrounding whitespace.
pub(crate) fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let block = &text[range.clone()];
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (start, piece) in block.split_sentence_bound_indices() {
        let r = range.start + start..range.start + start + piece.len();
        match pieces.last_mut() {
            Some(prev) if !breaks_after(text, prev.clone(), r.clone()) => prev.end = r.end,
            _ => pieces.push(r),
        }
    }
    pieces
        .into_iter()
        .filter_map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| r.start + lead..r.start + lead + trimmed.len())
        })
        .collect()
}

/// Whether a UAX #29 boundary between `prev` and `next` is a real sentence end.
fn breaks_after(text: &str, prev: Range<usize>, next: Range<usize>) -> bool {
    let before = text[prev].trim_end();
    let Some(stem) = before.strip_suffix('.') else {
        return true;
    };
    // The last "word" before the dot, dots included ("U.S", "D.C", "Gen").
    let last = stem.rsplit(|c: char| c.is_whitespace() || "(\"“‘'".contains(c)).next().unwrap_or("");
    if last.is_empty() {
        return true;
    }
    let next_word = text[next].split_whitespace().next().unwrap_or("");
    let next_folded = fold(next_word.trim_matches(|c: char| !c.is_alphanumeric()));
    let letters: Vec<char> = last.chars().filter(|c| *c != '.').collect();
    let is_initial = letters.len() == 1 && letters[0].is_uppercase();
    let is_acronym = last.contains('.') && letters.iter().all(|c| c.is_alphabetic()) && letters.len() <= 4;
    if abbreviations().contains(&fold(last)) || is_initial {
        return false;
    }
    if is_acronym {
        // "U.S. President" continues; "the U.S. The next day" ends.
        return lexicon::is_stopword(&next_folded);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn news_abbreviations_do_not_split() {
        assert_eq!(
            sents("U.S. President Donald Trump met Gen. Smith in Washington, D.C. on Monday. He left."),
            vec!["U.S. President Donald Trump met Gen. Smith in Washington, D.C. on Monday.", "He left."]
        );
        assert_eq!(sents("It rose 2.5 percent. Then it fell."), vec!["It rose 2.5 percent.", "Then it fell."]);
        assert_eq!(sents("He said: “It is over.” Then he left."), vec!["He said: “It is over.”", "Then he left."]);
        assert_eq!(sents("They met in the U.S. The talks failed."), vec!["They met in the U.S.", "The talks failed."]);
    }
}
