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
    let slice_cls = interp.t.slice;
    register(interp, slice_cls, "slice", &[("indices", slice_indices)]);
}

/// `slice.indices(length)`: the (start, stop, step) the slice selects in a sequence of that
/// length, as CPython's `slice_indices` (lengths that do not fit an `i64` are not supported).
fn slice_indices(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let is_slice = |interp: &Interp, v: &Value| matches!(v.as_obj().map(|r| interp.heap.get(r)), Some(Obj::Slice { .. }));
    check_self(interp, &args, "slice", "indices", is_slice)?;
    let length = one_arg(interp, &args, "slice.indices")?;
    let len = match interp.index_value(&length)? {
        Some(Value::Int(n)) => n,
        Some(_) => {
            return Err(interp.err(interp.t.not_implemented_error, "slice.indices() of a length beyond 64 bits is not supported by Interleave"));
        }
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(&length));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    if len < 0 {
        return Err(interp.err(interp.t.value_error, "length should not be negative"));
    }
    let Some(r) = args.pos[0].as_obj() else { return Err(interp.internal("not a slice")) };
    let (start, stop, step) = interp.slice_indices(r, len as usize)?;
    Ok(interp.new_tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
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
