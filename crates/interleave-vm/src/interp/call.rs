//! Calls: the `Call*` instructions, binding arguments to parameters with CPython's error
//! messages, creating functions, classes and instances, and `with` set-up.

use std::rc::Rc;

use interleave_compiler::MakeFunctionFlags;

use crate::frame::{Frame, ReturnAction};
use crate::interp::Interp;
use crate::interp::cache::ClassCall;
use crate::native::{Args, Flow, PyResult};
use crate::object::{Function, GenState, Generator, Obj, Payload};
use crate::value::{ObjRef, Value};

impl Interp {
    /// `Call(argc)` / `CallKw`: the callable and arguments are on the stack.
    pub(crate) fn call_from_stack(&mut self, argc: usize, kwnames: Option<Value>) -> PyResult<()> {
        let cur = self.cur;
        let st = &mut self.threads[cur].stack;
        let p = st.len() - argc - 2;
        let (func, args_start) = if st[p].is_null() { (st[p + 1].clone(), p + 2) } else { (st[p].clone(), p + 1) };
        // Fast path: a plain Python function called with exactly its positional parameters.
        if kwnames.is_none()
            && let Value::Obj(fr) = &func
                && let Obj::Function(f) = self.heap.get(*fr) {
                    let nargs = self.threads[cur].stack.len() - args_start;
                    let c = &f.code;
                    if !c.flags.varargs
                        && !c.flags.varkeywords
                        && !c.flags.generator
                        && !c.flags.coroutine
                        && c.kwonlyargcount == 0
                        && c.argcount as usize == nargs
                    {
                        let fr = *fr;
                        return self.enter_function_in_place(fr, args_start, p);
                    }
                }
        // Fast paths for a class: a plain class (no custom `__new__`, no built-in base) whose
        // `__init__` takes exactly the arguments given: the instance replaces the class on the
        // stack and the arguments stay in place as `__init__`'s slots. A built-in type (`str`,
        // `int`…): its `__new__` is called with the class and the arguments, as `instantiate`
        // does.
        if kwnames.is_none()
            && args_start == p + 2
            && let Value::Obj(cls) = func
        {
            match self.class_call_caching(cls) {
                Some(ClassCall::Init(init)) if self.takes_exactly(init, self.threads[cur].stack.len() - args_start + 1) => {
                    let inst = self.alloc(Obj::Instance(Box::new(crate::object::Instance {
                        class: cls,
                        dict: crate::dict::Dict::with_capacity(4),
                        payload: Payload::None,
                        dict_obj: None,
                    })));
                    let st = &mut self.threads[cur].stack;
                    st[p] = inst.clone();
                    st.remove(p + 1);
                    return self.enter_in_place_with(init, p, p, ReturnAction::Init(inst));
                }
                Some(ClassCall::NativeNew(new)) => {
                    let Obj::Native(n) = self.heap.get(new) else { return Err(self.internal("not a built-in")) };
                    let f = n.func;
                    let st = &mut self.threads[cur].stack;
                    let mut pos = Vec::with_capacity(st.len() - args_start + 1);
                    pos.push(func.clone());
                    pos.extend(st.drain(args_start..));
                    st.truncate(p);
                    let v = f(self, Args { pos, kw: Vec::new() })?;
                    self.threads[cur].stack.push(v);
                    return Ok(());
                }
                _ => {}
            }
        }
        if kwnames.is_none()
            && let Some((f, pos)) = self.native_call_args(&func, args_start)
        {
            let result = f(self, Args { pos, kw: Vec::new() });
            return self.finish_native_call(result, p);
        }
        // A built-in may block; then the call must run again when the thread wakes, so its
        // operands stay on the stack until it completes.
        let retryable = self.is_builtin_callable(&func);
        let st = &mut self.threads[cur].stack;
        let saved = if retryable { Some(st[p..].to_vec()) } else { None };
        // Room for a receiver or an instance that `call_value` may put in front.
        let mut pos = Vec::with_capacity(st.len() - args_start + 2);
        pos.extend(st.drain(args_start..));
        st.truncate(p);
        let mut kw = Vec::new();
        if let Some(Value::Obj(t)) = kwnames
            && let Obj::Tuple(names) = self.heap.get(t) {
                let n = names.len();
                let vals = pos.split_off(pos.len() - n);
                for (name, v) in names.iter().zip(vals) {
                    if let Value::Str(s) = name {
                        kw.push((Rc::from(s.as_str()), v));
                    }
                }
            }
        let result = self.call_value(func, Args { pos, kw }, ReturnAction::Push);
        if let (Err(Flow::Suspend(crate::native::Suspend::Block(_))), Some(saved)) = (&result, saved) {
            self.put_back_blocked_call(saved);
            return result.map(|_| ());
        }
        if let Some(v) = result? {
            self.threads[cur].stack.push(v);
        }
        Ok(())
    }

