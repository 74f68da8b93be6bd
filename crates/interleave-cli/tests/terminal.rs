//! `interleave run` at a terminal: the program's reads of stdin wait for typed lines, as with
//! `python3`. The test gives the CLI a pseudo-terminal as its stdin (made by `python3.11`'s
//! `os.openpty`, which the test suite requires anyway) and types into it.

use std::process::Command;

/// Runs `program` with a terminal as its stdin, typing `typed` into the terminal (`\x04` is
/// Ctrl+D), and returns its stdout and stderr.
fn run_at_terminal(program: &str, typed: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("interleave-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("prog{}.py", program.len()));
    std::fs::write(&file, program).unwrap();
    let driver = r#"
import os, subprocess, sys
master, slave = os.openpty()
p = subprocess.Popen([sys.argv[1], "run", sys.argv[2]], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
os.close(slave)
os.write(master, sys.argv[3].encode())
out, err = p.communicate(timeout=60)
sys.stdout.write(out.decode())
sys.stderr.write(err.decode())
"#;
    let out = Command::new("python3.11")
        .args(["-c", driver, env!("CARGO_BIN_EXE_interleave")])
        .arg(&file)
        .arg(typed)
        .output()
        .expect("python3.11 runs");
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (text(out.stdout), text(out.stderr))
}

#[test]
fn input_at_a_terminal_waits_for_typed_lines() {
    let program = "import threading\nname = input('Name? ')\nprint('Hello,', name)\nt = threading.Thread(target=print, args=('from a thread',))\nt.start(); t.join()\nprint(int(input('Number? ')) * 2)\n";
    let (out, err) = run_at_terminal(program, "Ada\n21\n");
    assert_eq!(out, "Name? Hello, Ada\nfrom a thread\nNumber? 42\n", "stderr: {err}");
}

#[test]
fn ctrl_d_at_a_terminal_is_end_of_file() {
    let (out, err) = run_at_terminal("try:\n    input('? ')\nexcept EOFError as e:\n    print('EOF:', e)\n", "\x04");
    assert_eq!(out, "? EOF: EOF when reading a line\n", "stderr: {err}");
}
