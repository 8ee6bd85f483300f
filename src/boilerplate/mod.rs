//! Which lines of a pasted page are the article, which are metadata, and which are page chrome.
//!
//! A block is one line of the paste (pages put each paragraph on its own line when copied). The
//! stages, in order (`DESIGN.md` explains each with its known failures):
//!
//! 1. [`features`]: what text alone says about each block — words, function words, sentence
//!    punctuation, links, separators, known phrases in a dozen languages ([`phrases`]);
//! 2. markup, when the paste came with HTML: link share and class/id/tag hints per block;
//! 3. a first class per block (prose, weak prose, short, chrome with a reason);
//! 4. the article: the stretch of blocks with the largest total score, prose counting for it and
//!    chrome against it, with everything after an end-of-article marker (comments, related
//!    stories) discounted — linear, like the maximum-sum segment it is;
//! 5. inside the article, chrome is removed and short lines are kept as subheadings unless they
//!    form a menu-like run; before it, the title, byline, date and captions are picked out
//!    ([`metadata`]); everything else outside it is removed.

mod features;
mod metadata;
mod phrases;

use std::collections::VecDeque;
use std::hash::Hasher;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::html::{Flat, Hint, Hints};
use crate::lexicon::{WordHasher, WordMap, WordSet};
use crate::tokenize::{detect_language, Lang};
use features::{Features, Scratch};
use phrases::Concept;

pub(crate) use features::lines;
pub(crate) use phrases::known_group as known_phrase_group;

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
    /// Mostly links, handles, hashtags or separators: a link list or a social-media block.
    Links,
    /// A copyright or legal notice.
    Legal,
    /// The same short line appears in another pasted source: the outlet's own chrome.
    SharedChrome,
    /// The page's markup marks it as navigation, footer, sidebar, comments, sharing or ads.
    Markup,
    /// Before the article starts: the page header, menus, teasers.
    BeforeArticle,
    /// After the article ends: related stories, comments, the page footer.
    AfterArticle,
    /// A line that only gives a date or time ("3 hours ago", "19.11.2019 14:05") away from the
    /// article's header: the stamps of teaser lists and comments.
    Timestamp,
    /// A short paragraph that asks the reader to subscribe or sign up ("Get the day's headlines
    /// in your inbox…", "No spam, you can unsubscribe at any time").
    Prompt,
    /// A box about the author or the publisher after the article ("About the author", "Über
    /// Jane Roe"), or a paragraph there that names the article's author.
    About,
    /// A long line written in capitals: another story's headline between the paragraphs or a
    /// call to get the outlet's app.
    Shouted,
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
            Reason::Links => "mostly links, handles or separators",
            Reason::Legal => "copyright or legal notice",
            Reason::SharedChrome => "also appears in another source: the outlet's own page chrome",
            Reason::Markup => "the page's markup marks it as navigation, sidebar, comments or ads",
            Reason::BeforeArticle => "before the article starts (page header, menus)",
            Reason::AfterArticle => "after the article ends (related stories, comments, footer)",
            Reason::Timestamp => "only a date or time, as in lists of other stories and comments",
            Reason::Prompt => "asks you to subscribe or sign up (newsletter prompts)",
            Reason::About => "about the author or the publisher, after the article",
            Reason::Shouted => "written in capitals: another story's headline or a call to action",
        }
    }
}

impl Reason {
    /// Every reason, in declaration order: `reason as usize` is its place (a test checks).
    pub const ALL: [Reason; 15] = [
        Reason::KnownPhrase,
        Reason::Repeated,
        Reason::Navigation,
        Reason::NoText,
        Reason::RemovedByYou,
        Reason::Links,
        Reason::Legal,
        Reason::SharedChrome,
        Reason::Markup,
        Reason::BeforeArticle,
        Reason::AfterArticle,
        Reason::Timestamp,
        Reason::Prompt,
        Reason::About,
        Reason::Shouted,
    ];

    /// The name serde gives the reason (`snake_case`), for writers that skip serde.
    pub fn name(self) -> &'static str {
        match self {
            Reason::KnownPhrase => "known_phrase",
            Reason::Repeated => "repeated",
            Reason::Navigation => "navigation",
            Reason::NoText => "no_text",
            Reason::RemovedByYou => "removed_by_you",
            Reason::Links => "links",
            Reason::Legal => "legal",
            Reason::SharedChrome => "shared_chrome",
            Reason::Markup => "markup",
            Reason::BeforeArticle => "before_article",
            Reason::AfterArticle => "after_article",
            Reason::Timestamp => "timestamp",
            Reason::Prompt => "prompt",
            Reason::About => "about",
            Reason::Shouted => "shouted",
        }
    }
}

impl BlockKind {
    /// Whether the block is part of the article body that gets compared.
    pub fn is_body(self) -> bool {
        self == BlockKind::Body
    }

    /// Every kind, in declaration order: `kind as usize` is its place (a test checks).
    pub const ALL: [BlockKind; 6] = [
        BlockKind::Body,
        BlockKind::Title,
        BlockKind::Byline,
        BlockKind::Date,
        BlockKind::Caption,
        BlockKind::Boilerplate,
    ];

    /// The name serde gives the kind (`snake_case`), for writers that skip serde.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Body => "body",
            BlockKind::Title => "title",
            BlockKind::Byline => "byline",
            BlockKind::Date => "date",
            BlockKind::Caption => "caption",
            BlockKind::Boilerplate => "boilerplate",
        }
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

/// What the markup says about one line, when the paste came with HTML.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct LineMarkup {
    pub hints: Hints,
    /// Share of the block's text inside links, in [0, 1].
    pub link_share: f64,
    /// Index of the HTML block the line comes from: the lines of a paragraph broken by `<br>`
    /// share it.
    pub block: usize,
    /// The `<article>` or `<main>` element the line sits in (`HtmlBlock::article`; 0 outside
    /// all): the stories of a feed, or a post and the related posts nested inside it, are
    /// different elements.
    pub article: u32,
}

/// Short lines that occur in more than one source of an analysis (folded key → sources).
#[derive(Clone, Debug, Default)]
pub(crate) struct Shared {
    counts: WordMap<String, usize>,
}

impl Shared {
    fn in_other_sources(&self, key: &str) -> bool {
        self.counts.get(key).is_some_and(|&n| n >= 2)
    }
}

/// A text's lines measured (`features::measure_with`, in the language of its long lines): what
/// both [`shared_lines`] and [`classify_measured`] read. An analysis measures each source once
/// and hands the result to both; measured by each, the lines of 100 articles were read twice,
/// 90 M instructions of which half was the repeat (issue 9).
pub(crate) struct Measured {
    feats: Vec<Features>,
}

/// Measures every non-empty line of `text` (the lines of [`lines`], in their order).
pub(crate) fn measure(text: &str) -> Measured {
    let spans = lines(text);
    let lang = language_of(text, &spans);
    let mut scratch = Scratch::default();
    Measured { feats: spans.into_iter().map(|span| features::measure_with(text, span, lang, &mut scratch)).collect() }
}

/// Collects the lines that are not prose and appear in at least two of the texts `measured`
/// ([`measure`]). Prose sentences shared across sources are wire copy, not chrome, so they never
/// count.
pub(crate) fn shared_lines(measured: &[Measured], cfg: &Config) -> Shared {
    let mut counts: WordMap<String, usize> = WordMap::default();
    if measured.len() < 2 {
        return Shared { counts };
    }
    for m in measured {
        let mut seen: WordSet<&str> = WordSet::default();
        for f in &m.feats {
            if f.words == 0 || f.words > cfg.short_max_words || f.sentence_end {
                continue;
            }
            if seen.insert(f.key.as_str()) {
                *counts.entry(f.key.clone()).or_insert(0) += 1;
            }
        }
    }
    counts.retain(|_, n| *n >= 2);
    Shared { counts }
}

