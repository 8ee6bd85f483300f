//! Properties of the whole pipeline (issue 2): scores in [0, 1], determinism, lossless
//! tokenization, no panic on arbitrary UTF-8; and of alignment and divergence (issue 5):
//! reordering sources only permutes the report, a source against its exact copy is identical with
//! divergence 0, symmetric measures are symmetric.
#![cfg(not(target_arch = "wasm32"))]

use parallax::{analyze, tokenize, Config, Relation, Report, Source};
use proptest::prelude::*;

fn all_scores(r: &parallax::Report) -> Vec<f64> {
    let mut v = Vec::new();
    for s in &r.sources {
        v.extend([s.divergence.get(), s.unique_share.get(), s.omitted_share.get()]);
        for sent in &s.sentences {
            for c in &sent.counterparts {
                v.extend([c.similarity.get(), c.paraphrase.get(), c.quoted.get()]);
            }
        }
    }
    for p in &r.pairs {
        v.extend(
            [
                p.coverage_ab,
                p.coverage_ba,
                p.containment_ab,
                p.containment_ba,
                p.quoteless_containment_ab,
                p.quoteless_containment_ba,
                p.jsd,
                p.divergence,
            ]
            .map(|s| s.get()),
        );
    }
    v.extend(r.matrix.iter().flatten().map(|s| s.get()));
    v
}

/// Text that looks like news often enough to produce matches: sentences drawn from a small pool.
fn newsy() -> impl Strategy<Value = String> {
    let pool = prop::sample::select(vec![
        "The council approved the budget on Tuesday.",
        "Mayor Lena Ortiz said the bridge would reopen.",
        "Engineers found cracks in two beams.",
        "Commuters were told to take the ferry.",
        "Share This Article",
        "Critics called the decision overdue.",
        "Über 200 Menschen protestierten am Montag.",
        "市议会周二批准了预算。",
        "“We will rebuild,” she said.",
        "",
    ]);
    prop::collection::vec(pool, 0..8).prop_map(|v| v.join("\n"))
}

