//! Differential corpus: every program under `tests/corpus/` must make `interleave run` print,
//! byte for byte, what CPython 3.11 printed (stdout, stderr and exit code).
//!
//! Expectations sit beside each program (`NAME.stdout`, `NAME.stderr`, `NAME.exitcode`) and are
//! generated from real CPython by `scripts/bless-corpus`. Standard input comes from `NAME.stdin`
//! when it exists and is empty otherwise. Programs run from the repository root with their
//! relative path, so traceback file names match CPython's.
//!
//! CPython shows the script's absolute path in tracebacks; expectations store the repository's
//! absolute path as `@REPO_ROOT@`, and this test substitutes the root it runs in. Library
//! frames show CPython's standard-library directory, stored as `@STDLIB@`; this test puts
//! Interleave's (`/usr/lib/python3.11`) in its place.
//!
//! `tests/corpus/PENDING` lists programs known not to match yet, one per line with a `#` reason.
//! Every other program must match, and every pending program must still differ: a program that
//! starts matching fails the test until it is removed from PENDING, so the list stays honest.
//!
//! Environment knobs:
//! - `CORPUS_FILTER=substring` runs only programs whose path contains the substring, and shows
//!   the diff of pending programs too (the way to work on one program).
//! - `CORPUS_VERBOSE=1` shows the diff of every pending program.
//! - `CORPUS_PRUNE_PENDING=1` deletes from PENDING the programs that now match, instead of
//!   failing on them (review the change to PENDING before committing it).
//! - `CORPUS_TIMEOUT_SECS=N` changes the per-program time limit (default 20 s).
//! - `CORPUS_INTERLEAVE_BIN=path` runs another binary as `path run FILE` instead of the
//!   `interleave` that cargo built (for example a release build, or a wrapper around CPython
//!   to check the harness itself).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use interleave_vm::modules::library::LIB_DIR;

/// How long one program may run before it counts as a mismatch. CPython runs each corpus
/// program in well under a second; the margin is for the engine's unoptimised test build.
const DEFAULT_TIMEOUT_SECS: u64 = 20;

/// Programs run on this many threads at once (the machines have two cores).
const WORKERS: usize = 2;

/// At most this many lines of diff are printed per stream, so one broken program cannot bury
/// the others' reports.
const MAX_DIFF_LINES: usize = 40;

/// Lines of unchanged context shown around each change in a diff.
const CONTEXT_LINES: usize = 2;

/// Stands for the repository's absolute path in expectation files.
const ROOT_TOKEN: &str = "@REPO_ROOT@";

/// Stands for CPython's standard-library directory in expectation files (library frames in
/// tracebacks); Interleave's library lives in `LIB_DIR`, so those frames compare exactly,
/// line numbers included.
const STDLIB_TOKEN: &str = "@STDLIB@";

/// The suffixes of the files that hold a program's expected behaviour.
const EXPECTATION_SUFFIXES: [&str; 3] = ["stdout", "stderr", "exitcode"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

fn corpus_dir() -> PathBuf {
    repo_root().join("tests").join("corpus")
}

/// What a run printed and how it ended.
#[derive(Debug)]
struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    end: End,
}

/// How a process ended.
#[derive(Debug, PartialEq)]
enum End {
    /// It exited with this status code.
    Code(i32),
    /// It was killed by a signal or ended without a code (described by the OS).
    Abnormal(String),
    /// It ran past the time limit and was killed.
    TimedOut(Duration),
}

impl End {
    fn from_status(status: ExitStatus) -> End {
        match status.code() {
            Some(code) => End::Code(code),
            None => End::Abnormal(status.to_string()),
        }
    }

    fn describe(&self) -> String {
        match self {
            End::Code(code) => format!("exit code {code}"),
            End::Abnormal(how) => format!("abnormal end ({how})"),
            End::TimedOut(limit) => format!("timed out after {} s and was killed", limit.as_secs()),
        }
    }
}

/// A program's expected behaviour, as CPython showed it.
struct Expected {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    exit_code: i32,
}

