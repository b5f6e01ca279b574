//! One breaking and one passing report for every single-report rule.

use crate::common::*;
use gouji::{Finding, Num, Report, Severity, Status, TableId};

use TableId::{Active as T2, Applications as T3, Review as T4};

fn run(f: &Fixture) -> Report {
    gouji::check(&f.render(Layout::Tab))
}

/// The one finding of `rule` (with instance), asserting severity and status fail.
fn fails<'a>(r: &'a Report, rule: &str, instance: &str, sev: Severity) -> &'a Finding {
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == rule && f.instance == instance && f.status == Status::Fail)
        .unwrap_or_else(|| panic!("no {rule} [{instance}] finding\n{}", describe(r)));
    assert_eq!(f.severity, sev, "{rule} severity");
    assert_eq!(
        check_status(r, rule, instance),
        Some(Status::Fail),
        "{rule} [{instance}] check"
    );
    f
}

/// No finding of `rule`, and all its checks pass / not applicable.
fn passes(r: &Report, rule: &str) {
    assert!(
        findings(r, rule).is_empty(),
        "{rule} findings\n{}",
        describe(r)
    );
    let cs = checks(r, rule);
    assert!(!cs.is_empty(), "{rule}: no checks");
    for c in cs {
        assert!(
            matches!(c.status, Status::Pass | Status::NotApplicable),
            "{rule} [{}] is {:?} {:?}",
            c.instance,
            c.status,
            c.reason
        );
    }
}

fn n(v: i64) -> Option<Num> {
    Some(Num::int(v))
}

#[test]
fn consistent_reports_pass_every_rule() {
    for f in [Fixture::f2021(), Fixture::f2019()] {
        let r = run(&f);
        assert!(r.findings.is_empty(), "{:?}\n{}", f.fmt, describe(&r));
        let mut rules = vec![
            "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R10", "R11", "R12", "R13", "R14", "R15",
            "R16", "R22", "R28", "R29", "R30",
        ];
        match f.fmt {
            Fmt::F2021 => rules.extend(["R18", "R19"]),
            Fmt::F2019 => rules.extend(["R23", "R24", "R26", "R27"]),
        }
        for rule in rules {
            passes(&r, rule);
        }
    }
}

#[test]
fn r1_balance() {
    // CARRY_OUT.NP one too many: 一 + 二 = （七）总计 + 四 fails in column NP.
    let mut f = Fixture::f2021();
    let before = f.t3_get("CARRY_OUT", "NP");
    f.t3_set("CARRY_OUT", "NP", before + 2);
    f.t3_set("CARRY_OUT", "TOT", f.t3_get("CARRY_OUT", "TOT") + 2);
    let r = run(&f);
    let x = fails(&r, "R1", "NP", Severity::Error);
    let inflow = f.t3_get("NEW", "NP") + f.t3_get("CARRY_IN", "NP");
    let outflow = f.t3_get("TOTAL", "NP") + before + 2;
    assert_eq!(x.actual, n(inflow));
    assert_eq!(x.expected, n(outflow));
    assert_eq!(x.difference, n(-2));
    assert!(has_cell(x, T3, "CARRY_OUT", "NP"));
    assert!(has_suspect(x, T3, "CARRY_OUT", "NP"), "{}", describe(&r));
    assert_eq!(x.code, "T3-BALANCE");
    passes(&run(&Fixture::f2021()), "R1");
}

#[test]
fn r2_outcome_sum() {
    let mut f = Fixture::f2021();
    f.t3_set("TOTAL", "BE", f.t3_get("TOTAL", "BE") + 3);
    let r = run(&f);
    let x = fails(&r, "R2", "BE", Severity::Error);
    let sum: i64 = outcome_rows(f.fmt).iter().map(|o| f.t3_get(o, "BE")).sum();
    assert_eq!(x.actual, n(sum + 3));
    assert_eq!(x.expected, n(sum));
    assert_eq!(x.difference, n(3));
    assert!(has_suspect(x, T3, "TOTAL", "BE"), "{}", describe(&r));
    // The same in the 2019 layout, through its single （六） row.
    let mut f = Fixture::f2019();
    f.t3_set("OTHER", "NP", f.t3_get("OTHER", "NP") + 1);
    let r = run(&f);
    let x = fails(&r, "R2", "NP", Severity::Error);
    assert_eq!(x.difference, n(-1));
    assert!(has_suspect(x, T3, "OTHER", "NP"), "{}", describe(&r));
    passes(&run(&Fixture::f2019()), "R2");
}

