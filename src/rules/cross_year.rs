//! Cross-year rules (domain-spec R8, R17, R20, R21, R25): one agency's report for year Y
//! against its report for Y − 1.
//!
//! The two reports are checked on their own first (`crate::check`); this module compares
//! what was read and adds its checks and findings to this year's report. A finding's
//! `cells`, `suspects` and `operands` are this year's cells (they have positions in this
//! year's text); the previous report's cells are named, with their values, in the message,
//! and `expected` is the value the previous report implies. None of them is an error:
//! agencies restructure, correct last year's figures or count differently, so a mismatch
//! is a question to ask (WARNING; R17 only INFO).
//!
//! Not applicable to a 2019 report (2018 reports had none of these rows), nor across
//! formats where a row does not exist in both; R25 holds only from 2019 to 2020.

pub use super::Outcome;
use super::{check, finding};
use crate::catalogue;
use crate::forms;
use crate::normalize::label_key;
use crate::{
    Cell, CellRef, Finding, Message, Num, Operand, ReadHow, Report, RuleId, Severity, Status,
    TableId,
};

const T2_DOCS: [&str; 2] = ["REG", "NDOC"];
const T2_ITEMS: [&str; 5] = ["LICENSE", "OTHERSVC", "PUNISH", "COERCE", "FEE"];

fn m(zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message {
        zh: zh.into(),
        en: en.into(),
    }
}

/// A cell's value for these rules: a blank counts as 0 (as a blank component does in the
/// year's own rules); a missing or unreadable cell cannot be used (Err: why).
fn value(r: &Report, t: TableId, row: &str, col: &str, whose: &Message) -> Result<Num, Message> {
    let name = forms::cell_name(t, row, col);
    let Some(c) = r.tables.find(t, row, col) else {
        return Err(m(
            format!("{}未读到“{}”", whose.zh, name.zh),
            format!("{}: {} was not read", whose.en, name.en),
        ));
    };
    match (c.value, c.read) {
        (Some(v), _) => Ok(v),
        (None, ReadHow::Blank) => Ok(Num::ZERO),
        _ => Err(m(
            format!("{}的“{}”未能读出", whose.zh, name.zh),
            format!("{}: {} could not be read", whose.en, name.en),
        )),
    }
}

fn has_cell(r: &Report, t: TableId, row: &str, col: &str) -> bool {
    r.tables.find(t, row, col).is_some()
}

/// Whether the report says its review and litigation counts include cases carried over
/// from last year (“注：行政复议、行政诉讼数量含上年度结转数量。”): a 含上年(度)结转 near
/// 复议 or 诉讼, so the applications' “（含上年结转 189 件）” does not count.
pub fn states_carry_over(text: &str) -> bool {
    let k = label_key(text);
    let mut from = 0;
    while let Some(i) = k[from..].find("含上年") {
        let at = from + i;
        let rest = &k[at..];
        let head = &k[..at];
        let near = head
            .char_indices()
            .rev()
            .nth(23)
            .map_or(head, |(i, _)| &head[i..]);
        if (rest.starts_with("含上年度结转") || rest.starts_with("含上年结转"))
            && (near.contains("复议") || near.contains("诉讼"))
        {
            return true;
        }
        from = at + "含上年".len();
    }
    false
}

struct Ctx<'a> {
    this: &'a Report,
    prev: &'a Report,
    prev_name: &'a str,
    this_whose: Message,
    prev_whose: Message,
    out: Outcome,
}