/// Bytes of long lines the language is detected on: enough for function words to decide, and
/// it keeps detection from reading a page's menus or costing more on a long paste.
const LANGUAGE_SAMPLE_BYTES: usize = 2000;

/// The language of a paste, from its long lines (the article's paragraphs, not its menus).
fn language_of(text: &str, spans: &[Range<usize>]) -> Lang {
    let mut sample = String::new();
    for s in spans.iter().filter(|s| s.len() >= 80) {
        if sample.len() >= LANGUAGE_SAMPLE_BYTES {
            break;
        }
        sample.push_str(&text[s.clone()]);
        sample.push('\n');
    }
    if sample.is_empty() {
        let end = (0..=LANGUAGE_SAMPLE_BYTES.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        sample.push_str(&text[..end]);
    }
    detect_language(&sample)
}

/// The first judgement of a block, before its neighbours are considered.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    /// Page chrome, wherever it stands.
    Chrome(Reason),
    /// Chrome that opens or closes what follows an article: comments, related stories, or the
    /// page's copyright notice.
    End(Reason),
    /// Sentences of running text.
    Prose,
    /// Punctuated but short, or long without final punctuation: text that may be article.
    Weak,
    /// A few words without sentence punctuation: a heading, a name, a menu item.
    Short,
    /// Many words without punctuation or function words: a headline, a teaser title, a list.
    Label,
}

fn is_chrome_hint(h: Hints) -> bool {
    h.iter().any(|x| x != Hint::Header && crate::html::is_chrome(x))
}

/// Whether the markup calls a line the author's ("author-bio", "byline", `itemprop="author"`)
/// and it runs to sentences: a note about the author rather than a byline.
fn in_author_box(f: &Features, markup: Option<&LineMarkup>, cfg: &Config) -> bool {
    markup.is_some_and(|m| m.hints.has(Hint::Byline))
        && (f.sentence_end || f.inner_stops > 0)
        && f.words >= cfg.author_box_min_words
}

/// Whether the markup puts a line in a list item or a table cell of the article element (and in
/// no chrome): such lines repeat on purpose — the same ingredient in two recipes, the same step
/// in two plans, the same venue on two dates — so printing one again is no sign of chrome.
fn is_article_item(markup: Option<&LineMarkup>) -> bool {
    markup.is_some_and(|m| {
        m.hints.has(Hint::Article)
            && !is_chrome_hint(m.hints)
            && (m.hints.has(Hint::ListItem) || m.hints.has(Hint::Table))
    })
}

/// Whether the markup puts a line in code (`<pre>`, `<code>`) and in no chrome. A program in an
/// article is a run of short lines without sentence punctuation ("import ctypes", "}"), some of
/// them printed twice and some only symbols: judged as text, it read as a menu and cut a
/// programmer's post at its first listing. Code says nothing for or against the article, so its
/// lines cost nothing, are not menus and may repeat.
fn is_code(markup: Option<&LineMarkup>) -> bool {
    markup.is_some_and(|m| m.hints.has(Hint::Pre) && !is_chrome_hint(m.hints))
}

/// `author_box`: the line is in a box about the author (see [`in_author_box`]) and the page has
/// few such lines.
fn first_class(f: &Features, markup: Option<&LineMarkup>, author_box: bool, shared: &Shared, cfg: &Config) -> Class {
    let sentence_like = f.sentence_end || f.inner_stops > 0;
    // Headlines and teasers capitalise most words; prose, even dense with names, does not.
    let capitalized_share = f.capitalized as f64 / f.words.max(1) as f64;
    let prose = sentence_like
        && f.words >= cfg.prose_min_words
        && f.function_share() >= cfg.prose_min_function_share
        && capitalized_share <= cfg.prose_max_capitalized_share;
    if f.letters + f.digits == 0 || f.words == 0 {
        return Class::Chrome(Reason::NoText);
    }
    match f.whole {
        Some(Concept::Chrome) => return Class::Chrome(Reason::KnownPhrase),
        Some(Concept::EndOfArticle | Concept::Related) => return Class::End(Reason::KnownPhrase),
        _ if f.comment_header => return Class::End(Reason::KnownPhrase),
        _ => {}
    }
    // The heading of a box about the author or the publisher ends the article: a known heading
    // ("About the author"), or "About" and a name ("Über Jane Roe", "About Example Media"). A
    // subheading about a thing ("About the study"), a number ("Über 45.000") or a sentence
    // ("About 200 people came.") is not.
    // Looked at only for a line that starts like an "About" heading (a search per line was 1 %
    // of the time of stripping).
    let number_after = || f.key.split(' ').nth(1).is_some_and(|w| w.starts_with(|c: char| c.is_numeric()));
    let named = matches!(f.prefix, Some(Concept::About)) && f.capitalized + 1 >= f.words && !number_after();
    if (matches!(f.whole, Some(Concept::About)) || named)
        && f.words >= 2
        && f.words <= cfg.about_max_words
        && !f.sentence_end
    {
        return Class::End(Reason::About);
    }
    // A short paragraph with several words of sign-up prompts ("newsletter", "inbox",
    // "unsubscribe") asks the reader for something, even when it reads as prose. Only sentences
    // are looked at: a short unpunctuated line is judged by its neighbours anyway, and menus of
    // one-word lines then cost no lookups.
    if sentence_like
        && (cfg.weak_min_words..=cfg.prompt_max_words).contains(&f.words)
        && phrases::prompt_words(&f.key) >= cfg.prompt_min_words
    {
        // A sign-up box closes the article more often than it interrupts it: it is an end
        // marker, so the form's lines and the publisher's blurb after it go too — unless a
        // paragraph follows it (`prompts_between_paragraphs`) or as much text as came before.
        return Class::End(Reason::Prompt);
    }
    // Long prefixes ("we use cookies …", "subscribe to continue reading …") are chrome even in
    // a full sentence; short ones ("photo …", "read more …") only in a short line.
    let prefix_applies =
        (!prose && f.words <= cfg.prefix_max_words) || (f.prefix_words >= 3 && f.words <= 3 * cfg.prefix_max_words);
    // A post's filing line lists every category and tag it has, and may run to any length; no
    // paragraph of an article opens with "This entry was posted in".
    if matches!(f.prefix, Some(Concept::Filing)) {
        return Class::Chrome(Reason::KnownPhrase);
    }
    if prefix_applies {
        // A line that only starts like an end marker ("Related: …", "Comments (12)") is chrome
        // but does not end the article: such links also stand between paragraphs.
        if matches!(f.prefix, Some(Concept::Chrome | Concept::EndOfArticle | Concept::Related)) {
            return Class::Chrome(Reason::KnownPhrase);
        }
    }
    if f.copyright && f.words <= cfg.prefix_max_words * 3 {
        // A page's notice ("© 2019 Example Media. All rights reserved.") closes the page; a
        // photo credit ("© Jane Roe") stands between paragraphs.
        let notice = is_page_notice(f) || f.words >= 8;
        return if notice { Class::End(Reason::Legal) } else { Class::Chrome(Reason::Legal) };
    }
    if let Some(m) = markup {
        if is_chrome_hint(m.hints) {
            return Class::Chrome(Reason::Markup);
        }
        if author_box {
            return Class::Chrome(Reason::About);
        }
        if m.link_share >= cfg.max_link_share && !prose {
            return Class::Chrome(Reason::Links);
        }
    }
    // Links, handles, hashtags or separators at a rate no prose has.
    // … but not in preformatted text: code's comments ("# ~/.bashrc"), paths and URLs are code.
    let code = markup.is_some_and(|m| m.hints.has(Hint::Pre));
    if (f.links + f.separators) * cfg.words_per_link_min > f.words + 1 && !prose && !code {
        return Class::Chrome(Reason::Links);
    }
    // A line that is only a date or time: a relative time, a clock time, or a year with more
    // digits (a day, a month). A year alone ("Best albums of 2019") may be a subheading.
    if !prose && (f.relative_time || (metadata::is_date(f) && f.clock)) {
        return Class::Chrome(Reason::Timestamp);
    }
    if !prose && shared.in_other_sources(&f.key) {
        return Class::Chrome(Reason::SharedChrome);
    }
    if prose {
        Class::Prose
    } else if sentence_like && f.words >= cfg.weak_min_words {
        Class::Weak
    } else if f.words <= cfg.short_max_words {
        Class::Short
    } else if f.function_share() >= cfg.prose_min_function_share && f.words >= 2 * cfg.prose_min_words {
        // Running text without final punctuation (a paragraph ending in a link or a quote).
        Class::Weak
    } else {
        Class::Label
    }
}

