//! The report: everything an analysis found, with spans as UTF-16 offsets for JavaScript.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::align::Relation;
use crate::boilerplate::{BlockKind, Reason};
use crate::facts::ConflictKind;
use crate::families::{Derivation, Rewrite};
use crate::quotes::Change;
use crate::score::Score;
use crate::tokenize::Lang;

/// A range of the source text in UTF-16 code units (how JavaScript indexes strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
}

/// Converts byte offsets of one text into UTF-16 offsets. Memory grows with the non-ASCII
/// characters only.
pub(crate) struct Utf16Index {
    /// (byte offset just after a non-ASCII char, bytes minus UTF-16 units up to there).
    marks: Vec<(usize, usize)>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let mut marks = Vec::new();
        let mut delta = 0;
        // Byte by byte, the lead byte of a character telling its length: in the WebAssembly build
        // (optimised for size) walking the whole text with `char_indices` was a call per character
        // (issue 9). A character of 2 or 3 bytes is one UTF-16 unit, one of 4 bytes two.
        for (b, &lead) in text.as_bytes().iter().enumerate() {
            let (utf8, utf16) = match lead {
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                0xF0..=0xFF => (4, 2),
                // ASCII, or a continuation byte.
                _ => continue,
            };
            delta += utf8 - utf16;
            marks.push((b + utf8, delta));
        }
        Utf16Index { marks }
    }

    /// UTF-16 offset of a byte offset that lies on a char boundary.
    pub fn at(&self, byte: usize) -> u32 {
        let k = self.marks.partition_point(|&(pos, _)| pos <= byte);
        let delta = if k == 0 { 0 } else { self.marks[k - 1].1 };
        (byte - delta) as u32
    }

    pub fn span(&self, r: &Range<usize>) -> Span {
        Span { start: self.at(r.start), end: self.at(r.end) }
    }

    /// Byte offset of a UTF-16 offset, if it falls on a char boundary of `text`.
    pub fn byte_of(&self, text: &str, unit: u32) -> Option<usize> {
        // The byte offset is at least the unit offset; walk from the mark before it.
        let k = self.marks.partition_point(|&(pos, delta)| ((pos - delta) as u32) <= unit);
        let delta = if k == 0 { 0 } else { self.marks[k - 1].1 };
        let byte = unit as usize + delta;
        (byte <= text.len() && text.is_char_boundary(byte) && self.at(byte) == unit).then_some(byte)
    }
}

/// A piece of metadata: its text and where it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    /// The text as it appears.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// What the boilerplate stage recognised as metadata rather than body.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<Field>,
    /// The author line, once even when the page printed it twice.
    pub byline: Option<Field>,
    /// A line giving the date of publication.
    pub date: Option<Field>,
    /// Image captions and credits.
    pub captions: Vec<Field>,
}

/// One line of a source and what became of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlockReport {
    /// Where the line is.
    pub span: Span,
    /// What it is, after the person's overrides.
    pub kind: BlockKind,
    /// Why it was removed, when it was.
    pub reason: Option<Reason>,
    /// The reason in words.
    pub reason_text: Option<&'static str>,
    /// What the classifier decided before any override.
    pub detected: BlockKind,
    /// Whether the person overrode the classifier on this block.
    pub overridden: bool,
}

/// A sentence's counterpart in another source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counterpart {
    /// Index of the other source.
    pub source: usize,
    /// Index of the sentence in that source.
    pub sentence: usize,
    /// How many consecutive sentences of that source, from `sentence` on, make the counterpart:
    /// 2 when that source split this sentence in two.
    pub sentences: usize,
    /// This sentence is one of two that the other source merged into one (`sentence`).
    pub part: bool,
    /// How similar the two are (graded like the STS benchmark, scaled to [0, 1]).
    pub similarity: Score,
    /// Probability that the two state the same thing.
    pub paraphrase: Score,
    /// How they relate.
    pub relation: Relation,
    /// They share little beyond names, titles and numbers: shown, not counted as shared.
    pub trivial: bool,
    /// Share of the content words they share that are quoted in both (quoted speech).
    pub quoted: Score,
}

