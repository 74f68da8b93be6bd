//! Methods of the built-in value types (`str`, `list`, `dict`, `set`, `tuple`, `int`, `float`,
//! `bytes`, `bytearray`, `memoryview`), one file per type, and the argument checks they share (with CPython's wording
//! for each of its argument-parsing conventions).

/// Defines the named dunders of a built-in sequence type whose methods check their receiver
/// with the module's `recv`: each is the operation itself (`len`, subscript, `in`, `iter`) on
/// the receiver, with CPython's slot-wrapper argument errors.
/// `sequence_dunders!(len, getitem)` defines `dunder_len` and `dunder_getitem`.
macro_rules! sequence_dunders {
    ($($name:ident),*) => { $( sequence_dunders!(@one $name); )* };
    (@one len) => {
        fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let base = Value::Obj(recv(interp, &args, "__len__")?);
            super::string::slot_noarg(interp, &args)?;
            Ok(Value::Int(crate::builtins::functions::length(interp, &base)? as i64))
        }
    };
    (@one getitem) => {
        fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let base = Value::Obj(recv(interp, &args, "__getitem__")?);
            let k = super::string::slot_arg(interp, &args)?;
            interp.getitem(&base, &k)
        }
    };
    (@one setitem) => {
        fn dunder_setitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let base = Value::Obj(recv(interp, &args, "__setitem__")?);
            super::string::slot_setitem(interp, base, &args)
        }
    };
    (@one delitem) => {
        fn dunder_delitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let base = Value::Obj(recv(interp, &args, "__delitem__")?);
            super::string::slot_delitem(interp, base, &args)
        }
    };
    (@one contains) => {
        fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let base = Value::Obj(recv(interp, &args, "__contains__")?);
            let x = super::string::slot_arg(interp, &args)?;
            Ok(Value::Bool(interp.contains(&base, &x)?))
        }
    };
    (@one iter) => {
        fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let base = Value::Obj(recv(interp, &args, "__iter__")?);
            super::string::slot_noarg(interp, &args)?;
            interp.get_iter(&base)
        }
    };
}

mod bytearray;
mod bytes;
mod complex;
mod dict;
mod float;
mod format;
mod int;
mod list;
mod memoryview;
mod set;
#[path = "str.rs"]
mod string;
mod tuple;

use std::rc::Rc;

use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, PyStr, Value};

/// Installs every built-in type's methods on its class.
pub fn install(interp: &mut Interp) {
    string::install(interp);
    list::install(interp);
    dict::install(interp);
    set::install(interp);
    tuple::install(interp);
    int::install(interp);
    float::install(interp);
    complex::install(interp);
    bytes::install(interp);
    bytearray::install(interp);
    memoryview::install(interp);
    install_reprs(interp);
}

/// `__repr__` of the built-in types whose repr is built into `Interp::repr` (CPython's
/// `tp_repr` slot wrappers: `{}.__repr__()` is `'{}'`, `dict.__repr__([])` is a TypeError).
macro_rules! slot_reprs {
    ($( $field:ident => $fname:ident, $owner:literal; )*) => {
        $(
            fn $fname(interp: &mut Interp, args: Args) -> PyResult<Value> {
                let cls = interp.t.$field;
                slot_repr(interp, args, cls, $owner)
            }
        )*
        fn install_reprs(interp: &mut Interp) {
            $(
                let cls = interp.t.$field;
                interp.def_method(cls, "__repr__", $owner, $fname);
            )*
        }
    };
}

slot_reprs! {
    dict => repr_dict, "dict";
    list => repr_list, "list";
    tuple => repr_tuple, "tuple";
    set => repr_set, "set";
    frozenset => repr_frozenset, "frozenset";
    int => repr_int, "int";
    bool_ => repr_bool, "bool";
    float => repr_float, "float";
    complex => repr_complex, "complex";
    bytes => repr_bytes, "bytes";
    bytearray => repr_bytearray, "bytearray";
    none_type => repr_none, "NoneType";
    range => repr_range, "range";
    slice => repr_slice, "slice";
}

fn slot_repr(interp: &mut Interp, args: Args, cls: ObjRef, owner: &str) -> PyResult<Value> {
    let Some(v) = args.pos.first().cloned() else {
        return Err(type_error(interp, format!("descriptor '__repr__' of '{owner}' object needs an argument")));
    };
    let vt = interp.type_of(&v);
    if !interp.is_subclass(vt, cls) {
        let msg = format!("descriptor '__repr__' requires a '{owner}' object but received a '{}'", interp.type_name(&v));
        return Err(type_error(interp, msg));
    }
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let n = args.pos.len() - 1 + args.kw.len();
        return Err(type_error(interp, format!("expected 0 arguments, got {n}")));
    }
    let target = match interp.base_obj(&v) {
        Some(r) => Value::Obj(r),
        None => v,
    };
    Ok(Value::str(interp.repr(&target)?))
}

/// Registers a table of `(name, function)` methods on `cls`.
fn register(interp: &mut Interp, cls: ObjRef, owner: &'static str, table: &[(&'static str, NativeFn)]) {
    for &(name, f) in table {
        interp.def_method(cls, name, owner, f);
    }
}

/// Registers `name` as a class method of `cls` (`dict.fromkeys`, `int.from_bytes`).
fn register_classmethod(interp: &mut Interp, cls: ObjRef, name: &'static str, f: NativeFn) {
    let native = interp.alloc(Obj::Native(crate::object::NativeFunction { name, func: f, slf: Value::Null, owner: None }));
    let cm = interp.alloc(Obj::ClassMethod(native));
    let dict = interp.class(cls).dict;
    interp.set_item_str(dict, name, cm);
}