impl Expected {
    /// Reads the expectation files beside `program`, with `@REPO_ROOT@` replaced by `root`; an
    /// error names what is missing or malformed.
    fn load(program: &Path, root: &Path) -> Result<Expected, String> {
        let root = root.to_str().expect("the repository path is UTF-8");
        let read = |suffix: &str| {
            let path = program.with_extension(suffix);
            fs::read(&path)
                .map(|bytes| replace_bytes(&bytes, ROOT_TOKEN.as_bytes(), root.as_bytes()))
                .map(|bytes| replace_bytes(&bytes, STDLIB_TOKEN.as_bytes(), LIB_DIR.as_bytes()))
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let code_text = String::from_utf8(read("exitcode")?)
            .map_err(|_| "the .exitcode file is not UTF-8".to_string())?;
        let exit_code = code_text
            .trim()
            .parse()
            .map_err(|_| format!("the .exitcode file holds {code_text:?}, not an integer"))?;
        Ok(Expected {
            stdout: read("stdout")?,
            stderr: read("stderr")?,
            exit_code,
        })
    }
}

/// `haystack` with every occurrence of `from` replaced by `to`.
fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = rest.windows(from.len()).position(|w| w == from) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(to);
        rest = &rest[at + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// Runs `interleave run <relative path>` from the repository root, feeding `stdin`, and waits at
/// most `timeout` for it.
fn run_interleave(relative: &str, stdin: Vec<u8>, timeout: Duration) -> Outcome {
    let binary = std::env::var_os("CORPUS_INTERLEAVE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_interleave")));
    let child = Command::new(&binary)
        .arg("run")
        .arg(relative)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
    wait_with_timeout(child, stdin, timeout)
}

/// Feeds `stdin` and drains both output pipes on their own threads (so no pipe can fill up and
/// block the child), polling until the child ends or `timeout` passes.
fn wait_with_timeout(mut child: Child, stdin: Vec<u8>, timeout: Duration) -> Outcome {
    let mut input = child.stdin.take().expect("stdin is piped");
    let feeder = thread::spawn(move || {
        // The program may exit without reading its input; a broken pipe is not an error here.
        let _ = input.write_all(&stdin);
    });
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });

    let deadline = Instant::now() + timeout;
    let end = loop {
        match child.try_wait().expect("waiting on the child works") {
            Some(status) => break End::from_status(status),
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break End::TimedOut(timeout);
            }
            None => thread::sleep(Duration::from_millis(5)),
        }
    };
    let _ = feeder.join();
    Outcome {
        stdout: out_reader.join().expect("the stdout reader does not panic"),
        stderr: err_reader.join().expect("the stderr reader does not panic"),
        end,
    }
}

/// Compares a run with its expectation; `None` when they agree byte for byte, otherwise a
/// readable report of every difference.
fn compare(expected: &Expected, actual: &Outcome) -> Option<String> {
    let mut report = String::new();
    if actual.end != End::Code(expected.exit_code) {
        let _ = writeln!(
            report,
            "  exit: expected exit code {}, got {}",
            expected.exit_code,
            actual.end.describe()
        );
    }
    for (name, want, got) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if want != got {
            let _ = writeln!(report, "  {name} differs (- CPython, + interleave):");
            report.push_str(&line_diff(want, got));
        }
    }
    (!report.is_empty()).then_some(report)
}

/// One line of a diff.
#[derive(Clone, Copy, PartialEq)]
enum Edit<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// A line diff (longest common subsequence) with a little context, capped at `MAX_DIFF_LINES`.
/// Control characters are shown escaped, and a missing final newline is pointed out.
fn line_diff(expected: &[u8], actual: &[u8]) -> String {
    let want = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(actual);
    let a: Vec<&str> = want.split_inclusive('\n').collect();
    let b: Vec<&str> = got.split_inclusive('\n').collect();
    let edits = diff_lines(&a, &b);

    let changed: Vec<usize> = edits
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e, Edit::Same(_)))
        .map(|(i, _)| i)
        .collect();
    let mut shown = BTreeSet::new();
    for &i in &changed {
        shown.extend(i.saturating_sub(CONTEXT_LINES)..=(i + CONTEXT_LINES).min(edits.len() - 1));
    }

    let mut out = String::new();
    let mut previous: Option<usize> = None;
    for (printed, &i) in shown.iter().enumerate() {
        if printed == MAX_DIFF_LINES {
            let _ = writeln!(out, "    ... (diff cut after {MAX_DIFF_LINES} lines)");
            break;
        }
        if previous.is_some_and(|p| p + 1 != i) {
            out.push_str("    ...\n");
        }
        let (mark, line) = match edits[i] {
            Edit::Same(l) => (' ', l),
            Edit::Removed(l) => ('-', l),
            Edit::Added(l) => ('+', l),
        };
        let _ = writeln!(out, "    {mark}{}", show_line(line));
        previous = Some(i);
    }
    out
}

