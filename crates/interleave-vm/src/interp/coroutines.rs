//! Native coroutines (`async def`), on the generator machinery: a coroutine is an
//! `Obj::Generator` with `coroutine` set. `await` is `GetAwaitable` followed by `YieldFrom`;
//! `async with` and `async for` call `__aenter__`/`__aexit__` and `__aiter__`/`__anext__` and
//! await what they return. `throw` into a suspended generator or coroutine goes down its
//! `yield from`/`await` chain first, as CPython's `_gen_throw` does.

use interleave_compiler::bytecode::Instr;

use crate::frame::{Block, BlockKind, ResumeMode};
use crate::interp::{Interp, Stream};
use crate::native::{Flow, PyResult};
use crate::object::{GenState, Obj};
use crate::value::{ObjRef, Value};

impl Interp {
    /// Is `v` a native coroutine?
    pub(crate) fn is_coroutine(&self, v: &Value) -> bool {
        matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Obj::Generator(g)) if g.coroutine)
    }

    /// `GET_AWAITABLE`: the iterator `await obj` delegates to, with CPython's errors.
    pub(crate) fn get_awaitable(&mut self, obj: Value, where_: u32) -> PyResult<Value> {
        if let Some(r) = obj.as_obj()
            && let Obj::Generator(g) = self.heap.get(r)
            && g.coroutine
        {
            if g.state == GenState::Suspended && self.delegate_of(r).is_some() {
                return Err(self.err(self.t.runtime_error, "coroutine is being awaited already"));
            }
            return Ok(obj);
        }
        // A generator-based coroutine (`types.coroutine`): awaited as `yield from` awaits it.
        if let Some(r) = obj.as_obj()
            && let Obj::Generator(g) = self.heap.get(r)
            && g.code.flags.iterable_coroutine
        {
            return Ok(obj);
        }
        let ty = self.type_name(&obj);
        let not_awaitable = |me: &mut Interp| {
            let msg = match where_ {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {ty}"),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {ty}"),
                _ => format!("object {ty} can't be used in 'await' expression"),
            };
            me.err(me.t.type_error, msg)
        };
        let Some(it) = self.call_method_nested(&obj, "__await__", vec![])? else {
            return Err(not_awaitable(self));
        };
        if self.is_coroutine(&it) && !matches!(obj.as_obj().map(|r| self.heap.get(r)), Some(Obj::Generator(_))) {
            // `coro.__await__()` returns the coroutine itself here (CPython: a wrapper).
            return Ok(it);
        }
        let is_iter = matches!(it.as_obj().map(|r| self.heap.get(r)), Some(Obj::Iter(_) | Obj::Generator(_)))
            || self.lookup_method(&it, "__next__").is_some();
        if !is_iter {
            let msg = format!("__await__() returned non-iterator of type '{}'", self.type_name(&it));
            return Err(self.err(self.t.type_error, msg));
        }
        Ok(it)
    }

    /// The iterator a suspended generator delegates to (`yield from`/`await`), if any: its frame
    /// is stopped on `YieldFrom` with the iterator on top of its saved stack.
    fn delegate_of(&self, r: ObjRef) -> Option<Value> {
        let Obj::Generator(g) = self.heap.get(r) else { return None };
        let frame = g.frame.as_ref()?;
        if g.state != GenState::Suspended || frame.code.instrs.get(frame.ip) != Some(&Instr::YieldFrom) {
            return None;
        }
        g.saved.last().cloned()
    }

    /// `BEFORE_ASYNC_WITH`: `mgr → aexit NULL aenter`, ready for `Call(0)`.
    pub(crate) fn before_async_with(&mut self) -> PyResult<()> {
        let cur = self.cur;
        let mgr = self.threads[cur].stack.pop().expect("stack");
        let cls = self.type_of(&mgr);
        let enter = self.class_lookup(cls, "__aenter__");
        let exit = self.class_lookup(cls, "__aexit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if self.class_lookup(cls, "__aenter__").is_none() { "" } else { " (missed __aexit__ method)" };
            let msg = format!(
                "'{}' object does not support the asynchronous context manager protocol{missing}",
                self.type_name(&mgr)
            );
            return Err(self.err(self.t.type_error, msg));
        };
        let exit_b = self.bind_for_call(exit, &mgr);
        let enter_b = self.bind_for_call(enter, &mgr);
        let st = &mut self.threads[cur].stack;
        st.push(exit_b);
        st.push(Value::Null);
        st.push(enter_b);
        Ok(())
    }

    /// `GET_AITER`: `obj → type(obj).__aiter__(obj)`.
    pub(crate) fn get_aiter(&mut self) -> PyResult<()> {
        let cur = self.cur;
        let obj = self.threads[cur].stack.pop().expect("stack");
        let Some(it) = self.call_method_nested(&obj, "__aiter__", vec![])? else {
            let msg = format!("'async for' requires an object with __aiter__ method, got {}", self.type_name(&obj));
            return Err(self.err(self.t.type_error, msg));
        };
        if self.class_lookup(self.type_of(&it), "__anext__").is_none() {
            let msg = format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            );
            return Err(self.err(self.t.type_error, msg));
        }
        self.threads[cur].stack.push(it);
        Ok(())
    }

    /// `GET_ANEXT`: `aiter → aiter awaitable`.
    pub(crate) fn get_anext(&mut self) -> PyResult<()> {
        let cur = self.cur;
        let aiter = self.threads[cur].stack.last().expect("stack").clone();
        let Some(awaitable) = self.call_method_nested(&aiter, "__anext__", vec![])? else {
            let msg = format!("'async for' requires an iterator with __anext__ method, got {}", self.type_name(&aiter));
            return Err(self.err(self.t.type_error, msg));
        };
        let it = match self.get_awaitable(awaitable.clone(), 0) {
            Ok(it) => it,
            Err(Flow::Exc(_)) => {
                let msg = format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&awaitable)
                );
                return Err(self.err(self.t.type_error, msg));
            }
            Err(e) => return Err(e),
        };
        self.threads[cur].stack.push(it);
        Ok(())
    }

    /// `END_ASYNC_FOR`: `aiter exc → ` on `StopAsyncIteration`, else re-raises `exc`.
    pub(crate) fn end_async_for(&mut self) -> PyResult<()> {
        let cur = self.cur;
        let exc = self.threads[cur].stack.pop().expect("stack");
        if !self.isinstance(&exc, self.t.stop_async_iteration) {
            let Value::Obj(e) = exc else { return Err(self.internal("EndAsyncFor of a non-exception")) };
            self.reraising = true;
            return Err(Flow::Exc(e));
        }
        let th = &mut self.threads[cur];
        let f = th.frames.last_mut().expect("frame");
        if let Some(Block { kind: BlockKind::ExceptHandler { prev }, .. }) = f.blocks.pop() {
            th.handled = prev;
        }
        th.stack.pop();
        Ok(())
    }

    /// `gen.throw(exc)` (and `close`), run nested: the exception is raised at the innermost
    /// generator of the `yield from`/`await` chain, and propagates outwards frame by frame.
    /// `Ok` is the value the outermost generator yields next; `Err` what it raises (a return
    /// is `StopIteration`).
    pub(crate) fn throw_into(&mut self, r: ObjRef, exc: ObjRef) -> PyResult<Value> {
        let state = match self.heap.get(r) {
            Obj::Generator(g) => g.state,
            _ => return Err(self.internal("not a generator")),
        };
        if state == GenState::Running {
            let what = if self.is_coroutine(&Value::Obj(r)) { "coroutine" } else { "generator" };
            return Err(self.err(self.t.value_error, format!("{what} already executing")));
        }
        if state == GenState::Created || state == GenState::Finished {
            if state == GenState::Created
                && let Obj::Generator(g) = self.heap.get(r)
            {
                // CPython raises it in the new frame, at its `def` line.
                let code = g.code.clone();
                if let Some(d) = self.exc_data_mut(exc) {
                    d.traceback.push(crate::object::TracebackEntry { code, instr: crate::object::BEFORE_FIRST_INSTR });
                }
            }
            self.gen_finished(r);
            return Err(Flow::Exc(exc));
        }
        // Delegating to an inner generator: throw there first.
        let mut resume_with: Result<Value, ObjRef> = Err(exc);
        if let Some(inner) = self.delegate_of(r)
            && let Some(ir) = inner.as_obj()
            && matches!(self.heap.get(ir), Obj::Generator(_))
        {
            match self.throw_into(ir, exc) {
                Ok(y) => return Ok(y),
                Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.stop_iteration) => {
                    resume_with = Ok(self.stop_iteration_value(e));
                }
                Err(Flow::Exc(e)) => resume_with = Err(e),
                Err(other) => return Err(other),
            }
        }
        self.check_nested_depth(crate::interp::PLAIN)?;
        let floor = self.threads[self.cur].frames.len();
        self.resume_generator(r, Value::None, ResumeMode::Nested)?;
        // Drop the sent value the resume pushed; the yield raises instead (or, when the inner
        // generator returned, its `YieldFrom` completes with the return value).
        let cur = self.cur;
        self.threads[cur].stack.pop();
        self.nested_depth += 1;
        let res = match resume_with {
            Ok(v) => {
                let th = &mut self.threads[cur];
                th.stack.pop();
                th.stack.push(v);
                th.frames.last_mut().expect("frame").ip += 1;
                self.execute(floor)
            }
            Err(e) => match self.unwind(e, floor, true) {
                Ok(()) => self.execute(floor),
                Err(e) => Err(e),
            },
        };
        self.nested_depth -= 1;
        // Back in the outer loop: its next check must see the scheduler again.
        self.next_check = 0;
        res
    }
}

