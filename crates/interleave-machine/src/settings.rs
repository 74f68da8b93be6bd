//! The settings of a run. Each has one name used everywhere: CLI flag, share link, UI, lessons.

/// Which CPython's thread-switching behaviour to reproduce (`--python`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PythonMode {
    /// CPython ≤ 3.9: the eval breaker is checked between (almost) every pair of instructions,
    /// so a GIL switch can split `total += 1`.
    Py39,
    /// CPython 3.10+ (the default, as the installed 3.11): the eval breaker is checked only at
    /// backward jumps and function starts.
    #[default]
    Py311,
    /// Free-threaded CPython 3.13t: no GIL; threads run in parallel on the virtual cores.
    Py313t,
}

impl PythonMode {
    pub fn parse(s: &str) -> Option<PythonMode> {
        match s {
            "3.9" => Some(PythonMode::Py39),
            "3.11" => Some(PythonMode::Py311),
            "3.13t" => Some(PythonMode::Py313t),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PythonMode::Py39 => "3.9",
            PythonMode::Py311 => "3.11",
            PythonMode::Py313t => "3.13t",
        }
    }
}

/// Settings of one run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Seed of every scheduling decision and of unseeded `random` (`--seed`).
    pub seed: u64,
    /// Virtual CPU cores (`--cores`).
    pub cores: u32,
    /// `--python`.
    pub python: PythonMode,
    /// `sys.getswitchinterval()` at start, in nanoseconds (`--switch-interval`, default 5 ms).
    pub switch_interval_ns: u64,
    /// Virtual-time limit in nanoseconds (`--until`, default 60 s).
    pub until_ns: u64,
    /// Instruction limit (`--max-steps`).
    pub max_steps: u64,
    /// The program's standard input.
    pub stdin: Vec<u8>,
    /// `multiprocessing`'s default start method: `fork`, `spawn` or `forkserver`
    /// (`--start-method`, default `fork` as CPython 3.11 on Linux).
    pub start_method: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seed: 0,
            cores: 4,
            python: PythonMode::default(),
            switch_interval_ns: 5_000_000,
            until_ns: 60_000_000_000,
            max_steps: interleave_vm::Limits::default().max_steps,
            stdin: Vec::new(),
            start_method: "fork".to_string(),
        }
    }
}

/// Parses a duration such as `5ms`, `60s`, `1.5s`, `200us`, `100ns` into nanoseconds.
pub fn parse_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let n: f64 = num.parse().ok()?;
    let scale = match unit {
        "ns" => 1.0,
        "us" | "µs" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        "m" | "min" => 60e9,
        _ => return None,
    };
    let v = n * scale;
    (v.is_finite() && v >= 0.0).then_some(v.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("5ms"), Some(5_000_000));
        assert_eq!(parse_duration("60s"), Some(60_000_000_000));
        assert_eq!(parse_duration("1.5s"), Some(1_500_000_000));
        assert_eq!(parse_duration("200us"), Some(200_000));
        assert_eq!(parse_duration("2"), Some(2_000_000_000));
        assert_eq!(parse_duration("fast"), None);
        assert_eq!(parse_duration("-1s"), None);
    }

    #[test]
    fn modes_round_trip_their_names() {
        for m in [PythonMode::Py39, PythonMode::Py311, PythonMode::Py313t] {
            assert_eq!(PythonMode::parse(m.name()), Some(m));
        }
        assert_eq!(PythonMode::parse("3.12"), None);
    }
}
