//! The reading phases of one check, each behind its own function, so a profiler
//! (`valgrind --tool=callgrind`) can tell them apart from the rules: `phases [RUNS] [FILE]`.
use std::hint::black_box;

#[inline(never)]
fn split(text: &str) -> Vec<gouji::records::Record> {
    gouji::records::split(text)
}

#[inline(never)]
fn lines(text: &str) -> gouji::normalize::LineIndex {
    gouji::normalize::LineIndex::new(text)
}

#[inline(never)]
fn ctx<'a>(
    text: &'a str,
    recs: &'a [gouji::records::Record],
    li: &'a gouji::normalize::LineIndex,
) -> gouji::locate::Ctx<'a> {
    gouji::locate::Ctx::new(text, recs, li)
}

#[inline(never)]
fn locate(ctx: &gouji::locate::Ctx) -> gouji::locate::Located {
    gouji::locate::locate(ctx, None)
}

#[inline(never)]
fn check(text: &str) -> gouji::Report {
    gouji::check(text)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let path = args.next().unwrap_or_else(|| "www/example.txt".into());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for _ in 0..n {
        let recs = split(black_box(&text));
        let li = lines(&text);
        let c = ctx(&text, &recs, &li);
        black_box(locate(&c));
        black_box(check(black_box(&text)));
    }
}
