//! `Interp`: one Python process — its heap, modules, threads and output — and the helpers
//! every part of the VM uses to make and inspect values.

mod attr;
mod bytearray;
mod memoryview;
mod cache;
mod call;
mod callargs;
mod classes;
mod compare;
mod complex;
mod convert;
mod exc;
mod iter;
mod nested;
mod number;
mod ops;
mod patterns;
mod proxies;
mod format;
mod fast;
mod generators;
mod coroutines;
pub mod cost;
mod run;
mod step;
mod unwind;
mod setattr;
mod sets;
mod stdin;
mod threads;

pub use nested::{IN_COMPARISON, PLAIN, WHILE_REPR, WHILE_STR};
pub use ops::range_len as ops_range_len;

use std::collections::HashMap;
use std::rc::Rc;

use interleave_compiler::{Code, Constant};

use crate::dict::Dict;
use crate::files::FileSystem;
use crate::frame::{CodeValues, Frame};
use crate::heap::Heap;
use crate::limits::Limits;
use crate::native::{Flow, PyResult, RunStop};
use crate::object::{Class, Instance, Layout, Module, Obj, Payload};
use crate::types::Types;
use crate::value::{ObjRef, PyStr, Value};

pub use run::RunOutcome;
pub use threads::ThreadRun;
pub use cache::InlineCache;
pub use stdin::StdinNeed;

/// Which stream a piece of output went to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A Python thread: its frames and their shared value stack.
#[derive(Clone, Default)]
pub struct Thread {
    pub frames: Vec<Frame>,
    pub stack: Vec<Value>,
    /// The exception being handled (`sys.exc_info()`), or `None`.
    pub handled: Value,
    /// The call a new thread starts with (`_thread.start_new_thread`), until it starts.
    pub start: Option<(Value, crate::native::Args)>,
    /// Why the thread was last woken from a block, for the retried blocking call to read.
    pub wake: Option<Wake>,
    /// `threading.get_ident()` (a realistic-looking number, deterministic).
    pub ident: i64,
    /// The thread has finished (its frames are gone).
    pub done: bool,
    /// Locks this thread holds (for deadlock reports).
    pub holding: Vec<ObjRef>,
    /// `_thread._set_sentinel()` locks, released when the thread ends.
    pub sentinels: Vec<ObjRef>,
    /// The function the thread was started with (for "Exception ignored in thread started by").
    pub started_by: Value,
    /// The `threading.Thread` name, as `threading` reports it (`_thread._set_name`).
    pub name: Option<String>,
    /// A read of stdin this thread suspended in, to run again (see `stdin.rs`).
    pub stdin_wait: Option<StdinNeed>,
}

/// Why a blocked thread was woken: what a retried blocking call finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// Its timeout (or sleep) elapsed.
    Timeout,
    /// What it waited for may have happened (a lock was released): try again.
    Notified,
}

/// Limits the scheduler puts on one run of a thread (see `run_thread`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Slice {
    /// Whether a slice is active (false for single-threaded runs and nested calls).
    pub active: bool,
    /// Stop (`SwitchReason::Budget`) before executing an instruction once `steps` reaches this.
    pub end_step: u64,
    /// … or once `cpu_ns` reaches this (the time the scheduler granted).
    pub end_ns: u64,
    /// CPython's `gil_drop_request`: stop at the next eval-breaker check point.
    pub drop_request: bool,
    /// Check the eval breaker before every instruction (CPython ≤ 3.9) instead of only at
    /// backward jumps and function starts (CPython 3.10+).
    pub check_every_instruction: bool,
}

