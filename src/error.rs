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
    TooManySentences { count: usize, max: usize },
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
                "source {} (\"{name}\") is {} MB, more than the limit of {} MB per source; paste only the article",
                index + 1,
                Tenths(*bytes as u64, 100_000),
                Tenths(*max as u64, 100_000)
            ),
            ErrorKind::TotalTooLarge { bytes, max } => write!(
                f,
                "the sources add up to {} MB, more than the limit of {} MB; remove some sources",
                Tenths(*bytes as u64, 100_000),
                Tenths(*max as u64, 100_000)
            ),
            ErrorKind::TooManySentences { count, max } => write!(
                f,
                "the article text of the sources holds {count} sentences, more than the limit of {max} (max_sentences); analyze fewer or shorter sources"
            ),
            ErrorKind::BadOverride { index, at } => write!(
                f,
                "source {}: no block starts at offset {at}; the text changed since the block was restored or removed, so the override was dropped",
                index + 1
            ),
            ErrorKind::BadConfig(msg) => write!(f, "invalid setting: {msg}"),
            ErrorKind::OutOfTime { limit_ms } => write!(
                f,
                "the analysis took longer than its time budget of {} s and was stopped; analyze fewer or shorter sources, or raise the time budget (time_budget_ms)",
                Tenths(u64::from(*limit_ms), 100)
            ),
            ErrorKind::BadLanguagePack { code, why } => write!(
                f,
                "the language pack '{code}' was not loaded: {why}; use the pack that came with this version of parallax (lang/{code}.txt)"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// `n / (10 × tenth)` with one decimal, rounded half up ("8.0", "12.5"): integer arithmetic
/// rather than `{:.1}` of a float, which would bring core's float formatting into the WebAssembly
/// for three error messages.
struct Tenths(u64, u64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 + self.1 / 2) / self.1.max(1);
        write!(f, "{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_8_sizes_and_times_print_with_one_decimal() {
        for (n, unit, shown) in [
            (10_000_000, 100_000, "10.0"),
            (8_000_000, 100_000, "8.0"),
            (12_345_678, 100_000, "12.3"),
            (12_350_000, 100_000, "12.4"),
            (999, 100_000, "0.0"),
            (20_000, 100, "20.0"),
            (1_250, 100, "1.3"),
        ] {
            assert_eq!(Tenths(n, unit).to_string(), shown, "{n}");
        }
    }
}