/// Words written in capitals that make a line shouted rather than a subheading: subheadings in
/// capitals are a few words ("WHO IS THE FRONT-RUNNER?", "HOW TO USE A WATER BATH CANNER"), the
/// headlines of other stories that news sites print in capitals between paragraphs are longer.
const SHOUTED_MIN_WORDS: usize = 8;

/// Whether a line has no lowercase letter and at least `SHOUTED_MIN_WORDS` words that start
/// with a letter (numbers do not count: a stock quote "HD THE HOME DEPOT INC. 225.86 -12.99"
/// is data, not a headline).
fn is_shouted(line: &str) -> bool {
    let mut words = 0;
    let mut word_start = true;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if word_start && c.is_alphabetic() {
            words += 1;
        }
        word_start = c.is_whitespace();
    }
    words >= SHOUTED_MIN_WORDS
}

/// Whether a copyright line is the page's notice in so many words ("All rights reserved",
/// "Copyright 2019 …") rather than a credit that starts with "©".
fn is_page_notice(f: &Features) -> bool {
    f.copyright && (f.key.contains("all rights reserved") || f.key.starts_with("copyright"))
}

/// How much a block counts for (positive) or against (negative) being inside the article.
fn score(c: Class, f: &Features, markup: Option<&LineMarkup>, cfg: &Config) -> f64 {
    let in_article = markup.is_some_and(|m| m.hints.has(Hint::Article));
    let base = match c {
        // A prompt ends the article only by the text after it (`article_range`); it weighs
        // like other chrome, so one between paragraphs does not split the stretch.
        Class::Chrome(_) | Class::End(Reason::Prompt) => -cfg.chrome_penalty,
        Class::End(_) => -cfg.end_penalty,
        Class::Prose => f.words as f64,
        Class::Weak => f.words as f64 * cfg.weak_weight,
        Class::Short => -cfg.short_penalty,
        Class::Label => -cfg.short_penalty * (f.words as f64 / cfg.short_max_words.max(1) as f64),
    };
    if in_article && base < 0.0 && !matches!(c, Class::Chrome(_) | Class::End(_)) {
        0.0
    } else if base < 0.0 && is_code(markup) && !matches!(c, Class::End(_)) {
        // Code is short lines, lone symbols and repeats: no evidence against the article it
        // stands in (see `is_code`).
        0.0
    } else if in_article {
        base * cfg.article_markup_weight
    } else {
        base
    }
}

/// Whether a class is text that may be article (prose or weak prose).
fn is_text(c: Class) -> bool {
    matches!(c, Class::Prose | Class::Weak)
}

/// Whether a class reads as an item of a list or a headline: short, a label or weak text.
fn is_item(c: Class) -> bool {
    matches!(c, Class::Short | Class::Label | Class::Weak)
}

/// A paragraph with no text on either side — between a headline and a date, a name and a "Read
/// more" — is how teaser lists, related stories and sidebars look; an article's paragraphs have
/// paragraphs next to them. Such a paragraph counts `isolated_prose_weight` of its score, so that
/// inside an article (text on both sides further away) it is still kept, but a run of teasers
/// after the article no longer outweighs the headlines and dates between them.
///
/// A paragraph in a run of paragraphs cut off with an ellipsis (`teaser`, see [`teaser_runs`])
/// counts `truncated_prose_weight` — inside the article element too, which on many news sites
/// wraps the lists of other stories as well.
fn isolate(
    classes: &[Class],
    scores: &mut [f64],
    dated: &[bool],
    teaser: &[bool],
    in_article: impl Fn(usize) -> bool,
    cfg: &Config,
) {
    // Known phrases and prompts (an ad marker, a share bar, "Sign up for our newsletter") between
    // paragraphs are looked past: an article interrupted by "Advertisement" has text on both
    // sides of it.
    let transparent = |c: Class| {
        matches!(c, Class::Chrome(Reason::KnownPhrase | Reason::NoText | Reason::Prompt) | Class::End(Reason::Prompt))
    };
    let n = classes.len();
    for i in 0..n {
        if !is_text(classes[i]) {
            continue;
        }
        if teaser[i] {
            scores[i] *= cfg.truncated_prose_weight;
            continue;
        }
        if in_article(i) {
            continue;
        }
        let before = (0..i).rev().take(ISOLATION_LOOK).find(|&j| !transparent(classes[j]));
        let after = (i + 1..n).take(ISOLATION_LOOK).find(|&j| !transparent(classes[j]));
        if !before.is_some_and(|j| is_text(classes[j])) && !after.is_some_and(|j| is_text(classes[j])) {
            // A lone paragraph next to a date or time is a stamped teaser (headline, author,
            // date, summary), the pattern of lists of other stories.
            let stamp = |j: usize| dated[j] && classes[j] == Class::Chrome(Reason::Repeated);
            let stamped = before.is_some_and(stamp) || after.is_some_and(stamp);
            scores[i] *= if stamped { cfg.stamped_prose_weight } else { cfg.isolated_prose_weight };
        }
    }
}

/// The summaries of a list of other stories: at least `truncated_run_min` paragraphs in a row
/// that end cut off with an ellipsis ("…the state will mail…", "[…]"), with at most
/// `ISOLATION_LOOK` lines of other kinds (a headline, a date, "Read more") between two of them
/// and no whole paragraph. Lists shorten each summary to a fixed length; an article ends its
/// sentences, and a paragraph that trails off ("Maybe next year…") rarely has two more such
/// next to it. When such runs hold `truncated_feed_share` of the page's text, the page is a
/// feed and nothing is marked. One pass over the blocks.
fn teaser_runs(text: &str, feats: &[Features], classes: &[Class], cfg: &Config) -> Vec<bool> {
    let n = feats.len();
    let mut teaser = vec![false; n];
    // Words of prose and weak prose on the page, and of those in runs.
    let (mut words, mut cut) = (0, 0);
    // The run so far: its first paragraph, its last one and its length.
    let (mut first, mut last, mut len) = (0, 0, 0);
    for i in 0..=n {
        let is_paragraph = i < n && is_text(classes[i]);
        if is_paragraph {
            words += feats[i].words;
            if ends_cut_off(&text[feats[i].span.clone()]) {
                if len == 0 {
                    first = i;
                }
                (last, len) = (i, len + 1);
                continue;
            }
        }
        // A whole paragraph, the end of the page or more than `ISOLATION_LOOK` other lines end
        // a run.
        if len > 0 && (is_paragraph || i == n || i - last > ISOLATION_LOOK) {
            if len >= cfg.truncated_run_min.max(1) {
                for j in first..=last {
                    if is_text(classes[j]) {
                        teaser[j] = true;
                        cut += feats[j].words;
                    }
                }
            }
            len = 0;
        }
    }
    // A page made of such summaries is a feed (a press portal, a blog's index): they are its
    // content, and the rest is its footer.
    if cut > 0 && cut as f64 >= cfg.truncated_feed_share * words as f64 {
        teaser.fill(false);
    }
    teaser
}

