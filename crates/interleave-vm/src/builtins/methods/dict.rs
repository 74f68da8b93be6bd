//! Methods of `dict`: views (`keys`, `values`, `items`), lookups (`get`, `setdefault`),
//! removal (`pop`, `popitem`, `clear`), `update`, `copy`, `fromkeys` and the item dunders.

use super::string::{slot_arg, slot_delitem, slot_noarg, slot_setitem};
use super::{check_self, noargs, one_arg, positional, register, register_classmethod, type_error};
use crate::dictview::DictView;
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::{DictIterKind, Obj};
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__len__", dunder_len),
        ("__iter__", dunder_iter),
    ];
    let cls = interp.t.dict;
    register(interp, cls, "dict", table);
    register_classmethod(interp, cls, "fromkeys", fromkeys);
    for (cls, owner) in [(interp.t.dict_keys, "dict_keys"), (interp.t.dict_values, "dict_values"), (interp.t.dict_items, "dict_items")]
    {
        let view_table: &[(&'static str, NativeFn)] =
            &[("__len__", view_len), ("__iter__", view_iter), ("__contains__", view_contains)];
        register(interp, cls, owner, view_table);
    }
}

/// A dict, or an instance of a subclass of `dict` (which wraps one).
fn is_dict(interp: &Interp, v: &Value) -> bool {
    matches!(interp.base_obj(v).map(|r| interp.heap.get(r)), Some(Obj::Dict(_)))
}

/// Checks the receiver and returns its reference.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<ObjRef> {
    check_self(interp, args, "dict", name, is_dict)?;
    interp.base_obj(&args.pos[0]).ok_or_else(|| interp.internal("dict receiver"))
}

fn view(interp: &mut Interp, args: Args, name: &str, kind: DictIterKind) -> PyResult<Value> {
    let dict = recv(interp, &args, name)?;
    noargs(interp, &args, &format!("dict.{name}"))?;
    Ok(interp.alloc(Obj::DictView(DictView { dict, kind })))
}

fn keys(interp: &mut Interp, args: Args) -> PyResult<Value> {
    view(interp, args, "keys", DictIterKind::Keys)
}

fn values(interp: &mut Interp, args: Args) -> PyResult<Value> {
    view(interp, args, "values", DictIterKind::Values)
}

fn items(interp: &mut Interp, args: Args) -> PyResult<Value> {
    view(interp, args, "items", DictIterKind::Items)
}

fn get(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "get")?;
    positional(interp, &args, "get", 1, 2)?;
    Ok(match interp.dict_get(d, &args.pos[1])? {
        Some(v) => v,
        None => args.pos.get(2).cloned().unwrap_or(Value::None),
    })
}

fn setdefault(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "setdefault")?;
    positional(interp, &args, "setdefault", 1, 2)?;
    if let Some(v) = interp.dict_get(d, &args.pos[1])? {
        return Ok(v);
    }
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    interp.dict_setitem(d, args.pos[1].clone(), default.clone())?;
    Ok(default)
}

fn pop(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "pop")?;
    positional(interp, &args, "pop", 1, 2)?;
    match interp.dict_remove(d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(interp.key_error(args.pos[1].clone())),
        },
    }
}

fn popitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "popitem")?;
    noargs(interp, &args, "dict.popitem")?;
    let last = match interp.heap.get_mut(d) {
        Obj::Dict(dict) => dict.pop_last(),
        _ => None,
    };
    match last {
        Some((k, v)) => Ok(interp.new_tuple(vec![k, v])),
        None => Err(interp.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "update")?;
    let n = args.pos.len() - 1;
    if n > 1 {
        return Err(type_error(interp, format!("update expected at most 1 argument, got {n}")));
    }
    if let Some(src) = args.pos.get(1) {
        interp.dict_update_from(d, src)?;
    }
    for (k, v) in &args.kw {
        let key = interp.intern(k);
        interp.dict_setitem(d, key, v.clone())?;
    }
    Ok(Value::None)
}

fn clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "clear")?;
    noargs(interp, &args, "dict.clear")?;
    if let Obj::Dict(dict) = interp.heap.get_mut(d) {
        dict.clear();
    }
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "copy")?;
    noargs(interp, &args, "dict.copy")?;
    Ok(Value::Obj(interp.dict_copy(d)))
}

/// `dict.fromkeys(iterable, value=None)` (a class method: `args.pos[0]` is the class).
fn fromkeys(interp: &mut Interp, args: Args) -> PyResult<Value> {
    positional(interp, &args, "fromkeys", 1, 2)?;
    let value = args.pos.get(2).cloned().unwrap_or(Value::None);
    if interp.iterates_in_python(&args.pos[1]) {
        return interp.python_iteration("fromkeys_", vec![args.pos[1].clone(), value]);
    }
    let keys = interp.collect_iterable(&args.pos[1])?;
    let d = interp.new_dict();
    for k in keys {
        interp.dict_setitem(d, k, value.clone())?;
    }
    Ok(Value::Obj(d))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, &args, "__getitem__")?);
    let k = one_arg(interp, &args, "dict.__getitem__")?;
    let r = interp.getitem(&base, &k);
    interp.nested(r)
}

fn dunder_setitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, &args, "__setitem__")?);
    slot_setitem(interp, base, &args)
}

fn dunder_delitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, &args, "__delitem__")?);
    slot_delitem(interp, base, &args)
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "__contains__")?;
    let k = one_arg(interp, &args, "dict.__contains__")?;
    Ok(Value::Bool(interp.dict_get(d, &k)?.is_some()))
}

fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let d = recv(interp, &args, "__len__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(match interp.heap.get(d) {
        Obj::Dict(dict) => dict.len() as i64,
        _ => 0,
    }))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, &args, "__iter__")?);
    slot_noarg(interp, &args)?;
    interp.get_iter(&base)
}

fn view_of(interp: &mut Interp, args: &Args) -> PyResult<DictView> {
    match args.pos.first().and_then(|v| v.as_obj()).map(|r| interp.heap.get(r)) {
        Some(Obj::DictView(v)) => Ok(*v),
        _ => Err(type_error(interp, "descriptor requires a dict view".into())),
    }
}

fn view_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = view_of(interp, &args)?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(interp.view_len(v) as i64))
}

fn view_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = view_of(interp, &args)?;
    slot_noarg(interp, &args)?;
    Ok(interp.view_iter(v))
}

fn view_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = view_of(interp, &args)?;
    let x = slot_arg(interp, &args)?;
    Ok(Value::Bool(interp.view_contains(v, &x)?))
}
