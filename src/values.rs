//! Typed values: numbers, amounts of money, percentages, dates, weekdays, months, years, ordinals
//! and durations, each with the span it was read from and a normalized value.
//!
//! The normalized value is what later stages compare: "25%" and "25 percent", "three" and "3",
//! "$200 million" and "200m dollars", "third year" and "3rd year" read the same, while "third
//! year" and "fourth year" do not. [`ValueKind::agrees`] says whether two values describe the same
//! kind of thing and, if so, whether they agree.
//!
//! The words a language uses for numbers, units, months and currencies are data files
//! (`data/values/<lang>.txt`, with symbols and ISO codes shared in `data/values/common.txt`); the
//! rules that combine them are here. Reading is a left-to-right scan over the tokens of the range:
//! at each token the longest value that starts there wins, trying dates first (they contain
//! numbers), then money written with a leading symbol, ordinals, and numbers with whatever unit
//! follows them; a month or weekday name on its own comes last.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::decimal;
use crate::lexicon::{self, PerLang, WordMap, WordSet};
use crate::sort::StableSort;
use crate::tokenize::{fold, tokenize, Lang, TokenKind};

/// A value found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Value {
    /// Byte range of the whole expression ("$2.5 billion", "17 August 2025").
    pub span: Range<usize>,
    /// What it is, with its normalized value.
    #[serde(flatten)]
    pub kind: ValueKind,
}

/// The kind of a value and its normalized form. Amounts are rounded to 12 significant digits so
/// that the same quantity written two ways ("1.2 million", "1,200,000") is bit-for-bit equal.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueKind {
    /// A plain number: "3", "three", "1,200", "1.2 million", "3 1/2".
    Number {
        /// The number.
        value: f64,
    },
    /// An amount of money: "$200 million", "200m dollars", "€5bn", "5 Euro".
    Money {
        /// The amount in units of the currency.
        amount: f64,
        /// Lowercase ISO 4217 code ("usd", "eur"). A bare "$" is read as US dollars.
        currency: &'static str,
    },
    /// A percentage: "25%", "25 percent", "25 Prozent"; also percentage points.
    Percent {
        /// The number of percent (25 for "25%").
        value: f64,
    },
    /// A calendar date, possibly partial: "17 August 2025", "Aug. 17", "August 2025", "2025-08-17".
    Date {
        /// The year, when written.
        year: Option<i32>,
        /// The month (1–12), when written.
        month: Option<u8>,
        /// The day of the month, when written.
        day: Option<u8>,
    },
    /// A day of the week: "Monday", "lundi".
    Weekday {
        /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
        day: u8,
    },
    /// A month named without a day or year: "in August", "mid-August".
    Month {
        /// 1–12.
        month: u8,
    },
    /// A year written alone: a four-digit whole number between 1800 and 2100 with no unit.
    Year {
        /// The year.
        year: i32,
    },
    /// An ordinal: "third", "3rd", "troisième"; with the time unit it counts when one follows
    /// ("third year" → rank 3 of years).
    Ordinal {
        /// 3 for "third".
        rank: u32,
        /// The unit counted, when one follows ("fourth year").
        unit: Option<TimeUnit>,
    },
    /// A length of time: "three years", "three-year war", "48 hours", "3 1/2-year".
    Duration {
        /// The number of units.
        amount: f64,
        /// The unit.
        unit: TimeUnit,
    },
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl TimeUnit {
    fn parse(name: &str) -> Option<TimeUnit> {
        Some(match name {
            "second" => TimeUnit::Second,
            "minute" => TimeUnit::Minute,
            "hour" => TimeUnit::Hour,
            "day" => TimeUnit::Day,
            "week" => TimeUnit::Week,
            "month" => TimeUnit::Month,
            "year" => TimeUnit::Year,
            "decade" => TimeUnit::Decade,
            "century" => TimeUnit::Century,
            _ => return None,
        })
    }

    /// The unit in a common base, so "two weeks" and "14 days" agree: seconds for units up to a
    /// week, months for longer ones (whose length in days varies). The flag says which base.
    fn in_base(self) -> (bool, f64) {
        match self {
            TimeUnit::Second => (false, 1.0),
            TimeUnit::Minute => (false, 60.0),
            TimeUnit::Hour => (false, 3600.0),
            TimeUnit::Day => (false, 86_400.0),
            TimeUnit::Week => (false, 604_800.0),
            TimeUnit::Month => (true, 1.0),
            TimeUnit::Year => (true, 12.0),
            TimeUnit::Decade => (true, 120.0),
            TimeUnit::Century => (true, 1200.0),
        }
    }
}

impl ValueKind {
    /// Whether two values describe the same kind of thing and agree on it: `Some(true)` when they
    /// agree ("25%" and "25 percent"), `Some(false)` when they contradict each other ("third year"
    /// and "fourth year", "$200 million" and "$150 million"), `None` when they cannot be compared
    /// (a percentage and a date, amounts in two currencies, a date and a weekday, ordinals of
    /// different things).
    pub fn agrees(&self, other: &ValueKind) -> Option<bool> {
        use ValueKind::*;
        match (*self, *other) {
            (Number { value: a }, Number { value: b }) | (Percent { value: a }, Percent { value: b }) => {
                Some(same(a, b))
            }
            // A four-digit count is read as a year; "2000 troops" and "2,000 troops" still agree.
            (Number { value }, Year { year }) | (Year { year }, Number { value }) => {
                same(value, f64::from(year)).then_some(true)
            }
            (Money { amount: a, currency: ca }, Money { amount: b, currency: cb }) => (ca == cb).then(|| same(a, b)),
            (Weekday { day: a }, Weekday { day: b }) => Some(a == b),
            (Month { month: a }, Month { month: b }) => Some(a == b),
            (Year { year: a }, Year { year: b }) => Some(a == b),
            (Date { year, month, day }, Date { year: y, month: m, day: d }) => {
                let fields = [(year.map(i64::from), y.map(i64::from)), (month.map(i64::from), m.map(i64::from))];
                let day = [(day.map(i64::from), d.map(i64::from))];
                compare_fields(fields.iter().chain(&day))
            }
            (Date { month: Some(a), .. }, Month { month: b }) | (Month { month: b }, Date { month: Some(a), .. }) => {
                Some(a == b)
            }
            (Date { year: Some(a), .. }, Year { year: b }) | (Year { year: b }, Date { year: Some(a), .. }) => {
                Some(a == b)
            }
            (Ordinal { rank: a, unit: ua }, Ordinal { rank: b, unit: ub }) => (ua == ub).then_some(a == b),
            (Duration { amount: a, unit: ua }, Duration { amount: b, unit: ub }) => {
                let ((long_a, fa), (long_b, fb)) = (ua.in_base(), ub.in_base());
                (long_a == long_b).then(|| same(a * fa, b * fb))
            }
            _ => None,
        }
    }
}

fn compare_fields<'a>(pairs: impl Iterator<Item = &'a (Option<i64>, Option<i64>)>) -> Option<bool> {
    let mut compared = false;
    for pair in pairs {
        if let (Some(a), Some(b)) = pair {
            if a != b {
                return Some(false);
            }
            compared = true;
        }
    }
    compared.then_some(true)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Rounds to 12 significant digits, so arithmetic on decimal input ("1.2" × 10^6) gives the
/// same bits as the number written out.
fn canonical(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return 0.0;
    }
    decimal::round_12(x)
}

// ---------------------------------------------------------------------------------------------
// The words of a language.

/// Phrases (sequences of folded tokens) that map to a value, indexed by their first token and
/// tried longest first. The phrases map to positions in `values`, so that the phrase index (its
/// hash map, insertion and lookup) is compiled once rather than once per value type: six types
/// each had their own copy in the WebAssembly.
struct Table<V> {
    phrases: Phrases,
    values: Vec<V>,
}

