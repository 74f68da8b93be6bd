//! Constructors of the built-in types (`int("12")`, `list(it)`, `range(3)`, `type(x)`…),
//! installed as each type's `__new__`.

use std::rc::Rc;

use super::args;
use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult};
use crate::object::{Iter, Obj};
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp) {
    let t = interp.t.clone();
    let ctors: &[(ObjRef, &'static str, NativeFn)] = &[
        (t.int, "int", int),
        (t.bool_, "bool", bool_),
        (t.float, "float", float),
        (t.complex, "complex", complex),
        (t.str, "str", str_),
        (t.bytes, "bytes", bytes),
        (t.bytearray, "bytearray", bytearray),
        (t.memoryview, "memoryview", memoryview),
        (t.list, "list", list),
        (t.tuple, "tuple", tuple),
        (t.dict, "dict", dict),
        (t.set, "set", set),
        (t.frozenset, "frozenset", frozenset),
        (t.range, "range", range),
        (t.slice, "slice", slice),
        (t.module, "module", module),
        (t.type_, "type", type_),
        (t.object, "object", object),
        (t.property, "property", property),
        (t.staticmethod, "staticmethod", staticmethod),
        (t.classmethod, "classmethod", classmethod),
        (t.super_, "super", super_),
        (t.enumerate, "enumerate", enumerate),
        (t.zip, "zip", zip),
        (t.reversed, "reversed", reversed),
        (t.map, "map", map),
        (t.filter, "filter", filter),
    ];
    // `__init__` of list/dict/set fill the object that a subclass instance wraps
    // (`class D(dict)`: `D(a=1)`, `super().__init__(items)`).
    interp.def_method(t.list, "__init__", "list", list_init);
    interp.def_method(t.dict, "__init__", "dict", dict_init);
    interp.def_method(t.set, "__init__", "set", set_init);
    for &(cls, owner, f) in ctors {
        let name: &'static str = if owner == "object" { "object.__new__" } else { "__new__" };
        interp.def_method(cls, name, owner, f);
        if owner == "object" {
            // Registered under the dunder name too, so lookups of `__new__` find it.
            let v = interp.class_lookup(cls, "object.__new__").expect("just defined");
            let d = interp.class(cls).dict;
            interp.set_item_str(d, "__new__", v);
        }
    }
}

/// The class argument and the rest (constructors receive the class first).
fn split(args: Args) -> (Value, Args) {
    let mut args = args;
    let cls = if args.pos.is_empty() { Value::None } else { args.pos.remove(0) };
    (cls, args)
}

fn int(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let base = args.take_kw("base");
    if !args.kw.is_empty() || args.pos.len() > 2 {
        let msg = format!("int() takes at most 2 arguments ({} given)", args.pos.len() + args.kw.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    let base = args.pos.get(1).cloned().or(base);
    let Some(v) = args.pos.first().cloned() else { return Ok(Value::Int(0)) };
    if let Some(b) = base {
        let b = args::int(interp, &b)?;
        return match &v {
            Value::Str(s) => interleave_algo::parse_int(s.as_str(), b).map(Value::from_bigint).map_err(|e| interp.algo_err(e)),
            Value::Bytes(s) => interleave_algo::parse_int_bytes(s, b).map(Value::from_bigint).map_err(|e| interp.algo_err(e)),
            _ if interp.is_bytearray(&v) => {
                let s = interp.bytes_of(&v).unwrap_or_default().to_vec();
                interleave_algo::parse_int_bytes(&s, b).map(Value::from_bigint).map_err(|e| interp.algo_err(e))
            }
            _ => Err(interp.err(interp.t.type_error, "int() can't convert non-string with explicit base")),
        };
    }
    match &v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(interp.err(interp.t.value_error, "cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(interp.err(interp.t.overflow_error, "cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.2e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(Value::from_bigint(num_traits::FromPrimitive::from_f64(t).unwrap_or_default()))
            }
        }
        Value::Str(s) => interleave_algo::parse_int(s.as_str(), 10).map(Value::from_bigint).map_err(|e| interp.algo_err(e)),
        Value::Bytes(s) => interleave_algo::parse_int_bytes(s, 10).map(Value::from_bigint).map_err(|e| interp.algo_err(e)),
        _ => {
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = interp.call_method_nested(&v, m, vec![])? {
                    return Ok(r);
                }
            }
            let msg = format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                interp.type_name(&v)
            );
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn bool_(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "bool", &args, 0, 1)?;
    if let Some(r) = args.pos.first().and_then(|v| interp.proxy_bool(v)) {
        return r;
    }
    match args.pos.first() {
        Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn float(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "float", &args, 0, 1)?;
    let Some(v) = args.pos.first().cloned() else { return Ok(Value::Float(0.0)) };
    match &v {
        Value::Float(_) => Ok(v),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => match num_traits::ToPrimitive::to_f64(&**b) {
            Some(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => Err(interp.err(interp.t.overflow_error, "int too large to convert to float")),
        },
        Value::Str(s) => interleave_algo::parse_float(s.as_str()).map(Value::Float).map_err(|e| interp.algo_err(e)),
        Value::Bytes(s) => interleave_algo::parse_float_bytes(s).map(Value::Float).map_err(|e| interp.algo_err(e)),
        _ => {
            if let Some(r) = interp.call_method_nested(&v, "__float__", vec![])? {
                return Ok(r);
            }
            let msg = format!("float() argument must be a string or a real number, not '{}'", interp.type_name(&v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn str_(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let encoding = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    args::count(interp, "str", &args, 0, 3)?;
    let Some(v) = args.pos.first().cloned() else { return Ok(Value::str("")) };
    if interp.bytes_of(&v).is_some() && (encoding.is_some() || errors.is_some() || args.pos.len() > 1) {
        // `str(b, encoding, errors)` is `b.decode(encoding, errors)`.
        let decode = interp.class_lookup(interp.t.bytes, "decode").ok_or_else(|| interp.internal("bytes.decode missing"))?;
        let kw = [("encoding", encoding), ("errors", errors)].into_iter().filter_map(|(k, v)| Some((Rc::from(k), v?))).collect();
        return interp.call_nested_args(decode, Args { pos: args.pos.clone(), kw });
    }
    if let Some(Obj::Instance(i)) = v.as_obj().map(|r| interp.heap.get(r)) {
        let cls = i.class;
        if let Some(m) = interp.class_lookup(cls, "__str__")
            && matches!(m.as_obj().map(|r| interp.heap.get(r)), Some(Obj::Function(_))) {
                // Run `__str__` in a frame of its own (suspendable), not nested.
                return Err(crate::native::Flow::TailCall(Box::new((m, vec![v]))));
            }
    }
    interp.to_str_value(&v)
}

/// `bytearray(source=b'', encoding=None, errors=None)`.
fn bytearray(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    let data = bytes_source(interp, args, "bytearray")?;
    Ok(interp.new_bytearray(data))
}

/// `memoryview(object)`.
fn memoryview(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let kw = args.take_kw("object");
    args::count(interp, "memoryview", &args, 0, 1)?;
    let Some(obj) = args.pos.first().cloned().or(kw) else {
        return Err(interp.err(interp.t.type_error, "memoryview() missing required argument 'object' (pos 1)"));
    };
    interp.new_memoryview(&obj)
}

/// `bytes(source=b'', encoding=None, errors=None)`.
fn bytes(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    if let [v @ Value::Bytes(_)] = &args.pos[..]
        && args.kw.is_empty() {
            return Ok(v.clone());
        }
    let data = bytes_source(interp, args, "bytes")?;
    Ok(Value::Bytes(Rc::from(data)))
}

/// The contents of a new `bytes` or `bytearray` (`what`) from its constructor's arguments,
/// with CPython's errors.
fn bytes_source(interp: &mut Interp, mut args: Args, what: &str) -> PyResult<Vec<u8>> {
    let kw_source = args.take_kw("source");
    let encoding = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("'{k}' is an invalid keyword argument for {what}()");
        return Err(interp.err(interp.t.type_error, msg));
    }
    args::count(interp, what, &args, 0, 3)?;
    let mut pos = args.pos.into_iter();
    let source = pos.next().or(kw_source);
    let encoding = pos.next().or(encoding);
    let errors = pos.next().or(errors);
    let Some(v) = source else {
        if encoding.is_some() || errors.is_some() {
            let msg = if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" };
            return Err(interp.err(interp.t.type_error, msg));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(_) = v {
        let Some(encoding) = encoding else {
            return Err(interp.err(interp.t.type_error, "string argument without an encoding"));
        };
        let encode = interp.class_lookup(interp.t.str, "encode").ok_or_else(|| interp.internal("str.encode missing"))?;
        let mut call = vec![v, encoding];
        call.extend(errors);
        let out = interp.call_nested(encode, call)?;
        return Ok(interp.bytes_of(&out).unwrap_or_default().to_vec());
    }
    if encoding.is_some() || errors.is_some() {
        let msg = if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" };
        return Err(interp.err(interp.t.type_error, msg));
    }
    if let Some(r) = v.as_obj().filter(|_| interp.is_memoryview(&v)) {
        interp.memoryview_window(r)?;
    }
    if let Some(b) = interp.bytes_of(&v) {
        return Ok(b.to_vec());
    }
    if what == "bytes"
        && matches!(v.as_obj().map(|r| interp.heap.get(r)), Some(Obj::Instance(_)))
        && let Some(m) = interp.class_lookup(interp.type_of(&v), "__bytes__")
    {
        let out = interp.call_nested(m, vec![v.clone()])?;
        return match out {
            Value::Bytes(b) => Ok(b.to_vec()),
            other => {
                let msg = format!("__bytes__ returned non-bytes (type {})", interp.type_name(&other));
                Err(interp.err(interp.t.type_error, msg))
            }
        };
    }
    let count = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Some(v.clone()),
        _ if !interp.is_iterable(&v) => interp.index_value(&v)?,
        _ => None,
    };
    if let Some(n) = count {
        let n = args::int(interp, &n)?;
        if n < 0 {
            return Err(interp.err(interp.t.value_error, "negative count"));
        }
        interp.check_str_size(n as usize)?;
        return Ok(vec![0u8; n as usize]);
    }
    if !interp.is_iterable(&v) {
        let msg = format!("cannot convert '{}' object to {what}", interp.type_name(&v));
        return Err(interp.err(interp.t.type_error, msg));
    }
    let items = interp.collect_iterable(&v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        match interp.byte_value(it) {
            Err(Flow::Exc(e)) if what == "bytes" && interp.isinstance(&Value::Obj(e), interp.t.value_error) => {
                return Err(interp.err(interp.t.value_error, "bytes must be in range(0, 256)"));
            }
            r => out.push(r?),
        }
    }
    Ok(out)
}

fn list(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "list", &args, 0, 1)?;
    if let Some(v) = args.pos.first().filter(|v| interp.iterates_in_python(v)) {
        return interp.python_iteration("list_", vec![v.clone()]);
    }
    let items = match args.pos.first() {
        Some(v) => interp.collect_iterable(v)?,
        None => Vec::new(),
    };
    Ok(interp.new_list(items))
}

/// The built-in object behind `self` of an `__init__` (the instance's wrapped object).
fn init_target(interp: &mut Interp, args: &mut Args) -> PyResult<ObjRef> {
    let slf = if args.pos.is_empty() { Value::None } else { args.pos.remove(0) };
    interp.base_obj(&slf).ok_or_else(|| interp.err(interp.t.type_error, "descriptor '__init__' requires a built-in object"))
}

fn list_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let target = init_target(interp, &mut args)?;
    args::count(interp, "list", &args, 0, 1)?;
    let items = match args.pos.first() {
        Some(v) => interp.collect_iterable(v)?,
        None => Vec::new(),
    };
    if let Obj::List(l) = interp.heap.get_mut(target) {
        *l = items;
    }
    Ok(Value::None)
}

fn dict_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let target = init_target(interp, &mut args)?;
    if args.pos.len() > 1 {
        let msg = format!("dict expected at most 1 argument, got {}", args.pos.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    if let Some(src) = args.pos.first() {
        interp.dict_update_from(target, src)?;
    }
    for (k, v) in args.kw {
        let key = interp.intern(&k);
        interp.dict_set_str(target, key, v);
    }
    Ok(Value::None)
}

fn set_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let target = init_target(interp, &mut args)?;
    args::count(interp, "set", &args, 0, 1)?;
    interp.set_clear(target);
    if let Some(v) = args.pos.first() {
        interp.set_update(target, v)?;
    }
    Ok(Value::None)
}

fn tuple(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (cls, args) = split(args);
    args::count(interp, "tuple", &args, 0, 1)?;
    if let Some(v) = args.pos.first().filter(|v| interp.iterates_in_python(v) && cls.as_obj() == Some(interp.t.tuple)) {
        return interp.python_iteration("tuple_", vec![v.clone()]);
    }
    if let Some(c) = cls.as_obj().filter(|&c| interp.is_class(&cls) && c != interp.t.tuple) {
        // `tuple.__new__(Sub, items)`: an instance of the subclass wrapping the items.
        let items = match args.pos.first() {
            Some(v) => interp.collect_iterable(v)?,
            None => Vec::new(),
        };
        let inst = interp.new_instance(c);
        if let Some(inner) = interp.base_obj(&inst)
            && let Obj::Tuple(t) = interp.heap.get_mut(inner) {
                *t = items;
            }
        return Ok(inst);
    }
    if let Some(v) = args.pos.first()
        && let Some(Obj::Tuple(_)) = v.as_obj().map(|r| interp.heap.get(r)) {
            return Ok(v.clone());
        }
    let items = match args.pos.first() {
        Some(v) => interp.collect_iterable(v)?,
        None => Vec::new(),
    };
    Ok(interp.new_tuple(items))
}

fn dict(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    if args.pos.len() > 1 {
        let msg = format!("dict expected at most 1 argument, got {}", args.pos.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    if let Some(v) = args.pos.first().filter(|v| interp.iterates_in_python(v) && args.kw.is_empty()) {
        // A mapping (it has `keys`, as CPython's `PyDict_Merge` asks) is copied by its keys.
        let mapping = matches!(v.as_obj().map(|r| interp.heap.get(r)), Some(Obj::Instance(_)))
            && interp.class_lookup(interp.type_of(v), "keys").is_some();
        let helper = if mapping { "dict_mapping_" } else { "dict_" };
        return interp.python_iteration(helper, vec![v.clone()]);
    }
    let d = interp.new_dict();
    if let Some(src) = args.pos.first() {
        interp.dict_update_from(d, src)?;
    }
    for (k, v) in args.kw {
        let key = interp.intern(&k);
        interp.dict_set_str(d, key, v);
    }
    Ok(Value::Obj(d))
}

fn set(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "set", &args, 0, 1)?;
    if let Some(v) = args.pos.first().filter(|v| interp.iterates_in_python(v)) {
        return interp.python_iteration("set_", vec![v.clone()]);
    }
    match args.pos.first() {
        Some(v) => Ok(Value::Obj(interp.set_from(v, false)?)),
        None => Ok(Value::Obj(interp.new_empty_set(false))),
    }
}

fn frozenset(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(v) = args.pos.get(1).filter(|v| interp.iterates_in_python(v)) {
        return interp.python_iteration("frozenset_", vec![v.clone()]);
    }
    let s = set(interp, args)?;
    if let Some(Obj::Set { frozen, .. }) = s.as_obj().map(|r| interp.heap.get_mut(r)) {
        *frozen = true;
    }
    Ok(s)
}

fn range(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    if !args.kw.is_empty() {
        return Err(interp.err(interp.t.type_error, "range() takes no keyword arguments"));
    }
    let mut n = Vec::new();
    for v in &args.pos {
        n.push(args::int(interp, v)?);
    }
    let (start, stop, step) = match n.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return Err(interp.err(interp.t.type_error, "range expected at least 1 argument, got 0")),
        _ => {
            let msg = format!("range expected at most 3 arguments, got {}", n.len());
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    if step == 0 {
        return Err(interp.err(interp.t.value_error, "range() arg 3 must not be zero"));
    }
    Ok(interp.alloc(Obj::Range { start, stop, step }))
}

/// `module(name, doc=None)` (`types.ModuleType`): a new, empty module.
fn module(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let name = args.take_kw("name").or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)));
    let doc = args.take_kw("doc").or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)));
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("module() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    if !args.pos.is_empty() {
        let msg = format!("module() takes at most 2 arguments ({} given)", args.pos.len() + 2);
        return Err(interp.err(interp.t.type_error, msg));
    }
    let Some(name) = name else {
        return Err(interp.err(interp.t.type_error, "module() missing required argument 'name' (pos 1)"));
    };
    let Value::Str(n) = &name else {
        let msg = format!("module() argument 'name' must be str, not {}", interp.type_name(&name));
        return Err(interp.err(interp.t.type_error, msg));
    };
    let (m, dict) = interp.new_module(n.as_str());
    interp.set_item_str(dict, "__doc__", doc.unwrap_or(Value::None));
    for key in ["__package__", "__loader__", "__spec__"] {
        interp.set_item_str(dict, key, Value::None);
    }
    Ok(m)
}

fn slice(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "slice", &args, 1, 3)?;
    let p = args.pos;
    let (start, stop, step) = match p.len() {
        1 => (Value::None, p[0].clone(), Value::None),
        2 => (p[0].clone(), p[1].clone(), Value::None),
        _ => (p[0].clone(), p[1].clone(), p[2].clone()),
    };
    Ok(interp.alloc(Obj::Slice { start, stop, step }))
}

fn type_(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    match args.pos.len() {
        1 => Ok(Value::Obj(interp.type_of(&args.pos[0]))),
        3 => {
            let name = match &args.pos[0] {
                Value::Str(s) => Rc::<str>::from(s.as_str()),
                _ => return Err(interp.err(interp.t.type_error, "type.__new__() argument 1 must be str")),
            };
            let bases: Vec<ObjRef> = match args.pos[1].as_obj().map(|r| interp.heap.get(r)) {
                Some(Obj::Tuple(items)) => items.iter().filter_map(|v| v.as_obj()).collect(),
                _ => return Err(interp.err(interp.t.type_error, "type.__new__() argument 2 must be tuple")),
            };
            let src = match args.pos[2].as_obj().map(|r| interp.heap.get(r)) {
                Some(Obj::Dict(d)) => d.clone(),
                _ => return Err(interp.err(interp.t.type_error, "type.__new__() argument 3 must be dict")),
            };
            let dict = interp.heap.alloc(Obj::Dict(src));
            if interp.dict_get_str(dict, "__module__").is_none() {
                let module = interp
                    .threads[interp.cur]
                    .frames
                    .last()
                    .and_then(|f| interp.dict_get_str(f.globals, "__name__"))
                    .unwrap_or(Value::str("__main__"));
                interp.set_item_str(dict, "__module__", module);
            }
            interp.prepare_class_namespace(dict);
            let cls = interp.new_class(name.clone(), name, bases, dict)?;
            interp.class_created(cls, args.kw)?;
            Ok(Value::Obj(cls))
        }
        _ => Err(interp.err(interp.t.type_error, "type() takes 1 or 3 arguments")),
    }
}

fn object(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (cls, _) = split(args);
    match cls.as_obj() {
        Some(c) if interp.is_class(&cls) => {
            let k = interp.class(c);
            if k.builtin && k.layout == crate::object::Layout::Builtin && c != interp.t.object && interp.builtin_base_class(c).is_none() {
                // An instance of a value type (bytearray, int…) needs its own constructor.
                let msg = format!("object.__new__({0}) is not safe, use {0}.__new__()", k.name);
                return Err(interp.err(interp.t.type_error, msg));
            }
            Ok(interp.new_instance(c))
        }
        _ => Err(interp.err(interp.t.type_error, "object.__new__(X): X is not a type object")),
    }
}

fn property(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let get = |i: usize, name: &str, args: &mut Args| args.pos.get(i).cloned().or_else(|| args.take_kw(name)).unwrap_or(Value::None);
    let fget = get(0, "fget", &mut args);
    let fset = get(1, "fset", &mut args);
    let fdel = get(2, "fdel", &mut args);
    let doc = get(3, "doc", &mut args);
    Ok(interp.alloc(Obj::Property { fget, fset, fdel, doc }))
}

fn staticmethod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "staticmethod", &args, 1, 1)?;
    Ok(interp.alloc(Obj::StaticMethod(args.pos[0].clone())))
}

