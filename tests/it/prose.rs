//! The report's text against its tables (domain-spec §D, P1–P14) and its sections (§A.1,
//! R9, S1–S4): for every rule, a sentence that breaks it and one that keeps it, on a
//! fictional report (青禾市示例局, tests/fixtures/prose/qinghe-2024-prose.txt, whose
//! tables all reconcile); the 上海 2019 mismatches of §D rebuilt on the test fixture;
//! and, when ../shared/corpus is present, no prose warning on the real reports whose
//! text agrees with their tables.

use std::io::Write;
use std::path::Path;

use crate::common::{Fixture, Layout};
use gouji::{Check, Finding, Report, Severity, Status, TableId};

const BASE: &str = include_str!("../fixtures/prose/qinghe-2024-prose.txt");

fn with(old: &str, new: &str) -> String {
    assert!(BASE.contains(old), "fixture has no {old:?}");
    BASE.replacen(old, new, 1)
}

fn prose_findings(r: &Report) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| {
            let id = f.rule.as_str();
            id.starts_with('P') || id.starts_with('S') || id == "R9"
        })
        .collect()
}

fn checks<'a>(r: &'a Report, rule: &str) -> Vec<&'a Check> {
    r.checks
        .iter()
        .filter(|c| c.rule.as_str() == rule)
        .collect()
}

/// Exactly one finding, of `rule`, a warning (R9: info), whose span is a sentence of the
/// text holding `quote`, naming both numbers.
fn one_finding<'a>(
    r: &'a Report,
    text: &str,
    rule: &str,
    quote: &str,
    nums: &[&str],
) -> &'a Finding {
    let fs = prose_findings(r);
    assert_eq!(
        fs.len(),
        1,
        "{rule}: {:#?}",
        fs.iter().map(|f| &f.message.zh).collect::<Vec<_>>()
    );
    let f = fs[0];
    assert_eq!(f.rule.as_str(), rule);
    let want = if rule == "R9" {
        Severity::Info
    } else {
        Severity::Warning
    };
    assert_eq!(f.severity, want);
    let span = f.span.expect("a prose finding points at its sentence");
    let sentence = &text[span.start..span.end];
    assert!(
        sentence.contains(quote),
        "{rule}: span {sentence:?} lacks {quote:?}"
    );
    for n in nums {
        assert!(
            f.message.zh.contains(n),
            "{rule}: zh {:?} lacks {n}",
            f.message.zh
        );
        assert!(
            f.message.en.contains(n),
            "{rule}: en {:?} lacks {n}",
            f.message.en
        );
    }
    assert_eq!(
        checks(r, rule)
            .iter()
            .filter(|c| c.status == Status::Fail)
            .count(),
        1
    );
    f
}

fn no_prose_findings(r: &Report) {
    let fs = prose_findings(r);
    assert!(
        fs.is_empty(),
        "{:#?}",
        fs.iter().map(|f| &f.message.zh).collect::<Vec<_>>()
    );
}

#[test]
fn the_fixture_agrees_everywhere() {
    let r = gouji::check(BASE);
    no_prose_findings(&r);
    assert!(r.findings.is_empty());
    for rule in [
        "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P9", "P10", "P11", "P12", "P13", "P14", "S1",
        "S2", "S3",
    ] {
        let cs = checks(&r, rule);
        assert!(!cs.is_empty(), "{rule} not run");
        assert!(
            cs.iter().all(|c| c.status == Status::Pass),
            "{rule}: {cs:?}"
        );
    }
}

