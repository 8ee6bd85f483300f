//! Which lines of a pasted page are the article, which are metadata, and which are page chrome.
//!
//! A block is one line of the paste (news sites put each paragraph on its own line when copied).
//! Each block is classified from the text alone; see `DESIGN.md` for the rules and their failures.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::lexicon;
use crate::tokenize::{fold, words_in};

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Article text.
    Body,
    /// The headline.
    Title,
    /// Who wrote it.
    Byline,
    /// A line that only gives the date of publication.
    Date,
    /// An image caption or credit.
    Caption,
    /// Page chrome: removed, with a [`Reason`].
    Boilerplate,
}

/// Why a block was removed from the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The block is a known piece of page chrome ("Share This Article", "- Advertisement -").
    KnownPhrase,
    /// The same short line appeared earlier in this paste (a byline or menu printed twice).
    Repeated,
    /// Part of a run of short lines without sentence punctuation: a menu or a list of links.
    Navigation,
    /// No letters or digits at all: separators and decorations.
    NoText,
    /// The person removed it.
    RemovedByYou,
}

impl Reason {
    /// The reason in words, as the page shows it.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::KnownPhrase => "known page chrome (share buttons, ads, comment forms)",
            Reason::Repeated => "repeats an earlier line of this paste",
            Reason::Navigation => "part of a run of short menu-like lines",
            Reason::NoText => "no words, only symbols or separators",
            Reason::RemovedByYou => "removed by you",
        }
    }
}

impl BlockKind {
    /// Whether the block is part of the article body that gets compared.
    pub fn is_body(self) -> bool {
        self == BlockKind::Body
    }
}

/// One classified block of a text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Block {
    /// Byte range of the line, without its line break and surrounding whitespace.
    pub span: Range<usize>,
    pub kind: BlockKind,
    pub reason: Option<Reason>,
}

/// What the rules know about one block before deciding.
struct Features {
    span: Range<usize>,
    /// Folded words joined by single spaces: the block's identity for phrase and repeat checks.
    key: String,
    words: usize,
    capitalized: usize,
    /// Ends with sentence punctuation (possibly followed by a closing quote or bracket).
    sentence_end: bool,
}

fn features(text: &str, span: Range<usize>) -> Features {
    let line = &text[span.clone()];
    let mut key = String::new();
    let mut words = 0;
    let mut capitalized = 0;
    for w in words_in(text, span.clone()) {
        let word = &text[w];
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold(word));
        words += 1;
        if word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            capitalized += 1;
        }
    }
    let trimmed = line.trim_end_matches(|c: char| "\"'”’»)]*".contains(c) || c.is_whitespace());
    let sentence_end = trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':']);
    Features { span, key, words, capitalized, sentence_end }
}

/// The lines of `text` that hold anything but whitespace, as byte ranges without the whitespace.
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let inner = piece.trim_start();
        let lead = piece.len() - inner.len();
        let body = inner.trim_end();
        if !body.is_empty() {
            out.push(start + lead..start + lead + body.len());
        }
        start = end;
    }
    out
}

/// Whether `key` is a known phrase, or known phrases run together ("ad imagead image" folds to
/// "ad imagead image", so the check works on the words without spaces too).
fn is_known_chrome(key: &str) -> bool {
    if lexicon::is_boilerplate_phrase(key) {
        return true;
    }
    let squeezed: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    if squeezed.is_empty() || squeezed.len() > 200 {
        return false;
    }
    // Cover the squeezed key with known phrases (also squeezed), dynamic programming over
    // positions; the key is short, so this is cheap.
    let phrases: Vec<String> =
        lexicon::boilerplate_phrases().iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).collect()).collect();
    let n = squeezed.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for i in 0..n {
        if !reach[i] || !squeezed.is_char_boundary(i) {
            continue;
        }
        for p in &phrases {
            if !p.is_empty() && squeezed[i..].starts_with(p.as_str()) {
                reach[i + p.len()] = true;
            }
        }
    }
    reach[n]
}

/// Looks like a person's name line: "By Jane Doe", or two to four capitalized words.
fn looks_like_byline(text: &str, f: &Features) -> bool {
    let line = &text[f.span.clone()];
    if f.sentence_end || f.words == 0 {
        return false;
    }
    let by = line.trim_start().to_lowercase();
    if (by.starts_with("by ") || by.starts_with("von ") || by.starts_with("par ") || by.starts_with("por "))
        && f.words <= 8
    {
        return true;
    }
    (2..=4).contains(&f.words) && f.capitalized == f.words
}

