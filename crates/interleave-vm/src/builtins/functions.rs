//! Built-in functions: `print`, `len`, `sorted`, `min`, `isinstance`…


use interleave_compiler::Conversion;
use num_bigint::BigInt;
use num_traits::Signed;

use super::args;
use super::numeric::{max, min, pow, round, sorted, sum};
use crate::files::FileTarget;
use crate::interp::{Interp, Stream};
use crate::native::{Args, Flow, PyResult};
use crate::object::{Iter, Obj, Payload};
use crate::value::{ObjRef, Value};

pub fn install(interp: &mut Interp, d: ObjRef) {
    let fns: &[(&'static str, crate::native::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("all", all),
        ("any", any),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("callable", callable),
        ("chr", chr),
        ("ExceptionGroup", exception_group),
        ("BaseExceptionGroup", exception_group),
        ("ord", ord),
        ("dir", dir),
        ("divmod", divmod),
        ("format", format),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("hash", hash),
        ("id", id),
        ("input", input),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("aiter", aiter),
        ("anext", anext),
        ("max", max),
        ("min", min),
        ("sum", sum),
        ("pow", pow),
        ("round", round),
        ("sorted", sorted),
        ("vars", vars),
        ("globals", globals),
        ("locals", locals),
        ("exit", exit),
        ("quit", exit),
        ("open", super::io::open),
        ("__import__", import),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
}

fn one<'a>(interp: &mut Interp, name: &str, args: &'a Args) -> PyResult<&'a Value> {
    args::count(interp, name, args, 1, 1)?;
    Ok(&args.pos[0])
}

fn print(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").unwrap_or(Value::None);
    let end = args.take_kw("end").unwrap_or(Value::None);
    let file = args.take_kw("file").unwrap_or(Value::None);
    let _flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("'{k}' is an invalid keyword argument for print()");
        return Err(interp.err(interp.t.type_error, msg));
    }
    // A class that must compute its text in a frame (a `multiprocessing` manager proxy asks
    // its manager process, which blocks) names a Python function that prints instead.
    for a in &args.pos {
        if let Value::Obj(r) = a
            && let Obj::Instance(inst) = interp.heap.get(*r)
            && let Some(hook) = interp.class_lookup(inst.class, "_interleave_print_")
        {
            let items = interp.new_tuple(args.pos.clone());
            return Err(Flow::TailCall(Box::new((hook, vec![items, sep, end, file]))));
        }
    }
    let sep = match &sep {
        Value::None => " ".to_owned(),
        Value::Str(s) => s.as_str().to_owned(),
        other => {
            let msg = format!("sep must be None or a string, not {}", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let end = match &end {
        Value::None => "\n".to_owned(),
        Value::Str(s) => s.as_str().to_owned(),
        other => {
            let msg = format!("end must be None or a string, not {}", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let mut text = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        match a {
            Value::Str(s) => text.push_str(s.as_str()),
            Value::Int(n) => text.push_str(&n.to_string()),
            _ => text.push_str(&interp.to_str(a)?),
        }
    }
    text.push_str(&end);
    write_to(interp, &file, &text)?;
    Ok(Value::None)
}

/// Writes text to a file-like object (None = sys.stdout).
pub fn write_to(interp: &mut Interp, file: &Value, text: &str) -> PyResult<()> {
    let file = match file {
        Value::None => match interp.sys_stream("stdout") {
            Some(f) => f,
            None => {
                interp.write(Stream::Stdout, text);
                return Ok(());
            }
        },
        f => f.clone(),
    };
    if let Some(Obj::Instance(inst)) = file.as_obj().map(|r| interp.heap.get(r))
        && let Payload::File(f) = &inst.payload {
            match f.target {
                FileTarget::Stdout => {
                    interp.write(Stream::Stdout, text);
                    return Ok(());
                }
                FileTarget::Stderr => {
                    interp.write(Stream::Stderr, text);
                    return Ok(());
                }
                _ => {}
            }
        }
    let Some(w) = interp.getattr_opt(&file, "write")? else {
        let msg = format!("'{}' object has no attribute 'write'", interp.type_name(&file));
        return Err(interp.err(interp.t.attribute_error, msg));
    };
    interp.call_nested(w, vec![Value::str(text)])?;
    Ok(())
}

/// `len(v)` as a number.
pub fn length(interp: &mut Interp, v: &Value) -> PyResult<usize> {
    if let Some(inner) = interp.delegate(v, "__len__") {
        return length(interp, &inner);
    }
    match v {
        Value::Str(s) => return Ok(s.len()),
        Value::Bytes(b) => return Ok(b.len()),
        Value::Obj(r) => match interp.heap.get(*r) {
            Obj::List(l) | Obj::Tuple(l) => return Ok(l.len()),
            Obj::ByteArray(b) => return Ok(b.len()),
            Obj::MemoryView { .. } => return Ok(interp.memoryview_window(*r)?.2),
            Obj::Dict(d) => return Ok(d.len()),
            Obj::Set { items, .. } => return Ok(items.len()),
            Obj::DictView(dv) => return Ok(interp.view_len(*dv)),
            Obj::Range { start, stop, step } => {
                return Ok(crate::interp::ops_range_len(*start, *stop, *step) as usize);
            }
            Obj::Instance(inst) => {
                let cls = inst.class;
                if let Payload::Deque { items, .. } = &inst.payload {
                    return Ok(items.len());
                }
                if let Some(m) = interp.class_lookup(cls, "__len__") {
                    let r = interp.call_nested(m, vec![v.clone()])?;
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        Value::Int(_) => Err(interp.err(interp.t.value_error, "__len__() should return >= 0")),
                        Value::Bool(b) => Ok(b as usize),
                        other => {
                            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(&other));
                            Err(interp.err(interp.t.type_error, msg))
                        }
                    };
                }
            }
            _ => {}
        },
        _ => {}
    }
    let msg = format!("object of type '{}' has no len()", interp.type_name(v));
    Err(interp.err(interp.t.type_error, msg))
}

fn len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "len", &args)?.clone();
    // A manager proxy's `__len__` asks its manager process: it runs in a frame (see `print`).
    if let Value::Obj(r) = &v
        && let Obj::Instance(inst) = interp.heap.get(*r)
        && interp.class_lookup(inst.class, "_interleave_print_").is_some()
        && let Some(Value::Obj(f)) = interp.class_lookup(inst.class, "__len__")
        && matches!(interp.heap.get(f), Obj::Function(_))
    {
        return Err(Flow::TailCall(Box::new((Value::Obj(f), vec![v]))));
    }
    Ok(Value::Int(length(interp, &v)? as i64))
}

