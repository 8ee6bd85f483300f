//! Languages: which one a text is written in, and what that changes for the later stages.

use serde::{Deserialize, Serialize};

/// A language parallax knows something about (stopwords, a stemmer, value words or a script).
///
/// Serialized as its ISO 639-1 code (`"en"`, `"de"`); [`Lang::Other`] is `"und"` (undetermined).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Arabic.
    #[serde(rename = "ar")]
    Ar,
    /// Danish.
    #[serde(rename = "da")]
    Da,
    /// German.
    #[serde(rename = "de")]
    De,
    /// Greek.
    #[serde(rename = "el")]
    El,
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Spanish.
    #[serde(rename = "es")]
    Es,
    /// Persian.
    #[serde(rename = "fa")]
    Fa,
    /// Finnish.
    #[serde(rename = "fi")]
    Fi,
    /// French.
    #[serde(rename = "fr")]
    Fr,
    /// Hebrew.
    #[serde(rename = "he")]
    He,
    /// Hindi.
    #[serde(rename = "hi")]
    Hi,
    /// Hungarian.
    #[serde(rename = "hu")]
    Hu,
    /// Italian.
    #[serde(rename = "it")]
    It,
    /// Japanese.
    #[serde(rename = "ja")]
    Ja,
    /// Korean.
    #[serde(rename = "ko")]
    Ko,
    /// Dutch.
    #[serde(rename = "nl")]
    Nl,
    /// Norwegian (Bokmål).
    #[serde(rename = "no")]
    No,
    /// Polish.
    #[serde(rename = "pl")]
    Pl,
    /// Portuguese.
    #[serde(rename = "pt")]
    Pt,
    /// Romanian.
    #[serde(rename = "ro")]
    Ro,
    /// Russian.
    #[serde(rename = "ru")]
    Ru,
    /// Swedish.
    #[serde(rename = "sv")]
    Sv,
    /// Tamil.
    #[serde(rename = "ta")]
    Ta,
    /// Thai.
    #[serde(rename = "th")]
    Th,
    /// Turkish.
    #[serde(rename = "tr")]
    Tr,
    /// Ukrainian.
    #[serde(rename = "uk")]
    Uk,
    /// Chinese.
    #[serde(rename = "zh")]
    Zh,
    /// Not determined: too little text, or a language without any of the above.
    #[serde(rename = "und")]
    Other,
}

impl Lang {
    /// Every language, in code order.
    pub const ALL: &'static [Lang] = &[
        Lang::Ar,
        Lang::Da,
        Lang::De,
        Lang::El,
        Lang::En,
        Lang::Es,
        Lang::Fa,
        Lang::Fi,
        Lang::Fr,
        Lang::He,
        Lang::Hi,
        Lang::Hu,
        Lang::It,
        Lang::Ja,
        Lang::Ko,
        Lang::Nl,
        Lang::No,
        Lang::Pl,
        Lang::Pt,
        Lang::Ro,
        Lang::Ru,
        Lang::Sv,
        Lang::Ta,
        Lang::Th,
        Lang::Tr,
        Lang::Uk,
        Lang::Zh,
        Lang::Other,
    ];

    /// The ISO 639-1 code (`"und"` for [`Lang::Other`]).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Da => "da",
            Lang::De => "de",
            Lang::El => "el",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fa => "fa",
            Lang::Fi => "fi",
            Lang::Fr => "fr",
            Lang::He => "he",
            Lang::Hi => "hi",
            Lang::Hu => "hu",
            Lang::It => "it",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Nl => "nl",
            Lang::No => "no",
            Lang::Pl => "pl",
            Lang::Pt => "pt",
            Lang::Ro => "ro",
            Lang::Ru => "ru",
            Lang::Sv => "sv",
            Lang::Ta => "ta",
            Lang::Th => "th",
            Lang::Tr => "tr",
            Lang::Uk => "uk",
            Lang::Zh => "zh",
            Lang::Other => "und",
        }
    }

    /// The language with this ISO 639-1 code, if parallax knows it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// Whether numbers are written `1.234,5` (decimal comma) rather than `1,234.5`.
    pub(crate) fn decimal_comma(self) -> bool {
        !matches!(self, Lang::En | Lang::He | Lang::Hi | Lang::Ja | Lang::Ko | Lang::Th | Lang::Zh | Lang::Ta)
    }

    /// Whether thousands may be grouped with a plain space (`1 200`), as French and Russian do.
    pub(crate) fn space_grouping(self) -> bool {
        matches!(self, Lang::Fr | Lang::Ru | Lang::Uk | Lang::Pl | Lang::Sv | Lang::No | Lang::Da | Lang::Fi | Lang::Hu)
    }

    /// Whether month and weekday names are capitalized, so a lowercase "may" or "march" is not a
    /// date. Languages that write them in lowercase accept either case.
    pub(crate) fn capitalizes_dates(self) -> bool {
        matches!(self, Lang::En | Lang::De)
    }
}
