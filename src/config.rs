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
            prose_min_words: 12,
            short_max_words: 6,
            title_max_words: 25,
            min_content_words: 3,
            near_verbatim_min: 0.6,
            paraphrase_min: 0.45,
            index_max_df_share: 0.25,
            consensus_min_share: 0.5,
            vocabulary_weight: 0.5,
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
