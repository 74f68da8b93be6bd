//! Markdown-as-tests: every example and exercise of every lesson in `lessons/` runs on the
//! machine and must meet its expectations; `cpython=exact` examples must also print what real
//! `python3` prints. `LESSONS_FILTER=gil` checks only lessons whose file name contains `gil`.

use std::path::{Path, PathBuf};

use interleave_lessons::check::{check_example, cpython_output, run_seeds};
use interleave_lessons::parse_lesson;

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
    let mut checked = 0;
    let mut python_missing = false;
    let mut compared = 0;
    for path in files {
        let name = format!("lessons/{}", path.file_name().unwrap().to_string_lossy());
        if !name.contains(&filter) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable lesson");
        let lesson = match parse_lesson(&name, &text) {
            Ok(l) => l,
            Err(e) => {
                failures.push(e.to_string());
                continue;
            }
        };
        for ex in &lesson.examples {
            checked += 1;
            let at = format!("{name}:{}: {}", ex.line, ex.id);
            for p in check_example(ex) {
                failures.push(format!("{at}: {p}"));
            }
            if !ex.cpython_exact || python_missing {
                continue;
            }
            match cpython_output(&ex.code, &ex.id, &tmp) {
                None => {
                    println!("note: python3 not found; skipping the CPython comparison");
                    python_missing = true;
                }
                Some(Err(e)) => failures.push(format!("{at}: {e}")),
                Some(Ok((stdout, exit))) => {
                    compared += 1;
                    for (seed, o) in run_seeds(&ex.code, &format!("{}.py", ex.id), &ex.run) {
                        if o.stdout != stdout || o.exit != exit {
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
    let _ = std::fs::remove_dir_all(&tmp);
    println!("checked {checked} examples and exercises; {compared} compared with python3");
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
