//! The calling convention of functions written in Rust, and the VM's error channels.

use std::rc::Rc;

use crate::interp::Interp;
use crate::value::{ObjRef, Value};

/// A built-in function: receives the interpreter and its arguments (for a bound method,
/// `self` is `args.pos[0]`).
pub type NativeFn = fn(&mut Interp, Args) -> PyResult<Value>;

/// Arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }

    /// Removes and returns a keyword argument.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

/// Why control leaves the normal flow of a call.
pub enum Flow {
    /// A Python exception (an exception instance on the heap).
    Exc(ObjRef),
    /// A native function asks the interpreter to call `func(*args)` in its place, so that
    /// Python code it would run executes in a frame (suspendable), not nested in Rust.
    /// `func` may also be a generator (which Python cannot call): a built-in function asks
    /// for it to be resumed in its place with `args[0]` sent in (`next(g)`, `g.send(v)`), so
    /// that the generator's code runs on the thread's frame stack (see `Interp::call_value`).
    TailCall(Box<(Value, Vec<Value>)>),
    /// The whole run stops (resource limit, `os._exit`, internal error): not catchable.
    Stop(Rc<RunStop>),
    /// Not an error: the running thread stops executing for now, to be resumed later by the
    /// scheduler exactly where it left off.
    Suspend(Suspend),
}

/// Why a thread stops running for now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suspend {
    /// It waits for something. The instruction that blocked (a call to a blocking built-in)
    /// has not completed and runs again when the thread is woken: blocking built-ins are
    /// written as retryable attempts that consult [`crate::interp::Wake`].
    Block(Wait),
    /// The scheduler takes the thread off the CPU between two instructions.
    Switch(SwitchReason),
}

/// What a blocked thread waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wait {
    /// `time.sleep`: until the virtual clock reaches `until_ns` (ns since the run started).
    Sleep { until_ns: u64 },
    /// A lock (`_thread.lock` or `_thread.RLock`) to be released, or the timeout to pass.
    Lock { lock: ObjRef, timeout_ns: Option<u64> },
    /// A kernel object shared between processes (pipe, semaphore, child exit), or the timeout.
    Kernel { key: crate::kernel::KernelKey, timeout_ns: Option<u64> },
    /// Any of several kernel objects (`multiprocessing.connection.wait`), or the timeout.
    KernelAny { keys: Vec<crate::kernel::KernelKey>, timeout_ns: Option<u64> },
    /// Not a wait: the `spawn` start method asks the machine for a new process, which reads
    /// what to run from kernel pipe `pipe`. The call runs again and returns the child's pid.
    Spawn { pipe: usize },
    /// Not a wait: `os.fork()` asks the machine to copy the process. The call runs again in
    /// both processes and returns `Interp::fork_result`.
    Fork,
    /// Not a wait: a system call that could block found what it waits for at once, but
    /// released the GIL around it all the same, as CPython does around every such call
    /// (`Py_BEGIN_ALLOW_THREADS`). A thread of the process waiting for the GIL takes it. The
    /// call runs again (woken as `Wake::Notified`, so it does not yield twice).
    Yield,
    /// Not a wait: a read of stdin releases the GIL as `Yield` does, and ends the process's
    /// part of the round, so that a client can stop the machine here while stdin is open but
    /// holds too little (`interp/stdin.rs`). The call runs again.
    Input,
}

/// Why the scheduler switched a thread out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwitchReason {
    /// The slice of virtual time the scheduler granted is used up.
    Budget,
    /// The thread reached an eval-breaker check point while another thread asked for the GIL
    /// (CPython's `gil_drop_request`).
    DropRequest,
    /// Something the scheduler must see happened (a lock with waiters was released, a thread
    /// was started).
    Event,
}

/// A reason the run stops that Python code cannot catch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunStop {
    /// `os._exit(code)`.
    Exit(i32),
    /// The step (fuel) limit was reached.
    StepLimit(u64),
    /// Memory limit reached where no `MemoryError` could be raised.
    OutOfMemory,
    /// A bug in the VM, reported instead of panicking.
    Internal(String),
}

pub type PyResult<T> = Result<T, Flow>;
