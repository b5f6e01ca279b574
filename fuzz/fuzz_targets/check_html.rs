//! Any bytes as an HTML file, through the native HTML reader (depth bound, tree walk,
//! tables to grids) and then the whole pipeline: must not panic, overflow the stack or
//! hang, and every span must lie inside the text the reader produced.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let read = gouji::html::read(&html);
    let text = read.text;
    let report = gouji::check(&text);
    for t in [&report.tables.active, &report.tables.applications, &report.tables.review] {
        for c in t.iter() {
            if let Some(s) = c.span {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                assert_eq!(&text[s.start..s.end], c.raw.as_str());
            }
        }
    }
    let _ = serde_json::to_string(&report);
});
