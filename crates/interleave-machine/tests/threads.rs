//! Threading golden tests: every program in `crates/interleave-vm/tests/threads/` prints what
//! CPython 3.11 printed (`NAME.out`, `NAME.err`) under several seeds and in every `--python`
//! mode, since CPython itself prints the same on every run.
//! `THREADS_ONLY=substring` runs some programs only.

use std::path::{Path, PathBuf};

use interleave_machine::{PythonMode, Settings, run_program};

/// Programs that do not match CPython yet, with the reason; the test fails if one starts to
/// match, so the list stays honest.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

#[test]
fn threading_programs_match_cpython_in_every_mode() {
    let root = repo_root();
    let dir = root.join("crates/interleave-vm/tests/threads");
    let filter = std::env::var("THREADS_ONLY").unwrap_or_default();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("threads dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &programs {
        let name = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .to_string();
        let source = std::fs::read_to_string(path).expect("source");
        let expect_out = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let expect_err = std::fs::read_to_string(path.with_extension("err"))
            .unwrap_or_default()
            .replace("@REPO_ROOT@", &root.to_string_lossy())
            // CPython's standard-library directory, where Interleave's library frames are.
            .replace("@STDLIB@", interleave_vm::modules::library::LIB_DIR);
        let known = KNOWN_DIFFERENCES.iter().find(|(n, _)| *n == name);
        let mut all_matched = true;
        for python in [PythonMode::Py311, PythonMode::Py39, PythonMode::Py313t] {
            for seed in 0..2 {
                let settings = Settings {
                    python,
                    seed,
                    switch_interval_ns: 1_000_000,
                    ..Settings::default()
                };
                let r = run_program(&source, &path.to_string_lossy(), &settings);
                let matched = r.stdout() == expect_out && r.stderr() == expect_err;
                all_matched &= matched;
                if !matched && known.is_none() {
                    failures.push(format!(
                        "{name} (--python {} --seed {seed}): exit {}\n--- expected stdout\n{expect_out}--- got stdout\n{}--- expected stderr\n{expect_err}--- got stderr\n{}",
                        python.name(),
                        r.exit_code,
                        r.stdout(),
                        r.stderr()
                    ));
                }
            }
        }
        if known.is_some() && all_matched {
            failures.push(format!(
                "{name} now matches CPython: remove it from KNOWN_DIFFERENCES"
            ));
        }
        checked += 1;
    }
    println!(
        "threads: {checked} programs × 6 runs, {} known differences",
        KNOWN_DIFFERENCES.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
