//! Methods of `object`, `type`, `BaseException`, `property` and generators.

use super::args;
use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult};
use crate::object::{GenState, Obj, Payload};
use crate::value::Value;

pub fn install(interp: &mut Interp) {
    let t = interp.t.clone();
    let table: &[(crate::value::ObjRef, &'static str, &'static str, NativeFn)] = &[
        (t.object, "object.__init__", "object", object_init),
        (t.object, "__eq__", "object", object_eq),
        (t.object, "__ne__", "object", object_ne),
        (t.object, "__hash__", "object", object_hash),
        (t.object, "__repr__", "object", object_repr),
        (t.object, "__str__", "object", object_str),
        (t.object, "__setattr__", "object", object_setattr),
        (t.object, "__delattr__", "object", object_delattr),
        (t.object, "__getattribute__", "object", object_getattribute),
        (t.object, "__format__", "object", object_format),
        (t.type_, "mro", "type", type_mro),
        (t.base_exception, "__init__", "BaseException", exc_init),
        (t.base_exception, "with_traceback", "BaseException", exc_with_traceback),
        (t.base_exception, "add_note", "BaseException", exc_add_note),
        (t.property, "getter", "property", property_getter),
        (t.property, "setter", "property", property_setter),
        (t.property, "deleter", "property", property_deleter),
        (t.generator, "send", "generator", gen_send),
        (t.generator, "__next__", "generator", gen_next),
        (t.generator, "__iter__", "generator", identity),
        (t.generator, "close", "generator", gen_close),
        (t.generator, "throw", "generator", gen_throw),
        (t.coroutine, "send", "coroutine", gen_send),
        (t.coroutine, "close", "coroutine", gen_close),
        (t.coroutine, "throw", "coroutine", gen_throw),
        (t.coroutine, "__await__", "coroutine", identity),
    ];
    for &(cls, name, owner, f) in table {
        interp.def_method(cls, name, owner, f);
    }
    // `object.__init__` must be found as `__init__`.
    let init = interp.class_lookup(t.object, "object.__init__").expect("defined");
    let d = interp.class(t.object).dict;
    interp.set_item_str(d, "__init__", init);
    // `object.__init_subclass__` is a class method.
    let f = interp.alloc(Obj::Native(crate::object::NativeFunction {
        name: "__init_subclass__",
        func: object_init_subclass,
        slf: Value::Null,
        owner: Some("object"),
    }));
    let cm = interp.alloc(Obj::ClassMethod(f));
    interp.set_item_str(d, "__init_subclass__", cm);
    for it in [
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.memory_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.enumerate,
        t.zip,
        t.reversed,
        t.callable_iterator,
        t.iterator,
        t.map,
        t.filter,
    ] {
        interp.def_method(it, "__next__", "iterator", iter_next);
        interp.def_method(it, "__iter__", "iterator", identity);
    }
}

fn identity(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(args.pos.into_iter().next().unwrap_or(Value::None))
}

fn iter_next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    match interp.next_nested(&it)? {
        Some(v) => Ok(v),
        None => Err(Flow::Exc(interp.new_exception(interp.t.stop_iteration, vec![]))),
    }
}

