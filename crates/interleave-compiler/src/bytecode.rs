//! The bytecode: what the compiler emits and the VM executes.
//!
//! A stack machine modelled on CPython 3.11's (instruction names follow CPython's so that
//! `dis` output reads like CPython's), with two deliberate differences:
//!
//! - Exceptions use a runtime *block stack* (`SetupFinally` / `PopBlock`, CPython ≤ 3.10 style)
//!   instead of 3.11's static exception table: simpler to compile and to suspend.
//! - No instruction ever needs to call Python code recursively on the Rust stack. Where CPython's
//!   C code would call back into Python (`__enter__`, `__exit__`), the compiler spells the call out
//!   with ordinary `Call` instructions, and the VM pushes a frame.
//!
//! Stack effects are written `before → after`, top of stack on the right.
//!
//! Call convention (as CPython 3.11): every call site has two slots below the arguments:
//! `[NULL, callable, args...]` (built by `PushNull` + load) or `[method, self, args...]`
//! (built by `LoadMethod`). `Call(n)` counts only `args`.

use std::fmt;
use std::rc::Rc;

/// One instruction. Operands are indices into the owning [`Code`]'s tables or jump targets
/// (absolute instruction indices, not byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    // ---- stack manipulation ----
    /// Does nothing (placeholder for jump targets and line markers).
    Nop,
    /// `a → `
    PopTop,
    /// `… a1 … an → … a1 … an a1`: push a copy of the n-th item from the top (1 = TOS).
    Copy(u32),
    /// Swap TOS with the n-th item from the top (n ≥ 2).
    Swap(u32),
    /// ` → NULL` (the empty slot of the call convention).
    PushNull,

    // ---- constants and names ----
    /// ` → consts[i]`
    LoadConst(u32),
    /// ` → locals[i]`; raises `UnboundLocalError` if unbound.
    LoadFast(u32),
    /// `v → ` stores into `locals[i]`.
    StoreFast(u32),
    /// Unbinds `locals[i]` (`UnboundLocalError` if already unbound).
    DeleteFast(u32),
    /// ` → cells[i].contents` where cells are `cellvars ++ freevars`; raises `NameError`
    /// ("free variable … referenced before assignment …") or `UnboundLocalError` if empty.
    LoadDeref(u32),
    /// `v → ` stores into cell i.
    StoreDeref(u32),
    /// Empties cell i.
    DeleteDeref(u32),
    /// ` → cell` pushes cell i itself (to build a closure tuple).
    LoadClosure(u32),
    /// Class bodies only: ` → v`, looks up `freevars` name i in the class namespace first,
    /// then in the cell.
    LoadClassDeref(u32),
    /// ` → globals[names[i]]`, falling back to builtins; `NameError` if neither has it.
    LoadGlobal(u32),
    /// `v → ` globals[names[i]] = v.
    StoreGlobal(u32),
    /// `del` of a global name.
    DeleteGlobal(u32),
    /// Module and class bodies: ` → v` from locals mapping, then globals, then builtins.
    LoadName(u32),
    /// `v → ` locals mapping [names[i]] = v.
    StoreName(u32),
    /// `del` of a name in the locals mapping.
    DeleteName(u32),
    /// Module and class bodies containing an annotated assignment: ` → ` sets
    /// `__annotations__ = {}` in the locals mapping unless it already holds that name
    /// (CPython's `SETUP_ANNOTATIONS`).
    SetupAnnotations,

    // ---- attributes and items ----
    /// `obj → obj.names[i]`
    LoadAttr(u32),
    /// `v obj → ` obj.names[i] = v.
    StoreAttr(u32),
    /// `obj → ` del obj.names[i].
    DeleteAttr(u32),
    /// `obj → method self` when `names[i]` is a plain function found on the type (unbound),
    /// otherwise `obj → NULL attr`. Always followed (after the arguments) by a call.
    LoadMethod(u32),
    /// `obj key → obj[key]`
    BinarySubscr,
    /// `v obj key → ` obj[key] = v.
    StoreSubscr,
    /// `obj key → ` del obj[key].
    DeleteSubscr,
    /// `start stop → slice` (n = 2) or `start stop step → slice` (n = 3).
    BuildSlice(u32),

    // ---- operators ----
    /// `a → op a`
    UnaryOp(UnaryOp),
    /// `a b → a op b` (in-place variants try `__iadd__` etc. first).
    BinaryOp(BinOp),
    /// `a b → a op b` for `< <= == != > >=`.
    CompareOp(CmpOp),
    /// `a b → a is b` (`invert`: `is not`).
    IsOp(bool),
    /// `a b → a in b` (`invert`: `not in`).
    ContainsOp(bool),

    // ---- control flow (targets are instruction indices) ----
    /// Unconditional jump. A jump to an earlier index is a *backward jump* (loop edge): an
    /// eval-breaker check point.
    Jump(u32),
    /// `v → ` jump if `not v`.
    PopJumpIfFalse(u32),
    /// `v → ` jump if `v`.
    PopJumpIfTrue(u32),
    /// `v → ` jump if `v is None`.
    PopJumpIfNone(u32),
    /// `v → ` jump if `v is not None`.
    PopJumpIfNotNone(u32),
    /// `v → v` and jump if `not v`, else `v → ` (for `and`).
    JumpIfFalseOrPop(u32),
    /// `v → v` and jump if `v`, else `v → ` (for `or`).
    JumpIfTrueOrPop(u32),
    /// `obj → iter(obj)`
    GetIter,
    /// `it → it next(it)`, or when exhausted `it → ` and jump to target.
    ForIter(u32),

    // ---- building ----
    /// `a1 … an → (a1, …, an)`
    BuildTuple(u32),
    /// `a1 … an → [a1, …, an]`
    BuildList(u32),
    /// `a1 … an → {a1, …, an}`
    BuildSet(u32),
    /// `k1 v1 … kn vn → {k1: v1, …}`
    BuildMap(u32),
    /// `s1 … sn → s1 + … + sn` (strings, for f-strings).
    BuildString(u32),
    /// `list v → list` after `list.append(v)`; the list is the i-th item below `v` (i ≥ 1,
    /// counting `v` itself as 0 — as CPython's `LIST_APPEND i`).
    ListAppend(u32),
    /// `set v → set` (as `ListAppend`).
    SetAdd(u32),
    /// `dict k v → dict` (as `ListAppend`, the dict is i-th below `v`).
    MapAdd(u32),
    /// `list it → list` after `list.extend(it)`; list is i-th below `it`.
    ListExtend(u32),
    /// `set it → set` after `set.update(it)`.
    SetUpdate(u32),
    /// `dict m → dict` after `dict.update(m)` (for `{**m}`).
    DictUpdate(u32),
    /// `dict m → dict` like `DictUpdate` but raises `TypeError` on duplicate keys
    /// (for `f(**a, **b)`).
    DictMerge(u32),
    /// `list → tuple`
    ListToTuple,
    /// `seq → vn … v1` (v1 on top): unpack exactly n items.
    UnpackSequence(u32),
    /// Starred unpacking `a, *b, c = seq`: `seq → after-values… list before-values…` with the
    /// first value on top; `before` items, one list, `after` items (CPython `UNPACK_EX`).
    UnpackEx { before: u32, after: u32 },
    /// `v → str` (or `v spec → str` when `spec`): f-string replacement field.
    FormatValue { conversion: Conversion, spec: bool },

    // ---- functions and calls ----
    /// Builds a function from a code object: stack
    /// `[defaults tuple] [kwdefaults dict] [closure tuple] code → function`,
    /// each bracketed part present when its flag is set.
    MakeFunction(MakeFunctionFlags),
    /// `NULL|method  callable|self  a1 … an → result`
    Call(u32),
    /// Like `Call(argc)`, but the last `names.len()` arguments are keyword arguments named by
    /// the tuple constant `consts[kwnames]`.
    CallKw { argc: u32, kwnames: u32 },
    /// `NULL callable args [kwargs_dict] → result` (`f(*a, **k)`). `args` is a tuple, or for
    /// a lone `*a` argument any iterable (as in CPython 3.11).
    CallEx { kwargs: bool },
    /// `v → ` returns v from the frame.
    ReturnValue,
    /// Generators: `v → sent` suspends the frame yielding v; resumes with the sent value.
    YieldValue,
    /// `iterable → iter` for `yield from` (generators pass through unchanged).
    GetYieldFromIter,
    /// `iter v → iter result` delegates one step of `yield from`: sends v to iter; if iter
    /// yields, the frame yields that value and, when resumed, re-executes this instruction with
    /// the sent value; when iter returns, pops iter, pushes its return value, and continues.
    YieldFrom,
    /// `obj → awaitable iter` (CPython's `GET_AWAITABLE`): a coroutine itself, else the iterator
    /// its `__await__()` returns. The operand says where (0 `await`, 1 after `__aenter__`, 2 after
    /// `__aexit__`), for the error messages.
    GetAwaitable(u32),
    /// `mgr → aexit NULL aenter` (or `aexit aenter mgr`): as `BeforeWith`, for `async with`
    /// (`__aenter__`/`__aexit__`); a following `Call(0)` runs `__aenter__`.
    BeforeAsyncWith,
    /// `obj → aiter`: `type(obj).__aiter__(obj)` (`GET_AITER`).
    GetAIter,
    /// `aiter → aiter awaitable`: the awaitable of `aiter.__anext__()` (`GET_ANEXT`).
    GetANext,
    /// `aiter exc → `: ends an `async for` loop when `exc` is `StopAsyncIteration` (pops the
    /// `ExceptHandler` block as `PopExcept` does), otherwise re-raises it (`END_ASYNC_FOR`).
    EndAsyncFor,
    /// `body_function name base1 … basen → class`. Runs `body_function` with a fresh namespace
    /// as its locals; when it returns, creates the class (setting the `__class__` cell if the body
    /// returned one).
    BuildClass { nbases: u32 },

    // ---- exceptions ----
    /// Pushes an exception handler block. If an exception propagates while this block is on top
    /// of the frame's block stack, the VM pops the block, truncates the value stack to the depth
    /// it had here, pushes the exception, marks it as the *handled exception* (`sys.exc_info()`),
    /// pushes an `ExceptHandler` block (removed by `PopExcept`) and jumps to the target.
    SetupFinally(u32),
    /// Pops the top handler block (normal exit from a `try` body).
    PopBlock,
    /// `exc → ` ends an `except`/`finally` handler entered via `SetupFinally`: pops the
    /// `ExceptHandler` block and restores the previously handled exception.
    PopExcept,
    /// `exc type → exc bool`: does `exc` match the class or tuple of classes `type`?
    CheckExcMatch,
    /// `exc → ` re-raises `exc` keeping its traceback (end of an unmatched handler or finally).
    Reraise,
    /// `raise` (argc 0: re-raise the handled exception), `raise e` (1), `raise e from c` (2).
    Raise(u32),
    /// ` → AssertionError`
    LoadAssertionError,
    /// `mgr → exit NULL enter` or `mgr → exit enter mgr`: looks up `type(mgr).__exit__` (bound
    /// to mgr) and `__enter__`, laid out for the call convention so that a following `Call(0)`
    /// runs `__enter__` (TypeError if mgr lacks them).
    BeforeWith,
    /// `exit exc → exit exc NULL exit type(exc) exc tb`, ready for `Call(3)`.
    WithExceptStart,

    // ---- pattern matching (`match`, PEP 634; CPython 3.11's instructions) ----
    /// `obj → obj len(obj)`: the length of a sequence or mapping subject (CPython's `GET_LEN`).
    GetLen,
    /// `subject → subject bool`: may `subject` match a sequence pattern? True for list, tuple,
    /// range, `collections.deque` and their subclasses (CPython's `Py_TPFLAGS_SEQUENCE`); false
    /// for everything else, notably str, bytes and bytearray (`MATCH_SEQUENCE`).
    MatchSequence,
    /// `subject → subject bool`: may `subject` match a mapping pattern? True for dict and its
    /// subclasses (CPython's `Py_TPFLAGS_MAPPING`) (`MATCH_MAPPING`).
    MatchMapping,
    /// `subject keys → subject keys values`: `keys` is a tuple; `values` is the tuple of the
    /// subject's values for those keys, or `None` if one is missing. Keys are looked up as
    /// `subject.get(key, <sentinel>)` does, so a dict subclass's `__missing__` is not called.
    /// Raises `ValueError` "mapping pattern checks duplicate key (k)" when a key repeats
    /// (`MATCH_KEYS`).
    MatchKeys,
    /// `subject cls names → attrs`: `names` is a tuple of keyword attribute names and n the
    /// number of positional sub-patterns. If `subject` is an instance of `cls`, pushes the
    /// tuple of the n attributes named by `cls.__match_args__` (or the subject itself, for
    /// n = 1 and the built-in types bool, bytearray, bytes, dict, float, frozenset, int, list,
    /// set, str, tuple and their subclasses without `__match_args__`) followed by the attributes
    /// `names`; pushes `None` if it is not an instance or an attribute is missing. Raises
    /// `TypeError` when `cls` is not a type, when `__match_args__` is not a tuple of strings or
    /// is too short ("C() accepts 0 positional sub-patterns (1 given)"), and when an attribute
    /// is requested twice (`MATCH_CLASS n`).
    MatchClass(u32),

    // ---- imports ----
    /// `level fromlist → module` (as CPython's `IMPORT_NAME names[i]`).
    ImportName(u32),
    /// `module → module module.names[i]` (ImportError "cannot import name …" if missing).
    ImportFrom(u32),
    /// `module → ` copies the module's public names into the locals mapping.
    ImportStar,
}

