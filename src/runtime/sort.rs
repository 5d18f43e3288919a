//! A stable, adaptive merge sort for `list.sort()` whose comparison may fail or lie.
//!
//! Python's `list.sort` calls `__lt__`, which can raise an exception or answer
//! inconsistently (NaN, buggy user classes). Rust's `slice::sort_by` needs a total
//! order and may panic otherwise, so this module implements CPython's `listsort`
//! design (Objects/listsort.txt) in safe Rust:
//!
//! * natural runs are found and strictly descending runs reversed in place;
//! * short runs are extended to a minimum run length with binary insertion sort;
//! * runs are kept on a stack and merged following the "powersort" rule that
//!   CPython 3.11 uses;
//! * merges trim the parts already in place and switch to galloping (exponential
//!   search) when one run keeps winning, which saves comparisons on partly
//!   ordered data.
//!
//! Whatever `less` answers, the sort terminates, never panics and never loses or
//! duplicates an element. When `less` returns `Err`, sorting stops at once and the
//! error is returned with the slice holding a permutation of its input.
//!
//! Elements are moved only by swapping. Merging parks the shorter run in a scratch
//! buffer; the buffer is padded with clones of one element of the slice (hence
//! `T: Clone`), so the whole sort clones at most `len / 2` times.

/// Initial number of consecutive wins that switches a merge to galloping
/// (CPython's `MIN_GALLOP`).
const MIN_GALLOP: usize = 7;

/// Sorts `v` stably in ascending order, using only `less(a, b)` ("is `a < b`").
///
/// Equal elements keep their relative order. On `Err` the sort stops after the
/// failing comparison and returns that error; `v` is then some permutation of
/// its original contents. Inconsistent answers never cause a panic or a loss of
/// elements; they only make the final order unspecified.
///
/// A panic inside `less` is not caught: elements parked in the scratch buffer at
/// that moment would be replaced by clones of another element.
pub fn sort_by<T: Clone, E>(
    v: &mut [T],
    less: impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let len = v.len();
    if len < 2 {
        return Ok(());
    }
    let mut state = MergeState::new(v, less);
    state.sort_runs()
}

/// One pending run on the merge stack: `v[start..start + len]` is sorted.
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    len: usize,
    /// Powersort "power" of the boundary between this run and the next one.
    power: u32,
}

/// Everything one call of [`sort_by`] needs.
struct MergeState<'a, T, F> {
    v: &'a mut [T],
    less: F,
    /// Scratch space for the shorter run of a merge (padding values outside merges).
    tmp: Vec<T>,
    /// Clone source used to grow `tmp`.
    filler: T,
    min_gallop: usize,
    runs: Vec<Run>,
}

impl<'a, T: Clone, E, F: FnMut(&T, &T) -> Result<bool, E>> MergeState<'a, T, F> {
    /// `v` must not be empty.
    fn new(v: &'a mut [T], less: F) -> Self {
        let filler = v[0].clone();
        MergeState {
            v,
            less,
            tmp: Vec::new(),
            filler,
            min_gallop: MIN_GALLOP,
            runs: Vec::new(),
        }
    }

    /// The main loop of CPython's `listsort`.
    fn sort_runs(&mut self) -> Result<(), E> {
        let len = self.v.len();
        let min_run = compute_min_run(len);
        let mut start = 0;
        while start < len {
            let mut run_len = self.count_run(start)?;
            if run_len < min_run {
                let forced = min_run.min(len - start);
                self.binary_insertion_sort(start, start + forced, start + run_len)?;
                run_len = forced;
            }
            self.found_new_run(start, run_len)?;
            start += run_len;
        }
        self.force_collapse()
    }

