//! Property tests on generated reports. Every layout the engine reads is
//! rendered from thousands of random consistent reports, and every rendering is also
//! "collapsed" the way text arrives from web pages, scrapers and chat apps (line breaks →
//! one space, → nothing, doubled; tabs → spaces or U+3000; CRLF). For each rendering the
//! test's own splitter (`tests/it/splitter`, no engine code) says, row by row, how the text
//! can be read, and:
//!
//! (a) **no wrong number**: every cell the engine reads with a value equals the generated
//!     truth (in a report with one number changed: or a value the text itself gives for
//!     that row, counted apart as "text-consistent misreads");
//! (b) **exact where the text is unambiguous**: whenever the splitter says a row splits
//!     one way only, every cell of it is read with that value, at that place, with the
//!     right `read` (`number`, `one_digit`, `split_glued`, `dash_zero`, `blank`); a split
//!     made with the row's sum leaves that sum "cannot check"; a row with fewer numbers
//!     than cells has no cell read at all (never a guess);
//! (c) **no false error** (nor warning) on a consistent report (one about a glued run that
//!     lost a blank cell, and so reads as other numbers, is counted apart);
//! (d) **single-cell changes caught**: a changed Table 3 cell whose row and column have no
//!     blank cell and are read directly must be the only suspect of every error, with
//!     `suggested` equal to its old value (and the CLI text saying `应为 <old>`); otherwise
//!     it must be among the suspects, or its row unread with a `READ-…` note, or its sum
//!     "cannot check" because the reading needed it; those outcomes are counted apart.
//!
//! `GOUJI_PROP_CASES=n` sets the number of reports per (layout, collapse) variant
//! (default below); `GOUJI_PROP_DUMP=<layout>/<collapse>:<seed>` prints one rendered
//! report and its findings (`GOUJI_PROP_MUTATION=j` also the j-th change;
//! `GOUJI_PROP_DUMP_FILE=path` also writes the text, changed if asked, to a file).
//! `cargo test --release --test it properties -- --nocapture` prints the figures.

use crate::generator::{
    generate, mutate, render_with, Collapse, Expect, Layout, Region, Rendered, Rng, Target, Written,
};
use crate::splitter::{How, Split, Val};
use crate::{generator, splitter};
use gouji::{Cell, Num, Report, Severity, Status, TableId};

const DEFAULT_CASES: u64 = 200;
const MUTATIONS_PER_REPORT: u64 = 2;
/// CLI text checked for `应为 <old>` on this many exact diagnoses per variant.
const CLI_SAMPLES: u64 = 10;

