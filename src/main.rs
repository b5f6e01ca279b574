//! The `gouji` command line: `gouji check [--format text|json] [--lang zh|en] FILE...`.
//!
//! Exit status: 0 every table read completely and no error finding; 1 at least one error
//! finding; 2 no report table recognised, or a file unreadable; 3 read only partly (a table
//! missing or not fully read, or an error-level check that could not be run) and no error
//! among what was read; 64 bad usage. With several files, the worst wins, in the order
//! 1 > 2 > 3 > 0.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};

    use gouji::render::{self, Lang, Options};

    const USAGE: &str = "用法 usage: gouji check [--format text|json] [--lang zh|en] [--no-tables] FILE...  (FILE may be - for stdin; .txt .md .html)
       gouji rules [--format json]
       gouji --version";

    pub fn main(args: Vec<String>) -> i32 {
        let mut args = args.into_iter();
        match args.next().as_deref() {
            Some("check") => check(args.collect()),
            Some("rules") => rules(args.collect()),
            Some("--version" | "-V") => {
                println!("gouji {}", gouji::VERSION);
                0
            }
            Some("--help" | "-h" | "help") => {
                println!("{USAGE}");
                0
            }
            _ => {
                eprintln!("{USAGE}");
                64
            }
        }
    }

    fn rules(args: Vec<String>) -> i32 {
        let rules = gouji::rules();
        if args.iter().any(|a| a == "json") {
            println!(
                "{}",
                serde_json::to_string_pretty(&rules).unwrap_or_default()
            );
        } else {
            for r in rules {
                println!(
                    "{:<4} {:<8} {:<26} {}",
                    r.id,
                    format!("{:?}", r.severity).to_lowercase(),
                    r.formula.zh,
                    r.description.zh
                );
            }
        }
        0
    }

    fn check(args: Vec<String>) -> i32 {
        let mut json = false;
        let mut lang = Lang::Zh;
        let mut tables = true;
        let mut files = Vec::new();
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" => match it.next().as_deref() {
                    Some("json") => json = true,
                    Some("text") => json = false,
                    _ => return usage("--format takes text or json"),
                },
                "--format=json" => json = true,
                "--format=text" => json = false,
                "--lang" => match it.next().as_deref() {
                    Some("zh") => lang = Lang::Zh,
                    Some("en") => lang = Lang::En,
                    _ => return usage("--lang takes zh or en"),
                },
                "--no-tables" => tables = false,
                s if s.starts_with("--") => return usage(&format!("unknown option {s}")),
                _ => files.push(a),
            }
        }
        if files.is_empty() {
            return usage("no FILE given");
        }
        let mut status = Exit::Ok;
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for f in &files {
            let code = match read(f) {
                Err(e) => {
                    eprintln!("error: 无法读取 cannot read {f}: {e}");
                    Exit::NotChecked
                }
                Ok((text, notes)) => {
                    let mut report = gouji::check(&text);
                    report.notes.extend(notes);
                    let s = if json {
                        serde_json::to_string(&report).unwrap_or_default() + "\n"
                    } else {
                        render::text(f, &text, &report, &Options { lang, tables })
                    };
                    let _ = out.write_all(s.as_bytes());
                    Exit::of(&report)
                }
            };
            if code.rank() > status.rank() {
                status = code;
            }
        }
        status as i32
    }

    /// The exit status of one file. With several files the worst wins: an error anywhere
    /// gives 1, else a file not checked at all gives 2, else a file checked only partly 3.
    #[derive(Clone, Copy)]
    enum Exit {
        /// Every table read completely, no error finding.
        Ok = 0,
        /// Read only partly, no error finding among what was read.
        Partial = 3,
        /// Nothing recognised, or the file could not be read.
        NotChecked = 2,
        /// At least one error finding.
        Error = 1,
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
    }

    fn usage(msg: &str) -> i32 {
        eprintln!("error: {msg}\n{USAGE}");
        64
    }

    /// The note for an HTML file nested deeper than browsers go.
    fn depth_note(ignored: usize) -> gouji::Note {
        let max = gouji::html::MAX_DEPTH;
        gouji::Note {
            code: "HTML-TOO-DEEP".into(),
            severity: gouji::Severity::Warning,
            message: gouji::Message {
                zh: format!("HTML 标签嵌套超过 {max} 层：更深的 {ignored} 个标签已忽略，只读取其中的文字"),
                en: format!("the HTML nests deeper than {max} levels: {ignored} deeper tag(s) were ignored and only their text was read"),
            },
            span: None,
        }
    }

    /// The text to check, and notes on how it was read (HTML source, nesting too deep).
    fn read(path: &str) -> std::io::Result<(String, Vec<gouji::Note>)> {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin().read_to_end(&mut bytes)?;
        } else {
            bytes = std::fs::read(path)?;
        }
        if bytes.len() > gouji::MAX_INPUT {
            return Err(std::io::Error::other(format!(
                "file too large ({} bytes; limit {})",
                bytes.len(),
                gouji::MAX_INPUT
            )));
        }
        let text = decode(&bytes)?;
        let lower = path.to_ascii_lowercase();
        let named_html = lower.ends_with(".html") || lower.ends_with(".htm") || {
            let head: String = text
                .chars()
                .take(400)
                .collect::<String>()
                .to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        };
        let mut notes = Vec::new();
        // Text that is really HTML (a saved page's source, or the page's HTML kept in a
        // script or JSON string): its tables are read as HTML tables, whatever the file name.
        let html = match gouji::html::read_markup(&text) {
            Some(h) => {
                if !named_html || h.unescaped {
                    notes.push(source_note(h.unescaped));
                }
                Some(h)
            }
            None => named_html.then(|| gouji::html::read(&text)),
        };
        Ok(match html {
            Some(h) => {
                if h.ignored_tags > 0 {
                    notes.push(depth_note(h.ignored_tags));
                }
                (h.text, notes)
            }
            None => (text, notes),
        })
    }

    /// The note for text that was read as HTML although it was not named .html.
    fn source_note(unescaped: bool) -> gouji::Note {
        let (zh, en) = if unescaped {
            (
                "输入是转义过的网页 HTML（脚本或 JSON 字符串）：已还原转义并按其中的表格读取",
                "the input is a page's HTML escaped as a script or JSON string: unescaped and read from its tables",
            )
        } else {
            (
                "输入是网页的 HTML 源代码：已按其中的表格读取",
                "the input is a page's HTML source: read from its tables",
            )
        };
        gouji::Note {
            code: "HTML-SOURCE".into(),
            severity: gouji::Severity::Info,
            message: gouji::Message {
                zh: zh.into(),
                en: en.into(),
            },
            span: None,
        }
    }

    /// UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused with a
    /// message rather than checked as garbage.
    fn decode(bytes: &[u8]) -> std::io::Result<String> {
        if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            return String::from_utf8(rest.to_vec())
                .map_err(|_| std::io::Error::other("not valid UTF-8"));
        }
        for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
            if let Some(rest) = bytes.strip_prefix(&bom) {
                let units: Vec<u16> = rest
                    .chunks_exact(2)
                    .map(|c| {
                        if le {
                            u16::from_le_bytes([c[0], c[1]])
                        } else {
                            u16::from_be_bytes([c[0], c[1]])
                        }
                    })
                    .collect();
                return String::from_utf16(&units)
                    .map_err(|_| std::io::Error::other("not valid UTF-16"));
            }
        }
        match String::from_utf8(bytes.to_vec()) {
            Ok(s) if !s.contains('\0') => Ok(s),
            _ => Err(std::io::Error::other("不是 UTF-8 文本（可能是二进制文件或 GBK 编码）not UTF-8 text (binary, or GBK-encoded?)")),
        }
    }
}