fn repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "repr", &args)?.clone();
    Ok(Value::str(interp.repr(&v)?))
}

fn ascii(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "ascii", &args)?.clone();
    let r = interp.repr(&v)?;
    Ok(Value::str(ascii_escape(&r)))
}

/// Escapes the non-ASCII characters of a repr as `ascii()` does.
pub fn ascii_escape(r: &str) -> String {
    let mut out = String::new();
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn abs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "abs", &args)?.clone();
    match &v {
        Value::Int(i) => Ok(i.checked_abs().map_or_else(|| Value::from_bigint(BigInt::from(*i).abs()), Value::Int)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            if let Some(z) = interp.as_complex(&v) {
                return interp.complex_abs(z);
            }
            if let Some(r) = interp.call_method_nested(&v, "__abs__", vec![])? {
                return Ok(r);
            }
            let msg = format!("bad operand type for abs(): '{}'", interp.type_name(&v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn all(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "all", &args)?.clone();
    if interp.iterates_in_python(&v) {
        return interp.python_iteration("all_", vec![v]);
    }
    let it = interp.get_iter(&v);
    let it = interp.nested(it)?;
    while let Some(x) = interp.next_nested(&it)? {
        if !interp.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "any", &args)?.clone();
    if interp.iterates_in_python(&v) {
        return interp.python_iteration("any_", vec![v]);
    }
    let it = interp.get_iter(&v);
    let it = interp.nested(it)?;
    while let Some(x) = interp.next_nested(&it)? {
        if interp.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        _ => {
            if let Some(i) = interp.index_value(v)? {
                return int_arg(interp, &i);
            }
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn bin(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "bin", &args)?.clone();
    let n = int_arg(interp, &v)?;
    Ok(Value::str(interleave_algo::int_bin(&n)))
}

fn oct(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "oct", &args)?.clone();
    let n = int_arg(interp, &v)?;
    Ok(Value::str(interleave_algo::int_oct(&n)))
}

fn hex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "hex", &args)?.clone();
    let n = int_arg(interp, &v)?;
    Ok(Value::str(interleave_algo::int_hex(&n)))
}

fn callable(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "callable", &args)?.clone();
    let r = match &v {
        Value::Obj(r) => match interp.heap.get(*r) {
            Obj::Function(_) | Obj::BoundMethod { .. } | Obj::Native(_) | Obj::Class(_) => true,
            Obj::Instance(i) => interp.class_lookup(i.class, "__call__").is_some(),
            _ => false,
        },
        _ => false,
    };
    Ok(Value::Bool(r))
}

/// `ExceptionGroup(...)`, `BaseExceptionGroup(...)` (3.11): not there yet (nor `except*`);
/// says so rather than `NameError`.
fn exception_group(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Err(interp.err(interp.t.not_implemented_error, "ExceptionGroup is not supported by Interleave yet"))
}

fn chr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "chr", &args)?.clone();
    let i = args::int(interp, &v)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c)),
        None if (0..0x110000).contains(&i) => {
            // Lone surrogates cannot be represented in UTF-8 text.
            let msg = format!("chr() of a surrogate code point ({i:#x}) is not supported by Interleave");
            Err(interp.err(interp.t.not_implemented_error, msg))
        }
        None => Err(interp.err(interp.t.value_error, "chr() arg not in range(0x110000)")),
    }
}