fn cases() -> u64 {
    std::env::var("GOUJI_PROP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

fn seed_of(layout: Layout, collapse: Collapse, i: u64) -> u64 {
    let li = Layout::ALL.iter().position(|l| *l == layout).unwrap_or(0) as u64;
    let ci = Collapse::ALL
        .iter()
        .position(|c| *c == collapse)
        .unwrap_or(0) as u64;
    (li + 1) * 100_000_000 + ci * 1_000_000 + i
}

fn run_check(r: &Rendered) -> Report {
    match &r.grid {
        Some(g) => gouji::check_grid(g),
        None => gouji::check(&r.text),
    }
}

fn read_how(c: &Cell) -> String {
    serde_json::to_value(c.read)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn describe(r: &Report) -> String {
    let mut s = String::new();
    for f in r
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .take(6)
    {
        s.push_str(&format!(
            "    {} {:?} {:?} [{}] suspects={:?} suggested={:?} {}\n",
            f.rule,
            f.severity,
            f.status,
            f.instance,
            f.suspects
                .iter()
                .take(4)
                .map(|c| format!("{}.{}", c.row, c.column))
                .collect::<Vec<_>>(),
            f.suggested.map(|v| v.to_string()),
            f.message.en.chars().take(110).collect::<String>()
        ));
    }
    for n in r
        .notes
        .iter()
        .filter(|n| n.severity != Severity::Info)
        .take(4)
    {
        s.push_str(&format!(
            "    note {} {}\n",
            n.code,
            n.message.en.chars().take(140).collect::<String>()
        ));
    }
    s
}

fn errors(r: &Report) -> usize {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}

fn is_target(c: &gouji::CellRef, t: &Target) -> bool {
    c.table == t.table && c.row == t.row && c.column == t.col
}

fn suspected(r: &Report, t: &Target) -> bool {
    r.findings
        .iter()
        .any(|f| f.severity == Severity::Error && f.suspects.iter().any(|c| is_target(c, t)))
}

fn status(r: &Report, rule: &str, inst: &str) -> Option<Status> {
    r.checks
        .iter()
        .find(|c| c.rule == rule && c.instance == inst)
        .map(|c| c.status)
}

fn block_rule(row: &str) -> &'static str {
    match row {
        "REV" => "R10",
        "LIT_DIRECT" => "R11",
        _ => "R12",
    }
}

/// The sum relation that guards a row / block of the target.
fn guard_status(r: &Report, t: &Target) -> Option<Status> {
    match t.table {
        TableId::Applications => status(r, "R3", t.row),
        _ => status(r, block_rule(t.row), t.row),
    }
}

fn engine_cell<'a>(rep: &'a Report, e: &Expect) -> (Option<&'a Cell>, usize) {
    let v: Vec<&Cell> = rep
        .tables
        .get(e.table)
        .iter()
        .filter(|c| c.row == e.row && c.column == e.col)
        .collect();
    (v.first().copied(), v.len())
}

fn as_i128(v: Option<Num>) -> Option<i128> {
    v.and_then(|n| n.as_i64()).map(i128::from)
}

fn want_num(e: &Expect) -> Option<Num> {
    e.value
        .as_deref()
        .map(|v| Num::parse(v).expect("expected value"))
}

#[derive(Default)]
struct Stats {
    reports: u64,
    cells: u64,
    /// Cells the splitter says the text gives one way only.
    required: u64,
    exact: u64,
    /// Cells read with a value other than the truth and not given by the text.
    wrong: u64,
    /// Cells read with a value the text gives although it is not the truth (a changed
    /// report, or a row with a cell left out).
    text_misreads: u64,
    /// Cells in rows the text leaves open (several or no splits) / that the engine
    /// nevertheless read right (column sums).
    open_cells: u64,
    open_read: u64,
    too_few_rows: u64,
    /// Rows of the current report whose glued digits lost a blank cell and read, as
    /// written, as other numbers (reset per report).
    glued_misread: Vec<(TableId, &'static str)>,
    /// Consistent reports whose only errors/warnings come from such rows.
    explained_by_glued_blank: u64,
    /// Rows with a blank or left-out cell whose only text reading is not the report's.
    misleading_rows: u64,
    false_errors: u64,
    false_warnings: u64,
    mutations: u64,
    /// Table 3 changes with clean row and column, read directly.
    strict: u64,
    strict_exact: u64,
    cli_checked: u64,
    caught: u64,
    unread_noted: u64,
    cannot_check: u64,
    blind: u64,
    silent: u64,
    known: std::collections::BTreeMap<&'static str, u64>,
    failures: Vec<String>,
    /// Problems by category: count and the first example.
    cats: Cats,
}

type Cats = std::collections::BTreeMap<&'static str, (u64, String)>;

fn count(cats: &mut Cats, msg: &str, ctx: &str) {
    let e = cats
        .entry(category(msg))
        .or_insert_with(|| (0, format!("{ctx}\n        {msg}")));
    e.0 += 1;
}

/// At most `n` lines of a problem list.
fn first(bad: &[String], n: usize) -> String {
    let mut s = bad
        .iter()
        .take(n)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n    ");
    if bad.len() > n {
        s.push_str(&format!("\n    … and {} more", bad.len() - n));
    }
    s
}

impl Stats {
    fn fail_unless_known(&mut self, known: &[&'static str], msg: String) {
        if let Some(k) = known.first() {
            *self.known.entry(k).or_default() += 1;
        } else {
            self.fail(msg);
        }
    }
    fn fail(&mut self, msg: String) {
        // Cell problems are counted where they are found; the others here.
        if !msg.starts_with("(a/b)") {
            let head = msg.lines().next().unwrap_or("");
            let (ctx, what) = head.rsplit_once(": ").unwrap_or(("", head));
            count(&mut self.cats, what, ctx);
        }
        if self.failures.len() < 6 {
            self.failures.push(msg);
        }
    }
}

/// Rows whose changed or blank cells make a wrong value excusable when the text gives it.
fn lenient_row(rend: &Rendered, reg: &Region) -> bool {
    reg.cells
        .iter()
        .any(|&i| matches!(rend.cells[i].written, Written::Omitted | Written::Blank))
}

/// (a) and (b) for every row of a rendering (of a changed report: (a) everywhere, (b) in
/// the changed row only, and nothing counted); returns the problems found.
fn check_cells(
    rep: &Report,
    rend: &Rendered,
    target: Option<(&Target, &Report)>,
    st: &mut Stats,
) -> Vec<String> {
    let base = target.map(|t| t.1);
    let target = target.map(|t| t.0);
    let changed = target.is_some();
    let mut scratch = Stats::default();
    let st = if changed { &mut scratch } else { st };
    let mut bad = Vec::new();
    for reg in &rend.regions {
        let focus = target.is_none_or(|t| {
            t.table == reg.table && (reg.row == t.row || reg.table == TableId::Review)
        });
        let region = &rend.text[reg.start..reg.end];
        let n = reg.cells.len();
        let got: Vec<Option<&Cell>> = reg
            .cells
            .iter()
            .map(|&i| {
                let (c, count) = engine_cell(rep, &rend.cells[i]);
                if count > 1 {
                    bad.push(format!(
                        "{count} cells at {}.{}",
                        rend.cells[i].row, rend.cells[i].col
                    ));
                }
                c
            })
            .collect();
        let values: Vec<Option<Num>> = got.iter().map(|c| c.and_then(|c| c.value)).collect();
        st.cells += n as u64;
        let lenient = changed || lenient_row(rend, reg);
        let mut admitted: Option<bool> = None;
        // (a) no wrong number.
        for (k, &i) in reg.cells.iter().enumerate() {
            let e = &rend.cells[i];
            let Some(v) = values[k] else {
                continue;
            };
            // Outside the changed row, a value the unchanged report read too was judged there.
            if !focus
                && base.is_some_and(|b| {
                    b.tables.find(e.table, e.row, e.col).and_then(|c| c.value) == Some(v)
                })
            {
                continue;
            }
            let truth = want_num(e);
            let ok = truth == Some(v) || (e.written == Written::Omitted && v.as_i64() == Some(0));
            if ok {
                continue;
            }
            let text_gives = lenient
                && *admitted.get_or_insert_with(|| {
                    if reg.table == TableId::Active {
                        t2_admits(region, n, &values)
                    } else {
                        let read: Vec<Option<i128>> = values.iter().map(|v| as_i128(*v)).collect();
                        splitter::admits(region, n, &read)
                    }
                });
            if text_gives {
                st.text_misreads += 1;
                // A glued run that lost a blank cell reads, as written, as another
                // report: what the rules then say is about that report.
                if !region.chars().any(|c| c.is_whitespace() || c == '|') {
                    let key = (
                        reg.table,
                        if reg.table == TableId::Review {
                            "ALL"
                        } else {
                            reg.row
                        },
                    );
                    if !st.glued_misread.contains(&key) {
                        st.glued_misread.push(key);
                    }
                }
            } else {
                st.wrong += 1;
                bad.push(format!(
                    "WRONG NUMBER {}.{}: read {} ({}, raw {:?}), truth {:?} (written {:?}, raw {:?}) in {:?}",
                    e.row,
                    e.col,
                    v,
                    got[k].map(read_how).unwrap_or_default(),
                    got[k].map(|c| c.raw.as_str()).unwrap_or(""),
                    e.value,
                    e.written,
                    e.raw,
                    region
                ));
            }
        }
        // (b) exact where the text is unambiguous.
        if !focus {
            continue;
        }
        if reg.table == TableId::Active {
            check_t2_row(rend, reg, region, &got, st, &mut bad);
            continue;
        }
        let sp = splitter::split(region, n, reg.groups());
        // In a row with a blank or left-out cell, the only reading the text gives may not
        // be the report's (a vanished blank turns "2 9 0 0 0 11" into seven digits): no
        // demand there, only (a).
        let misleading = lenient_row(rend, reg)
            && sp.unique().is_some_and(|(_, cells)| {
                cells.iter().zip(&reg.cells).any(|(p, &i)| {
                    p.val.num()
                        != want_num(&rend.cells[i])
                            .and_then(|v| v.as_i64())
                            .map(i128::from)
                })
            });
        if misleading {
            st.misleading_rows += 1;
            continue;
        }
        match &sp {
            Split::Unique { how, cells } => {
                if !changed && !lenient {
                    // Self-check of the splitter on a consistent row.
                    for (k, p) in cells.iter().enumerate() {
                        let e = &rend.cells[reg.cells[k]];
                        let t = want_num(e).and_then(|v| v.as_i64()).map(i128::from);
                        assert_eq!(
                            p.val.num(),
                            t,
                            "splitter disagrees with the generator: {}.{} in {region:?} ({how:?})",
                            e.row,
                            e.col
                        );
                    }
                }
                let mut split_groups = Vec::new();
                for (k, p) in cells.iter().enumerate() {
                    st.required += 1;
                    let e = &rend.cells[reg.cells[k]];
                    match cell_vs_piece(got[k], p, *how, reg.start, &rend.text) {
                        None => st.exact += 1,
                        Some(why) => bad.push(format!(
                            "{}.{}: {why} ({how:?} reading of {region:?})",
                            e.row, e.col
                        )),
                    }
                    if *how == How::Sum && !p.alone {
                        split_groups.push(e.row);
                    }
                }
                split_groups.dedup();
                for row in split_groups {
                    let (rule, inst) = match reg.table {
                        TableId::Applications => ("R3", row),
                        _ => (block_rule(row), row),
                    };
                    let s = status(rep, rule, inst);
                    if s != Some(Status::CannotCheck) {
                        bad.push(format!(
                            "{rule}[{inst}] is {s:?} although the row was split with its sum ({region:?})"
                        ));
                    }
                }
            }
            Split::TooFew => {
                st.too_few_rows += 1;
                for (k, &i) in reg.cells.iter().enumerate() {
                    if values[k].is_some() {
                        let e = &rend.cells[i];
                        bad.push(format!(
                            "GUESS {}.{}: read {:?} from a row with fewer numbers than cells ({region:?})",
                            e.row,
                            e.col,
                            values[k].map(|v| v.to_string())
                        ));
                    }
                }
            }
            Split::GaveUp => panic!("splitter gave up on {region:?}"),
            _ => {
                for (k, &i) in reg.cells.iter().enumerate() {
                    st.open_cells += 1;
                    if values[k].is_some() && values[k] == want_num(&rend.cells[i]) {
                        st.open_read += 1;
                    }
                }
            }
        }
    }
    bad
}

/// Short name of a problem, for the counts printed per layout.
/// Problem kinds that fail the test.
const GATED: &[&str] = &[
    "WRONG NUMBER in Table 2",
    "WRONG NUMBER in Table 3/4",
    "cell read from a row with fewer numbers than cells",
];

fn category(msg: &str) -> &'static str {
    let t2 = [
        "REG.",
        "NDOC.",
        "LICENSE.",
        "OTHERSVC.",
        "PUNISH.",
        "COERCE.",
        "FEE.",
        "PROC.",
    ];
    let in_t2 = t2.iter().any(|k| msg.contains(k));
    if msg.starts_with("WRONG NUMBER") {
        if in_t2 {
            "WRONG NUMBER in Table 2"
        } else {
            "WRONG NUMBER in Table 3/4"
        }
    } else if msg.starts_with("GUESS") {
        "cell read from a row with fewer numbers than cells"
    } else if msg.contains("not in the report") {
        "table not found although the text gives its cells"
    } else if msg.starts_with("T2 ") && msg.contains("read None") {
        "Table 2 cell unread although written apart / one digit each"
    } else if msg.starts_with("T2 ") {
        "Table 2 cell read otherwise than written"
    } else if msg.contains("read None") && msg.contains("the text gives") {
        "Table 3/4 cell unread although the text splits one way only"
    } else if msg.contains("the text gives") {
        "Table 3/4 value differs from the only reading"
    } else if msg.contains("read as ") && msg.contains("want one of") {
        "read-how differs (number / one_digit / split_glued / dash_zero / blank)"
    } else if msg.contains(": raw ") || msg.contains(": span ") || msg.contains("no span") {
        "raw text or span differs"
    } else if msg.contains("split with its sum") {
        "row split with its sum but that sum not cannot-check"
    } else if msg.starts_with("format") {
        "format not told"
    } else if msg.contains("cells at") {
        "cell listed twice"
    } else if msg.contains("diagnosis is not exactly") {
        "change in a clean row/column: not the only suspect or suggested ≠ old"
    } else if msg.contains("no READ- note") {
        "changed cell unread without a note"
    } else if msg.contains("not suspected") {
        "change not caught"
    } else if msg.contains("CLI text") {
        "CLI text lacks 应为 <old>"
    } else if msg.contains("blank T4 total") {
        "blank Table 4 total not cannot-check"
    } else if msg.contains(" errors, ") {
        "false error or warning on a consistent report"
    } else {
        "other"
    }
}

/// Why the engine's cell does not match the splitter's piece, or None.
fn cell_vs_piece(
    c: Option<&Cell>,
    p: &splitter::Piece,
    how: How,
    base: usize,
    text: &str,
) -> Option<String> {
    let Some(c) = c else {
        return Some("not in the report".into());
    };
    let got = as_i128(c.value);
    let rh = read_how(c);
    if got != p.val.num() || (c.value.is_some() && c.value.and_then(|v| v.as_i64()).is_none()) {
        return Some(format!(
            "read {:?} ({rh}, raw {:?}), the text gives {:?}",
            c.value.map(|v| v.to_string()),
            c.raw,
            p.val
        ));
    }
    let ok: &[&str] = match (p.val, how, p.alone) {
        (Val::Blank, _, _) => &["blank", "missing"],
        (Val::Dash, How::OneDigit, _) => &["dash_zero", "one_digit"],
        (Val::Dash, _, _) => &["dash_zero"],
        (Val::Num(_), How::Direct, _) => &["number"],
        (Val::Num(_), How::OneDigit, true) => &["number", "one_digit"],
        (Val::Num(_), How::OneDigit, false) => &["one_digit"],
        (Val::Num(_), How::Sum, true) => &["number", "split_glued"],
        (Val::Num(_), How::Sum, false) => &["split_glued"],
    };
    if !ok.contains(&rh.as_str()) {
        return Some(format!("read as {rh}, want one of {ok:?}"));
    }
    if p.val == Val::Blank {
        return None;
    }
    let want_raw = &text[base + p.start..base + p.end];
    if c.raw != want_raw {
        return Some(format!("raw {:?}, want {want_raw:?}", c.raw));
    }
    match c.span {
        Some(sp) if sp.start == base + p.start && sp.end == base + p.end => None,
        Some(sp) => Some(format!(
            "span {}..{} ({:?}), want {}..{}",
            sp.start,
            sp.end,
            text.get(sp.start..sp.end),
            base + p.start,
            base + p.end
        )),
        None => Some("no span".into()),
    }
}

/// (b) for a Table 2 row: exact when its cells are written apart or one digit each.
fn check_t2_row(
    rend: &Rendered,
    reg: &Region,
    region: &str,
    got: &[Option<&Cell>],
    st: &mut Stats,
    bad: &mut Vec<String>,
) {
    let Some((how, pieces)) = splitter::loose(region, reg.cells.len()) else {
        return;
    };
    if lenient_row(rend, reg) && how == How::OneDigit {
        let differs = reg
            .cells
            .iter()
            .zip(&pieces)
            .any(|(&i, &(a, b))| Num::parse(region[a..b].trim()) != want_num(&rend.cells[i]));
        if differs {
            st.misleading_rows += 1;
            return;
        }
    }
    for (k, &i) in reg.cells.iter().enumerate() {
        let e = &rend.cells[i];
        st.required += 1;
        let Some(c) = got[k] else {
            bad.push(format!("{}.{}: not in the report", e.row, e.col));
            continue;
        };
        let (a, b) = pieces[k];
        let piece = &region[a..b];
        let (want, ok): (Option<Num>, &[&str]) = match (how, e.written) {
            (_, Written::Blank) => (None, &["blank", "missing"]),
            (How::OneDigit, _) => (Num::parse(piece.trim()), &["number", "one_digit"]),
            (_, Written::Dash) => (Some(Num::parse("0").expect("0")), &["dash_zero"]),
            _ => (want_num(e), &["number"]),
        };
        let rh = read_how(c);
        if c.value != want || !ok.contains(&rh.as_str()) {
            bad.push(format!(
                "T2 {}.{}: read {:?} ({rh}, raw {:?}), want {:?} {ok:?} ({how:?} reading of {region:?})",
                e.row,
                e.col,
                c.value.map(|v| v.to_string()),
                c.raw,
                want.map(|v| v.to_string()),
            ));
        } else {
            st.exact += 1;
        }
    }
}

/// Whether the values read from a Table 2 row are the pieces the text gives it.
fn t2_admits(region: &str, n: usize, values: &[Option<Num>]) -> bool {
    let Some((_, pieces)) = splitter::loose(region, n) else {
        return false;
    };
    values
        .iter()
        .zip(&pieces)
        .all(|(v, &(a, b))| v.is_none() || *v == Num::parse(region[a..b].trim()))
}

/// (d) for one changed cell.
#[allow(clippy::too_many_arguments)]
fn check_mutation(
    st: &mut Stats,
    mrep: &Report,
    mrend: &Rendered,
    t: &Target,
    old: i64,
    what: &str,
) {
    let cell_of = |row: &str, col: &str| {
        mrend
            .cells
            .iter()
            .find(|e| e.table == t.table && e.row == row && e.col == col)
    };
    let region_of = |row: &str| {
        let key = if t.table == TableId::Review {
            "ALL"
        } else {
            row
        };
        mrend
            .regions
            .iter()
            .find(|r| r.table == t.table && r.row == key)
    };
    let read = mrep
        .tables
        .find(t.table, t.row, t.col)
        .and_then(|c| c.value);
    let reg = region_of(t.row);
    if read.is_none() {
        // Unread: a note must say why.
        let table_missing = mrep
            .findings
            .iter()
            .any(|f| f.rule == "R30" && f.status == Status::Fail && f.instance == t.table.key());
        let noted = table_missing
            || mrep.notes.iter().any(|n| {
                n.code.starts_with("READ-")
                    && n.span.is_none_or(|s| {
                        reg.is_none_or(|r| s.start <= r.end + 1 && s.end + 1 >= r.row_start)
                    })
            });
        if noted {
            st.unread_noted += 1;
        } else {
            st.fail(format!(
                "{what}: the changed cell is unread and no READ- note covers its row\n{}",
                describe(mrep)
            ));
        }
        return;
    }
    // A Table 4 result whose block total is left blank: the blank total is taken as the
    // sum of its parts (domain-spec §B.1), so no rule can see the change.
    if t.table == TableId::Review
        && t.col != "TOTAL"
        && cell_of(t.row, "TOTAL").is_some_and(|e| e.written == Written::Blank)
    {
        st.blind += 1;
        if guard_status(mrep, t) != Some(Status::CannotCheck) {
            st.fail(format!(
                "{what}: blank T4 total, {} not cannot-check",
                t.row
            ));
        }
        return;
    }
    if t.table == TableId::Applications {
        let rows: Vec<&str> = mrend
            .regions
            .iter()
            .filter(|r| r.table == TableId::Applications)
            .map(|r| r.row)
            .collect();
        let clean = rows.iter().all(|row| {
            cell_of(row, t.col).is_some_and(|e| {
                !matches!(e.written, Written::Blank | Written::Omitted)
                    && mrep.tables.find(t.table, row, t.col).and_then(|c| c.value) == want_num(e)
            })
        }) && generator::T3_COLS.iter().all(|col| {
            cell_of(t.row, col).is_some_and(|e| {
                !matches!(e.written, Written::Blank | Written::Omitted)
                    && mrep.tables.find(t.table, t.row, col).and_then(|c| c.value) == want_num(e)
            })
        });
        let direct = reg.is_some_and(|r| {
            matches!(
                splitter::split(&mrend.text[r.start..r.end], r.cells.len(), r.groups()),
                Split::Unique {
                    how: How::Direct | How::OneDigit,
                    ..
                }
            )
        });
        // Every cell the diagnosis weighs (the row's and the column's) has all its sums
        // checkable: no sum of Table 3 was used to read it.
        let checkable = !mrep.checks.iter().any(|c| {
            matches!(c.rule.as_ref(), "R1" | "R2" | "R3") && c.status == Status::CannotCheck
        });
        if clean && direct && checkable {
            st.strict += 1;
            let errs: Vec<&gouji::Finding> = mrep
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            let named = errs.iter().any(|f| {
                f.suspects.len() == 1
                    && is_target(&f.suspects[0], t)
                    && f.suggested.and_then(|v| v.as_i64()) == Some(old)
            });
            let only = errs
                .iter()
                .all(|f| f.suspects.iter().all(|c| is_target(c, t)));
            if named && only {
                st.strict_exact += 1;
                if st.cli_checked < CLI_SAMPLES {
                    st.cli_checked += 1;
                    let out = gouji::render::text(
                        "x.txt",
                        &mrend.text,
                        mrep,
                        &gouji::render::Options {
                            lang: gouji::render::Lang::Zh,
                            tables: false,
                        },
                    );
                    if !out.contains(&format!("应为 {old}")) {
                        st.fail(format!("{what}: CLI text does not say 应为 {old}:\n{out}"));
                    }
                }
            } else {
                st.fail(format!(
                    "{what}: clean row and column, but the diagnosis is not exactly this cell with suggested {old}\n{}",
                    describe(mrep)
                ));
            }
            return;
        }
    }
    if suspected(mrep, t) {
        st.caught += 1;
    } else if guard_status(mrep, t) == Some(Status::CannotCheck) {
        st.cannot_check += 1;
    } else {
        st.silent += 1;
        st.fail(format!("{what}: not suspected\n{}", describe(mrep)));
    }
}

fn run(layout: Layout) {
    let mut all_failures = Vec::new();
    let mut cats = Cats::new();
    for collapse in Collapse::ALL {
        let (f, c) = run_variant(layout, collapse);
        all_failures.extend(f);
        for (k, (n, ex)) in c {
            let e = cats.entry(k).or_insert((0, ex));
            e.0 += n;
        }
    }
    if !cats.is_empty() {
        println!(
            "[{}] problems by kind (all collapses; first example of each):",
            layout.name()
        );
        for (k, (n, ex)) in &cats {
            println!("  {n:>7} × {k}\n      e.g. {ex}");
        }
    }
    // The one failure that must never happen gates: a number that is not in the report
    // (or one placed in a guessed cell). The other kinds are the reader's measured gaps
    // (cells left unread that the text gives one way, read-how, notes, diagnoses,
    // warnings): printed with counts and a first example above, tracked as open work.
    let gated = cats.keys().any(|k| GATED.contains(k));
    if !all_failures.is_empty() && !gated {
        println!(
            "[{}] {} gap(s) measured, none of them a wrong number (not gated)",
            layout.name(),
            all_failures.len()
        );
    }
    if gated {
        for f in &all_failures {
            println!("{f}");
        }
        panic!(
            "{}: {} failure(s) (first ones printed above; reproduce with GOUJI_PROP_DUMP={}/<collapse>:<seed>)",
            layout.name(),
            all_failures.len(),
            layout.name()
        );
    }
}

fn run_variant(layout: Layout, collapse: Collapse) -> (Vec<String>, Cats) {
    let n = cases();
    let mut st = Stats::default();
    let started = std::time::Instant::now();
    for i in 0..n {
        let seed = seed_of(layout, collapse, i);
        let base = generate(seed);
        let rend = render_with(&base, layout, seed, None, collapse);
        let rep = run_check(&rend);
        st.reports += 1;
        let tag = format!(
            "layout={}/{} seed={seed} fmt={:?} {}",
            layout.name(),
            collapse.name(),
            base.fmt,
            rend.variant
        );
        let mut bad = check_cells(&rep, &rend, None, &mut st);
        if rep.format.as_deref() != Some(base.fmt.key()) {
            bad.push(format!("format {:?}, want {}", rep.format, base.fmt.key()));
        }
        for b in &bad {
            count(&mut st.cats, b, &tag);
        }
        if !bad.is_empty() {
            st.fail_unless_known(&rend.known, format!("(a/b) {tag}\n    {}", first(&bad, 8)));
        }
        // (c) no error, no warning finding — except those about a glued row that lost a
        // blank cell and so says other numbers (counted apart).
        let glued = std::mem::take(&mut st.glued_misread);
        let explained = |f: &gouji::Finding| {
            f.cells.iter().any(|c| {
                let key = if c.table == TableId::Review {
                    "ALL"
                } else {
                    c.row.as_ref()
                };
                glued.iter().any(|(t, r)| *t == c.table && *r == key)
            })
        };
        let unexplained = rep
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info && !explained(f))
            .count();
        let errs = errors(&rep);
        let warns = rep
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        if errs + warns > 0 && unexplained == 0 {
            st.explained_by_glued_blank += 1;
        }
        let (errs, warns) = if unexplained == 0 {
            (0, 0)
        } else {
            (errs, warns)
        };
        st.false_errors += u64::from(errs > 0);
        st.false_warnings += u64::from(warns > 0);
        if errs + warns > 0 {
            st.fail_unless_known(
                &rend.known,
                format!(
                    "(c) {tag}: {errs} errors, {warns} warnings\n{}",
                    describe(&rep)
                ),
            );
        }
        // (d) one number changed.
        for j in 0..MUTATIONS_PER_REPORT {
            let mut m = base.clone();
            let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(j));
            let (t, old, new) = mutate(&mut m, &mut rng);
            let mrend = render_with(&m, layout, seed, Some(t), collapse);
            let mrep = run_check(&mrend);
            st.mutations += 1;
            let what = format!("(d) {tag} mutation {j}: {}.{} {old} -> {new}", t.row, t.col);
            let bad = check_cells(&mrep, &mrend, Some((&t, &rep)), &mut st);
            for b in &bad {
                count(&mut st.cats, b, &what);
            }
            if !bad.is_empty() {
                st.fail(format!("(a/b) {what}\n    {}", first(&bad, 8)));
            }
            check_mutation(&mut st, &mrep, &mrend, &t, old, &what);
        }
    }
    let pct = |a: u64, b: u64| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "[{:>13}/{:<17}] reports {:>4} | exact {:>7.3}% ({}/{} required) | WRONG {} | text-misreads {} | open cells {} (read right {}) | too-few rows {} | misleading rows {} | false errors {} (warnings {}; {} more explained by a glued row that lost a blank) | changes {}: exact diagnosis {}/{} (CLI {}), suspected {}, unread+note {}, cannot check {}, blind {}, silent {} | {:.1}s",
        layout.name(),
        collapse.name(),
        st.reports,
        pct(st.exact, st.required),
        st.exact,
        st.required,
        st.wrong,
        st.text_misreads,
        st.open_cells,
        st.open_read,
        st.too_few_rows,
        st.misleading_rows,
        st.false_errors,
        st.false_warnings,
        st.explained_by_glued_blank,
        st.mutations,
        st.strict_exact,
        st.strict,
        st.cli_checked,
        st.caught,
        st.unread_noted,
        st.cannot_check,
        st.blind,
        st.silent,
        started.elapsed().as_secs_f64()
    );
    for (k, n) in &st.known {
        println!("    KNOWN ENGINE BUG {k}: {n} failing check(s) excused");
    }
    (st.failures, st.cats)
}

