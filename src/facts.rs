//! Conflicting facts: two statements about the same thing that disagree on a number, an amount,
//! a percentage, a date, a weekday, an ordinal or a name.
//!
//! Each sentence's typed values (`src/values.rs`) become *facts*: the value, whether a word such
//! as "about" or "more than" makes it a round figure, and its context — the content words within
//! `facts_window` words on each side. Two sentences that report the same thing (aligned, or next
//! to an alignment, see `src/links.rs`) are compared value by value: a value of one sentence that
//! the other sentence states too, in any notation ("25%" / "25 percent", "three" / "3", "$1.8
//! billion" / "$1.83 billion" rounded), is accounted for; the values left over on both sides that
//! are about the same kind of thing and disagree ("fourth year" / "third year") are a conflict
//! when their contexts share a word, or when they are the only such pair of the two sentences.
//! Sentences that are not aligned still conflict when their values share at least
//! `facts_context_min` context words ("the war in Ukraine enters its third year" / "the conflict
//! in Ukraine enters its fourth year"). Names conflict when a word diff of two aligned sentences
//! replaces one name by another that `data/names/en.txt` does not list as the same.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::config::Config;
use crate::diff::{self, Op};
use crate::lexicon::{self, Stems, WordMap, WordSet};
use crate::similarity::Corpus;
use crate::sort::{common_count, IdSort, StableSort};
use crate::tokenize::{fold, words_in, Lang};
use crate::values::{values, Value, ValueKind};

/// What two statements disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// A count or other plain number.
    Number,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A date, a month or a year.
    Date,
    /// A day of the week.
    Weekday,
    /// An ordinal ("third year" / "fourth year").
    Ordinal,
    /// A length of time.
    Duration,
    /// A time of day ("10:30 a.m." / "11 a.m.").
    Time,
    /// A person, place or organisation.
    Entity,
}

impl Fact {
    fn conflict_kind(&self) -> ConflictKind {
        if self.clock.is_some() {
            ConflictKind::Time
        } else {
            ConflictKind::of(&self.kind)
        }
    }
}

impl ConflictKind {
    fn of(kind: &ValueKind) -> ConflictKind {
        match kind {
            ValueKind::Number { .. } => ConflictKind::Number,
            ValueKind::Money { .. } => ConflictKind::Money,
            ValueKind::Percent { .. } => ConflictKind::Percent,
            ValueKind::Date { .. } | ValueKind::Month { .. } | ValueKind::Year { .. } => ConflictKind::Date,
            ValueKind::Weekday { .. } => ConflictKind::Weekday,
            ValueKind::Ordinal { .. } => ConflictKind::Ordinal,
            ValueKind::Duration { .. } => ConflictKind::Duration,
        }
    }
}

/// The part a figure plays in a movement ("rose $2 to $21 from $19").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The level reached or stood at: "to $21.51", "at $3.01".
    Level,
    /// The level left: "from $2,500".
    Earlier,
    /// The size of the change: "rose $2.11", "down 34 cents", "by $300".
    Change,
}

/// A time of day read from a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clock {
    /// Minutes since midnight.
    pub minutes: u32,
    /// The time zone named after it ("gmt"), if any.
    pub zone: Option<String>,
}

/// A value in a sentence, with what the fact check needs to know about it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fact {
    pub span: Range<usize>,
    pub kind: ValueKind,
    /// Significant digits as written (0 when no digits are written).
    pub digits: u32,
    /// A word such as "about" or "more than" comes right before it.
    pub hedged: bool,
    /// A bound rather than a figure: `Some(true)` for a floor ("at least 23", "more than 360"),
    /// `Some(false)` for a ceiling ("up to 25 years", "less than 50 pounds").
    pub bound: Option<bool>,
    /// What it measures or counts, stemmed: a unit of measure right after it ("miles"), or for an
    /// ordinal without a time unit the next content word ("fifth time").
    pub unit: Option<String>,
    /// For a plain number, what it counts: the content words right after it ("88,747 votes",
    /// "three-term", "two Hamas officials", "two of the Britons"), stemmed, or "age" for a
    /// number set off by commas after a name ("Sandy Mitchell, 44,"). Empty when unknown.
    pub counts: Vec<String>,
    /// Its part in a movement, when the word before it tells: a level reached ("to $21.51", "at
    /// $3.01"), the level left ("from $2,500") or the change itself ("rose $2.11", "by $300").
    pub role: Option<Role>,
    /// The range it is one end of ("six to eight weeks": 6 to 8).
    pub range: Option<(f64, f64)>,
    /// The time of day it states, when it is one ("2:40 a.m.", "0240 GMT", "6 p.m."): compared
    /// only with another time of day in the same zone (or both without one).
    pub clock: Option<Clock>,
    /// When something was said or read ("officials said Tuesday", "as of 10:33 a.m."), not a
    /// fact of the story: never compared.
    pub timestamp: bool,
    /// When a figure was read: a time of day, or a date after "as of". Two statements read at
    /// different times may give different figures without contradicting each other.
    pub snapshot: bool,
    /// Stems of the content words around it, sorted and deduplicated.
    pub context: Vec<String>,
}

/// Two statements that disagree, by byte spans into their two texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// What they disagree on.
    pub kind: ConflictKind,
    /// The value (or name) in the first statement.
    pub a: Range<usize>,
    /// The value (or name) in the second statement.
    pub b: Range<usize>,
}

/// The phrase lists of `data/facts/en.txt`, by group.
struct Lists {
    approximations: Vec<Vec<String>>,
    floors: Vec<Vec<String>>,
    level_words: WordSet<&'static str>,
    earlier_words: WordSet<&'static str>,
    change_words: WordSet<&'static str>,
    ceilings: Vec<Vec<String>>,
    units: WordSet<&'static str>,
    snapshots: Vec<Vec<String>>,
    range_words: WordSet<&'static str>,
    range_openers: Vec<Vec<String>>,
    clock: WordSet<&'static str>,
    zones: WordSet<&'static str>,
    clock_snapshots: Vec<Vec<String>>,
    reporting: WordSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let group = |prefix: &str| -> Vec<&'static str> {
            lexicon::grouped_items("data/facts/en.txt").filter(|(g, _)| g.starts_with(prefix)).map(|(_, i)| i).collect()
        };
        let role = |prefix: &str| -> WordSet<&'static str> {
            lexicon::grouped_items("data/facts/roles-en.txt")
                .filter(|(g, _)| g.starts_with(prefix))
                .map(|(_, i)| i)
                .collect()
        };
        let phrases = |prefix: &str| -> Vec<Vec<String>> {
            group(prefix).into_iter().map(|p| words_in(p, 0..p.len()).map(|w| fold(&p[w])).collect()).collect()
        };
        Lists {
            approximations: phrases("approximation words")
                .into_iter()
                .chain(phrases("floor words"))
                .chain(phrases("ceiling words"))
                .collect(),
            floors: phrases("floor words"),
            level_words: role("level words"),
            earlier_words: role("earlier level words"),
            change_words: role("change words"),
            ceilings: phrases("ceiling words"),
            units: group("units of measure").into_iter().collect(),
            snapshots: phrases("snapshot markers"),
            range_words: group("range words").into_iter().collect(),
            range_openers: phrases("range openers"),
            clock: group("time of day words").into_iter().collect(),
            zones: group("time zones").into_iter().collect(),
            clock_snapshots: phrases("clock snapshot markers"),
            // The speech verbs and nouns of quotation attribution report a saying too ("said in
            // an interview Tuesday", "reached for comment Wednesday").
            reporting: group("reporting words")
                .into_iter()
                .chain(
                    lexicon::grouped_items("data/quotes/attribution.txt")
                        .filter(|(g, _)| g.starts_with("english speech"))
                        .map(|(_, i)| i),
                )
                .collect(),
        }
    })
}

