//! Generators: suspending a frame at `yield` and resuming it with `next`/`send`, for a
//! `for` loop, or for the generator that delegates with `yield from`.



use crate::frame::{ResumeMode, ReturnAction};
use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::{GenState, Obj};
use crate::value::{ObjRef, Value};

impl Interp {
    /// The top frame (a generator's) yields `v`: suspend it and hand `v` to whoever resumed it.
    pub(super) fn yield_frame(&mut self, v: Value, floor: usize) -> PyResult<Option<Value>> {
        let mut v = v;
        loop {
            let th = self.thread();
            let Some(frame) = th.frames.pop() else { return Err(self.internal("yield without frame")) };
            let saved = th.stack.split_off(frame.base);
            th.stack.truncate(frame.ret_to);
            let ReturnAction::Generator { generator, mode } = frame.on_return else {
                return Err(self.internal("yield outside a generator frame"));
            };
            let handled = std::mem::replace(&mut self.thread().handled, Value::None);
            if let Obj::Generator(g) = self.heap.get_mut(generator) {
                g.saved = saved;
                g.frame = Some(Box::new(frame));
                g.state = GenState::Suspended;
                // Its handled exception is kept for its next resume; its resumer's is back.
                g.exc_state = handled;
                let caller = std::mem::replace(&mut g.caller_exc_state, Value::None);
                self.thread().handled = caller;
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

    /// A built-in called with `action` (`next(g)`, `g.send(v)`) resumes `generator` in its
    /// place. Called by an instruction, the generator's frame goes on the thread's frame
    /// stack, where its code can block or be switched out: its yield is the call's result,
    /// its return raises `StopIteration` in the caller. Called from Rust, it runs nested.
    pub(crate) fn resume_for_call(
        &mut self,
        generator: ObjRef,
        sent: Value,
        action: ReturnAction,
    ) -> PyResult<Option<Value>> {
        match action {
            ReturnAction::Push => {
                self.resume_generator(generator, sent, ResumeMode::Next)?;
                Ok(None)
            }
            ReturnAction::Nested => {
                // `call_nested` runs the frame to its yield or return.
                self.resume_generator(generator, sent, ResumeMode::Nested)?;
                Ok(None)
            }
            _ => {
                self.check_nested_depth(super::PLAIN)?;
                let floor = self.thread().frames.len();
                self.resume_generator(generator, sent, ResumeMode::Nested)?;
                self.run_nested(floor).map(Some)
            }
        }
    }

    pub(crate) fn gen_finished(&mut self, generator: ObjRef) {
        if let Obj::Generator(g) = self.heap.get_mut(generator) {
            g.state = GenState::Finished;
            g.frame = None;
            g.saved = Vec::new();
            g.exc_state = Value::None;
        }
    }

    /// The frame of running generator `generator` ended (returned or raised): its resumer's
    /// handled exception is the thread's again.
    pub(crate) fn gen_frame_ended(&mut self, generator: ObjRef) {
        self.gen_finished(generator);
        if let Obj::Generator(g) = self.heap.get_mut(generator) {
            let caller = std::mem::replace(&mut g.caller_exc_state, Value::None);
            self.thread().handled = caller;
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
        let coroutine = matches!(self.heap.get(generator), Obj::Generator(g) if g.coroutine);
        match state {
            GenState::Running if coroutine => return Err(self.err(self.t.value_error, "coroutine already executing")),
            GenState::Running => return Err(self.err(self.t.value_error, "generator already executing")),
            GenState::Finished if coroutine => {
                return Err(self.err(self.t.runtime_error, "cannot reuse already awaited coroutine"));
            }
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
                let what = if coroutine { "coroutine" } else { "generator" };
                return Err(self.err(self.t.type_error, format!("can't send non-None value to a just-started {what}")));
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
        // While it runs, the exception it was handling when it yielded is the thread's.
        if let Obj::Generator(g) = self.heap.get_mut(generator) {
            let own = std::mem::replace(&mut g.exc_state, Value::None);
            let th = &mut self.threads[self.cur];
            g.caller_exc_state = std::mem::replace(&mut th.handled, own);
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
}
