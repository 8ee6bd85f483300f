//! The orchestrator: runs the stages in the order `DESIGN.md` describes.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::align::{self, Relation};
use crate::boilerplate::{self, Block, BlockKind, Reason};
use crate::budget;
use crate::config::Config;
use crate::divergence;
use crate::error::{Error, ErrorKind};
use crate::facts;
use crate::families;
use crate::links::Links;
use crate::packs;
use crate::quotes;
use crate::report::{
    BlockReport, ConflictReport, Counterpart, FactRef, FamilyReport, Field, Metadata, PairReport, Report, SentenceRef,
    SentenceReport, SourceReport, StatementReport, Utf16Index,
};
use crate::sentences;
use crate::terms;
use crate::tokenize::{block_language, source_languages};

/// One article as the person pasted it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// A name to show (outlet, file name).
    pub name: String,
    /// The pasted text.
    pub text: String,
    /// The person's corrections to the boilerplate stage.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The HTML of a rich paste (the clipboard's `text/html`), when there was one; `text` stays
    /// what is shown and analysed, and the markup only helps tell article from chrome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

impl Source {
    /// A source without overrides.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source { name: name.into(), text: text.into(), overrides: Vec::new(), html: None }
    }
}

/// The person's decision on one block: keep it as body, or remove it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    /// UTF-16 offset where the block starts (as the report gives it).
    pub at: u32,
    /// `true` restores the block as body; `false` removes it.
    pub keep: bool,
}

/// A classified block with the override applied.
struct Decided {
    block: Block,
    detected: BlockKind,
    overridden: bool,
}

fn check_limits(sources: &[Source], cfg: &Config) -> Result<(), Error> {
    if sources.is_empty() {
        return Err(Error::new(ErrorKind::NoSources));
    }
    if sources.len() > cfg.max_sources {
        return Err(Error::new(ErrorKind::TooManySources { given: sources.len(), max: cfg.max_sources }));
    }
    let mut total = 0;
    for (index, s) in sources.iter().enumerate() {
        if s.text.len() > cfg.max_source_bytes {
            return Err(Error::new(ErrorKind::SourceTooLarge {
                index,
                name: s.name.clone(),
                bytes: s.text.len(),
                max: cfg.max_source_bytes,
            }));
        }
        total += s.text.len();
    }
    if total > cfg.max_total_bytes {
        return Err(Error::new(ErrorKind::TotalTooLarge { bytes: total, max: cfg.max_total_bytes }));
    }
    Ok(())
}

fn decide(
    source: &Source,
    index: usize,
    utf16: &Utf16Index,
    measured: boilerplate::Measured,
    shared: &boilerplate::Shared,
    cfg: &Config,
    warnings: &mut Vec<String>,
) -> Vec<Decided> {
    let markup = source.html.as_deref().map(|h| boilerplate::markup_for(&source.text, &crate::html::flatten(h)));
    let mut blocks: Vec<Decided> =
        boilerplate::classify_measured(&source.text, measured, markup.as_deref(), shared, cfg)
            .into_iter()
            .map(|block| Decided { detected: block.kind, block, overridden: false })
            .collect();
    for o in &source.overrides {
        let byte = utf16.byte_of(&source.text, o.at);
        match blocks.iter_mut().find(|d| Some(d.block.span.start) == byte) {
            Some(d) => {
                d.overridden = true;
                if o.keep {
                    d.block.kind = BlockKind::Body;
                    d.block.reason = None;
                } else {
                    d.block.kind = BlockKind::Boilerplate;
                    d.block.reason = Some(Reason::RemovedByYou);
                }
            }
            None => warnings.push(Error::new(ErrorKind::BadOverride { index, at: o.at }).to_string()),
        }
    }
    blocks
}

fn metadata(text: &str, blocks: &[Decided], utf16: &Utf16Index) -> Metadata {
    let field = |r: &Range<usize>| Field { text: text[r.clone()].to_string(), span: utf16.span(r) };
    let first = |kind: BlockKind| blocks.iter().find(|d| d.block.kind == kind).map(|d| field(&d.block.span));
    Metadata {
        title: first(BlockKind::Title),
        byline: first(BlockKind::Byline),
        date: first(BlockKind::Date),
        captions: blocks.iter().filter(|d| d.block.kind == BlockKind::Caption).map(|d| field(&d.block.span)).collect(),
    }
}