/// Unary operators (`UNARY_*` in CPython).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Positive,
    Negative,
    Not,
    Invert,
}

/// Binary operators, numbered as CPython 3.11's `BINARY_OP` argument (`NB_*`), in-place
/// variants being the plain number + 13.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    LShift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    RShift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLShift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRShift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinOp {
    const ALL: [BinOp; 26] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDivide,
        BinOp::LShift,
        BinOp::MatrixMultiply,
        BinOp::Multiply,
        BinOp::Remainder,
        BinOp::Or,
        BinOp::Power,
        BinOp::RShift,
        BinOp::Subtract,
        BinOp::TrueDivide,
        BinOp::Xor,
        BinOp::InplaceAdd,
        BinOp::InplaceAnd,
        BinOp::InplaceFloorDivide,
        BinOp::InplaceLShift,
        BinOp::InplaceMatrixMultiply,
        BinOp::InplaceMultiply,
        BinOp::InplaceRemainder,
        BinOp::InplaceOr,
        BinOp::InplacePower,
        BinOp::InplaceRShift,
        BinOp::InplaceSubtract,
        BinOp::InplaceTrueDivide,
        BinOp::InplaceXor,
    ];

    /// Is this an augmented assignment (`+=` …)?
    pub fn is_inplace(self) -> bool {
        self as u8 >= 13
    }

    /// The plain operator of an in-place one (`+=` → `+`); plain operators map to themselves.
    pub fn base(self) -> BinOp {
        Self::ALL[(self as u8 % 13) as usize]
    }

    /// The in-place variant (`+` → `+=`).
    pub fn inplace(self) -> BinOp {
        Self::ALL[(self as u8 % 13 + 13) as usize]
    }

    /// The operator as written in source (`+`, `+=`, `//`, …), used by `dis` and error messages.
    pub fn symbol(self) -> &'static str {
        const SYMBOLS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
        const INPLACE: [&str; 13] =
            ["+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="];
        let i = (self as u8 % 13) as usize;
        if self.is_inplace() { INPLACE[i] } else { SYMBOLS[i] }
    }
}

