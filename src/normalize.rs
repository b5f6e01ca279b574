//! Character normalisation for matching labels, and the source map for positions.
//!
//! Matching never happens on the raw paste: full-width forms, traditional characters,
//! spaces inside labels ("自然 人") and bracket styles all vary between copies
//! (domain-spec §E.5). Positions always refer to the raw paste, so nothing here rewrites
//! the input; it produces keys for comparison.

/// Full-width ASCII variants and ideographic space to their ASCII forms (the part of NFKC
/// that matters for reports: digits, letters, brackets, colon, comma, slash).
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{202F}' | '\u{FEFF}' => ' ',
        _ => c,
    }
}

/// Traditional → simplified for the characters that occur in the official labels,
/// headings and markers (domain-spec §E.5 list, completed from the label texts).
/// Sorted by the traditional character (binary search; a test keeps it sorted).
const T2S: &[(char, char)] = &[
    ('佈', '布'),
    ('來', '来'),
    ('係', '系'),
    ('傳', '传'),
    ('價', '价'),
    ('內', '内'),
    ('則', '则'),
    ('務', '务'),
    ('區', '区'),
    ('問', '问'),
    ('單', '单'),
    ('國', '国'),
    ('執', '执'),
    ('報', '报'),
    ('實', '实'),
    ('審', '审'),
    ('對', '对'),
    ('屬', '属'),
    ('廢', '废'),
    ('廳', '厅'),
    ('強', '强'),
    ('後', '后'),
    ('復', '复'),
    ('徵', '征'),
    ('戶', '户'),
    ('採', '采'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('會', '会'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('機', '机'),
    ('權', '权'),
    ('歸', '归'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('減', '减'),
    ('準', '准'),
    ('濟', '济'),
    ('為', '为'),
    ('無', '无'),
    ('營', '营'),
    ('獲', '获'),
    ('現', '现'),
    ('當', '当'),
    ('發', '发'),
    ('眾', '众'),
    ('確', '确'),
    ('穩', '稳'),
    ('範', '范'),
    ('簡', '简'),
    ('糾', '纠'),
    ('納', '纳'),
    ('組', '组'),
    ('結', '结'),
    ('統', '统'),
    ('經', '经'),
    ('維', '维'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('繳', '缴'),
    ('繼', '继'),
    ('續', '续'),
    ('罰', '罚'),
    ('與', '与'),
    ('舉', '举'),
    ('萬', '万'),
    ('處', '处'),
    ('號', '号'),
    ('補', '补'),
    ('製', '制'),
    ('複', '复'),
    ('規', '规'),
    ('計', '计'),
    ('訊', '讯'),
    ('訟', '讼'),
    ('訪', '访'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('詢', '询'),
    ('認', '认'),
    ('請', '请'),
    ('議', '议'),
    ('護', '护'),
    ('費', '费'),
    ('質', '质'),
    ('購', '购'),
    ('轉', '转'),
    ('辦', '办'),
    ('辭', '辞'),
    ('這', '这'),
    ('過', '过'),
    ('鄉', '乡'),
    ('釋', '释'),
    ('鎮', '镇'),
    ('門', '门'),
    ('開', '开'),
    ('關', '关'),
    ('頁', '页'),
    ('項', '项'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('齊', '齐'),
];

/// One bit per CJK code point (U+4E00..U+A000) that has an entry in `T2S`, so the common
/// case — a character that is already simplified — costs one load, not a search.
const CJK_START: u32 = 0x4E00;
const CJK_END: u32 = 0xA000;
const T2S_BITS: [u64; ((CJK_END - CJK_START) / 64) as usize] = {
    let mut bits = [0u64; ((CJK_END - CJK_START) / 64) as usize];
    let mut i = 0;
    while i < T2S.len() {
        let c = T2S[i].0 as u32;
        if c >= CJK_START && c < CJK_END {
            let k = c - CJK_START;
            bits[(k / 64) as usize] |= 1 << (k % 64);
        }
        i += 1;
    }
    bits
};

pub fn to_simplified(c: char) -> char {
    let u = c as u32;
    if !(CJK_START..CJK_END).contains(&u) {
        return c;
    }
    let k = u - CJK_START;
    if T2S_BITS[(k / 64) as usize] & (1 << (k % 64)) == 0 {
        return c;
    }
    T2S.binary_search_by_key(&c, |(t, _)| *t)
        .map_or(c, |i| T2S[i].1)
}

/// The comparison key of a label: width-folded, simplified, no whitespace, unified
/// brackets and punctuation, quotes dropped, "1、" / "1．" as "1.".
pub fn label_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key(&mut out, s);
    out
}

/// Appends the label key of `s` to `out`.
pub fn push_key(out: &mut String, s: &str) {
    // Most characters are their own key: they are copied as runs, not one by one.
    let mut run = 0;
    let mut after_digit = false;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // The two commonest cases in a tight loop, as `next_key` answers them: an
        // ideograph with no traditional form, and ASCII that is its own key whatever
        // came before.
        let x = b[i];
        if (0xE4..=0xE9).contains(&x) && i + 2 < b.len() {
            let u = (u32::from(x & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F);
            if u >= CJK_START {
                let k = u - CJK_START;
                if T2S_BITS[(k / 64) as usize] & (1 << (k % 64)) == 0 {
                    after_digit = false;
                    i += 3;
                    continue;
                }
            }
        } else if x > b' ' && x < 0x80 && !matches!(x, b'"' | b'\'' | b',') {
            after_digit = x.is_ascii_digit();
            i += 1;
            continue;
        } else if matches!(x, b'\t'..=b'\r' | b' ') {
            // Blanks (between the cells of a row) are dropped.
            out.push_str(&s[run..i]);
            i += 1;
            run = i;
            continue;
        }
        let (len, k) = next_key(s, i, &mut after_digit);
        if k != Key::Same {
            out.push_str(&s[run..i]);
            run = i + len;
            if let Key::To(k) = k {
                out.push(k);
            }
        }
        i += len;
    }
    out.push_str(&s[run..]);
}

/// `label_key(s).is_empty()`, without building the key.
pub fn key_is_empty(s: &str) -> bool {
    let mut after_digit = false;
    let mut i = 0;
    while i < s.len() {
        let (len, k) = next_key(s, i, &mut after_digit);
        if k != Key::Drop {
            return false;
        }
        i += len;
    }
    true
}

/// What one source character becomes in a label key.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Key {
    /// Itself.
    Same,
    /// Another character.
    To(char),
    /// Nothing (whitespace, quotes).
    Drop,
}

/// The key of the character at byte `i` of `s` (a char boundary) and its length, as
/// `key_char` gives it; `after_digit` is read and carried along. Works on bytes: ASCII
/// and the CJK ideographs that are already simplified (nearly all of a report) take a
/// few instructions each.
#[inline(always)]
pub fn next_key(s: &str, i: usize, after_digit: &mut bool) -> (usize, Key) {
    let b = s.as_bytes();
    let x = b[i];
    if x < 0x80 {
        let k = match x {
            b'\t'..=b'\r' | b' ' | b'"' | b'\'' => return (1, Key::Drop),
            b',' if *after_digit => Key::To('.'),
            _ => Key::Same,
        };
        *after_digit = x.is_ascii_digit();
        return (1, k);
    }
    // A three-byte sequence (lead 0xE0..0xEF) of a valid str.
    if x & 0xF0 == 0xE0 && i + 2 < b.len() {
        let u = (u32::from(x & 0x0F) << 12)
            | (u32::from(b[i + 1] & 0x3F) << 6)
            | u32::from(b[i + 2] & 0x3F);
        if (CJK_START..CJK_END).contains(&u) {
            *after_digit = false;
            let k = u - CJK_START;
            if T2S_BITS[(k / 64) as usize] & (1 << (k % 64)) == 0 {
                return (3, Key::Same);
            }
            return match char::from_u32(u) {
                Some(c) => (3, Key::To(to_simplified(c))),
                None => (3, Key::Same),
            };
        }
        // The other characters common in labels, as `key_char` gives them: full-width
        // ASCII (brackets, digits, colon, comma) folded, the enumeration comma and full
        // stop, and curly quotes.
        if (0xFF01..=0xFF5E).contains(&u) {
            let k = match (u - 0xFEE0) as u8 {
                b'"' | b'\'' => return (3, Key::Drop),
                b',' if *after_digit => b'.',
                a => a,
            };
            *after_digit = k.is_ascii_digit();
            return (3, Key::To(char::from(k)));
        }
        if matches!(u, 0x3001 | 0x3002) {
            let k = if *after_digit {
                Key::To('.')
            } else {
                Key::Same
            };
            *after_digit = false;
            return (3, k);
        }
        if matches!(u, 0x2018 | 0x2019 | 0x201C | 0x201D) {
            return (3, Key::Drop);
        }
    }
    let Some(c) = s[i..].chars().next() else {
        return (1, Key::Drop);
    };
    let key = match key_char(c, *after_digit) {
        Some(k) if k == c => Key::Same,
        Some(k) => Key::To(k),
        None => return (c.len_utf8(), Key::Drop),
    };
    *after_digit = matches!(key, Key::To(k) if k.is_ascii_digit());
    (c.len_utf8(), key)
}

/// One character of a label key (`None`: not part of the key). `after_digit`: the
/// previous key character is an ASCII digit, so "、" / "．" / "，" number a label.
#[inline]
pub fn key_char(c: char, after_digit: bool) -> Option<char> {
    // The two common cases first, with the same result as the general rule below:
    // ASCII needs no folding, and a CJK ideograph is only ever simplified.
    if c.is_ascii() {
        return match c {
            '\t'..='\r' | ' ' | '"' | '\'' => None,
            ',' if after_digit => Some('.'),
            c => Some(c),
        };
    }
    if (CJK_START..CJK_END).contains(&(c as u32)) {
        return Some(to_simplified(c));
    }
    let c = to_simplified(fold_width(c));
    let c = match c {
        '〔' | '［' | '【' => '[',
        '〕' | '］' | '】' => ']',
        '：' => ':',
        '，' => ',',
        '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' => return None,
        c if c.is_whitespace() => return None,
        c => c,
    };
    Some(if after_digit && matches!(c, '、' | '．' | ',' | '。') {
        '.'
    } else {
        c
    })
}

/// Haystack length (bytes) from which the standard searcher's setup pays for itself:
/// longer than any table label, as long as a line of prose.
pub const LONG_HAY: usize = 96;

/// Substring test for short label keys. `str::contains` sets up a two-way searcher per
/// call, which dominates when hundreds of keywords are tried against short lines.
pub fn has(hay: &str, needle: &str) -> bool {
    if hay.len() > LONG_HAY {
        return hay.contains(needle);
    }
    rfind(hay, needle).is_some()
}

/// Byte offset of the last occurrence of `needle` in `hay`.
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    if n.len() > h.len() {
        return None;
    }
    // Chinese characters share a few lead bytes, so also test the needle's last byte
    // before comparing the whole window.
    let last = n[n.len() - 1];
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| h[i] == first && h[i + n.len() - 1] == last && &h[i..i + n.len()] == n)
}

/// The char boundary at or before byte `i` (clamped to the text).
pub fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after byte `i` (clamped to the text).
pub fn ceil_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// One-based line and column (in chars) of a byte offset.
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset asked for, its line and its column: the cells of a line are asked
    /// for left to right, so each counts the characters from the previous one, not from
    /// the line start, and needs no search for its line.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let (at, at_line, at_col) = self.last.get();
        // On the last offset's line, after it: that line, as the search would find.
        let line = if at <= offset && self.starts.get(at_line).is_none_or(|&next| offset < next) {
            at_line
        } else {
            self.starts.partition_point(|&s| s <= offset).max(1)
        };
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = match text.get(at..offset) {
            // From the last offset when it is on this line (`get` has checked that it is a
            // char boundary before `offset`).
            Some(s) if at >= start => at_col + s.chars().count(),
            _ => text.get(start..offset).map_or(1, |s| s.chars().count() + 1),
        };
        if text.is_char_boundary(offset) && offset <= text.len() {
            self.last.set((offset, line, col));
        }
        (line, col)
    }

    pub fn span(&self, text: &str, start: usize, end: usize) -> crate::Span {
        let (line, col) = self.line_col(text, start);
        crate::Span {
            start,
            end,
            line,
            col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_width_spaces_and_script() {
        assert_eq!(label_key("（三）不 予公開"), label_key("(三)不予公开"));
        assert_eq!(
            label_key("1、本機關不掌握相關政府信息"),
            "1.本机关不掌握相关政府信息"
        );
        assert_eq!(label_key("３.危及“三安全一穩定”"), "3.危及三安全一稳定");
        assert_eq!(label_key("自然\u{3000}人"), "自然人");
    }

    #[test]
    fn naive_search() {
        assert_eq!(rfind("予以公开予以公开", "予以"), Some(12));
        assert!(has("(七)总计", "总计"));
        assert!(!has("总", "总计"));
        assert!(!has("abc", ""));
    }

    /// The rule `key_char` implements, without its fast paths.
    fn key_char_plain(c: char, after_digit: bool) -> Option<char> {
        let c = to_simplified(fold_width(c));
        let c = match c {
            '〔' | '［' | '【' => '[',
            '〕' | '］' | '】' => ']',
            '：' => ':',
            '，' => ',',
            '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' => return None,
            c if c.is_whitespace() => return None,
            c => c,
        };
        Some(if after_digit && matches!(c, '、' | '．' | ',' | '。') {
            '.'
        } else {
            c
        })
    }

    #[test]
    fn key_char_fast_paths_keep_the_rule() {
        for u in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            for after in [false, true] {
                assert_eq!(key_char(c, after), key_char_plain(c, after), "{u:#x}");
            }
        }
    }

    #[test]
    fn byte_keys_keep_the_rule() {
        let plain = |s: &str| {
            let mut out = String::new();
            for c in s.chars() {
                let after = out.chars().last().is_some_and(|p: char| p.is_ascii_digit());
                if let Some(k) = key_char(c, after) {
                    out.push(k);
                }
            }
            out
        };
        for s in [
            "（三）不 予公開 1、本機關 2，3．4。５、６，“引”\u{a0}x\u{3000}y 0,1 a'b\"c",
            "關於１２３，４５６。七、八】【〔〕：；",
            "\u{1F600}é\t\r\n\u{b}\u{c}",
        ] {
            assert_eq!(label_key(s), plain(s), "{s}");
        }
        // Every character of the Basic Multilingual Plane after each kind of predecessor.
        let mut s = String::new();
        for u in 0x20..0x1_0000u32 {
            if let Some(c) = char::from_u32(u) {
                for p in ['1', 'a', '、'] {
                    s.push(p);
                    s.push(c);
                }
            }
        }
        assert_eq!(label_key(&s), plain(&s));
    }

    #[test]
    fn t2s_table_is_sorted() {
        assert!(T2S.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(to_simplified('關'), '关');
    }

    #[test]
    fn line_col_counts_chars() {
        let t = "ab\n中文x";
        let li = LineIndex::new(t);
        assert_eq!(li.line_col(t, 0), (1, 1));
        assert_eq!(li.line_col(t, 3), (2, 1));
        assert_eq!(li.line_col(t, 9), (2, 3));
    }
}
