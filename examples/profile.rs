//! Runs the whole check in a loop, for profilers and instruction counts
//! (`perf stat -e instructions:u`, `valgrind --tool=callgrind`).
//!
//! `profile [RUNS] [INPUT]`: INPUT is a file (default `www/example.txt`) or `flat:MB`,
//! the example with its line breaks and tabs turned into spaces, repeated with prose
//! between to MB megabytes on one line (as the criterion bench builds its 1 MB paste).
fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let input = args.next().unwrap_or_else(|| "www/example.txt".into());
    let text = match input.strip_prefix("flat:") {
        Some(mb) => one_line(mb.parse::<f64>().unwrap_or(1.0)),
        None => std::fs::read_to_string(&input).unwrap_or_default(),
    };
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(gouji::check(std::hint::black_box(&text)));
    }
    println!(
        "{:?} per check of {} bytes",
        t.elapsed() / n.max(1) as u32,
        text.len()
    );
}

fn one_line(mb: f64) -> String {
    let example = std::fs::read_to_string("www/example.txt").unwrap_or_default();
    let flat: String = example
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    let size = (mb * 1024.0 * 1024.0) as usize;
    let mut s = String::new();
    while s.len() < size {
        s.push_str("（一）主动公开情况。全年主动公开政府信息 4215 条。");
        s.push_str(&flat);
    }
    s
}
