//! Buffers whose size a script chooses (`'x' * n`, `s.rjust(n)`,
//! `n.to_bytes(k)`, format widths): reserving one may fail, and the failure
//! is a MemoryError the script can catch, never an abort of the process.

use crate::eval::Vm;
use crate::runtime::object::PyErr;

/// A reservation the allocator refused.
#[derive(Debug)]
pub struct TooLarge;

impl Vm {
    pub fn memory_error(&self) -> PyErr {
        self.new_error("MemoryError", "")
    }
}

impl From<std::collections::TryReserveError> for TooLarge {
    fn from(_: std::collections::TryReserveError) -> TooLarge {
        TooLarge
    }
}

/// An empty vector with room for `n` items.
pub fn vec_with_capacity<T>(n: usize) -> Result<Vec<T>, TooLarge> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)?;
    Ok(v)
}

/// An empty string with room for `n` bytes.
pub fn string_with_capacity(n: usize) -> Result<String, TooLarge> {
    let mut s = String::new();
    s.try_reserve_exact(n)?;
    Ok(s)
}

/// `n` bytes given as `count * size` (item counts times item sizes), or
/// TooLarge when the product does not fit in memory's address space.
pub fn bytes_for(count: usize, size: usize) -> Result<usize, TooLarge> {
    count.checked_mul(size).filter(|&n| n <= isize::MAX as usize).ok_or(TooLarge)
}

/// `data` repeated `n` times.
pub fn repeat_bytes(data: &[u8], n: usize) -> Result<Vec<u8>, TooLarge> {
    let total = bytes_for(data.len(), n)?;
    let mut out = vec_with_capacity(total)?;
    if total == 0 {
        return Ok(out);
    }
    out.extend_from_slice(data);
    // Doubling copies: log2(n) memcpys instead of n.
    while out.len() * 2 <= total {
        out.extend_from_within(..);
    }
    let rest = total - out.len();
    out.extend_from_within(..rest);
    Ok(out)
}

/// `s` repeated `n` times.
pub fn repeat_str(s: &str, n: usize) -> Result<String, TooLarge> {
    let bytes = repeat_bytes(s.as_bytes(), n)?;
    // Whole copies of valid UTF-8 are valid UTF-8.
    String::from_utf8(bytes).map_err(|_| TooLarge)
}

/// `items` repeated `n` times.
pub fn repeat_items<T: Clone>(items: &[T], n: usize) -> Result<Vec<T>, TooLarge> {
    let total = items.len().checked_mul(n).ok_or(TooLarge)?;
    bytes_for(total, std::mem::size_of::<T>())?;
    let mut out = vec_with_capacity(total)?;
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// `text` with `left` and `right` copies of `fill` around it.
pub fn pad_str(text: &str, left: usize, right: usize, fill: char) -> Result<String, TooLarge> {
    let fill_len = fill.len_utf8();
    let total = bytes_for(left.checked_add(right).ok_or(TooLarge)?, fill_len)?.checked_add(text.len()).ok_or(TooLarge)?;
    let mut out = string_with_capacity(total)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `data` with `left` and `right` copies of `fill` around it.
pub fn pad_bytes(data: &[u8], left: usize, right: usize, fill: u8) -> Result<Vec<u8>, TooLarge> {
    let total = left.checked_add(right).and_then(|n| n.checked_add(data.len())).ok_or(TooLarge)?;
    let mut out = vec_with_capacity(total)?;
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(total, fill);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_and_pads() {
        assert_eq!(repeat_str("ab", 3).unwrap(), "ababab");
        assert_eq!(repeat_str("é", 5).unwrap(), "ééééé");
        assert_eq!(repeat_bytes(b"", 10).unwrap(), b"");
        assert_eq!(repeat_items(&[1, 2], 2).unwrap(), vec![1, 2, 1, 2]);
        assert_eq!(pad_str("x", 2, 1, '*').unwrap(), "**x*");
        assert_eq!(pad_bytes(b"x", 1, 2, b'-').unwrap(), b"-x--");
    }

    #[test]
    fn impossible_sizes_are_refused() {
        assert!(repeat_bytes(b"xy", usize::MAX / 2).is_err());
        assert!(repeat_str("x", 1 << 62).is_err());
        assert!(pad_str("x", 1 << 62, 0, 'é').is_err());
        assert!(pad_bytes(b"x", usize::MAX, 1, b' ').is_err());
        assert!(vec_with_capacity::<u64>(1 << 60).is_err());
    }
}