fn ord(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "ord", &args)?.clone();
    match &v {
        Value::Str(s) if s.len() == 1 => Ok(Value::Int(s.char_at(0).map_or(0, |c| c as i64))),
        Value::Str(s) => {
            let msg = format!("ord() expected a character, but string of length {} found", s.len());
            Err(interp.err(interp.t.type_error, msg))
        }
        _ if interp.bytes_of(&v).is_some_and(|b| b.len() == 1) => Ok(Value::Int(interp.bytes_of(&v).map_or(0, |b| b[0] as i64))),
        _ => {
            let msg = format!("ord() expected string of length 1, but {} found", interp.type_name(&v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// Attribute names of an object, sorted (`dir()`).
pub fn dir_names(interp: &mut Interp, v: &Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |interp: &Interp, d: ObjRef, names: &mut Vec<String>| {
        if let Obj::Dict(d) = interp.heap.get(d) {
            for k in d.keys() {
                if let Value::Str(s) = k {
                    names.push(s.as_str().to_owned());
                }
            }
        }
    };
    match v.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Module(m)) => add_dict(interp, m.dict, &mut names),
        Some(Obj::Instance(inst)) => {
            for k in inst.attrs(&interp.heap).keys() {
                if let Value::Str(s) = k {
                    names.push(s.as_str().to_owned());
                }
            }
            let cls = inst.class;
            for c in interp.class(cls).mro.clone() {
                add_dict(interp, interp.class(c).dict, &mut names);
            }
        }
        Some(Obj::Class(c)) => {
            for c in c.mro.clone() {
                add_dict(interp, interp.class(c).dict, &mut names);
            }
        }
        _ => {
            let cls = interp.type_of(v);
            for c in interp.class(cls).mro.clone() {
                add_dict(interp, interp.class(c).dict, &mut names);
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

fn dir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "dir", &args, 0, 1)?;
    let names = match args.pos.first() {
        Some(v) => dir_names(interp, v),
        None => {
            let f = interp.threads[interp.cur].frames.last().expect("frame");
            let d = f.locals.unwrap_or(f.globals);
            let mut n: Vec<String> = match interp.heap.get(d) {
                Obj::Dict(d) => d.keys().filter_map(|k| if let Value::Str(s) = k { Some(s.as_str().to_owned()) } else { None }).collect(),
                _ => vec![],
            };
            n.sort();
            n
        }
    };
    let items = names.into_iter().map(Value::str).collect();
    Ok(interp.new_list(items))
}

fn divmod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "divmod", &args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if interp.as_complex(a).is_some() || interp.as_complex(b).is_some() {
        let msg = format!("unsupported operand type(s) for divmod(): '{}' and '{}'", interp.type_name(a), interp.type_name(b));
        return Err(interp.err(interp.t.type_error, msg));
    }
    let q = interp.binary_op(interleave_compiler::BinOp::FloorDivide, a, b);
    let q = interp.nested(q)?;
    let r = interp.binary_op(interleave_compiler::BinOp::Remainder, a, b);
    let r = interp.nested(r)?;
    Ok(interp.new_tuple(vec![q, r]))
}

fn format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "format", &args, 1, 2)?;
    let spec = args.pos.get(1).cloned().unwrap_or_else(|| Value::str(""));
    if let Some(r) = interp.proxy_format_builtin(&args.pos[0], &spec) {
        return r;
    }
    interp.format_value(args.pos[0].clone(), Conversion::None, Some(spec))
}

fn attr_name(interp: &mut Interp, v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(_) => Ok(v.clone()),
        _ => {
            let msg = format!("attribute name must be string, not '{}'", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn getattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "getattr", &args, 2, 3)?;
    let name = attr_name(interp, &args.pos[1])?;
    let r = interp.getattr(&args.pos[0], &name);
    match (interp.nested(r), args.pos.get(2)) {
        (Err(Flow::Exc(e)), Some(default)) if interp.isinstance(&Value::Obj(e), interp.t.attribute_error) => Ok(default.clone()),
        (r, _) => r,
    }
}

fn setattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "setattr", &args, 3, 3)?;
    let name = attr_name(interp, &args.pos[1])?;
    match interp.setattr(&args.pos[0], &name, args.pos[2].clone()) {
        Err(Flow::TailCall(tc)) => {
            let (f, a) = *tc;
            interp.call_nested(f, a)?;
        }
        r => r?,
    }
    Ok(Value::None)
}