/// The phrases of a [`Table`], each with the position of its value.
#[derive(Default)]
struct Phrases {
    by_first: WordMap<String, Vec<(Vec<String>, u32)>>,
}

impl Phrases {
    /// Adds `phrase`; returns its first word (folded), which the phrase index is keyed by.
    fn insert(&mut self, phrase: &str, value: u32) -> Option<String> {
        let words: Vec<String> =
            tokenize(phrase).into_iter().filter(|t| t.kind != TokenKind::Space).map(|t| fold(t.text(phrase))).collect();
        let first = words.first().cloned()?;
        // Longest phrases first, so a lookup finds the longest match; phrases of one length keep
        // the order of the file.
        let list = self.by_first.entry(first.clone()).or_default();
        let at = list.partition_point(|(w, _)| w.len() >= words.len());
        list.insert(at, (words, value));
        Some(first)
    }

    fn get_word(&self, folded: &str) -> Option<u32> {
        self.by_first.get(folded)?.iter().find(|(w, _)| w.len() == 1).map(|(_, v)| *v)
    }

    /// Longest phrase starting at token `i`: its value's position and the token after it.
    fn longest(&self, toks: &[Tok], i: usize) -> Option<(u32, usize)> {
        let first = toks.get(i)?;
        if !first.lead {
            return None;
        }
        let list = self.by_first.get(first.low.as_ref())?;
        'entries: for (words, value) in list {
            for (k, w) in words.iter().enumerate().skip(1) {
                match toks.get(i + k) {
                    Some(t) if t.gap != Gap::Break && t.low == *w => {}
                    _ => continue 'entries,
                }
            }
            return Some((*value, i + words.len()));
        }
        None
    }
}

impl<V: Copy> Table<V> {
    fn new() -> Table<V> {
        Table { phrases: Phrases::default(), values: Vec::new() }
    }

    /// Adds `phrase` with its value; returns the phrase's first word (see [`Phrases::insert`]).
    fn insert(&mut self, phrase: &str, value: V) -> Option<String> {
        // A value file holds a few hundred items, far below u32::MAX.
        let first = self.phrases.insert(phrase, self.values.len() as u32);
        self.values.push(value);
        first
    }

    fn get_word(&self, folded: &str) -> Option<V> {
        self.phrases.get_word(folded).and_then(|k| self.values.get(k as usize).copied())
    }
}

/// What each group of a value file feeds.
#[derive(Default)]
struct Words<'a> {
    cardinal: Option<Table<f64>>,
    cardinal_part: Option<Table<f64>>,
    scale: Option<Table<f64>>,
    ordinal: Option<Table<u32>>,
    ordinal_before_unit: Option<Table<u32>>,
    ordinal_ending: Vec<String>,
    ordinal_suffix: Vec<String>,
    percent: Option<Table<()>>,
    currency: Option<Table<&'a str>>,
    currency_code: Option<Table<&'a str>>,
    time_unit: Option<Table<TimeUnit>>,
    month: Option<Table<u8>>,
    month_abbreviation: Option<Table<u8>>,
    weekday: Option<Table<u8>>,
    joiner: Vec<String>,
    compound_joiner: Vec<String>,
    date_particle: Vec<String>,
    /// Every first word of the cardinal, cardinal-part and scale tables and every compound
    /// joiner, sorted: what a piece of a compound number word can be. `compound` stops
    /// lengthening a prefix as soon as no piece starts with it, instead of looking up every
    /// prefix of every long word in three tables (the costliest part of reading values on short
    /// inputs, issue 9).
    pieces: Vec<String>,
    /// Every first word of every phrase table: a token that is none of them starts no phrase
    /// (`Tok::lead`).
    leads: WordSet<String>,
}

/// The value files, by language. A language without a file still reads digits, symbols and codes.
pub(crate) const VALUE_FILES: &[(Lang, &str)] = &[
    (Lang::De, "data/values/de.txt"),
    (Lang::En, "data/values/en.txt"),
    (Lang::Es, "data/values/es.txt"),
    (Lang::Fr, "data/values/fr.txt"),
    (Lang::It, "data/values/it.txt"),
    (Lang::Nl, "data/values/nl.txt"),
    (Lang::Pt, "data/values/pt.txt"),
    (Lang::Ru, "data/values/ru.txt"),
];

/// Splits "words value" into the words and the value (the last field).
#[inline(never)]
fn split_value(item: &str) -> Result<(&str, &str), String> {
    item.rsplit_once(' ').ok_or_else(|| format!("'{item}' needs a value after the words"))
}

/// The error for a value that does not parse. Kept out of [`add`], which is compiled once per
/// value type, so that its formatting is compiled once.
#[inline(never)]
fn bad_value(item: &str, value: &str) -> String {
    format!("'{item}': cannot read the value '{value}'")
}

/// Adds `item` to a plain list of words, which starts no phrase (`None`, as [`add`] would say).
fn listed(list: &mut Vec<String>, item: &str) -> Option<String> {
    list.push(item.to_string());
    None
}

/// Adds "words value" to `table`; returns the phrase's first word.
fn add<'a, V: Copy>(
    table: &mut Option<Table<V>>,
    item: &'a str,
    parse: impl Fn(&'a str) -> Option<V>,
) -> Result<Option<String>, String> {
    let (words, value) = split_value(item)?;
    let v = parse(value).ok_or_else(|| bad_value(item, value))?;
    Ok(table.get_or_insert_with(Table::new).insert(words, v))
}

