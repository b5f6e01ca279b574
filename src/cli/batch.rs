//! The inputs of one `check`: files as given, directories walked for report files, in a
//! deterministic order; and the parallel run that prints results in that order.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

/// The file names a directory is searched for (case-insensitive).
pub const EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// One thing to check: a file (or `-`, stdin), or a path that could not be listed.
#[derive(Debug, Clone)]
pub struct Item {
    /// The name shown in the output: the path as given, or joined under its directory.
    pub name: String,
    /// Why the item cannot be read at all (a directory that could not be listed).
    pub unlisted: Option<String>,
}

/// The files to check, in order: each argument in the order given; a directory's report
/// files (by extension, recursively, symlinked directories not followed) sorted by path.
/// Returns the items and warnings for directories that held no report file.
pub fn expand(paths: &[PathBuf]) -> (Vec<Item>, Vec<String>) {
    let mut items = Vec::new();
    let mut warnings = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            let before = items.len();
            walk(p, &mut items);
            if items.len() == before {
                warnings.push(format!(
                    "warning: 目录中没有 .txt .md .html .htm 文件 no .txt .md .html .htm file in {}",
                    p.display()
                ));
            }
        } else {
            items.push(Item {
                name: p.to_string_lossy().into_owned(),
                unlisted: None,
            });
        }
    }
    (items, warnings)
}

fn walk(dir: &Path, out: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Item {
                name: dir.to_string_lossy().into_owned(),
                unlisted: Some(format!("无法读取目录 cannot list the directory: {e}")),
            });
            return;
        }
    };
    let mut found: Vec<(PathBuf, bool)> = Vec::new();
    for e in entries {
        let e = match e {
            Ok(e) => e,
            Err(err) => {
                out.push(Item {
                    name: dir.to_string_lossy().into_owned(),
                    unlisted: Some(format!("无法读取目录 cannot list the directory: {err}")),
                });
                continue;
            }
        };
        let path = e.path();
        // The entry's own type: a symlink to a directory is not followed (no loops).
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            found.push((path, true));
        } else if is_report_name(&path) && (ft.is_file() || path.is_file()) {
            found.push((path, false));
        }
    }
    found.sort();
    for (path, is_dir) in found {
        if is_dir {
            walk(&path, out);
        } else {
            out.push(Item {
                name: path.to_string_lossy().into_owned(),
                unlisted: None,
            });
        }
    }
}

fn is_report_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Runs `work` over `items` on `jobs` threads (None: all cores) and hands each result to
/// `emit` in the items' order, as soon as it and every result before it are done. A
/// progress bar counts on stderr when stderr is a terminal and there is more than one item.
pub fn run<T, W, E>(items: &[Item], jobs: Option<usize>, work: W, mut emit: E)
where
    T: Send,
    W: Fn(&Item) -> T + Sync,
    E: FnMut(T, &ProgressBar),
{
    let bar = progress(items.len());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build();
    let Ok(pool) = pool else {
        // No threads to be had: check one after the other.
        for it in items {
            bar.set_message(it.name.clone());
            emit(work(it), &bar);
            bar.inc(1);
        }
        bar.finish_and_clear();
        return;
    };
    let (tx, rx) = std::sync::mpsc::channel::<(usize, T)>();
    std::thread::scope(|s| {
        let work = &work;
        s.spawn(move || {
            pool.install(|| {
                items
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, it)| {
                        let _ = tx.send((i, work(it)));
                    });
            });
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, done) in rx {
            pending.insert(i, done);
            while let Some(d) = pending.remove(&next) {
                if let Some(it) = items.get(next) {
                    bar.set_message(it.name.clone());
                }
                emit(d, &bar);
                bar.inc(1);
                next += 1;
            }
        }
    });
    bar.finish_and_clear();
}

fn progress(n: usize) -> ProgressBar {
    if n < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order() {
        let items: Vec<Item> = (0..200)
            .map(|i| Item {
                name: i.to_string(),
                unlisted: None,
            })
            .collect();
        let mut seen = Vec::new();
        run(
            &items,
            Some(4),
            |it| {
                let n: u64 = it.name.parse().unwrap_or(0);
                // Later items finish first.
                std::thread::sleep(std::time::Duration::from_micros(200 - n));
                n
            },
            |n, _| seen.push(n),
        );
        assert_eq!(seen, (0..200).collect::<Vec<u64>>());
    }

    #[test]
    fn a_directory_is_walked_in_path_order() {
        let dir = std::env::temp_dir().join(format!("gouji-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap_or_default();
        for f in [
            "z.txt",
            "a.MD",
            "b/c/x.htm",
            "b/y.html",
            "b/skip.pdf",
            "notes",
        ] {
            std::fs::write(dir.join(f), "x").unwrap_or_default();
        }
        let (items, warnings) = expand(std::slice::from_ref(&dir));
        let names: Vec<String> = items
            .iter()
            .map(|i| {
                Path::new(&i.name)
                    .strip_prefix(&dir)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(names, ["a.MD", "b/c/x.htm", "b/y.html", "z.txt"]);
        assert!(warnings.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
