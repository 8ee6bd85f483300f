//! Every threshold of the pipeline, each a named and documented setting.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// Settings of an analysis. `Config::default()` is the `balanced` preset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Most sources one analysis accepts. Alignment is near-linear in the text thanks to the
    /// inverted index, but the N×N matrix and the page grow with the square of N.
    pub max_sources: usize,
    /// Most bytes (UTF-8) in one source. A pasted article is rarely above 100 KB; 8 MB leaves room
    /// for whole pasted pages and keeps the browser's memory in check.
    pub max_source_bytes: usize,
    /// Most bytes over all sources together.
    pub max_total_bytes: usize,

    /// Whether to remove boilerplate at all. When false every block is kept as body.
    pub strip_boilerplate: bool,
    /// A line with at least this many words and sentence punctuation is treated as prose and is
    /// never removed for being short or link-like (it may still match a known phrase exactly).
    pub prose_min_words: usize,
    /// A line with at most this many words is "short": a candidate for a menu, a button, a byline
    /// or a caption, depending on its neighbours and its content.
    pub short_max_words: usize,
    /// A title is at most this many words.
    pub title_max_words: usize,
    /// Least share of function words (stopwords, short lowercase words) for a punctuated line to
    /// count as prose: running text is about one word in three; menus and headlines near none.
    pub prose_min_function_share: f64,
    /// Most share of words starting with a capital or digit for a line to count as prose:
    /// running text stays well below, headlines and "Headline Teaser text…" lines do not.
    pub prose_max_capitalized_share: f64,
    /// A punctuated line shorter than prose but with at least this many words is weak prose: it
    /// counts for the article with `weak_weight` of its words.
    pub weak_min_words: usize,
    /// Weight of a weak-prose word against a prose word (unitless, 0–1) in the article score.
    pub weak_weight: f64,
    /// Prefix phrases ("Read more …", "Photo: …") only apply to lines of at most this many words;
    /// a long sentence that happens to start the same way is text.
    pub prefix_max_words: usize,
    /// With markup: a line whose text is at least this share inside links is a link list.
    pub max_link_share: f64,
    /// Without markup: a line is a link list when it has at least one URL, handle, hashtag or
    /// separator per this many words (prose has far fewer).
    pub words_per_link_min: usize,
    /// What one chrome line costs the article score, in prose words: a few chrome lines (an ad
    /// marker, a share bar) inside an article do not cut it in two, a long menu does.
    pub chrome_penalty: f64,
    /// What an end-of-article marker ("Leave a Reply", "Related articles") costs, in prose words.
    pub end_penalty: f64,
    /// What a short unpunctuated line costs, in prose words (a subheading costs little, a menu of
    /// twenty items a lot).
    pub short_penalty: f64,
    /// The article ends at an end-of-article marker ("Leave a Reply", "Related articles") once at
    /// least this much of its text (in prose words) came before the marker; an earlier marker is
    /// read as part of a share bar or menu above the article.
    pub end_min_prose_words: f64,
    /// With markup: prose inside `<article>`/`<main>`/"entry-content" counts this many times its
    /// words, and short lines there cost nothing.
    pub article_markup_weight: f64,
    /// Inside the article, a run of at least this many short unpunctuated lines is a menu.
    pub menu_run: usize,
    /// Metadata (title, byline, date, captions) is looked for at most this many lines before the
    /// article's first paragraph.
    pub header_max_lines: usize,
    /// An unpunctuated line after the title with at least this many words is a caption.
    pub caption_min_words: usize,

    /// Sentences with fewer content words than this are never matched as paraphrases (they can
    /// still be identical): short strings of names and titles match too easily.
    pub min_content_words: usize,
    /// Lowest word-bigram overlap (Dice over bigrams of the normalized words) for two sentences to
    /// count as near-verbatim copies of each other.
    pub near_verbatim_min: f64,
    /// Lowest TF-IDF cosine of stemmed content words for two sentences to count as paraphrases.
    pub paraphrase_min: f64,
    /// Terms found in more than this share of all sentences are left out of the candidate index:
    /// they would pair nearly every sentence with every other and carry little evidence.
    pub index_max_df_share: f64,
    /// A sentence belongs to the consensus when at least this share of the other sources carry a
    /// counterpart of it (and at least one does).
    pub consensus_min_share: f64,
    /// Weight of vocabulary (Jensen–Shannon) divergence in the pairwise divergence; the rest is
    /// weight of sentences not covered by alignment.
    pub vocabulary_weight: f64,

    /// A quotation with no speaker found and fewer words than this is taken for scare quotes or a
    /// title ("the so-called “deal”"), not for speech, and is left out.
    pub quote_min_words: usize,
    /// Lowest share of the shorter quotation's words found in order in the longer one for two
    /// quotations to count as the same utterance (then their word-level differences are shown).
    pub quote_match_min: f64,
    /// Quotations are compared word by word up to this many words; beyond it the rest is cut off
    /// so the word diff (quadratic in the words) stays small.
    pub quote_max_words: usize,
    /// Bytes of text on each side of a quotation searched for its speaker (inside its sentence).
    /// About 70 words: attributions sit next to the quotation, and the bound keeps a quotation in
    /// an endless unpunctuated paste as cheap as any other.
    pub quote_context_bytes: usize,
    /// Neighbours of an aligned sentence pair (the sentences just before, or just after, both)
    /// count as reporting the same thing when neither has a counterpart in the other source and
    /// their content words overlap at least this much (Dice). Used by the quote and fact checks.
    pub link_neighbour_min: f64,
    /// How many sentences before and after an aligned pair are searched for such neighbours. A
    /// few: enough to step over a sentence that one source split in two, few enough that
    /// unrelated sentences of the same story are not paired.
    pub link_neighbour_window: usize,

    /// Strength α0 of the Dirichlet prior of the framing scores, in pseudo-counts spread over the
    /// terms in proportion to their frequency in all sources. Larger values shrink rare terms more
    /// towards "not distinctive". Monroe, Colaresi and Quinn (2008) use 500 on speeches; a few
    /// news articles hold a few thousand terms, for which 500 keeps words used once or twice
    /// visible without letting them outrank words used five times. The prior never weighs more
    /// than the data: with fewer terms in all sources than this, their number is used instead.
    pub framing_prior: f64,
    /// Lowest z-score (log-odds over its standard deviation) for a term to count as distinctive
    /// of a source. 1.0 is a weak bar on purpose: the list is sorted by z, and in a handful of
    /// articles a word one source alone uses twice reaches only about 1.5.
    pub framing_min_z: f64,
    /// Most distinctive terms reported per source (the most distinctive first).
    pub framing_max_terms: usize,
    /// Most places reported per distinctive term.
    pub framing_max_spans: usize,
}

