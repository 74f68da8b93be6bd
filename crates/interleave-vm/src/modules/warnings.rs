//! `_interleave_frames`: what the Python `warnings`, `logging` and `threading` modules need to
//! know about the running program that CPython gives them through frame objects,
//! `linecache` and `traceback` — the current thread's frames, source lines, and the
//! traceback text of an exception as the interpreter prints it.

use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] =
        &[("stack", stack), ("getline", getline), ("format_exception", format_exception), ("format_exception_only", format_exception_only)];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

/// `stack()`: the current thread's frames, innermost first, each as
/// `(filename, lineno, function name, globals)`. The innermost is the Python frame that
/// called `stack()` (natives have no frames), at the line of that call.
fn stack(interp: &mut Interp, args: Args) -> PyResult<Value> {
    super::no_args(interp, "stack", &args)?;
    let rows: Vec<(String, u32, String, ObjRef)> = interp.threads[interp.cur]
        .frames
        .iter()
        .rev()
        .map(|f| (f.code.filename.to_string(), f.current_line(), f.code.name.to_string(), f.globals))
        .collect();
    interp.charge(rows.len() as u64);
    let mut out = Vec::with_capacity(rows.len());
    for (filename, line, name, globals) in rows {
        let row = vec![Value::str(filename.as_str()), Value::Int(i64::from(line)), Value::str(name.as_str()), Value::Obj(globals)];
        out.push(interp.new_tuple(row));
    }
    Ok(interp.new_list(out))
}

/// `getline(filename, lineno)`: line `lineno` (from 1) of a source the VM has compiled, with
/// its newline, or `''` (as `linecache.getline`).
fn getline(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (Some(Value::Str(name)), Some(Value::Int(lineno))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(interp.err(interp.t.type_error, "getline() expects (filename: str, lineno: int)"));
    };
    let line = match interp.sources.get(name.as_str()) {
        Some(src) if *lineno >= 1 => src.split_inclusive('\n').nth((*lineno - 1) as usize).map(|l| {
            if l.ends_with('\n') { l.to_owned() } else { format!("{l}\n") }
        }),
        _ => None,
    };
    Ok(Value::str(line.unwrap_or_default().as_str()))
}

/// The exception instance `format_exception(exc, …)` and `format_exception_only(exc)` take.
fn exception_arg(interp: &mut Interp, args: &Args, name: &str) -> PyResult<ObjRef> {
    match args.pos.first() {
        Some(v @ Value::Obj(r)) if interp.isinstance(v, interp.t.base_exception) => Ok(*r),
        _ => Err(interp.err(interp.t.type_error, format!("{name}() expects an exception instance"))),
    }
}

/// `format_exception(exc, chain=True)`: the text the interpreter prints for `exc` when it is
/// uncaught (traceback, chained exceptions unless `chain` is false, final line), as
/// `traceback.format_exception` joins it.
fn format_exception(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let e = exception_arg(interp, &args, "format_exception")?;
    let chain = match args.pos.get(1) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let text = if chain { interp.format_exception(e) } else { interp.format_exception_unchained(e) };
    interp.charge(text.len() as u64 / 16);
    Ok(Value::str(text.as_str()))
}

/// `format_exception_only(exc)`: the final line(s) of `exc`'s traceback (with its notes).
fn format_exception_only(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let e = exception_arg(interp, &args, "format_exception_only")?;
    let text = interp.format_exception_only(e);
    Ok(Value::str(text.as_str()))
}