impl Interp {
    /// The line a running generator or coroutine is executing: its frame is on some thread's
    /// frame stack while it runs (None if it is not found).
    pub(crate) fn running_generator_line(&self, generator: ObjRef) -> Value {
        for th in &self.threads {
            for f in th.frames.iter().rev() {
                if let crate::frame::ReturnAction::Generator { generator: g, .. } = f.on_return
                    && g == generator
                {
                    let ip = f.ip.saturating_sub(1);
                    return f.code.locations.get(ip).map_or(Value::None, |l| Value::Int(l.line as i64));
                }
            }
        }
        Value::None
    }

    /// `PopTop`. Dropping the coroutine the call just before created (an expression statement
    /// such as `main()`) frees it without it ever running: CPython then warns through
    /// `warnings._warn_unawaited_coroutine`, at this line.
    pub(super) fn pop_top(&mut self) -> PyResult<()> {
        let cur = self.cur;
        let v = self.threads[cur].stack.pop();
        // Only the thread that made the call may drop it (another may run in between).
        let Some((r, thread, depth, ip)) = self.fresh_coroutine.take_if(|f| f.1 == cur) else { return Ok(()) };
        let th = &self.threads[cur];
        let here = th.frames.last().map_or(usize::MAX, |f| f.ip.wrapping_sub(1));
        let unawaited = thread == cur
            && depth == th.frames.len()
            && ip == here
            && v.as_ref().and_then(|v| v.as_obj()) == Some(r)
            && matches!(self.heap.get(r), Obj::Generator(g) if g.state == GenState::Created);
        if !unawaited {
            return Ok(());
        }
        self.gen_finished(r);
        let warnings = self.load_module("warnings")?;
        if let Some(hook) = self.getattr_opt(&warnings, "_warn_unawaited_coroutine")? {
            self.call_nested(hook, vec![Value::Obj(r)])?;
        }
        Ok(())
    }
}

