//! Evaluates the catalogue over the typed tables: every rule instance gets a status,
//! every failure a finding with its operands, difference and suspect cells.
//!
//! Sum relations are generated from the form tables (`forms.rs`), so they follow the
//! Table 3 layout that was read. Suspects follow domain-spec §B.1, generalised: a cell
//! is suspect when every relation it takes part in fails and all of them agree on the
//! value it should have — exactly what a single wrong number produces.

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
    fn label(self) -> String {
        forms::cell_label(self.table, self.row, self.column)
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

/// Every relation of the catalogue over the tables that were read.
pub fn relations(inp: &Input) -> Vec<Rel> {
    use TableId::*;
    let mut v = Vec::new();
    let t3 = |r: &'static str, c: &'static str| cref(Applications, r, c);
    if let Some(layout) = inp.t3_layout {
        let cols: Vec<&'static str> = forms::T3_COLUMNS.iter().map(|c| c.key).collect();
        for c in &cols {
            v.push(Rel {
                rule: "R1",
                sum_of_parts: false,
                instance: (*c).into(),
                lhs: vec![t3("NEW", c), t3("CARRY_IN", c)],
                op: Op::Eq,
                rhs: vec![t3("TOTAL", c), t3("CARRY_OUT", c)],
            });
        }
        for c in &cols {
            let rhs = layout.outcome_rows().iter().map(|r| t3(r, c)).collect();
            v.push(Rel {
                rule: "R2",
                sum_of_parts: false,
                instance: (*c).into(),
                lhs: vec![t3("TOTAL", c)],
                op: Op::Eq,
                rhs,
            });
        }
        for r in layout.rows() {
            let rhs = COLS6.iter().map(|c| t3(r, c)).collect();
            v.push(Rel {
                rule: "R3",
                sum_of_parts: true,
                instance: (r).into(),
                lhs: vec![t3(r, "TOT")],
                op: Op::Eq,
                rhs,
            });
        }
        for c in &cols {
            v.push(Rel {
                rule: "R5",
                sum_of_parts: false,
                instance: format!("{c}:CARRY_OUT").into(),
                lhs: vec![t3("CARRY_OUT", c)],
                op: Op::Le,
                rhs: vec![t3("NEW", c), t3("CARRY_IN", c)],
            });
            v.push(Rel {
                rule: "R5",
                sum_of_parts: false,
                instance: format!("{c}:TOTAL").into(),
                lhs: vec![t3("TOTAL", c)],
                op: Op::Le,
                rhs: vec![t3("NEW", c), t3("CARRY_IN", c)],
            });
        }
        for c in &cols {
            v.push(Rel {
                rule: "R7",
                sum_of_parts: false,
                instance: (*c).into(),
                lhs: vec![t3("CARRY_OUT", c)],
                op: Op::Le,
                rhs: vec![t3("NEW", c)],
            });
        }
    }
    if inp.found.get(&Review).copied().unwrap_or(false) {
        for (rule, block) in [("R10", "REV"), ("R11", "LIT_DIRECT"), ("R12", "LIT_AFTER")] {
            let rhs = ["UPHELD", "CORRECTED", "OTHER", "PENDING"]
                .iter()
                .map(|c| cref(Review, block, c))
                .collect();
            v.push(Rel {
                rule,
                sum_of_parts: true,
                instance: (block).into(),
                lhs: vec![cref(Review, block, "TOTAL")],
                op: Op::Eq,
                rhs,
            });
        }
        v.push(Rel {
            rule: "R14",
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
            rule: "R15",
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
                        rule: "R19",
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
                        rule: "R24",
                        sum_of_parts: false,
                        instance: x.into(),
                        lhs: vec![cref(Active, x, "PREV_ITEMS"), cref(Active, x, "DELTA")],
                        op: Op::Ge,
                        rhs: vec![],
                    });
                }
                for x in ["REG", "NDOC"] {
                    v.push(Rel {
                        rule: "R26",
                        sum_of_parts: false,
                        instance: x.into(),
                        lhs: vec![cref(Active, x, "TOTAL_PUBLISHED")],
                        op: Op::Ge,
                        rhs: vec![cref(Active, x, "NEW_PUBLISHED")],
                    });
                    v.push(Rel {
                        rule: "R27",
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
    let suspects = diagnose(&rels, &results);
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
                    if let Some(f) = blank_total_finding(&ev, rel) {
                        findings.push(f);
                    }
                }
            }
            Ok((true, _)) => checks.push(check(def, rel.instance.clone(), Status::Pass, None)),
            Ok((false, out)) => {
                checks.push(check(def, rel.instance.clone(), Status::Fail, None));
                if rel.rule == "R5" {
                    continue; // reported through its R1 finding
                }
                let sus = suspects.get(i).cloned().unwrap_or_default();
                findings.push(relation_finding(&ev, def, rel, out, sus, &rels, &results));
            }
        }
    }
    domain_rules(&ev, &mut checks, &mut findings);
    empty_column_rule(&ev, &mut checks, &mut findings);
    r16(&ev, &mut checks, &mut findings);
    r22(&ev, &mut checks, &mut findings);
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

/// Suspect cells for each failing equality (index → suspects).
fn diagnose(rels: &[Rel], results: &[Evaluated]) -> HashMap<usize, Vec<Key>> {
    let is_eq = |i: usize| rels[i].op == Op::Eq;
    // For each cell: the evaluable equalities it is in, and the correction each implies.
    let mut by_cell: HashMap<Key, Vec<Involvement>> = HashMap::default();
    if !results
        .iter()
        .any(|(i, r)| is_eq(*i) && matches!(r, Ok((false, _))))
    {
        return HashMap::default();
    }
    for (i, res) in results {
        if !is_eq(*i) {
            continue;
        }
        let Ok((ok, out)) = res else { continue };
        let diff = out.lsum.checked_sub(out.rsum);
        let rel = &rels[*i];
        for (r, on_left) in rel
            .lhs
            .iter()
            .map(|r| (r, true))
            .chain(rel.rhs.iter().map(|r| (r, false)))
        {
            let current = out.value(*r);
            let fix = match (current, diff) {
                (Some(v), Some(d)) if on_left => v.checked_sub(d),
                (Some(v), Some(d)) => v.checked_add(d),
                _ => None,
            };
            by_cell.entry(*r).or_default().push((*i, *ok, fix));
        }
    }
    let single_cause: std::collections::HashSet<Key, BuildHasherDefault<Fnv>> = by_cell
        .iter()
        .filter(|(_, v)| {
            v.iter().all(|(_, ok, _)| !ok) && {
                let first = v.first().and_then(|x| x.2);
                first.is_some() && v.iter().all(|x| x.2 == first)
            }
        })
        .map(|(r, _)| *r)
        .collect();
    let mut out = HashMap::default();
    for (i, res) in results {
        let Ok((false, _)) = res else { continue };
        if !is_eq(*i) {
            continue;
        }
        let rel = &rels[*i];
        let cells: Vec<Key> = rel.lhs.iter().chain(rel.rhs.iter()).copied().collect();
        let mut sus: Vec<Key> = cells
            .iter()
            .filter(|c| single_cause.contains(c))
            .copied()
            .collect();
        if sus.is_empty() {
            // More than one wrong number: point at the cells shared by most failures.
            let fails = |c: &Key| {
                by_cell
                    .get(c)
                    .map_or(0, |v| v.iter().filter(|x| !x.1).count())
            };
            let best = cells.iter().map(&fails).max().unwrap_or(0);
            sus = cells.iter().filter(|c| fails(c) == best).copied().collect();
        }
        out.insert(*i, sus);
    }
    out
}

fn relation_finding(
    ev: &Evaluator,
    def: &RuleDef,
    rel: &Rel,
    out: &EqOutcome,
    suspects: Vec<Key>,
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
    // R1 is explained by R5 when the outflow exceeds the inflow.
    let exceeds: Vec<String> = if rel.rule == "R1" {
        rels.iter()
            .zip(results)
            .filter(|(r, (_, res))| {
                r.rule == "R5"
                    && r.instance.starts_with(&format!("{}:", rel.instance))
                    && matches!(res, Ok((false, _)))
            })
            .map(|(r, _)| r.instance.to_string())
            .collect()
    } else {
        Vec::new()
    };
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
        rel,
        out.lsum,
        out.rsum,
        &suspects,
        suspect_fix,
        &exceeds,
    );
    let span = suspects
        .first()
        .and_then(|s| ev.cell(s))
        .and_then(|c| c.span);
    Finding {
        rule: def.id.to_string(),
        code: def.code.to_string(),
        severity: def.severity,
        status: Status::Fail,
        instance: rel.instance.to_string(),
        formula: messages::formula(def, rel),
        cells: cells.into_iter().map(Key::to_ref).collect(),
        suspects: suspects.into_iter().map(Key::to_ref).collect(),
        operands: out.operands(),
        expected: Some(out.rsum),
        actual: Some(out.lsum),
        difference,
        suggested: suspect_fix,
        message,
        span,
    }
}