/// Ready-made settings for how loosely sentences count as shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Only close copies count as shared.
    Strict,
    /// The default.
    Balanced,
    /// Looser paraphrases count as shared too.
    Lenient,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_sources: 1000,
            max_source_bytes: 8_000_000,
            max_total_bytes: 64_000_000,
            strip_boilerplate: true,
            prose_min_words: 10,
            short_max_words: 6,
            title_max_words: 25,
            prose_min_function_share: 0.15,
            prose_max_capitalized_share: 0.6,
            weak_min_words: 4,
            weak_weight: 0.5,
            prefix_max_words: 15,
            max_link_share: 0.5,
            words_per_link_min: 4,
            chrome_penalty: 6.0,
            end_penalty: 25.0,
            short_penalty: 2.0,
            end_min_prose_words: 30.0,
            article_markup_weight: 2.0,
            menu_run: 3,
            header_max_lines: 12,
            caption_min_words: 4,
            min_content_words: 3,
            near_verbatim_min: 0.6,
            paraphrase_min: 0.45,
            index_max_df_share: 0.25,
            consensus_min_share: 0.5,
            vocabulary_weight: 0.5,
            quote_min_words: 4,
            quote_match_min: 0.6,
            quote_max_words: 300,
            quote_context_bytes: 400,
            link_neighbour_min: 0.15,
            link_neighbour_window: 2,
            framing_prior: 500.0,
            framing_min_z: 1.0,
            framing_max_terms: 100,
            framing_max_spans: 20,
        }
    }
}

impl Config {
    /// The settings of a preset.
    pub fn preset(p: Preset) -> Config {
        let base = Config::default();
        match p {
            Preset::Balanced => base,
            Preset::Strict => Config { near_verbatim_min: 0.75, paraphrase_min: 0.6, ..base },
            Preset::Lenient => Config { near_verbatim_min: 0.5, paraphrase_min: 0.35, ..base },
        }
    }

    /// Checks that every setting is in its range.
    pub fn validate(&self) -> Result<(), Error> {
        let unit = [
            ("near_verbatim_min", self.near_verbatim_min),
            ("paraphrase_min", self.paraphrase_min),
            ("index_max_df_share", self.index_max_df_share),
            ("consensus_min_share", self.consensus_min_share),
            ("vocabulary_weight", self.vocabulary_weight),
            ("quote_match_min", self.quote_match_min),
            ("link_neighbour_min", self.link_neighbour_min),
        ];
        for (name, v) in unit {
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::new(ErrorKind::BadConfig(format!("{name} must be between 0 and 1, not {v}"))));
            }
        }
        if self.max_sources == 0 {
            return Err(Error::new(ErrorKind::BadConfig("max_sources must be at least 1".into())));
        }
        Ok(())
    }
}
