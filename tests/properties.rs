//! Properties of the whole pipeline (issue 2): scores in [0, 1], determinism, lossless
//! tokenization, no panic on arbitrary UTF-8.
#![cfg(not(target_arch = "wasm32"))]

use parallax::{analyze, tokenize, Config, Source};
use proptest::prelude::*;

fn all_scores(r: &parallax::Report) -> Vec<f64> {
    let mut v = Vec::new();
    for s in &r.sources {
        v.extend([s.divergence.get(), s.unique_share.get(), s.omitted_share.get()]);
        for sent in &s.sentences {
            v.extend(sent.counterparts.iter().map(|c| c.similarity.get()));
        }
    }
    for p in &r.pairs {
        v.extend(
            [p.coverage_ab, p.coverage_ba, p.containment_ab, p.containment_ba, p.jsd, p.divergence].map(|s| s.get()),
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
