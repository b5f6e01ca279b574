//! Counts heap allocations of one check (a guide for optimisation work).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "www/example.txt".into());
    let text = std::fs::read_to_string(path).expect("readable file");
    phases(&text);
    let before = COUNT.load(Ordering::Relaxed);
    let r = gouji::check(&text);
    println!(
        "{} allocations for one check ({} cells, {} checks)",
        COUNT.load(Ordering::Relaxed) - before,
        r.tables.applications.len(),
        r.checks.len()
    );
}

#[allow(dead_code)]
fn phases(text: &str) {
    let c = || COUNT.load(Ordering::Relaxed);
    let a = c();
    let recs = gouji::records::split(text);
    let b = c();
    let li = gouji::normalize::LineIndex::new(text);
    let ctx = gouji::locate::Ctx::new(text, &recs, &li);
    let d = c();
    let l = gouji::locate::locate(&ctx, None);
    let e = c();
    println!(
        "split {} ctx {} locate {} ({} notes)",
        b - a,
        d - b,
        e - d,
        l.notes.len()
    );
}