fn object_init(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `object.__init_subclass__()`: does nothing, and accepts no arguments besides the class.
/// Its errors name the class it is bound to (`C.__init_subclass__() takes…`), as CPython's.
fn object_init_subclass(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let owner = match args.pos.first().and_then(|c| c.as_obj()).map(|r| interp.heap.get(r)) {
        Some(Obj::Class(c)) => c.name.clone(),
        _ => "object".into(),
    };
    if !args.kw.is_empty() {
        let msg = format!("{owner}.__init_subclass__() takes no keyword arguments");
        return Err(interp.err(interp.t.type_error, msg));
    }
    let n = args.pos.len().saturating_sub(1);
    if n > 0 {
        let msg = format!("{owner}.__init_subclass__() takes no arguments ({n} given)");
        return Err(interp.err(interp.t.type_error, msg));
    }
    Ok(Value::None)
}

fn object_eq(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (a, b) = (&args.pos[0], args.pos.get(1).unwrap_or(&Value::None));
    Ok(if a.is(b) { Value::Bool(true) } else { Value::NotImplemented })
}

fn object_ne(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (a, b) = (&args.pos[0], args.pos.get(1).unwrap_or(&Value::None));
    Ok(if a.is(b) { Value::Bool(false) } else { Value::NotImplemented })
}

fn object_hash(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = &args.pos[0];
    Ok(Value::Int(match v {
        Value::Obj(r) => crate::hashing::identity_hash(*r),
        other => interp.hash(other)?,
    }))
}

/// The default `object.__repr__`: `<__main__.C object at 0x…>`.
fn object_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = &args.pos[0];
    let cls = interp.type_of(v);
    let c = interp.class(cls);
    let module = match interp.dict_get_str(c.dict, "__module__") {
        Some(Value::Str(m)) => m.as_str().to_owned(),
        _ => "builtins".into(),
    };
    let q = c.qualname.clone();
    let addr = v.as_obj().map(crate::hashing::fake_address).unwrap_or_default();
    Ok(Value::str(format!("<{module}.{q} object at {addr}>")))
}

fn object_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    Ok(Value::str(interp.repr(&v)?))
}

/// `object.__getattribute__(obj, name)`: attribute lookup without the user hook.
fn object_getattribute(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::method_count(interp, "__getattribute__", &args, 1, 1)?;
    let (obj, name) = (&args.pos[0], &args.pos[1]);
    let Value::Str(s) = name else {
        let msg = format!("attribute name must be string, not '{}'", interp.type_name(name));
        return Err(interp.err(interp.t.type_error, msg));
    };
    match obj.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Class(_) | Obj::Module(_) | Obj::Super { .. }) => interp.getattr(obj, name),
        _ => {
            let cls = interp.type_of(obj);
            interp.generic_getattr(obj, cls, &s.clone())
        }
    }
}

/// `object.__delattr__(obj, name)`.
fn object_delattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::method_count(interp, "__delattr__", &args, 1, 1)?;
    if !matches!(args.pos[1], Value::Str(_)) {
        let msg = format!("attribute name must be string, not '{}'", interp.type_name(&args.pos[1]));
        return Err(interp.err(interp.t.type_error, msg));
    }
    interp.generic_delattr(&args.pos[0], &args.pos[1])?;
    Ok(Value::None)
}

fn object_setattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return Err(interp.err(interp.t.type_error, "expected 2 arguments"));
    }
    interp.generic_setattr(&args.pos[0], &args.pos[1], args.pos[2].clone())?;
    Ok(Value::None)
}

fn object_format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = args.pos[0].clone();
    match args.pos.get(1) {
        Some(Value::Str(s)) if !s.is_empty() => {
            let msg = format!("unsupported format string passed to {}.__format__", interp.type_name(&v));
            Err(interp.err(interp.t.type_error, msg))
        }
        _ => interp.to_str_value(&v),
    }
}

fn type_mro(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let Some(c) = args.pos.first().and_then(|v| v.as_obj()) else { return Ok(Value::None) };
    let mro: Vec<Value> = interp.class(c).mro.iter().map(|&c| Value::Obj(c)).collect();
    Ok(interp.new_list(mro))
}