/// Analyzes how the sources relate. Fails only on input it cannot take at all (no sources,
/// over the limits, a bad setting, over the time budget); everything else is reported, with
/// warnings where useful.
///
/// Natively the time budget (`Config::time_budget_ms`) is measured with a monotonic clock. In
/// WebAssembly there is no clock the core can read without panicking, so this function does not
/// enforce the budget there: the browser skin calls [`analyze_with_clock`] with `Date.now`.
pub fn analyze(sources: &[Source], cfg: &Config) -> Result<Report, Error> {
    budget::run(budget::default_clock(), cfg.time_budget_ms, || run(sources, cfg))
}

/// [`analyze`] with the caller's clock for the time budget: `now_ms` returns milliseconds since
/// any fixed origin (in the browser, `Date.now()` or `performance.now()`).
pub fn analyze_with_clock(
    sources: &[Source],
    cfg: &Config,
    now_ms: impl Fn() -> f64 + 'static,
) -> Result<Report, Error> {
    budget::run(Some(Box::new(now_ms)), cfg.time_budget_ms, || run(sources, cfg))
}

/// The pipeline. Between stages, and inside the long loops of a stage, the time budget is
/// checked (see `budget`); a stage that runs out stops early and its partial result is dropped
/// here by the check that follows it.
fn run(sources: &[Source], cfg: &Config) -> Result<Report, Error> {
    cfg.validate()?;
    check_limits(sources, cfg)?;
    let mut warnings = Vec::new();
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let utf16: Vec<Utf16Index> = texts.iter().map(|t| Utf16Index::new(t)).collect();

    // 1–2. Blocks and the person's overrides. Short lines repeated across sources are the same
    // outlet's chrome; the classifier needs every source's text to see them.
    // Each text's lines are measured once, for both (each dropped once its blocks are decided).
    // With stripping off too, where nothing reads them: skipping it there (a few bytes of code)
    // made the gzipped WebAssembly 2 KB larger, past the package budget (DESIGN.md, issue 9).
    let measured: Vec<boilerplate::Measured> = texts.iter().map(|t| boilerplate::measure(t)).collect();
    let shared = boilerplate::shared_lines(&measured, cfg);
    budget::out_of_time()?;
    let mut decided: Vec<Vec<Decided>> = Vec::with_capacity(sources.len());
    for (i, (s, m)) in sources.iter().zip(measured).enumerate() {
        decided.push(decide(s, i, &utf16[i], m, &shared, cfg, &mut warnings));
        budget::out_of_time()?;
    }

    // 3. Languages, then the sentences of the body, each block split by its own language.
    let langs = source_languages(&texts);
    let mut used = langs.iter().fold(0, |mask, &l| mask | packs::bit(l));
    let spans: Vec<Vec<Range<usize>>> = decided
        .iter()
        .zip(&texts)
        .zip(&langs)
        .map(|((blocks, text), &lang)| {
            blocks
                .iter()
                .filter(|d| d.block.kind.is_body())
                .flat_map(|d| {
                    let span = d.block.span.clone();
                    let block_lang = block_language(&text[span.clone()], lang);
                    used |= packs::bit(block_lang);
                    sentences::split(text, span, block_lang)
                })
                .collect()
        })
        .collect();
    // Memory grows with the sentences prepared for comparison: a paste of thousands of tiny
    // sentences stops here, before alignment, with an error that says so.
    let count: usize = spans.iter().map(Vec::len).sum();
    if count > cfg.max_sentences {
        return Err(Error::new(ErrorKind::TooManySentences { count, max: cfg.max_sentences }));
    }
    // A language read without its pack (the WebAssembly build loads packs on request).
    warnings.extend(packs::missing_warnings(used));
    for (i, s) in spans.iter().enumerate() {
        if s.is_empty() {
            warnings.push(format!(
                "source {} (\"{}\") has no article text left after removing boilerplate; paste the article body or restore a block",
                i + 1,
                sources[i].name
            ));
        }
    }

    budget::out_of_time()?;

    // 4. Alignment.
    let al = align::align(&texts, &spans, &langs, cfg);
    budget::out_of_time()?;

    // 5. Divergence, then rewrite families.
    let n = sources.len();
    let div = divergence::score(&al, cfg);
    let reuse = families::pairs(&al, &div.pairs, cfg);
    let groups = families::families(n, &reuse);
    budget::out_of_time()?;

    let local = |f: usize| SentenceRef { source: al.source[f], sentence: al.local(f) };

    // 6–7. Related sentences; quotations extracted and attributed per source, then compared.
    let links = Links::new(&al, cfg);
    let quotes: Vec<Vec<quotes::Quote>> = decided
        .iter()
        .zip(&texts)
        .zip(&spans)
        .zip(&langs)
        .enumerate()
        .map(|(s, (((blocks, text), sents), &lang))| {
            let body: Vec<Range<usize>> =
                blocks.iter().filter(|d| d.block.kind.is_body()).map(|d| d.block.span.clone()).collect();
            let words = quotes::SourceWords { corpus: &al.corpus, first: al.first[s] };
            quotes::extract(text, lang, &body, sents, &words, cfg)
        })
        .collect();
    let utterances = quotes::utterances(&quotes, cfg);
    let rewordings = quotes::rewordings(
        &quotes,
        &utterances,
        |s, i| links.of(al.first[s] + i).map(|f| (local(f).source, local(f).sentence)).collect(),
        cfg,
    );
    let (mut quote_reports, utterances, rewordings) = quotes::report(&quotes, &utterances, &rewordings, &utf16);
    // The stages from here on have no budget checks inside their loops: the budget is checked
    // between them, so an analysis out of time stops after one of them rather than after all.
    budget::out_of_time()?;

    // 8. Facts: values and names that related sentences disagree on.
    // Values are read once for every sentence: the fact check compares them, and the framing
    // stage leaves them out of the words it counts.
    let values = facts::sentence_values(&texts, &spans, &langs);
    budget::out_of_time()?;
    let found = facts::find(&texts, &spans, &langs, &al.corpus, &values, |f| links.of(f), cfg);
    budget::out_of_time()?;
    let fact_ref = |(source, sentence, span): &(usize, usize, Range<usize>)| FactRef {
        source: *source,
        sentence: *sentence,
        span: utf16[*source].span(span),
    };
    let conflicts: Vec<ConflictReport> = found
        .iter()
        .map(|c| ConflictReport { kind: c.kind, a: fact_ref(&c.a), b: fact_ref(&c.b), aligned: c.aligned })
        .collect();

    // 9. Framing: distinctive terms per source, and things named differently.
    let terms = terms::distinctive(&texts, &spans, &langs, &al.corpus, &values, cfg);
    let mut namings = terms::namings(&spans, &al.corpus);
    namings.extend(terms::swaps(&texts, &spans, &langs, &al.corpus, |f| links.of(f), cfg));
    let namings = terms::report_namings(&namings, &utf16);
    budget::out_of_time()?;

    // 10. Report, with UTF-16 spans.
    let mut out_sources = Vec::with_capacity(n);
    for (i, src) in sources.iter().enumerate() {
        let idx = &utf16[i];
        let blocks = decided[i]
            .iter()
            .map(|d| BlockReport {
                span: idx.span(&d.block.span),
                kind: d.block.kind,
                reason: d.block.reason,
                reason_text: d.block.reason.map(Reason::describe),
                detected: d.detected,
                overridden: d.overridden,
            })
            .collect();
        let sentences = al
            .sentences_of(i)
            .map(|f| {
                let counterparts: Vec<Counterpart> = al.links[f]
                    .iter()
                    .map(|l| {
                        let r = local(l.other);
                        Counterpart {
                            source: r.source,
                            sentence: r.sentence,
                            sentences: l.extent,
                            part: l.fragment,
                            similarity: l.similarity,
                            paraphrase: l.paraphrase,
                            relation: l.relation,
                            trivial: l.trivial,
                            quoted: l.quoted,
                        }
                    })
                    .collect();
                let best_relation =
                    al.links[f].iter().filter(|l| l.counts()).map(|l| l.relation).min().unwrap_or(Relation::Unique);
                let statement = div.statement_of[f];
                SentenceReport {
                    span: idx.span(&al.spans[f]),
                    counterparts,
                    best_relation,
                    consensus: statement.is_some_and(|k| div.statements[k].consensus),
                    statement,
                }
            })
            .collect();
        let ps = &div.per_source[i];
        out_sources.push(SourceReport {
            name: src.name.clone(),
            length: idx.at(src.text.len()),
            language: langs[i],
            metadata: metadata(&src.text, &decided[i], idx),
            blocks,
            sentences,
            divergence: ps.divergence,
            unique_share: ps.unique_share,
            omitted_share: ps.omitted_share,
            unique: ps.unique.iter().map(|&f| al.local(f)).collect(),
            omitted: ps
                .omitted
                .iter()
                .filter_map(|&k| div.statements[k].sentences.first().map(|&f| local(f)))
                .collect(),
            omitted_statements: ps.omitted.clone(),
            quotes: std::mem::take(&mut quote_reports[i]),
            terms: terms::report_terms(&terms[i], idx),
        });
    }
    // Every pair is listed for up to `all_pairs_max_sources` sources; beyond, only pairs that
    // share an aligned sentence or derive one from the other (the matrix still has every pair).
    let listed = |p: &divergence::Pair, r: &families::PairReuse| {
        n <= cfg.all_pairs_max_sources
            || p.coverage_ab.get() > 0.0
            || p.coverage_ba.get() > 0.0
            || r.derivation != families::Derivation::Non
    };
    let pairs = div
        .pairs
        .iter()
        .zip(&reuse)
        .filter(|(p, r)| listed(p, r))
        .map(|(p, r)| PairReport {
            a: p.a,
            b: p.b,
            coverage_ab: p.coverage_ab,
            coverage_ba: p.coverage_ba,
            containment_ab: p.containment_ab,
            containment_ba: p.containment_ba,
            quoteless_containment_ab: p.quoteless_containment_ab,
            quoteless_containment_ba: p.quoteless_containment_ba,
            jsd: p.jsd,
            divergence: p.divergence,
            derivation: r.derivation,
            rewrite: r.rewrite,
            original: r.original,
            aligned: r.aligned.iter().map(|&(x, y)| [local(x), local(y)]).collect(),
            in_order: r.in_order,
        })
        .collect();
    let statements = div
        .statements
        .iter()
        .map(|st| StatementReport {
            sentences: st.sentences.iter().map(|&f| local(f)).collect(),
            sources: st.sources.clone(),
            consensus: st.consensus,
        })
        .collect();
    let consensus = (0..al.source.len())
        .filter(|&f| div.statement_of[f].is_some_and(|k| div.statements[k].consensus))
        .map(local)
        .collect();
    Ok(Report {
        version: env!("CARGO_PKG_VERSION"),
        sources: out_sources,
        pairs,
        matrix: div.matrix,
        consensus,
        statements,
        families: groups.into_iter().map(|g| FamilyReport { sources: g.sources, original: g.original }).collect(),
        warnings,
        utterances,
        rewordings,
        namings,
        conflicts,
    })
}

