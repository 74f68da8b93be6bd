//! Methods of `set` and `frozenset`: element mutation (`add`, `remove`, `discard`, `pop`,
//! `clear`), the algebra (`union`, `intersection`, … and their `_update` forms) and the
//! subset tests.

use super::string::slot_noarg;
use super::{check_self, noargs, one_arg, register};
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
    ];
    let mutating: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    let (set, frozenset) = (interp.t.set, interp.t.frozenset);
    register(interp, set, "set", shared);
    register(interp, set, "set", mutating);
    register(interp, frozenset, "frozenset", shared);
}

/// A set, or an instance of a subclass of `set` (which wraps one).
fn is_set(interp: &Interp, v: &Value) -> bool {
    matches!(interp.base_obj(v).map(|r| interp.heap.get(r)), Some(Obj::Set { .. }))
}

/// Checks the receiver and returns it with its frozen flag.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<(ObjRef, bool)> {
    let owner = match args.pos.first().and_then(|v| interp.base_obj(v)).map(|r| interp.heap.get(r)) {
        Some(Obj::Set { frozen: true, .. }) => "frozenset",
        _ => "set",
    };
    check_self(interp, args, owner, name, is_set)?;
    let r = interp.base_obj(&args.pos[0]).ok_or_else(|| interp.internal("set receiver"))?;
    Ok((r, owner == "frozenset"))
}

/// Rejects keyword arguments (`set.union() takes no keyword arguments`).
fn no_kw(interp: &mut Interp, args: &Args, qual: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        let msg = format!("{qual}() takes no keyword arguments");
        return Err(interp.err(interp.t.type_error, msg));
    }
    Ok(())
}

/// `other` as a set object (sets as they are, other iterables collected into a new set).
fn as_set(interp: &mut Interp, other: &Value) -> PyResult<ObjRef> {
    if let Some(r) = other.as_obj()
        && let Obj::Set { .. } = interp.heap.get(r)
    {
        return Ok(r);
    }
    let items = interp.collect_iterable(other)?;
    let s = interp.new_set(items)?;
    s.as_obj().ok_or_else(|| interp.internal("new set"))
}

/// A new set (or frozenset) holding `items`.
fn make(interp: &mut Interp, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = interp.new_set(items)?;
    if frozen && let Some(Obj::Set { frozen, .. }) = s.as_obj().map(|r| interp.heap.get_mut(r)) {
        *frozen = true;
    }
    Ok(s)
}

/// Replaces the contents of set `r` with `items`.
fn replace_items(interp: &mut Interp, r: ObjRef, items: Vec<Value>) -> PyResult<()> {
    if let Obj::Set { items: t, .. } = interp.heap.get_mut(r) {
        t.clear();
    }
    for v in items {
        interp.set_add(r, v)?;
    }
    Ok(())
}

fn union_items(interp: &mut Interp, r: ObjRef, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = interp.set_items(r);
    for o in others {
        out.extend(interp.collect_iterable(o)?);
    }
    Ok(out)
}

fn intersection_items(interp: &mut Interp, r: ObjRef, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = interp.set_items(r);
    for o in others {
        let s = as_set(interp, o)?;
        let mut kept = Vec::with_capacity(out.len());
        for v in out {
            if interp.set_contains(s, &v)? {
                kept.push(v);
            }
        }
        out = kept;
    }
    Ok(out)
}

fn difference_items(interp: &mut Interp, r: ObjRef, others: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = interp.set_items(r);
    for o in others {
        let s = as_set(interp, o)?;
        let mut kept = Vec::with_capacity(out.len());
        for v in out {
            if !interp.set_contains(s, &v)? {
                kept.push(v);
            }
        }
        out = kept;
    }
    Ok(out)
}

fn symmetric_items(interp: &mut Interp, r: ObjRef, other: &Value) -> PyResult<Vec<Value>> {
    let s = as_set(interp, other)?;
    let mut out = Vec::new();
    for v in interp.set_items(r) {
        if !interp.set_contains(s, &v)? {
            out.push(v);
        }
    }
    for v in interp.set_items(s) {
        if !interp.set_contains(r, &v)? {
            out.push(v);
        }
    }
    Ok(out)
}