/// The edit script turning `a` into `b`. Falls back to "remove all, add all" past a size at
/// which the quadratic table would be too big (a runaway output is not worth aligning).
fn diff_lines<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    const MAX_CELLS: usize = 4_000_000;
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > MAX_CELLS {
        let mut edits: Vec<Edit> = a.iter().map(|l| Edit::Removed(l)).collect();
        edits.extend(b.iter().map(|l| Edit::Added(l)));
        return edits;
    }
    // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut edits = Vec::with_capacity(n + m);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            edits.push(Edit::Same(a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            edits.push(Edit::Removed(a[i]));
            i += 1;
        } else {
            edits.push(Edit::Added(b[j]));
            j += 1;
        }
    }
    edits
}

/// A line for display: without its newline, control characters escaped, and a marker when
/// the line has no final newline.
fn show_line(line: &str) -> String {
    let (body, newline) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    let mut shown: String = body
        .chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    if !newline {
        shown.push_str("  [no newline at end]");
    }
    shown
}

/// Every file under `dir` (recursively), as paths relative to `dir` with `/` separators, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let entries =
            fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let relative = path.strip_prefix(base).expect("under the base");
                let parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Parses PENDING: one program path (relative to tests/corpus) per line, an optional `#`
/// comment after it; blank lines and comment-only lines are skipped. Returns the entries with
/// their reasons, and problems (duplicates, entries without a reason).
fn parse_pending(text: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let mut entries = BTreeMap::new();
    let mut problems = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let (path, reason) = match raw.split_once('#') {
            Some((path, reason)) => (path.trim(), reason.trim()),
            None => (raw.trim(), ""),
        };
        if path.is_empty() {
            continue;
        }
        if reason.is_empty() {
            problems.push(format!(
                "PENDING line {}: `{path}` needs a `# reason`",
                number + 1
            ));
        }
        if entries
            .insert(path.to_string(), reason.to_string())
            .is_some()
        {
            problems.push(format!(
                "PENDING line {}: `{path}` is listed twice",
                number + 1
            ));
        }
    }
    (entries, problems)
}

fn timeout() -> Duration {
    let secs = std::env::var("CORPUS_TIMEOUT_SECS")
        .ok()
        .map(|s| {
            s.parse()
                .expect("CORPUS_TIMEOUT_SECS is a whole number of seconds")
        })
        .unwrap_or(DEFAULT_TIMEOUT_SECS);
    Duration::from_secs(secs)
}

