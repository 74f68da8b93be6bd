//! The messages between the page and the simulation worker. They travel as JSON strings
//! (`postMessage`): the page sends commands, the worker answers with the trace as it grows.
//! The worker is just another client of the engine, like the CLI: everything the page shows
//! comes from these plain-data messages.

use interleave_machine::inspect::ObjectView;
use interleave_machine::trace::{ThreadInfo, TraceEvent};
use interleave_machine::{PythonMode, Settings, parse_duration};
use serde::{Deserialize, Serialize};

/// The settings of a run, with the names and spellings of the CLI flags (`--seed`, `--cores`,
/// `--python`, `--switch-interval`, `--until`): the same names in the UI, share links and
/// lessons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RunConfig {
    pub seed: u64,
    pub cores: u32,
    pub python: String,
    #[serde(rename = "switch-interval")]
    pub switch_interval: String,
    pub until: String,
    #[serde(rename = "start-method")]
    pub start_method: String,
    pub stdin: String,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            seed: 0,
            cores: 4,
            python: "3.11".into(),
            switch_interval: "5ms".into(),
            until: "60s".into(),
            start_method: "fork".into(),
            stdin: String::new(),
        }
    }
}

/// The choices the UI offers for `--python`.
pub const PYTHON_MODES: [&str; 3] = ["3.9", "3.11", "3.13t"];

/// The choices for `--start-method` (multiprocessing's start methods).
pub const START_METHODS: [&str; 3] = ["fork", "spawn", "forkserver"];

impl RunConfig {
    /// The machine settings, or a message naming the setting that is not valid.
    pub fn settings(&self) -> Result<Settings, String> {
        let python = PythonMode::parse(&self.python)
            .ok_or_else(|| format!("python: unknown mode {:?} (3.9, 3.11 or 3.13t)", self.python))?;
        let switch_interval_ns = parse_duration(&self.switch_interval)
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("switch-interval: {:?} is not a duration such as 5ms", self.switch_interval))?;
        let until_ns = parse_duration(&self.until)
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("until: {:?} is not a duration such as 60s", self.until))?;
        if !START_METHODS.contains(&self.start_method.as_str()) {
            return Err(format!("start-method: unknown method {:?} (fork, spawn or forkserver)", self.start_method));
        }
        if !(1..=64).contains(&self.cores) {
            return Err(format!("cores: {} is not between 1 and 64", self.cores));
        }
        Ok(Settings {
            seed: self.seed,
            cores: self.cores,
            python,
            switch_interval_ns,
            until_ns,
            stdin: self.stdin.as_bytes().to_vec(),
            start_method: self.start_method.clone(),
            ..Settings::default()
        })
    }
}

/// How fast a run plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Speed {
    /// A virtual second plays as a wall-clock second.
    RealTime,
    /// Ten virtual seconds per wall-clock second.
    Times10,
    /// As fast as the machine can simulate.
    #[default]
    Max,
}

impl Speed {
    pub const ALL: [Speed; 3] = [Speed::RealTime, Speed::Times10, Speed::Max];

    /// Virtual nanoseconds per wall-clock millisecond, `None` for as fast as possible.
    pub fn virtual_ns_per_ms(self) -> Option<f64> {
        match self {
            Speed::RealTime => Some(1e6),
            Speed::Times10 => Some(1e7),
            Speed::Max => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Speed::RealTime => "1x",
            Speed::Times10 => "10x",
            Speed::Max => "max",
        }
    }

    pub fn parse(s: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// A command from the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum ToWorker {
    /// Start a new run (replacing any run in progress). `paused`: prepare it and wait for
    /// `Resume` or `Step`.
    Run { source: String, filename: String, config: RunConfig, speed: Speed, paused: bool },
    Pause,
    Resume,
    /// Run one round (one scheduling decision and the slice it leads to), then stay paused.
    Step,
    SetSpeed { speed: Speed },
    /// Text the user typed for the program's stdin (a line, with its newline), given while
    /// the run waits for input (or before it does).
    Input { text: String },
    /// The user ended the program's input (Ctrl+D): reads that wait get end of file.
    CloseStdin,
    /// Check an exercise: run `source` over the exercise's seeds and test its expectations.
    Check { example: String, spec: CheckSpec, source: String },
}

/// What an exercise's check runs: its settings and seeds, and its expectations written in the
/// lessons' expectation language. The page sends it, so the worker needs no copy of the
/// lessons (which would add their text to the worker's download).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSpec {
    pub python: String,
    /// Half-open, as `seeds=A..B`.
    pub seeds: (u64, u64),
    pub switch_interval_ns: Option<u64>,
    pub cores: Option<u32>,
    pub until_ns: Option<u64>,
    /// The clauses, `;`-separated (`interleave_lessons::expect::parse` reads them back).
    pub expect: String,
}

impl CheckSpec {
    pub fn of(ex: &interleave_lessons::Example) -> CheckSpec {
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
    pub fn parse(&self) -> Result<(interleave_lessons::lesson::RunSpec, Vec<interleave_lessons::expect::Clause>), String> {
        let python = PythonMode::parse(&self.python).ok_or_else(|| format!("python: unknown mode {:?}", self.python))?;
        let run = interleave_lessons::lesson::RunSpec {
            python,
            seeds: self.seeds.0..self.seeds.1,
            switch_interval_ns: self.switch_interval_ns,
            cores: self.cores,
            until_ns: self.until_ns,
        };
        Ok((run, interleave_lessons::expect::parse(&self.expect)?))
    }
}

/// Where an error points in the program (1-based), for marking it in the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

/// A report from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "msg", rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker has loaded and takes commands.
    Ready,
    /// The run went on: the events since the last report, every thread so far, the virtual
    /// time the page may show (`live_ns`; at real-time speed it trails the simulation), and
    /// each live thread's line.
    Progress {
        events: Vec<TraceEvent>,
        threads: Vec<ThreadInfo>,
        live_ns: u64,
        steps: u64,
        lines: Vec<(usize, u32)>,
        /// The main module's synchronisation objects and plain globals now.
        objects: Vec<ObjectView>,
        /// Each live thread's call stack (function, line), outermost first; only when paused.
        stacks: Vec<(usize, Vec<(String, u32)>)>,
        paused: bool,
        /// The thread whose read of stdin waits for the user's input: the machine stands still
        /// (no virtual time passes) until `Input` or `CloseStdin`.
        awaiting_input: Option<usize>,
    },
    /// The run is over. `error` locates a syntax error (the traceback of a runtime error is
    /// in the output).
    Finished {
        events: Vec<TraceEvent>,
        threads: Vec<ThreadInfo>,
        end_ns: u64,
        steps: u64,
        exit_code: i32,
        error: Option<Diagnostic>,
        objects: Vec<ObjectView>,
    },
    /// The result of `Check`: what failed (empty: solved).
    Checked { example: String, failures: Vec<String> },
    /// The command could not be carried out (for example a setting is not valid).
    Failed { message: String },
}

impl ToWorker {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("commands serialise")
    }
}

impl FromWorker {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("reports serialise")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_expectation_survives_the_trip_to_the_worker() {
        let mut n = 0;
        for entry in crate::lessons::lessons() {
            for ex in &entry.lesson.examples {
                let spec = CheckSpec::of(ex);
                let json = serde_json::to_string(&spec).unwrap();
                let back: CheckSpec = serde_json::from_str(&json).unwrap();
                let (run, clauses) = back.parse().unwrap_or_else(|e| panic!("{}/{}: {e}", entry.slug, ex.id));
                assert_eq!(clauses, ex.expect, "{}/{}", entry.slug, ex.id);
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
