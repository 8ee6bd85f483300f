//! Sorting compiled once for the whole crate.
//!
//! The standard library's sorts are generic over the element type and the comparison, so every
//! call with its own closure compiled its own copy of driftsort or ipnsort: about 90 KB of the
//! WebAssembly for 40 calls (`node scripts/wasm-cost.mjs --top 200 Rust`). These sort a list of
//! positions instead, with one merge sort that is not generic (it calls the comparison through
//! `&mut dyn FnMut`), then move the elements into place, so each call compiles only its closure
//! and a swap loop. The sort is stable: it orders like `sort_by`. Where the code sorted with an
//! unstable sort, the comparison tells every two different elements apart, so the order is the
//! same. Plain `sort_unstable()` stays for the hot lists of integers, and only for two types,
//! `u64` and `u128` (each compiled type is a quicksort of 1–5 KB): a pair of integers is packed
//! into one wider integer that sorts as the pair would (`(hash, source)` as
//! `hash << 32 | source`), lists of `u32` ids are widened to `u64` in the WebAssembly
//! ([`IdSort`]), and lists sorted once at load time (strings) take the merge sort below. Nine
//! compiled types became two: 9.2 KB less gzipped WebAssembly.

use std::cmp::Ordering;

/// Stable sorting through one compiled merge sort.
pub(crate) trait StableSort<T> {
    /// Sorts by `cmp`, keeping equal elements in their order (as `slice::sort_by`).
    fn stable_sort_by(&mut self, cmp: impl FnMut(&T, &T) -> Ordering);

    /// Sorts by the key `f` gives, keeping equal keys in their order (as `slice::sort_by_key`).
    fn stable_sort_by_key<K: Ord>(&mut self, mut f: impl FnMut(&T) -> K) {
        self.stable_sort_by(|a, b| f(a).cmp(&f(b)));
    }

    /// Sorts in the elements' order (as `slice::sort`).
    fn stable_sort(&mut self)
    where
        T: Ord,
    {
        self.stable_sort_by(T::cmp);
    }
}

impl<T> StableSort<T> for [T] {
    fn stable_sort_by(&mut self, mut cmp: impl FnMut(&T, &T) -> Ordering) {
        if self.len() < 2 {
            return;
        }
        let mut order: Vec<usize> = (0..self.len()).collect();
        {
            let items: &[T] = self;
            merge_sort(&mut order, &mut |a, b| cmp(&items[a], &items[b]));
        }
        permute(self, &mut order);
    }
}

/// Sorts positions by `cmp`, stably: insertion sort on runs of 16, then merges of doubling width.
fn merge_sort(v: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    const RUN: usize = 16;
    let n = v.len();
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && cmp(v[j - 1], v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut a, mut b, mut k) = (lo, mid, lo);
            while a < mid && b < hi {
                // The right run's element goes first only when strictly smaller: stability.
                if cmp(v[b], v[a]) == Ordering::Less {
                    buf[k] = v[b];
                    b += 1;
                } else {
                    buf[k] = v[a];
                    a += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - a)].copy_from_slice(&v[a..mid]);
            k += mid - a;
            buf[k..k + (hi - b)].copy_from_slice(&v[b..hi]);
        }
        v.copy_from_slice(&buf);
        width *= 2;
    }
}

/// Rearranges `items` so that position `k` holds the element that was at `order[k]`, following
/// each cycle of the permutation with swaps (`order` is used up).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

/// Unstable sorting of word and term ids. In the WebAssembly a list of `u32` is widened to
/// `u64`, sorted with the `u64` lists, and narrowed back: a quicksort per integer type is 3–5 KB
/// of the module (1.7 KB gzipped for this one), and the copy costs about 1 % of the analysis's
/// instructions. Natively, where size does not matter, `u32` keeps its own quicksort.
pub(crate) trait IdSort {
    /// Sorts in ascending order (as `slice::sort_unstable`; equal ids are indistinguishable).
    fn sort_ids(&mut self);
}

impl IdSort for [u32] {
    fn sort_ids(&mut self) {
        #[cfg(target_arch = "wasm32")]
        widened_sort(self);
        #[cfg(not(target_arch = "wasm32"))]
        self.sort_unstable();
    }
}

impl IdSort for [u64] {
    fn sort_ids(&mut self) {
        self.sort_unstable();
    }
}