/// (rule, the sentence's words in the fixture, the broken words, the table's number)
const BROKEN: &[(&str, &str, &str, &str)] = &[
    (
        "P1",
        "新收政府信息公开申请 89 件",
        "新收政府信息公开申请 90 件",
        "89",
    ),
    ("P2", "其中自然人申请 41 件", "其中自然人申请 39 件", "41"),
    (
        "P2",
        "法人或其他组织申请 48 件",
        "法人或其他组织申请 47 件",
        "48",
    ),
    ("P3", "上年结转 12 件", "上年结转 13 件", "12"),
    ("P4", "办结 96 件", "办结 95 件", "96"),
    (
        "P5",
        "结转下年度继续办理 5 件",
        "结转下年度继续办理 6 件",
        "5",
    ),
    ("P5", "结转下年度继续办理 5 件", "转下年度办理 6 件", "5"),
    (
        "P2",
        "其中自然人申请 41 件",
        "其中自然人提出申请 39 件",
        "41",
    ),
    ("P6", "予以公开 5 件（5.21%）", "予以公开 6 件", "5"),
    ("P7", "部分公开 2 件", "部分公开 3 件", "2"),
    ("P9", "不予公开 33 件", "不予公开 30 件", "33"),
    ("P10", "无法提供 15 件", "无法提供 16 件", "15"),
    ("P11", "不予处理 17 件", "不予处理 18 件", "17"),
    ("P12", "其他处理 24 件", "其他处理 25 件", "24"),
    (
        "P13",
        "予以公开 5 件（5.21%）",
        "予以公开 5 件（6.21%）",
        "6.21",
    ),
    ("P14", "行政复议 5 件", "行政复议 6 件", "5"),
    ("P14", "行政诉讼 3 件", "行政诉讼 4 件", "3"),
    ("P14", "相关案件 8 件", "相关案件 9 件", "8"),
];

#[test]
fn each_relation_broken_is_one_warning_on_its_sentence() {
    for (rule, old, new, table) in BROKEN {
        let text = with(old, new);
        let r = gouji::check(&text);
        let digits: String = new
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let said = if *rule == "P13" {
            table.to_string()
        } else {
            digits
        };
        let f = one_finding(&r, &text, rule, new, &[&said, table]);
        if *rule != "P13" {
            assert!(!f.cells.is_empty(), "{rule}: no cells");
            assert!(f.expected.is_some() && f.actual.is_some());
        }
        // The table is unchanged: no error.
        assert_eq!(r.summary.errors, 0, "{rule}");
    }
}

#[test]
fn p8_granted_and_partial_together() {
    let text = with(
        "部分公开 2 件，",
        "部分公开 2 件，予以公开及部分公开 7 件，",
    );
    no_prose_findings(&gouji::check(&text));
    assert!(checks(&gouji::check(&text), "P8")
        .iter()
        .all(|c| c.status == Status::Pass));
    let text = with(
        "部分公开 2 件，",
        "部分公开 2 件，予以公开及部分公开 6 件，",
    );
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "P8", "予以公开及部分公开 6 件", &["6", "7"]);
    assert_eq!(f.cells.len(), 2, "GRANT and PARTIAL");
}

#[test]
fn p1_either_reading_is_accepted_and_named() {
    // 89 new + 12 carried in = 101 (沭阳 2025 counts this way).
    let text = with(
        "新收政府信息公开申请 89 件",
        "共受理政府信息公开申请 101 件",
    );
    let r = gouji::check(&text);
    no_prose_findings(&r);
    let c = checks(&r, "P1");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].status, Status::Pass);
    let why = c[0].reason.as_ref().expect("says which reading matched");
    assert!(why.zh.contains("上年结转"), "{}", why.zh);
}

#[test]
fn p10_a_sub_row_is_accepted_and_named() {
    // 上海 2019: "因本机关不掌握等原因无法提供265件" is （四）1 alone.
    let text = with("无法提供 15 件", "因本机关不掌握等原因无法提供 6 件");
    let r = gouji::check(&text);
    no_prose_findings(&r);
    let c = checks(&r, "P10");
    assert_eq!(c[0].status, Status::Pass);
    assert!(c[0]
        .reason
        .as_ref()
        .is_some_and(|m| m.zh.contains("（四）1")));
}

#[test]
fn p14_claims() {
    // Table 4 of the fixture: review 3 upheld, 1 corrected, 1 pending; suits with one
    // pending, none corrected.
    let text = with("全年未发生行政诉讼败诉情况。", "行政复议均未被纠错。");
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "P14", "均未被纠错", &["1"]);
    assert_eq!(f.cells.len(), 1);
    assert_eq!(f.cells[0].table, TableId::Review);
    assert_eq!(f.cells[0].column, "CORRECTED");

    let text = with("全年未发生行政诉讼败诉情况。", "以上案件均获维持。");
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "P14", "均获维持", &[]);
    assert!(f.message.zh.contains("尚未审结") && f.message.en.contains("pending"));
    assert!(
        f.cells.len() >= 3,
        "corrected and pending cells: {:?}",
        f.cells
    );

    // Kept: no suit was lost; an aim is not a claim; a rate is not a claim.
    for ok in [
        "全年未发生行政诉讼败诉情况。",
        "力争行政诉讼零败诉。",
        "降低行政复议纠错率。",
        "未经复议直接起诉的案件被纠错 0 件。",
    ] {
        let text = with("全年未发生行政诉讼败诉情况。", ok);
        no_prose_findings(&gouji::check(&text));
    }
}