impl Ctx<'_> {
    fn status(&mut self, id: RuleId, instance: &str, status: Status, reason: Option<Message>) {
        let def = catalogue::rule(id);
        self.out
            .checks
            .push(check(def, instance.to_string(), status, reason));
    }

    /// `this_cell` (this year's value) against what last year's report implies.
    #[allow(clippy::too_many_arguments)]
    fn finding(
        &mut self,
        id: RuleId,
        instance: &str,
        this_cells: &[(TableId, &str, &str)],
        actual: Num,
        expected: Num,
        message: Message,
        formula: Message,
    ) {
        let def = catalogue::rule(id);
        self.out
            .checks
            .push(check(def, instance.to_string(), Status::Fail, None));
        let cells: Vec<CellRef> = this_cells
            .iter()
            .map(|&(t, r, c)| CellRef {
                table: t,
                row: r.to_string().into(),
                column: c.to_string().into(),
            })
            .collect();
        let operands = this_cells
            .iter()
            .zip(&cells)
            .map(|(&(t, r, c), cell)| {
                let found: Option<&Cell> = self.this.tables.find(t, r, c);
                Operand {
                    cell: cell.clone(),
                    value: found.and_then(|x| x.value),
                    assumed: found
                        .filter(|x| x.read == ReadHow::Blank)
                        .map(|_| format!("“{}”空白，按 0 计", forms::cell_label(t, r, c))),
                }
            })
            .collect();
        let span = this_cells
            .first()
            .and_then(|&(t, r, c)| self.this.tables.find(t, r, c))
            .and_then(|c| c.span);
        self.out.findings.push(Finding {
            formula,
            suspects: cells.iter().take(1).cloned().collect(),
            cells,
            operands,
            expected: Some(expected),
            actual: Some(actual),
            difference: actual.checked_sub(expected),
            span,
            ..finding(def, instance, message)
        });
    }

    fn prev_label(&self) -> (String, String) {
        (
            format!("上年报告（{}）", self.prev_name),
            format!("last year's report ({})", self.prev_name),
        )
    }
}

/// Checks this year's report against last year's (`prev_name` names it in messages).
/// `includes_carry_over`: this year's text says its review and litigation counts include
/// last year's cases ([`states_carry_over`]), R17's condition.
pub fn check_pair(
    this: &Report,
    includes_carry_over: bool,
    prev: &Report,
    prev_name: &str,
) -> Outcome {
    let mut cx = Ctx {
        this,
        prev,
        prev_name,
        this_whose: m("本年报告", "this year's report"),
        prev_whose: m(
            format!("上年报告（{prev_name}）"),
            format!("last year's report ({prev_name})"),
        ),
        out: Outcome {
            checks: Vec::new(),
            findings: Vec::new(),
            implied: Vec::new(),
        },
    };
    // Which year is compared with which: a 2019 report has no previous one in these
    // formats; two reports not one year apart are not compared.
    let not_applicable = match this.year {
        Some(y) if y <= 2019 => Some(m(
            format!("{y} 年报告没有可对照的上年报告（2018 年及以前的报告使用旧表格）"),
            format!("a {y} report has no previous report to compare (reports up to 2018 used the old tables)"),
        )),
        _ => None,
    };
    let cannot = match (this.year, prev.year) {
        (Some(y), Some(p)) if p != y - 1 => Some(m(
            format!("上年报告（{prev_name}）是 {p} 年的，不是 {} 年的", y - 1),
            format!(
                "the previous report ({prev_name}) is for {p}, not {}",
                y - 1
            ),
        )),
        _ if !prev.recognised => Some(m(
            format!("上年报告（{prev_name}）中没有找到统计表"),
            format!("no statistical table was found in the previous report ({prev_name})"),
        )),
        _ => None,
    };
    let instances: Vec<(RuleId, String)> = forms::T3_COLUMNS
        .iter()
        .map(|c| (RuleId::R8, c.key.to_string()))
        .chain(
            forms::T4_ROWS
                .iter()
                .map(|b| (RuleId::R17, b.key.to_string())),
        )
        .chain(T2_DOCS.iter().map(|x| (RuleId::R20, x.to_string())))
        .chain(T2_DOCS.iter().map(|x| (RuleId::R21, x.to_string())))
        .chain(T2_ITEMS.iter().map(|x| (RuleId::R25, x.to_string())))
        .collect();
    if let Some(reason) = not_applicable.or(cannot.clone()) {
        let status = if cannot.is_some() && !matches!(this.year, Some(y) if y <= 2019) {
            Status::CannotCheck
        } else {
            Status::NotApplicable
        };
        for (id, inst) in &instances {
            cx.status(*id, inst, status, Some(reason.clone()));
        }
        return cx.out;
    }
    r8(&mut cx);
    r17(&mut cx, includes_carry_over);
    r20_r21(&mut cx);
    r25(&mut cx);
    cx.out
}

