//! Compiler-style text output for the CLI (native only): the tables as read, each
//! finding with its source line underlined, and a one-line verdict.

use crate::normalize::{ceil_char, floor_char};
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files, SimpleFile};
use codespan_reporting::term::{self, Config};

use crate::forms;
use crate::{Cell, Finding, Message, Report, Severity, Status, TableId, VerdictKind};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

fn pick(m: &Message, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &m.zh,
        Lang::En => &m.en,
    }
}

pub struct Options {
    pub lang: Lang,
    pub tables: bool,
}

pub fn text(name: &str, src: &str, report: &Report, opts: &Options) -> String {
    let lang = opts.lang;
    let mut out = String::new();
    let zh = lang == Lang::Zh;
    out.push_str(&format!(
        "{name}: {}{}{}\n",
        report
            .title
            .as_deref()
            .unwrap_or(if zh { "（无标题）" } else { "(no title)" }),
        report.format.as_deref().map_or(String::new(), |f| if zh {
            format!(" · {f} 格式")
        } else {
            format!(" · {f} format")
        }),
        report.year.map_or(String::new(), |y| if zh {
            format!(" · {y} 年")
        } else {
            format!(" · year {y}")
        }),
    ));
    if opts.tables {
        for info in &report.table_info {
            if !info.found {
                continue;
            }
            out.push_str(&table_block(report, info.table, lang));
        }
    }
    let config = Config::default();
    for f in &report.findings {
        let mut d = diagnostic(f, 0, report, lang);
        let ranges: Vec<std::ops::Range<usize>> =
            d.labels.iter().map(|l| l.range.clone()).collect();
        let window = Window::new(name, src, &ranges);
        for l in &mut d.labels {
            l.range = window.to_shown(l.range.start)..window.to_shown(l.range.end);
        }
        if let Ok(s) = term::emit_into_string(&config, &window, &d) {
            out.push_str(&s);
        }
    }
    for n in &report.notes {
        let sev = match n.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        let at = n
            .span
            .map_or(String::new(), |s| format!(" ({name}:{}:{})", s.line, s.col));
        out.push_str(&format!(
            "{sev}[{}]: {}{at}\n",
            n.code,
            pick(&n.message, lang)
        ));
    }
    out.push_str(&verdict(report, lang));
    out.push('\n');
    out
}

fn diagnostic(f: &Finding, id: usize, report: &Report, lang: Lang) -> Diagnostic<usize> {
    let d = match f.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
        Severity::Info => Diagnostic::note(),
    };
    let mut labels = Vec::new();
    for (i, c) in f.cells.iter().enumerate() {
        let Some(cell) = report.tables.find(c.table, &c.row, &c.column) else {
            continue;
        };
        let Some(span) = cell.span else { continue };
        let is_suspect = f.suspects.first() == Some(c);
        if i > 0 && !is_suspect && labels.len() >= 4 {
            continue;
        }
        let name = cell_name(c.table, &c.row, &c.column, lang);
        let label = if is_suspect {
            let extra = match (cell.value, f.suggested) {
                (Some(v), Some(want)) if f.suspects.len() == 1 => match lang {
                    Lang::Zh => format!("：报告 {v}，应为 {want}"),
                    Lang::En => format!(": reported {v}, would need {want}"),
                },
                _ => String::new(),
            };
            Label::primary(id, span.start..span.end).with_message(format!("{name}{extra}"))
        } else {
            Label::secondary(id, span.start..span.end).with_message(name)
        };
        labels.push(label);
    }
    // A finding about the text (prose, sections) points at its sentence first.
    if let Some(sp) = f.span {
        if !labels.iter().any(|l| l.range == (sp.start..sp.end)) {
            let what = match lang {
                Lang::Zh => "正文",
                Lang::En => "text",
            };
            labels.insert(0, Label::primary(id, sp.start..sp.end).with_message(what));
        }
    }
    let mut notes = vec![match lang {
        Lang::Zh => format!("公式：{}", f.formula.zh),
        Lang::En => format!("formula: {}", f.formula.en),
    }];
    let ops: Vec<String> = f
        .operands
        .iter()
        .map(|o| {
            let v = o.value.map_or("?".to_string(), |v| v.to_string());
            format!(
                "{} = {v}",
                cell_name(o.cell.table, &o.cell.row, &o.cell.column, lang)
            )
        })
        .collect();
    if !ops.is_empty() {
        notes.push(match lang {
            Lang::Zh => format!("取值：{}", ops.join("，")),
            Lang::En => format!("values: {}", ops.join(", ")),
        });
    }
    if let Some(official) = crate::catalogue::rule(f.rule).official {
        notes.push(match lang {
            Lang::Zh => format!("表中原注：{official}"),
            Lang::En => format!("official note in the table: {official}"),
        });
    }
    d.with_code(format!("{}/{}", f.rule, f.code))
        .with_message(pick(&f.message, lang).to_string())
        .with_labels(labels)
        .with_notes(notes)
}

