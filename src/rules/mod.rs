//! Evaluates the catalogue over the typed tables: every rule instance gets a status,
//! every failure a finding with its operands, difference and suspect cells.
//!
//! Sum relations are generated from the form tables (`forms.rs`), so they follow the
//! Table 3 layout that was read. Suspects follow domain-spec §B.1, generalised: a cell
//! is suspect when every relation it takes part in fails and all of them agree on the
//! value it should have — exactly what a single wrong number produces.

mod conditions;
pub mod cross_year;
mod diagnose;
#[cfg(test)]
mod fictional_format;
mod implied;
mod relations;
mod report;

pub use relations::relations;
pub use report::{report_rules, ReportFacts};

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hash a word at a time (as rustc's FxHash): the maps here hold a
/// few hundred short keys per check; SipHash's DoS resistance buys nothing and costs a
/// measurable share of a check, and so did hashing byte by byte.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Fx {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(Self::K).rotate_left(20);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy of a variable length is a call to memcpy.
            let w = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.add(w ^ ((rest.len() as u64) << 60));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn write_isize(&mut self, i: isize) {
        self.add(i as u64);
    }
}

pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fx>>;

use crate::catalogue::{self, Op, RuleDef};
use crate::forms::{self, ColDef, FormCell, Format, T3Form};
use crate::messages;
use crate::{
    Assumption, Cell, CellRef, Check, Finding, Message, Num, Operand, ReadHow, RuleId, Severity,
    Status, TableId, Tables,
};

pub struct Input<'a> {
    pub tables: &'a Tables,
    /// Table 3's arithmetic for the layout that was read; None when it was not found.
    pub t3: Option<T3Form>,
    pub t2_format: Option<Format>,
    pub format: Option<Format>,
    pub found: StdHashMap<TableId, bool>,
    pub assumptions: &'a [Assumption],
    pub county_level: Option<bool>,
}

/// A relation `Σ lhs op Σ rhs` (an empty side is 0).
pub struct Rel {
    pub rule: RuleId,
    /// The left side is one total cell that the right side must add up to (R3, R10–R12):
    /// that total is checked as written, never stood in for by the sum of its parts.
    pub sum_of_parts: bool,
    pub instance: crate::model::Key,
    pub lhs: Vec<FormCell>,
    pub op: Op,
    pub rhs: Vec<FormCell>,
}

fn cref(table: TableId, row: &'static str, column: &'static str) -> FormCell {
    FormCell::new(table, row, column)
}

/// A failed rule instance's finding with everything but the rule, instance and message
/// empty; callers fill in what they know with struct-update syntax.
pub(crate) fn finding(def: &RuleDef, instance: impl Into<String>, message: Message) -> Finding {
    Finding {
        rule: def.id,
        code: def.code.into(),
        severity: def.severity,
        status: Status::Fail,
        instance: instance.into(),
        formula: def.formula(),
        cells: Vec::new(),
        suspects: Vec::new(),
        operands: Vec::new(),
        expected: None,
        actual: None,
        difference: None,
        suggested: None,
        message,
        span: None,
    }
}

/// Why a value was not taken as written.
#[derive(Debug, Clone, Copy)]
enum Assumed<'a> {
    BlankZero,
    BlankTotal(Num),
    Dash(&'a str),
}

impl Assumed<'_> {
    fn message(self, k: FormCell) -> Message {
        let l = k.name();
        match self {
            Assumed::BlankZero => messages::blank_as_zero(&l),
            Assumed::BlankTotal(sum) => messages::blank_total_used(&l, sum),
            Assumed::Dash(raw) => messages::dash_as_zero(&l, raw),
        }
    }
}

fn operand(k: FormCell, v: Num, a: Option<Assumed>) -> Operand {
    Operand {
        cell: k.to_ref(),
        value: Some(v),
        assumed: a.map(|a| a.message(k).zh),
    }
}

fn active_format(inp: &Input) -> Format {
    inp.t2_format.or(inp.format).unwrap_or(Format::F2021)
}