    /// For a call of a built-in function or method (or a method bound to a built-in) with
    /// positional arguments only: the Rust function and its arguments (the receivers first, as
    /// `call_value` orders them), copied from the stack at `args_start`, where they stay while
    /// the built-in runs.
    fn native_call_args(&self, func: &Value, args_start: usize) -> Option<(crate::native::NativeFn, Vec<Value>)> {
        let Value::Obj(r) = func else { return None };
        let (n, bound) = match self.heap.get(*r) {
            Obj::Native(n) => (n, None),
            Obj::BoundMethod { func: Value::Obj(f), slf } => match self.heap.get(*f) {
                Obj::Native(n) => (n, Some(slf)),
                _ => return None,
            },
            _ => return None,
        };
        let args = &self.threads[self.cur].stack[args_start..];
        let mut pos = Vec::with_capacity(args.len() + 2);
        if !n.slf.is_null() {
            pos.push(n.slf.clone());
        }
        pos.extend(bound.cloned());
        pos.extend_from_slice(args);
        Some((n.func, pos))
    }

    /// Completes a call of a built-in made by `call_from_stack` whose operands (from `p`) are
    /// still on the stack: as the general path would, with the operands gone, except that a
    /// blocked call is left in place to run again (see `put_back_blocked_call`).
    fn finish_native_call(&mut self, result: PyResult<Value>, p: usize) -> PyResult<()> {
        let cur = self.cur;
        match result {
            Ok(v) => {
                let st = &mut self.threads[cur].stack;
                st.truncate(p);
                st.push(v);
                Ok(())
            }
            Err(Flow::Suspend(crate::native::Suspend::Block(b))) if self.nested_depth == 0 && self.slice.active => {
                if let Some(f) = self.threads[cur].frames.last_mut() {
                    f.ip -= 1;
                }
                self.steps -= 1;
                Err(Flow::Suspend(crate::native::Suspend::Block(b)))
            }
            Err(Flow::TailCall(tc)) => {
                // The built-in asked for a function to be called in its place.
                let st = &mut self.threads[cur].stack;
                let saved = st[p..].to_vec();
                st.truncate(p);
                let (f, args) = *tc;
                let result = self.call_tail_target(f, args, ReturnAction::Push);
                self.finish_stack_call(cur, saved, result)
            }
            Err(e) => {
                self.threads[cur].stack.truncate(p);
                Err(e)
            }
        }
    }

    /// A built-in blocked: put its call instruction back as it was (operands on the stack, ip
    /// on the call), so that it runs again when the thread is woken. Outside the scheduler or
    /// inside a nested call the block becomes an error instead (see `handle_error`).
    fn put_back_blocked_call(&mut self, saved: Vec<Value>) {
        if self.nested_depth == 0 && self.slice.active {
            let th = &mut self.threads[self.cur];
            th.stack.extend(saved);
            if let Some(f) = th.frames.last_mut() {
                f.ip -= 1;
            }
            self.steps -= 1;
        }
    }

