//! Attribute assignment and deletion: `setattr`/`delattr` with the user hooks
//! (`__setattr__`, `__delattr__`, `__getattribute__`) and data descriptors (properties and
//! user descriptors with `__set__`/`__delete__`), as CPython's `PyObject_GenericSetAttr`.

use crate::dict::Dict;
use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, PyStr, Value};
use std::rc::Rc;

impl Interp {
    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let Value::Str(s) = name else { return Err(self.internal("attribute name is not a str")) };
        let name_s = s.as_str();
        let hash = crate::hashing::str_hash(s);
        // Fast path: a plain instance of a class without properties or `__setattr__`.
        if let Value::Obj(r) = obj
            && let Obj::Instance(inst) = self.heap.get(*r) {
                let c = self.class(inst.class);
                let plain = !self.late_properties
                    && !self.late_hooks
                    && !c.has_properties
                    && !c.custom_setattr
                    && c.slots.is_none();
                if plain && !matches!(inst.payload, Payload::Exception(_)) && inst.dict_obj.is_none() {
                    if let Obj::Instance(inst) = self.heap.get_mut(*r) {
                        match inst.dict.find_str(hash, name_s) {
                            Some(i) => inst.dict.set_value_at(i, v),
                            None => inst.dict.insert_new(hash, name.clone(), v),
                        }
                    }
                    return Ok(());
                }
            }
        let cls = self.type_of(obj);
        if (self.class(cls).custom_setattr || self.late_hooks)
            && let Some(sa) = self.class_lookup(cls, "__setattr__")
                && !matches!(sa.as_obj().map(|r| self.heap.get(r)), Some(Obj::Native(_))) {
                    return Err(Flow::TailCall(Box::new((sa, vec![obj.clone(), name.clone(), v]))));
                }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__`: calls a data descriptor's setter (a property's `fset`, a user
    /// descriptor's `__set__`), else stores in the instance (or class/function/module) dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let Value::Str(s) = name else { return Err(self.internal("attribute name is not a str")) };
        let hash = crate::hashing::str_hash(s);
        let name_s = s.as_str();
        let is_class = self.is_class(obj);
        if !is_class {
            let cls = self.type_of(obj);
            if let Some(Value::Obj(a)) = self.class_lookup_hashed(cls, name_s, hash) {
                match self.heap.get(a) {
                    Obj::Property { fset, .. } => {
                        let fset = fset.clone();
                        if fset.is_none() {
                            let msg = format!("property '{name_s}' of '{}' object has no setter", self.type_name(obj));
                            return Err(self.err(self.t.attribute_error, msg));
                        }
                        return Err(Flow::TailCall(Box::new((fset, vec![obj.clone(), v]))));
                    }
                    Obj::Instance(d) => {
                        let dcls = d.class;
                        if let Some(set) = self.class_lookup(dcls, "__set__") {
                            return Err(Flow::TailCall(Box::new((set, vec![Value::Obj(a), obj.clone(), v]))));
                        }
                        if self.class_lookup(dcls, "__delete__").is_some() {
                            return Err(self.err(self.t.attribute_error, "__set__"));
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Value::Obj(r) = obj {
            match self.heap.get(*r) {
                Obj::Instance(_) if self.outside_slots(obj, name_s) => {
                    let msg = format!("'{}' object has no attribute '{name_s}'", self.type_name(obj));
                    return Err(self.err(self.t.attribute_error, msg));
                }
                Obj::Instance(inst) => {
                    if name_s == "__dict__" {
                        return self.set_instance_dict(*r, v);
                    }
                    if let Some(d) = inst.dict_obj {
                        return self.dict_setitem(d, name.clone(), v);
                    }
                    if let Some(exc_field) = self.set_exception_field(*r, s.as_str(), &v) {
                        return exc_field;
                    }
                    if let Obj::Instance(inst) = self.heap.get_mut(*r) {
                        match inst.dict.find_str(hash, s.as_str()) {
                            Some(i) => inst.dict.set_value_at(i, v),
                            None => inst.dict.insert_new(hash, name.clone(), v),
                        }
                    }
                    return Ok(());
                }
                Obj::Class(c) => {
                    if name_s == "__dict__" {
                        let msg = "attribute '__dict__' of 'type' objects is not writable";
                        return Err(self.err(self.t.attribute_error, msg));
                    }
                    if c.builtin {
                        let msg = format!("cannot set '{}' attribute of immutable type '{}'", s.as_str(), c.name);
                        return Err(self.err(self.t.type_error, msg));
                    }
                    let d = c.dict;
                    self.invalidate_lookup_cache();
                    if self.is_data_descriptor(&v) {
                        self.late_properties = true;
                    }
                    self.class_hook_assigned(*r, name_s);
                    self.dict_set_str(d, name.clone(), v);
                    return Ok(());
                }
                Obj::Module(m) => {
                    let d = m.dict;
                    self.dict_set_str(d, name.clone(), v);
                    return Ok(());
                }
                Obj::Function(_) => {
                    if matches!(s.as_str(), "__defaults__" | "__kwdefaults__") {
                        return self.set_function_defaults(*r, s.as_str(), v);
                    }
                    let d = self.function_dict(*r);
                    if let ("__name__" | "__qualname__", Obj::Function(f)) = (s.as_str(), self.heap.get_mut(*r)) {
                        if s.as_str() == "__name__" {
                            f.name = v;
                        } else {
                            f.qualname = v;
                        }
                        return Ok(());
                    }
                    self.dict_set_str(d, name.clone(), v);
                    return Ok(());
                }
                _ => {}
            }
        }
        let tn = self.type_name(obj);
        let msg = if self.class_lookup(self.type_of(obj), s.as_str()).is_some() {
            format!("'{tn}' object attribute '{}' is read-only", s.as_str())
        } else {
            format!("'{tn}' object has no attribute '{}'", s.as_str())
        };
        Err(self.err(self.t.attribute_error, msg))
    }

    fn set_exception_field(&mut self, r: ObjRef, name: &str, v: &Value) -> Option<PyResult<()>> {
        let Obj::Instance(inst) = self.heap.get_mut(r) else { return None };
        let Payload::Exception(e) = &mut inst.payload else { return None };
        match name {
            "args" => e.args = v.clone(),
            "__cause__" => {
                e.cause = v.clone();
                e.suppress_context = true;
            }
            "__context__" => e.context = v.clone(),
            "__suppress_context__" => e.suppress_context = matches!(v, Value::Bool(true)),
            "__traceback__" => {}
            _ => return None,
        }
        if name == "args" {
            let items = match v.as_obj().map(|o| self.heap.get(o)) {
                Some(Obj::Tuple(_)) => return Some(Ok(())),
                _ => vec![v.clone()],
            };
            let t = self.new_tuple(items);
            if let Obj::Instance(inst) = self.heap.get_mut(r)
                && let Payload::Exception(e) = &mut inst.payload {
                    e.args = t;
                }
        }
        Some(Ok(()))
    }

    /// `del obj.name`: a user `__delattr__`, else [`Interp::generic_delattr`].
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if (self.class(cls).custom_setattr || self.late_hooks)
            && let Some(da) = self.class_lookup(cls, "__delattr__")
                && !matches!(da.as_obj().map(|r| self.heap.get(r)), Some(Obj::Native(_))) {
                    return Err(Flow::TailCall(Box::new((da, vec![obj.clone(), name.clone()]))));
                }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`: a data descriptor's deleter, else removal from the object's dict.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let Value::Str(s) = name else { return Err(self.internal("attribute name is not a str")) };
        let cls = self.type_of(obj);
        if !self.is_class(obj)
            && let Some(Value::Obj(a)) = self.class_lookup(cls, s.as_str()) {
                match self.heap.get(a) {
                    Obj::Property { fdel, .. } => {
                        let fdel = fdel.clone();
                        if fdel.is_none() {
                            let msg = format!("property '{}' of '{}' object has no deleter", s.as_str(), self.type_name(obj));
                            return Err(self.err(self.t.attribute_error, msg));
                        }
                        return Err(Flow::TailCall(Box::new((fdel, vec![obj.clone()]))));
                    }
                    Obj::Instance(d) => {
                        let dcls = d.class;
                        if let Some(del) = self.class_lookup(dcls, "__delete__") {
                            return Err(Flow::TailCall(Box::new((del, vec![Value::Obj(a), obj.clone()]))));
                        }
                        if self.class_lookup(dcls, "__set__").is_some() {
                            return Err(self.err(self.t.attribute_error, "__delete__"));
                        }
                    }
                    _ => {}
                }
            }
        let hash = crate::hashing::str_hash(s);
        if let Value::Obj(r) = obj {
            let dict_owner = match self.heap.get(*r) {
                Obj::Class(c) => Some(c.dict),
                Obj::Module(m) => Some(m.dict),
                _ => None,
            };
            if let Some(d) = dict_owner {
                self.invalidate_lookup_cache();
                if self.dict_del_str(d, name) {
                    return Ok(());
                }
            } else if let Obj::Instance(inst) = self.heap.get(*r)
                && let Some(d) = inst.dict_obj
            {
                if s.as_str() == "__dict__" {
                    self.drop_instance_dict(*r);
                    return Ok(());
                }
                if self.dict_del_str(d, name) {
                    return Ok(());
                }
            } else if let Obj::Instance(inst) = self.heap.get_mut(*r) {
                if let Some(i) = inst.dict.find_str(hash, s.as_str()) {
                    inst.dict.remove_at(i);
                    return Ok(());
                }
                if s.as_str() == "__dict__" {
                    self.drop_instance_dict(*r);
                    return Ok(());
                }
            }
        }
        let msg = if self.is_class(obj) {
            format!("type object '{}' has no attribute '{}'", self.class(obj.as_obj().expect("class")).name, s.as_str())
        } else {
            format!("'{}' object has no attribute '{}'", self.type_name(obj), s.as_str())
        };
        Err(self.err(self.t.attribute_error, msg))
    }

    /// A function's `__dict__`, created on first use.
    pub(crate) fn function_dict(&mut self, func: ObjRef) -> ObjRef {
        if let Obj::Function(f) = self.heap.get(func)
            && let Some(d) = f.dict {
                return d;
            }
        let d = self.new_dict();
        if let Obj::Function(f) = self.heap.get_mut(func) {
            f.dict = Some(d);
        }
        d
    }

    /// `f.__defaults__ = tuple or None`, `f.__kwdefaults__ = dict or None`.
    fn set_function_defaults(&mut self, func: ObjRef, name: &str, v: Value) -> PyResult<()> {
        let obj = v.as_obj().map(|o| self.heap.get(o));
        if name == "__defaults__" {
            let defaults = match obj {
                Some(Obj::Tuple(items)) => items.clone(),
                _ if v.is_none() => Vec::new(),
                _ => return Err(self.err(self.t.type_error, "__defaults__ must be set to a tuple object")),
            };
            if let Obj::Function(f) = self.heap.get_mut(func) {
                f.defaults = defaults;
            }
            return Ok(());
        }
        let kwdefaults = match obj {
            Some(Obj::Dict(d)) => d
                .iter()
                .filter_map(|(k, x)| match k {
                    Value::Str(s) => Some((Rc::from(s.as_str()), x.clone())),
                    _ => None,
                })
                .collect(),
            _ if v.is_none() => Vec::new(),
            _ => return Err(self.err(self.t.type_error, "__kwdefaults__ must be set to a dict object")),
        };
        if let Obj::Function(f) = self.heap.get_mut(func) {
            f.kwdefaults = kwdefaults;
        }
        Ok(())
    }

    /// Is `v` a data descriptor (a property, or an object whose type has `__set__` or
    /// `__delete__`)? Such class attributes take precedence over the instance dict.
    pub(crate) fn is_data_descriptor(&self, v: &Value) -> bool {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Property { .. }) => true,
            Some(Obj::Instance(i)) => {
                self.class_lookup(i.class, "__set__").is_some() || self.class_lookup(i.class, "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// Keeps the per-class hook flags right when `name` is assigned to class `cls` after its
    /// creation. Subclasses fixed their flags when they were made, so `late_hooks` turns the
    /// hook lookups on for every class.
    fn class_hook_assigned(&mut self, cls: ObjRef, name: &str) {
        let setattr = matches!(name, "__setattr__" | "__delattr__");
        let getattribute = name == "__getattribute__";
        if !setattr && !getattribute {
            return;
        }
        if let Obj::Class(c) = self.heap.get_mut(cls) {
            c.custom_setattr |= setattr;
            c.custom_getattribute |= getattribute;
            c.has_properties |= getattribute;
        }
        self.late_hooks = true;
        self.late_properties |= getattribute;
    }

    /// Calls a user `__getattribute__`. When the class also has `__getattr__`, an
    /// `AttributeError` from the hook falls back to it (CPython's `slot_tp_getattr_hook`), so
    /// the hook runs nested; otherwise it runs in a frame.
    pub(crate) fn call_getattribute(&mut self, hook: Value, cls: ObjRef, obj: &Value, name: Rc<PyStr>) -> PyResult<Value> {
        let n = Value::Str(name);
        let Some(ga) = self.class_lookup(cls, "__getattr__") else {
            return Err(Flow::TailCall(Box::new((hook, vec![obj.clone(), n]))));
        };
        match self.call_nested(hook, vec![obj.clone(), n.clone()]) {
            Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.attribute_error) => {
                Err(Flow::TailCall(Box::new((ga, vec![obj.clone(), n]))))
            }
            r => r,
        }
    }
}