    /// Length of the natural run starting at `start`; a strictly descending run
    /// is reversed so that it ascends.
    fn count_run(&mut self, start: usize) -> Result<usize, E> {
        let v = &*self.v;
        let end = v.len();
        if start + 1 >= end {
            return Ok(end - start);
        }
        let mut i = start + 2;
        if (self.less)(&v[start + 1], &v[start])? {
            while i < end && (self.less)(&v[i], &v[i - 1])? {
                i += 1;
            }
            self.v[start..i].reverse();
        } else {
            while i < end && !(self.less)(&v[i], &v[i - 1])? {
                i += 1;
            }
        }
        Ok(i - start)
    }

    /// Sorts `v[lo..hi]` given that `v[lo..sorted_end]` is already sorted.
    fn binary_insertion_sort(&mut self, lo: usize, hi: usize, sorted_end: usize) -> Result<(), E> {
        for i in sorted_end.max(lo + 1)..hi {
            let v = &*self.v;
            let less = &mut self.less;
            // First position in v[lo..i] whose element is greater than the pivot.
            let offset = bisect(i - lo, |p| Ok(!less(&v[i], &v[lo + p])?))?;
            self.v[lo + offset..=i].rotate_right(1);
        }
        Ok(())
    }

    /// Pushes the run `v[start..start + len]`, first merging the runs the
    /// powersort invariant says must be merged (CPython's `found_new_run`).
    fn found_new_run(&mut self, start: usize, len: usize) -> Result<(), E> {
        if let Some(top) = self.runs.last().copied() {
            let power = node_power(top.start, top.len, len, self.v.len());
            while self.runs.len() > 1 && self.runs[self.runs.len() - 2].power > power {
                self.merge_at(self.runs.len() - 2)?;
            }
            if let Some(top) = self.runs.last_mut() {
                top.power = power;
            }
        }
        self.runs.push(Run {
            start,
            len,
            power: 0,
        });
        Ok(())
    }

