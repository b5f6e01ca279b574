//! Writes the generated description of the engine's JSON: `schema/report.schema.json`,
//! `schema/rules.schema.json` and `www/gouji/report.d.ts` (see `src/schema.rs`).
//!
//! ```sh
//! cargo run --example schema
//! ```
//!
//! Run it after changing a report type or its doc comments, and commit the result:
//! `tests/schema.rs` fails while the committed files differ from what the types give.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = match gouji::schema::files() {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: cannot generate the schema: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    for (path, text) in files {
        let full = root.join(path);
        let same = std::fs::read_to_string(&full).is_ok_and(|old| old == text);
        if same {
            println!("unchanged {path}");
        } else if let Err(e) = std::fs::write(&full, &text) {
            eprintln!("error: cannot write {}: {e}", full.display());
            return std::process::ExitCode::FAILURE;
        } else {
            println!("wrote     {path} ({} bytes)", text.len());
        }
    }
    std::process::ExitCode::SUCCESS
}
