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
const T2S: &[(char, char)] = &[
    ('條', '条'),
    ('項', '项'),
    ('發', '发'),
    ('廢', '废'),
    ('現', '现'),
    ('規', '规'),
    ('範', '范'),
    ('處', '处'),
    ('決', '决'),
    ('數', '数'),
    ('許', '许'),
    ('罰', '罚'),
    ('強', '强'),
    ('費', '费'),
    ('額', '额'),
    ('單', '单'),
    ('萬', '万'),
    ('業', '业'),
    ('請', '请'),
    ('況', '况'),
    ('組', '组'),
    ('織', '织'),
    ('構', '构'),
    ('務', '务'),
    ('總', '总'),
    ('計', '计'),
    ('關', '关'),
    ('係', '系'),
    ('為', '为'),
    ('於', '于'),
    ('開', '开'),
    ('結', '结'),
    ('轉', '转'),
    ('辦', '办'),
    ('區', '区'),
    ('這', '这'),
    ('國', '国'),
    ('穩', '稳'),
    ('護', '护'),
    ('權', '权'),
    ('屬', '属'),
    ('類', '类'),
    ('內', '内'),
    ('過', '过'),
    ('執', '执'),
    ('詢', '询'),
    ('補', '补'),
    ('訪', '访'),
    ('舉', '举'),
    ('報', '报'),
    ('訴', '诉'),
    ('複', '复'),
    ('復', '复'),
    ('獲', '获'),
    ('確', '确'),
    ('認', '认'),
    ('繳', '缴'),
    ('納', '纳'),
    ('繼', '继'),
    ('續', '续'),
    ('議', '议'),
    ('訟', '讼'),
    ('維', '维'),
    ('糾', '纠'),
    ('審', '审'),
    ('經', '经'),
    ('製', '制'),
    ('題', '题'),
    ('無', '无'),
    ('機', '机'),
    ('後', '后'),
    ('當', '当'),
    ('會', '会'),
    ('對', '对'),
    ('減', '减'),
    ('採', '采'),
    ('購', '购'),
    ('統', '统'),
    ('據', '据'),
    ('與', '与'),
    ('來', '来'),
    ('門', '门'),
    ('縣', '县'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('號', '号'),
    ('頁', '页'),
    ('廳', '厅'),
    ('沒', '没'),
    ('規', '规'),
    ('訊', '讯'),
    ('條', '条'),
    ('實', '实'),
    ('歸', '归'),
    ('釋', '释'),
    ('齊', '齐'),
    ('則', '则'),
    ('質', '质'),
    ('務', '务'),
    ('問', '问'),
    ('濟', '济'),
    ('設', '设'),
    ('務', '务'),
    ('辭', '辞'),
    ('準', '准'),
    ('徵', '征'),
    ('價', '价'),
    ('簡', '简'),
    ('傳', '传'),
    ('戶', '户'),
    ('眾', '众'),
    ('辦', '办'),
    ('佈', '布'),
    ('營', '营'),
];

pub fn to_simplified(c: char) -> char {
    if (c as u32) < 0x4E00 {
        return c;
    }
    T2S.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s)
}

/// The comparison key of a label: width-folded, simplified, no whitespace, unified
/// brackets and punctuation, quotes dropped, "1、" / "1．" as "1.".
pub fn label_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = to_simplified(fold_width(c));
        let c = match c {
            '〔' | '［' | '【' => '[',
            '〕' | '］' | '】' => ']',
            '：' => ':',
            '，' => ',',
            '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' => continue,
            c if c.is_whitespace() => continue,
            c => c,
        };
        let after_digit = out.chars().last().is_some_and(|p: char| p.is_ascii_digit());
        let c = if after_digit && matches!(c, '、' | '．' | ',' | '。') {
            '.'
        } else {
            c
        };
        out.push(c);
    }
    out
}

/// One-based line and column (in chars) of a byte offset.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
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
    fn line_col_counts_chars() {
        let t = "ab\n中文x";
        let li = LineIndex::new(t);
        assert_eq!(li.line_col(t, 0), (1, 1));
        assert_eq!(li.line_col(t, 3), (2, 1));
        assert_eq!(li.line_col(t, 9), (2, 3));
    }
}