fn classmethod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "classmethod", &args, 1, 1)?;
    Ok(interp.alloc(Obj::ClassMethod(args.pos[0].clone())))
}

/// `super()` (reads `__class__` and the first argument of the calling frame) or `super(C, obj)`.
fn super_(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    if args.pos.len() == 2 {
        let Some(class) = args.pos[0].as_obj().filter(|_| interp.is_class(&args.pos[0])) else {
            return Err(interp.err(interp.t.type_error, "super() argument 1 must be a type"));
        };
        return Ok(interp.alloc(Obj::Super { class, obj: args.pos[1].clone() }));
    }
    let th = &interp.threads[interp.cur];
    let Some(f) = th.frames.last() else {
        return Err(interp.err(interp.t.runtime_error, "super(): no current frame"));
    };
    let code = f.code.clone();
    if code.argcount == 0 {
        return Err(interp.err(interp.t.runtime_error, "super(): no arguments"));
    }
    let base = f.base;
    let nvars = code.varnames.len();
    let mut first = th.stack[base].clone();
    // The first parameter may live in a cell if a closure captured it.
    if let Some(ci) = code.cell_params.iter().position(|p| *p == Some(0))
        && let Value::Obj(c) = &th.stack[base + nvars + ci]
            && let Obj::Cell(v) = interp.heap.get(*c) {
                first = v.clone();
            }
    let class_cell = (0..code.ncells()).find(|&i| &**code.cell_name(i) == "__class__").map(|i| th.stack[base + nvars + i].clone());
    let class = match class_cell.and_then(|c| c.as_obj()).map(|c| interp.heap.get(c)) {
        Some(Obj::Cell(Value::Obj(cls))) => *cls,
        _ => return Err(interp.err(interp.t.runtime_error, "super(): __class__ cell not found")),
    };
    if first.is_null() {
        return Err(interp.err(interp.t.runtime_error, "super(): arg[0] deleted"));
    }
    Ok(interp.alloc(Obj::Super { class, obj: first }))
}

