//! Methods of `memoryview`: `tobytes`, `tolist`, `hex`, `release` and the context manager
//! (`with memoryview(b) as v:` releases it); the view itself is `interp/memoryview.rs`.

use std::rc::Rc;

use super::{check_self, noargs, register};
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__iter__", dunder_iter),
    ];
    let cls = interp.t.memoryview;
    register(interp, cls, "memoryview", table);
}

/// Checks the receiver and returns its reference.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<ObjRef> {
    check_self(interp, args, "memoryview", name, |i, v| i.is_memoryview(v))?;
    args.pos[0].as_obj().ok_or_else(|| interp.internal("memoryview receiver"))
}

/// The bytes a live view shows (the released-view error otherwise).
fn contents(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Vec<u8>> {
    let r = recv(interp, args, name)?;
    interp.memoryview_window(r)?;
    Ok(interp.bytes_of(&args.pos[0]).unwrap_or_default().to_vec())
}

fn tobytes(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = contents(interp, &args, "tobytes")?;
    Ok(Value::Bytes(Rc::from(data)))
}

fn tolist(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = contents(interp, &args, "tolist")?;
    noargs(interp, &args, "memoryview.tolist")?;
    let items = data.into_iter().map(|b| Value::Int(b as i64)).collect();
    Ok(interp.new_list(items))
}

/// `hex(sep, bytes_per_sep)`: `bytes.hex` of the contents.
fn hex(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let data = contents(interp, &args, "hex")?;
    args.pos[0] = Value::Bytes(Rc::from(data));
    let f = interp.class_lookup(interp.t.bytes, "hex").ok_or_else(|| interp.internal("bytes.hex missing"))?;
    interp.call_nested_args(f, args)
}

fn release(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "release")?;
    noargs(interp, &args, "memoryview.release")?;
    if let Obj::MemoryView { released, .. } = interp.heap.get_mut(r) {
        *released = true;
    }
    Ok(Value::None)
}

fn enter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "__enter__")?;
    interp.memoryview_window(r)?;
    Ok(args.pos[0].clone())
}

fn exit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = recv(interp, &args, "__exit__")?;
    if let Obj::MemoryView { released, .. } = interp.heap.get_mut(r) {
        *released = true;
    }
    Ok(Value::None)
}

sequence_dunders!(len, getitem, setitem, delitem, iter);
