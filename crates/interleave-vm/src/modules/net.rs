//! `_interleave_net`: the native layer under `socket`, `select` and `selectors` (embedded
//! Python, `py/socket.py`, `py/select.py`, `py/selectors.py`), over the kernel's loopback
//! network (`kernel/net.rs`). It plays the part of CPython's `_socket` and `select` C modules.
//!
//! Sockets are named by the calling process's file descriptor. Blocking calls take a deadline
//! computed by the Python layer before the call (`None`: wait forever; `-1`: non-blocking;
//! otherwise virtual ns since the run started), so that a retried call keeps the deadline of
//! its first attempt. They block with `Wait::Kernel` on the socket (or `Wait::KernelAny` for
//! `select`), with a timeout at the arrival of whatever is in flight.

use crate::interp::{Interp, MachineEvent, Record};
use crate::kernel::KernelKey;
use crate::kernel::net::{self, Addr, NetErr};
use crate::native::{Args, Flow, NativeFn, PyResult, Suspend, Wait};
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

/// CPU time of one socket call in the calling thread (the system call and CPython's wrapper
/// around it), charged on top of the bytes copied.
const NS_PER_CALL: u64 = 2_000;

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("now", now),
        ("socket", socket),
        ("close", close),
        ("dup", dup),
        ("bind", bind),
        ("listen", listen),
        ("accept", accept),
        ("connect", connect),
        ("send", send),
        ("recv", recv),
        ("shutdown", shutdown),
        ("set_reuse", set_reuse),
        ("get_reuse", get_reuse),
        ("so_error", so_error),
        ("sockname", sockname),
        ("peername", peername),
        ("select", select),
        ("oserror", oserror),
    ];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

fn int(interp: &mut Interp, a: &Args, i: usize) -> PyResult<i64> {
    super::int_arg(interp, "_interleave_net", a, i)
}

fn text(interp: &mut Interp, a: &Args, i: usize) -> PyResult<String> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
        _ => Err(interp.internal("_interleave_net: expected a str")),
    }
}

/// How long a blocking call may wait.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Deadline {
    Forever,
    NonBlocking,
    At(u64),
}

fn deadline(interp: &mut Interp, a: &Args, i: usize) -> PyResult<Deadline> {
    Ok(match a.pos.get(i) {
        None | Some(Value::None) => Deadline::Forever,
        Some(v) => {
            let n = crate::builtins::args::int(interp, v)?;
            if n < 0 { Deadline::NonBlocking } else { Deadline::At(n as u64) }
        }
    })
}

/// An `OSError` subclass instance as CPython raises it: `[Errno N] text`.
pub fn errno_exc(interp: &mut Interp, cls: ObjRef, errno: i64, text: &str) -> ObjRef {
    let e = interp.new_exception(cls, vec![Value::Int(errno), Value::str(text)]);
    interp.set_exc_attr(e, "errno", Value::Int(errno));
    interp.set_exc_attr(e, "strerror", Value::str(text));
    if let Obj::Instance(i) = interp.heap.get_mut(e)
        && let Payload::Exception(d) = &mut i.payload
    {
        d.str_override = Some(std::rc::Rc::from(format!("[Errno {errno}] {text}").as_str()));
    }
    e
}

/// The exception CPython raises for `errno` (the `OSError` subclass it maps to).
fn errno_error(interp: &mut Interp, errno: i32) -> Flow {
    let cls = crate::builtins::object::errno_class(interp, errno as i64).unwrap_or(interp.t.os_error);
    Flow::Exc(errno_exc(interp, cls, errno as i64, net::strerror(errno)))
}

