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
mod relations;

pub use relations::relations;

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the maps here hold a few hundred short keys per check; SipHash's DoS
/// resistance buys nothing and costs a measurable share of a check.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

use crate::catalogue::{self, RuleDef};
use crate::forms::{self, Format, T3Layout, COLS6};
use crate::locate::Assumption;
use crate::messages;
use crate::{
    Cell, CellRef, Check, Finding, Message, Num, Operand, ReadHow, Severity, Status, TableId,
    Tables,
};

pub struct Input<'a> {
    pub tables: &'a Tables,
    pub t3_layout: Option<T3Layout>,
    pub t2_format: Option<Format>,
    pub format: Option<Format>,
    pub found: StdHashMap<TableId, bool>,
    pub assumptions: &'a [Assumption],
    pub county_level: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Eq,
    Le,
    Ge,
}

/// A relation `Σ lhs op Σ rhs` (an empty side is 0).
pub struct Rel {
    pub rule: &'static str,
    /// The left side is one total cell that the right side must add up to (R3, R10–R12):
    /// that total is checked as written, never stood in for by the sum of its parts.
    pub sum_of_parts: bool,
    pub instance: crate::model::Key,
    pub lhs: Vec<Key>,
    pub op: Op,
    pub rhs: Vec<Key>,
}

/// A form cell named by static keys: rule evaluation allocates nothing per operand; a
/// `CellRef` is made only for what a finding reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub table: TableId,
    pub row: &'static str,
    pub column: &'static str,
}

impl Key {
    pub fn to_ref(self) -> CellRef {
        CellRef {
            table: self.table,
            row: self.row.into(),
            column: self.column.into(),
        }
    }
    fn label(self) -> forms::Name {
        forms::cell_name(self.table, self.row, self.column)
    }
}

fn cref(table: TableId, row: &'static str, column: &'static str) -> Key {
    Key { table, row, column }
}

/// Why a value was not taken as written.
#[derive(Debug, Clone, Copy)]
enum Assumed<'a> {
    BlankZero,
    BlankTotal(Num),
    Dash(&'a str),
}

impl Assumed<'_> {
    fn message(self, k: Key) -> Message {
        let l = k.label();
        match self {
            Assumed::BlankZero => messages::blank_as_zero(&l),
            Assumed::BlankTotal(sum) => messages::blank_total_used(&l, sum),
            Assumed::Dash(raw) => messages::dash_as_zero(&l, raw),
        }
    }
}

fn operand(k: Key, v: Num, a: Option<Assumed>) -> Operand {
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

fn is_total(r: &Key) -> bool {
    (r.table == TableId::Applications && r.column == "TOT")
        || (r.table == TableId::Review && r.column == "TOTAL")
}

fn components(r: &Key) -> Vec<Key> {
    match r.table {
        TableId::Applications => COLS6.iter().map(|c| cref(r.table, r.row, c)).collect(),
        _ => ["UPHELD", "CORRECTED", "OTHER", "PENDING"]
            .iter()
            .map(|c| cref(r.table, r.row, c))
            .collect(),
    }
}

pub struct Evaluator<'a> {
    inp: &'a Input<'a>,
    index: HashMap<(TableId, &'a str, &'a str), &'a Cell>,
}

struct EqOutcome<'a> {
    lsum: Num,
    rsum: Num,
    operands: Vec<(Key, Num, Option<Assumed<'a>>)>,
}

impl EqOutcome<'_> {
    fn operands(&self) -> Vec<Operand> {
        self.operands
            .iter()
            .map(|&(k, v, a)| operand(k, v, a))
            .collect()
    }
    fn value(&self, k: Key) -> Option<Num> {
        self.operands.iter().find(|o| o.0 == k).map(|o| o.1)
    }
}

impl<'a> Evaluator<'a> {
    pub fn new(inp: &'a Input<'a>) -> Evaluator<'a> {
        let mut index = HashMap::default();
        for t in TableId::ALL {
            for c in inp.tables.get(t) {
                index.insert((t, c.row.as_ref(), c.column.as_ref()), c);
            }
        }
        Evaluator { inp, index }
    }

    fn cell(&self, r: &Key) -> Option<&'a Cell> {
        self.index.get(&(r.table, r.row, r.column)).copied()
    }

    fn get(&self, r: &Key, blank_total_ok: bool) -> Got<'a> {
        let Some(c) = self.cell(r) else {
            return Got::No(messages::not_found(&r.label()));
        };
        let label = || r.label();
        match (c.read, c.value) {
            (ReadHow::Blank, _) if is_total(r) => {
                if !blank_total_ok {
                    return Got::No(messages::blank_total(&label()));
                }
                let mut sum = Num::ZERO;
                for comp in components(r) {
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

    fn assumed(&self, rule: &str, instance: &str) -> Option<&'a Assumption> {
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
        let mut operands = Vec::new();
        let mut side = |refs: &[Key]| -> Result<Num, Message> {
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
/// A relation a cell is in: (relation index, holds, the value the cell would need).
type Involvement = (usize, bool, Option<Num>);

pub struct Outcome {
    pub checks: Vec<Check>,
    pub findings: Vec<Finding>,
}

pub fn run(inp: &Input) -> Outcome {
    let ev = Evaluator::new(inp);
    let rels = relations(inp);
    let mut checks = Vec::new();
    let mut findings = Vec::new();
    let mut results: Vec<Evaluated> = Vec::new();
    for (i, rel) in rels.iter().enumerate() {
        results.push((i, ev.eval(rel)));
    }
    let suspects = diagnose::suspects(&rels, &results);
    for (i, res) in &results {
        let rel = &rels[*i];
        let Some(def) = catalogue::rule(rel.rule) else {
            continue;
        };
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
    Outcome { checks, findings }
}

fn check(
    def: &RuleDef,
    instance: impl Into<crate::model::Key>,
    status: Status,
    reason: Option<Message>,
) -> Check {
    Check {
        rule: def.id.into(),
        instance: instance.into(),
        severity: def.severity,
        status,
        reason,
    }
}