/// Sorts `u32`s through the `u64` sort (the WebAssembly's [`IdSort`]; tested natively).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn widened_sort(v: &mut [u32]) {
    if v.len() < 2 {
        return;
    }
    let mut wide: Vec<u64> = v.iter().map(|&x| u64::from(x)).collect();
    wide.sort_unstable();
    for (x, w) in v.iter_mut().zip(wide) {
        *x = w as u32;
    }
}

/// `(key, value)` items grouped by key, in key order, each key's values in their order: what a
/// `BTreeMap<K, Vec<V>>` filled in this order holds, without compiling the tree's code for each
/// key type (a `BTreeMap` of a new type was 2–4 KB of the WebAssembly).
pub(crate) fn group_by_key<K: Ord, V>(mut items: Vec<(K, V)>) -> Vec<(K, Vec<V>)> {
    items.stable_sort_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<(K, Vec<V>)> = Vec::new();
    for (k, v) in items {
        match out.last_mut() {
            Some((last, values)) if *last == k => values.push(v),
            _ => out.push((k, vec![v])),
        }
    }
    out
}

/// Inserts `x` into a sorted list without repeats, unless it is there: a small ordered set.
pub(crate) fn insert_sorted(v: &mut Vec<usize>, x: usize) {
    if let Err(at) = v.binary_search(&x) {
        v.insert(at, x);
    }
}

/// Calls `each(i, j)` for every `a[i]` and `b[j]` that `cmp` finds equal, walking two lists
/// sorted in `cmp`'s order once (a merge join). An item found several times on one side pairs
/// with its counterparts in order, as the positions meet.
pub(crate) fn for_each_common<A, B>(
    a: &[A],
    b: &[B],
    cmp: impl Fn(&A, &B) -> Ordering,
    mut each: impl FnMut(usize, usize),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match cmp(&a[i], &b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                each(i, j);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Number of equal items of two sorted lists, repeats included (each repeat pairs once).
pub(crate) fn common_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let mut n = 0;
    for_each_common(a, b, T::cmp, |_, _| n += 1);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pseudo-random keys with many ties, at lengths around the run and merge boundaries.
        let mut seed = 7u64;
        for n in [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 257, 1000] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u32, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            let mut got = v.clone();
            got.stable_sort_by_key(|x| x.0);
            assert_eq!(got, want, "n = {n}");
            let mut want = v.clone();
            want.sort_by_key(|x| std::cmp::Reverse(x.0));
            let mut got = v;
            got.stable_sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(got, want, "n = {n}, descending");
        }
        let mut words = vec!["pear", "apple", "fig", "apple"];
        words.stable_sort();
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }

    #[test]
    fn ids_sort_like_the_standard_sort() {
        let mut seed = 3u64;
        for n in [0, 1, 2, 20, 33, 1000] {
            let v: Vec<u32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    // Values across the whole range, the top ones included, with repeats.
                    if seed % 5 == 0 {
                        u32::MAX - (seed >> 62) as u32
                    } else {
                        (seed >> 40) as u32 % 97
                    }
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            let mut got = v.clone();
            got.sort_ids();
            assert_eq!(got, want, "n = {n}");
            let mut widened = v;
            widened_sort(&mut widened);
            assert_eq!(widened, want, "n = {n}, widened");
        }
    }

    #[test]
    fn groups_and_sets_hold_what_the_tree_collections_hold() {
        use std::collections::{BTreeMap, BTreeSet};
        let mut seed = 11u64;
        let items: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((seed >> 58) as u32, i)
            })
            .collect();
        let mut tree: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut set: BTreeSet<usize> = BTreeSet::new();
        let mut list = Vec::new();
        for &(k, v) in &items {
            tree.entry(k).or_default().push(v);
            set.insert(k as usize);
            insert_sorted(&mut list, k as usize);
        }
        assert_eq!(group_by_key(items), tree.into_iter().collect::<Vec<_>>());
        assert_eq!(list, set.into_iter().collect::<Vec<_>>());
        assert!(group_by_key(Vec::<(u8, u8)>::new()).is_empty());
    }

    #[test]
    fn common_items_of_sorted_lists() {
        assert_eq!(common_count(&[1, 2, 2, 3, 7], &[2, 2, 2, 5, 7]), 3);
        assert_eq!(common_count::<u32>(&[], &[1]), 0);
        let mut pairs = Vec::new();
        for_each_common(&[(1, 'a'), (4, 'b')], &[4, 5], |x, y| x.0.cmp(y), |i, j| pairs.push((i, j)));
        assert_eq!(pairs, [(1, 0)]);
    }
}
