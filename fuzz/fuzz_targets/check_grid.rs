//! Arbitrary grids (the page's clipboard-HTML path): rows split on '\n', cells on '|'.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tables: Vec<gouji::GridTable> = text
        .split("\n\n")
        .map(|t| gouji::GridTable { rows: t.lines().map(|r| r.split('|').map(str::to_string).collect()).collect() })
        .collect();
    let _ = gouji::check_grid(&tables);
});
