//! Sentences of the kept blocks: Unicode sentence boundaries (UAX #29) corrected for news text.
//!
//! UAX #29 breaks after every full stop followed by a capital and after every line break. News
//! text needs both undone in places: "U.S. President", "Gen. Smith", "J. D. Vance", "17. August",
//! "WASHINGTON, D.C. – The", "“Why now?” he asked", and lines wrapped inside a paragraph. Each
//! candidate break is kept or undone by [`breaks_after`]; the rules are in `DESIGN.md`.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::{self, PerLang, WordMap};
use crate::tokenize::{fold, Lang};

/// How an abbreviation behaves before a capital.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// "Mr.", "Gen.", "Nr.": never ends a sentence.
    Title,
    /// "Inc.", "etc.", "Jan.": ends one only before a capitalized function word.
    Other,
    /// A one-letter word that is not an initial (English "I"): ends a sentence like any word.
    Word,
}

fn abbreviations(lang: Lang) -> &'static WordMap<&'static str, Abbreviation> {
    static MAPS: PerLang<WordMap<&'static str, Abbreviation>> = PerLang::new();
    MAPS.get(lang, || {
        lexicon::grouped_items(&format!("data/abbreviations/{}.txt", lang.code()))
            .map(|(group, item)| {
                let kind = match group {
                    "titles" => Abbreviation::Title,
                    "one-letter words" => Abbreviation::Word,
                    _ => Abbreviation::Other,
                };
                (item, kind)
            })
            .collect()
    })
}

/// Splits `range` of `text` (one block) written in `lang` into sentence ranges, trimmed of
/// surrounding whitespace. A range outside the text or off character boundaries gives nothing.
pub(crate) fn split(text: &str, range: Range<usize>, lang: Lang) -> Vec<Range<usize>> {
    let Some(block) = text.get(range.clone()) else { return Vec::new() };
    let mut pieces: Vec<Range<usize>> = Vec::new();
    // In the WebAssembly too since the sixth round of issue 9 (DESIGN.md, "Speed and memory at
    // scale"): 0.9 KB gzipped for about 3 % of the analysis's time in Chromium, paid for by the
    // integer sort that replaced the standard library's there.
    let bounds = match uax29::breaks(block) {
        Some(breaks) => Bounds::Fast { block, breaks, next: 0 },
        None => Bounds::Full(block.split_sentence_bound_indices()),
    };
    for (start, piece) in bounds {
        // UAX #29 never breaks after "…"; offer a break there too, which `breaks_after` decides.
        let mut from = 0;
        for cut in ellipsis_cuts(piece).chain([piece.len()]) {
            let r = range.start + start + from..range.start + start + cut;
            from = cut;
            if r.is_empty() {
                continue;
            }
            match pieces.last_mut() {
                Some(prev) if !breaks_after(text, prev.clone(), r.clone(), lang) => prev.end = r.end,
                _ => pieces.push(r),
            }
        }
    }
    pieces
        .into_iter()
        .filter_map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| r.start + lead..r.start + lead + trimmed.len())
        })
        .collect()
}

/// The UAX #29 sentence bounds of a block, `(offset, piece)`: read by [`uax29::breaks`] when every
/// character of the block is one it knows, by unicode-segmentation otherwise.
enum Bounds<'a> {
    Fast { block: &'a str, breaks: Vec<usize>, next: usize },
    Full(unicode_segmentation::USentenceBoundIndices<'a>),
}

impl<'a> Iterator for Bounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Bounds::Fast { block, breaks, next } => {
                let (&from, &to) = (breaks.get(*next)?, breaks.get(*next + 1)?);
                *next += 1;
                Some((from, block.get(from..to)?))
            }
            Bounds::Full(it) => it.next(),
        }
    }
}

/// Offsets just after the spaces that follow an ellipsis ("…" or "...") inside `piece`, where
/// a capital letter comes next.
fn ellipsis_cuts(piece: &str) -> impl Iterator<Item = usize> + '_ {
    piece.match_indices(['…', '.']).filter_map(move |(at, mark)| {
        let after = at + mark.len();
        let rest = piece.get(after..)?;
        let is_ellipsis = mark == "…" || piece[..after].ends_with("...");
        let spaces = rest.len() - rest.trim_start().len();
        let next = rest[spaces..].chars().next()?;
        (is_ellipsis && spaces > 0 && next.is_uppercase() && !rest.starts_with('.')).then_some(after + spaces)
    })
}

