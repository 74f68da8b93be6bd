//! Attribute access: `getattr`, `setattr`, `delattr` and method lookup, with descriptors
//! (functions bind, properties call, static/class methods) as CPython's
//! `PyObject_GenericGetAttr` does.

use std::rc::Rc;

use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

impl Interp {
    /// `obj.name`. May return `Flow::TailCall` (a property getter or `__getattr__` written in
    /// Python); use [`Interp::getattr_nested`] from Rust code that needs the value itself.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let Value::Str(s) = name else { return Err(self.internal("attribute name is not a str")) };
        // Fast path: an instance attribute of a class without properties.
        if let Value::Obj(r) = obj
            && let Obj::Instance(inst) = self.heap.get(*r)
                && !self.late_properties && !self.class(inst.class).has_properties {
                    let hash = crate::hashing::str_hash(s);
                    let attrs = inst.attrs(&self.heap);
                    if let Some(i) = attrs.find_str(hash, s.as_str()) {
                        return Ok(attrs.value_at(i).clone());
                    }
                }
        let name_s = s.clone();
        let name = name_s.as_str();
        if let Value::Obj(r) = obj {
            match self.heap.get(*r) {
                Obj::Module(m) => {
                    let dict = m.dict;
                    if let Some(v) = self.dict_get_str(dict, name) {
                        return Ok(v);
                    }
                    if name == "__dict__" {
                        return Ok(Value::Obj(dict));
                    }
                    let mname = m.name.clone();
                    // A module-level `__getattr__` (PEP 562).
                    if let Some(hook) = self.dict_get_str(dict, "__getattr__") {
                        return Err(Flow::TailCall(Box::new((hook, vec![Value::Str(name_s.clone())]))));
                    }
                    let msg = format!("module '{mname}' has no attribute '{name}'");
                    return Err(self.attr_error(msg, obj, name));
                }
                Obj::Class(_) => return self.class_getattr(*r, obj, name),
                Obj::Super { class, obj: target } => {
                    let (class, target) = (*class, target.clone());
                    return self.super_getattr(class, &target, name);
                }
                _ => {}
            }
        }
        let cls = self.type_of(obj);
        if (self.class(cls).custom_getattribute || self.late_hooks)
            && let Some(hook) = self.class_lookup(cls, "__getattribute__")
                && !matches!(hook.as_obj().map(|r| self.heap.get(r)), Some(Obj::Native(_))) {
                    return self.call_getattribute(hook, cls, obj, name_s);
                }
        self.generic_getattr(obj, cls, &name_s)
    }

    /// `object.__getattribute__(obj, name)` for objects that are not modules, classes or
    /// `super` objects: data descriptors of the class, then the instance's own attributes,
    /// then other class attributes (binding methods, calling `__get__`), then `__getattr__`.
    pub(crate) fn generic_getattr(&mut self, obj: &Value, cls: ObjRef, name_s: &Rc<crate::value::PyStr>) -> PyResult<Value> {
        let name = name_s.as_str();
        let hash = crate::hashing::str_hash(name_s);
        let cls_attr = self.class_lookup_hashed(cls, name, hash);
        let mut non_data_get = None;
        if let Some(Value::Obj(a)) = &cls_attr {
            match self.heap.get(*a) {
                Obj::Property { fget, .. } => {
                    let fget = fget.clone();
                    if fget.is_none() {
                        let msg = format!("property '{name}' of '{}' object has no getter", self.type_name(obj));
                        return Err(self.err(self.t.attribute_error, msg));
                    }
                    return Err(Flow::TailCall(Box::new((fget, vec![obj.clone()]))));
                }
                Obj::Instance(d) => {
                    let dcls = d.class;
                    if let Some(get) = self.class_lookup(dcls, "__get__") {
                        let args = vec![Value::Obj(*a), obj.clone(), Value::Obj(cls)];
                        if self.class_lookup(dcls, "__set__").is_some() || self.class_lookup(dcls, "__delete__").is_some() {
                            return Err(Flow::TailCall(Box::new((get, args))));
                        }
                        non_data_get = Some((get, args));
                    }
                }
                _ => {}
            }
        }
        if let Some(v) = self.instance_attr(obj, name, hash)? {
            return Ok(v);
        }
        if let Some(call) = non_data_get {
            return Err(Flow::TailCall(Box::new(call)));
        }
        if let Some(a) = cls_attr {
            return Ok(self.bind(a, obj, cls));
        }
        if name == "__class__" {
            return Ok(Value::Obj(cls));
        }
        if let Some(ga) = self.class_lookup(cls, "__getattr__") {
            let n = Value::Str(name_s.clone());
            return Err(Flow::TailCall(Box::new((ga, vec![obj.clone(), n]))));
        }
        let msg = format!("'{}' object has no attribute '{name}'", self.type_name(obj));
        Err(self.attr_error(msg, obj, name))
    }

    /// `getattr` that runs property getters nested, for use from Rust.
    pub fn getattr_nested(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        let r = self.getattr(obj, &n);
        self.nested(r)
    }

    /// `getattr(obj, name, None)`-like lookup that treats `AttributeError` as absence.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr_nested(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Attributes stored on the object itself (instance dict, exception fields, function attrs).
    fn instance_attr(&mut self, obj: &Value, name: &str, hash: i64) -> PyResult<Option<Value>> {
        let Value::Obj(r) = obj else { return Ok(None) };
        match self.heap.get(*r) {
            Obj::Instance(inst) => {
                let attrs = inst.attrs(&self.heap);
                if let Some(i) = attrs.find_str(hash, name) {
                    return Ok(Some(attrs.value_at(i).clone()));
                }
                if let Payload::Exception(e) = &inst.payload {
                    let cls = inst.class;
                    let none_if_unset = |v: &Value| if v.is_null() { Value::None } else { v.clone() };
                    let first_arg = || match e.args.as_obj().map(|t| self.heap.get(t)) {
                        Some(Obj::Tuple(items)) => items.first().cloned().unwrap_or(Value::None),
                        _ => Value::None,
                    };
                    let v = match name {
                        "args" => {
                            if e.args.is_null() {
                                return Ok(Some(self.new_tuple(vec![])));
                            }
                            e.args.clone()
                        }
                        "__cause__" => none_if_unset(&e.cause),
                        "__context__" => none_if_unset(&e.context),
                        "__suppress_context__" => Value::Bool(e.suppress_context),
                        "__traceback__" => Value::None,
                        "value" if self.is_subclass(cls, self.t.stop_iteration) => first_arg(),
                        "code" if self.is_subclass(cls, self.t.system_exit) => first_arg(),
                        _ => Value::Null,
                    };
                    if !v.is_null() {
                        return Ok(Some(v));
                    }
                }
                if name == "__dict__" && self.class(inst.class).slots.is_none() {
                    return Ok(Some(Value::Obj(self.instance_dict_obj(*r))));
                }
                if name == "__class__" {
                    return Ok(Some(Value::Obj(inst.class)));
                }
                Ok(None)
            }
            Obj::Function(f) => {
                let v = match name {
                    "__name__" => f.name.clone(),
                    "__qualname__" => f.qualname.clone(),
                    "__module__" => f.module.clone(),
                    // An assigned `__doc__` (e.g. by `functools.wraps`) wins over the docstring.
                    "__doc__" => match f.dict.and_then(|d| self.dict_get_str(d, "__doc__")) {
                        Some(v) => v,
                        None => f.code.doc.as_deref().map_or(Value::None, Value::str),
                    },
                    "__code__" => Value::Null,
                    "__kwdefaults__" | "__dict__" => Value::Null,
                    "__defaults__" => {
                        if f.defaults.is_empty() {
                            Value::None
                        } else {
                            let d = f.defaults.clone();
                            return Ok(Some(self.new_tuple(d)));
                        }
                    }
                    _ => match f.dict {
                        Some(d) => self.dict_get_str(d, name).unwrap_or(Value::Null),
                        None => Value::Null,
                    },
                };
                match name {
                    "__code__" => {
                        let code = f.code.clone();
                        return Ok(Some(self.alloc(Obj::Code(code))));
                    }
                    "__kwdefaults__" => {
                        if f.kwdefaults.is_empty() {
                            return Ok(Some(Value::None));
                        }
                        let items = f.kwdefaults.clone();
                        let d = self.new_dict();
                        for (k, v) in items {
                            let k = self.intern(&k);
                            self.dict_set_str(d, k, v);
                        }
                        return Ok(Some(Value::Obj(d)));
                    }
                    "__dict__" => return Ok(Some(Value::Obj(self.function_dict(*r)))),
                    _ => {}
                }
                Ok(if v.is_null() { None } else { Some(v) })
            }
            Obj::Native(n) => Ok(match name {
                "__name__" | "__qualname__" => Some(self.intern(n.name)),
                "__self__" if n.slf.is_null() && n.owner.is_none() => Some(self.native_module_of(*r, n.name)),
                "__self__" => Some(n.slf.clone()),
                _ => None,
            }),
            Obj::BoundMethod { func, slf } => {
                let (func, slf) = (func.clone(), slf.clone());
                match name {
                    "__self__" => Ok(Some(slf)),
                    "__func__" => Ok(Some(func)),
                    _ => self.getattr_opt(&func, name),
                }
            }
            Obj::StaticMethod(f) | Obj::ClassMethod(f) => Ok(match name {
                "__func__" | "__wrapped__" => Some(f.clone()),
                _ => None,
            }),
            Obj::Generator(g) => {
                let (gi, cr) = if g.coroutine { ("", name) } else { (name, "") };
                Ok(match (name, gi, cr) {
                    ("__name__", ..) => Some(g.name.clone()),
                    ("__qualname__", ..) => Some(g.qualname.clone()),
                    (_, "gi_running", _) | (_, _, "cr_running") => {
                        Some(Value::Bool(g.state == crate::object::GenState::Running))
                    }
                    (_, "gi_code", _) | (_, _, "cr_code") => {
                        let code = g.code.clone();
                        Some(self.alloc(Obj::Code(code)))
                    }
                    // Interleave has no frame objects (`gi_frame`/`cr_frame`); asyncio's reprs
                    // read the suspended frame's line here: the `def` line before the first
                    // resume, the current line while suspended, None once finished.
                    ("_interleave_started", ..) => Some(Value::Bool(g.state != crate::object::GenState::Created)),
                    ("_interleave_lineno", ..) => Some(match (&g.frame, g.state) {
                        (Some(_), crate::object::GenState::Created) => Value::Int(g.code.first_line as i64),
                        (Some(f), _) => {
                            let ip = f.ip.min(f.code.locations.len().saturating_sub(1));
                            f.code.locations.get(ip).map_or(Value::None, |l| Value::Int(l.line as i64))
                        }
                        (None, crate::object::GenState::Running) => self.running_generator_line(*r),
                        (None, _) => Value::None,
                    }),
                    _ => None,
                })
            }
            Obj::Property { fget, fset, fdel, doc } => Ok(match name {
                "fget" => Some(fget.clone()),
                "fset" => Some(fset.clone()),
                "fdel" => Some(fdel.clone()),
                "__doc__" => Some(doc.clone()),
                _ => None,
            }),
            Obj::Slice { start, stop, step } => Ok(match name {
                "start" => Some(start.clone()),
                "stop" => Some(stop.clone()),
                "step" => Some(step.clone()),
                _ => None,
            }),
            Obj::MemoryView { obj, len, .. } => {
                let (obj, len) = (obj.clone(), *len);
                Ok(match name {
                    "obj" | "nbytes" | "readonly" | "itemsize" | "format" | "ndim" | "shape" => {
                        self.memoryview_window(*r)?;
                        Some(match name {
                            "obj" => obj.clone(),
                            "nbytes" => Value::Int(len as i64),
                            "readonly" => Value::Bool(!self.is_bytearray(&obj)),
                            "itemsize" | "ndim" => Value::Int(1),
                            "format" => Value::str("B"),
                            _ => self.new_tuple(vec![Value::Int(len as i64)]),
                        })
                    }
                    "released" => Some(Value::Bool(matches!(self.heap.get(*r), Obj::MemoryView { released: true, .. }))),
                    _ => None,
                })
            }
            Obj::Range { start, stop, step } => Ok(match name {
                "start" => Some(Value::Int(*start)),
                "stop" => Some(Value::Int(*stop)),
                "step" => Some(Value::Int(*step)),
                _ => None,
            }),
            Obj::Code(c) => {
                let c = c.clone();
                Ok(match name {
                    "co_name" => Some(self.intern(&c.name)),
                    "co_qualname" => Some(self.intern(&c.qualname)),
                    "co_filename" => Some(self.intern(&c.filename)),
                    "co_firstlineno" => Some(Value::Int(c.first_line as i64)),
                    "co_argcount" => Some(Value::Int(c.argcount as i64)),
                    // CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR and CO_COROUTINE, the bits
                    // `inspect` and `asyncio.iscoroutinefunction` test.
                    "co_flags" => {
                        let f = c.flags;
                        let plain = !f.async_generator;
                        let bits = 4 * i64::from(f.varargs)
                            + 8 * i64::from(f.varkeywords)
                            + 0x20 * i64::from(f.generator && plain)
                            + 0x80 * i64::from(f.coroutine && plain)
                            + 0x100 * i64::from(f.iterable_coroutine)
                            + 0x200 * i64::from(f.async_generator);
                        Some(Value::Int(bits))
                    }
                    "co_varnames" => {
                        let names: Vec<Value> = c.varnames.iter().map(|n| self.intern(n)).collect();
                        Some(self.new_tuple(names))
                    }
                    _ => None,
                })
            }
            _ => Ok(None),
        }
    }

    /// Applies the descriptor protocol to a class attribute found for instance `obj`.
    fn bind(&mut self, attr: Value, obj: &Value, cls: ObjRef) -> Value {
        let Value::Obj(a) = &attr else { return attr };
        match self.heap.get(*a) {
            Obj::Function(_) => self.alloc(Obj::BoundMethod { func: attr.clone(), slf: obj.clone() }),
            Obj::Native(n) if n.slf.is_null() && n.owner.is_some() => {
                let mut n = n.clone();
                n.slf = obj.clone();
                self.alloc(Obj::Native(n))
            }
            Obj::StaticMethod(f) => f.clone(),
            Obj::ClassMethod(f) => {
                let f = f.clone();
                self.alloc(Obj::BoundMethod { func: f, slf: Value::Obj(cls) })
            }
            _ => attr,
        }
    }

    /// Attribute access on a class object (`Cls.name`).
    fn class_getattr(&mut self, cls: ObjRef, obj: &Value, name: &str) -> PyResult<Value> {
        match name {
            "__name__" => return Ok(Value::str(&*self.class(cls).name)),
            "__qualname__" => return Ok(Value::str(&*self.class(cls).qualname)),
            "__mro__" => {
                let mro: Vec<Value> = self.class(cls).mro.iter().map(|&c| Value::Obj(c)).collect();
                return Ok(self.new_tuple(mro));
            }
            "__bases__" => {
                let b: Vec<Value> = self.class(cls).bases.iter().map(|&c| Value::Obj(c)).collect();
                return Ok(self.new_tuple(b));
            }
            "__base__" => return Ok(self.class(cls).bases.first().map_or(Value::None, |&b| Value::Obj(b))),
            "__dict__" => {
                let dict = self.class(cls).dict;
                return self.class_dict_proxy(dict);
            }
            "__class__" => return Ok(Value::Obj(self.t.type_)),
            _ => {}
        }
        // `type.__doc__` is a data descriptor reading the class's own namespace: a class body
        // without a docstring stores no `__doc__`, and the class's `__doc__` is None even when
        // a base class has one.
        if name == "__doc__" {
            let dict = self.class(cls).dict;
            return Ok(self.dict_get_str(dict, "__doc__").unwrap_or(Value::None));
        }
        if let Some(v) = self.class_lookup(cls, name) {
            if let Value::Obj(a) = &v {
                match self.heap.get(*a) {
                    Obj::StaticMethod(f) => return Ok(f.clone()),
                    Obj::ClassMethod(f) => {
                        let f = f.clone();
                        return Ok(self.alloc(Obj::BoundMethod { func: f, slf: obj.clone() }));
                    }
                    Obj::Instance(d) => {
                        if let Some(get) = self.class_lookup(d.class, "__get__") {
                            return Err(Flow::TailCall(Box::new((get, vec![v.clone(), Value::None, obj.clone()]))));
                        }
                    }
                    _ => {}
                }
            }
            return Ok(v);
        }
        // Methods of `type` itself (e.g. `Cls.mro`).
        if let Some(v) = self.class_lookup(self.t.type_, name) {
            return Ok(self.bind(v, obj, self.t.type_));
        }
        let msg = format!("type object '{}' has no attribute '{name}'", self.class(cls).name);
        Err(self.attr_error(msg, obj, name))
    }

    fn super_getattr(&mut self, class: ObjRef, target: &Value, name: &str) -> PyResult<Value> {
        let start_cls = if self.is_class(target) { target.as_obj().expect("class") } else { self.type_of(target) };
        let mro = self.class(start_cls).mro.clone();
        let pos = mro.iter().position(|&c| c == class).map_or(mro.len(), |p| p + 1);
        let hash = crate::hashing::hash_name(name);
        for &c in &mro[pos..] {
            let dict = self.class(c).dict;
            let found = match self.heap.get(dict) {
                Obj::Dict(d) => d.find_str(hash, name).map(|i| d.value_at(i).clone()),
                _ => None,
            };
            if let Some(v) = found {
                if let Value::Obj(a) = &v
                    && let Obj::Property { fget, .. } = self.heap.get(*a) {
                        let fget = fget.clone();
                        return Err(Flow::TailCall(Box::new((fget, vec![target.clone()]))));
                    }
                if let Some(Obj::Instance(d)) = v.as_obj().map(|a| self.heap.get(a))
                    && let Some(get) = self.class_lookup(d.class, "__get__") {
                        let inst = if self.is_class(target) { Value::None } else { target.clone() };
                        let args = vec![v, inst, Value::Obj(start_cls)];
                        return Err(Flow::TailCall(Box::new((get, args))));
                    }
                if self.is_class(target) {
                    if let Value::Obj(a) = &v
                        && let Obj::ClassMethod(f) = self.heap.get(*a) {
                            let f = f.clone();
                            return Ok(self.alloc(Obj::BoundMethod { func: f, slf: target.clone() }));
                        }
                    return Ok(v);
                }
                return Ok(self.bind(v, target, start_cls));
            }
        }
        let msg = format!("'super' object has no attribute '{name}'");
        Err(self.err(self.t.attribute_error, msg))
    }

    /// For `LoadMethod`: the unbound method to call with `obj` as first argument, when `name`
    /// is a plain function or built-in method on `type(obj)` not shadowed by the instance.
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> Option<Value> {
        self.lookup_method_hashed(obj, name, crate::hashing::hash_name(name))
    }

    /// `lookup_method` with the name's hash already known.
    pub fn lookup_method_hashed(&mut self, obj: &Value, name: &str, hash: i64) -> Option<Value> {
        if let Value::Obj(r) = obj {
            match self.heap.get(*r) {
                Obj::Module(_) | Obj::Class(_) | Obj::Super { .. } => return None,
                Obj::Instance(inst)
                    if (inst.attrs(&self.heap).find_str(hash, name).is_some() || self.class(inst.class).custom_getattribute || self.late_hooks) => {
                        return None;
                    }
                _ => {}
            }
        }
        let cls = self.type_of(obj);
        let v = self.class_lookup_hashed(cls, name, hash)?;
        match v.as_obj().map(|a| self.heap.get(a)) {
            Some(Obj::Function(_)) => Some(v),
            Some(Obj::Native(n)) if n.owner.is_some() && n.slf.is_null() => Some(v),
            _ => None,
        }
    }

    /// An `AttributeError` carrying `name` and `obj` (used for the "Did you mean" suggestion
    /// when the traceback is printed, as CPython 3.11 does).
    pub(crate) fn attr_error(&mut self, msg: String, obj: &Value, name: &str) -> Flow {
        let e = self.new_exception_msg(self.t.attribute_error, msg);
        let n = Value::Str(Rc::new(name.into()));
        self.set_exc_attr(e, "name", n);
        self.set_exc_attr(e, "obj", obj.clone());
        Flow::Exc(e)
    }
}

impl Interp {
    /// `__self__` of a module-level built-in function (`len.__self__`): the module that holds
    /// it, as CPython's `PyCFunction` keeps its module. Interleave's natives do not record
    /// their module, so this finds the first module in `sys.modules` whose namespace holds this
    /// very function under its name (`None` if none does).
    fn native_module_of(&mut self, func: ObjRef, name: &str) -> Value {
        let modules: Vec<Value> = match self.heap.get(self.modules) {
            Obj::Dict(d) => d.iter().map(|(_, v)| v.clone()).collect(),
            _ => Vec::new(),
        };
        let builtins = self.dict_get_str(self.modules, "builtins");
        for m in builtins.into_iter().chain(modules) {
            let Some(Obj::Module(md)) = m.as_obj().map(|r| self.heap.get(r)) else { continue };
            let dict = md.dict;
            if matches!(self.dict_get_str(dict, name), Some(Value::Obj(f)) if f == func) {
                return m;
            }
        }
        Value::None
    }
}