/// One sentence of a source's body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceReport {
    /// Where it is.
    pub span: Span,
    /// Its best counterpart in each other source that carries it, by source.
    pub counterparts: Vec<Counterpart>,
    /// The closest relation over all counterparts that count (`unique` when there are none).
    pub best_relation: Relation,
    /// Whether it belongs to a consensus statement.
    pub consensus: bool,
    /// The statement (index into `Report::statements`) it belongs to, if another source carries it.
    pub statement: Option<usize>,
}

/// A reference to one sentence of one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SentenceRef {
    /// Source index.
    pub source: usize,
    /// Sentence index inside the source.
    pub sentence: usize,
}

/// Everything about one source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceReport {
    /// The name given.
    pub name: String,
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// The language detected (ISO 639-1 code; "und" when undetermined), used for its
    /// stopwords, stems, abbreviations and value words.
    pub language: Lang,
    /// Title, byline, date and captions.
    pub metadata: Metadata,
    /// Every non-empty line, classified.
    pub blocks: Vec<BlockReport>,
    /// The body sentences.
    pub sentences: Vec<SentenceReport>,
    /// Divergence from the other sources, in `[0, 1]`: mean of the two shares below.
    pub divergence: Score,
    /// Share of its words in sentences no other source carries.
    pub unique_share: Score,
    /// Share of the other sources' consensus statements it leaves out.
    pub omitted_share: Score,
    /// Indices of its sentences that no other source carries.
    pub unique: Vec<usize>,
    /// Consensus statements it leaves out, each by its first sentence.
    pub omitted: Vec<SentenceRef>,
    /// Consensus statements it leaves out (indices into `Report::statements`).
    pub omitted_statements: Vec<usize>,
    /// Direct quotations, in text order.
    pub quotes: Vec<QuoteReport>,
    /// Words and phrases that set it apart from the other sources, the most distinctive first.
    pub terms: Vec<TermReport>,
}

/// A word or phrase that distinguishes one source from the others (framing).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermReport {
    /// The term, folded, as the source most often writes it.
    pub term: String,
    /// How often this source uses it.
    pub count: u32,
    /// How often all the other sources together use it.
    pub others: u32,
    /// Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008), rounded to 3
    /// decimals; positive means more typical of this source.
    pub log_odds: f64,
    /// The log-odds over its standard deviation, rounded to 3 decimals: how sure the difference is.
    pub z: f64,
    /// Where the source uses it.
    pub spans: Vec<Span>,
}

/// One side of a conflict: a value or name in one sentence of one source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactRef {
    /// Source index.
    pub source: usize,
    /// Index of the sentence inside the source.
    pub sentence: usize,
    /// Where the value or name is.
    pub span: Span,
}

/// Two statements about the same thing that disagree.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictReport {
    /// What they disagree on.
    pub kind: ConflictKind,
    /// The side in the source with the lower index.
    pub a: FactRef,
    /// The side in the other source.
    pub b: FactRef,
    /// Whether the two sentences are aligned (or next to an alignment); otherwise they only share
    /// the words around the value ("Ukraine enters its … year").
    pub aligned: bool,
}

/// One source's wording of a thing that sources name differently.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NamingUse {
    /// Source index.
    pub source: usize,
    /// The wording ("kiev", "a vote to join russia").
    pub wording: String,
    /// Where the source uses it.
    pub spans: Vec<Span>,
}

/// The same thing named differently by different sources (Kiev / Kyiv).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NamingReport {
    /// What is named ("kyiv", "crimea in 2014").
    pub thing: String,
    /// Each source's wordings of it, by source.
    pub uses: Vec<NamingUse>,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerReport {
    /// The name as the source writes it where the attribution was found.
    pub name: String,
    /// The folded last word of the name: quotations with the same key have the same speaker.
    pub key: String,
    /// Where the name is, or the pronoun that stands for it.
    pub span: Span,
    /// Whether the attribution went through a pronoun ("he said") to the last person named.
    pub via_pronoun: bool,
}