impl Interp {
    /// At the end of the program, CPython's finalisation frees the main module's globals in
    /// their order, and a coroutine that never ran warns as it is freed, without a frame:
    /// `sys:1: RuntimeWarning: coroutine 'main' was never awaited` (the default filter shows a
    /// message once per location, so once per name). Coroutines held by a global directly or in
    /// a list or tuple are found; deeper ones are not looked for.
    pub fn warn_unawaited_at_exit(&mut self) {
        let Some(Value::Obj(main)) = self.dict_get_str(self.modules, "__main__") else { return };
        let Obj::Module(m) = self.heap.get(main) else { return };
        let Obj::Dict(globals) = self.heap.get(m.dict) else { return };
        let unawaited = |v: &Value| match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Generator(g)) if g.coroutine && g.state == GenState::Created => match &g.qualname {
                Value::Str(q) => Some(q.as_str().to_string()),
                _ => None,
            },
            _ => None,
        };
        let mut names: Vec<String> = Vec::new();
        for (_, value) in globals.iter() {
            let inner: &[Value] = match value.as_obj().map(|r| self.heap.get(r)) {
                Some(Obj::List(items)) | Some(Obj::Tuple(items)) => items,
                _ => std::slice::from_ref(value),
            };
            for q in inner.iter().filter_map(unawaited) {
                if !names.contains(&q) {
                    names.push(q);
                }
            }
        }
        for qualname in names {
            self.write(Stream::Stderr, &format!("sys:1: RuntimeWarning: coroutine '{qualname}' was never awaited\n"));
        }
    }
}
