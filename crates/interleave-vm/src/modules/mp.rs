//! `_interleave_mp`: the small native layer `multiprocessing` (embedded Python, `py/mp_*.py`)
//! is written on, over the simulated kernel (`kernel.rs`). It plays the part of CPython's
//! `_multiprocessing` module, of the pipes under `multiprocessing.connection`, and of the
//! shared memory under `multiprocessing.sharedctypes`.
//!
//! Pipes carry trees of plain data (`pickle.rs`) that `multiprocessing.reduction` builds; each
//! transfer charges virtual time by its pickled size. Blocking calls (`recv`, `acquire`,
//! `wait_child`) block on a kernel object with `Wait::Kernel` and are retried when woken.

use crate::interp::{Interp, MachineEvent, Wake};
use crate::kernel::{KernelKey, Message, Scalar};
use crate::native::{Args, Flow, NativeFn, PyResult, Suspend, Wait};
use crate::value::{ObjRef, Value};

/// Virtual time to copy one byte through a pipe (pickling, the write, the read, unpickling):
/// about 1 GB/s, plus a fixed cost per message.
const NS_PER_BYTE: u64 = 1;
const NS_PER_MESSAGE: u64 = 5_000;

/// The bytes a pipe buffers before a writer blocks (Linux's default pipe capacity).
const PIPE_CAPACITY: usize = 65_536;

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("pipe", pipe),
        ("send", send),
        ("send_bytes", send_bytes),
        ("recv", recv),
        ("poll", poll),
        ("close_end", close_end),
        ("sem_new", sem_new),
        ("sem_acquire", sem_acquire),
        ("sem_release", sem_release),
        ("sem_value", sem_value),
        ("sem_count", sem_count),
        ("sem_is_mine", sem_is_mine),
        ("sem_reset_count", sem_reset_count),
        ("shared_new", shared_new),
        ("shared_get", shared_get),
        ("shared_set", shared_set),
        ("pid_alive", pid_alive),
        ("wait_child", wait_child),
        ("builtin_type", builtin_type),
        ("wait_ready", wait_ready),
        ("close_stdin", close_stdin),
        ("open_end", open_end),
        ("spawn", spawn),
        ("spawn_main", spawn_main),
        ("exec_main", exec_main),
        ("default_start_method", default_start_method),
        ("charge_ns", charge_ns),
        ("can_block", can_block),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

fn int(interp: &mut Interp, a: &Args, i: usize) -> PyResult<i64> {
    super::int_arg(interp, "_interleave_mp", a, i)
}

fn index(interp: &mut Interp, a: &Args, i: usize) -> PyResult<usize> {
    Ok(int(interp, a, i)? as usize)
}

/// A timeout argument: None → wait forever, else seconds (negative counts as 0).
fn timeout(interp: &mut Interp, a: &Args, i: usize) -> PyResult<Option<u64>> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let s = crate::builtins::args::float(interp, v, "timeout")?;
            Ok(Some((s.max(0.0) * 1e9).round() as u64))
        }
    }
}

fn block(interp: &mut Interp, key: KernelKey, timeout_ns: Option<u64>) -> Flow {
    if !interp.slice.active || interp.nested_depth > 0 {
        let msg = "a blocking multiprocessing call needs the simulated machine (interleave run)";
        return interp.err(interp.t.runtime_error, msg);
    }
    Flow::Suspend(Suspend::Block(Wait::Kernel { key, timeout_ns }))
}

fn notify(interp: &mut Interp, key: KernelKey) {
    interp.events.push(MachineEvent::Kernel(key));
}

// ---- pipes ----

/// Shows a pipe transfer in the trace.
fn record_transfer(interp: &mut Interp, pipe: usize, bytes: usize, sent: bool) {
    if interp.slice.active {
        let (t, thread) = (interp.now_ns(), interp.cur);
        interp.records.push(crate::interp::Record::Transfer {
            t,
            thread,
            pipe,
            bytes,
            sent,
        });
    }
}

