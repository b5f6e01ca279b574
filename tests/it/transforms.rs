//! What a copy does to a report must never change a number the engine reads: every text
//! fixture of the project (and the real reports of ../shared/corpus when present) is
//! checked as it is and after each transform a real copy suffers — line breaks changed,
//! lost or doubled, tabs turned into other blanks or pipes, spaces lost or doubled,
//! labels spaced out, full-width digits, “/” for 0, some line breaks lost at random. A
//! transform may cost cells (a row that can no longer be placed with certainty is left
//! unread), but a cell it reads must hold the value read from the untouched text, and
//! no cell may be read that the untouched text left unread.
//!
//! Not transformed: every line break removed (“行政强制\n4119\n195” glued into one run
//! of digits is a different text, not a copy of the same one), and a tab added at a line's
//! end (in a tab copy that is one more cell, a blank one). Known gap: PDF text extracted
//! column by column (one number per line, column after column) is not given the random
//! line-break losses — seven numbers of one column that land on one line look like a row.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gouji::{Num, TableId};

type Cells = HashMap<(TableId, String, String), Num>;

fn cells(text: &str) -> Cells {
    let r = gouji::check(text);
    let mut out = HashMap::new();
    for t in TableId::ALL {
        for c in r.tables.get(t) {
            if let Some(v) = c.value {
                out.insert((t, c.row.to_string(), c.column.to_string()), v);
            }
        }
    }
    out
}

/// A small deterministic generator (the same stream on every run), for the random
/// line-break losses.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn spaced_labels(s: &str) -> String {
    // The first three to eight ideographs of a line, one space between each.
    let mut out = String::with_capacity(s.len() * 2);
    for line in s.split_inclusive('\n') {
        let n = line
            .chars()
            .take(8)
            .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        if n >= 3 {
            let mut it = line.chars();
            for k in 0..n {
                if k > 0 {
                    out.push(' ');
                }
                out.extend(it.next());
            }
            out.extend(it);
        } else {
            out.push_str(line);
        }
    }
    out
}

fn slash_zero(s: &str) -> String {
    // A cell holding just 0 between tabs (or a tab and the line's end) becomes “/”.
    s.split('\n')
        .map(|line| {
            line.split('\t')
                .enumerate()
                .map(|(i, c)| if i > 0 && c.trim() == "0" { "/" } else { c })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn lose_some_breaks(s: &str, seed: u64) -> String {
    let mut g = Lcg(seed);
    s.chars()
        .map(|c| {
            if c == '\n' && g.next() % 100 < 15 {
                ' '
            } else {
                c
            }
        })
        .collect()
}

type Transform = (&'static str, fn(&str) -> String);

const LOSSES: &str = "15 % of breaks lost";

const TRANSFORMS: &[Transform] = &[
    ("crlf", |s| s.replace('\n', "\r\n")),
    ("breaks doubled", |s| s.replace('\n', "\n\n")),
    ("tabs → NBSP", |s| s.replace('\t', "\u{a0}")),
    ("tabs → ideographic space", |s| {
        s.replace('\t', "\u{3000}")
    }),
    ("tabs → pipes", |s| s.replace('\t', " | ")),
    ("tabs → two spaces", |s| s.replace('\t', "  ")),
    ("tabs → breaks", |s| s.replace('\t', "\n")),
    ("breaks and tabs → spaces", |s| {
        s.replace(['\n', '\t'], " ")
    }),
    ("spaces removed", |s| s.replace([' ', '\u{3000}'], "")),
    ("spaces doubled", |s| s.replace(' ', "  ")),
    ("labels spaced out", spaced_labels),
    ("spaces before each break", |s| s.replace('\n', "  \n")),
    ("full-width digits", |s| {
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect()
    }),
    ("“/” for 0", slash_zero),
    ("15 % of breaks lost", |s| {
        lose_some_breaks(s, s.len() as u64)
    }),
];

/// Every file with tables under every transform: at least `min` files compared, and no
/// cell read that the untouched text does not give the same value.
fn assert_kept(what: &str, files: &[PathBuf], min: usize) {
    let mut bad = Vec::new();
    let (mut n, mut read) = (0, 0);
    for f in files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let base = cells(&text);
        if base.is_empty() {
            continue;
        }
        n += 1;
        let column_wise = gouji::check(&text)
            .notes
            .iter()
            .any(|n| n.code.starts_with("READ-COLUMN-"));
        for (name, t) in TRANSFORMS {
            if column_wise && *name == LOSSES {
                continue;
            }
            let got = cells(&t(&text));
            read += got.len();
            for (k, v) in &got {
                match base.get(k) {
                    Some(b) if b == v => {}
                    Some(b) => bad.push(format!(
                        "{} [{name}]: {:?}/{}/{} read {v}, untouched text {b}",
                        f.display(),
                        k.0,
                        k.1,
                        k.2
                    )),
                    None => bad.push(format!(
                        "{} [{name}]: {:?}/{}/{} read {v}, unread in the untouched text",
                        f.display(),
                        k.0,
                        k.1,
                        k.2
                    )),
                }
            }
        }
    }
    println!(
        "{n} {what} × {} transforms: {read} cells read, {} differ",
        TRANSFORMS.len(),
        bad.len()
    );
    assert!(n >= min, "only {n} {what} with tables were found");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            text_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "txt" || x == "md" || x == "tsv")
        {
            out.push(p);
        }
    }
    out.sort();
}

#[test]
fn fixtures_keep_their_numbers_under_every_copy() {
    let mut files = Vec::new();
    text_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/example.txt"));
    assert_kept("fixtures", &files, 30);
}

#[test]
fn real_reports_keep_their_numbers_under_every_copy() {
    let Some(dir) = crate::corpus::corpus_dir("real_reports_keep_their_numbers_under_every_copy")
    else {
        return;
    };
    let mut files = Vec::new();
    text_files(&dir, &mut files);
    assert_kept("real reports", &files, 39);
}