impl<'a> Words<'a> {
    /// Reads value files into one set of words; an unknown group or a bad value is an error (the
    /// data-file test reads every file through here).
    fn load(texts: &[&'a str]) -> Result<Words<'a>, String> {
        let mut w = Words::default();
        let number = |v: &str| decimal::parse(v).filter(|x| x.is_finite());
        let small = |v: &str| v.parse::<u8>().ok();
        for &text in texts {
            for (group, item) in lexicon::grouped(text) {
                // A phrase table gives the first word of the phrase it added: the tokens that can
                // start a phrase (`leads`, `Tok::lead`) are gathered as the tables are filled.
                let lead = match group {
                    "cardinal" => add(&mut w.cardinal, item, number)?,
                    "cardinal part" => add(&mut w.cardinal_part, item, number)?,
                    "scale" => add(&mut w.scale, item, number)?,
                    "ordinal" => add(&mut w.ordinal, item, |v| v.parse().ok())?,
                    "ordinal before unit" => add(&mut w.ordinal_before_unit, item, |v| v.parse().ok())?,
                    "ordinal ending" => listed(&mut w.ordinal_ending, item),
                    "ordinal suffix" => listed(&mut w.ordinal_suffix, item),
                    "percent" => w.percent.get_or_insert_with(Table::new).insert(item, ()),
                    "currency" => add(&mut w.currency, item, Some)?,
                    "currency code" => add(&mut w.currency_code, item, Some)?,
                    "time unit" => add(&mut w.time_unit, item, TimeUnit::parse)?,
                    "month" => add(&mut w.month, item, small)?,
                    "month abbreviation" => add(&mut w.month_abbreviation, item, small)?,
                    "weekday" => add(&mut w.weekday, item, small)?,
                    "joiner" => listed(&mut w.joiner, item),
                    "compound joiner" => listed(&mut w.compound_joiner, item),
                    "date particle" => listed(&mut w.date_particle, item),
                    other => return Err(format!("unknown group '{other}'")),
                };
                w.leads.extend(lead);
            }
        }
        let mut pieces: Vec<String> = [&w.cardinal, &w.cardinal_part, &w.scale]
            .iter()
            .filter_map(|t| t.as_ref())
            .flat_map(|t| t.phrases.by_first.keys().cloned())
            .chain(w.compound_joiner.iter().cloned())
            .collect();
        pieces.stable_sort();
        pieces.dedup();
        w.pieces = pieces;
        Ok(w)
    }

    /// The length in bytes of the longest prefix of `word` that some piece of a compound number
    /// word starts with (it may end inside a character). In a sorted list the longest common prefix with `word` is found next to
    /// where `word` would go, so one binary search answers for every prefix (asking once per
    /// prefix length was a search each, issue 9).
    fn piece_reach(&self, word: &str) -> usize {
        let k = self.pieces.partition_point(|p| p.as_str() < word);
        let common = |p: &String| p.bytes().zip(word.bytes()).take_while(|(a, b)| a == b).count();
        let before = k.checked_sub(1).and_then(|i| self.pieces.get(i)).map_or(0, common);
        before.max(self.pieces.get(k).map_or(0, common))
    }

    /// The words of `lang`'s value file and the shared file, read the first time a text in that
    /// language needs them.
    fn get(lang: Lang) -> &'static Words<'static> {
        static BY_LANG: PerLang<Option<Words<'static>>> = PerLang::new();
        static COMMON: OnceLock<Words<'static>> = OnceLock::new();
        let own = BY_LANG.get(lang, || {
            let path = VALUE_FILES.iter().find(|(l, _)| *l == lang)?.1;
            let texts = [lexicon::data_file("data/values/common.txt"), lexicon::data_file(path)];
            // The files are checked by a test, so this fallback cannot reach a user.
            Some(Words::load(&texts).unwrap_or_default())
        });
        own.as_ref().unwrap_or_else(|| {
            COMMON.get_or_init(|| Words::load(&[lexicon::data_file("data/values/common.txt")]).unwrap_or_default())
        })
    }
}

/// Whether a folded word is a month name (or abbreviation) in `lang`.
pub(crate) fn is_month_name(folded: &str, lang: Lang) -> bool {
    let w = Words::get(lang);
    [&w.month, &w.month_abbreviation].iter().any(|t| t.as_ref().is_some_and(|t| t.get_word(folded).is_some()))
}

/// Checks a value file, for the data-file test and the loading of a language pack.
pub(crate) fn check_file(text: &str) -> Result<(), String> {
    lexicon::List::parse(text)?;
    Words::load(&[text]).map(|_| ())
}

// ---------------------------------------------------------------------------------------------
// Tokens as the reader sees them.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing between this token and the previous one.
    Tight,
    /// Spaces (no line break).
    Space,
    /// A no-break or thin space: how French and others group thousands.
    ThinSpace,
    /// A line break: nothing joins across it.
    Break,
}

struct Tok<'a> {
    span: Range<usize>,
    text: &'a str,
    /// The folded text of a word, the text of anything else; borrowed when folding changes
    /// nothing (most words), since every sentence's tokens are read here (issue 9).
    low: Cow<'a, str>,
    kind: TokenKind,
    gap: Gap,
    /// Whether `low` is the first word of some phrase of the language's tables: most tokens are
    /// none, and each is then looked up once rather than in every table the readers try at it
    /// (half a dozen lookups per token, issue 9).
    lead: bool,
}

fn lex(text: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out: Vec<Tok> = Vec::new();
    let mut gap = Gap::Break;
    for t in tokenize(slice) {
        let piece = t.text(slice);
        if t.kind == TokenKind::Space {
            gap = match gap {
                Gap::Break => Gap::Break,
                _ if piece.contains(['\n', '\r', '\u{2028}', '\u{2029}']) => Gap::Break,
                _ if piece.chars().all(|c| matches!(c, '\u{A0}' | '\u{202F}' | '\u{2009}')) => Gap::ThinSpace,
                _ => Gap::Space,
            };
            continue;
        }
        // `fold` returns a word of lowercase ASCII letters without hyphens as it is.
        let unchanged = piece.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'-');
        let low = if t.kind == TokenKind::Word && !unchanged { Cow::Owned(fold(piece)) } else { Cow::Borrowed(piece) };
        let span = range.start + t.span.start..range.start + t.span.end;
        let before = if out.is_empty() { Gap::Break } else { gap };
        out.push(Tok { span, text: piece, low, kind: t.kind, gap: before, lead: false });
        gap = Gap::Tight;
    }
    out
}

/// A number read from digits: its value, the token after it, and its shape.
struct Digits {
    value: f64,
    next: usize,
    /// A whole number written without separators, suffix or fraction ("2014", not "2,014").
    plain: bool,
}

/// Value of a single vulgar-fraction character.
fn vulgar(c: &str) -> Option<f64> {
    Some(match c {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅛" => 0.125,
        _ => return None,
    })
}

/// Reads digits with separators: "1,200", "2.5", "1.234,5", "1.200" (German: 1200).
fn parse_grouped(s: &str, lang: Lang) -> Option<f64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    let dots = s.bytes().filter(|&b| b == b'.').count();
    let commas = s.bytes().filter(|&b| b == b',').count();
    let (decimal, group) = match (dots, commas) {
        (0, 0) => return decimal::parse(s),
        // Both present: the last one is the decimal separator.
        (_, _) if dots > 0 && commas > 0 => {
            let last = s.rfind(['.', ',']).and_then(|i| s.as_bytes().get(i).copied());
            if last == Some(b'.') {
                (Some('.'), ',')
            } else {
                (Some(','), '.')
            }
        }
        _ => {
            let sep = if dots > 0 { '.' } else { ',' };
            let lang_decimal = if lang.decimal_comma() { ',' } else { '.' };
            let groups_of_three = s.split(sep).skip(1).all(|g| g.len() == 3);
            if dots + commas > 1 {
                // "1,200,000"; "17.08.2025" is not a number.
                if !groups_of_three {
                    return None;
                }
                (None, sep)
            } else if sep != lang_decimal && groups_of_three {
                (None, sep)
            } else {
                (Some(sep), if sep == '.' { ',' } else { '.' })
            }
        }
    };
    let mut int = String::with_capacity(s.len());
    for (i, part) in s.split(group).enumerate() {
        if i > 0 && part.split(decimal.unwrap_or(group)).next().is_none_or(|g| g.len() != 3) {
            return None;
        }
        int.push_str(part);
    }
    let normalized = match decimal {
        Some(d) => int.replacen(d, ".", 1),
        None => int,
    };
    decimal::parse(&normalized).filter(|x| x.is_finite())
}

/// A number spelled in words at a token: its value, the token after it, and how many number
/// words it has.
type SpelledAt = Option<(f64, usize, usize)>;

struct Reader<'a> {
    toks: Vec<Tok<'a>>,
    words: &'static Words<'static>,
    lang: Lang,
    /// [`Reader::words_number`] at each token once asked: both the ordinal and the quantity
    /// readers ask it at every token, and it is most of the cost of reading a sentence.
    spelled: Vec<OnceCell<SpelledAt>>,
}

/// Longest phrase of `table` starting at token `i`: its value and the token after it.
fn phrase<V: Copy>(toks: &[Tok], i: usize, table: &Option<Table<V>>) -> Option<(V, usize)> {
    let table = table.as_ref()?;
    let (k, next) = table.phrases.longest(toks, i)?;
    Some((*table.values.get(k as usize)?, next))
}

/// The largest power of ten that divides `x` (1 for 5, 10 for 20, 100 for 300).
fn place(x: f64) -> f64 {
    let mut p = 1.0;
    while p < 1e15 && x >= p * 10.0 && (x / (p * 10.0)).fract() == 0.0 {
        p *= 10.0;
    }
    p
}

