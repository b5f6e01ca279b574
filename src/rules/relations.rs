//! The sum and bound relations of the catalogue, generated from the form tables for the
//! layout that was read.

use super::layout::{Layout, T3Rows, Term};
use super::*;
use std::ops::Range;

/// A relation `Σ lhs op Σ rhs` (an empty side is 0).
#[derive(Clone, Copy)]
pub struct Rel<'r> {
    pub rule: RuleId,
    /// The left side is one total cell that the right side must add up to (R3, R10–R12):
    /// that total is checked as written, never stood in for by the sum of its parts.
    pub sum_of_parts: bool,
    pub instance: &'r crate::model::Key,
    pub lhs: &'r [Term],
    pub op: Op,
    pub rhs: &'r [Term],
}

impl Rel<'_> {
    /// Both sides' cells, left then right: the order they are read in.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.lhs.iter().chain(self.rhs)
    }
}

/// Every relation of the catalogue over the tables that were read: the sides of all of
/// them are ranges of one list of terms, so that a check builds two lists, not two per
/// relation.
pub struct Relations {
    defs: Vec<Def>,
    terms: Vec<Term>,
}

struct Def {
    rule: RuleId,
    sum_of_parts: bool,
    instance: crate::model::Key,
    op: Op,
    lhs: Range<usize>,
    rhs: Range<usize>,
}

macro_rules! r5_names {
    ($($c:literal),*) => { [$([concat!($c, ":CARRY_OUT"), concat!($c, ":TOTAL")]),*] };
}

/// R5's instance names for the national columns (`T3_COLUMNS`, in its order), written out
/// so that a check names them without allocating; another form's columns get theirs built.
const R5_NAMES: [[&str; 2]; 7] = r5_names!["NP", "BE", "RI", "PW", "LS", "OT", "TOT"];

impl Relations {
    pub fn new(inp: &Input, layout: &Layout) -> Relations {
        // Five relations per Table 3 column, one per row, and a dozen more; four cells
        // per relation but the outcome sums (one per column), with about twenty.
        let (cols, rows) = inp
            .t3
            .as_ref()
            .map_or((0, 0), |f| (f.columns.len(), f.outcomes.len() + 4));
        let mut b = Relations {
            defs: Vec::with_capacity(5 * cols + rows + 16),
            terms: Vec::with_capacity(cols * (12 + rows) + rows * cols + 48),
        };
        if let Some(form) = &inp.t3 {
            b.t3(form, layout);
        }
        b.t4_t2(inp, layout);
        b
    }