/// Sentences that overlap in several ways: copies, edits, rewrites, quotes, names only.
fn article() -> impl Strategy<Value = String> {
    let pool = prop::sample::select(vec![
        "The council approved the new budget on Tuesday after a long debate.",
        "On Tuesday the council approved the new budget following a lengthy debate.",
        "The city council passed its budget on Tuesday.",
        "Mayor Lena Ortiz said the bridge would reopen in March.",
        "The bridge will reopen in March, Mayor Lena Ortiz said.",
        "Engineers found cracks in two steel beams last week.",
        "“We will rebuild the bridge,” Ortiz told reporters.",
        "“We will rebuild the bridge,” the mayor said on Monday.",
        "Commuters were told to take the ferry until the repairs end.",
        "Mayor Lena Ortiz and Governor Sam Reyes.",
        "More details to follow.",
        "Fuel prices rose by ten percent in the region last month.",
        "Critics called the decision overdue and expensive.",
        "Über 200 Menschen protestierten am Montag vor dem Rathaus.",
    ]);
    prop::collection::vec(pool, 1..7).prop_map(|v| v.join(" "))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-3
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn tokens_cover_the_input_in_order(text in any::<String>()) {
        let toks = tokenize(&text);
        let mut at = 0;
        for t in &toks {
            prop_assert_eq!(t.span.start, at);
            at = t.span.end;
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn arbitrary_utf8_never_panics_and_scores_stay_in_range(a in any::<String>(), b in any::<String>()) {
        let r = analyze(&[Source::new("a", a), Source::new("b", b)], &Config::default()).unwrap();
        for x in all_scores(&r) {
            prop_assert!(x.is_finite() && (0.0..=1.0).contains(&x));
        }
    }

    #[test]
    fn analysis_is_deterministic_and_in_range(texts in prop::collection::vec(newsy(), 1..5)) {
        let sources: Vec<Source> = texts.iter().enumerate().map(|(i, t)| Source::new(format!("s{i}"), t.clone())).collect();
        let one = serde_json::to_string(&analyze(&sources, &Config::default()).unwrap()).unwrap();
        let two = serde_json::to_string(&analyze(&sources, &Config::default()).unwrap()).unwrap();
        prop_assert_eq!(&one, &two);
        let r = analyze(&sources, &Config::default()).unwrap();
        for x in all_scores(&r) {
            prop_assert!(x.is_finite() && (0.0..=1.0).contains(&x));
        }
        // The matrix is symmetric with a zero diagonal.
        for i in 0..r.matrix.len() {
            prop_assert_eq!(r.matrix[i][i].get(), 0.0);
            for j in 0..r.matrix.len() {
                prop_assert_eq!(r.matrix[i][j], r.matrix[j][i]);
            }
        }
    }

    #[test]
    fn a_source_and_its_exact_copy_do_not_diverge(text in newsy()) {
        prop_assume!(text.split_whitespace().count() > 3);
        let r = analyze(&[Source::new("a", text.clone()), Source::new("b", text)], &Config::default()).unwrap();
        if r.sources[0].sentences.is_empty() {
            return Ok(());
        }
        prop_assert_eq!(r.sources[0].unique_share.get(), 0.0);
        prop_assert_eq!(r.sources[1].unique_share.get(), 0.0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn issue_5_reordering_sources_only_permutes_the_report(texts in prop::collection::vec(article(), 2..5)) {
        let cfg = Config::default();
        let sources: Vec<Source> =
            texts.iter().enumerate().map(|(i, t)| Source::new(format!("s{i}"), t.clone())).collect();
        let n = sources.len();
        // perm[k] = original index of the source at position k: reversed order.
        let perm: Vec<usize> = (0..n).rev().collect();
        let moved: Vec<Source> = perm.iter().map(|&i| sources[i].clone()).collect();
        let a = analyze(&sources, &cfg).unwrap();
        let b = analyze(&moved, &cfg).unwrap();
        let pos = |orig: usize| perm.iter().position(|&p| p == orig).unwrap();
        for i in 0..n {
            let (sa, sb) = (&a.sources[i], &b.sources[pos(i)]);
            prop_assert!(close(sa.divergence.get(), sb.divergence.get()));
            prop_assert!(close(sa.unique_share.get(), sb.unique_share.get()));
            prop_assert!(close(sa.omitted_share.get(), sb.omitted_share.get()));
            prop_assert_eq!(&sa.unique, &sb.unique);
            prop_assert_eq!(sa.sentences.len(), sb.sentences.len());
            for (x, y) in sa.sentences.iter().zip(&sb.sentences) {
                prop_assert_eq!(x.best_relation, y.best_relation);
                let mut mine: Vec<(usize, usize, Relation)> =
                    x.counterparts.iter().map(|c| (pos(c.source), c.sentence, c.relation)).collect();
                let mut theirs: Vec<(usize, usize, Relation)> =
                    y.counterparts.iter().map(|c| (c.source, c.sentence, c.relation)).collect();
                mine.sort();
                theirs.sort();
                prop_assert_eq!(mine, theirs);
            }
            for j in 0..n {
                prop_assert!(close(a.matrix[i][j].get(), b.matrix[pos(i)][pos(j)].get()));
            }
        }
        for p in &a.pairs {
            let (x, y) = (pos(p.a), pos(p.b));
            let q = b.pairs.iter().find(|q| (q.a, q.b) == (x.min(y), x.max(y))).unwrap();
            // The pair is seen from the other side when the order flips.
            let flipped = x > y;
            let (cab, cba) = if flipped { (q.containment_ba, q.containment_ab) } else { (q.containment_ab, q.containment_ba) };
            prop_assert!(close(p.containment_ab.get(), cab.get()) && close(p.containment_ba.get(), cba.get()));
            prop_assert!(close(p.jsd.get(), q.jsd.get()));
            prop_assert_eq!(p.derivation, q.derivation);
            prop_assert_eq!(p.rewrite, q.rewrite);
            prop_assert_eq!(p.original.map(pos), q.original);
        }
        let families = |r: &Report, map: &dyn Fn(usize) -> usize| {
            let mut f: Vec<Vec<usize>> = r.families.iter().map(|f| {
                let mut m: Vec<usize> = f.sources.iter().map(|&s| map(s)).collect();
                m.sort();
                m
            }).collect();
            f.sort();
            f
        };
        prop_assert_eq!(families(&a, &pos), families(&b, &|s| s));
    }

    #[test]
    fn issue_5_a_source_and_its_exact_copy_are_identical_and_do_not_diverge(text in article()) {
        let r = analyze(&[Source::new("a", text.clone()), Source::new("b", text)], &Config::default()).unwrap();
        for (s, other) in [(0, 1), (1, 0)] {
            for (k, sent) in r.sources[s].sentences.iter().enumerate() {
                prop_assert!(
                    sent.counterparts.iter().any(|c| c.source == other && c.sentence == k && c.relation == Relation::Identical),
                    "sentence {} of {} has no identical copy: {:?}", k, s, sent.counterparts
                );
            }
            prop_assert_eq!(r.sources[s].divergence.get(), 0.0);
        }
        prop_assert_eq!(r.matrix[0][1].get(), 0.0);
        prop_assert_eq!(r.pairs[0].jsd.get(), 0.0);
    }

    #[test]
    fn issue_5_counterparts_name_each_other_back_with_the_same_scores(texts in prop::collection::vec(article(), 1..5)) {
        let sources: Vec<Source> =
            texts.iter().enumerate().map(|(i, t)| Source::new(format!("s{i}"), t.clone())).collect();
        let r = analyze(&sources, &Config::default()).unwrap();
        // A sentence's counterpart names it back with the same similarity when both are single
        // sentences (the comparison is symmetric).
        for (s, src) in r.sources.iter().enumerate() {
            for (k, sent) in src.sentences.iter().enumerate() {
                for c in sent.counterparts.iter().filter(|c| c.sentences == 1 && !c.part) {
                    if let Some(back) = r.sources[c.source].sentences[c.sentence]
                        .counterparts
                        .iter()
                        .find(|b| b.source == s && b.sentence == k && b.sentences == 1 && !b.part)
                    {
                        prop_assert_eq!(back.similarity, c.similarity);
                        prop_assert_eq!(back.paraphrase, c.paraphrase);
                    }
                }
            }
        }
    }
}
