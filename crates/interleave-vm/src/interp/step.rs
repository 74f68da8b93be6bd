//! `step`: the semantics of every instruction (the general path; `fast.rs` has the hot simple
//! cases), and the helpers it needs for names, cells, iteration and `yield from`.

use std::rc::Rc;

use interleave_compiler::Instr;

use crate::frame::{Block, BlockKind, ResumeMode, ReturnAction};
use crate::interp::Interp;
use crate::interp::run::Next;
use crate::native::{Flow, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

impl Interp {
    /// Executes one instruction of the top frame.
    pub(super) fn step(&mut self, instr: Instr) -> PyResult<Next> {
        use Instr::*;
        let cur = self.cur;
        match instr {
            Nop => {}
            PopTop => self.pop_top()?,
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
                let Some(v) = self.load_global_caching(globals, &name) else { return Err(self.name_error(&name)) };
                self.threads[cur].stack.push(v);
            }
            StoreGlobal(i) => {
                let (globals, name) = self.frame_name(i);
                let v = self.threads[cur].stack.pop().expect("stack");
                self.store_global_caching(globals, name, v);
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
                let v = match locals.filter(|&l| l != globals) {
                    None => match self.load_global_caching(globals, &name) {
                        Some(v) => v,
                        None => return Err(self.name_error(&name)),
                    },
                    Some(l) => match self.dict_get_value(l, &name) {
                        Some(v) => v,
                        None => self.load_global(globals, &name)?,
                    },
                };
                self.threads[cur].stack.push(v);
            }
            StoreName(i) => {
                let (globals, name) = self.frame_name(i);
                let locals = self.threads[cur].frames.last().expect("frame").locals.unwrap_or(globals);
                let v = self.threads[cur].stack.pop().expect("stack");
                self.store_global_caching(locals, name, v);
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
                match self.lookup_method_caching(&obj, name_s, hash) {
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
                if op == interleave_compiler::UnaryOp::Not && self.proxy_truth(&a)? {
                    return Ok(Next::Continue);
                }
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
                    _ => {
                        if self.proxy_binary_op(op, &a, &b)? {
                            return Ok(Next::Continue);
                        }
                        self.binary_op(op, &a, &b)?
                    }
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
                if self.iterates_in_python(&container) && self.lookup_method(&container, "__contains__").is_none() {
                    // Searched in frames, stopping at the first match as CPython does.
                    let args = vec![container, item, Value::Bool(invert)];
                    self.call_iter_helper("contains_", args, ReturnAction::Push)?;
                } else if !self.proxy_contains(&container, &item, invert)? {
                    let r = self.contains(&container, &item)?;
                    self.threads[cur].stack.push(Value::Bool(r != invert));
                }
            }
            Jump(t) => {
                let f = self.threads[cur].frames.last_mut().expect("frame");
                f.ip = t as usize;
            }
            PopJumpIfFalse(t) | PopJumpIfTrue(t) => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let b = match v {
                    Value::Bool(b) => b,
                    _ => {
                        if self.proxy_truth(&v)? {
                            return Ok(Next::Continue);
                        }
                        self.truthy(&v)?
                    }
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
                let start = st.len() - n as usize;
                let text_len = st[start..].iter().map(|v| if let Value::Str(p) = v { p.byte_len() } else { 0 }).sum();
                let mut s = String::with_capacity(text_len);
                for it in &st[start..] {
                    if let Value::Str(p) = it {
                        s.push_str(p.as_str());
                    }
                }
                st.truncate(start);
                st.push(Value::str(s));
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
                if let Some(items) = self.unpack(&v, n as usize, None)? {
                    self.threads[cur].stack.extend(items.into_iter().rev());
                }
            }
            UnpackEx { before, after } => {
                let v = self.threads[cur].stack.pop().expect("stack");
                if let Some(items) = self.unpack(&v, before as usize, Some(after as usize))? {
                    self.threads[cur].stack.extend(items.into_iter().rev());
                }
            }
            FormatValue { conversion, spec } => {
                let st = &mut self.threads[cur].stack;
                let spec_v = if spec { Some(st.pop().expect("stack")) } else { None };
                let v = st.pop().expect("stack");
                if self.proxy_format(&v, conversion, &spec_v)? {
                    return Ok(Next::Continue);
                }
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
                // CPython 3.11's YIELD_VALUE: an async generator's value is wrapped, so that
                // its `asend` tells it from what an `await` inside passes through.
                if self.threads[cur].frames.last().expect("frame").code.flags.async_generator {
                    return Ok(Next::Yield(self.async_gen_wrap(v)?));
                }
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
            GetAwaitable(where_) => {
                let v = self.threads[cur].stack.pop().expect("stack");
                let it = self.get_awaitable(v, where_)?;
                self.threads[cur].stack.push(it);
            }
            BeforeAsyncWith => self.before_async_with()?,
            GetAIter => self.get_aiter()?,
            GetANext => self.get_anext()?,
            EndAsyncFor => self.end_async_for()?,
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
                // Re-raising keeps the traceback: unwinding this frame adds no new entry
                // (`add_traceback` skips once when `reraising` is set), as in CPython's RERAISE.
                self.reraising = true;
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
            Err(Flow::Suspend(crate::native::Suspend::Block(b))) if self.nested_depth == 0 && self.slice.active => {
                // A blocking `__next__` (a line of stdin): the instruction runs again.
                if let Some(f) = self.threads[cur].frames.last_mut() {
                    f.ip -= 1;
                }
                self.steps -= 1;
                return Err(Flow::Suspend(crate::native::Suspend::Block(b)));
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }
}