#[test]
fn r3_row_sum() {
    let mut f = Fixture::f2021();
    f.t3_set("DENY_4", "TOT", f.t3_get("DENY_4", "TOT") + 5);
    let r = run(&f);
    let x = fails(&r, "R3", "DENY_4", Severity::Error);
    let six: i64 = f.row("DENY_4")[..6].iter().sum();
    assert_eq!(x.actual, n(six + 5));
    assert_eq!(x.expected, n(six));
    assert_eq!(x.difference, n(5));
    assert!(has_suspect(x, T3, "DENY_4", "TOT"), "{}", describe(&r));
    assert_eq!(
        x.span.map(|s| s.line),
        r.tables.find(T3, "DENY_4", "TOT").unwrap().line
    );
    passes(&run(&Fixture::f2021()), "R3");
}

#[test]
fn r4_table3_values() {
    for bad in ["-1", "1.5"] {
        let mut f = Fixture::f2021();
        f.set_raw(T3, "UNABLE_2", "RI", bad);
        let r = run(&f);
        let x = fails(&r, "R4", "UNABLE_2", Severity::Error);
        assert!(has_suspect(x, T3, "UNABLE_2", "RI"), "{bad}");
    }
    passes(&run(&Fixture::f2021()), "R4");
}

#[test]
fn r5_exceeds_inflow_is_reported_through_r1() {
    let mut f = Fixture::f2021();
    let inflow = f.t3_get("NEW", "NP") + f.t3_get("CARRY_IN", "NP");
    f.t3_set("TOTAL", "NP", inflow + 10);
    let r = run(&f);
    assert_eq!(check_status(&r, "R5", "NP:TOTAL"), Some(Status::Fail));
    assert_eq!(check_status(&r, "R5", "NP:CARRY_OUT"), Some(Status::Pass));
    assert!(findings(&r, "R5").is_empty(), "R5 is reported via R1");
    let x = fails(&r, "R1", "NP", Severity::Error);
    assert_eq!(x.actual, n(inflow));
    assert_eq!(x.expected, n(inflow + 10 + f.t3_get("CARRY_OUT", "NP")));
    passes(&run(&Fixture::f2021()), "R5");
}

#[test]
fn r6_outcomes_in_an_empty_column() {
    // Column LS has no applications in the fixture; R6 passes there.
    let ok = run(&Fixture::f2021());
    assert_eq!(check_status(&ok, "R6", "LS"), Some(Status::Pass));
    assert_eq!(check_status(&ok, "R6", "NP"), Some(Status::NotApplicable));
    let mut f = Fixture::f2021();
    f.t3_set("GRANT", "LS", 2);
    let r = run(&f);
    let x = fails(&r, "R6", "LS", Severity::Error);
    assert!(has_suspect(x, T3, "GRANT", "LS"), "{}", describe(&r));
    assert!(x.code.contains("EMPTY"));
    passes(&ok, "R6");
}

#[test]
fn r7_carry_out_more_than_new() {
    let mut f = Fixture::f2021();
    let total_be = f.t3_get("TOTAL", "BE");
    f.t3_set("CARRY_IN", "BE", total_be + 3);
    f.t3_set("CARRY_OUT", "BE", 3);
    f.balance();
    assert_eq!(f.t3_get("NEW", "BE"), 0);
    let r = run(&f);
    let x = fails(&r, "R7", "BE", Severity::Warning);
    assert!(has_suspect(x, T3, "CARRY_OUT", "BE"));
    assert!(errors(&r).is_empty(), "{}", describe(&r));
    passes(&run(&Fixture::f2021()), "R7");
}

#[test]
fn r10_r11_r12_table4_sums() {
    for (rule, block, code) in [
        ("R10", "REV", "T4-REVIEW-SUM"),
        ("R11", "LIT_DIRECT", "T4-DIRECT-SUIT-SUM"),
        ("R12", "LIT_AFTER", "T4-SUIT-AFTER-REVIEW-SUM"),
    ] {
        let mut f = Fixture::f2021();
        let parts: i64 = ["UPHELD", "CORRECTED", "OTHER", "PENDING"]
            .iter()
            .map(|c| f.t4_get(block, c))
            .sum();
        f.t4_set(block, "CORRECTED", f.t4_get(block, "CORRECTED") + 4);
        let r = run(&f);
        let x = fails(&r, rule, block, Severity::Error);
        assert_eq!(x.code, code);
        assert_eq!(x.actual, n(parts));
        assert_eq!(x.expected, n(parts + 4));
        assert_eq!(x.difference, n(-4));
        assert!(has_suspect(x, T4, block, "CORRECTED"), "{}", describe(&r));
        passes(&run(&Fixture::f2021()), rule);
    }
}

#[test]
fn r13_table4_values() {
    let mut f = Fixture::f2021();
    f.set_raw(T4, "LIT_DIRECT", "OTHER", "-1");
    let r = run(&f);
    let x = fails(&r, "R13", "LIT_DIRECT", Severity::Error);
    assert!(has_suspect(x, T4, "LIT_DIRECT", "OTHER"));
    passes(&run(&Fixture::f2021()), "R13");
}

