//! Class creation: running a class body (`BuildClass`) and what CPython's `type.__new__` does
//! once the class exists (`__set_name__` on its attributes, then the base's
//! `__init_subclass__`).
//!
//! The two hooks run as nested calls (see the invariant in ARCHITECTURE.md): class creation
//! happens inside the `ReturnAction::ClassBody` of the body's frame and inside `type(…)`.

use std::rc::Rc;

use crate::frame::{Frame, ReturnAction};
use crate::interp::Interp;
use crate::native::{Args, Flow, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

impl Interp {
    /// `BuildClass { nbases }`: runs the class body in a fresh namespace.
    pub(crate) fn build_class(&mut self, nbases: usize) -> PyResult<()> {
        let cur = self.cur;
        let st = &mut self.threads[cur].stack;
        let orig_bases = st.split_off(st.len() - nbases);
        let name = st.pop().expect("stack");
        let body = st.pop().expect("stack");
        let bases = self.resolve_mro_entries(&orig_bases)?;
        let ns = self.new_dict();
        if bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(b)) {
            let orig = self.new_tuple(orig_bases);
            self.set_item_str(ns, "__orig_bases__", orig);
        }
        let Some(Obj::Function(f)) = body.as_obj().map(|r| self.heap.get(r)) else {
            return Err(self.internal("class body is not a function"));
        };
        let f = f.clone();
        self.check_recursion()?;
        let code = f.code.clone();
        let th = &mut self.threads[cur];
        let base = th.stack.len();
        th.stack.resize(base + code.varnames.len(), Value::Null);
        self.push_cells(&code, &f.closure, base);
        self.threads[cur].frames.push(Frame {
            code,
            values: f.values.clone(),
            ip: 0,
            base,
            ret_to: base,
            blocks: Vec::new(),
            globals: f.globals,
            locals: Some(ns),
            func: None,
            on_return: ReturnAction::ClassBody { name, bases, ns },
        });
        Ok(())
    }

    /// `types.resolve_bases` (PEP 560): a base that is not a class is replaced by what its
    /// `__mro_entries__(bases)` returns (`class P(NamedTuple)`, `class C(Generic[T])`).
    fn resolve_mro_entries(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        for b in bases {
            if self.is_class(b) {
                out.push(b.clone());
                continue;
            }
            let Some(entries) = self.getattr_opt(b, "__mro_entries__")? else {
                return Err(self.err(self.t.type_error, "bases must be types"));
            };
            let all = self.new_tuple(bases.to_vec());
            let r = self.call_nested(entries, vec![all])?;
            let Some(Obj::Tuple(items)) = r.as_obj().map(|o| self.heap.get(o)) else {
                return Err(self.err(self.t.type_error, "__mro_entries__ must return a tuple"));
            };
            let items = items.clone();
            for item in items {
                if !self.is_class(&item) {
                    return Err(self.err(self.t.type_error, "bases must be types"));
                }
                out.push(item);
            }
        }
        Ok(out)
    }

    /// Creates the class once its body has run.
    pub(crate) fn finish_class(&mut self, name: Value, bases: Vec<Value>, ns: ObjRef, body_result: Value) -> PyResult<Value> {
        let name_s: Rc<str> = match &name {
            Value::Str(s) => Rc::from(s.as_str()),
            _ => Rc::from("?"),
        };
        let qualname: Rc<str> = match self.dict_get_str(ns, "__qualname__") {
            Some(Value::Str(s)) => Rc::from(s.as_str()),
            _ => name_s.clone(),
        };
        let key = self.intern("__qualname__");
        self.dict_del_str(ns, &key);
        let bases: Vec<ObjRef> = bases.iter().filter_map(|b| b.as_obj()).collect();
        self.prepare_class_namespace(ns);
        let cls = self.new_class(name_s, qualname, bases, ns)?;
        if let Some(cell) = body_result.as_obj()
            && let Obj::Cell(_) = self.heap.get(cell) {
                *self.heap.get_mut(cell) = Obj::Cell(Value::Obj(cls));
            }
        self.class_created(cls, Vec::new())?;
        Ok(Value::Obj(cls))
    }

    /// Prepares a namespace before the class is made from it, as `type.__new__` does:
    /// `__init_subclass__` and `__class_getitem__` written as plain functions become class
    /// methods, and a namespace without `__doc__` gets `__doc__ = None` (so that `C.__doc__`
    /// and `C().__doc__` never find a base class's docstring).
    pub(crate) fn prepare_class_namespace(&mut self, ns: ObjRef) {
        for name in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = self.dict_get_str(ns, name)
                && matches!(f.as_obj().map(|r| self.heap.get(r)), Some(Obj::Function(_))) {
                    let cm = self.alloc(Obj::ClassMethod(f));
                    self.set_item_str(ns, name, cm);
                }
        }
        if self.dict_get_str(ns, "__doc__").is_none() {
            self.set_item_str(ns, "__doc__", Value::None);
        }
        // A class that defines `__eq__` but not `__hash__` is unhashable: `type.__new__` sets
        // its `__hash__` to None (visible as `C.__hash__`).
        if self.dict_get_str(ns, "__eq__").is_some() && self.dict_get_str(ns, "__hash__").is_none() {
            self.set_item_str(ns, "__hash__", Value::None);
        }
    }

    /// The end of `type.__new__`: calls `__set_name__(cls, name)` on every attribute whose
    /// type defines it, then `super(cls, cls).__init_subclass__(**kwargs)`.
    pub(crate) fn class_created(&mut self, cls: ObjRef, kwargs: Vec<(Rc<str>, Value)>) -> PyResult<()> {
        let dict = self.class(cls).dict;
        let items: Vec<(Value, Value)> = match self.heap.get(dict) {
            Obj::Dict(d) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        for (key, v) in items {
            if !matches!(v, Value::Obj(_)) {
                continue;
            }
            let ty = self.type_of(&v);
            let Some(set_name) = self.class_lookup(ty, "__set_name__") else { continue };
            if let Err(Flow::Exc(e)) = self.call_nested(set_name, vec![v.clone(), Value::Obj(cls), key.clone()]) {
                // CPython 3.11 wraps the error (`_PyErr_FormatFromCause`).
                let key_repr = self.repr(&key)?;
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {key_repr} in '{}'",
                    self.class(ty).name,
                    self.class(cls).name
                );
                let wrapped = self.new_exception_msg(self.t.runtime_error, msg);
                self.set_cause(wrapped, Value::Obj(e));
                self.set_context_if_unset(wrapped, e);
                return Err(Flow::Exc(wrapped));
            }
        }
        // `super(cls, cls).__init_subclass__`: the first definition after `cls` in its MRO.
        let mro = self.class(cls).mro.clone();
        let Some(hook) = mro.iter().skip(1).find_map(|&c| self.dict_get_str(self.class(c).dict, "__init_subclass__")) else {
            return Ok(());
        };
        let mut pos = Vec::new();
        let func = match hook.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::ClassMethod(f)) => {
                pos.push(Value::Obj(cls));
                f.clone()
            }
            Some(Obj::StaticMethod(f)) => f.clone(),
            _ => {
                pos.push(Value::Obj(cls));
                hook
            }
        };
        self.call_nested_args(func, Args { pos, kw: kwargs })?;
        Ok(())
    }
}