fn cell_name(t: TableId, row: &str, col: &str, lang: Lang) -> String {
    let n = forms::cell_name(t, row, col);
    match lang {
        Lang::Zh => n.zh,
        Lang::En => n.en,
    }
}

/// The verdict line: the engine's own verdict (the page says the same words), then the
/// counts of problems and checks.
pub fn verdict(r: &Report, lang: Lang) -> String {
    let s = &r.summary;
    let v = &r.verdict;
    if v.kind == VerdictKind::None {
        return match lang {
            Lang::Zh => "结论：未找到统计表，未检查".into(),
            Lang::En => "verdict: no statistical table found; nothing checked".into(),
        };
    }
    // The engine's words start a sentence ("Pass"); here they follow "verdict:".
    let lower = |t: &str| match lang {
        Lang::En => {
            let mut c = t.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
        }
        Lang::Zh => t.to_string(),
    };
    let msg = lower(pick(&v.message, lang));
    let also = v.incomplete.as_ref().map(|m| lower(pick(m, lang)));
    let head = match (v.kind, also, lang) {
        (VerdictKind::Partial, _, Lang::Zh) => format!("结论：{msg}；已读出的部分未发现错误"),
        (VerdictKind::Partial, _, Lang::En) => {
            format!("verdict: {msg}; no error in what was read")
        }
        (_, Some(also), Lang::Zh) => format!("结论：{msg}；{also}"),
        (_, Some(also), Lang::En) => format!("verdict: {msg}; {also}"),
        (_, None, Lang::Zh) => format!("结论：{msg}"),
        (_, None, Lang::En) => format!("verdict: {msg}"),
    };
    match lang {
        Lang::Zh => format!(
            "{head}，{} 处警告，{} 处提示；共 {} 项检查：{} 通过，{} 不通过，{} 无法核对，{} 不适用",
            v.warnings, v.infos, s.checks, s.passed, s.failed, s.cannot_check, s.not_applicable
        ),
        Lang::En => format!(
            "{head}, {} warning(s), {} note(s); {} checks: {} passed, {} failed, {} cannot check, {} not applicable",
            v.warnings, v.infos, s.checks, s.passed, s.failed, s.cannot_check, s.not_applicable
        ),
    }
}

/// Cells the tables should have had but that were not read (over the tables found).
pub fn cells_not_read(r: &Report) -> usize {
    r.table_info
        .iter()
        .map(|i| i.cells_expected.saturating_sub(i.cells_read))
        .sum()
}

/// One table as read, in its official row order; `!` marks a cell in a failing rule,
/// `?` a cell that could not be read.
fn table_block(r: &Report, t: TableId, lang: Lang) -> String {
    let cells = r.tables.get(t);
    let failing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail && f.severity == Severity::Error)
        .flat_map(|f| f.suspects.iter())
        .collect();
    let mut rows: Vec<&str> = Vec::new();
    let mut cols: Vec<&str> = Vec::new();
    for c in cells {
        if !rows.contains(&c.row.as_ref()) {
            rows.push(&c.row);
        }
        if !cols.contains(&c.column.as_ref()) {
            cols.push(&c.column);
        }
    }
    let title = match lang {
        Lang::Zh => t.zh(),
        Lang::En => t.en(),
    };
    let mut out = format!("\n  {title}\n");
    out.push_str(&format!("  {:<12}", ""));
    for c in &cols {
        out.push_str(&format!("{:>10}", c));
    }
    out.push('\n');
    for row in rows {
        out.push_str(&format!("  {:<12}", row));
        for col in &cols {
            let cell: Option<&Cell> = cells.iter().find(|c| c.row == row && c.column == *col);
            let s = match cell {
                None => String::new(),
                Some(c) => {
                    let v = c.value.map_or_else(
                        || {
                            if c.read == crate::ReadHow::Blank {
                                "·".to_string()
                            } else {
                                "?".to_string()
                            }
                        },
                        |v| v.to_string(),
                    );
                    let mark = if failing
                        .iter()
                        .any(|f| f.table == t && f.row == row && f.column == *col)
                    {
                        "!"
                    } else {
                        ""
                    };
                    format!("{v}{mark}")
                }
            };
            out.push_str(&format!("{s:>10}"));
        }
        out.push('\n');
    }
    out
}