/// One direct quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteReport {
    /// The quotation with its quotation marks.
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Index of the (first) sentence it is in.
    pub sentence: usize,
    /// Who said it, when the source says.
    pub speaker: Option<SpeakerReport>,
    /// Index into the report's `utterances` when another source quotes the same words.
    pub utterance: Option<usize>,
    /// No other source quotes these words.
    pub single_source: bool,
}

/// A reference to one quotation of one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteRef {
    /// Source index.
    pub source: usize,
    /// Index into that source's `quotes`.
    pub quote: usize,
}

/// One word-level difference between a quotation and the fullest wording of its utterance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WordChangeReport {
    /// What kind of change.
    pub change: Change,
    /// The words in the fullest wording (empty, at the place, when it has none).
    pub canonical: Span,
    /// The words in this quotation (empty, at the place, when it has none).
    pub quote: Span,
    /// This quotation marks the gap with an ellipsis.
    pub marked: bool,
}

/// One quotation of an utterance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UtteranceMember {
    /// The quotation.
    pub quote: QuoteRef,
    /// Share of its words found in order in the fullest wording.
    pub overlap: Score,
    /// Its word-level differences from the fullest wording; empty when the words are the same.
    pub changes: Vec<WordChangeReport>,
}

/// The same words (give or take a few) of the same speaker, quoted by two sources or more.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UtteranceReport {
    /// The fullest wording: the longest quotation.
    pub canonical: QuoteRef,
    /// Who said it, as the fullest wording's source names them.
    pub speaker: Option<String>,
    /// How many sources quote it.
    pub sources: usize,
    /// Every quotation of it, the fullest first, then in source order.
    pub members: Vec<UtteranceMember>,
}

/// The same speaker quoted with different words in sentences that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RewordingReport {
    /// One quotation.
    pub a: QuoteRef,
    /// The differently worded quotation in another source.
    pub b: QuoteRef,
    /// The speaker, as the first source names them.
    pub speaker: String,
}

/// Measures between two sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairReport {
    /// First source (the lower index).
    pub a: usize,
    /// Second source.
    pub b: usize,
    /// Share of a's words in sentences that b carries too.
    pub coverage_ab: Score,
    /// Share of b's words in sentences that a carries too.
    pub coverage_ba: Score,
    /// How much of a is in b: share of a's three-word shingles that b has too.
    pub containment_ab: Score,
    /// How much of b is in a.
    pub containment_ba: Score,
    /// `containment_ab` over words outside quotations only.
    pub quoteless_containment_ab: Score,
    /// `containment_ba` over words outside quotations only.
    pub quoteless_containment_ba: Score,
    /// Jensen–Shannon divergence of the two vocabularies.
    pub jsd: Score,
    /// The pairwise divergence (see `DESIGN.md`).
    pub divergence: Score,
    /// Whether one derives from the other: wholly, partially or not.
    pub derivation: Derivation,
    /// For a derived pair, how closely the derived text keeps the words.
    pub rewrite: Option<Rewrite>,
    /// The likely original of a derived pair, when the evidence supports one.
    pub original: Option<usize>,
    /// Sentences aligned between the two outside quotations, in a's order: the evidence.
    pub aligned: Vec<[SentenceRef; 2]>,
    /// How many of them keep the same order in both texts.
    pub in_order: usize,
}

/// Sentences of several sources that say the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementReport {
    /// Its sentences, by source.
    pub sentences: Vec<SentenceRef>,
    /// The sources that carry it.
    pub sources: Vec<usize>,
    /// Whether enough sources carry it to count as consensus (`Config::consensus_min_share`).
    pub consensus: bool,
}

/// Sources derived from the same text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FamilyReport {
    /// The members.
    pub sources: Vec<usize>,
    /// The member the others derive from, when the evidence names one.
    pub original: Option<usize>,
}

