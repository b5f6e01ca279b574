//! The report's text against its tables (domain-spec §D, P1–P14) and its sections
//! (§A.1, R9 and S1–S4): run after the tables are read, on the same paste.
//!
//! text (one key of the paste, table regions marked) → sentences → figures → the
//! phrase before each figure, matched against the relation table (`relations.rs`) →
//! the table's cells → pass, cannot check, or a warning pointing at the sentence and
//! the cells. Every prose check is a warning at most, and only when the reading of the
//! figure is certain: a figure with no counterpart is not a check, a figure whose phrase
//! could mean several things is checked only in the sense that some reading agrees.

mod figures;
mod keys;
mod relations;
mod sections;
mod text;
mod wording;
mod words;

use std::borrow::Cow;

use crate::catalogue;
use crate::forms::{self, FormCell, Format};
use crate::rules::finding;
use crate::{Cell, Check, Finding, Num, Operand, ReadHow, RuleId, Span, Status, TableId, Tables};

use figures::Figure;
use relations::{Alt, Pattern, CLAIMS, NEGATIONS, PATTERNS};
use text::{is_clause_end, is_sentence_end, KeyText};
use words::{words, Word, Words};

/// The word lists of `relations`, prepared for scanning the key in place.
const NOT_COMPARABLE: Words = words!(relations::NOT_COMPARABLE);
const SEVERAL_BODIES: Words = words!(relations::SEVERAL_BODIES);
const WIDER_AREA: Words = words!(relations::WIDER_AREA);
const UNCERTAIN: Words = words!(relations::UNCERTAIN);
const FILLERS: Words = words!(relations::FILLERS);
const NOT_A_CLAIM: Words = words!(relations::NOT_A_CLAIM);
/// Words before a number-first phrase that name another count.
const OTHER_COUNT: Words = words!(&["其中", "中", "另有", "另"]);
/// Verbs of "本机关未收到政府信息公开申请".
const RECEIVED: Words = words!(&["收到", "受理", "接到", "接收"]);
/// What comes right before such a verb.
const NONE: Words = words!(&["未", "没有", "均未", "未曾"]);
/// What comes right after it (or after "过", "任何").
const APPLICATIONS: Words = words!(&[
    "政府信息公开申请",
    "信息公开申请",
    "依申请公开申请",
    "公开申请",
]);
/// Words of the clause that make it about something else.
const OTHER_MATTERS: Words = words!(&["复议", "诉讼", "逾期", "投诉", "举报"]);

/// How many words the claims have.
const CLAIM_COUNT: usize = {
    let (mut n, mut c) = (0, 0);
    while c < CLAIMS.len() {
        n += CLAIMS[c].words.len();
        c += 1;
    }
    n
};
/// Every claim's words in order, and the claim each belongs to.
const CLAIM_LIST: ([&str; CLAIM_COUNT], [usize; CLAIM_COUNT]) = {
    let mut out = ([""; CLAIM_COUNT], [0; CLAIM_COUNT]);
    let (mut n, mut c) = (0, 0);
    while c < CLAIMS.len() {
        let mut w = 0;
        while w < CLAIMS[c].words.len() {
            out.0[n] = CLAIMS[c].words[w];
            out.1[n] = c;
            n += 1;
            w += 1;
        }
        c += 1;
    }
    out
};
const CLAIM_WORDS: Words = words!(&CLAIM_LIST.0);
const CLAIM_OF: [usize; CLAIM_COUNT] = CLAIM_LIST.1;

/// What the prose stage needs from the rest of the pipeline.
pub struct Input<'a> {
    pub src: &'a str,
    pub tables: &'a Tables,
    /// Table 3's data rows in the layout that was read (None: Table 3 not found).
    pub t3_rows: Option<Vec<&'static str>>,
    pub found: &'a std::collections::HashMap<TableId, bool>,
    pub format: Option<Format>,
    pub year: Option<i32>,
    /// The report's title, when found (tells a government's report from a department's).
    pub title: Option<&'a str>,
}

/// How far back a phrase may start before its figure, and how far a sentence is followed
/// either way (in key characters): bounded windows keep the stage linear.
const LEAD: usize = 40;
/// How far into the text a title is looked for, in key characters.
const TITLE_HEAD: usize = 60;
const SENTENCE: usize = 400;