/// A cell's value as a rule uses it.
enum Got<'a> {
    Val(Num, Option<Assumed<'a>>),
    No(Message),
}

impl Input<'_> {
    /// A table's total column and the columns it adds up (Table 3's from its form).
    fn row_sum(&self, table: TableId) -> Option<(&'static ColDef, &'static [ColDef])> {
        match table {
            TableId::Applications => self.t3.as_ref().and_then(T3Form::row_sum),
            t => forms::row_sum(t),
        }
    }
    fn is_total(&self, r: &FormCell) -> bool {
        self.row_sum(r.table)
            .is_some_and(|(total, _)| total.key == r.column)
    }
    /// The cells a row's total adds up.
    fn components(&self, r: &FormCell) -> Vec<FormCell> {
        self.row_sum(r.table).map_or_else(Vec::new, |(_, parts)| {
            parts.iter().map(|c| cref(r.table, r.row, c.key)).collect()
        })
    }
}

pub struct Evaluator<'a> {
    inp: &'a Input<'a>,
    index: HashMap<(TableId, &'a str, &'a str), &'a Cell>,
}

struct EqOutcome<'a> {
    lsum: Num,
    rsum: Num,
    operands: Vec<(FormCell, Num, Option<Assumed<'a>>)>,
}

impl EqOutcome<'_> {
    fn operands(&self) -> Vec<Operand> {
        self.operands
            .iter()
            .map(|&(k, v, a)| operand(k, v, a))
            .collect()
    }
    fn value(&self, k: FormCell) -> Option<Num> {
        self.operands.iter().find(|o| o.0 == k).map(|o| o.1)
    }
}

impl<'a> Evaluator<'a> {
    pub fn new(inp: &'a Input<'a>) -> Evaluator<'a> {
        // Sized once: growing it cell by cell rehashed it several times per check.
        let n = TableId::ALL.iter().map(|t| inp.tables.get(*t).len()).sum();
        let mut index = HashMap::with_capacity_and_hasher(n, Default::default());
        for t in TableId::ALL {
            for c in inp.tables.get(t) {
                index.insert((t, c.row.as_ref(), c.column.as_ref()), c);
            }
        }
        Evaluator { inp, index }
    }

    fn cell(&self, r: &FormCell) -> Option<&'a Cell> {
        self.index.get(&(r.table, r.row, r.column)).copied()
    }

    fn get(&self, r: &FormCell, blank_total_ok: bool) -> Got<'a> {
        let Some(c) = self.cell(r) else {
            return Got::No(messages::not_found(&r.name()));
        };
        let label = || r.name();
        match (c.read, c.value) {
            (ReadHow::Blank, _) if self.inp.is_total(r) => {
                if !blank_total_ok {
                    return Got::No(messages::blank_total(&label()));
                }
                let mut sum = Num::ZERO;
                for comp in self.inp.components(r) {
                    match self.get(&comp, false) {
                        Got::Val(v, _) => match sum.checked_add(v) {
                            Some(s) => sum = s,
                            None => return Got::No(messages::overflow()),
                        },
                        Got::No(m) => return Got::No(m),
                    }
                }
                Got::Val(sum, Some(Assumed::BlankTotal(sum)))
            }
            (ReadHow::Blank, _) => Got::Val(Num::ZERO, Some(Assumed::BlankZero)),
            (_, Some(v)) => {
                let note = (c.read == ReadHow::DashZero).then_some(Assumed::Dash(c.raw.as_str()));
                Got::Val(v, note)
            }
            (ReadHow::Missing, None) => Got::No(messages::not_found(&label())),
            (_, None) => Got::No(messages::unreadable(&label(), &c.raw)),
        }
    }

    fn assumed(&self, rule: RuleId, instance: &str) -> Option<&'a Assumption> {
        self.inp
            .assumptions
            .iter()
            .find(|a| a.rule == rule && a.instance == instance)
    }

    /// Evaluates a relation: Ok((status, outcome)) or Err(reason) when it cannot be checked.
    fn eval(&self, rel: &Rel) -> Result<(bool, EqOutcome<'a>), Message> {
        if let Some(a) = self.assumed(rel.rule, &rel.instance) {
            return Err(a.reason.clone());
        }
        // The total a sum rule is about must be read, not computed; elsewhere a blank
        // total stands for the sum of its row (domain-spec §B.1).
        let own_total = rel.sum_of_parts;
        let mut operands = Vec::with_capacity(rel.lhs.len() + rel.rhs.len());
        let mut side = |refs: &[FormCell]| -> Result<Num, Message> {
            let mut s = Num::ZERO;
            for r in refs {
                match self.get(r, !own_total) {
                    Got::Val(v, assumed) => {
                        operands.push((*r, v, assumed));
                        s = s.checked_add(v).ok_or_else(messages::overflow)?;
                    }
                    Got::No(m) => return Err(m),
                }
            }
            Ok(s)
        };
        let lsum = side(&rel.lhs)?;
        let rsum = side(&rel.rhs)?;
        let ok = match rel.op {
            Op::Eq => lsum == rsum,
            Op::Le => lsum <= rsum,
            Op::Ge => lsum >= rsum,
        };
        Ok((
            ok,
            EqOutcome {
                lsum,
                rsum,
                operands,
            },
        ))
    }
}

