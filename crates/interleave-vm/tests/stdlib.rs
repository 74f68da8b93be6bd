//! Golden tests of the standard modules: every `tests/stdlib/NAME.py` runs on Interleave and
//! must print exactly what CPython 3.11 printed into `NAME.out`
//! (`PYTHONHASHSEED=0 python3 NAME.py > NAME.out`) and exit with status 0.
//!
//! `STDLIB_ONLY=substring` restricts the run to matching files; `STDLIB_RUN=path.py` runs one
//! program and shows its output (for debugging, never a failure).

use std::path::{Path, PathBuf};

use interleave_vm::{RunConfig, run_program};

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/stdlib exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// Runs one program and returns a description of how it differs from its expectation.
fn check(path: &Path) -> Option<String> {
    let source = std::fs::read_to_string(path).expect("readable program");
    let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    let result = run_program(&source, name, &RunConfig::default());
    let stdout = result.stdout();
    if stdout == expected && result.exit_code == 0 {
        return None;
    }
    let (exp_lines, got_lines): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), stdout.lines().collect());
    let first = exp_lines.iter().zip(&got_lines).position(|(a, b)| a != b).unwrap_or(exp_lines.len().min(got_lines.len()));
    Some(format!(
        "{name}: exit {}; first difference at line {}:\n  expected: {:?}\n  got:      {:?}\nstderr:\n{}",
        result.exit_code,
        first + 1,
        exp_lines.get(first),
        got_lines.get(first),
        result.stderr()
    ))
}

#[test]
fn stdlib_programs_match_cpython() {
    if let Ok(path) = std::env::var("STDLIB_RUN") {
        let source = std::fs::read_to_string(&path).expect("readable program");
        let result = run_program(&source, &path, &RunConfig::default());
        print!("{}", result.stdout());
        eprint!("{}", result.stderr());
        eprintln!("[exit {}]", result.exit_code);
        return;
    }
    let only = std::env::var("STDLIB_ONLY").unwrap_or_default();
    let failures: Vec<String> = programs()
        .iter()
        .filter(|p| p.to_string_lossy().contains(&only))
        .filter_map(|p| check(p))
        .collect();
    assert!(failures.is_empty(), "{} program(s) differ from CPython:\n\n{}", failures.len(), failures.join("\n\n"));
}