const DASHES: &[char] = &['-', '–', '—', '‒', '―'];
/// Marks that may close a sentence or a quotation around its end.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', '“', '「', '」', '』', ')', ']'];

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether a UAX #29 boundary between `prev` and `next` is a real sentence end.
fn breaks_after(text: &str, prev: Range<usize>, next: Range<usize>, lang: Lang) -> bool {
    let prev_text = &text[prev];
    let next_text = &text[next];
    let before = prev_text.trim_end_matches(|c: char| c.is_whitespace() && !is_line_break(c));
    let first_next = next_text.trim_start().chars().next();

    // Line breaks end a block (headlines, list items) unless the line was wrapped inside a
    // sentence: no closing punctuation before it and a lowercase letter after it.
    if before.ends_with(is_line_break) {
        let line = before.trim_end();
        let blank_line =
            before.chars().rev().take_while(|c| c.is_whitespace()).filter(|c| is_line_break(*c)).count() > 1;
        let open = !line.ends_with(['.', '!', '?', ':', ';', '…']) && !line.ends_with(CLOSERS);
        return blank_line || !(open && first_next.is_some_and(char::is_lowercase));
    }
    let Some(first_next) = first_next else { return true };
    // "“Why now?” he asked." and "e.g. the": a lowercase word continues the sentence.
    if first_next.is_lowercase() {
        return false;
    }
    let before = before.trim_end();
    let next_word: &str = next_text.split_whitespace().next().unwrap_or("");
    let next_folded = fold(next_word.trim_matches(|c: char| !c.is_alphanumeric()));
    // A capitalized function word starts a sentence ("The", "He", and "We're" by its "we").
    let head = next_folded.split('\'').next().unwrap_or("");
    // …unless it is itself an initial: Russian "В." is a preposition and an initial.
    let next_is_initial = next_word.chars().count() == 2 && next_word.ends_with('.');
    let starts_sentence =
        !next_is_initial && (lexicon::is_stopword(&next_folded, lang) || lexicon::is_stopword(head, lang));
    // An ellipsis marks an omission inside a sentence as often as its end: it ends one only
    // before a function word ("dying… I'm here", not "… Putin said").
    if before.ends_with("..") || before.ends_with('…') {
        return starts_sentence;
    }
    let Some(stem) = before.strip_suffix('.') else { return true };
    // Datelines: "WASHINGTON, D.C. – The president…"
    if DASHES.contains(&first_next) {
        return false;
    }
    // The last word before the dot, inner dots included ("U.S", "D.C", "Gen", "17").
    let last = stem.rsplit(|c: char| c.is_whitespace() || "(\"“‘'«„".contains(c)).next().unwrap_or("");
    if last.is_empty() {
        return true;
    }

    // "17. August", "am 3. Oktober": an ordinal day before a month name.
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return !(last.len() <= 2 && is_month(&next_folded, lang));
    }
    let letters: Vec<char> = last.chars().filter(|c| *c != '.').collect();
    match abbreviations(lang).get(fold(last).as_str()) {
        Some(Abbreviation::Title) => return false,
        Some(Abbreviation::Other) => return starts_sentence,
        Some(Abbreviation::Word) => return true,
        None => {}
    }
    // An initial ("J. D. Vance") or a dotted acronym ("U.S.", "a.m."): a sentence ends there only
    // when a function word follows ("in the U.S. The talks…").
    let initial = letters.len() == 1 && letters[0].is_uppercase();
    let acronym = last.contains('.') && letters.len() <= 5 && letters.iter().all(|c| c.is_alphabetic());
    if initial || acronym {
        return starts_sentence;
    }
    true
}

/// Whether a folded word names a month in `lang`.
fn is_month(folded: &str, lang: Lang) -> bool {
    crate::values::is_month_name(folded, lang)
}

