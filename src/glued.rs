//! Splitting a run of glued digits ("801000081") into cells using the table's own
//! structure: groups of parts whose last part is the sum of the others (Table 3 row:
//! one group of 7; Table 4: three groups of 5). The split *assumes* that relation, so
//! the caller marks the relation "cannot check" for the row; more than one fitting
//! split means no split at all (never a guess).

use crate::Num;

/// Longest part considered (values beyond 10^12 do not occur in these tables).
const MAX_PART: usize = 12;

/// Longest run tried: the search grows fast with the run's length, and a row of 15 cells
/// is far shorter.
const MAX_DIGITS: usize = 64;

#[derive(Debug, PartialEq)]
pub enum Split {
    /// Exactly one way fits.
    One(Vec<Num>),
    /// Several ways fit: the number of solutions found (capped).
    Ambiguous(usize),
    /// No way fits.
    None,
}

pub fn split(digits: &str, group: usize, groups: usize) -> Split {
    if group < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > MAX_DIGITS {
        return Split::None;
    }
    let mut found = Vec::new();
    let mut current = Vec::new();
    search(
        digits.as_bytes(),
        0,
        group,
        groups,
        &mut current,
        &mut found,
    );
    match found.len() {
        0 => Split::None,
        1 => Split::One(found.pop().unwrap_or_default()),
        n => Split::Ambiguous(n),
    }
}

fn part(d: &[u8]) -> Option<Num> {
    if d.is_empty() || d.len() > MAX_PART || (d.len() > 1 && d[0] == b'0') {
        return None;
    }
    Num::parse(std::str::from_utf8(d).ok()?)
}

fn search(
    d: &[u8],
    pos: usize,
    group: usize,
    groups_left: usize,
    current: &mut Vec<Num>,
    found: &mut Vec<Vec<Num>>,
) {
    if found.len() >= 2 {
        return;
    }
    if groups_left == 0 {
        if pos == d.len() {
            found.push(current.clone());
        }
        return;
    }
    let in_group = current.len() % group;
    let remaining_parts = (groups_left - 1) * group + (group - in_group);
    let left = d.len() - pos;
    if left < remaining_parts || left > remaining_parts * MAX_PART {
        return;
    }
    if in_group == group - 1 {
        // The group's last part must be the sum of its others: only one length fits.
        let base = current.len() - in_group;
        let Some(sum) = Num::sum(current[base..].iter().copied()) else {
            return;
        };
        let s = sum.to_string();
        if d[pos..].starts_with(s.as_bytes()) {
            current.push(sum);
            search(d, pos + s.len(), group, groups_left - 1, current, found);
            current.pop();
        }
        return;
    }
    for len in 1..=MAX_PART.min(left) {
        let Some(n) = part(&d[pos..pos + len]) else {
            if d[pos] == b'0' {
                break;
            }
            continue;
        };
        current.push(n);
        search(d, pos + len, group, groups_left, current, found);
        current.pop();
        if found.len() >= 2 {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(v: &[i64]) -> Vec<Num> {
        v.iter().map(|&i| Num::int(i)).collect()
    }

    #[test]
    fn unique_row_split() {
        assert_eq!(split("0000000", 7, 1), Split::One(nums(&[0; 7])));
        assert_eq!(
            split("230000023", 7, 1),
            Split::One(nums(&[23, 0, 0, 0, 0, 0, 23]))
        );
    }

    #[test]
    fn ambiguous_row_split() {
        assert!(matches!(split("1111114", 7, 1), Split::None));
        assert!(matches!(split("120000012", 7, 1), Split::One(_)));
        // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both fit.
        assert!(matches!(split("110000011", 7, 1), Split::Ambiguous(_)));
    }

    #[test]
    fn review_row_split() {
        let d = "110024001510102";
        // 1 1 0 0 2 | 4 0 0 1 5 | 1 0 1 0 2
        assert_eq!(
            split(d, 5, 3),
            Split::One(nums(&[1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]))
        );
    }
}
