//! The process functions of `os` (CPython's `Modules/posixmodule.c`): `fork`, `getpid`,
//! `getppid`, `wait`, `waitpid`, `_exit`, `kill` and the wait-status helpers, over the
//! simulated kernel (`kernel.rs`).
//!
//! `fork()` does not copy the process itself: it suspends with `Wait::Fork`, the machine makes
//! the copy, and the call runs again in both processes, returning `Interp::fork_result`.
//! `waitpid` blocks on `KernelKey::Children` like any kernel wait.

use std::rc::Rc;

use crate::interp::{Interp, MachineEvent, Wake};
use crate::kernel::KernelKey;
use crate::native::{Args, Flow, NativeFn, PyResult, RunStop, Suspend, Wait};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

/// `os.WNOHANG`.
const WNOHANG: i64 = 1;

/// `signal.SIGKILL` and `signal.SIGTERM` on Linux.
pub const SIGKILL: i64 = 9;
pub const SIGTERM: i64 = 15;

/// The virtual time `fork()` takes in the parent (copying the page tables of a CPython
/// process, about 0.3 ms), in charged steps. The child starts as a copy, after it.
const FORK_STEPS: u64 = 300_000 / crate::interp::cost::NS_PER_CHARGED_STEP;

pub fn install(interp: &mut Interp, d: ObjRef) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("fork", fork),
        ("getpid", getpid),
        ("getppid", getppid),
        ("wait", wait),
        ("waitpid", waitpid),
        ("_exit", exit),
        ("kill", kill),
        ("waitstatus_to_exitcode", waitstatus_to_exitcode),
        ("WIFEXITED", wifexited),
        ("WEXITSTATUS", wexitstatus),
        ("WIFSIGNALED", wifsignaled),
        ("WTERMSIG", wtermsig),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    interp.set_item_str(d, "WNOHANG", Value::Int(WNOHANG));
}

fn int_arg(interp: &mut Interp, a: &Args, i: usize, name: &str, n: usize) -> PyResult<i64> {
    crate::builtins::args::count(interp, name, a, n, n)?;
    crate::builtins::args::int(interp, &a.pos[i])
}

fn fork(interp: &mut Interp, a: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "fork", &a, 0, 0)?;
    if let Some(r) = interp.fork_result.take() {
        if r == 0 {
            super::random::after_fork_child(interp);
            // In the child, as CPython's `PyOS_AfterFork_Child`: `threading` forgets the
            // threads that did not survive (its `_after_fork`), then the call returns 0.
            if let Some(threading) = interp.dict_get_str(interp.modules, "threading")
                && let Ok(Some(hook)) = interp.getattr_opt(&threading, "_after_fork_child")
            {
                return Err(Flow::TailCall(Box::new((hook, Vec::new()))));
            }
        }
        return Ok(Value::Int(r));
    }
    if !interp.slice.active || interp.nested_depth > 0 {
        return Err(interp.err(
            interp.t.runtime_error,
            "os.fork() needs the simulated machine (interleave run)",
        ));
    }
    check_process_limit(interp)?;
    interp.charge(FORK_STEPS);
    Err(Flow::Suspend(Suspend::Block(Wait::Fork)))
}

/// Fails as `fork()` does with EAGAIN when the run has `Limits::max_processes` alive.
pub fn check_process_limit(interp: &mut Interp) -> PyResult<()> {
    if interp.kernel.borrow().live_processes() >= interp.limits.max_processes {
        return Err(errno_error(
            interp,
            interp.t.blocking_io_error,
            11,
            "Resource temporarily unavailable",
        ));
    }
    Ok(())
}

fn getpid(interp: &mut Interp, a: Args) -> PyResult<Value> {
    super::no_args(interp, "getpid", &a)?;
    Ok(Value::Int(interp.pid as i64))
}

fn getppid(interp: &mut Interp, a: Args) -> PyResult<Value> {
    super::no_args(interp, "getppid", &a)?;
    let ppid = interp.kernel.borrow().ppid(interp.pid);
    Ok(Value::Int(ppid as i64))
}

fn exit(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let code = int_arg(interp, &a, 0, "_exit", 1)?;
    Err(Flow::Stop(Rc::new(RunStop::Exit(code as i32))))
}

fn wait(interp: &mut Interp, a: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "wait", &a, 0, 0)?;
    wait_for(interp, -1, 0)
}

fn waitpid(interp: &mut Interp, a: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "waitpid", &a, 2, 2)?;
    let pid = crate::builtins::args::int(interp, &a.pos[0])?;
    let options = crate::builtins::args::int(interp, &a.pos[1])?;
    wait_for(interp, pid, options)
}

