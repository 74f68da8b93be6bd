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

/// What an exercise's check runs (settings, seeds, expectations). It comes with the lesson's
/// data, and the page sends it to the worker, so the worker needs no copy of the lessons.
pub use interleave_lessons::page::CheckSpec;

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
