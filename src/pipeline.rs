//! The pipeline for one input: normalise → locate the tables → typed cells → rules →
//! one report.

use std::collections::HashMap;

use crate::forms::{self, Format};
use crate::locate::{self, Ctx};
use crate::normalize::{label_key, LineIndex};
use crate::records;
use crate::rules;
use crate::{
    Check, Finding, Message, Note, Report, Severity, Status, Summary, TableId, Tables, MAX_INPUT,
    SCHEMA_VERSION, VERSION,
};

fn empty_report() -> Report {
    Report {
        schema_version: SCHEMA_VERSION,
        engine: format!("gouji {VERSION}"),
        format: None,
        year: None,
        title: None,
        agency: None,
        recognised: false,
        table_info: Vec::new(),
        tables: Tables::default(),
        findings: Vec::new(),
        checks: Vec::new(),
        summary: Summary::default(),
        partial: true,
        notes: Vec::new(),
        problems: Vec::new(),
        implied: Vec::new(),
        verdict: crate::model::no_verdict(),
    }
}

fn note(code: &str, sev: Severity, zh: &str, en: &str) -> Note {
    Note {
        code: code.into(),
        severity: sev,
        message: Message {
            zh: zh.into(),
            en: en.into(),
        },
        span: None,
    }
}

pub fn check(text: &str) -> Report {
    let mut report = empty_report();
    if text.len() > MAX_INPUT {
        report.notes.push(note(
            "INPUT-TOO-LARGE",
            Severity::Error,
            &format!(
                "输入过大（{} 字节，上限 {} 字节），未检查；请只粘贴报告本身",
                text.len(),
                MAX_INPUT
            ),
            &format!(
                "input too large ({} bytes, limit {}); not checked: paste only the report",
                text.len(),
                MAX_INPUT
            ),
        ));
        return report;
    }
    if text.trim().is_empty() {
        report.notes.push(note(
            "INPUT-EMPTY",
            Severity::Error,
            "没有输入内容",
            "the input is empty",
        ));
        return report;
    }
    let recs = records::split(text);
    let lines = LineIndex::new(text);
    let ctx = Ctx::new(text, &recs, &lines);
    let all_keys = &ctx.keys;
    // One haystack, so each marker is searched once rather than once per line.
    let joined = all_keys.joined();
    let count = |m: &[&str]| m.iter().filter(|k| joined.contains(*k)).count();
    let (m21, m19) = (count(forms::MARKERS_2021), count(forms::MARKERS_2019));
    let title = find_title(text, &recs);
    let title_year = title.as_deref().and_then(year_in);
    let period_year = period_year(all_keys);
    let year = title_year.or(period_year);
    let marker_format = if m21 > m19 {
        Some(Format::F2021)
    } else if m19 > m21 {
        Some(Format::F2019)
    } else {
        year.map(|y| {
            if y <= 2020 {
                Format::F2019
            } else {
                Format::F2021
            }
        })
    };
    // The old forms' markers matter only where neither current form's appear.
    if m21 == 0 && m19 == 0 && count(forms::MARKERS_PRE2019) >= 2 {
        report.notes.push(note(
            "FORMAT-PRE-2019",
            Severity::Error,
            "这份报告使用 2019 年以前的统计表格（如“申请总数”“同意公开答复数”），本工具只检查 2019 年试行格式和 2021 年格式的报告",
            "this report uses the statistics tables from before 2019 (e.g. 申请总数, 同意公开答复数); gouji checks only the 2019 trial and 2021 formats",
        ));
        report.agency = crate::agency::report_agency(title.as_deref(), text);
        report.title = title;
        report.year = year;
        return report;
    }
    let mut located = locate::locate(&ctx, marker_format);
    located.info.sort_by_key(|i| i.table);
    let mut tables = Tables::default();
    // Sized once: a cell is large, and growing three tables cell by cell copied them
    // over and over.
    for t in TableId::ALL {
        let n = located.cells.iter().filter(|c| c.table == t).count();
        tables.get_mut(t).reserve_exact(n);
    }
    for c in located.cells {
        tables.get_mut(c.table).push(c);
    }
    let found: HashMap<TableId, bool> = located.info.iter().map(|i| (i.table, i.found)).collect();
    let recognised = found.values().any(|f| *f);
    let format = marker_format.or(located.t3_layout.map(|l| l.format()));
    let county = title.as_deref().map(|t| {
        let t = t.replace("自治区", "");
        ["县", "区", "乡", "镇", "街道"]
            .iter()
            .any(|k| t.contains(k))
    });
    let inp = rules::Input {
        tables: &tables,
        t3: located.t3_layout.map(forms::T3Layout::form),
        t2_format: located.t2_format,
        format,
        found: found.clone(),
        assumptions: &located.assumptions,
        county_level: county,
    };
    let out = rules::run(&inp);
    let mut checks = out.checks;
    let mut findings = out.findings;
    let implied = out.implied;
    if recognised {
        rules::report_rules(
            &rules::ReportFacts {
                found: &found,
                t3_layout: located.t3_layout,
                t2_format: located.t2_format,
                marker_format,
                title_year,
                period_year,
                format,
            },
            &mut checks,
            &mut findings,
        );
    }
    if recognised {
        // The text against the tables, and the report's sections (src/prose/).
        crate::prose::run(
            &crate::prose::Input {
                src: text,
                tables: &tables,
                t3_rows: located.t3_layout.map(forms::T3Layout::rows),
                found: &found,
                format,
                year,
                title: title.as_deref(),
            },
            &mut checks,
            &mut findings,
        );
    }
    let mut notes = located.notes;
    if !recognised {
        notes.push(note(
            "NO-TABLE",
            Severity::Error,
            "没有找到任何统计表（主动公开、收到和处理申请、行政复议和诉讼）。请粘贴报告全文或其中的表格",
            "no statistical table was recognised (proactive disclosure, applications, review and litigation); paste the whole report or its tables",
        ));
    }
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(table_order(a).cmp(&table_order(b)))
    });
    let partial = !recognised
        || located
            .info
            .iter()
            .any(|i| !i.found || i.cells_read < i.cells_expected)
        || checks
            .iter()
            .any(|c| c.status == Status::CannotCheck && c.severity == Severity::Error);
    let summary = summarise(&checks, &findings);
    let problems = crate::problems::group(&findings, &tables);
    let agency = crate::agency::report_agency(title.as_deref(), text);
    let mut report = Report {
        schema_version: SCHEMA_VERSION,
        engine: format!("gouji {VERSION}"),
        format: format.map(|f| f.key().to_string()),
        year,
        title,
        agency,
        recognised,
        table_info: located.info,
        tables,
        findings,
        checks,
        summary,
        partial,
        notes,
        problems,
        implied,
        verdict: crate::model::no_verdict(),
    };
    report.verdict = crate::problems::verdict(&report);
    report
}