/// Something that happened inside a slice that the machine's trace shows (with the virtual time
/// and the thread): printed text and lock operations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Output { t: u64, thread: usize, stream: Stream, text: String },
    /// `acquired`: true for an acquire, false for a release.
    Lock { t: u64, thread: usize, lock: ObjRef, acquired: bool },
    /// A message of `bytes` (pickled size) was written to (`sent`) or read from kernel pipe
    /// `pipe`.
    Transfer { t: u64, thread: usize, pipe: usize, bytes: usize, sent: bool },
    /// A socket operation (`what`: connect, accept, send, recv, close) on kernel socket
    /// `socket`, between addresses `local` and `remote` (`ip:port`), moving `bytes`.
    Net { t: u64, thread: usize, socket: usize, what: &'static str, local: String, remote: String, bytes: usize },
    /// The thread switched from greenlet `from` to greenlet `to` (their names).
    GreenletSwitch { t: u64, thread: usize, from: String, to: String },
    /// The thread read `text` from stdin.
    Input { t: u64, thread: usize, text: String },
}

/// Something the scheduler must handle after the current slice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MachineEvent {
    /// A lock some thread waits for was released.
    LockReleased(ObjRef),
    /// A new thread was created (index in `threads`).
    ThreadCreated(usize),
    /// A kernel object changed (see `kernel.rs`): its waiters, in any process, may go on.
    Kernel(crate::kernel::KernelKey),
}

/// One Python process.
pub struct Interp {
    pub heap: Heap,
    pub t: Types,
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub threads: Vec<Thread>,
    /// Index of the running thread in `threads`.
    pub cur: usize,
    /// Output in the order it was written.
    pub output: Vec<(Stream, String)>,
    /// The program's standard input: what has been given so far, and how far it was read.
    pub stdin: Vec<u8>,
    pub stdin_pos: usize,
    /// More input may still come (an interactive client): a read that finds too little waits
    /// for it instead of reaching end of file. See `stdin.rs`.
    pub stdin_open: bool,
    pub limits: Limits,
    /// Instructions executed so far.
    pub steps: u64,
    /// Depth of Rust-level nested calls (`call_nested`); the collector only runs at depth 0.
    pub nested_depth: usize,
    /// The coroutine the last call created, with where it returns to (thread, frame depth,
    /// ip after the call). If the next instruction there is `PopTop`, it drops the only
    /// reference, and CPython warns "coroutine … was never awaited" (see `pop_top`).
    pub(crate) fresh_coroutine: Option<(ObjRef, usize, usize, usize)>,
    /// Where the Rust stack ended when the outermost nested call started (see
    /// `Limits::max_nested_stack_bytes`).
    pub(crate) nested_stack_base: usize,
    pub fs: FileSystem,
    /// Source text of every file that was compiled, for tracebacks.
    pub sources: HashMap<Rc<str>, Rc<str>>,
    code_values: HashMap<usize, (Rc<Code>, Rc<CodeValues>)>,
    interned: HashMap<Rc<str>, Rc<PyStr>>,
    /// The seed the run was started with (for modules that need deterministic entropy).
    pub seed: u64,
    /// Per-process state of standard modules that keep it in Rust.
    pub module_state: crate::modules::ModuleState,
    /// Names of modules implemented inside Interleave (for their reprs).
    pub builtin_module_names: std::collections::BTreeSet<String>,
    /// The path of the program being run (`__main__.__file__`, `sys.argv[0]`).
    pub main_file: String,
    /// `sys.getswitchinterval()` in nanoseconds.
    pub switch_interval_ns: u64,
    /// Objects whose repr is being computed (to print `[...]` for cycles).
    pub(crate) repr_guard: Vec<ObjRef>,
    /// Set by a bare `raise`/`Reraise`: the next unwind adds no traceback entry for this frame.
    pub(crate) reraising: bool,
    /// Virtual nanoseconds spent sleeping or blocked (CPU time is derived from `steps`).
    pub idle_ns: u64,
    /// Set by the collector when live data exceeds the memory limit: the running thread gets
    /// a `MemoryError` at the next instruction.
    pub out_of_memory: bool,
    /// A property (or another data descriptor, or `__getattribute__`) was added to an existing
    /// class: the instance-attribute fast paths, which rely on `Class::has_properties`, are off
    /// for the rest of the run.
    pub(crate) late_properties: bool,
    /// `__setattr__`, `__delattr__` or `__getattribute__` was assigned to an existing class
    /// (whose subclasses' flags were fixed at their creation): these hooks are looked up on
    /// every attribute access for the rest of the run.
    pub(crate) late_hooks: bool,
    /// The scheduler's limits on the current run of a thread.
    pub slice: Slice,
    /// Virtual CPU cores (`os.cpu_count()`), set by the machine.
    pub cpu_count: u32,
    /// The run is free-threaded (`--python 3.13t`): `sys._is_gil_enabled()` exists and says
    /// False. Set by the machine before `sys` is first imported.
    pub free_threaded: bool,
    /// Virtual CPU time this process has run, in nanoseconds (the cost model's sum).
    pub cpu_ns: u64,
    /// Virtual time and CPU time at the start of the current slice.
    pub clock_base_ns: u64,
    pub clock_base_cpu: u64,
    /// Events for the scheduler, drained after each slice.
    pub events: Vec<MachineEvent>,
    /// What the trace shows of the current slice, drained by the machine.
    pub records: Vec<Record>,
    /// `steps` value at which the loop next makes its rare checks (see `checkpoint`).
    pub(crate) next_check: u64,
    /// `steps` value at which the loop next checks the step limit and runs the collector.
    pub(crate) gc_check: u64,
    /// Cache of `class_lookup` results: (class, name hash) → (name, value).
    lookup_cache: std::cell::RefCell<LookupCache>,
    /// The simulated OS, shared by every process of the run (see `kernel.rs`).
    pub kernel: Rc<std::cell::RefCell<crate::kernel::Kernel>>,
    /// This process's pid.
    pub pid: u32,
    /// What the retried `os.fork()` returns (the child's pid in the parent, 0 in the child).
    pub fork_result: Option<i64>,
}

