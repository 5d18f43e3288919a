//! "Did you mean ...?": the known name closest to a mistyped one, for the
//! last line of a NameError's or AttributeError's traceback, as CPython 3.10+.
//!
//! Closeness is an edit distance where changing only a letter's case costs
//! half of any other edit, so `Print` finds `print` before `prin` does; a
//! name further than about a third of the two lengths is no suggestion.

/// The candidate closest to `name`, if any is close enough.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Very long names are not typos worth the quadratic work.
    if name.is_empty() || name.len() > 40 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == name || candidate.len() > 40 {
            continue;
        }
        // In half-steps: a third of the two lengths, in whole edits.
        let limit = (name.len() + candidate.len() + 3) / 3;
        let cost = distance(name, candidate);
        if cost <= limit && best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance in half-steps: 1 for a change of case, 2 for any other
/// substitution, insertion or deletion.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).map(|j| 2 * j).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = 2 * (i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = if ca == cb {
                0
            } else if ca.to_lowercase().eq(cb.to_lowercase()) {
                1
            } else {
                2
            };
            let next = (diagonal + substitution).min(row[j] + 2).min(row[j + 1] + 2);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn typos_find_the_name_meant() {
        let names = ["print", "len", "isinstance", "Counter"];
        assert_eq!(closest("pritn", names), Some("print"));
        assert_eq!(closest("Print", names), Some("print"));
        assert_eq!(closest("isinstanse", names), Some("isinstance"));
        assert_eq!(closest("Len", names), Some("len"));
        assert_eq!(closest("xyz", names), None);
        assert_eq!(closest("len", names), None);
        assert_eq!(closest("pritn", ["prin", "print"]), Some("prin"));
    }
}
