//! The evaluation loop: executes instructions of the current thread's top frame until the
//! frame stack drops to a floor, an uncaught exception escapes, or the run must stop.

use std::rc::Rc;

use interleave_compiler::{Code, Instr};

use crate::frame::{Frame, ResumeMode, ReturnAction};
use crate::interp::Interp;
use crate::native::{Flow, PyResult, RunStop, Suspend, SwitchReason};
use crate::value::{ObjRef, Value};

/// How a run of the main module ended.
pub enum RunOutcome {
    /// The module finished normally.
    Finished,
    /// An exception escaped the module.
    Raised(ObjRef),
    /// The run stopped for a reason Python cannot catch.
    Stopped(Rc<RunStop>),
}

/// What an instruction asks of the loop after it ran.
pub(super) enum Next {
    Continue,
    /// The top frame returned this value.
    Return(Value),
    /// The top frame (a generator) yielded this value.
    Yield(Value),
}

impl Interp {
    /// Runs `code` as the `__main__` module of this process.
    pub fn run_main(&mut self, code: Rc<Code>) -> RunOutcome {
        let globals = self.main_namespace(&code);
        match self.run_module_code(code, globals) {
            Ok(_) => RunOutcome::Finished,
            Err(Flow::Exc(e)) => RunOutcome::Raised(e),
            Err(Flow::Stop(s)) => RunOutcome::Stopped(s),
            Err(Flow::TailCall(_)) => RunOutcome::Stopped(Rc::new(RunStop::Internal("stray tail call".into()))),
            Err(Flow::Suspend(_)) => RunOutcome::Stopped(Rc::new(RunStop::Internal("suspended without a scheduler".into()))),
        }
    }

    /// Creates the `__main__` module for `code` and returns its namespace.
    pub(crate) fn main_namespace(&mut self, code: &Code) -> ObjRef {
        let (module, globals) = self.new_module("__main__");
        self.set_item_str(self.modules, "__main__", module);
        let builtins_mod = self.dict_get_str(self.modules, "builtins").unwrap_or(Value::None);
        self.set_item_str(globals, "__builtins__", builtins_mod);
        let file = self.intern(&code.filename);
        self.set_item_str(globals, "__file__", file);
        self.set_item_str(globals, "__doc__", Value::None);
        globals
    }

    /// Pushes a frame that runs a module body with `globals` as its namespace.
    pub(crate) fn push_module_frame(&mut self, code: Rc<Code>, globals: ObjRef, on_return: ReturnAction) {
        let values = self.code_values(&code);
        let nslots = code.varnames.len() + code.ncells();
        let th = self.thread();
        let base = th.stack.len();
        th.stack.resize(base + nslots, Value::Null);
        th.frames.push(Frame {
            code,
            values,
            ip: 0,
            base,
            ret_to: base,
            blocks: Vec::new(),
            globals,
            locals: Some(globals),
            func: None,
            on_return,
        });
    }

    /// Executes a module body with `globals` as its namespace, to completion (nested).
    pub fn run_module_code(&mut self, code: Rc<Code>, globals: ObjRef) -> PyResult<Value> {
        self.check_nested_depth(super::PLAIN)?;
        self.push_module_frame(code, globals, ReturnAction::Nested);
        let floor = self.thread().frames.len() - 1;
        self.run_nested(floor)
    }

    /// Calls `func(*args)` from Rust and runs it to completion on the current thread.
    pub fn call_nested(&mut self, func: Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_nested_args(func, crate::native::Args::new(args))
    }

    pub fn call_nested_args(&mut self, func: Value, args: crate::native::Args) -> PyResult<Value> {
        self.call_nested_with(func, args, super::PLAIN)
    }

    /// Resolves a result that may be a tail call into a value, running the call nested.
    pub fn nested(&mut self, r: PyResult<Value>) -> PyResult<Value> {
        match r {
            Err(Flow::TailCall(tc)) => {
                let (f, args) = *tc;
                self.call_nested(f, args)
            }
            other => other,
        }
    }