/// Cached class attribute lookups: (class, name hash) → (name, what the MRO gave), and the
/// epoch that the inline caches of `LoadMethod` check (`cache.rs`).
struct LookupCache {
    map: rustc_hash::FxHashMap<(ObjRef, i64), (Rc<str>, Option<Value>)>,
    /// A number unique to this process and this state of its classes: a fresh one is drawn
    /// whenever the map is cleared (a class changed, or the collector ran and may have freed
    /// classes), and a new (or forked) process starts with a fresh one.
    epoch: u64,
}

impl Default for LookupCache {
    fn default() -> LookupCache {
        LookupCache { map: Default::default(), epoch: crate::dict::next_version() }
    }
}


/// The virtual clock's epoch: `time.time()` at the start of every run (2024-01-01 00:00:00 UTC).
pub const EPOCH_NS: u64 = 1_704_067_200_000_000_000;

impl Interp {
    /// A fresh process with the built-in types and modules.
    pub fn new(limits: Limits, seed: u64) -> Interp {
        let mut heap = Heap::new();
        let t = Types::create(&mut heap);
        let builtins = heap.alloc(Obj::Dict(Dict::new()));
        let modules = heap.alloc(Obj::Dict(Dict::new()));
        let mut interp = Interp {
            heap,
            t,
            builtins,
            modules,
            threads: vec![Thread { handled: Value::None, ident: crate::modules::thread::ident_for(seed, 0), ..Thread::default() }],
            cur: 0,
            output: Vec::new(),
            stdin: Vec::new(),
            stdin_pos: 0,
            stdin_open: false,
            limits,
            steps: 0,
            nested_depth: 0,
            fresh_coroutine: None,
            nested_stack_base: 0,
            fs: FileSystem::default(),
            sources: HashMap::new(),
            code_values: HashMap::new(),
            interned: HashMap::new(),
            seed,
            module_state: Default::default(),
            builtin_module_names: Default::default(),
            main_file: String::new(),
            switch_interval_ns: 5_000_000,
            repr_guard: Vec::new(),
            reraising: false,
            idle_ns: 0,
            out_of_memory: false,
            next_check: 0,
            gc_check: 0,
            slice: Slice::default(),
            cpu_count: 4,
            free_threaded: false,
            cpu_ns: 0,
            clock_base_ns: 0,
            clock_base_cpu: 0,
            events: Vec::new(),
            records: Vec::new(),
            late_properties: false,
            late_hooks: false,
            lookup_cache: Default::default(),
            kernel: Rc::new(std::cell::RefCell::new(crate::kernel::Kernel::new(seed))),
            pid: 0,
            fork_result: None,
        };
        interp.pid = interp.kernel.borrow().root_pid();
        crate::builtins::install(&mut interp);
        interp
    }