/// Applies `check` to every program on `WORKERS` threads; the results come back in input order.
fn run_all<T: Send>(programs: &[&String], check: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, T)> = thread::scope(|scope| {
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(relative) = programs.get(i) else {
                            break done;
                        };
                        done.push((i, check(relative)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a corpus worker does not panic"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn corpus_programs_match_cpython() {
    let root = repo_root();
    let corpus = corpus_dir();
    let filter = std::env::var("CORPUS_FILTER")
        .ok()
        .filter(|f| !f.is_empty());
    let verbose = filter.is_some() || std::env::var_os("CORPUS_VERBOSE").is_some();
    let timeout = timeout();

    let files = files_under(&corpus);
    let programs: Vec<&String> = files.iter().filter(|f| f.ends_with(".py")).collect();
    let program_set: BTreeSet<&str> = programs.iter().map(|p| p.as_str()).collect();
    let pending_text = fs::read_to_string(corpus.join("PENDING")).unwrap_or_default();
    let (pending, mut failures) = parse_pending(&pending_text);

    for entry in pending.keys() {
        if !program_set.contains(entry.as_str()) {
            failures.push(format!(
                "PENDING lists `{entry}`, which is not a program in tests/corpus"
            ));
        }
    }
    for file in &files {
        let Some((stem, suffix)) = file.rsplit_once('.') else {
            continue;
        };
        let belongs = EXPECTATION_SUFFIXES.contains(&suffix) || suffix == "stdin";
        if belongs && !program_set.contains(format!("{stem}.py").as_str()) {
            failures.push(format!("`{file}` has no program `{stem}.py` beside it"));
        }
    }

    let selected: Vec<&String> = programs
        .iter()
        .copied()
        .filter(|p| filter.as_ref().is_none_or(|f| p.contains(f.as_str())))
        .collect();
    assert!(
        !selected.is_empty(),
        "no corpus program matches CORPUS_FILTER={:?}",
        filter.unwrap_or_default()
    );

    // Each program's verdict: Ok(None) matches, Ok(Some(report)) differs, Err(why) cannot run.
    let verdicts = run_all(&selected, |relative| {
        let program = corpus.join(relative);
        let expected = Expected::load(&program, &root)
            .map_err(|why| format!("{relative}: {why} (run scripts/bless-corpus)"))?;
        let stdin = fs::read(program.with_extension("stdin")).unwrap_or_default();
        let outcome = run_interleave(&format!("tests/corpus/{relative}"), stdin, timeout);
        Ok(compare(&expected, &outcome))
    });

    let prune = std::env::var_os("CORPUS_PRUNE_PENDING").is_some();
    let mut pruned: Vec<&str> = Vec::new();
    let (mut matched, mut still_pending) = (0, 0);
    for (relative, verdict) in selected.iter().zip(verdicts) {
        let mismatch = match verdict {
            Ok(mismatch) => mismatch,
            Err(why) => {
                failures.push(why);
                continue;
            }
        };
        match (pending.get(relative.as_str()), mismatch) {
            (None, None) => matched += 1,
            (None, Some(report)) => {
                failures.push(format!("{relative}: does not match CPython\n{report}"))
            }
            (Some(_), None) if prune => pruned.push(relative.as_str()),
            (Some(_), None) => failures.push(format!(
                "{relative} now matches CPython: remove it from tests/corpus/PENDING \
                 (CORPUS_PRUNE_PENDING=1 does that)"
            )),
            (Some(reason), Some(report)) => {
                still_pending += 1;
                if verbose {
                    println!("{relative} (pending: {reason}):\n{report}");
                }
            }
        }
    }

    if !pruned.is_empty() {
        let kept: Vec<&str> = pending_text
            .lines()
            .filter(|line| {
                let path = line.split('#').next().unwrap_or("").trim();
                !pruned.contains(&path)
            })
            .collect();
        fs::write(corpus.join("PENDING"), kept.join("\n") + "\n").expect("PENDING is writable");
        println!(
            "removed from PENDING (they match now): {}",
            pruned.join(", ")
        );
        matched += pruned.len();
    }

    println!(
        "corpus: {matched} matched, {still_pending} pending (known not to match yet), {} failures, {} programs run{}",
        failures.len(),
        selected.len(),
        filter
            .map(|f| format!(" (CORPUS_FILTER={f:?})"))
            .unwrap_or_default()
    );
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn running_a_missing_file_is_a_clear_error() {
    let missing = "tests/corpus/no_such_program.py";
    assert!(!repo_root().join(missing).exists());
    let outcome = run_interleave(missing, Vec::new(), timeout());
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    let said = stderr.to_lowercase();
    assert!(
        matches!(outcome.end, End::Code(code) if code != 0),
        "expected a non-zero exit code, got {}; stderr: {stderr}",
        outcome.end.describe()
    );
    assert!(
        outcome.stdout.is_empty(),
        "expected no stdout, got {:?}",
        String::from_utf8_lossy(&outcome.stdout)
    );
    assert!(
        stderr.contains("no_such_program.py"),
        "stderr does not name the file: {stderr:?}"
    );
    assert!(
        [
            "no such file",
            "not found",
            "does not exist",
            "can't open",
            "cannot open"
        ]
        .iter()
        .any(|phrase| said.contains(phrase)),
        "stderr does not say the file is missing: {stderr:?}"
    );
    assert!(!said.contains("panicked"), "the CLI panicked: {stderr:?}");
}

#[test]
fn diff_shows_changed_lines_with_context_and_escapes() {
    let diff = line_diff(b"a\nb\nc\nd\n", b"a\nB\nc\nd\x1b[0m");
    assert_eq!(
        diff,
        "     a\n    -b\n    +B\n     c\n    -d\n    +d\\u{1b}[0m  [no newline at end]\n"
    );
}

#[test]
fn root_token_is_replaced_everywhere() {
    assert_eq!(
        replace_bytes(b"@REPO_ROOT@/a @REPO_ROOT@", b"@REPO_ROOT@", b"/r"),
        b"/r/a /r"
    );
    assert_eq!(replace_bytes(b"none", b"@REPO_ROOT@", b"/r"), b"none");
}

#[test]
fn pending_file_needs_reasons_and_no_duplicates() {
    let (entries, problems) =
        parse_pending("# header\n\na.py  # engine lacks x\nb.py\na.py # again\n");
    assert_eq!(entries.keys().collect::<Vec<_>>(), ["a.py", "b.py"]);
    assert_eq!(entries["a.py"], "again");
    assert_eq!(
        problems,
        [
            "PENDING line 4: `b.py` needs a `# reason`",
            "PENDING line 5: `a.py` is listed twice"
        ]
    );
}
