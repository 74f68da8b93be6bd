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
    interp.set_from(other, false)
}

fn copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "copy")?;
    noargs(interp, &args, if frozen { "frozenset.copy" } else { "set.copy" })?;
    if frozen {
        return Ok(args.pos[0].clone());
    }
    Ok(Value::Obj(interp.set_copy(r, false)))
}

/// `set_union`: a copy of the receiver updated with each argument.
fn union(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "union")?;
    no_kw(interp, &args, "set.union")?;
    let out = interp.set_copy(r, frozen);
    for o in &args.pos[1..] {
        interp.set_update(out, o)?;
    }
    Ok(Value::Obj(out))
}

/// `set_intersection_multi`.
fn intersection_multi(interp: &mut Interp, r: ObjRef, others: &[Value], frozen: bool) -> PyResult<ObjRef> {
    if others.is_empty() {
        return Ok(interp.set_copy(r, frozen));
    }
    let mut out = r;
    for o in others {
        out = interp.set_intersection(out, o, frozen)?;
    }
    Ok(out)
}

fn intersection(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "intersection")?;
    no_kw(interp, &args, "set.intersection")?;
    Ok(Value::Obj(intersection_multi(interp, r, &args.pos[1..], frozen)?))
}

/// `set_difference_multi`.
fn difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "difference")?;
    no_kw(interp, &args, "set.difference")?;
    let Some((first, rest)) = args.pos[1..].split_first() else {
        return Ok(Value::Obj(interp.set_copy(r, frozen)));
    };
    let out = interp.set_difference(r, first, frozen)?;
    for o in rest {
        interp.set_difference_update(out, o)?;
    }
    Ok(Value::Obj(out))
}

fn symmetric_difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, frozen) = recv(interp, &args, "symmetric_difference")?;
    let other = one_arg(interp, &args, if frozen { "frozenset.symmetric_difference" } else { "set.symmetric_difference" })?;
    Ok(Value::Obj(interp.set_symmetric_difference(r, &other, frozen)?))
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
    match interp.set_pop(r) {
        Some(v) => Ok(v),
        None => Err(interp.key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "clear")?;
    noargs(interp, &args, "set.clear")?;
    interp.set_clear(r);
    Ok(Value::None)
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "update")?;
    no_kw(interp, &args, "set.update")?;
    for (i, o) in args.pos.iter().enumerate().skip(1) {
        if interp.iterates_in_python(o) {
            // This one in frames, then the rest.
            let rest = interp.new_tuple(args.pos[i + 1..].to_vec());
            return interp.python_iteration("update_", vec![Value::Obj(r), o.clone(), rest]);
        }
        interp.set_update(r, o)?;
    }
    Ok(Value::None)
}

/// `set_intersection_update_multi`: the intersection, then `set_swap_bodies`.
fn intersection_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "intersection_update")?;
    no_kw(interp, &args, "set.intersection_update")?;
    let tmp = intersection_multi(interp, r, &args.pos[1..], false)?;
    interp.set_take_body(r, tmp);
    Ok(Value::None)
}

fn difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "difference_update")?;
    no_kw(interp, &args, "set.difference_update")?;
    for o in &args.pos[1..] {
        interp.set_difference_update(r, o)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (r, _) = recv(interp, &args, "symmetric_difference_update")?;
    let other = one_arg(interp, &args, "set.symmetric_difference_update")?;
    interp.set_symmetric_difference_update(r, &other)?;
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
