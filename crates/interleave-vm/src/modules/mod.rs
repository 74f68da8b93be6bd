//! Standard modules and the import system.
//!
//! A module is either native (built by a Rust function that fills its namespace) or written in
//! Python and embedded in the binary (compiled and run on first import, like a real stdlib
//! `.py` file). Anything else raises `ModuleNotFoundError` as CPython would, or
//! `NotImplementedError` for CPython modules Interleave does not provide yet.

/// An embedded Python module's source, `src/modules/py/FILE` as `build.rs` wrote it: without
/// comments and docstrings, with the same line numbers.
macro_rules! py {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/py/", $file))
    };
}

/// A module of a library pack (see `packs.rs`): compiled in natively; in WebAssembly left out
/// of the wasm and downloaded with its pack on first import. `build.rs` reads these
/// invocations to write the packs, so they stay literal and one per module.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! packed {
    ($pack:literal, $file:literal) => {
        Source::Python(py!($file))
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! packed {
    ($pack:literal, $file:literal) => {
        Source::Packed($pack, $file)
    };
}

mod collections;
mod dis;
pub mod greenlet;
mod io;
mod json;
pub mod library;
pub mod packs;
mod math;
mod mp;
mod net;
mod os;
mod process;
mod random;
mod sre;
mod sys;
pub mod thread;
mod time;
mod types;
mod warnings;

use std::rc::Rc;

use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::{NativeFunction, Obj};
use crate::value::{ObjRef, Value};

/// Per-process state kept in Rust by standard modules.
#[derive(Clone, Default)]
pub struct ModuleState {
    /// Values modules keep alive outside any Python-visible namespace.
    pub pinned: Vec<Value>,
    /// `random` generators, indexed by the id their `random.Random` instance holds.
    pub random: Vec<interleave_algo::PyRandom>,
    /// The generator behind `os.urandom`, once used.
    pub urandom: Option<usize>,
    /// The parked execution states of greenlets (`_interleave_greenlet`), by slot number; `None`
    /// once a greenlet is dead.
    pub greenlets: Vec<Option<greenlet::Parked>>,
}

impl ModuleState {
    pub fn roots(&self) -> Vec<Value> {
        let mut roots = self.pinned.clone();
        for parked in self.greenlets.iter().flatten() {
            parked.roots(&mut roots);
        }
        roots
    }
}

/// How a module is made.
enum Source {
    Native(fn(&mut Interp, ObjRef) -> PyResult<()>),
    Python(&'static str),
    /// Module file `.1` of library pack `.0`, downloaded on first use.
    #[cfg(target_arch = "wasm32")]
    Packed(&'static str, &'static str),
}

/// The modules Interleave provides.
fn registry(name: &str) -> Option<Source> {
    Some(match name {
        "sys" => Source::Native(sys::init),
        "_thread" => Source::Native(thread::init),
        "_interleave_mp" => Source::Native(mp::init),
        "_interleave_net" => Source::Native(net::init),
        "_interleave_greenlet" => Source::Native(greenlet::init),
        "gevent" => packed!("gevent", "gevent_init.py"),
        "gevent.hub" => packed!("gevent", "gevent_hub.py"),
        "gevent.exceptions" => packed!("gevent", "gevent_exceptions.py"),
        "gevent.timeout" => packed!("gevent", "gevent_timeout.py"),
        "gevent.greenlet" => packed!("gevent", "gevent_greenlet.py"),
        "gevent._abstract_linkable" => packed!("gevent", "gevent_abstract_linkable.py"),
        "gevent.event" => packed!("gevent", "gevent_event.py"),
        "gevent.queue" => packed!("gevent", "gevent_queue.py"),
        "gevent.lock" => packed!("gevent", "gevent_lock.py"),
        "gevent.pool" => packed!("gevent", "gevent_pool.py"),
        "gevent.monkey" => packed!("gevent", "gevent_monkey.py"),
        "gevent.thread" => packed!("gevent", "gevent_thread.py"),
        "gevent.socket" => packed!("gevent", "gevent_socket.py"),
        "gevent.select" => packed!("gevent", "gevent_select.py"),
        "greenlet" => packed!("gevent", "greenlet.py"),
        "_interleave_iter" => Source::Python(py!("_interleave_iter.py")),
        "_interleave_types" => Source::Native(types::init),
        "_collections" => Source::Native(collections::init),
        "_random" => Source::Native(random::init),
        "_interleave_sre" => Source::Native(sre::init),
        "_sre" => packed!("re", "_sre.py"),
        "_time" => Source::Native(time::init),
        "_interleave_frames" => Source::Native(warnings::init),
        "abc" => Source::Python(py!("abc.py")),
        "asyncio" => packed!("asyncio", "asyncio_init.py"),
        "asyncio.base_events" => packed!("asyncio", "asyncio_base_events.py"),
        "asyncio.base_futures" => packed!("asyncio", "asyncio_base_futures.py"),
        "asyncio.constants" => packed!("asyncio", "asyncio_constants.py"),
        "asyncio.base_tasks" => packed!("asyncio", "asyncio_base_tasks.py"),
        "asyncio.coroutines" => packed!("asyncio", "asyncio_coroutines.py"),
        "asyncio.events" => packed!("asyncio", "asyncio_events.py"),
        "asyncio.exceptions" => packed!("asyncio", "asyncio_exceptions.py"),
        "asyncio.format_helpers" => packed!("asyncio", "asyncio_format_helpers.py"),
        "asyncio.futures" => packed!("asyncio", "asyncio_futures.py"),
        "asyncio.locks" => packed!("asyncio", "asyncio_locks.py"),
        "asyncio.log" => packed!("asyncio", "asyncio_log.py"),
        "asyncio.mixins" => packed!("asyncio", "asyncio_mixins.py"),
        "asyncio.protocols" => packed!("asyncio", "asyncio_protocols.py"),
        "asyncio.queues" => packed!("asyncio", "asyncio_queues.py"),
        "asyncio.runners" => packed!("asyncio", "asyncio_runners.py"),
        "asyncio.selector_events" => packed!("asyncio", "asyncio_selector_events.py"),
        "asyncio.streams" => packed!("asyncio", "asyncio_streams.py"),
        "asyncio.taskgroups" => packed!("asyncio", "asyncio_taskgroups.py"),
        "asyncio.tasks" => packed!("asyncio", "asyncio_tasks.py"),
        "asyncio.threads" => packed!("asyncio", "asyncio_threads.py"),
        "asyncio.timeouts" => packed!("asyncio", "asyncio_timeouts.py"),
        "asyncio.transports" => packed!("asyncio", "asyncio_transports.py"),
        "asyncio.trsock" => packed!("asyncio", "asyncio_trsock.py"),
        "asyncio.unix_events" => packed!("asyncio", "asyncio_unix_events.py"),
        "bisect" => Source::Python(py!("bisect.py")),
        "collections" => Source::Python(py!("collections.py")),
        "concurrent" => Source::Python(py!("concurrent.py")),
        "concurrent.futures" => Source::Python(py!("concurrent_futures.py")),
        "concurrent.futures._base" => Source::Python(py!("concurrent_futures_base.py")),
        "concurrent.futures.process" => packed!("multiprocessing", "concurrent_futures_process.py"),
        "concurrent.futures.thread" => Source::Python(py!("concurrent_futures_thread.py")),
        "contextlib" => Source::Python(py!("contextlib.py")),
        "copy" => Source::Python(py!("copy.py")),
        "contextvars" => Source::Python(py!("contextvars.py")),
        "dis" => Source::Native(dis::init),
        "dataclasses" => packed!("extra", "dataclasses.py"),
        "enum" => Source::Python(py!("enum.py")),
        "errno" => Source::Python(py!("errno.py")),
        "fractions" => packed!("extra", "fractions.py"),
        "functools" => Source::Python(py!("functools.py")),
        "heapq" => Source::Python(py!("heapq.py")),
        "inspect" => packed!("extra", "inspect.py"),
        "io" => Source::Native(io::init),
        "itertools" => Source::Python(py!("itertools.py")),
        "json" => Source::Native(json::init),
        "json.decoder" => Source::Native(json::init_decoder),
        "logging" => packed!("extra", "logging.py"),
        "math" => Source::Native(math::init),
        "multiprocessing" => packed!("multiprocessing", "mp_init.py"),
        "multiprocessing.connection" => packed!("multiprocessing", "mp_connection.py"),
        "multiprocessing.context" => packed!("multiprocessing", "mp_context.py"),
        "multiprocessing.popen_fork" => packed!("multiprocessing", "mp_popen_fork.py"),
        "multiprocessing.managers" => packed!("multiprocessing", "mp_managers.py"),
        "multiprocessing.pool" => packed!("multiprocessing", "mp_pool.py"),
        "multiprocessing.queues" => packed!("multiprocessing", "mp_queues.py"),
        "multiprocessing.sharedctypes" => packed!("multiprocessing", "mp_sharedctypes.py"),
        "multiprocessing.popen_spawn" => packed!("multiprocessing", "mp_popen_spawn.py"),
        "multiprocessing.spawn" => packed!("multiprocessing", "mp_spawn.py"),
        "multiprocessing.process" => packed!("multiprocessing", "mp_process.py"),
        "multiprocessing.reduction" => packed!("multiprocessing", "mp_reduction.py"),
        "multiprocessing.synchronize" => packed!("multiprocessing", "mp_synchronize.py"),
        "multiprocessing.util" => packed!("multiprocessing", "mp_util.py"),
        "operator" => Source::Python(py!("operator.py")),
        "os" => Source::Native(os::init),
        "os.path" => Source::Native(os::init_path),
        "queue" => Source::Python(py!("queue.py")),
        "random" => Source::Python(py!("random.py")),
        "select" => packed!("net", "select.py"),
        "selectors" => packed!("net", "selectors.py"),
        "signal" => Source::Python(py!("signal.py")),
        "socket" => packed!("net", "socket.py"),
        "socketserver" => packed!("net", "socketserver.py"),
        "re" => packed!("re", "re_init.py"),
        "re._casefix" => packed!("re", "re_casefix.py"),
        "re._compiler" => packed!("re", "re_compiler.py"),
        "re._constants" => packed!("re", "re_constants.py"),
        "re._parser" => packed!("re", "re_parser.py"),
        "string" => packed!("extra", "string.py"),
        "textwrap" => packed!("extra", "textwrap.py"),
        "threading" => Source::Python(py!("threading.py")),
        "time" => Source::Python(py!("time.py")),
        "types" => Source::Python(py!("types.py")),
        "unicodedata" => Source::Python(py!("unicodedata.py")),
        "typing" => packed!("extra", "typing.py"),
        "warnings" => Source::Python(py!("warnings.py")),
        "traceback" => Source::Python(py!("traceback.py")),
        _ => return None,
    })
}

/// Standard-library modules of CPython that Interleave does not provide (yet): importing one
/// raises `NotImplementedError` naming it, rather than pretending it does not exist.
const KNOWN_UNSUPPORTED: &[&str] = &[
    "argparse", "array", "ast", "base64", "calendar", "codecs",
    "csv", "ctypes", "datetime", "decimal", "difflib", "gc", "gevent", "glob", "gzip",
    "hashlib", "hmac", "html", "http", "importlib", "ipaddress",
    "pathlib", "pickle", "platform", "pprint", "sched", "secrets",
    "shutil", "sqlite3", "statistics", "struct",
    "subprocess", "tempfile", "timeit", "unittest", "urllib", "uuid",
    "weakref", "zlib",
    // Parts of packages Interleave provides.
    "multiprocessing.dummy", "multiprocessing.forkserver", "multiprocessing.heap",
    "multiprocessing.popen_forkserver", "multiprocessing.popen_spawn_posix",
    "multiprocessing.resource_sharer", "multiprocessing.resource_tracker",
    "multiprocessing.shared_memory",
];

impl Interp {
    /// `import name` / `from name import …`: returns the top-level package for a plain
    /// `import a.b`, or the named module when `fromlist` is non-empty.
    pub(crate) fn import_module(&mut self, name: &Value, fromlist: &Value) -> PyResult<Value> {
        let Value::Str(s) = name else { return Err(self.internal("module name is not a str")) };
        let full = s.as_str().to_owned();
        let mut module = Value::None;
        let mut top = Value::None;
        let mut path = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                path.push('.');
            }
            path.push_str(part);
            let m = self.load_module(&path)?;
            if i == 0 {
                top = m.clone();
            } else {
                let key = self.intern(part);
                self.generic_setattr(&module, &key, m.clone())?;
            }
            module = m;
        }
        let want_leaf = match fromlist {
            Value::None | Value::Null => false,
            Value::Obj(r) => !matches!(self.heap.get(*r), Obj::Tuple(t) if t.is_empty()),
            _ => true,
        };
        Ok(if want_leaf { module } else { top })
    }

    /// Returns module `name`, creating it on first import.
    pub fn load_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.dict_get_str(self.modules, name) {
            return Ok(m);
        }
        let Some(source) = registry(name) else {
            let top = name.split('.').next().unwrap_or(name);
            if KNOWN_UNSUPPORTED.contains(&top) || KNOWN_UNSUPPORTED.contains(&name) {
                let msg = format!("the '{name}' module is not supported by Interleave yet");
                return Err(self.err(self.t.not_implemented_error, msg));
            }
            let e = self.new_exception_msg(self.t.module_not_found_error, format!("No module named '{name}'"));
            let n = Value::str(name);
            self.set_exc_attr(e, "name", n);
            return Err(crate::native::Flow::Exc(e));
        };
        let src = match source {
            Source::Native(init) => {
                let (module, dict) = self.register_module(name);
                init(self, dict)?;
                return Ok(module);
            }
            Source::Python(src) => src,
            // The pack comes first: if it cannot be downloaded, the import fails before the
            // module exists.
            #[cfg(target_arch = "wasm32")]
            Source::Packed(pack, file) => packs::source(pack, file).map_err(|why| {
                let msg = format!("Interleave could not download the '{pack}' library pack that module '{name}' is in: {why}");
                self.err(self.t.import_error, msg)
            })?,
        };
        let (module, dict) = self.register_module(name);
        self.run_embedded(dict, name, src)?;
        Ok(module)
    }

    /// A new, empty module `name`, entered in `sys.modules` before its code runs (so that
    /// circular imports find it).
    fn register_module(&mut self, name: &str) -> (Value, ObjRef) {
        let (module, dict) = self.new_module(name);
        let key = self.intern(name);
        self.dict_set_str(self.modules, key, module.clone());
        self.builtin_module_names.insert(name.to_owned());
        (module, dict)
    }

    /// Runs the embedded Python source of module `name` in its namespace `dict`.
    pub(crate) fn run_embedded(&mut self, dict: ObjRef, name: &str, src: &'static str) -> PyResult<()> {
        let filename = library::module_filename(name);
        let mut code = interleave_compiler::compile_module(src, &filename)
            .map_err(|e| self.internal(format!("stdlib module {name} failed to compile: {}", e.message)))?;
        // CPython's line numbers where the source gives them (`#@line N`), and the text a
        // traceback reads laid out on those lines.
        let lines = interleave_compiler::line_directives(src)
            .map_err(|e| self.internal(format!("stdlib module {name}: {e}")))?;
        let text: Rc<str> = match lines {
            Some(map) => {
                code = interleave_compiler::renumber(&code, &map);
                Rc::from(interleave_compiler::relaid(src, &map))
            }
            None => Rc::from(src),
        };
        self.sources.insert(Rc::from(filename.as_str()), text);
        let builtins_mod = self.dict_get_str(self.modules, "builtins").unwrap_or(Value::None);
        self.set_item_str(dict, "__builtins__", builtins_mod);
        if library::cpython_file(name).is_some() {
            self.set_item_str(dict, "__file__", Value::str(filename.as_str()));
        }
        self.run_module_code(code, dict)?;
        Ok(())
    }

    pub(crate) fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        let Value::Str(n) = name else { return Err(self.internal("import name is not a str")) };
        if let Some(v) = self.getattr_opt(module, n.as_str())? {
            return Ok(v);
        }
        let mname = match module.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Module(m)) => m.name.to_string(),
            _ => "?".into(),
        };
        let sub = format!("{mname}.{}", n.as_str());
        if registry(&sub).is_some() {
            return self.load_module(&sub);
        }
        // A module-level `__getattr__` (PEP 562) answers too, as CPython's IMPORT_FROM asks it.
        if let Some(Obj::Module(m)) = module.as_obj().map(|r| self.heap.get(r))
            && let Some(hook) = self.dict_get_str(m.dict, "__getattr__")
        {
            match self.call_nested(hook, vec![name.clone()]) {
                Err(crate::native::Flow::Exc(e)) if self.isinstance(&Value::Obj(e), self.t.attribute_error) => {}
                other => return other,
            }
        }
        let msg = format!("cannot import name '{}' from '{mname}' (unknown location)", n.as_str());
        let e = self.new_exception_msg(self.t.import_error, msg);
        let module_name = Value::str(mname.as_str());
        self.set_exc_attr(e, "name", module_name);
        self.set_exc_attr(e, "path", Value::None);
        Err(crate::native::Flow::Exc(e))
    }

    pub(crate) fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let Some(Obj::Module(m)) = module.as_obj().map(|r| self.heap.get(r)) else {
            return Err(self.internal("import * from a non-module"));
        };
        let src = m.dict;
        let entries: Vec<(Value, Value)> = match self.heap.get(src) {
            Obj::Dict(d) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => vec![],
        };
        let f = self.threads[self.cur].frames.last().expect("frame");
        let target = f.locals.unwrap_or(f.globals);
        for (k, v) in entries {
            if let Value::Str(s) = &k
                && !s.as_str().starts_with('_') {
                    self.dict_set_str(target, k.clone(), v);
                }
        }
        Ok(())
    }

    /// Adds a built-in function to a namespace dict.
    pub fn def_fn(&mut self, dict: ObjRef, name: &'static str, func: NativeFn) {
        let f = self.alloc(Obj::Native(NativeFunction { name, func, slf: Value::Null, owner: None }));
        self.set_item_str(dict, name, f);
    }

    /// Adds a method implemented in Rust to a class (`owner` is the type name for reprs).
    pub fn def_method(&mut self, cls: ObjRef, name: &'static str, owner: &'static str, func: NativeFn) {
        let f = self.alloc(Obj::Native(NativeFunction { name, func, slf: Value::Null, owner: Some(owner) }));
        let dict = self.class(cls).dict;
        self.set_item_str(dict, name, f);
        self.invalidate_lookup_cache();
    }
}

/// A short repr for instances whose payload is built in (deque, files…), if any.
pub fn repr_payload(interp: &mut Interp, r: ObjRef) -> PyResult<Option<String>> {
    collections::repr_deque(interp, r)
}

/// Positional argument `i` of a call into one of the project's own native layers (`module`,
/// such as `_interleave_mp`), as an integer; its absence is an internal error.
pub(crate) fn int_arg(interp: &mut Interp, module: &str, a: &Args, i: usize) -> PyResult<i64> {
    match a.pos.get(i) {
        Some(v) => crate::builtins::args::int(interp, v),
        None => Err(interp.internal(format!("{module}: missing argument"))),
    }
}

/// Convenience for natives: no arguments expected.
pub fn no_args(interp: &mut Interp, name: &str, args: &Args) -> PyResult<()> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        let msg = format!("{name}() takes no arguments ({} given)", args.pos.len() + args.kw.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    Ok(())
}
