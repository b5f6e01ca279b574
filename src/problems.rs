//! Findings grouped the way a reader counts them, and the verdict in words.
//!
//! One wrong number usually breaks several relations: in the example, （七）总计·自然人 is
//! 85 instead of 84 and R1, R2 and R3 all fail. A citizen sees **one** problem there, so
//! the failing findings that name the same single suspect cell and agree on the value it
//! should have become one [`Problem`] ("（七）总计·自然人 填的是 85，按本表其他各项应为 84"),
//! which lists the relations it breaks. A finding without a single suspect (two numbers
//! wrong, a warning about a comparison, a blank total) stays a problem of its own, worded
//! as the finding is.
//!
//! The [`Verdict`] is the headline every front end shows: "通过" only when the three tables
//! were read completely and the error-level checks ran on read cells; otherwise what is
//! missing ("未能完整读取：N 个单元格未读出", "未找到统计表"), never a pass.

use crate::forms;
use crate::{
    CellRef, Finding, Message, Num, Problem, Report, Severity, Status, TableId, Tables, Verdict,
    VerdictKind,
};

fn m(zh: String, en: String) -> Message {
    Message { zh, en }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Groups the findings of a report into problems, most severe first.
pub fn group(findings: &[Finding], tables: &Tables) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let single = match (f.status, f.suspects.as_slice(), f.suggested) {
            (Status::Fail, [cell], Some(v)) => Some((cell, v)),
            _ => None,
        };
        if let Some((cell, v)) = single {
            if let Some(p) = out
                .iter_mut()
                .find(|p| p.cell.as_ref() == Some(cell) && p.suggested == Some(v))
            {
                p.findings.push(i);
                p.severity = p.severity.max(f.severity);
                continue;
            }
            let reported = tables
                .find(cell.table, &cell.row, &cell.column)
                .and_then(|c| c.value)
                .or_else(|| {
                    f.operands
                        .iter()
                        .find(|o| o.cell == *cell)
                        .and_then(|o| o.value)
                });
            out.push(Problem {
                severity: f.severity,
                cell: Some(cell.clone()),
                reported,
                suggested: Some(v),
                message: wrong_cell(cell, reported, v),
                findings: vec![i],
            });
        } else {
            out.push(Problem {
                severity: f.severity,
                cell: None,
                reported: None,
                suggested: None,
                message: f.message.clone(),
                findings: vec![i],
            });
        }
    }
    // Most severe first; otherwise in the order of the findings (stable sort).
    out.sort_by_key(|p| std::cmp::Reverse(p.severity));
    out
}

/// "（七）总计·自然人 填的是 85，按本表其他各项应为 84".
fn wrong_cell(cell: &CellRef, reported: Option<Num>, should: Num) -> Message {
    let n = forms::cell_name(cell.table, &cell.row, &cell.column);
    let (zh_where, en_where) = match cell.table {
        TableId::Review => ("按本表同一栏其他各项", "from the rest of its block"),
        _ => ("按本表其他各项", "from the rest of the table"),
    };
    match reported {
        Some(r) => m(
            format!("{} 填的是 {r}，{zh_where}应为 {should}", n.zh),
            format!("{} reads {r}; {en_where} it should be {should}", n.en),
        ),
        None => m(
            format!("{} 未填，{zh_where}应为 {should}", n.zh),
            format!("{} is blank; {en_where} it should be {should}", n.en),
        ),
    }
}

/// Cells the tables found should have had but that were not read.
pub fn cells_not_read(r: &Report) -> usize {
    r.table_info
        .iter()
        .map(|i| i.cells_expected.saturating_sub(i.cells_read))
        .sum()
}

/// What an incomplete check lacks, in plain words, or None when it is complete.
fn incomplete(r: &Report) -> Option<Message> {
    if !r.recognised {
        return Some(m(
            "未找到统计表".into(),
            "No statistical table found".into(),
        ));
    }
    if !r.partial {
        return None;
    }
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let n = cells_not_read(r);
    if n > 0 {
        zh.push(format!("{n} 个单元格未读出"));
        en.push(plural(n, "cell not read", "cells not read"));
    }
    let missing: Vec<TableId> = r
        .table_info
        .iter()
        .filter(|i| !i.found)
        .map(|i| i.table)
        .collect();
    if !missing.is_empty() {
        let z: Vec<&str> = missing.iter().map(|t| t.zh()).collect();
        let e: Vec<&str> = missing.iter().map(|t| t.en()).collect();
        zh.push(format!("未找到“{}”", z.join("”“")));
        en.push(format!("not found: {}", e.join(", ")));
    }
    if zh.is_empty() {
        let k = r
            .checks
            .iter()
            .filter(|c| c.status == Status::CannotCheck && c.severity == Severity::Error)
            .count();
        zh.push(format!("{k} 项检查无法核对"));
        en.push(plural(
            k,
            "check could not be run",
            "checks could not be run",
        ));
    }
    Some(m(
        format!("未能完整读取：{}", zh.join("，")),
        format!("Read only partly: {}", en.join(", ")),
    ))
}

