//! The rules about the report as a whole (R28–R30): its year, one format throughout,
//! all three tables present.

use std::collections::HashMap;

use super::{check, finding};
use crate::catalogue;
use crate::forms::{Format, T3Layout};
use crate::{Check, Finding, Message, RuleId, Status, TableId};

/// What the pipeline learnt about the report as a whole.
pub struct ReportFacts<'a> {
    pub found: &'a HashMap<TableId, bool>,
    pub t3_layout: Option<T3Layout>,
    pub t2_format: Option<Format>,
    /// The format the report's own markers indicate.
    pub marker_format: Option<Format>,
    pub title_year: Option<i32>,
    pub period_year: Option<i32>,
    /// The format decided for the report.
    pub format: Option<Format>,
}

/// R28–R30 over the whole report.
pub fn report_rules(facts: &ReportFacts, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let ReportFacts {
        found,
        t3_layout,
        t2_format,
        marker_format,
        title_year,
        period_year,
        format,
    } = *facts;
    let mut push =
        |id: RuleId, instance: &'static str, fail: Option<Message>, cannot: Option<Message>| {
            let def = catalogue::rule(id);
            let status = match (&fail, &cannot) {
                (Some(_), _) => Status::Fail,
                (None, Some(_)) => Status::CannotCheck,
                _ => Status::Pass,
            };
            checks.push(check(def, instance, status, cannot));
            if let Some(message) = fail {
                findings.push(finding(def, instance, message));
            }
        };
    // R30: all three tables present.
    for t in TableId::ALL {
        let missing = !found.get(&t).copied().unwrap_or(false);
        let fail = missing.then(|| Message {
            zh: format!("未找到“{}”表", t.zh()),
            en: format!("the {} table was not found", t.en()),
        });
        push(RuleId::R30, t.key(), fail, None);
    }
    // R29: one format throughout.
    let t3f = t3_layout.map(|l| l.format());
    match (t2_format, t3f) {
        (Some(a), Some(b)) if a != b => push(RuleId::R29,
            "T2/T3",
            Some(Message {
                zh: format!("第二表是 {} 格式，第三表却是 {} 格式的样式（“（六）其他处理”{}）", a.key(), b.key(), if b == Format::F2019 { "只有一行" } else { "分三行" }),
                en: format!("Table 2 follows the {} format but Table 3 the {} layout (（六）其他处理 in {})", a.key(), b.key(), if b == Format::F2019 { "one row" } else { "three rows" }),
            }),
            None,
        ),
        (Some(_), Some(_)) => push(RuleId::R29, "T2/T3", None, None),
        _ => push(RuleId::R29, "T2/T3", None, Some(Message { zh: "只有一张表带有格式标志".into(), en: "only one table carries format markers".into() })),
    }
    // R28: years agree with each other and with the format.
    let mut problems_zh = Vec::new();
    let mut problems_en = Vec::new();
    if let (Some(a), Some(b)) = (title_year, period_year) {
        if a != b {
            problems_zh.push(format!("标题年份 {a} 与统计期限年份 {b} 不一致"));
            problems_en.push(format!(
                "title year {a} differs from the statistical period year {b}"
            ));
        }
    }
    if let (Some(y), Some(f)) = (title_year.or(period_year), format.or(marker_format)) {
        if y < 2019 {
            problems_zh.push(format!("{y} 年的报告不应使用 2019 年以后的表格"));
            problems_en.push(format!("a {y} report should not use the post-2019 tables"));
        } else if f == Format::F2021 && y < 2021 && t2_format == Some(Format::F2021) {
            problems_zh.push(format!("{y} 年的报告使用了 2021 年格式"));
            problems_en.push(format!("a {y} report uses the 2021 format"));
        } else if f == Format::F2019 && y >= 2021 && t2_format == Some(Format::F2019) {
            problems_zh.push(format!("{y} 年的报告仍使用 2019 年试行格式"));
            problems_en.push(format!("a {y} report still uses the 2019 trial format"));
        }
    }
    let cannot = (title_year.is_none() && period_year.is_none()).then(|| Message {
        zh: "未找到报告年份".into(),
        en: "no report year found".into(),
    });
    let fail = (!problems_zh.is_empty()).then(|| Message {
        zh: problems_zh.join("；"),
        en: problems_en.join("; "),
    });
    push(RuleId::R28, "year", fail, cannot);
}
