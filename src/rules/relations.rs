//! The sum and bound relations of the catalogue, generated from the form tables for the
//! layout that was read.

use super::*;

/// Every relation of the catalogue over the tables that were read.
pub fn relations(inp: &Input) -> Vec<Rel> {
    use TableId::*;
    // Five relations per Table 3 column, one per row, and a dozen more.
    let mut v = Vec::with_capacity(inp.t3.as_ref().map_or(0, |f| 6 * f.columns.len() + 30) + 16);
    let t3 = |r: &'static str, c: &'static str| cref(Applications, r, c);
    if let Some(form) = &inp.t3 {
        let cols: Vec<&'static str> = form.columns.iter().map(|c| c.key).collect();
        let (new, carry_in, total, carry_out) =
            (form.new, form.carry_in, form.total, form.carry_out);
        for c in &cols {
            v.push(Rel {
                rule: RuleId::R1,
                sum_of_parts: false,
                instance: (*c).into(),
                lhs: vec![t3(new, c), t3(carry_in, c)],
                op: Op::Eq,
                rhs: vec![t3(total, c), t3(carry_out, c)],
            });
        }
        for c in &cols {
            let rhs = form.outcomes.iter().map(|r| t3(r, c)).collect();
            v.push(Rel {
                rule: RuleId::R2,
                sum_of_parts: false,
                instance: (*c).into(),
                lhs: vec![t3(total, c)],
                op: Op::Eq,
                rhs,
            });
        }
        if let Some((tot, parts)) = form.row_sum() {
            for r in form.rows() {
                let rhs = parts.iter().map(|c| t3(r, c.key)).collect();
                v.push(Rel {
                    rule: RuleId::R3,
                    sum_of_parts: true,
                    instance: (r).into(),
                    lhs: vec![t3(r, tot.key)],
                    op: Op::Eq,
                    rhs,
                });
            }
        }
        // R5's two instances per column keep their published names ("NP:CARRY_OUT",
        // "NP:TOTAL"), whatever the form calls those rows.
        for c in &cols {
            v.push(Rel {
                rule: RuleId::R5,
                sum_of_parts: false,
                instance: format!("{c}:CARRY_OUT").into(),
                lhs: vec![t3(carry_out, c)],
                op: Op::Le,
                rhs: vec![t3(new, c), t3(carry_in, c)],
            });
            v.push(Rel {
                rule: RuleId::R5,
                sum_of_parts: false,
                instance: format!("{c}:TOTAL").into(),
                lhs: vec![t3(total, c)],
                op: Op::Le,
                rhs: vec![t3(new, c), t3(carry_in, c)],
            });
        }
        for c in &cols {
            v.push(Rel {
                rule: RuleId::R7,
                sum_of_parts: false,
                instance: (*c).into(),
                lhs: vec![t3(carry_out, c)],
                op: Op::Le,
                rhs: vec![t3(new, c)],
            });
        }
    }
    if inp.found.get(&Review).copied().unwrap_or(false) {
        let (total, parts) = forms::row_sum(Review).unwrap_or((&forms::T4_COLUMNS[0], &[]));
        for &(block, rule) in forms::T4_SUM_RULES {
            let rhs = parts.iter().map(|c| cref(Review, block, c.key)).collect();
            v.push(Rel {
                rule,
                sum_of_parts: true,
                instance: (block).into(),
                lhs: vec![cref(Review, block, total.key)],
                op: Op::Eq,
                rhs,
            });
        }
        v.push(Rel {
            rule: RuleId::R14,
            sum_of_parts: false,
            instance: "LIT_AFTER".into(),
            lhs: vec![cref(Review, "LIT_AFTER", "TOTAL")],
            op: Op::Le,
            rhs: vec![cref(Review, "REV", "TOTAL")],
        });
        let concluded = ["UPHELD", "CORRECTED", "OTHER"]
            .iter()
            .map(|c| cref(Review, "REV", c))
            .collect();
        v.push(Rel {
            rule: RuleId::R15,
            sum_of_parts: false,
            instance: "LIT_AFTER".into(),
            lhs: vec![cref(Review, "LIT_AFTER", "TOTAL")],
            op: Op::Le,
            rhs: concluded,
        });
    }
    if inp.found.get(&Active).copied().unwrap_or(false) {
        match active_format(inp) {
            Format::F2021 => {
                for x in ["REG", "NDOC"] {
                    v.push(Rel {
                        rule: RuleId::R19,
                        sum_of_parts: false,
                        instance: x.into(),
                        lhs: vec![cref(Active, x, "VALID")],
                        op: Op::Ge,
                        rhs: vec![cref(Active, x, "MADE")],
                    });
                }
            }
            Format::F2019 => {
                for x in ["LICENSE", "OTHERSVC", "PUNISH", "COERCE", "FEE"] {
                    v.push(Rel {
                        rule: RuleId::R24,
                        sum_of_parts: false,
                        instance: x.into(),
                        lhs: vec![cref(Active, x, "PREV_ITEMS"), cref(Active, x, "DELTA")],
                        op: Op::Ge,
                        rhs: vec![],
                    });
                }
                for x in ["REG", "NDOC"] {
                    v.push(Rel {
                        rule: RuleId::R26,
                        sum_of_parts: false,
                        instance: x.into(),
                        lhs: vec![cref(Active, x, "TOTAL_PUBLISHED")],
                        op: Op::Ge,
                        rhs: vec![cref(Active, x, "NEW_PUBLISHED")],
                    });
                    v.push(Rel {
                        rule: RuleId::R27,
                        sum_of_parts: false,
                        instance: x.into(),
                        lhs: vec![cref(Active, x, "NEW_PUBLISHED")],
                        op: Op::Le,
                        rhs: vec![cref(Active, x, "NEW_MADE")],
                    });
                }
            }
        }
    }
    v
}