/// Whether the words just before position `at` are one of `phrases`.
fn preceded_by(words: &[(Range<usize>, String)], at: usize, phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| at >= p.len() && words[at - p.len()..at].iter().map(|(_, w)| w).eq(p.iter()))
}

/// Significant digits of a number as written: leading zeros and the trailing zeros of a whole
/// number ("300", "1,200") do not count.
fn significant_digits(written: &str) -> u32 {
    let number: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}' | ' '))
        .collect();
    // "0.30 percent": the space before the unit is not part of the number.
    let number = number.trim_end_matches([' ', '\u{a0}', '\u{202f}', '.', ',']);
    let has_point = number.contains('.') && number.rsplit('.').next().is_some_and(|d| d.len() != 3);
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    let digits = if has_point { digits } else { digits.trim_end_matches('0') };
    digits.len() as u32
}

/// The facts of one sentence. Marked as timestamps, and never compared: a weekday or date next to
/// a reporting word ("officials said Tuesday" is when it was said, which outlets report
/// differently without contradicting each other), and a clock time after "as of" or "by" (when a
/// figure was read).
pub(crate) fn facts_of(text: &str, sentence: Range<usize>, lang: Lang, cfg: &Config) -> Vec<Fact> {
    let found = values(text, sentence.clone(), lang);
    let words = || words_in(text, sentence).map(|r| (r.clone(), fold(&text[r]))).collect();
    facts_from(text, found, words, lang, cfg, &mut Stems::default())
}

/// The values of every sentence, flat (source 0's sentences first, then source 1's…): read once
/// per analysis, as both the fact check and the framing stage (which leaves them out) need them.
pub(crate) fn sentence_values(texts: &[&str], sentences: &[Vec<Range<usize>>], langs: &[Lang]) -> Vec<Vec<Value>> {
    let mut out = Vec::with_capacity(sentences.iter().map(Vec::len).sum());
    for (s, (text, sents)) in texts.iter().zip(sentences).enumerate() {
        let lang = langs.get(s).copied().unwrap_or_default();
        out.extend(sents.iter().map(|r| values(text, r.clone(), lang)));
    }
    out
}

/// How far (in words, each side) a value's context words are looked for. Prose has its nearest
/// content words a few words away; a sentence of thousands of numbers and function words (a table
/// pasted as one line) has none, and looking across the whole sentence for each of its values was
/// quadratic: a fuzzed input of one such sentence ran for minutes. It also caps
/// `Config::facts_window`: no more than this many context words are found on a side.
const CONTEXT_REACH_WORDS: usize = 32;

/// [`facts_of`] with the sentence's values already read, and its words (byte range and folded
/// form) given by `words`, which is called only when there is a value.
fn facts_from(
    text: &str,
    mut found: Vec<Value>,
    words: impl FnOnce() -> Vec<(Range<usize>, String)>,
    lang: Lang,
    cfg: &Config,
    stems: &mut Stems,
) -> Vec<Fact> {
    if found.is_empty() {
        return Vec::new();
    }
    let l = lists();
    let words = words();
    let clocks = read_clocks(text, &mut found, &words, l);
    let spans: Vec<Range<usize>> = found.iter().map(|v| v.span.clone()).collect();
    let inside = |r: &Range<usize>| within_any(&spans, r);
    let mut out: Vec<Fact> = Vec::new();
    for v in &found {
        let first = words.partition_point(|(r, _)| r.end <= v.span.start);
        let after = words.partition_point(|(r, _)| r.start < v.span.end);
        let near = |k: usize| words.get(k).map(|(_, w)| w.as_str());
        let calendar = matches!(v.kind, ValueKind::Weekday { .. } | ValueKind::Date { .. } | ValueKind::Month { .. });
        let said_then = (first.saturating_sub(3)..first)
            .chain(after..after + 2)
            .any(|k| near(k).is_some_and(|w| l.reporting.contains(w.strip_suffix("'s").unwrap_or(w))));
        // Clocks are in text order, as the values are: found by binary search, since a sentence
        // of clock times has as many clocks as values.
        let clock = clocks
            .get(clocks.partition_point(|(r, _)| r.start < v.span.start))
            .filter(|(r, _)| r.start == v.span.start)
            .map(|(_, c)| c.clone());
        let snapshot = preceded_by(&words, first, &l.snapshots) && (calendar || clock.is_some())
            || (clock.is_some() && preceded_by(&words, first, &l.clock_snapshots));
        let timestamp = (calendar && said_then) || snapshot;
        // The nearest content words on each side, skipping function words and other values.
        let content = |(r, w): &&(Range<usize>, String)| {
            !inside(r) && w.chars().any(char::is_alphabetic) && !lexicon::is_stopword(w, lang)
        };
        // The words within reach before the value and after it.
        let behind = &words[first.saturating_sub(CONTEXT_REACH_WORDS)..first];
        let ahead = words.get(after..(after + CONTEXT_REACH_WORDS).min(words.len())).unwrap_or(&[]);
        let before = behind.iter().rev().filter(content).take(cfg.facts_window);
        let following = ahead.iter().filter(content).take(cfg.facts_window);
        let mut context: Vec<String> = before.chain(following).map(|(_, w)| stems.of(w, lang)).collect();
        context.stable_sort();
        context.dedup();
        let written = text.get(v.span.clone()).unwrap_or("");
        // A number written in words ("five") is as precise as its value written in digits. As an
        // integer rather than `{}` of the float, which would bring core's float formatting into
        // the WebAssembly; the same digits for every value below 2^53 (nine quadrillion) and for
        // round ones above it.
        let digits = match (significant_digits(written), amount(&v.kind)) {
            (0, Some(x)) => significant_digits(&(x.abs().round() as u64).to_string()),
            (d, _) => d,
        };
        out.push(Fact {
            span: v.span.clone(),
            kind: v.kind,
            digits,
            hedged: preceded_by(&words, first, &l.approximations),
            bound: if preceded_by(&words, first, &l.floors) {
                Some(true)
            } else if preceded_by(&words, first, &l.ceilings) {
                Some(false)
            } else {
                None
            },
            unit: match v.kind {
                // What an ordinal counts is the word after it: "fifth time" is not "first meeting".
                ValueKind::Ordinal { unit: None, .. } => ahead.iter().find(content).map(|(_, w)| stems.of(w, lang)),
                _ => near(after).filter(|w| l.units.contains(w)).map(|w| stems.of(w, lang)),
            },
            counts: if matches!(v.kind, ValueKind::Number { .. }) && clock.is_none() {
                counted(text, &words, first, after, lang, &inside, stems)
            } else {
                Vec::new()
            },
            role: match first.checked_sub(1).and_then(near) {
                Some(w) if l.level_words.contains(w) => Some(Role::Level),
                Some(w) if l.earlier_words.contains(w) => Some(Role::Earlier),
                Some(w) if l.change_words.contains(w) => Some(Role::Change),
                _ => None,
            },
            range: None,
            clock,
            timestamp,
            snapshot,
            context,
        });
    }
    // Two figures make a range when a dash joins them ("6-8 weeks"), or "between"/"from" comes
    // before the first and "and"/"to" between them ("between 30 and 80"); "rose 5 to 20" is a
    // change and a level, not a range.
    for k in 1..out.len() {
        let between = text.get(out[k - 1].span.end..out[k].span.start).unwrap_or("x").trim();
        let start = words.partition_point(|(r, _)| r.end <= out[k - 1].span.start);
        let opened = preceded_by(&words, start, &l.range_openers);
        // "from 16 cents a share to 27 cents": a few words of unit (up to three) may come before
        // the joiner.
        let gap: Vec<String> = words_in(between, 0..between.len()).map(|w| fold(&between[w])).collect();
        let joined_by_word = gap.len() <= 4 && gap.last().is_some_and(|w| l.range_words.contains(w.as_str()));
        // Two percentages joined by "to" are a range even without an opener ("1 percent to 3
        // percent"): a change and a level would be in different units.
        let percents = matches!((out[k - 1].kind, out[k].kind), (ValueKind::Percent { .. }, ValueKind::Percent { .. }));
        let joins = matches!(between, "-" | "\u{2013}") || ((opened || percents) && joined_by_word);
        // "from 1.8 to 4.4 percentage points": the first figure takes the unit of the second.
        if joins {
            out[k - 1].kind = match (out[k - 1].kind, out[k].kind) {
                (ValueKind::Number { value }, ValueKind::Percent { .. }) => ValueKind::Percent { value },
                (ValueKind::Number { value }, ValueKind::Duration { unit, .. }) => {
                    ValueKind::Duration { amount: value, unit }
                }
                (kind, _) => kind,
            };
        }
        let comparable = out[k - 1].kind.agrees(&out[k].kind).is_some();
        if let (true, true, Some(x), Some(y)) = (joins, comparable, amount(&out[k - 1].kind), amount(&out[k].kind)) {
            out[k - 1].range = Some((x.min(y), x.max(y)));
            out[k].range = Some((x.min(y), x.max(y)));
        }
    }
    out
}