fn enumerate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let start = args.take_kw("start");
    args::count(interp, "enumerate", &args, 1, 2)?;
    let count = args.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    if interp.iterates_in_python(&args.pos[0]) {
        return interp.python_iteration("enumerate_", vec![args.pos[0].clone(), count]);
    }
    let it = interp.get_iter(&args.pos[0]);
    let it = interp.nested(it)?;
    Ok(interp.alloc(Obj::Iter(Iter::Enumerate { it, count })))
}

fn zip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let _strict = args.take_kw("strict");
    if args.pos.iter().any(|v| interp.iterates_in_python(v)) {
        return interp.python_iteration("zip_", args.pos);
    }
    let mut its = Vec::new();
    for v in &args.pos {
        let it = interp.get_iter(v);
        its.push(interp.nested(it)?);
    }
    Ok(interp.alloc(Obj::Iter(Iter::Zip { its })))
}

fn reversed(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "reversed", &args, 1, 1)?;
    let v = args.pos[0].clone();
    if let Some(r) = v.as_obj() {
        match interp.heap.get(r) {
            Obj::List(l) | Obj::Tuple(l) => {
                let index = l.len();
                return Ok(interp.alloc(Obj::Iter(Iter::Reversed { seq: r, index })));
            }
            Obj::Instance(i) => {
                let cls = i.class;
                if let Some(m) = interp.class_lookup(cls, "__reversed__") {
                    // In a frame: a manager proxy's `__reversed__` waits for its manager.
                    return Err(Flow::TailCall(Box::new((m, vec![v]))));
                }
            }
            Obj::Dict(d) => {
                let items: Rc<[Value]> = d.keys().cloned().collect::<Vec<_>>().into_iter().rev().collect();
                return Ok(interp.alloc(Obj::Iter(Iter::Values { items, index: 0 })));
            }
            _ => {}
        }
    }
    let items = match &v {
        Value::Str(_) | Value::Obj(_) => interp.collect_iterable(&v)?,
        _ => {
            let msg = format!("'{}' object is not reversible", interp.type_name(&v));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let items: Rc<[Value]> = items.into_iter().rev().collect();
    Ok(interp.alloc(Obj::Iter(Iter::Values { items, index: 0 })))
}

fn map(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    if args.pos.len() < 2 {
        return Err(interp.err(interp.t.type_error, "map() must have at least two arguments."));
    }
    let func = args.pos[0].clone();
    if interp.runs_python(&func) || args.pos[1..].iter().any(|v| interp.iterates_in_python(v)) {
        return interp.python_iteration("map_", args.pos);
    }
    let mut its = Vec::new();
    for v in &args.pos[1..] {
        let it = interp.get_iter(v);
        its.push(interp.nested(it)?);
    }
    Ok(interp.alloc(Obj::Iter(Iter::Map { func, its })))
}

fn filter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, args) = split(args);
    args::count(interp, "filter", &args, 2, 2)?;
    let func = args.pos[0].clone();
    if interp.runs_python(&func) || interp.iterates_in_python(&args.pos[1]) {
        return interp.python_iteration("filter_", args.pos);
    }
    let it = interp.get_iter(&args.pos[1]);
    let it = interp.nested(it)?;
    Ok(interp.alloc(Obj::Iter(Iter::Filter { func, it })))
}