/// What a call that cannot complete now does: fail at once (non-blocking), time out, or block
/// until the socket changes or something in flight arrives.
fn wait(interp: &mut Interp, keys: Vec<KernelKey>, until: Option<u64>, dl: Deadline, errno: i32) -> Flow {
    notify(interp, []);
    let now = interp.now_ns();
    let limit = match dl {
        Deadline::NonBlocking => return errno_error(interp, errno),
        Deadline::At(d) if d <= now => {
            let e = interp.new_exception(interp.t.timeout_error, vec![Value::str("timed out")]);
            interp.set_exc_attr(e, "errno", Value::None);
            interp.set_exc_attr(e, "strerror", Value::None);
            return Flow::Exc(e);
        }
        Deadline::At(d) => Some(until.map_or(d, |u| u.min(d))),
        Deadline::Forever => until,
    };
    if !interp.slice.active || interp.nested_depth > 0 {
        let msg = "a blocking socket call needs the simulated machine (interleave run)";
        return interp.err(interp.t.runtime_error, msg);
    }
    let timeout_ns = limit.map(|l| l.saturating_sub(now).max(1));
    let wait = if keys.len() == 1 {
        Wait::Kernel { key: keys[0], timeout_ns }
    } else {
        Wait::KernelAny { keys, timeout_ns }
    };
    Flow::Suspend(Suspend::Block(wait))
}

/// Reports sockets that changed (and any the kernel changed as a side effect) to the machine,
/// which wakes their waiters.
fn notify(interp: &mut Interp, ids: impl IntoIterator<Item = usize>) {
    let side = interp.kernel.borrow_mut().net.take_changed();
    for id in ids.into_iter().chain(side) {
        interp.events.push(MachineEvent::Kernel(KernelKey::Socket(id)));
    }
}

fn addr_text(a: Option<Addr>) -> String {
    match a {
        Some((ip, port)) => format!("{}.{}.{}.{}:{port}", ip[0], ip[1], ip[2], ip[3]),
        None => "-".into(),
    }
}

/// Shows a network operation in the trace.
fn record(interp: &mut Interp, id: usize, what: &'static str, bytes: usize) {
    if !interp.slice.active {
        return;
    }
    let (local, remote) = {
        let k = interp.kernel.borrow();
        let s = &k.net.sockets[id];
        (addr_text(s.local), addr_text(s.remote))
    };
    let (t, thread) = (interp.now_ns(), interp.cur);
    interp.records.push(Record::Net { t, thread, socket: id, what, local, remote, bytes });
}

fn charge(interp: &mut Interp, bytes: usize) {
    interp.charge((NS_PER_CALL + bytes as u64 * net::NS_PER_BYTE) / crate::interp::cost::NS_PER_CHARGED_STEP);
}

/// The socket behind descriptor argument `i`.
fn sock(interp: &mut Interp, a: &Args, i: usize) -> PyResult<usize> {
    let fd = int(interp, a, i)?;
    let r = interp.kernel.borrow().net.sock(interp.pid, fd);
    r.map_err(|_| errno_error(interp, net::EBADF))
}

fn ip_of(interp: &mut Interp, s: &str) -> PyResult<[u8; 4]> {
    let parts: Vec<&str> = s.split('.').collect();
    let mut ip = [0u8; 4];
    if parts.len() == 4 {
        let mut ok = true;
        for (o, p) in ip.iter_mut().zip(&parts) {
            match p.parse::<u8>() {
                Ok(v) => *o = v,
                Err(_) => ok = false,
            }
        }
        if ok {
            return Ok(ip);
        }
    }
    Err(interp.internal(format!("_interleave_net: bad address {s:?}")))
}

fn addr_value(interp: &mut Interp, a: Addr) -> Value {
    let ip = format!("{}.{}.{}.{}", a.0[0], a.0[1], a.0[2], a.0[3]);
    interp.new_tuple(vec![Value::str(ip.as_str()), Value::Int(a.1 as i64)])
}

/// `now()`: the virtual clock in ns (for deadlines).
fn now(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(interp.now_ns() as i64))
}

/// `socket()`: a new TCP socket; returns its descriptor.
fn socket(interp: &mut Interp, _a: Args) -> PyResult<Value> {
    let pid = interp.pid;
    charge(interp, 0);
    Ok(Value::Int(interp.kernel.borrow_mut().net.socket(pid)))
}

