//! Heap objects: every Python object that is mutable or can contain other values.

use std::collections::VecDeque;
use std::rc::Rc;

use interleave_compiler::Code;

use crate::dict::Dict;
use crate::native::NativeFn;
use crate::value::{ObjRef, Value};

/// A heap object.
#[derive(Clone)]
pub enum Obj {
    List(Vec<Value>),
    Tuple(Vec<Value>),
    /// `bytearray`: a mutable buffer of bytes (`bytes` is the immutable `Value::Bytes`).
    ByteArray(Vec<u8>),
    /// `memoryview`: a read-only window `[start, start + len)` on a bytes or bytearray `obj`
    /// (a view of a view is a window on the same `obj`).
    MemoryView { obj: Value, start: usize, len: usize, released: bool },
    Dict(Dict),
    /// `set` (frozen = false) or `frozenset` (frozen = true). Keys are stored in a `Dict`
    /// whose values are unused; `table` mirrors CPython's slot table for the iteration order
    /// (handles are entry indices in `items`; see `setorder.rs`).
    Set { items: Dict, table: Box<crate::setorder::Table>, frozen: bool },
    Function(Box<Function>),
    /// A function bound to `self` (`obj.method`).
    BoundMethod { func: Value, slf: Value },
    /// A function implemented in Rust, optionally bound to `self`.
    Native(NativeFunction),
    Class(Box<Class>),
    Instance(Box<Instance>),
    Module(Box<Module>),
    Cell(Value),
    Code(Rc<Code>),
    Generator(Box<Generator>),
    Range { start: i64, stop: i64, step: i64 },
    /// `complex`: immutable, but heap-allocated so that `Value` keeps its size.
    Complex { re: f64, im: f64 },
    Slice { start: Value, stop: Value, step: Value },
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(cls, obj)`: attribute lookups start after `cls` in `type(obj)`'s MRO.
    Super { class: ObjRef, obj: Value },
    /// Built-in iterators over containers and ranges.
    Iter(Iter),
    /// `dict.keys()`/`values()`/`items()` views (see `dictview.rs`).
    DictView(crate::dictview::DictView),
}

/// A user-defined function (`def` or `lambda`).
#[derive(Clone)]
pub struct Function {
    pub code: Rc<Code>,
    /// The code's constants and names converted to values (shared by every call).
    pub values: Rc<crate::frame::CodeValues>,
    pub globals: ObjRef,
    pub name: Value,
    pub qualname: Value,
    pub defaults: Vec<Value>,
    /// Keyword-only defaults: (name, value) pairs.
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// One cell object per free variable of the code.
    pub closure: Vec<ObjRef>,
    /// `__dict__` for function attributes, `__doc__`, `__module__`…
    pub dict: Option<ObjRef>,
    pub module: Value,
}

/// A built-in function or method.
#[derive(Clone)]
pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound receiver for methods of built-in types (`[].append`), else `Null`.
    pub slf: Value,
    /// For methods: the owning type's name (for reprs such as `<built-in method append of list object>`).
    pub owner: Option<&'static str>,
}

/// A class (user-defined or built-in type).
#[derive(Clone)]
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub bases: Vec<ObjRef>,
    /// Method resolution order, starting with the class itself.
    pub mro: Vec<ObjRef>,
    pub dict: ObjRef,
    /// Which built-in layout instances of this class carry (inherited from the base).
    pub layout: Layout,
    /// Built-in types cannot be given attributes (`TypeError: cannot set 'x' attribute of immutable type 'int'`).
    pub builtin: bool,
    /// Whether a user class in the MRO defines `__setattr__` or `__delattr__` (fixed at class
    /// creation; assigning one to a class later turns `Interp::late_hooks` on as well).
    pub custom_setattr: bool,
    /// Whether a user class in the MRO defines `__getattribute__` (same rule).
    pub custom_getattribute: bool,
    /// Whether any class in the MRO holds a `property` or another data descriptor, or defines
    /// `__getattribute__`: the instance-attribute fast paths are off for its instances (fixed
    /// at class creation; one added to a class later turns `Interp::late_properties` on).
    pub has_properties: bool,
    /// `Some(names)` when instances have no `__dict__`: every user class in the MRO defines
    /// `__slots__` (without `'__dict__'`); `names` are all their slots. Fixed at creation.
    pub slots: Option<Rc<[Rc<str>]>>,
}

/// The built-in payload of an instance: what a subclass of a built-in type inherits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// A plain object.
    Object,
    /// An exception (`BaseException` and subclasses).
    Exception,
    /// The type is one of the non-subclassable or value types (int, str, list…): its
    /// "instances" are not `Instance` objects.
    Builtin,
}

/// An instance of a user class (or of a built-in class with an instance layout, such as an
/// exception).
#[derive(Clone)]
pub struct Instance {
    pub class: ObjRef,
    /// The instance's attributes, until `__dict__` is asked for or assigned (then empty).
    pub dict: Dict,
    pub payload: Payload,
    /// Once `obj.__dict__` was asked for or assigned: the dict object that holds the
    /// attributes from then on (the live namespace CPython returns). `dict` is then empty.
    pub dict_obj: Option<ObjRef>,
}

impl Instance {
    /// The table holding the instance's attributes: its own, or the `__dict__` object's.
    pub fn attrs<'a>(&'a self, heap: &'a crate::heap::Heap) -> &'a Dict {
        match self.dict_obj.map(|d| heap.get(d)) {
            Some(Obj::Dict(t)) => t,
            _ => &self.dict,
        }
    }
}

/// Built-in state carried by instances of some classes.
#[derive(Clone)]
pub enum Payload {
    None,
    Exception(Box<ExcData>),
    Deque { items: VecDeque<Value>, maxlen: Option<usize> },
    /// An in-memory text/binary file opened by `open()` or `io.StringIO`.
    File(Box<crate::files::OpenFile>),
    /// An instance of a user subclass of `list`, `dict` or `set`: the built-in object holding
    /// its contents.
    Builtin(ObjRef),
    /// `_thread.lock` / `_thread.RLock`.
    Lock(LockState),
}

/// The state of a lock. Who waits for it is the scheduler's business; `waiters` counts them so
/// that a release knows whether to tell the scheduler.
#[derive(Clone, Debug, Default)]
pub struct LockState {
    pub locked: bool,
    /// The thread (index) that holds it: the owner of an RLock, the last acquirer of a lock.
    pub owner: Option<usize>,
    /// Recursion count of an RLock.
    pub count: u64,
    pub reentrant: bool,
    /// Threads blocked in `acquire` on this lock.
    pub waiters: u32,
}

/// The state of an exception instance.
#[derive(Clone, Default)]
pub struct ExcData {
    /// The "Did you mean: '…'?" suggestion CPython appends to NameError/AttributeError.
    pub hint: Option<Rc<str>>,
    /// The text `str(exc)` gives when it is not derived from `args` (OSError with a filename).
    pub str_override: Option<Rc<str>>,
    /// `args` (a tuple).
    pub args: Value,
    /// Frames the exception passed through, outermost first (like `__traceback__`).
    pub traceback: Vec<TracebackEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// One `File "…", line N, in f` row.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    /// The instruction, or `BEFORE_FIRST_INSTR`: the frame had not started (an exception
    /// thrown into a new generator), shown at its `def` line as CPython's `RESUME`.
    pub instr: usize,
}

/// `TracebackEntry::instr` of a frame that had not run its first instruction.
pub const BEFORE_FIRST_INSTR: usize = usize::MAX;

/// A module object.
#[derive(Clone)]
pub struct Module {
    pub name: Rc<str>,
    pub dict: ObjRef,
}

/// A generator object: a suspended frame and its saved stack.
#[derive(Clone)]
pub struct Generator {
    pub state: GenState,
    pub frame: Option<Box<crate::frame::Frame>>,
    /// The frame's slots and value stack while suspended.
    pub saved: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    /// A native coroutine (`async def`): type `coroutine`, awaitable, not iterable.
    pub coroutine: bool,
    /// Its code (`gi_code`/`cr_code`), kept when the frame is gone.
    pub code: std::rc::Rc<interleave_compiler::Code>,
    /// While suspended: the exception being handled inside it (CPython's `gi_exc_state`),
    /// made the thread's handled exception again when it resumes.
    pub exc_state: Value,
    /// While it runs: the exception its resumer was handling, restored when it yields or ends.
    pub caller_exc_state: Value,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// Iterators over built-in containers.
#[derive(Clone)]
pub enum Iter {
    /// Over a list or tuple (re-reads the length each step, as CPython).
    Seq { seq: ObjRef, index: usize },
    Range { next: i64, stop: i64, step: i64 },
    Str { s: Value, byte_pos: usize },
    Bytes { b: Value, index: usize },
    /// Over dict keys/values/items or set elements: the position in the entry vector and the
    /// size the container had when iteration started (to detect "changed size during iteration").
    Dict { dict: ObjRef, index: usize, len: usize, kind: DictIterKind },
    Enumerate { it: Value, count: Value },
    Zip { its: Vec<Value> },
    Reversed { seq: ObjRef, index: usize },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// A list of prepared values (used by built-ins that materialise their result).
    Values { items: Rc<[Value]>, index: usize },
    /// `map(func, *iterables)`.
    Map { func: Value, its: Vec<Value> },
    /// `filter(func, iterable)` (`func` may be None).
    Filter { func: Value, it: Value },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

impl Obj {
    /// Calls `f` on every value this object refers to (for the collector).
    pub fn trace(&self, f: &mut dyn FnMut(&Value), g: &mut dyn FnMut(ObjRef)) {
        match self {
            Obj::List(v) | Obj::Tuple(v) => v.iter().for_each(f),
            Obj::Dict(d) => d.trace(f),
            Obj::Set { items, .. } => items.trace(f),
            Obj::Function(func) => {
                func.values.consts.iter().for_each(&mut *f);
                g(func.globals);
                func.defaults.iter().for_each(&mut *f);
                func.kwdefaults.iter().for_each(|(_, v)| f(v));
                func.closure.iter().for_each(|&c| g(c));
                if let Some(d) = func.dict {
                    g(d);
                }
                f(&func.name);
                f(&func.qualname);
                f(&func.module);
            }
            Obj::BoundMethod { func, slf } => {
                f(func);
                f(slf);
            }
            Obj::Native(n) => f(&n.slf),
            Obj::Class(c) => {
                c.bases.iter().for_each(|&b| g(b));
                c.mro.iter().for_each(|&b| g(b));
                g(c.dict);
            }
            Obj::Instance(inst) => {
                g(inst.class);
                inst.dict.trace(f);
                if let Some(d) = inst.dict_obj {
                    g(d);
                }
                match &inst.payload {
                    Payload::None | Payload::File(_) | Payload::Lock(_) => {}
                    Payload::Exception(e) => {
                        f(&e.args);
                        f(&e.cause);
                        f(&e.context);
                    }
                    Payload::Deque { items, .. } => items.iter().for_each(f),
                    Payload::Builtin(r) => g(*r),
                }
            }
            Obj::Module(m) => g(m.dict),
            Obj::Cell(v) | Obj::StaticMethod(v) | Obj::ClassMethod(v) | Obj::MemoryView { obj: v, .. } => f(v),
            Obj::Code(_) | Obj::Range { .. } | Obj::Complex { .. } | Obj::ByteArray(_) => {}
            Obj::DictView(v) => g(v.dict),
            Obj::Generator(generator) => {
                generator.saved.iter().for_each(&mut *f);
                f(&generator.exc_state);
                f(&generator.caller_exc_state);
                if let Some(fr) = &generator.frame {
                    fr.trace(f, g);
                }
                f(&generator.name);
                f(&generator.qualname);
            }
            Obj::Slice { start, stop, step } => {
                f(start);
                f(stop);
                f(step);
            }
            Obj::Property { fget, fset, fdel, doc } => {
                f(fget);
                f(fset);
                f(fdel);
                f(doc);
            }
            Obj::Super { class, obj } => {
                g(*class);
                f(obj);
            }
            Obj::Iter(it) => match it {
                Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => g(*seq),
                Iter::Dict { dict, .. } => g(*dict),
                Iter::Range { .. } => {}
                Iter::Str { s, .. } => f(s),
                Iter::Bytes { b, .. } => f(b),
                Iter::Enumerate { it, count } => {
                    f(it);
                    f(count);
                }
                Iter::Zip { its } => its.iter().for_each(f),
                Iter::Callable { func, sentinel } => {
                    f(func);
                    f(sentinel);
                }
                Iter::Values { items, .. } => items.iter().for_each(f),
                Iter::Map { func, its } => {
                    f(func);
                    its.iter().for_each(f);
                }
                Iter::Filter { func, it } => {
                    f(func);
                    f(it);
                }
            },
        }
    }

    /// A rough size in bytes, for the memory limit: the object, plus the text of the strings
    /// it holds directly (strings live outside the heap, shared by reference counting).
    pub fn approx_size(&self) -> usize {
        const V: usize = std::mem::size_of::<Value>();
        let text = |v: &Value| match v {
            Value::Str(s) => s.as_str().len(),
            Value::Bytes(b) => b.len(),
            _ => 0,
        };
        64 + match self {
            Obj::List(v) | Obj::Tuple(v) => v.capacity() * V + v.iter().map(text).sum::<usize>(),
            Obj::Dict(d) => d.capacity() * (V * 2 + 16),
            Obj::ByteArray(b) => b.capacity(),
            Obj::Set { items, table, .. } => items.capacity() * (V * 2 + 16) + table.capacity() * 16,
            Obj::Instance(i) => i.dict.capacity() * (V * 2 + 16),
            _ => 0,
        }
    }
}
