//! `interleave`: run a Python program on the Interleave engine, or show its bytecode.
//!
//! `interleave run FILE.py [--seed N] [--stdin FILE] [--max-steps N]` behaves like
//! `python3 FILE.py`: the program's stdout and stderr, and its exit code.
//! `interleave dis FILE.py` prints the bytecode in `dis` layout.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use interleave_machine::{PythonMode, RunResult, Session, Settings, parse_duration, run_program};
use interleave_vm::Stream;

const USAGE: &str = "\
usage: interleave run FILE.py [--seed N] [--cores N] [--python 3.9|3.11|3.13t]
                              [--switch-interval 5ms] [--until 60s] [--max-steps N] [--stdin FILE]
                              [--start-method fork|spawn|forkserver]
       interleave dis FILE.py

  run   run a Python program on the simulated machine (like `python3 FILE.py`)
  dis   print the program's bytecode

options:
  --seed N               seed of every scheduling decision and of unseeded `random` (default 0)
  --cores N              virtual CPU cores (default 4)
  --python MODE          thread switching of CPython 3.9, 3.11 (default) or free-threaded 3.13t
  --switch-interval D    the GIL switch interval, sys.getswitchinterval() (default 5ms)
  --start-method M       multiprocessing's default start method: fork (default), spawn or
                         forkserver
  --until D              stop the program at this much virtual time (default 60s)
  --max-steps N          stop the program after N instructions (default 2000000000)
  --stdin FILE           file to use as the program's standard input (default: this process's
                         stdin; at a terminal, reads wait for typed lines and the machine
                         stands still while they do)
  --trace FILE           write the run's trace (threads, events, lanes, schedule) as JSON
  --timeline             after the run, print a text timeline of the threads on stderr
  --chrome-trace FILE    write the run in Chrome's Trace Event format (opens in Perfetto)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run_cli(&args) {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(msg) => {
            eprintln!("interleave: {msg}");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    file: String,
    config: Settings,
    stdin_file: Option<String>,
    timeline: bool,
    chrome_trace: Option<String>,
    trace: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut config = Settings::default();
    let mut stdin_file = None;
    let mut timeline = false;
    let mut chrome_trace = None;
    let mut trace = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--seed" => config.seed = value("--seed")?.parse().map_err(|_| "--seed must be a whole number".to_string())?,
            "--stdin" => stdin_file = Some(value("--stdin")?),
            "--timeline" => timeline = true,
            "--chrome-trace" => chrome_trace = Some(value("--chrome-trace")?),
            "--trace" => trace = Some(value("--trace")?),
            "--max-steps" => {
                config.max_steps = value("--max-steps")?.parse().map_err(|_| "--max-steps must be a whole number".to_string())?
            }
            "--cores" => {
                config.cores = value("--cores")?.parse().ok().filter(|&n| (1..=256).contains(&n)).ok_or("--cores must be a whole number from 1 to 256")?
            }
            "--python" => {
                let v = value("--python")?;
                config.python = PythonMode::parse(&v).ok_or(format!("--python must be 3.9, 3.11 or 3.13t, not {v}"))?
            }
            "--start-method" => {
                let v = value("--start-method")?;
                if !matches!(v.as_str(), "fork" | "spawn" | "forkserver") {
                    return Err(format!("--start-method must be fork, spawn or forkserver, not {v}"));
                }
                config.start_method = v;
            }
            "--switch-interval" => {
                let v = value("--switch-interval")?;
                config.switch_interval_ns = parse_duration(&v).filter(|&ns| ns > 0).ok_or(format!("--switch-interval: not a duration: {v} (e.g. 5ms)"))?
            }
            "--until" => {
                let v = value("--until")?;
                config.until_ns = parse_duration(&v).ok_or(format!("--until: not a duration: {v} (e.g. 60s)"))?
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => {
                if file.is_some() {
                    return Err(format!("unexpected argument {s}"));
                }
                file = Some(s.to_owned());
            }
        }
    }
    let file = file.ok_or("no program file given")?;
    Ok(Options { file, config, stdin_file, timeline, chrome_trace, trace })
}

fn read_source(file: &str) -> Result<String, i32> {
    match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(_) => {
                eprintln!("SyntaxError: Non-UTF-8 code in file '{file}'");
                Err(1)
            }
        },
        Err(e) => {
            // As CPython: `python3: can't open file '…': [Errno 2] No such file or directory`.
            let errno = e.raw_os_error().unwrap_or(2);
            let text = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                _ => e.to_string(),
            };
            let abs = std::path::absolute(file).map(|p| p.display().to_string()).unwrap_or_else(|_| file.to_owned());
            eprintln!("interleave: can't open file '{abs}': [Errno {errno}] {text}");
            Err(2)
        }
    }
}

