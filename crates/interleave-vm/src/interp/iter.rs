//! Iteration and item access: `iter()`, `next()`, unpacking, subscripts and the
//! comprehension helpers (`ListAppend` …).

use std::rc::Rc;

use interleave_compiler::Instr;

use crate::frame::{ResumeMode, ReturnAction};
use crate::interp::Interp;
use crate::interp::ops::range_len;
use crate::native::{Flow, PyResult};
use crate::object::{DictIterKind, Iter, Obj, Payload};
use crate::types::Types;
use crate::value::{ObjRef, Value};

impl Interp {
    pub(crate) fn iter_type(&self, it: &Iter) -> ObjRef {
        let t: &Types = &self.t;
        match it {
            Iter::Seq { seq, .. } => match self.heap.get(*seq) {
                Obj::Tuple(_) => t.tuple_iterator,
                _ => t.list_iterator,
            },
            Iter::Range { .. } => t.range_iterator,
            Iter::Str { .. } => t.str_iterator,
            Iter::Bytes { b: Value::Bytes(_), .. } => t.bytes_iterator,
            Iter::Bytes { b, .. } if self.is_memoryview(b) => t.memory_iterator,
            Iter::Bytes { .. } => t.bytearray_iterator,
            Iter::Dict { kind, .. } => match kind {
                DictIterKind::Keys => t.dict_keyiterator,
                DictIterKind::Values => t.dict_valueiterator,
                DictIterKind::Items => t.dict_itemiterator,
            },
            Iter::Enumerate { .. } => t.enumerate,
            Iter::Zip { .. } => t.zip,
            Iter::Reversed { .. } => t.reversed,
            Iter::Callable { .. } => t.callable_iterator,
            Iter::Values { .. } => t.iterator,
            Iter::Map { .. } => t.map,
            Iter::Filter { .. } => t.filter,
        }
    }