    /// Merges all pending runs (CPython's `merge_force_collapse`).
    fn force_collapse(&mut self) -> Result<(), E> {
        while self.runs.len() > 1 {
            let mut n = self.runs.len() - 2;
            if n > 0 && self.runs[n - 1].len < self.runs[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// Merges runs `i` and `i + 1` of the stack into one.
    fn merge_at(&mut self, i: usize) -> Result<(), E> {
        let a = self.runs[i];
        let b = self.runs[i + 1];
        self.runs[i].len = a.len + b.len;
        self.runs[i].power = b.power;
        self.runs.remove(i + 1);
        self.merge_adjacent(a.start, a.len, b.len)
    }

    /// Merges the sorted runs `v[lo..lo + na]` and `v[lo + na..lo + na + nb]`.
    fn merge_adjacent(&mut self, lo: usize, na: usize, nb: usize) -> Result<(), E> {
        let mid = lo + na;
        let hi = mid + nb;
        // Elements of A not greater than B[0] are already in place.
        let skip = {
            let (v, less) = (&*self.v, &mut self.less);
            gallop_from_left(na, |p| Ok(!less(&v[mid], &v[lo + p])?))?
        };
        let lo = lo + skip;
        if lo == mid {
            return Ok(());
        }
        // Elements of B not less than A's last element are already in place.
        let keep_b = {
            let (v, less) = (&*self.v, &mut self.less);
            gallop_from_right(nb, |p| less(&v[mid + p], &v[mid - 1]))?
        };
        let hi = hi - (nb - keep_b);
        if keep_b == 0 {
            return Ok(());
        }
        if mid - lo <= hi - mid {
            self.merge_low(lo, mid, hi)
        } else {
            self.merge_high(lo, mid, hi)
        }
    }

    /// Makes `tmp` hold at least `n` values.
    fn reserve_tmp(&mut self, n: usize) {
        while self.tmp.len() < n {
            self.tmp.push(self.filler.clone());
        }
    }

    /// Merges `v[lo..mid]` (the shorter run) with `v[mid..hi]`, left to right.
    fn merge_low(&mut self, lo: usize, mid: usize, hi: usize) -> Result<(), E> {
        let na = mid - lo;
        self.reserve_tmp(na);
        self.v[lo..mid].swap_with_slice(&mut self.tmp[..na]);
        let mut cursor = LowCursor {
            a: 0,
            a_end: na,
            b: mid,
            b_end: hi,
            dest: lo,
        };
        let result = self.merge_low_loop(&mut cursor);
        // The holes v[dest..b] receive what is left of A, on success and on error.
        let left = cursor.a_end - cursor.a;
        self.v[cursor.dest..cursor.dest + left]
            .swap_with_slice(&mut self.tmp[cursor.a..cursor.a_end]);
        result
    }

    /// The merge proper; on `Err` it stops at once, leaving `c` describing
    /// where the remaining elements of A belong.
    fn merge_low_loop(&mut self, c: &mut LowCursor) -> Result<(), E> {
        let (v, tmp, less) = (&mut *self.v, &mut self.tmp, &mut self.less);
        let min_gallop = &mut self.min_gallop;
        while c.a < c.a_end && c.b < c.b_end {
            c.pairwise(v, tmp, less, *min_gallop)?;
            // Galloping: move whole blocks while it keeps paying off.
            while c.a < c.a_end && c.b < c.b_end {
                *min_gallop = min_gallop.saturating_sub(1).max(1);
                let key = &v[c.b];
                let from_a = gallop_from_left(c.a_end - c.a, |p| Ok(!less(key, &tmp[c.a + p])?))?;
                c.take_a(v, tmp, from_a);
                if c.a == c.a_end {
                    break;
                }
                c.take_b(v, 1);
                if c.b == c.b_end {
                    break;
                }
                let key = &tmp[c.a];
                let b_slice = &v[c.b..c.b_end];
                let from_b = gallop_from_left(b_slice.len(), |p| less(&b_slice[p], key))?;
                c.take_b(v, from_b);
                if c.b == c.b_end {
                    break;
                }
                c.take_a(v, tmp, 1);
                if from_a < MIN_GALLOP && from_b < MIN_GALLOP {
                    *min_gallop += 1;
                    break;
                }
            }
        }
        Ok(())
    }

    /// Merges `v[lo..mid]` with `v[mid..hi]` (the shorter run), right to left.
    fn merge_high(&mut self, lo: usize, mid: usize, hi: usize) -> Result<(), E> {
        let nb = hi - mid;
        self.reserve_tmp(nb);
        self.v[mid..hi].swap_with_slice(&mut self.tmp[..nb]);
        let mut cursor = HighCursor {
            a_start: lo,
            a: mid,
            b: nb,
            dest: hi,
        };
        let result = self.merge_high_loop(&mut cursor);
        // The holes v[a..dest] receive what is left of B, on success and on error.
        self.v[cursor.a..cursor.dest].swap_with_slice(&mut self.tmp[..cursor.b]);
        result
    }

    /// The merge proper; on `Err` it stops at once, leaving `c` describing
    /// where the remaining elements of B belong.
    fn merge_high_loop(&mut self, c: &mut HighCursor) -> Result<(), E> {
        let (v, tmp, less) = (&mut *self.v, &mut self.tmp, &mut self.less);
        let min_gallop = &mut self.min_gallop;
        while c.a > c.a_start && c.b > 0 {
            c.pairwise(v, tmp, less, *min_gallop)?;
            while c.a > c.a_start && c.b > 0 {
                *min_gallop = min_gallop.saturating_sub(1).max(1);
                // A elements greater than B's last go to the right end.
                let key = &tmp[c.b - 1];
                let a_slice = &v[c.a_start..c.a];
                let keep_a = gallop_from_right(a_slice.len(), |p| Ok(!less(key, &a_slice[p])?))?;
                let from_a = a_slice.len() - keep_a;
                c.take_a(v, from_a);
                if c.a == c.a_start {
                    break;
                }
                c.take_b(v, tmp, 1);
                if c.b == 0 {
                    break;
                }
                // B elements not less than A's last go next.
                let key = &v[c.a - 1];
                let keep_b = gallop_from_right(c.b, |p| less(&tmp[p], key))?;
                let from_b = c.b - keep_b;
                c.take_b(v, tmp, from_b);
                if c.b == 0 {
                    break;
                }
                c.take_a(v, 1);
                if from_a < MIN_GALLOP && from_b < MIN_GALLOP {
                    *min_gallop += 1;
                    break;
                }
            }
        }
        Ok(())
    }
}

/// Positions of a left-to-right merge. A's remaining elements are
/// `tmp[a..a_end]`, B's are `v[b..b_end]`, and `v[dest..b]` are holes (spare
/// values parked there by swapping), always exactly `a_end - a` of them.
struct LowCursor {
    a: usize,
    a_end: usize,
    b: usize,
    b_end: usize,
    dest: usize,
}

impl LowCursor {
    /// Moves one element at a time until a run wins `min_gallop` times in a
    /// row or runs out. Both runs must be non-empty.
    fn pairwise<T, E>(
        &mut self,
        v: &mut [T],
        tmp: &mut [T],
        less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
        min_gallop: usize,
    ) -> Result<(), E> {
        let (mut wins_a, mut wins_b) = (0usize, 0usize);
        loop {
            let b_first = less(&v[self.b], &tmp[self.a])?;
            // Branch-free move: select the source, then swap it into the hole.
            let (holes, b_run) = v.split_at_mut(self.b);
            let source = if b_first {
                &mut b_run[0]
            } else {
                &mut tmp[self.a]
            };
            std::mem::swap(&mut holes[self.dest], source);
            self.dest += 1;
            self.b += usize::from(b_first);
            self.a += usize::from(!b_first);
            wins_b = (wins_b + 1) * usize::from(b_first);
            wins_a = (wins_a + 1) * usize::from(!b_first);
            if self.b == self.b_end || self.a == self.a_end || wins_a.max(wins_b) >= min_gallop {
                return Ok(());
            }
        }
    }

    fn take_a<T>(&mut self, v: &mut [T], tmp: &mut [T], n: usize) {
        v[self.dest..self.dest + n].swap_with_slice(&mut tmp[self.a..self.a + n]);
        self.a += n;
        self.dest += n;
    }

    fn take_b<T>(&mut self, v: &mut [T], n: usize) {
        for _ in 0..n {
            v.swap(self.dest, self.b);
            self.dest += 1;
            self.b += 1;
        }
    }
}

/// Positions of a right-to-left merge. A's remaining elements are
/// `v[a_start..a]`, B's are `tmp[..b]`, and `v[a..dest]` are holes, always
/// exactly `b` of them.
struct HighCursor {
    a_start: usize,
    a: usize,
    b: usize,
    dest: usize,
}

impl HighCursor {
    /// Moves one element at a time (from the right) until a run wins
    /// `min_gallop` times in a row or runs out. Both runs must be non-empty.
    fn pairwise<T, E>(
        &mut self,
        v: &mut [T],
        tmp: &mut [T],
        less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
        min_gallop: usize,
    ) -> Result<(), E> {
        let (mut wins_a, mut wins_b) = (0usize, 0usize);
        loop {
            let a_last = less(&tmp[self.b - 1], &v[self.a - 1])?;
            // Branch-free move: select the source, then swap it into the hole.
            let (a_run, holes) = v.split_at_mut(self.a);
            let source = if a_last {
                &mut a_run[self.a - 1]
            } else {
                &mut tmp[self.b - 1]
            };
            self.dest -= 1;
            std::mem::swap(&mut holes[self.dest - self.a], source);
            self.a -= usize::from(a_last);
            self.b -= usize::from(!a_last);
            wins_a = (wins_a + 1) * usize::from(a_last);
            wins_b = (wins_b + 1) * usize::from(!a_last);
            if self.a == self.a_start || self.b == 0 || wins_a.max(wins_b) >= min_gallop {
                return Ok(());
            }
        }
    }

    fn take_a<T>(&mut self, v: &mut [T], n: usize) {
        for _ in 0..n {
            self.a -= 1;
            self.dest -= 1;
            v.swap(self.dest, self.a);
        }
    }

    fn take_b<T>(&mut self, v: &mut [T], tmp: &mut [T], n: usize) {
        v[self.dest - n..self.dest].swap_with_slice(&mut tmp[self.b - n..self.b]);
        self.b -= n;
        self.dest -= n;
    }
}

/// CPython's `merge_compute_minrun`: a length in 32..=64 (or `n` itself when
/// smaller) such that `n / min_run` is a power of two or slightly less.
fn compute_min_run(mut n: usize) -> usize {
    let mut shifted_off = 0;
    while n >= 64 {
        shifted_off |= n & 1;
        n >>= 1;
    }
    n + shifted_off
}

/// Powersort: the depth of the boundary between the run `s1..s1 + n1` and the
/// following run of length `n2` in a list of length `n` (CPython's `powerloop`).
fn node_power(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    // Work with doubled midpoints so they are integers; compare the binary
    // expansions of a/n and b/n bit by bit until they differ. u128 avoids
    // overflow of the shifts.
    let n = n as u128;
    let mut a = 2 * s1 as u128 + n1 as u128;
    let mut b = a + n1 as u128 + n2 as u128;
    let mut power = 0;
    loop {
        power += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            return power;
        }
        a <<= 1;
        b <<= 1;
        if power >= 127 {
            // Unreachable for valid inputs (b - a >= 2 doubles every step).
            return power;
        }
    }
}

/// First index in `0..len` where `in_left` is false, assuming it is true on a
/// prefix and false afterwards; plain binary search. Always returns a value in
/// `0..=len`, whatever `in_left` answers.
fn bisect<E>(len: usize, mut in_left: impl FnMut(usize) -> Result<bool, E>) -> Result<usize, E> {
    bisect_range(0, len, &mut in_left)
}

/// Binary search for the first index in `lo..hi` where `in_left` is false
/// (or `hi`).
fn bisect_range<E>(
    mut lo: usize,
    mut hi: usize,
    in_left: &mut impl FnMut(usize) -> Result<bool, E>,
) -> Result<usize, E> {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if in_left(mid)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// Like [`bisect`], but probes 0, 1, 3, 7, ... first: cheap when the answer is
/// near the start.
fn gallop_from_left<E>(
    len: usize,
    mut in_left: impl FnMut(usize) -> Result<bool, E>,
) -> Result<usize, E> {
    if len == 0 || !in_left(0)? {
        return Ok(0);
    }
    // Invariant: in_left(last_true); the answer lies in last_true + 1..=hi.
    let mut last_true = 0;
    let mut offset = 1;
    let hi = loop {
        if offset >= len {
            break len;
        }
        if in_left(offset)? {
            last_true = offset;
            offset = offset.saturating_mul(2).saturating_add(1);
        } else {
            break offset;
        }
    };
    bisect_range(last_true + 1, hi, &mut in_left)
}

/// Like [`bisect`], but probes len-1, len-2, len-4, ... first: cheap when the
/// answer is near the end.
fn gallop_from_right<E>(
    len: usize,
    mut in_left: impl FnMut(usize) -> Result<bool, E>,
) -> Result<usize, E> {
    if len == 0 || in_left(len - 1)? {
        return Ok(len);
    }
    // Invariant: !in_left(first_false); the answer lies in lo..=first_false.
    let mut first_false = len - 1;
    let mut offset = 1;
    let lo = loop {
        if offset >= len {
            break 0;
        }
        let probe = len - 1 - offset;
        if in_left(probe)? {
            break probe + 1;
        }
        first_false = probe;
        offset = offset.saturating_mul(2).saturating_add(1);
    };
    bisect_range(lo, first_false, &mut in_left)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small deterministic PRNG (splitmix64) so the tests need no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn ok_less<T: Ord>(a: &T, b: &T) -> Result<bool, ()> {
        Ok(a < b)
    }

    /// Sorts `(key, original index)` pairs by key only and checks the result
    /// against std's stable sort: equal keys must keep their input order.
    fn check_against_std(keys: &[i64]) {
        let mut ours: Vec<(i64, usize)> = keys.iter().copied().zip(0..).collect();
        let mut expected = ours.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by(&mut ours, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
        assert_eq!(ours, expected, "input {:?}", &keys[..keys.len().min(50)]);
    }

    fn sorted_multiset<T: Ord + Clone>(v: &[T]) -> Vec<T> {
        let mut s = v.to_vec();
        s.sort();
        s
    }

    #[test]
    fn empty_and_single() {
        let mut empty: Vec<i32> = vec![];
        sort_by(&mut empty, ok_less).unwrap();
        let mut one = vec![5];
        sort_by(&mut one, ok_less).unwrap();
        assert_eq!(one, vec![5]);
    }

    #[test]
    fn random_data_matches_std_stable_sort() {
        let mut rng = Rng(1);
        for round in 0..600 {
            let len = match round % 4 {
                0 => rng.below(20) as usize,
                1 => rng.below(200) as usize,
                2 => rng.below(2000) as usize,
                _ => rng.below(10_000) as usize,
            };
            // Few distinct keys exercise stability; many exercise ordering.
            let distinct = [2u64, 10, 1000, u64::MAX][round % 4];
            let keys: Vec<i64> = (0..len).map(|_| rng.below(distinct) as i64).collect();
            check_against_std(&keys);
        }
    }

    #[test]
    fn structured_inputs_match_std() {
        for &n in &[
            0usize, 1, 2, 3, 31, 32, 33, 63, 64, 65, 127, 1000, 4097, 50_000,
        ] {
            let n_i = n as i64;
            check_against_std(&vec![7; n]);
            check_against_std(&(0..n_i).collect::<Vec<_>>());
            check_against_std(&(0..n_i).rev().collect::<Vec<_>>());
            check_against_std(&(0..n_i).map(|i| i % 17).collect::<Vec<_>>()); // sawtooth
            check_against_std(&(0..n_i).map(|i| -(i % 100)).collect::<Vec<_>>()); // descending teeth
            check_against_std(&(0..n_i).map(|i| i / 3).rev().collect::<Vec<_>>()); // descending with ties
            check_against_std(&(0..n_i).map(|i| (i * 7919) % 1009).collect::<Vec<_>>());
            // Sorted halves, and sorted data with a few random appended (galloping).
            let mut halves: Vec<i64> = (0..n_i / 2).map(|i| 2 * i).collect();
            halves.extend((0..n_i - n_i / 2).map(|i| 2 * i + 1));
            check_against_std(&halves);
            let mut appended: Vec<i64> = (0..n_i).collect();
            appended.extend([5, -3, 1_000_000, 42]);
            check_against_std(&appended);
        }
    }

    #[test]
    fn strictly_descending_run_is_reversed_but_ties_keep_order() {
        let mut v = vec![(3, 'a'), (2, 'b'), (2, 'c'), (1, 'd')];
        sort_by(&mut v, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
        assert_eq!(v, vec![(1, 'd'), (2, 'b'), (2, 'c'), (3, 'a')]);
    }

    #[test]
    fn random_comparator_keeps_a_permutation() {
        let mut rng = Rng(7);
        for round in 0..300 {
            let len = [5usize, 70, 700, 5000][round % 4];
            let data: Vec<u32> = (0..len as u32).collect();
            let mut v = data.clone();
            let mut answers = Rng(round as u64);
            let flip = rng.below(4);
            sort_by(&mut v, |a, b| {
                // Mix pure noise with a mostly-correct order that sometimes lies.
                Ok::<_, ()>(match flip {
                    0 => answers.below(2) == 0,
                    1 => (a < b) ^ (answers.below(10) == 0),
                    2 => true,
                    _ => false,
                })
            })
            .unwrap();
            assert_eq!(sorted_multiset(&v), data);
        }
    }

    #[test]
    fn nan_like_incomparable_values_do_not_break_anything() {
        let mut rng = Rng(3);
        let data: Vec<f64> = (0..3000)
            .map(|i| {
                if i % 7 == 0 {
                    f64::NAN
                } else {
                    rng.below(100) as f64
                }
            })
            .collect();
        let mut v = data.clone();
        sort_by(&mut v, |a, b| Ok::<_, ()>(a < b)).unwrap();
        let bits = |v: &[f64]| sorted_multiset(&v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        assert_eq!(bits(&v), bits(&data));
    }

    #[test]
    fn error_at_kth_comparison_stops_and_keeps_a_permutation() {
        let mut rng = Rng(11);
        for round in 0..400 {
            let len = [10usize, 100, 1000, 20_000][round % 4];
            let data: Vec<u64> = (0..len).map(|_| rng.below(1000)).collect();
            let fail_at = rng.below(len as u64 * 12) + 1;
            let mut v = data.clone();
            let mut calls = 0u64;
            let result = sort_by(&mut v, |a, b| {
                calls += 1;
                if calls == fail_at {
                    Err("boom")
                } else {
                    Ok(a < b)
                }
            });
            match result {
                Err(e) => {
                    assert_eq!(e, "boom");
                    assert_eq!(calls, fail_at, "no comparison after the error");
                }
                Ok(()) => {
                    assert!(calls < fail_at);
                    assert!(v.windows(2).all(|w| w[0] <= w[1]));
                }
            }
            assert_eq!(sorted_multiset(&v), sorted_multiset(&data));
        }
    }

    #[test]
    fn reference_counted_elements_are_neither_lost_nor_leaked() {
        use std::rc::Rc;
        let items: Vec<Rc<i32>> = (0..5000).map(|i| Rc::new((i * 37) % 101)).collect();
        let mut v = items.clone();
        let mut calls = 0;
        let _ = sort_by(&mut v, |a, b| {
            calls += 1;
            if calls == 20_000 { Err(()) } else { Ok(a < b) }
        });
        drop(v);
        assert!(items.iter().all(|rc| Rc::strong_count(rc) == 1));
    }

    #[test]
    fn comparison_count_is_small_on_presorted_data() {
        let mut v: Vec<i64> = (0..100_000).collect();
        let mut calls = 0usize;
        sort_by(&mut v, |a, b| {
            calls += 1;
            Ok::<_, ()>(a < b)
        })
        .unwrap();
        assert_eq!(calls, 99_999);
        // Two interleaved sorted halves: galloping keeps this near-linear.
        let mut v: Vec<i64> = (0..50_000).chain(0..50_000).collect();
        let mut calls = 0usize;
        sort_by(&mut v, |a, b| {
            calls += 1;
            Ok::<_, ()>(a < b)
        })
        .unwrap();
        assert!(calls < 400_000, "{calls} comparisons");
    }

    #[test]
    fn min_run_and_power_helpers() {
        assert_eq!(compute_min_run(63), 63);
        assert_eq!(compute_min_run(64), 32);
        assert_eq!(compute_min_run(65), 33);
        assert_eq!(compute_min_run(1_000_000), 62);
        assert_eq!(node_power(0, 5, 5, 10), 1);
        assert_eq!(node_power(0, 2, 3, 10), 2);
    }

    #[test]
    fn gallops_agree_with_bisect_and_stay_in_range() {
        for len in 0..40 {
            for answer in 0..=len {
                let pred = |p: usize| Ok::<_, ()>(p < answer);
                assert_eq!(gallop_from_left(len, pred).unwrap(), answer);
                assert_eq!(gallop_from_right(len, pred).unwrap(), answer);
                assert_eq!(bisect(len, pred).unwrap(), answer);
            }
            let mut rng = Rng(len as u64);
            for _ in 0..20 {
                let r = gallop_from_left(len, |_| Ok::<_, ()>(rng.below(2) == 0)).unwrap();
                assert!(r <= len);
                let r = gallop_from_right(len, |_| Ok::<_, ()>(rng.below(2) == 0)).unwrap();
                assert!(r <= len);
            }
        }
    }
}
