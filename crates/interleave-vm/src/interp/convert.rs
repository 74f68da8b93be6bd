//! Hashing, dict and set operations on arbitrary keys, and `repr()`/`str()` of values.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::dict::Dict;
use crate::hashing;
use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

/// Key equality that needs no Python code: `Some(answer)` or `None` when a user `__eq__`
/// (or a nested container holding one) must decide.
fn simple_eq(heap: &crate::heap::Heap, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Str(x), Value::Str(y)) => Some(Rc::ptr_eq(x, y) || x.as_str() == y.as_str()),
        (Value::None, Value::None) => Some(true),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Float(x), Value::Int(y)) | (Value::Int(y), Value::Float(x)) => Some(*x == *y as f64 && x.fract() == 0.0 && (*x as i64) == *y),
        (Value::Float(x), Value::Bool(y)) | (Value::Bool(y), Value::Float(x)) => Some(*x == *y as i64 as f64),
        (Value::BigInt(x), Value::BigInt(y)) => Some(x == y),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x == y),
        (Value::Obj(x), Value::Obj(y)) => {
            if x == y {
                return Some(true);
            }
            match (heap.get(*x), heap.get(*y)) {
                (Obj::Tuple(p), Obj::Tuple(q)) => {
                    if p.len() != q.len() {
                        return Some(false);
                    }
                    for (u, v) in p.iter().zip(q) {
                        match simple_eq(heap, u, v) {
                            Some(true) => {}
                            other => return other,
                        }
                    }
                    Some(true)
                }
                // A complex key equals ints and floats: `eq` decides.
                (Obj::Instance(_) | Obj::Complex { .. }, _) | (_, Obj::Instance(_) | Obj::Complex { .. }) => None,
                (Obj::Set { .. }, Obj::Set { .. }) => None,
                (Obj::ByteArray(p), Obj::ByteArray(q)) => Some(p == q),
                _ => Some(false),
            }
        }
        (Value::Obj(x), _) | (_, Value::Obj(x)) => match heap.get(*x) {
            Obj::Instance(_) | Obj::Complex { .. } | Obj::ByteArray(_) => None,
            _ => Some(false),
        },
        _ => Some(false),
    }
}