/// The result of [`crate::analyze`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Version of parallax that made the report.
    pub version: &'static str,
    /// One entry per source, in input order.
    pub sources: Vec<SourceReport>,
    /// One entry per unordered pair of sources.
    pub pairs: Vec<PairReport>,
    /// The pairwise divergence as an N×N matrix (0 on the diagonal).
    pub matrix: Vec<Vec<Score>>,
    /// Sentences that belong to consensus statements.
    pub consensus: Vec<SentenceRef>,
    /// Statements carried by two sources or more.
    pub statements: Vec<StatementReport>,
    /// Rewrite families: groups of sources derived from the same text.
    pub families: Vec<FamilyReport>,
    /// Things the person should know (an override that no longer matches, an empty source).
    pub warnings: Vec<String>,
    /// Utterances quoted by two sources or more, with each quotation's word-level differences.
    pub utterances: Vec<UtteranceReport>,
    /// The same speaker quoted with different words in sentences that report the same thing.
    pub rewordings: Vec<RewordingReport>,
    /// Things that different sources name with different wordings.
    pub namings: Vec<NamingReport>,
    /// Statements of two sources about the same thing that disagree on a value or a name.
    pub conflicts: Vec<ConflictReport>,
}

fn pct(s: Score) -> String {
    format!("{:.3}", s.get())
}