#[test]
fn figures_with_no_counterpart_or_uncertain_reading_are_not_findings() {
    for (old, new) in [
        // No table counterpart.
        (
            "我局主动公开政府信息 126 条。",
            "我局承办人大代表建议 12 件、政协提案 9 件。",
        ),
        // Approximate, a change, a part of the agency.
        ("新收政府信息公开申请 89 件", "新收政府信息公开申请近 90 件"),
        ("上年结转 12 件。", "上年结转 12 件，较上年增加 3 件。"),
        (
            "新收政府信息公开申请 89 件",
            "办公室代表本局受理政府信息公开申请 17 件",
        ),
        // A list before the figure: the figure is the whole list's.
        (
            "其中自然人申请 41 件，法人或其他组织申请 48 件",
            "其中公民、法人和其他组织申请 89 件",
        ),
        // A wider area or several bodies, in a department's report.
        (
            "新收政府信息公开申请 89 件",
            "全市共受理政府信息公开申请 300 件",
        ),
        (
            "新收政府信息公开申请 89 件",
            "各部门共受理政府信息公开申请 300 件",
        ),
        // "办理" about hotline calls, not applications.
        (
            "我局主动公开政府信息 126 条。",
            "通过 12345 热线受理群众诉求 260 件，已办理 250 件。",
        ),
    ] {
        let text = with(old, new);
        let r = gouji::check(&text);
        no_prose_findings(&r);
    }
}

#[test]
fn chinese_and_full_width_numerals() {
    let text = with("上年结转 12 件", "上年结转十二件");
    no_prose_findings(&gouji::check(&text));
    let text = with("上年结转 12 件", "上年结转十三件");
    let r = gouji::check(&text);
    one_finding(&r, &text, "P3", "上年结转十三件", &["13", "12"]);
    let text = with("办结 96 件", "办结９５件");
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "P4", "办结９５件", &["95", "96"]);
    assert_eq!(f.actual.map(|n| n.to_string()), Some("95".into()));
}

#[test]
fn a_sentence_broken_across_lines_is_one_sentence() {
    // PDF copies wrap inside words: "予以公开及部\n分公开 208 件".
    let text = with("办结 96 件", "办\n结 95\n件");
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "P4", "结 95", &["95", "96"]);
    let span = f.span.expect("span");
    assert!(text[span.start..span.end].starts_with("办\n结"));
}

#[test]
fn the_shanghai_2019_mismatches_are_found() {
    // domain-spec §D: 上海市政府办公厅 2019 (F2019) says "予以公开和部分公开258件" where the
    // table has 272 + 3 (258 is the 自然人 cell of 予以公开), and "行政复议7件，诉讼9件，
    // 均获维持" where Table 4 has 尚未审结 2 and 1. Rebuilt on the test fixture.
    let mut f = Fixture::f2019();
    f.t3_set("GRANT", "NP", 258);
    f.t3_set("GRANT", "BE", 14);
    f.t3_set("GRANT", "RI", 0);
    f.t3_set("GRANT", "PW", 0);
    f.t3_set("GRANT", "LS", 0);
    f.t3_set("GRANT", "OT", 0);
    f.t3_set("PARTIAL", "NP", 3);
    for c in ["BE", "RI", "PW", "LS", "OT"] {
        f.t3_set("PARTIAL", c, 0);
    }
    f.t3_set("UNABLE_1", "NP", 265);
    for c in ["BE", "RI", "PW", "LS", "OT"] {
        f.t3_set("UNABLE_1", c, 0);
    }
    f.t4 = [5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0];
    f.balance();
    let base = f.render(Layout::Tab);
    let said = "（三）本年度予以公开和部分公开258件，因本机关不掌握等原因无法提供265件。本机关共发生行政复议7件，诉讼9件，均获维持。\n\n二、主动公开政府信息情况";
    let text = base.replacen("二、主动公开政府信息情况", said, 1);
    let r = gouji::check(&text);
    let fs = prose_findings(&r);
    let rules: Vec<&str> = fs.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules,
        ["P8", "P14"],
        "{:#?}",
        fs.iter().map(|f| &f.message.zh).collect::<Vec<_>>()
    );
    assert!(fs[0].message.zh.contains("258") && fs[0].message.zh.contains("275"));
    assert!(fs[1].message.zh.contains("尚未审结"));
    // P10 quotes a sub-row: accepted.
    assert!(checks(&r, "P10").iter().all(|c| c.status == Status::Pass));
}

