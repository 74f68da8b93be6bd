//! Exceptions: creating them, `raise`, matching `except` clauses, and printing tracebacks
//! exactly as CPython 3.11 does.

use std::rc::Rc;

use interleave_compiler::Code;

use crate::interp::Interp;
use crate::native::{Flow, PyResult};
use crate::object::{Obj, Payload, TracebackEntry};
use crate::value::{ObjRef, Value};

/// The file name of the helpers that iterate for built-ins (`modules/py/_interleave_iter.py`).
const ITER_HELPERS: &str = "<frozen _interleave_iter>";
/// Embedded modules that stand for CPython's C modules `_socket`, `select` and `_sre` (their
/// methods have no frame in CPython's tracebacks).
const C_MODULES: &[&str] = &["<frozen socket>", "<frozen select>", "<frozen _sre>"];
/// The file name of `greenlet` (`modules/py/greenlet.py`), a C extension in CPython.
const GREENLET: &str = "<frozen greenlet>";
/// The file names of `gevent`'s modules (`modules/py/gevent_*.py`), compiled by Cython in
/// CPython.
const GEVENT: &str = "<frozen gevent";

/// Is `code` Python that CPython runs in C? asyncio's `Future` and `Task` are the C classes
/// of `_asyncio` in CPython, and `contextvars` is C, so their methods (`Future.result`,
/// `Task.__step`, `Context.run`…) add no traceback entries.
fn is_c_accelerated(code: &interleave_compiler::Code) -> bool {
    if crate::modules::library::is_module_file(&code.filename, "asyncio.tasks") {
        return code.qualname.starts_with("Task.");
    }
    match &*code.filename {
        "<frozen asyncio.futures>" => code.qualname.starts_with("Future."),
        // `functools.lru_cache`'s wrapper is C in CPython (`_functools._lru_cache_wrapper`),
        // so a cached function's traceback (`re._compile_repl`'s, for one) has no frame of it.
        "<frozen functools>" => {
            code.qualname.starts_with("_lru_cache_wrapper.") || &*code.qualname == "_make_key"
        }
        // `contextvars` is C in CPython (`Context.run` calls asyncio's callbacks).
        "<frozen contextvars>" => true,
        // `mappingproxy` and `SimpleNamespace` are C types in CPython.
        "<frozen _interleave_types>" => true,
        // `sys` is C in CPython (`set_asyncgen_hooks`…).
        "<frozen sys>" => true,
        // The module `__getattr__` that names what Interleave leaves out of `types` and
        // `inspect` (CPython's modules have no such hook).
        "<frozen types>" | "<frozen inspect>" => &*code.qualname == "__getattr__",
        _ => false,
    }
}

impl Interp {
    /// A new exception instance of built-in class `cls` with the given args.
    pub fn new_exception(&mut self, cls: ObjRef, args: Vec<Value>) -> ObjRef {
        let inst = self.new_instance(cls);
        let t = self.new_tuple(args);
        let r = inst.as_obj().expect("instance");
        if let Obj::Instance(i) = self.heap.get_mut(r)
            && let Payload::Exception(e) = &mut i.payload {
                e.args = t;
            }
        r
    }

    pub fn new_exception_msg(&mut self, cls: ObjRef, msg: impl Into<String>) -> ObjRef {
        let m = Value::str(msg.into());
        self.new_exception(cls, vec![m])
    }

    /// An exception to return as `Err`: `return Err(self.err(self.t.type_error, "…"))`.
    pub fn err(&mut self, cls: ObjRef, msg: impl Into<String>) -> Flow {
        Flow::Exc(self.new_exception_msg(cls, msg))
    }

    pub fn memory_error(&mut self) -> Flow {
        Flow::Exc(self.new_exception(self.t.memory_error, vec![]))
    }

    pub fn key_error(&mut self, key: Value) -> Flow {
        Flow::Exc(self.new_exception(self.t.key_error, vec![key]))
    }

