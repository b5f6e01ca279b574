//! Which cell is wrong: for each failing sum, the cells whose every relation fails and
//! all agree on the value they should have (what one wrong number produces); and the
//! findings for failed relations and blank totals.

use super::*;

/// For each cell (by place), the evaluable equalities it is in, summed up: what tells the
/// suspects of a failing equality.
pub(super) struct Tally {
    by_place: Vec<Option<Involved>>,
}

impl Tally {
    /// None when no equality fails: there is nothing to diagnose.
    pub fn new(ev: &Evaluator, rels: &[Rel], results: &[Evaluated]) -> Option<Tally> {
        let failing =
            |(rel, res): &(&Rel, &Evaluated)| rel.op == Op::Eq && matches!(res, Ok((false, _)));
        let mut failures = rels.iter().zip(results).filter(failing).peekable();
        failures.peek()?;
        // Only the cells of failing equalities are ever asked about: those alone are
        // tallied (a list per cell cost more than the rest of the rules, then a map).
        let mut by_place: Vec<Option<Involved>> = vec![None; ev.layout.len()];
        for (rel, _) in failures {
            for t in rel.terms() {
                by_place[t.at] = Some(Involved::default());
            }
        }
        // The correction each equality implies for each of its cells, summed up as they
        // come.
        for (rel, res) in rels.iter().zip(results) {
            if rel.op != Op::Eq {
                continue;
            }
            let Ok((ok, out)) = res else { continue };
            let diff = out.lsum.checked_sub(out.rsum);
            for (n, (t, &(v, _))) in rel.terms().zip(out.reads).enumerate() {
                let Some(involved) = &mut by_place[t.at] else {
                    continue;
                };
                let fix = match diff {
                    Some(d) if n < rel.lhs.len() => v.checked_sub(d),
                    Some(d) => v.checked_add(d),
                    None => None,
                };
                involved.add(*ok, fix);
            }
        }
        Some(Tally { by_place })
    }

    /// The suspect cells of a failing equality: those whose every equality fails, all
    /// agreeing on the value they should have; failing that (more than one wrong number),
    /// the cells shared by most failures.
    pub fn suspects(&self, rel: &Rel) -> Vec<Term> {
        let involved = |t: &Term| self.by_place[t.at].as_ref();
        let sus: Vec<Term> = rel
            .terms()
            .filter(|t| involved(t).is_some_and(Involved::single_cause))
            .copied()
            .collect();
        if !sus.is_empty() {
            return sus;
        }
        let fails = |t: &Term| involved(t).map_or(0, |v| v.fails);
        let best = rel.terms().map(fails).max().unwrap_or(0);
        rel.terms().filter(|t| fails(t) == best).copied().collect()
    }
}

/// The equalities a cell is in, summed up.
#[derive(Clone, Default)]
struct Involved {
    /// How many there are, and how many of them fail.
    count: usize,
    fails: usize,
    /// The correction the first implies, and whether every other implies the same.
    first_fix: Option<Num>,
    same_fix: bool,
}

impl Involved {
    fn add(&mut self, ok: bool, fix: Option<Num>) {
        if self.count == 0 {
            (self.first_fix, self.same_fix) = (fix, true);
        } else {
            self.same_fix &= fix == self.first_fix;
        }
        self.count += 1;
        self.fails += usize::from(!ok);
    }
    /// Every relation it is in fails, and all agree on the value it should have.
    fn single_cause(&self) -> bool {
        self.count > 0 && self.fails == self.count && self.first_fix.is_some() && self.same_fix
    }
}

pub(super) fn relation_finding(
    ev: &Evaluator,
    def: &RuleDef,
    rel: &Rel,
    out: &EqOutcome,
    suspects: Vec<Term>,
    rels: &[Rel],
    results: &[Evaluated],
) -> Finding {
    let mut cells = suspects.clone();
    for t in rel.terms() {
        if !cells.iter().any(|c| c.at == t.at) {
            cells.push(*t);
        }
    }
    let suspects = if rel.op == Op::Eq {
        suspects
    } else {
        rel.lhs.to_vec()
    };
    let difference = out.lsum.checked_sub(out.rsum);
    // Failures reported with this one (R5 with R1: the outflow exceeds the inflow) in the
    // same column ("NP:…" for "NP") explain it.
    let exceeds: Vec<&str> = rels
        .iter()
        .zip(results)
        .filter(|(r, res)| {
            catalogue::reported_with(r.rule) == Some(rel.rule)
                && r.instance
                    .strip_prefix(rel.instance.as_ref())
                    .is_some_and(|rest| rest.starts_with(':'))
                && matches!(res, Ok((false, _)))
        })
        .map(|(r, _)| r.instance.as_ref())
        .collect();
    let suspect_fix = suspects.first().and_then(|s| {
        let v = out.value(rel, s.at)?;
        let d = difference?;
        if suspects.len() != 1 {
            return None;
        }
        if rel.lhs.iter().any(|t| t.at == s.at) {
            v.checked_sub(d)
        } else {
            v.checked_add(d)
        }
    });
    let formula = messages::formula(def, rel.instance);
    let suspect_cells: Vec<FormCell> = suspects.iter().map(|t| t.cell).collect();
    let message = messages::relation(
        &formula,
        rel.op,
        (out.lsum, out.rsum),
        &suspect_cells,
        suspect_fix,
        &exceeds,
    );
    let span = suspects.first().and_then(|s| ev.at(s)).and_then(|c| c.span);
    Finding {
        cells: cells.iter().map(|t| t.cell.to_ref()).collect(),
        suspects: suspect_cells.into_iter().map(FormCell::to_ref).collect(),
        operands: out.operands(rel),
        expected: Some(out.rsum),
        actual: Some(out.lsum),
        difference,
        suggested: suspect_fix,
        span,
        ..finding_with(def, rel.instance.as_ref(), formula, message)
    }
}

/// INFO "总计未填" for a sum rule whose total cell is blank while its parts are not all 0.
pub(super) fn blank_total_finding(ev: &Evaluator, rel: &Rel) -> Option<Finding> {
    let total = rel.lhs.first()?;
    let cell = ev.at(total)?;
    if cell.read != ReadHow::Blank {
        return None;
    }
    let mut sum = Num::ZERO;
    let mut operands = Vec::with_capacity(rel.rhs.len());
    for t in rel.rhs {
        let Got::Val(v, assumed) = ev.get(t, false) else {
            return None;
        };
        operands.push(operand(t.cell, v, assumed));
        sum = sum.checked_add(v)?;
    }
    if sum.is_zero() {
        return None;
    }
    let def = catalogue::rule(rel.rule);
    Some(Finding {
        code: "TOTAL-BLANK".into(),
        severity: Severity::Info,
        status: Status::CannotCheck,
        cells: std::iter::once(total)
            .chain(rel.rhs)
            .map(|t| t.cell.to_ref())
            .collect(),
        suspects: vec![total.cell.to_ref()],
        operands,
        expected: Some(sum),
        ..finding_with(
            def,
            rel.instance.as_ref(),
            messages::formula(def, rel.instance),
            messages::blank_total_used(&total.cell.name(), sum),
        )
    })
}