fn table_order(f: &Finding) -> u8 {
    match f.cells.first().map(|c| c.table) {
        Some(TableId::Active) => 0,
        Some(TableId::Applications) => 1,
        Some(TableId::Review) => 2,
        None => 3,
    }
}

fn summarise(checks: &[Check], findings: &[Finding]) -> Summary {
    let mut s = Summary {
        checks: checks.len(),
        ..Summary::default()
    };
    for c in checks {
        match c.status {
            Status::Pass => s.passed += 1,
            Status::Fail => s.failed += 1,
            Status::CannotCheck => s.cannot_check += 1,
            Status::NotApplicable => s.not_applicable += 1,
        }
    }
    for f in findings {
        match f.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
    }
    s
}

/// The prose of a paste that says which report it is: its title and the sentence giving
/// the statistical period. Put before tables that arrive as grids (clipboard HTML), it
/// keeps the report's title and year, which live outside the tables.
pub fn context_head(text: &str) -> String {
    const LONGEST: usize = 300;
    let mut out = String::new();
    if text.len() > MAX_INPUT {
        return out;
    }
    let recs = records::split(text);
    if let Some(t) = find_title(text, &recs) {
        out.push_str(&t);
        out.push('\n');
    }
    if let Some(at) = text.find("统计期") {
        let start = text[..at].rfind(['。', '\n']).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[at..].find(['。', '\n']).map_or(text.len(), |i| at + i);
        let sentence = text[start..end].trim();
        if sentence.chars().count() <= LONGEST {
            out.push_str(sentence);
            out.push_str("。\n");
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The title: an early line naming the annual report.
fn find_title(text: &str, recs: &[records::Record]) -> Option<String> {
    // A title comes before the body (a site's menu lines may precede it) and is one
    // line; a longer line naming the report is a sentence of the body.
    const EARLY_LINES: usize = 15;
    const LONGEST_CHARS: usize = 80;
    recs.iter()
        .take(EARLY_LINES)
        .map(|r| r.text(text).trim())
        .find(|t| t.contains("年度报告") && t.chars().count() < LONGEST_CHARS)
        .map(|t| t.trim_start_matches('#').trim().to_string())
        .or_else(|| title_in_run(text))
}

/// Where the report arrives as one long line, its title is the first unbroken run of
/// text that ends in “…政府信息公开…年度报告” near the start.
fn title_in_run(text: &str) -> Option<String> {
    // Where to look (a title precedes the body) and how far back from “年度报告” a title
    // can start.
    const HEAD: usize = 4096;
    const LONGEST: usize = 60;
    let mut head_end = text.len().min(HEAD);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    let mut from = 0;
    while let Some(i) = head[from..].find("年度报告") {
        let end = from + i + "年度报告".len();
        // Back to sentence punctuation or a run of spaces ("青禾市示例局 2024 年…" keeps
        // its single spaces).
        let mut start = from + i;
        let mut prev_space = false;
        for (j, c) in head[..from + i].char_indices().rev().take(LONGEST) {
            let space = c.is_whitespace();
            if "。，；：、,;:（）()《》“”\"|".contains(c) || space && prev_space {
                break;
            }
            prev_space = space;
            start = j;
        }
        let t = head[start..end].trim();
        if t.contains("政府信息公开") && year_in(t).is_some() {
            return Some(t.to_string());
        }
        from = end;
    }
    None
}

/// First year (2000–2099) in a text, as "2024 年" or "2024年".
fn year_in(t: &str) -> Option<i32> {
    let k = label_key(t);
    let b = k.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = b.get(i..i + 4)?;
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = k.get(i + 4..).is_some_and(|r| r.starts_with('年'));
        if before_ok
            && after_ok
            && digits.iter().all(u8::is_ascii_digit)
            && digits[0] == b'2'
            && digits[1] == b'0'
        {
            std::str::from_utf8(digits).ok()?.parse().ok()
        } else {
            None
        }
    })
}

fn period_year(keys: &locate::Keys) -> Option<i32> {
    (0..keys.len()).find_map(|i| {
        // Most lines are ruled out by their bytes before a search.
        if !keys.has(i, "统计期") {
            return None;
        }
        let k = &keys[i];
        let at = k.find("统计期")?;
        let rest = &k[at..];
        let y = year_in(rest)?;
        rest.contains(&format!("{y}年1月1日")).then_some(y)
    })
}