pub fn run(inp: &Input, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let ranges = table_ranges(inp.tables);
    let k = KeyText::new(inp.src, &ranges);
    let ctx = Ctx::new(inp, &k);
    let figs = figures::find(&k);
    // One outcome per figure and claim, then one check per rule: the checks list keeps
    // the same length whatever the text quotes (a paste of tables and the whole report
    // list the same checks), and a long text does not flood it.
    let mut each = Vec::new();
    let mut prev_end = 0usize;
    for f in &figs {
        ctx.figure(f, prev_end, &mut each, findings);
        prev_end = f.b;
    }
    ctx.claims(&mut each, findings);
    ctx.none_received(&mut each, findings);
    per_rule(&each, checks);
    sections::run(&ctx, checks, findings);
}

/// The instance of every prose check and finding: the report's text (a finding's `span`
/// says where).
const TEXT: &str = "text";

/// How many figures a check's reason names before "…".
const NAMED: usize = 6;

/// P1–P14 as one check each: fails if a figure fails; cannot be checked if one could not
/// be; passes if every figure agrees; not applicable when the text quotes none.
fn per_rule(each: &[Check], checks: &mut Vec<Check>) {
    for &id in RuleId::ALL.iter().filter(|r| r.as_str().starts_with('P')) {
        let mine: Vec<&Check> = each.iter().filter(|c| c.rule == id).collect();
        let has = |s: Status| mine.iter().any(|c| c.status == s);
        let status = if mine.is_empty() {
            Status::NotApplicable
        } else if has(Status::Fail) {
            Status::Fail
        } else if has(Status::CannotCheck) {
            Status::CannotCheck
        } else {
            Status::Pass
        };
        let reason = if mine.is_empty() {
            Some(wording::not_quoted())
        } else {
            let rs: Vec<&crate::Message> = mine.iter().filter_map(|c| c.reason.as_ref()).collect();
            let zh: Vec<&str> = rs.iter().take(NAMED).map(|m| m.zh.as_str()).collect();
            let en: Vec<&str> = rs.iter().take(NAMED).map(|m| m.en.as_str()).collect();
            let more = rs.len().saturating_sub(NAMED);
            (!zh.is_empty()).then(|| {
                let mut m = crate::Message {
                    zh: zh.join("；"),
                    en: en.join("; "),
                };
                if more > 0 {
                    m.zh.push_str(&format!("；…另 {more} 处"));
                    m.en.push_str(&format!("; … {more} more"));
                }
                m
            })
        };
        checks.push(Check {
            rule: id,
            instance: TEXT.into(),
            severity: catalogue::rule(id).severity,
            status,
            reason,
        });
    }
}

/// The byte range each table occupies: from its first cell to its last.
fn table_ranges(tables: &Tables) -> Vec<(usize, usize)> {
    TableId::ALL
        .iter()
        .filter_map(|t| {
            let spans = tables.get(*t).iter().filter_map(|c| c.span);
            let (mut a, mut b) = (usize::MAX, 0usize);
            for s in spans {
                a = a.min(s.start);
                b = b.max(s.end);
            }
            (a < b).then_some((a, b))
        })
        .collect()
}

/// One reading of a figure, computed from the table.
struct Reading {
    zh: Cow<'static, str>,
    en: Cow<'static, str>,
    cells: Vec<(FormCell, Num)>,
    value: Num,
}

pub(crate) struct Ctx<'a> {
    inp: &'a Input<'a>,
    k: &'a KeyText<'a>,
    index: crate::rules::HashMap<(TableId, &'a str, &'a str), &'a Cell>,
    /// The report is a people's government's own (its title as found, or the head of the
    /// text: a PDF copy breaks the title into "淮安市人民政府" and "2024 年…年度报告").
    government: bool,
}

