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
mod layout;
mod relations;
mod report;

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
use layout::{Layout, Term};
use relations::{Rel, Relations};

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

fn cref(table: TableId, row: &'static str, column: &'static str) -> FormCell {
    FormCell::new(table, row, column)
}

/// A failed rule instance's finding with everything but the rule, instance and message
/// empty; callers fill in what they know with struct-update syntax.
pub(crate) fn finding(def: &RuleDef, instance: impl Into<String>, message: Message) -> Finding {
    finding_with(def, instance, def.formula(), message)
}

/// `finding` with the formula written for the instance.
fn finding_with(
    def: &RuleDef,
    instance: impl Into<String>,
    formula: Message,
    message: Message,
) -> Finding {
    Finding {
        rule: def.id,
        code: def.code.into(),
        severity: def.severity,
        status: Status::Fail,
        instance: instance.into(),
        formula,
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

/// A value as a relation read it.
type Read<'a> = (Num, Option<Assumed<'a>>);

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
    fn components(&self, r: FormCell) -> impl Iterator<Item = FormCell> {
        let parts = self.row_sum(r.table).map_or(&[][..], |(_, parts)| parts);
        parts.iter().map(move |c| cref(r.table, r.row, c.key))
    }
}

pub struct Evaluator<'a> {
    inp: &'a Input<'a>,
    layout: Layout,
    /// The cells that were read, by place (`Layout`).
    grid: Vec<Option<&'a Cell>>,
}

/// A relation that could be evaluated: the sums of its two sides and the values read, one
/// per term in the relation's order.
struct EqOutcome<'r> {
    lsum: Num,
    rsum: Num,
    reads: &'r [Read<'r>],
}

impl EqOutcome<'_> {
    fn operands(&self, rel: &Rel) -> Vec<Operand> {
        rel.terms()
            .zip(self.reads)
            .map(|(t, &(v, a))| operand(t.cell, v, a))
            .collect()
    }
    /// The value read for a cell of the relation.
    fn value(&self, rel: &Rel, at: usize) -> Option<Num> {
        rel.terms()
            .zip(self.reads)
            .find(|(t, _)| t.at == at)
            .map(|(_, r)| r.0)
    }
}