// ---------------------------------------------------------------- sections

#[test]
fn s1_sections_present_and_in_order() {
    let text = with("五、存在的主要问题及改进情况", "五、其他工作");
    let text = text.replacen("一是政策解读形式较为单一；二是依申请公开答复文书说理不够充分。下一步，我局将丰富解读形式，规范答复文书。", "本年度开展培训 2 次。", 1);
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "S1", "", &[]);
    assert!(f.message.zh.contains("存在的主要问题"), "{}", f.message.zh);

    // Heading variants: a qualifier before the words.
    let text = with("二、主动公开政府信息情况", "二、政府信息主动公开情况");
    let r = gouji::check(&text);
    no_prose_findings(&r);
    assert!(checks(&r, "S1").iter().all(|c| c.status == Status::Pass));

    // Section 五's heading lost in a PDF conversion, its sub-headings kept: present.
    let text = with("五、存在的主要问题及改进情况", "（一）存在的主要问题");
    let r = gouji::check(&text);
    no_prose_findings(&r);

    // 六 before 五.
    let six = "六、其他需要报告的事项\n\n本年度未收取信息处理费。";
    let text = with(six, "").replacen(
        "五、存在的主要问题",
        &format!("{six}\n\n五、存在的主要问题"),
        1,
    );
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "S1", "", &[]);
    assert!(f.message.zh.contains("顺序"), "{}", f.message.zh);
}

#[test]
fn s2_section_five_says_something() {
    for body in ["无。", "", "我局将继续做好政府信息公开工作。"] {
        let text = with(
            "一是政策解读形式较为单一；二是依申请公开答复文书说理不够充分。下一步，我局将丰富解读形式，规范答复文书。",
            body,
        );
        let r = gouji::check(&text);
        let f = one_finding(&r, &text, "S2", "五、存在的主要问题", &[]);
        assert!(f.span.is_some());
    }
}

#[test]
fn s3_section_six_reports_fees() {
    let text = with("本年度未收取信息处理费。", "无其他需要报告的事项。");
    let r = gouji::check(&text);
    one_finding(&r, &text, "S3", "六、其他需要报告的事项", &[]);
    // The 2019 format did not ask for it.
    let f = Fixture::f2019();
    let text =
        f.render(Layout::Tab)
            .replacen("本年度未收取信息处理费。", "无其他需要报告的事项。", 1);
    let r = gouji::check(&text);
    assert_eq!(r.format.as_deref(), Some("2019"));
    let s3 = checks(&r, "S3");
    assert!(
        !s3.is_empty() && s3.iter().all(|c| c.status == Status::NotApplicable),
        "{s3:?}"
    );
}

#[test]
fn r9_no_fee_notice_but_table_three_has_unpaid_fees() {
    // The fixture's （六）2 (逾期未按收费通知要求缴纳费用) is 16.
    let text = with(
        "本年度未收取信息处理费。",
        "本年度未向申请人发出收费通知，未收取信息处理费。",
    );
    let r = gouji::check(&text);
    let f = one_finding(&r, &text, "R9", "收费通知", &["16"]);
    assert_eq!(f.cells[0].row, "OTHER_2");
    // Not collecting fees is no contradiction: notices may go unpaid.
    let r = gouji::check(BASE);
    assert!(checks(&r, "R9")
        .iter()
        .all(|c| c.status == Status::NotApplicable));
}

#[test]
fn s4_fee_table_against_section_six() {
    let table = "五、信息处理费收取情况\n\n通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n2\t300\t{}\n\n六、其他需要报告的事项";
    let agree = with("六、其他需要报告的事项", &table.replace("{}", "0"));
    let r = gouji::check(&agree);
    assert!(
        checks(&r, "S4").iter().all(|c| c.status == Status::Pass),
        "{:?}",
        checks(&r, "S4")
    );
    let differ = with("六、其他需要报告的事项", &table.replace("{}", "300"));
    let r = gouji::check(&differ);
    one_finding(&r, &differ, "S4", "未收取信息处理费", &["300"]);
}