/// What the plain number spanning words `first..after` counts (see [`Fact::counts`]).
fn counted(
    text: &str,
    words: &[(Range<usize>, String)],
    first: usize,
    after: usize,
    lang: Lang,
    inside: &dyn Fn(&Range<usize>) -> bool,
    stems: &mut Stems,
) -> Vec<String> {
    let gap = |a: usize, b: usize| -> &str {
        match (words.get(a), words.get(b)) {
            (Some((x, _)), Some((y, _))) => text.get(x.end..y.start).unwrap_or("?"),
            _ => "?",
        }
    };
    // "Sandy Mitchell, 44, from Glasgow": an age.
    let after_name = first > 0
        && gap(first - 1, first).trim() == ","
        && text.get(words[first - 1].0.clone()).is_some_and(|w| w.starts_with(char::is_uppercase))
        && after > first
        && text.get(words[after - 1].0.end..).is_some_and(|t| t.starts_with([',', '.', ';']));
    if after_name {
        return vec!["age".to_string()];
    }
    let mut k = after;
    // "two of the Britons": what is counted comes after "of" and an article.
    if after > first && words.get(k).is_some_and(|(_, w)| w == "of") && gap(after - 1, k).trim().is_empty() {
        k += 1;
        while words.get(k).is_some_and(|(_, w)| lexicon::is_stopword(w, lang)) && k < after + 3 {
            k += 1;
        }
    }
    let mut out = Vec::new();
    let mut prev = after.saturating_sub(1);
    while let Some((r, w)) = words.get(k) {
        let joined = gap(prev, k).trim();
        if out.len() == 4
            || !(joined.is_empty() || joined == "-")
            || inside(r)
            || lexicon::is_stopword(w, lang)
            || !w.chars().all(char::is_alphabetic)
        {
            break;
        }
        out.push(stems.of(w, lang));
        prev = k;
        k += 1;
    }
    // Without parts of speech the head of the run is unknown ("654,000 net long-distance
    // customers", "500 Index shed"): the whole run is kept, and two runs that share a word may
    // count the same thing.
    out.stable_sort();
    out
}