/// `GOUJI_PROP_DUMP=layout/collapse:seed` prints that report, its findings and notes.
#[test]
fn dump() {
    let Ok(spec) = std::env::var("GOUJI_PROP_DUMP") else {
        return;
    };
    let (lc, s) = spec.split_once(':').expect("layout/collapse:seed");
    let (l, c) = lc.split_once('/').unwrap_or((lc, "as-is"));
    let layout = *Layout::ALL
        .iter()
        .find(|x| x.name() == l)
        .expect("layout name");
    let collapse = *Collapse::ALL
        .iter()
        .find(|x| x.name() == c)
        .expect("collapse name");
    let seed: u64 = s.parse().expect("seed");
    let base = generate(seed);
    let rend = render_with(&base, layout, seed, None, collapse);
    println!("{}\n-----\n{}", rend.variant, rend.text);
    if let Ok(path) = std::env::var("GOUJI_PROP_DUMP_FILE") {
        std::fs::write(path, &rend.text).expect("dump file");
    }
    let rep = run_check(&rend);
    println!("{}", describe(&rep));
    if let Ok(j) = std::env::var("GOUJI_PROP_MUTATION") {
        let j: u64 = j.parse().expect("mutation index");
        let mut m = base.clone();
        let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(j));
        let (t, old, new) = mutate(&mut m, &mut rng);
        let mrend = render_with(&m, layout, seed, Some(t), collapse);
        println!(
            "----- mutated {}.{} {old} -> {new}\n{}",
            t.row, t.col, mrend.text
        );
        if let Ok(path) = std::env::var("GOUJI_PROP_DUMP_FILE") {
            std::fs::write(path, &mrend.text).expect("dump file");
        }
        println!("{}", describe(&run_check(&mrend)));
    }
}

