//! Writes the embedded Python modules (`src/modules/py/*.py`) to `$OUT_DIR/py/` without their
//! comments and docstrings, to make the browser's download smaller (about 70 KB of gzip).
//!
//! Line numbers do not change, since tracebacks show them: a line that holds only a comment
//! becomes an empty line, and a docstring becomes `''` followed by as many line breaks as it
//! spanned (so `__doc__` of a library module, class or function is `''`; the corpus and the
//! lessons observe only the docstrings of user code, which is not touched). Comments after code
//! stay, as do directive comments (`#@…`). Tokens and docstrings come from Ruff's parser, the
//! compiler's own, so no string content is ever mistaken for a comment.

use std::collections::BTreeMap;
use std::path::Path;

use ruff_python_ast::statement_visitor::{StatementVisitor, walk_stmt};
use ruff_python_ast::{Expr, Stmt};
use ruff_python_ast::token::TokenKind;
use ruff_text_size::{Ranged, TextRange};

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("src/modules/py");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("py");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("src/modules/py exists").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    let mut stripped = BTreeMap::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(path).expect("a readable UTF-8 module");
        let text = strip(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = path.file_name().and_then(|f| f.to_str()).expect("a UTF-8 file name").to_owned();
        std::fs::write(out.join(&file), &text).expect("OUT_DIR is writable");
        stripped.insert(file, text);
    }
    let packs = out.parent().expect("OUT_DIR/py has a parent").join("packs");
    write_packs(&Path::new(&manifest).join("src/modules/mod.rs"), &stripped, &packs);
}

/// Writes `$OUT_DIR/packs/PACK.txt` for every library pack: the registry's
/// `packed!("PACK", "file.py")` modules, stripped, each as `\0FILE\n` and its text (see
/// `src/modules/packs.rs`). The web build copies them beside the worker.
fn write_packs(registry: &Path, stripped: &BTreeMap<String, String>, dir: &Path) {
    println!("cargo:rerun-if-changed={}", registry.display());
    let text = std::fs::read_to_string(registry).expect("src/modules/mod.rs exists");
    let mut packs: BTreeMap<&str, String> = BTreeMap::new();
    for call in text.split("packed!(\"").skip(1) {
        let mut quoted = call.split('"');
        let (Some(pack), Some(", "), Some(file)) = (quoted.next(), quoted.next(), quoted.next()) else {
            panic!("src/modules/mod.rs: malformed packed!(\"{}", call.lines().next().unwrap_or(""));
        };
        let source = stripped.get(file).unwrap_or_else(|| panic!("packed module {file}: no src/modules/py/{file}"));
        let pack = packs.entry(pack).or_default();
        pack.push('\0');
        pack.push_str(file);
        pack.push('\n');
        pack.push_str(source);
    }
    std::fs::create_dir_all(dir).expect("OUT_DIR is writable");
    for (name, text) in packs {
        std::fs::write(dir.join(format!("{name}.txt")), text).expect("OUT_DIR is writable");
    }
}

/// `source` with its whole-line comments and its docstrings blanked, line for line.
fn strip(source: &str) -> Result<String, String> {
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| e.to_string())?;
    // Byte ranges to replace, with what (`None`: blank, keeping the line breaks).
    let mut cuts: Vec<(TextRange, &str)> = Vec::new();
    for token in parsed.tokens().iter().filter(|t| t.kind() == TokenKind::Comment) {
        let start = usize::from(token.start());
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let whole_line = source[line_start..start].trim().is_empty();
        if whole_line && !source[start..].starts_with("#@") {
            cuts.push((TextRange::new((line_start as u32).into(), token.end()), ""));
        }
    }
    let mut docs = Docstrings(Vec::new());
    docs.visit_body(&parsed.syntax().body);
    if let Some(doc) = docstring(&parsed.syntax().body) {
        docs.0.push(doc);
    }
    cuts.extend(docs.0.into_iter().map(|range| (range, "''")));
    cuts.sort_by_key(|(range, _)| range.start());
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (range, with) in cuts {
        let (start, end) = (usize::from(range.start()), usize::from(range.end()));
        if start < at {
            return Err(format!("overlapping cuts at byte {start}"));
        }
        out.push_str(&source[at..start]);
        out.push_str(with);
        out.extend(source[start..end].matches('\n'));
        at = end;
    }
    out.push_str(&source[at..]);
    debug_assert_eq!(out.lines().count(), source.lines().count());
    Ok(out)
}

/// The range of the docstring that starts `body`, if it has one (a plain string literal, not
/// an f-string or bytes, as the first statement).
fn docstring(body: &[Stmt]) -> Option<TextRange> {
    match body.first()? {
        Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)) => Some(e.range()),
        _ => None,
    }
}

/// The docstrings of every class and function, however nested.
struct Docstrings(Vec<TextRange>);

impl<'a> StatementVisitor<'a> for Docstrings {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let body = match stmt {
            Stmt::FunctionDef(f) => Some(&f.body),
            Stmt::ClassDef(c) => Some(&c.body),
            _ => None,
        };
        if let Some(doc) = body.and_then(|b| docstring(b)) {
            self.0.push(doc);
        }
        walk_stmt(self, stmt);
    }
}