/// Reads the times of day among `found` ("2:40 a.m.", "6 p.m. EDT", "0240 GMT"), joining the
/// hour and the minutes of "2:40" into one value, and returns each time's span and reading. The
/// value reader does not know times of day; it reads "2:40" as two numbers.
fn read_clocks(
    text: &str,
    found: &mut Vec<crate::values::Value>,
    words: &[(Range<usize>, String)],
    l: &Lists,
) -> Vec<(Range<usize>, Clock)> {
    let digits = |r: &Range<usize>, len: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let s = text.get(r.clone())?;
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let mut out = Vec::new();
    // The values that are the minutes of a clock ("2:40"'s "40").
    let mut absorbed = vec![false; found.len()];
    let mut k = 0;
    while k < found.len() {
        let span = found[k].span.clone();
        let word_after = |end: usize| {
            let n = words.partition_point(|(r, _)| r.start < end);
            words.get(n).filter(|(r, _)| text.get(end..r.start).is_some_and(|g| g.trim().is_empty()))
        };
        // "2:40": an hour, a colon and two digits of minutes.
        let minutes_next =
            found.get(k + 1).filter(|m| m.span.start == span.end + 1 && text.get(span.end..m.span.start) == Some(":"));
        let (mut minutes, mut end) = match (digits(&span, 1..=2), minutes_next.and_then(|m| digits(&m.span, 2..=2))) {
            (Some(h), Some(m)) if h < 24 && m < 60 => (Some(h * 60 + m), found[k + 1].span.end),
            _ => (None, span.end),
        };
        let mut half = word_after(end).map(|(r, w)| (r.clone(), w.as_str())).filter(|(_, w)| l.clock.contains(w));
        if minutes.is_none() {
            // "6 p.m." (an hour before a.m./p.m.) or "0240 GMT" (four digits before a zone).
            let zone_next = word_after(end).is_some_and(|(_, w)| l.zones.contains(w.as_str()));
            minutes = match (digits(&span, 1..=2), digits(&span, 4..=4)) {
                (Some(h), _) if half.is_some() && (1..=12).contains(&h) => Some(h * 60),
                (_, Some(hm)) if zone_next && hm / 100 < 24 && hm % 100 < 60 => Some(hm / 100 * 60 + hm % 100),
                _ => None,
            };
        }
        let Some(mut m) = minutes else {
            k += 1;
            continue;
        };
        if let Some((r, w)) = half.take() {
            let hour = m / 60;
            if w.starts_with('p') && hour < 12 {
                m += 12 * 60;
            } else if w.starts_with('a') && hour == 12 {
                m -= 12 * 60;
            }
            // "p.m" is a word; its final full stop belongs to it.
            end = if text.get(r.end..r.end + 1) == Some(".") { r.end + 1 } else { r.end };
        }
        // A listed zone ("GMT"), or a place or "local" before "time" ("3 p.m. Arizona time").
        let zone = word_after(end).and_then(|(r, w)| {
            let named = text.get(r.clone()).is_some_and(|t| t.starts_with(char::is_uppercase)) || w == "local";
            let place_time = named && word_after(r.end).is_some_and(|(_, t)| t == "time");
            (l.zones.contains(w.as_str()) || place_time).then(|| w.clone())
        });
        // The minutes are part of the clock now: dropped below, all at once (removing each from
        // the list as it was met moved the rest of it, quadratic in a sentence of clock times).
        let absorbs = minutes_next.is_some() && m < 24 * 60;
        found[k].span = span.start..end;
        out.push((span.start..end, Clock { minutes: m, zone }));
        if absorbs {
            absorbed[k + 1] = true;
            k += 1;
        }
        k += 1;
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
    out
}

/// Whether `r` lies inside one of `spans` (sorted, not overlapping), by binary search: a long
/// sentence has many values and many words.
pub(crate) fn within_any(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = spans.partition_point(|s| s.end <= r.start);
    spans.get(k).is_some_and(|s| s.start <= r.start && r.end <= s.end)
}

/// The amount a value states, for the rounding check.
fn amount(kind: &ValueKind) -> Option<f64> {
    match *kind {
        ValueKind::Number { value } | ValueKind::Percent { value } => Some(value),
        ValueKind::Money { amount, .. } => Some(amount),
        ValueKind::Duration { amount, .. } => Some(amount),
        _ => None,
    }
}

/// `x` rounded to `digits` significant digits.
fn round_to(x: f64, digits: u32) -> f64 {
    if x == 0.0 || !x.is_finite() || digits == 0 {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(magnitude + 1 - digits.min(15) as i32);
    (x / scale).round() * scale
}

/// `x` cut (not rounded) to `digits` significant digits: "$247.7 billion" written "$247 billion".
fn cut_to(x: f64, digits: u32) -> f64 {
    if x == 0.0 || !x.is_finite() || digits == 0 {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(magnitude + 1 - digits.min(15) as i32);
    // A hair above, so 0.29 / 0.01 = 28.999… still cuts to 29.
    (x / scale + 1e-9).trunc() * scale
}

/// Whether two facts state the same value: `Some(true)` the same (in any notation, or rounded),
/// `Some(false)` different values of the same kind of thing, `None` not comparable.
pub(crate) fn same_value(a: &Fact, b: &Fact, cfg: &Config) -> Option<bool> {
    // Times of day compare with each other only, and not in two different zones: "6 p.m. EDT"
    // may well be "3 p.m. Arizona time". A time without a zone is taken to be in the other's.
    match (&a.clock, &b.clock) {
        (Some(x), Some(y)) => {
            let zones_differ = matches!((&x.zone, &y.zone), (Some(p), Some(q)) if p != q);
            let apart = x.minutes.abs_diff(y.minutes);
            let margin = if a.hedged || b.hedged { cfg.facts_clock_hedge_minutes } else { 0 };
            return (!zones_differ).then_some(apart <= margin);
        }
        (None, None) => {}
        _ => return None,
    }
    if matches!((&a.unit, &b.unit), (Some(u), Some(v)) if u != v) {
        return None;
    }
    // A level and a change ("fell 96 cents to $42.72" / "fell $9.61 to $50.26") are not the same
    // figure.
    if matches!((a.role, b.role), (Some(p), Some(q)) if p != q) {
        return None;
    }
    // Numbers that count different things ("88,747 votes" / "a three-term congressman", an age
    // and a number of people) are not about the same thing.
    if !a.counts.is_empty() && !b.counts.is_empty() && !a.counts.iter().any(|w| b.counts.contains(w)) {
        return None;
    }
    let agrees = a.kind.agrees(&b.kind)?;
    if agrees {
        return Some(true);
    }
    let (Some(x), Some(y)) = (amount(&a.kind), amount(&b.kind)) else { return Some(false) };
    // A figure inside a range the other gives agrees with it ("22 cents" / "16 to 27 cents").
    let within = |v: f64, r: Option<(f64, f64)>| r.is_some_and(|(lo, hi)| lo <= v && v <= hi);
    let overlap = matches!((a.range, b.range), (Some((l1, h1)), Some((l2, h2))) if l1 <= h2 && l2 <= h1);
    if within(x, b.range) || within(y, a.range) || overlap {
        return Some(true);
    }
    // A figure on the right side of the other's bound agrees with it ("up to 25 years" / "seven
    // years"); two bounds are compared as figures.
    let satisfies = |bound: &Fact, v: f64, bv: f64| match bound.bound {
        Some(true) => v >= bv,
        Some(false) => v <= bv,
        None => false,
    };
    if (b.bound.is_none() && satisfies(a, y, x)) || (a.bound.is_none() && satisfies(b, x, y)) {
        return Some(true);
    }
    let relative = (x - y).abs() / x.abs().max(y.abs()).max(f64::MIN_POSITIVE);
    // "About 300" may be 280, but "about $5,247" is not $4,794: a hedged figure of four
    // significant digits is within 1 %, of five within 0.1 %.
    let margin = |f: &Fact| cfg.facts_hedge_max.min(10f64.powi(2 - f.digits.min(15) as i32));
    let hedge = [a, b].iter().filter(|f| f.hedged).map(|f| margin(f)).fold(0.0, f64::max);
    if relative <= hedge {
        return Some(true);
    }
    // Readings a hair apart (a share price a minute later) are not a contradiction.
    if relative < cfg.facts_min_difference {
        return Some(true);
    }
    // The more precise figure rounded to the precision of the other gives the other.
    // The more precise figure rounded (or cut) to the precision of the other gives the other.
    let digits = a.digits.min(b.digits);
    let close = |p: f64, q: f64| (p - q).abs() <= 1e-9 * x.abs().max(y.abs());
    let shortened =
        digits > 0 && (close(round_to(x, digits), round_to(y, digits)) || close(cut_to(x, digits), cut_to(y, digits)));
    Some(shortened && relative <= cfg.facts_rounding_max)
}

/// Pairs of facts of two sentences that conflict, as indices into `a` and `b`. `aligned` says
/// whether the sentences are known to report the same thing; if not, a conflict needs
/// `facts_context_min` shared context words.
pub(crate) fn conflicting(a: &[Fact], b: &[Fact], aligned: bool, cfg: &Config) -> Vec<(usize, usize)> {
    // Figures read at different times ("as of Wednesday" / "as of Monday", "at 9:33 a.m." / "at
    // 12:01 p.m.") are two readings, not a contradiction.
    fn snapshots(f: &[Fact]) -> Vec<&Fact> {
        f.iter().filter(|x| x.snapshot).collect()
    }
    let (sa, sb) = (snapshots(a), snapshots(b));
    if !sa.is_empty() && !sb.is_empty() && !sa.iter().any(|x| sb.iter().any(|y| x.kind.agrees(&y.kind) == Some(true))) {
        return Vec::new();
    }
    // A timestamp is accounted for from the start: it is never compared.
    let accounted_a: Vec<bool> =
        a.iter().map(|x| x.timestamp || b.iter().any(|y| same_value(x, y, cfg) == Some(true))).collect();
    let accounted_b: Vec<bool> =
        b.iter().map(|y| y.timestamp || a.iter().any(|x| same_value(x, y, cfg) == Some(true))).collect();
    // Candidate pairs: left-over values on both sides about the same kind of thing.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new(); // (shared context words, i, j)
    for (i, x) in a.iter().enumerate().filter(|(i, _)| !accounted_a[*i]) {
        for (j, y) in b.iter().enumerate().filter(|(j, _)| !accounted_b[*j]) {
            if same_value(x, y, cfg) == Some(false) {
                pairs.push((common_count(&x.context, &y.context), i, j));
            }
        }
    }
    // In aligned sentences, a pair that is the only candidate for both its values is about the
    // same thing even without a shared word ("rose 5%" / "climbed 7%") — but not a bare number,
    // whose role (a count, an age, a score) only its context tells, unless the two count the same
    // thing ("10 people" / "12 people").
    let only_pair = |i: usize, j: usize| {
        (a[i].conflict_kind() != ConflictKind::Number || a[i].counts.iter().any(|w| b[j].counts.contains(w)))
            && pairs.iter().filter(|(_, x, y)| *x == i || *y == j).count() == 1
    };
    let needed = if aligned { 1 } else { cfg.facts_context_min.max(1) };
    let mut chosen: Vec<(usize, usize, usize)> =
        pairs.iter().copied().filter(|&(s, i, j)| s >= needed || (aligned && only_pair(i, j))).collect();
    // Most shared context first; each value conflicts with at most one other.
    chosen.stable_sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut used_a, mut used_b) = (WordSet::default(), WordSet::default());
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (_, i, j) in chosen {
        if !used_a.contains(&i) && !used_b.contains(&j) {
            used_a.insert(i);
            used_b.insert(j);
            out.push((i, j));
        }
    }
    out.stable_sort();
    out
}

// ---------------------------------------------------------------------------------------------
// Names

/// Referent of a folded name written without dots ("us", "united states" → "united states").
fn name_groups() -> &'static WordMap<String, &'static str> {
    static MAP: OnceLock<WordMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = WordMap::default();
        for path in ["data/names/en.txt", "data/framing/en.txt"] {
            for (group, item) in lexicon::grouped_items(path) {
                let thing = group.split(':').next().unwrap_or(group).trim();
                m.insert(item.replace('.', ""), thing);
            }
        }
        m
    })
}