/// Rich comparison operators, numbered as CPython's `COMPARE_OP` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
}

/// The `!s` / `!r` / `!a` conversion of an f-string field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// Which optional parts `MakeFunction` pops (CPython's `MAKE_FUNCTION` flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MakeFunctionFlags {
    pub defaults: bool,
    pub kwdefaults: bool,
    pub closure: bool,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An int that fits in i64.
    Int(i64),
    /// An int that does not fit in i64, as decimal digits (with a leading `-` if negative).
    BigInt(Rc<str>),
    Float(f64),
    /// `1j` style imaginary literal (the imaginary part).
    Complex(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// A `frozenset` folded from a set display of three or more constants, as CPython 3.11's
    /// compiler folds it (`BuildSet(0); LoadConst(frozenset); SetUpdate(1)`). The items are in
    /// source order, duplicates included: the VM builds the frozenset as CPython does,
    /// `frozenset(tuple_of_items)`, then rebuilds it from that frozenset's own iteration order
    /// (constant merging, `merge_consts_recursive`), which fixes its slot layout and so the order
    /// of the set built from it.
    FrozenSet(Rc<[Constant]>),
    Code(Rc<Code>),
}

/// Where an instruction came from in the source: CPython's (line, end line, column, end column).
/// Lines are 1-based; columns are 0-based UTF-8 byte offsets within their line, as CPython's
/// `co_positions()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Properties of a code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CodeFlags {
    /// Has a `*args` parameter (stored in the local after the named parameters).
    pub varargs: bool,
    /// Has a `**kwargs` parameter (stored after `*args`, or after the named parameters).
    pub varkeywords: bool,
    /// Contains `yield`: calling it creates a generator.
    pub generator: bool,
    /// An `async def` (or a comprehension awaiting inside one): calling it creates a coroutine.
    pub coroutine: bool,
    /// Module or class body: names go through the locals mapping (`LoadName`/`StoreName`).
    pub uses_locals_mapping: bool,
    /// CPython's `CO_ITERABLE_COROUTINE`: a generator function that `types.coroutine` made
    /// awaitable (never set by the compiler).
    pub iterable_coroutine: bool,
    /// CPython's `CO_ASYNC_GENERATOR`: an `async def` with `yield`, or an asynchronous generator
    /// expression (`generator` and `coroutine` are set too: its frame is a generator's, and
    /// `await` is allowed in it; the VM calls it an async generator).
    pub async_generator: bool,
}

