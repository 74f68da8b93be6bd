//! Methods of `bytearray`: the mutating ones (`append`, `extend`, `insert`, `pop`, `remove`,
//! `clear`, `reverse`), `copy` and the item dunders; its reading methods are `bytes`'s (`bytes::METHODS`).

use super::{check_self, noargs, one_arg, positional, register, register_classmethod, type_error};
use crate::builtins::args;
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
    ];
    let cls = interp.t.bytearray;
    register(interp, cls, "bytearray", super::bytes::METHODS);
    register(interp, cls, "bytearray", table);
    register_classmethod(interp, cls, "fromhex", super::bytes::fromhex);
}

/// Checks the receiver and returns its reference.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<ObjRef> {
    check_self(interp, args, "bytearray", name, |i, v| i.is_bytearray(v))?;
    args.pos[0].as_obj().ok_or_else(|| interp.internal("bytearray receiver"))
}

fn data(interp: &mut Interp, r: ObjRef) -> &mut Vec<u8> {
    match interp.heap.get_mut(r) {
        Obj::ByteArray(b) => b,
        _ => unreachable!("checked by recv"),
    }
}

fn append(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "append")?;
    let v = one_arg(interp, &args, "bytearray.append")?;
    let b = interp.byte_value(&v)?;
    let len = data(interp, r).len();
    interp.check_str_size(len + 1)?;
    data(interp, r).push(b);
    Ok(Value::None)
}

fn extend(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "extend")?;
    let v = one_arg(interp, &args, "bytearray.extend")?;
    let more = match interp.bytes_of(&v) {
        Some(b) => b.to_vec(),
        None if !interp.is_iterable(&v) => {
            let msg = format!("can't extend bytearray with {}", interp.type_name(&v));
            return Err(type_error(interp, msg));
        }
        None => interp.bytes_from_ints(&v)?,
    };
    let len = data(interp, r).len();
    interp.check_str_size(len + more.len())?;
    data(interp, r).extend_from_slice(&more);
    Ok(Value::None)
}

fn insert(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "insert")?;
    positional(interp, &args, "insert", 2, 2)?;
    let i = args::int(interp, &args.pos[1])?;
    let b = interp.byte_value(&args.pos[2])?;
    let d = data(interp, r);
    let len = d.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.insert(at as usize, b);
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "pop")?;
    positional(interp, &args, "pop", 0, 1)?;
    let i = match args.pos.get(1) {
        Some(v) => args::int(interp, v)?,
        None => -1,
    };
    let len = data(interp, r).len();
    if len == 0 {
        return Err(interp.err(interp.t.index_error, "pop from empty bytearray"));
    }
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(interp.err(interp.t.index_error, "pop index out of range"));
    }
    Ok(Value::Int(data(interp, r).remove(j as usize) as i64))
}

fn remove(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "remove")?;
    let v = one_arg(interp, &args, "bytearray.remove")?;
    let b = interp.byte_value(&v)?;
    let d = data(interp, r);
    match d.iter().position(|&x| x == b) {
        Some(i) => {
            d.remove(i);
            Ok(Value::None)
        }
        None => Err(interp.err(interp.t.value_error, "value not found in bytearray")),
    }
}

fn clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "clear")?;
    noargs(interp, &args, "bytearray.clear")?;
    data(interp, r).clear();
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "copy")?;
    noargs(interp, &args, "bytearray.copy")?;
    let d = data(interp, r).clone();
    Ok(interp.new_bytearray(d))
}

fn reverse(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "reverse")?;
    noargs(interp, &args, "bytearray.reverse")?;
    data(interp, r).reverse();
    Ok(Value::None)
}

sequence_dunders!(len, getitem, setitem, delitem, contains, iter);