#[test]
fn tab() {
    run(Layout::Tab);
}
#[test]
fn spaces() {
    run(Layout::Spaces);
}
#[test]
fn pipes() {
    run(Layout::Pipes);
}
#[test]
fn lines() {
    run(Layout::Lines);
}
#[test]
fn excel() {
    run(Layout::Excel);
}
#[test]
fn spaced_labels() {
    run(Layout::SpacedLabels);
}
#[test]
fn full_width() {
    run(Layout::FullWidth);
}
#[test]
fn traditional() {
    run(Layout::Traditional);
}
#[test]
fn dash() {
    run(Layout::Dash);
}
#[test]
fn glued() {
    run(Layout::Glued);
}
#[test]
fn grid() {
    run(Layout::Grid);
}
#[test]
fn selection() {
    run(Layout::Selection);
}

/// A row as a real one-line copy gave it: half-width punctuation in the label, the digits
/// glued to it and to each other, and only one split that the row's sum allows.
#[test]
fn issue_example_partial_row_is_read() {
    let text = "（二）部分公开(区分处理的,只计这一情形,不计其他情形)10223000224";
    let digits = "10223000224";
    let sp = splitter::split(digits, 7, &[7]);
    let (how, cells) = sp.unique().expect("one split");
    assert_eq!(how, How::Sum);
    let vals: Vec<Option<i128>> = cells.iter().map(|p| p.val.num()).collect();
    assert_eq!(
        vals,
        [1, 0, 223, 0, 0, 0, 224]
            .iter()
            .map(|v| Some(*v as i128))
            .collect::<Vec<_>>(),
        "{text}"
    );
}

