//! Property tests on generated reports (issue 4): for every layout the engine reads,
//! thousands of random consistent reports are rendered and checked:
//!
//! (a) every cell is read with the right value at the right form coordinates
//!     ("/" and "—" read as 0 with `dash_zero`, blank cells as null);
//! (b) a consistent report has no error (and no warning) finding;
//! (c) changing any one Table 3 / Table 4 number gives an error whose suspects include
//!     that cell. For glued digits the change may make the split ambiguous: the report
//!     must then leave the cells unread ("cannot check"), never pass silently.
//!
//! `GOUJI_PROP_CASES=n` sets the number of reports per layout (default below);
//! `GOUJI_PROP_DUMP=<layout>:<seed>` prints one rendered report and its findings.
//! Run with `cargo test --release --test properties -- --nocapture` to see the figures.

mod generator;

use generator::{
    generate, mutate, render, render_with, Expect, Layout, Rendered, Rng, Target, Written,
};
use gouji::{Num, ReadHow, Report, Severity, Status, TableId};

const DEFAULT_CASES: u64 = 800;
const MUTATIONS_PER_REPORT: u64 = 2;

fn cases() -> u64 {
    std::env::var("GOUJI_PROP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

fn seed_of(layout: Layout, i: u64) -> u64 {
    let li = Layout::ALL.iter().position(|l| *l == layout).unwrap_or(0) as u64;
    (li + 1) * 1_000_000 + i
}

fn run_check(r: &Rendered) -> Report {
    match &r.grid {
        Some(g) => gouji::check_grid(g),
        None => gouji::check(&r.text),
    }
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
            "    {} {:?} {:?} [{}] suspects={:?} {}\n",
            f.rule,
            f.severity,
            f.status,
            f.instance,
            f.suspects
                .iter()
                .take(4)
                .map(|c| format!("{}.{}", c.row, c.column))
                .collect::<Vec<_>>(),
            f.message.en.chars().take(120).collect::<String>()
        ));
    }
    for n in r.notes.iter().filter(|n| n.severity != Severity::Info) {
        s.push_str(&format!("    note {} {}\n", n.code, n.message.en));
    }
    s
}

/// Why a cell was not read exactly, or None.
fn cell_problem(rep: &Report, text: &str, e: &Expect) -> Option<String> {
    let cells: Vec<_> = rep
        .tables
        .get(e.table)
        .iter()
        .filter(|c| c.row == e.row && c.column == e.col)
        .collect();
    if cells.len() != 1 {
        return Some(format!("{} cells at {}.{}", cells.len(), e.row, e.col));
    }
    let c = cells[0];
    let want = e
        .value
        .as_deref()
        .map(|v| Num::parse(v).expect("expected value"));
    if c.value != want {
        return Some(format!(
            "{}.{}: read {:?} ({:?}, raw {:?}), want {:?} (raw {:?})",
            e.row,
            e.col,
            c.value.map(|v| v.to_string()),
            c.read,
            c.raw,
            e.value,
            e.raw
        ));
    }
    let read_ok = match e.written {
        Written::Number => c.read == ReadHow::Number,
        Written::Dash => c.read == ReadHow::DashZero,
        Written::Blank => matches!(c.read, ReadHow::Blank | ReadHow::Missing),
        Written::Glued => c.read == ReadHow::SplitGlued,
    };
    if !read_ok {
        return Some(format!(
            "{}.{}: read as {:?}, written {:?}",
            e.row, e.col, c.read, e.written
        ));
    }
    if e.written != Written::Blank {
        if c.raw.trim() != e.raw.trim() {
            return Some(format!(
                "{}.{}: raw {:?}, want {:?}",
                e.row, e.col, c.raw, e.raw
            ));
        }
        if let Some(sp) = c.span {
            if text.get(sp.start..sp.end) != Some(c.raw.as_str()) {
                return Some(format!(
                    "{}.{}: span {:?} does not hold {:?}",
                    e.row, e.col, sp, c.raw
                ));
            }
        }
    }
    None
}

fn errors(r: &Report) -> usize {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}

fn suspected(r: &Report, t: &Target) -> bool {
    r.findings.iter().any(|f| {
        f.severity == Severity::Error
            && f.suspects
                .iter()
                .any(|c| c.table == t.table && c.row == t.row && c.column == t.col)
    })
}