fn exc_init(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mut pos = args.pos;
    let slf = pos.remove(0);
    let os_error = slf.as_obj().filter(|&r| {
        let cls = interp.type_of(&Value::Obj(r));
        interp.is_subclass(cls, interp.t.os_error)
    });
    if let Some(r) = os_error {
        return os_error_init(interp, r, pos);
    }
    let t = interp.new_tuple(pos);
    if let Some(Obj::Instance(i)) = slf.as_obj().map(|r| interp.heap.get_mut(r))
        && let Payload::Exception(e) = &mut i.payload {
            e.args = t;
        }
    Ok(Value::None)
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`, as CPython's
/// `Objects/exceptions.c`: the attributes, `str()`, `args` cut to `(errno, strerror)` when a file
/// name is given, and a plain `OSError` becomes the subclass its errno maps to
/// (`OSError(111, ...)` is a `ConnectionRefusedError`; CPython picks it in `__new__`).
fn os_error_init(interp: &mut Interp, e: crate::value::ObjRef, pos: Vec<Value>) -> PyResult<Value> {
    let n = pos.len();
    let attrs = (2..=5).contains(&n);
    let get = |i: usize| if attrs { pos.get(i).cloned().unwrap_or(Value::None) } else { Value::None };
    let (errno, strerror, filename, filename2) = (get(0), get(1), get(2), get(4));
    let mut text = None;
    if attrs {
        let (no, s) = (interp.to_str(&errno)?, interp.to_str(&strerror)?);
        text = Some(match (&filename, &filename2) {
            (Value::None, _) => format!("[Errno {no}] {s}"),
            (f, Value::None) => format!("[Errno {no}] {s}: {}", interp.repr(f)?),
            (f, f2) => format!("[Errno {no}] {s}: {} -> {}", interp.repr(f)?, interp.repr(f2)?),
        });
    }
    let args = if attrs && !filename.is_none() { pos[..2].to_vec() } else { pos };
    let args = interp.new_tuple(args);
    let subclass = match (&errno, interp.type_of(&Value::Obj(e)) == interp.t.os_error) {
        (Value::Int(no), true) => errno_class(interp, *no),
        _ => None,
    };
    if let Obj::Instance(i) = interp.heap.get_mut(e) {
        if let Some(cls) = subclass {
            i.class = cls;
        }
        if let Payload::Exception(d) = &mut i.payload {
            d.args = args;
            d.str_override = text.map(|t| std::rc::Rc::from(t.as_str()));
        }
    }
    for (name, v) in [("errno", errno), ("strerror", strerror), ("filename", filename), ("filename2", filename2)] {
        interp.set_exc_attr(e, name, v);
    }
    Ok(Value::None)
}

/// The `OSError` subclass CPython maps an errno (Linux numbers) to, if any.
pub fn errno_class(interp: &Interp, errno: i64) -> Option<crate::value::ObjRef> {
    let t = &interp.t;
    Some(match errno {
        11 | 114 | 115 => t.blocking_io_error,
        10 => t.child_process_error,
        32 | 108 => t.broken_pipe_error,
        103 => t.connection_aborted_error,
        111 => t.connection_refused_error,
        104 => t.connection_reset_error,
        17 => t.file_exists_error,
        2 => t.file_not_found_error,
        4 => t.interrupted_error,
        21 => t.is_a_directory_error,
        20 => t.not_a_directory_error,
        1 | 13 => t.permission_error,
        3 => t.process_lookup_error,
        110 => t.timeout_error,
        _ => return None,
    })
}

fn exc_with_traceback(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(args.pos[0].clone())
}

/// `exc.add_note(note)`: appends to the `__notes__` list (made on first use), which traceback
/// printing shows after the exception's line.
fn exc_add_note(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::method_count(interp, "add_note", &args, 1, 1)?;
    let (exc, note) = (args.pos[0].clone(), args.pos[1].clone());
    if !matches!(note, Value::Str(_)) {
        let msg = format!("note must be a str, not '{}'", interp.type_name(&note));
        return Err(interp.err(interp.t.type_error, msg));
    }
    let name = Value::str("__notes__");
    let notes = match interp.getattr(&exc, &name) {
        Ok(v) => v,
        Err(Flow::Exc(e)) if interp.isinstance(&Value::Obj(e), interp.t.attribute_error) => {
            let list = interp.alloc(Obj::List(Vec::new()));
            interp.setattr(&exc, &name, list.clone())?;
            list
        }
        Err(other) => return Err(other),
    };
    match notes.as_obj().map(|r| interp.heap.get_mut(r)) {
        Some(Obj::List(items)) => items.push(note),
        _ => return Err(interp.err(interp.t.type_error, "Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

fn property_copy(interp: &mut Interp, args: Args, which: usize) -> PyResult<Value> {
    args::method_count(interp, "property", &args, 1, 1)?;
    let Some(Obj::Property { fget, fset, fdel, doc }) = args.pos[0].as_obj().map(|r| interp.heap.get(r)) else {
        return Err(interp.internal("not a property"));
    };
    let (mut fget, mut fset, mut fdel, doc) = (fget.clone(), fset.clone(), fdel.clone(), doc.clone());
    let f = args.pos[1].clone();
    match which {
        0 => fget = f,
        1 => fset = f,
        _ => fdel = f,
    }
    Ok(interp.alloc(Obj::Property { fget, fset, fdel, doc }))
}

fn property_getter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    property_copy(interp, args, 0)
}

fn property_setter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    property_copy(interp, args, 1)
}

fn property_deleter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    property_copy(interp, args, 2)
}

/// The generator a method was called on, with CPython's errors for a missing or wrong one
/// (`type(g).send(5)`): a slot wrapper such as `__next__` words them differently.
fn gen_receiver(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Value> {
    let slot = name.starts_with("__");
    let msg = match args.pos.first() {
        Some(g) if matches!(g.as_obj().map(|r| interp.heap.get(r)), Some(Obj::Generator(_))) => return Ok(g.clone()),
        Some(other) => {
            let ty = interp.type_name(other);
            if slot {
                format!("descriptor '{name}' requires a 'generator' object but received a '{ty}'")
            } else {
                format!("descriptor '{name}' for 'generator' objects doesn't apply to a '{ty}' object")
            }
        }
        None if slot => format!("descriptor '{name}' of 'generator' object needs an argument"),
        None => format!("unbound method generator.{name}() needs an argument"),
    };
    Err(interp.err(interp.t.type_error, msg))
}

/// `g.send(v)`: the generator is resumed in the built-in's place (see `Flow::TailCall`), so
/// that its code runs in frames.
fn gen_send(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let generator = gen_receiver(interp, &args, "send")?;
    args::method_count(interp, "generator.send", &args, 1, 1)?;
    Err(Flow::TailCall(Box::new((generator, vec![args.pos[1].clone()]))))
}

fn gen_next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let generator = gen_receiver(interp, &args, "__next__")?;
    if !args.kw.is_empty() {
        return Err(interp.err(interp.t.type_error, "wrapper __next__() takes no keyword arguments"));
    }
    if args.pos.len() > 1 {
        let msg = format!("expected 0 arguments, got {}", args.pos.len() - 1);
        return Err(interp.err(interp.t.type_error, msg));
    }
    Err(Flow::TailCall(Box::new((generator, vec![Value::None]))))
}

/// `generator.throw(exc)`: raises `exc` at the generator's paused `yield`.
fn gen_throw(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args::method_count(interp, "throw", &args, 1, 3)?;
    let generator = args.pos[0].clone();
    let exc = interp.make_exception(args.pos[1].clone())?;
    let Some(r) = generator.as_obj() else { return Err(interp.internal("not a generator")) };
    interp.throw_into(r, exc)
}

fn gen_close(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let generator = args.pos[0].clone();
    let Some(r) = generator.as_obj() else { return Err(interp.internal("not a generator")) };
    let state = match interp.heap.get(r) {
        Obj::Generator(g) => g.state,
        _ => return Err(interp.internal("not a generator")),
    };
    if state != GenState::Suspended {
        interp.gen_finished(r);
        return Ok(Value::None);
    }
    let exit = Value::Obj(interp.t.generator_exit);
    match gen_throw(interp, Args::new(vec![generator, exit])) {
        Ok(_) => Err(interp.err(interp.t.runtime_error, "generator ignored GeneratorExit")),
        Err(Flow::Exc(e))
            if interp.isinstance(&Value::Obj(e), interp.t.generator_exit)
                || interp.isinstance(&Value::Obj(e), interp.t.stop_iteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}