/// The verdict of a report whose `problems` are set.
pub fn verdict(r: &Report) -> Verdict {
    let count = |s: Severity| r.problems.iter().filter(|p| p.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let incomplete = incomplete(r);
    let (kind, message) = if !r.recognised {
        (
            VerdictKind::None,
            m("未找到统计表".into(), "No statistical table found".into()),
        )
    } else if errors > 0 {
        (
            VerdictKind::Fail,
            m(
                format!("{errors} 处数字对不上"),
                plural(errors, "number does not add up", "numbers do not add up"),
            ),
        )
    } else if let Some(inc) = &incomplete {
        (VerdictKind::Partial, inc.clone())
    } else {
        (VerdictKind::Pass, m("通过".into(), "Pass".into()))
    };
    Verdict {
        kind,
        message,
        incomplete: if kind == VerdictKind::Partial || kind == VerdictKind::None {
            None
        } else {
            incomplete
        },
        errors,
        warnings,
        infos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_one_problem_breaking_three_relations() {
        let text = include_str!("../www/example.txt");
        let r = crate::check(text);
        let fails: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.status == Status::Fail)
            .collect();
        assert!(fails.len() >= 3, "R1, R2, R3 fail");
        let errs: Vec<&Problem> = r
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert_eq!(errs.len(), 1);
        let p = errs[0];
        let cell = p.cell.as_ref().expect("one suspect");
        assert_eq!((&*cell.row, &*cell.column), ("TOTAL", "NP"));
        assert_eq!(p.reported, Some(Num::int(85)));
        assert_eq!(p.suggested, Some(Num::int(84)));
        assert_eq!(
            p.message.zh,
            "（七）总计·自然人 填的是 85，按本表其他各项应为 84"
        );
        assert!(p.findings.len() >= 3);
        let rules: Vec<&str> = p
            .findings
            .iter()
            .map(|i| r.findings[*i].rule.as_str())
            .collect();
        for want in ["R1", "R2", "R3"] {
            assert!(rules.contains(&want), "{want} in {rules:?}");
        }
        assert_eq!(r.verdict.kind, VerdictKind::Fail);
        assert_eq!(r.verdict.message.zh, "1 处数字对不上");
        assert_eq!(r.verdict.message.en, "1 number does not add up");
    }

    #[test]
    fn every_finding_is_in_exactly_one_problem() {
        let text = include_str!("../www/example.txt").replace("（七）总计", "（七）总计 ");
        let r = crate::check(&text);
        let mut seen: Vec<usize> = r.problems.iter().flat_map(|p| p.findings.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..r.findings.len()).collect::<Vec<_>>());
    }

    #[test]
    fn a_finding_without_one_suspect_stays_a_problem_of_its_own() {
        // Table 4's review total 5 → 6: R10 fails and any of its five cells could be wrong.
        let text = include_str!("../www/example.txt")
            .replace("3\t1\t0\t1\t5\t1\t0", "3\t1\t0\t1\t6\t1\t0");
        let r = crate::check(&text);
        let errs: Vec<&Problem> = r
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert_eq!(errs.len(), 2, "{:?}", r.problems);
        let alone = errs
            .iter()
            .find(|p| p.cell.is_none())
            .expect("the Table 4 problem has no single cell");
        assert_eq!(alone.findings.len(), 1);
        let f = &r.findings[alone.findings[0]];
        assert_eq!(f.rule, "R10");
        assert_eq!(alone.message, f.message);
        assert_eq!(r.verdict.message.zh, "2 处数字对不上");
        assert_eq!(r.verdict.message.en, "2 numbers do not add up");
    }

    #[test]
    fn nothing_recognised_is_never_a_pass() {
        let r = crate::check("这是一段没有任何统计表的文字。");
        assert_eq!(r.verdict.kind, VerdictKind::None);
        assert_eq!(r.verdict.message.zh, "未找到统计表");
    }

    #[test]
    fn a_partly_read_report_says_what_is_missing() {
        let text = include_str!("../www/example.txt");
        let lines: Vec<&str> = text.lines().collect();
        let from = lines
            .iter()
            .position(|l| l.contains("（三）不予公开"))
            .unwrap_or(0);
        let to = lines
            .iter()
            .position(|l| l.contains("（七）总计"))
            .unwrap_or(0);
        let cut = [&lines[..from], &lines[to + 1..]].concat().join("\n");
        let r = crate::check(&cut);
        assert!(r.partial);
        assert_eq!(r.verdict.kind, VerdictKind::Partial);
        assert!(
            r.verdict.message.zh.starts_with("未能完整读取："),
            "{}",
            r.verdict.message.zh
        );
        assert!(r.verdict.message.zh.contains("个单元格未读出"));
    }
}