/// A compiled function, module or class body (CPython's code object).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// `f`, `<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, class name …
    pub name: Rc<str>,
    /// `Outer.method.<locals>.inner`, as CPython's `__qualname__`.
    pub qualname: Rc<str>,
    /// The file name shown in tracebacks.
    pub filename: Rc<str>,
    /// Line of the `def`/`class` (first decorator's line, as CPython) or 1 for a module.
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// One per instruction.
    pub locations: Vec<Location>,
    pub consts: Vec<Constant>,
    /// Global, attribute and imported names referenced by the code.
    pub names: Vec<Rc<str>>,
    /// Local variable names: positional parameters first, then keyword-only parameters, then
    /// `*args`, then `**kwargs`, then other locals.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions (cell indices `0..cellvars.len()`).
    pub cellvars: Vec<Rc<str>>,
    /// For each cellvar, the parameter index whose value initialises it (a parameter that is
    /// also captured by a closure), else `None`.
    pub cell_params: Vec<Option<u32>>,
    /// Variables captured from enclosing functions (cell indices follow the cellvars).
    pub freevars: Vec<Rc<str>>,
    /// Number of positional parameters (including positional-only ones).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    /// The docstring of a function (CPython keeps it as `co_consts[0]`; the VM returns it as
    /// the function's `__doc__`). `None` for functions without one and for module, class,
    /// lambda and comprehension bodies (module and class docstrings are stored as `__doc__`
    /// in their namespace by the body's own code).
    pub doc: Option<Rc<str>>,
}

impl Code {
    /// Total number of cells (cellvars then freevars).
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The name of cell `i` (a cellvar or a freevar).
    pub fn cell_name(&self, i: usize) -> &Rc<str> {
        if i < self.cellvars.len() { &self.cellvars[i] } else { &self.freevars[i - self.cellvars.len()] }
    }
}

impl fmt::Display for Instr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}
