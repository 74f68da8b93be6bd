//! What the machine's integration tests share: running a program under the default settings,
//! with a given seed.

use interleave_machine::{RunResult, Settings, run_program};

/// Runs `src` as `/prog.py` with the default settings and scheduler seed `seed`.
pub fn run_seed(src: &str, seed: u64) -> RunResult {
    run_program(src, "/prog.py", &Settings { seed, ..Settings::default() })
}

/// Runs `src` as `/prog.py` with the default settings (seed 0).
pub fn run(src: &str) -> RunResult {
    run_seed(src, 0)
}