/// One word of a sentence for the name check.
struct NameWord {
    span: Range<usize>,
    folded: String,
    /// Capitalized, not a function word, not the sentence's first word, not part of a value.
    name: bool,
}

fn name_words(text: &str, sentence: Range<usize>, lang: Lang, facts: &[Fact]) -> Vec<NameWord> {
    let words: Vec<(Range<usize>, String)> = words_in(text, sentence).map(|r| (r.clone(), fold(&text[r]))).collect();
    name_words_of(text, words.iter().map(|(r, w)| (r.clone(), w.as_str())), lang, facts)
}

/// [`name_words`] of a sentence given as its words: byte range and folded form.
fn name_words_of<'a>(
    text: &str,
    words: impl Iterator<Item = (Range<usize>, &'a str)>,
    lang: Lang,
    facts: &[Fact],
) -> Vec<NameWord> {
    let spans: Vec<Range<usize>> = facts.iter().map(|f| f.span.clone()).collect();
    words
        .enumerate()
        .map(|(k, (r, folded))| {
            let word = &text[r.clone()];
            // Copied whole unless it has a full stop: in the WebAssembly build (optimised for size)
            // the filtered copy was a few calls per character (issue 9).
            let folded: String =
                if folded.contains('.') { folded.chars().filter(|&c| c != '.').collect() } else { folded.to_owned() };
            let in_value = within_any(&spans, &r);
            let name = k > 0
                && !in_value
                && word.chars().next().is_some_and(char::is_uppercase)
                && !lexicon::is_stopword(folded.strip_suffix("'s").unwrap_or(&folded), lang);
            NameWord { span: r, folded, name }
        })
        .collect()
}

