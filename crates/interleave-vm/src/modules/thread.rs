//! `_thread`: the low-level thread API that `threading` is written on (CPython's
//! `Modules/_threadmodule.c`): starting threads, locks, re-entrant locks, idents.
//!
//! Blocking calls (`acquire` on a held lock) do not wait here: they return
//! `Suspend::Block(Wait::Lock)` and the scheduler parks the thread. When the lock is released
//! (or the timeout passes) the thread is woken and the same call runs again, reading why it was
//! woken from `Interp::take_wake` — the retry model described in `native.rs`.

use crate::interp::{Interp, MachineEvent, Wake};
use crate::native::{Args, Flow, NativeFn, PyResult, Suspend, Wait};
use crate::object::{Instance, LockState, Obj, Payload};
use crate::value::{ObjRef, Value};

/// CPython's `_thread.TIMEOUT_MAX` on Linux.
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// A thread ident that looks like CPython's on Linux (a pthread address), deterministic per seed.
pub fn ident_for(seed: u64, index: usize) -> i64 {
    let base = 0x7f00_0000_0000_u64 + (seed % 0x1000) * 0x10_0000_0000;
    (base + 0x800_0000 + index as u64 * 0x80_1000) as i64
}

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("RLock", rlock_new),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("daemon_threads_allowed", daemon_threads_allowed),
        ("_set_sentinel", set_sentinel),
        ("stack_size", stack_size),
        ("_set_name", set_name),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    interp.set_item_str(d, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    interp.set_item_str(d, "error", Value::Obj(interp.t.runtime_error));
    interp.set_item_str(d, "LockType", Value::Obj(interp.t.lock));
    install_lock_methods(interp);
    Ok(())
}

fn install_lock_methods(interp: &mut Interp) {
    let (lock, rlock) = (interp.t.lock, interp.t.rlock);
    if interp.class_lookup(lock, "acquire").is_some() {
        return;
    }
    for (cls, owner) in [(lock, "_thread.lock"), (rlock, "_thread.RLock")] {
        let methods: &[(&'static str, NativeFn)] = &[
            ("acquire", acquire),
            ("acquire_lock", acquire),
            ("__enter__", acquire),
            ("release", release),
            ("release_lock", release),
            ("__exit__", exit),
            ("locked", locked),
            ("locked_lock", locked),
            ("__repr__", lock_repr),
            ("_at_fork_reinit", at_fork_reinit),
            ("_is_owned", is_owned),
            ("_release_save", release_save),
            ("_acquire_restore", acquire_restore),
            ("_recursion_count", recursion_count),
        ];
        for &(name, f) in methods {
            interp.def_method(cls, name, owner, f);
        }
        let d = interp.class(cls).dict;
        interp.set_item_str(d, "__module__", Value::str("_thread"));
    }
}

fn new_lock(interp: &mut Interp, reentrant: bool) -> Value {
    install_lock_methods(interp);
    let cls = if reentrant { interp.t.rlock } else { interp.t.lock };
    let state = LockState { reentrant, ..LockState::default() };
    interp.alloc(Obj::Instance(Box::new(Instance { class: cls, dict: Default::default(), payload: Payload::Lock(state), dict_obj: None })))
}

fn allocate_lock(interp: &mut Interp, args: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "allocate_lock", &args, 0, 0)?;
    Ok(new_lock(interp, false))
}

fn rlock_new(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(new_lock(interp, true))
}

fn lock_ref(interp: &mut Interp, v: &Value) -> PyResult<ObjRef> {
    match v.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Instance(i)) if matches!(i.payload, Payload::Lock(_)) => Ok(v.as_obj().expect("lock")),
        _ => Err(interp.err(interp.t.type_error, "descriptor requires a '_thread.lock' object")),
    }
}

fn state(interp: &mut Interp, r: ObjRef) -> &mut LockState {
    match interp.heap.get_mut(r) {
        Obj::Instance(i) => match &mut i.payload {
            Payload::Lock(s) => s,
            _ => unreachable!("checked by lock_ref"),
        },
        _ => unreachable!("checked by lock_ref"),
    }
}

