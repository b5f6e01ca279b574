//! What the sum relations require of their total cells: for every relation whose left side
//! is one total (（七）总计 = Σ outcomes, 总计 column = Σ applicant columns, each Table 4
//! block's 总计 = 维持 + 纠正 + 其他 + 尚未审结), the sum of its right side whenever every
//! part of it could be read — also when the total itself is blank, which makes the relation
//! "cannot check" and gives no finding with an `expected`.
//!
//! A form being filled in shows this number beside each total (“应为 84”) as the user
//! types; it comes from here so that no front end adds the parts itself. The parts are read
//! exactly as the relation reads them (`Evaluator::get`), so the value is the one the
//! relation's finding would name as `expected`.

use super::*;
use crate::Implied;

/// One entry per one-cell-total equality whose parts were all read.
pub(super) fn implied(ev: &Evaluator, rels: &[Rel], results: &[Evaluated]) -> Vec<Implied> {
    // Most relations are such sums (R2, R3, R10–R12).
    let mut out = Vec::with_capacity(rels.len());
    for (rel, res) in rels.iter().zip(results) {
        let [total] = rel.lhs else {
            continue;
        };
        if rel.op != Op::Eq {
            continue;
        }
        // An evaluated relation read its right side as `parts_sum` does (and was not
        // assumed, or it would not have been evaluated): its sum is the value.
        let value = match res {
            Ok((_, outcome)) => outcome.rsum,
            // A relation the reader used to read the cells (glued digits) cannot name a
            // value.
            Err(_) if ev.assumed(rel.rule, rel.instance).is_some() => continue,
            Err(_) => match parts_sum(ev, rel) {
                Some(v) => v,
                None => continue,
            },
        };
        let status = match res {
            Ok((true, _)) => Status::Pass,
            Ok((false, _)) => Status::Fail,
            Err(_) => Status::CannotCheck,
        };
        out.push(Implied {
            cell: total.cell.to_ref(),
            rule: rel.rule,
            instance: rel.instance.clone(),
            value,
            actual: ev.at(total).and_then(|c| c.value),
            status,
        });
    }
    out
}

/// The right side's sum as the relation reads it, or None when a part cannot be read.
fn parts_sum(ev: &Evaluator, rel: &Rel) -> Option<Num> {
    let mut sum = Num::ZERO;
    for t in rel.rhs {
        match ev.get(t, !rel.sum_of_parts) {
            Got::Val(v, _) => sum = sum.checked_add(v)?,
            Got::No(_) => return None,
        }
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use crate::{check, Implied, Num, Report, Status, TableId};

    const EXAMPLE: &str = include_str!("../../www/example.txt");

    fn at<'a>(r: &'a Report, row: &str, column: &str, rule: &str) -> Option<&'a Implied> {
        r.implied.iter().find(|i| {
            i.cell.table == TableId::Applications
                && i.cell.row == row
                && i.cell.column == column
                && i.rule == rule
        })
    }

    /// The example's Table 3 line of a row, with its cells replaced.
    fn with_row(label: &str, cells: &str) -> String {
        EXAMPLE
            .lines()
            .map(|l| {
                if l.trim_start().starts_with(label) || l.contains(&format!("\t{label}\t")) {
                    let head: Vec<&str> = l.split('\t').take(3).collect();
                    format!("{}\t{cells}", head.join("\t"))
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_wrong_total_implies_the_findings_expected_value() {
        let r = check(EXAMPLE);
        let i = at(&r, "TOTAL", "NP", "R2").expect("R2 for (7) total · natural persons");
        assert_eq!(
            (i.value, i.actual, i.status),
            (Num::int(84), Some(Num::int(85)), Status::Fail)
        );
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "R2" && f.instance == "NP")
            .expect("R2 fails in NP");
        assert_eq!(f.expected, Some(i.value));
        // the same cell by its row: 总计 column = Σ applicant columns
        let row = at(&r, "TOTAL", "TOT", "R3").expect("R3 for the total row");
        assert_eq!((row.value, row.status), (Num::int(100), Status::Fail));
        let col = at(&r, "TOTAL", "TOT", "R2").expect("R2 for the total column");
        assert_eq!((col.value, col.status), (Num::int(99), Status::Pass));
        // a total that holds implies its own value
        let ok = at(&r, "NEW", "TOT", "R3").expect("R3 for 一");
        assert_eq!(
            (ok.value, ok.actual, ok.status),
            (Num::int(101), Some(Num::int(101)), Status::Pass)
        );
        let rev = r
            .implied
            .iter()
            .find(|i| i.cell.table == TableId::Review && i.cell.row == "REV")
            .expect("R10 for the review block");
        assert_eq!(rev.value, Num::int(5));
    }

    #[test]
    fn a_blank_total_implies_the_sum_of_its_row() {
        // 一、本年新收 with its 总计 cell left blank: R3 cannot check it, the implied value
        // is still the sum of the six applicant columns.
        let text = with_row("一、本年新收", "86\t9\t1\t0\t3\t2\t");
        let r = check(&text);
        let i = at(&r, "NEW", "TOT", "R3").expect("R3 for 一 with a blank total");
        assert_eq!(
            (i.value, i.actual, i.status),
            (Num::int(101), None, Status::CannotCheck)
        );
        assert!(r
            .checks
            .iter()
            .any(|c| c.rule == "R3" && c.instance == "NEW" && c.status == Status::CannotCheck));
    }

    #[test]
    fn no_value_when_a_part_cannot_be_read() {
        let text = with_row("一、本年新收", "86\tabc\t1\t0\t3\t2\t101");
        let r = check(&text);
        assert!(
            at(&r, "NEW", "TOT", "R3").is_none(),
            "{:?}",
            at(&r, "NEW", "TOT", "R3")
        );
        // the other rows still have theirs
        assert!(at(&r, "CARRY_IN", "TOT", "R3").is_some());
    }
}
