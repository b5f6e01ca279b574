//! Counts quoted in the text: a number (Arabic, full-width or small Chinese numerals)
//! followed by a unit of count (件/个/次/起/宗), and the percentage that may follow it
//! ("208 件（17.46%）", "20 件，占 1.68%"). Approximate figures ("近 300 个", "10 余件")
//! are not figures: nothing can be checked against them.

use super::text::KeyText;
use super::words::{words, Words};
use crate::Num;

const UNITS: &[char] = &['件', '个', '次', '起', '宗'];

/// One quoted count.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Key index of the number's first character.
    pub a: usize,
    /// Key index just past the unit.
    pub b: usize,
    pub value: Num,
    /// The percentage printed after it: value, decimals printed, key index past the '%'.
    pub percent: Option<(Num, u32, usize)>,
}

fn cjk_digit(c: char) -> Option<i64> {
    Some(match c {
        '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
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

fn is_cjk_numeral(c: char) -> bool {
    cjk_digit(c).is_some() || matches!(c, '十' | '百')
}

/// The characters a figure starts with, as a filter: most characters of the text are
/// passed over after one bit test.
const FIGURE_STARTS: Words = words!(&[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "零", "一", "二", "两", "三", "四", "五",
    "六", "七", "八", "九", "十", "百",
]);

/// A small Chinese numeral ("两", "十二", "二十", "一百零五"); None when it is not one.
pub fn cjk_value(s: &[char]) -> Option<i64> {
    let (mut total, mut pending): (i64, Option<i64>) = (0, None);
    for &c in s {
        match c {
            '十' => {
                total += pending.take().unwrap_or(1) * 10;
            }
            '百' => {
                total += pending.take()? * 100;
            }
            '零' => {}
            c => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(cjk_digit(c)?);
            }
        }
    }
    Some(total + pending.unwrap_or(0))
}

/// Words before a number that make it approximate, an ordinal or a per-item figure.
const NOT_A_COUNT_BEFORE: Words = words!(&[
    "近", "约", "逾", "超", "第", "每", "逐", "同", "某", "任", "这", "那", "哪", "单",
]);

fn preceded_by(k: &KeyText, a: usize, words: &Words) -> bool {
    words.list.iter().any(|w| k.word_ending(a, 0, w).is_some())
}

/// Every count in the key text outside the tables, in order.
pub fn find(k: &KeyText) -> Vec<Figure> {
    let ch = &k.chars;
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    // Tables hold numbers but never a quoted count: only the text around them is read.
    for (from, to) in k.outside_tables() {
        i = i.max(from);
        while i < to {
            let c = ch[i];
            let arabic = c.is_ascii_digit();
            if !FIGURE_STARTS.may_start(c) || !(arabic || is_cjk_numeral(c)) {
                i += 1;
                continue;
            }
            let a = i;
            let (value, mut j) = if arabic {
                // Digits, thousands groups (",ddd"), one decimal part.
                let mut j = i;
                text.clear();
                while j < ch.len() {
                    let cj = ch[j];
                    if cj.is_ascii_digit() {
                        text.push(cj);
                        j += 1;
                    } else if cj == ','
                        && ch
                            .get(j + 1..j + 4)
                            .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                        && !ch.get(j + 4).is_some_and(char::is_ascii_digit)
                    {
                        j += 1;
                    } else if cj == '.'
                        && !text.contains('.')
                        && ch.get(j + 1).is_some_and(char::is_ascii_digit)
                    {
                        text.push('.');
                        j += 1;
                    } else {
                        break;
                    }
                }
                (Num::parse(&text), j)
            } else {
                let mut j = i;
                while j < ch.len() && is_cjk_numeral(ch[j]) && j - i < 5 {
                    j += 1;
                }
                (ch.get(i..j).and_then(cjk_value).map(Num::int), j)
            };
            i = j.max(i + 1);
            let Some(value) = value else { continue };
            // Part of a longer number or a spaced-out run ("1 0 件"): not a count as written.
            let glued_before = a > 0
                && (ch[a - 1].is_ascii_digit()
                    || ch[a - 1] == '.'
                    || (ch[a - 1] == ' ' && a > 1 && ch[a - 2].is_ascii_digit()));
            if glued_before || preceded_by(k, a, &NOT_A_COUNT_BEFORE) {
                continue;
            }
            if !arabic && a > 0 && is_cjk_numeral(ch[a - 1]) {
                continue;
            }
            if matches!(ch.get(j), Some('余' | '多')) {
                continue;
            }
            if !ch.get(j).is_some_and(|u| UNITS.contains(u)) {
                continue;
            }
            j += 1;
            let percent = percent_after(k, j);
            out.push(Figure {
                a,
                b: j,
                value,
                percent,
            });
            i = j;
        }
    }
    out
}

/// A percentage right after a count: "（17.46%）", "，占 33.9%", "，占比 5%".
fn percent_after(k: &KeyText, mut j: usize) -> Option<(Num, u32, usize)> {
    let ch = &k.chars;
    if matches!(ch.get(j), Some('(' | ',')) {
        j += 1;
    }
    for w in ["占比为", "占比", "占"] {
        let n = w.chars().count();
        if k.has_at(j, w) {
            j += n;
            break;
        }
    }
    let s = j;
    let mut text = String::new();
    let mut decimals = 0u32;
    while let Some(&c) = ch.get(j) {
        if c.is_ascii_digit() {
            text.push(c);
            if text.contains('.') {
                decimals += 1;
            }
        } else if c == '.' && !text.contains('.') && !text.is_empty() {
            text.push('.');
        } else {
            break;
        }
        j += 1;
    }
    if j == s || ch.get(j) != Some(&'%') {
        return None;
    }
    Some((Num::parse(&text)?, decimals, j + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, Option<String>)> {
        let k = KeyText::new(s, &[]);
        find(&k)
            .iter()
            .map(|f| {
                (
                    f.value.to_string(),
                    f.percent.map(|(p, d, _)| format!("{p}/{d}")),
                )
            })
            .collect()
    }

    #[test]
    fn counts_units_and_percentages() {
        assert_eq!(
            figs("予以公开 208 件（17.46%），不予公开２０件，占 1.68%，共 1,295 件"),
            vec![
                ("208".into(), Some("17.46/2".into())),
                ("20".into(), Some("1.68/2".into())),
                ("1295".into(), None)
            ]
        );
        assert_eq!(
            figs("收到申请两件，办结十二件"),
            vec![("2".into(), None), ("12".into(), None)]
        );
    }

    #[test]
    fn not_counts() {
        assert!(figs("近 300 个，10 余件，第 3 件，每一件，2025 年，1 0 件，一是").is_empty());
    }

    #[test]
    fn cjk() {
        assert_eq!(cjk_value(&['二', '十']), Some(20));
        assert_eq!(cjk_value(&['一', '百', '零', '五']), Some(105));
        assert_eq!(cjk_value(&['两']), Some(2));
        assert_eq!(cjk_value(&['十']), Some(10));
    }
}
