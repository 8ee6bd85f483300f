//! Sorting compiled once for the whole crate.
//!
//! The standard library's sorts are generic over the element type and the comparison, so every
//! call with its own closure compiled its own copy of driftsort or ipnsort: about 90 KB of the
//! WebAssembly for 40 calls (`node scripts/wasm-cost.mjs --top 200 Rust`). These sort a list of
//! positions instead, with one merge sort that is not generic (it calls the comparison through
//! `&mut dyn FnMut`), then move the elements into place, so each call compiles only its closure
//! and a swap loop. The sort is stable: it orders like `sort_by`. Where the code sorted with an
//! unstable sort, the comparison tells every two different elements apart, so the order is the
//! same. The hot lists of integers are sorted unstably ([`IdSort`]: the standard library's
//! `sort_unstable` natively, a small introsort written out for the WebAssembly), and a pair of
//! integers is packed into one wider integer that sorts as the pair would (`(hash, source)` as
//! `hash << 32 | source`); lists sorted once at load time (strings) take the merge sort below.
//! Nine compiled types of the standard library's sorts became two (9.2 KB less gzipped
//! WebAssembly), and then none in the WebAssembly (issue 9, sixth round).

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

/// Unstable sorting of integer lists: word and term ids, and keys packed into one integer. In
/// the WebAssembly these go through [`sort_ints`] below; natively through the standard library's
/// `sort_unstable`. Equal integers are indistinguishable, so every sort gives the same list.
pub(crate) trait IdSort {
    /// Sorts in ascending order (as `slice::sort_unstable`).
    fn sort_ids(&mut self);
}

macro_rules! id_sort {
    ($($t:ty),*) => {$(
        impl IdSort for [$t] {
            fn sort_ids(&mut self) {
                #[cfg(target_arch = "wasm32")]
                sort_ints(self);
                #[cfg(not(target_arch = "wasm32"))]
                self.sort_unstable();
            }
        }
    )*};
}
id_sort!(u32, u64, u128);

/// Puts the `k` smallest integers of `v` first, in some order (as `select_nth_unstable(k - 1)`
/// does, and the rest after them): [`quickselect`] in the WebAssembly, the standard library's
/// natively.
pub(crate) fn select_smallest<T: Copy + Ord>(v: &mut [T], k: usize) {
    if k == 0 || k >= v.len() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    quickselect(v, k);
    #[cfg(not(target_arch = "wasm32"))]
    v.select_nth_unstable(k - 1);
}

/// Runs shorter than this are sorted by insertion.
const INSERTION_MAX: usize = 16;

/// An introsort of integers written out for the WebAssembly: quicksort (the median of three as
/// pivot, Lomuto's partition without branches), insertion sort below [`INSERTION_MAX`], and heapsort past a depth
/// of twice the logarithm of the length, so the worst case stays O(n log n). The standard
/// library's sorts, compiled for size, leave their inner loops' closures as a call per element:
/// sorting was 7 % of an analysis in Chromium's profile (issue 9). Tested natively against
/// `sort_unstable`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn sort_ints<T: Copy + Ord>(v: &mut [T]) {
    let depth = 2 * (usize::BITS - v.len().leading_zeros());
    quicksort(v, depth);
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn quicksort<T: Copy + Ord>(mut v: &mut [T], mut depth: u32) {
    loop {
        if v.len() <= INSERTION_MAX {
            insertion_sort(v);
            return;
        }
        if depth == 0 {
            heapsort(v);
            return;
        }
        depth -= 1;
        let p = partition(v);
        let (left, right) = v.split_at_mut(p);
        // `right` starts with the pivot, in its place. Nothing was below it: the items equal to
        // it go first and are left there, so a list of repeats takes linear time.
        let right = if left.is_empty() { skip_equal(right) } else { &mut right[1..] };
        // The shorter side by recursion, the longer by the loop: the stack stays logarithmic.
        if left.len() < right.len() {
            quicksort(left, depth);
            v = right;
        } else {
            quicksort(right, depth);
            v = left;
        }
    }
}

/// Puts the `k` smallest first (`0 < k < v.len()`): partitions the part holding the `k`-th until
/// it is short, then sorts that part; past the depth limit it sorts the part whole.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn quickselect<T: Copy + Ord>(v: &mut [T], k: usize) {
    let (mut lo, mut hi) = (0, v.len());
    let mut depth = 2 * (usize::BITS - v.len().leading_zeros());
    // Everything before `lo` is at most everything in `lo..hi`, which is at most everything from
    // `hi` on, and `lo < k < hi`.
    while lo < k && k < hi {
        let part = &mut v[lo..hi];
        if part.len() <= INSERTION_MAX || depth == 0 {
            sort_ints(part);
            return;
        }
        depth -= 1;
        // The pivot lands at `lo + p`, all before it smaller, all after it at least as large.
        let p = lo + partition(part);
        if k <= p {
            hi = p;
        } else {
            lo = p + 1;
        }
    }
}