/// The sum relation that guards a glued row / block of the target.
fn guard_status(r: &Report, t: &Target) -> Option<Status> {
    let (rule, inst) = match t.table {
        TableId::Applications => ("R3", t.row),
        _ => (
            match t.row {
                "REV" => "R10",
                "LIT_DIRECT" => "R11",
                _ => "R12",
            },
            t.row,
        ),
    };
    r.checks
        .iter()
        .find(|c| c.rule == rule && c.instance == inst)
        .map(|c| c.status)
}

#[derive(Default)]
struct Stats {
    reports: u64,
    cells: u64,
    exact: u64,
    /// Glued rows/blocks the engine declined to split in a consistent report.
    glued_ambiguous_cells: u64,
    false_errors: u64,
    false_warnings: u64,
    mutations: u64,
    detected: u64,
    /// Glued: the change made the split ambiguous, cells left unread.
    glued_unread: u64,
    /// Glued: another split fitted; an error was reported elsewhere.
    glued_flagged_elsewhere: u64,
    /// Glued: another split fitted, no error, but the row's sum check says cannot check.
    glued_cannot_check: u64,
    silent: u64,
    /// Changes behind a blank Table 4 total (no rule can see them; checked "cannot check").
    blind: u64,
    /// Reports / mutations that failed only where a known engine bug applies.
    known: std::collections::BTreeMap<&'static str, u64>,
    failures: Vec<String>,
}