/// What the markup says about each line, for finding where the article starts and ends.
#[derive(Clone, Copy)]
struct ArticleMarks<'a> {
    /// Text inside the article element and in no chrome.
    marked: &'a [bool],
    /// Such text that may open the article: not in a header or a heading.
    opening: &'a [bool],
    /// The innermost `<article>` or `<main>` element of the line (`LineMarkup::article`; 0 for
    /// none); empty without markup.
    element: &'a [u32],
    /// Weak text with no text on either side that is no item of a list or a table: a teaser's
    /// summary between two headlines; empty without markup.
    lone_weak: &'a [bool],
}

/// Known-phrase lines looked past on each side of a paragraph to find its neighbours.
const ISOLATION_LOOK: usize = 3;

/// The article: the stretch of blocks with the largest total score (Kadane's maximum-sum
/// segment), cut at the first end-of-article marker that follows at least
/// `end_min_prose_words` of its text — comments and related-story teasers are prose too, and
/// often more of it than the article.
fn article_range(
    classes: &[Class],
    scores: &[f64],
    dated: &[bool],
    marks: &ArticleMarks,
    notice: &[bool],
    cfg: &Config,
) -> Option<Range<usize>> {
    let ArticleMarks { marked: marked_article, opening, element, lone_weak } = *marks;
    let mut best: Option<(f64, Range<usize>)> = None;
    let (mut sum, mut start) = (0.0, 0);
    // The best stretch before the first end marker that follows `end_min_prose_words` of text:
    // the marker, that stretch's score and the stretch.
    let mut before_end: Option<(usize, f64, Range<usize>)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if before_end.is_none() && matches!(classes[i], Class::End(_)) {
            if let Some((b, r)) = &best {
                if *b >= cfg.end_min_prose_words {
                    before_end = Some((i, *b, r.clone()));
                }
            }
        }
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, start..i + 1));
        }
    }
    let (total, mut range) = best?;
    // What follows an end marker (comments, related stories, the page's footer) is not the
    // article when enough text came before the marker: a short article, or one that is mostly a
    // list, is outweighed by the disclaimers of a footer or a run of comments after it.
    if let Some((marker, before, r)) = before_end {
        if range.start > marker && before >= cfg.end_before_min_share * total {
            range = r;
        }
    }
    // With markup, article text after a box of chrome inside the article element still belongs
    // to the article: step over chrome and short lines to the last marked article line — but
    // not to a teaser: weak text with no text on either side (a summary between two headlines,
    // `ArticleMarks::lone_weak`) in another `<article>` or `<main>` element than the stretch's
    // last line is the summary of another story in a box after the article, and is stepped
    // over like chrome.
    let last = range.end - 1;
    let mut j = range.end;
    while j < classes.len() {
        let teaser = lone_weak.get(j).copied().unwrap_or(false) && element.get(j) != element.get(last);
        if marked_article[j] && !teaser {
            range.end = j + 1;
        } else if !marked_article[j]
            && !matches!(classes[j], Class::Chrome(_) | Class::End(_) | Class::Short | Class::Label)
        {
            break;
        }
        j += 1;
    }
    // Likewise before it: the article's opening paragraphs above a box of chrome inside the
    // article element (an introduction above a table of contents, a share bar or a photo) are
    // stepped back to — but not lines of a header or a heading: the summary under the headline
    // is not body to every reader (see `DESIGN.md`).
    let mut j = range.start;
    while j > 0 {
        j -= 1;
        if opening[j] {
            range.start = j;
        } else if !matches!(classes[j], Class::Chrome(_) | Class::End(_) | Class::Short | Class::Label) {
            break;
        }
    }
    // Suffix sums over the stretch keep every marker check constant-time, so a comment section
    // of ten thousand "Reply" lines stays linear.
    let len = range.len();
    let mut text_after = vec![0.0; len + 1];
    let mut article_after = vec![false; len + 1];
    // The same for the text after each line that sits in the same `<article>` element as it:
    // a post's related posts, or a feed's other stories, are `<article>` elements of their own
    // (nested in the post or beside it), and their summaries are not the post's text after a
    // "You may also like" box. Elements are numbered from 1 in page order, so one running sum
    // per element sits in a list indexed by its number, and it stays linear. Without markup
    // there are no elements (`element` is empty), and nothing to allocate.
    let by_element = if element.is_empty() { 0 } else { len };
    let mut same_text_after = vec![0.0; by_element];
    let mut same_article_after = vec![false; by_element];
    let elements = element.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut per_element: Vec<(f64, bool)> = vec![(0.0, false); elements];
    for k in (0..len).rev() {
        let j = range.start + k;
        let score = scores[j].max(0.0);
        let marked = marked_article.get(j).copied().unwrap_or(false);
        text_after[k] = text_after[k + 1] + score;
        article_after[k] = article_after[k + 1] || marked;
        let e = element.get(j).copied().unwrap_or(0) as usize;
        if let Some(after) = per_element.get_mut(e).filter(|_| e != 0) {
            (same_text_after[k], same_article_after[k]) = *after;
            after.0 += score;
            after.1 |= marked;
        }
    }
    let mut text_before = 0.0;
    for i in range.clone() {
        let k = i - range.start;
        // The page's own notice ("© 2019 Example Media. All rights reserved.") closes the page
        // whatever the markup says after it: teaser lists under it often sit inside the same
        // article element. A long photo credit ("© Jane Roe Workers unload…") does not.
        if notice[i] && text_before >= cfg.end_min_prose_words {
            return Some(range.start..i);
        }
        // A marker inside an `<article>` element looks only at the text of that element after
        // it; elsewhere at all the text after it.
        let in_element = element.get(i).is_some_and(|&e| e != 0);
        let (text_after_marker, article_after_marker) = if in_element {
            (same_text_after[k], same_article_after[k])
        } else {
            (text_after[k + 1], article_after[k + 1])
        };
        if matches!(classes[i], Class::End(_)) && text_before >= cfg.end_min_prose_words && !article_after_marker {
            // Comments give themselves away by dates and times in the lines that follow ("Jane
            // on May 3, 2019 at 4:47 pm said:"); otherwise a box of links inside the article
            // ("Related" and a few headlines) is followed by at least as much text as came
            // before it, and teaser lists after the article are not.
            // A sign-up prompt opens no comment thread: the dates of the teasers or the
            // article's own lines after it say nothing.
            let comments =
                classes[i] != Class::End(Reason::Prompt) && (i + 1..range.end).take(END_LOOKAHEAD).any(|j| dated[j]);
            if comments || text_after_marker < text_before {
                return Some(range.start..i);
            }
        }
        text_before += scores[i].max(0.0);
    }
    Some(range)
}

