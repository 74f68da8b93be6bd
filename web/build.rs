//! Embeds the lessons: writes `$OUT_DIR/lessons.rs` with every `lessons/NN-*.md` file (sorted
//! by name) as `(file name, text)`, so the page ships them without fetching anything.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // Read at run time (not `env!`): a build script binary may be reused from another checkout.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../lessons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the lessons directory exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && name.as_bytes().first().is_some_and(u8::is_ascii_digit)
        })
        .collect();
    files.sort();
    let mut out = String::from("/// Every lesson file: (file name, Markdown).\npub const LESSON_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name");
        let abs = path.canonicalize().expect("the lesson file exists");
        writeln!(out, "    ({name:?}, include_str!({:?})),", abs.display().to_string()).expect("write to a String");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