    pub fn name_error(&mut self, name: &Value) -> Flow {
        let n = match name {
            Value::Str(s) => s.as_str().to_owned(),
            _ => String::new(),
        };
        let e = self.new_exception_msg(self.t.name_error, format!("name '{n}' is not defined"));
        self.set_exc_attr(e, "name", name.clone());
        let hint = self.name_suggestion(&n);
        if let Some(d) = self.exc_data_mut(e) {
            d.hint = hint.map(|h| std::rc::Rc::from(h.as_str()));
        }
        Flow::Exc(e)
    }

    /// CPython's `offer_suggestions_for_name_error`: the top frame's local variable names, then
    /// its globals, then the builtins.
    fn name_suggestion(&self, name: &str) -> Option<String> {
        let f = self.threads[self.cur].frames.last()?;
        let keys = |d: ObjRef| -> Vec<String> {
            match self.heap.get(d) {
                Obj::Dict(d) => d.keys().filter_map(|k| if let Value::Str(s) = k { Some(s.as_str().to_owned()) } else { None }).collect(),
                _ => vec![],
            }
        };
        let varnames: Vec<String> = f.code.varnames.iter().map(|v| v.to_string()).collect();
        crate::traceback::calculate_suggestion(&varnames, name)
            .or_else(|| crate::traceback::calculate_suggestion(&keys(f.globals), name))
            .or_else(|| crate::traceback::calculate_suggestion(&keys(self.builtins), name))
    }

    pub(crate) fn unbound_local(&mut self, name: &str) -> Flow {
        let msg = format!("cannot access local variable '{name}' where it is not associated with a value");
        self.err(self.t.unbound_local_error, msg)
    }

    pub(crate) fn unbound_deref(&mut self, i: u32) -> Flow {
        let f = self.threads[self.cur].frames.last().expect("frame");
        let code = f.code.clone();
        let i = i as usize;
        let name = code.cell_name(i);
        if i < code.cellvars.len() {
            self.unbound_local(name)
        } else {
            let msg = format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
            self.err(self.t.name_error, msg)
        }
    }

    /// Stores an extra attribute (such as `name` of a NameError) in the exception's dict.
    pub fn set_exc_attr(&mut self, e: ObjRef, name: &str, v: Value) {
        let key = self.intern(name);
        let hash = crate::hashing::hash_name(name);
        if let Obj::Instance(i) = self.heap.get(e)
            && let Some(d) = i.dict_obj
        {
            self.dict_set_str(d, key, v);
            return;
        }
        if let Obj::Instance(i) = self.heap.get_mut(e) {
            match i.dict.find_str(hash, name) {
                Some(idx) => i.dict.set_value_at(idx, v),
                None => i.dict.insert_new(hash, key, v),
            }
        }
    }

    /// `StopIteration(value)` (no args when the value is None, as a plain `return` does).
    pub fn stop_iteration(&mut self, v: Value) -> ObjRef {
        let args = if v.is_none() { vec![] } else { vec![v] };
        self.new_exception(self.t.stop_iteration, args)
    }

    /// The `value` of a StopIteration (its first argument, or None).
    pub fn stop_iteration_value(&mut self, e: ObjRef) -> Value {
        if let Some(v) = self.exc_attr_dict(e, "value") {
            return v;
        }
        self.exc_args(e).into_iter().next().unwrap_or(Value::None)
    }

    fn exc_attr_dict(&self, e: ObjRef, name: &str) -> Option<Value> {
        match self.heap.get(e) {
            Obj::Instance(i) => {
                let attrs = i.attrs(&self.heap);
                attrs.find_str(crate::hashing::hash_name(name), name).map(|idx| attrs.value_at(idx).clone())
            }
            _ => None,
        }
    }

    pub fn exc_args(&self, e: ObjRef) -> Vec<Value> {
        match self.heap.get(e) {
            Obj::Instance(i) => match &i.payload {
                Payload::Exception(x) => match x.args.as_obj().map(|o| self.heap.get(o)) {
                    Some(Obj::Tuple(items)) => items.clone(),
                    _ => vec![],
                },
                _ => vec![],
            },
            _ => vec![],
        }
    }

    pub(crate) fn exc_data_mut(&mut self, e: ObjRef) -> Option<&mut crate::object::ExcData> {
        match self.heap.get_mut(e) {
            Obj::Instance(i) => match &mut i.payload {
                Payload::Exception(x) => Some(x),
                _ => None,
            },
            _ => None,
        }
    }