/// A related-story link between paragraphs: a marker line alone ("Read also:", "Lea también",
/// "Leggi anche"), ONE line after it that reads as a headline (short, a label or weak text: the
/// linked headline), and prose again.
/// The marker then does not end the article — the article goes on — and the headline is a link,
/// not the article's text. A box at the end ("Le puede interesar" over several headlines, or over
/// nothing that reads as prose) keeps its marker as the end of the article, and so do
/// - a list of teasers, headline and summary in turn ("Related content", a headline, its
///   summary, the next headline…): the article goes on with at least two paragraphs, a teaser
///   has one summary under its headline;
/// - a headline with a date or time: the stamp of a teaser;
/// - a line with a link, handle or hashtag (a URL, "@name", "#tag"): a list of sources
///   ("Sources:", a reference with its address), not a headline;
/// - a line outside [`INLINE_LINK_WORDS`]: a name ("Recent Posts" over the author's name and
///   note in a sidebar) or a teaser's headline run together with its summary.
fn inline_links(feats: &[Features], classes: &mut [Class], dated: &[bool]) {
    let n = feats.len();
    for i in 0..n.saturating_sub(3) {
        let f = &feats[i];
        let marker = matches!(f.whole, Some(Concept::Related))
            || (matches!(f.prefix, Some(Concept::Related)) && f.prefix_words >= f.words);
        // At least two paragraphs after the headline: a teaser has one summary.
        let continues = classes[i + 2] == Class::Prose && classes[i + 3] == Class::Prose;
        if marker
            && matches!(classes[i], Class::End(_) | Class::Chrome(Reason::KnownPhrase))
            && is_item(classes[i + 1])
            && !dated[i + 1]
            && feats[i + 1].links == 0
            && INLINE_LINK_WORDS.contains(&feats[i + 1].words)
            && continues
        {
            classes[i] = Class::Chrome(Reason::KnownPhrase);
            classes[i + 1] = Class::Chrome(Reason::Links);
        }
    }
}

/// A sign-up prompt ends the article ([`first_class`]) unless a paragraph follows it: then it
/// stands between the article's paragraphs ("Sign up for our newsletter", and the story goes
/// on) and is plain chrome. The sign-up box at the end of an article goes on with its form's
/// lines ("Please fill in the form", "You have subscribed") and the publisher's blurb.
fn prompts_between_paragraphs(classes: &mut [Class]) {
    for i in 1..classes.len() {
        if classes[i] == Class::Prose && classes[i - 1] == Class::End(Reason::Prompt) {
            classes[i - 1] = Class::Chrome(Reason::Prompt);
        }
    }
}

/// Words of the one headline an inline related-story link shows ([`inline_links`]): fewer is a
/// name or a label, more is a headline run together with its teaser's summary.
const INLINE_LINK_WORDS: std::ops::RangeInclusive<usize> = 4..=20;

/// Blocks looked at after an end-of-article marker to tell a box inside the article from the
/// start of comments or teasers.
const END_LOOKAHEAD: usize = 8;

/// Lines of chrome right after a heading that make it the heading of a box ("Read more on this"
/// over a list of headlines, "Our newsletter" over a sign-up prompt) rather than a subheading,
/// which is followed by text.
const BOX_HEADING_CHROME_LINES: usize = 1;