/// A relation's index and its result: (holds, values) or why it cannot be checked.
type Evaluated<'a> = (usize, Result<(bool, EqOutcome<'a>), Message>);

pub struct Outcome {
    pub checks: Vec<Check>,
    pub findings: Vec<Finding>,
    pub implied: Vec<crate::Implied>,
}

pub fn run(inp: &Input) -> Outcome {
    let ev = Evaluator::new(inp);
    let rels = relations(inp);
    // Every relation gives a check, and the other rules about as many again.
    let mut checks = Vec::with_capacity(2 * rels.len());
    let mut findings = Vec::new();
    let mut results: Vec<Evaluated> = Vec::with_capacity(rels.len());
    for (i, rel) in rels.iter().enumerate() {
        results.push((i, ev.eval(rel)));
    }
    let suspects = diagnose::suspects(&rels, &results);
    for (i, res) in &results {
        let rel = &rels[*i];
        let def = catalogue::rule(rel.rule);
        match res {
            Err(reason) => {
                checks.push(check(
                    def,
                    rel.instance.clone(),
                    Status::CannotCheck,
                    Some(reason.clone()),
                ));
                if rel.sum_of_parts {
                    if let Some(f) = diagnose::blank_total_finding(&ev, rel) {
                        findings.push(f);
                    }
                }
            }
            Ok((true, _)) => checks.push(check(def, rel.instance.clone(), Status::Pass, None)),
            Ok((false, out)) => {
                checks.push(check(def, rel.instance.clone(), Status::Fail, None));
                if catalogue::reported_with(rel.rule).is_some() {
                    continue; // explained inside the finding of the rule it is reported with
                }
                let sus = suspects.get(i).cloned().unwrap_or_default();
                findings.push(diagnose::relation_finding(
                    &ev, def, rel, out, sus, &rels, &results,
                ));
            }
        }
    }
    conditions::domain_rules(&ev, &mut checks, &mut findings);
    conditions::empty_column_rule(&ev, &mut checks, &mut findings);
    conditions::r16(&ev, &mut checks, &mut findings);
    conditions::r22(&ev, &mut checks, &mut findings);
    let implied = implied::implied(&ev, &rels, &results);
    Outcome {
        checks,
        findings,
        implied,
    }
}

fn check(
    def: &RuleDef,
    instance: impl Into<crate::model::Key>,
    status: Status,
    reason: Option<Message>,
) -> Check {
    Check {
        rule: def.id,
        instance: instance.into(),
        severity: def.severity,
        status,
        reason,
    }
}
