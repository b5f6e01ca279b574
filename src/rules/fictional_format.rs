//! A format is data: a fictional Table 3 with other rows and columns than either national
//! format, defined here as a value of `T3Form` alone, gets the same rules with no new
//! rule code.

use super::*;
use crate::forms::{ColDef, T3Form};

/// Two applicant columns and their total; the total is the last column, as in the forms.
const COLUMNS: &[ColDef] = &[
    ColDef {
        key: "CITIZEN",
        label: "公民",
        en: "citizens",
    },
    ColDef {
        key: "FIRM",
        label: "企业",
        en: "firms",
    },
    ColDef {
        key: "ALL",
        label: "合计",
        en: "all",
    },
];

fn form() -> T3Form {
    T3Form {
        columns: COLUMNS,
        new: "IN_NEW",
        carry_in: "IN_OLD",
        outcomes: vec!["YES", "NO", "LATER"],
        total: "DONE",
        carry_out: "OUT",
    }
}

/// Rows in form order with (CITIZEN, FIRM) values; ALL is their sum unless overridden.
fn tables(rows: &[(&'static str, i64, i64)], all_override: Option<(&str, i64)>) -> Tables {
    let mut t = Tables::default();
    for &(row, a, b) in rows {
        let all = match all_override {
            Some((r, v)) if r == row => v,
            _ => a + b,
        };
        for (col, v) in [("CITIZEN", a), ("FIRM", b), ("ALL", all)] {
            t.applications.push(Cell {
                table: TableId::Applications,
                row: row.into(),
                column: col.into(),
                value: Some(Num::int(v)),
                raw: v.to_string().into(),
                read: ReadHow::Number,
                annotation: None,
                span: None,
                line: None,
            });
        }
    }
    t
}

fn run_on(t: &Tables) -> Outcome {
    let found = [(TableId::Applications, true)].into_iter().collect();
    run(&Input {
        tables: t,
        t3: Some(form()),
        t2_format: None,
        format: None,
        found,
        assumptions: &[],
        county_level: None,
    })
}

fn statuses(out: &Outcome, rule: RuleId) -> Vec<(String, Status)> {
    out.checks
        .iter()
        .filter(|c| c.rule == rule)
        .map(|c| (c.instance.to_string(), c.status))
        .collect()
}

// 5 new + 1 old = 6 = (3 + 1 + 1) done + 1 out, per column.
const CONSISTENT: &[(&str, i64, i64)] = &[
    ("IN_NEW", 4, 1),
    ("IN_OLD", 1, 0),
    ("YES", 2, 1),
    ("NO", 1, 0),
    ("LATER", 1, 0),
    ("DONE", 4, 1),
    ("OUT", 1, 0),
];

#[test]
fn the_rules_follow_the_form_they_are_given() {
    let out = run_on(&tables(CONSISTENT, None));
    // One R1 and one R2 per column, one R3 per row: the form's, not the national ones.
    let r1 = statuses(&out, RuleId::R1);
    assert_eq!(
        r1.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["CITIZEN", "FIRM", "ALL"]
    );
    assert_eq!(statuses(&out, RuleId::R2).len(), 3);
    let r3 = statuses(&out, RuleId::R3);
    assert_eq!(
        r3.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["IN_NEW", "IN_OLD", "YES", "NO", "LATER", "DONE", "OUT"]
    );
    assert!(out.checks.iter().all(|c| c.status != Status::Fail));
    assert!(out.findings.is_empty(), "{:?}", out.findings);
    assert!(r1.iter().chain(&r3).all(|x| x.1 == Status::Pass));
}

#[test]
fn one_wrong_cell_in_the_fictional_form_is_named_with_its_right_value() {
    // NO·CITIZEN says 2 instead of 1 while its row total ALL still says 1: R2 fails in
    // column CITIZEN and R3 in row NO, and both need that cell to be 1.
    let mut rows = CONSISTENT.to_vec();
    rows[3] = ("NO", 2, 0);
    let out = run_on(&tables(&rows, Some(("NO", 1))));
    let r2 = statuses(&out, RuleId::R2);
    assert!(
        r2.contains(&("CITIZEN".to_string(), Status::Fail)),
        "{r2:?}"
    );
    let r3 = statuses(&out, RuleId::R3);
    assert!(r3.contains(&("NO".to_string(), Status::Fail)), "{r3:?}");
    let f = out
        .findings
        .iter()
        .find(|f| f.rule == RuleId::R3 && f.instance == "NO")
        .expect("an R3 finding for row NO");
    assert_eq!(f.suspects.len(), 1, "{:?}", f.suspects);
    assert_eq!(f.suspects[0].row, "NO");
    assert_eq!(f.suspects[0].column, "CITIZEN");
    assert_eq!(f.suggested, Some(Num::int(1)));
}

#[test]
fn an_empty_column_of_the_fictional_form_is_checked_too() {
    // FIRM has no applications yet an outcome: R6 fails in FIRM, passes in CITIZEN.
    let mut rows = CONSISTENT.to_vec();
    rows[0] = ("IN_NEW", 4, 0);
    let out = run_on(&tables(&rows, None));
    let r6 = statuses(&out, RuleId::R6);
    assert!(r6.contains(&("FIRM".to_string(), Status::Fail)), "{r6:?}");
    assert!(
        r6.contains(&("CITIZEN".to_string(), Status::NotApplicable)),
        "{r6:?}"
    );
}