/// Whether block `i` sits in a run of at least `run` blocks for which `pred` holds.
fn in_run(n: usize, i: usize, run: usize, pred: impl Fn(usize) -> bool) -> bool {
    let mut lo = i;
    while lo > 0 && pred(lo - 1) && i - lo < run {
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < n && pred(hi + 1) && hi - i < run {
        hi += 1;
    }
    hi - lo + 1 >= run
}

/// Classifies every non-empty line of `text`. `markup` gives what the HTML said about each line
/// (same order as [`lines`]) when the paste came with HTML; `shared` holds the short lines seen
/// in other sources of the same analysis.
pub(crate) fn classify(text: &str, markup: Option<&[Option<LineMarkup>]>, shared: &Shared, cfg: &Config) -> Vec<Block> {
    if !cfg.strip_boilerplate {
        return lines(text).into_iter().map(|span| Block { span, kind: BlockKind::Body, reason: None }).collect();
    }
    classify_measured(text, measure(text), markup, shared, cfg)
}

/// [`classify`] with the lines of `text` already measured ([`measure`]).
pub(crate) fn classify_measured(
    text: &str,
    measured: Measured,
    markup: Option<&[Option<LineMarkup>]>,
    shared: &Shared,
    cfg: &Config,
) -> Vec<Block> {
    let feats = measured.feats;
    if !cfg.strip_boilerplate {
        return feats.iter().map(|f| Block { span: f.span.clone(), kind: BlockKind::Body, reason: None }).collect();
    }
    let mark = |i: usize| markup.and_then(|m| m.get(i)).and_then(|m| m.as_ref());
    // A note about the author is one to a few paragraphs; when more of the page sits under an
    // author class, the class wraps the article (a blog's post by its author) and says nothing.
    let mut author_box: Vec<bool> = feats.iter().enumerate().map(|(i, f)| in_author_box(f, mark(i), cfg)).collect();
    if author_box.iter().filter(|&&b| b).count() > cfg.author_note_max_paragraphs {
        author_box.fill(false);
    }
    let mut classes: Vec<Class> =
        feats.iter().enumerate().map(|(i, f)| first_class(f, mark(i), author_box[i], shared, cfg)).collect();
    // A long line in capitals is shouted at the reader: another story's headline between the
    // paragraphs ("LAWMAKERS CLASH OVER THE HARBOUR BUDGET AFTER A LONG NIGHT") or a call to get
    // the outlet's app. Only lines whose first letters are all capitals are read again, and only
    // in a paste with prose: a bulletin or a notice written wholly in capitals is its own text.
    if classes.iter().any(|c| matches!(c, Class::Prose)) {
        for (i, f) in feats.iter().enumerate() {
            if f.words >= SHOUTED_MIN_WORDS
                && f.capitalized == f.words
                && !matches!(classes[i], Class::Chrome(_) | Class::End(_))
                && !is_code(mark(i))
                && text.get(f.span.clone()).is_some_and(is_shouted)
            {
                classes[i] = Class::Chrome(Reason::Shouted);
            }
        }
    }

    // A short line printed again (a byline twice, a menu repeated in the footer) is chrome from
    // its second appearance on; the first may still be metadata. Items of the article's own
    // lists and tables are exempt (see `is_article_item`).
    let mut seen: WordSet<&str> = WordSet::with_capacity_and_hasher(feats.len(), Default::default());
    let mut repeated = vec![false; feats.len()];
    for (i, f) in feats.iter().enumerate() {
        if !seen.insert(f.key.as_str())
            && !matches!(classes[i], Class::Prose | Class::Weak)
            && !is_article_item(mark(i))
            && !is_code(mark(i))
        {
            repeated[i] = true;
            if !matches!(classes[i], Class::Chrome(_) | Class::End(_)) {
                classes[i] = Class::Chrome(Reason::Repeated);
            }
        }
    }

    mark_repeated_text(&feats, &mut classes, &mut repeated, cfg);

    let dated: Vec<bool> = feats.iter().map(|f| metadata::is_date(f) || f.relative_time).collect();
    inline_links(&feats, &mut classes, &dated);
    prompts_between_paragraphs(&mut classes);
    let mut scores: Vec<f64> = feats.iter().enumerate().map(|(i, f)| score(classes[i], f, mark(i), cfg)).collect();
    let teaser = teaser_runs(text, &feats, &classes, cfg);
    let in_article = |i: usize| mark(i).is_some_and(|m| m.hints.has(Hint::Article));
    isolate(&classes, &mut scores, &dated, &teaser, in_article, cfg);
    // With markup, text inside the article element after a marker means the marker was a box
    // inside the article.
    let marked_article: Vec<bool> = (0..feats.len())
        .map(|i| scores[i] > 0.0 && mark(i).is_some_and(|m| m.hints.has(Hint::Article) && !is_chrome_hint(m.hints)))
        .collect();
    // Only a short notice closes the page unconditionally: a sentence that discusses "all rights
    // reserved" is text.
    let notice: Vec<bool> = feats
        .iter()
        .zip(&classes)
        .map(|(f, &c)| c == Class::End(Reason::Legal) && is_page_notice(f) && f.words <= cfg.prefix_max_words)
        .collect();
    let same_block = |a: usize, b: usize| match (mark(a), mark(b)) {
        (Some(x), Some(y)) => x.block == y.block,
        _ => false,
    };
    let opening: Vec<bool> = (0..feats.len())
        .map(|i| marked_article[i] && !mark(i).is_some_and(|m| m.hints.has(Hint::Header) || m.hints.has(Hint::Heading)))
        .collect();
    let element: Vec<u32> = match markup {
        Some(_) => (0..feats.len()).map(|i| mark(i).map_or(0, |m| m.article)).collect(),
        None => Vec::new(),
    };
    let lone_weak: Vec<bool> = match markup {
        Some(_) => (0..feats.len())
            .map(|j| {
                classes[j] == Class::Weak
                    && (j == 0 || !is_text(classes[j - 1]))
                    && !classes.get(j + 1).is_some_and(|&c| is_text(c))
                    && !is_article_item(mark(j))
            })
            .collect(),
        None => Vec::new(),
    };
    let marks = ArticleMarks { marked: &marked_article, opening: &opening, element: &element, lone_weak: &lone_weak };
    let article = match article_range(&classes, &scores, &dated, &marks, &notice, cfg) {
        Some(r) => r,
        // No prose at all (a list, a poem, a table): keep everything that is not chrome rather
        // than empty the source.
        None => 0..feats.len(),
    };
    // A list a paragraph announces with a colon is no menu: its lines after the article's last
    // paragraph join the article, and inside the article the short lines right after such a
    // paragraph are the list.
    let (article, announced) = announced_list(text, &feats, &classes, article, cfg);
    // With markup, the article does not end inside one of its paragraphs: the lines that
    // follow its last line in the same HTML block (a paragraph broken by `<br>`: a list of
    // dates, an address) and inside the article element belong to it.
    let mut article = article;
    while article.end > article.start
        && article.end < feats.len()
        && same_block(article.end - 1, article.end)
        && mark(article.end).is_some_and(|m| m.hints.has(Hint::Article))
    {
        article.end += 1;
    }
    let mut listed = vec![false; feats.len()];
    listed[announced].fill(true);
    let mut after_colon = false;
    for i in article.clone() {
        match classes[i] {
            Class::Prose | Class::Weak => after_colon = ends_with_colon(text, &feats[i]),
            Class::Short | Class::Label => listed[i] |= after_colon,
            _ => after_colon = false,
        }
    }

    let n = feats.len();
    let heads_a_box = |i: usize| {
        mark(i).is_some_and(|m| m.hints.has(Hint::Heading))
            && i + BOX_HEADING_CHROME_LINES < n
            && (i + 1..=i + BOX_HEADING_CHROME_LINES).all(|j| matches!(classes[j], Class::Chrome(_)))
    };
    // A few words ending with a colon right above chrome ("Download the route as a map:" over
    // a sign-up button, "Release date:" over a time stamp) announce that chrome. Links are left
    // out: in a plain paste code reads as links ("You can use this code:"), and a document the
    // paragraph points to ("The full report is here:") counts as the article's to many readers.
    let announces_chrome = |i: usize| {
        feats[i].words <= cfg.announcer_max_words
            && ends_with_colon(text, &feats[i])
            && i + 1 < n
            && matches!(classes[i + 1], Class::Chrome(r) if r != Reason::Links)
    };
    let short_like = |j: usize| matches!(classes[j], Class::Short | Class::Label | Class::Chrome(_) | Class::End(_));
    let mut out: Vec<Block> = Vec::with_capacity(n);
    for (i, f) in feats.iter().enumerate() {
        let (kind, reason) = match classes[i] {
            Class::Chrome(r) => (BlockKind::Boilerplate, Some(r)),
            Class::End(r) => (BlockKind::Boilerplate, Some(r)),
            _ if i < article.start => (BlockKind::Boilerplate, Some(Reason::BeforeArticle)),
            _ if i >= article.end => (BlockKind::Boilerplate, Some(Reason::AfterArticle)),
            // A list inside the marked-up article (ingredients, steps, code) is not a menu
            // unless its items are links.
            Class::Short | Class::Label
                if !listed[i]
                    && in_run(n, i, cfg.menu_run, short_like)
                    && !mark(i).is_some_and(|m| m.hints.has(Hint::Article) && m.link_share < cfg.max_link_share)
                    && !is_code(mark(i)) =>
            {
                (BlockKind::Boilerplate, Some(Reason::Navigation))
            }
            // The heading of a box of chrome inside the article ("More on this topic" over
            // three headlines, "Our newsletter" over a sign-up prompt) goes with it; a
            // subheading is followed by text.
            Class::Short | Class::Label if !listed[i] && heads_a_box(i) => {
                (BlockKind::Boilerplate, Some(Reason::Navigation))
            }
            Class::Short | Class::Label | Class::Weak if !listed[i] && announces_chrome(i) => {
                (BlockKind::Boilerplate, Some(Reason::Navigation))
            }
            _ => (BlockKind::Body, None),
        };
        out.push(Block { span: f.span.clone(), kind, reason });
    }
    metadata::assign(&feats, &classes_for_metadata(&classes), &repeated, mark, &article, &mut out, cfg);
    metadata::author_note(&feats, &article, &mut out, cfg);
    out
}

/// A list the article announces at its end ("The tour dates:", "Die Termine:"): when the last
/// line of the article ends with a colon, the lines after it that are short, labels or weak text
/// (the items) belong to the article, up to `announced_list_max_lines` of them; chrome, an end
/// marker or a new paragraph ends the list. When the last line has no colon, a table that needs
/// no announcing may follow ([`article_table`]). Returns the article and the items' range, which
/// is no menu.
fn announced_list(
    text: &str,
    feats: &[Features],
    classes: &[Class],
    article: Range<usize>,
    cfg: &Config,
) -> (Range<usize>, Range<usize>) {
    let end = article.end;
    if end == article.start || !is_text(classes[end - 1]) {
        return (article, end..end);
    }
    let item = |j: usize| is_item(classes[j]);
    if !ends_with_colon(text, &feats[end - 1]) {
        return article_table(text, feats, classes, article, cfg);
    }
    let items = (end..classes.len()).take(cfg.announced_list_max_lines).take_while(|&j| item(j)).count();
    (article.start..end + items, end..end + items)
}

/// The rows of a table or list that ends an article without a colon to announce it — tour dates
/// ("June 9 – Tampa, FL @ Arena"), qualified teams ("England (Group A): 10th appearance"),
/// results: right after the article's last paragraph, under at most one short heading ("Tour
/// Dates", at most `announcer_max_words` words), at least `table_min_rows` lines join the
/// article, up to `announced_list_max_lines` of them. A row holds a field separator (a spaced
/// dash, a colon, an opening bracket, an "@" or a bar) and a digit, or two separators; all rows
/// share their first two separators, so "… – Tampa @ Arena" and "… – Miami" are two shapes. A
/// menu's items carry no such shared shape; lists of other stories carry neither digits in every
/// line nor one separator.
fn article_table(
    text: &str,
    feats: &[Features],
    classes: &[Class],
    article: Range<usize>,
    cfg: &Config,
) -> (Range<usize>, Range<usize>) {
    let (end, n) = (article.end, classes.len());
    let item = |j: usize| is_item(classes[j]);
    // A row has a field separator and a digit ("June 9 – Tampa"), or two separators ("England
    // (Group A): Seventh appearance"); the rows of one table share their first two.
    let row = |j: usize| {
        let shape = row_shape(&text[feats[j].span.clone()]);
        let fields = shape[0] != '\0' && (feats[j].digits > 0 || shape[1] != '\0');
        (item(j) && fields).then_some(shape)
    };
    // One short heading over the rows, which is not a row itself.
    let heading = end < n && item(end) && feats[end].words <= cfg.announcer_max_words && row(end).is_none();
    let first = end + usize::from(heading);
    let Some(shape) = (first < n).then(|| row(first)).flatten() else {
        return (article, end..end);
    };
    let rows = (first..n).take(cfg.announced_list_max_lines).take_while(|&j| row(j) == Some(shape)).count();
    if rows < cfg.table_min_rows.max(1) {
        return (article, end..end);
    }
    (article.start..first + rows, end..first + rows)
}

/// The first two separators of a line's inner punctuation (`[first, second]`, `'\0'` for none),
/// of those that tables and lists use between their fields: a dash between spaces, a colon, a
/// bracket, "@" or "|". Commas and full stops are left out: prose and headlines have them too.
fn row_shape(line: &str) -> [char; 2] {
    let mut shape = ['\0'; 2];
    let mut found = 0;
    let mut prev = ' ';
    let mut chars = line.trim().chars().peekable();
    while let Some(c) = chars.next() {
        let sep = match c {
            ':' | '(' | '@' | '|' => Some(c),
            '–' | '—' | '-' if prev == ' ' && chars.peek().is_some_and(|&n| n == ' ') => Some('–'),
            _ => None,
        };
        if let Some(sep) = sep {
            shape[found] = sep;
            found += 1;
            if found == shape.len() {
                break;
            }
        }
        prev = c;
    }
    shape
}

/// Whether a line ends cut off with an ellipsis — "...", "…", or WordPress's "[…]" — as the
/// summaries of teaser lists do.
fn ends_cut_off(line: &str) -> bool {
    let line = line.trim_end().as_bytes();
    let line = line.strip_suffix(b"]").unwrap_or(line);
    line.ends_with(b"...") || line.ends_with("…".as_bytes())
}

/// Whether a line ends with a colon: it announces what follows ("The tour dates:").
fn ends_with_colon(text: &str, f: &Features) -> bool {
    text[f.span.clone()].trim_end().ends_with(':')
}

/// Words in one sequence of the repeated-text check.
const REPEAT_SHINGLE_WORDS: usize = 4;

/// Marks text printed twice in one paste: a paragraph most of whose four-word sequences already
/// appeared in the lines before it (the whole article again in one block, a teaser that cuts the
/// first paragraph short, the article's paragraphs or a gallery's captions printed again) is
/// `repeated`; the first copy stays. One hash map over the paste, from each sequence's hash to
/// the paragraph that first had it, so the check is linear in its words.
fn mark_repeated_text(feats: &[Features], classes: &mut [Class], repeated: &mut [bool], cfg: &Config) {
    // Only paragraphs are checked and remembered: short lines have their own repetition check.
    let capacity: usize = feats.iter().zip(classes.iter()).filter(|(_, &c)| is_text(c)).map(|(f, _)| f.words).sum();
    // Each sequence with the paragraph it was first met in: one probe per sequence tells both
    // whether it appeared before and, when it is new, remembers it.
    let mut seen = FirstSeen::with_capacity(capacity);
    // The hash of each word of the paragraph; a sequence's hash combines four of them.
    let mut words: Vec<u64> = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        if !is_text(classes[i]) || f.words < REPEAT_SHINGLE_WORDS {
            continue;
        }
        words.clear();
        words.extend(f.key.as_bytes().split(|&b| b == b' ').map(|w| {
            let mut h = WordHasher::default();
            h.write(w);
            h.finish()
        }));
        let shingle = |ws: &[u64]| {
            let mut h = WordHasher::default();
            ws.iter().for_each(|&w| h.write_u64(w));
            h.finish()
        };
        // A sequence counts as found when an earlier paragraph had it: a paragraph that repeats
        // a phrase of its own is not repeated text.
        let (mut found, mut total) = (0, 0);
        for h in words.windows(REPEAT_SHINGLE_WORDS).map(shingle) {
            total += 1;
            found += usize::from(seen.first(h, i) != i);
        }
        if found as f64 >= cfg.repeated_text_min_share * total as f64 {
            classes[i] = Class::Chrome(Reason::Repeated);
            repeated[i] = true;
        }
    }
}

