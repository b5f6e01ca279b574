//! Cross-year rules (R8, R17, R20, R21, R25): `gouji check --previous LAST.txt THIS.txt`,
//! and a batch pairing one agency's consecutive years by itself. Fictional agencies.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::*;
use gouji::cross_year;
use gouji::Status;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("gouji-xy-test-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(d: &Path, name: &str, text: &str) -> String {
    let p = d.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn gouji(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .output()
        .expect("run gouji")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Last year's (2023) and this year's (2024) 2021-format reports of one agency, every
/// cross-year relation holding.
fn two_years(agency: &str) -> (Fixture, Fixture) {
    let mut prev = Fixture::f2021();
    prev.agency = agency.into();
    prev.year = 2023;
    prev.period_year = 2023;
    let mut this = Fixture::f2021();
    this.agency = agency.into();
    *this.row_mut("CARRY_IN") = prev.row("CARRY_OUT");
    this.balance();
    for x in ["REG", "NDOC"] {
        let n = |f: &Fixture, c: &str| f.t2_get(x, c).unwrap().parse::<i64>().unwrap();
        let valid = n(&prev, "VALID") + n(&this, "MADE") - n(&this, "REPEALED");
        this.t2_set(x, "VALID", &valid.to_string());
    }
    (prev, this)
}

fn statuses(r: &gouji::Report, rule: &str) -> Vec<Status> {
    checks(r, rule).iter().map(|c| c.status).collect()
}

#[test]
fn consecutive_years_that_agree_pass_r8_r20_r21() {
    let (prev, this) = two_years("白鹭县示例局");
    let p = gouji::check(&prev.render(Layout::Tab));
    let t = gouji::check(&this.render(Layout::Tab));
    let o = cross_year::check_pair(&t, false, &p, "last.txt");
    assert!(
        o.findings.is_empty(),
        "{:?}",
        o.findings.iter().map(|f| &f.message.zh).collect::<Vec<_>>()
    );
    let mut r = t.clone();
    cross_year::apply(&mut r, o);
    assert_eq!(statuses(&r, "R8"), vec![Status::Pass; 7]);
    assert_eq!(statuses(&r, "R20"), vec![Status::Pass; 2]);
    assert_eq!(statuses(&r, "R21"), vec![Status::Pass; 2]);
    assert_eq!(statuses(&r, "R17"), vec![Status::NotApplicable; 3]);
    assert_eq!(statuses(&r, "R25"), vec![Status::NotApplicable; 5]);
    assert_eq!(r.summary.checks, t.summary.checks + 19);
    assert_eq!(r.summary.passed, t.summary.passed + 11);
}

#[test]
fn a_carry_in_that_is_not_last_years_carry_out_is_a_warning_naming_both_reports() {
    let (prev, mut this) = two_years("白鹭县示例局");
    this.t3_set("CARRY_IN", "BE", this.t3_get("CARRY_IN", "BE") + 2);
    this.balance();
    let d = dir("r8");
    let last = write(&d, "2023.txt", &prev.render(Layout::Tab));
    let now = write(&d, "2024.txt", &this.render(Layout::Tab));
    let o = gouji(&["check", "--previous", &last, &now]);
    assert_eq!(o.status.code(), Some(0), "warnings only: {}", out(&o));
    let text = out(&o);
    assert!(
        text.contains(&format!("跨年度核对：上年报告 {last}")),
        "{text}"
    );
    assert!(text.contains("warning[R8/XY-CARRY-IN]"), "{text}");
    assert!(text.contains("本年“二·商业企业”为"), "{text}");
    assert!(
        text.contains(&format!("上年报告（{last}）“四·商业企业”为")),
        "{text}"
    );
    let o = gouji(&["check", "--format", "json", "--previous", &last, &now]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let f: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "R8")
        .collect();
    let insts: Vec<&str> = f.iter().map(|f| f["instance"].as_str().unwrap()).collect();
    assert_eq!(insts, ["BE", "TOT"]);
    assert_eq!(f[0]["severity"], "warning");
    assert_eq!(f[0]["difference"], 2);
    assert_eq!(f[0]["actual"], this.t3_get("CARRY_IN", "BE"));
    assert_eq!(f[0]["expected"], prev.t3_get("CARRY_OUT", "BE"));
    assert_eq!(f[0]["cells"][0]["row"], "CARRY_IN");
    assert!(f[0]["span"]["line"].is_number());
    assert_eq!(v["summary"]["warnings"], 2);
}

#[test]
fn documents_in_force_and_repealed() {
    let (prev, mut this) = two_years("白鹭县示例局");
    // 2 more in force than last year's plus made minus repealed (R20); NDOC: more repealed
    // than there were (R21, and R20 with it).
    let v = this.t2_get("REG", "VALID").unwrap().parse::<i64>().unwrap();
    this.t2_set("REG", "VALID", &(v + 2).to_string());
    this.t2_set("NDOC", "REPEALED", "500");
    let p = gouji::check(&prev.render(Layout::Tab));
    let t = gouji::check(&this.render(Layout::Tab));
    let o = cross_year::check_pair(&t, false, &p, "last.txt");
    let got: Vec<(String, String)> = o
        .findings
        .iter()
        .map(|f| (f.rule.to_string(), f.instance.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("R20".to_string(), "REG".to_string()),
            ("R20".into(), "NDOC".into()),
            ("R21".into(), "NDOC".into())
        ]
    );
    assert_eq!(o.findings[0].difference, Some(gouji::Num::int(2)));
    assert!(
        o.findings[0]
            .message
            .zh
            .contains("上年报告（last.txt）现行有效"),
        "{}",
        o.findings[0].message.zh
    );
}

#[test]
fn r17_only_where_the_report_says_counts_include_last_years_cases() {
    let (mut prev, this) = two_years("白鹭县示例局");
    // Last year 5 reviews still pending; this year's review total is smaller.
    prev.t4_set("REV", "PENDING", 9);
    prev.balance();
    let p = gouji::check(&prev.render(Layout::Tab));
    let text = this.render(Layout::Tab) + "\n注：行政复议、行政诉讼数量含上年度结转数量。\n";
    assert!(cross_year::states_carry_over(&text));
    let t = gouji::check(&text);
    let o = cross_year::check_pair(&t, true, &p, "last.txt");
    let r17: Vec<&gouji::Finding> = o.findings.iter().filter(|f| f.rule == "R17").collect();
    assert_eq!(r17.len(), 1);
    assert_eq!(r17[0].instance, "REV");
    assert_eq!(r17[0].severity, gouji::Severity::Info);
    let o = cross_year::check_pair(&t, false, &p, "last.txt");
    assert!(o.findings.iter().all(|f| f.rule != "R17"));
}

#[test]
fn items_carry_over_from_2019_to_2020_only() {
    let mut prev = Fixture::f2019();
    prev.agency = "青禾县审计局".into();
    prev.year = 2019;
    prev.period_year = 2019;
    let mut this = Fixture::f2019();
    this.agency = "青禾县审计局".into();
    *this.row_mut("CARRY_IN") = prev.row("CARRY_OUT");
    this.balance();
    // 2020's 上一年项目数量 = 2019's 上一年项目数量 + 本年增/减, except for LICENSE.
    for x in ["LICENSE", "OTHERSVC", "PUNISH", "COERCE", "FEE"] {
        let before = prev
            .t2_expected(x, "PREV_ITEMS")
            .unwrap()
            .parse::<i64>()
            .unwrap();
        let delta = prev
            .t2_expected(x, "DELTA")
            .unwrap()
            .parse::<i64>()
            .unwrap();
        let want = before + delta + i64::from(x == "LICENSE");
        this.t2_set(x, "PREV_ITEMS", &want.to_string());
    }
    let p = gouji::check(&prev.render(Layout::Tab));
    let t = gouji::check(&this.render(Layout::Tab));
    assert_eq!((p.year, t.year), (Some(2019), Some(2020)));
    let o = cross_year::check_pair(&t, false, &p, "2019.txt");
    let r25: Vec<(&str, Status)> = o
        .checks
        .iter()
        .filter(|c| c.rule == "R25")
        .map(|c| (c.instance.as_ref(), c.status))
        .collect();
    assert_eq!(
        r25,
        [
            ("LICENSE", Status::Fail),
            ("OTHERSVC", Status::Pass),
            ("PUNISH", Status::Pass),
            ("COERCE", Status::Pass),
            ("FEE", Status::Pass)
        ]
    );
    assert_eq!(statuses_of(&o, "R20"), vec![Status::NotApplicable; 2]);
    // A 2019 report has no previous report in these formats: nothing applies.
    let o = cross_year::check_pair(&p, false, &p, "2019.txt");
    assert!(o.checks.iter().all(|c| c.status == Status::NotApplicable));
    assert!(o.findings.is_empty());
}

fn statuses_of(o: &gouji::cross_year::Outcome, rule: &str) -> Vec<Status> {
    o.checks
        .iter()
        .filter(|c| c.rule == rule)
        .map(|c| c.status)
        .collect()
}

#[test]
fn reports_not_one_year_apart_cannot_be_compared() {
    let (mut prev, this) = two_years("白鹭县示例局");
    prev.year = 2021;
    prev.period_year = 2021;
    let p = gouji::check(&prev.render(Layout::Tab));
    let t = gouji::check(&this.render(Layout::Tab));
    let o = cross_year::check_pair(&t, false, &p, "old.txt");
    assert!(o.findings.is_empty());
    assert!(o.checks.iter().all(|c| c.status == Status::CannotCheck));
    let why = o.checks[0].reason.as_ref().unwrap();
    assert!(why.zh.contains("2021 年的，不是 2023 年"), "{}", why.zh);
}

#[test]
fn a_batch_pairs_one_agencys_consecutive_years_and_shows_it() {
    let (prev, mut this) = two_years("白鹭县示例局");
    this.t3_set("CARRY_IN", "NP", this.t3_get("CARRY_IN", "NP") + 1);
    this.balance();
    let mut other = Fixture::f2021();
    other.agency = "青禾县审计局".into();
    let d = dir("batch");
    let a23 = write(&d, "a/白鹭县-2023.txt", &prev.render(Layout::Tab));
    let a24 = write(&d, "a/白鹭县-2024.md", &this.render(Layout::Pipes));
    let b24 = write(&d, "b/青禾县-2024.txt", &other.render(Layout::Tab));
    let o = gouji(&["check", "--summary", "json", "-j", "2", d.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let rows = v.as_array().unwrap();
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(files, [a23.as_str(), a24.as_str(), b24.as_str()]);
    assert!(rows[0]["previous"].is_null());
    assert_eq!(rows[1]["previous"], a23.as_str());
    assert!(rows[2]["previous"].is_null());
    assert_eq!(rows[1]["warnings"], 2, "R8 in NP and TOT");
    // The text output says which report it was compared with.
    let o = gouji(&["check", "--no-tables", d.to_str().unwrap()]);
    let text = out(&o);
    assert!(
        text.contains(&format!("跨年度核对：上年报告 {a23}")),
        "{text}"
    );
    assert_eq!(text.matches("跨年度核对").count(), 1, "{text}");
    // JSON lines: the pairing is said on stderr.
    let o = gouji(&["check", "--format", "json", d.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{a24} ← {a23}")), "{err}");
}

#[test]
fn an_unreadable_previous_report_is_said_and_nothing_is_checked() {
    let (_, this) = two_years("白鹭县示例局");
    let d = dir("bad-prev");
    let now = write(&d, "2024.txt", &this.render(Layout::Tab));
    let o = gouji(&["check", "--previous", "/nonexistent/2023.txt", &now]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/2023.txt"));
    assert!(out(&o).is_empty());
}
