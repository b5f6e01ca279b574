//! Who a report is from, and for which year, from its title.
//!
//! A batch summary names each report's agency, and cross-year checks pair this year's
//! report with last year's report of the same agency, so two copies of one agency's title
//! must give the same name however they were written: “青禾市示例局 2024 年政府信息公开
//! 工作年度报告”, “2024年青禾市示例局政府信息公开工作年度报告”, “《青禾市示例局2024年度
//! 政府信息公開工作年度報告》” all give 青禾市示例局. Pure functions on the title text; no
//! I/O, usable from the CLI and the page alike.

use crate::normalize::{fold_width, to_simplified};

/// What titles say after the agency's name, longest first (compared on the folded title,
/// so full-width and traditional copies match too).
const SUFFIXES: &[&str] = &[
    "政府信息公开工作年度报告",
    "政府信息公开年度工作报告",
    "政务信息公开工作年度报告",
    "政务公开工作年度报告",
    "政府信息公开年度报告",
    "政府信息公开工作报告",
    "信息公开工作年度报告",
    "信息公开年度报告",
    "工作年度报告",
    "年度报告",
];

/// Words around the name that are not part of it (“关于……的”, “（全文）”).
const PREFIXES: &[&str] = &["关于", "标题:", "题目:", "名称:", "文章标题:"];
const TAILS: &[&str] = &[
    "关于",
    "的",
    "度",
    "年",
    "工作",
    "政府信息公开",
    "政务公开",
    "信息公开",
    "报告",
];

/// Chinese digits as written in years (二〇二四年, 二零二四年).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The title folded for comparison: full-width forms to ASCII, traditional characters
/// (those of the labels) to simplified, whitespace and quotes removed, and Markdown
/// heading marks dropped.
fn fold(title: &str) -> Vec<char> {
    title
        .chars()
        .map(|c| to_simplified(fold_width(c)))
        .filter(|c| !c.is_whitespace() && !"\"“”'‘’「」#*".contains(*c))
        .collect()
}

/// A year written in `chars` at `i`: four ASCII digits 2000–2099 not preceded by a digit,
/// or four Chinese digits (二〇二四); the year and the number of chars it takes.
fn year_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let four = chars.get(i..i + 4)?;
    if i > 0 && chars.get(i - 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let y = if four.iter().all(char::is_ascii_digit) {
        if chars.get(i + 4).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        four.iter()
            .filter_map(|c| c.to_digit(10))
            .fold(0u32, |a, d| a * 10 + d)
    } else {
        let mut y = 0u32;
        for &c in four {
            y = y * 10 + cn_digit(c)?;
        }
        y
    };
    (2000..2100)
        .contains(&y)
        .then_some((y as i32, 4))
        .filter(|_| chars.get(i + 4) == Some(&'年'))
}

/// `hay.find(needle)` for a title-length haystack, without setting up a searcher per
/// call.
fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}

/// The report year its title names: the first year written “2024年”, “2024 年”,
/// “2024年度” or “二〇二四年”.
pub fn title_year(title: &str) -> Option<i32> {
    let chars = fold(title);
    (0..chars.len()).find_map(|i| year_at(&chars, i).map(|(y, _)| y))
}

/// The agency a report title names, normalised so that every copy of one agency's title
/// gives the same string: the year (“2024年”, “2024年度”, “二〇二四年”), “政府信息公开
/// 工作年度报告” and its variants, “关于…的”, book-title marks and parenthesised
/// remarks are removed; full-width forms are folded and the label characters simplified;
/// whitespace is dropped. `None` when nothing is left (“2024年度报告”).
pub fn agency(title: &str) -> Option<String> {
    // A page's breadcrumb (“首页 > 政务公开 > 年度报告”): only its last step can name one.
    let title = title.rsplit(['>', '＞', '›', '»']).next().unwrap_or(title);
    let chars = fold(title);
    // Drop the years (with 年 and a following 度).
    let mut kept: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((_, n)) = year_at(&chars, i) {
            i += n + 1;
            if chars.get(i) == Some(&'度') {
                i += 1;
            }
            continue;
        }
        kept.push(chars[i]);
        i += 1;
    }
    // Book-title marks go; parenthesised remarks (（修订）, （全文）, an emptied （）) go.
    let mut s = String::new();
    let mut depth = 0usize;
    for c in kept {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            '《' | '》' | '<' | '>' => {}
            c if depth == 0 => s.push(c),
            _ => {}
        }
    }
    // The report's own name, and anything after it (a subtitle, a date).
    if let Some(at) = SUFFIXES.iter().filter_map(|suf| find(&s, suf)).min() {
        s.truncate(at);
    }
    let mut s = s.as_str();
    loop {
        let before = s;
        for p in PREFIXES {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        for t in TAILS {
            s = s.strip_suffix(t).unwrap_or(s);
        }
        s = s.trim_matches(|c: char| {
            c.is_ascii_punctuation() || "：，。、；·—－".contains(c) || c.is_whitespace()
        });
        if s == before {
            break;
        }
    }
    (!s.is_empty()).then(|| s.to_string())
}