/// `pipe()`: a new one-way pipe; returns its id. The creating process holds its write end.
fn pipe(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    let pid = interp.pid;
    Ok(Value::Int(interp.kernel.borrow_mut().new_pipe(pid) as i64))
}

fn push(interp: &mut Interp, id: usize, m: Message) -> PyResult<Value> {
    let size = m.size() as u64;
    let _ = interp.take_wake();
    let mut k = interp.kernel.borrow_mut();
    let Some(p) = k.pipes.get_mut(id) else {
        drop(k);
        return Err(interp.internal("_interleave_mp: no such pipe"));
    };
    // A full pipe blocks the writer until a reader makes room (a message larger than the
    // whole buffer goes into an empty pipe).
    if p.readers.is_empty() {
        drop(k);
        let e = interp.new_exception(
            interp.t.broken_pipe_error,
            vec![Value::Int(32), Value::str("Broken pipe")],
        );
        interp.set_exc_attr(e, "errno", Value::Int(32));
        interp.set_exc_attr(e, "strerror", Value::str("Broken pipe"));
        if let crate::object::Obj::Instance(i) = interp.heap.get_mut(e)
            && let crate::object::Payload::Exception(d) = &mut i.payload
        {
            d.str_override = Some(std::rc::Rc::from("[Errno 32] Broken pipe"));
        }
        return Err(Flow::Exc(e));
    }
    let buffered: usize = p.messages.iter().map(Message::size).sum();
    if buffered > 0 && buffered + size as usize > PIPE_CAPACITY {
        drop(k);
        return Err(block(interp, KernelKey::Pipe(id), None));
    }
    p.messages.push_back(m);
    drop(k);
    interp.charge((NS_PER_MESSAGE + size * NS_PER_BYTE) / crate::interp::cost::NS_PER_CHARGED_STEP);
    record_transfer(interp, id, size as usize, true);
    notify(interp, KernelKey::Pipe(id));
    Ok(Value::Int(size as i64))
}

/// `send(pipe, tree)`: copies a plain-data tree into the pipe. Returns its pickled size.
fn send(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let Some(v) = a.pos.get(1) else {
        return Err(interp.internal("_interleave_mp.send"));
    };
    let (tree, size) = crate::pickle::copy_out(interp, v)?;
    push(interp, id, Message::Object(tree, size))
}

/// `send_bytes(pipe, data)`.
fn send_bytes(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let data = match a.pos.get(1) {
        Some(v) if interp.bytes_of(v).is_some() => interp.bytes_of(v).unwrap_or_default().to_vec(),
        _ => return Err(interp.err(interp.t.type_error, "a bytes-like object is required")),
    };
    push(interp, id, Message::Bytes(data))
}

/// `recv(pipe)`: the next message, as `(False, tree)` for an object or `(True, bytes)`. Blocks
/// while the pipe is empty; `EOFError` when it is empty and no process can write to it.
fn recv(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let _ = interp.take_wake();
    let (msg, eof) = {
        let mut k = interp.kernel.borrow_mut();
        match k.pipes.get_mut(id) {
            Some(p) => {
                let m = p.messages.pop_front();
                let eof = m.is_none() && p.writers.is_empty();
                (m, eof)
            }
            None => (None, true),
        }
    };
    match msg {
        Some(m) => {
            let size = m.size() as u64;
            interp.charge((size * NS_PER_BYTE) / crate::interp::cost::NS_PER_CHARGED_STEP);
            record_transfer(interp, id, size as usize, false);
            notify(interp, KernelKey::Pipe(id));
            Ok(match m {
                Message::Object(tree, _) => {
                    let v = crate::pickle::copy_in(interp, &tree);
                    interp.new_tuple(vec![Value::Bool(false), v])
                }
                Message::Bytes(b) => {
                    interp.new_tuple(vec![Value::Bool(true), Value::Bytes(b.into())])
                }
            })
        }
        // `Connection._recv` raises a bare `EOFError` (no arguments).
        None if eof => Err(Flow::Exc(interp.new_exception(interp.t.eof_error, Vec::new()))),
        None => Err(block(interp, KernelKey::Pipe(id), None)),
    }
}

