//! Methods of `tuple`: `index`, `count` and the dunders Python code may call directly.

use super::string::{slot_arg, slot_noarg};
use super::{check_self, one_arg, positional, register, seq_bound, seq_count, seq_index};
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::Value;

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
    ];
    let cls = interp.t.tuple;
    register(interp, cls, "tuple", table);
}

fn is_tuple(interp: &Interp, v: &Value) -> bool {
    matches!(interp.base_obj(v).map(|r| interp.heap.get(r)), Some(Obj::Tuple(_)))
}

/// Checks the receiver and returns a copy of its items.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Vec<Value>> {
    check_self(interp, args, "tuple", name, is_tuple)?;
    Ok(match interp.base_obj(&args.pos[0]).map(|r| interp.heap.get(r)) {
        Some(Obj::Tuple(items)) => items.clone(),
        _ => Vec::new(),
    })
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = recv(interp, &args, "index")?;
    positional(interp, &args, "index", 1, 3)?;
    let start = seq_bound(interp, args.pos.get(2), items.len(), 0)?;
    let stop = seq_bound(interp, args.pos.get(3), items.len(), items.len())?;
    match seq_index(interp, &items, &args.pos[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(interp.err(interp.t.value_error, "tuple.index(x): x not in tuple")),
    }
}

fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = recv(interp, &args, "count")?;
    let x = one_arg(interp, &args, "tuple.count")?;
    Ok(Value::Int(seq_count(interp, &items, &x)? as i64))
}

fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = recv(interp, &args, "__len__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(items.len() as i64))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__getitem__")?;
    let k = slot_arg(interp, &args)?;
    let r = interp.getitem(&args.pos[0], &k);
    interp.nested(r)
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__contains__")?;
    let x = slot_arg(interp, &args)?;
    Ok(Value::Bool(interp.contains(&args.pos[0], &x)?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__iter__")?;
    slot_noarg(interp, &args)?;
    interp.get_iter(&args.pos[0])
}
