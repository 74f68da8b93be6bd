//! Golden tests for the methods of the built-in value types: each `tests/methods/*.py` runs
//! through the VM and must print exactly what CPython printed into the `.out` file beside it
//! (generated with `PYTHONHASHSEED=0 python3 file.py > file.out`; exit code 0 expected).

use std::path::Path;

use interleave_vm::{RunConfig, run_program};

/// Runs one program and compares its stdout and exit code with the CPython expectation.
fn check(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let expected = std::fs::read_to_string(path.with_extension("out")).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("main.py");
    let result = run_program(&source, name, &RunConfig::default());
    let stdout = result.stdout();
    if stdout == expected && result.exit_code == 0 {
        return Ok(());
    }
    let mut report = format!("{}: exit code {}\n", path.display(), result.exit_code);
    for (i, (got, want)) in stdout.lines().zip(expected.lines()).enumerate() {
        if got != want {
            report.push_str(&format!("  line {}:\n    got:  {got}\n    want: {want}\n", i + 1));
        }
    }
    let (g, w) = (stdout.lines().count(), expected.lines().count());
    if g != w {
        report.push_str(&format!("  {g} lines printed, {w} expected\n"));
    }
    report.push_str(&result.stderr());
    Err(report)
}

#[test]
fn methods_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/methods");
    let only = std::env::var("METHODS_ONLY").ok();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/methods exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| only.as_ref().is_none_or(|o| p.to_string_lossy().contains(o.as_str())))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no test programs found");
    let failures: Vec<String> = files.iter().filter_map(|p| check(p).err()).collect();
    println!("{} of {} method programs match CPython", files.len() - failures.len(), files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
