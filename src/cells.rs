//! One cell's text → a value, keeping blank, dash and zero apart (domain-spec §E.5.4).

use std::borrow::Cow;

use crate::normalize::fold_width;
use crate::{Num, ReadHow};

#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub read: ReadHow,
    pub value: Option<Num>,
    /// Unit or parenthesised note kept beside the number.
    pub annotation: Option<String>,
}

impl Parsed {
    /// Counts as a table data cell (a number, a dash or a blank).
    pub fn is_data(&self) -> bool {
        !matches!(self.read, ReadHow::Unreadable)
    }
}

const DASHES: &[&str] = &["/", "-", "—", "——", "–", "－", "無", "无", "─", "—-", "\\"];
const UNITS: &[&str] = &["万元", "元", "件", "项", "个", "条", "人次", "次", "笔"];

const UNREADABLE: Parsed = Parsed {
    read: ReadHow::Unreadable,
    value: None,
    annotation: None,
};

/// A cell's first character (folded, after blanks) that can begin a number or a dash:
/// any other (a label, a word) makes the cell unreadable whatever follows.
fn may_begin_cell(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '+' | '-' | '/' | '\\' | '—' | '–' | '－' | '無' | '无' | '─'
        )
}

pub fn parse_cell(raw: &str) -> Parsed {
    // Plain digits (most cells), and label text (most of the rest, told by its first
    // character), take the short ways; both give what the general reading below would.
    if let Some(n) = plain_digits(raw) {
        return Parsed {
            read: ReadHow::Number,
            value: Some(n),
            annotation: None,
        };
    }
    let first = raw.chars().map(fold_width).find(|c| !c.is_whitespace());
    if first.is_some_and(|c| !may_begin_cell(c)) {
        return UNREADABLE;
    }
    // Most cells are plain ASCII digits: fold (and allocate) only when needed.
    let folded: Cow<str> = if raw.chars().all(|c| fold_width(c) == c) {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(raw.chars().map(fold_width).collect())
    };
    let t = folded.trim();
    if t.is_empty() {
        return Parsed {
            read: ReadHow::Blank,
            value: None,
            annotation: None,
        };
    }
    if DASHES.contains(&t) {
        return Parsed {
            read: ReadHow::DashZero,
            value: Some(Num::ZERO),
            annotation: None,
        };
    }
    match parse_number(t) {
        Some((n, note)) => Parsed {
            read: ReadHow::Number,
            value: Some(n),
            annotation: note,
        },
        None => UNREADABLE,
    }
}

/// Digits that always fit an i64 (10^18 < 2^63).
const MAX_PLAIN_DIGITS: usize = 18;

/// ASCII digits only, few enough to fit an i64: their value (as `Num::parse` gives it).
fn plain_digits(t: &str) -> Option<Num> {
    let b = t.as_bytes();
    if b.is_empty() || b.len() > MAX_PLAIN_DIGITS || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(Num::int(
        b.iter().fold(0, |v, &d| v * 10 + i64::from(d - b'0')),
    ))
}

/// A number with optional sign, thousands separators, decimals, a unit and a bracketed
/// note: "3,490", "+1036", "251000元", "22(其中修订 16 件)". Anything else → None.
fn parse_number(t: &str) -> Option<(Num, Option<String>)> {
    let bytes = t.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+') | Some(b'-')) {
        i = 1;
    }
    let num_start = 0;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b',' || bytes[i] == b'.') {
        i += 1;
    }
    let body = &t[num_start..i];
    let digits = body.trim_start_matches(['+', '-']);
    if digits.is_empty() || !digits.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    // What follows the number is looked at first: a label that starts with digits
    // ("1.属于国家秘密") is text whatever they are, and costs no number parse.
    let rest = t[i..].trim();
    let mut rest_after_unit = rest;
    for u in UNITS {
        if let Some(r) = rest.strip_prefix(u) {
            rest_after_unit = r.trim();
            break;
        }
    }
    let ok_note = rest_after_unit.is_empty()
        || (rest_after_unit.starts_with(['(', '（']) && rest_after_unit.ends_with([')', '）']));
    if !ok_note {
        return None;
    }
    let n = match plain_digits(body) {
        Some(n) => n,
        None => Num::parse(&strip_thousands(body)?)?,
    };
    Some((n, (!rest.is_empty()).then(|| rest.to_string())))
}

/// Removes thousands separators only in the exact `\d{1,3}(,\d{3})+` shape, so that
/// "1,2" is not read as 12.
fn strip_thousands(body: &str) -> Option<Cow<'_, str>> {
    if !body.contains(',') {
        return Some(Cow::Borrowed(body));
    }
    let unsigned = body.trim_start_matches(['+', '-']);
    let (int_part, frac) = match unsigned.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (unsigned, None),
    };
    let groups: Vec<&str> = int_part.split(',').collect();
    let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
    if !first_ok || groups.iter().skip(1).any(|g| g.len() != 3) {
        return None;
    }
    let sign = &body[..body.len() - unsigned.len()];
    let mut s = format!("{sign}{}", groups.concat());
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    Some(Cow::Owned(s))
}

/// The digits glued to the end of a token ("出具0", "数量801000081"): start offset of
/// the digit run within `t`, if the token has text before it.
pub fn glued_tail(t: &str) -> Option<usize> {
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits == t.len() {
        return None;
    }
    let start = t.len() - digits;
    let before = t[..start].chars().last()?;
    // "1." or "(3" are numbering, not data.
    if before.is_ascii_punctuation() || before.is_ascii_digit() {
        return None;
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<Num> {
        parse_cell(s).value
    }

    #[test]
    fn reads_numbers_dashes_and_blanks() {
        assert_eq!(v("23"), Some(Num::int(23)));
        assert_eq!(v("１２３"), Some(Num::int(123)));
        assert_eq!(v("11,398,889"), Some(Num::int(11_398_889)));
        assert_eq!(parse_cell("1,2").read, ReadHow::Unreadable);
        assert_eq!(v("+1036"), Some(Num::int(1036)));
        assert_eq!(v("3490.9558").unwrap().to_string(), "3490.9558");
        assert_eq!(parse_cell("/").read, ReadHow::DashZero);
        assert_eq!(parse_cell("无").read, ReadHow::DashZero);
        assert_eq!(parse_cell(" ").read, ReadHow::Blank);
        assert_eq!(parse_cell("abc").read, ReadHow::Unreadable);
        assert_eq!(parse_cell("1.属于国家秘密").read, ReadHow::Unreadable);
        let p = parse_cell("22（其中修订 16 件）");
        assert_eq!(p.value, Some(Num::int(22)));
        assert_eq!(p.annotation.as_deref(), Some("(其中修订 16 件)"));
        let p = parse_cell("251000元");
        assert_eq!(p.value, Some(Num::int(251000)));
    }

    #[test]
    fn glued_tails() {
        assert_eq!(glued_tail("出具0"), Some("出具".len()));
        assert_eq!(glued_tail("数量801000081"), Some("数量".len()));
        assert_eq!(glued_tail("1."), None);
        assert_eq!(glued_tail("123"), None);
        assert_eq!(glued_tail("项目"), None);
    }
}
