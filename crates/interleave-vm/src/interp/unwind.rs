//! Exception unwinding: finding the handler block of an exception, or popping frames until one
//! handles it, and what a popped frame's return action means for an exception.



use crate::frame::{Block, BlockKind, ReturnAction};
use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

impl Interp {
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
                    self.gen_frame_ended(generator);
                    let async_gen = matches!(self.heap.get(generator), Obj::Generator(g) if g.code.flags.async_generator);
                    if async_gen && self.isinstance(&Value::Obj(exc), self.t.stop_async_iteration) {
                        let e = self.new_exception_msg(self.t.runtime_error, "async generator raised StopAsyncIteration");
                        self.set_cause(e, Value::Obj(exc));
                        exc = e;
                    } else if is_stop {
                        // PEP 479: StopIteration escaping a generator becomes RuntimeError.
                        let what = match self.heap.get(generator) {
                            Obj::Generator(g) if g.code.flags.async_generator => "async generator",
                            Obj::Generator(g) if g.coroutine => "coroutine",
                            _ => "generator",
                        };
                        let e = self.new_exception_msg(self.t.runtime_error, format!("{what} raised StopIteration"));
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
}
