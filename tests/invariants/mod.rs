//! What must hold for every report, whatever the input: shared by `tests/bad_inputs.rs` and the
//! fuzz targets in `fuzz/` (which include this file by path), so both check the same things.
#![allow(dead_code)]

use parallax::{Relation, Report, Score, Source, Span, Stripped, Token};

fn unit(what: &str, s: Score) {
    let v = s.get();
    assert!(v.is_finite() && (0.0..=1.0).contains(&v), "{what} = {v} is outside [0, 1]");
}

/// UTF-16 offsets at which a JavaScript string may be cut: not inside a surrogate pair.
fn cut_points(text: &str) -> Vec<bool> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut ok = vec![true; units.len() + 1];
    for (i, u) in units.iter().enumerate() {
        if (0xDC00..0xE000).contains(u) {
            ok[i] = false;
        }
    }
    ok
}

fn span_ok(what: &str, span: &Span, cuts: &[bool]) {
    let (s, e) = (span.start as usize, span.end as usize);
    assert!(s <= e && e < cuts.len(), "{what}: span {s}..{e} outside 0..{}", cuts.len() - 1);
    assert!(cuts[s] && cuts[e], "{what}: span {s}..{e} cuts a surrogate pair");
}

/// Checks the structure of a report against its sources; panics with a message on the first
/// violation.
pub fn check_report(sources: &[Source], report: &Report) {
    let n = sources.len();
    assert_eq!(report.sources.len(), n, "one report entry per source");
    // Every unordered pair once, in order; beyond `all_pairs_max_sources` only the pairs that share
    // something (issue 9: half a million pairs for a thousand sources), the matrix keeps them all.
    let all_pairs = n * n.saturating_sub(1) / 2;
    if n <= parallax::Config::default().all_pairs_max_sources {
        assert_eq!(report.pairs.len(), all_pairs, "one pair per unordered pair");
    } else {
        assert!(report.pairs.len() <= all_pairs, "at most one pair per unordered pair");
        for p in &report.pairs {
            assert!(
                p.coverage_ab.get() > 0.0 || p.coverage_ba.get() > 0.0 || p.derivation != parallax::Derivation::Non,
                "pair {}-{} is listed but shares nothing",
                p.a,
                p.b
            );
        }
    }
    assert!(report.pairs.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)), "pairs in order, each once");
    assert_eq!(report.matrix.len(), n, "matrix rows");
    for (a, row) in report.matrix.iter().enumerate() {
        assert_eq!(row.len(), n, "matrix columns");
        for (b, &v) in row.iter().enumerate() {
            unit("matrix", v);
            assert_eq!(v, report.matrix[b][a], "matrix is symmetric");
        }
        assert_eq!(row[a], Score::ZERO, "matrix diagonal");
    }
    for p in &report.pairs {
        assert!(p.a < p.b && p.b < n, "pair {}-{}", p.a, p.b);
        for (what, s) in [
            ("coverage_ab", p.coverage_ab),
            ("coverage_ba", p.coverage_ba),
            ("containment_ab", p.containment_ab),
            ("containment_ba", p.containment_ba),
            ("jsd", p.jsd),
            ("divergence", p.divergence),
        ] {
            unit(what, s);
        }
        assert_eq!(report.matrix[p.a][p.b], p.divergence, "matrix agrees with pairs");
    }
    let counts: Vec<usize> = report.sources.iter().map(|s| s.sentences.len()).collect();
    for (i, (src, rep)) in sources.iter().zip(&report.sources).enumerate() {
        let cuts = cut_points(&src.text);
        assert_eq!(rep.length as usize, cuts.len() - 1, "source {i}: length in UTF-16 units");
        assert_eq!(rep.name, src.name);
        unit("divergence", rep.divergence);
        unit("unique_share", rep.unique_share);
        unit("omitted_share", rep.omitted_share);
        let mut last = 0;
        for b in &rep.blocks {
            span_ok("block", &b.span, &cuts);
            assert!(b.span.start >= last && b.span.start < b.span.end, "blocks are non-empty and in order");
            last = b.span.end;
            assert_eq!(b.reason.is_some(), b.reason_text.is_some(), "a reason comes with its words");
        }
        let mut last = 0;
        for s in &rep.sentences {
            span_ok("sentence", &s.span, &cuts);
            assert!(s.span.start >= last && s.span.start < s.span.end, "sentences are non-empty and in order");
            last = s.span.end;
            assert!(
                rep.blocks.iter().any(|b| b.kind.is_body() && b.span.start <= s.span.start && s.span.end <= b.span.end),
                "source {i}: a sentence lies inside a body block"
            );
            let mut prev = None;
            for c in &s.counterparts {
                assert!(c.source < n && c.source != i, "counterpart in another source");
                assert!(prev < Some(c.source), "one counterpart per source, sorted");
                prev = Some(c.source);
                assert!(c.sentences >= 1, "a counterpart is at least one sentence");
                assert!(c.sentence + c.sentences <= counts[c.source], "counterpart sentences exist");
                unit("similarity", c.similarity);
                unit("paraphrase", c.paraphrase);
                unit("quoted", c.quoted);
            }
            let counted = s.counterparts.iter().filter(|c| c.relation.is_shared() && !c.trivial).map(|c| c.relation);
            assert_eq!(s.best_relation, counted.min().unwrap_or(Relation::Unique), "best relation over counted links");
        }
        for &u in &rep.unique {
            assert!(
                u < counts[i] && !rep.sentences[u].best_relation.is_shared(),
                "unique sentences have no counterpart"
            );
        }
        for o in &rep.omitted {
            assert!(o.source != i && o.source < n && o.sentence < counts[o.source], "omitted refers to another source");
        }
    }
    for c in &report.consensus {
        assert!(c.source < n && c.sentence < counts[c.source], "consensus refers to a sentence");
        assert!(report.sources[c.source].sentences[c.sentence].consensus, "consensus flag agrees");
    }
    serde_json::to_string(report).expect("a report always serializes");
}

/// Checks that tokens cover `text` completely, in order, on char boundaries.
pub fn check_tokens(text: &str, tokens: &[Token]) {
    let mut at = 0;
    for t in tokens {
        assert_eq!(t.span.start, at, "tokens leave no gap");
        assert!(t.span.end > t.span.start, "tokens are non-empty");
        assert!(text.is_char_boundary(t.span.end), "tokens end on a char boundary");
        at = t.span.end;
    }
    assert_eq!(at, text.len(), "tokens reach the end");
}

/// Checks that stripping only classifies: every block is a piece of `text`, in order, and the
/// article adds nothing.
pub fn check_stripped(text: &str, stripped: &Stripped) {
    let mut rest = text;
    for b in &stripped.blocks {
        assert!(!b.text.trim().is_empty(), "blocks are not blank");
        let at = rest.find(b.text.as_str()).expect("each block is a piece of the text, in order");
        rest = &rest[at + b.text.len()..];
        assert_eq!(b.kind == parallax::BlockKind::Boilerplate, b.reason.is_some(), "removed blocks have a reason");
    }
    let article = stripped.article();
    let kept: usize = article.split("\n\n").map(str::len).sum();
    assert!(kept <= text.len(), "stripping never adds text");
}