/// Partitions `v` (longer than 3) around the median of its first, middle and last items: returns
/// the pivot's place `p`, every item before it smaller and every item after it at least as large.
/// Lomuto's scheme without a branch on the comparison (each item is swapped whatever it is, and
/// the boundary moves by the comparison's result): random keys mispredict half of such branches.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn partition<T: Copy + Ord>(v: &mut [T]) -> usize {
    let (mid, last) = (v.len() / 2, v.len() - 1);
    let (a, b, c) = (v[0], v[mid], v[last]);
    let median = if (a <= b) == (b <= c) {
        mid
    } else if (b <= a) == (a <= c) {
        0
    } else {
        last
    };
    v.swap(0, median);
    let store = to_front::<T, false>(v);
    v.swap(0, store - 1);
    store - 1
}

/// `v` starts with the pivot and holds nothing below it: moves the items equal to it to the front
/// and returns the rest.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn skip_equal<T: Copy + Ord>(v: &mut [T]) -> &mut [T] {
    let store = to_front::<T, true>(v);
    &mut v[store..]
}

/// Moves the items after the pivot `v[0]` that are below it (`OR_EQUAL`: at most it) to just
/// after it, and returns where the rest start: `v[1..store]` are those items, `v[store..]` the
/// others. The two items trade places by hand: `swap` stayed a call per item in the WebAssembly
/// (opt-level "z"), 1.4–3.4 % of an analysis's samples in its profile (issue 9).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[allow(clippy::manual_swap)] // By hand on purpose: see above.
#[inline(always)]
fn to_front<T: Copy + Ord, const OR_EQUAL: bool>(v: &mut [T]) -> usize {
    let pivot = v[0];
    let mut store = 1;
    for i in 1..v.len() {
        let x = v[i];
        v[i] = v[store];
        v[store] = x;
        store += usize::from(if OR_EQUAL { x <= pivot } else { x < pivot });
    }
    store
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn insertion_sort<T: Copy + Ord>(v: &mut [T]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn heapsort<T: Copy + Ord>(v: &mut [T]) {
    // A max-heap whose root is moved behind the heap, which shrinks by one, until it is empty.
    let sift = |v: &mut [T], mut at: usize, len: usize| loop {
        let mut child = 2 * at + 1;
        if child >= len {
            break;
        }
        if child + 1 < len && v[child] < v[child + 1] {
            child += 1;
        }
        if v[at] >= v[child] {
            break;
        }
        v.swap(at, child);
        at = child;
    };
    for at in (0..v.len() / 2).rev() {
        sift(v, at, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
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
        }
    }

    #[test]
    fn integer_sort_and_select_match_the_standard_ones() {
        let mut seed = 5u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed >> 11
        };
        // Random, few distinct values (many repeats), sorted, reversed, all equal, organ pipe.
        let shapes: [&dyn Fn(usize, u64) -> u64; 6] =
            [&|_, r| r, &|_, r| r % 3, &|i, _| i as u64, &|i, _| u64::MAX - i as u64, &|_, _| 7, &|i, _| {
                (i as u64).min(1000 - i as u64)
            }];
        for n in [0, 1, 2, 3, 4, 15, 16, 17, 33, 100, 1000] {
            for shape in &shapes {
                let v: Vec<u64> = (0..n).map(|i| shape(i, next())).collect();
                let mut want = v.clone();
                want.sort_unstable();
                let mut got = v.clone();
                sort_ints(&mut got);
                assert_eq!(got, want, "n = {n}");
                let wide: Vec<u128> = v.iter().map(|&x| u128::from(x) << 64 | u128::from(x % 5)).collect();
                let mut want_wide = wide.clone();
                want_wide.sort_unstable();
                let mut got_wide = wide.clone();
                sort_ints(&mut got_wide);
                assert_eq!(got_wide, want_wide, "n = {n}, u128");
                let mut heap = v.clone();
                heapsort(&mut heap);
                assert_eq!(heap, want, "n = {n}, heapsort");
                for k in [0, 1, n / 3, n / 2, n.saturating_sub(1), n] {
                    let mut sel = v.clone();
                    quickselect_checked(&mut sel, k);
                    let mut first = sel[..k.min(n)].to_vec();
                    first.sort_unstable();
                    assert_eq!(first, want[..k.min(n)], "n = {n}, k = {k}");
                    let mut all = sel;
                    all.sort_unstable();
                    assert_eq!(all, want, "n = {n}, k = {k}: a permutation");
                }
            }
        }
    }

    /// [`quickselect`] with the bounds [`select_smallest`] checks.
    fn quickselect_checked(v: &mut [u64], k: usize) {
        if k > 0 && k < v.len() {
            quickselect(v, k);
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
