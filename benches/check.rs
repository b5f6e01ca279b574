//! Whole-check benchmarks: a typical report (the page's example, ~8 KB), a large paste
//! (the example padded with prose to ~2 MB) and a 1 MB paste on one line (the example
//! flattened and repeated), reported per report and as MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const EXAMPLE: &str = include_str!("../www/example.txt");

fn large() -> String {
    let para =
        "（一）主动公开情况。全年主动公开政府信息 4215 条，发布政策解读 16 篇，办结率 100%。\n";
    let mut s = String::new();
    while s.len() < 2 * 1024 * 1024 {
        s.push_str(para);
    }
    s.push_str(EXAMPLE);
    s
}

/// The example as a web page's text often arrives: the whole body on one line, its
/// line breaks and tabs turned into spaces, repeated (with prose between) to ~1 MB.
fn one_line() -> String {
    let flat: String = EXAMPLE
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    let mut s = String::new();
    while s.len() < 1024 * 1024 {
        s.push_str("（一）主动公开情况。全年主动公开政府信息 4215 条。");
        s.push_str(&flat);
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(EXAMPLE.len() as u64));
    g.bench_function("typical report", |b| {
        b.iter(|| gouji::check(black_box(EXAMPLE)))
    });
    let big = large();
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("2 MB paste", |b| b.iter(|| gouji::check(black_box(&big))));
    let flat = one_line();
    g.throughput(Throughput::Bytes(flat.len() as u64));
    g.bench_function("1 MB one-line paste", |b| {
        b.iter(|| gouji::check(black_box(&flat)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
