//! zh-CN and English wording of findings and reasons, filled from rule parameters.
//! The engine returns numbers and cell keys; only this module makes sentences.

use crate::catalogue::RuleDef;
use crate::forms;
use crate::rules::{Key, Op, Rel};
use crate::{CellRef, Message, Num};

fn m(zh: String, en: String) -> Message {
    Message { zh, en }
}

fn label(r: &CellRef) -> String {
    forms::cell_label(r.table, &r.row, &r.column)
}

pub fn not_found(l: &str) -> Message {
    m(
        format!("未读到单元格“{l}”"),
        format!("cell {l} was not found in the input"),
    )
}
pub fn unreadable(l: &str, raw: &str) -> Message {
    m(
        format!("单元格“{l}”的内容“{raw}”不是数字"),
        format!("cell {l} holds \"{raw}\", which is not a number"),
    )
}
pub fn blank_total(l: &str) -> Message {
    m(format!("“{l}”未填"), format!("{l} is blank"))
}
pub fn blank_total_used(l: &str, sum: Num) -> Message {
    m(
        format!("“{l}”未填（总计未填），按各项合计 {sum} 计"),
        format!(
            "{l} is blank (total not filled in); its parts sum to {sum}, which is used instead"
        ),
    )
}
pub fn blank_as_zero(l: &str) -> Message {
    m(
        format!("“{l}”空白，按 0 计"),
        format!("{l} is blank, taken as 0"),
    )
}
pub fn dash_as_zero(l: &str, raw: &str) -> Message {
    m(
        format!("“{l}”填写“{raw}”，按 0 计"),
        format!("{l} reads \"{raw}\", taken as 0"),
    )
}
pub fn overflow() -> Message {
    m(
        "数值过大，无法计算".into(),
        "numbers too large to add".into(),
    )
}
pub fn no_agency_level() -> Message {
    m(
        "未能从标题判断机关层级".into(),
        "the agency's level could not be told from the title".into(),
    )
}
pub fn bad_value(l: &str, raw: &str) -> Message {
    m(
        format!("“{l}”的值“{raw}”不是非负整数"),
        format!("{l} holds \"{raw}\", not a non-negative integer"),
    )
}
pub fn empty_column(col_zh: &str, col_en: &str, suspects: &[CellRef]) -> Message {
    let cells: Vec<String> = suspects.iter().map(label).collect();
    m(
        format!(
            "“{col_zh}”列本年新收与上年结转均为 0，却填有办理结果：{}",
            cells.join("、")
        ),
        format!(
            "column {col_en} has no new or carried-in applications, yet outcomes are filled in: {}",
            cells.join(", ")
        ),
    )
}

pub fn formula(def: &RuleDef, rel: &Rel) -> Message {
    let col_zh = forms::T3_COLUMNS
        .iter()
        .find(|c| c.key == rel.instance)
        .map(|c| c.label);
    match (def.id, col_zh) {
        ("R1" | "R2" | "R7", Some(c)) => m(
            format!("{}（{c}列）", def.formula_zh),
            format!("{} (column {})", def.formula_en, rel.instance),
        ),
        ("R3", _) => {
            let row = forms::t3_row(&rel.instance).map_or("", |r| r.short);
            m(
                format!("{}（{row}行）", def.formula_zh),
                format!("{} (row {})", def.formula_en, rel.instance),
            )
        }
        _ => m(def.formula_zh.to_string(), def.formula_en.to_string()),
    }
}

fn op_str(op: Op, holds: bool) -> &'static str {
    match (op, holds) {
        (Op::Eq, _) => "≠",
        (Op::Le, _) => ">",
        (Op::Ge, _) => "<",
    }
}

pub fn relation(
    def: &RuleDef,
    rel: &Rel,
    lsum: Num,
    rsum: Num,
    suspects: &[Key],
    fix: Option<Num>,
    exceeds: &[String],
) -> Message {
    let f = formula(def, rel);
    let diff = lsum
        .checked_sub(rsum)
        .map_or_else(String::new, |d| d.to_string());
    let op = op_str(rel.op, false);
    let mut zh = format!("{}：左边 {lsum} {op} 右边 {rsum}", f.zh);
    let mut en = format!("{}: left {lsum} {op} right {rsum}", f.en);
    if rel.op == Op::Eq {
        zh.push_str(&format!("（差 {diff}）"));
        en.push_str(&format!(" (difference {diff})"));
    }
    if let (Some(s), Some(v)) = (suspects.first(), fix) {
        if suspects.len() == 1 {
            let l = label(&s.to_ref());
            zh.push_str(&format!("；最可能出错的是“{l}”，应为 {v}"));
            en.push_str(&format!(
                "; the likely wrong cell is {l}, which would need to be {v}"
            ));
        }
    } else if !suspects.is_empty() && rel.op == Op::Eq {
        let names: Vec<String> = suspects.iter().map(|k| label(&k.to_ref())).collect();
        zh.push_str(&format!("；可疑单元格：{}", names.join("、")));
        en.push_str(&format!("; suspect cells: {}", names.join(", ")));
    }
    for e in exceeds {
        if e.ends_with(":CARRY_OUT") {
            zh.push_str("；结转下年度已超过新收加上年结转");
            en.push_str("; the carried-out count exceeds new plus carried-in");
        } else {
            zh.push_str("；办理结果总计已超过新收加上年结转");
            en.push_str("; the handled total exceeds new plus carried-in");
        }
    }
    m(zh, en)
}