    // ---- strings ----

    /// An interned `str` value (identifiers, attribute names).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return Value::Str(v.clone());
        }
        let v = Rc::new(PyStr::from(s));
        self.interned.insert(Rc::from(s), v.clone());
        Value::Str(v)
    }

    // ---- allocation ----

    pub fn alloc(&mut self, obj: Obj) -> Value {
        Value::Obj(self.heap.alloc(obj))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Obj::List(items))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Obj::Tuple(items))
    }

    pub fn new_dict(&mut self) -> ObjRef {
        self.heap.alloc(Obj::Dict(Dict::new()))
    }

    /// Converts a code object's constants and names to values (cached per code object).
    pub fn code_values(&mut self, code: &Rc<Code>) -> Rc<CodeValues> {
        let key = Rc::as_ptr(code) as usize;
        if let Some((_, v)) = self.code_values.get(&key) {
            return v.clone();
        }
        let consts = code.consts.iter().map(|c| self.constant(c)).collect();
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let costs = code.instrs.iter().map(cost::cost_ns).collect();
        let caches = code.instrs.iter().map(|_| Default::default()).collect();
        let v = Rc::new(CodeValues { consts, names, costs, caches });
        self.code_values.insert(key, (code.clone(), v.clone()));
        v
    }

    fn constant(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Ellipsis => Value::Ellipsis,
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(digits) => match digits.parse::<num_bigint::BigInt>() {
                Ok(b) => Value::from_bigint(b),
                Err(_) => Value::Int(0),
            },
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex(im) => self.new_complex(0.0, *im),
            Constant::Str(s) => self.intern(s),
            Constant::Bytes(b) => Value::Bytes(b.clone()),
            Constant::Tuple(items) => {
                let items = items.iter().map(|c| self.constant(c)).collect();
                self.new_tuple(items)
            }
            Constant::FrozenSet(items) => {
                let items: Vec<Value> = items.iter().map(|c| self.constant(c)).collect();
                self.frozenset_constant(items)
            }
            Constant::Code(code) => self.alloc(Obj::Code(code.clone())),
        }
    }

    // ---- types ----

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> ObjRef {
        let t = &self.t;
        match v {
            Value::Null | Value::None => t.none_type,
            Value::NotImplemented => t.not_implemented_type,
            Value::Ellipsis => t.ellipsis,
            Value::Bool(_) => t.bool_,
            Value::Int(_) | Value::BigInt(_) => t.int,
            Value::Float(_) => t.float,
            Value::Str(_) => t.str,
            Value::Bytes(_) => t.bytes,
            Value::Obj(r) => match self.heap.get(*r) {
                Obj::List(_) => t.list,
                Obj::ByteArray(_) => t.bytearray,
                Obj::MemoryView { .. } => t.memoryview,
                Obj::Tuple(_) => t.tuple,
                Obj::Dict(_) => t.dict,
                Obj::Set { frozen: false, .. } => t.set,
                Obj::Set { frozen: true, .. } => t.frozenset,
                Obj::Function(_) => t.function,
                Obj::BoundMethod { .. } => t.method,
                Obj::Native(_) => t.builtin_function,
                Obj::Class(_) => t.type_,
                Obj::Instance(i) => i.class,
                Obj::Module(_) => t.module,
                Obj::Cell(_) => t.cell,
                Obj::Code(_) => t.code,
                Obj::Generator(g) => {
                    if g.coroutine {
                        t.coroutine
                    } else {
                        t.generator
                    }
                }
                Obj::Range { .. } => t.range,
                Obj::Complex { .. } => t.complex,
                Obj::Slice { .. } => t.slice,
                Obj::Property { .. } => t.property,
                Obj::StaticMethod(_) => t.staticmethod,
                Obj::ClassMethod(_) => t.classmethod,
                Obj::Super { .. } => t.super_,
                Obj::Iter(it) => self.iter_type(it),
                Obj::DictView(dv) => dv.class(t),
            },
        }
    }

    pub fn class(&self, r: ObjRef) -> &Class {
        match self.heap.get(r) {
            Obj::Class(c) => c,
            _ => panic!("not a class"),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> Rc<str> {
        self.class(self.type_of(v)).name.clone()
    }

    pub fn is_class(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(*r), Obj::Class(_)))
    }

    /// Is class `sub` a subclass of `sup` (`issubclass`)?
    pub fn is_subclass(&self, sub: ObjRef, sup: ObjRef) -> bool {
        sub == sup || self.class(sub).mro.contains(&sup)
    }

    /// `isinstance(v, cls)` for a single class.
    pub fn isinstance(&self, v: &Value, cls: ObjRef) -> bool {
        let t = self.type_of(v);
        t == cls || self.is_subclass(t, cls)
    }

    /// Looks `name` up along `cls`'s MRO (no descriptors applied).
    pub fn class_lookup(&self, cls: ObjRef, name: &str) -> Option<Value> {
        self.class_lookup_hashed(cls, name, crate::hashing::hash_name(name))
    }

    /// `class_lookup` with the name's hash already known (hot paths pass a `PyStr`'s cached one).
    /// Results are cached per (class, name) until a class is modified or the collector runs
    /// (like CPython's type attribute cache).
    pub fn class_lookup_hashed(&self, cls: ObjRef, name: &str, hash: i64) -> Option<Value> {
        if let Some((n, v)) = self.lookup_cache.borrow().map.get(&(cls, hash))
            && &**n == name {
                return v.clone();
            }
        let found = self.class_lookup_uncached(cls, name, hash);
        self.lookup_cache.borrow_mut().map.insert((cls, hash), (Rc::from(name), found.clone()));
        found
    }

    /// Forgets cached class lookups (after a class changed or objects were freed).
    pub fn invalidate_lookup_cache(&self) {
        let mut cache = self.lookup_cache.borrow_mut();
        cache.map.clear();
        cache.epoch = crate::dict::next_version();
    }

    /// The current class-lookup epoch (see `LookupCache::epoch`).
    #[inline]
    pub(crate) fn lookup_epoch(&self) -> u64 {
        self.lookup_cache.borrow().epoch
    }

    fn class_lookup_uncached(&self, cls: ObjRef, name: &str, hash: i64) -> Option<Value> {
        for &c in &self.class(cls).mro {
            if let Obj::Dict(d) = self.heap.get(self.class(c).dict)
                && let Some(i) = d.find_str(hash, name) {
                    return Some(d.value_at(i).clone());
                }
        }
        None
    }

    /// Makes a new class object.
    pub fn new_class(&mut self, name: Rc<str>, qualname: Rc<str>, bases: Vec<ObjRef>, dict: ObjRef) -> PyResult<ObjRef> {
        let bases = if bases.is_empty() { vec![self.t.object] } else { bases };
        let mro = self.compute_mro(&name, &bases)?;
        let layout = bases
            .iter()
            .map(|&b| self.class(b).layout)
            .find(|l| *l != Layout::Object)
            .unwrap_or(Layout::Object);
        for &b in &bases {
            let bc = self.class(b);
            let subclassable = [self.t.list, self.t.dict, self.t.set, self.t.tuple].contains(&b);
            if bc.layout == Layout::Builtin && bc.builtin && !subclassable {
                let msg = format!("subclassing the built-in type '{}' is not supported yet", bc.name);
                return Err(self.err(self.t.not_implemented_error, msg));
            }
        }
        let defines = |name: &str| self.dict_get_str(dict, name).is_some();
        let custom_setattr =
            defines("__setattr__") || defines("__delattr__") || mro.iter().any(|&c| self.class(c).custom_setattr);
        let custom_getattribute = defines("__getattribute__") || mro.iter().any(|&c| self.class(c).custom_getattribute);
        let has_properties = custom_getattribute
            || mro.iter().any(|&c| self.class(c).has_properties)
            || match self.heap.get(dict) {
                Obj::Dict(d) => d.values().any(|v| self.is_data_descriptor(v)),
                _ => false,
            };
        let slots = self.class_slots(dict, &mro)?;
        let r = self.heap.alloc(Obj::Class(Box::new(Class {
            name,
            qualname,
            bases,
            mro: Vec::new(),
            dict,
            layout,
            builtin: false,
            custom_setattr,
            custom_getattribute,
            has_properties,
            slots,
        })));
        let mut mro = mro;
        mro.insert(0, r);
        if let Obj::Class(c) = self.heap.get_mut(r) {
            c.mro = mro;
        }
        Ok(r)
    }

    /// The slots of a class whose namespace is `dict` and whose bases linearise to `mro`
    /// (see `Class::slots`): None when its instances have a `__dict__`.
    fn class_slots(&mut self, dict: ObjRef, mro: &[ObjRef]) -> PyResult<Option<Rc<[Rc<str>]>>> {
        let Some(decl) = self.dict_get_str(dict, "__slots__") else { return Ok(None) };
        let items = match &decl {
            Value::Str(_) => vec![decl.clone()],
            other => self.collect_iterable(other)?,
        };
        let mut names: Vec<Rc<str>> = Vec::with_capacity(items.len());
        for item in &items {
            let Value::Str(s) = item else {
                let msg = format!("__slots__ items must be strings, not '{}'", self.type_name(item));
                return Err(self.err(self.t.type_error, msg));
            };
            // (`__doc__ = None` is what `prepare_class_namespace` put in a body without a docstring.)
            let conflict = match self.dict_get_str(dict, s.as_str()) {
                Some(Value::None) => s.as_str() != "__doc__",
                Some(_) => true,
                None => false,
            };
            if conflict && s.as_str() != "__weakref__" && s.as_str() != "__dict__" {
                let msg = format!("'{}' in __slots__ conflicts with class variable", s.as_str());
                return Err(self.err(self.t.value_error, msg));
            }
            names.push(Rc::from(s.as_str()));
        }
        if names.iter().any(|n| &**n == "__dict__") {
            return Ok(None);
        }
        for &c in mro {
            if c == self.t.object {
                continue;
            }
            let class = self.class(c);
            match (&class.slots, class.builtin, class.layout) {
                (_, true, Layout::Exception) => return Ok(None),
                (_, true, _) => {}
                (Some(inherited), false, _) => names.extend(inherited.iter().cloned()),
                (None, false, _) => return Ok(None),
            }
        }
        Ok(Some(Rc::from(names)))
    }

    /// Whether `obj`'s class has slots and no `__dict__`, and `name` is not one of them.
    pub(crate) fn outside_slots(&self, obj: &Value, name: &str) -> bool {
        let cls = self.type_of(obj);
        self.class(cls).slots.as_ref().is_some_and(|s| !s.iter().any(|n| &**n == name))
    }

    /// C3 linearisation of the bases (without the class itself).
    fn compute_mro(&mut self, name: &str, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(|&b| self.class(b).mro.clone()).collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let head = seqs.iter().map(|s| s[0]).find(|&h| seqs.iter().all(|s| !s[1..].contains(&h)));
            let Some(h) = head else {
                let names: Vec<String> = bases.iter().map(|&b| self.class(b).name.to_string()).collect();
                let msg = format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                );
                let _ = name;
                return Err(self.err(self.t.type_error, msg));
            };
            out.push(h);
            for s in &mut seqs {
                if s[0] == h {
                    s.remove(0);
                }
            }
        }
    }

    /// The built-in type (`list`, `dict`, `set` or `tuple`) a class derives from, if any.
    pub fn builtin_base_class(&self, cls: ObjRef) -> Option<ObjRef> {
        let t = &self.t;
        self.class(cls).mro.iter().copied().find(|c| [t.list, t.dict, t.set, t.tuple].contains(c))
    }

    /// For `self` of a built-in method: the built-in object itself, or the one an instance of a
    /// subclass (`class Counter(dict)`) wraps. `None` for other values.
    pub fn base_obj(&self, v: &Value) -> Option<ObjRef> {
        let r = v.as_obj()?;
        match self.heap.get(r) {
            Obj::Instance(i) => match i.payload {
                Payload::Builtin(inner) => Some(inner),
                _ => None,
            },
            _ => Some(r),
        }
    }

    /// For an instance of a user subclass of `list`/`dict`/`set` whose class does not override
    /// `method` in Python: the built-in object it wraps, to which the operation is delegated.
    pub fn delegate(&self, v: &Value, method: &str) -> Option<Value> {
        let r = v.as_obj()?;
        let Obj::Instance(i) = self.heap.get(r) else { return None };
        let Payload::Builtin(inner) = i.payload else { return None };
        let overridden = self.class(i.class).mro.iter().take_while(|&&c| !self.class(c).builtin).any(|&c| {
            self.dict_get_str(self.class(c).dict, method).is_some()
        });
        if overridden { None } else { Some(Value::Obj(inner)) }
    }

    /// A new plain instance of `cls`.
    pub fn new_instance(&mut self, cls: ObjRef) -> Value {
        let payload = match self.class(cls).layout {
            Layout::Exception => Payload::Exception(Box::default()),
            _ => match self.builtin_base_class(cls) {
                Some(b) if b == self.t.list => Payload::Builtin(self.heap.alloc(Obj::List(Vec::new()))),
                Some(b) if b == self.t.dict => Payload::Builtin(self.heap.alloc(Obj::Dict(Dict::new()))),
                Some(b) if b == self.t.tuple => Payload::Builtin(self.heap.alloc(Obj::Tuple(Vec::new()))),
                Some(_) => Payload::Builtin(self.heap.alloc(Obj::Set { items: Dict::new(), table: Box::default(), frozen: false })),
                None => Payload::None,
            },
        };
        self.alloc(Obj::Instance(Box::new(Instance { class: cls, dict: Dict::with_capacity(4), payload, dict_obj: None })))
    }

    /// Creates a module object with a fresh namespace.
    pub fn new_module(&mut self, name: &str) -> (Value, ObjRef) {
        let dict = self.new_dict();
        let name_v = self.intern(name);
        let key = self.intern("__name__");
        self.dict_set_str(dict, key, name_v);
        let m = self.alloc(Obj::Module(Box::new(Module { name: Rc::from(name), dict })));
        (m, dict)
    }

    // ---- dicts keyed by str (namespaces) ----

    /// Looks up a `str` key in a dict object.
    pub fn dict_get_str(&self, dict: ObjRef, name: &str) -> Option<Value> {
        let Obj::Dict(d) = self.heap.get(dict) else { return None };
        let hash = crate::hashing::hash_name(name);
        d.find_str(hash, name).map(|i| d.value_at(i).clone())
    }

    /// Sets a `str`-keyed entry (`key` must be a `Value::Str`).
    pub fn dict_set_str(&mut self, dict: ObjRef, key: Value, value: Value) {
        let Value::Str(s) = &key else { return };
        let hash = crate::hashing::str_hash(s);
        let Obj::Dict(d) = self.heap.get_mut(dict) else { return };
        match d.find_pystr(hash, s) {
            Some(i) => d.set_value_at(i, value),
            None => d.insert_new(hash, key, value),
        }
    }

    /// Sets a builtin-name entry from Rust.
    pub fn set_item_str(&mut self, dict: ObjRef, name: &str, value: Value) {
        let key = self.intern(name);
        self.dict_set_str(dict, key, value);
    }

    // ---- threads ----

    pub fn thread(&mut self) -> &mut Thread {
        &mut self.threads[self.cur]
    }

    /// Writes text to a standard stream.
    pub fn write(&mut self, stream: Stream, text: &str) {
        match self.output.last_mut() {
            Some((s, buf)) if *s == stream => buf.push_str(text),
            _ => self.output.push((stream, text.to_owned())),
        }
        // Recorded even between slices (a traceback printed at exit): the machine stamps those
        // with its own clock when it drains the records.
        let (t, thread) = (self.now_ns(), self.cur);
        self.records.push(Record::Output { t, thread, stream, text: text.to_owned() });
    }

    /// `sys.stdout` / `sys.stderr` if `sys` has been imported (None: write directly).
    pub fn sys_stream(&self, name: &str) -> Option<Value> {
        let sys = self.dict_get_str(self.modules, "sys")?;
        let Some(Obj::Module(m)) = sys.as_obj().map(|r| self.heap.get(r)) else { return None };
        self.dict_get_str(m.dict, name)
    }


    /// Virtual nanoseconds since the run started. Under the scheduler, the clock at the start
    /// of the current slice plus the instructions run since; alone, instructions plus sleeps.
    pub fn now_ns(&self) -> u64 {
        if self.slice.active {
            self.clock_base_ns + (self.cpu_ns - self.clock_base_cpu)
        } else {
            self.idle_ns + self.cpu_ns
        }
    }

    /// `time.sleep(ns)`: under the scheduler the thread blocks (a retried call returns once the
    /// sleep is over); alone, the clock simply moves on.
    pub fn sleep_for(&mut self, ns: u64) -> crate::native::PyResult<()> {
        if !self.slice.active {
            self.idle_ns = self.idle_ns.saturating_add(ns);
            return Ok(());
        }
        if self.take_wake() == Some(Wake::Timeout) {
            return Ok(());
        }
        let until_ns = self.now_ns().saturating_add(ns);
        Err(Flow::Suspend(crate::native::Suspend::Block(crate::native::Wait::Sleep { until_ns })))
    }

    /// Consumes the reason the current thread was last woken.
    pub fn take_wake(&mut self) -> Option<Wake> {
        self.threads[self.cur].wake.take()
    }

    /// Runs the collector if it is worthwhile and safe (no Rust-level nested calls).
    pub fn maybe_collect(&mut self) {
        if self.nested_depth > 0 || !self.heap.wants_gc() {
            return;
        }
        let threads = &self.threads;
        let t = &self.t;
        let builtins = self.builtins;
        let modules = self.modules;
        let cached: Vec<Value> = self.code_values.values().flat_map(|(_, v)| v.consts.iter().cloned()).collect();
        let extra = self.module_state.roots();
        let limit = self.limits.max_heap_bytes;
        self.invalidate_lookup_cache();
        self.heap.collect(&mut |f, g| {
            g(builtins);
            g(modules);
            for (_, r) in t.all() {
                g(r);
            }
            for v in &cached {
                f(v);
            }
            for v in &extra {
                f(v);
            }
            for th in threads {
                th.stack.iter().for_each(&mut *f);
                f(&th.handled);
                // A thread that has not started yet holds its call, and every thread the
                // function it was started by (named if an exception escapes it).
                f(&th.started_by);
                if let Some((func, args)) = &th.start {
                    f(func);
                    args.pos.iter().for_each(&mut *f);
                    args.kw.iter().for_each(|(_, v)| f(v));
                }
                for fr in &th.frames {
                    fr.trace(f, g);
                }
            }
        });
        if self.heap.live_bytes_at_gc > limit {
            self.out_of_memory = true;
        }
    }

    /// Stops the run with an internal error (a VM bug) instead of panicking.
    pub fn internal(&self, msg: impl Into<String>) -> Flow {
        Flow::Stop(Rc::new(RunStop::Internal(msg.into())))
    }
}
