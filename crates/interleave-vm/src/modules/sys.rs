//! `sys`: interpreter facts (as CPython 3.11 on Linux reports them), the standard streams,
//! `exit`, recursion limit and switch interval.

use crate::files::FileTarget;
use crate::interp::Interp;
use crate::native::{Args, Flow, PyResult};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let stdout = crate::builtins::io::new_stream(interp, FileTarget::Stdout);
    let stderr = crate::builtins::io::new_stream(interp, FileTarget::Stderr);
    let stdin = crate::builtins::io::new_stream(interp, FileTarget::Stdin);
    for (name, v) in [("stdout", stdout.clone()), ("stderr", stderr.clone()), ("stdin", stdin.clone())] {
        interp.set_item_str(d, name, v.clone());
        let dunder: &'static str = match name {
            "stdout" => "__stdout__",
            "stderr" => "__stderr__",
            _ => "__stdin__",
        };
        interp.set_item_str(d, dunder, v);
    }
    let main_file = interp.main_file.clone();
    let argv0 = Value::str(main_file.as_str());
    let argv = interp.new_list(vec![argv0]);
    interp.set_item_str(d, "argv", argv);
    interp.set_item_str(d, "version", Value::str("3.11.7 (main, Interleave) [Interleave simulated CPython]"));
    // `sys.version_info` is a struct sequence: a tuple with named fields.
    let code = interleave_compiler::compile_module(VERSION_INFO, "<frozen sys>")
        .map_err(|e| interp.internal(format!("sys.version_info failed to compile: {}", e.message)))?;
    interp.run_module_code(code, d)?;
    interp.set_item_str(d, "hexversion", Value::Int(0x030b07f0));
    interp.set_item_str(d, "platform", Value::str("linux"));
    interp.set_item_str(d, "byteorder", Value::str("little"));
    interp.set_item_str(d, "maxsize", Value::Int(i64::MAX));
    // The simulated machine's Python is Debian's (`super::library`).
    interp.set_item_str(d, "executable", Value::str("/usr/bin/python3"));
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        interp.set_item_str(d, name, Value::str(super::library::PREFIX));
    }
    interp.set_item_str(d, "modules", Value::Obj(interp.modules));
    // The script's directory first (as CPython puts it; '' when the program has no absolute
    // path), then the standard library's places.
    let script_dir = match interp.main_file.rsplit_once('/') {
        Some((dir, _)) if interp.main_file.starts_with('/') => if dir.is_empty() { "/" } else { dir },
        _ => "",
    };
    let lib = super::library::LIB_DIR;
    let dirs = [script_dir.to_string(), "/usr/lib/python311.zip".to_string(), lib.to_string(), format!("{lib}/lib-dynload")];
    let path = interp.new_list(dirs.into_iter().map(|p| Value::str(p.as_str())).collect());
    interp.set_item_str(d, "path", path);
    interp.def_fn(d, "exit", exit);
    interp.def_fn(d, "getrecursionlimit", getrecursionlimit);
    interp.def_fn(d, "setrecursionlimit", setrecursionlimit);
    interp.def_fn(d, "getswitchinterval", getswitchinterval);
    interp.def_fn(d, "setswitchinterval", setswitchinterval);
    interp.def_fn(d, "exc_info", exc_info);
    interp.def_fn(d, "intern", intern);
    interp.def_fn(d, "getsizeof", getsizeof);
    if interp.free_threaded {
        // New in 3.13, present in every build of it; the playground's 3.13t mode has no GIL.
        interp.def_fn(d, "_is_gil_enabled", is_gil_enabled);
    }
    let _ = Payload::None;
    Ok(())
}

const VERSION_INFO: &str = r#"
class version_info(tuple):
    n_fields = 5
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return "sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)" % (
            self[0], self[1], self[2], self[3], self[4])
version_info.__module__ = "sys"
version_info = version_info((3, 11, 7, "final", 0))

class asyncgen_hooks(tuple):
    n_fields = 2
    firstiter = property(lambda self: self[0])
    finalizer = property(lambda self: self[1])
    def __repr__(self):
        return "asyncgen_hooks(firstiter=%r, finalizer=%r)" % (self[0], self[1])