/// Classifies every non-empty line of `text`.
pub(crate) fn classify(text: &str, cfg: &Config) -> Vec<Block> {
    let feats: Vec<Features> = lines(text).into_iter().map(|s| features(text, s)).collect();
    if !cfg.strip_boilerplate {
        return feats.into_iter().map(|f| Block { span: f.span, kind: BlockKind::Body, reason: None }).collect();
    }
    let is_prose = |f: &Features| f.sentence_end && f.words >= cfg.prose_min_words;
    let first_prose = feats.iter().position(is_prose).unwrap_or(feats.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<Block> = Vec::with_capacity(feats.len());
    let mut have_title = false;
    let mut have_byline = false;

    for (i, f) in feats.iter().enumerate() {
        let short = f.words <= cfg.short_max_words && !f.sentence_end;
        let repeat_of = if f.words < cfg.prose_min_words { seen.get(f.key.as_str()).copied() } else { None };
        seen.entry(f.key.as_str()).or_insert(i);

        let (kind, reason) = if f.words == 0 {
            (BlockKind::Boilerplate, Some(Reason::NoText))
        } else if !is_prose(f) && is_known_chrome(&f.key) {
            (BlockKind::Boilerplate, Some(Reason::KnownPhrase))
        } else if repeat_of.is_some() {
            (BlockKind::Boilerplate, Some(Reason::Repeated))
        } else if i < first_prose && !have_title && !f.sentence_end && f.words <= cfg.title_max_words {
            have_title = true;
            (BlockKind::Title, None)
        } else if i < first_prose && !have_byline && looks_like_byline(text, f) {
            have_byline = true;
            (BlockKind::Byline, None)
        } else if i < first_prose && have_title && !f.sentence_end && f.words <= cfg.title_max_words {
            // Between the headline and the first paragraph, an unpunctuated line is the caption
            // or credit of the lead image.
            (BlockKind::Caption, None)
        } else if short && in_short_run(&feats, i, cfg) {
            (BlockKind::Boilerplate, Some(Reason::Navigation))
        } else {
            (BlockKind::Body, None)
        };
        out.push(Block { span: f.span.clone(), kind, reason });
    }
    out
}

/// Whether block `i` sits in a run of at least three short unpunctuated lines.
fn in_short_run(feats: &[Features], i: usize, cfg: &Config) -> bool {
    const RUN: usize = 3;
    let short = |f: &Features| f.words <= cfg.short_max_words && !f.sentence_end;
    let mut lo = i;
    while lo > 0 && short(&feats[lo - 1]) && i - lo < RUN {
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < feats.len() && short(&feats[hi + 1]) && hi - i < RUN {
        hi += 1;
    }
    hi - lo + 1 >= RUN
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind, Option<Reason>)> {
        classify(text, &Config::default()).into_iter().map(|b| (text[b.span].to_string(), b.kind, b.reason)).collect()
    }

    #[test]
    fn run_together_ad_markers_are_chrome() {
        let k = kinds("Ad imageAd image\n- Advertisement -\n");
        assert!(k.iter().all(|(_, kind, r)| *kind == BlockKind::Boilerplate && *r == Some(Reason::KnownPhrase)));
    }

    #[test]
    fn repeated_byline_is_kept_once_as_metadata() {
        let text = "Storm Hits Coast\n\nJane Roe\nJane Roe\n\nThe storm reached the coast on Monday night, cutting power to thousands of homes.\n";
        let k = kinds(text);
        assert_eq!(k[0].1, BlockKind::Title);
        assert_eq!(k[1].1, BlockKind::Byline);
        assert_eq!((k[2].1, k[2].2), (BlockKind::Boilerplate, Some(Reason::Repeated)));
        assert_eq!(k[3].1, BlockKind::Body);
    }

    #[test]
    fn a_menu_is_navigation() {
        let text = "The council approved the budget on Tuesday after a long debate about school funding.\nHome\nWorld\nPolitics\nSport\n";
        let k = kinds(text);
        assert_eq!(k[0].1, BlockKind::Body);
        assert!(k[1..].iter().all(|(_, _, r)| r.is_some()));
    }
}