#[test]
fn r14_suits_after_review_exceed_reviews() {
    let mut f = Fixture::f2021();
    f.t4_set("LIT_AFTER", "UPHELD", 9);
    f.balance();
    let r = run(&f);
    let x = fails(&r, "R14", "LIT_AFTER", Severity::Warning);
    assert!(has_suspect(x, T4, "LIT_AFTER", "TOTAL"));
    assert_eq!(x.actual, n(f.t4_get("LIT_AFTER", "TOTAL")));
    assert_eq!(x.expected, n(f.t4_get("REV", "TOTAL")));
    passes(&run(&Fixture::f2021()), "R14");
}

#[test]
fn r15_suits_after_pending_reviews() {
    // REV 1 upheld + 2 pending = 3; 2 suits after review: ≤ 3 (R14 ok) but > 1 concluded.
    let mut f = Fixture::f2021();
    f.t4 = [1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0];
    f.balance();
    let r = run(&f);
    let x = fails(&r, "R15", "LIT_AFTER", Severity::Info);
    assert!(has_suspect(x, T4, "LIT_AFTER", "TOTAL"));
    passes(&r, "R14");
    passes(&run(&Fixture::f2021()), "R15");
}

#[test]
fn r16_reviews_without_applications() {
    let mut f = Fixture::f2021();
    for (_, v) in f.t3.iter_mut() {
        *v = [0; 7];
    }
    let r = run(&f);
    let x = fails(&r, "R16", "T4", Severity::Info);
    assert!(has_suspect(x, T4, "REV", "TOTAL"));
    f.t4 = [0; 15];
    let r = run(&f);
    passes(&r, "R16");
    assert_eq!(check_status(&r, "R16", "T4"), Some(Status::Pass));
    assert_eq!(
        check_status(&run(&Fixture::f2021()), "R16", "T4"),
        Some(Status::NotApplicable)
    );
}

#[test]
fn r18_table2_values_2021() {
    let mut f = Fixture::f2021();
    f.t2_set("LICENSE", "DECISIONS", "12.5");
    let r = run(&f);
    let x = fails(&r, "R18", "LICENSE", Severity::Error);
    assert!(has_suspect(x, T2, "LICENSE", "DECISIONS"));
    let mut f = Fixture::f2021();
    f.t2_set("NDOC", "REPEALED", "-2");
    let x_r = run(&f);
    let x = fails(&x_r, "R18", "NDOC", Severity::Error);
    assert!(has_suspect(x, T2, "NDOC", "REPEALED"));
    // Money may have decimals.
    let ok = run(&Fixture::f2021());
    passes(&ok, "R18");
    assert_eq!(
        ok.tables
            .find(T2, "FEE", "AMOUNT")
            .unwrap()
            .value
            .unwrap()
            .to_string(),
        "12.35"
    );
}

#[test]
fn r19_valid_fewer_than_made() {
    let mut f = Fixture::f2021();
    f.t2_set("NDOC", "VALID", "2");
    let r = run(&f);
    let x = fails(&r, "R19", "NDOC", Severity::Warning);
    assert!(has_suspect(x, T2, "NDOC", "VALID"));
    assert_eq!(x.actual, n(2));
    assert_eq!(x.expected, n(3));
    passes(&run(&Fixture::f2021()), "R19");
}

#[test]
fn r22_county_regulations() {
    let mut f = Fixture::f2021();
    f.agency = "青禾县示例局".into();
    let r = run(&f);
    let x = fails(&r, "R22", "REG", Severity::Info);
    assert!(has_suspect(x, T2, "REG", "MADE"));
    assert!(has_suspect(x, T2, "REG", "VALID"));
    assert!(!has_suspect(x, T2, "REG", "REPEALED"), "REPEALED is 0");
    for c in ["MADE", "VALID"] {
        f.t2_set("REG", c, "0");
    }
    let r = run(&f);
    assert_eq!(check_status(&r, "R22", "REG"), Some(Status::Pass));
    passes(&r, "R22");
    // A city-level body: not applicable.
    let r = run(&Fixture::f2021());
    assert_eq!(check_status(&r, "R22", "REG"), Some(Status::NotApplicable));
}

#[test]
fn r23_table2_values_2019() {
    let mut f = Fixture::f2019();
    f.t2_set("PUNISH", "DECISIONS", "-3");
    let r = run(&f);
    let x = fails(&r, "R23", "PUNISH", Severity::Error);
    assert!(has_suspect(x, T2, "PUNISH", "DECISIONS"));
    // A negative 本年增/减 is allowed.
    let ok = run(&Fixture::f2019());
    assert_eq!(
        ok.tables.find(T2, "OTHERSVC", "DELTA").unwrap().value,
        n(-1)
    );
    assert_eq!(ok.tables.find(T2, "LICENSE", "DELTA").unwrap().value, n(2));
    passes(&ok, "R23");
}

