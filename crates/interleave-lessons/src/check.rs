//! Running a lesson's examples on the machine and checking their expectations.

use std::path::Path;
use std::process::Command;

use interleave_machine::run_program;

use crate::expect::{Clause, Observed, Quantifier};
use crate::lesson::{Example, RunSpec};

/// Runs `code` once per seed of `spec`.
pub fn run_seeds(code: &str, filename: &str, spec: &RunSpec) -> Vec<(u64, Observed)> {
    spec.seeds
        .clone()
        .map(|seed| {
            let r = run_program(code, filename, &spec.settings(seed));
            let o = Observed {
                stdout: r.stdout(),
                stderr: r.stderr(),
                exit: r.exit_code,
                time_ns: r.end_ns,
            };
            (seed, o)
        })
        .collect()
}

/// The clauses that do not hold over these runs, each explained.
pub fn failed_clauses(clauses: &[Clause], runs: &[(u64, Observed)]) -> Vec<String> {
    let mut failures = Vec::new();
    for c in clauses {
        match c.quantifier {
            Quantifier::AllSeeds => {
                if let Some((seed, o)) = runs.iter().find(|(_, o)| !c.holds(o)) {
                    failures.push(format!(
                        "`{c}` fails for seed {seed}: got {}{}",
                        c.observed(o),
                        stderr_note(o)
                    ));
                }
            }
            Quantifier::SomeSeed => {
                if !runs.iter().any(|(_, o)| c.holds(o)) {
                    let mut seen: Vec<String> = runs.iter().map(|(_, o)| c.observed(o)).collect();
                    seen.sort();
                    seen.dedup();
                    failures.push(format!(
                        "`{c}` holds for no seed in {}..{}; saw {}",
                        runs.first().map_or(0, |r| r.0),
                        runs.last().map_or(0, |r| r.0 + 1),
                        seen.join(", ")
                    ));
                }
            }
        }
    }
    failures
}

fn stderr_note(o: &Observed) -> String {
    if o.stderr.is_empty() {
        String::new()
    } else {
        format!(" (stderr: {})", crate::expect::quote(&o.stderr))
    }
}

/// Checks one example or exercise; returns what is wrong (empty when all is well).
pub fn check_example(ex: &Example) -> Vec<String> {
    let runs = run_seeds(&ex.code, &format!("{}.py", ex.id), &ex.run);
    check_example_runs(ex, &runs)
}

/// `check_example`, given the runs of the example's code (its starter, for an exercise) over
/// its seeds, so that a caller who needs them too runs them once.
pub fn check_example_runs(ex: &Example, runs: &[(u64, Observed)]) -> Vec<String> {
    let filename = format!("{}.py", ex.id);
    let mut problems = Vec::new();
    let failed = failed_clauses(&ex.expect, runs);
    match &ex.solution {
        None => problems.extend(failed),
        Some(solution) => {
            if failed.is_empty() {
                problems.push(format!(
                    "the starter already passes the check, so the exercise has nothing to fix (seeds {:?})",
                    ex.run.seeds
                ));
            }
            let runs = run_seeds(solution, &filename, &ex.run);
            problems.extend(
                failed_clauses(&ex.expect, &runs)
                    .into_iter()
                    .map(|f| format!("solution: {f}")),
            );
        }
    }
    problems
}

/// What real CPython printed: stdout and exit code. `None` if `python3` is not installed.
pub fn cpython_output(code: &str, id: &str, dir: &Path) -> Option<Result<(String, i32), String>> {
    Some(spawn_cpython(code, id, dir)?.and_then(CpythonRun::finish))
}

/// A program running under real CPython (see `spawn_cpython`).
pub struct CpythonRun {
    child: std::process::Child,
    path: std::path::PathBuf,
}

/// Starts `code` under real `python3` (`PYTHONHASHSEED=0`, UTF-8 output) without waiting for
/// it, so that several run at once (lesson examples sleep in real time under CPython). `None`
/// if `python3` is not installed.
pub fn spawn_cpython(code: &str, id: &str, dir: &Path) -> Option<Result<CpythonRun, String>> {
    let path = dir.join(format!("{id}.py"));
    if let Err(e) = std::fs::write(&path, code) {
        return Some(Err(format!("cannot write {}: {e}", path.display())));
    }
    let child = Command::new("python3")
        .arg(&path)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn();
    match child {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let _ = std::fs::remove_file(&path);
            None
        }
        Err(e) => {
            let _ = std::fs::remove_file(&path);
            Some(Err(format!("cannot run python3: {e}")))
        }
        Ok(child) => Some(Ok(CpythonRun { child, path })),
    }
}

impl CpythonRun {
    /// Waits for the program: its stdout and exit code.
    pub fn finish(self) -> Result<(String, i32), String> {
        let out = self.child.wait_with_output();
        let _ = std::fs::remove_file(&self.path);
        match out {
            Err(e) => Err(format!("cannot run python3: {e}")),
            Ok(o) => Ok((String::from_utf8_lossy(&o.stdout).into_owned(), o.status.code().unwrap_or(-1))),
        }
    }
}
