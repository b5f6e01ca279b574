//! zh-CN and English wording of the prose and section checks.

use super::Reading;
use crate::forms::FormCell;
use crate::{Message, Num};

fn m(zh: String, en: String) -> Message {
    Message { zh, en }
}

pub fn matched(phrase: &str, zh: &str, en: &str) -> Message {
    m(
        format!("正文“{phrase}”与表中“{zh}”一致"),
        format!("the text's \"{phrase}\" agrees with the table's {en}"),
    )
}

pub fn cells_unread(phrase: &str) -> Message {
    m(
        format!("正文“{phrase}”对应的表格单元格未能读出，无法核对"),
        format!("the table cells for the text's \"{phrase}\" were not read; cannot check"),
    )
}

pub fn ambiguous(phrase: &str) -> Message {
    m(
        format!("正文“{phrase}”可能指表中不同的数，且与各项均不一致，无法确定对应关系，未报告"),
        format!("the text's \"{phrase}\" may stand for several table figures and agrees with none; its counterpart is uncertain, so it is not reported"),
    )
}

pub fn mismatch(phrase: &str, prose: Num, r: &Reading, others: &[&Reading]) -> Message {
    let diff = prose
        .checked_sub(r.value)
        .map_or_else(String::new, |d| d.to_string());
    let mut zh = format!(
        "正文“{phrase}”为 {prose}，表中“{}”为 {}（差 {diff}）",
        r.zh, r.value
    );
    let mut en = format!(
        "the text says \"{phrase}\" ({prose}), the table's {} is {} (difference {diff})",
        r.en, r.value
    );
    if !others.is_empty() {
        let oz: Vec<String> = others
            .iter()
            .map(|o| format!("“{}” {}", o.zh, o.value))
            .collect();
        let oe: Vec<String> = others
            .iter()
            .map(|o| format!("{} {}", o.en, o.value))
            .collect();
        zh.push_str(&format!("；也不等于 {}", oz.join("、")));
        en.push_str(&format!("; nor {}", oe.join(", ")));
    }
    m(zh, en)
}

pub fn percent(phrase: &str, pct: Num, r: &Reading, d: &Reading) -> Message {
    let exact = if d.value.is_zero() {
        "—".to_string()
    } else {
        format!("{:.2}%", r.value.as_f64() / d.value.as_f64() * 100.0)
    };
    m(
        format!(
            "正文“{phrase}”的比例为 {pct}%，按表计算 {} ÷ “{}” {} = {exact}",
            r.value, d.zh, d.value
        ),
        format!(
            "the text's \"{phrase}\" gives {pct}%, the table gives {} ÷ {} {} = {exact}",
            r.value, d.en, d.value
        ),
    )
}

pub fn percent_unchecked(phrase: &str) -> Message {
    m(
        format!("正文“{phrase}”的比例：所属数字未核对一致，比例不单独核对"),
        format!("the percentage in \"{phrase}\": its count did not check out, so the share is not checked on its own"),
    )
}

pub fn claim(phrase: &str, bad: &[(FormCell, Num)]) -> Message {
    let zh: Vec<String> = bad
        .iter()
        .map(|(c, v)| format!("“{}” {v}", c.name().zh))
        .collect();
    let en: Vec<String> = bad
        .iter()
        .map(|(c, v)| format!("{} {v}", c.name().en))
        .collect();
    m(
        format!("正文称“{phrase}”，但第四表中 {}", zh.join("、")),
        format!(
            "the text says \"{phrase}\", but Table 4 has {}",
            en.join(", ")
        ),
    )
}

pub fn not_quoted() -> Message {
    m(
        "正文未引用此项数字".into(),
        "the text quotes no such figure".into(),
    )
}

pub fn claim_holds(phrase: &str) -> Message {
    m(
        format!("正文“{phrase}”与第四表一致"),
        format!("the text's \"{phrase}\" agrees with Table 4"),
    )
}