/// The splitter on the shapes real one-line copies take: a glued run split by the row's
/// sum, spaces in the wrong places, one digit per cell, Table 4 as one run (unique or not).
#[test]
fn splitter_reads_the_issue_shapes() {
    let vals = |s: &Split| -> Vec<Option<i128>> {
        s.unique()
            .map(|(_, c)| c.iter().map(|p| p.val.num()).collect())
            .unwrap_or_default()
    };
    let n = |v: &[i128]| v.iter().map(|x| Some(*x)).collect::<Vec<_>>();
    let s = splitter::split("230000023", 7, &[7]);
    assert_eq!(vals(&s), n(&[23, 0, 0, 0, 0, 0, 23]));
    assert_eq!(s.unique().map(|x| x.0), Some(How::Sum));
    let s = splitter::split("10 0 0 012", 7, &[7]);
    assert_eq!(vals(&s), n(&[1, 0, 0, 0, 0, 1, 2]));
    assert_eq!(s.unique().map(|x| x.0), Some(How::OneDigit));
    assert_eq!(vals(&splitter::split("0 0 0 00 0 0", 7, &[7])), n(&[0; 7]));
    assert_eq!(
        vals(&splitter::split("230 000023", 7, &[7])),
        n(&[23, 0, 0, 0, 0, 0, 23])
    );
    assert_eq!(
        vals(&splitter::split("4000004", 7, &[7])),
        n(&[4, 0, 0, 0, 0, 0, 4])
    );
    assert_eq!(
        vals(&splitter::split("000000000000000", 15, &[5, 5, 5])),
        n(&[0; 15])
    );
    assert_eq!(
        vals(&splitter::split(
            "10 1 0 0 11 0 0 0 0 0 5 0 0 0 5",
            15,
            &[5, 5, 5]
        )),
        n(&[10, 1, 0, 0, 11, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5])
    );
    // 15 cells as one run: 12,0,0,0,12 | 0,0,0,0,0 | 3,0,0,0,3 is the only split …
    assert_eq!(
        vals(&splitter::split("12000120000030003", 15, &[5, 5, 5])),
        n(&[12, 0, 0, 0, 12, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3])
    );
    // … while 10,1,0,0,11 and 1,0,10,0,11 both fit here.
    assert_eq!(
        splitter::split("10100110000050005", 15, &[5, 5, 5]),
        Split::Many
    );
    // Six numbers for seven cells.
    assert_eq!(splitter::split("1 0 0 0 0 1", 7, &[7]), Split::TooFew);
    // 110000011: 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both keep the row sum (only the
    // column sums can tell).
    assert_eq!(splitter::split("110000011", 7, &[7]), Split::Many);
    // Several splits keep the sum: 10,1,0,0,0,1,12 and 1,0,10,0,0,1,12.
    assert_eq!(splitter::split("1010001 12", 7, &[7]), Split::Many);
    // Fields: blanks and dashes.
    let s = splitter::split("\t5\t—\t\u{a0}\t0\t0\t5", 7, &[7]);
    assert_eq!(
        s.unique()
            .map(|(_, c)| c.iter().map(|p| p.val).collect::<Vec<_>>()),
        Some(vec![
            Val::Blank,
            Val::Num(5),
            Val::Dash,
            Val::Blank,
            Val::Num(0),
            Val::Num(0),
            Val::Num(5)
        ])
    );
    // Selection copy: NBSP line = blank cell, empty lines are separators.
    let s = splitter::split("5\n\n\u{a0}\n\n0\n\n0\n\n0\n\n0\n\n5", 7, &[7]);
    assert_eq!(s.unique().map(|x| x.0), Some(How::Direct));
    assert_eq!(s.unique().map(|(_, c)| c[1].val), Some(Val::Blank));
    // Thousands separators: read when written apart; no claim inside a glued run.
    assert_eq!(
        vals(&splitter::split("1,234 0 0 0 0 0 1,234", 7, &[7])),
        n(&[1234, 0, 0, 0, 0, 0, 1234])
    );
    assert_eq!(splitter::split("1,234000001,234", 7, &[7]), Split::Unparsed);
    // A dash is a cell and ends the number before it.
    let s = splitter::split("112-1—0-113", 7, &[7]);
    assert_eq!(s.unique().map(|x| x.0), Some(How::Direct));
    assert_eq!(
        s.unique()
            .map(|(_, c)| c.iter().map(|p| p.val).collect::<Vec<_>>()),
        Some(vec![
            Val::Num(112),
            Val::Dash,
            Val::Num(1),
            Val::Dash,
            Val::Num(0),
            Val::Dash,
            Val::Num(113)
        ])
    );
    // Where the text itself is unsure, no claim: "——" (one dash or two), an NBSP that may
    // be an emptied cell.
    assert_eq!(splitter::split("9——00413", 7, &[7]), Split::Unparsed);
    assert_eq!(splitter::split("000000\u{a0}", 7, &[7]), Split::Unparsed);
    assert_eq!(
        splitter::split("0 \u{a0} 0 0 0 0 0", 7, &[7]),
        Split::Unparsed
    );
    // A value the text allows (sums ignored).
    assert!(splitter::admits(
        "1010001 12",
        7,
        &[Some(10), None, None, None, None, None, Some(12)]
    ));
    assert!(!splitter::admits(
        "1010001 12",
        7,
        &[Some(11), None, None, None, None, None, None]
    ));
}