/// `poll(pipe, timeout)`: whether a message (or end of file) is there, waiting up to `timeout`
/// seconds (None: forever).
fn poll(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let t = timeout(interp, &a, 1)?;
    let wake = interp.take_wake();
    let ready = {
        let k = interp.kernel.borrow();
        k.pipes
            .get(id)
            .is_none_or(|p| !p.messages.is_empty() || p.writers.is_empty())
    };
    if ready {
        return Ok(Value::Bool(true));
    }
    if t == Some(0) || wake == Some(Wake::Timeout) {
        return Ok(Value::Bool(false));
    }
    Err(block(interp, KernelKey::Pipe(id), t))
}

/// `close_end(pipe, write)`: this process closes its write end (or its read end).
fn close_end(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let write = match a.pos.get(1) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let pid = interp.pid;
    if let Some(p) = interp.kernel.borrow_mut().pipes.get_mut(id) {
        if write {
            p.writers.remove(&pid);
        } else {
            p.readers.remove(&pid);
        }
    }
    notify(interp, KernelKey::Pipe(id));
    Ok(Value::None)
}

// ---- semaphores ----

/// `sem_new(value, maxvalue, recursive)`.
fn sem_new(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let value = int(interp, &a, 0)?;
    let max = int(interp, &a, 1)?;
    let recursive = match a.pos.get(2) {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    Ok(Value::Int(
        interp.kernel.borrow_mut().new_sem(value, max, recursive) as i64,
    ))
}

fn me(interp: &Interp) -> (u32, i64) {
    (interp.pid, interp.threads[interp.cur].ident)
}

/// `sem_acquire(sem, block, timeout)`, as `SemLock.acquire`.
fn sem_acquire(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let blocking = match a.pos.get(1) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let t = timeout(interp, &a, 2)?;
    let wake = interp.take_wake();
    let me = me(interp);
    {
        let mut k = interp.kernel.borrow_mut();
        let Some(s) = k.sems.get_mut(id) else {
            drop(k);
            return Err(interp.internal("_interleave_mp: no such semaphore"));
        };
        if s.recursive && s.count > 0 && s.owner == Some(me) {
            s.count += 1;
            return Ok(Value::Bool(true));
        }
        if s.value > 0 {
            s.value -= 1;
            s.owner = Some(me);
            s.count += 1;
            return Ok(Value::Bool(true));
        }
    }
    if !blocking || t == Some(0) || wake == Some(Wake::Timeout) {
        return Ok(Value::Bool(false));
    }
    Err(block(interp, KernelKey::Sem(id), t))
}

/// `sem_release(sem)`, as `SemLock.release`.
fn sem_release(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let me = me(interp);
    let err = {
        let mut k = interp.kernel.borrow_mut();
        match k.sems.get_mut(id) {
            None => Some((interp.t.runtime_error, "no such semaphore")),
            Some(s) if s.recursive => {
                if s.count == 0 || s.owner != Some(me) {
                    Some((
                        interp.t.assertion_error,
                        "attempt to release recursive lock not owned by thread",
                    ))
                } else {
                    s.count -= 1;
                    if s.count == 0 {
                        s.owner = None;
                        s.value = 1;
                    }
                    None
                }
            }
            Some(s) => {
                if s.value >= s.max {
                    Some((
                        interp.t.value_error,
                        "semaphore or lock released too many times",
                    ))
                } else {
                    s.value += 1;
                    s.count = (s.count - 1).max(0);
                    if s.count == 0 {
                        s.owner = None;
                    }
                    None
                }
            }
        }
    };
    if let Some((cls, msg)) = err {
        return Err(interp.err(cls, msg));
    }
    notify(interp, KernelKey::Sem(id));
    Ok(Value::None)
}

fn sem_value(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let v = interp.kernel.borrow().sems.get(id).map_or(0, |s| s.value);
    Ok(Value::Int(v))
}

/// How many times this thread holds the semaphore (`SemLock._count`).
fn sem_count(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let me = me(interp);
    let v = interp
        .kernel
        .borrow()
        .sems
        .get(id)
        .map_or(0, |s| if s.owner == Some(me) { s.count } else { 0 });
    Ok(Value::Int(v))
}

fn sem_is_mine(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let me = me(interp);
    let v = interp
        .kernel
        .borrow()
        .sems
        .get(id)
        .is_some_and(|s| s.count > 0 && s.owner == Some(me));
    Ok(Value::Bool(v))
}

/// `SemLock._after_fork`: the child's thread holds nothing.
fn sem_reset_count(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let me = me(interp);
    if let Some(s) = interp.kernel.borrow_mut().sems.get_mut(id)
        && s.owner == Some(me)
        && s.recursive
    {
        s.count = 0;
        s.owner = None;
    }
    Ok(Value::None)
}

// ---- shared memory ----

/// The wrapping of a C integer of `typecode`, or None for floats.
fn int_bits(typecode: char) -> Option<(u32, bool)> {
    Some(match typecode {
        'b' => (8, true),
        'B' | 'c' => (8, false),
        'h' => (16, true),
        'H' => (16, false),
        'i' => (32, true),
        'I' => (32, false),
        'l' | 'q' => (64, true),
        'L' | 'Q' => (64, false),
        _ => return None,
    })
}

fn to_scalar(interp: &mut Interp, typecode: char, v: &Value) -> PyResult<Scalar> {
    if typecode == 'c' {
        return match v {
            Value::Bytes(b) if b.len() == 1 => Ok(Scalar::Int(b[0] as i64)),
            _ => Err(interp.err(
                interp.t.type_error,
                "one character bytes, bytearray or integer expected",
            )),
        };
    }
    match int_bits(typecode) {
        Some((bits, signed)) => {
            if matches!(v, Value::Float(_)) {
                return Err(interp.err(interp.t.type_error, "int expected instead of float"));
            }
            let i = match v {
                Value::BigInt(b) => {
                    use num_traits::ToPrimitive;
                    (b.as_ref() & num_bigint::BigInt::from(u64::MAX))
                        .to_u64()
                        .unwrap_or(0) as i64
                }
                _ => crate::builtins::args::int(interp, v)?,
            };
            Ok(Scalar::Int(wrap(i, bits, signed)))
        }
        None => Ok(Scalar::Float(crate::builtins::args::float(
            interp, v, "value",
        )?)),
    }
}

fn wrap(i: i64, bits: u32, signed: bool) -> i64 {
    if bits == 64 {
        return if signed { i } else { i as u64 as i64 };
    }
    let m = i & ((1i64 << bits) - 1);
    if signed && m >= 1i64 << (bits - 1) {
        m - (1i64 << bits)
    } else {
        m
    }
}

fn from_scalar(typecode: char, s: Scalar) -> Value {
    match s {
        Scalar::Int(i) if typecode == 'c' => Value::Bytes(vec![i as u8].into()),
        Scalar::Int(i) if matches!(typecode, 'L' | 'Q') && i < 0 => {
            Value::from_bigint(num_bigint::BigInt::from(i as u64))
        }
        Scalar::Int(i) => Value::Int(i),
        Scalar::Float(f) if typecode == 'f' => Value::Float(f as f32 as f64),
        Scalar::Float(f) => Value::Float(f),
    }
}

/// `shared_new(typecode, items)`: a block of shared memory holding `items`.
fn shared_new(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let typecode = match a.pos.first() {
        Some(Value::Str(s)) if s.as_str().chars().count() == 1 => {
            s.as_str().chars().next().unwrap_or('i')
        }
        _ => return Err(interp.err(interp.t.type_error, "typecode must be a single character")),
    };
    if int_bits(typecode).is_none() && !matches!(typecode, 'f' | 'd') {
        let msg = format!(
            "bad typecode (must be b, B, c, h, H, i, I, l, L, q, Q, f or d), not {typecode:?}"
        );
        return Err(interp.err(interp.t.value_error, msg));
    }
    let items = match a
        .pos
        .get(1)
        .and_then(|v| v.as_obj())
        .map(|r| interp.heap.get(r))
    {
        Some(crate::object::Obj::List(items)) => items.clone(),
        _ => return Err(interp.internal("_interleave_mp.shared_new: items must be a list")),
    };
    let mut scalars = Vec::with_capacity(items.len());
    for v in &items {
        scalars.push(to_scalar(interp, typecode, v)?);
    }
    interp.charge(items.len() as u64);
    Ok(Value::Int(
        interp.kernel.borrow_mut().new_shared(typecode, scalars) as i64,
    ))
}

fn shared_item(interp: &mut Interp, a: &Args) -> PyResult<(usize, usize, char)> {
    let id = index(interp, a, 0)?;
    let i = int(interp, a, 1)?;
    let k = interp.kernel.borrow();
    let Some(block) = k.shared.get(id) else {
        drop(k);
        return Err(interp.internal("_interleave_mp: no such shared memory"));
    };
    let n = block.items.len() as i64;
    let tc = block.typecode;
    drop(k);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(interp.err(interp.t.index_error, "invalid index"));
    }
    Ok((id, j as usize, tc))
}