/// `complex(real=0, imag=0)` and `complex(str)`.
fn complex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, mut args) = split(args);
    let real_kw = args.take_kw("real");
    let imag_kw = args.take_kw("imag");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("complex() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    if args.pos.len() > 2 {
        let msg = format!("complex() takes at most 2 arguments ({} given)", args.pos.len() + usize::from(real_kw.is_some()) + usize::from(imag_kw.is_some()));
        return Err(interp.err(interp.t.type_error, msg));
    }
    let mut pos = args.pos.into_iter();
    let mut r = pos.next();
    let mut i = pos.next();
    for (slot, kw, name, n) in [(&mut r, real_kw, "real", 1), (&mut i, imag_kw, "imag", 2)] {
        if let Some(v) = kw {
            if slot.is_some() {
                let msg = format!("argument for complex() given by name ('{name}') and position ({n})");
                return Err(interp.err(interp.t.type_error, msg));
            }
            *slot = Some(v);
        }
    }
    let Some(r) = r else {
        return match i {
            None => Ok(interp.new_complex(0.0, 0.0)),
            Some(i) => complex_from_parts(interp, &Value::Int(0), Some(&i)),
        };
    };
    if let Value::Str(s) = &r {
        if i.is_some() {
            return Err(interp.err(interp.t.type_error, "complex() can't take second arg if first is a string"));
        }
        let text = s.as_str().to_owned();
        return interp.complex_from_str(&text);
    }
    if i.is_none() && interp.as_complex(&r).is_some() {
        return Ok(r);
    }
    complex_from_parts(interp, &r, i.as_ref())
}