/// One block of a stripped text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StrippedBlock {
    /// The block's text.
    pub text: String,
    /// What it is.
    pub kind: BlockKind,
    /// Why it was removed, for boilerplate.
    pub reason: Option<Reason>,
}

/// The result of [`strip`]: every block of the text, classified.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stripped {
    /// All non-empty lines in order.
    pub blocks: Vec<StrippedBlock>,
}

impl Stripped {
    /// The article: title and body, in their original order, one block per paragraph.
    pub fn article(&self) -> String {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Title))
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// The blocks of [`strip`] packed for JavaScript, three numbers per block: its start and its end
/// as UTF-16 offsets into `text` (indices into the JS string it came from) and a code, the
/// kind's place in [`BlockKind::ALL`] plus 8 × (1 + the reason's place in [`Reason::ALL`]), 0
/// × 8 when there is no reason. The JS layer slices the blocks' texts out of the string it
/// passed and names the codes, so no text crosses back and no JSON is written or parsed: that
/// was about a tenth of stripping in the browser. `None` when the text has 2^32 UTF-16 units or
/// more.
pub fn strip_utf16(text: &str, cfg: &Config) -> Option<Vec<u32>> {
    let blocks = boilerplate::classify(text, None, &boilerplate::Shared::default(), cfg);
    let bytes = text.as_bytes();
    // The UTF-16 offset of a byte offset, counted on from the last one asked (blocks come in
    // order): one unit per character, two for characters outside the BMP (4-byte UTF-8).
    let (mut at, mut units) = (0usize, 0u64);
    let mut utf16 = |to: usize| -> Option<u32> {
        if to < at {
            (at, units) = (0, 0);
        }
        units += crate::bytes8::utf16_units(bytes.get(at..to)?);
        at = to;
        u32::try_from(units).ok()
    };
    let mut out = Vec::with_capacity(3 * blocks.len());
    for b in blocks {
        out.push(utf16(b.span.start)?);
        out.push(utf16(b.span.end)?);
        out.push(b.kind as u32 | (b.reason.map_or(0, |r| r as u32 + 1) << 3));
    }
    Some(out)
}

