//! A stable merge sort whose comparison may fail or be inconsistent: it
//! never panics and always leaves a permutation of the input.

pub fn sort_by<T: Clone, E>(v: &mut [T], mut less: impl FnMut(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion-sort small runs, then merge bottom-up.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(&v[j], &v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            buf.clear();
            let (mut i, mut j) = (lo, mid);
            let mut err = None;
            while i < mid && j < hi {
                match less(&v[j], &v[i]) {
                    Ok(true) => {
                        buf.push(v[j].clone());
                        j += 1;
                    }
                    Ok(false) => {
                        buf.push(v[i].clone());
                        i += 1;
                    }
                    Err(e) => {
                        err = Some(e);
                        break;
                    }
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..hi]);
            v[lo..hi].clone_from_slice(&buf);
            if let Some(e) = err {
                return Err(e);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}