fn run_cli(args: &[String]) -> Result<i32, String> {
    let Some(cmd) = args.first() else { return Err("no command given".into()) };
    match cmd.as_str() {
        "run" => {
            let mut opts = parse_options(&args[1..])?;
            let source = match read_source(&opts.file) {
                Ok(s) => s,
                Err(code) => return Ok(code),
            };
            // At a terminal, the program's reads of stdin wait for typed lines, as with
            // `python3`; otherwise stdin (a pipe, a file, `--stdin`) is read whole first.
            let interactive = opts.stdin_file.is_none() && std::io::stdin().is_terminal();
            opts.config.stdin = match &opts.stdin_file {
                Some(path) => std::fs::read(path).map_err(|e| format!("cannot read --stdin file {path}: {e}"))?,
                None if interactive => Vec::new(),
                None => read_own_stdin(),
            };
            // CPython reports the main script by its absolute path (tracebacks, `__file__`).
            let path = std::path::absolute(&opts.file).map(|p| p.display().to_string()).unwrap_or(opts.file.clone());
            let mut shown = Shown::default();
            let result = if interactive {
                run_at_terminal(&source, &path, &opts.config, &mut shown)
            } else {
                run_program(&source, &path, &opts.config)
            };
            write_output(&result.output, &mut shown);
            let mut err = std::io::stderr().lock();
            if opts.timeline {
                let _ = err.write_all(b"\n");
                let _ = err.write_all(interleave_machine::trace::text_timeline(&result.trace, result.end_ns, 72, &result.threads).as_bytes());
            }
            if let Some(path) = &opts.trace {
                std::fs::write(path, result.trace_json(&opts.config)).map_err(|e| format!("cannot write {path}: {e}"))?;
            }
            if let Some(path) = &opts.chrome_trace {
                let json = interleave_machine::trace::chrome_trace(&result.trace, result.end_ns, &result.threads);
                std::fs::write(path, json).map_err(|e| format!("cannot write {path}: {e}"))?;
            }
            Ok(result.exit_code)
        }
        "dis" => {
            let opts = parse_options(&args[1..])?;
            let source = match read_source(&opts.file) {
                Ok(s) => s,
                Err(code) => return Ok(code),
            };
            match interleave_compiler::compile_module(&source, &opts.file) {
                Ok(code) => {
                    print!("{}", interleave_compiler::disassemble(&code, true));
                    Ok(0)
                }
                Err(e) => {
                    eprint!("{}", e.render(&opts.file));
                    Ok(1)
                }
            }
        }
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command {other}")),
    }
}

/// Runs with stdin open on the terminal: when the program waits for input, what it wrote so
/// far is shown and the line typed is given to it (Ctrl+D ends the input). The machine stands
/// still meanwhile, so the run is the one that input given up front would make.
fn run_at_terminal(source: &str, path: &str, settings: &Settings, shown: &mut Shown) -> RunResult {
    let mut session = Session::new(source, path, settings);
    session.keep_stdin_open();
    while session.step().is_none() {
        if session.awaiting_input().is_some() {
            write_output(session.output(), shown);
            let mut line = String::new();
            match std::io::stdin().read_line(&mut line) {
                Ok(n) if n > 0 => session.give_input(&line),
                _ => session.close_stdin(),
            }
        }
    }
    session.into_result()
}

/// How much of a run's output has been written: the machine appends to its last piece while
/// the stream stays the same, so this is a piece and a byte offset in it.
#[derive(Default)]
struct Shown {
    piece: usize,
    offset: usize,
}

/// Writes the program's output after what `shown` says was written, to our stdout and
/// stderr, in order.
fn write_output(output: &[(Stream, String)], shown: &mut Shown) {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    for (i, (stream, text)) in output.iter().enumerate().skip(shown.piece) {
        let text = if i == shown.piece { &text[shown.offset.min(text.len())..] } else { text.as_str() };
        let _ = match stream {
            Stream::Stdout => out.write_all(text.as_bytes()),
            Stream::Stderr => {
                let _ = out.flush();
                err.write_all(text.as_bytes())
            }
        };
    }
    let _ = out.flush();
    if let Some((_, last)) = output.last() {
        *shown = Shown { piece: output.len() - 1, offset: last.len() };
    }
}

/// This process's stdin, read to the end (it is not a terminal).
fn read_own_stdin() -> Vec<u8> {
    use std::io::Read;
    let mut buf = Vec::new();
    let _ = std::io::stdin().lock().read_to_end(&mut buf);
    buf
}
