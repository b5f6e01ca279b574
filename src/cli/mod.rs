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

/// One input checked: what goes to stdout and stderr, its summary row, its status.
struct Done {
    out: String,
    err: Option<String>,
    row: Row,
    exit: Exit,
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
    let summary = a.summary;
    let work = |it: &Item| check_one(it, json, summary.is_some(), &opts);
    let mut status = Exit::Ok;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut rows = 0usize;
    if let Some(f) = summary {
        let _ = out.write_all(summary::head(f).as_bytes());
    }
    batch::run(&items, a.jobs.map(usize::from), work, |d: Done, bar| {
        status = status.worst(d.exit);
        bar.suspend(|| {
            if let Some(e) = &d.err {
                eprintln!("{e}");
            }
            let s = match summary {
                Some(f) => summary::line(f, &d.row, rows == 0),
                None => d.out,
            };
            let _ = out.write_all(s.as_bytes());
            let _ = out.flush();
        });
        rows += 1;
    });
    if let Some(f) = summary {
        let _ = out.write_all(summary::tail(f, rows > 0).as_bytes());
    }
    status as i32
}

/// Reads and checks one input. A panic in the engine (a bug) costs this file only.
fn check_one(it: &Item, json: bool, summary: bool, opts: &Options) -> Done {
    let name = it.name.clone();
    let unreadable = |why: String| {
        let row = Row {
            file: name.clone(),
            status: Exit::NotChecked.word(),
            exit: Exit::NotChecked as i32,
            verdict: format!("无法读取 cannot read: {why}"),
            ..Row::default()
        };
        Done {
            out: String::new(),
            err: Some(format!("error: 无法读取 cannot read {name}: {why}")),
            row,
            exit: Exit::NotChecked,
        }
    };
    if let Some(why) = &it.unlisted {
        return unreadable(why.clone());
    }
    let (text, notes) = match input::read(&it.name) {
        Ok(x) => x,
        Err(e) => return unreadable(e.to_string()),
    };
    let checked = std::panic::catch_unwind(|| {
        let mut report = gouji::check(&text);
        report.notes.extend(notes);
        report
    });
    let Ok(report) = checked else {
        return unreadable("内部错误（gouji 的缺陷）internal error (a bug in gouji)".into());
    };
    let exit = Exit::of(&report);
    let out = if summary {
        String::new()
    } else if json {
        serde_json::to_string(&report).unwrap_or_default() + "\n"
    } else {
        render::text(&it.name, &text, &report, opts)
    };
    Done {
        out,
        err: None,
        row: row_of(&it.name, &report, exit, opts.lang),
        exit,
    }
}

fn row_of(name: &str, r: &gouji::Report, exit: Exit, lang: Lang) -> Row {
    let found = r.table_info.iter().filter(|i| i.found);
    Row {
        file: name.to_string(),
        agency: r.title.as_deref().and_then(gouji::agency::agency),
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
