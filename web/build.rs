//! The lesson index the page embeds: writes `$OUT_DIR/lessons.rs` with, for every
//! `lessons/NN-*.md` file (sorted by name), what the home page and the prev/next links need —
//! slug, number, title and `## ` section count per language, exercise ids. The lessons
//! themselves are rendered by `export-lessons` (crate interleave-lessons) and fetched when a
//! lesson opens.
//!
//! This is a light scan, not the lesson parser: the parser needs the whole machine (its run
//! settings), which would make every wasm build compile the interpreter natively too. A test
//! (`lessons::tests::the_index_agrees_with_the_parser`) checks the two agree on every lesson.

use std::fmt::Write;
use std::path::Path;

/// The languages, in the order the index stores them (`lessons::LANGS`).
const LANGS: [&str; 2] = ["en", "zh"];

#[derive(Default)]
struct Entry {
    titles: [String; 2],
    sections: [usize; 2],
    exercises: Vec<String>,
}

fn scan(text: &str) -> Entry {
    let mut e = Entry::default();
    let mut lang: Option<usize> = None;
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some(body) = trimmed.strip_prefix("<!--").and_then(|b| b.strip_suffix("-->")) {
            let body = body.trim();
            if let Some(l) = body.strip_prefix("lang:") {
                lang = LANGS.iter().position(|x| *x == l.trim());
            } else if let Some(rest) = body.strip_prefix("exercise:") {
                let id = rest.split_whitespace().next().unwrap_or_default();
                e.exercises.push(id.to_owned());
            }
            continue;
        }
        let Some(i) = lang else { continue };
        if line.starts_with("## ") {
            e.sections[i] += 1;
        }
        if e.titles[i].is_empty()
            && let Some(t) = trimmed.strip_prefix("# ")
        {
            e.titles[i] = t.trim().to_owned();
        }
    }
    e
}

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
    let mut out = String::from("/// Every lesson, in order.\npub const INDEX: &[LessonInfo] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name");
        let slug = name.trim_end_matches(".md");
        let number: u32 = slug.split('-').next().and_then(|n| n.parse().ok()).expect("NN-name.md");
        let text = std::fs::read_to_string(path).expect("the lesson file reads");
        let e = scan(&text);
        writeln!(
            out,
            "    LessonInfo {{ slug: {slug:?}, number: {number}, titles: {:?}, sections: {:?}, exercises: &{:?} }},",
            e.titles, e.sections, e.exercises
        )
        .expect("write to a String");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
