//! Nested calls: Python code run to completion from Rust (a user `__repr__` inside `print`,
//! `__eq__` inside a dict lookup, a generator advanced by a built-in, an imported module's
//! body). Each one runs `execute` on the Rust stack, so their depth is bounded by
//! `Limits::max_nested_native_calls`; past it, the call raises `RecursionError` with the text
//! CPython uses at that kind of call site.

use crate::interp::Interp;
use crate::native::{Args, PyResult};
use crate::value::Value;

/// What CPython appends to "maximum recursion depth exceeded" at a call from C. Its text
/// depends on whether a C-level check or the Python frame check trips first; the frame
/// check's plain text is the common case for hooks written in Python (`__len__`, `__hash__`…).
pub const PLAIN: &str = "";
/// … at `repr()` of an object (`PyObject_Repr`).
pub const WHILE_REPR: &str = " while getting the repr of an object";
/// … at `str()` of an object (`PyObject_Str`).
pub const WHILE_STR: &str = " while getting the str of an object";
/// … at a rich comparison (`PyObject_RichCompare`).
pub const IN_COMPARISON: &str = " in comparison";

impl Interp {
    /// Fails with `RecursionError` when another nested call would exceed the limit.
    /// `context` is the end of CPython's message (one of the constants above).
    pub(crate) fn check_nested_depth(&mut self, context: &str) -> PyResult<()> {
        let sp = stack_address();
        if self.nested_depth == 0 {
            self.nested_stack_base = sp;
        }
        let used = self.nested_stack_base.saturating_sub(sp);
        if self.nested_depth >= self.limits.max_nested_native_calls || used > self.limits.max_nested_stack_bytes {
            let msg = format!("maximum recursion depth exceeded{context}");
            return Err(self.err(self.t.recursion_error, msg));
        }
        Ok(())
    }

    /// Runs the frames above `floor` to completion as a nested call (the caller has checked
    /// the depth with [`Interp::check_nested_depth`] and pushed the frame).
    pub(crate) fn run_nested(&mut self, floor: usize) -> PyResult<Value> {
        self.nested_depth += 1;
        let r = self.execute(floor);
        self.nested_depth -= 1;
        // Back in the outer loop: its next check must see the scheduler again.
        self.next_check = 0;
        r
    }

    /// `call_nested` with the message for the kind of call site (see the constants above).
    pub fn call_nested_with(&mut self, func: Value, args: Args, context: &str) -> PyResult<Value> {
        self.check_nested_depth(context)?;
        let floor = self.thread().frames.len();
        match self.call_value(func, args, crate::frame::ReturnAction::Nested)? {
            Some(v) => Ok(v),
            None => self.run_nested(floor),
        }
    }
}

/// The address of a local variable: where the Rust stack currently ends (it grows down, on
/// native targets and in wasm's shadow stack alike).
#[inline(never)]
fn stack_address() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}