impl Report {
    /// A readable plain-text rendering, used by `parallax analyze --format text` and by the
    /// golden-report tests. `texts` are the source texts in input order.
    pub fn to_text(&self, texts: &[&str]) -> String {
        let mut out = String::new();
        let slice = |t: &str, s: &Span| -> String {
            let units: Vec<u16> = t.encode_utf16().collect();
            String::from_utf16_lossy(units.get(s.start as usize..s.end as usize).unwrap_or(&[]))
        };
        for (i, src) in self.sources.iter().enumerate() {
            let text = texts.get(i).copied().unwrap_or("");
            let _ = writeln!(out, "## [{i}] {}", src.name);
            let _ = writeln!(
                out,
                "divergence {}  unique {}  omitted {}",
                pct(src.divergence),
                pct(src.unique_share),
                pct(src.omitted_share)
            );
            if let Some(t) = &src.metadata.title {
                let _ = writeln!(out, "title: {}", t.text);
            }
            if let Some(b) = &src.metadata.byline {
                let _ = writeln!(out, "byline: {}", b.text);
            }
            for c in &src.metadata.captions {
                let _ = writeln!(out, "caption: {}", c.text);
            }
            for b in src.blocks.iter().filter(|b| b.kind == BlockKind::Boilerplate) {
                let _ = writeln!(out, "removed ({}): {}", b.reason_text.unwrap_or(""), slice(text, &b.span));
            }
            for (k, s) in src.sentences.iter().enumerate() {
                let links: Vec<String> = s
                    .counterparts
                    .iter()
                    .map(|c| {
                        let mut t = format!("{}:{}", c.source, c.sentence);
                        if c.sentences > 1 {
                            let _ = write!(t, "+{}", c.sentence + c.sentences - 1);
                        }
                        let _ = write!(t, " {:?} {} p={}", c.relation, pct(c.similarity), pct(c.paraphrase));
                        if c.part {
                            t.push_str(" part");
                        }
                        if c.trivial {
                            t.push_str(" trivial");
                        }
                        if c.quoted.get() > 0.0 {
                            let _ = write!(t, " quoted {}", pct(c.quoted));
                        }
                        t
                    })
                    .collect();
                let _ = writeln!(out, "  {k:>3} [{:?}] {}", s.best_relation, slice(text, &s.span));
                if !links.is_empty() {
                    let _ = writeln!(out, "        ~ {}", links.join("; "));
                }
            }
            if !src.terms.is_empty() {
                let top: Vec<String> =
                    src.terms.iter().take(12).map(|t| format!("{} ({}, z {:.2})", t.term, t.count, t.z)).collect();
                let _ = writeln!(out, "  terms: {}", top.join(", "));
            }
            for (k, q) in src.quotes.iter().enumerate() {
                let speaker = q.speaker.as_ref().map_or("?", |sp| sp.name.as_str());
                let single = if q.single_source { " (only here)" } else { "" };
                let _ = writeln!(out, "  quote {k} [{speaker}]{single}: {}", slice(text, &q.span));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "## quotes");
        for u in &self.utterances {
            let canonical_text = texts.get(u.canonical.source).copied().unwrap_or("");
            let _ = writeln!(out, "utterance of {} in {} sources:", u.speaker.as_deref().unwrap_or("?"), u.sources);
            for m in &u.members {
                let changes: Vec<String> = m
                    .changes
                    .iter()
                    .map(|c| {
                        let a = slice(canonical_text, &c.canonical);
                        let b = slice(texts.get(m.quote.source).copied().unwrap_or(""), &c.quote);
                        format!("{:?} '{a}' -> '{b}'", c.change)
                    })
                    .collect();
                let shown = if changes.is_empty() { "same words".to_string() } else { changes.join("; ") };
                let _ = writeln!(out, "  {}:{} overlap {} {shown}", m.quote.source, m.quote.quote, pct(m.overlap));
            }
        }
        for w in &self.rewordings {
            let _ = writeln!(
                out,
                "{}:{} ~ {}:{} {} worded differently",
                w.a.source, w.a.quote, w.b.source, w.b.quote, w.speaker
            );
        }
        for c in &self.conflicts {
            let a = slice(texts.get(c.a.source).copied().unwrap_or(""), &c.a.span);
            let b = slice(texts.get(c.b.source).copied().unwrap_or(""), &c.b.span);
            let _ = writeln!(
                out,
                "conflict ({:?}): {}:{} '{a}' vs {}:{} '{b}'{}",
                c.kind,
                c.a.source,
                c.a.sentence,
                c.b.source,
                c.b.sentence,
                if c.aligned { "" } else { " (same context)" }
            );
        }
        for n in &self.namings {
            let uses: Vec<String> = n.uses.iter().map(|u| format!("{}: {}", u.source, u.wording)).collect();
            let _ = writeln!(out, "named differently: {} ({})", n.thing, uses.join("; "));
        }
        let _ = writeln!(out, "## pairs");
        for p in &self.pairs {
            let _ = writeln!(
                out,
                "{}-{} divergence {} coverage {}/{} containment {}/{} (quoteless {}/{}) jsd {} derivation {:?} rewrite {:?} original {:?} aligned {} in order {}",
                p.a,
                p.b,
                pct(p.divergence),
                pct(p.coverage_ab),
                pct(p.coverage_ba),
                pct(p.containment_ab),
                pct(p.containment_ba),
                pct(p.quoteless_containment_ab),
                pct(p.quoteless_containment_ba),
                pct(p.jsd),
                p.derivation,
                p.rewrite,
                p.original,
                p.aligned.len(),
                p.in_order
            );
        }
        for f in &self.families {
            let _ = writeln!(out, "family {:?} original {:?}", f.sources, f.original);
        }
        for (k, st) in self.statements.iter().enumerate() {
            let members: Vec<String> = st.sentences.iter().map(|r| format!("{}:{}", r.source, r.sentence)).collect();
            let _ =
                writeln!(out, "statement {k}{}: {}", if st.consensus { " (consensus)" } else { "" }, members.join(" "));
        }
        for w in &self.warnings {
            let _ = writeln!(out, "warning: {w}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_with_astral_and_combining() {
        let text = "a👍🏽é\u{301}b";
        let idx = Utf16Index::new(text);
        let b_byte = text.find('b').unwrap();
        let js: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(idx.at(b_byte) as usize, js.len() - 1);
        assert_eq!(idx.at(text.len()) as usize, js.len());
        assert_eq!(idx.byte_of(text, idx.at(b_byte)), Some(b_byte));
        // Inside a surrogate pair is not a char boundary.
        assert_eq!(idx.byte_of(text, 2), None);
    }

    #[test]
    fn utf16_offsets_at_every_char_boundary() {
        // Characters of 1, 2, 3 and 4 bytes, side by side and repeated.
        for text in ["", "abc", "é", "aé€👍b", "👍👍€€éé", "x\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}y", "€a👍"]
        {
            let idx = Utf16Index::new(text);
            for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(idx.at(b) as usize, text[..b].encode_utf16().count(), "{text:?} at byte {b}");
            }
        }
    }
}
