//! Methods of `list`: mutation (`append`, `extend`, `insert`, `remove`, `pop`, `clear`,
//! `sort`, `reverse`), search (`index`, `count`), `copy`, and the item dunders.

use super::string::{slot_arg, slot_delitem, slot_noarg, slot_setitem};
use super::{check_self, keywords, noargs, one_arg, positional, register, seq_bound, seq_count, seq_index};
use crate::builtins::args;
use crate::builtins::numeric::sort_values;
use crate::interp::Interp;
use std::rc::Rc;

use crate::native::{Args, Flow, NativeFn, PyResult, RunStop};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__add__", dunder_add),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__iadd__", dunder_iadd),
        ("__imul__", dunder_imul),
        ("__reversed__", dunder_reversed),
    ];
    let cls = interp.t.list;
    register(interp, cls, "list", table);
}

/// A list, or an instance of a subclass of `list` (which wraps one).
fn is_list(interp: &Interp, v: &Value) -> bool {
    matches!(interp.base_obj(v).map(|r| interp.heap.get(r)), Some(Obj::List(_)))
}

/// Checks the receiver and returns its reference.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<ObjRef> {
    check_self(interp, args, "list", name, is_list)?;
    interp.base_obj(&args.pos[0]).ok_or_else(|| interp.internal("list receiver"))
}

fn items_mut(interp: &mut Interp, r: ObjRef) -> PyResult<&mut Vec<Value>> {
    match interp.heap.get_mut(r) {
        Obj::List(v) => Ok(v),
        _ => Err(Flow::Stop(Rc::new(RunStop::Internal("list method on a non-list".into())))),
    }
}

fn items(interp: &Interp, r: ObjRef) -> Vec<Value> {
    match interp.heap.get(r) {
        Obj::List(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn check_len(interp: &mut Interp, n: usize) -> PyResult<()> {
    if n > interp.limits.max_container_len {
        return Err(interp.memory_error());
    }
    Ok(())
}

fn append(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "append")?;
    let x = one_arg(interp, &args, "list.append")?;
    let v = items_mut(interp, r)?;
    v.push(x);
    let n = v.len();
    check_len(interp, n)?;
    Ok(Value::None)
}

fn extend(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "extend")?;
    let src = one_arg(interp, &args, "list.extend")?;
    if interp.iterates_in_python(&src) {
        return interp.python_iteration("extend_", vec![Value::Obj(r), src]);
    }
    let new = interp.collect_iterable(&src)?;
    interp.charge(new.len() as u64 / 8);
    let v = items_mut(interp, r)?;
    v.extend(new);
    let n = v.len();
    check_len(interp, n)?;
    Ok(Value::None)
}

fn insert(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "insert")?;
    positional(interp, &args, "insert", 2, 2)?;
    let i = args::int(interp, &args.pos[1])?;
    let x = args.pos[2].clone();
    let v = items_mut(interp, r)?;
    let len = v.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    v.insert(at as usize, x);
    let n = v.len();
    check_len(interp, n)?;
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "remove")?;
    let x = one_arg(interp, &args, "list.remove")?;
    let snapshot = items(interp, r);
    let Some(i) = seq_index(interp, &snapshot, &x, 0, snapshot.len())? else {
        return Err(interp.err(interp.t.value_error, "list.remove(x): x not in list"));
    };
    let v = items_mut(interp, r)?;
    if i < v.len() {
        v.remove(i);
    }
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "pop")?;
    positional(interp, &args, "pop", 0, 1)?;
    let i = match args.pos.get(1) {
        None => -1,
        Some(v) => args::int(interp, v)?,
    };
    let v = items_mut(interp, r)?;
    if v.is_empty() {
        return Err(interp.err(interp.t.index_error, "pop from empty list"));
    }
    let len = v.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(interp.err(interp.t.index_error, "pop index out of range"));
    }
    Ok(v.remove(j as usize))
}

