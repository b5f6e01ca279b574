//! The rules that are not sums: value types (R4, R13, R18, R23), an empty column
//! (R6), reviews without applications (R16), 规章 below the city level (R22).

use super::layout::T3Rows;
use super::*;

/// R4, R13, R18, R23: the value type of every cell, one instance per row.
pub(super) fn domain_rules(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let inp = ev.inp;
    let t2_rule = match active_format(inp) {
        Format::F2021 => RuleId::R18,
        Format::F2019 => RuleId::R23,
    };
    let same_row = |a: &Cell, b: &Cell| layout::same_key(&a.row, &b.row);
    // Each table's cells in runs of one row (a row's cells mostly come together), each
    // run with its group: the first run of its (rule, row), whose index it takes.
    let mut runs: Vec<(usize, RuleId, TableId, &[Cell])> = Vec::with_capacity(48);
    for (rule, t) in [
        (RuleId::R4, TableId::Applications),
        (RuleId::R13, TableId::Review),
        (t2_rule, TableId::Active),
    ] {
        for run in inp.tables.get(t).chunk_by(same_row) {
            let group = runs
                .iter()
                .position(|r| r.1 == rule && same_row(&r.3[0], &run[0]))
                .unwrap_or(runs.len());
            runs.push((group, rule, t, run));
        }
    }
    // Each group's runs together, in the order they were read (a stable sort, of a list
    // that is nearly always in order already): one instance per (rule, row).
    runs.sort_by_key(|r| r.0);
    for group in runs.chunk_by(|a, b| a.0 == b.0) {
        let (_, rule, table, first) = group[0];
        let row = &first[0].row;
        let def = catalogue::rule(rule);
        let mut bad = Vec::new();
        let mut unknown = None;
        for c in group.iter().flat_map(|r| r.3) {
            let Some(v) = c.value else {
                if matches!(c.read, ReadHow::Unreadable) && !c.raw.is_empty() {
                    unknown = Some(messages::unreadable(
                        &forms::cell_name(table, &c.row, &c.column),
                        &c.raw,
                    ));
                }
                continue;
            };
            let (signed, money) = active_kind(inp, c);
            let ok = (signed || !v.is_negative()) && (money || v.is_integer());
            if !ok {
                bad.push(c);
            }
        }
        if bad.is_empty() {
            let status = if unknown.is_some() {
                Status::CannotCheck
            } else {
                Status::Pass
            };
            checks.push(check(def, row.clone(), status, unknown));
            continue;
        }
        checks.push(check(def, row.clone(), Status::Fail, None));
        for c in bad {
            let r = c.cell_ref();
            let message = messages::bad_value(&forms::cell_name(table, &c.row, &c.column), &c.raw);
            findings.push(Finding {
                cells: vec![r.clone()],
                suspects: vec![r.clone()],
                operands: vec![Operand {
                    cell: r,
                    value: c.value,
                    assumed: None,
                }],
                actual: c.value,
                span: c.span,
                ..finding(def, row.clone(), message)
            });
        }
    }
}

fn active_kind(inp: &Input, c: &Cell) -> (bool, bool) {
    if c.table != TableId::Active {
        return (false, false);
    }
    let rows = forms::active_rows(active_format(inp));
    let def = rows.iter().find(|r| r.key == c.row);
    let signed = def.is_some_and(|d| d.signed.contains(&c.column.as_ref()));
    let money = def.is_some_and(|d| d.money.contains(&c.column.as_ref()));
    (signed, money)
}

/// R6: a column with no applications has no outcomes.
pub(super) fn empty_column_rule(
    ev: &Evaluator,
    checks: &mut Vec<Check>,
    findings: &mut Vec<Finding>,
) {
    let Some(form) = &ev.inp.t3 else {
        return;
    };
    let def = catalogue::rule(RuleId::R6);
    let (rows, layout) = (T3Rows::of(form), &ev.layout);
    for (c, col) in form.columns.iter().enumerate() {
        let inflow = [layout.t3(rows.new, c), layout.t3(rows.carry_in, c)];
        let mut total = Num::ZERO;
        let mut unknown = None;
        for t in &inflow {
            match ev.get(t, true) {
                Got::Val(v, _) => total = total.checked_add(v).unwrap_or(total),
                Got::No(m) => unknown = Some(m),
            }
        }
        if let Some(m) = unknown {
            checks.push(check(def, col.key, Status::CannotCheck, Some(m)));
            continue;
        }
        if !total.is_zero() {
            checks.push(check(def, col.key, Status::NotApplicable, None));
            continue;
        }
        let mut nonzero = Vec::new();
        for r in rows.outcomes.clone().chain([rows.total, rows.carry_out]) {
            let t = layout.t3(r, c);
            if let Got::Val(v, _) = ev.get(&t, false) {
                if !v.is_zero() {
                    nonzero.push((t.cell, v));
                }
            }
        }
        if nonzero.is_empty() {
            checks.push(check(def, col.key, Status::Pass, None));
            continue;
        }
        checks.push(check(def, col.key, Status::Fail, None));
        let suspects: Vec<FormCell> = nonzero.iter().map(|(c, _)| *c).collect();
        let span = suspects
            .first()
            .and_then(|s| ev.cell(s))
            .and_then(|c| c.span);
        let message = messages::empty_column(
            col.label,
            col.en,
            &suspects.iter().map(|k| k.to_ref()).collect::<Vec<_>>(),
        );
        findings.push(Finding {
            cells: inflow
                .iter()
                .map(|t| &t.cell)
                .chain(suspects.iter())
                .map(|k| k.to_ref())
                .collect(),
            suspects: suspects.iter().map(|k| k.to_ref()).collect(),
            operands: nonzero.iter().map(|&(c, v)| operand(c, v, None)).collect(),
            expected: Some(Num::ZERO),
            actual: nonzero.first().map(|x| x.1),
            span,
            ..finding(def, col.key, message)
        });
    }
}

