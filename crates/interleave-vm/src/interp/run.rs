//! The evaluation loop: executes instructions of the current thread's top frame until the
//! frame stack drops to a floor, an uncaught exception escapes, or the run must stop.

use std::rc::Rc;

use interleave_compiler::{Code, Instr};

use crate::frame::{Block, BlockKind, Frame, ResumeMode, ReturnAction};
use crate::interp::Interp;
use crate::native::{Flow, PyResult, RunStop, Suspend, SwitchReason};
use crate::object::{GenState, Obj};
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
enum Next {
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
        let modules = self.modules;
        let key = self.intern("__main__");
        self.dict_set_item_known(modules, key, module);
        let builtins_mod = self.dict_get_str(self.modules, "builtins").unwrap_or(Value::None);
        self.set_item_str(globals, "__builtins__", builtins_mod);
        let file = self.intern(&code.filename);
        self.set_item_str(globals, "__file__", file);
        self.set_item_str(globals, "__doc__", Value::None);
        globals
    }

    /// Executes a module body with `globals` as its namespace, to completion (nested).
    pub fn run_module_code(&mut self, code: Rc<Code>, globals: ObjRef) -> PyResult<Value> {
        self.check_nested_depth(super::PLAIN)?;
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
            on_return: ReturnAction::Nested,
        });
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
            let cur = self.cur;
            let th = &mut self.threads[cur];
            let Some(frame) = th.frames.last_mut() else {
                return Err(self.internal("no frame to execute"));
            };
            let Some(&instr) = frame.code.instrs.get(frame.ip) else {
                return Err(self.internal("instruction pointer out of range"));
            };
            if self.slice.active && self.nested_depth == 0 {
                // The scheduler's switch points, checked before the instruction runs.
                if self.steps >= self.slice.end_step {
                    return Err(Flow::Suspend(Suspend::Switch(SwitchReason::Budget)));
                }
                if !self.events.is_empty() {
                    return Err(Flow::Suspend(Suspend::Switch(SwitchReason::Event)));
                }
                if self.slice.drop_request
                    && (self.slice.check_every_instruction || frame.ip == 0 || is_backward_jump(instr, frame.ip))
                {
                    return Err(Flow::Suspend(Suspend::Switch(SwitchReason::DropRequest)));
                }
            }
            frame.ip += 1;
            self.steps += 1;
            if self.steps >= self.next_check {
                self.next_check = self.steps + 1024;
                if self.steps > self.limits.max_steps {
                    return Err(Flow::Stop(Rc::new(RunStop::StepLimit(self.limits.max_steps))));
                }
                self.maybe_collect();
            } else if fast_step(&mut self.threads[cur], &mut self.heap, instr) {
                // The common simple instructions run here without the general dispatch.
                continue;
            }
            let result = if self.out_of_memory {
                self.out_of_memory = false;
                Err(self.memory_error())
            } else {
                self.step(instr)
            };
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
        let Some(frame) = th.frames.pop() else { return Err(self.internal("return without frame")) };
        th.stack.truncate(frame.ret_to);
        let done = self.thread().frames.len() <= floor;
        match frame.on_return {
            ReturnAction::Nested => return Ok(Some(v)),
            ReturnAction::Discard if done => return Ok(Some(v)),
            ReturnAction::Generator { generator, mode } => {
                self.gen_finished(generator);
                match mode {
                    ResumeMode::Next | ResumeMode::Nested => {
                        let exc = self.stop_iteration(v);
                        if done {
                            return Err(Flow::Exc(exc));
                        }
                        self.unwind(exc, floor, false)?;
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

    /// The top frame (a generator's) yields `v`: suspend it and hand `v` to whoever resumed it.
    fn yield_frame(&mut self, v: Value, floor: usize) -> PyResult<Option<Value>> {
        let mut v = v;
        loop {
            let th = self.thread();
            let Some(frame) = th.frames.pop() else { return Err(self.internal("yield without frame")) };
            let saved = th.stack.split_off(frame.base);
            th.stack.truncate(frame.ret_to);
            let ReturnAction::Generator { generator, mode } = frame.on_return else {
                return Err(self.internal("yield outside a generator frame"));
            };
            if let Obj::Generator(g) = self.heap.get_mut(generator) {
                g.saved = saved;
                g.frame = Some(Box::new(frame));
                g.state = GenState::Suspended;
            }
            let done = self.thread().frames.len() <= floor;
            match mode {
                ResumeMode::Nested => return Ok(Some(v)),
                ResumeMode::Next | ResumeMode::ForIter { .. } => {
                    if done {
                        return Ok(Some(v));
                    }
                    self.thread().stack.push(v);
                    return Ok(None);
                }
                ResumeMode::YieldFrom => {
                    // The delegating generator yields the same value, and re-runs its
                    // `YieldFrom` when resumed.
                    let th = self.thread();
                    if let Some(f) = th.frames.last_mut() {
                        f.ip -= 1;
                    }
                    v = std::mem::take(&mut v);
                    continue;
                }
            }
        }
    }

    pub(crate) fn gen_finished(&mut self, generator: ObjRef) {
        if let Obj::Generator(g) = self.heap.get_mut(generator) {
            g.state = GenState::Finished;
            g.frame = None;
            g.saved = Vec::new();
        }
    }

    /// Resumes generator `generator` with `sent` (pushed as the result of its pending yield).
    /// Returns `Some(v)` when the generator did not need to run (finished already: for
    /// `YieldFrom`/`ForIter` the caller's state has been updated).
    pub(crate) fn resume_generator(&mut self, generator: ObjRef, sent: Value, mode: ResumeMode) -> PyResult<()> {
        let (state, frame, saved) = match self.heap.get_mut(generator) {
            Obj::Generator(g) => {
                let state = g.state;
                if state == GenState::Created || state == GenState::Suspended {
                    g.state = GenState::Running;
                    (state, g.frame.take(), std::mem::take(&mut g.saved))
                } else {
                    (state, None, Vec::new())
                }
            }
            _ => return Err(self.internal("resume of a non-generator")),
        };
        match state {
            GenState::Running => return Err(self.err(self.t.value_error, "generator already executing")),
            GenState::Finished => {
                return match mode {
                    ResumeMode::ForIter { target } => {
                        let th = self.thread();
                        th.stack.pop();
                        if let Some(f) = th.frames.last_mut() {
                            f.ip = target as usize;
                        }
                        Ok(())
                    }
                    _ => {
                        let e = self.new_exception(self.t.stop_iteration, vec![]);
                        Err(Flow::Exc(e))
                    }
                };
            }
            GenState::Created if !sent.is_none() => {
                if let Obj::Generator(g) = self.heap.get_mut(generator) {
                    g.state = GenState::Created;
                    g.frame = frame;
                    g.saved = saved;
                }
                return Err(self.err(self.t.type_error, "can't send non-None value to a just-started generator"));
            }
            _ => {}
        }
        let Some(mut frame) = frame else { return Err(self.internal("generator without frame")) };
        let depth = self.thread().frames.len();
        if depth >= self.limits.max_recursion {
            if let Obj::Generator(g) = self.heap.get_mut(generator) {
                g.state = state;
                g.frame = Some(frame);
                g.saved = saved;
            }
            return Err(self.err(self.t.recursion_error, "maximum recursion depth exceeded"));
        }
        let th = self.thread();
        let base = th.stack.len();
        let old_base = frame.base;
        th.stack.extend(saved);
        for b in &mut frame.blocks {
            b.depth = b.depth - old_base + base;
        }
        frame.base = base;
        frame.ret_to = base;
        frame.on_return = ReturnAction::Generator { generator, mode };
        if state == GenState::Suspended {
            th.stack.push(sent);
        }
        th.frames.push(*frame);
        Ok(())
    }

    /// Unwinds exception `exc` from the top frame: finds a handler (and jumps to it), or pops
    /// frames until one handles it. Returns `Err` if the exception escapes below `floor`.
    /// `fresh`: the exception was just raised in the top frame (sets `__context__`).
    pub(crate) fn unwind(&mut self, mut exc: ObjRef, floor: usize, fresh: bool) -> PyResult<()> {
        if fresh {
            let handled = self.thread().handled.clone();
            if let Value::Obj(h) = handled
                && h != exc {
                    self.set_context_if_unset(exc, h);
                }
        }
        loop {
            let cur = self.cur;
            let th = &mut self.threads[cur];
            let Some(frame) = th.frames.last_mut() else { return Err(Flow::Exc(exc)) };
            let code = frame.code.clone();
            let ip = frame.ip.saturating_sub(1);
            self.add_traceback(exc, code, ip);
            let th = &mut self.threads[cur];
            let frame = th.frames.last_mut().expect("frame");
            while let Some(block) = frame.blocks.pop() {
                match block.kind {
                    BlockKind::ExceptHandler { prev } => th.handled = prev,
                    BlockKind::Finally { handler } => {
                        th.stack.truncate(block.depth);
                        let prev = std::mem::replace(&mut th.handled, Value::Obj(exc));
                        frame.blocks.push(Block { kind: BlockKind::ExceptHandler { prev }, depth: block.depth });
                        th.stack.push(Value::Obj(exc));
                        frame.ip = handler as usize;
                        return Ok(());
                    }
                }
            }
            let frame = th.frames.pop().expect("frame");
            th.stack.truncate(frame.ret_to);
            let is_stop = self.isinstance(&Value::Obj(exc), self.t.stop_iteration);
            match frame.on_return {
                ReturnAction::ForIterNext { target } if is_stop => {
                    let th = self.thread();
                    th.stack.pop();
                    if let Some(f) = th.frames.last_mut() {
                        f.ip = target as usize;
                    }
                    return Ok(());
                }
                ReturnAction::Generator { generator, .. } => {
                    self.gen_finished(generator);
                    if is_stop {
                        // PEP 479: StopIteration escaping a generator becomes RuntimeError.
                        let e = self.new_exception_msg(self.t.runtime_error, "generator raised StopIteration");
                        self.set_cause(e, Value::Obj(exc));
                        exc = e;
                    }
                }
                ReturnAction::Nested => return Err(Flow::Exc(exc)),
                _ => {}
            }
            if self.thread().frames.len() <= floor {
                return Err(Flow::Exc(exc));
            }
            // Continue in the caller, which adds its own traceback entry.
        }
    }

    /// Executes one instruction of the top frame.
    fn step(&mut self, instr: Instr) -> PyResult<Next> {
        use Instr::*;
        let cur = self.cur;
        match instr {
            Nop => {}
            PopTop => {
                self.threads[cur].stack.pop();
            }
            Copy(n) => {
                let st = &mut self.threads[cur].stack;
                let v = st[st.len() - n as usize].clone();
                st.push(v);
            }
            Swap(n) => {
                let st = &mut self.threads[cur].stack;
                let len = st.len();
                st.swap(len - 1, len - n as usize);
            }
            PushNull => self.threads[cur].stack.push(Value::Null),
            LoadConst(i) => {
                let th = &mut self.threads[cur];
                let f = th.frames.last().expect("frame");
                let v = f.values.consts[i as usize].clone();
                th.stack.push(v);
            }
            LoadFast(i) => {
                let th = &mut self.threads[cur];
                let f = th.frames.last().expect("frame");
                let v = th.stack[f.base + i as usize].clone();
                if v.is_null() {
                    let name = f.code.varnames[i as usize].clone();
                    return Err(self.unbound_local(&name));
                }
                th.stack.push(v);
            }
            StoreFast(i) => {
                let th = &mut self.threads[cur];
                let base = th.frames.last().expect("frame").base;
                let v = th.stack.pop().expect("stack");
                th.stack[base + i as usize] = v;
            }
            DeleteFast(i) => {
                let th = &mut self.threads[cur];
                let f = th.frames.last().expect("frame");
                let slot = f.base + i as usize;
                if th.stack[slot].is_null() {
                    let name = f.code.varnames[i as usize].clone();
                    return Err(self.unbound_local(&name));
                }
                th.stack[slot] = Value::Null;
            }
            LoadDeref(i) => {
                let cell = self.cell_at(i);
                let v = match self.heap.get(cell) {
                    Obj::Cell(v) => v.clone(),
                    _ => Value::Null,
                };
                if v.is_null() {
                    return Err(self.unbound_deref(i));
                }
                self.threads[cur].stack.push(v);
            }
            StoreDeref(i) => {
                let cell = self.cell_at(i);
                let v = self.threads[cur].stack.pop().expect("stack");
                *self.heap.get_mut(cell) = Obj::Cell(v);
            }
            DeleteDeref(i) => {
                let cell = self.cell_at(i);
                if matches!(self.heap.get(cell), Obj::Cell(Value::Null)) {
                    return Err(self.unbound_deref(i));
                }
                *self.heap.get_mut(cell) = Obj::Cell(Value::Null);
            }
            LoadClosure(i) => {
                let cell = self.cell_at(i);
                self.threads[cur].stack.push(Value::Obj(cell));
            }
            LoadClassDeref(i) => {
                let f = self.threads[cur].frames.last().expect("frame");
                let name = f.code.cell_name(i as usize).clone();
                if let Some(v) = f.locals.and_then(|l| self.dict_get_str(l, &name)) {
                    self.threads[cur].stack.push(v);
                } else {
                    let cell = self.cell_at(i);
                    let v = match self.heap.get(cell) {
                        Obj::Cell(v) => v.clone(),
                        _ => Value::Null,
                    };
                    if v.is_null() {
                        return Err(self.unbound_deref(i));
                    }
                    self.threads[cur].stack.push(v);
                }
            }
            LoadGlobal(i) => {
                let (globals, name) = self.frame_name(i);
                let v = self.load_global(globals, &name)?;
                self.threads[cur].stack.push(v);
            }
            StoreGlobal(i) => {
                let (globals, name) = self.frame_name(i);
                let v = self.threads[cur].stack.pop().expect("stack");
                self.dict_set_str(globals, name, v);
            }
            DeleteGlobal(i) => {
                let (globals, name) = self.frame_name(i);
                if !self.dict_del_str(globals, &name) {
                    return Err(self.name_error(&name));
                }
            }
            LoadName(i) => {
                let (globals, name) = self.frame_name(i);
                let locals = self.threads[cur].frames.last().expect("frame").locals;
                let v = match locals.filter(|&l| l != globals).and_then(|l| self.dict_get_value(l, &name)) {
                    Some(v) => v,
                    None => self.load_global(globals, &name)?,
                };
                self.threads[cur].stack.push(v);
            }
            StoreName(i) => {
                let (globals, name) = self.frame_name(i);
                let locals = self.threads[cur].frames.last().expect("frame").locals.unwrap_or(globals);
                let v = self.threads[cur].stack.pop().expect("stack");
                self.dict_set_str(locals, name, v);
            }
            DeleteName(i) => {
                let (globals, name) = self.frame_name(i);
                let locals = self.threads[cur].frames.last().expect("frame").locals.unwrap_or(globals);
                if !self.dict_del_str(locals, &name) {
                    return Err(self.name_error(&name));
                }
            }
            SetupAnnotations => {
                let f = self.threads[cur].frames.last().expect("frame");
                let locals = f.locals.unwrap_or(f.globals);
                if self.dict_get_str(locals, "__annotations__").is_none() {
                    let d = self.new_dict();
                    self.set_item_str(locals, "__annotations__", Value::Obj(d));
                }
            }
            LoadAttr(i) => {
                let (_, name) = self.frame_name(i);
                let obj = self.threads[cur].stack.pop().expect("stack");
                let v = self.getattr(&obj, &name)?;
                self.threads[cur].stack.push(v);
            }
            StoreAttr(i) => {
                let (_, name) = self.frame_name(i);
                let st = &mut self.threads[cur].stack;
                let obj = st.pop().expect("stack");
                let v = st.pop().expect("stack");
                self.setattr(&obj, &name, v)?;
            }
            DeleteAttr(i) => {
                let (_, name) = self.frame_name(i);
                let obj = self.threads[cur].stack.pop().expect("stack");
                self.delattr(&obj, &name)?;
            }
            LoadMethod(i) => {
                let (_, name) = self.frame_name(i);
                let obj = self.threads[cur].stack.pop().expect("stack");
                let Value::Str(name_s) = &name else { return Err(self.internal("method name is not a str")) };
                let hash = crate::hashing::str_hash(name_s);
                match self.lookup_method_hashed(&obj, name_s.as_str(), hash) {
                    Some(m) => {
                        let st = &mut self.threads[cur].stack;
                        st.push(m);
                        st.push(obj);
                    }
                    None => {
                        self.threads[cur].stack.push(Value::Null);
                        let v = self.getattr(&obj, &name)?;
                        self.threads[cur].stack.push(v);
                    }
                }
            }
            BinarySubscr => {
                let st = &mut self.threads[cur].stack;
                let key = st.pop().expect("stack");
                let obj = st.pop().expect("stack");
                let v = self.getitem(&obj, &key)?;
                self.threads[cur].stack.push(v);
            }
            StoreSubscr => {
                let st = &mut self.threads[cur].stack;
                let key = st.pop().expect("stack");
                let obj = st.pop().expect("stack");
                let v = st.pop().expect("stack");
                self.setitem(&obj, key, v)?;
            }
            DeleteSubscr => {
                let st = &mut self.threads[cur].stack;
                let key = st.pop().expect("stack");
                let obj = st.pop().expect("stack");
                self.delitem(&obj, &key)?;
            }
            BuildSlice(n) => {
                let st = &mut self.threads[cur].stack;
                let step = if n == 3 { st.pop().expect("stack") } else { Value::None };
                let stop = st.pop().expect("stack");
                let start = st.pop().expect("stack");
                let v = self.alloc(Obj::Slice { start, stop, step });
                self.threads[cur].stack.push(v);
            }
            UnaryOp(op) => {
                let a = self.threads[cur].stack.pop().expect("stack");
                let v = self.unary_op(op, &a)?;
                self.threads[cur].stack.push(v);
            }
            BinaryOp(op) => {
                let st = &mut self.threads[cur].stack;
                let b = st.pop().expect("stack");
                let a = st.pop().expect("stack");
                let v = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => match crate::interp::ops::int_fast(op, *x, *y) {
                        Some(v) => v,
                        None => self.binary_op(op, &a, &b)?,
                    },
                    (Value::Str(_), Value::Str(t)) if op.base() == interleave_compiler::BinOp::Add => {
                        let t = t.clone();
                        match self.concat_in_place(a, &t)? {
                            Ok(v) => v,
                            Err(a) => self.binary_op(op, &a, &b)?,
                        }
                    }
                    _ => self.binary_op(op, &a, &b)?,
                };
                self.threads[cur].stack.push(v);
            }
            CompareOp(op) => {
                let st = &mut self.threads[cur].stack;
                let b = st.pop().expect("stack");
                let a = st.pop().expect("stack");
                let v = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => Value::Bool(crate::interp::ops::cmp_ints(op, *x, *y)),
                    _ => self.compare(op, &a, &b)?,
                };
                self.threads[cur].stack.push(v);
            }
            IsOp(invert) => {
                let st = &mut self.threads[cur].stack;
                let b = st.pop().expect("stack");
                let a = st.pop().expect("stack");
                st.push(Value::Bool(a.is(&b) != invert));
            }
            ContainsOp(invert) => {
                let st = &mut self.threads[cur].stack;
                let container = st.pop().expect("stack");
                let item = st.pop().expect("stack");
                let r = self.contains(&container, &item)?;
                self.threads[cur].stack.push(Value::Bool(r != invert));
            }
            Jump(t) => {
                let f = self.threads[cur].frames.last_mut().expect("frame");
                f.ip = t as usize;
            }
            PopJumpIfFalse(t) | PopJumpIfTrue(t) => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let b = match v {
                    Value::Bool(b) => b,
                    _ => self.truthy(&v)?,
                };
                if b == matches!(instr, PopJumpIfTrue(_)) {
                    self.threads[cur].frames.last_mut().expect("frame").ip = t as usize;
                }
            }
            PopJumpIfNone(t) | PopJumpIfNotNone(t) => {
                let v = self.threads[cur].stack.pop().expect("stack");
                if v.is_none() == matches!(instr, PopJumpIfNone(_)) {
                    self.threads[cur].frames.last_mut().expect("frame").ip = t as usize;
                }
            }
            JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => {
                let v = self.threads[cur].stack.last().expect("stack").clone();
                let b = self.truthy(&v)?;
                let th = &mut self.threads[cur];
                if b == matches!(instr, JumpIfTrueOrPop(_)) {
                    th.frames.last_mut().expect("frame").ip = t as usize;
                } else {
                    th.stack.pop();
                }
            }
            GetIter => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let it = self.get_iter(&v)?;
                self.threads[cur].stack.push(it);
            }
            ForIter(target) => self.for_iter(target)?,
            BuildTuple(n) => {
                let st = &mut self.threads[cur].stack;
                let items = st.split_off(st.len() - n as usize);
                let v = self.new_tuple(items);
                self.threads[cur].stack.push(v);
            }
            BuildList(n) => {
                let st = &mut self.threads[cur].stack;
                let items = st.split_off(st.len() - n as usize);
                let v = self.new_list(items);
                self.threads[cur].stack.push(v);
            }
            BuildSet(n) => {
                let st = &mut self.threads[cur].stack;
                let items = st.split_off(st.len() - n as usize);
                let v = self.new_set(items)?;
                self.threads[cur].stack.push(v);
            }
            BuildMap(n) => {
                let st = &mut self.threads[cur].stack;
                let items = st.split_off(st.len() - 2 * n as usize);
                let d = self.new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.dict_setitem(d, k, v)?;
                }
                self.threads[cur].stack.push(Value::Obj(d));
            }
            BuildString(n) => {
                let st = &mut self.threads[cur].stack;
                let items = st.split_off(st.len() - n as usize);
                let mut s = String::new();
                for it in &items {
                    if let Value::Str(p) = it {
                        s.push_str(p.as_str());
                    }
                }
                self.threads[cur].stack.push(Value::str(s));
            }
            ListAppend(i) | SetAdd(i) | ListExtend(i) | SetUpdate(i) | DictUpdate(i) | DictMerge(i) => {
                let st = &mut self.threads[cur].stack;
                let v = st.pop().expect("stack");
                let target = st[st.len() - i as usize].clone();
                self.collection_add(instr, &target, v)?;
            }
            MapAdd(i) => {
                let st = &mut self.threads[cur].stack;
                let v = st.pop().expect("stack");
                let k = st.pop().expect("stack");
                // `i` counts from the value (the key is 1 below it), as the compiler emits.
                let target = st[st.len() + 1 - i as usize].clone();
                let Value::Obj(d) = target else { return Err(self.internal("MapAdd on non-dict")) };
                self.dict_setitem(d, k, v)?;
            }
            ListToTuple => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let items = match v.as_obj().map(|r| self.heap.get(r)) {
                    Some(Obj::List(items)) => items.clone(),
                    _ => return Err(self.internal("ListToTuple on non-list")),
                };
                let t = self.new_tuple(items);
                self.threads[cur].stack.push(t);
            }
            UnpackSequence(n) => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let items = self.unpack(&v, n as usize, None)?;
                self.threads[cur].stack.extend(items.into_iter().rev());
            }
            UnpackEx { before, after } => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let items = self.unpack(&v, before as usize, Some(after as usize))?;
                self.threads[cur].stack.extend(items.into_iter().rev());
            }
            FormatValue { conversion, spec } => {
                let st = &mut self.threads[cur].stack;
                let spec_v = if spec { Some(st.pop().expect("stack")) } else { None };
                let v = st.pop().expect("stack");
                let s = self.format_value(v, conversion, spec_v)?;
                self.threads[cur].stack.push(s);
            }
            MakeFunction(flags) => {
                let f = self.make_function(flags)?;
                self.threads[cur].stack.push(f);
            }
            Call(argc) => self.call_from_stack(argc as usize, None)?,
            CallKw { argc, kwnames } => {
                let names = self.threads[cur].frames.last().expect("frame").values.consts[kwnames as usize].clone();
                self.call_from_stack(argc as usize, Some(names))?;
            }
            CallEx { kwargs } => self.call_ex(kwargs)?,
            ReturnValue => {
                let v = self.threads[cur].stack.pop().expect("stack");
                return Ok(Next::Return(v));
            }
            YieldValue => {
                let v = self.threads[cur].stack.pop().expect("stack");
                return Ok(Next::Yield(v));
            }
            GetYieldFromIter => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let it = if matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Obj::Generator(_))) {
                    v
                } else {
                    self.get_iter(&v)?
                };
                self.threads[cur].stack.push(it);
            }
            YieldFrom => return self.yield_from(),
            BuildClass { nbases } => self.build_class(nbases as usize)?,
            SetupFinally(handler) => {
                let th = &mut self.threads[cur];
                let depth = th.stack.len();
                th.frames.last_mut().expect("frame").blocks.push(Block { kind: BlockKind::Finally { handler }, depth });
            }
            PopBlock => {
                self.threads[cur].frames.last_mut().expect("frame").blocks.pop();
            }
            PopExcept => {
                let th = &mut self.threads[cur];
                th.stack.pop();
                let f = th.frames.last_mut().expect("frame");
                if let Some(Block { kind: BlockKind::ExceptHandler { prev }, .. }) = f.blocks.pop() {
                    th.handled = prev;
                }
            }
            CheckExcMatch => {
                let st = &mut self.threads[cur].stack;
                let ty = st.pop().expect("stack");
                let exc = st.last().expect("stack").clone();
                let m = self.exception_matches(&exc, &ty)?;
                self.threads[cur].stack.push(Value::Bool(m));
            }
            Reraise => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let Value::Obj(e) = v else { return Err(self.internal("Reraise of a non-exception")) };
                // Re-raising keeps the traceback: the frame's entry is added by unwinding only
                // if it is not the last one recorded.
                self.pop_last_traceback_if_same_frame(e);
                return Err(Flow::Exc(e));
            }
            Raise(n) => return Err(self.do_raise(n)?),
            LoadAssertionError => {
                let v = Value::Obj(self.t.assertion_error);
                self.threads[cur].stack.push(v);
            }
            BeforeWith => self.before_with()?,
            WithExceptStart => {
                let st = &mut self.threads[cur].stack;
                let exc = st.last().expect("stack").clone();
                let exit = st[st.len() - 2].clone();
                let ty = Value::Obj(self.type_of(&exc));
                let st = &mut self.threads[cur].stack;
                st.push(Value::Null);
                st.push(exit);
                st.push(ty);
                st.push(exc);
                st.push(Value::None);
            }
            GetLen => {
                let v = self.threads[cur].stack.last().expect("stack").clone();
                let n = self.match_len(&v)?;
                self.threads[cur].stack.push(n);
            }
            MatchSequence | MatchMapping => {
                let v = self.threads[cur].stack.last().expect("stack");
                let b = if instr == MatchSequence { self.match_is_sequence(v) } else { self.match_is_mapping(v) };
                self.threads[cur].stack.push(Value::Bool(b));
            }
            MatchKeys => {
                let st = &self.threads[cur].stack;
                let (subject, keys) = (st[st.len() - 2].clone(), st[st.len() - 1].clone());
                let values = self.match_keys(&subject, &keys)?;
                self.threads[cur].stack.push(values);
            }
            MatchClass(nargs) => {
                let st = &mut self.threads[cur].stack;
                let names = st.pop().expect("stack");
                let cls = st.pop().expect("stack");
                let subject = st.pop().expect("stack");
                let attrs = self.match_class(&subject, &cls, nargs as usize, &names)?;
                self.threads[cur].stack.push(attrs);
            }
            ImportName(i) => {
                let (_, name) = self.frame_name(i);
                let st = &mut self.threads[cur].stack;
                let fromlist = st.pop().expect("stack");
                let _level = st.pop().expect("stack");
                let m = self.import_module(&name, &fromlist)?;
                self.threads[cur].stack.push(m);
            }
            ImportFrom(i) => {
                let (_, name) = self.frame_name(i);
                let m = self.threads[cur].stack.last().expect("stack").clone();
                let v = self.import_from(&m, &name)?;
                self.threads[cur].stack.push(v);
            }
            ImportStar => {
                let m = self.threads[cur].stack.pop().expect("stack");
                self.import_star(&m)?;
            }
        }
        Ok(Next::Continue)
    }

    /// CPython's `unicode_concatenate`: for `s = s + t` / `s += t` where the next instruction
    /// stores back into the variable holding `s`, drop that variable's reference first so the
    /// string is unshared and can grow in place (amortised O(1) instead of a copy). Returns
    /// `Err(a)` unchanged when that is not possible.
    fn concat_in_place(&mut self, mut a: Value, t: &crate::value::PyStr) -> PyResult<Result<Value, Value>> {
        let Value::Str(s) = &a else { return Ok(Err(a)) };
        self.check_str_size(s.byte_len() + t.byte_len())?;
        let cur = self.cur;
        let th = &mut self.threads[cur];
        let f = th.frames.last().expect("frame");
        let same = |v: &Value| matches!(v, Value::Str(x) if Rc::ptr_eq(x, s));
        match f.code.instrs.get(f.ip) {
            Some(Instr::StoreFast(i)) => {
                let slot = f.base + *i as usize;
                if same(&th.stack[slot]) {
                    th.stack[slot] = Value::Null;
                }
            }
            Some(Instr::StoreName(n) | Instr::StoreGlobal(n)) => {
                let Value::Str(name) = &f.values.names[*n as usize] else { return Ok(Err(a)) };
                let dict = match f.code.instrs[f.ip] {
                    Instr::StoreName(_) => f.locals.unwrap_or(f.globals),
                    _ => f.globals,
                };
                let hash = crate::hashing::str_hash(name);
                if let Obj::Dict(d) = self.heap.get_mut(dict)
                    && let Some(i) = d.find_pystr(hash, name)
                        && same(d.value_at(i)) {
                            d.set_value_at(i, Value::None);
                        }
            }
            _ => return Ok(Err(a)),
        }
        if let Value::Str(rc) = &mut a
            && let Some(text) = Rc::get_mut(rc) {
                text.push_str(t.as_str());
                return Ok(Ok(a));
            }
        Ok(Err(a))
    }

    /// The cell object in slot `i` of the top frame's cells.
    fn cell_at(&self, i: u32) -> ObjRef {
        let th = &self.threads[self.cur];
        let f = th.frames.last().expect("frame");
        match &th.stack[f.base + f.code.varnames.len() + i as usize] {
            Value::Obj(r) => *r,
            _ => ObjRef(0),
        }
    }

    /// The top frame's globals and `names[i]`.
    fn frame_name(&self, i: u32) -> (ObjRef, Value) {
        let f = self.threads[self.cur].frames.last().expect("frame");
        (f.globals, f.values.names[i as usize].clone())
    }

    fn load_global(&mut self, globals: ObjRef, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.dict_get_value(globals, name) {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_value(self.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// `yield from`: `iter v → …` (see `Instr::YieldFrom`).
    fn yield_from(&mut self) -> PyResult<Next> {
        let cur = self.cur;
        let st = &mut self.threads[cur].stack;
        let v = st.pop().expect("stack");
        let it = st.last().expect("stack").clone();
        if let Some(Obj::Generator(_)) = it.as_obj().map(|r| self.heap.get(r)) {
            let generator = it.as_obj().expect("generator");
            match self.resume_generator(generator, v, ResumeMode::YieldFrom) {
                Ok(()) => return Ok(Next::Continue),
                Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.stop_iteration) => {
                    let r = self.stop_iteration_value(e);
                    let st = &mut self.threads[cur].stack;
                    st.pop();
                    st.push(r);
                    return Ok(Next::Continue);
                }
                Err(e) => return Err(e),
            }
        }
        // A non-generator iterator: only `send(None)` (i.e. next) is supported.
        match self.next_nested(&it)? {
            Some(y) => {
                let th = &mut self.threads[cur];
                th.frames.last_mut().expect("frame").ip -= 1;
                Ok(Next::Yield(y))
            }
            None => {
                let st = &mut self.threads[cur].stack;
                st.pop();
                st.push(Value::None);
                Ok(Next::Continue)
            }
        }
    }

    /// `ForIter(target)` on the iterator at the top of the stack.
    fn for_iter(&mut self, target: u32) -> PyResult<()> {
        let cur = self.cur;
        let it = self.threads[cur].stack.last().expect("stack").clone();
        if let Value::Obj(r) = it {
            if let Obj::Iter(_) = self.heap.get(r) {
                match self.iter_next_builtin(r)? {
                    Some(v) => self.threads[cur].stack.push(v),
                    None => {
                        let th = &mut self.threads[cur];
                        th.stack.pop();
                        th.frames.last_mut().expect("frame").ip = target as usize;
                    }
                }
                return Ok(());
            }
            if let Obj::Generator(_) = self.heap.get(r) {
                return self.resume_generator(r, Value::None, ResumeMode::ForIter { target });
            }
        }
        let Some(next) = self.lookup_method(&it, "__next__") else {
            let msg = format!("'{}' object is not an iterator", self.type_name(&it));
            return Err(self.err(self.t.type_error, msg));
        };
        match self.call_value(next, crate::native::Args::new(vec![it]), ReturnAction::ForIterNext { target }) {
            Ok(Some(v)) => self.threads[cur].stack.push(v),
            Ok(None) => {}
            Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.stop_iteration) => {
                let th = &mut self.threads[cur];
                th.stack.pop();
                th.frames.last_mut().expect("frame").ip = target as usize;
            }
            Err(e) => return Err(e),
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

/// Executes `instr` if it is one of the simple, hot cases that cannot fail or call anything
/// (local variable access, constants, jumps on bools, small-int arithmetic, range/list
/// iteration). Returns false, having changed nothing, for everything else.
#[inline(always)]
fn fast_step(th: &mut crate::interp::Thread, heap: &mut crate::heap::Heap, instr: Instr) -> bool {
    use crate::object::Iter;
    let crate::interp::Thread { frames, stack, .. } = th;
    let Some(frame) = frames.last_mut() else { return false };
    match instr {
        Instr::LoadFast(i) => {
            let v = &stack[frame.base + i as usize];
            if v.is_null() {
                return false;
            }
            let v = v.clone();
            stack.push(v);
        }
        Instr::StoreFast(i) => {
            let Some(v) = stack.pop() else { return false };
            stack[frame.base + i as usize] = v;
        }
        Instr::LoadConst(i) => stack.push(frame.values.consts[i as usize].clone()),
        Instr::PopTop => {
            stack.pop();
        }
        Instr::Jump(t) => frame.ip = t as usize,
        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
            let Some(Value::Bool(b)) = stack.last() else { return false };
            if *b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                frame.ip = t as usize;
            }
            stack.pop();
        }
        Instr::BinaryOp(op) => {
            let n = stack.len();
            let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else { return false };
            let Some(v) = crate::interp::ops::int_fast(op, *a, *b) else { return false };
            stack.truncate(n - 2);
            stack.push(v);
        }
        Instr::CompareOp(op) => {
            let n = stack.len();
            let (Value::Int(a), Value::Int(b)) = (&stack[n - 2], &stack[n - 1]) else { return false };
            let r = crate::interp::ops::cmp_ints(op, *a, *b);
            stack.truncate(n - 2);
            stack.push(Value::Bool(r));
        }
        Instr::ForIter(target) => {
            let Some(Value::Obj(r)) = stack.last() else { return false };
            let r = *r;
            let next = match heap.get_mut(r) {
                Obj::Iter(Iter::Range { next, stop, step }) => {
                    let n = *next;
                    if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                        *next = n.saturating_add(*step);
                        Some(Value::Int(n))
                    } else {
                        None
                    }
                }
                Obj::Iter(Iter::Seq { seq, index }) => {
                    let (seq, i) = (*seq, *index);
                    let v = match heap.get(seq) {
                        Obj::List(items) | Obj::Tuple(items) => items.get(i).cloned(),
                        _ => return false,
                    };
                    if v.is_some()
                        && let Obj::Iter(Iter::Seq { index, .. }) = heap.get_mut(r) {
                            *index += 1;
                        }
                    v
                }
                _ => return false,
            };
            match next {
                Some(v) => stack.push(v),
                None => {
                    stack.pop();
                    frame.ip = target as usize;
                }
            }
        }
        _ => return false,
    }
    true
}

impl Frame {
    /// The source line of the instruction at `ip - 1` (the one executing).
    pub fn current_line(&self) -> u32 {
        self.code.locations.get(self.ip.saturating_sub(1)).map_or(0, |l| l.line)
    }
}