/// Whether the word number `next` may follow `last` as an addend ("twenty" "five", "hundred"
/// "five", French "soixante" "dix"), rather than start a new number ("five" "six").
fn may_follow(last: f64, next: f64) -> bool {
    next < place(last) || ((last == 60.0 || last == 80.0) && next < 20.0)
}

/// Running total of a number spelled in words.
#[derive(Default)]
struct Spelled {
    total: f64,
    current: f64,
    last: Option<f64>,
    parts: usize,
}

impl Spelled {
    /// Adds one number word; false when it cannot continue this number.
    fn push(&mut self, v: f64, ordered: bool) -> bool {
        if v >= 1000.0 {
            self.total += self.current.max(1.0) * v;
            self.current = 0.0;
        } else if v == 100.0 && self.current > 0.0 && self.current < 10.0 {
            self.current *= 100.0;
        } else {
            if ordered && self.last.is_some_and(|last| !may_follow(last, v)) {
                return false;
            }
            self.current += v;
        }
        self.last = Some(v);
        self.parts += 1;
        true
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }
}

impl<'a> Reader<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.low.as_ref())
    }

    fn gap(&self, i: usize) -> Gap {
        self.toks.get(i).map_or(Gap::Break, |t| t.gap)
    }

    /// Token `i` exists and is on the same line as the one before it.
    fn joined(&self, i: usize) -> bool {
        self.gap(i) != Gap::Break
    }

    fn tight(&self, i: usize, text: &str) -> bool {
        self.gap(i) == Gap::Tight && self.low(i) == text
    }

    fn is_hyphen(&self, i: usize) -> bool {
        self.gap(i) == Gap::Tight && matches!(self.low(i), "-" | "‐" | "‑" | "–")
    }

    /// The token after an optional trailing full stop of an abbreviation ("Mio.", "Aug.").
    fn after_dot(&self, i: usize) -> usize {
        if self.tight(i, ".") {
            i + 1
        } else {
            i
        }
    }

    /// A whole number written in digits without separators, within `max_len` digits.
    fn plain_int(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.tok(i)?;
        (t.kind == TokenKind::Number && t.text.len() <= max_len && t.text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.text.parse().ok())
            .flatten()
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        let y = self.plain_int(i, 4)?;
        (self.tok(i)?.text.len() == 4 && (1000..=2100).contains(&y)).then_some(y as i32)
    }

    /// Day of the month written as "17", "17th", "1er", or German "17." .
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let digits_end = t.text.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(t.text.len());
        let (digits, suffix) = t.text.split_at(digits_end);
        if digits.is_empty() || digits.len() > 2 {
            return None;
        }
        let suffix = fold(suffix);
        if !suffix.is_empty() && !self.words.ordinal_suffix.contains(&suffix) {
            return None;
        }
        let day: u8 = digits.parse().ok()?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let next = if suffix.is_empty() && self.lang == Lang::De { self.after_dot(i + 1) } else { i + 1 };
        Some((day, next))
    }

    fn particle(&self, i: usize) -> usize {
        if self.joined(i) && self.words.date_particle.iter().any(|p| p == self.low(i)) {
            i + 1
        } else {
            i
        }
    }

    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(found) = phrase(&self.toks, i, &self.words.month) {
            return Some(found);
        }
        let (m, next) = phrase(&self.toks, i, &self.words.month_abbreviation)?;
        Some((m, self.after_dot(next)))
    }

    /// An optional year after a date: "…, 2025", "… de 2025".
    fn trailing_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.tight(i, ",") { i + 1 } else { i };
        let j = self.particle(j);
        match self.year_at(j) {
            Some(y) if self.joined(j) => (Some(y), j + 1),
            _ => (None, i),
        }
    }

    fn date(&self, i: usize) -> Option<(ValueKind, usize)> {
        self.numeric_date(i).or_else(|| self.month_first_date(i)).or_else(|| self.day_first_date(i))
    }

    /// "2025-08-17", "17.08.2025", "17/08/2025", "8/17/2025" (English: month first when it can be).
    fn numeric_date(&self, i: usize) -> Option<(ValueKind, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let (parts, sep, next): (Vec<&str>, char, usize) = if t.text.bytes().filter(|&b| b == b'.').count() == 2 {
            (t.text.split('.').collect(), '.', i + 1)
        } else {
            let sep = match self.low(i + 1) {
                "-" => '-',
                "/" => '/',
                "." => '.',
                _ => return None,
            };
            let s = sep.to_string();
            if !(self.tight(i + 1, &s)
                && self.gap(i + 2) == Gap::Tight
                && self.tight(i + 3, &s)
                && self.gap(i + 4) == Gap::Tight)
            {
                return None;
            }
            (vec![t.text, self.tok(i + 2)?.text, self.tok(i + 4)?.text], sep, i + 5)
        };
        if parts.len() != 3
            || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
        let (y, m, d) = if parts[0].len() == 4 {
            (n[0], n[1], n[2])
        } else if parts[2].len() == 4 || parts[2].len() == 2 {
            let y = if parts[2].len() == 2 { 2000 + n[2] } else { n[2] };
            if self.lang == Lang::En && sep == '/' && n[0] <= 12 {
                (y, n[0], n[1])
            } else {
                (y, n[1], n[0])
            }
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2100).contains(&y) {
            return None;
        }
        Some((ValueKind::Date { year: Some(y as i32), month: Some(m as u8), day: Some(d as u8) }, next))
    }

    /// "August 17, 2025", "Aug. 17", "August 17th", "August 2025".
    fn month_first_date(&self, i: usize) -> Option<(ValueKind, usize)> {
        let (month, j) = self.month_at(i)?;
        if let Some((day, k)) = self.day_at(j).filter(|_| self.joined(j)) {
            // "August 2025" reads a year, not day 20.
            if self.year_at(j).is_none() {
                let (year, end) = self.trailing_year(k);
                return Some((ValueKind::Date { year, month: Some(month), day: Some(day) }, end));
            }
        }
        let (year, end) = self.trailing_year(j);
        year.map(|y| (ValueKind::Date { year: Some(y), month: Some(month), day: None }, end))
    }

    /// "17 August 2025", "17. August", "1er août", "17 de agosto de 2025", "the 17th of August".
    fn day_first_date(&self, i: usize) -> Option<(ValueKind, usize)> {
        let (day, j) = self.day_at(i)?;
        let j = self.particle(j);
        if !self.joined(j) {
            return None;
        }
        let (month, k) = self.month_at(j)?;
        let (year, end) = self.trailing_year(k);
        Some((ValueKind::Date { year, month: Some(month), day: Some(day) }, end))
    }

    /// A number in digits at `i`, with grouping, a scale suffix ("200m") and a fraction ("3 1/2").
    fn digits(&self, i: usize) -> Option<Digits> {
        let t = self.tok(i)?;
        // A decimal written without its leading zero (".20 parts per million", ".85 cent"): a
        // full stop after a space or at the start, then digits.
        if t.text == "." && self.gap(i) != Gap::Tight {
            let d = self.tok(i + 1).filter(|d| d.gap == Gap::Tight && d.text.bytes().all(|b| b.is_ascii_digit()))?;
            let value = decimal::parse(&format!("0.{}", d.text))?;
            return Some(Digits { value, next: i + 2, plain: false });
        }
        if t.kind != TokenKind::Number {
            return None;
        }
        if let Some(v) = vulgar(t.text) {
            return Some(Digits { value: v, next: i + 1, plain: false });
        }
        // A narrow no-break space joins digit groups into one token ("1 000 000", French).
        if t.text.contains('\u{202F}') {
            let mut groups = t.text.split('\u{202F}');
            let first = groups.next().filter(|g| (1..=3).contains(&g.len()))?;
            let mut value = decimal::parse(first)?;
            for g in groups {
                if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                value = value * 1000.0 + decimal::parse(g)?;
            }
            return Some(Digits { value, next: i + 1, plain: false });
        }
        let num_end =
            t.text.bytes().position(|b| !(b.is_ascii_digit() || b == b'.' || b == b',')).unwrap_or(t.text.len());
        let (num, suffix) = t.text.split_at(num_end);
        let mut value = parse_grouped(num, self.lang)?;
        let mut plain = suffix.is_empty() && num.bytes().all(|b| b.is_ascii_digit());
        if !suffix.is_empty() {
            let scale = self.words.scale.as_ref().and_then(|s| s.get_word(&fold(suffix)))?;
            // A one-letter scale is one only for money ("$11M", "200m dollars"); "11M" alone may
            // be megabits or a model.
            let money = suffix.chars().count() > 1
                || (i > 0 && self.gap(i) == Gap::Tight && self.currency(i - 1).is_some())
                || (i > 1 && self.gap(i) == Gap::Tight && self.currency(i - 2).is_some_and(|(_, e)| e == i))
                || self.currency_at(i + 1).is_some();
            if money {
                value *= scale;
            }
        }
        let mut next = i + 1;
        // Thousands grouped by spaces: "1 200 000" (no-break spaces anywhere, plain spaces in
        // languages that write numbers so).
        if plain && num.len() <= 3 {
            while let Some(g) = self.plain_int(next, 3) {
                let spaced = match self.gap(next) {
                    Gap::ThinSpace => true,
                    Gap::Space => self.lang.space_grouping(),
                    _ => false,
                };
                if !spaced || self.tok(next).is_none_or(|t| t.text.len() != 3) {
                    break;
                }
                value = value * 1000.0 + f64::from(g);
                next += 1;
            }
        }
        if plain {
            // "3 1/2", "3½", "3 ½", and "1/2" on its own.
            if let Some(f) =
                self.tok(next).filter(|t| matches!(t.gap, Gap::Tight | Gap::Space)).and_then(|t| vulgar(t.text))
            {
                return Some(Digits { value: value + f, next: next + 1, plain: false });
            }
            if self.gap(next) == Gap::Space {
                if let Some(f) = self.fraction(next) {
                    return Some(Digits { value: value + f, next: next + 3, plain: false });
                }
            }
            // "1-10/32", a bond price in thirty-seconds.
            if self.is_hyphen(next) && self.gap(next + 1) == Gap::Tight {
                if let Some(f) = self.fraction(next + 1) {
                    return Some(Digits { value: value + f, next: next + 4, plain: false });
                }
            }
            if next == i + 1 {
                if let Some(f) = self.fraction(i) {
                    return Some(Digits { value: f, next: i + 3, plain: false });
                }
            }
        }
        if plain {
            plain = next == i + 1;
        }
        Some(Digits { value, next, plain })
    }

    /// A simple fraction "a/b" at `i` (a < b ≤ 10, or sixteenths, thirty-seconds and
    /// sixty-fourths as bond prices are quoted; not part of a date like "8/17/2025").
    fn fraction(&self, i: usize) -> Option<f64> {
        let a = self.plain_int(i, 2)?;
        if !self.tight(i + 1, "/") || self.gap(i + 2) != Gap::Tight {
            return None;
        }
        let b = self.plain_int(i + 2, 2)?;
        if self.tight(i + 3, "/") || a >= b || !((2..=10).contains(&b) || matches!(b, 16 | 32 | 64)) {
            return None;
        }
        Some(f64::from(a) / f64::from(b))
    }

    /// A cardinal number word, or a compound of them ("fünfundzwanzig"); `continuing` allows the
    /// parts that are numbers only inside a longer number ("un" in "vingt et un").
    fn number_word(&self, i: usize, continuing: bool) -> Option<(f64, usize)> {
        if let Some(found) = phrase(&self.toks, i, &self.words.cardinal) {
            return Some(found);
        }
        if continuing {
            if let Some(found) = phrase(&self.toks, i, &self.words.cardinal_part) {
                return Some(found);
            }
        }
        // A scale continues a number ("two million"); only "thousand" may start one ("mil personas").
        if let Some((s, next)) = phrase(&self.toks, i, &self.words.scale) {
            if continuing || s == 1000.0 || next > i + 1 {
                return Some((s, next));
            }
        }
        let t = self.tok(i)?;
        (t.kind == TokenKind::Word).then(|| self.compound(&t.low)).flatten().map(|v| (v, i + 1))
    }

    /// A number written as one word of number pieces: "fünfundzwanzig", "zweihundert",
    /// "venticinque", "vijfentwintig". Words longer than 40 bytes are not tried, which keeps the
    /// prefix search bounded on any input.
    fn compound(&self, word: &str) -> Option<f64> {
        if word.len() > 40 || word.len() < 5 {
            return None;
        }
        let tables = [&self.words.cardinal, &self.words.cardinal_part, &self.words.scale];
        let mut rest = word;
        let mut spelled = Spelled::default();
        while !rest.is_empty() {
            let mut best: Option<(usize, Option<f64>)> = None;
            let reach = self.words.piece_reach(rest);
            for (end, _) in rest.char_indices().skip(1).chain([(rest.len(), ' ')]) {
                // No piece starts with this prefix, so none starts with a longer one either.
                if end > reach {
                    break;
                }
                let prefix = &rest[..end];
                let value = tables.iter().find_map(|t| t.as_ref().and_then(|t| t.get_word(prefix)));
                if value.is_some() || (spelled.parts > 0 && self.words.compound_joiner.iter().any(|j| j == prefix)) {
                    best = Some((end, value));
                }
            }
            let (end, value) = best?;
            if let Some(v) = value {
                if !spelled.push(v, false) {
                    return None;
                }
            }
            rest = &rest[end..];
        }
        (spelled.parts >= 2).then(|| spelled.value())
    }

    /// A number spelled in words: "twenty-five", "one hundred and five", "vingt et un",
    /// "two million".
    fn words_number(&self, i: usize) -> SpelledAt {
        match self.spelled.get(i) {
            Some(cell) => *cell.get_or_init(|| self.read_words_number(i)),
            None => self.read_words_number(i),
        }
    }

    fn read_words_number(&self, i: usize) -> SpelledAt {
        let mut spelled = Spelled::default();
        let mut j = i;
        loop {
            let mut k = j;
            if spelled.parts > 0 {
                let hyphen = self.is_hyphen(k) && self.gap(k + 1) == Gap::Tight;
                let joiner = self.joined(k) && self.words.joiner.iter().any(|w| w == self.low(k));
                if hyphen || joiner {
                    k += 1;
                }
                if !self.joined(k) {
                    break;
                }
            }
            let Some((v, next)) = self.number_word(k, spelled.parts > 0) else {
                break;
            };
            if !spelled.push(v, true) {
                break;
            }
            j = next;
        }
        (spelled.parts > 0).then(|| (spelled.value(), j, spelled.parts))
    }

    fn ordinal_word(&self, i: usize, table: &Option<Table<u32>>) -> Option<(u32, usize)> {
        if let Some(found) = phrase(&self.toks, i, table) {
            return Some(found);
        }
        let t = self.tok(i)?;
        let table = table.as_ref()?;
        self.words
            .ordinal_ending
            .iter()
            .filter_map(|e| t.low.strip_suffix(e.as_str()))
            .find_map(|stem| table.get_word(stem))
            .map(|r| (r, i + 1))
    }

    /// An ordinal: "3rd", "1er", "3º", "3-й", "third", "dritten", "twenty-first"; with the time
    /// unit that follows it, if any.
    fn ordinal(&self, i: usize) -> Option<(ValueKind, usize)> {
        let (rank, j, needs_unit) = self.ordinal_rank(i)?;
        let unit = self.unit_after(j);
        if needs_unit && unit.is_none() {
            return None;
        }
        let (unit, end) = match unit {
            Some((u, end)) => (Some(u), end),
            None => (None, j),
        };
        Some((ValueKind::Ordinal { rank, unit }, end))
    }

    fn ordinal_rank(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Number {
            let digits_end = t.text.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(t.text.len());
            let (digits, suffix) = t.text.split_at(digits_end);
            let rank: u32 = digits.parse().ok()?;
            if !suffix.is_empty() {
                return self.words.ordinal_suffix.contains(&fold(suffix)).then_some((rank, i + 1, false));
            }
            // Russian "3-й": a suffix after a hyphen.
            if self.is_hyphen(i + 1) && self.gap(i + 2) == Gap::Tight {
                let dashed = format!("-{}", self.low(i + 2));
                if self.words.ordinal_suffix.contains(&dashed) {
                    return Some((rank, i + 3, false));
                }
            }
            return None;
        }
        if let Some((rank, j)) = self.ordinal_word(i, &self.words.ordinal) {
            return Some((rank, j, false));
        }
        if let Some((rank, j)) = self.ordinal_word(i, &self.words.ordinal_before_unit) {
            return Some((rank, j, true));
        }
        // "twenty-first": tens in words, a hyphen, then a unit ordinal.
        let (tens, j, parts) = self.words_number(i)?;
        if parts != 1 || tens < 20.0 || tens % 10.0 != 0.0 || !self.is_hyphen(j) {
            return None;
        }
        let (rank, k) = self.ordinal_word(j + 1, &self.words.ordinal)?;
        (rank < 10).then_some((tens as u32 + rank, k, false))
    }

    /// A time unit right after a number: "years", "-year" (as in "three-year war").
    fn unit_after(&self, j: usize) -> Option<(TimeUnit, usize)> {
        let k = if self.is_hyphen(j) { j + 1 } else { j };
        if !self.joined(k) {
            return None;
        }
        phrase(&self.toks, k, &self.words.time_unit)
    }

    /// A scale word after a number: "million", "bn", "Mio."; one-letter scales ("m", "k") only
    /// when attached to the digits, where they cannot be metres.
    fn scale_after(&self, j: usize) -> Option<(f64, usize)> {
        // "$3-million bail": a hyphen may join the scale word to the digits.
        let j = if self.is_hyphen(j) && self.gap(j + 1) == Gap::Tight { j + 1 } else { j };
        if !self.joined(j) {
            return None;
        }
        let (s, next) = phrase(&self.toks, j, &self.words.scale)?;
        if self.tok(j).is_some_and(|t| t.text.chars().count() == 1) {
            return None;
        }
        Some((s, next))
    }

    /// A number in digits or words, times any scale after it.
    fn amount(&self, i: usize) -> Option<(f64, usize, bool)> {
        let (value, j, plain) = match self.digits(i) {
            Some(d) => (d.value, d.next, d.plain),
            None => {
                let (v, j, _) = self.words_number(i)?;
                (v, j, false)
            }
        };
        match self.scale_after(j) {
            Some((s, k)) => Some((value * s, k, false)),
            None => Some((value, j, plain)),
        }
    }

    /// A currency written after the amount, on the same line.
    fn currency_at(&self, i: usize) -> Option<(&'static str, usize)> {
        if !self.joined(i) {
            return None;
        }
        self.currency(i)
    }

    fn currency(&self, i: usize) -> Option<(&'static str, usize)> {
        if let Some(found) = phrase(&self.toks, i, &self.words.currency) {
            return Some(found);
        }
        // ISO codes only in capitals: "200 USD", never the verb "try".
        let t = self.tok(i)?;
        if t.text.chars().all(|c| c.is_ascii_uppercase()) {
            return phrase(&self.toks, i, &self.words.currency_code);
        }
        None
    }

    /// "$200 million", "US$5", "€5bn", "USD 200".
    fn money_prefixed(&self, i: usize) -> Option<(ValueKind, usize)> {
        let (currency, j) = self.currency(i)?;
        // A symbol written in two tokens is one only when they touch: "A$5", not "a $5".
        if (i + 1..j).any(|k| self.gap(k) != Gap::Tight) {
            return None;
        }
        if !matches!(self.gap(j), Gap::Tight | Gap::Space | Gap::ThinSpace) {
            return None;
        }
        let d = self.digits(j)?;
        let (amount, end) = match self.scale_after(d.next) {
            Some((s, k)) => (d.value * s, k),
            None => (d.value, d.next),
        };
        Some((ValueKind::Money { amount: canonical(amount), currency }, end))
    }

    /// A number and what follows it: a percent sign or word, a currency, a time unit, or nothing.
    fn quantity(&self, i: usize) -> Option<(ValueKind, usize)> {
        let (amount, j, plain) = self.amount(i)?;
        let amount_c = canonical(amount);
        // The unit may follow the full stop of an abbreviated scale: "2 Mio. Euro".
        let after_abbreviation = (j > i + 1 && self.tok(j - 1).is_some_and(|t| t.kind == TokenKind::Word))
            .then(|| self.after_dot(j))
            .filter(|&k| k != j);
        for k in [Some(j), after_abbreviation].into_iter().flatten() {
            if !self.joined(k) {
                continue;
            }
            if let Some((_, end)) = phrase(&self.toks, k, &self.words.percent) {
                return Some((ValueKind::Percent { value: amount_c }, end));
            }
            if let Some((currency, end)) = self.currency_at(k) {
                return Some((ValueKind::Money { amount: amount_c, currency }, end));
            }
        }
        if let Some((unit, end)) = self.unit_after(j) {
            return Some((ValueKind::Duration { amount: amount_c, unit }, end));
        }
        if plain {
            if let Some(year) = self.year_at(i).filter(|y| (1800..=2100).contains(y)) {
                return Some((ValueKind::Year { year }, j));
            }
        }
        Some((ValueKind::Number { value: amount_c }, j))
    }

    fn cased(&self, i: usize) -> bool {
        !self.lang.capitalizes_dates() || self.tok(i).is_some_and(|t| t.text.starts_with(char::is_uppercase))
    }

    fn name(&self, i: usize) -> Option<(ValueKind, usize)> {
        if !self.cased(i) {
            return None;
        }
        if let Some((day, end)) = phrase(&self.toks, i, &self.words.weekday) {
            return Some((ValueKind::Weekday { day }, end));
        }
        let (month, end) = phrase(&self.toks, i, &self.words.month)?;
        Some((ValueKind::Month { month }, end))
    }

    /// The token after a run of figures joined by slashes starting at `i` ("9/11", "1/2/3"), or
    /// `i` when there is none.
    fn slashed(&self, i: usize) -> usize {
        let number = |k: usize| self.tok(k).is_some_and(|t| t.kind == TokenKind::Number);
        let mut end = i;
        while number(end) && self.tight(end + 1, "/") && self.gap(end + 2) == Gap::Tight && number(end + 2) {
            end += 2;
        }
        if end == i {
            i
        } else {
            end + 1
        }
    }

    /// Digits glued to a word by a hyphen ("COVID-19", "Su-57") name a thing, not a quantity.
    fn is_model_number(&self, i: usize) -> bool {
        i >= 2
            && self.gap(i) == Gap::Tight
            && self.is_hyphen(i - 1)
            && self.tok(i - 2).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn at(&self, i: usize) -> Option<(ValueKind, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Number && self.is_model_number(i) {
            return None;
        }
        self.date(i)
            .or_else(|| self.money_prefixed(i))
            .or_else(|| self.name(i))
            .or_else(|| self.ordinal(i))
            .or_else(|| self.quantity(i))
    }
}