/// A name as letters and digits only, without a possessive: "Qa'eda" → "qaeda", "Dean's" → "dean".
fn bare(folded: &str) -> String {
    let base = folded.strip_suffix("'s").unwrap_or(folded);
    base.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Edit distance of two short words, 0 for equal ones (quadratic, so only called on names).
pub(crate) fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Whether two names could be the same one written differently: a shortened form ("Tim" /
/// "Timothy", "Iraq" / "Iraqi"), a spelling variant one or two letters apart ("Qaeda" / "Qaida"),
/// initials ("IAEA" / "International Atomic Energy Agency", "S&P"), a shared word ("Plant
/// Systems" / "Plant's"), a title instead of a name, or a listed variant ("U.S." / "United States").
fn could_be_same(a: &[NameWord], b: &[NameWord]) -> bool {
    static TITLES: OnceLock<WordSet<&'static str>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| lexicon::items("data/names/titles.txt").collect());
    let words =
        |ws: &[NameWord]| -> Vec<String> { ws.iter().map(|w| bare(&w.folded)).filter(|w| !w.is_empty()).collect() };
    let (wa, wb) = (words(a), words(b));
    let only_titles = |ws: &[String]| ws.iter().all(|w| titles.contains(w.as_str()));
    if wa.is_empty() || wb.is_empty() || only_titles(&wa) || only_titles(&wb) {
        return true;
    }
    let groups = name_groups();
    let phrase = |ws: &[NameWord]| {
        let joined = ws.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
        joined.strip_suffix("'s").map(str::to_string).unwrap_or(joined)
    };
    if matches!((groups.get(&phrase(a)), groups.get(&phrase(b))), (Some(x), Some(y)) if x == y) {
        return true;
    }
    let similar = |x: &str, y: &str| {
        if x == y {
            return true;
        }
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        let shortened = short.chars().count() >= 2 && (long.starts_with(short) || long.ends_with(short));
        let letters = long.chars().count();
        shortened || (letters >= 4 && edits(x, y) <= (letters / 4).clamp(1, 2))
    };
    if wa.iter().any(|x| wb.iter().any(|y| similar(x, y))) {
        return true;
    }
    let initials = |ws: &[String]| -> String { ws.iter().filter_map(|w| w.chars().next()).collect() };
    let joined = |ws: &[String]| -> String { ws.concat() };
    let (ia, ib, ja, jb) = (initials(&wa), initials(&wb), joined(&wa), joined(&wb));
    (ja.len() >= 2 && ib.starts_with(&ja)) || (jb.len() >= 2 && ia.starts_with(&jb)) || similar(&ja, &jb)
}

/// Names one aligned sentence replaces by another: spans of the two names.
fn name_conflicts(a: &[NameWord], b: &[NameWord], cfg: &Config) -> Vec<(Range<usize>, Range<usize>)> {
    // A replaced name is a name of each side that the other side lacks; most aligned pairs have
    // none, and need no diff (issue 9).
    let lacks = |x: &[NameWord], y: &[NameWord]| x.iter().any(|w| w.name && !y.iter().any(|v| v.folded == w.folded));
    if !lacks(a, b) || !lacks(b, a) {
        return Vec::new();
    }
    let fa: Vec<&str> = a.iter().map(|w| w.folded.as_str()).collect();
    let fb: Vec<&str> = b.iter().map(|w| w.folded.as_str()).collect();
    let edits = diff::diff(&fa, &fb, cfg.quote_max_words.saturating_mul(cfg.quote_max_words));
    let in_a: WordSet<&str> = fa.iter().copied().collect();
    let in_b: WordSet<&str> = fb.iter().copied().collect();
    let mut out = Vec::new();
    for e in edits.iter().filter(|e| e.op == Op::Replace) {
        let (wa, wb) = (&a[e.a.clone()], &b[e.b.clone()]);
        let all_names = wa.iter().chain(wb).all(|w| w.name);
        // A name the other sentence also has somewhere was moved, not replaced.
        let moved =
            wa.iter().any(|w| in_b.contains(w.folded.as_str())) || wb.iter().any(|w| in_a.contains(w.folded.as_str()));
        if all_names && !moved && !could_be_same(wa, wb) {
            if let (Some(fa), Some(la), Some(fb), Some(lb)) = (wa.first(), wa.last(), wb.first(), wb.last()) {
                out.push((fa.span.start..la.span.end, fb.span.start..lb.span.end));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Two statements, and a whole analysis

/// The conflicts between two statements taken as reporting the same thing (for instance a pair
/// of sentences from two articles): values that disagree, and names one replaces by another.
/// Spans are byte ranges into `a` and `b`.
///
/// ```
/// use parallax::{conflicts, Config, ConflictKind};
/// let a = "The conflict in Ukraine enters its fourth year.";
/// let b = "The war in Ukraine enters its third year.";
/// let found = conflicts(a, b, &Config::default());
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].kind, ConflictKind::Ordinal);
/// assert_eq!(&a[found[0].a.clone()], "fourth year");
/// assert!(conflicts("Prices rose 25%.", "Prices rose 25 percent.", &Config::default()).is_empty());
/// ```
pub fn conflicts(a: &str, b: &str, cfg: &Config) -> Vec<Conflict> {
    let lang = crate::tokenize::detect_language(&format!("{a}\n{b}"));
    let (fa, fb) = (facts_of(a, 0..a.len(), lang, cfg), facts_of(b, 0..b.len(), lang, cfg));
    let mut out: Vec<Conflict> = conflicting(&fa, &fb, true, cfg)
        .into_iter()
        .map(|(i, j)| Conflict { kind: fa[i].conflict_kind(), a: fa[i].span.clone(), b: fb[j].span.clone() })
        .collect();
    let (na, nb) = (name_words(a, 0..a.len(), lang, &fa), name_words(b, 0..b.len(), lang, &fb));
    out.extend(name_conflicts(&na, &nb, cfg).into_iter().map(|(x, y)| Conflict {
        kind: ConflictKind::Entity,
        a: x,
        b: y,
    }));
    out
}

/// A conflict between sentences of two sources.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub kind: ConflictKind,
    /// (source, sentence inside the source, byte span) of each side; `a.0 < b.0`.
    pub a: (usize, usize, Range<usize>),
    pub b: (usize, usize, Range<usize>),
    /// Whether the two sentences are aligned (or next to an alignment) rather than only sharing
    /// the value's context.
    pub aligned: bool,
}

/// Every conflict of an analysis. `sentences[s]` are the sentence spans of source `s`, `first[s]`
/// the flat index of its first sentence, and `related(f)` the flat indices of the sentences that
/// report what flat sentence `f` reports.
pub(crate) fn find<I: Iterator<Item = usize>>(
    texts: &[&str],
    sentences: &[Vec<Range<usize>>],
    langs: &[Lang],
    corpus: &Corpus,
    found: &[Vec<Value>],
    related: impl Fn(usize) -> I,
    cfg: &Config,
) -> Vec<Found> {
    // Flat index → (source, sentence), and the facts of every sentence.
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut facts: Vec<Vec<Fact>> = Vec::new();
    let mut stems = Stems::default();
    for (s, (text, sents)) in texts.iter().zip(sentences).enumerate() {
        let lang = langs.get(s).copied().unwrap_or_default();
        for k in 0..sents.len() {
            let f = at.len();
            at.push((s, k));
            let words = || corpus.words_of(f).map(|(r, w)| (r, w.to_string())).collect();
            facts.push(facts_from(text, found.get(f).cloned().unwrap_or_default(), words, lang, cfg, &mut stems));
        }
    }
    // The words of each sentence as the name check reads them, made once per sentence: an
    // aligned sentence meets one counterpart in every other source.
    let names: Vec<OnceCell<Vec<NameWord>>> = (0..at.len()).map(|_| OnceCell::new()).collect();
    let name_words_at = |f: usize| {
        names[f].get_or_init(|| {
            let s = at[f].0;
            name_words_of(texts[s], corpus.words_of(f), langs.get(s).copied().unwrap_or_default(), &facts[f])
        })
    };
    let mut seen: WordSet<(usize, usize)> = WordSet::default();
    let mut out: Vec<Found> = Vec::new();
    let mut compare = |f: usize, g: usize, aligned: bool, out: &mut Vec<Found>| {
        let (f, g) = if at[f].0 < at[g].0 { (f, g) } else { (g, f) };
        if at[f].0 == at[g].0 || !seen.insert((f, g)) {
            return;
        }
        let ((s, i), (t, j)) = (at[f], at[g]);
        for (x, y) in conflicting(&facts[f], &facts[g], aligned, cfg) {
            out.push(Found {
                kind: facts[f][x].conflict_kind(),
                a: (s, i, facts[f][x].span.clone()),
                b: (t, j, facts[g][y].span.clone()),
                aligned,
            });
        }
        if aligned {
            for (x, y) in name_conflicts(name_words_at(f), name_words_at(g), cfg) {
                out.push(Found { kind: ConflictKind::Entity, a: (s, i, x), b: (t, j, y), aligned });
            }
        }
    };
    // Sentences that report the same thing.
    for f in 0..at.len() {
        for g in related(f) {
            if g < at.len() {
                compare(f, g, true, &mut out);
            }
        }
    }
    // Sentences that only share a value's context: candidates share a context word and the kind
    // of value; a context word in too many facts is no evidence and is not indexed.
    let mut index: WordMap<(ConflictKind, &str), Vec<usize>> = WordMap::default();
    for (f, list) in facts.iter().enumerate() {
        for fact in list {
            for w in &fact.context {
                index.entry((fact.conflict_kind(), w.as_str())).or_default().push(f);
            }
        }
    }
    let max_postings = cfg.facts_max_postings.max(2);
    // Sorted and deduplicated as one list: inserting them into a tree set was a sixth of this
    // stage at a thousand sources (issue 9).
    // Each pair as one key, `f << 64 | g`, which sorts as the pair would: only two integer
    // types are sorted with the standard library's sort (src/sort.rs).
    let mut pairs: Vec<u128> = Vec::new();
    for list in index.values().filter(|l| l.len() <= max_postings) {
        for (n, &f) in list.iter().enumerate() {
            for &g in &list[n + 1..] {
                if at[f].0 != at[g].0 {
                    pairs.push((u128::from(f.min(g) as u64) << 64) | u128::from(f.max(g) as u64));
                }
            }
        }
    }
    pairs.sort_ids();
    pairs.dedup();
    for (f, g) in pairs.into_iter().map(|k| ((k >> 64) as usize, (k as u64) as usize)) {
        compare(f, g, false, &mut out);
    }
    out.stable_sort_by(|x, y| {
        (x.a.0, x.a.1, x.a.2.start, x.b.0, x.b.1, x.b.2.start).cmp(&(
            y.a.0,
            y.a.1,
            y.a.2.start,
            y.b.0,
            y.b.1,
            y.b.2.start,
        ))
    });
    out.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_values_context_is_looked_for_only_near_it() {
        // A content word right before a run of numbers is context of the first, not of a number
        // more than CONTEXT_REACH_WORDS words away: a sentence of thousands of numbers made the
        // search for each value's context quadratic.
        let numbers: Vec<String> = (1..=60).map(|k| k.to_string()).collect();
        let text = format!("Reservoirs {}.", numbers.join(" "));
        let facts = facts_of(&text, 0..text.len(), Lang::En, &Config::default());
        assert!(facts.len() >= 50, "{} facts", facts.len());
        let near = &facts[0];
        let far = facts.last().unwrap();
        assert!(near.context.iter().any(|w| w.starts_with("reservoir")), "{:?}", near.context);
        assert!(far.context.is_empty(), "{:?}", far.context);
    }

    #[test]
    fn every_clock_of_a_sentence_is_read_and_its_minutes_joined() {
        // Clocks next to each other: each "h:mm" becomes one value, and a clock's minutes are
        // never read as the hour of the next (they are dropped from the values all at once).
        let text = "Trains left at 2:40, 3:15 and 6 p.m. GMT, then 23:05 and 7:30 local time, and 12 buses.";
        let facts = facts_of(text, 0..text.len(), Lang::En, &Config::default());
        let clocks: Vec<(&str, u32, Option<&str>)> = facts
            .iter()
            .filter_map(|f| f.clock.as_ref().map(|c| (&text[f.span.clone()], c.minutes, c.zone.as_deref())))
            .collect();
        assert_eq!(
            clocks,
            vec![
                ("2:40", 160, None),
                ("3:15", 195, None),
                ("6 p.m.", 1080, Some("gmt")),
                ("23:05", 1385, None),
                ("7:30", 450, Some("local")),
            ]
        );
        // The minutes are not values of their own; the count of buses is.
        assert!(facts.iter().all(|f| !["40", "15", "05", "30"].contains(&&text[f.span.clone()])));
        assert!(facts.iter().any(|f| &text[f.span.clone()] == "12"));
    }

    /// How two statements compare: the kinds of their conflicts, or "" when none.
    fn verdict(a: &str, b: &str) -> String {
        let found = conflicts(a, b, &Config::default());
        found.iter().map(|c| format!("{:?}", c.kind).to_lowercase()).collect::<Vec<_>>().join(" ")
    }

    /// One line per case: two statements taken as reporting the same thing, and the conflicts
    /// expected between them ("" when the same value is written differently, or not comparable).
    const EQUIVALENCE: &[(&str, &str, &str)] = &[
        // The same value in another notation is no conflict.
        ("Prices rose 25% last year.", "Prices rose 25 percent last year.", ""),
        ("Three soldiers were wounded in the attack.", "3 soldiers were wounded in the attack.", ""),
        ("The deal is worth $200 million in cash.", "The deal is worth 200m dollars in cash.", ""),
        ("The war enters its third year.", "The war enters its 3rd year.", ""),
        ("The talks lasted two weeks in Geneva.", "The talks lasted 14 days in Geneva.", ""),
        (
            "The vote is on Monday, officials in Brussels said.",
            "The vote is on Monday, officials in Brussels confirmed.",
            "",
        ),
        ("The ceasefire began on 17 August 2025.", "The ceasefire began on August 17, 2025.", ""),
        ("The army sent 1,200 troops to the border.", "The army sent 1200 troops to the border.", ""),
        // Rounded or approximate figures agree with precise ones.
        ("Cisco earned $1.8 billion in the quarter.", "Cisco earned $1.83 billion in the quarter.", ""),
        ("Spending would rise to $247 billion this year.", "Spending would rise to $247.7 billion this year.", ""),
        ("The virus has killed 300 people on the mainland.", "The virus has killed 296 people on the mainland.", ""),
        ("The death toll approached 770 by Friday.", "The death toll was at least 767 by Friday.", ""),
        (
            "Some $65 billion will go to military operations.",
            "The bulk, $64.7 billion, will go to military operations.",
            "",
        ),
        (
            "The poll has a margin of error of five percentage points.",
            "The poll has a margin of error of 4.9 percentage points.",
            "",
        ),
        // A figure inside a range the other gives, or overlapping ranges.
        (
            "Analysts expected 22 cents a share, Thomson said.",
            "Predictions ranged from 16 cents to 27 cents a share, Thomson said.",
            "",
        ),
        (
            "The margin of error ranged from 1.8 to 4.4 percentage points.",
            "The margin of error was three to four percentage points.",
            "",
        ),
        // Not comparable: other units, other kinds, what an ordinal counts, when it was said.
        ("The fire burned 200,000 acres near the town.", "The fire burned 80,000 hectares near the town.", ""),
        ("Shares fell 5 percent in New York.", "Shares fell $5 in New York.", ""),
        ("It was their first meeting since the war.", "It was the fifth time they met since the war.", ""),
        (
            "Company officials said Tuesday the policy changed.",
            "Company officials said Wednesday the policy changed.",
            "",
        ),
        (
            "The stock closed at $31.29 on Wednesday, traders said.",
            "The stock closed at $31.29 on Wednesday, traders said.",
            "",
        ),
        // The value reader's notations: a hyphenated scale, a decimal without its zero, a spaced
        // fraction, a time with and without a colon.
        ("He was released on $3-million bail.", "He was released on $3 million bail.", ""),
        ("The ozone limit is .20 parts per million.", "The ozone limit is 0.20 parts per million.", ""),
        ("A bottle holds 2 ½ servings of soda.", "A bottle holds 2.5 servings of soda.", ""),
        ("The capsule landed at 0240 GMT in Kazakhstan.", "The capsule landed at 2:40 a.m. GMT in Kazakhstan.", ""),
        // Times in two zones, and an approximate time.
        (
            "The organizer extended the contest until 6 p.m. EDT Sunday.",
            "The organizer extended the contest until 3 p.m. Arizona time Sunday.",
            "",
        ),
        ("Police were called at about 3 p.m. on Friday.", "Police were called at 3:22 p.m. on Friday.", ""),
        // Bounds: a figure on the right side of the other's bound.
        ("He could get six to seven years in prison.", "He could get up to 25 years in prison.", ""),
        ("More than 60 cases have been reported.", "So far 65 cases have been reported.", ""),
        // Different things: what a number counts, an age, a level and a change.
        (
            "With all precincts counted, Fletcher, a three-term congressman, won.",
            "With all precincts counted, Fletcher had 88,747 votes.",
            "",
        ),
        (
            "The suspect, Paul Durousseau, was charged with two counts of murder.",
            "The suspect, Paul Durousseau, 31, was charged with murder.",
            "",
        ),
        (
            "Missiles killed two Hamas officials and at least five other people in Gaza.",
            "Missiles killed seven people in Gaza.",
            "",
        ),
        ("At community colleges, tuition will jump to $2,800 from $2,500.", "Tuition will rise by $300 to $2,800.", ""),
        ("Altria shares fell 96 cents to $42.72 on Friday.", "Altria shares fell $9.61 to $50.26 on Friday.", "money"),
        // Readings at different times, and when something was said.
        (
            "As of Wednesday, there were 65 probable cases in Toronto.",
            "As of Monday, there were 66 probable cases in Toronto.",
            "",
        ),
        (
            "Representatives could not be reached for comment Wednesday.",
            "Representatives could not be reached for comment Thursday.",
            "",
        ),
        // Rounding to a whole percent.
        ("Shares of AT&T climbed 4.4 percent on Monday.", "Shares of AT&T climbed 4 percent on Monday.", ""),
        // Conflicts.
        ("Tuition would rise to about $5,247 a year.", "Tuition would rise to $4,794 a year.", "money"),
        ("At least 770 people died in the quake.", "In all, 643 people died in the quake.", "number"),
        ("The parade begins at 10:30 a.m. on Main Street.", "The parade begins at 11 a.m. on Main Street.", "time"),
        ("The 30-year bond rose 22/32 on Monday.", "The 30-year bond rose 1-3/32 on Monday.", "number"),
        ("The conflict in Ukraine enters its fourth year.", "The war in Ukraine enters its third year.", "ordinal"),
        ("The U.S. approved $200 million in military aid.", "The U.S. approved $150 million in military aid.", "money"),
        ("Inflation rose 2.4 percent in March.", "Inflation rose 3.1 percent in March.", "percent"),
        (
            "At least 23 soldiers have been killed since May.",
            "At least 26 soldiers have been killed since May.",
            "number",
        ),
        (
            "The summit will take place on Tuesday in Geneva.",
            "The summit will take place on Thursday in Geneva.",
            "weekday",
        ),
        (
            "On Jan. 10, the woman was found in her apartment.",
            "On Jan. 1, the woman was found in her apartment.",
            "date",
        ),
        ("The treaty was signed in 1998 in Paris.", "The treaty was signed in 1995 in Paris.", "date"),
        ("He was sentenced to three years in prison.", "He was sentenced to five years in prison.", "duration"),
        (
            "Twenty-eight people were at the camp when the mudslide hit.",
            "Twenty-seven people were at the camp when the mudslide hit.",
            "number",
        ),
        // Names: the same referent written differently is no conflict; another name is.
        ("Talks with United States officials resumed.", "Talks with U.S. officials resumed.", ""),
        ("The attack on Kiev began at dawn.", "The attack on Kyiv began at dawn.", ""),
        ("FTC Chairman Timothy Muris criticised the ruling.", "FTC Chairman Tim Muris criticised the ruling.", ""),
        ("Muqtada al Sadr spoke at the mosque.", "Moqtada al Sadr spoke at the mosque.", ""),
        (
            "In Vienna, the IAEA said the inspectors would go.",
            "In Vienna, the International Atomic Energy Agency said the inspectors would go.",
            "",
        ),
        (
            "On Monday, Olaf Scholz met the minister in Geneva.",
            "On Monday, Emmanuel Macron met the minister in Geneva.",
            "entity",
        ),
        ("The ambassador flew to Berlin for the talks.", "The ambassador flew to Paris for the talks.", "entity"),
    ];

    #[test]
    fn value_equivalence_table() {
        let mut failures = Vec::new();
        for (a, b, want) in EQUIVALENCE {
            let got = verdict(a, b);
            if got != *want {
                failures.push(format!("{a} / {b}\n    got '{got}', want '{want}'"));
            }
            // The comparison is symmetric.
            if verdict(b, a) != got {
                failures.push(format!("{a} / {b}: not symmetric"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            EQUIVALENCE.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn significant_digits_ignore_grouping_and_round_zeros() {
        for (written, digits) in
            [("300", 1), ("296", 3), ("1,200", 2), ("1.83", 3), ("$2.5 billion", 2), ("0.20", 2), ("7.0", 2)]
        {
            assert_eq!(significant_digits(written), digits, "{written}");
        }
    }

    #[test]
    fn conflicts_point_at_both_values() {
        let (a, b) =
            ("The U.S. approved $200 million in aid on Tuesday.", "The U.S. approved $150 million in aid on Tuesday.");
        let found = conflicts(a, b, &Config::default());
        assert_eq!(found.len(), 1);
        assert_eq!((&a[found[0].a.clone()], &b[found[0].b.clone()]), ("$200 million", "$150 million"));
    }

    // proptest is a native-only dev-dependency; the unit tests are also compiled for wasm32.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn comparing_anything_never_panics(a in "[a-zA-Z0-9 .,$%€-]{0,80}", b in "[a-zA-Z0-9 .,$%€-]{0,80}") {
            for c in conflicts(&a, &b, &Config::default()) {
                proptest::prop_assert!(a.get(c.a.clone()).is_some() && b.get(c.b.clone()).is_some());
            }
        }
    }
}
