//! Title, byline, date and captions: the lines just before the article, kept apart as metadata.
//!
//! The header of an article is the stretch of lines right before its first paragraph, back to the
//! last menu-like run (three chrome or one-to-three-word lines in a row) or at most
//! `Config::header_max_lines` lines. In it, the first headline-like line is the title, a "By …"
//! or name-like line the byline, a line with a year or a time the date, and the remaining
//! unpunctuated lines after the title are captions. A credit line ("Photo: …") is a caption
//! wherever it stands.

use std::ops::Range;

use super::features::Features;
use super::phrases::{self, Concept};
use super::{Block, BlockKind, LineMarkup, Reason};
use crate::config::Config;
use crate::html::Hint;

/// The part of a first judgement the metadata stage uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Chrome,
    Prose,
    Weak,
    Line,
}

/// "By Jane Roe", "Von Hans Muster", or two to five capitalized words without function words.
fn is_byline(f: &Features) -> bool {
    if f.sentence_end || f.words == 0 || f.words > 10 {
        return false;
    }
    if matches!(f.prefix, Some(Concept::Byline)) {
        return true;
    }
    (2..=5).contains(&f.words) && f.capitalized == f.words && f.function == 0 && f.digits == 0
}

/// A line that gives a date or time: a year (1900–2099) or a clock time, in a short line.
pub(super) fn is_date(f: &Features) -> bool {
    (1..=14).contains(&f.words) && (f.year || f.clock)
}

fn is_title_like(f: &Features, role: Role, cfg: &Config) -> bool {
    let line_like = role == Role::Line || (role == Role::Weak && !f.key.is_empty() && f.inner_stops == 0);
    line_like && (3..=cfg.title_max_words).contains(&f.words) && f.links == 0
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn assign<'m>(
    feats: &[Features],
    roles: &[Role],
    repeated: &[bool],
    markup: impl Fn(usize) -> Option<&'m LineMarkup>,
    article: &Range<usize>,
    out: &mut [Block],
    cfg: &Config,
) {
    let set = |out: &mut [Block], i: usize, kind: BlockKind| {
        out[i].kind = kind;
        out[i].reason = None;
    };
    let menu_like = |i: usize| roles[i] == Role::Chrome || (roles[i] == Role::Line && feats[i].words <= 2);
    // The header stretch, back from the first line of the article.
    let mut start = article.start;
    let mut run = 0;
    while start > 0 && article.start - start < cfg.header_max_lines {
        let i = start - 1;
        let byline_or_date = is_byline(&feats[i]) || is_date(&feats[i]);
        run = if menu_like(i) && !byline_or_date && !repeated[i] { run + 1 } else { 0 };
        if run >= 3 {
            start = i + 3;
            break;
        }
        start = i;
    }
    // The article may open with its own header lines (a date, a byline, a repeated headline)
    // before its first paragraph: those are looked at too, and stay body unless they are
    // metadata.
    let first_paragraph =
        article.clone().take(cfg.header_max_lines).find(|&i| roles[i] == Role::Prose).unwrap_or(article.start);
    let header = start..first_paragraph;
    let usable = |i: usize, out: &[Block]| {
        roles[i] != Role::Chrome && !repeated[i] && out[i].reason != Some(Reason::KnownPhrase)
    };
    let mut title = None;
    let mut byline = false;
    let mut date = false;
    for i in header.clone() {
        if !usable(i, out) {
            continue;
        }
        let f = &feats[i];
        let hinted = |h: Hint| markup(i).is_some_and(|m| m.hints.has(h));
        let byline_like = is_byline(f) || hinted(Hint::Byline);
        // Inside the article only a date and a byline are picked out: its short lines are
        // subheadings and its unpunctuated lines may be its first paragraph.
        if i >= article.start {
            if !date && is_date(f) && roles[i] != Role::Prose {
                date = true;
                set(out, i, BlockKind::Date);
            } else if !byline && byline_like {
                byline = true;
                set(out, i, BlockKind::Byline);
            }
            continue;
        }
        if matches!(f.prefix, Some(Concept::Credit))
            || f.credit_tail
            || hinted(Hint::Caption)
            || is_cued_caption(f, cfg)
        {
            set(out, i, BlockKind::Caption);
        } else if !date && (is_date(f) || hinted(Hint::Time)) {
            date = true;
            set(out, i, BlockKind::Date);
        } else if title.is_none() && is_title_like(f, roles[i], cfg) && f.prefix != Some(Concept::Byline) {
            title = Some(i);
            set(out, i, BlockKind::Title);
        } else if !byline && byline_like {
            byline = true;
            set(out, i, BlockKind::Byline);
        } else if title.is_some() && roles[i] != Role::Prose && f.words >= cfg.caption_min_words {
            set(out, i, BlockKind::Caption);
        } else if !byline && is_byline(f) {
            byline = true;
            set(out, i, BlockKind::Byline);
        }
    }
    // No headline before the article: its own first line may be one.
    if title.is_none() && article.start < feats.len() {
        let i = article.start;
        let f = &feats[i];
        if usable(i, out) && !f.sentence_end && f.inner_stops == 0 && is_title_like(f, roles[i], cfg) {
            set(out, i, BlockKind::Title);
        }
    }
    // Credits inside the article are captions, and so are lines that end with one, and short
    // lines the markup calls a caption (`<figcaption>`, class "caption"): a caption that names
    // no credit reads as a sentence of the article.
    for i in article.clone() {
        let f = &feats[i];
        // A line that is only a credit ("Getty Images", "Reuters") names a photo's source.
        let credit_line = (matches!(f.prefix, Some(Concept::Credit)) && f.words <= cfg.prefix_max_words)
            || matches!(f.whole, Some(Concept::Credit));
        let marked = f.words <= cfg.caption_markup_max_words && markup(i).is_some_and(|m| m.hints.has(Hint::Caption));
        if out[i].kind == BlockKind::Body && (credit_line || f.credit_tail || marked || is_cued_caption(f, cfg)) {
            set(out, i, BlockKind::Caption);
        }
    }
}