/// R16: reviews or suits without any application this year.
pub(super) fn r16(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let def = catalogue::rule(RuleId::R16);
    let Some(form) = &ev.inp.t3 else {
        return;
    };
    // The total column is the last (`T3Form::row_sum`).
    let Some((_, parts)) = form.row_sum() else {
        return;
    };
    if !ev.inp.found.get(&TableId::Review).copied().unwrap_or(false) {
        return;
    }
    let (rows, t3_total) = (T3Rows::of(form), parts.len());
    let refs = [
        ev.layout.t3(rows.new, t3_total),
        ev.layout.t3(rows.carry_in, t3_total),
    ];
    let mut inflow = Num::ZERO;
    for r in &refs {
        match ev.get(r, true) {
            Got::Val(v, _) => inflow = inflow.checked_add(v).unwrap_or(inflow),
            Got::No(m) => return checks.push(check(def, "T4", Status::CannotCheck, Some(m))),
        }
    }
    if !inflow.is_zero() {
        return checks.push(check(def, "T4", Status::NotApplicable, None));
    }
    let Some((total, _)) = forms::row_sum(TableId::Review) else {
        return;
    };
    let totals: Vec<FormCell> = forms::T4_ROWS
        .iter()
        .map(|b| cref(TableId::Review, b.key, total.key))
        .collect();
    let busy: Vec<(FormCell, Num)> = totals
        .iter()
        .filter_map(|r| match ev.get_cell(r, true) {
            Got::Val(v, _) if !v.is_zero() => Some((*r, v)),
            _ => None,
        })
        .collect();
    if busy.is_empty() {
        return checks.push(check(def, "T4", Status::Pass, None));
    }
    checks.push(check(def, "T4", Status::Fail, None));
    findings.push(Finding {
        cells: refs
            .iter()
            .map(|t| &t.cell)
            .chain(busy.iter().map(|b| &b.0))
            .map(|k| k.to_ref())
            .collect(),
        suspects: busy.iter().map(|b| b.0.to_ref()).collect(),
        operands: busy.iter().map(|&(c, v)| operand(c, v, None)).collect(),
        ..finding(def, "T4", def.description())
    });
}

/// R22: county-level and lower bodies have no 规章.
pub(super) fn r22(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let def = catalogue::rule(RuleId::R22);
    if !ev.inp.found.get(&TableId::Active).copied().unwrap_or(false) {
        return;
    }
    let Some(county) = ev.inp.county_level else {
        return checks.push(check(
            def,
            "REG",
            Status::CannotCheck,
            Some(messages::no_agency_level()),
        ));
    };
    if !county {
        return checks.push(check(def, "REG", Status::NotApplicable, None));
    }
    let regs: Vec<&Cell> = ev
        .inp
        .tables
        .get(TableId::Active)
        .iter()
        .filter(|c| c.row == "REG")
        .collect();
    let nonzero: Vec<&&Cell> = regs
        .iter()
        .filter(|c| c.value.is_some_and(|v| !v.is_zero()))
        .collect();
    if nonzero.is_empty() {
        return checks.push(check(def, "REG", Status::Pass, None));
    }
    checks.push(check(def, "REG", Status::Fail, None));
    let suspects: Vec<CellRef> = nonzero.iter().map(|c| c.cell_ref()).collect();
    findings.push(Finding {
        cells: suspects.clone(),
        suspects,
        operands: nonzero
            .iter()
            .map(|c| Operand {
                cell: c.cell_ref(),
                value: c.value,
                assumed: None,
            })
            .collect(),
        expected: Some(Num::ZERO),
        actual: nonzero.first().and_then(|c| c.value),
        span: nonzero.first().and_then(|c| c.span),
        ..finding(def, "REG", def.description())
    });
}