/// `close(fd)`.
fn close(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let fd = int(interp, &a, 0)?;
    let (pid, now) = (interp.pid, interp.now_ns());
    let closes = interp.kernel.borrow().net.sockets[id].holders.values().sum::<usize>() == 1;
    if closes {
        record(interp, id, "close", 0);
    }
    let r = interp.kernel.borrow_mut().net.close(pid, fd, now);
    match r {
        Ok(ids) => {
            notify(interp, ids);
            Ok(Value::None)
        }
        Err(_) => Err(errno_error(interp, net::EBADF)),
    }
}

/// `dup(fd)`: a new descriptor for the same socket (closing one leaves the other open).
fn dup(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let fd = int(interp, &a, 0)?;
    let pid = interp.pid;
    let r = interp.kernel.borrow_mut().net.dup(pid, fd);
    Ok(Value::Int(net_result(interp, r)?))
}

fn net_result<T>(interp: &mut Interp, r: Result<T, NetErr>) -> PyResult<T> {
    match r {
        Ok(v) => Ok(v),
        Err(NetErr::Errno(e)) => Err(errno_error(interp, e)),
        Err(NetErr::Block { .. }) => Err(interp.internal("_interleave_net: unexpected block")),
    }
}

/// `bind(fd, ip, port)`.
fn bind(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let ip = text(interp, &a, 1)?;
    let ip = ip_of(interp, &ip)?;
    let port = int(interp, &a, 2)?;
    if ip != net::ANY && ip[0] != 127 {
        return Err(errno_error(interp, net::EADDRNOTAVAIL));
    }
    let now = interp.now_ns();
    let r = interp.kernel.borrow_mut().net.bind(id, (ip, port as u16), now);
    charge(interp, 0);
    net_result(interp, r)?;
    Ok(Value::None)
}

/// `listen(fd, backlog)`.
fn listen(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let backlog = int(interp, &a, 1)?;
    let now = interp.now_ns();
    let r = interp.kernel.borrow_mut().net.listen(id, backlog, now);
    charge(interp, 0);
    net_result(interp, r)?;
    Ok(Value::None)
}

/// `accept(fd, deadline)` → `(new fd, ip, port)`.
fn accept(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let dl = deadline(interp, &a, 1)?;
    let _ = interp.take_wake();
    let (pid, now) = (interp.pid, interp.now_ns());
    let r = interp.kernel.borrow_mut().net.accept(pid, id, now);
    match r {
        Ok((fd, remote)) => {
            charge(interp, 0);
            let new = interp.kernel.borrow().net.sock(pid, fd).unwrap_or(id);
            record(interp, new, "accept", 0);
            let ip = format!("{}.{}.{}.{}", remote.0[0], remote.0[1], remote.0[2], remote.0[3]);
            Ok(interp.new_tuple(vec![Value::Int(fd), Value::str(ip.as_str()), Value::Int(remote.1 as i64)]))
        }
        Err(NetErr::Errno(e)) => Err(errno_error(interp, e)),
        Err(NetErr::Block { until }) => Err(wait(interp, vec![KernelKey::Socket(id)], until, dl, net::EAGAIN)),
    }
}

/// `connect(fd, ip, port, deadline)`.
fn connect(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let ip = text(interp, &a, 1)?;
    let ip = ip_of(interp, &ip)?;
    let port = int(interp, &a, 2)?;
    let dl = deadline(interp, &a, 3)?;
    let _ = interp.take_wake();
    let now = interp.now_ns();
    let starting = matches!(interp.kernel.borrow().net.sockets[id].state, net::State::Fresh);
    let (listener, r) = interp.kernel.borrow_mut().net.connect(id, (ip, port as u16), now);
    if starting {
        charge(interp, 0);
    }
    if let Some(l) = listener {
        notify(interp, [l]);
    }
    match r {
        Ok(()) => {
            record(interp, id, "connect", 0);
            notify(interp, [id]);
            Ok(Value::None)
        }
        Err(NetErr::Errno(e)) => Err(errno_error(interp, e)),
        Err(NetErr::Block { until }) => {
            let errno = if starting { net::EINPROGRESS } else { net::EALREADY };
            Err(wait(interp, vec![KernelKey::Socket(id)], until, dl, errno))
        }
    }
}

