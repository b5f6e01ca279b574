//! Reading one input: bytes from a file or stdin (at most `gouji::MAX_INPUT`), decoded
//! (UTF-8 with or without BOM, UTF-16 with BOM), and HTML read as its tables.

use std::io::Read;

/// The text to check, and notes on how it was read (HTML source, nesting too deep).
/// `path` "-" is stdin.
pub fn read(path: &str) -> std::io::Result<(String, Vec<gouji::Note>)> {
    let mut bytes = Vec::new();
    // One byte past the limit is enough to know the input is too large, without reading
    // a huge file whole.
    let limit = gouji::MAX_INPUT as u64 + 1;
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)?;
    } else {
        let f = std::fs::File::open(path)?;
        if f.metadata()?.is_dir() {
            return Err(std::io::Error::other("是目录 is a directory"));
        }
        f.take(limit).read_to_end(&mut bytes)?;
    }
    if bytes.len() > gouji::MAX_INPUT {
        return Err(std::io::Error::other(format!(
            "文件过大 file too large (over {} bytes)",
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