fn clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "clear")?;
    noargs(interp, &args, "list.clear")?;
    items_mut(interp, r)?.clear();
    Ok(Value::None)
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "index")?;
    positional(interp, &args, "index", 1, 3)?;
    let x = args.pos[1].clone();
    let snapshot = items(interp, r);
    let start = seq_bound(interp, args.pos.get(2), snapshot.len(), 0)?;
    let stop = seq_bound(interp, args.pos.get(3), snapshot.len(), snapshot.len())?;
    match seq_index(interp, &snapshot, &x, start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let msg = format!("{} is not in list", interp.repr(&x)?);
            Err(interp.err(interp.t.value_error, msg))
        }
    }
}

fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "count")?;
    let x = one_arg(interp, &args, "list.count")?;
    let snapshot = items(interp, r);
    Ok(Value::Int(seq_count(interp, &snapshot, &x)? as i64))
}

fn sort(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "sort")?;
    let a = keywords(interp, &args, "sort", &["key", "reverse"], 0, 0)?;
    let key = a[0].clone().filter(|k| !k.is_none());
    let reverse = match &a[1] {
        None => false,
        Some(v) => args::int(interp, v)? != 0,
    };
    // As CPython, the list is empty while it is being sorted.
    let taken = std::mem::take(items_mut(interp, r)?);
    let result = sort_values(interp, taken.clone(), key, reverse);
    let modified = !items_mut(interp, r)?.is_empty();
    match result {
        Ok(sorted) => {
            *items_mut(interp, r)? = sorted;
            if modified {
                return Err(interp.err(interp.t.value_error, "list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *items_mut(interp, r)? = taken;
            Err(e)
        }
    }
}

fn reverse(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "reverse")?;
    noargs(interp, &args, "list.reverse")?;
    items_mut(interp, r)?.reverse();
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "copy")?;
    noargs(interp, &args, "list.copy")?;
    let v = items(interp, r);
    interp.charge(v.len() as u64 / 8);
    Ok(interp.new_list(v))
}

fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "__len__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(items_mut(interp, r)?.len() as i64))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, &args, "__getitem__")?);
    let k = slot_arg(interp, &args)?;
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
    let base = Value::Obj(recv(interp, &args, "__contains__")?);
    let x = slot_arg(interp, &args)?;
    Ok(Value::Bool(interp.contains(&base, &x)?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, &args, "__iter__")?);
    slot_noarg(interp, &args)?;
    interp.get_iter(&base)
}

/// `list.__add__`, `__mul__`/`__rmul__`, `__iadd__` and `__imul__` called by name (a manager
/// serving a list proxy calls them so): the operator on the list itself.
fn slot_binop(interp: &mut Interp, args: &Args, name: &str, op: interleave_compiler::BinOp) -> PyResult<Value> {
    let base = Value::Obj(recv(interp, args, name)?);
    let x = slot_arg(interp, args)?;
    let r = interp.binary_op(op, &base, &x);
    interp.nested(r)
}

fn dunder_add(interp: &mut Interp, args: Args) -> PyResult<Value> {
    slot_binop(interp, &args, "__add__", interleave_compiler::BinOp::Add)
}

/// The count of `__mul__`/`__imul__` called by name: an index, as CPython's slot wrapper
/// takes (`'str' object cannot be interpreted as an integer`).
fn repeat_count(interp: &mut Interp, args: &Args) -> PyResult<()> {
    if let Some(x) = args.pos.get(1)
        && args.pos.len() == 2
        && interp.index_value(x)?.is_none()
    {
        let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(x));
        return Err(interp.err(interp.t.type_error, msg));
    }
    Ok(())
}

fn dunder_mul(interp: &mut Interp, args: Args) -> PyResult<Value> {
    repeat_count(interp, &args)?;
    slot_binop(interp, &args, "__mul__", interleave_compiler::BinOp::Multiply)
}

fn dunder_iadd(interp: &mut Interp, args: Args) -> PyResult<Value> {
    slot_binop(interp, &args, "__iadd__", interleave_compiler::BinOp::InplaceAdd)
}

fn dunder_imul(interp: &mut Interp, args: Args) -> PyResult<Value> {
    repeat_count(interp, &args)?;
    slot_binop(interp, &args, "__imul__", interleave_compiler::BinOp::InplaceMultiply)
}

fn dunder_reversed(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "__reversed__")?;
    slot_noarg(interp, &args)?;
    let index = items(interp, r).len();
    Ok(interp.alloc(Obj::Iter(crate::object::Iter::Reversed { seq: r, index })))
}