fn delattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "delattr", &args, 2, 2)?;
    let name = attr_name(interp, &args.pos[1])?;
    match interp.delattr(&args.pos[0], &name) {
        Err(Flow::TailCall(tc)) => {
            let (f, a) = *tc;
            interp.call_nested(f, a)?;
        }
        r => r?,
    }
    Ok(Value::None)
}

fn hasattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "hasattr", &args, 2, 2)?;
    let name = attr_name(interp, &args.pos[1])?;
    let Value::Str(n) = &name else { unreachable!() };
    Ok(Value::Bool(interp.getattr_opt(&args.pos[0], n.as_str())?.is_some()))
}

fn hash(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "hash", &args)?.clone();
    Ok(Value::Int(interp.hash(&v)?))
}

fn id(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one(interp, "id", &args)?.clone();
    Ok(Value::Int(match &v {
        Value::Obj(r) => crate::hashing::fake_id(*r) as i64,
        other => 0x7e00_0000_0000 + (interp.hash(other).unwrap_or(0).rem_euclid(1 << 30) * 32),
    }))
}

fn input(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "input", &args, 0, 1)?;
    // A read that runs again (see `interp/stdin.rs`) has written its prompt already.
    if let Some(p) = args.pos.first()
        && !interp.stdin_read_again()
    {
        let s = interp.to_str(p)?;
        write_to(interp, &Value::None, &s)?;
    }
    let mut line = interp.read_stdin(crate::interp::StdinNeed::Line)?;
    if line.is_empty() {
        return Err(interp.err(interp.t.eof_error, "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(Value::str(line))
}

/// `isinstance(v, spec)` where spec is a class or (nested) tuple of classes.
pub fn isinstance_spec(interp: &mut Interp, v: &Value, spec: &Value, fname: &str) -> PyResult<bool> {
    match spec.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Class(_)) => Ok(interp.isinstance(v, spec.as_obj().expect("class"))),
        Some(Obj::Tuple(items)) => {
            for c in items.clone() {
                if isinstance_spec(interp, v, &c, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let msg = format!("{fname}() arg 2 must be a type, a tuple of types, or a union");
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn isinstance(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "isinstance", &args, 2, 2)?;
    Ok(Value::Bool(isinstance_spec(interp, &args.pos[0], &args.pos[1], "isinstance")?))
}

fn issubclass(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "issubclass", &args, 2, 2)?;
    let Some(sub) = args.pos[0].as_obj().filter(|_| interp.is_class(&args.pos[0])) else {
        return Err(interp.err(interp.t.type_error, "issubclass() arg 1 must be a class"));
    };
    let classes: Vec<Value> = match args.pos[1].as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Tuple(items)) => items.clone(),
        _ => vec![args.pos[1].clone()],
    };
    for c in classes {
        let Some(cr) = c.as_obj().filter(|_| interp.is_class(&c)) else {
            return Err(interp.err(interp.t.type_error, "issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        };
        if interp.is_subclass(sub, cr) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "iter", &args, 1, 2)?;
    if let Some(sentinel) = args.pos.get(1) {
        let func = args.pos[0].clone();
        if interp.runs_python(&func) {
            // Called in frames, where it may block (`iter(q.get, None)`).
            return interp.python_iteration("callable_iter_", vec![func, sentinel.clone()]);
        }
        return Ok(interp.alloc(Obj::Iter(Iter::Callable { func, sentinel: sentinel.clone() })));
    }
    interp.get_iter(&args.pos[0])
}

fn next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "next", &args, 1, 2)?;
    let it = args.pos[0].clone();
    let is_iter = match it.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Generator(g)) => !g.coroutine,
        Some(Obj::Iter(_)) => true,
        _ => interp.lookup_method(&it, "__next__").is_some(),
    };
    if !is_iter {
        let msg = format!("'{}' object is not an iterator", interp.type_name(&it));
        return Err(interp.err(interp.t.type_error, msg));
    }
    // An iterator running Python code runs in frames, where it can block or be switched out.
    match (it.as_obj().map(|r| interp.heap.get(r)), args.pos.get(1)) {
        (Some(Obj::Generator(_)), None) => return Err(Flow::TailCall(Box::new((it, vec![Value::None])))),
        (Some(Obj::Instance(_)), None) => {
            let m = interp.lookup_method(&it, "__next__").expect("checked");
            return Err(Flow::TailCall(Box::new((m, vec![it]))));
        }
        (Some(Obj::Generator(_) | Obj::Instance(_)), Some(default)) => {
            let default = default.clone();
            return interp.python_iteration("next_", vec![it, default]);
        }
        _ => {}
    }
    match interp.next_nested(&it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => {
                let e = interp.new_exception(interp.t.stop_iteration, vec![]);
                Err(Flow::Exc(e))
            }
        },
    }
}

