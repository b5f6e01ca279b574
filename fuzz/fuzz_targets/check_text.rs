//! Any text, through the whole pipeline: must not panic, must not hang, and every span
//! in the report must lie inside the input on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
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