/// Parses `acquire(blocking=True, timeout=-1)` into (blocking, timeout in ns).
fn acquire_args(interp: &mut Interp, args: &mut Args) -> PyResult<(bool, Option<u64>)> {
    let blocking_kw = args.take_kw("blocking");
    let timeout_kw = args.take_kw("timeout");
    let blocking = match args.pos.get(1).cloned().or(blocking_kw) {
        Some(v) => interp.truthy(&v)?,
        None => true,
    };
    let timeout = match args.pos.get(2).cloned().or(timeout_kw) {
        None => -1.0,
        Some(v) => crate::builtins::args::float(interp, &v, "timeout")?,
    };
    if !blocking && timeout != -1.0 {
        return Err(interp.err(interp.t.value_error, "can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(interp.err(interp.t.value_error, "timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(interp.err(interp.t.overflow_error, "timeout value is too large"));
    }
    Ok((blocking, if timeout < 0.0 { None } else { Some((timeout * 1e9).round() as u64) }))
}

fn acquire(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    // `__enter__` takes no arguments; `acquire` takes (blocking, timeout).
    let (blocking, timeout) = acquire_args(interp, &mut args)?;
    let me = interp.cur;
    let wake = interp.take_wake();
    let scheduled = interp.slice.active;
    let st = state(interp, r);
    if st.reentrant && st.locked && st.owner == Some(me) {
        st.count += 1;
        return Ok(Value::Bool(true));
    }
    if !st.locked {
        st.locked = true;
        st.owner = Some(me);
        st.count = 1;
        if wake.is_some() {
            st.waiters = st.waiters.saturating_sub(1);
        }
        interp.threads[me].holding.push(r);
        if wake.is_some() {
            // Acquired after waiting: worth a mark on the timeline.
            record_lock(interp, r, true);
        }
        return Ok(Value::Bool(true));
    }
    if !blocking || wake == Some(Wake::Timeout) || timeout == Some(0) {
        if wake.is_some() {
            st.waiters = st.waiters.saturating_sub(1);
        }
        return Ok(Value::Bool(false));
    }
    if !scheduled {
        // Alone (no scheduler), nobody could ever release it.
        let msg = "deadlock: acquiring a lock held by the only thread that could release it";
        return Err(interp.err(interp.t.runtime_error, msg));
    }
    if wake.is_none() {
        st.waiters += 1;
    }
    Err(Flow::Suspend(Suspend::Block(Wait::Lock { lock: r, timeout_ns: timeout })))
}

fn release(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let me = interp.cur;
    let st = state(interp, r);
    if st.reentrant {
        if !st.locked || st.owner != Some(me) {
            return Err(interp.err(interp.t.runtime_error, "cannot release un-acquired lock"));
        }
        st.count -= 1;
        if st.count > 0 {
            return Ok(Value::None);
        }
    } else if !st.locked {
        return Err(interp.err(interp.t.runtime_error, "release unlocked lock"));
    }
    let owner = st.owner.take();
    st.locked = false;
    st.count = 0;
    let waiters = st.waiters;
    if let Some(o) = owner
        && let Some(p) = interp.threads[o].holding.iter().position(|&l| l == r) {
            interp.threads[o].holding.swap_remove(p);
        }
    if waiters > 0 {
        interp.events.push(MachineEvent::LockReleased(r));
        // Released while others wait: worth a mark on the timeline.
        record_lock(interp, r, false);
    }
    Ok(Value::None)
}

/// Records a lock operation for the machine's trace (only under the scheduler). Only contended
/// operations are recorded — an acquire that had to wait, a release that wakes a waiter — so
/// that a loop taking an uncontended lock a million times keeps the trace small.
fn record_lock(interp: &mut Interp, lock: ObjRef, acquired: bool) {
    if interp.slice.active {
        let (t, thread) = (interp.now_ns(), interp.cur);
        interp.records.push(crate::interp::Record::Lock { t, thread, lock, acquired });
    }
}

fn exit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    // `release` only reads the lock (`args.pos[0]`).
    release(interp, args)?;
    Ok(Value::Bool(false))
}

fn locked(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    Ok(Value::Bool(state(interp, r).locked))
}

fn is_owned(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let me = interp.cur;
    let st = state(interp, r);
    Ok(Value::Bool(st.locked && st.owner == Some(me)))
}

/// RLock `_release_save`: fully releases, returning (count, owner) for `_acquire_restore`.
fn release_save(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let st = state(interp, r);
    if !st.locked {
        return Err(interp.err(interp.t.runtime_error, "cannot release un-acquired lock"));
    }
    let count = st.count.max(1);
    let owner = st.owner.unwrap_or(0);
    st.count = 1;
    if st.reentrant {
        st.count = 1;
    }
    let ident = interp.threads.get(owner).map_or(0, |t| t.ident);
    release(interp, Args::new(vec![args.pos[0].clone()]))?;
    Ok(interp.new_tuple(vec![Value::Int(count as i64), Value::Int(ident)]))
}

/// RLock `_acquire_restore((count, owner))`: blocks until acquired, then restores the count.
fn acquire_restore(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let count = match args.pos.get(1).and_then(|t| t.as_obj()).map(|t| interp.heap.get(t)) {
        Some(Obj::Tuple(items)) => match items.first() {
            Some(Value::Int(c)) => *c as u64,
            _ => 1,
        },
        _ => 1,
    };
    acquire(interp, Args::new(vec![args.pos[0].clone()]))?;
    state(interp, r).count = count;
    Ok(Value::None)
}

fn recursion_count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let me = interp.cur;
    let st = state(interp, r);
    Ok(Value::Int(if st.locked && st.owner == Some(me) { st.count as i64 } else { 0 }))
}

