//! The `gouji` command line; everything but the entry point is in `src/cli/`.
//!
//! Exit status: 0 every table read completely and no error finding; 1 at least one error
//! finding; 2 no report table recognised, or a file unreadable; 3 read only partly (a table
//! missing or not fully read, or an error-level check that could not be run) and no error
//! among what was read; 64 bad usage. With several files, the worst wins, in the order
//! 1 > 2 > 3 > 0.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args_os()));
}