/// Lines longer than this are shown as windows around the cells a finding names: a
/// report pasted as one line would otherwise print its whole body per finding.
const LONG_LINE: usize = 240;
/// Bytes of context kept on each side of a cell in a long line.
const CONTEXT: usize = 60;

/// The source as a finding shows it: long lines cut down to windows around its labels
/// ("…" between), line numbers unchanged, columns those of the original text.
struct Window<'s> {
    name: String,
    orig: &'s str,
    file: SimpleFile<String, String>,
    /// Kept pieces: (offset in the shown text, offset in the original, length).
    pieces: Vec<(usize, usize, usize)>,
}

impl<'s> Window<'s> {
    fn new(name: &str, orig: &'s str, ranges: &[std::ops::Range<usize>]) -> Window<'s> {
        let mut text = String::with_capacity(orig.len().min(64 * 1024));
        let mut pieces = Vec::new();
        let mut at = 0;
        for line in orig.split_inclusive('\n') {
            let (ls, le) = (at, at + line.len());
            at = le;
            if line.len() <= LONG_LINE {
                pieces.push((text.len(), ls, line.len()));
                text.push_str(line);
                continue;
            }
            let mut keep: Vec<(usize, usize)> = ranges
                .iter()
                .filter(|r| r.start < le && r.end > ls)
                .map(|r| {
                    let s = floor_char(orig, r.start.saturating_sub(CONTEXT).max(ls));
                    let e = ceil_char(orig, (r.end + CONTEXT).min(le));
                    (s, e)
                })
                .collect();
            keep.sort_unstable();
            let mut merged: Vec<(usize, usize)> = Vec::new();
            for (s, e) in keep {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            let mut pos = ls;
            for (s, e) in merged {
                if s > pos {
                    text.push('…');
                }
                let piece = orig.get(s..e).unwrap_or("").trim_end_matches('\n');
                pieces.push((text.len(), s, piece.len()));
                text.push_str(piece);
                pos = e;
            }
            if pos < le {
                text.push('…');
            }
            if line.ends_with('\n') {
                text.push('\n');
            }
        }
        Window {
            name: name.to_string(),
            orig,
            file: SimpleFile::new(name.to_string(), text),
            pieces,
        }
    }

    fn to_shown(&self, old: usize) -> usize {
        self.pieces
            .iter()
            .find(|&&(_, o, l)| old >= o && old <= o + l)
            .map_or(0, |&(n, o, _)| n + (old - o))
    }

    fn to_orig(&self, new: usize) -> usize {
        self.pieces
            .iter()
            .find(|&&(n, _, l)| new >= n && new <= n + l)
            .map_or(0, |&(n, o, _)| o + (new - n))
    }
}

impl<'a> Files<'a> for Window<'_> {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, _: usize) -> Result<String, FilesError> {
        Ok(self.name.clone())
    }
    fn source(&'a self, _: usize) -> Result<&'a str, FilesError> {
        Ok(self.file.source().as_str())
    }
    fn line_index(&'a self, _: usize, byte: usize) -> Result<usize, FilesError> {
        self.file.line_index((), byte)
    }
    fn line_range(&'a self, _: usize, line: usize) -> Result<std::ops::Range<usize>, FilesError> {
        self.file.line_range((), line)
    }
    fn column_number(&'a self, _: usize, _: usize, byte: usize) -> Result<usize, FilesError> {
        let old = self.to_orig(byte);
        let line_start = self.orig[..floor_char(self.orig, old)]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        Ok(self.orig[line_start..floor_char(self.orig, old)]
            .chars()
            .count()
            + 1)
    }
}
