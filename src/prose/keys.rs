//! The keys of the relation table (`relations::PATTERNS`) as one list built at compile
//! time, in pattern and key order (ties between patterns go to the earlier one, as in
//! the table), and sorted by first character for scanning a window of the key text.

use super::relations::PATTERNS;
use super::text::KeyText;
use super::words::Word;

/// One key of one pattern.
#[derive(Clone, Copy)]
pub struct Key {
    pub word: Word,
    /// Index into `PATTERNS`.
    pub pattern: usize,
}

const COUNT: usize = {
    let mut n = 0;
    let mut p = 0;
    while p < PATTERNS.len() {
        n += PATTERNS[p].keys.len();
        p += 1;
    }
    n
};

/// Every key, in pattern and key order.
pub const KEYS: [Key; COUNT] = {
    let mut out = [Key {
        word: Word::new(""),
        pattern: 0,
    }; COUNT];
    let mut n = 0;
    let mut p = 0;
    while p < PATTERNS.len() {
        let keys = PATTERNS[p].keys;
        let mut k = 0;
        while k < keys.len() {
            out[n] = Key {
                word: Word::new(keys[k]),
                pattern: p,
            };
            n += 1;
            k += 1;
        }
        p += 1;
    }
    out
};

/// Indices into `KEYS` sorted (stably) by the key's first or last character.
const fn sorted_by(last: bool) -> [(char, usize); COUNT] {
    let mut out = [('\0', 0usize); COUNT];
    let mut n = 0;
    while n < COUNT {
        let w = &KEYS[n].word;
        let e = (if last { w.last } else { w.first }, n);
        let mut j = n;
        while j > 0 && out[j - 1].0 as u32 > e.0 as u32 {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = e;
        n += 1;
    }
    out
}

/// Indices into `KEYS` sorted by the key's first character.
const BY_FIRST: [(char, usize); COUNT] = sorted_by(false);

/// Indices into `KEYS` sorted by the key's last character (for walking back from the
/// end of a phrase).
const BY_LAST: [(char, usize); COUNT] = sorted_by(true);

/// The keys that end with `c`, in pattern and key order.
pub fn ending_with(c: char) -> impl Iterator<Item = &'static Key> {
    let from = BY_LAST.partition_point(|e| (e.0 as u32) < c as u32);
    BY_LAST[from..]
        .iter()
        .take_while(move |e| e.0 == c)
        .map(|&(_, n)| &KEYS[n])
}

/// Which patterns have a key lying wholly inside key characters `[a, b)` (what
/// `slice(a, b).contains(key)` says for each key, without the string).
pub fn patterns_within(k: &KeyText, a: usize, b: usize) -> [bool; PATTERNS.len()] {
    let mut out = [false; PATTERNS.len()];
    let b = b.min(k.len());
    let a = a.min(b);
    for i in a..b {
        let c = k.chars[i];
        let from = BY_FIRST.partition_point(|e| (e.0 as u32) < c as u32);
        for &(first, n) in &BY_FIRST[from..] {
            if first != c {
                break;
            }
            let key = &KEYS[n];
            if !out[key.pattern] && i + key.word.len <= b && k.word_at(i, &key.word) {
                out[key.pattern] = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_complete() {
        assert!(BY_FIRST.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(BY_LAST.windows(2).all(|w| w[0].0 <= w[1].0));
        // Insertion sort is stable: equal last characters keep the table's order.
        assert!(BY_LAST
            .windows(2)
            .all(|w| w[0].0 != w[1].0 || w[0].1 < w[1].1));
        let n: usize = PATTERNS.iter().map(|p| p.keys.len()).sum();
        assert_eq!(KEYS.len(), n);
        assert_eq!(KEYS[0].word.text, PATTERNS[0].keys[0]);
    }

    #[test]
    fn agrees_with_strings() {
        let k = KeyText::new(
            "共收到申请，予以公开和部分公开，行政复议诉讼，其他处理",
            &[],
        );
        for a in 0..k.len() {
            for b in a..=k.len() + 1 {
                let s = k.slice(a, b);
                let want: Vec<bool> = PATTERNS
                    .iter()
                    .map(|p| p.keys.iter().any(|w| s.contains(w)))
                    .collect();
                assert_eq!(patterns_within(&k, a, b).to_vec(), want, "{a} {b}");
            }
        }
    }
}