/// UAX #29 sentence boundaries for text written with the characters most news text uses (ASCII,
/// Latin-1 letters and signs, typographic quotes and dashes), read from a table instead of the
/// binary search per character of unicode-segmentation: splitting the kept blocks into sentences
/// was 5.7 % of the instructions of an analysis of 100 articles (issue 9), most of it that search.
/// The state machine is unicode-segmentation's (`sentence.rs`, rules SB1–SB11 as it implements
/// them), so the boundaries are the same; a test checks them against it on random text. A block
/// with any other character is left to unicode-segmentation.
mod uax29 {
    /// Sentence_Break property values that the characters of [`category`] have.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Cat {
        Other,
        Cr,
        Lf,
        Sp,
        Lower,
        Upper,
        Numeric,
        ATerm,
        STerm,
        Close,
        SContinue,
    }

    /// The Sentence_Break value of `c` (Unicode 16, as unicode-segmentation's tables), for the
    /// characters this reader knows; `None` for the rest.
    const fn category(c: char) -> Option<Cat> {
        Some(match c {
            '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => Cat::Sp,
            '\n' => Cat::Lf,
            '\r' => Cat::Cr,
            '!' | '?' => Cat::STerm,
            '.' | '\u{2024}' => Cat::ATerm,
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '\u{2018}'..='\u{201f}' | '‹' | '›' => {
                Cat::Close
            }
            ',' | '-' | ':' | ';' | '–' | '—' => Cat::SContinue,
            '0'..='9' => Cat::Numeric,
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Cat::Upper,
            'a'..='z' | 'ª' | 'µ' | 'º' | 'ß'..='ö' | 'ø'..='ÿ' => Cat::Lower,
            // Controls, symbols and signs without a sentence role; U+0085 (a separator) and
            // U+00AD (a format character) are left to unicode-segmentation.
            '\0'..='\u{84}' | '\u{86}'..='\u{ac}' | '\u{ae}'..='\u{bf}' | '×' | '÷' => Cat::Other,
            '\u{2010}'..='\u{2012}' | '\u{2015}'..='\u{2017}' | '\u{2020}'..='\u{2023}' | '\u{2025}'..='\u{2027}' => {
                Cat::Other
            }
            '\u{2030}'..='\u{2038}' | '\u{20a0}'..='\u{20c0}' => Cat::Other,
            _ => return None,
        })
    }

    /// What the state machine remembers of one character or run of characters.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Part {
        Sot,
        Other,
        Cr,
        Lf,
        ATerm,
        UpperLower,
        ClosePlus,
        SpPlus,
        STerm,
    }

    /// The last four parts, runs of closing marks and of spaces collapsed into one.
    #[derive(Clone, Copy)]
    struct State([Part; 4]);

    impl State {
        fn next(self, cat: Cat) -> State {
            let p = self.0;
            match (p[3], cat) {
                (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => self,
                _ => State([
                    p[1],
                    p[2],
                    p[3],
                    match cat {
                        Cat::Cr => Part::Cr,
                        Cat::Lf => Part::Lf,
                        Cat::ATerm => Part::ATerm,
                        Cat::Upper | Cat::Lower => Part::UpperLower,
                        Cat::Close => Part::ClosePlus,
                        Cat::Sp => Part::SpPlus,
                        Cat::STerm => Part::STerm,
                        _ => Part::Other,
                    },
                ]),
            }
        }

        fn is_term(part: Part) -> bool {
            matches!(part, Part::STerm | Part::ATerm)
        }

        /// Where the term of `SATerm Close* Sp*` would sit.
        fn term_before_spaces(&self) -> usize {
            let p = self.0;
            let mut idx = if p[3] == Part::SpPlus { 2 } else { 3 };
            if p[idx] == Part::ClosePlus {
                idx -= 1;
            }
            idx
        }

        /// SB8a's left side, `SATerm Close* Sp*`.
        fn sb8a(&self) -> bool {
            State::is_term(self.0[self.term_before_spaces()])
        }

        /// SB9's left side, `SATerm Close*`.
        fn sb9(&self) -> bool {
            State::is_term(self.0[if self.0[3] == Part::ClosePlus { 2 } else { 3 }])
        }

        /// SB11's left side, `SATerm Close* Sp* ParaSep?`.
        fn sb11(&self) -> bool {
            let p = self.0;
            let mut idx = if matches!(p[3], Part::Cr | Part::Lf) { 2 } else { 3 };
            if p[idx] == Part::SpPlus {
                idx -= 1;
            }
            if p[idx] == Part::ClosePlus {
                idx -= 1;
            }
            State::is_term(p[idx])
        }
    }

    /// Whether [`breaks`] reads texts with `c` itself.
    #[cfg(test)]
    pub(super) fn knows(c: char) -> bool {
        known(c).is_some()
    }

    /// [`category`] of U+0000–U+00FF and of U+2000–U+20CF, worked out when compiling: tables
    /// are smaller in the WebAssembly than the comparisons of the `match`.
    const LATIN: [Option<Cat>; 0x100] = table(0);
    const PUNCTUATION: [Option<Cat>; 0xd0] = table(0x2000);

    const fn table<const N: usize>(from: u32) -> [Option<Cat>; N] {
        let mut t = [None; N];
        let mut k = 0;
        while k < N {
            if let Some(c) = char::from_u32(from + k as u32) {
                t[k] = category(c);
            }
            k += 1;
        }
        t
    }

    /// [`category`] read from the tables.
    fn known(c: char) -> Option<Cat> {
        match c as u32 {
            u @ 0..=0xff => LATIN[u as usize],
            u @ 0x2000..=0x20cf => PUNCTUATION[(u - 0x2000) as usize],
            _ => None,
        }
    }

    /// The category of the character at byte `at` of `s` and its length; `Other` past the end or
    /// for a character [`category`] does not know (which [`breaks`] has ruled out before).
    fn at(s: &str, at: usize) -> (Cat, usize) {
        match s.as_bytes().get(at) {
            Some(&b) if b < 0x80 => (LATIN[b as usize].unwrap_or(Cat::Other), 1),
            _ => s
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or((Cat::Other, 1), |c| (known(c).unwrap_or(Cat::Other), c.len_utf8())),
        }
    }

    /// The byte offsets of the sentence breaks of `s`, its start and end included (none for an
    /// empty text), as unicode-segmentation's `split_sentence_bound_indices` gives them; `None`
    /// when `s` has a character [`category`] does not know.
    pub(super) fn breaks(s: &str) -> Option<Vec<usize>> {
        if !s.is_ascii() && !s.chars().all(|c| known(c).is_some()) {
            return None;
        }
        // SB8 looks ahead, past anything else, for the first lowercase letter, capital, term or
        // line break. Every position up to that character finds the same one, so it is kept:
        // unicode-segmentation looks again from each position (a run of spaces after a full stop
        // is quadratic there).
        let mut ahead: Option<(usize, Cat)> = None;
        let mut decisive = |from: usize| -> Cat {
            if let Some((end, cat)) = ahead {
                if from <= end {
                    return cat;
                }
            }
            let mut k = from;
            while k < s.len() {
                let (cat, len) = at(s, k);
                if matches!(cat, Cat::Lower | Cat::Upper | Cat::STerm | Cat::ATerm | Cat::Cr | Cat::Lf) {
                    ahead = Some((k, cat));
                    return cat;
                }
                k += len;
            }
            ahead = Some((s.len(), Cat::Other));
            Cat::Other
        };
        let mut out = Vec::new();
        let mut state = State([Part::Sot; 4]);
        let mut k = 0;
        while k < s.len() {
            let (cat, len) = at(s, k);
            let before = state;
            state = state.next(cat);
            k += len;
            let p = before.0;
            // After a letter or an ordinary character no rule breaks (SB4 needs a line break
            // before, SB11 a term, closing mark or space), whatever comes: most characters.
            if matches!(p[3], Part::UpperLower | Part::Other) {
                continue;
            }
            let at = k - len;
            let cut = if p[3] == Part::Sot {
                true // SB1
            } else if cat == Cat::Lf && p[3] == Part::Cr {
                false // SB3
            } else if matches!(p[3], Part::Cr | Part::Lf) {
                true // SB4
            } else {
                // SB6, SB7, SB8, then SB8a, SB9, SB10 keep the two together; else SB11 decides
                // (SB998: no break).
                let kept = (cat == Cat::Numeric && p[3] == Part::ATerm)
                    || (cat == Cat::Upper && p[2] == Part::UpperLower && p[3] == Part::ATerm)
                    || (p[before.term_before_spaces()] == Part::ATerm && decisive(at) == Cat::Lower)
                    || (matches!(cat, Cat::SContinue | Cat::STerm | Cat::ATerm) && before.sb8a())
                    || (matches!(cat, Cat::Close | Cat::Sp | Cat::Cr | Cat::Lf) && before.sb9())
                    || (matches!(cat, Cat::Sp | Cat::Cr | Cat::Lf) && before.sb8a());
                !kept && before.sb11()
            };
            if cut {
                out.push(at);
            }
        }
        if state.0[3] != Part::Sot {
            out.push(s.len());
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table reader of UAX #29 gives unicode-segmentation's boundaries (issue 9): on random
    /// texts over every character it knows, most of them from the characters that steer the
    /// rules; a text with a character it does not know is left to unicode-segmentation.
    #[test]
    fn uax29_breaks_are_unicode_segmentations() {
        let known: Vec<char> = ('\0'..='\u{20cf}').filter(|&c| uax29::knows(c)).collect();
        assert!(known.len() > 300 && known.contains(&'’') && !known.contains(&'\u{ad}'));
        let steering: Vec<char> = ".!?.. \n\r\t\u{a0}\"')’”“«»,-–—:;aAbBzZé1…$".chars().collect();
        let unknown = ['ł', 'я', '\u{ad}', '\u{85}', '\u{2029}', '\u{200b}', '\u{301}', '中'];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for case in 0..30_000 {
            let len = next(40);
            let mut chars: Vec<char> = (0..len)
                .map(|_| if next(5) < 3 { steering[next(steering.len())] } else { known[next(known.len())] })
                .collect();
            let foreign = case % 50 == 0;
            if foreign {
                chars.insert(next(len + 1), unknown[next(unknown.len())]);
            }
            let text: String = chars.into_iter().collect();
            let mut expected: Vec<usize> = text.split_sentence_bound_indices().map(|(at, _)| at).collect();
            if !expected.is_empty() {
                expected.push(text.len());
            }
            match uax29::breaks(&text) {
                Some(got) => assert_eq!(got, expected, "{text:?}"),
                None => assert!(foreign, "{text:?}"),
            }
            assert!(!foreign || uax29::breaks(&text).is_none(), "{text:?}");
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        split(text, 0..text.len(), Lang::En).into_iter().map(|r| &text[r]).collect()
    }

    /// One line per case: language, block, its sentences joined by " | ".
    const TABLE: &[(&str, &str, &str)] = &[
        // Abbreviations, titles and initials.
        ("en", "Gen. Smith arrived. He spoke.", "Gen. Smith arrived. | He spoke."),
        ("en", "Mr. and Mrs. Lee left early.", "Mr. and Mrs. Lee left early."),
        ("en", "Sen. Warren and Rep. Ocasio-Cortez voted no.", "Sen. Warren and Rep. Ocasio-Cortez voted no."),
        ("en", "He lives at No. 10 Downing Street.", "He lives at No. 10 Downing Street."),
        ("en", "She works for Apple Inc. The company declined.", "She works for Apple Inc. | The company declined."),
        ("en", "Acme Inc. Chief Executive Jo Li spoke.", "Acme Inc. Chief Executive Jo Li spoke."),
        ("en", "J. D. Vance spoke first.", "J. D. Vance spoke first."),
        ("en", "George W. Bush attended.", "George W. Bush attended."),
        ("en", "It was Plan B. The rest failed.", "It was Plan B. | The rest failed."),
        ("en", "I agree and so do I. Then we left.", "I agree and so do I. | Then we left."),
        // Acronyms.
        ("en", "U.S. troops left.", "U.S. troops left."),
        ("en", "They met in the U.S. The talks failed.", "They met in the U.S. | The talks failed."),
        ("en", "He flew to Washington, D.C. on Monday.", "He flew to Washington, D.C. on Monday."),
        ("en", "The vote is at 5 p.m. Tuesday.", "The vote is at 5 p.m. Tuesday."),
        ("en", "It ends at 5 p.m. We will see.", "It ends at 5 p.m. | We will see."),
        // Months, decimals and amounts.
        ("en", "On Jan. 5 the talks began.", "On Jan. 5 the talks began."),
        ("en", "It rose 2.5 percent. Then it fell.", "It rose 2.5 percent. | Then it fell."),
        (
            "en",
            "Aid of $2.5 billion was approved. Kyiv welcomed it.",
            "Aid of $2.5 billion was approved. | Kyiv welcomed it.",
        ),
        ("en", "He got a 3 1/2-year sentence. He appealed.", "He got a 3 1/2-year sentence. | He appealed."),
        // Ellipses.
        ("en", "I don't know… We will see.", "I don't know… | We will see."),
        ("en", "He said... the rest was lost.", "He said... the rest was lost."),
        ("en", "It was over … Putin said later.", "It was over … Putin said later."),
        ("en", "We waited... Then it came.", "We waited... | Then it came."),
        // Quotes.
        ("en", "He said: “It is over.” Then he left.", "He said: “It is over.” | Then he left."),
        ("en", "“Why now?” he asked.", "“Why now?” he asked."),
        ("en", "\"Enough!\" she said. They left.", "\"Enough!\" she said. | They left."),
        ("en", "“We talked. It went well,” he said.", "“We talked. | It went well,” he said."),
        // Datelines.
        ("en", "MOSCOW/WASHINGTON, D.C. – Talks resumed.", "MOSCOW/WASHINGTON, D.C. – Talks resumed."),
        ("en", "KYIV (Reuters) — Sirens sounded. People fled.", "KYIV (Reuters) — Sirens sounded. | People fled."),
        // Line breaks: headlines and list items, wrapped lines.
        ("en", "Talks Resume in Geneva\nThe delegations met.", "Talks Resume in Geneva | The delegations met."),
        ("en", "- first item\n- second item", "- first item | - second item"),
        ("en", "The talks were\nwrapped by the editor.", "The talks were\nwrapped by the editor."),
        ("en", "It ended.\nnext line", "It ended. | next line"),
        ("en", "One paragraph\n\nanother one", "One paragraph | another one"),
        // German.
        (
            "de",
            "Am 17. August trafen sie sich. Dann reisten sie ab.",
            "Am 17. August trafen sie sich. | Dann reisten sie ab.",
        ),
        ("de", "Dr. Müller sprach z. B. über Nr. 5 der Liste.", "Dr. Müller sprach z. B. über Nr. 5 der Liste."),
        ("de", "Es gab Äpfel, Birnen usw. Die Kinder aßen.", "Es gab Äpfel, Birnen usw. | Die Kinder aßen."),
        ("de", "Er kam um 3. Dann ging er.", "Er kam um 3. | Dann ging er."),
        // French.
        ("fr", "M. Macron a parlé. Il est parti.", "M. Macron a parlé. | Il est parti."),
        ("fr", "« C'est fini », a-t-il dit. Puis il est parti.", "« C'est fini », a-t-il dit. | Puis il est parti."),
        (
            "fr",
            "Il a vu des pommes, des poires, etc. Le reste a suivi.",
            "Il a vu des pommes, des poires, etc. | Le reste a suivi.",
        ),
        // Spanish.
        ("es", "El Sr. García llegó. Luego habló.", "El Sr. García llegó. | Luego habló."),
        ("es", "Viajó a EE. UU. El presidente lo recibió.", "Viajó a EE. UU. | El presidente lo recibió."),
        ("es", "¿Por qué ahora? Nadie lo sabe.", "¿Por qué ahora? | Nadie lo sabe."),
        // Italian.
        ("it", "Il dott. Rossi è arrivato. Poi ha parlato.", "Il dott. Rossi è arrivato. | Poi ha parlato."),
        // Portuguese.
        ("pt", "O Sr. Silva chegou. Depois falou.", "O Sr. Silva chegou. | Depois falou."),
        // Dutch.
        ("nl", "Dhr. Jansen kwam. Hij sprak.", "Dhr. Jansen kwam. | Hij sprak."),
        // Russian.
        (
            "ru",
            "В. В. Путин прибыл в Москву. Переговоры начались.",
            "В. В. Путин прибыл в Москву. | Переговоры начались.",
        ),
        ("ru", "Это было в 2014 г. В Крыму прошёл референдум.", "Это было в 2014 г. | В Крыму прошёл референдум."),
        // Scripts with their own full stops.
        ("zh", "会谈结束了。双方都很满意。", "会谈结束了。 | 双方都很满意。"),
        ("ja", "会談が終わった。両者は満足した。", "会談が終わった。 | 両者は満足した。"),
    ];

    #[test]
    fn issue_3_sentence_table() {
        let mut failures = Vec::new();
        for (lang, text, want) in TABLE {
            let lang = Lang::from_code(lang).unwrap_or(Lang::Other);
            let got: Vec<&str> = split(text, 0..text.len(), lang).into_iter().map(|r| &text[r]).collect();
            let got = got.join(" | ");
            if got != *want {
                failures.push(format!("{} {text:?}\n   want {want:?}\n    got {got:?}", lang.code()));
            }
        }
        assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), TABLE.len(), failures.join("\n"));
    }

    #[test]
    fn news_abbreviations_do_not_split() {
        assert_eq!(
            sents("U.S. President Donald Trump met Gen. Smith in Washington, D.C. on Monday. He left."),
            vec!["U.S. President Donald Trump met Gen. Smith in Washington, D.C. on Monday.", "He left."]
        );
        assert_eq!(sents("It rose 2.5 percent. Then it fell."), vec!["It rose 2.5 percent.", "Then it fell."]);
        assert_eq!(sents("He said: “It is over.” Then he left."), vec!["He said: “It is over.”", "Then he left."]);
        assert_eq!(sents("They met in the U.S. The talks failed."), vec!["They met in the U.S.", "The talks failed."]);
    }
}

/// The seeds' sentence boundaries, checked against `tests/fixtures/seed-sentences/<seed>.txt`:
/// every non-empty line of a seed is a block; the fixture lists its sentences one per line, with
/// a blank line between blocks. `PARALLAX_UPDATE_FIXTURES=1 cargo test --lib seed_sentences`
/// rewrites the fixtures from the current output (read every sentence before committing them).
#[cfg(test)]
mod seed_fixture {
    use super::*;
    use std::path::Path;

    fn render(text: &str) -> String {
        let lang = crate::tokenize::detect_language(text);
        let mut out = String::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let range = at..at + line.trim_end().len();
            at += line.len();
            let sentences = split(text, range, lang);
            if sentences.is_empty() {
                continue;
            }
            for s in sentences {
                out.push_str(&text[s]);
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn issue_3_seed_sentences_match_the_fixture() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let update = std::env::var_os("PARALLAX_UPDATE_FIXTURES").is_some();
        let mut seeds: Vec<_> = std::fs::read_dir(root.join("seeds"))
            .expect("seeds folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        seeds.sort();
        assert!(seeds.len() >= 5, "expected the five seeds");
        for seed in seeds {
            let text = std::fs::read_to_string(&seed).expect("seed text");
            let got = render(&text);
            let name = seed.file_name().expect("file name");
            let fixture = root.join("tests/fixtures/seed-sentences").join(name);
            if update {
                std::fs::create_dir_all(fixture.parent().expect("parent")).expect("fixture folder");
                std::fs::write(&fixture, &got).expect("write fixture");
                continue;
            }
            let want = std::fs::read_to_string(&fixture).expect("fixture exists");
            if got != want {
                let diff: Vec<String> = got
                    .lines()
                    .zip(want.lines())
                    .filter(|(g, w)| g != w)
                    .take(3)
                    .map(|(g, w)| format!("  got  {g}\n  want {w}"))
                    .collect();
                panic!("{}: sentence boundaries differ from the fixture:\n{}", name.to_string_lossy(), diff.join("\n"));
            }
        }
    }
}