impl Stats {
    /// A failure on an input that triggers a known engine bug is counted under the bug
    /// (KNOWN ENGINE BUG, reported; see `generator::KNOWN_BUGS`) instead of failing.
    fn fail_unless_known(&mut self, known: &[&'static str], msg: String) {
        if let Some(k) = known.first() {
            *self.known.entry(k).or_default() += 1;
        } else {
            self.fail(msg);
        }
    }
    fn fail(&mut self, msg: String) {
        if self.failures.len() < 8 {
            self.failures.push(msg);
        }
    }
}

fn run(layout: Layout) {
    let n = cases();
    let mut st = Stats::default();
    let glued = layout == Layout::Glued;
    let started = std::time::Instant::now();
    for i in 0..n {
        let seed = seed_of(layout, i);
        let base = generate(seed);
        let rend = render(&base, layout, seed);
        let rep = run_check(&rend);
        st.reports += 1;
        let tag = format!(
            "layout={} seed={seed} fmt={:?} {}",
            layout.name(),
            base.fmt,
            rend.variant
        );
        // (a) cells read exactly.
        let mut bad = Vec::new();
        for e in &rend.cells {
            st.cells += 1;
            match cell_problem(&rep, &rend.text, e) {
                None => st.exact += 1,
                Some(p) => {
                    let c = rep.tables.find(e.table, e.row, e.col);
                    let unread = c.is_some_and(|c| c.value.is_none());
                    if glued && e.written == Written::Glued && unread {
                        st.glued_ambiguous_cells += 1;
                    } else {
                        bad.push(p);
                    }
                }
            }
        }
        if rep.format.as_deref() != Some(base.fmt.key()) {
            bad.push(format!("format {:?}, want {}", rep.format, base.fmt.key()));
        }
        if !bad.is_empty() {
            st.fail_unless_known(
                &rend.known,
                format!(
                    "(a) {tag}\n    {}",
                    bad.iter()
                        .take(6)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("\n    ")
                ),
            );
        }
        // (b) no error, no warning finding.
        let errs = errors(&rep);
        let warns = rep
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        if errs > 0 {
            st.false_errors += 1;
        }
        if warns > 0 {
            st.false_warnings += 1;
        }
        if errs + warns > 0 {
            st.fail_unless_known(
                &rend.known,
                format!(
                    "(b) {tag}: {errs} errors, {warns} warnings\n{}",
                    describe(&rep)
                ),
            );
        }
        // (c) one number changed.
        for j in 0..MUTATIONS_PER_REPORT {
            let mut m = base.clone();
            let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(j));
            let (t, old, new) = mutate(&mut m, &mut rng);
            let mrend = render_with(&m, layout, seed, Some(t));
            let mrep = run_check(&mrend);
            st.mutations += 1;
            // A Table 4 result whose block total is left blank: the blank total is taken
            // as the sum of its parts (domain-spec §B.1), so no rule can see the change;
            // the block's sum check must say so.
            let blind = t.table == TableId::Review
                && t.col != "TOTAL"
                && mrend.cells.iter().any(|e| {
                    e.table == TableId::Review
                        && e.row == t.row
                        && e.col == "TOTAL"
                        && e.written == Written::Blank
                });
            if blind {
                st.blind += 1;
                if guard_status(&mrep, &t) != Some(Status::CannotCheck) {
                    st.fail(format!(
                        "(c) layout={} seed={seed}: blank T4 total, {} not cannot-check",
                        layout.name(),
                        t.row
                    ));
                }
                continue;
            }
            if suspected(&mrep, &t) {
                st.detected += 1;
                continue;
            }
            let what = format!("(c) {tag} mutation {j}: {}.{} {old} -> {new}", t.row, t.col);
            if glued {
                let unread = mrep
                    .tables
                    .find(t.table, t.row, t.col)
                    .is_some_and(|c| c.value.is_none());
                if unread {
                    st.glued_unread += 1;
                } else if errors(&mrep) > 0 {
                    st.glued_flagged_elsewhere += 1;
                } else if guard_status(&mrep, &t) == Some(Status::CannotCheck) {
                    st.glued_cannot_check += 1;
                } else {
                    st.silent += 1;
                    st.fail_unless_known(
                        &mrend.known,
                        format!("{what}: silent pass\n{}", describe(&mrep)),
                    );
                }
            } else {
                if errors(&mrep) == 0 {
                    st.silent += 1;
                }
                st.fail_unless_known(
                    &mrend.known,
                    format!("{what}: not suspected\n{}", describe(&mrep)),
                );
            }
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
        "[{:>13}] reports {:>5} | cells exact {:>7.3}% ({}/{}) | false errors {} (warnings {}) | detection {:>7.3}% ({}/{}) | glued ambiguous: consistent-cells {} , changed unread {} , flagged elsewhere {} , cannot-check {} | silent {} | blank-T4-total changes {} | {:.1}s",
        layout.name(),
        st.reports,
        pct(st.exact, st.cells - st.glued_ambiguous_cells),
        st.exact,
        st.cells - st.glued_ambiguous_cells,
        st.false_errors,
        st.false_warnings,
        pct(st.detected, st.mutations - st.blind),
        st.detected,
        st.mutations - st.blind,
        st.glued_ambiguous_cells,
        st.glued_unread,
        st.glued_flagged_elsewhere,
        st.glued_cannot_check,
        st.silent,
        st.blind,
        started.elapsed().as_secs_f64()
    );
    for (k, n) in &st.known {
        let why = generator::KNOWN_BUGS
            .iter()
            .find(|b| b.0 == *k)
            .map_or("", |b| b.1);
        println!("    KNOWN ENGINE BUG {k}: {n} failing check(s) excused — {why}");
    }
    if !st.failures.is_empty() {
        for f in &st.failures {
            println!("{f}");
        }
        panic!(
            "{}: {} failure(s) (first ones printed above; reproduce with GOUJI_PROP_DUMP={}:<seed>)",
            layout.name(),
            st.failures.len(),
            layout.name()
        );
    }
}

/// `GOUJI_PROP_DUMP=layout:seed` prints that report, its findings and notes.
#[test]
fn dump() {
    let Ok(spec) = std::env::var("GOUJI_PROP_DUMP") else {
        return;
    };
    let (l, s) = spec.split_once(':').expect("layout:seed");
    let layout = *Layout::ALL
        .iter()
        .find(|x| x.name() == l)
        .expect("layout name");
    let seed: u64 = s.parse().expect("seed");
    let base = generate(seed);
    let rend = render(&base, layout, seed);
    println!("{}\n-----\n{}", rend.variant, rend.text);
    let rep = run_check(&rend);
    println!("{}", describe(&rep));
    if let Ok(j) = std::env::var("GOUJI_PROP_MUTATION") {
        let j: u64 = j.parse().expect("mutation index");
        let mut m = base.clone();
        let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(j));
        let (t, old, new) = mutate(&mut m, &mut rng);
        let mrend = render_with(&m, layout, seed, Some(t));
        println!(
            "----- mutated {}.{} {old} -> {new}\n{}",
            t.row, t.col, mrend.text
        );
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