/// `waitpid(pid, options)`: reaps an exited child (`pid` -1: any), returning `(pid, status)`;
/// `(0, 0)` with `WNOHANG` if none has exited; blocks otherwise.
fn wait_for(interp: &mut Interp, pid: i64, options: i64) -> PyResult<Value> {
    let me = interp.pid;
    let wake = interp.take_wake();
    let found = {
        let mut k = interp.kernel.borrow_mut();
        let children: Vec<u32> = k
            .children(me)
            .into_iter()
            .filter(|&c| pid == -1 || c as i64 == pid)
            .collect();
        if children.is_empty() {
            None
        } else {
            let exited = children
                .iter()
                .copied()
                .find(|c| k.procs[c].status.is_some());
            Some(exited.map(|c| {
                let e = k.procs.get_mut(&c).expect("child");
                e.reaped = true;
                let status = e.status.unwrap_or(0);
                k.reap_log.push((c, me));
                (c, status)
            }))
        }
    };
    match found {
        None => Err(errno_error(
            interp,
            interp.t.child_process_error,
            10,
            "No child processes",
        )),
        Some(Some((c, status))) => {
            interp
                .events
                .push(MachineEvent::Kernel(KernelKey::Children(me)));
            Ok(interp.new_tuple(vec![Value::Int(c as i64), Value::Int(status as i64)]))
        }
        Some(None) if options & WNOHANG != 0 || wake == Some(Wake::Timeout) => {
            Ok(interp.new_tuple(vec![Value::Int(0), Value::Int(0)]))
        }
        Some(None) => {
            if !interp.slice.active || interp.nested_depth > 0 {
                return Err(interp.err(
                    interp.t.runtime_error,
                    "os.waitpid() needs the simulated machine (interleave run)",
                ));
            }
            Err(Flow::Suspend(Suspend::Block(Wait::Kernel {
                key: KernelKey::Children(me),
                timeout_ns: None,
            })))
        }
    }
}

fn kill(interp: &mut Interp, a: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "kill", &a, 2, 2)?;
    let pid = crate::builtins::args::int(interp, &a.pos[0])?;
    let sig = crate::builtins::args::int(interp, &a.pos[1])?;
    let alive = {
        let k = interp.kernel.borrow();
        u32::try_from(pid)
            .ok()
            .and_then(|p| k.procs.get(&p))
            .is_some_and(|e| !e.reaped)
    };
    if !alive {
        return Err(errno_error(
            interp,
            interp.t.process_lookup_error,
            3,
            "No such process",
        ));
    }
    match sig {
        0 => {}
        SIGKILL | SIGTERM => {
            interp
                .kernel
                .borrow_mut()
                .signals
                .push((pid as u32, sig as i32));
            interp
                .events
                .push(MachineEvent::Kernel(KernelKey::Children(pid as u32)));
        }
        _ => {
            let msg = format!(
                "os.kill with signal {sig} is not supported by Interleave (only SIGTERM and SIGKILL)"
            );
            return Err(interp.err(interp.t.not_implemented_error, msg));
        }
    }
    Ok(Value::None)
}

/// An `OSError` subclass instance as CPython raises it: `[Errno N] text`.
fn errno_error(interp: &mut Interp, cls: ObjRef, errno: i64, text: &str) -> Flow {
    let e = interp.new_exception(cls, vec![Value::Int(errno), Value::str(text)]);
    interp.set_exc_attr(e, "errno", Value::Int(errno));
    interp.set_exc_attr(e, "strerror", Value::str(text));
    if let Obj::Instance(i) = interp.heap.get_mut(e)
        && let Payload::Exception(d) = &mut i.payload
    {
        d.str_override = Some(Rc::from(format!("[Errno {errno}] {text}").as_str()));
    }
    Flow::Exc(e)
}

fn status_arg(interp: &mut Interp, a: &Args, name: &str) -> PyResult<i64> {
    int_arg(interp, a, 0, name, 1)
}

fn waitstatus_to_exitcode(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let s = status_arg(interp, &a, "waitstatus_to_exitcode")?;
    Ok(Value::Int(if s & 0x7f == 0 {
        (s >> 8) & 0xff
    } else {
        -(s & 0x7f)
    }))
}

fn wifexited(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let s = status_arg(interp, &a, "WIFEXITED")?;
    Ok(Value::Bool(s & 0x7f == 0))
}

fn wexitstatus(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let s = status_arg(interp, &a, "WEXITSTATUS")?;
    Ok(Value::Int((s >> 8) & 0xff))
}

fn wifsignaled(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let s = status_arg(interp, &a, "WIFSIGNALED")?;
    Ok(Value::Bool(s & 0x7f != 0 && s & 0x7f != 0x7f))
}

fn wtermsig(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let s = status_arg(interp, &a, "WTERMSIG")?;
    Ok(Value::Int(s & 0x7f))
}