/// The paragraph that first had each sequence hash, for [`mark_repeated_text`]: a table of
/// (hash, paragraph) pairs probed linearly from the hash's top bits and kept at most half
/// full. The hashes are mixed already (`WordHasher`), and each probe is one of the paste's
/// four-word sequences: a general hash map hashed them again and cost four times as much per
/// probe (issue 9).
struct FirstSeen {
    /// A paragraph of `usize::MAX` marks an empty slot.
    slots: Vec<(u64, usize)>,
    len: usize,
}

impl FirstSeen {
    fn with_capacity(n: usize) -> FirstSeen {
        FirstSeen { slots: vec![(0, usize::MAX); (2 * n).max(8).next_power_of_two()], len: 0 }
    }

    /// The paragraph that first had `hash`; `para` when the hash is new, which is remembered.
    fn first(&mut self, hash: u64, para: usize) -> usize {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // The top bits of the hash: the length is a power of two of at least 8.
        let mut k = (hash >> (64 - self.slots.len().trailing_zeros())) as usize;
        loop {
            let slot = &mut self.slots[k];
            if slot.1 == usize::MAX {
                *slot = (hash, para);
                self.len += 1;
                return para;
            }
            if slot.0 == hash {
                return slot.1;
            }
            k = (k + 1) & mask;
        }
    }

    /// Twice the room, every pair put in again (not reached when the capacity was right).
    fn grow(&mut self) {
        let room = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, vec![(0, usize::MAX); room]);
        self.len = 0;
        for (hash, para) in old.into_iter().filter(|&(_, p)| p != usize::MAX) {
            self.first(hash, para);
        }
    }
}

/// What the metadata stage needs to know of each first class.
fn classes_for_metadata(classes: &[Class]) -> Vec<metadata::Role> {
    classes
        .iter()
        .map(|c| match c {
            // A timestamp before the article may be its date.
            Class::Chrome(Reason::Timestamp) => metadata::Role::Line,
            Class::Chrome(_) | Class::End(_) => metadata::Role::Chrome,
            Class::Prose => metadata::Role::Prose,
            Class::Weak => metadata::Role::Weak,
            Class::Short | Class::Label => metadata::Role::Line,
        })
        .collect()
}

