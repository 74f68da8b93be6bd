//! `Frame`: one activation of a code object, and what happens when it returns.
//!
//! Frames are plain data on a thread's frame vector; their slots and value stack live on the
//! thread's shared value stack starting at `base`. No Python call ever recurses on the Rust stack.

use std::rc::Rc;

use interleave_compiler::Code;

use crate::value::{ObjRef, Value};

/// Constants and names of a code object, converted to values once per process.
pub struct CodeValues {
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// Virtual nanoseconds each instruction takes (`interp/cost.rs`).
    pub costs: Vec<u16>,
    /// One inline cache per instruction (`interp/cache.rs`). Shared by every frame running
    /// the code, and by a forked process: a cache entry is only used after checking the
    /// versions and epoch it recorded.
    pub caches: Box<[std::cell::Cell<crate::interp::InlineCache>]>,
}

#[derive(Clone)]
pub struct Frame {
    pub code: Rc<Code>,
    pub values: Rc<CodeValues>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Index in the thread's value stack of slot 0 (the first local). Slots are the code's
    /// `varnames` followed by its cells; the value stack follows the slots.
    pub base: usize,
    /// The stack height to truncate to when this frame is popped (its result then goes there).
    pub ret_to: usize,
    pub blocks: Vec<Block>,
    pub globals: ObjRef,
    /// The locals mapping of module and class bodies.
    pub locals: Option<ObjRef>,
    /// The function object being run (for `super()` and reprs).
    pub func: Option<ObjRef>,
    pub on_return: ReturnAction,
}

impl Frame {
    pub fn nslots(&self) -> usize {
        self.code.varnames.len() + self.code.ncells()
    }

    pub fn trace(&self, f: &mut dyn FnMut(&Value), g: &mut dyn FnMut(ObjRef)) {
        self.values.consts.iter().for_each(&mut *f);
        g(self.globals);
        if let Some(l) = self.locals {
            g(l);
        }
        if let Some(fun) = self.func {
            g(fun);
        }
        for b in &self.blocks {
            if let BlockKind::ExceptHandler { prev } = &b.kind {
                f(prev);
            }
        }
        self.on_return.trace(f, g);
    }
}

#[derive(Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Value stack height (absolute) when the block was pushed.
    pub depth: usize,
}

#[derive(Clone)]
pub enum BlockKind {
    /// `SetupFinally(handler)`.
    Finally { handler: u32 },
    /// Inside an except/finally handler: the exception that was being handled before.
    ExceptHandler { prev: Value },
}

/// What to do with a frame's return value (or escaping exception) in its caller.
#[derive(Clone)]
pub enum ReturnAction {
    /// Push the value on the caller's stack.
    Push,
    /// An `__init__` call made by instantiating a class: push the instance instead (after
    /// checking the return value is None).
    Init(Value),
    /// A class body: build the class from the namespace.
    ClassBody { name: Value, bases: Vec<Value>, ns: ObjRef },
    /// A `__next__` call made by `ForIter`: `StopIteration` ends the loop (jump to `target`).
    ForIterNext { target: u32 },
    /// A generator resumed by its caller.
    Generator { generator: ObjRef, mode: ResumeMode },
    /// A call made from Rust (`call_nested`): stop the nested loop and hand the value back.
    Nested,
    /// Discard the value (e.g. a finaliser or callback whose result is unused).
    Discard,
    /// Run the caller's current instruction again with the value (a list) put back in place
    /// of the iterable it consumed, `depth` slots below the top of the stack: an unpacking
    /// instruction whose iterable runs Python code has it collected in frames first.
    RetryWith { depth: usize },
}

/// How a generator was resumed, which decides where its yields and return go.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ResumeMode {
    /// `next()` / `send()`: yield pushes the value; return raises `StopIteration(value)`.
    Next,
    /// By `ForIter`: yield pushes the value; return ends the loop (jump to `target`).
    ForIter { target: u32 },
    /// By `YieldFrom` in the calling generator: yield makes the caller yield too; return pushes
    /// the value in place of the iterator.
    YieldFrom,
    /// From Rust (`call_nested`-style iteration): like `Next` but stops the nested loop.
    Nested,
}

impl ReturnAction {
    pub fn trace(&self, f: &mut dyn FnMut(&Value), g: &mut dyn FnMut(ObjRef)) {
        match self {
            ReturnAction::Init(v) => f(v),
            ReturnAction::ClassBody { name, bases, ns } => {
                f(name);
                bases.iter().for_each(&mut *f);
                g(*ns);
            }
            ReturnAction::Generator { generator, .. } => g(*generator),
            ReturnAction::Push
            | ReturnAction::ForIterNext { .. }
            | ReturnAction::Nested
            | ReturnAction::Discard
            | ReturnAction::RetryWith { .. } => {}
        }
    }
}

impl Frame {
    /// The source line of the instruction at `ip - 1` (the one executing).
    pub fn current_line(&self) -> u32 {
        self.code.locations.get(self.ip.saturating_sub(1)).map_or(0, |l| l.line)
    }
}
