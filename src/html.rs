//! HTML report → grids and text (native only; the page does the same with DOMParser).
//!
//! Tables become grids by the HTML table-forming rules (rowspan/colspan expanded, the
//! text in the origin slot, covered slots empty); everything else becomes text lines, so
//! the prose (title, statistical period) is still seen.

use scraper::{ElementRef, Html, Node};

use crate::GridTable;

/// The text the engine reads for an HTML document: prose lines and tab-separated tables.
pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    walk(doc.root_element(), &mut out);
    out
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "tr"
            | "title"
            | "ul"
            | "ol"
    )
}

fn walk(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(&t.replace(['\n', '\r', '\t'], " ")),
            Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "head" | "noscript" | "template") {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                if name == "table" {
                    newline(out);
                    out.push_str(&crate::grid_text(&[grid(child_el)]));
                    continue;
                }
                if is_block(name) {
                    newline(out);
                }
                walk(child_el, out);
                if is_block(name) {
                    newline(out);
                }
            }
            _ => {}
        }
    }
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn cell_text(el: ElementRef) -> String {
    let t: Vec<&str> = el.text().collect();
    t.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The grid of one table (nested tables are read as their own text).
pub fn grid(table: ElementRef) -> GridTable {
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    let trs = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| {
            e.value().name() == "tr"
                && e.ancestors()
                    .filter_map(ElementRef::wrap)
                    .find(|a| a.value().name() == "table")
                    == Some(table)
        });
    for (r, tr) in trs.enumerate() {
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for td in tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while rows[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |a: &str, max: usize| {
                td.value()
                    .attr(a)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, max)
            };
            let (rs, cs) = (span("rowspan", 200), span("colspan", 50));
            let text = cell_text(td);
            for dr in 0..rs {
                let rr = r + dr;
                if rows.len() <= rr {
                    rows.resize(rr + 1, Vec::new());
                }
                for dc in 0..cs {
                    let cc = c + dc;
                    if rows[rr].len() <= cc {
                        rows[rr].resize(cc + 1, None);
                    }
                    rows[rr][cc] = Some(if dr == 0 && dc == 0 {
                        text.clone()
                    } else {
                        String::new()
                    });
                }
            }
            c += cs;
        }
    }
    GridTable {
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_expand_with_text_at_origin() {
        let t = to_text("<p>标题</p><table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr><tr><td>1</td><td>2</td></tr></table>");
        assert!(t.contains("标题\n"));
        assert!(t.contains("A\tB\t\n\t1\t2\n"), "{t:?}");
    }
}
