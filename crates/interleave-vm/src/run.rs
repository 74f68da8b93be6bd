//! Running a whole program: compile, execute as `__main__`, and turn the outcome into what a
//! terminal shows (output streams and exit code), as `python3 FILE` would.

use std::rc::Rc;

use crate::interp::{Interp, RunOutcome, Stream};
use crate::limits::Limits;
use crate::native::RunStop;
use crate::object::Obj;
use crate::value::Value;

/// Exit code of a run stopped by a resource limit (as `timeout(1)` uses).
pub const LIMIT_EXIT_CODE: i32 = 124;
/// Exit code of a run stopped by an internal VM error.
pub const INTERNAL_EXIT_CODE: i32 = 70;

/// Settings of one run.
#[derive(Clone, Debug, Default)]
pub struct RunConfig {
    pub seed: u64,
    pub stdin: Vec<u8>,
    pub limits: Limits,
}

/// What a run printed and how it ended.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// Output in the order it was written, by stream.
    pub output: Vec<(Stream, String)>,
    pub exit_code: i32,
    /// Instructions executed.
    pub steps: u64,
}

impl RunResult {
    pub fn stdout(&self) -> String {
        self.stream(Stream::Stdout)
    }

    pub fn stderr(&self) -> String {
        self.stream(Stream::Stderr)
    }

    fn stream(&self, s: Stream) -> String {
        self.output.iter().filter(|(k, _)| *k == s).map(|(_, t)| t.as_str()).collect()
    }
}

/// Compiles and runs `source` as the main program `filename`.
pub fn run_program(source: &str, filename: &str, config: &RunConfig) -> RunResult {
    let code = match interleave_compiler::compile_module(source, filename) {
        Ok(c) => c,
        Err(e) => {
            return RunResult { output: vec![(Stream::Stderr, e.render(filename))], exit_code: 1, steps: 0 };
        }
    };
    let mut interp = Interp::new(config.limits.clone(), config.seed);
    interp.main_file = filename.to_owned();
    interp.stdin = config.stdin.clone();
    interp.sources.insert(Rc::from(filename), Rc::from(source));
    let outcome = interp.run_main(code);
    let exit_code = finish(&mut interp, outcome);
    RunResult { output: std::mem::take(&mut interp.output), exit_code, steps: interp.steps }
}

/// Reports the outcome on stderr as CPython would and returns the exit code.
fn finish(interp: &mut Interp, outcome: RunOutcome) -> i32 {
    match outcome {
        RunOutcome::Finished => 0,
        RunOutcome::Raised(e) => report_exception(interp, e),
        RunOutcome::Stopped(stop) => report_stop(interp, &stop),
    }
}

/// An exception escaped the main module: print it as CPython does (or exit quietly with the
/// code of a `SystemExit`) and return the exit code.
pub fn report_exception(interp: &mut Interp, e: crate::value::ObjRef) -> i32 {
    if interp.isinstance(&Value::Obj(e), interp.t.system_exit) {
        return system_exit_code(interp, e);
    }
    let text = interp.format_exception(e);
    interp.write(Stream::Stderr, &text);
    1
}

/// The run stopped for a reason Python cannot catch: say why on stderr, return the exit code.
pub fn report_stop(interp: &mut Interp, stop: &RunStop) -> i32 {
    let (msg, code) = match stop {
        RunStop::Exit(c) => return *c,
        RunStop::StepLimit(n) => (
            format!("interleave: the program was stopped after {n} steps (step limit; raise it with --max-steps)\n"),
            LIMIT_EXIT_CODE,
        ),
        RunStop::OutOfMemory => ("interleave: the program ran out of memory\n".into(), LIMIT_EXIT_CODE),
        RunStop::Internal(m) => (format!("interleave: internal error: {m}\n"), INTERNAL_EXIT_CODE),
    };
    interp.write(Stream::Stderr, &msg);
    code
}

/// `SystemExit(code)`: None → 0, an int → that, anything else is printed and gives 1.
pub fn system_exit_code(interp: &mut Interp, e: crate::value::ObjRef) -> i32 {
    let args = interp.exc_args(e);
    match args.first() {
        None | Some(Value::None) => 0,
        Some(Value::Int(i)) => *i as i32,
        Some(Value::Bool(b)) => *b as i32,
        Some(other) => {
            let other = other.clone();
            let s = interp.to_str(&other).unwrap_or_default();
            interp.write(Stream::Stderr, &format!("{s}\n"));
            let _ = Obj::Cell(Value::None);
            1
        }
    }
}
