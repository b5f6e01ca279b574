//! Which cell is wrong: for each failing sum, the cells whose every relation fails and
//! all agree on the value they should have (what one wrong number produces); and the
//! findings for failed relations and blank totals.

use super::*;

/// Suspect cells for each failing equality (index → suspects).
pub(super) fn suspects(rels: &[Rel], results: &[Evaluated]) -> HashMap<usize, Vec<FormCell>> {
    let is_eq = |i: usize| rels[i].op == Op::Eq;
    if !results
        .iter()
        .any(|(i, r)| is_eq(*i) && matches!(r, Ok((false, _))))
    {
        return HashMap::default();
    }
    // For each cell: the evaluable equalities it is in, and the correction each implies,
    // summed up as they come (a list per cell cost more than the rest of the rules).
    // Sized once for every operand (most cells are in a few relations): growing it
    // rehashed it several times per check.
    let operands = results
        .iter()
        .filter(|(i, r)| is_eq(*i) && r.is_ok())
        .map(|(i, _)| rels[*i].lhs.len() + rels[*i].rhs.len())
        .sum();
    let mut by_cell: HashMap<FormCell, Involved> =
        HashMap::with_capacity_and_hasher(operands, Default::default());
    for (i, res) in results {
        if !is_eq(*i) {
            continue;
        }
        let Ok((ok, out)) = res else { continue };
        let diff = out.lsum.checked_sub(out.rsum);
        let rel = &rels[*i];
        for (n, (r, on_left)) in rel
            .lhs
            .iter()
            .map(|r| (r, true))
            .chain(rel.rhs.iter().map(|r| (r, false)))
            .enumerate()
        {
            // The operands were read in this order: the n-th is this cell's, checked.
            let current = match out.operands.get(n) {
                Some(o) if same_cell(&o.0, r) => Some(o.1),
                _ => out.value(*r),
            };
            let fix = match (current, diff) {
                (Some(v), Some(d)) if on_left => v.checked_sub(d),
                (Some(v), Some(d)) => v.checked_add(d),
                _ => None,
            };
            by_cell
                .entry(*r)
                .and_modify(|c| c.add(*ok, fix))
                .or_insert(Involved::new(*ok, fix));
        }
    }
    let mut out = HashMap::default();
    for (i, res) in results {
        let Ok((false, _)) = res else { continue };
        if !is_eq(*i) {
            continue;
        }
        let rel = &rels[*i];
        let cells: Vec<FormCell> = rel.lhs.iter().chain(rel.rhs.iter()).copied().collect();
        let mut sus: Vec<FormCell> = cells
            .iter()
            .filter(|c| by_cell.get(c).is_some_and(Involved::single_cause))
            .copied()
            .collect();
        if sus.is_empty() {
            // More than one wrong number: point at the cells shared by most failures.
            let fails = |c: &FormCell| by_cell.get(c).map_or(0, |v| v.fails);
            let best = cells.iter().map(&fails).max().unwrap_or(0);
            sus = cells.iter().filter(|c| fails(c) == best).copied().collect();
        }
        out.insert(*i, sus);
    }
    out
}

/// `a == b`, told at once when both name the same static keys (an operand is a copy
/// of its relation's cell).
fn same_cell(a: &FormCell, b: &FormCell) -> bool {
    let same = |x: &str, y: &str| std::ptr::eq(x, y) || x == y;
    a.table == b.table && same(a.row, b.row) && same(a.column, b.column)
}

/// The equalities a cell is in, summed up.
struct Involved {
    /// How many of them fail.
    fails: usize,
    /// Whether they all fail.
    all_fail: bool,
    /// The correction the first implies, and whether every other implies the same.
    first_fix: Option<Num>,
    same_fix: bool,
}

impl Involved {
    fn new(ok: bool, fix: Option<Num>) -> Involved {
        Involved {
            fails: usize::from(!ok),
            all_fail: !ok,
            first_fix: fix,
            same_fix: true,
        }
    }
    fn add(&mut self, ok: bool, fix: Option<Num>) {
        self.fails += usize::from(!ok);
        self.all_fail &= !ok;
        self.same_fix &= fix == self.first_fix;
    }
    /// Every relation it is in fails, and all agree on the value it should have.
    fn single_cause(&self) -> bool {
        self.all_fail && self.first_fix.is_some() && self.same_fix
    }
}

pub(super) fn relation_finding(
    ev: &Evaluator,
    def: &RuleDef,
    rel: &Rel,
    out: &EqOutcome,
    suspects: Vec<FormCell>,
    rels: &[Rel],
    results: &[Evaluated],
) -> Finding {
    let mut cells = suspects.clone();
    for c in rel.lhs.iter().chain(rel.rhs.iter()) {
        if !cells.contains(c) {
            cells.push(*c);
        }
    }
    let suspects = if rel.op == Op::Eq {
        suspects
    } else {
        rel.lhs.clone()
    };
    let difference = out.lsum.checked_sub(out.rsum);
    // Failures reported with this one (R5 with R1: the outflow exceeds the inflow) in the
    // same column explain it.
    let prefix = format!("{}:", rel.instance);
    let exceeds: Vec<String> = rels
        .iter()
        .zip(results)
        .filter(|(r, (_, res))| {
            catalogue::reported_with(r.rule) == Some(rel.rule)
                && r.instance.starts_with(&prefix)
                && matches!(res, Ok((false, _)))
        })
        .map(|(r, _)| r.instance.to_string())
        .collect();
    let suspect_fix = suspects.first().and_then(|s| {
        let v = out.value(*s)?;
        let d = difference?;
        if suspects.len() != 1 {
            return None;
        }
        if rel.lhs.contains(s) {
            v.checked_sub(d)
        } else {
            v.checked_add(d)
        }
    });
    let message = messages::relation(
        def,
        &rel.instance,
        rel.op,
        (out.lsum, out.rsum),
        &suspects,
        suspect_fix,
        &exceeds,
    );
    let span = suspects
        .first()
        .and_then(|s| ev.cell(s))
        .and_then(|c| c.span);
    Finding {
        formula: messages::formula(def, &rel.instance),
        cells: cells.into_iter().map(FormCell::to_ref).collect(),
        suspects: suspects.into_iter().map(FormCell::to_ref).collect(),
        operands: out.operands(),
        expected: Some(out.rsum),
        actual: Some(out.lsum),
        difference,
        suggested: suspect_fix,
        span,
        ..finding(def, rel.instance.as_ref(), message)
    }
}

/// INFO "总计未填" for a sum rule whose total cell is blank while its parts are not all 0.
pub(super) fn blank_total_finding(ev: &Evaluator, rel: &Rel) -> Option<Finding> {
    let total = rel.lhs.first()?;
    let cell = ev.cell(total)?;
    if cell.read != ReadHow::Blank {
        return None;
    }
    let mut sum = Num::ZERO;
    let mut operands = Vec::new();
    for r in &rel.rhs {
        let Got::Val(v, assumed) = ev.get(r, false) else {
            return None;
        };
        operands.push(operand(*r, v, assumed));
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
        formula: messages::formula(def, &rel.instance),
        cells: std::iter::once(total)
            .chain(rel.rhs.iter())
            .map(|k| k.to_ref())
            .collect(),
        suspects: vec![total.to_ref()],
        operands,
        expected: Some(sum),
        ..finding(
            def,
            rel.instance.as_ref(),
            messages::blank_total_used(&total.name(), sum),
        )
    })
}