/// The agency of a report from its text, when the title the engine found names none: a
/// PDF copy often breaks the title over lines (“洪泽区人民政府” / “2023 年政府信息公开工作
/// 年度报告”, or “2024 年上海市科委政府信息公开工作” / “年度报告”), so a short line ending in
/// 年度报告 is read together with up to two short lines before it.
pub fn agency_in_text(text: &str) -> Option<String> {
    const LINES: usize = 40;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LINES)
        .collect();
    let short = |l: &str, n: usize| l.chars().count() <= n && !l.contains('。');
    for (i, l) in lines.iter().enumerate() {
        if !short(l, 60) {
            continue;
        }
        let mut cand = l.to_string();
        for back in 0..=2 {
            if back > 0 {
                match i.checked_sub(back).and_then(|j| lines.get(j)) {
                    Some(p) if short(p, 40) => cand = format!("{p}{cand}"),
                    _ => break,
                }
            }
            let folded: String = fold(&cand).into_iter().collect();
            let named = folded.contains("信息公开") || folded.contains("政务公开");
            if named && folded.ends_with("年度报告") {
                if let Some(a) = agency(&cand) {
                    return Some(a);
                }
            }
        }
    }
    None
}

/// The agency of a checked report: from its title, else from its first lines.
pub fn report_agency(title: Option<&str>, text: &str) -> Option<String> {
    title.and_then(agency).or_else(|| agency_in_text(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_agency_however_the_title_is_written() {
        for t in [
            "青禾市示例局 2024 年政府信息公开工作年度报告",
            "青禾市示例局2024年政府信息公开工作年度报告",
            "2024年青禾市示例局政府信息公开工作年度报告",
            "青禾市示例局2024年度政府信息公开工作年度报告",
            "# 青禾市示例局 2024 年政府信息公开工作年度报告",
            "《青禾市示例局２０２４年政府信息公开工作年度报告》",
            "青禾市示例局 2024 年政府信息公開工作年度報告",
            "关于青禾市示例局2024年政府信息公开工作年度报告",
            "青禾市示例局关于2024年度政府信息公开工作的年度报告",
            "青禾市示例局二〇二四年政府信息公开工作年度报告",
            "青禾市示例局（2024年）政府信息公开工作年度报告（修订）",
            "青禾市 示例局 2024 年 政府信息公开 工作年度报告",
            "青禾市示例局2024年政府信息公开年度报告",
            "青禾市示例局2024年政务公开工作年度报告",
        ] {
            assert_eq!(agency(t).as_deref(), Some("青禾市示例局"), "{t}");
        }
    }

    #[test]
    fn a_title_broken_over_lines_is_read_whole() {
        let t = "- 1 -\n洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由……编制。";
        assert_eq!(agency_in_text(t).as_deref(), Some("洪泽区人民政府"));
        let t = "正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据《条例》，编制了 2024 年度政务公开工作\n报告";
        assert_eq!(agency_in_text(t).as_deref(), Some("上海市科委"));
        let t = "正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》（以\n";
        assert_eq!(agency_in_text(t).as_deref(), Some("上海市人民政府办公厅"));
        assert_eq!(
            report_agency(
                Some("2023 年政府信息公开工作年度报告"),
                "青禾县示例局\n2023 年政府信息公开工作年度报告"
            )
            .as_deref(),
            Some("青禾县示例局")
        );
        assert_eq!(agency_in_text("本年度报告根据条例编制"), None);
        assert_eq!(agency_in_text(""), None);
        assert_eq!(
            agency("标题: 青禾市示例局2025年度政府信息公开工作年度报告").as_deref(),
            Some("青禾市示例局")
        );
    }

    #[test]
    fn years() {
        assert_eq!(
            title_year("青禾市示例局 2024 年政府信息公开工作年度报告"),
            Some(2024)
        );
        assert_eq!(
            title_year("2019年度青禾县政府信息公开工作年度报告"),
            Some(2019)
        );
        assert_eq!(
            title_year("青禾县二〇二〇年政府信息公开工作年度报告"),
            Some(2020)
        );
        assert_eq!(
            title_year("青禾县２０２１年政府信息公开工作年度报告"),
            Some(2021)
        );
        assert_eq!(title_year("青禾县政府信息公开工作年度报告"), None);
        assert_eq!(title_year("第12024年"), None);
        assert_eq!(title_year("1999年报告"), None);
    }

    #[test]
    fn different_agencies_stay_apart() {
        assert_eq!(
            agency("上海市人民政府办公厅2019年政府信息公开工作年度报告").as_deref(),
            Some("上海市人民政府办公厅")
        );
        assert_eq!(
            agency("2023年青禾县发展和改革局政府信息公开工作年度报告").as_deref(),
            Some("青禾县发展和改革局")
        );
        assert_ne!(
            agency("青禾县审计局2020年政府信息公开工作年度报告"),
            agency("青禾县信访局2020年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn nothing_left_is_none_and_odd_input_does_not_panic() {
        assert_eq!(agency("2024年度报告"), None);
        assert_eq!(agency(""), None);
        assert_eq!(agency("政府信息公开工作年度报告"), None);
        assert_eq!(agency("首页 > 政务公开 > 年度报告"), None);
        assert_eq!(
            agency("首页 > 青禾市示例局2024年政府信息公开工作年度报告").as_deref(),
            Some("青禾市示例局")
        );
        for t in [
            "（（（",
            "））2024年",
            "2024",
            "年年年",
            "二〇二",
            "《》",
            "20245年",
        ] {
            let _ = agency(t);
            let _ = title_year(t);
        }
    }
}
