//! Word lists prepared at compile time for scanning the key text in place: each word's
//! first and last characters and length, and a filter of the list's first characters, so a window is searched without building a string for it and most
//! positions are passed over after one bit test.

use super::text::KeyText;

/// One word of a list.
#[derive(Clone, Copy)]
pub struct Word {
    pub text: &'static str,
    pub first: char,
    pub last: char,
    /// Length in characters.
    pub len: usize,
}

/// A list of words, in the order the list gives them.
pub struct Words {
    pub list: &'static [Word],
    firsts: [u64; 4],
}

/// Where a character falls in a 256-bit filter (a set bit means "may be in the set"):
/// which word, and the bit in it. 256 bits, not 64, because in 64 the commonest ASCII
/// of a report (space, '%', '(') share bits with the first characters of the lists.
const fn bit(c: char) -> (usize, u64) {
    let u = c as u32 % 256;
    ((u / 64) as usize, 1 << (u % 64))
}

/// The characters of UTF-8 `s` at byte `i`: (the character, its length in bytes).
const fn decode(s: &[u8], i: usize) -> (char, usize) {
    let lead = s[i] as u32;
    let (mut u, n) = if lead < 0x80 {
        (lead, 1)
    } else if lead < 0xE0 {
        (lead & 0x1F, 2)
    } else if lead < 0xF0 {
        (lead & 0x0F, 3)
    } else {
        (lead & 0x07, 4)
    };
    let mut j = 1;
    while j < n {
        u = (u << 6) | (s[i + j] as u32 & 0x3F);
        j += 1;
    }
    match char::from_u32(u) {
        Some(c) => (c, n),
        None => ('\0', n),
    }
}

impl Word {
    pub const fn new(text: &'static str) -> Word {
        let b = text.as_bytes();
        let (mut first, mut last, mut len) = ('\0', '\0', 0);
        let mut i = 0;
        while i < b.len() {
            let (c, n) = decode(b, i);
            if i == 0 {
                first = c;
            }
            last = c;
            len += 1;
            i += n;
        }
        Word {
            text,
            first,
            last,
            len,
        }
    }

    /// Every word of `list`, in order (`N` is `list.len()`).
    pub const fn array<const N: usize>(list: &[&'static str]) -> [Word; N] {
        let mut out = [Word {
            text: "",
            first: '\0',
            last: '\0',
            len: 0,
        }; N];
        let mut i = 0;
        while i < N {
            out[i] = Word::new(list[i]);
            i += 1;
        }
        out
    }
}

impl Words {
    pub const fn new(list: &'static [Word]) -> Words {
        let mut firsts = [0u64; 4];
        let mut i = 0;
        while i < list.len() {
            let (w, b) = bit(list[i].first);
            firsts[w] |= b;
            i += 1;
        }
        Words { list, firsts }
    }

    /// Whether some word may start with `c`.
    pub fn may_start(&self, c: char) -> bool {
        let (w, b) = bit(c);
        self.firsts[w] & b != 0
    }
}

/// A `Words` of a `&[&str]` constant, built at compile time.
macro_rules! words {
    ($list:expr) => {{
        const PREPARED: [$crate::prose::words::Word; $list.len()] =
            $crate::prose::words::Word::array($list);
        $crate::prose::words::Words::new(&PREPARED)
    }};
}
pub(crate) use words;

impl KeyText<'_> {
    /// Whether the key has `w` at `[i, i + w.len)`.
    pub fn word_at(&self, i: usize, w: &Word) -> bool {
        self.chars.get(i) == Some(&w.first)
            && i + w.len <= self.chars.len()
            && self.chars[i + w.len - 1] == w.last
            && self.has_at(i, w.text)
    }

    /// Where `w` starts if it ends at key index `e` and starts at or after `floor`.
    pub fn word_ending(&self, e: usize, floor: usize, w: &Word) -> Option<usize> {
        let s = e.checked_sub(w.len)?;
        (w.len > 0
            && s >= floor
            && e <= self.chars.len()
            && self.chars[e - 1] == w.last
            && self.has_at(s, w.text))
        .then_some(s)
    }

    /// Whether some word of `ws` lies wholly inside key characters `[a, b)` (what
    /// `slice(a, b).contains(w)` says for some `w`, without the string).
    pub fn contains_any(&self, a: usize, b: usize, ws: &Words) -> bool {
        let b = b.min(self.chars.len());
        let a = a.min(b);
        (a..b).any(|i| {
            let c = self.chars[i];
            ws.may_start(c)
                && ws
                    .list
                    .iter()
                    .any(|w| w.first == c && i + w.len <= b && self.word_at(i, w))
        })
    }

    /// Where `w` first lies wholly inside key characters `[a, b)` (as
    /// `slice(a, b).find(w)` would say, counted in key characters from 0).
    pub fn find(&self, a: usize, b: usize, w: &Word) -> Option<usize> {
        let b = b.min(self.chars.len());
        let mut i = a.min(b);
        // A tight scan for the first character, then the whole word.
        while let Some(off) = self.chars[i..b].iter().position(|&c| c == w.first) {
            i += off;
            if i + w.len <= b && self.word_at(i, w) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// Whether `w` lies wholly inside key characters `[a, b)`.
    pub fn contains(&self, a: usize, b: usize, w: &Word) -> bool {
        self.find(a, b, w).is_some()
    }

    /// Whether key characters `[a, b)` end with `w` (`slice(a, b).ends_with(w)`).
    pub fn window_ends_with(&self, a: usize, b: usize, w: &Word) -> bool {
        let b = b.min(self.chars.len());
        let a = a.min(b);
        self.word_ending(b, a, w).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["其中", "中", "另有", "a1"];
    const W: Words = words!(LIST);

    #[test]
    fn built_at_compile_time() {
        assert_eq!(W.list.len(), 4);
        assert_eq!(
            (W.list[0].first, W.list[0].last, W.list[0].len),
            ('其', '中', 2)
        );
        assert_eq!(
            (W.list[3].first, W.list[3].last, W.list[3].len),
            ('a', '1', 2)
        );
        assert!(W.may_start('另') && W.may_start('a'));
    }

    #[test]
    fn agrees_with_strings() {
        let k = KeyText::new("甲其中乙另有丙a1", &[]);
        let s: String = k.chars.iter().collect();
        let n = k.len();
        for a in 0..=n + 1 {
            for b in 0..=n + 1 {
                let sl = k.slice(a, b);
                let want = LIST.iter().any(|w| sl.contains(w));
                assert_eq!(k.contains_any(a, b, &W), want, "{s} {a} {b}");
                for w in W.list {
                    assert_eq!(k.contains(a, b, w), sl.contains(w.text));
                    let at = sl.find(w.text).map(|p| a.min(b) + sl[..p].chars().count());
                    assert_eq!(k.find(a, b, w), at);
                    assert_eq!(k.window_ends_with(a, b, w), sl.ends_with(w.text));
                }
            }
        }
    }
}