/// R8: this year's 上年结转 = last year's 结转下年度, column by column.
fn r8(cx: &mut Ctx) {
    let t = TableId::Applications;
    let formula = m(
        "本年 二、上年结转 = 上年 四、结转下年度",
        "CARRY_IN(Y) = CARRY_OUT(Y−1)",
    );
    for col in forms::T3_COLUMNS.iter().map(|c| c.key) {
        let a = value(cx.this, t, "CARRY_IN", col, &cx.this_whose);
        let b = value(cx.prev, t, "CARRY_OUT", col, &cx.prev_whose);
        let (a, b) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                cx.status(RuleId::R8, col, Status::CannotCheck, Some(e));
                continue;
            }
        };
        if a == b {
            cx.status(RuleId::R8, col, Status::Pass, None);
            continue;
        }
        let this_name = forms::cell_name(t, "CARRY_IN", col);
        let prev_name = forms::cell_name(t, "CARRY_OUT", col);
        let (pz, pe) = cx.prev_label();
        let message = m(
            format!(
                "本年“{}”为 {a}，{pz}“{}”为 {b}（差 {}）：本年的上年结转应等于上年的结转下年度",
                this_name.zh,
                prev_name.zh,
                diff(a, b)
            ),
            format!(
                "this year's {} is {a} but {pe} gives {} = {b} (difference {}): carried-in should equal last year's carried-out",
                this_name.en,
                prev_name.en,
                diff(a, b)
            ),
        );
        cx.finding(
            RuleId::R8,
            col,
            &[(t, "CARRY_IN", col)],
            a,
            b,
            message,
            formula.clone(),
        );
    }
}

/// R17 (INFO): where the report says its counts include last year's cases, each block's
/// 总计 is at least last year's 尚未审结.
fn r17(cx: &mut Ctx, includes_carry_over: bool) {
    let t = TableId::Review;
    let formula = m(
        "本年 总计 ≥ 上年 尚未审结（报告注明含上年度结转时）",
        "TOTAL(Y) ≥ PENDING(Y−1) (when the report says counts include carried-over cases)",
    );
    for block in forms::T4_ROWS.iter().map(|r| r.key) {
        if !includes_carry_over {
            cx.status(
                RuleId::R17,
                block,
                Status::NotApplicable,
                Some(m(
                    "报告未注明行政复议、行政诉讼数量含上年度结转",
                    "the report does not say its review and litigation counts include last year's cases",
                )),
            );
            continue;
        }
        let a = value(cx.this, t, block, "TOTAL", &cx.this_whose);
        let b = value(cx.prev, t, block, "PENDING", &cx.prev_whose);
        let (a, b) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                cx.status(RuleId::R17, block, Status::CannotCheck, Some(e));
                continue;
            }
        };
        if a >= b {
            cx.status(RuleId::R17, block, Status::Pass, None);
            continue;
        }
        let this_name = forms::cell_name(t, block, "TOTAL");
        let prev_name = forms::cell_name(t, block, "PENDING");
        let (pz, pe) = cx.prev_label();
        let message = m(
            format!(
                "报告注明含上年度结转，但本年“{}”为 {a}，少于{pz}“{}” {b}",
                this_name.zh, prev_name.zh
            ),
            format!(
                "the report says its counts include last year's cases, yet this year's {} is {a}, less than {} = {b} in {pe}",
                this_name.en, prev_name.en
            ),
        );
        cx.finding(
            RuleId::R17,
            block,
            &[(t, block, "TOTAL")],
            a,
            b,
            message,
            formula.clone(),
        );
    }
}