/// A complex or real number argument of `complex()` (with `__complex__`, `__float__` and
/// `__index__` of user classes); `(value, is_complex)`.
fn complex_arg(interp: &mut Interp, v: &Value, first: bool) -> PyResult<((f64, f64), bool)> {
    if let Some(z) = interp.as_complex(v) {
        return Ok((z, true));
    }
    if let Some(n) = interp.to_num(v) {
        return Ok(((interp.num_to_f64(n)?, 0.0), false));
    }
    if first && let Some(c) = interp.call_method_nested(v, "__complex__", vec![])? {
        return match interp.as_complex(&c) {
            Some(z) => Ok((z, true)),
            None => {
                let msg = format!("__complex__ returned non-complex (type {})", interp.type_name(&c));
                Err(interp.err(interp.t.type_error, msg))
            }
        };
    }
    for name in ["__float__", "__index__"] {
        if let Some(f) = interp.call_method_nested(v, name, vec![])?
            && let Some(n) = interp.to_num(&f)
        {
            return Ok(((interp.num_to_f64(n)?, 0.0), false));
        }
    }
    let msg = if first {
        format!("complex() first argument must be a string or a number, not '{}'", interp.type_name(v))
    } else if matches!(v, Value::Str(_)) {
        "complex() second arg can't be a string".to_owned()
    } else {
        format!("complex() second argument must be a number, not '{}'", interp.type_name(v))
    };
    Err(interp.err(interp.t.type_error, msg))
}

/// `complex(r, i)` = `r + i*1j`, computed as CPython's `complex_new_impl` does.
fn complex_from_parts(interp: &mut Interp, r: &Value, i: Option<&Value>) -> PyResult<Value> {
    let (cr, cr_is_complex) = complex_arg(interp, r, true)?;
    let Some(i) = i else { return Ok(interp.new_complex(cr.0, cr.1)) };
    let (ci, ci_is_complex) = complex_arg(interp, i, false)?;
    let (mut re, mut im) = (cr.0, ci.0);
    if ci_is_complex {
        re -= ci.1;
    }
    if cr_is_complex {
        im += cr.1;
    }
    Ok(interp.new_complex(re, im))
}