    /// Runs until the frame stack is back to `floor` frames; returns the value the frame at
    /// `floor` returned (or yielded, for a generator resumed from Rust).
    pub(crate) fn execute(&mut self, floor: usize) -> PyResult<Value> {
        loop {
            // The common simple instructions run here without the general dispatch.
            self.run_fast(floor);
            let cur = self.cur;
            let th = &mut self.threads[cur];
            let Some(frame) = th.frames.last_mut() else {
                return Err(self.internal("no frame to execute"));
            };
            let Some(&instr) = frame.code.instrs.get(frame.ip) else {
                return Err(self.internal("instruction pointer out of range"));
            };
            let cost = u64::from(frame.values.costs[frame.ip]);
            if self.steps >= self.next_check {
                // The rare path, before the instruction runs: limits, the collector, and the
                // scheduler's switch points.
                let ip = frame.ip;
                if let Some(flow) = self.checkpoint(instr, ip) {
                    return Err(flow);
                }
                let frame = self.threads[cur].frames.last_mut().expect("frame");
                frame.ip += 1;
                self.steps += 1;
                self.cpu_ns += cost;
            } else {
                frame.ip += 1;
                self.steps += 1;
                self.cpu_ns += cost;
            }
            let result = if self.out_of_memory {
                self.out_of_memory = false;
                Err(self.memory_error())
            } else {
                self.step(instr)
            };
            if !self.events.is_empty() {
                // A built-in reported an event: check before the next instruction.
                self.next_check = 0;
            }
            let next = match result {
                Ok(n) => n,
                Err(Flow::TailCall(tc)) => {
                    let (f, args) = *tc;
                    let action = match instr {
                        Instr::StoreAttr(_) | Instr::StoreSubscr | Instr::DeleteAttr(_) | Instr::DeleteSubscr => {
                            ReturnAction::Discard
                        }
                        _ => ReturnAction::Push,
                    };
                    match self.call_value(f, crate::native::Args::new(args), action.clone()) {
                        Ok(Some(v)) => {
                            if let Err(e) = self.apply_action(action, v) {
                                self.handle_error(e, floor)?;
                            }
                            Next::Continue
                        }
                        Ok(None) => Next::Continue,
                        Err(e) => {
                            self.handle_error(e, floor)?;
                            Next::Continue
                        }
                    }
                }
                Err(e) => {
                    self.handle_error(e, floor)?;
                    Next::Continue
                }
            };
            match next {
                Next::Continue => {}
                Next::Return(v) => {
                    if let Some(v) = self.finish_frame(v, floor)? {
                        return Ok(v);
                    }
                }
                Next::Yield(v) => {
                    if let Some(v) = self.yield_frame(v, floor)? {
                        return Ok(v);
                    }
                }
            }
        }
    }

    /// The checks the loop makes only when `steps` reaches `next_check`: the step limit and the
    /// collector every 1024 steps, and (when the scheduler runs this thread, not nested) the
    /// slice budget, pending events, and the eval-breaker check point for a drop request.
    /// Returns the flow that must end the loop, and sets the next `next_check`.
    fn checkpoint(&mut self, instr: Instr, ip: usize) -> Option<Flow> {
        if self.steps >= self.gc_check {
            self.gc_check = self.steps + 1024;
            if self.steps > self.limits.max_steps {
                return Some(Flow::Stop(Rc::new(RunStop::StepLimit(self.limits.max_steps))));
            }
            self.maybe_collect();
        }
        let scheduled = self.slice.active && self.nested_depth == 0;
        if scheduled {
            if self.steps >= self.slice.end_step || self.cpu_ns >= self.slice.end_ns {
                return Some(Flow::Suspend(Suspend::Switch(SwitchReason::Budget)));
            }
            if !self.events.is_empty() {
                return Some(Flow::Suspend(Suspend::Switch(SwitchReason::Event)));
            }
            if self.slice.drop_request && (self.slice.check_every_instruction || ip == 0 || is_backward_jump(instr, ip)) {
                return Some(Flow::Suspend(Suspend::Switch(SwitchReason::DropRequest)));
            }
        }
        self.next_check = if scheduled && self.slice.drop_request {
            // Waiting for a check point: look at every instruction.
            self.steps + 1
        } else if scheduled {
            // No instruction costs more than MAX_COST_NS: the time budget cannot run out
            // before this many more instructions.
            let by_time = (self.slice.end_ns - self.cpu_ns) / crate::interp::cost::MAX_COST_NS;
            self.gc_check.min(self.slice.end_step).min(self.steps + by_time.max(1))
        } else {
            self.gc_check
        };
        None
    }

