//! Markdown-as-tests: every example and exercise of every lesson in `lessons/` runs on the
//! machine and must meet its expectations; `cpython=exact` examples must also print what real
//! `python3` prints. `LESSONS_FILTER=gil` checks only lessons whose file name contains `gil`.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use interleave_lessons::check::{CpythonRun, check_example_runs, cpython_output, run_seeds, spawn_cpython};
use interleave_lessons::{Example, parse_lesson};

fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
}

fn lesson_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(lessons_dir())
        .expect("lessons/ exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.as_bytes()[0].is_ascii_digit())
        })
        .collect();
    files.sort();
    files
}

/// How many programs run under CPython at once (most lesson programs sleep in real time).
const CPYTHON_AT_ONCE: usize = 3;

/// What CPython printed (stdout, exit code), or why it could not run.
type CpythonResult = Result<(String, i32), String>;

/// How many more times a program whose CPython output differs runs under CPython, alone.
const CPYTHON_RETRIES: usize = 2;

/// Threads checking examples on the machine.
const ENGINE_THREADS: usize = 2;

#[test]
fn every_lesson_example_meets_its_expectations() {
    let filter = std::env::var("LESSONS_FILTER").unwrap_or_default();
    let files = lesson_files();
    assert!(
        !files.is_empty(),
        "no lessons found in {}",
        lessons_dir().display()
    );
    let tmp = std::env::temp_dir().join(format!("interleave-lessons-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut failures = Vec::new();
    let mut lessons = Vec::new();
    for path in files {
        let name = format!("lessons/{}", path.file_name().unwrap().to_string_lossy());
        if !name.contains(&filter) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable lesson");
        match parse_lesson(&name, &text) {
            Ok(l) => lessons.push((name, l)),
            Err(e) => failures.push(e.to_string()),
        }
    }
    let jobs: Vec<(String, &Example)> = lessons
        .iter()
        .flat_map(|(name, l)| l.examples.iter().map(move |ex| (format!("{name}:{}: {}", ex.line, ex.id), ex)))
        .collect();

    let next = AtomicUsize::new(0);
    // CPython runs the `cpython=exact` programs in a thread of its own, a few at a time, while
    // the machine checks every example on the others.
    let (cpython, checked) = std::thread::scope(|scope| {
        let cpython = scope.spawn(|| {
            let mut results: Vec<(usize, CpythonResult)> = Vec::new();
            let mut running: VecDeque<(usize, CpythonRun)> = VecDeque::new();
            for (i, (_, ex)) in jobs.iter().enumerate().filter(|(_, (_, ex))| ex.cpython_exact) {
                if running.len() >= CPYTHON_AT_ONCE {
                    let (j, run) = running.pop_front().expect("a running program");
                    results.push((j, run.finish()));
                }
                let dir = tmp.join(i.to_string());
                std::fs::create_dir_all(&dir).expect("temp dir");
                match spawn_cpython(&ex.code, &ex.id, &dir) {
                    None => return None,
                    Some(Err(e)) => results.push((i, Err(e))),
                    Some(Ok(run)) => running.push_back((i, run)),
                }
            }
            results.extend(running.into_iter().map(|(j, run)| (j, run.finish())));
            Some(results)
        });
        let workers: Vec<_> = (0..ENGINE_THREADS)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((_, ex)) = jobs.get(i) else { break };
                        let runs = run_seeds(&ex.code, &format!("{}.py", ex.id), &ex.run);
                        done.push((i, check_example_runs(ex, &runs), runs));
                    }
                    done
                })
            })
            .collect();
        let mut checked: Vec<_> = workers.into_iter().flat_map(|w| w.join().expect("a checking thread")).collect();
        checked.sort_by_key(|(i, _, _)| *i);
        (cpython.join().expect("the CPython thread"), checked)
    });
    for (i, problems, _) in &checked {
        failures.extend(problems.iter().map(|p| format!("{}: {p}", jobs[*i].0)));
    }
    let mut compared = 0;
    match cpython {
        None => println!("note: python3 not found; skipping the CPython comparisons"),
        Some(mut results) => {
            results.sort_by_key(|(i, _)| *i);
            for (i, result) in results {
                let at = &jobs[i].0;
                match result {
                    Err(e) => failures.push(format!("{at}: {e}")),
                    Ok(mut cpython) => {
                        compared += 1;
                        let runs = &checked[i].2;
                        let differs = |(stdout, exit): &(String, i32)| runs.iter().any(|(_, o)| o.stdout != *stdout || o.exit != *exit);
                        // Programs that print timings can be off under load (they ran beside
                        // others): a program that differs gets up to two more runs on its own.
                        for _ in 0..CPYTHON_RETRIES {
                            if !differs(&cpython) {
                                break;
                            }
                            let ex = jobs[i].1;
                            match cpython_output(&ex.code, &ex.id, &tmp.join(i.to_string())) {
                                Some(Ok(again)) => cpython = again,
                                _ => break,
                            }
                        }
                        let (stdout, exit) = &cpython;
                        for (seed, o) in runs {
                            if o.stdout != *stdout || o.exit != *exit {
                                failures.push(format!(
                                    "{at}: differs from python3 (seed {seed}):\n  python3:    exit {exit}, stdout {stdout:?}\n  interleave: exit {}, stdout {:?}",
                                    o.exit, o.stdout
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    println!("checked {} examples and exercises; {compared} compared with python3", jobs.len());
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