fn type_error(interp: &mut Interp, msg: String) -> Flow {
    interp.err(interp.t.type_error, msg)
}

/// Checks the receiver of a method called through its class (`str.upper(5)`), with
/// CPython's descriptor errors.
fn check_self(interp: &mut Interp, args: &Args, owner: &str, name: &str, ok: fn(&Interp, &Value) -> bool) -> PyResult<()> {
    match args.pos.first() {
        None => Err(type_error(interp, format!("unbound method {owner}.{name}() needs an argument"))),
        Some(v) if ok(interp, v) => Ok(()),
        Some(v) => {
            let msg = format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object", interp.type_name(v));
            Err(type_error(interp, msg))
        }
    }
}

/// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
fn noargs(interp: &mut Interp, args: &Args, qual: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(interp, format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(type_error(interp, format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// `METH_O`: `list.append() takes exactly one argument (0 given)`; returns the argument.
fn one_arg(interp: &mut Interp, args: &Args, qual: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error(interp, format!("{qual}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(type_error(interp, format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(args.pos[1].clone())
}

/// Argument Clinic positional-only: `replace expected at least 2 arguments, got 1`.
fn positional(interp: &mut Interp, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(interp, format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if n < min {
        if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", plural(min))
        }
    } else if n > max {
        if min == max {
            format!("{name} expected {max} argument{}, got {n}", plural(max))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", plural(max))
        }
    } else {
        return Ok(());
    };
    Err(type_error(interp, msg))
}

/// `PyArg_ParseTuple`-style: `find() takes at least 1 argument (0 given)`.
fn old_style(interp: &mut Interp, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(type_error(interp, format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if n < min {
        let how = if min == max { "exactly" } else { "at least" };
        format!("{name}() takes {how} {min} argument{} ({n} given)", plural(min))
    } else if n > max {
        let how = if min == max { "exactly" } else { "at most" };
        format!("{name}() takes {how} {max} argument{} ({n} given)", plural(max))
    } else {
        return Ok(());
    };
    Err(type_error(interp, msg))
}

/// Argument Clinic with keywords: binds positional and keyword arguments (after `self`) to
/// `names`; the first `min` are required, those from `kwonly` on can only be given by name.
fn keywords(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    names: &[&str],
    min: usize,
    kwonly: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos.get(1..).unwrap_or(&[]);
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    if pos.len() > kwonly {
        let msg = if kwonly == 0 {
            format!("{name}() takes no positional arguments")
        } else if names.len() == kwonly {
            let how = if min == kwonly { "exactly" } else { "at most" };
            format!("{name}() takes {how} {kwonly} argument{} ({} given)", if kwonly == 1 { "" } else { "s" }, pos.len())
        } else {
            let how = if min == kwonly { "exactly" } else { "at most" };
            format!(
                "{name}() takes {how} {kwonly} positional argument{} ({} given)",
                if kwonly == 1 { "" } else { "s" },
                pos.len()
            )
        };
        return Err(type_error(interp, msg));
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (k, v) in &args.kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) if out[i].is_some() => {
                let msg = format!("argument for {name}() given by name ('{k}') and position ({})", i + 1);
                return Err(type_error(interp, msg));
            }
            Some(i) => out[i] = Some(v.clone()),
            None => return Err(type_error(interp, format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    if let Some(i) = out.iter().take(min).position(Option::is_none) {
        let msg = format!("{name}() missing required argument '{}' (pos {})", names[i], i + 1);
        return Err(type_error(interp, msg));
    }
    Ok(out)
}

/// The receiver as a `str`.
fn self_str(args: &Args) -> Rc<PyStr> {
    match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => Rc::new(PyStr::from("")),
    }
}

/// An optional slice bound of `find`/`count`/`index`… (None means absent).
fn opt_index(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::BigInt(b)) => Ok(Some(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 })),
        Some(_) => Err(type_error(interp, "slice indices must be integers or None or have an __index__ method".into())),
    }
}

/// A list/tuple `index(x, start, stop)` bound: ints only (no None), clamped to the length.
fn seq_bound(interp: &mut Interp, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let i = match v {
        None => return Ok(default),
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        Some(Value::BigInt(b)) => {
            if num_traits::Signed::is_negative(&**b) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }
        }
        Some(_) => return Err(type_error(interp, "slice indices must be integers or have an __index__ method".into())),
    };
    let len = len as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(j as usize)
}

/// The index of `x` in `items[start..stop]` by `==` (list/tuple `index`).
fn seq_index(interp: &mut Interp, items: &[Value], x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if v.is(x) || interp.eq(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The number of items equal to `x` (list/tuple `count`).
fn seq_count(interp: &mut Interp, items: &[Value], x: &Value) -> PyResult<usize> {
    let mut n = 0;
    for v in items {
        if v.is(x) || interp.eq(v, x)? {
            n += 1;
        }
    }
    Ok(n)
}

/// Argument count of a static method (no receiver), Argument Clinic wording.
fn args_count_static(interp: &mut Interp, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let mut shifted = Args { pos: Vec::with_capacity(args.pos.len() + 1), kw: args.kw.clone() };
    shifted.pos.push(Value::None);
    shifted.pos.extend(args.pos.iter().cloned());
    positional(interp, &shifted, name, min, max)
}
