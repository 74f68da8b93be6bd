//! The program's standard input.
//!
//! Reading stdin is a blocking system call, and CPython releases the GIL around it
//! (`Py_BEGIN_ALLOW_THREADS` in `_io.FileIO.read`). So every read suspends its thread once
//! (`Wait::Input`: the machine lets a thread waiting for the GIL take it) and then runs again,
//! whether the input is there already or not.
//!
//! The same suspension lets an interactive client type the input while the run is under way.
//! While stdin is open (`Interp::stdin_open`), a read that finds too little suspends again, and
//! the machine stands still until its client gives more or closes stdin (see
//! `Session::awaiting_input`). No virtual time passes while it waits, and the read then goes on
//! exactly as if the text had been given before the run: a run with typed input is the same run
//! as one given all of it up front.

use crate::native::{Flow, PyResult, Suspend, Wait};

use super::{Interp, Record};

/// How much of stdin a read needs before it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdinNeed {
    /// A whole line (`input()`, `readline()`, iteration).
    Line,
    /// Everything up to end of file (`read()`, `readlines()`).
    All,
    /// This many characters, or fewer at end of file (`read(n)`).
    Chars(usize),
}

/// The length in bytes of the first `n` characters of `bytes` (all of them if fewer), or
/// `None` if they may be cut off: fewer than `n` whole characters.
fn chars_len(bytes: &[u8], n: usize) -> Option<usize> {
    let text = String::from_utf8_lossy(bytes);
    let mut seen = 0;
    let mut len = 0;
    for c in text.chars().take(n) {
        seen += 1;
        len += c.len_utf8();
    }
    (seen == n).then_some(len.min(bytes.len()))
}

impl Interp {
    /// Whether stdin holds what `need` asks for, or is closed (the read then returns what is
    /// left, perhaps nothing: end of file).
    pub fn stdin_has(&self, need: StdinNeed) -> bool {
        if !self.stdin_open {
            return true;
        }
        match need {
            StdinNeed::Line => self.stdin[self.stdin_pos.min(self.stdin.len())..].contains(&b'\n'),
            StdinNeed::All => false,
            StdinNeed::Chars(n) => chars_len(&self.stdin[self.stdin_pos.min(self.stdin.len())..], n).is_some(),
        }
    }

    /// Whether a read by thread `tid` is waiting for input that has not come yet.
    pub fn waits_for_input(&self, tid: usize) -> bool {
        let th = &self.threads[tid];
        !th.done && th.stdin_wait.is_some_and(|need| !self.stdin_has(need))
    }

    /// Whether the current thread is running a read of stdin again (its prompt, if any, is
    /// already written).
    pub fn stdin_read_again(&self) -> bool {
        self.threads[self.cur].stdin_wait.is_some()
    }

    /// Reads what `need` asks for from stdin, with its line end; "" at end of file. Under the
    /// machine, the call suspends (`Wait::Input`) and runs again, as described above; inside a
    /// call made by a built-in it cannot suspend, and reads what there is.
    pub fn read_stdin(&mut self, need: StdinNeed) -> PyResult<String> {
        let cur = self.cur;
        if self.slice.active && self.nested_depth == 0 {
            if self.threads[cur].stdin_wait.is_none() || !self.stdin_has(need) {
                self.threads[cur].stdin_wait = Some(need);
                return Err(Flow::Suspend(Suspend::Block(Wait::Input)));
            }
            self.threads[cur].stdin_wait = None;
        }
        let rest = &self.stdin[self.stdin_pos.min(self.stdin.len())..];
        let n = match need {
            StdinNeed::Line => rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1),
            StdinNeed::All => rest.len(),
            StdinNeed::Chars(n) => chars_len(rest, n).unwrap_or(rest.len()),
        };
        let text = String::from_utf8_lossy(&rest[..n]).into_owned();
        self.stdin_pos += n;
        if !text.is_empty() {
            let t = self.now_ns();
            self.records.push(Record::Input { t, thread: cur, text: text.clone() });
        }
        Ok(text)
    }

    /// Appends `text` to stdin (an interactive client typed it).
    pub fn give_input(&mut self, text: &str) {
        self.stdin.extend_from_slice(text.as_bytes());
    }
}