/// What the markup says about each line of `text`, matched through the lines' words: a line of
/// the paste takes the markup of the next unused line of the flattened HTML with the same words.
/// Lines the HTML does not have (edited afterwards, rendered differently) get none.
pub(crate) fn markup_for(text: &str, flat: &Flat) -> Vec<Option<LineMarkup>> {
    let mut by_key: WordMap<String, VecDeque<LineMarkup>> = WordMap::default();
    let mut b = 0;
    let mut scratch = Scratch::default();
    for span in lines(&flat.text) {
        while b < flat.blocks.len() && flat.blocks[b].span.end < span.end {
            b += 1;
        }
        let Some(block) = flat.blocks.get(b).filter(|x| x.span.start <= span.start) else { continue };
        let len = block.span.len().max(1);
        let m = LineMarkup {
            hints: block.hints,
            link_share: (block.link_bytes as f64 / len as f64).min(1.0),
            block: b,
            article: block.article,
        };
        by_key.entry(features::measure_with(&flat.text, span, Lang::Other, &mut scratch).key).or_default().push_back(m);
    }
    lines(text)
        .into_iter()
        .map(|span| {
            by_key
                .get_mut(&features::measure_with(text, span, Lang::Other, &mut scratch).key)
                .and_then(|q| q.pop_front())
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn issue_9_first_seen_answers_as_a_hash_map(
            // Few distinct hashes (so most repeat), some equal in their top bits, and a capacity
            // that may be too small (the table then grows).
            probes in proptest::collection::vec((0u64..40, 0u64..3, 0usize..6), 0..300),
            capacity in 0usize..64,
        ) {
            let mut table = FirstSeen::with_capacity(capacity);
            let mut map: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
            for (low, high, para) in probes {
                let hash = low | high << 62;
                proptest::prop_assert_eq!(table.first(hash, para), *map.entry(hash).or_insert(para));
            }
        }
    }

    fn kinds(text: &str) -> Vec<(String, BlockKind, Option<Reason>)> {
        classify(text, None, &Shared::default(), &Config::default())
            .into_iter()
            .map(|b| (text[b.span].to_string(), b.kind, b.reason))
            .collect()
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

    #[test]
    fn issue_4_text_printed_again_is_repeated_but_a_quoted_sentence_is_not() {
        let first =
            "The council approved the budget on Tuesday after a long debate about school funding and road repairs.";
        let second = "Members said the vote came late in the evening, once the mayor had agreed to review the figures in spring.";
        let quoting = "One member wrote that the council approved the budget on Tuesday, but said the debate left parents with more questions than answers about the schools.";
        let text = format!("{first}\n{second}\n{quoting}\n{first} {second}\n");
        let k = kinds(&text);
        assert_eq!(k[2].1, BlockKind::Body);
        assert_eq!((k[3].1, k[3].2), (BlockKind::Boilerplate, Some(Reason::Repeated)));
    }

    #[test]
    fn issue_4_a_table_after_the_article_joins_it_but_a_list_of_headlines_does_not() {
        let article = "The harbour rowing club took first place at the regatta on Saturday, winning four of the six races in a strong crosswind.\nIts coach said the young crews had trained all summer on the lake north of the town, and the mixed eight was the race she wanted most.\n";
        let table = "Final standings\nHarbour Club (Westport) – 42 points from six races\nNorthside Oars (Kettle Bay) – 35 points from six races\nLake Crew (Amberlake) – 31 points from five races\nOld Mill Rowers (Millbrook) – 24 points from six races\nEastbank Students (Quay) – 19 points from four races\nShare this article\n";
        let text = format!("{article}{table}");
        let k = kinds(&text);
        assert!(k[2..8].iter().all(|(_, kind, _)| *kind == BlockKind::Body), "{k:?}");
        assert_eq!(k[8].2, Some(Reason::KnownPhrase));
        // Without the rule the same rows are after the article.
        let cfg = Config { table_min_rows: usize::MAX, ..Config::default() };
        let blocks = classify(&text, None, &Shared::default(), &cfg);
        assert_eq!(blocks[3].reason, Some(Reason::AfterArticle), "{blocks:?}");
        // Headlines with numbers but no shared separator (a list of other stories) stay out.
        let headlines = "Elsewhere today\nFerry timetable changes for 2025\n3 new cycle paths open along the canal\nCouncil: 12 schools to get new roofs\nHarbour wall (built 1890) to be repaired\nStorm cuts power to 4,000 homes\n";
        let k = kinds(&format!("{article}{headlines}"));
        assert!(k[2..].iter().all(|(_, kind, _)| *kind == BlockKind::Boilerplate), "{k:?}");
        // Rows without digits join when they share two separators, not one.
        let two = "Finalists\nWestport Choir (North): Third final\nAmberlake Singers (North): First final\nKettle Bay Chorale (South): Fifth final\nMill Choir (South): Second final\nFord Voices (East): First final\n";
        let k = kinds(&format!("{article}{two}"));
        assert!(k[2..].iter().all(|(_, kind, _)| *kind == BlockKind::Body), "{k:?}");
        let one = two.replace("): ", ") ");
        let k = kinds(&format!("{article}{one}"));
        assert!(k[2..].iter().all(|(_, kind, _)| *kind == BlockKind::Boilerplate), "{k:?}");
    }

    #[test]
    fn issue_4_a_long_line_in_capitals_is_shouted_but_a_heading_or_a_quote_is_not() {
        for (line, shouted) in [
            ("COUNCIL VOTES TO CLOSE THE OLD PIER AFTER A STORMY NIGHT", true),
            ("CLICK HERE TO GET THE EXAMPLE NEWS APP", true),
            ("'HARBOUR NIGHTS': SINGER OPENS UP ABOUT HER NEW TOUR", true),
            ("ÚLTIMA HORA: EL CONSEJO CIERRA EL MUELLE VIEJO TRAS LA TORMENTA", true),
            // Subheadings in capitals are short; numbers are not words of a headline.
            ("HOW TO USE A WATER BATH CANNER", false),
            ("EX EXAMPLE CORP. INC. 225.86 -12.99 -5.44% 3.1 4.2 5.3", false),
            ("COUNCIL VOTES TO CLOSE THE OLD PIER after a stormy night", false),
            ("", false),
        ] {
            assert_eq!(is_shouted(line), shouted, "{line}");
        }
        // A paste written wholly in capitals (a bulletin, a notice) keeps its text.
        let bulletin = "THE COUNCIL VOTED ON TUESDAY TO CLOSE THE OLD PIER AFTER ENGINEERS FOUND ROT.\n\
                        THE PIER WILL STAY CLOSED UNTIL THE COUNCIL FINDS THE MONEY FOR ITS REPAIRS.\n";
        for (line, kind, reason) in kinds(bulletin) {
            assert_eq!((kind, reason), (BlockKind::Body, None), "{line}");
        }
    }

    #[test]
    fn issue_4_row_shape_is_the_first_two_field_separators() {
        assert_eq!(row_shape("June 9 – Tampa, FL @ Arena (Main Hall)"), ['–', '@']);
        assert_eq!(row_shape("England (Group A): 10th appearance"), ['(', ':']);
        assert_eq!(row_shape("02.11.2022 - Placebo - Stadthalle"), ['–', '–']);
        assert_eq!(row_shape("Step 2: heat the oven"), [':', '\0']);
        // A hyphen inside a word is no separator, nor are commas and full stops.
        assert_eq!(row_shape("Ak-Chin Pavilion, Phoenix. 2019"), ['\0', '\0']);
        assert_eq!(row_shape(""), ['\0', '\0']);
    }

    #[test]
    fn shared_short_lines_are_chrome_but_shared_prose_is_not() {
        let a =
            "Daily Planet Weather\nThe storm reached the coast on Monday night, cutting power to thousands of homes.\n";
        let b = "Daily Planet Weather\nThe storm reached the coast on Monday night, cutting power to thousands of homes.\nOfficials said repairs would take a week.\n";
        let shared = shared_lines(&[measure(a), measure(b)], &Config::default());
        let blocks = classify(b, None, &shared, &Config::default());
        assert_eq!(blocks[0].reason, Some(Reason::SharedChrome));
        assert_eq!(blocks[1].kind, BlockKind::Body);
    }
}
