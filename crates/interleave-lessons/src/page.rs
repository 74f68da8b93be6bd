//! A lesson as the web page shows it: what the exporter (`export`, at build time) writes to
//! `lessons/NN-x.json` and the page reads back when the lesson opens. Prose is already HTML,
//! so the page needs neither this crate's parser nor a Markdown renderer.

use interleave_machine::PythonMode;
use serde::{Deserialize, Serialize};

use crate::expect::{self, Clause};
use crate::lesson::{Example, RunSpec};

/// One lesson, both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    /// The file name without `.md` (`02-gil`).
    pub slug: String,
    /// In the file's order (`en`, then `zh`).
    pub sections: Vec<PageSection>,
    /// Every example and exercise, in the order the file defines them.
    pub examples: Vec<PageExample>,
}

impl LessonPage {
    /// The section in `lang`, falling back to English.
    pub fn section(&self, lang: &str) -> Option<&PageSection> {
        let s = &self.sections;
        s.iter().find(|s| s.lang == lang).or_else(|| s.iter().find(|s| s.lang == "en"))
    }

    pub fn example(&self, id: &str) -> Option<&PageExample> {
        self.examples.iter().find(|e| e.id == id)
    }
}

/// One language's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSection {
    pub lang: String,
    pub title: String,
    /// The text in reading order.
    pub chunks: Vec<Chunk>,
}

impl PageSection {
    /// The first example this section shows (the one the workbench opens with).
    pub fn first_example(&self) -> Option<&str> {
        self.chunks.iter().find_map(|c| match c {
            Chunk::Example(id) => Some(id.as_str()),
            Chunk::Html(_) => None,
        })
    }
}

/// A piece of a section, in reading order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chunk {
    /// Prose, rendered to HTML by the exporter (raw HTML in the Markdown dropped).
    Html(String),
    /// The card of an example or exercise (by id), where the Markdown has its directive.
    Example(String),
}

/// An example or exercise: what its card shows and what the workbench runs and checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageExample {
    pub id: String,
    /// The code (for an exercise: the starter).
    pub code: String,
    /// The expected output shown under the code, if the lesson gives one.
    pub output: Option<String>,
    /// `Some` for an exercise.
    pub solution: Option<String>,
    /// Its run settings and expectations (the workbench runs its first seed).
    pub check: CheckSpec,
}

impl PageExample {
    pub fn of(ex: &Example) -> PageExample {
        PageExample {
            id: ex.id.clone(),
            code: ex.code.clone(),
            output: ex.output.clone(),
            solution: ex.solution.clone(),
            check: CheckSpec::of(ex),
        }
    }
}

/// What an exercise's check runs: its settings and seeds, and its expectations written in the
/// lessons' expectation language. The page sends it to the worker, so the worker needs no
/// copy of the lessons (which would add their text to the worker's download).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSpec {
    pub python: String,
    /// Half-open, as `seeds=A..B`.
    pub seeds: (u64, u64),
    pub switch_interval_ns: Option<u64>,
    pub cores: Option<u32>,
    pub until_ns: Option<u64>,
    /// The clauses, `;`-separated (`expect::parse` reads them back).
    pub expect: String,
}

impl CheckSpec {
    pub fn of(ex: &Example) -> CheckSpec {
        let r = &ex.run;
        CheckSpec {
            python: r.python.name().into(),
            seeds: (r.seeds.start, r.seeds.end),
            switch_interval_ns: r.switch_interval_ns,
            cores: r.cores,
            until_ns: r.until_ns,
            expect: ex.expect.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; "),
        }
    }

    /// The run and the clauses back, or what is wrong with them.
    pub fn parse(&self) -> Result<(RunSpec, Vec<Clause>), String> {
        let python = PythonMode::parse(&self.python)
            .ok_or_else(|| format!("python: unknown mode {:?}", self.python))?;
        let run = RunSpec {
            python,
            seeds: self.seeds.0..self.seeds.1,
            switch_interval_ns: self.switch_interval_ns,
            cores: self.cores,
            until_ns: self.until_ns,
        };
        Ok((run, expect::parse(&self.expect)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_lesson;

    #[test]
    fn every_lesson_expectation_survives_the_trip_to_the_worker() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons");
        let mut n = 0;
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if !name.ends_with(".md") || !name.as_bytes()[0].is_ascii_digit() {
                continue;
            }
            let lesson = parse_lesson(&name, &std::fs::read_to_string(&path).unwrap()).unwrap();
            for ex in &lesson.examples {
                let spec = CheckSpec::of(ex);
                let back: CheckSpec = serde_json::from_str(&serde_json::to_string(&spec).unwrap()).unwrap();
                let (run, clauses) = back.parse().unwrap_or_else(|e| panic!("{name}/{}: {e}", ex.id));
                assert_eq!(clauses, ex.expect, "{name}/{}", ex.id);
                assert_eq!((run.python, run.seeds.clone(), run.cores), (ex.run.python, ex.run.seeds.clone(), ex.run.cores));
                assert_eq!((run.switch_interval_ns, run.until_ns), (ex.run.switch_interval_ns, ex.run.until_ns));
                n += 1;
            }
        }
        assert!(n > 100, "only {n} examples");
    }

    #[test]
    fn a_broken_check_spec_is_an_error_not_a_pass() {
        let spec = CheckSpec { python: "2.7".into(), seeds: (0, 1), switch_interval_ns: None, cores: None, until_ns: None, expect: "stdout == 'x'".into() };
        assert!(spec.parse().unwrap_err().contains("2.7"));
        let spec = CheckSpec { python: "3.11".into(), expect: "stdout ==".into(), ..spec };
        assert!(spec.parse().is_err());
    }
}