/// A caption that says it is one: a line of at most `caption_markup_max_words` words whose first
/// `CAPTION_WORDS_WITHIN` words hold a caption word ("file photo", "image caption", "artist's
/// concept"; the `caption words` groups of `data/boilerplate/<lang>.txt`). News captions name no
/// credit more often than not ("In this Dec. 12, 2006, file photo, …", "An artist's concept of
/// the lander") and read as sentences.
fn is_cued_caption(f: &Features, cfg: &Config) -> bool {
    f.words <= cfg.caption_markup_max_words && phrases::caption_words(&f.key, CAPTION_WORDS_WITHIN) > 0
}

/// Words at the start of a line in which a caption names itself: "In this Dec. 12, 2006, file
/// photo" takes seven. Further on, such words are more likely a sentence about a photo, and the
/// words of a paragraph are not all looked up.
const CAPTION_WORDS_WITHIN: usize = 8;

/// The author's name as the byline gives it: its first two words after "By" (folded, joined by
/// a space). Only a byline that says "By …" counts: a line of capitalised words taken for a
/// byline may be a headline or a name in a photo caption.
fn author_name<'f>(feats: &'f [Features], out: &[Block]) -> Option<&'f str> {
    let i = out.iter().position(|b| b.kind == BlockKind::Byline)?;
    let f = &feats[i];
    if f.prefix != Some(Concept::Byline) {
        return None;
    }
    let mut starts = std::iter::once(0).chain(f.key.match_indices(' ').map(|(j, _)| j + 1)).skip(f.prefix_words);
    let start = starts.next()?;
    starts.next()?;
    let end = starts.next().map_or(f.key.len(), |j| j - 1);
    Some(&f.key[start..end])
}