impl Interp {
    /// `obj.__dict__` of an instance: the dict object holding its attributes, created on the
    /// first request by moving the attributes into it. From then on every attribute read,
    /// write and deletion goes through that dict, so it is the live namespace.
    pub(crate) fn instance_dict_obj(&mut self, r: ObjRef) -> ObjRef {
        let taken = match self.heap.get_mut(r) {
            Obj::Instance(inst) => match inst.dict_obj {
                Some(d) => return d,
                None => std::mem::take(&mut inst.dict),
            },
            _ => Dict::new(),
        };
        let d = self.heap.alloc(Obj::Dict(taken));
        if let Obj::Instance(inst) = self.heap.get_mut(r) {
            inst.dict_obj = Some(d);
        }
        d
    }

    /// `del obj.__dict__`: the instance starts again with no attributes (CPython drops its
    /// dict and makes a new, empty one when next needed).
    fn drop_instance_dict(&mut self, r: ObjRef) {
        if let Obj::Instance(inst) = self.heap.get_mut(r) {
            inst.dict = Dict::new();
            inst.dict_obj = None;
        }
    }

    /// `obj.__dict__ = d`: the instance's attributes become `d` itself.
    fn set_instance_dict(&mut self, r: ObjRef, v: Value) -> PyResult<()> {
        let d = match self.base_obj(&v) {
            Some(d) if matches!(self.heap.get(d), Obj::Dict(_)) => d,
            _ => {
                let msg = format!("__dict__ must be set to a dictionary, not a '{}'", self.type_name(&v));
                return Err(self.err(self.t.type_error, msg));
            }
        };
        if let Obj::Instance(inst) = self.heap.get_mut(r) {
            inst.dict = Dict::new();
            inst.dict_obj = Some(d);
        }
        Ok(())
    }
}
