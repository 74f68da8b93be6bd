//! `export-lessons [LESSONS_DIR] OUT_DIR`: renders every lesson (`LESSONS_DIR`, default
//! `lessons`) to `OUT_DIR/<slug>.json`, the files the web page fetches when a lesson opens.
//! Trunk runs it before each build (`Trunk.toml`, `pre_build` hook).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (lessons, out) = match &args[..] {
        [out] => ("lessons", out.as_str()),
        [lessons, out] => (lessons.as_str(), out.as_str()),
        _ => {
            eprintln!("usage: export-lessons [LESSONS_DIR] OUT_DIR");
            return ExitCode::from(2);
        }
    };
    match interleave_lessons::export::export_dir(Path::new(lessons), Path::new(out)) {
        Ok(slugs) => {
            println!("export-lessons: {} lessons → {out}", slugs.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export-lessons: {e}");
            ExitCode::FAILURE
        }
    }
}