/// A note about the author at the end of the article ("Jane Roe is a senior writer…", "Have a
/// tip? Jane Roe may be reached at…", "Jane Roe's book…"): one of the article's last
/// `author_note_max_paragraphs` paragraphs names the byline's author in its first
/// `AUTHOR_NOTE_NAME_WORDS` words. It and the body after it are removed as `about`. Articles
/// rarely name their own author; the article's first paragraph never counts.
pub(crate) fn author_note(feats: &[Features], article: &Range<usize>, out: &mut [Block], cfg: &Config) {
    let Some(name) = author_name(feats, out) else { return };
    let body: Vec<usize> = article.clone().filter(|&i| out[i].kind == BlockKind::Body).collect();
    let last = body.len().saturating_sub(cfg.author_note_max_paragraphs).max(1);
    let names_author = |i: usize| {
        let key = &feats[i].key;
        let head = key.match_indices(' ').nth(AUTHOR_NOTE_NAME_WORDS - 1).map_or(key.as_str(), |(j, _)| &key[..j]);
        head.match_indices(name).any(|(j, _)| {
            let end = j + name.len();
            (j == 0 || head.as_bytes()[j - 1] == b' ') && (end == head.len() || head.as_bytes()[end] == b' ')
        })
    };
    let Some(from) = body.iter().skip(last).position(|&i| names_author(i)) else { return };
    for &i in &body[last + from..] {
        out[i].kind = BlockKind::Boilerplate;
        out[i].reason = Some(Reason::About);
    }
}

/// Words at the start of a paragraph in which an author's note names the author.
const AUTHOR_NOTE_NAME_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::super::features::measure;
    use super::*;

    #[test]
    fn dates_and_bylines() {
        let m = |s: &str| measure(s, 0..s.len(), crate::tokenize::Lang::En);
        for s in ["Updated : 19 November 2019, 09:01 AM", "12.03.2021", "August 9, 2025", "Published 14:05"] {
            assert!(is_date(&m(s)), "{s}");
        }
        for s in ["The 1990s were different.", "Page 2", "Storm Hits Coast"] {
            assert!(!is_date(&m(s)), "{s}");
        }
        assert!(is_byline(&m("By Jane Roe")));
        assert!(is_byline(&m("KAM Isaac")));
        assert!(!is_byline(&m("Read the full story")));
    }

    #[test]
    fn issue_4_captions_that_name_themselves() {
        let m = |s: &str| measure(s, 0..s.len(), crate::tokenize::Lang::En);
        let cfg = Config::default();
        for s in [
            "In this Dec. 3, 2019, file photo, a ferry leaves the pier.",
            "FILE PHOTO: Traders work on the floor of the exchange.",
            "An artist\u{2019}s concept of the lander on the surface.",
            "Image caption The pier was built in 1890",
        ] {
            assert!(is_cued_caption(&m(s), &cfg), "{s}");
        }
        for s in ["A photo of the lighthouse was shared thousands of times.", "The file was photographed."] {
            assert!(!is_cued_caption(&m(s), &cfg), "{s}");
        }
        // A long paragraph that mentions a file photo is no caption.
        let long = format!("In this file photo {}", "the council said the pier would close. ".repeat(10));
        assert!(!is_cued_caption(&m(&long), &cfg));
    }

    #[test]
    fn issue_4_the_author_name_comes_from_a_by_line_only() {
        let m = |s: &str| measure(s, 0..s.len(), crate::tokenize::Lang::En);
        let block = |kind| Block { span: 0..0, kind, reason: None };
        let feats = [m("By Jane Roe, Staff Writer"), m("Storm Hits Coast")];
        let out = [block(BlockKind::Byline), block(BlockKind::Title)];
        assert_eq!(author_name(&feats, &out), Some("jane roe"));
        // Capitalised words taken for a byline are not trusted, and one name word is too few.
        let feats = [m("Jane Roe"), m("By Jane")];
        assert_eq!(author_name(&feats[..1], &out[..1]), None);
        assert_eq!(author_name(&feats[1..], &out[..1]), None);
    }
}