impl<'a> Ctx<'a> {
    fn new(inp: &'a Input<'a>, k: &'a KeyText<'a>) -> Ctx<'a> {
        let n = TableId::ALL.iter().map(|t| inp.tables.get(*t).len()).sum();
        let mut index = crate::rules::HashMap::with_capacity_and_hasher(n, Default::default());
        for t in TableId::ALL {
            for c in inp.tables.get(t) {
                index.insert((t, c.row.as_ref(), c.column.as_ref()), c);
            }
        }
        let is_gov = |t: &str| t.contains("人民政府") || t.contains("政府办");
        let head = TITLE_HEAD.min(k.len());
        let government = inp.title.is_some_and(is_gov)
            || k.contains_any(0, head, &words!(&["人民政府", "政府办"]));
        Ctx {
            inp,
            k,
            index,
            government,
        }
    }

    /// A cell's value as prose is compared with it: a blank counts as 0, a blank total as
    /// the sum of its row; a missing or unreadable cell has none.
    fn value(&self, c: FormCell) -> Option<Num> {
        if c.table == TableId::Applications {
            let rows = self.inp.t3_rows.as_ref()?;
            if !rows.contains(&c.row) {
                return None;
            }
        }
        let cell = self.index.get(&(c.table, c.row, c.column))?;
        match (cell.read, cell.value) {
            (ReadHow::Blank, _) => {
                let (total, parts) = forms::row_sum(c.table)?;
                if total.key == c.column {
                    self.sum_of(c, parts)
                } else {
                    Some(Num::ZERO)
                }
            }
            (ReadHow::Missing | ReadHow::Unreadable, _) => None,
            (_, v) => v,
        }
    }

    /// The sum of the parts of a total cell (None when it is not a total or a part is unread).
    fn parts_sum(&self, c: FormCell) -> Option<Num> {
        let (total, parts) = forms::row_sum(c.table)?;
        if total.key != c.column {
            return None;
        }
        self.sum_of(c, parts)
    }

    /// The sum of the values of `parts` in `c`'s row: None if one cannot be read (or
    /// the sum overflows).
    fn sum_of(&self, c: FormCell, parts: &[forms::ColDef]) -> Option<Num> {
        parts.iter().try_fold(Num::ZERO, |sum, p| {
            sum.checked_add(self.value(FormCell::new(c.table, c.row, p.key))?)
        })
    }

    /// Whether a cell exists in the layout that was read.
    fn in_layout(&self, c: &FormCell) -> bool {
        c.table != TableId::Applications
            || self
                .inp
                .t3_rows
                .as_ref()
                .is_some_and(|rows| rows.contains(&c.row))
    }

    /// Every reading of an alternative (its sum; with `sub_rows`, each cell alone);
    /// `None` when a cell it needs cannot be read.
    fn readings(&self, alt: &Alt) -> Option<Vec<Reading>> {
        let cells: Vec<FormCell> = alt
            .cells
            .iter()
            .filter(|c| self.in_layout(c))
            .copied()
            .collect();
        if cells.is_empty() {
            return None;
        }
        let vals: Vec<(FormCell, Num)> = cells
            .iter()
            .map(|c| self.value(*c).map(|v| (*c, v)))
            .collect::<Option<_>>()?;
        let sum = Num::sum(vals.iter().map(|v| v.1))?;
        let mut out = vec![Reading {
            zh: Cow::Borrowed(alt.zh),
            en: Cow::Borrowed(alt.en),
            cells: vals.clone(),
            value: sum,
        }];
        // A total cell that is not the sum of its row (an R3/R10–R12 error, reported
        // there): the prose may quote the right sum.
        let by_parts: Option<Num> =
            Num::sum(vals.iter().map(|(c, v)| self.parts_sum(*c).unwrap_or(*v)));
        if let Some(p) = by_parts.filter(|p| *p != sum) {
            out.push(Reading {
                zh: format!("{}（按各列之和）", alt.zh).into(),
                en: format!("{} (as the sum of its columns)", alt.en).into(),
                cells: vals.clone(),
                value: p,
            });
        }
        if alt.sub_rows && vals.len() > 1 {
            for (c, v) in vals {
                let n = c.name();
                out.push(Reading {
                    zh: n.zh.into(),
                    en: n.en.into(),
                    cells: vec![(c, v)],
                    value: v,
                });
            }
        }
        Some(out)
    }

    fn span(&self, a: usize, b: usize) -> Option<Span> {
        self.k.span(a, b)
    }

    /// The sentence around key index `i`: `[start, end)` in key indices.
    fn sentence(&self, i: usize) -> (usize, usize) {
        let ch = &self.k.chars;
        let lo = i.saturating_sub(SENTENCE);
        let mut s = i;
        while s > lo && !is_sentence_end(ch[s - 1]) {
            s -= 1;
        }
        let hi = (i + SENTENCE).min(ch.len());
        let mut e = i;
        while e < hi && !is_sentence_end(ch[e]) {
            e += 1;
        }
        if e < hi && ch[e] != text::BREAK {
            e += 1;
        }
        (s, e)
    }

    /// Start of the clause holding key index `i` (not before `floor`).
    fn clause_start(&self, i: usize, floor: usize) -> usize {
        let ch = &self.k.chars;
        let lo = i.saturating_sub(LEAD).max(floor);
        let mut s = i;
        while s > lo && !is_clause_end(ch[s - 1]) {
            s -= 1;
        }
        s
    }

    /// Start of the clause holding key index `i`, not stopping at list commas ("、").
    fn strong_clause_start(&self, i: usize, floor: usize) -> usize {
        let ch = &self.k.chars;
        let lo = i.saturating_sub(LEAD).max(floor);
        let mut s = i;
        while s > lo && (ch[s - 1] == '、' || !is_clause_end(ch[s - 1])) {
            s -= 1;
        }
        s
    }

    /// Whether key characters `[a, b)` hold `w` (a word not known at compile time).
    fn has(&self, a: usize, b: usize, w: &'static str) -> bool {
        self.k.contains(a, b, &Word::new(w))
    }

    /// The pattern a figure's phrase matches: walking back over filler words, the first
    /// place where some key ends; the longest key there wins. A pattern's `context` is
    /// looked for in key characters `[context, f.a)`.
    fn phrase(&self, f: &Figure, ls: usize, context: usize) -> Option<(&'static Pattern, usize)> {
        let mut e = f.a;
        let mut application = false;
        // Whether each pattern's context words are there: looked up when first needed.
        let mut in_context: [Option<bool>; PATTERNS.len()] = [None; PATTERNS.len()];
        loop {
            // No key or filler ends at `e` unless it starts at or after `ls`.
            if e <= ls {
                return None;
            }
            let last = *self.k.chars.get(e - 1)?;
            let mut best: Option<(&Pattern, usize)> = None;
            for key in keys::ending_with(last) {
                let p = &PATTERNS[key.pattern];
                if p.needs_application && !application {
                    continue;
                }
                let Some(start) = self.k.word_ending(e, ls, &key.word) else {
                    continue;
                };
                if !p.context.is_empty() {
                    let ok = *in_context[key.pattern]
                        .get_or_insert_with(|| p.context.iter().any(|w| self.has(context, f.a, w)));
                    if !ok {
                        continue;
                    }
                }
                let opens = start == ls
                    || p.only_after.is_empty()
                    || p.only_after
                        .iter()
                        .any(|a| self.k.word_ending(start, ls, &Word::new(a)).is_some());
                if !opens {
                    continue;
                }
                if best.is_none_or(|(_, s)| start < s) {
                    best = Some((p, start));
                }
            }
            if best.is_some() {
                return best;
            }
            let (filler, start) = FILLERS
                .list
                .iter()
                .find_map(|fl| self.k.word_ending(e, ls, fl).map(|s| (fl, s)))?;
            application |= filler.text.contains("申请");
            e = start;
        }
    }

    /// Number-first phrasing: "有 1 件涉及政府信息公开工作的行政复议".
    fn phrase_after(&self, f: &Figure) -> Option<&'static Pattern> {
        let ch = &self.k.chars;
        let mut e = f.b;
        let hi = (f.b + 20).min(ch.len());
        while e < hi && !is_clause_end(ch[e]) && !ch[e].is_ascii_digit() {
            e += 1;
        }
        PATTERNS.iter().find(|p| {
            p.after
                .iter()
                .any(|w| self.k.window_ends_with(f.b, e, &Word::new(w)))
        })
    }

    fn figure(
        &self,
        f: &Figure,
        prev_end: usize,
        checks: &mut Vec<Check>,
        findings: &mut Vec<Finding>,
    ) {
        let k = self.k;
        let ls = self.clause_start(f.a, prev_end);
        // Words before a list comma belong to the same figure ("公民、法人和其他组织…6 件").
        let ws = self.strong_clause_start(f.a, prev_end);
        if k.contains_any(ws, f.a, &NOT_COMPARABLE) {
            return;
        }
        let (ss, se) = self.sentence(f.a);
        // A wider area or several bodies: not necessarily this report's table.
        if k.contains_any(ss, f.a, &SEVERAL_BODIES)
            || (!self.government && k.contains_any(ss, f.a, &WIDER_AREA))
        {
            return;
        }
        // What the figure is about: its sentence so far and the one before it.
        let prev = if ss > 0 && k.chars.get(ss - 1) != Some(&text::BREAK) {
            self.sentence(ss - 1).0
        } else {
            ss
        };
        // The words before the key, in key characters `[uncertain_words.0, .1)`.
        let (primary, key_start, uncertain_words) = match self.phrase(f, ls, prev.min(ss)) {
            Some((p, s)) => (p, s, (ws, s)),
            None => match self.phrase_after(f) {
                // Nothing before the figure may name another count.
                Some(p) if !k.contains_any(ws, f.a, &OTHER_COUNT) => (p, f.a, (0, 0)),
                _ => return,
            },
        };
        // Other phrases earlier in the clause: the figure may belong to them.
        let (uw_a, uw_b) = uncertain_words;
        let within = keys::patterns_within(k, uw_a, uw_b);
        let mut pats: Vec<&Pattern> = vec![primary];
        for (p, _) in PATTERNS.iter().zip(within).filter(|(_, w)| *w) {
            if !std::ptr::eq(primary, p) {
                pats.push(p);
            }
        }
        let uncertain = pats.len() > 1 || k.contains_any(uw_a, uw_b, &UNCERTAIN);
        let mut readings = Vec::new();
        let mut unknown = false;
        for p in &pats {
            for alt in p.alts {
                match self.readings(alt) {
                    Some(r) => readings.extend(r),
                    None => unknown = true,
                }
            }
        }
        let span = self.span(ss, se);
        let phrase = self.excerpt(key_start.min(f.a), f.b);
        let rule = primary.rule;
        let def = catalogue::rule(rule);
        let matched = readings.iter().find(|r| r.value == f.value);
        let status = if let Some(m) = matched {
            checks.push(Check {
                rule,
                instance: TEXT.into(),
                severity: def.severity,
                status: Status::Pass,
                reason: Some(wording::matched(&phrase, &m.zh, &m.en)),
            });
            Status::Pass
        } else if readings.is_empty() || unknown || uncertain {
            checks.push(Check {
                rule,
                instance: TEXT.into(),
                severity: def.severity,
                status: Status::CannotCheck,
                reason: Some(if readings.is_empty() || unknown {
                    wording::cells_unread(&phrase)
                } else {
                    wording::ambiguous(&phrase)
                }),
            });
            Status::CannotCheck
        } else {
            checks.push(Check {
                rule,
                instance: TEXT.into(),
                severity: def.severity,
                status: Status::Fail,
                reason: None,
            });
            let first = &readings[0];
            let others: Vec<&Reading> = readings.iter().skip(1).collect();
            let mut fd = finding(
                def,
                TEXT,
                wording::mismatch(&phrase, f.value, first, &others),
            );
            fill(&mut fd, f.value, first, span);
            findings.push(fd);
            Status::Fail
        };
        // P13: the percentage after it, against （七）总计 (or what came in).
        if let (Some((pct, decimals, _)), true) = (f.percent, primary.percent) {
            let def13 = catalogue::rule(RuleId::P13);
            let reading = matched.or(readings.first());
            let dens: Vec<Reading> = relations::PERCENT_OF
                .iter()
                .filter_map(|a| self.readings(a))
                .flatten()
                .collect();
            let mut c = Check {
                rule: RuleId::P13,
                instance: TEXT.into(),
                severity: def13.severity,
                status: Status::CannotCheck,
                reason: None,
            };
            match reading {
                Some(r) if status == Status::Pass && !dens.is_empty() => {
                    let ok = dens
                        .iter()
                        .find(|d| percent_agrees(r.value, d.value, pct, decimals));
                    if let Some(d) = ok {
                        c.status = Status::Pass;
                        c.reason = Some(wording::matched(
                            &format!("{phrase}（{pct}%）"),
                            &d.zh,
                            &d.en,
                        ));
                    } else {
                        c.status = Status::Fail;
                        let d = &dens[0];
                        let mut fd = finding(def13, TEXT, wording::percent(&phrase, pct, r, d));
                        let mut cells = r.cells.clone();
                        cells.extend(d.cells.iter().copied());
                        fd.cells = cells.iter().map(|(c, _)| c.to_ref()).collect();
                        fd.operands = operands(&cells);
                        fd.actual = Some(pct);
                        fd.span = span;
                        findings.push(fd);
                    }
                }
                _ => {
                    c.reason = Some(wording::percent_unchecked(&phrase));
                }
            }
            checks.push(c);
        }
    }

    /// The source text of key characters `[a, b)`, whitespace runs as one space.
    fn excerpt(&self, a: usize, b: usize) -> String {
        let Some((s, e)) = self.k.byte_range(a, b) else {
            return String::new();
        };
        let t = self.inp.src.get(s..e).unwrap_or("");
        let mut out = String::with_capacity(t.len());
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    /// Claims about Table 4's outcomes: "均获维持", "未被…纠错", "零败诉".
    /// "本机关未收到政府信息公开申请" (domain-spec §D): Table 3's 一、本年新收 is 0 (P1).
    fn none_received(&self, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
        let ch = &self.k.chars;
        let mut i = 0;
        for (from, to) in self.k.outside_tables() {
            i = i.max(from);
            while i < to && i + 1 < ch.len() {
                let verb =
                    RECEIVED.may_start(ch[i]) && RECEIVED.list.iter().any(|v| self.k.word_at(i, v));
                if !verb {
                    i += 1;
                    continue;
                }
                let (a, b) = (i, i + 2);
                i = b;
                let cs = self.clause_start(a, 0);
                let mut ce = b;
                while ce < ch.len() && ce < b + LEAD && !is_clause_end(ch[ce]) {
                    ce += 1;
                }
                // The words before the verb (`[cs, a)`) and after it (`[b, ce)`), read on
                // the key in place.
                let k = self.k;
                let negated = NONE.list.iter().any(|n| k.window_ends_with(cs, a, n));
                let opens = |p: usize, w: &Word| p + w.len <= ce && k.word_at(p, w);
                let about_applications = APPLICATIONS.list.iter().any(|w| {
                    opens(b, w)
                        || (ch[b..ce].first() == Some(&'过') && opens(b + 1, w))
                        || (k.has_at(b, "任何") && opens(b + 2, w))
                });
                let other =
                    k.contains_any(b, ce, &OTHER_MATTERS) || k.contains_any(cs, a, &OTHER_MATTERS);
                if !negated
                    || !about_applications
                    || other
                    || ch[b..ce].iter().any(char::is_ascii_digit)
                {
                    continue;
                }
                let new = FormCell::new(TableId::Applications, "NEW", "TOT");
                let phrase = self.excerpt(cs, ce);
                let def = catalogue::rule(RuleId::P1);
                let Some(v) = self.value(new) else {
                    checks.push(Check {
                        rule: RuleId::P1,
                        instance: TEXT.into(),
                        severity: def.severity,
                        status: Status::CannotCheck,
                        reason: Some(wording::cells_unread(&phrase)),
                    });
                    continue;
                };
                let reading = Reading {
                    zh: Cow::Borrowed("一、本年新收"),
                    en: Cow::Borrowed("NEW"),
                    cells: vec![(new, v)],
                    value: v,
                };
                if v.is_zero() {
                    checks.push(Check {
                        rule: RuleId::P1,
                        instance: TEXT.into(),
                        severity: def.severity,
                        status: Status::Pass,
                        reason: Some(wording::matched(&phrase, "一、本年新收 = 0", "NEW = 0")),
                    });
                } else {
                    checks.push(Check {
                        rule: RuleId::P1,
                        instance: TEXT.into(),
                        severity: def.severity,
                        status: Status::Fail,
                        reason: None,
                    });
                    let mut fd = finding(
                        def,
                        TEXT,
                        wording::mismatch(&phrase, Num::ZERO, &reading, &[]),
                    );
                    let (ss, se) = self.sentence(a);
                    fill(&mut fd, Num::ZERO, &reading, self.span(ss, se));
                    findings.push(fd);
                }
            }
        }
    }

    fn claims(&self, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
        let ch = &self.k.chars;
        let mut i = 0;
        for (from, to) in self.k.outside_tables() {
            i = i.max(from);
            while i < to {
                if !CLAIM_WORDS.may_start(ch[i]) {
                    i += 1;
                    continue;
                }
                let Some((w, n)) = CLAIM_WORDS
                    .list
                    .iter()
                    .zip(CLAIM_OF)
                    .filter(|(w, _)| self.k.word_at(i, w))
                    .max_by_key(|(w, _)| w.len)
                else {
                    i += 1;
                    continue;
                };
                let end = i + w.len;
                i = end;
                self.claim(&CLAIMS[n], end - w.len, end, checks, findings);
            }
        }
    }

    fn claim(
        &self,
        claim: &relations::Claim,
        a: usize,
        b: usize,
        checks: &mut Vec<Check>,
        findings: &mut Vec<Finding>,
    ) {
        let cs = self.clause_start(a, 0);
        if self.k.contains_any(cs, b, &NOT_A_CLAIM) || self.k.chars.get(b) == Some(&'率') {
            return;
        }
        if claim.needs_negation {
            // "未经复议直接起诉", "尚未审结" hold a 未 that negates nothing here.
            let before = self.k.slice(cs, a).replace("未经", "").replace("尚未", "");
            if !NEGATIONS.iter().any(|n| before.contains(n)) {
                return;
            }
        }
        let (ss, se) = self.sentence(a);
        let review = self.has(ss, a, "复议") && !claim.suits_only;
        let suits = self.has(ss, a, "诉讼")
            || self.has(ss, a, "起诉")
            || self.has(ss, a, "应诉")
            || claim.suits_only;
        let mut blocks: Vec<&'static str> = Vec::new();
        if review || !suits {
            blocks.push("REV");
        }
        if suits || !review {
            blocks.extend(["LIT_DIRECT", "LIT_AFTER"]);
        }
        let cols: &[&'static str] = if claim.all_upheld {
            &["CORRECTED", "OTHER", "PENDING"]
        } else {
            &["CORRECTED"]
        };
        let cells: Vec<FormCell> = blocks
            .iter()
            .flat_map(|b| {
                cols.iter()
                    .map(move |c| FormCell::new(TableId::Review, b, c))
            })
            .collect();
        let def = catalogue::rule(RuleId::P14);
        let phrase = self.excerpt(a, b);
        let vals: Option<Vec<(FormCell, Num)>> = cells
            .iter()
            .map(|c| self.value(*c).map(|v| (*c, v)))
            .collect();
        let found = self
            .inp
            .found
            .get(&TableId::Review)
            .copied()
            .unwrap_or(false);
        let Some(vals) = vals.filter(|_| found) else {
            checks.push(Check {
                rule: RuleId::P14,
                instance: TEXT.into(),
                severity: def.severity,
                status: Status::CannotCheck,
                reason: Some(wording::cells_unread(&phrase)),
            });
            return;
        };
        let bad: Vec<(FormCell, Num)> =
            vals.iter().filter(|(_, v)| !v.is_zero()).copied().collect();
        let status = if bad.is_empty() {
            Status::Pass
        } else {
            Status::Fail
        };
        checks.push(Check {
            rule: RuleId::P14,
            instance: TEXT.into(),
            severity: def.severity,
            status,
            reason: (status == Status::Pass).then(|| wording::claim_holds(&phrase)),
        });
        if !bad.is_empty() {
            let mut fd = finding(def, TEXT, wording::claim(&phrase, &bad));
            fd.cells = bad.iter().map(|(c, _)| c.to_ref()).collect();
            fd.suspects = Vec::new();
            fd.operands = operands(&vals);
            fd.expected = Some(Num::ZERO);
            fd.actual = Num::sum(bad.iter().map(|b| b.1));
            fd.span = self.span(ss, se);
            findings.push(fd);
        }
    }
}