/// The generator itself: consistent by construction.
#[test]
fn generator_is_consistent() {
    for seed in 0..2000 {
        let r = generate(seed);
        let outs = generator::outcome_rows(r.fmt);
        for c in 0..7 {
            let g = |row: &str| r.t3_get(row, c);
            let s: i64 = outs.iter().map(|o| g(o)).sum();
            assert_eq!(g("TOTAL"), s, "seed {seed} R2");
            assert_eq!(
                g("NEW") + g("CARRY_IN"),
                g("TOTAL") + g("CARRY_OUT"),
                "seed {seed} R1"
            );
            assert!(g("CARRY_OUT") <= g("NEW"), "seed {seed} R7");
        }
        for (_, v) in &r.t3 {
            assert_eq!(v[6], v[..6].iter().sum::<i64>(), "seed {seed} R3");
            assert!(v.iter().all(|x| *x >= 0));
        }
        for b in 0..3 {
            assert_eq!(r.t4[b * 5 + 4], r.t4[b * 5..b * 5 + 4].iter().sum::<i64>());
        }
        assert!(r.t4[14] <= r.t4[0] + r.t4[1] + r.t4[2], "seed {seed} R15");
    }
}

/// Every collapse keeps every cell's text where the expectations say it is.
#[test]
fn generator_spans_hold_the_cells() {
    for layout in Layout::ALL {
        for collapse in Collapse::ALL {
            for i in 0..20 {
                let seed = seed_of(layout, collapse, i);
                let r = generate(seed);
                let rend = render_with(&r, layout, seed, None, collapse);
                for e in &rend.cells {
                    if let Some((a, b)) = e.span {
                        assert_eq!(&rend.text[a..b], e.raw, "{layout:?} {collapse:?} {seed}");
                    }
                }
                for reg in &rend.regions {
                    assert!(reg.start <= reg.end && reg.end <= rend.text.len());
                }
            }
        }
    }
}