/// `send(fd, data, deadline)` → bytes sent.
fn send(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let data: std::rc::Rc<[u8]> = match a.pos.get(1) {
        Some(v) if interp.bytes_of(v).is_some() => interp.bytes_of(v).unwrap_or_default().into(),
        Some(v) => {
            let name = interp.type_name(v);
            let msg = format!("a bytes-like object is required, not '{name}'");
            return Err(interp.err(interp.t.type_error, msg));
        }
        None => return Err(interp.internal("_interleave_net.send")),
    };
    let dl = deadline(interp, &a, 2)?;
    let _ = interp.take_wake();
    let now = interp.now_ns();
    let r = interp.kernel.borrow_mut().net.send(id, &data, now);
    match r {
        Ok((n, peer)) => {
            charge(interp, n);
            record(interp, id, "send", n);
            notify(interp, [peer]);
            Ok(Value::Int(n as i64))
        }
        Err(NetErr::Errno(e)) => Err(errno_error(interp, e)),
        Err(NetErr::Block { until }) => Err(wait(interp, vec![KernelKey::Socket(id)], until, dl, net::EAGAIN)),
    }
}

/// `recv(fd, max, deadline)` → bytes (empty at end of file).
fn recv(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let max = int(interp, &a, 1)?;
    if max < 0 {
        return Err(interp.err(interp.t.value_error, "negative buffersize in recv"));
    }
    let dl = deadline(interp, &a, 2)?;
    let _ = interp.take_wake();
    let now = interp.now_ns();
    let r = interp.kernel.borrow_mut().net.recv(id, max as usize, now);
    match r {
        Ok((data, peer)) => {
            charge(interp, data.len());
            record(interp, id, "recv", data.len());
            notify(interp, peer);
            Ok(Value::Bytes(data.into()))
        }
        Err(NetErr::Errno(e)) => Err(errno_error(interp, e)),
        Err(NetErr::Block { until }) => Err(wait(interp, vec![KernelKey::Socket(id)], until, dl, net::EAGAIN)),
    }
}

/// `shutdown(fd, how)`.
fn shutdown(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let how = int(interp, &a, 1)?;
    if !(0..=2).contains(&how) {
        return Err(errno_error(interp, net::EINVAL));
    }
    let now = interp.now_ns();
    let r = interp.kernel.borrow_mut().net.shutdown(id, how, now);
    let ids = net_result(interp, r)?;
    charge(interp, 0);
    notify(interp, ids);
    Ok(Value::None)
}

/// `set_reuse(fd, flag)`: `SO_REUSEADDR`.
fn set_reuse(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let on = int(interp, &a, 1)? != 0;
    interp.kernel.borrow_mut().net.sockets[id].reuse_addr = on;
    Ok(Value::None)
}

fn get_reuse(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let on = interp.kernel.borrow().net.sockets[id].reuse_addr;
    Ok(Value::Int(on as i64))
}

/// `so_error(fd)`: `SO_ERROR`, the pending error of a finished non-blocking connect (cleared
/// by reading it).
fn so_error(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let now = interp.now_ns();
    let mut k = interp.kernel.borrow_mut();
    let s = &mut k.net.sockets[id];
    let errno = match s.state {
        net::State::Connecting { done, peer: None } if done <= now => {
            s.state = net::State::Fresh;
            net::ECONNREFUSED
        }
        net::State::Failed { errno } => {
            s.state = net::State::Fresh;
            errno
        }
        _ => 0,
    };
    Ok(Value::Int(errno as i64))
}

/// `sockname(fd)` → `(ip, port)` (`('0.0.0.0', 0)` when unbound).
fn sockname(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let local = interp.kernel.borrow().net.sockets[id].local.unwrap_or((net::ANY, 0));
    Ok(addr_value(interp, local))
}

