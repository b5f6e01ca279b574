//! The `gouji` command line: `gouji check [OPTIONS] FILE|DIR...`, `gouji rules`.
//!
//! Parsing (`args`), reading one input (`input`), walking directories and running in
//! parallel (`batch`), and the batch summary (`summary`). The engine knows none of this.

mod args;
mod batch;
mod input;
mod summary;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;
use gouji::render::{self, Lang, Options};

use args::{CheckArgs, Cli, Command, OutFormat, RulesArgs};
use batch::Item;
use summary::Row;

/// Bad usage (sysexits' EX_USAGE); clap's own 2 would read as “a file not checked”.
pub const USAGE_ERROR: i32 = 64;

pub fn main(argv: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            // --help and --version print to stdout and succeed; every other parse error
            // (unknown option, bad value, nothing to check) is a usage error.
            let code = if e.use_stderr() { USAGE_ERROR } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Check(a) => check(&a),
        Command::Rules(a) => rules(&a),
    }
}

fn rules(a: &RulesArgs) -> i32 {
    let rules = gouji::rules();
    let mut out = std::io::stdout().lock();
    let text = match a.format {
        OutFormat::Json => serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n",
        OutFormat::Text => rules
            .iter()
            .map(|r| {
                let (formula, desc) = match Lang::from(a.lang) {
                    Lang::Zh => (&r.formula.zh, &r.description.zh),
                    Lang::En => (&r.formula.en, &r.description.en),
                };
                format!(
                    "{:<4} {:<8} {:<26} {}\n",
                    r.id,
                    format!("{:?}", r.severity).to_lowercase(),
                    formula,
                    desc
                )
            })
            .collect(),
    };
    let _ = out.write_all(text.as_bytes());
    0
}

/// The exit status of one file. With several files the worst wins: an error anywhere
/// gives 1, else a file not checked at all gives 2, else a file checked only partly 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Every table read completely, no error finding.
    Ok = 0,
    /// At least one error finding.
    Error = 1,
    /// Nothing recognised, or the file could not be read.
    NotChecked = 2,
    /// Read only partly, no error finding among what was read.
    Partial = 3,
}

impl Exit {
    fn rank(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Partial => 1,
            Exit::NotChecked => 2,
            Exit::Error => 3,
        }
    }

    fn worst(self, other: Exit) -> Exit {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }

    fn of(report: &gouji::Report) -> Exit {
        if !report.recognised {
            Exit::NotChecked
        } else if report.summary.errors > 0 {
            Exit::Error
        } else if report.partial {
            Exit::Partial
        } else {
            Exit::Ok
        }
    }

    /// The summary's `status` word.
    fn word(self) -> &'static str {
        match self {
            Exit::Ok => "pass",
            Exit::Error => "errors",
            Exit::NotChecked => "not_checked",
            Exit::Partial => "partial",
        }
    }
}

/// One input checked, before output: its report (or why it could not be read), the text
/// when the text output needs it, and what cross-year rules need from the text.
struct Checked {
    name: String,
    report: Result<gouji::Report, String>,
    text: Option<String>,
    carry_over_note: bool,
    /// The agency, from the title or else the first lines (`gouji::agency`).
    agency: Option<String>,
    /// Last year's report it was compared with.
    previous: Option<String>,
}