#[test]
fn r24_items_negative() {
    let mut f = Fixture::f2019();
    f.t2_set("COERCE", "DELTA", "-9");
    let r = run(&f);
    let x = fails(&r, "R24", "COERCE", Severity::Error);
    assert!(has_cell(x, T2, "COERCE", "PREV_ITEMS"));
    assert!(has_cell(x, T2, "COERCE", "DELTA"));
    assert_eq!(x.actual, n(-1));
    passes(&run(&Fixture::f2019()), "R24");
}

#[test]
fn r26_total_published_fewer_than_new() {
    let mut f = Fixture::f2019();
    f.t2_set("NDOC", "TOTAL_PUBLISHED", "3");
    let r = run(&f);
    let x = fails(&r, "R26", "NDOC", Severity::Warning);
    assert!(has_suspect(x, T2, "NDOC", "TOTAL_PUBLISHED"));
    passes(&run(&Fixture::f2019()), "R26");
}

#[test]
fn r27_published_more_than_made() {
    let mut f = Fixture::f2019();
    f.t2_set("REG", "NEW_PUBLISHED", "2");
    let r = run(&f);
    let x = fails(&r, "R27", "REG", Severity::Info);
    assert!(has_suspect(x, T2, "REG", "NEW_PUBLISHED"));
    passes(&run(&Fixture::f2019()), "R27");
}

#[test]
fn r28_years_disagree() {
    let mut f = Fixture::f2021();
    f.period_year = 2023;
    let r = run(&f);
    let x = fails(&r, "R28", "year", Severity::Warning);
    assert!(x.message.zh.contains("2023"), "{}", x.message.zh);
    // A 2020 report in the 2021 format.
    let mut f = Fixture::f2021();
    f.year = 2020;
    f.period_year = 2020;
    let r = run(&f);
    fails(&r, "R28", "year", Severity::Warning);
    // A 2024 report still in the trial format.
    let mut f = Fixture::f2019();
    f.year = 2024;
    f.period_year = 2024;
    let r = run(&f);
    fails(&r, "R28", "year", Severity::Warning);
    passes(&run(&Fixture::f2021()), "R28");
    passes(&run(&Fixture::f2019()), "R28");
    // No year at all: cannot check, never a failure.
    let r = gouji::check(&Fixture::f2021().render_with(
        Layout::Tab,
        Opts {
            prose: false,
            furniture: false,
        },
    ));
    assert_eq!(check_status(&r, "R28", "year"), Some(Status::CannotCheck));
    assert!(findings(&r, "R28").is_empty());
}

#[test]
fn r29_mixed_formats() {
    for mut f in [Fixture::f2021(), Fixture::f2019()] {
        f.mix_other_t2();
        let r = run(&f);
        fails(&r, "R29", "T2/T3", Severity::Warning);
    }
    passes(&run(&Fixture::f2021()), "R29");
    passes(&run(&Fixture::f2019()), "R29");
}

#[test]
fn r30_missing_table() {
    for t in TableId::ALL {
        let mut f = Fixture::f2021();
        f.omit.push(t);
        let r = run(&f);
        assert!(r.recognised);
        let x = fails(&r, "R30", t.key(), Severity::Warning);
        assert!(x.message.zh.contains(t.zh()), "{}", x.message.zh);
        for other in TableId::ALL.iter().filter(|o| **o != t) {
            assert_eq!(check_status(&r, "R30", other.key()), Some(Status::Pass));
        }
    }
    passes(&run(&Fixture::f2021()), "R30");
}

#[test]
fn r30_table4_missing_but_prose_mentions_it() {
    let mut f = Fixture::f2021();
    f.omit.push(T4);
    let text = f.render(Layout::Tab).replace(
        "五、存在的主要问题",
        "本年度发生政府信息公开行政复议 0 件，行政诉讼 0 件。\n\n五、存在的主要问题",
    );
    let r = gouji::check(&text);
    fails(&r, "R30", "review", Severity::Warning);
}

#[test]
fn every_catalogue_rule_is_covered_here() {
    let covered = [
        "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R10", "R11", "R12", "R13", "R14", "R15", "R16",
        "R18", "R19", "R22", "R23", "R24", "R26", "R27", "R28", "R29", "R30",
        // cross-year, with two reports: tests/cross_year.rs
        "R8", "R17", "R20", "R21", "R25", // Prose and sections: tests/it/prose.rs.
        "R9", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12", "P13",
        "P14", "S1", "S2", "S3", "S4",
    ];
    for r in gouji::rules() {
        assert!(
            covered.contains(&r.id.as_str()),
            "rule {} has no test",
            r.id
        );
    }
}
