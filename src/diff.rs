//! Word-level differences between two short sequences (two quotes, two aligned sentences).
//!
//! A longest-common-subsequence table over the words, after trimming the common prefix and
//! suffix. This is all parallax needs from a diff library: the sequences are a quote or a
//! sentence long, so the quadratic table is small, and above `max_cells` table cells the middle
//! is reported as one replacement instead of being aligned word by word. (The `similar` crate
//! would add about 59 KB gzipped to the WASM build for Myers' algorithm and text helpers that
//! this use does not need.)

use std::ops::Range;

/// What happened to a run of words going from `a` to `b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// The same words on both sides.
    Equal,
    /// Words of `a` missing from `b`.
    Delete,
    /// Words of `b` missing from `a`.
    Insert,
    /// Words of `a` replaced by words of `b`.
    Replace,
}

/// One run of the diff: word index ranges into `a` and `b` (one of them empty for a delete or
/// an insert).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edit {
    pub op: Op,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// The edits that turn `a` into `b`, in order, covering both sequences. Deterministic: among
/// equally long common subsequences the one that keeps the earliest words of `a` wins.
pub(crate) fn diff<T: PartialEq>(a: &[T], b: &[T], max_cells: usize) -> Vec<Edit> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);

    let mut runs: Vec<(Op, usize, usize)> = Vec::new(); // (op, words of a, words of b)
    push(&mut runs, Op::Equal, prefix, prefix);
    if ma.is_empty() || mb.is_empty() || ma.len().saturating_mul(mb.len()) > max_cells {
        push(&mut runs, Op::Delete, ma.len(), 0);
        push(&mut runs, Op::Insert, 0, mb.len());
    } else {
        for op in lcs_ops(ma, mb) {
            match op {
                Op::Equal => push(&mut runs, Op::Equal, 1, 1),
                Op::Delete => push(&mut runs, Op::Delete, 1, 0),
                _ => push(&mut runs, Op::Insert, 0, 1),
            }
        }
    }
    push(&mut runs, Op::Equal, suffix, suffix);

    // Adjacent deletes and inserts form one replacement.
    let mut merged: Vec<(Op, usize, usize)> = Vec::with_capacity(runs.len());
    for (op, na, nb) in runs {
        match merged.last_mut() {
            Some(last) if op != Op::Equal && last.0 != Op::Equal => {
                last.0 = Op::Replace;
                last.1 += na;
                last.2 += nb;
            }
            _ => merged.push((op, na, nb)),
        }
    }
    let (mut i, mut j) = (0, 0);
    merged
        .into_iter()
        .map(|(op, na, nb)| {
            let op = match (op, na, nb) {
                (Op::Equal, ..) => Op::Equal,
                (_, _, 0) => Op::Delete,
                (_, 0, _) => Op::Insert,
                _ => Op::Replace,
            };
            let e = Edit { op, a: i..i + na, b: j..j + nb };
            i += na;
            j += nb;
            e
        })
        .collect()
}

/// Appends a run, merging it into the previous run of the same operation.
fn push(runs: &mut Vec<(Op, usize, usize)>, op: Op, na: usize, nb: usize) {
    if na == 0 && nb == 0 {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.0 == op => {
            last.1 += na;
            last.2 += nb;
        }
        _ => runs.push((op, na, nb)),
    }
}

/// Unit operations of one LCS alignment (Equal, Delete, Insert) from the start of both sequences.
fn lcs_ops<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    // table[i * w + j] = LCS length of a[i..] and b[j..], so the walk below goes forwards.
    let mut table = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * w + j] = if a[i] == b[j] {
                table[(i + 1) * w + j + 1] + 1
            } else {
                table[(i + 1) * w + j].max(table[i * w + j + 1])
            };
        }
    }
    let mut ops = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            ops.push(Op::Equal);
            i += 1;
            j += 1;
        } else if table[(i + 1) * w + j] >= table[i * w + j + 1] {
            ops.push(Op::Delete);
            i += 1;
        } else {
            ops.push(Op::Insert);
            j += 1;
        }
    }
    ops.extend(std::iter::repeat_n(Op::Delete, n - i));
    ops.extend(std::iter::repeat_n(Op::Insert, m - j));
    ops
}

/// Number of words the two sides share in order (the LCS length found by [`diff`]).
pub(crate) fn common(edits: &[Edit]) -> usize {
    edits.iter().filter(|e| e.op == Op::Equal).map(|e| e.a.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    fn show(a: &str, b: &str) -> Vec<(Op, String, String)> {
        let (wa, wb) = (words(a), words(b));
        diff(&wa, &wb, 10_000).into_iter().map(|e| (e.op, wa[e.a].join(" "), wb[e.b].join(" "))).collect()
    }

    #[test]
    fn edits_cover_both_sides() {
        use Op::*;
        let s = |x: &str| x.to_string();
        assert_eq!(show("a b c", "a b c"), vec![(Equal, s("a b c"), s("a b c"))]);
        assert_eq!(
            show("very soon over the next days", "very soon"),
            vec![(Equal, s("very soon"), s("very soon")), (Delete, s("over the next days"), s(""))]
        );
        assert_eq!(
            show("we will win this war", "we will end this war"),
            vec![
                (Equal, s("we will"), s("we will")),
                (Replace, s("win"), s("end")),
                (Equal, s("this war"), s("this war"))
            ]
        );
        assert_eq!(
            show("x a b y", "a z b"),
            vec![
                (Delete, s("x"), s("")),
                (Equal, s("a"), s("a")),
                (Insert, s(""), s("z")),
                (Equal, s("b"), s("b")),
                (Delete, s("y"), s(""))
            ]
        );
        assert_eq!(show("", "a"), vec![(Insert, s(""), s("a"))]);
        assert!(show("", "").is_empty());
    }

    #[test]
    fn over_the_cell_budget_the_middle_is_one_replacement() {
        let a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        b[50] = 1000;
        b[10] = 1001;
        let e = diff(&a, &b, 50);
        assert_eq!(e.len(), 3);
        assert_eq!(e[1].op, Op::Replace);
        assert_eq!(e[1].a, 10..51);
        assert_eq!(common(&diff(&a, &b, 100_000)), 98);
    }
}