/// Classifies the blocks of one pasted text without comparing it to anything.
pub fn strip(text: &str, cfg: &Config) -> Stripped {
    Stripped {
        blocks: boilerplate::classify(text, None, &boilerplate::Shared::default(), cfg)
            .into_iter()
            .map(|b| StrippedBlock { text: text[b.span].to_string(), kind: b.kind, reason: b.reason })
            .collect(),
    }
}

/// Classifies the blocks of an HTML page or fragment (a rich paste), using the markup too. The
/// blocks' text is the page's text as [`html_to_text`](crate::html_to_text) renders it.
pub fn strip_html(html: &str, cfg: &Config) -> Stripped {
    let flat = crate::html::flatten(html);
    let markup = boilerplate::markup_for(&flat.text, &flat);
    let text = flat.text.as_str();
    Stripped {
        blocks: boilerplate::classify(text, Some(&markup), &boilerplate::Shared::default(), cfg)
            .into_iter()
            .map(|b| StrippedBlock { text: text[b.span].to_string(), kind: b.kind, reason: b.reason })
            .collect(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod stripped_packed_tests {
    use super::*;

    /// What the JS layer does with the packed blocks (lib/core.js), on the UTF-16 units of `text`.
    fn unpack(text: &str, packed: &[u32]) -> Vec<StrippedBlock> {
        let units: Vec<u16> = text.encode_utf16().collect();
        packed
            .chunks(3)
            .map(|b| StrippedBlock {
                text: String::from_utf16(&units[b[0] as usize..b[1] as usize]).expect("whole characters"),
                kind: BlockKind::ALL[(b[2] & 7) as usize],
                reason: (b[2] >> 3).checked_sub(1).map(|r| Reason::ALL[r as usize]),
            })
            .collect()
    }

    #[test]
    fn issue_4_packed_blocks_are_the_stripped_blocks() {
        let text = "Home\nWorld\n\"Quoted\" \\ back\u{1}slash\ttab, ünïcode — and a line that is long enough to be prose, said the council on Monday 😀.\n© 2024 Example Media. All rights reserved.\n  3 hours ago  \r\n𝒜 emoji line 👍🏽\n";
        let stripped = strip(text, &Config::default());
        let packed = strip_utf16(text, &Config::default()).expect("short text");
        assert_eq!(unpack(text, &packed), stripped.blocks);
        let reasons: Vec<_> = stripped.blocks.iter().filter_map(|b| b.reason).collect();
        assert!(reasons.len() >= 3, "{reasons:?}");
    }

    #[test]
    fn issue_4_every_kind_and_reason_is_at_its_place_with_serdes_name() {
        for (i, k) in BlockKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i);
            assert_eq!(serde_json::to_value(k).ok(), Some(serde_json::Value::from(k.name())));
        }
        for (i, r) in Reason::ALL.into_iter().enumerate() {
            assert_eq!(r as usize, i);
            assert_eq!(serde_json::to_value(r).ok(), Some(serde_json::Value::from(r.name())));
        }
        // The kinds fit the code's low three bits.
        assert!(BlockKind::ALL.len() <= 8);
    }
}