    /// How many terms all relations have.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The relations in catalogue order.
    pub fn list(&self) -> Vec<Rel<'_>> {
        self.defs
            .iter()
            .map(|d| Rel {
                rule: d.rule,
                sum_of_parts: d.sum_of_parts,
                instance: &d.instance,
                lhs: &self.terms[d.lhs.clone()],
                op: d.op,
                rhs: &self.terms[d.rhs.clone()],
            })
            .collect()
    }

    fn push(
        &mut self,
        rule: RuleId,
        instance: impl Into<crate::model::Key>,
        lhs: impl IntoIterator<Item = Term>,
        op: Op,
        rhs: impl IntoIterator<Item = Term>,
    ) {
        let start = self.terms.len();
        self.terms.extend(lhs);
        let mid = self.terms.len();
        self.terms.extend(rhs);
        self.defs.push(Def {
            rule,
            sum_of_parts: false,
            instance: instance.into(),
            op,
            lhs: start..mid,
            rhs: mid..self.terms.len(),
        });
    }

    /// `push` for a sum rule (see `Rel::sum_of_parts`).
    fn push_sum(
        &mut self,
        rule: RuleId,
        instance: impl Into<crate::model::Key>,
        total: Term,
        parts: impl IntoIterator<Item = Term>,
    ) {
        self.push(rule, instance, [total], Op::Eq, parts);
        if let Some(d) = self.defs.last_mut() {
            d.sum_of_parts = true;
        }
    }

    fn t3(&mut self, form: &T3Form, layout: &Layout) {
        use RuleId::*;
        let T3Rows {
            new,
            carry_in,
            outcomes,
            total,
            carry_out,
        } = T3Rows::of(form);
        let t3 = |r, c| layout.t3(r, c);
        let cols = 0..form.columns.len();
        let key = |c: usize| form.columns[c].key;
        for c in cols.clone() {
            let (lhs, rhs) = (
                [t3(new, c), t3(carry_in, c)],
                [t3(total, c), t3(carry_out, c)],
            );
            self.push(R1, key(c), lhs, Op::Eq, rhs);
        }
        for c in cols.clone() {
            let rhs = outcomes.clone().map(|r| t3(r, c));
            self.push(R2, key(c), [t3(total, c)], Op::Eq, rhs);
        }
        // The total column is the last (`T3Form::row_sum`), the columns before it its parts.
        if let Some((_, parts)) = form.row_sum() {
            let tot = parts.len();
            // Every row: 四 is the last.
            for r in 0..=carry_out {
                let total = t3(r, tot);
                self.push_sum(R3, total.cell.row, total, (0..tot).map(|c| t3(r, c)));
            }
        }
        // R5's two instances per column keep their published names ("NP:CARRY_OUT",
        // "NP:TOTAL"), whatever the form calls those rows.
        let named = std::ptr::eq(form.columns, forms::T3_COLUMNS);
        let r5 = |c: usize, i: usize| -> crate::model::Key {
            if named {
                R5_NAMES[c][i].into()
            } else {
                format!("{}:{}", key(c), ["CARRY_OUT", "TOTAL"][i]).into()
            }
        };
        for c in cols.clone() {
            let inflow = [t3(new, c), t3(carry_in, c)];
            self.push(R5, r5(c, 0), [t3(carry_out, c)], Op::Le, inflow);
            self.push(R5, r5(c, 1), [t3(total, c)], Op::Le, inflow);
        }
        for c in cols {
            self.push(R7, key(c), [t3(carry_out, c)], Op::Le, [t3(new, c)]);
        }
    }

    fn t4_t2(&mut self, inp: &Input, layout: &Layout) {
        use TableId::*;
        let cell = |t, r, c| layout.term(cref(t, r, c));
        if inp.found.get(&Review).copied().unwrap_or(false) {
            let (total, parts) = forms::row_sum(Review).unwrap_or((&forms::T4_COLUMNS[0], &[]));
            for &(block, rule) in forms::T4_SUM_RULES {
                let rhs = parts.iter().map(|c| cell(Review, block, c.key));
                self.push_sum(rule, block, cell(Review, block, total.key), rhs);
            }
            let lit_after = cell(Review, "LIT_AFTER", "TOTAL");
            let rev = cell(Review, "REV", "TOTAL");
            self.push(RuleId::R14, "LIT_AFTER", [lit_after], Op::Le, [rev]);
            let concluded = ["UPHELD", "CORRECTED", "OTHER"].map(|c| cell(Review, "REV", c));
            self.push(RuleId::R15, "LIT_AFTER", [lit_after], Op::Le, concluded);
        }
        if inp.found.get(&Active).copied().unwrap_or(false) {
            match active_format(inp) {
                Format::F2021 => {
                    for x in ["REG", "NDOC"] {
                        let (valid, made) = (cell(Active, x, "VALID"), cell(Active, x, "MADE"));
                        self.push(RuleId::R19, x, [valid], Op::Ge, [made]);
                    }
                }
                Format::F2019 => {
                    for x in ["LICENSE", "OTHERSVC", "PUNISH", "COERCE", "FEE"] {
                        let items = [cell(Active, x, "PREV_ITEMS"), cell(Active, x, "DELTA")];
                        self.push(RuleId::R24, x, items, Op::Ge, []);
                    }
                    for x in ["REG", "NDOC"] {
                        let total = cell(Active, x, "TOTAL_PUBLISHED");
                        let published = cell(Active, x, "NEW_PUBLISHED");
                        let made = cell(Active, x, "NEW_MADE");
                        self.push(RuleId::R26, x, [total], Op::Ge, [published]);
                        self.push(RuleId::R27, x, [published], Op::Le, [made]);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r5_names_follow_the_national_columns() {
        assert_eq!(R5_NAMES.len(), forms::T3_COLUMNS.len());
        for (names, col) in R5_NAMES.iter().zip(forms::T3_COLUMNS) {
            assert_eq!(names[0], format!("{}:CARRY_OUT", col.key));
            assert_eq!(names[1], format!("{}:TOTAL", col.key));
        }
    }

    /// Every cell a relation reads is in the forms, whatever the layout and format: none
    /// is left `NOWHERE`.
    #[test]
    fn every_term_has_its_place() {
        let tables = Tables::default();
        for layout in [forms::T3Layout::SingleOther, forms::T3Layout::ThreeOther] {
            for format in [Format::F2019, Format::F2021] {
                let inp = Input {
                    tables: &tables,
                    t3: Some(layout.form()),
                    t2_format: Some(format),
                    format: Some(format),
                    found: TableId::ALL.into_iter().map(|t| (t, true)).collect(),
                    assumptions: &[],
                    county_level: None,
                };
                let places = Layout::new(&inp);
                let relations = Relations::new(&inp, &places);
                assert_eq!(relations.defs.len(), relations.list().len());
                for t in &relations.terms {
                    let nowhere = places.len() - 1;
                    assert!(t.at < nowhere, "{:?} in {layout:?} {format:?}", t.cell);
                    let c = t.cell;
                    assert_eq!(places.term(c).at, t.at, "{c:?}");
                }
            }
        }
    }
}