fn operands(cells: &[(FormCell, Num)]) -> Vec<Operand> {
    cells
        .iter()
        .map(|(c, v)| Operand {
            cell: c.to_ref(),
            value: Some(*v),
            assumed: None,
        })
        .collect()
}

fn fill(fd: &mut Finding, prose: Num, r: &Reading, span: Option<Span>) {
    fd.cells = r.cells.iter().map(|(c, _)| c.to_ref()).collect();
    fd.operands = operands(&r.cells);
    fd.expected = Some(r.value);
    fd.actual = Some(prose);
    fd.difference = prose.checked_sub(r.value);
    fd.formula = crate::Message {
        zh: format!("正文数字 = {}", r.zh),
        en: format!("figure in the text = {}", r.en),
    };
    fd.span = span;
}

/// Whether `pct` (printed with `decimals` decimals) is `num / den` as a percentage,
/// rounded or truncated to the printed precision.
fn percent_agrees(num: Num, den: Num, pct: Num, decimals: u32) -> bool {
    if den.is_zero() {
        return false;
    }
    let exact = num.as_f64() / den.as_f64() * 100.0;
    let step = 10f64.powi(-(decimals.min(6) as i32));
    let p = pct.as_f64();
    (exact - p).abs() <= step / 2.0 + 1e-9 || (exact >= p - 1e-9 && exact < p + step)
}