impl Interp {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(inner) = self.delegate(v, "__hash__")
            && matches!(inner.as_obj().map(|r| self.heap.get(r)), Some(Obj::Tuple(_))) {
                return self.hash(&inner);
            }
        Ok(match v {
            Value::Str(s) => hashing::str_hash(s),
            Value::Int(i) => hashing::int_hash(*i),
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => hashing::bigint_hash(b),
            Value::Float(f) => hashing::float_hash(*f),
            Value::None => hashing::NONE_HASH,
            Value::Bytes(b) => hashing::bytes_hash(b),
            Value::Null | Value::NotImplemented | Value::Ellipsis => 0x1234_5678,
            Value::Obj(r) => {
                let r = *r;
                match self.heap.get(r) {
                    Obj::Tuple(items) => {
                        let items = items.clone();
                        let mut hs = Vec::with_capacity(items.len());
                        for it in &items {
                            hs.push(self.hash(it)?);
                        }
                        hashing::tuple_hash(&hs)
                    }
                    Obj::Set { frozen: true, items, .. } => {
                        let hs: Vec<i64> = items.iter_hashed().map(|(h, _, _)| h).collect();
                        hashing::frozenset_hash(&hs)
                    }
                    Obj::Complex { re, im } => super::complex::complex_hash(*re, *im),
                    Obj::MemoryView { .. } => {
                        let (obj, ..) = self.memoryview_window(r)?;
                        if self.is_bytearray(&obj) {
                            return Err(self.err(self.t.value_error, "cannot hash writable memoryview object"));
                        }
                        hashing::bytes_hash(self.bytes_of(v).unwrap_or_default())
                    }
                    Obj::List(_) | Obj::ByteArray(_) | Obj::Dict(_) | Obj::Set { .. } | Obj::Slice { .. } => {
                        let msg = format!("unhashable type: '{}'", self.type_name(v));
                        return Err(self.err(self.t.type_error, msg));
                    }
                    Obj::Instance(inst) => {
                        let cls = inst.class;
                        match self.class_lookup(cls, "__hash__") {
                            Some(Value::None) => {
                                let msg = format!("unhashable type: '{}'", self.type_name(v));
                                return Err(self.err(self.t.type_error, msg));
                            }
                            Some(h) if matches!(h.as_obj().map(|o| self.heap.get(o)), Some(Obj::Function(_))) => {
                                let r = self.call_nested(h, vec![v.clone()])?;
                                match r {
                                    Value::Int(i) => if i == -1 { -2 } else { i },
                                    Value::BigInt(b) => hashing::bigint_hash(&b),
                                    Value::Bool(b) => b as i64,
                                    _ => {
                                        return Err(self.err(self.t.type_error, "__hash__ method should return an integer"));
                                    }
                                }
                            }
                            _ => {
                                if self.class_lookup(cls, "__eq__").is_some_and(|e| {
                                    matches!(e.as_obj().map(|o| self.heap.get(o)), Some(Obj::Function(_)))
                                }) {
                                    let msg = format!("unhashable type: '{}'", self.type_name(v));
                                    return Err(self.err(self.t.type_error, msg));
                                }
                                hashing::identity_hash(r)
                            }
                        }
                    }
                    _ => hashing::identity_hash(r),
                }
            }
        })
    }

    /// Finds `key` in a dict-like table (`Obj::Dict` or the table of an `Obj::Set`).
    pub(crate) fn table_find(&mut self, table: ObjRef, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let mut candidates = Vec::new();
        let found = {
            let d = match self.heap.get(table) {
                Obj::Dict(d) => d,
                Obj::Set { items, .. } => items,
                _ => return Err(self.internal("not a table")),
            };
            let heap = &self.heap;
            d.find(hash, |k| match simple_eq(heap, k, key) {
                Some(b) => b,
                None => {
                    candidates.push(k.clone());
                    false
                }
            })
        };
        if found.is_some() {
            return Ok(found);
        }
        for c in candidates {
            if self.eq(&c, key)? {
                let d = match self.heap.get(table) {
                    Obj::Dict(d) => d,
                    Obj::Set { items, .. } => items,
                    _ => return Ok(None),
                };
                return Ok(d.find(hash, |k| k.is(&c)));
            }
        }
        Ok(None)
    }

    /// The `Dict` of a dict object (a set's `Dict` is changed only through `sets.rs`, which
    /// keeps its slot table in step).
    fn table_mut(&mut self, table: ObjRef) -> Option<&mut Dict> {
        match self.heap.get_mut(table) {
            Obj::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// `d.get(key)` for a dict object.
    pub fn dict_get(&mut self, d: ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        Ok(self.table_find(d, key, hash)?.map(|i| match self.heap.get(d) {
            Obj::Dict(d) => d.value_at(i).clone(),
            _ => Value::None,
        }))
    }

    /// Lookup of a str key (no Python code can run).
    pub fn dict_get_value(&self, d: ObjRef, key: &Value) -> Option<Value> {
        let Value::Str(s) = key else { return None };
        let Obj::Dict(dict) = self.heap.get(d) else { return None };
        dict.find_pystr(hashing::str_hash(s), s).map(|i| dict.value_at(i).clone())
    }

    /// `d[key] = v`.
    pub fn dict_setitem(&mut self, d: ObjRef, key: Value, v: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        let idx = self.table_find(d, &key, hash)?;
        let Some(dict) = self.table_mut(d) else { return Err(self.internal("setitem on non-dict")) };
        match idx {
            Some(i) => dict.set_value_at(i, v),
            None => dict.insert_new(hash, key, v),
        }
        Ok(())
    }

    /// `d.pop(key, <missing>)`.
    pub fn dict_remove(&mut self, d: ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let idx = self.table_find(d, key, hash)?;
        Ok(idx.and_then(|i| self.table_mut(d).map(|t| t.remove_at(i).1)))
    }

    /// Deletes a str key; false if absent.
    pub fn dict_del_str(&mut self, d: ObjRef, key: &Value) -> bool {
        let Value::Str(s) = key else { return false };
        let hash = hashing::str_hash(s);
        let Obj::Dict(dict) = self.heap.get_mut(d) else { return false };
        match dict.find_str(hash, s.as_str()) {
            Some(i) => {
                dict.remove_at(i);
                true
            }
            None => false,
        }
    }

    pub fn dict_copy(&mut self, d: ObjRef) -> ObjRef {
        let copy = match self.heap.get(d) {
            Obj::Dict(d) => d.clone(),
            _ => Dict::new(),
        };
        self.heap.alloc(Obj::Dict(copy))
    }

    /// `d.update(src)` where `src` is a mapping or an iterable of pairs.
    pub fn dict_update_from(&mut self, d: ObjRef, src: &Value) -> PyResult<()> {
        if let Some(Obj::Dict(s)) = src.as_obj().map(|r| self.heap.get(r)) {
            let entries: Vec<(i64, Value, Value)> = s.iter_hashed().map(|(h, k, v)| (h, k.clone(), v.clone())).collect();
            for (h, k, v) in entries {
                let idx = self.table_find(d, &k, h)?;
                if let Some(t) = self.table_mut(d) {
                    match idx {
                        Some(i) => t.set_value_at(i, v),
                        None => t.insert_new(h, k, v),
                    }
                }
            }
            return Ok(());
        }
        if let Some(keys) = self.getattr_opt(src, "keys")? {
            let ks = self.call_nested(keys, vec![])?;
            for k in self.collect_iterable(&ks)? {
                let v = self.getitem(src, &k);
                let v = self.nested(v)?;
                self.dict_setitem(d, k, v)?;
            }
            return Ok(());
        }
        for (n, item) in self.collect_iterable(src)?.into_iter().enumerate() {
            let pair = self.collect_iterable(&item).map_err(|_| {
                let msg = format!("cannot convert dictionary update sequence element #{n} to a sequence");
                self.err(self.t.type_error, msg)
            })?;
            if pair.len() != 2 {
                let msg = format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                );
                return Err(self.err(self.t.value_error, msg));
            }
            let mut it = pair.into_iter();
            let (k, v) = (it.next().expect("pair"), it.next().expect("pair"));
            self.dict_setitem(d, k, v)?;
        }
        Ok(())
    }

    // ---- repr and str ----

    /// `repr(v)` as a Rust string (user `__repr__` runs nested).
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.bigint_to_string(b)?,
            Value::Float(f) => interleave_algo::float_repr(*f),
            Value::Str(s) => interleave_algo::str_repr(s.as_str()),
            Value::Bytes(b) => interleave_algo::bytes_repr(b),
            Value::Obj(r) => return self.repr_obj(*r, v),
        })
    }

    pub fn bigint_to_string(&mut self, b: &BigInt) -> PyResult<String> {
        interleave_algo::int_to_decimal(b).map_err(|e| self.algo_err(e))
    }

    fn repr_obj(&mut self, r: ObjRef, v: &Value) -> PyResult<String> {
        // Containers print `[...]` for themselves (CPython's `Py_ReprEnter`); other objects
        // (a `__repr__` calling `repr(self)`) recurse until `RecursionError`.
        if self.repr_guard.contains(&r) {
            match self.heap.get(r) {
                Obj::List(_) => return Ok("[...]".into()),
                Obj::Dict(_) => return Ok("{...}".into()),
                Obj::Tuple(_) => return Ok("(...)".into()),
                Obj::Set { .. } => return Ok("set(...)".into()),
                Obj::Instance(_) => {}
                _ => return Ok("...".into()),
            }
        }
        if self.repr_guard.len() > self.limits.max_recursion {
            return Err(self.err(self.t.recursion_error, "maximum recursion depth exceeded while getting the repr of an object"));
        }
        self.repr_guard.push(r);
        let out = self.repr_obj_inner(r, v);
        self.repr_guard.pop();
        out
    }

    fn repr_items(&mut self, items: &[Value], sep: &str) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for it in items {
            parts.push(self.repr(it)?);
        }
        Ok(parts.join(sep))
    }

    fn repr_obj_inner(&mut self, r: ObjRef, v: &Value) -> PyResult<String> {
        if let Some(inner) = self.delegate(v, "__repr__") {
            return self.repr(&inner);
        }
        // Instances of classes with a `__repr__` written in Rust (locks, deques…).
        if let Obj::Instance(inst) = self.heap.get(r)
            && let Some(m) = self.class_lookup(inst.class, "__repr__")
                && matches!(m.as_obj().map(|o| self.heap.get(o)), Some(Obj::Native(n)) if n.owner != Some("object"))
                    && let Value::Str(s) = self.call_nested(m, vec![v.clone()])? {
                        return Ok(s.as_str().to_owned());
                    }
        match self.heap.get(r) {
            Obj::List(items) => {
                let items = items.clone();
                Ok(format!("[{}]", self.repr_items(&items, ", ")?))
            }
            Obj::ByteArray(b) => Ok(format!("bytearray({})", interleave_algo::bytes_repr(b))),
            Obj::MemoryView { released, .. } => {
                let state = if *released { "released " } else { "" };
                Ok(format!("<{state}memory at {}>", crate::hashing::fake_address(r)))
            }
            Obj::Tuple(items) => {
                let items = items.clone();
                if items.len() == 1 {
                    return Ok(format!("({},)", self.repr(&items[0])?));
                }
                Ok(format!("({})", self.repr_items(&items, ", ")?))
            }
            Obj::Dict(d) => {
                let entries: Vec<(Value, Value)> = d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                let mut parts = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            }
            Obj::Set { items, table, frozen } => {
                let frozen = *frozen;
                let keys: Vec<Value> = crate::setorder::iteration_order(items, table);
                let name = if frozen { "frozenset" } else { "set" };
                if keys.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let inner = self.repr_items(&keys, ", ")?;
                Ok(if frozen { format!("frozenset({{{inner}}})") } else { format!("{{{inner}}}") })
            }
            Obj::Function(f) => {
                let q = match &f.qualname {
                    Value::Str(s) => s.as_str().to_owned(),
                    _ => String::new(),
                };
                Ok(format!("<function {q} at {}>", crate::hashing::fake_address(r)))
            }
            Obj::BoundMethod { func, slf } => {
                let (func, slf) = (func.clone(), slf.clone());
                let q = match func.as_obj().map(|o| self.heap.get(o)) {
                    Some(Obj::Function(f)) => match &f.qualname {
                        Value::Str(s) => s.as_str().to_owned(),
                        _ => String::new(),
                    },
                    _ => "?".into(),
                };
                let sr = self.repr(&slf)?;
                Ok(format!("<bound method {q} of {sr}>"))
            }
            Obj::Native(n) => Ok(match (n.owner, n.slf.is_null()) {
                (Some(owner), false) => {
                    let name = n.name.rsplit('.').next().unwrap_or(n.name);
                    format!("<built-in method {name} of {owner} object at {}>", crate::hashing::fake_address(r))
                }
                (Some(owner), true) => {
                    let name = n.name.rsplit('.').next().unwrap_or(n.name);
                    format!("<method '{name}' of '{owner}' objects>")
                }
                _ => format!("<built-in function {}>", n.name),
            }),
            Obj::Class(c) => {
                let module = if c.builtin {
                    "builtins".to_string()
                } else {
                    match self.dict_get_str(c.dict, "__module__") {
                        Some(Value::Str(m)) => m.as_str().to_owned(),
                        _ => "__main__".into(),
                    }
                };
                Ok(if module == "builtins" { format!("<class '{}'>", c.qualname) } else { format!("<class '{module}.{}'>", c.qualname) })
            }
            Obj::Module(m) => {
                let name = m.name.clone();
                Ok(if self.builtin_module_names.contains(&*name) || &*name == "__main__" {
                    if &*name == "__main__" { format!("<module '__main__' from '{}'>", self.main_file) } else { format!("<module '{name}' (built-in)>") }
                } else {
                    format!("<module '{name}'>")
                })
            }
            Obj::Cell(_) => Ok(format!("<cell at {}>", crate::hashing::fake_address(r))),
            Obj::Code(c) => Ok(format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.name,
                crate::hashing::fake_address(r),
                c.filename,
                c.first_line
            )),
            Obj::Generator(g) => {
                let q = match &g.qualname {
                    Value::Str(s) => s.as_str().to_owned(),
                    _ => String::new(),
                };
                let kind = if g.coroutine { "coroutine" } else { "generator" };
                Ok(format!("<{kind} object {q} at {}>", crate::hashing::fake_address(r)))
            }
            Obj::Complex { re, im } => Ok(super::complex::complex_repr(*re, *im)),
            Obj::Range { start, stop, step } => Ok(if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }),
            Obj::Slice { start, stop, step } => {
                let (a, b, c) = (start.clone(), stop.clone(), step.clone());
                Ok(format!("slice({}, {}, {})", self.repr(&a)?, self.repr(&b)?, self.repr(&c)?))
            }
            Obj::Instance(inst) => {
                let cls = inst.class;
                if let Some(m) = self.class_lookup(cls, "__repr__")
                    && matches!(m.as_obj().map(|o| self.heap.get(o)), Some(Obj::Function(_))) {
                        let res = self.call_nested_with(m, crate::native::Args::new(vec![v.clone()]), super::WHILE_REPR)?;
                        return match res {
                            Value::Str(s) => Ok(s.as_str().to_owned()),
                            other => {
                                let msg = format!("__repr__ returned non-string (type {})", self.type_name(&other));
                                Err(self.err(self.t.type_error, msg))
                            }
                        };
                    }
                if let Payload::Exception(e) = &inst.payload {
                    let args = e.args.clone();
                    let name = self.class(cls).name.clone();
                    let items = match args.as_obj().map(|o| self.heap.get(o)) {
                        Some(Obj::Tuple(items)) => items.clone(),
                        _ => vec![],
                    };
                    if items.len() == 1 {
                        return Ok(format!("{name}({})", self.repr(&items[0])?));
                    }
                    return Ok(format!("{name}({})", self.repr_items(&items, ", ")?));
                }
                if let Some(s) = crate::modules::repr_payload(self, r)? {
                    return Ok(s);
                }
                let c = self.class(cls);
                let module = match self.dict_get_str(c.dict, "__module__") {
                    Some(Value::Str(m)) => m.as_str().to_owned(),
                    _ => "__main__".into(),
                };
                let q = self.class(cls).qualname.clone();
                Ok(format!("<{module}.{q} object at {}>", crate::hashing::fake_address(r)))
            }
            Obj::Property { .. } => Ok(format!("<property object at {}>", crate::hashing::fake_address(r))),
            Obj::StaticMethod(_) => Ok(format!("<staticmethod object at {}>", crate::hashing::fake_address(r))),
            Obj::ClassMethod(_) => Ok(format!("<classmethod object at {}>", crate::hashing::fake_address(r))),
            Obj::Super { .. } => Ok("<super object>".into()),
            Obj::DictView(dv) => {
                let dv = *dv;
                self.view_repr(dv)
            }
            Obj::Iter(_) => {
                let tn = self.type_name(v);
                Ok(format!("<{tn} object at {}>", crate::hashing::fake_address(r)))
            }
        }
    }

    /// `str(v)` as a Rust string (user `__str__` runs nested).
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Obj(r) => {
                let r = *r;
                if let Obj::Instance(inst) = self.heap.get(r) {
                    let cls = inst.class;
                    if let Some(m) = self.class_lookup(cls, "__str__")
                        && matches!(m.as_obj().map(|o| self.heap.get(o)), Some(Obj::Function(_))) {
                            let res = self.call_nested_with(m, crate::native::Args::new(vec![v.clone()]), super::WHILE_STR)?;
                            return match res {
                                Value::Str(s) => Ok(s.as_str().to_owned()),
                                other => {
                                    let msg = format!("__str__ returned non-string (type {})", self.type_name(&other));
                                    Err(self.err(self.t.type_error, msg))
                                }
                            };
                        }
                    if let Payload::Exception(_) = &inst.payload {
                        return self.exception_str(r);
                    }
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a value (avoids a copy for strings).
    pub fn to_str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            _ => {
                let s = self.to_str(v)?;
                Ok(Value::str(s))
            }
        }
    }

    /// Maps an error from the algorithms crate to a Python exception.
    pub fn algo_err(&mut self, e: interleave_algo::AlgoError) -> Flow {
        use interleave_algo::ErrorKind as K;
        let cls = match e.kind {
            K::ValueError => self.t.value_error,
            K::TypeError => self.t.type_error,
            K::OverflowError => self.t.overflow_error,
            K::ZeroDivisionError => self.t.zero_division_error,
            K::IndexError => self.t.index_error,
            K::KeyError => self.t.key_error,
            K::MemoryError => return self.memory_error(),
        };
        self.err(cls, e.message)
    }
}