asyncgen_hooks.__module__ = "sys"

# The asynchronous generator hooks of each thread (CPython keeps them in the thread state).
_interleave_asyncgen_hooks = {}
_interleave_unset = object()

def get_asyncgen_hooks():
    import _thread
    return asyncgen_hooks(_interleave_asyncgen_hooks.get(_thread.get_ident(), (None, None)))

def set_asyncgen_hooks(firstiter=_interleave_unset, finalizer=_interleave_unset):
    if finalizer is not _interleave_unset and finalizer is not None and not callable(finalizer):
        raise TypeError(f"callable finalizer expected, got {type(finalizer).__name__}")
    if firstiter is not _interleave_unset and firstiter is not None and not callable(firstiter):
        raise TypeError(f"callable firstiter expected, got {type(firstiter).__name__}")
    import _thread
    ident = _thread.get_ident()
    old_firstiter, old_finalizer = _interleave_asyncgen_hooks.get(ident, (None, None))
    if firstiter is _interleave_unset:
        firstiter = old_firstiter
    if finalizer is _interleave_unset:
        finalizer = old_finalizer
    _interleave_asyncgen_hooks[ident] = (firstiter, finalizer)
"#;

fn exit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let e = interp.new_exception(interp.t.system_exit, args.pos.into_iter().take(1).collect());
    Err(Flow::Exc(e))
}

fn getrecursionlimit(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(interp.limits.max_recursion as i64))
}

fn setrecursionlimit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(n)) if *n >= 1 => {
            interp.limits.max_recursion = (*n as usize).min(100_000);
            Ok(Value::None)
        }
        Some(Value::Int(_)) => Err(interp.err(interp.t.value_error, "recursion limit must be greater or equal than 1")),
        _ => Err(interp.err(interp.t.type_error, "'float' object cannot be interpreted as an integer")),
    }
}

fn is_gil_enabled(interp: &mut Interp, args: Args) -> PyResult<Value> {
    crate::modules::no_args(interp, "_is_gil_enabled", &args)?;
    Ok(Value::Bool(!interp.free_threaded))
}

fn getswitchinterval(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(interp.switch_interval_ns as f64 / 1e9))
}

fn setswitchinterval(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = match args.pos.first() {
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        _ => return Err(interp.err(interp.t.type_error, "must be real number")),
    };
    if v <= 0.0 {
        return Err(interp.err(interp.t.value_error, "switch interval must be strictly positive"));
    }
    interp.switch_interval_ns = (v * 1e9).round().max(1000.0) as u64;
    Ok(Value::None)
}

fn exc_info(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let h = interp.threads[interp.cur].handled.clone();
    match h {
        Value::Obj(e) => {
            let t = Value::Obj(interp.type_of(&h));
            let _ = e;
            Ok(interp.new_tuple(vec![t, h, Value::None]))
        }
        _ => Ok(interp.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn intern(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Str(s)) => {
            let s = s.as_str().to_owned();
            Ok(interp.intern(&s))
        }
        _ => Err(interp.err(interp.t.type_error, "intern() argument must be str")),
    }
}

fn getsizeof(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(interp.err(interp.t.type_error, "getsizeof() missing required argument 'object' (pos 1)"));
    };
    Ok(Value::Int(match v {
        Value::Int(0) => 24,
        Value::Int(i) => 28 + 4 * ((64 - i.unsigned_abs().leading_zeros() as i64) / 31).max(0),
        Value::Float(_) => 24,
        Value::Bool(_) => 28,
        Value::None => 16,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        Value::Bytes(b) => 33 + b.len() as i64,
        Value::Obj(r) => match interp.heap.get(*r) {
            // CPython allocates one byte more than the length (none while empty).
            Obj::ByteArray(b) if b.is_empty() => 56,
            Obj::ByteArray(b) => 57 + b.len() as i64,
            Obj::List(l) => 56 + 8 * l.capacity() as i64,
            Obj::Tuple(t) => 40 + 8 * t.len() as i64,
            Obj::Dict(_) => 232,
            _ => 48,
        },
        _ => 48,
    }))
}
