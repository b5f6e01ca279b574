//! zh-CN and English wording of findings and reasons, filled from rule parameters.
//! The engine returns numbers and cell keys; only this module makes sentences.

use crate::catalogue::{Op, RuleDef};
use crate::forms::{self, FormCell, Name};
use crate::{CellRef, Message, Num, RuleId};
use std::fmt::Write;

fn m(zh: String, en: String) -> Message {
    Message { zh, en }
}

fn name(r: &CellRef) -> Name {
    forms::cell_name(r.table, &r.row, &r.column)
}

pub fn not_found(l: &Name) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(
        format!("未读到单元格“{lz}”"),
        format!("cell {le} was not found in the input"),
    )
}
pub fn unreadable(l: &Name, raw: &str) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(
        format!("单元格“{lz}”的内容“{raw}”不是数字"),
        format!("cell {le} holds \"{raw}\", which is not a number"),
    )
}
pub fn blank_total(l: &Name) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(format!("“{lz}”未填"), format!("{le} is blank"))
}
pub fn blank_total_used(l: &Name, sum: Num) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(
        format!("“{lz}”未填（总计未填），按各项合计 {sum} 计"),
        format!(
            "{le} is blank (total not filled in); its parts sum to {sum}, which is used instead"
        ),
    )
}
pub fn blank_as_zero(l: &Name) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(
        format!("“{lz}”空白，按 0 计"),
        format!("{le} is blank, taken as 0"),
    )
}
pub fn dash_as_zero(l: &Name, raw: &str) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(
        format!("“{lz}”填写“{raw}”，按 0 计"),
        format!("{le} reads \"{raw}\", taken as 0"),
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
pub fn bad_value(l: &Name, raw: &str) -> Message {
    let (lz, le) = (&l.zh, &l.en);
    m(
        format!("“{lz}”的值“{raw}”不是非负整数"),
        format!("{le} holds \"{raw}\", not a non-negative integer"),
    )
}
pub fn empty_column(col_zh: &str, col_en: &str, suspects: &[CellRef]) -> Message {
    let names: Vec<Name> = suspects.iter().map(name).collect();
    let zh: Vec<&str> = names.iter().map(|n| n.zh.as_str()).collect();
    let en: Vec<&str> = names.iter().map(|n| n.en.as_str()).collect();
    m(
        format!(
            "“{col_zh}”列本年新收与上年结转均为 0，却填有办理结果：{}",
            zh.join("、")
        ),
        format!(
            "column {col_en} has no new or carried-in applications, yet outcomes are filled in: {}",
            en.join(", ")
        ),
    )
}

/// A rule's formula for one instance: per-column rules name their column, per-row rules
/// their row.
pub fn formula(def: &RuleDef, instance: &str) -> Message {
    let col_zh = forms::T3_COLUMNS
        .iter()
        .find(|c| c.key == instance)
        .map(|c| c.label);
    match (def.id, col_zh) {
        // Plain concatenations: the formula is made for every finding, and `format!` costs
        // several times as much for so little.
        (RuleId::R1 | RuleId::R2 | RuleId::R7, Some(c)) => {
            let col_en = forms::col_en(crate::TableId::Applications, instance);
            m(
                [def.formula_zh, "（", c, "列）"].concat(),
                [def.formula_en, " (", col_en, " column)"].concat(),
            )
        }
        (RuleId::R3, _) => {
            let (row, row_en) = forms::t3_row(instance).map_or(("", instance), |r| (r.short, r.en));
            m(
                [def.formula_zh, "（", row, "行）"].concat(),
                [def.formula_en, " (", row_en, " row)"].concat(),
            )
        }
        _ => def.formula(),
    }
}

/// A broken relation (its `formula`): its two sides `(left, right)`, the suspects and,
/// when one cell explains it, the value that cell would need.
pub fn relation(
    f: &Message,
    op: Op,
    (lsum, rsum): (Num, Num),
    suspects: &[FormCell],
    fix: Option<Num>,
    exceeds: &[&str],
) -> Message {
    let diff = lsum
        .checked_sub(rsum)
        .map_or_else(String::new, |d| d.to_string());
    let sign = op.broken_sign();
    let mut zh = format!("{}：左边 {lsum} {sign} 右边 {rsum}", f.zh);
    let mut en = format!("{}: left {lsum} {sign} right {rsum}", f.en);
    // Written in place: a `format!` per clause made a string only to copy it.
    if op == Op::Eq {
        let _ = write!(zh, "（差 {diff}）");
        let _ = write!(en, " (difference {diff})");
    }
    if let (Some(s), Some(v)) = (suspects.first(), fix) {
        if suspects.len() == 1 {
            let l = s.name();
            let (lz, le) = (&l.zh, &l.en);
            let _ = write!(zh, "；最可能出错的是“{lz}”，应为 {v}");
            let _ = write!(
                en,
                "; the likely wrong cell is {le}, which would need to be {v}"
            );
        }
    } else if !suspects.is_empty() && op == Op::Eq {
        let names: Vec<Name> = suspects.iter().map(|k| k.name()).collect();
        let zn: Vec<&str> = names.iter().map(|n| n.zh.as_str()).collect();
        let en_n: Vec<&str> = names.iter().map(|n| n.en.as_str()).collect();
        let _ = write!(zh, "；可疑单元格：{}", zn.join("、"));
        let _ = write!(en, "; suspect cells: {}", en_n.join(", "));
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