fn vars(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "vars", &args, 0, 1)?;
    match args.pos.first() {
        None => locals(interp, Args::default()),
        Some(v) => match interp.getattr_opt(v, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(interp.err(interp.t.type_error, "vars() argument must have __dict__ attribute")),
        },
    }
}

fn globals(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let f = interp.threads[interp.cur].frames.last().expect("frame");
    Ok(Value::Obj(f.globals))
}

fn locals(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let th = &interp.threads[interp.cur];
    let f = th.frames.last().expect("frame");
    if let Some(l) = f.locals {
        return Ok(Value::Obj(l));
    }
    let code = f.code.clone();
    let base = f.base;
    let mut pairs = Vec::new();
    for (i, name) in code.varnames.iter().enumerate() {
        let v = th.stack[base + i].clone();
        if !v.is_null() {
            pairs.push((name.clone(), v));
        }
    }
    for i in 0..code.ncells() {
        if let Value::Obj(c) = &th.stack[base + code.varnames.len() + i]
            && let Obj::Cell(v) = interp.heap.get(*c)
                && !v.is_null() {
                    pairs.push((code.cell_name(i).clone(), v.clone()));
                }
    }
    let d = interp.new_dict();
    for (k, v) in pairs {
        let key = interp.intern(&k);
        interp.dict_set_str(d, key, v);
    }
    Ok(Value::Obj(d))
}

fn exit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let e = interp.new_exception(interp.t.system_exit, args.pos.into_iter().take(1).collect());
    Err(Flow::Exc(e))
}

fn import(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "__import__", &args, 1, 5)?;
    let fromlist = args.pos.get(3).cloned().unwrap_or(Value::None);
    interp.import_module(&args.pos[0], &fromlist)
}

/// `aiter(async_iterable)`: `type(x).__aiter__(x)`, which must be an async iterator.
fn aiter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "aiter", &args, 1, 1)?;
    let obj = args.pos[0].clone();
    let Some(it) = interp.call_method_nested(&obj, "__aiter__", vec![])? else {
        let msg = format!("'{}' object is not an async iterable", interp.type_name(&obj));
        return Err(interp.err(interp.t.type_error, msg));
    };
    if interp.lookup_method(&it, "__anext__").is_none() {
        let msg = format!("aiter() returned not an async iterator of type '{}'", interp.type_name(&it));
        return Err(interp.err(interp.t.type_error, msg));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`: the awaitable of `type(x).__anext__(x)`; with a
/// default, an awaitable that gives the default on `StopAsyncIteration`.
fn anext(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::count(interp, "anext", &args, 1, 2)?;
    let obj = args.pos[0].clone();
    if interp.lookup_method(&obj, "__anext__").is_none() {
        let msg = format!("'{}' object is not an async iterator", interp.type_name(&obj));
        return Err(interp.err(interp.t.type_error, msg));
    }
    let Some(awaitable) = interp.call_method_nested(&obj, "__anext__", vec![])? else {
        return Err(interp.internal("__anext__ vanished"));
    };
    let Some(default) = args.pos.get(1).cloned() else { return Ok(awaitable) };
    let awaitable = interp.get_awaitable(awaitable, 0)?;
    let module = interp.load_module("_interleave_types")?;
    let helper = interp.getattr_nested(&module, "_anext_default")?;
    interp.call_nested(helper, vec![awaitable, default])
}