/// `peername(fd)` → `(ip, port)`, `OSError` ENOTCONN when not connected.
fn peername(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let id = sock(interp, &a, 0)?;
    let now = interp.now_ns();
    let remote = {
        let k = interp.kernel.borrow();
        let s = &k.net.sockets[id];
        match s.state {
            net::State::Connected { .. } => s.remote,
            net::State::Connecting { done, peer: Some(_) } if done <= now => s.remote,
            _ => None,
        }
    };
    match remote {
        Some(r) => Ok(addr_value(interp, r)),
        None => Err(errno_error(interp, net::ENOTCONN)),
    }
}

fn fd_list(interp: &mut Interp, v: Option<&Value>) -> PyResult<Vec<i64>> {
    let items = match v {
        Some(v) => interp.collect_iterable(v)?,
        None => Vec::new(),
    };
    items.iter().map(|x| crate::builtins::args::int(interp, x)).collect()
}

/// `select(rfds, wfds, xfds, deadline)` → `(readable, writable, exceptional)` as lists of
/// positions in the given lists. Descriptors 0–2 are the standard streams: stdin is always
/// readable (its whole input is known), stdout and stderr always writable.
fn select(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let rfds = fd_list(interp, a.pos.first())?;
    let wfds = fd_list(interp, a.pos.get(1))?;
    let xfds = fd_list(interp, a.pos.get(2))?;
    let dl = deadline(interp, &a, 3)?;
    let _ = interp.take_wake();
    let (pid, now) = (interp.pid, interp.now_ns());
    let mut keys = Vec::new();
    let mut until: Option<u64> = None;
    let (mut r_out, mut w_out) = (Vec::new(), Vec::new());
    let mut bad = false;
    {
        let mut k = interp.kernel.borrow_mut();
        for (list, out, read) in [(&rfds, &mut r_out, true), (&wfds, &mut w_out, false)] {
            for (i, &fd) in list.iter().enumerate() {
                let ready = match fd {
                    0 => read,
                    1 | 2 => !read,
                    _ => match k.net.sock(pid, fd) {
                        Ok(id) => {
                            keys.push(KernelKey::Socket(id));
                            let r = k.net.ready(id, now);
                            if let Some(t) = k.net.sockets[id].next_arrival(now) {
                                until = Some(until.map_or(t, |u| u.min(t)));
                            }
                            if read { r.read } else { r.write }
                        }
                        Err(_) => {
                            bad = true;
                            false
                        }
                    },
                };
                if ready {
                    out.push(Value::Int(i as i64));
                }
            }
        }
        for &fd in &xfds {
            if fd > 2 && k.net.sock(pid, fd).is_err() {
                bad = true;
            }
        }
    }
    notify(interp, []);
    if bad {
        return Err(errno_error(interp, net::EBADF));
    }
    charge(interp, 0);
    if r_out.is_empty() && w_out.is_empty() {
        let expired = match dl {
            Deadline::NonBlocking => true,
            Deadline::At(d) => d <= now,
            Deadline::Forever => false,
        };
        if !expired {
            keys.sort();
            keys.dedup();
            // With no sockets this waits for the clock alone (`select([], [], [], t)` sleeps).
            return Err(wait(interp, keys, until, dl, net::EAGAIN));
        }
    }
    let r = interp.new_list(r_out);
    let w = interp.new_list(w_out);
    let x = interp.new_list(Vec::new());
    Ok(interp.new_tuple(vec![r, w, x]))
}

/// `oserror(cls, errno, text)`: an instance of `cls` (an `OSError` subclass) that prints as
/// CPython's `[Errno N] text`.
fn oserror(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = a.pos.first().cloned() else {
        return Err(interp.internal("_interleave_net.oserror"));
    };
    let errno = int(interp, &a, 1)?;
    let t = text(interp, &a, 2)?;
    Ok(Value::Obj(errno_exc(interp, cls, errno, &t)))
}