fn at_fork_reinit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let st = state(interp, r);
    st.locked = false;
    st.owner = None;
    st.count = 0;
    Ok(Value::None)
}

fn lock_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let r = lock_ref(interp, &args.pos[0])?;
    let st = state(interp, r).clone();
    let addr = crate::hashing::fake_address(r);
    let state_s = if st.locked { "locked" } else { "unlocked" };
    Ok(Value::str(if st.reentrant {
        let owner = st.owner.filter(|_| st.locked).map_or(0, |o| interp.threads[o].ident);
        format!("<{state_s} _thread.RLock object owner={owner} count={} at {addr}>", if st.locked { st.count } else { 0 })
    } else {
        format!("<{state_s} _thread.lock object at {addr}>")
    }))
}

/// `start_new_thread(function, args, kwargs=None)`: creates a thread that will run
/// `function(*args, **kwargs)` once the scheduler starts it.
fn start_new_thread(interp: &mut Interp, args: Args) -> PyResult<Value> {
    crate::builtins::args::count(interp, "start_new_thread", &args, 2, 3)?;
    let func = args.pos[0].clone();
    let call_args = match args.pos[1].as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::Tuple(items)) => items.clone(),
        _ => return Err(interp.err(interp.t.type_error, "2nd arg must be a tuple")),
    };
    let mut kw = Vec::new();
    if let Some(k) = args.pos.get(2).filter(|k| !k.is_none()) {
        match k.as_obj().map(|r| interp.heap.get(r)) {
            Some(Obj::Dict(d)) => {
                for (key, v) in d.iter() {
                    if let Value::Str(s) = key {
                        kw.push((std::rc::Rc::from(s.as_str()), v.clone()));
                    }
                }
            }
            _ => return Err(interp.err(interp.t.type_error, "optional 3rd arg must be a dictionary")),
        }
    }
    let tid = interp.spawn_thread(func, Args { pos: call_args, kw });
    Ok(Value::Int(interp.threads[tid].ident))
}

fn get_ident(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(interp.threads[interp.cur].ident))
}

fn get_native_id(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(crate::modules::thread::native_id(interp, interp.cur)))
}

/// A Linux thread id: the process id for the main thread, then consecutive numbers.
pub fn native_id(interp: &Interp, tid: usize) -> i64 {
    4000 + (interp.seed % 997) as i64 * 7 + tid as i64
}

fn count(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(interp.threads.iter().skip(1).filter(|t| !t.done).count() as i64))
}

fn daemon_threads_allowed(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

/// `_set_sentinel()`: a lock held by the calling thread until it ends (threading's join).
fn set_sentinel(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let lock = new_lock(interp, false);
    let r = lock.as_obj().expect("lock");
    let me = interp.cur;
    let st = state(interp, r);
    st.locked = true;
    st.owner = Some(me);
    st.count = 1;
    interp.threads[me].sentinels.push(r);
    Ok(lock)
}

/// `_set_name(name, ident=None)` (Interleave's addition): `threading` tells the machine a
/// thread's name, for the trace, timeline and deadlock reports.
fn set_name(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        _ => return Ok(Value::None),
    };
    let tid = match args.pos.get(1) {
        Some(Value::Int(ident)) => interp.threads.iter().position(|t| t.ident == *ident),
        _ => Some(interp.cur),
    };
    if let Some(t) = tid {
        interp.threads[t].name = Some(name);
    }
    Ok(Value::None)
}

fn stack_size(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

/// Releases the sentinel locks of a finished thread (what CPython does when a thread state
/// is deleted), so that `join` returns.
pub fn release_sentinels(interp: &mut Interp, tid: usize) {
    let sentinels = std::mem::take(&mut interp.threads[tid].sentinels);
    for r in sentinels {
        let st = state(interp, r);
        if st.locked {
            st.locked = false;
            st.owner = None;
            st.count = 0;
            if st.waiters > 0 {
                interp.events.push(MachineEvent::LockReleased(r));
            }
        }
    }
}