/// The typed values in `range` of `text`, in order, read with the words of `lang` (digits,
/// currency symbols and ISO codes work in every language). Never panics: a range that is out of
/// bounds or not on character boundaries gives no values.
///
/// ```
/// use parallax::{values, Lang, ValueKind};
/// let text = "Prices rose 25 percent to $200 million in the war's third year.";
/// let found = values(text, 0..text.len(), Lang::En);
/// let kinds: Vec<ValueKind> = found.iter().map(|v| v.kind).collect();
/// assert_eq!(kinds[0], ValueKind::Percent { value: 25.0 });
/// assert_eq!(kinds[1], ValueKind::Money { amount: 200e6, currency: "usd" });
/// assert_eq!(&text[found[2].span.clone()], "third year");
/// ```
pub fn values(text: &str, range: Range<usize>, lang: Lang) -> Vec<Value> {
    let mut toks = lex(text, range);
    let words = Words::get(lang);
    for t in &mut toks {
        t.lead = words.leads.contains(t.low.as_ref());
    }
    let spelled = (0..toks.len()).map(|_| OnceCell::new()).collect();
    let reader = Reader { toks, words, lang, spelled };
    let mut out = Vec::new();
    let mut i = 0;
    while i < reader.toks.len() {
        match reader.at(i) {
            // Figures joined by slashes that are neither a fraction nor a date ("9/11", "24/7")
            // name something; neither figure is a quantity of its own.
            Some((_, next)) if next == i + 1 && reader.slashed(i) > next => i = reader.slashed(i),
            Some((kind, next)) if next > i => {
                let start = reader.toks[i].span.start;
                let end = reader.toks.get(next - 1).map_or(start, |t| t.span.end);
                out.push(Value { span: start..end, kind });
                i = next;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn piece_reach_is_the_longest_prefix_a_piece_starts_with() {
        for lang in [Lang::En, Lang::De, Lang::Nl, Lang::It, Lang::Fr] {
            let w = Words::get(lang);
            assert!(!w.pieces.is_empty(), "{lang:?} has number pieces");
            // Every piece, with a letter changed or added after each of its prefixes, and words
            // before the first piece and after the last.
            let mut words: Vec<String> = vec![String::new(), "a".into(), "zzzz".into(), "\u{10ffff}".into()];
            for p in &w.pieces {
                for (end, _) in p.char_indices().chain([(p.len(), ' ')]) {
                    for tail in ["", "a", "q", "zz", "ü"] {
                        words.push(format!("{}{tail}", &p[..end]));
                    }
                }
            }
            // The reach may end inside a character (a piece that shares its first byte); what
            // `compound` asks is whether a prefix ending on a character boundary is within it.
            for word in &words {
                let reach = w.piece_reach(word);
                for end in (0..=word.len()).filter(|&end| word.is_char_boundary(end)) {
                    let starts = w.pieces.iter().any(|p| p.starts_with(&word[..end]));
                    assert_eq!(end <= reach, starts, "{lang:?} {word:?} up to byte {end}");
                }
            }
        }
    }

    /// One value as `kind:normalized@original text`.
    fn render(text: &str, v: &Value) -> String {
        let n = |x: f64| format!("{x}");
        let o = |x: Option<i64>, w: usize| x.map_or("?".to_string(), |x| format!("{x:0w$}"));
        let unit = |u: TimeUnit| format!("{u:?}").to_lowercase();
        let norm = match v.kind {
            ValueKind::Number { value } => format!("number:{}", n(value)),
            ValueKind::Money { amount, currency } => format!("money:{} {currency}", n(amount)),
            ValueKind::Percent { value } => format!("percent:{}", n(value)),
            ValueKind::Date { year, month, day } => format!(
                "date:{}-{}-{}",
                o(year.map(i64::from), 4),
                o(month.map(i64::from), 2),
                o(day.map(i64::from), 2)
            ),
            ValueKind::Weekday { day } => format!("weekday:{day}"),
            ValueKind::Month { month } => format!("month:{month}"),
            ValueKind::Year { year } => format!("year:{year}"),
            ValueKind::Ordinal { rank, unit: None } => format!("ordinal:{rank}"),
            ValueKind::Ordinal { rank, unit: Some(u) } => format!("ordinal:{rank} {}", unit(u)),
            ValueKind::Duration { amount, unit: u } => {
                format!("duration:{} {}", n(amount), unit(u))
            }
        };
        format!("{norm}@{}", &text[v.span.clone()])
    }

    fn read(lang: &str, text: &str) -> String {
        let lang = Lang::from_code(lang).unwrap_or(Lang::Other);
        values(text, 0..text.len(), lang).iter().map(|v| render(text, v)).collect::<Vec<_>>().join(" | ")
    }

    /// One line per case: language, text, the values expected (see `render`).
    const TABLE: &[(&str, &str, &str)] = &[
        // English: numbers in digits and words.
        ("en", "He has 3 sons.", "number:3@3"),
        ("en", "three of them", "number:3@three"),
        ("en", "1,200 troops", "number:1200@1,200"),
        ("en", "1.2 million people", "number:1200000@1.2 million"),
        ("en", "twenty-five people", "number:25@twenty-five"),
        ("en", "one hundred and five", "number:105@one hundred and five"),
        ("en", "two million barrels", "number:2000000@two million"),
        ("en", "five six", "number:5@five | number:6@six"),
        ("en", "3 1/2 miles", "number:3.5@3 1/2"),
        ("en", "3½ miles", "number:3.5@3½"),
        ("en", "a 24/7 service", ""),
        ("en", "the 9/11 attacks", ""),
        ("en", "the bond slid 23/32 and then 1-10/32", "number:0.71875@23/32 | number:1.3125@1-10/32"),
        ("en", "it contains 2 ½ servings", "number:2.5@2 ½"),
        ("en", "it reaches .20 parts per million", "number:0.2@.20"),
        ("en", "Version 2.20 is out", "number:2.2@2.20"),
        ("en", "released on $3-million bail", "money:3000000 usd@$3-million"),
        ("en", "paid a $10-million fine", "money:10000000 usd@$10-million"),
        ("en", "paid A$10 million", "money:10000000 aud@A$10 million"),
        ("en", "1.1 millions youths", "number:1100000@1.1 millions"),
        ("en", "rates of 11M and 22M", "number:11@11M | number:22@22M"),
        ("en", "a $11M loss", "money:11000000 usd@$11M"),
        ("en", "COVID-19 cases", ""),
        // Money.
        ("en", "$200 million", "money:200000000 usd@$200 million"),
        ("en", "200m dollars", "money:200000000 usd@200m dollars"),
        ("en", "$2.5 billion", "money:2500000000 usd@$2.5 billion"),
        ("en", "US$5", "money:5 usd@US$5"),
        ("en", "£3.2bn", "money:3200000000 gbp@£3.2bn"),
        ("en", "200 USD", "money:200 usd@200 USD"),
        ("en", "try 200 times", "number:200@200"),
        ("en", "5 €", "money:5 eur@5 €"),
        ("en", "three billion rubles", "money:3000000000 rub@three billion rubles"),
        // Percentages.
        ("en", "25%", "percent:25@25%"),
        ("en", "25 percent", "percent:25@25 percent"),
        ("en", "2.5 per cent", "percent:2.5@2.5 per cent"),
        ("en", "twenty-five percent", "percent:25@twenty-five percent"),
        // Ordinals and durations.
        ("en", "its third year", "ordinal:3 year@third year"),
        ("en", "its 3rd year", "ordinal:3 year@3rd year"),
        ("en", "the fourth-year students", "ordinal:4 year@fourth-year"),
        ("en", "the twenty-first century", "ordinal:21 century@twenty-first century"),
        ("en", "the 21st round", "ordinal:21@21st"),
        ("en", "a three-year war", "duration:3 year@three-year"),
        ("en", "a 3 1/2-year sentence", "duration:3.5 year@3 1/2-year"),
        ("en", "48 hours", "duration:48 hour@48 hours"),
        ("en", "two weeks later", "duration:2 week@two weeks"),
        // Dates, weekdays, months, years.
        ("en", "on August 17, 2025,", "date:2025-08-17@August 17, 2025"),
        ("en", "on Aug. 17", "date:?-08-17@Aug. 17"),
        ("en", "on 17 August 2025", "date:2025-08-17@17 August 2025"),
        ("en", "the 17th of August", "date:?-08-17@17th of August"),
        ("en", "in August 2025", "date:2025-08-?@August 2025"),
        ("en", "2025-08-17", "date:2025-08-17@2025-08-17"),
        ("en", "8/17/2025", "date:2025-08-17@8/17/2025"),
        ("en", "on Monday", "weekday:1@Monday"),
        ("en", "in mid-August", "month:8@August"),
        ("en", "you may march", ""),
        ("en", "in 2014", "year:2014@2014"),
        ("en", "2,014 votes", "number:2014@2,014"),
        // German.
        ("de", "2,5 Prozent", "percent:2.5@2,5 Prozent"),
        ("de", "1.200 Soldaten", "number:1200@1.200"),
        ("de", "1,2 Millionen Euro", "money:1200000 eur@1,2 Millionen Euro"),
        ("de", "2 Mio. Euro", "money:2000000 eur@2 Mio. Euro"),
        ("de", "fünfundzwanzig Jahre", "duration:25 year@fünfundzwanzig Jahre"),
        ("de", "zweihundert Menschen", "number:200@zweihundert"),
        ("de", "im dritten Jahr", "ordinal:3 year@dritten Jahr"),
        ("de", "am 17. August 2025", "date:2025-08-17@17. August 2025"),
        ("de", "am Montag", "weekday:1@Montag"),
        ("de", "ein Mann", ""),
        // French.
        ("fr", "25 pour cent", "percent:25@25 pour cent"),
        ("fr", "1 200 soldats", "number:1200@1 200"),
        ("fr", "1\u{202F}200\u{202F}000 euros", "money:1200000 eur@1\u{202F}200\u{202F}000 euros"),
        ("fr", "3,5 milliards d'euros", "money:3500000000 eur@3,5 milliards d'euros"),
        ("fr", "3,5 milliards d’euros", "money:3500000000 eur@3,5 milliards d’euros"),
        ("fr", "vingt et un ans", "duration:21 year@vingt et un ans"),
        ("fr", "soixante-dix-sept", "number:77@soixante-dix-sept"),
        ("fr", "quatre-vingt-dix", "number:90@quatre-vingt-dix"),
        ("fr", "la troisième année", "ordinal:3 year@troisième année"),
        ("fr", "le 1er août", "date:?-08-01@1er août"),
        ("fr", "lundi 18 août 2025", "weekday:1@lundi | date:2025-08-18@18 août 2025"),
        ("fr", "un homme", ""),
        // Spanish.
        ("es", "el 17 de agosto de 2025", "date:2025-08-17@17 de agosto de 2025"),
        ("es", "treinta y cinco", "number:35@treinta y cinco"),
        ("es", "mil millones de dólares", "money:1000000000 usd@mil millones de dólares"),
        ("es", "200 millones de personas", "number:200000000@200 millones"),
        ("es", "el 25 por ciento", "percent:25@25 por ciento"),
        ("es", "su tercer año", "ordinal:3 year@tercer año"),
        ("es", "el 3º año", "ordinal:3 year@3º año"),
        // Italian.
        ("it", "venticinque anni", "duration:25 year@venticinque anni"),
        ("it", "ventuno", "number:21@ventuno"),
        ("it", "duemila persone", "number:2000@duemila"),
        ("it", "secondo il ministro", ""),
        ("it", "il secondo anno", "ordinal:2 year@secondo anno"),
        ("it", "il 25 per cento", "percent:25@25 per cento"),
        // Portuguese.
        ("pt", "vinte e cinco", "number:25@vinte e cinco"),
        ("pt", "na segunda-feira", "weekday:1@segunda-feira"),
        ("pt", "o terceiro ano", "ordinal:3 year@terceiro ano"),
        ("pt", "dos 3 países", "number:3@3"),
        // Dutch.
        ("nl", "vijfentwintig jaar", "duration:25 year@vijfentwintig jaar"),
        ("nl", "een man", ""),
        ("nl", "het derde jaar", "ordinal:3 year@derde jaar"),
        ("nl", "25 procent", "percent:25@25 procent"),
        // Russian.
        ("ru", "третий год", "ordinal:3 year@третий год"),
        ("ru", "третьего года", "ordinal:3 year@третьего года"),
        ("ru", "3-й год", "ordinal:3 year@3-й год"),
        ("ru", "17 августа 2025 года", "date:2025-08-17@17 августа 2025"),
        ("ru", "1,5 млрд рублей", "money:1500000000 rub@1,5 млрд рублей"),
        ("ru", "двадцать пять процентов", "percent:25@двадцать пять процентов"),
        ("ru", "в пятницу", "weekday:5@пятницу"),
        // Any language: digits, symbols and codes.
        ("ja", "€5", "money:5 eur@€5"),
        ("zh", "增长25%", "percent:25@25%"),
    ];

    #[test]
    fn issue_3_value_table() {
        let mut failures = Vec::new();
        for (lang, text, want) in TABLE {
            let got = read(lang, text);
            if got != *want {
                failures.push(format!("{lang} {text:?}\n   want {want:?}\n    got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), TABLE.len(), failures.join("\n"));
    }

    fn kind(lang: Lang, text: &str) -> ValueKind {
        let v = values(text, 0..text.len(), lang);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].kind
    }

    #[test]
    fn issue_3_same_value_written_differently_agrees() {
        let en = Lang::En;
        let pairs = [
            ("25%", "25 percent"),
            ("three", "3"),
            ("$200 million", "200m dollars"),
            ("third year", "3rd year"),
            ("1.2 million", "1,200,000"),
            ("two weeks", "14 days"),
            ("August 17, 2025", "17 August 2025"),
            ("2,000", "2000"),
        ];
        for (a, b) in pairs {
            assert_eq!(kind(en, a).agrees(&kind(en, b)), Some(true), "{a} / {b}");
        }
        assert_eq!(kind(Lang::De, "2,5 Prozent").agrees(&kind(en, "2.5%")), Some(true));
        assert_eq!(kind(Lang::Fr, "troisième année").agrees(&kind(en, "third year")), Some(true));
    }

    #[test]
    fn issue_3_different_values_conflict_or_do_not_compare() {
        let en = Lang::En;
        let conflicts = [("fourth year", "third year"), ("$200 million", "$150 million"), ("Monday", "Tuesday")];
        for (a, b) in conflicts {
            assert_eq!(kind(en, a).agrees(&kind(en, b)), Some(false), "{a} / {b}");
        }
        let unrelated = [("25%", "25"), ("$200", "€200"), ("third year", "third"), ("Monday", "August 17")];
        for (a, b) in unrelated {
            assert_eq!(kind(en, a).agrees(&kind(en, b)), None, "{a} / {b}");
        }
    }

    #[test]
    fn issue_3_values_never_panic_on_odd_ranges() {
        let text = "€5 – 東京 25%";
        for start in 0..=text.len() + 1 {
            for end in start..=text.len() + 1 {
                let _ = values(text, start..end, Lang::En);
            }
        }
        assert!(values(text, 1..3, Lang::En).is_empty());
    }
}