    fn exc_data(&self, e: ObjRef) -> Option<&crate::object::ExcData> {
        match self.heap.get(e) {
            Obj::Instance(i) => match &i.payload {
                Payload::Exception(x) => Some(x),
                _ => None,
            },
            _ => None,
        }
    }

    pub(crate) fn set_context_if_unset(&mut self, e: ObjRef, ctx: ObjRef) {
        // Avoid cycles: do not chain an exception onto one that already (transitively) has it as context.
        let mut c = Some(ctx);
        let mut steps = 0;
        while let Some(x) = c {
            if x == e {
                return;
            }
            c = self.exc_data(x).and_then(|d| d.context.as_obj());
            steps += 1;
            if steps > 100 {
                break;
            }
        }
        if let Some(d) = self.exc_data_mut(e)
            && (d.context.is_null() || d.context.is_none()) {
                d.context = Value::Obj(ctx);
            }
    }

    pub(crate) fn set_cause(&mut self, e: ObjRef, cause: Value) {
        if let Some(d) = self.exc_data_mut(e) {
            d.cause = cause;
            d.suppress_context = true;
        }
    }

    /// Records that `exc` passed through `code` at instruction `ip`.
    pub(crate) fn add_traceback(&mut self, exc: ObjRef, code: Rc<Code>, ip: usize) {
        if std::mem::take(&mut self.reraising) {
            return;
        }
        if &*code.filename == ITER_HELPERS
            || C_MODULES.contains(&&*code.filename)
            || &*code.filename == GREENLET
            || code.filename.starts_with(GEVENT)
            || is_c_accelerated(&code)
        {
            // The Python helpers stand for built-ins, which have no frame in CPython (nor do
            // the C modules `_socket`, `select` and `greenlet`, gevent's Cython modules, or
            // asyncio's C-accelerated parts).
            return;
        }
        if let Some(d) = self.exc_data_mut(exc) {
            d.traceback.push(TracebackEntry { code, instr: ip });
        }
    }