impl<'a> Evaluator<'a> {
    pub fn new(inp: &'a Input<'a>) -> Evaluator<'a> {
        let layout = Layout::new(inp);
        let grid = layout.grid(inp.tables);
        Evaluator { inp, layout, grid }
    }

    /// The cell read at a term's place.
    fn at(&self, t: &Term) -> Option<&'a Cell> {
        self.grid.get(t.at).copied().flatten()
    }

    fn cell(&self, r: &FormCell) -> Option<&'a Cell> {
        self.at(&self.layout.term(*r))
    }

    /// `get` for a cell named by its keys.
    fn get_cell(&self, r: &FormCell, blank_total_ok: bool) -> Got<'a> {
        self.get(&self.layout.term(*r), blank_total_ok)
    }

    fn get(&self, t: &Term, blank_total_ok: bool) -> Got<'a> {
        // A number as written, nearly every cell, apart from the cases that make messages.
        if let Some(c) = self.at(t).filter(|c| c.read != ReadHow::Blank) {
            if let Some(v) = c.value {
                let note = (c.read == ReadHow::DashZero).then_some(Assumed::Dash(c.raw.as_str()));
                return Got::Val(v, note);
            }
        }
        self.get_unwritten(t, blank_total_ok)
    }

    /// `get` for a cell that holds no number: missing, blank or unreadable.
    #[cold]
    fn get_unwritten(&self, t: &Term, blank_total_ok: bool) -> Got<'a> {
        let r = &t.cell;
        let Some(c) = self.at(t) else {
            return Got::No(messages::not_found(&r.name()));
        };
        let label = || r.name();
        match (c.read, c.value) {
            (ReadHow::Blank, _) if self.inp.is_total(r) => {
                if !blank_total_ok {
                    return Got::No(messages::blank_total(&label()));
                }
                let mut sum = Num::ZERO;
                for comp in self.inp.components(*r) {
                    match self.get_cell(&comp, false) {
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
            // Read by `get`; here for completeness.
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

    /// Evaluates a relation, reading its terms into `reads` (one each): Ok((holds, outcome))
    /// or Err(reason) when it cannot be checked.
    fn eval<'r>(
        &self,
        rel: &Rel,
        reads: &'r mut [Read<'a>],
    ) -> Result<(bool, EqOutcome<'r>), Message> {
        if let Some(a) = self.assumed(rel.rule, rel.instance) {
            return Err(a.reason.clone());
        }
        // The total a sum rule is about must be read, not computed; elsewhere a blank
        // total stands for the sum of its row (domain-spec §B.1).
        let own_total = rel.sum_of_parts;
        let (mut lsum, mut rsum) = (Num::ZERO, Num::ZERO);
        for (n, (t, read)) in rel.terms().zip(reads.iter_mut()).enumerate() {
            let (v, assumed) = match self.get(t, !own_total) {
                Got::Val(v, assumed) => (v, assumed),
                Got::No(m) => return Err(m),
            };
            *read = (v, assumed);
            let sum = if n < rel.lhs.len() {
                &mut lsum
            } else {
                &mut rsum
            };
            *sum = sum.checked_add(v).ok_or_else(messages::overflow)?;
        }
        let ok = match rel.op {
            Op::Eq => lsum == rsum,
            Op::Le => lsum <= rsum,
            Op::Ge => lsum >= rsum,
        };
        Ok((ok, EqOutcome { lsum, rsum, reads }))
    }
}

/// A relation's result: (holds, values) or why it cannot be checked.
type Evaluated<'r> = Result<(bool, EqOutcome<'r>), Message>;

pub struct Outcome {
    pub checks: Vec<Check>,
    pub findings: Vec<Finding>,
    pub implied: Vec<crate::Implied>,
}

pub fn run(inp: &Input) -> Outcome {
    let ev = Evaluator::new(inp);
    let relations = Relations::new(inp, &ev.layout);
    let rels = relations.list();
    // Every relation gives a check, and the other rules about as many again.
    let mut checks = Vec::with_capacity(2 * rels.len());
    let mut findings = Vec::new();
    // The values all relations read, in one list: each relation's are the run of its terms.
    let mut reads = vec![(Num::ZERO, None); relations.term_count()];
    let mut unread = &mut reads[..];
    let mut results: Vec<Evaluated> = Vec::with_capacity(rels.len());
    for rel in &rels {
        let (mine, rest) = std::mem::take(&mut unread).split_at_mut(rel.lhs.len() + rel.rhs.len());
        unread = rest;
        results.push(ev.eval(rel, mine));
    }
    let tally = diagnose::Tally::new(&ev, &rels, &results);
    for (rel, res) in rels.iter().zip(&results) {
        let def = catalogue::rule(rel.rule);
        let instance = || rel.instance.clone();
        match res {
            Err(reason) => {
                checks.push(check(
                    def,
                    instance(),
                    Status::CannotCheck,
                    Some(reason.clone()),
                ));
                if rel.sum_of_parts {
                    if let Some(f) = diagnose::blank_total_finding(&ev, rel) {
                        findings.push(f);
                    }
                }
            }
            Ok((true, _)) => checks.push(check(def, instance(), Status::Pass, None)),
            Ok((false, out)) => {
                checks.push(check(def, instance(), Status::Fail, None));
                if catalogue::reported_with(rel.rule).is_some() {
                    continue; // explained inside the finding of the rule it is reported with
                }
                let sus = match &tally {
                    Some(t) if rel.op == Op::Eq => t.suspects(rel),
                    _ => Vec::new(),
                };
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