/// `shared_get(block, i)`.
fn shared_get(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (id, i, tc) = shared_item(interp, &a)?;
    let s = interp.kernel.borrow().shared[id].items[i];
    Ok(from_scalar(tc, s))
}

/// `shared_set(block, i, value)`.
fn shared_set(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (id, i, tc) = shared_item(interp, &a)?;
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    let s = to_scalar(interp, tc, &v)?;
    interp.kernel.borrow_mut().shared[id].items[i] = s;
    Ok(Value::None)
}

// ---- processes ----

/// `pid_alive(pid)`: the process exists and has not exited.
fn pid_alive(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let pid = int(interp, &a, 0)?;
    let k = interp.kernel.borrow();
    let alive = u32::try_from(pid)
        .ok()
        .and_then(|p| k.procs.get(&p))
        .is_some_and(|e| e.status.is_none());
    Ok(Value::Bool(alive))
}

/// `wait_child(pid, timeout)`: waits up to `timeout` seconds (None: forever) for child `pid`
/// to exit, reaps it and returns its exit code (negative: killed by that signal); None if it
/// is still running.
fn wait_child(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let pid = int(interp, &a, 0)? as u32;
    let t = timeout(interp, &a, 1)?;
    let wake = interp.take_wake();
    let me = interp.pid;
    let status = {
        let mut k = interp.kernel.borrow_mut();
        match k.procs.get_mut(&pid) {
            Some(e) if e.ppid == me && !e.reaped => match e.status {
                Some(s) => {
                    e.reaped = true;
                    k.reap_log.push((pid, me));
                    Some(Some(s))
                }
                None => Some(None),
            },
            _ => None,
        }
    };
    match status {
        None => Ok(Value::None),
        Some(Some(s)) => Ok(Value::Int(if s & 0x7f == 0 {
            (s >> 8) & 0xff
        } else {
            -(s & 0x7f)
        } as i64)),
        Some(None) if t == Some(0) || wake == Some(Wake::Timeout) => Ok(Value::None),
        Some(None) => Err(block(interp, KernelKey::Children(me), t)),
    }
}

