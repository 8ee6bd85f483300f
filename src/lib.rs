//! parallax: see how news sources diverge on one story.
//!
//! ```
//! use parallax::{analyze, Config, Source};
//! let a = Source::new("wire", "The minister resigned on Monday. She cited health reasons.");
//! let b = Source::new("daily", "The minister resigned on Monday. Critics called it overdue.");
//! let report = analyze(&[a, b], &Config::default()).unwrap();
//! assert_eq!(report.sources.len(), 2);
//! // The first sentence is shared word for word.
//! let first = &report.sources[0].sentences[0];
//! assert_eq!(first.best_relation, parallax::Relation::Identical);
//! ```
//!
//! # How the pipeline works
//!
//! [`analyze`] runs the stages in order, each a function over plain data:
//!
//! 1. `tokenize` splits each text into words, numbers and punctuation (spans into the original text);
//! 2. `boilerplate` classifies lines and paragraphs as body, title, byline, caption or boilerplate,
//!    each removal with a [`Reason`]; the person's overrides are applied on top;
//! 3. `sentences` splits the kept blocks into sentences with news-aware rules;
//! 4. `align` finds, for every sentence, its best counterpart in every other source (an inverted
//!    index prunes the candidate pairs) and labels the relation;
//! 5. `divergence` turns alignments and vocabularies into pairwise and per-source scores;
//! 6. `report` gathers everything into a [`Report`] whose spans are UTF-16 offsets, ready for JS.
//!
//! # Which setting to change
//!
//! Every threshold is a documented field of [`Config`]. [`Config::preset`] gives `strict`,
//! `balanced` (the default) and `lenient` settings for how loosely sentences count as shared.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod align;
mod analyze;
mod boilerplate;
mod budget;
mod bytes8;
mod config;
mod decimal;
mod diff;
mod divergence;
mod error;
mod facts;
mod families;
mod html;
mod lexicon;
mod links;
mod packs;
mod quotes;
mod report;
mod score;
mod sentences;
mod shingles;
mod similarity;
mod sort;
mod terms;
mod tokenize;
mod values;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use crate::align::Relation;
pub use crate::analyze::{
    analyze, analyze_with_clock, strip, strip_html, strip_utf16, Override, Source, Stripped, StrippedBlock,
};
pub use crate::boilerplate::{BlockKind, Reason};
pub use crate::config::{Config, Preset};
pub use crate::error::Error;
pub use crate::facts::{conflicts, Conflict, ConflictKind};
pub use crate::families::{Derivation, Rewrite};
pub use crate::html::html_to_text;
pub use crate::lexicon::ExternalStemmer;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub use crate::packs::with_needed_packs_only;
pub use crate::packs::{
    languages_needed, load_language_pack, load_stemmer_pack, load_stemmers, loaded_languages, pack_languages,
    stem_languages, STEM_PACK,
};
pub use crate::quotes::Change;
pub use crate::report::{
    BlockReport, ConflictReport, Counterpart, FactRef, FamilyReport, Field, Metadata, NamingReport, NamingUse,
    PairReport, QuoteRef, QuoteReport, Report, RewordingReport, SentenceRef, SentenceReport, SourceReport, Span,
    SpeakerReport, StatementReport, TermReport, UtteranceMember, UtteranceReport, WordChangeReport,
};
pub use crate::score::Score;
pub use crate::similarity::{Comparer, Comparison, LinearModel, FEATURES, N_FEATURES};
pub use crate::tokenize::{detect_language, fold, fold_into, tokenize, tokenize_utf16, Lang, Token, TokenKind};
pub use crate::values::{values, TimeUnit, Value, ValueKind};