#[test]
fn tables_only_and_one_line_pastes() {
    // Only the tables: sections not applicable, never a warning.
    let start = BASE.find("二、主动公开政府信息情况").unwrap_or(0);
    let end = BASE.find("五、存在的主要问题").unwrap_or(BASE.len());
    let r = gouji::check(&BASE[start..end]);
    no_prose_findings(&r);
    for rule in ["S1", "S2", "S3"] {
        assert!(
            checks(&r, rule)
                .iter()
                .all(|c| c.status == Status::NotApplicable),
            "{rule}"
        );
    }
    // The whole report on one line: the same checks, the same result.
    let flat: String = BASE.split_whitespace().collect::<Vec<_>>().join(" ");
    let r = gouji::check(&flat);
    no_prose_findings(&r);
    assert!(checks(&r, "S1").iter().all(|c| c.status == Status::Pass));
    let broken = flat.replacen("办结 96 件", "办结 95 件", 1);
    let r = gouji::check(&broken);
    one_finding(&r, &broken, "P4", "办结 95 件", &["95", "96"]);
}

#[test]
fn a_large_paste_stays_fast() {
    // ~1 MB of prose full of figures: linear, not quadratic.
    let para = "全年新收政府信息公开申请 89 件，办结 96 件，予以公开 5 件（5.21%），行政复议 5 件，未被纠错。";
    let mut text = BASE.to_string();
    while text.len() < 1_000_000 {
        text.push_str(para);
    }
    let t = std::time::Instant::now();
    let r = gouji::check(&text);
    assert!(r.recognised);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

// ---------------------------------------------------------------- real reports

fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

/// Every prose and section warning on ../shared/corpus and its flat/ folder, against the
/// list of the ones a reader confirms (section 六 of two 2021+ reports says nothing about
/// fees). Skips, saying so, when the folder is absent.
#[test]
fn real_reports_no_false_prose_warnings() {
    let dir = std::env::var_os("GOUJI_CORPUS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        std::path::PathBuf::from,
    );
    if !dir.is_dir() {
        say(&format!(
            "SKIPPED real_reports_no_false_prose_warnings: {} not found",
            dir.display()
        ));
        if std::env::var("CI_REQUIRE_CORPUS").is_ok_and(|v| v == "1") {
            panic!("CI_REQUIRE_CORPUS=1 but the corpus is absent");
        }
        return;
    }
    const CONFIRMED: &[(&str, &str)] = &[("pt-104900.txt", "S3"), ("pt-80610.txt", "S3")];
    let mut files = Vec::new();
    for d in [dir.clone(), dir.join("flat")] {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            if (name.ends_with(".txt") || name.ends_with(".md")) && name != "README.md" {
                files.push((name, p));
            }
        }
    }
    assert!(files.len() >= 39, "{} corpus texts", files.len());
    let mut seen = Vec::new();
    let mut checked = 0;
    for (name, p) in files {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let r = gouji::check(&text);
        checked += r
            .checks
            .iter()
            .filter(|c| c.rule.as_str().starts_with('P') && c.status == Status::Pass)
            .count();
        for f in prose_findings(&r) {
            seen.push((
                name.clone(),
                f.rule.as_str().to_string(),
                f.message.zh.clone(),
            ));
        }
    }
    let unexpected: Vec<_> = seen
        .iter()
        .filter(|(n, rule, _)| !CONFIRMED.iter().any(|(cn, cr)| cn == n && cr == rule))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    assert_eq!(seen.len(), CONFIRMED.len(), "{seen:#?}");
    // The real reports' prose is really read: many (report, rule) checks pass.
    assert!(checked >= 50, "{checked} prose checks passed");
}

#[test]
fn p1_no_application_received() {
    // domain-spec §D: "本机关…未收到…政府信息公开申请" ↔ 一、本年新收 = 0 (here 89).
    let text = with(
        "我局主动公开政府信息 126 条。",
        "我局未收到政府信息公开申请。",
    );
    let r = gouji::check(&text);
    one_finding(&r, &text, "P1", "未收到政府信息公开申请", &["89"]);
    // Not about applications: reviews and suits.
    let text = with(
        "我局主动公开政府信息 126 条。",
        "未收到因政府信息公开提出的行政复议、行政诉讼的申请。",
    );
    no_prose_findings(&gouji::check(&text));
}