/// `builtin_type(cls)`: whether `cls` is a type built into the interpreter (which pickle
/// cannot reconstruct from its instance dict), as opposed to a class defined in Python.
fn builtin_type(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let b = match a
        .pos
        .first()
        .and_then(|v| v.as_obj())
        .map(|r| interp.heap.get(r))
    {
        Some(crate::object::Obj::Class(c)) => c.builtin,
        _ => false,
    };
    Ok(Value::Bool(b))
}

fn int_list(interp: &mut Interp, v: Option<&Value>) -> PyResult<Vec<i64>> {
    let items = match v.and_then(|v| v.as_obj()).map(|r| interp.heap.get(r)) {
        Some(crate::object::Obj::List(items)) => items.clone(),
        _ => return Err(interp.internal("_interleave_mp: expected a list")),
    };
    items
        .iter()
        .map(|v| crate::builtins::args::int(interp, v))
        .collect()
}

/// `close_stdin()`: a child process started by `multiprocessing` reads `/dev/null` as its
/// stdin (`util._close_stdin`): nothing, and end of file at once.
fn close_stdin(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    interp.stdin.clear();
    interp.stdin_pos = 0;
    interp.stdin_open = false;
    Ok(Value::None)
}

/// `wait_ready(pipes, pids, timeout)`: the pipes that are readable (a message or end of
/// file) and the pids that have exited, as two lists; blocks until one is, or the timeout.
fn wait_ready(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let pipes = int_list(interp, a.pos.first())?;
    let pids = int_list(interp, a.pos.get(1))?;
    let t = timeout(interp, &a, 2)?;
    let wake = interp.take_wake();
    let (ready_pipes, ready_pids) = {
        let k = interp.kernel.borrow();
        let rp: Vec<Value> = pipes
            .iter()
            .filter(|&&i| {
                k.pipes
                    .get(i as usize)
                    .is_none_or(|p| !p.messages.is_empty() || p.writers.is_empty())
            })
            .map(|&i| Value::Int(i))
            .collect();
        let rq: Vec<Value> = pids
            .iter()
            .filter(|&&pid| {
                u32::try_from(pid)
                    .ok()
                    .and_then(|p| k.procs.get(&p))
                    .is_none_or(|e| e.status.is_some())
            })
            .map(|&i| Value::Int(i))
            .collect();
        (rp, rq)
    };
    let done = !ready_pipes.is_empty() || !ready_pids.is_empty() || t == Some(0);
    if done && wake.is_none() && interp.slice.active && interp.nested_depth == 0 {
        // CPython's `select()` releases the GIL even when something is ready at once: a
        // thread waiting for the GIL takes it (the pool's worker handler, which waits on the
        // result queue too, would otherwise hold the GIL from the result handler).
        return Err(Flow::Suspend(Suspend::Block(Wait::Yield)));
    }
    if done || wake == Some(Wake::Timeout) {
        let a = interp.new_list(ready_pipes);
        let b = interp.new_list(ready_pids);
        return Ok(interp.new_tuple(vec![a, b]));
    }
    let mut keys: Vec<KernelKey> = pipes.iter().map(|&i| KernelKey::Pipe(i as usize)).collect();
    if !pids.is_empty() {
        // A process's exit is announced to its parent's waiters.
        let k = interp.kernel.borrow();
        let mut parents: Vec<u32> = pids
            .iter()
            .filter_map(|&p| u32::try_from(p).ok())
            .map(|p| k.ppid(p))
            .collect();
        drop(k);
        parents.sort_unstable();
        parents.dedup();
        keys.extend(parents.into_iter().map(KernelKey::Children));
    }
    if !interp.slice.active || interp.nested_depth > 0 {
        let msg = "a blocking multiprocessing call needs the simulated machine (interleave run)";
        return Err(interp.err(interp.t.runtime_error, msg));
    }
    Err(Flow::Suspend(Suspend::Block(Wait::KernelAny {
        keys,
        timeout_ns: t,
    })))
}