fn check(a: &CheckArgs) -> i32 {
    let (items, warnings) = batch::expand(&a.paths);
    for w in &warnings {
        eprintln!("{w}");
    }
    if items.is_empty() {
        eprintln!("error: 没有可检查的文件 nothing to check");
        return Exit::NotChecked as i32;
    }
    let lang = Lang::from(a.lang);
    let opts = Options {
        lang,
        tables: !a.no_tables,
    };
    let json = a.format == OutFormat::Json;
    let keep_text = a.summary.is_none() && !json;
    // Last year's report given by --previous: read and checked once, compared with each.
    let previous = match &a.previous {
        None => None,
        Some(p) => {
            let item = Item {
                name: p.to_string_lossy().into_owned(),
                unlisted: None,
            };
            let c = check_one(&item, false);
            match c.report {
                Ok(r) => Some((c.name, r)),
                Err(why) => {
                    eprintln!(
                        "error: 无法读取上年报告 cannot read the previous report {}: {why}",
                        c.name
                    );
                    return Exit::NotChecked as i32;
                }
            }
        }
    };
    // 1. Check every input (in parallel; the progress bar counts these).
    let mut checked: Vec<Checked> = Vec::with_capacity(items.len());
    batch::run(
        &items,
        a.jobs.map(usize::from),
        |it| check_one(it, keep_text),
        |c, _| checked.push(c),
    );
    // 2. Cross-year rules: with --previous against that report; in a batch, each report
    //    against the same agency's report of the year before, when there is one.
    let pairs: Vec<Option<usize>> = match &previous {
        Some(_) => vec![None; checked.len()],
        None => pair_by_agency(&checked),
    };
    let mut outcomes = Vec::with_capacity(checked.len());
    for (i, c) in checked.iter().enumerate() {
        // A file with no table recognised has nothing to compare.
        let Some(this) = c.report.as_ref().ok().filter(|r| r.recognised) else {
            outcomes.push(None);
            continue;
        };
        let prev = match (&previous, pairs[i]) {
            (Some((name, r)), _) => Some((name.as_str(), r)),
            (None, Some(j)) => match &checked[j].report {
                Ok(r) => Some((checked[j].name.as_str(), r)),
                Err(_) => None,
            },
            _ => None,
        };
        outcomes.push(prev.map(|(name, r)| {
            let out = gouji::cross_year::check_pair(this, c.carry_over_note, r, name);
            (name.to_string(), out)
        }));
    }
    for (c, o) in checked.iter_mut().zip(outcomes) {
        if let (Ok(r), Some((name, out))) = (&mut c.report, o) {
            gouji::cross_year::apply(r, out);
            c.previous = Some(name);
        }
    }
    if previous.is_none() && json {
        for c in checked.iter().filter(|c| c.previous.is_some()) {
            eprintln!(
                "note: 跨年度核对 cross-year: {} ← {}",
                c.name,
                c.previous.as_deref().unwrap_or_default()
            );
        }
    }
    // 3. Output, in the inputs' order.
    let mut status = Exit::Ok;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(f) = a.summary {
        let _ = out.write_all(summary::head(f).as_bytes());
    }
    for (i, c) in checked.iter().enumerate() {
        let (exit, row) = match &c.report {
            Err(why) => {
                eprintln!("error: 无法读取 cannot read {}: {why}", c.name);
                let row = Row {
                    file: c.name.clone(),
                    status: Exit::NotChecked.word(),
                    exit: Exit::NotChecked as i32,
                    verdict: format!("无法读取 cannot read: {why}"),
                    ..Row::default()
                };
                (Exit::NotChecked, row)
            }
            Ok(r) => {
                let exit = Exit::of(r);
                let mut row = row_of(&c.name, r, exit, lang);
                row.agency.clone_from(&c.agency);
                row.previous.clone_from(&c.previous);
                if a.summary.is_none() {
                    let s = if json {
                        serde_json::to_string(r).unwrap_or_default() + "\n"
                    } else {
                        let text = c.text.as_deref().unwrap_or_default();
                        with_previous(render::text(&c.name, text, r, &opts), c, lang)
                    };
                    let _ = out.write_all(s.as_bytes());
                }
                (exit, row)
            }
        };
        status = status.worst(exit);
        if let Some(f) = a.summary {
            let _ = out.write_all(summary::line(f, &row, i == 0).as_bytes());
        }
    }
    if let Some(f) = a.summary {
        let _ = out.write_all(summary::tail(f, !checked.is_empty()).as_bytes());
    }
    let _ = out.flush();
    status as i32
}

/// The text output's header line followed by the report it was compared with.
fn with_previous(text: String, c: &Checked, lang: Lang) -> String {
    let Some(prev) = &c.previous else { return text };
    let line = match lang {
        Lang::Zh => format!("  跨年度核对：上年报告 {prev}\n"),
        Lang::En => format!("  cross-year checks against last year's report {prev}\n"),
    };
    match text.find('\n') {
        Some(i) => format!("{}{line}{}", &text[..=i], &text[i + 1..]),
        None => text + "\n" + &line,
    }
}

/// For each report, the index of the same agency's report of the year before (the first
/// such in input order), when agency and year are both known.
fn pair_by_agency(checked: &[Checked]) -> Vec<Option<usize>> {
    let key = |c: &Checked| -> Option<(String, i32)> {
        let r = c.report.as_ref().ok().filter(|r| r.recognised)?;
        Some((c.agency.clone()?, r.year?))
    };
    let keys: Vec<Option<(String, i32)>> = checked.iter().map(key).collect();
    let mut first: std::collections::HashMap<(String, i32), usize> = Default::default();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            first.entry(k.clone()).or_insert(i);
        }
    }
    keys.iter()
        .map(|k| {
            let (agency, year) = k.as_ref()?;
            first.get(&(agency.clone(), year - 1)).copied()
        })
        .collect()
}

/// Reads and checks one input. A panic in the engine (a bug) costs this file only.
fn check_one(it: &Item, keep_text: bool) -> Checked {
    let done = |report, text, carry_over_note, agency| Checked {
        name: it.name.clone(),
        report,
        text,
        carry_over_note,
        agency,
        previous: None,
    };
    if let Some(why) = &it.unlisted {
        return done(Err(why.clone()), None, false, None);
    }
    let (text, notes) = match input::read(&it.name) {
        Ok(x) => x,
        Err(e) => return done(Err(e.to_string()), None, false, None),
    };
    let checked = std::panic::catch_unwind(|| {
        let mut report = gouji::check(&text);
        report.notes.extend(notes);
        report
    });
    let Ok(report) = checked else {
        return done(
            Err("内部错误（gouji 的缺陷）internal error (a bug in gouji)".into()),
            None,
            false,
            None,
        );
    };
    let note = gouji::cross_year::states_carry_over(&text);
    let agency = report.agency.clone();
    done(Ok(report), keep_text.then_some(text), note, agency)
}
fn row_of(name: &str, r: &gouji::Report, exit: Exit, lang: Lang) -> Row {
    let found = r.table_info.iter().filter(|i| i.found);
    Row {
        file: name.to_string(),
        agency: None,
        year: r.year,
        format: r.format.clone(),
        cells_read: Some(found.clone().map(|i| i.cells_read).sum()),
        cells_expected: Some(found.map(|i| i.cells_expected).sum()),
        errors: Some(r.summary.errors),
        warnings: Some(r.summary.warnings),
        cannot_check: Some(r.summary.cannot_check),
        status: exit.word(),
        exit: exit as i32,
        verdict: render::verdict(r, lang),
        previous: None,
    }
}