/// R20 and R21 (2021 format Table 2 in both years): 现行有效件数(Y) = 现行有效件数(Y−1) +
/// 本年制发件数(Y) − 本年废止件数(Y), and 本年废止件数(Y) ≤ 现行有效件数(Y−1) + 本年制发件数(Y).
fn r20_r21(cx: &mut Ctx) {
    let t = TableId::Active;
    for x in T2_DOCS {
        let both = ["MADE", "REPEALED", "VALID"]
            .iter()
            .all(|c| has_cell(cx.this, t, x, c))
            && has_cell(cx.prev, t, x, "VALID");
        if !both {
            let reason = m(
                "两年的第二表不都是 2021 年格式（本年制发、废止、现行有效件数）",
                "Table 2 is not in the 2021 format (made, repealed, in force) in both years",
            );
            cx.status(RuleId::R20, x, Status::NotApplicable, Some(reason.clone()));
            cx.status(RuleId::R21, x, Status::NotApplicable, Some(reason));
            continue;
        }
        let vals = (
            value(cx.prev, t, x, "VALID", &cx.prev_whose),
            value(cx.this, t, x, "MADE", &cx.this_whose),
            value(cx.this, t, x, "REPEALED", &cx.this_whose),
            value(cx.this, t, x, "VALID", &cx.this_whose),
        );
        let (pv, made, rep, valid) = match vals {
            (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
            (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
                cx.status(RuleId::R20, x, Status::CannotCheck, Some(e.clone()));
                cx.status(RuleId::R21, x, Status::CannotCheck, Some(e));
                continue;
            }
        };
        let (pz, pe) = cx.prev_label();
        let row = forms::cell_name(t, x, "VALID");
        let row_zh = row.zh.split('·').next().unwrap_or(x).to_string();
        let row_en = row.en.split(" · ").next().unwrap_or(x).to_string();
        // R20
        match pv.checked_add(made).and_then(|s| s.checked_sub(rep)) {
            None => cx.status(
                RuleId::R20,
                x,
                Status::CannotCheck,
                Some(crate::messages::overflow()),
            ),
            Some(want) if want == valid => cx.status(RuleId::R20, x, Status::Pass, None),
            Some(want) => {
                let message = m(
                    format!(
                        "{row_zh}：{pz}现行有效 {pv} + 本年制发 {made} − 本年废止 {rep} = {want}，本年现行有效却为 {valid}（差 {}）",
                        diff(valid, want)
                    ),
                    format!(
                        "{row_en}: in force last year {pv} ({pe}) + made {made} − repealed {rep} = {want}, but in force this year is {valid} (difference {})",
                        diff(valid, want)
                    ),
                );
                cx.finding(
                    RuleId::R20,
                    x,
                    &[(t, x, "VALID"), (t, x, "MADE"), (t, x, "REPEALED")],
                    valid,
                    want,
                    message,
                    m(
                        "本年 现行有效件数 = 上年 现行有效件数 + 本年制发件数 − 本年废止件数",
                        "VALID(Y) = VALID(Y−1) + MADE(Y) − REPEALED(Y)",
                    ),
                );
            }
        }
        // R21
        match pv.checked_add(made) {
            None => cx.status(
                RuleId::R21,
                x,
                Status::CannotCheck,
                Some(crate::messages::overflow()),
            ),
            Some(most) if rep <= most => cx.status(RuleId::R21, x, Status::Pass, None),
            Some(most) => {
                let message = m(
                    format!(
                        "{row_zh}：本年废止 {rep} 件，多于{pz}现行有效 {pv} 件加本年制发 {made} 件（{most}）"
                    ),
                    format!(
                        "{row_en}: {rep} repealed this year, more than the {pv} in force last year ({pe}) plus {made} made this year ({most})"
                    ),
                );
                cx.finding(
                    RuleId::R21,
                    x,
                    &[(t, x, "REPEALED"), (t, x, "MADE")],
                    rep,
                    most,
                    message,
                    m(
                        "本年废止件数 ≤ 上年现行有效件数 + 本年制发件数",
                        "REPEALED(Y) ≤ VALID(Y−1) + MADE(Y)",
                    ),
                );
            }
        }
    }
}

/// R25 (2019 trial format, 2019 → 2020 only): 上一年项目数量(2020) = 上一年项目数量(2019) +
/// 本年增/减(2019).
fn r25(cx: &mut Ctx) {
    let t = TableId::Active;
    let years = (cx.this.year, cx.prev.year);
    for x in T2_ITEMS {
        let both = has_cell(cx.this, t, x, "PREV_ITEMS")
            && has_cell(cx.prev, t, x, "PREV_ITEMS")
            && has_cell(cx.prev, t, x, "DELTA");
        if years.0 != Some(2020) || !both {
            cx.status(
                RuleId::R25,
                x,
                Status::NotApplicable,
                Some(m(
                    "只用于 2019 年试行格式的 2019 与 2020 年报告之间",
                    "applies only between 2019 and 2020 reports in the 2019 trial format",
                )),
            );
            continue;
        }
        let vals = (
            value(cx.this, t, x, "PREV_ITEMS", &cx.this_whose),
            value(cx.prev, t, x, "PREV_ITEMS", &cx.prev_whose),
            value(cx.prev, t, x, "DELTA", &cx.prev_whose),
        );
        let (now, before, delta) = match vals {
            (Ok(a), Ok(b), Ok(c)) => (a, b, c),
            (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => {
                cx.status(RuleId::R25, x, Status::CannotCheck, Some(e));
                continue;
            }
        };
        match before.checked_add(delta) {
            None => cx.status(
                RuleId::R25,
                x,
                Status::CannotCheck,
                Some(crate::messages::overflow()),
            ),
            Some(want) if want == now => cx.status(RuleId::R25, x, Status::Pass, None),
            Some(want) => {
                let (pz, pe) = cx.prev_label();
                let row = forms::cell_name(t, x, "PREV_ITEMS");
                let row_zh = row.zh.split('·').next().unwrap_or(x).to_string();
                let row_en = row.en.split(" · ").next().unwrap_or(x).to_string();
                let message = m(
                    format!(
                        "{row_zh}：{pz}上一年项目数量 {before} + 本年增/减 {delta} = {want}，本年的上一年项目数量却为 {now}"
                    ),
                    format!(
                        "{row_en}: {pe} gives items {before} + change {delta} = {want}, but this year's items last year is {now}"
                    ),
                );
                cx.finding(
                    RuleId::R25,
                    x,
                    &[(t, x, "PREV_ITEMS")],
                    now,
                    want,
                    message,
                    m(
                        "2020 年 上一年项目数量 = 2019 年 上一年项目数量 + 本年增/减",
                        "PREV_ITEMS(2020) = PREV_ITEMS(2019) + DELTA(2019)",
                    ),
                );
            }
        }
    }
}

fn diff(a: Num, b: Num) -> String {
    a.checked_sub(b).map_or("?".into(), |d| {
        if d.is_negative() {
            d.to_string()
        } else {
            format!("+{d}")
        }
    })
}

/// Adds a pair's checks and findings to this year's report: the summary counts follow,
/// findings stay ordered by severity (errors first), and `problems` and `verdict` are
/// computed again so they count the cross-year findings.
pub fn apply(report: &mut Report, out: Outcome) {
    for c in &out.checks {
        let s = &mut report.summary;
        s.checks += 1;
        match c.status {
            Status::Pass => s.passed += 1,
            Status::Fail => s.failed += 1,
            Status::CannotCheck => s.cannot_check += 1,
            Status::NotApplicable => s.not_applicable += 1,
        }
    }
    for f in &out.findings {
        let s = &mut report.summary;
        match f.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
    }
    report.checks.extend(out.checks);
    report.findings.extend(out.findings);
    report
        .findings
        .sort_by_key(|f| std::cmp::Reverse(f.severity));
    // The problems point into `findings` by index and the verdict counts them: both are
    // computed again, so the cross-year findings are counted and no index is stale.
    report.problems = crate::problems::group(&report.findings, &report.tables);
    report.verdict = crate::problems::verdict(report);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carry_over_note_is_the_review_one() {
        assert!(states_carry_over(
            "注：行政复议、行政诉讼数量含上年度结转数量。"
        ));
        assert!(states_carry_over("行政诉讼案件（含上年结转）"));
        assert!(!states_carry_over(
            "共收到政府信息公开申请 1295 件（含上年结转 189 件）"
        ));
        assert!(!states_carry_over(""));
    }
}