    /// `iter(v)`. May tail-call a user `__iter__`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(inner) = self.delegate(v, "__iter__") {
            return self.get_iter(&inner);
        }
        let it = match v {
            Value::Str(_) => Iter::Str { s: v.clone(), byte_pos: 0 },
            Value::Bytes(_) => Iter::Bytes { b: v.clone(), index: 0 },
            Value::Obj(r) => match self.heap.get(*r) {
                Obj::List(_) | Obj::Tuple(_) => Iter::Seq { seq: *r, index: 0 },
                Obj::ByteArray(_) => Iter::Bytes { b: v.clone(), index: 0 },
                Obj::MemoryView { released, .. } => {
                    if *released {
                        return Err(self.err(self.t.value_error, super::memoryview::RELEASED));
                    }
                    Iter::Bytes { b: v.clone(), index: 0 }
                }
                Obj::Dict(d) => Iter::Dict { dict: *r, index: 0, len: d.len(), kind: DictIterKind::Keys },
                Obj::Set { items, table, .. } => {
                    let items: Rc<[Value]> = crate::setorder::iteration_order(items, table).into();
                    Iter::Values { items, index: 0 }
                }
                Obj::Range { start, stop, step } => Iter::Range { next: *start, stop: *stop, step: *step },
                Obj::DictView(dv) => {
                    let dv = *dv;
                    return Ok(self.view_iter(dv));
                }
                Obj::Iter(_) => return Ok(v.clone()),
                Obj::Generator(g) if !g.coroutine => return Ok(v.clone()),
                Obj::Instance(inst) => {
                    let cls = inst.class;
                    if let Some(m) = self.class_lookup(cls, "__iter__") {
                        return Err(Flow::TailCall(Box::new((m, vec![v.clone()]))));
                    }
                    if let Payload::Deque { items, .. } = &inst.payload {
                        let items: Rc<[Value]> = items.iter().cloned().collect();
                        return Ok(self.alloc(Obj::Iter(Iter::Values { items, index: 0 })));
                    }
                    if let Some(m) = self.class_lookup(cls, "__getitem__") {
                        // The old sequence protocol: index from 0 until IndexError.
                        let mut items = Vec::new();
                        for i in 0.. {
                            match self.call_nested(m.clone(), vec![v.clone(), Value::Int(i)]) {
                                Ok(x) => items.push(x),
                                Err(Flow::Exc(e))
                                    if self.isinstance(&Value::Obj(e), self.t.index_error)
                                        || self.isinstance(&Value::Obj(e), self.t.stop_iteration) =>
                                {
                                    break;
                                }
                                Err(e) => return Err(e),
                            }
                        }
                        return Ok(self.alloc(Obj::Iter(Iter::Values { items: items.into(), index: 0 })));
                    }
                    return Err(self.not_iterable(v));
                }
                _ => return Err(self.not_iterable(v)),
            },
            _ => return Err(self.not_iterable(v)),
        };
        Ok(self.alloc(Obj::Iter(it)))
    }

    fn not_iterable(&mut self, v: &Value) -> Flow {
        let msg = format!("'{}' object is not iterable", self.type_name(v));
        self.err(self.t.type_error, msg)
    }

    /// Does iterating `v` run Python code (a generator, a class with `__iter__`/`__next__`)?
    /// Built-ins then iterate through `_interleave_iter` (see `python_iteration`) so that the
    /// code runs in frames, where it may block or be preempted.
    pub fn iterates_in_python(&self, v: &Value) -> bool {
        let Some(r) = v.as_obj() else { return false };
        match self.heap.get(r) {
            Obj::Generator(_) => true,
            Obj::Instance(i) => {
                !matches!(i.payload, Payload::Builtin(_) | Payload::Deque { .. } | Payload::File(_))
                    && (self.class_lookup(i.class, "__iter__").is_some() || self.class_lookup(i.class, "__next__").is_some())
            }
            _ => false,
        }
    }

    /// Is `f` a callable whose body is Python code (a function, bound method, or class with a
    /// Python `__init__`, or a generator's bound `send`/`__next__`)? Built-ins calling it per
    /// item then iterate in Python too.
    pub fn runs_python(&self, f: &Value) -> bool {
        let is_generator = |v: &Value| matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Obj::Generator(_)));
        match f.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Function(_)) => true,
            Some(Obj::BoundMethod { func, slf }) => self.runs_python(func) || is_generator(slf),
            Some(Obj::Native(n)) => is_generator(&n.slf),
            Some(Obj::Instance(_)) => true,
            _ => false,
        }
    }

    /// A tail call to `_interleave_iter.<helper>(args…)`, for built-ins whose iterable runs
    /// Python code.
    pub fn python_iteration(&mut self, helper: &str, args: Vec<Value>) -> PyResult<Value> {
        let module = self.load_module("_interleave_iter")?;
        let f = self.getattr_nested(&module, helper)?;
        Err(Flow::TailCall(Box::new((f, args))))
    }

    /// Calls `_interleave_iter.<helper>(args…)` in a frame whose result `action` delivers: how
    /// an instruction consumes an iterable that runs Python code (`[*gen]`, `a, b = gen`).
    pub(crate) fn call_iter_helper(&mut self, helper: &str, args: Vec<Value>, action: ReturnAction) -> PyResult<()> {
        let module = self.load_module("_interleave_iter")?;
        let f = self.getattr_nested(&module, helper)?;
        if let Some(v) = self.call_value(f, crate::native::Args::new(args), action.clone())? {
            self.apply_action(action, v)?;
        }
        Ok(())
    }

    /// One step of a built-in iterator: `Some(value)` or `None` when exhausted.
    pub(crate) fn iter_next_builtin(&mut self, r: ObjRef) -> PyResult<Option<Value>> {
        let Obj::Iter(it) = self.heap.get(r) else { return Err(self.internal("not a built-in iterator")) };
        match it {
            Iter::Seq { seq, index } => {
                let (seq, index) = (*seq, *index);
                let v = match self.heap.get(seq) {
                    Obj::List(items) | Obj::Tuple(items) => items.get(index).cloned(),
                    _ => None,
                };
                if v.is_some()
                    && let Obj::Iter(Iter::Seq { index, .. }) = self.heap.get_mut(r) {
                        *index += 1;
                    }
                Ok(v)
            }
            Iter::Range { next, stop, step } => {
                let (n, stop, step) = (*next, *stop, *step);
                if (step > 0 && n < stop) || (step < 0 && n > stop) {
                    if let Obj::Iter(Iter::Range { next, .. }) = self.heap.get_mut(r) {
                        *next = n.saturating_add(step);
                    }
                    Ok(Some(Value::Int(n)))
                } else {
                    Ok(None)
                }
            }
            Iter::Str { s, byte_pos } => {
                let Value::Str(s) = s else { return Ok(None) };
                let pos = *byte_pos;
                let Some(c) = s.as_str()[pos..].chars().next() else { return Ok(None) };
                let v = Value::str(c);
                if let Obj::Iter(Iter::Str { byte_pos, .. }) = self.heap.get_mut(r) {
                    *byte_pos += c.len_utf8();
                }
                Ok(Some(v))
            }
            Iter::Bytes { b, index } => {
                let Some(b) = self.bytes_of(b) else { return Ok(None) };
                let v = b.get(*index).map(|&x| Value::Int(x as i64));
                if let Obj::Iter(Iter::Bytes { index, .. }) = self.heap.get_mut(r) {
                    *index += 1;
                }
                Ok(v)
            }
            Iter::Dict { dict, index, len, kind } => {
                let (dict, mut i, len, kind) = (*dict, *index, *len, *kind);
                let (d, is_set) = match self.heap.get(dict) {
                    Obj::Dict(d) => (d, false),
                    Obj::Set { items, .. } => (items, true),
                    _ => return Ok(None),
                };
                if d.len() != len {
                    let what = if is_set { "Set" } else { "dictionary" };
                    let msg = format!("{what} changed size during iteration");
                    return Err(self.err(self.t.runtime_error, msg));
                }
                while i < d.raw_len() && d.raw_entry(i).is_none() {
                    i += 1;
                }
                let item = d.raw_entry(i).map(|(k, v)| (k.clone(), v.clone()));
                if let Obj::Iter(Iter::Dict { index, .. }) = self.heap.get_mut(r) {
                    *index = i + 1;
                }
                Ok(item.map(|(k, v)| match kind {
                        DictIterKind::Keys => k,
                        DictIterKind::Values => v,
                        DictIterKind::Items => self.new_tuple(vec![k, v]),
                    }))
            }
            Iter::Enumerate { it, count } => {
                let (it, count) = (it.clone(), count.clone());
                match self.next_nested(&it)? {
                    Some(v) => {
                        let next_count = match &count {
                            Value::Int(i) => Value::Int(i + 1),
                            other => self.binary_op(interleave_compiler::BinOp::Add, other, &Value::Int(1))?,
                        };
                        if let Obj::Iter(Iter::Enumerate { count, .. }) = self.heap.get_mut(r) {
                            *count = next_count;
                        }
                        Ok(Some(self.new_tuple(vec![count, v])))
                    }
                    None => Ok(None),
                }
            }
            Iter::Zip { its } => {
                let its = its.clone();
                let mut out = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next_nested(it)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                if out.is_empty() {
                    return Ok(None);
                }
                Ok(Some(self.new_tuple(out)))
            }
            Iter::Reversed { seq, index } => {
                let (seq, index) = (*seq, *index);
                if index == 0 {
                    return Ok(None);
                }
                let v = match self.heap.get(seq) {
                    Obj::List(items) | Obj::Tuple(items) => items.get(index - 1).cloned(),
                    _ => None,
                };
                if let Obj::Iter(Iter::Reversed { index, .. }) = self.heap.get_mut(r) {
                    *index -= 1;
                }
                Ok(v)
            }
            Iter::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                let v = self.call_nested(func, vec![])?;
                if self.eq(&v, &sentinel)? { Ok(None) } else { Ok(Some(v)) }
            }
            Iter::Values { items, index } => {
                let v = items.get(*index).cloned();
                if let Obj::Iter(Iter::Values { index, .. }) = self.heap.get_mut(r) {
                    *index += 1;
                }
                Ok(v)
            }
            Iter::Map { func, its } => {
                let (func, its) = (func.clone(), its.clone());
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next_nested(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call_nested(func, args).map(Some)
            }
            Iter::Filter { func, it } => {
                let (func, it) = (func.clone(), it.clone());
                while let Some(v) = self.next_nested(&it)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call_nested(func.clone(), vec![v.clone()])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
        }
    }

    /// `next(it)` from Rust: `Some(value)` or `None` at the end, running Python code nested.
    pub fn next_nested(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = it {
            match self.heap.get(*r) {
                Obj::Iter(_) => return self.iter_next_builtin(*r),
                Obj::Generator(_) => {
                    self.check_nested_depth(super::PLAIN)?;
                    let floor = self.threads[self.cur].frames.len();
                    match self.resume_generator(*r, Value::None, ResumeMode::Nested) {
                        Ok(()) => {}
                        Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.stop_iteration) => return Ok(None),
                        Err(e) => return Err(e),
                    }
                    let r = self.run_nested(floor);
                    return match r {
                        Ok(v) => Ok(Some(v)),
                        Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.stop_iteration) => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                _ => {}
            }
        }
        let Some(next) = self.lookup_method(it, "__next__") else {
            let msg = format!("'{}' object is not an iterator", self.type_name(it));
            return Err(self.err(self.t.type_error, msg));
        };
        match self.call_nested(next, vec![it.clone()]) {
            Ok(v) => Ok(Some(v)),
            Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// All items of an iterable, as a vector (running Python code nested if needed).
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(inner) = self.delegate(v, "__iter__") {
            return self.collect_iterable(&inner);
        }
        if let Value::Obj(r) = v {
            match self.heap.get(*r) {
                Obj::List(items) | Obj::Tuple(items) => return Ok(items.clone()),
                Obj::Dict(d) => return Ok(d.keys().cloned().collect()),
                Obj::Set { items, table, .. } => return Ok(crate::setorder::iteration_order(items, table)),
                _ => {}
            }
        }
        let it = self.get_iter(v);
        let it = self.nested(it)?;
        let mut out = Vec::new();
        while let Some(x) = self.next_nested(&it)? {
            out.push(x);
            if out.len() > self.limits.max_container_len {
                return Err(self.memory_error());
            }
            if out.len() % 64 == 0 {
                self.charge(64);
                if self.steps > self.limits.max_steps {
                    return Err(Flow::Stop(Rc::new(crate::native::RunStop::StepLimit(self.limits.max_steps))));
                }
            }
        }
        Ok(out)
    }

    /// Unpacks `v` into exactly `n` values, or (`after` given) `n` before, a list, `after` after.
    /// `None` when iterating `v` runs Python code: its items are then collected in frames
    /// (as many as CPython takes), and the instruction runs again with them in a list.
    pub(crate) fn unpack(&mut self, v: &Value, n: usize, after: Option<usize>) -> PyResult<Option<Vec<Value>>> {
        let items = match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::List(items)) | Some(Obj::Tuple(items)) => items.clone(),
            _ => {
                if matches!(v, Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_)) {
                    let msg = format!("cannot unpack non-iterable {} object", self.type_name(v));
                    return Err(self.err(self.t.type_error, msg));
                }
                if self.iterates_in_python(v) {
                    let retry = ReturnAction::RetryWith { depth: 0 };
                    match after {
                        // CPython takes one more than `n`, to tell "too many values".
                        None => self.call_iter_helper("unpack_", vec![v.clone(), Value::Int(n as i64)], retry)?,
                        Some(_) => self.call_iter_helper("list_", vec![v.clone()], retry)?,
                    }
                    return Ok(None);
                }
                self.collect_iterable(v)?
            }
        };
        match after {
            None => {
                if items.len() != n {
                    let msg = if items.len() > n {
                        format!("too many values to unpack (expected {n})")
                    } else {
                        format!("not enough values to unpack (expected {n}, got {})", items.len())
                    };
                    return Err(self.err(self.t.value_error, msg));
                }
                Ok(Some(items))
            }
            Some(after) => {
                if items.len() < n + after {
                    let msg = format!("not enough values to unpack (expected at least {}, got {})", n + after, items.len());
                    return Err(self.err(self.t.value_error, msg));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(n);
                let list = self.new_list(middle);
                items.push(list);
                items.extend(tail);
                Ok(Some(items))
            }
        }
    }

    /// `ListAppend`, `SetAdd`, `ListExtend`, `SetUpdate`, `DictUpdate`, `DictMerge`.
    pub(crate) fn collection_add(&mut self, instr: Instr, target: &Value, v: Value) -> PyResult<()> {
        let Value::Obj(t) = target else { return Err(self.internal("collection op on a non-object")) };
        let t = *t;
        match instr {
            Instr::ListAppend(_) => {
                if let Obj::List(l) = self.heap.get_mut(t) {
                    l.push(v);
                }
            }
            Instr::ListExtend(_) | Instr::SetUpdate(_) if self.iterates_in_python(&v) => {
                // Collected in frames; the instruction then runs again on the list.
                self.call_iter_helper("list_", vec![v], ReturnAction::RetryWith { depth: 0 })?;
            }
            Instr::ListExtend(_) => {
                self.check_star_iterable(&v)?;
                let items = self.collect_iterable(&v)?;
                if let Obj::List(l) = self.heap.get_mut(t) {
                    l.extend(items);
                }
            }
            Instr::SetAdd(_) => self.set_add(t, v)?,
            Instr::SetUpdate(_) => self.set_update(t, &v)?,
            Instr::DictUpdate(_) => self.dict_update_from(t, &v)?,
            Instr::DictMerge(i) => self.dict_merge(i, target, v)?,
            _ => return Err(self.internal("bad collection op")),
        }
        Ok(())
    }

    /// Resolves a possibly negative index against `len` (IndexError text from the caller).
    pub fn norm_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                let msg = "cannot fit 'int' into an index-sized integer".to_string();
                return Err(self.err(self.t.index_error, msg));
            }
            _ => {
                if let Some(i) = self.index_value(key)? {
                    return self.norm_index(&i, len, what);
                }
                let msg = format!("{what} indices must be integers or slices, not {}", self.type_name(key));
                return Err(self.err(self.t.type_error, msg));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let msg = format!("{what} index out of range");
            return Err(self.err(self.t.index_error, msg));
        }
        Ok(j as usize)
    }

    /// The (start, stop, step) a slice object selects in a sequence of length `len`,
    /// as CPython's `PySlice_GetIndicesEx`.
    pub fn slice_indices(&mut self, slice: ObjRef, len: usize) -> PyResult<(i64, i64, i64)> {
        let Obj::Slice { start, stop, step } = self.heap.get(slice) else { return Err(self.internal("not a slice")) };
        let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
        fn as_int(this: &mut Interp, v: &Value) -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                Value::BigInt(b) => Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 })),
                _ => match this.index_value(v)? {
                    Some(i) if !matches!(i, Value::Obj(_)) => as_int(this, &i),
                    _ => Err(this.err(
                        this.t.type_error,
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        }
        let step = as_int(self, &step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.err(self.t.value_error, "slice step cannot be zero"));
        }
        let len = len as i64;
        let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
            match v {
                None => default,
                Some(mut x) => {
                    if x < 0 {
                        x += len;
                        if x < lo {
                            x = lo;
                        }
                    } else if x > hi {
                        x = hi;
                    }
                    x
                }
            }
        };
        let (start_v, stop_v) = (as_int(self, &start)?, as_int(self, &stop)?);
        let (s, e) = if step > 0 {
            (clamp(start_v, 0, 0, len), clamp(stop_v, len, 0, len))
        } else {
            (clamp(start_v, len - 1, -1, len - 1), clamp(stop_v, -1, -1, len - 1))
        };
        Ok((s, e, step))
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Some(inner) = self.delegate(obj, "__getitem__") {
            return match self.getitem(&inner, key) {
                Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.key_error) => {
                    // `__missing__` of dict subclasses (defaultdict, Counter).
                    match self.class_lookup(self.type_of(obj), "__missing__") {
                        Some(m) => Err(Flow::TailCall(Box::new((m, vec![obj.clone(), key.clone()])))),
                        None => Err(Flow::Exc(e)),
                    }
                }
                r => r,
            };
        }
        if let Value::Obj(r) = obj {
            let r = *r;
            let slice = match key {
                Value::Obj(k) if matches!(self.heap.get(*k), Obj::Slice { .. }) => Some(*k),
                _ => None,
            };
            match self.heap.get(r) {
                Obj::List(items) | Obj::Tuple(items) => {
                    let is_list = matches!(self.heap.get(r), Obj::List(_));
                    let len = items.len();
                    if let Some(s) = slice {
                        let (start, stop, step) = self.slice_indices(s, len)?;
                        let (Obj::List(items) | Obj::Tuple(items)) = self.heap.get(r) else { unreachable!() };
                        let out = slice_pick(items, start, stop, step);
                        return Ok(self.alloc(if is_list { Obj::List(out) } else { Obj::Tuple(out) }));
                    }
                    if let Value::Int(i) = key {
                        let j = if *i < 0 { *i + len as i64 } else { *i };
                        if j >= 0 && (j as usize) < len {
                            let (Obj::List(items) | Obj::Tuple(items)) = self.heap.get(r) else { unreachable!() };
                            return Ok(items[j as usize].clone());
                        }
                    }
                    let i = self.norm_index(key, len, if is_list { "list" } else { "tuple" })?;
                    let (Obj::List(items) | Obj::Tuple(items)) = self.heap.get(r) else { unreachable!() };
                    return Ok(items[i].clone());
                }
                Obj::ByteArray(_) => return self.bytearray_getitem(r, key),
                Obj::MemoryView { .. } => return self.memoryview_getitem(r, key),
                Obj::Dict(_) => {
                    return match self.dict_get(r, key)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(key.clone())),
                    };
                }
                Obj::Range { start, stop, step } => {
                    let (start, stop, step) = (*start, *stop, *step);
                    let len = range_len(start, stop, step) as usize;
                    if let Some(s) = slice {
                        let (a, b, c) = self.slice_indices(s, len)?;
                        let n_start = start + a * step;
                        let n_stop = start + b * step;
                        return Ok(self.alloc(Obj::Range { start: n_start, stop: n_stop, step: step * c }));
                    }
                    let i = self.norm_index(key, len, "range object")?;
                    return Ok(Value::Int(start + i as i64 * step));
                }
                Obj::Instance(inst) => {
                    let cls = inst.class;
                    if let Some(m) = self.class_lookup(cls, "__getitem__") {
                        return Err(Flow::TailCall(Box::new((m, vec![obj.clone(), key.clone()]))));
                    }
                    if let Payload::Deque { items, .. } = &inst.payload {
                        let len = items.len();
                        let i = self.norm_index(key, len, "deque")?;
                        let Obj::Instance(inst) = self.heap.get(r) else { unreachable!() };
                        if let Payload::Deque { items, .. } = &inst.payload {
                            return Ok(items[i].clone());
                        }
                    }
                }
                Obj::Class(c) => {
                    let builtin = c.builtin;
                    if let Some(m) = self.class_lookup(r, "__class_getitem__") {
                        let m = match m.as_obj().map(|o| self.heap.get(o)) {
                            Some(Obj::ClassMethod(f) | Obj::StaticMethod(f)) => f.clone(),
                            _ => m,
                        };
                        return Err(Flow::TailCall(Box::new((m, vec![obj.clone(), key.clone()]))));
                    }
                    if builtin {
                        // FIXME: `list[int]` should be a `types.GenericAlias`; the class itself
                        // stands in for it.
                        return Ok(obj.clone());
                    }
                }
                _ => {}
            }
        }
        match obj {
            Value::Str(s) => {
                if let Value::Obj(k) = key
                    && matches!(self.heap.get(*k), Obj::Slice { .. }) {
                        let (start, stop, step) = self.slice_indices(*k, s.len())?;
                        if step == 1 {
                            let out = if start < stop { s.char_slice(start as usize, stop as usize).to_owned() } else { String::new() };
                            return Ok(Value::str(out));
                        }
                        let chars: Vec<char> = s.as_str().chars().collect();
                        let out: String = slice_pick(&chars, start, stop, step).into_iter().collect();
                        return Ok(Value::str(out));
                    }
                let i = self.norm_index(key, s.len(), "string")?;
                Ok(Value::str(s.char_at(i).unwrap_or(' ')))
            }
            Value::Bytes(b) => {
                if let Value::Obj(k) = key
                    && matches!(self.heap.get(*k), Obj::Slice { .. }) {
                        let (start, stop, step) = self.slice_indices(*k, b.len())?;
                        let out = slice_pick(b, start, stop, step);
                        return Ok(Value::Bytes(Rc::from(out)));
                    }
                let i = self.norm_index(key, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            _ => {
                let msg = if self.is_class(obj) {
                    format!("type '{}' is not subscriptable", self.class(obj.as_obj().expect("class")).name)
                } else {
                    format!("'{}' object is not subscriptable", self.type_name(obj))
                };
                Err(self.err(self.t.type_error, msg))
            }
        }
    }

    /// `obj[key] = v`.
    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        if let Some(inner) = self.delegate(obj, "__setitem__") {
            return self.setitem(&inner, key, v);
        }
        if let Value::Obj(r) = obj {
            let r = *r;
            match self.heap.get(r) {
                Obj::List(items) => {
                    let len = items.len();
                    if let Value::Obj(k) = &key
                        && matches!(self.heap.get(*k), Obj::Slice { .. }) {
                            let (start, stop, step) = self.slice_indices(*k, len)?;
                            let new_items = self.collect_iterable(&v)?;
                            return self.list_assign_slice(r, start, stop, step, new_items);
                        }
                    let i = self.norm_index(&key, len, "list assignment")?;
                    if let Obj::List(items) = self.heap.get_mut(r) {
                        items[i] = v;
                    }
                    return Ok(());
                }
                Obj::Dict(_) => return self.dict_setitem(r, key, v),
                Obj::ByteArray(_) => return self.bytearray_setitem(r, &key, &v),
                Obj::MemoryView { .. } => return self.memoryview_store(r, false),
                Obj::Instance(inst) => {
                    let cls = inst.class;
                    if let Some(m) = self.class_lookup(cls, "__setitem__") {
                        return Err(Flow::TailCall(Box::new((m, vec![obj.clone(), key, v]))));
                    }
                    if let Payload::Deque { items, .. } = &inst.payload {
                        let i = self.norm_index(&key, items.len(), "deque")?;
                        if let Obj::Instance(inst) = self.heap.get_mut(r)
                            && let Payload::Deque { items, .. } = &mut inst.payload {
                                items[i] = v;
                            }
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let msg = format!("'{}' object does not support item assignment", self.type_name(obj));
        Err(self.err(self.t.type_error, msg))
    }

    fn list_assign_slice(&mut self, r: ObjRef, start: i64, stop: i64, step: i64, new_items: Vec<Value>) -> PyResult<()> {
        let Obj::List(items) = self.heap.get_mut(r) else { return Ok(()) };
        if step == 1 {
            let stop = stop.max(start);
            items.splice(start as usize..stop as usize, new_items);
            return Ok(());
        }
        let idx: Vec<usize> = slice_positions(start, stop, step).collect();
        if idx.len() != new_items.len() {
            let msg = format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                idx.len()
            );
            return Err(self.err(self.t.value_error, msg));
        }
        for (i, v) in idx.into_iter().zip(new_items) {
            items[i] = v;
        }
        Ok(())
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if let Some(inner) = self.delegate(obj, "__delitem__") {
            return self.delitem(&inner, key);
        }
        if let Value::Obj(r) = obj {
            let r = *r;
            match self.heap.get(r) {
                Obj::List(items) => {
                    let len = items.len();
                    if let Value::Obj(k) = key
                        && matches!(self.heap.get(*k), Obj::Slice { .. }) {
                            let (start, stop, step) = self.slice_indices(*k, len)?;
                            let mut idx: Vec<usize> = slice_positions(start, stop, step).collect();
                            idx.sort_unstable();
                            if let Obj::List(items) = self.heap.get_mut(r) {
                                for i in idx.into_iter().rev() {
                                    items.remove(i);
                                }
                            }
                            return Ok(());
                        }
                    let i = self.norm_index(key, len, "list assignment")?;
                    if let Obj::List(items) = self.heap.get_mut(r) {
                        items.remove(i);
                    }
                    return Ok(());
                }
                Obj::ByteArray(_) => return self.bytearray_delitem(r, key),
                Obj::MemoryView { .. } => return self.memoryview_store(r, true),
                Obj::Dict(_) => {
                    return match self.dict_remove(r, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key.clone())),
                    };
                }
                Obj::Instance(inst) => {
                    let cls = inst.class;
                    if let Some(m) = self.class_lookup(cls, "__delitem__") {
                        return Err(Flow::TailCall(Box::new((m, vec![obj.clone(), key.clone()]))));
                    }
                }
                _ => {}
            }
        }
        let msg = format!("'{}' object does not support item deletion", self.type_name(obj));
        Err(self.err(self.t.type_error, msg))
    }
}

/// Positions selected by a normalised slice.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

/// The items of `items` selected by a normalised slice.
pub fn slice_pick<T: Clone>(items: &[T], start: i64, stop: i64, step: i64) -> Vec<T> {
    if step == 1 {
        if start >= stop {
            return Vec::new();
        }
        return items[start as usize..stop as usize].to_vec();
    }
    slice_positions(start, stop, step).map(|i| items[i].clone()).collect()
}