    /// Is `f` a built-in function or a built-in method bound to an object?
    fn is_builtin_callable(&self, f: &Value) -> bool {
        match f.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Native(_)) => true,
            Some(Obj::BoundMethod { func, .. }) => matches!(func.as_obj().map(|r| self.heap.get(r)), Some(Obj::Native(_))),
            _ => false,
        }
    }

    /// `CallEx`: `NULL callable args_tuple [kwargs] → result`.
    pub(crate) fn call_ex(&mut self, has_kwargs: bool) -> PyResult<()> {
        let cur = self.cur;
        let args_at = self.threads[cur].stack.len() - 1 - has_kwargs as usize;
        if self.iterates_in_python(&self.threads[cur].stack[args_at]) {
            // `f(*gen)`: the arguments are collected in frames, then the call runs again.
            let it = self.threads[cur].stack.remove(args_at);
            let retry = ReturnAction::RetryWith { depth: has_kwargs as usize };
            return self.call_iter_helper("list_", vec![it], retry);
        }
        let st = &mut self.threads[cur].stack;
        // Kept to put the call back if a built-in blocks (see `call_from_stack`).
        let saved = st[st.len() - 3 - has_kwargs as usize..].to_vec();
        let kwargs = if has_kwargs { st.pop() } else { None };
        let args = st.pop().expect("stack");
        let func = st.pop().expect("stack");
        let null_or_self = st.pop().expect("stack");
        let mut pos = self.star_args(&func, &args)?;
        let (func, pos) = if null_or_self.is_null() {
            (func, pos)
        } else {
            pos.insert(0, func);
            (null_or_self, pos)
        };
        let mut kw = Vec::new();
        if let Some(k) = kwargs {
            let items: Vec<(Value, Value)> = match k.as_obj().map(|r| self.heap.get(r)) {
                Some(Obj::Dict(d)) => d.iter().map(|(a, b)| (a.clone(), b.clone())).collect(),
                _ => Vec::new(),
            };
            for (key, v) in items {
                let Value::Str(s) = key else {
                    return Err(self.err(self.t.type_error, "keywords must be strings"));
                };
                kw.push((Rc::from(s.as_str()), v));
            }
        }
        let result = self.call_value(func, Args { pos, kw }, ReturnAction::Push);
        self.finish_stack_call(cur, saved, result)
    }

    /// Ends a call instruction whose operands were taken off the stack (`saved`): a call that
    /// blocked is put back to run again when the thread wakes; a result is pushed.
    fn finish_stack_call(&mut self, cur: usize, saved: Vec<Value>, result: PyResult<Option<Value>>) -> PyResult<()> {
        if let Err(Flow::Suspend(crate::native::Suspend::Block(_))) = &result {
            self.put_back_blocked_call(saved);
            return result.map(|_| ());
        }
        if let Some(v) = result? {
            self.threads[cur].stack.push(v);
        }
        Ok(())
    }

    /// Calls what a built-in's `Flow::TailCall` asked for. A generator as the target (`next(g)`,
    /// `g.send(v)`) is resumed in a frame, with the first argument as the value sent.
    fn call_tail_target(&mut self, f: Value, args: Vec<Value>, action: ReturnAction) -> PyResult<Option<Value>> {
        match f.as_obj().filter(|&g| matches!(self.heap.get(g), Obj::Generator(_))) {
            Some(g) => {
                let sent = args.into_iter().next().unwrap_or(Value::None);
                self.resume_for_call(g, sent, action)
            }
            None => self.call_value(f, Args::new(args), action),
        }
    }

    /// Calls any callable. Returns `Some(result)` if it completed at once (built-ins), or
    /// `None` if it pushed a frame whose return will be delivered by `action`.
    pub fn call_value(&mut self, func: Value, mut args: Args, action: ReturnAction) -> PyResult<Option<Value>> {
        let mut func = func;
        loop {
            let Value::Obj(r) = &func else { return Err(self.not_callable(&func)) };
            let r = *r;
            match self.heap.get(r) {
                Obj::Function(_) => return self.enter_function(r, args, action),
                Obj::BoundMethod { func: f, slf } => {
                    args.pos.insert(0, slf.clone());
                    func = f.clone();
                }
                Obj::Native(n) => {
                    let (f, slf) = (n.func, n.slf.clone());
                    if !slf.is_null() {
                        args.pos.insert(0, slf);
                    }
                    match f(self, args) {
                        Ok(v) => return Ok(Some(v)),
                        Err(Flow::TailCall(tc)) => {
                            let (f2, a2) = *tc;
                            if let Some(g) = f2.as_obj().filter(|&g| matches!(self.heap.get(g), Obj::Generator(_))) {
                                let sent = a2.into_iter().next().unwrap_or(Value::None);
                                return self.resume_for_call(g, sent, action);
                            }
                            func = f2;
                            args = Args::new(a2);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Obj::Class(_) => return self.instantiate(r, args, action),
                Obj::Instance(inst) => {
                    let cls = inst.class;
                    match self.class_lookup(cls, "__call__") {
                        Some(c) => {
                            args.pos.insert(0, func.clone());
                            func = c;
                        }
                        None => return Err(self.not_callable(&func)),
                    }
                }
                _ => return Err(self.not_callable(&func)),
            }
        }
    }

    fn not_callable(&mut self, v: &Value) -> Flow {
        let msg = format!("'{}' object is not callable", self.type_name(v));
        self.err(self.t.type_error, msg)
    }

    /// Pushes a frame for a function whose arguments already sit on the stack at `args_start`
    /// in parameter order (the fast path).
    fn enter_function_in_place(&mut self, fr: ObjRef, args_start: usize, ret_to: usize) -> PyResult<()> {
        self.enter_in_place_with(fr, args_start, ret_to, ReturnAction::Push)
    }

    /// Pushes a frame for `fr` whose parameters already sit on the stack from `args_start`.
    fn enter_in_place_with(&mut self, fr: ObjRef, args_start: usize, ret_to: usize, on_return: ReturnAction) -> PyResult<()> {
        let Obj::Function(f) = self.heap.get(fr) else { return Err(self.internal("not a function")) };
        let (code, values, globals) = (f.code.clone(), f.values.clone(), f.globals);
        let closure = if f.closure.is_empty() { Vec::new() } else { f.closure.clone() };
        self.check_recursion()?;
        let nlocals = code.varnames.len();
        let cur = self.cur;
        let stack = &mut self.threads[cur].stack;
        if stack.len() != args_start + nlocals {
            stack.resize(args_start + nlocals, Value::Null);
        }
        if !code.cellvars.is_empty() || !closure.is_empty() {
            self.push_cells(&code, &closure, args_start);
        }
        self.threads[cur].frames.push(Frame {
            code,
            values,
            ip: 0,
            base: args_start,
            ret_to,
            blocks: Vec::new(),
            globals,
            locals: None,
            func: Some(fr),
            on_return,
        });
        Ok(())
    }

    /// Does `fr` take exactly `nargs` positional arguments and nothing else (no defaults to
    /// fill, no `*args`/`**kwargs`, not a generator)? Then a call needs no argument binding.
    fn takes_exactly(&self, fr: ObjRef, nargs: usize) -> bool {
        let Obj::Function(f) = self.heap.get(fr) else { return false };
        let c = &f.code;
        !c.flags.varargs && !c.flags.varkeywords && !c.flags.generator && !c.flags.coroutine && c.kwonlyargcount == 0 && c.argcount as usize == nargs
    }

    pub(super) fn check_recursion(&mut self) -> PyResult<()> {
        if self.threads[self.cur].frames.len() >= self.limits.max_recursion {
            return Err(self.err(self.t.recursion_error, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Creates the cell slots after the locals starting at `base` (which must already hold the
    /// parameters).
    pub(super) fn push_cells(&mut self, code: &interleave_compiler::Code, closure: &[ObjRef], base: usize) {
        let cur = self.cur;
        for i in 0..code.cellvars.len() {
            let init = match code.cell_params.get(i).copied().flatten() {
                Some(p) => self.threads[cur].stack[base + p as usize].clone(),
                None => Value::Null,
            };
            let cell = self.heap.alloc(Obj::Cell(init));
            self.threads[cur].stack.push(Value::Obj(cell));
        }
        for &c in closure {
            self.threads[cur].stack.push(Value::Obj(c));
        }
    }

    /// Binds `args` to the function's parameters and pushes its frame (or makes a generator).
    fn enter_function(&mut self, fr: ObjRef, args: Args, action: ReturnAction) -> PyResult<Option<Value>> {
        if args.kw.is_empty() && self.takes_exactly(fr, args.pos.len()) {
            // The common case (e.g. `__init__(self, a, b)`): the arguments are the slots.
            let th = &mut self.threads[self.cur];
            let base = th.stack.len();
            th.stack.extend(args.pos);
            self.enter_in_place_with(fr, base, base, action)?;
            return Ok(None);
        }
        let Obj::Function(f) = self.heap.get(fr) else { return Err(self.internal("not a function")) };
        let f = f.clone();
        let slots = self.bind_args(&f, args)?;
        let code = f.code.clone();
        let cur = self.cur;
        if code.flags.generator || code.flags.coroutine {
            // An async generator's frame is a generator's (`yield` suspends it, `await`
            // passes through it), wrapped in an `async_generator` object.
            let async_generator = code.flags.async_generator;
            let coroutine = code.flags.coroutine && !async_generator;
            let mut saved = slots;
            let base = 0;
            let mut tmp = std::mem::take(&mut self.threads[cur].stack);
            let old_len = tmp.len();
            tmp.append(&mut saved);
            self.threads[cur].stack = tmp;
            self.push_cells(&code, &f.closure, old_len);
            let saved = self.threads[cur].stack.split_off(old_len);
            let frame = Frame {
                code,
                values: f.values.clone(),
                ip: 0,
                base,
                ret_to: base,
                blocks: Vec::new(),
                globals: f.globals,
                locals: None,
                func: Some(fr),
                on_return: ReturnAction::Discard,
            };
            let g = self.alloc(Obj::Generator(Box::new(Generator {
                state: GenState::Created,
                frame: Some(Box::new(frame)),
                saved,
                name: f.name.clone(),
                qualname: f.qualname.clone(),
                coroutine,
                code: f.code.clone(),
                exc_state: Value::None,
                caller_exc_state: Value::None,
            })));
            if coroutine && let Some(r) = g.as_obj() {
                let th = &self.threads[cur];
                let ip = th.frames.last().map_or(usize::MAX, |f| f.ip);
                self.fresh_coroutine = Some((r, cur, th.frames.len(), ip));
            }
            if async_generator {
                return self.new_async_generator(g).map(Some);
            }
            return Ok(Some(g));
        }
        self.check_recursion()?;
        let th = &mut self.threads[cur];
        let base = th.stack.len();
        th.stack.extend(slots);
        self.push_cells(&code, &f.closure, base);
        self.threads[cur].frames.push(Frame {
            code,
            values: f.values.clone(),
            ip: 0,
            base,
            ret_to: base,
            blocks: Vec::new(),
            globals: f.globals,
            locals: None,
            func: Some(fr),
            on_return: action,
        });
        Ok(None)
    }

    /// Maps call arguments to the function's local slots (parameters first), with CPython's
    /// error messages.
    fn bind_args(&mut self, f: &Function, args: Args) -> PyResult<Vec<Value>> {
        let code = &f.code;
        let nparams = code.argcount as usize;
        let nkwonly = code.kwonlyargcount as usize;
        let mut slots = vec![Value::Null; code.varnames.len()];
        let qual_v = f.qualname.clone();
        let qual: &str = match &qual_v {
            Value::Str(s) => s.as_str(),
            _ => &code.qualname,
        };
        let Args { pos, kw } = args;
        let npos = pos.len();
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < nparams {
                slots[i] = v;
            } else {
                extra.push(v);
            }
        }
        let mut idx = nparams + nkwonly;
        if code.flags.varargs {
            slots[idx] = self.new_tuple(extra);
            idx += 1;
        } else if !extra.is_empty() {
            let ndefaults = f.defaults.len();
            let given_kw_pos = kw.iter().filter(|(k, _)| code.varnames[..nparams].iter().any(|n| n == k)).count();
            let takes = if ndefaults > 0 {
                format!("from {} to {} positional arguments", nparams - ndefaults, nparams)
            } else {
                format!("{} positional argument{}", nparams, if nparams == 1 { "" } else { "s" })
            };
            let given = if given_kw_pos > 0 {
                format!(
                    "{npos} positional argument{} (and {given_kw_pos} keyword-only argument{}) were given",
                    if npos == 1 { "" } else { "s" },
                    if given_kw_pos == 1 { "" } else { "s" }
                )
            } else {
                format!("{npos} {} given", if npos == 1 { "was" } else { "were" })
            };
            let msg = format!("{qual}() takes {takes} but {given}");
            return Err(self.err(self.t.type_error, msg));
        }
        let kwargs_dict = if code.flags.varkeywords {
            let d = self.new_dict();
            slots[idx] = Value::Obj(d);
            Some(d)
        } else {
            None
        };
        let posonly = code.posonlyargcount as usize;
        let mut posonly_as_kw = Vec::new();
        for (name, v) in kw {
            let found = code.varnames[..nparams + nkwonly].iter().position(|n| **n == *name);
            match found {
                Some(i) if i >= posonly => {
                    if !slots[i].is_null() {
                        let msg = format!("{qual}() got multiple values for argument '{name}'");
                        return Err(self.err(self.t.type_error, msg));
                    }
                    slots[i] = v;
                }
                _ => match kwargs_dict {
                    Some(d) => {
                        let k = self.intern(&name);
                        self.dict_set_str(d, k, v);
                    }
                    None => {
                        if found.is_some() {
                            posonly_as_kw.push(name.to_string());
                            continue;
                        }
                        let msg = format!("{qual}() got an unexpected keyword argument '{name}'");
                        return Err(self.err(self.t.type_error, msg));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let msg = format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            );
            return Err(self.err(self.t.type_error, msg));
        }
        // Defaults for missing positional parameters.
        let ndefaults = f.defaults.len();
        let first_default = nparams - ndefaults.min(nparams);
        let mut missing = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate().take(nparams) {
            if slot.is_null() {
                if i >= first_default {
                    *slot = f.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(qual, "positional", &missing));
        }
        let mut missing_kw = Vec::new();
        for (slot, name) in slots[nparams..nparams + nkwonly].iter_mut().zip(&code.varnames[nparams..]) {
            if slot.is_null() {
                match f.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => *slot = v.clone(),
                    None => missing_kw.push(name.to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.missing_args(qual, "keyword-only", &missing_kw));
        }
        Ok(slots)
    }

    fn missing_args(&mut self, qual: &str, kind: &str, names: &[String]) -> Flow {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let msg = format!(
            "{qual}() missing {} required {kind} argument{}: {list}",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        );
        self.err(self.t.type_error, msg)
    }

    /// `Cls(*args)`: built-in constructors, or a new instance plus `__init__`.
    fn instantiate(&mut self, cls: ObjRef, args: Args, action: ReturnAction) -> PyResult<Option<Value>> {
        if let Some(new) = self.class_lookup(cls, "__new__") {
            if let Some(Obj::Native(n)) = new.as_obj().map(|r| self.heap.get(r)) {
                let f = n.func;
                // A user subclass of list/dict/set gets an instance wrapping a fresh built-in
                // object, initialised by `__init__` (the built-in type's, unless overridden).
                let builtin_subclass = !self.class(cls).builtin && self.builtin_base_class(cls).is_some();
                if builtin_subclass && self.builtin_base_class(cls) == Some(self.t.tuple) {
                    // Immutable: the contents come from `tuple.__new__(cls, iterable)`.
                    let mut a = args.clone();
                    a.pos.insert(0, Value::Obj(cls));
                    let inst = f(self, a)?;
                    return match self.class_lookup(cls, "__init__") {
                        Some(init) if matches!(init.as_obj().map(|r| self.heap.get(r)), Some(Obj::Function(_))) => {
                            self.call_init(cls, inst, args, action)
                        }
                        _ => Ok(Some(inst)),
                    };
                }
                if n.name != "object.__new__" && !builtin_subclass {
                    let mut a = args;
                    a.pos.insert(0, Value::Obj(cls));
                    return match f(self, a) {
                        Ok(v) => Ok(Some(v)),
                        // `list(gen)` and the like iterate in a helper, called in their place
                        // with this call's action (nested too, as a `map` or sort key).
                        Err(Flow::TailCall(tc)) => {
                            let (f2, a2) = *tc;
                            self.call_value(f2, Args::new(a2), action)
                        }
                        Err(e) => Err(e),
                    };
                }
            } else {
                // A `__new__` written in Python: call it, then `__init__` if it returned an
                // instance of the class.
                let mut a = args.clone();
                let new_fn = match new.as_obj().map(|r| self.heap.get(r)) {
                    Some(Obj::StaticMethod(f)) => f.clone(),
                    _ => new,
                };
                a.pos.insert(0, Value::Obj(cls));
                let inst = self.call_nested_args(new_fn, a)?;
                if self.isinstance(&inst, cls) {
                    return self.call_init(cls, inst, args, action);
                }
                return Ok(Some(inst));
            }
        }
        let inst = self.new_instance(cls);
        if let Value::Obj(r) = &inst
            && let Obj::Instance(i) = self.heap.get(*r)
                && matches!(i.payload, Payload::Exception(_)) {
                    let t = self.new_tuple(args.pos.clone());
                    if let Obj::Instance(i) = self.heap.get_mut(*r)
                        && let Payload::Exception(e) = &mut i.payload {
                            e.args = t;
                        }
                }
        self.call_init(cls, inst, args, action)
    }

    fn call_init(&mut self, cls: ObjRef, inst: Value, mut args: Args, action: ReturnAction) -> PyResult<Option<Value>> {
        let init = self.class_lookup(cls, "__init__");
        match init {
            Some(init) if matches!(init.as_obj().map(|r| self.heap.get(r)), Some(Obj::Function(_))) => {
                args.pos.insert(0, inst.clone());
                let init_action = match action {
                    ReturnAction::Push => ReturnAction::Init(inst.clone()),
                    _ => ReturnAction::Init(inst.clone()),
                };
                if matches!(action, ReturnAction::Push) {
                    let Value::Obj(fr) = init else { unreachable!() };
                    return self.enter_function(fr, args, init_action);
                }
                // Called from Rust or with another action: run `__init__` nested.
                let r = self.call_nested_args(init, args)?;
                if !r.is_none() {
                    let msg = format!("__init__() should return None, not '{}'", self.type_name(&r));
                    return Err(self.err(self.t.type_error, msg));
                }
                Ok(Some(inst))
            }
            Some(init) => {
                args.pos.insert(0, inst.clone());
                let is_object_init = matches!(init.as_obj().map(|r| self.heap.get(r)),
                    Some(Obj::Native(n)) if n.name == "object.__init__");
                if is_object_init {
                    // As CPython's `object.__init__`: extra arguments are an error only when
                    // `__new__` is not overridden either.
                    let new_overridden = !matches!(
                        self.class_lookup(cls, "__new__").and_then(|n| n.as_obj()).map(|r| self.heap.get(r)),
                        Some(Obj::Native(n)) if n.name == "object.__new__"
                    );
                    if (args.pos.len() > 1 || !args.kw.is_empty()) && !new_overridden {
                        let msg = format!("{}() takes no arguments", self.class(cls).name);
                        return Err(self.err(self.t.type_error, msg));
                    }
                    return Ok(Some(inst));
                }
                self.call_nested_args(init, args)?;
                Ok(Some(inst))
            }
            None => Ok(Some(inst)),
        }
    }

    /// `MakeFunction`.
    pub(crate) fn make_function(&mut self, flags: MakeFunctionFlags) -> PyResult<Value> {
        let cur = self.cur;
        let st = &mut self.threads[cur].stack;
        let code_v = st.pop().expect("stack");
        let closure_v = if flags.closure { st.pop() } else { None };
        let kwdefaults_v = if flags.kwdefaults { st.pop() } else { None };
        let defaults_v = if flags.defaults { st.pop() } else { None };
        let Some(Obj::Code(code)) = code_v.as_obj().map(|r| self.heap.get(r)) else {
            return Err(self.internal("MakeFunction without code"));
        };
        let code = code.clone();
        let tuple_items = |this: &Interp, v: &Option<Value>| -> Vec<Value> {
            match v.as_ref().and_then(|v| v.as_obj()).map(|r| this.heap.get(r)) {
                Some(Obj::Tuple(items)) => items.clone(),
                _ => Vec::new(),
            }
        };
        let defaults = tuple_items(self, &defaults_v);
        let closure: Vec<ObjRef> = tuple_items(self, &closure_v).iter().filter_map(|v| v.as_obj()).collect();
        let mut kwdefaults = Vec::new();
        if let Some(Some(Obj::Dict(d))) = kwdefaults_v.as_ref().map(|v| v.as_obj().map(|r| self.heap.get(r))) {
            for (k, v) in d.iter() {
                if let Value::Str(s) = k {
                    kwdefaults.push((Rc::from(s.as_str()), v.clone()));
                }
            }
        }
        let f = self.threads[cur].frames.last().expect("frame");
        let globals = f.globals;
        let values = self.code_values(&code);
        let name = self.intern(&code.name);
        let qualname = self.intern(&code.qualname);
        let module = self.dict_get_str(globals, "__name__").unwrap_or(Value::None);
        Ok(self.alloc(Obj::Function(Box::new(Function {
            code,
            values,
            globals,
            name,
            qualname,
            defaults,
            kwdefaults,
            closure,
            dict: None,
            module,
        }))))
    }

    /// `BeforeWith`: `mgr → exit NULL enter`.
    pub(crate) fn before_with(&mut self) -> PyResult<()> {
        let cur = self.cur;
        let mgr = self.threads[cur].stack.pop().expect("stack");
        let cls = self.type_of(&mgr);
        let (enter, exit) = self.with_methods_caching(cls);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if self.class_lookup(cls, "__enter__").is_none() { "" } else { " (missed __exit__ method)" };
            let msg = format!(
                "'{}' object does not support the context manager protocol{missing}",
                self.type_name(&mgr)
            );
            return Err(self.err(self.t.type_error, msg));
        };
        let exit_b = self.bind_for_call(exit, &mgr);
        // `__enter__` as a method call (`enter mgr`) when it is a plain function or built-in
        // method, which saves binding it; otherwise bound, after a NULL.
        let plain = matches!(
            enter.as_obj().map(|r| self.heap.get(r)),
            Some(Obj::Function(_)) | Some(Obj::Native(crate::object::NativeFunction { slf: Value::Null, owner: Some(_), .. }))
        );
        let (a, b) = if plain { (enter, mgr) } else { (Value::Null, self.bind_for_call(enter, &mgr)) };
        let st = &mut self.threads[cur].stack;
        st.push(exit_b);
        st.push(a);
        st.push(b);
        Ok(())
    }

    /// Binds a class attribute (function or native method) to `obj` for a later call.
    pub fn bind_for_call(&mut self, f: Value, obj: &Value) -> Value {
        match f.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Function(_)) => self.alloc(Obj::BoundMethod { func: f, slf: obj.clone() }),
            Some(Obj::Native(n)) if n.slf.is_null() => {
                let mut n = n.clone();
                n.slf = obj.clone();
                self.alloc(Obj::Native(n))
            }
            _ => f,
        }
    }

    /// Calls method `name` of `obj` nested (from Rust), if the type has it.
    pub fn call_method_nested(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        let Some(m) = self.class_lookup(cls, name) else { return Ok(None) };
        let mut a = args;
        a.insert(0, obj.clone());
        match m.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::StaticMethod(f)) => {
                let f = f.clone();
                a.remove(0);
                self.call_nested(f, a).map(Some)
            }
            _ => self.call_nested(m, a).map(Some),
        }
    }
}