/// `open_end(pipe, write)`: this process now holds an end of the pipe (a connection that
/// arrived pickled).
fn open_end(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = index(interp, &a, 0)?;
    let write = match a.pos.get(1) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let pid = interp.pid;
    if let Some(p) = interp.kernel.borrow_mut().pipes.get_mut(id) {
        if write {
            p.writers.insert(pid);
        } else {
            p.readers.insert(pid);
        }
    }
    Ok(Value::None)
}

// ---- the spawn start method ----

/// `spawn(pipe)`: starts a fresh process (a new interpreter) that reads what to run from
/// `pipe`; returns its pid.
fn spawn(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let pipe = index(interp, &a, 0)?;
    if let Some(pid) = interp.fork_result.take() {
        return Ok(Value::Int(pid));
    }
    if !interp.slice.active || interp.nested_depth > 0 {
        return Err(interp.err(
            interp.t.runtime_error,
            "starting a process needs the simulated machine (interleave run)",
        ));
    }
    super::process::check_process_limit(interp)?;
    Err(Flow::Suspend(Suspend::Block(Wait::Spawn { pipe })))
}

/// The first call of a spawned process's main thread: the interpreter's start-up, then
/// `multiprocessing.spawn._spawn_main(pipe)`.
fn spawn_main(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let pipe = int(interp, &a, 0)?;
    let module = interp.load_module("multiprocessing.spawn")?;
    let Some(main) = interp.getattr_opt(&module, "_spawn_main")? else {
        return Err(interp.internal("multiprocessing.spawn has no _spawn_main"));
    };
    Err(Flow::TailCall(Box::new((main, vec![Value::Int(pipe)]))))
}