    /// Routes an error raised by an instruction: exceptions unwind (returning `Err` only if
    /// they escape below `floor`), stops and suspensions propagate. A thread cannot block
    /// inside a call made from Rust (the Rust caller cannot be suspended): that becomes a
    /// `RuntimeError`.
    fn handle_error(&mut self, e: Flow, floor: usize) -> PyResult<()> {
        match e {
            Flow::Exc(exc) => self.unwind(exc, floor, true),
            Flow::Suspend(Suspend::Block(_)) if self.nested_depth > 0 || !self.slice.active => {
                let msg = "a blocking call (lock, sleep, join…) inside a call made by a built-in \
                           (such as __repr__ called by print, or a sort key) is not supported by Interleave";
                let e = self.new_exception_msg(self.t.runtime_error, msg);
                self.unwind(e, floor, true)
            }
            other => Err(other),
        }
    }

    /// Pops the top frame after it returned `v`, delivering `v` as its return action says.
    /// Returns `Some(v)` when the loop at `floor` is done.
    fn finish_frame(&mut self, v: Value, floor: usize) -> PyResult<Option<Value>> {
        let th = self.thread();
        let Some(frame) = th.frames.last_mut() else { return Err(self.internal("return without frame")) };
        // Take what is needed and drop the frame where it lies (cheaper than moving it out).
        let (ret_to, on_return) = (frame.ret_to, std::mem::replace(&mut frame.on_return, ReturnAction::Discard));
        let depth = th.frames.len() - 1;
        th.frames.truncate(depth);
        th.stack.truncate(ret_to);
        let done = depth <= floor;
        match on_return {
            ReturnAction::Nested => return Ok(Some(v)),
            ReturnAction::Discard if done => return Ok(Some(v)),
            ReturnAction::Generator { generator, mode } => {
                self.gen_frame_ended(generator);
                match mode {
                    ResumeMode::Next | ResumeMode::Nested => {
                        let exc = self.stop_iteration(v);
                        if done {
                            return Err(Flow::Exc(exc));
                        }
                        // Raised by the caller's `next()`: fresh there (it gets a context).
                        self.unwind(exc, floor, true)?;
                    }
                    ResumeMode::ForIter { target } => {
                        let th = self.thread();
                        th.stack.pop();
                        if let Some(f) = th.frames.last_mut() {
                            f.ip = target as usize;
                        }
                    }
                    ResumeMode::YieldFrom => {
                        let th = self.thread();
                        th.stack.pop();
                        th.stack.push(v);
                    }
                }
            }
            action => {
                if let Err(e) = self.apply_action(action, v) {
                    self.handle_error(e, floor)?;
                }
            }
        }
        Ok(None)
    }

    /// Delivers a completed call's value according to `action` (on the current top frame).
    pub(crate) fn apply_action(&mut self, action: ReturnAction, v: Value) -> PyResult<()> {
        match action {
            ReturnAction::Push | ReturnAction::ForIterNext { .. } => self.thread().stack.push(v),
            ReturnAction::Discard | ReturnAction::Nested => {}
            ReturnAction::RetryWith { depth } => {
                let th = self.thread();
                let at = th.stack.len() - depth;
                th.stack.insert(at, v);
                if let Some(f) = th.frames.last_mut() {
                    f.ip -= 1;
                }
            }
            ReturnAction::Init(inst) => {
                if !v.is_none() {
                    let msg = format!("__init__() should return None, not '{}'", self.type_name(&v));
                    return Err(self.err(self.t.type_error, msg));
                }
                self.thread().stack.push(inst);
            }
            ReturnAction::ClassBody { name, bases, ns } => {
                let cls = self.finish_class(name, bases, ns, v)?;
                self.thread().stack.push(cls);
            }
            ReturnAction::Generator { .. } => return Err(self.internal("generator action applied directly")),
        }
        Ok(())
    }

}

/// Is `instr` a jump to an earlier (or the same) instruction — a loop edge, where CPython
/// 3.10+ checks the eval breaker?
fn is_backward_jump(instr: Instr, ip: usize) -> bool {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::PopJumpIfNone(t)
        | Instr::PopJumpIfNotNone(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t) => (t as usize) <= ip,
        _ => false,
    }
}