fn copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "copy")?;
    noargs(interp, &args, if frozen { "frozenset.copy" } else { "set.copy" })?;
    if frozen {
        return Ok(args.pos[0].clone());
    }
    let items = interp.set_items(r);
    make(interp, items, false)
}

fn union(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "union")?;
    no_kw(interp, &args, "set.union")?;
    let items = union_items(interp, r, &args.pos[1..])?;
    make(interp, items, frozen)
}

fn intersection(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "intersection")?;
    no_kw(interp, &args, "set.intersection")?;
    let items = intersection_items(interp, r, &args.pos[1..])?;
    make(interp, items, frozen)
}

fn difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "difference")?;
    no_kw(interp, &args, "set.difference")?;
    let items = difference_items(interp, r, &args.pos[1..])?;
    make(interp, items, frozen)
}

fn symmetric_difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "symmetric_difference")?;
    let other = one_arg(interp, &args, if frozen { "frozenset.symmetric_difference" } else { "set.symmetric_difference" })?;
    let items = symmetric_items(interp, r, &other)?;
    make(interp, items, frozen)
}

fn issubset(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "issubset")?;
    let other = one_arg(interp, &args, if frozen { "frozenset.issubset" } else { "set.issubset" })?;
    let s = as_set(interp, &other)?;
    for v in interp.set_items(r) {
        if !interp.set_contains(s, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn issuperset(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "issuperset")?;
    let other = one_arg(interp, &args, if frozen { "frozenset.issuperset" } else { "set.issuperset" })?;
    for v in interp.collect_iterable(&other)? {
        if !interp.set_contains(r, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "isdisjoint")?;
    let other = one_arg(interp, &args, if frozen { "frozenset.isdisjoint" } else { "set.isdisjoint" })?;
    for v in interp.collect_iterable(&other)? {
        if interp.set_contains(r, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn add(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "add")?;
    let x = one_arg(interp, &args, "set.add")?;
    interp.set_add(r, x)?;
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "remove")?;
    let x = one_arg(interp, &args, "set.remove")?;
    if !interp.set_discard(r, &x)? {
        return Err(interp.key_error(x));
    }
    Ok(Value::None)
}

fn discard(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "discard")?;
    let x = one_arg(interp, &args, "set.discard")?;
    interp.set_discard(r, &x)?;
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "pop")?;
    noargs(interp, &args, "set.pop")?;
    let first = match interp.heap.get(r) {
        Obj::Set { items, .. } => crate::setorder::iteration_order(items).into_iter().next(),
        _ => None,
    };
    let Some(v) = first else {
        return Err(interp.key_error(Value::str("pop from an empty set")));
    };
    interp.set_discard(r, &v)?;
    Ok(v)
}

fn clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "clear")?;
    noargs(interp, &args, "set.clear")?;
    if let Obj::Set { items, .. } = interp.heap.get_mut(r) {
        items.clear();
    }
    Ok(Value::None)
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "update")?;
    no_kw(interp, &args, "set.update")?;
    for o in &args.pos[1..] {
        for v in interp.collect_iterable(o)? {
            interp.set_add(r, v)?;
        }
    }
    Ok(Value::None)
}

fn intersection_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "intersection_update")?;
    no_kw(interp, &args, "set.intersection_update")?;
    let items = intersection_items(interp, r, &args.pos[1..])?;
    replace_items(interp, r, items)?;
    Ok(Value::None)
}

fn difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "difference_update")?;
    no_kw(interp, &args, "set.difference_update")?;
    let items = difference_items(interp, r, &args.pos[1..])?;
    replace_items(interp, r, items)?;
    Ok(Value::None)
}

fn symmetric_difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "symmetric_difference_update")?;
    let other = one_arg(interp, &args, "set.symmetric_difference_update")?;
    let items = symmetric_items(interp, r, &other)?;
    replace_items(interp, r, items)?;
    Ok(Value::None)
}

fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "__len__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(match interp.heap.get(r) {
        Obj::Set { items, .. } => items.len() as i64,
        _ => 0,
    }))
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "__contains__")?;
    let x = one_arg(interp, &args, "set.__contains__")?;
    Ok(Value::Bool(interp.set_contains(r, &x)?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "__iter__")?;
    slot_noarg(interp, &args)?;
    interp.get_iter(&Value::Obj(r))
}