    /// Does exception `exc` match `ty` (a class or tuple of classes) in an `except` clause?
    pub(crate) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let classes: Vec<Value> = match ty.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Tuple(items)) => items.clone(),
            _ => vec![ty.clone()],
        };
        for c in &classes {
            let Some(cr) = c.as_obj().filter(|_| self.is_class(c)) else {
                return Err(self.err(
                    self.t.type_error,
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            };
            if !self.is_subclass(cr, self.t.base_exception) {
                return Err(self.err(
                    self.t.type_error,
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            if self.isinstance(exc, cr) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `raise` (n = 0), `raise e` (1), `raise e from c` (2). Returns the exception to unwind.
    pub(crate) fn do_raise(&mut self, n: u32) -> PyResult<Flow> {
        let cur = self.cur;
        if n == 0 {
            let h = self.threads[cur].handled.clone();
            return match h {
                Value::Obj(e) => {
                    self.reraising = true;
                    Ok(Flow::Exc(e))
                }
                _ => Ok(self.err(self.t.runtime_error, "No active exception to reraise")),
            };
        }
        let cause = if n == 2 { self.threads[cur].stack.pop() } else { None };
        let v = self.threads[cur].stack.pop().expect("stack");
        let exc = self.make_exception(v)?;
        if let Some(c) = cause {
            let c = if c.is_none() { Value::None } else { Value::Obj(self.make_exception(c)?) };
            self.set_cause(exc, c);
        }
        Ok(Flow::Exc(exc))
    }

    /// Turns a `raise` operand (class or instance) into an exception instance.
    pub fn make_exception(&mut self, v: Value) -> PyResult<ObjRef> {
        if let Value::Obj(r) = &v {
            match self.heap.get(*r) {
                Obj::Class(_) if self.is_subclass(*r, self.t.base_exception) => {
                    let inst = self.call_nested(v.clone(), vec![])?;
                    if let Value::Obj(i) = inst {
                        return Ok(i);
                    }
                }
                Obj::Instance(_) if self.isinstance(&v, self.t.base_exception) => return Ok(*r),
                _ => {}
            }
        }
        Err(self.err(self.t.type_error, "exceptions must derive from BaseException"))
    }

    /// `str(exc)`.
    pub fn exception_str(&mut self, e: ObjRef) -> PyResult<String> {
        if let Some(s) = self.exc_data(e).and_then(|d| d.str_override.clone()) {
            return Ok(s.to_string());
        }
        let args = self.exc_args(e);
        let is_key_error = self.isinstance(&Value::Obj(e), self.t.key_error);
        match args.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&args[0]),
            1 => self.to_str(&args[0]),
            _ => {
                let t = self.new_tuple(args);
                self.repr(&t)
            }
        }
    }

    /// The text CPython prints for an uncaught exception (traceback, chained causes).
    pub fn format_exception(&mut self, e: ObjRef) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(e, &mut out, &mut seen);
        out
    }

    fn format_exception_chain(&mut self, e: ObjRef, out: &mut String, seen: &mut Vec<ObjRef>) {
        seen.push(e);
        let (cause, context, suppress) = match self.exc_data(e) {
            Some(d) => (d.cause.as_obj(), d.context.as_obj(), d.suppress_context),
            None => (None, None, false),
        };
        if let Some(c) = cause.filter(|c| !seen.contains(c)) {
            self.format_exception_chain(c, out, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(c)) {
            self.format_exception_chain(c, out, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        out.push_str(&self.format_exception_unchained(e));
    }

    /// One exception's traceback and final line(s), without the exceptions chained to it
    /// (`traceback.format_exception(exc, chain=False)`).
    pub fn format_exception_unchained(&mut self, e: ObjRef) -> String {
        let mut out = String::new();
        let tb = self.exc_data(e).map(|d| d.traceback.clone()).unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&crate::traceback::format_entries(self, &tb));
        }
        out.push_str(&self.format_exception_only(e));
        out
    }

    /// The last line(s): `ValueError: message` (with "Did you mean" hints as CPython 3.11).
    pub fn format_exception_only(&mut self, e: ObjRef) -> String {
        let cls = self.type_of(&Value::Obj(e));
        let c = self.class(cls);
        let mut name = c.qualname.to_string();
        if !c.builtin
            && let Some(Value::Str(m)) = self.dict_get_str(c.dict, "__module__")
                && m.as_str() != "__main__" && m.as_str() != "builtins" {
                    name = format!("{}.{name}", m.as_str());
                }
        // A `__str__` written in Python (gevent's `Timeout`, `LoopExit`) is called, as
        // CPython's traceback printing calls `str()`.
        let user_str = matches!(
            self.class_lookup(cls, "__str__").as_ref().and_then(Value::as_obj).map(|r| self.heap.get(r)),
            Some(Obj::Function(_))
        );
        let text = if user_str { self.to_str(&Value::Obj(e)) } else { self.exception_str(e) };
        let msg = match text {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".into(),
        };
        let hint = crate::traceback::suggestion(self, e).map(|s| format!(". Did you mean: '{s}'?")).unwrap_or_default();
        let mut line = if msg.is_empty() && hint.is_empty() { format!("{name}\n") } else { format!("{name}: {msg}{hint}\n") };
        line.push_str(&self.format_exception_notes(e));
        line
    }

    /// The notes `add_note` attached (`__notes__`), a line each after the exception's line, as
    /// CPython's `print_exception_notes` writes them.
    fn format_exception_notes(&mut self, e: ObjRef) -> String {
        let Ok(notes) = self.getattr(&Value::Obj(e), &Value::str("__notes__")) else { return String::new() };
        let items = match notes.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::List(v) | Obj::Tuple(v)) => v.clone(),
            _ => {
                let text = self.repr(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                return format!("{text}\n");
            }
        };
        let mut out = String::new();
        for note in items {
            let text = match &note {
                Value::Str(s) => s.as_str().to_string(),
                other => self.to_str(other).unwrap_or_else(|_| "<note str() failed>".into()),
            };
            out.push_str(&text);
            out.push('\n');
        }
        out
    }
}
