fn main() {
    let text = std::fs::read_to_string("www/example.txt").unwrap();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(gouji::check(&text));
    }
    println!("{:?} per check", t.elapsed() / n as u32);
}