/// `exec_main()`: runs the program's main file again as module `__mp_main__` (also installed
/// as `sys.modules['__main__']`), as CPython's spawn does with `runpy.run_path`. Returns it.
fn exec_main(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    let file = interp.main_file.clone();
    let Some(source) = interp.sources.get(file.as_str()).cloned() else {
        return Err(interp.internal("the main program's source is not known"));
    };
    let code = interleave_compiler::compile_module(&source, &file).map_err(|e| {
        interp.internal(format!(
            "the main program failed to compile again: {}",
            e.message
        ))
    })?;
    let (module, globals) = interp.new_module("__mp_main__");
    let builtins_mod = interp
        .dict_get_str(interp.modules, "builtins")
        .unwrap_or(Value::None);
    interp.set_item_str(globals, "__builtins__", builtins_mod);
    let f = interp.intern(&file);
    interp.set_item_str(globals, "__file__", f);
    interp.set_item_str(globals, "__doc__", Value::None);
    interp.set_item_str(interp.modules, "__mp_main__", module.clone());
    interp.set_item_str(interp.modules, "__main__", module.clone());
    interp.run_module_code(code, globals)?;
    Ok(module)
}

fn default_start_method(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    let m = interp.kernel.borrow().start_method.clone();
    Ok(Value::str(m.as_str()))
}

impl Interp {
    /// A fresh process for the `spawn` start method: the same program and settings as
    /// `parent`, sharing its kernel, whose main thread will run `spawn_main(pipe)`.
    pub fn spawned_from(parent: &Interp, pid: u32, pipe: usize) -> PyResult<Interp> {
        let mut child = Interp::new(parent.limits.clone(), parent.seed);
        child.kernel = parent.kernel.clone();
        child.pid = pid;
        child.main_file = parent.main_file.clone();
        child.sources = parent.sources.clone();
        child.switch_interval_ns = parent.switch_interval_ns;
        child.cpu_count = parent.cpu_count;
        child.free_threaded = parent.free_threaded;
        child.fs = parent.fs.clone();
        let module = child.load_module("_interleave_mp")?;
        let Some(main) = child.getattr_opt(&module, "spawn_main")? else {
            return Err(child.internal("_interleave_mp has no spawn_main"));
        };
        child.threads[0].start = Some((main, Args::new(vec![Value::Int(pipe as i64)])));
        Ok(child)
    }
}

/// `charge_ns(ns)`: the current thread spends `ns` of virtual CPU time (an interpreter's
/// start-up, which `multiprocessing.spawn` charges by start method).
fn charge_ns(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let ns = int(interp, &a, 0)?.max(0) as u64;
    interp.charge(ns / crate::interp::cost::NS_PER_CHARGED_STEP);
    Ok(Value::None)
}

/// `can_block()`: whether the current call may block (it runs in a frame under the machine,
/// not nested in a call made from Rust).
fn can_block(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(interp.slice.active && interp.nested_depth == 0))
}
