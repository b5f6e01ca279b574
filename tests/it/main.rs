//! The native integration tests, one binary (linked once; shared fixtures and the
//! generator are ordinary modules). `cargo test --test it <name>` runs a subset, e.g.
//! `cargo test --release --test it properties -- --nocapture`.

mod common;
mod generator;
mod splitter;

mod bad_input;
mod cli;
mod contents_list;
mod corpus;
mod cross_year;
mod flat;
mod fuzz_regressions;
mod grid_context;
mod html_hostile;
mod html_text;
mod layouts;
mod properties;
mod prose;
mod rules;
mod schema;
mod single_cell;
mod transforms;