/// INFO "总计未填" for a sum rule whose total cell is blank while its parts are not all 0.
fn blank_total_finding(ev: &Evaluator, rel: &Rel) -> Option<Finding> {
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
    let def = catalogue::rule(rel.rule)?;
    let label = total.label();
    Some(Finding {
        rule: def.id.to_string(),
        code: "TOTAL-BLANK".into(),
        severity: Severity::Info,
        status: Status::CannotCheck,
        instance: rel.instance.to_string(),
        formula: messages::formula(def, rel),
        cells: std::iter::once(total)
            .chain(rel.rhs.iter())
            .map(|k| k.to_ref())
            .collect(),
        suspects: vec![total.to_ref()],
        operands,
        expected: Some(sum),
        actual: None,
        difference: None,
        suggested: None,
        message: messages::blank_total_used(&label, sum),
        span: None,
    })
}

/// R4, R13, R18, R23: the value type of every cell, one instance per row.
fn domain_rules(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let inp = ev.inp;
    let mut groups: Vec<(&str, TableId, String, Vec<&Cell>)> = Vec::new();
    let active = inp.tables.get(TableId::Active);
    let t2_rule = match active_format(inp) {
        Format::F2021 => "R18",
        Format::F2019 => "R23",
    };
    for (rule, t, cells) in [
        (
            "R4",
            TableId::Applications,
            inp.tables.get(TableId::Applications),
        ),
        ("R13", TableId::Review, inp.tables.get(TableId::Review)),
        (t2_rule, TableId::Active, active),
    ] {
        for c in cells {
            match groups.iter_mut().find(|g| g.0 == rule && g.2 == c.row) {
                Some(g) => g.3.push(c),
                None => groups.push((rule, t, c.row.to_string(), vec![c])),
            }
        }
    }
    for (rule, table, row, cells) in groups {
        let Some(def) = catalogue::rule(rule) else {
            continue;
        };
        let mut bad = Vec::new();
        let mut unknown = None;
        for c in &cells {
            let Some(v) = c.value else {
                if matches!(c.read, ReadHow::Unreadable) && !c.raw.is_empty() {
                    unknown = Some(messages::unreadable(
                        &forms::cell_label(table, &c.row, &c.column),
                        &c.raw,
                    ));
                }
                continue;
            };
            let (signed, money) = active_kind(inp, c);
            let ok = (signed || !v.is_negative()) && (money || v.is_integer());
            if !ok {
                bad.push(*c);
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
            findings.push(Finding {
                rule: def.id.to_string(),
                code: def.code.to_string(),
                severity: def.severity,
                status: Status::Fail,
                instance: row.clone(),
                formula: Message {
                    zh: def.formula_zh.into(),
                    en: def.formula_en.into(),
                },
                cells: vec![r.clone()],
                suspects: vec![r.clone()],
                operands: vec![Operand {
                    cell: r.clone(),
                    value: c.value,
                    assumed: None,
                }],
                expected: None,
                actual: c.value,
                difference: None,
                suggested: None,
                message: messages::bad_value(&forms::cell_label(table, &c.row, &c.column), &c.raw),
                span: c.span,
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
fn empty_column_rule(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let Some(layout) = ev.inp.t3_layout else {
        return;
    };
    let Some(def) = catalogue::rule("R6") else {
        return;
    };
    for col in forms::T3_COLUMNS {
        let inflow: Vec<Key> = ["NEW", "CARRY_IN"]
            .iter()
            .map(|r| cref(TableId::Applications, r, col.key))
            .collect();
        let mut total = Num::ZERO;
        let mut unknown = None;
        for r in &inflow {
            match ev.get(r, true) {
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
        let mut rows: Vec<&'static str> = layout.outcome_rows().to_vec();
        rows.extend(["TOTAL", "CARRY_OUT"]);
        for r in rows {
            let c = cref(TableId::Applications, r, col.key);
            if let Got::Val(v, _) = ev.get(&c, false) {
                if !v.is_zero() {
                    nonzero.push((c, v));
                }
            }
        }
        if nonzero.is_empty() {
            checks.push(check(def, col.key, Status::Pass, None));
            continue;
        }
        checks.push(check(def, col.key, Status::Fail, None));
        let suspects: Vec<Key> = nonzero.iter().map(|(c, _)| *c).collect();
        let span = suspects
            .first()
            .and_then(|s| ev.cell(s))
            .and_then(|c| c.span);
        findings.push(Finding {
            rule: "R6".into(),
            code: def.code.into(),
            severity: def.severity,
            status: Status::Fail,
            instance: col.key.into(),
            formula: Message {
                zh: def.formula_zh.into(),
                en: def.formula_en.into(),
            },
            cells: inflow
                .iter()
                .chain(suspects.iter())
                .map(|k| k.to_ref())
                .collect(),
            suspects: suspects.iter().map(|k| k.to_ref()).collect(),
            operands: nonzero.iter().map(|&(c, v)| operand(c, v, None)).collect(),
            expected: Some(Num::ZERO),
            actual: nonzero.first().map(|x| x.1),
            difference: None,
            suggested: None,
            message: messages::empty_column(
                col.label,
                col.en,
                &suspects.iter().map(|k| k.to_ref()).collect::<Vec<_>>(),
            ),
            span,
        });
    }
}

/// R16: reviews or suits without any application this year.
fn r16(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let Some(def) = catalogue::rule("R16") else {
        return;
    };
    if ev.inp.t3_layout.is_none() || !ev.inp.found.get(&TableId::Review).copied().unwrap_or(false) {
        return;
    }
    let refs = [
        cref(TableId::Applications, "NEW", "TOT"),
        cref(TableId::Applications, "CARRY_IN", "TOT"),
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
    let totals: Vec<Key> = ["REV", "LIT_DIRECT", "LIT_AFTER"]
        .iter()
        .map(|b| cref(TableId::Review, b, "TOTAL"))
        .collect();
    let busy: Vec<(Key, Num)> = totals
        .iter()
        .filter_map(|r| match ev.get(r, true) {
            Got::Val(v, _) if !v.is_zero() => Some((*r, v)),
            _ => None,
        })
        .collect();
    if busy.is_empty() {
        return checks.push(check(def, "T4", Status::Pass, None));
    }
    checks.push(check(def, "T4", Status::Fail, None));
    findings.push(Finding {
        rule: "R16".into(),
        code: def.code.into(),
        severity: def.severity,
        status: Status::Fail,
        instance: "T4".into(),
        formula: Message {
            zh: def.formula_zh.into(),
            en: def.formula_en.into(),
        },
        cells: refs
            .iter()
            .chain(busy.iter().map(|b| &b.0))
            .map(|k| k.to_ref())
            .collect(),
        suspects: busy.iter().map(|b| b.0.to_ref()).collect(),
        operands: busy.iter().map(|&(c, v)| operand(c, v, None)).collect(),
        expected: None,
        actual: None,
        difference: None,
        suggested: None,
        message: Message {
            zh: def.zh.into(),
            en: def.en.into(),
        },
        span: None,
    });
}

/// R22: county-level and lower bodies have no 规章.
fn r22(ev: &Evaluator, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let Some(def) = catalogue::rule("R22") else {
        return;
    };
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
        rule: "R22".into(),
        code: def.code.into(),
        severity: def.severity,
        status: Status::Fail,
        instance: "REG".into(),
        formula: Message {
            zh: def.formula_zh.into(),
            en: def.formula_en.into(),
        },
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
        difference: None,
        suggested: None,
        message: Message {
            zh: def.zh.into(),
            en: def.en.into(),
        },
        span: nonzero.first().and_then(|c| c.span),
    });
}
