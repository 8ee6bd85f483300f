//! The one error type of the crate.

use std::fmt;

/// Why an analysis could not run. The message says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    NoSources,
    TooManySources { given: usize, max: usize },
    SourceTooLarge { index: usize, name: String, bytes: usize, max: usize },
    TotalTooLarge { bytes: usize, max: usize },
    BadOverride { index: usize, at: u32 },
    BadConfig(String),
    OutOfTime { limit_ms: u32 },
    BadLanguagePack { code: String, why: String },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NoSources => write!(f, "no sources to analyze; paste at least one article"),
            ErrorKind::TooManySources { given, max } => write!(
                f,
                "{given} sources is more than the limit of {max}; remove some sources or analyze them in batches"
            ),
            ErrorKind::SourceTooLarge { index, name, bytes, max } => write!(
                f,
                "source {} (\"{name}\") is {:.1} MB, more than the limit of {:.1} MB per source; paste only the article",
                index + 1,
                *bytes as f64 / 1e6,
                *max as f64 / 1e6
            ),
            ErrorKind::TotalTooLarge { bytes, max } => write!(
                f,
                "the sources add up to {:.1} MB, more than the limit of {:.1} MB; remove some sources",
                *bytes as f64 / 1e6,
                *max as f64 / 1e6
            ),
            ErrorKind::BadOverride { index, at } => write!(
                f,
                "source {}: no block starts at offset {at}; the text changed since the block was restored or removed, so the override was dropped",
                index + 1
            ),
            ErrorKind::BadConfig(msg) => write!(f, "invalid setting: {msg}"),
            ErrorKind::OutOfTime { limit_ms } => write!(
                f,
                "the analysis took longer than its time budget of {:.1} s and was stopped; analyze fewer or shorter sources, or raise the time budget (time_budget_ms)",
                f64::from(*limit_ms) / 1000.0
            ),
            ErrorKind::BadLanguagePack { code, why } => write!(
                f,
                "the language pack '{code}' was not loaded: {why}; use the pack that came with this version of parallax (lang/{code}.txt)"
            ),
        }
    }
}

impl std::error::Error for Error {}
