//! The simulated loopback network: TCP-like stream sockets between the processes of a run, on
//! virtual time. Nothing here touches a real network (no platform socket is ever created): a socket is a record in
//! the kernel, and a byte sent is a byte copied into the peer's receive queue, stamped with the
//! virtual time at which it arrives.
//!
//! The model, in CPython's and Linux's terms:
//! - Every message (one `send` call, a connection request, a FIN or a reset) takes
//!   [`LOOPBACK_LATENCY_NS`] plus [`NS_PER_BYTE`] per byte to reach the other end, and arrives
//!   after everything sent before it on the same connection.
//! - `connect` completes after one round trip: the request reaches the listener after one
//!   latency (the connection is then in its accept queue, handshake done) and the answer comes
//!   back after another. A refused connection is reported after the same round trip.
//! - A socket is held through file descriptors, per process: a fork duplicates them, and the
//!   connection closes (FIN to the peer) only when every holder closed it or exited.
//! - Closing with unread data in the receive queue resets the connection (as Linux does); a
//!   send to a peer that is gone is answered by a reset, after which sends fail with `EPIPE`.
//! - `bind` follows Linux's `inet_csk_bind_conflict`: two sockets on one port (with overlapping
//!   addresses) conflict unless both set `SO_REUSEADDR` and the existing one is not listening.
//!   The side that closes a connection first keeps its port in TIME_WAIT for
//!   [`TIME_WAIT_NS`], which blocks a `bind` without `SO_REUSEADDR`.
//!
//! - A listener queues `backlog + 1` connections (Linux's `sk_acceptq_is_full`); a request
//!   beyond that is dropped and sent again after 1, 2, 4… s ([`SYN_RETRY_NS`]).
//!
//! Simplified: a dropped request is sent again only when its socket is used (a socket call or
//! `select`), not by a kernel timer; no SYN-ACK retransmission; no flow control beyond a fixed
//! receive buffer ([`SOCKET_BUFFER`]); no urgent data, no Nagle, no UDP.

use std::collections::{BTreeMap, VecDeque};

/// One-way virtual latency of the loopback network per message: 50 µs, about what a message
/// costs on a real loopback interface with a context switch on each side.
pub const LOOPBACK_LATENCY_NS: u64 = 50_000;
/// Added to a message's latency per byte (1 GB/s).
pub const NS_PER_BYTE: u64 = 1;
/// The bytes a connection buffers in one direction before `send` blocks (Linux's default
/// receive buffer, `net.core.rmem_default`).
pub const SOCKET_BUFFER: usize = 212_992;
/// How long a port stays in TIME_WAIT after its side closed a connection first (Linux's
/// `TCP_TIMEWAIT_LEN`, 60 s).
pub const TIME_WAIT_NS: u64 = 60_000_000_000;
/// How many times a dropped connection request is sent again before `connect` fails with
/// `ETIMEDOUT` (Linux's `tcp_syn_retries`), the first after [`SYN_RETRY_NS`].
pub const SYN_RETRIES: u32 = 6;
pub const SYN_RETRY_NS: u64 = 1_000_000_000;
/// The most connections a listener queues (`net.core.somaxconn`).
pub const SOMAXCONN: i64 = 4096;
/// The first ephemeral port (Linux's `ip_local_port_range` starts at 32768).
pub const EPHEMERAL_FIRST: u16 = 32768;
pub const EPHEMERAL_LAST: u16 = 60999;

pub const EBADF: i32 = 9;
pub const EAGAIN: i32 = 11;
pub const EINVAL: i32 = 22;
pub const EPIPE: i32 = 32;
pub const EADDRINUSE: i32 = 98;
pub const EADDRNOTAVAIL: i32 = 99;
pub const ENETUNREACH: i32 = 101;
pub const ECONNRESET: i32 = 104;
pub const EISCONN: i32 = 106;
pub const ENOTCONN: i32 = 107;
pub const ETIMEDOUT: i32 = 110;
pub const ECONNREFUSED: i32 = 111;
pub const EALREADY: i32 = 114;
pub const EINPROGRESS: i32 = 115;

/// Linux's text for an errno, as `os.strerror` gives it.
pub fn strerror(errno: i32) -> &'static str {
    match errno {
        EBADF => "Bad file descriptor",
        EAGAIN => "Resource temporarily unavailable",
        EINVAL => "Invalid argument",
        EPIPE => "Broken pipe",
        EADDRINUSE => "Address already in use",
        EADDRNOTAVAIL => "Cannot assign requested address",
        ENETUNREACH => "Network is unreachable",
        ECONNRESET => "Connection reset by peer",
        EISCONN => "Transport endpoint is already connected",
        ENOTCONN => "Transport endpoint is not connected",
        ETIMEDOUT => "Connection timed out",
        ECONNREFUSED => "Connection refused",
        EALREADY => "Operation already in progress",
        EINPROGRESS => "Operation now in progress",
        _ => "Unknown error",
    }
}

/// An IPv4 address and port.
pub type Addr = ([u8; 4], u16);

pub const ANY: [u8; 4] = [0, 0, 0, 0];
pub const LOOPBACK: [u8; 4] = [127, 0, 0, 1];

/// Why a socket operation cannot complete now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetErr {
    /// Fails with this errno.
    Errno(i32),
    /// Would block: something may change when the socket is notified, or at `until` (virtual
    /// ns) when data or a connection in flight arrives.
    Block { until: Option<u64> },
}

/// A chunk of bytes in flight or arrived.
#[derive(Clone, Debug)]
pub struct Chunk {
    pub data: Vec<u8>,
    pub arrives: u64,
}

/// Where a socket is in its life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    Fresh,
    /// `listen()`: connections whose request arrived (or will, at the time given), in order.
    Listening { backlog: i64, queue: VecDeque<(usize, u64)> },
    /// `connect()` in progress: done at `done`, then connected to `peer`, or refused.
    Connecting { done: u64, peer: Option<usize> },
    /// `connect()` whose request the listener dropped (its accept queue was full): it is sent
    /// again at `retry` (attempt `attempt`, after 1, 2, 4… s, as Linux's SYN retransmission).
    SynSent { retry: u64, attempt: u32 },
    Connected { peer: usize },
    /// A connect failed; the error is reported once (`SO_ERROR`, or the connect retried).
    Failed { errno: i32 },
}

/// A socket (the kernel's `struct sock`).
#[derive(Clone, Debug)]
pub struct Socket {
    /// Processes holding it, with how many of their fds refer to it.
    pub holders: BTreeMap<u32, usize>,
    pub reuse_addr: bool,
    pub local: Option<Addr>,
    pub remote: Option<Addr>,
    pub state: State,
    /// Incoming bytes, with their arrival times (non-decreasing).
    pub rx: VecDeque<Chunk>,
    /// When the peer's FIN arrives (after all its data): reads then return end of file.
    pub fin_at: Option<u64>,
    /// When a reset from the peer arrives.
    pub rst_at: Option<u64>,
    /// `ECONNRESET` was reported once by a send (later sends get `EPIPE`).
    pub rst_reported: bool,
    pub shut_rd: bool,
    pub shut_wr: bool,
    /// Every holder closed it.
    pub closed: bool,
    /// The last arrival time of anything this socket sent (keeps its messages in order).
    pub last_sent: u64,
}

impl Socket {
    fn new(pid: u32) -> Socket {
        Socket {
            holders: BTreeMap::from([(pid, 1)]),
            reuse_addr: false,
            local: None,
            remote: None,
            state: State::Fresh,
            rx: VecDeque::new(),
            fin_at: None,
            rst_at: None,
            rst_reported: false,
            shut_rd: false,
            shut_wr: false,
            closed: false,
            last_sent: 0,
        }
    }

    /// Bytes that have arrived by `now`.
    pub fn arrived(&self, now: u64) -> usize {
        self.rx.iter().take_while(|c| c.arrives <= now).map(|c| c.data.len()).sum()
    }

    fn buffered(&self) -> usize {
        self.rx.iter().map(|c| c.data.len()).sum()
    }

    /// The earliest future time at which this socket's readiness can change by itself
    /// (something in flight arrives).
    pub fn next_arrival(&self, now: u64) -> Option<u64> {
        let mut times: Vec<u64> = Vec::new();
        if let Some(c) = self.rx.iter().find(|c| c.arrives > now) {
            times.push(c.arrives);
        }
        times.extend(self.fin_at.filter(|&t| t > now));
        times.extend(self.rst_at.filter(|&t| t > now));
        match &self.state {
            State::Listening { queue, .. } => {
                times.extend(queue.iter().map(|&(_, t)| t).filter(|&t| t > now).min());
            }
            State::Connecting { done, .. } if *done > now => times.push(*done),
            State::SynSent { retry, .. } if *retry > now => times.push(*retry),
            _ => {}
        }
        times.into_iter().min()
    }
}

/// The network part of the kernel: sockets and each process's descriptors for them.
#[derive(Clone, Debug, Default)]
pub struct Net {
    pub sockets: Vec<Socket>,
    /// (pid, fd) → socket.
    pub fds: BTreeMap<(u32, i64), usize>,
    /// Ports in TIME_WAIT: (address, reuse flag, until).
    pub time_wait: Vec<(Addr, bool, u64)>,
    /// The next ephemeral port to try.
    next_port: u16,
    /// Sockets changed as a side effect (a connection request sent again reached a listener),
    /// whose waiters the caller must notify (`take_changed`).
    changed: Vec<usize>,
}

/// What a readiness check found (`select`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Ready {
    pub read: bool,
    pub write: bool,
}

fn overlap(a: [u8; 4], b: [u8; 4]) -> bool {
    a == b || a == ANY || b == ANY
}

impl Net {
    /// The socket behind fd `fd` of process `pid`.
    pub fn sock(&self, pid: u32, fd: i64) -> Result<usize, NetErr> {
        self.fds.get(&(pid, fd)).copied().ok_or(NetErr::Errno(EBADF))
    }

    /// A new socket for process `pid`, on its lowest free descriptor (from 3: 0–2 are the
    /// standard streams).
    pub fn socket(&mut self, pid: u32) -> i64 {
        let id = self.sockets.len();
        self.sockets.push(Socket::new(pid));
        self.new_fd(pid, id)
    }

    fn new_fd(&mut self, pid: u32, id: usize) -> i64 {
        let mut fd = 3;
        while self.fds.contains_key(&(pid, fd)) {
            fd += 1;
        }
        self.fds.insert((pid, fd), id);
        fd
    }

    /// `dup(fd)`: another descriptor of process `pid` for the same socket.
    pub fn dup(&mut self, pid: u32, fd: i64) -> Result<i64, NetErr> {
        let id = self.sock(pid, fd)?;
        *self.sockets[id].holders.entry(pid).or_insert(0) += 1;
        Ok(self.new_fd(pid, id))
    }

    /// A fork: the child holds every socket its parent holds, on the same descriptors.
    pub fn fork(&mut self, parent: u32, child: u32) {
        let inherited: Vec<(i64, usize)> =
            self.fds.range((parent, i64::MIN)..=(parent, i64::MAX)).map(|(&(_, fd), &s)| (fd, s)).collect();
        for (fd, s) in inherited {
            self.fds.insert((child, fd), s);
            *self.sockets[s].holders.entry(child).or_insert(0) += 1;
        }
    }

    /// Process `pid` exited: its descriptors close. Returns the sockets that changed.
    pub fn close_all_of(&mut self, pid: u32, now: u64) -> Vec<usize> {
        let fds: Vec<i64> = self.fds.range((pid, i64::MIN)..=(pid, i64::MAX)).map(|(&(_, fd), _)| fd).collect();
        let mut changed = Vec::new();
        for fd in fds {
            if let Ok(ids) = self.close(pid, fd, now) {
                changed.extend(ids);
            }
        }
        changed.sort_unstable();
        changed.dedup();
        changed
    }

    /// `close(fd)`. Returns the sockets whose waiters must look again.
    pub fn close(&mut self, pid: u32, fd: i64, now: u64) -> Result<Vec<usize>, NetErr> {
        let id = self.fds.remove(&(pid, fd)).ok_or(NetErr::Errno(EBADF))?;
        let s = &mut self.sockets[id];
        if let Some(n) = s.holders.get_mut(&pid) {
            *n -= 1;
            if *n == 0 {
                s.holders.remove(&pid);
            }
        }
        if !s.holders.is_empty() {
            return Ok(vec![id]);
        }
        s.closed = true;
        let mut changed = vec![id];
        match s.state.clone() {
            State::Listening { queue, .. } => {
                // Connections never accepted are reset.
                for (c, _) in queue {
                    if let State::Connected { peer } = self.sockets[c].state {
                        self.sockets[c].closed = true;
                        let at = now.max(self.sockets[peer].last_sent) + LOOPBACK_LATENCY_NS;
                        self.sockets[peer].rst_at = Some(at);
                        changed.push(peer);
                    }
                }
            }
            State::Connected { peer } | State::Connecting { peer: Some(peer), .. } => {
                let unread = self.sockets[id].buffered() > 0;
                let at = now.max(self.sockets[id].last_sent) + LOOPBACK_LATENCY_NS;
                let first = self.sockets[id].fin_at.is_none_or(|t| t > now);
                if unread {
                    self.sockets[peer].rst_at = Some(at);
                } else if !self.sockets[id].shut_wr {
                    self.sockets[peer].fin_at = Some(at);
                }
                self.sockets[id].shut_wr = true;
                if first && let Some(local) = self.sockets[id].local {
                    // This side closed first: its port waits in TIME_WAIT.
                    let reuse = self.sockets[id].reuse_addr;
                    self.time_wait.push((local, reuse, now + TIME_WAIT_NS));
                }
                changed.push(peer);
            }
            _ => {}
        }
        Ok(changed)
    }

    /// Whether `addr` can be bound by a socket with `reuse`.
    fn bind_conflict(&self, me: usize, addr: Addr, reuse: bool, now: u64) -> bool {
        let busy = self.sockets.iter().enumerate().any(|(i, s)| {
            i != me
                && !s.closed
                && s.local.is_some_and(|(ip, port)| port == addr.1 && overlap(ip, addr.0))
                && !(reuse && s.reuse_addr && !matches!(s.state, State::Listening { .. }))
        });
        busy || self.time_wait.iter().any(|&((ip, port), r, until)| {
            until > now && port == addr.1 && overlap(ip, addr.0) && !(reuse && r)
        })
    }

    fn port_in_use(&self, port: u16, now: u64) -> bool {
        self.sockets.iter().any(|s| !s.closed && s.local.is_some_and(|(_, p)| p == port))
            || self.time_wait.iter().any(|&((_, p), _, until)| p == port && until > now)
    }

    /// The next free ephemeral port, counting up from 32768 (deterministic).
    fn ephemeral(&mut self, now: u64) -> Result<u16, NetErr> {
        let span = (EPHEMERAL_LAST - EPHEMERAL_FIRST + 1) as usize;
        for _ in 0..span {
            if self.next_port < EPHEMERAL_FIRST || self.next_port > EPHEMERAL_LAST {
                self.next_port = EPHEMERAL_FIRST;
            }
            let p = self.next_port;
            self.next_port += 1;
            if !self.port_in_use(p, now) {
                return Ok(p);
            }
        }
        Err(NetErr::Errno(EADDRINUSE))
    }

    /// `bind((ip, port))`; port 0 picks an ephemeral port.
    pub fn bind(&mut self, id: usize, addr: Addr, now: u64) -> Result<(), NetErr> {
        if self.sockets[id].local.is_some() {
            return Err(NetErr::Errno(EINVAL));
        }
        let reuse = self.sockets[id].reuse_addr;
        let port = if addr.1 == 0 { self.ephemeral(now)? } else { addr.1 };
        if self.bind_conflict(id, (addr.0, port), reuse, now) {
            return Err(NetErr::Errno(EADDRINUSE));
        }
        self.sockets[id].local = Some((addr.0, port));
        Ok(())
    }

    /// `listen(backlog)`; an unbound socket gets an ephemeral port.
    pub fn listen(&mut self, id: usize, backlog: i64, now: u64) -> Result<(), NetErr> {
        match &mut self.sockets[id].state {
            State::Listening { backlog: b, .. } => {
                *b = backlog;
                return Ok(());
            }
            State::Fresh => {}
            _ => return Err(NetErr::Errno(EINVAL)),
        }
        if self.sockets[id].local.is_none() {
            self.bind(id, (ANY, 0), now)?;
        }
        let local = self.sockets[id].local.expect("bound");
        // Two listeners on one port conflict even with SO_REUSEADDR.
        let clash = self.sockets.iter().enumerate().any(|(i, s)| {
            i != id
                && !s.closed
                && matches!(s.state, State::Listening { .. })
                && s.local.is_some_and(|(ip, p)| p == local.1 && overlap(ip, local.0))
        });
        if clash {
            return Err(NetErr::Errno(EADDRINUSE));
        }
        self.sockets[id].state = State::Listening { backlog, queue: VecDeque::new() };
        Ok(())
    }

    /// `connect((ip, port))`: starts the handshake (the first call) or reports how it went.
    /// Returns the sockets to notify.
    /// `Ok` once connected; `Block` while the handshake is under way (the first call starts it,
    /// and notifies the listener, whose id it returns).
    pub fn connect(&mut self, id: usize, to: Addr, now: u64) -> (Option<usize>, Result<(), NetErr>) {
        match self.sockets[id].state.clone() {
            State::Connected { .. } => return (None, Err(NetErr::Errno(EISCONN))),
            State::Listening { .. } => return (None, Err(NetErr::Errno(EINVAL))),
            State::Failed { errno } => {
                self.sockets[id].state = State::Fresh;
                return (None, Err(NetErr::Errno(errno)));
            }
            State::SynSent { .. } => {
                self.progress(id, now);
                let until = self.sockets[id].next_arrival(now);
                return match self.sockets[id].state {
                    State::SynSent { .. } | State::Connecting { .. } => (None, Err(NetErr::Block { until })),
                    _ => self.connect(id, to, now),
                };
            }
            State::Connecting { done, peer } => {
                if done > now {
                    return (None, Err(NetErr::Block { until: Some(done) }));
                }
                return match peer {
                    Some(peer) => {
                        self.sockets[id].state = State::Connected { peer };
                        (None, Ok(()))
                    }
                    None => {
                        self.sockets[id].state = State::Fresh;
                        (None, Err(NetErr::Errno(ECONNREFUSED)))
                    }
                };
            }
            State::Fresh => {}
        }
        let to_ip = if to.0 == ANY { LOOPBACK } else { to.0 };
        if to_ip[0] != 127 {
            // Only the loopback network exists: ENETUNREACH.
            return (None, Err(NetErr::Errno(ENETUNREACH)));
        }
        if self.sockets[id].local.is_none() {
            let port = match self.ephemeral(now) {
                Ok(p) => p,
                Err(e) => return (None, Err(e)),
            };
            self.sockets[id].local = Some((LOOPBACK, port));
        }
        let local = self.sockets[id].local.expect("bound");
        let local = (if local.0 == ANY { LOOPBACK } else { local.0 }, local.1);
        self.sockets[id].local = Some(local);
        self.sockets[id].remote = Some((to_ip, to.1));
        let listener = self.syn(id, now, 0);
        let until = self.sockets[id].next_arrival(now);
        (listener, Err(NetErr::Block { until }))
    }

    /// Sends socket `id`'s connection request (attempt `attempt`) to its remote address: the
    /// listener queues the server's end of the connection, or drops the request when its
    /// queue is full (more than `backlog` waiting, as Linux's `sk_acceptq_is_full`). Returns
    /// the listener, whose waiters must be told.
    fn syn(&mut self, id: usize, now: u64, attempt: u32) -> Option<usize> {
        let to = self.sockets[id].remote.expect("connecting");
        let local = self.sockets[id].local.expect("bound");
        let listener = self.sockets.iter().position(|s| {
            !s.closed
                && matches!(s.state, State::Listening { .. })
                && s.local.is_some_and(|(ip, p)| p == to.1 && (ip == ANY || ip == to.0))
        });
        let request_arrives = now + LOOPBACK_LATENCY_NS;
        let done = now + 2 * LOOPBACK_LATENCY_NS;
        let Some(l) = listener else {
            self.sockets[id].state = State::Connecting { done, peer: None };
            return None;
        };
        if let State::Listening { backlog, queue } = &self.sockets[l].state
            && queue.len() as i64 > (*backlog).clamp(0, SOMAXCONN)
        {
            self.sockets[id].state = if attempt >= SYN_RETRIES {
                State::Failed { errno: ETIMEDOUT }
            } else {
                State::SynSent { retry: now + (SYN_RETRY_NS << attempt), attempt: attempt + 1 }
            };
            return None;
        }
        // The server's end of the connection, waiting in the accept queue.
        let mut server = Socket::new(0);
        server.holders.clear();
        server.local = Some(to);
        server.remote = Some(local);
        server.reuse_addr = self.sockets[l].reuse_addr;
        server.state = State::Connected { peer: id };
        let sid = self.sockets.len();
        self.sockets.push(server);
        if let State::Listening { queue, .. } = &mut self.sockets[l].state {
            queue.push_back((sid, request_arrives));
        }
        self.sockets[id].state = State::Connecting { done, peer: Some(sid) };
        Some(l)
    }

    /// Sends a dropped connection request again once its time has come.
    pub fn progress(&mut self, id: usize, now: u64) {
        if let State::SynSent { retry, attempt } = self.sockets[id].state
            && retry <= now
            && let Some(l) = self.syn(id, now, attempt)
        {
            self.changed.push(l);
        }
    }

    /// The sockets changed as a side effect since the last call.
    pub fn take_changed(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.changed)
    }

    /// `accept()`: the first connection whose request has arrived; a new fd for `pid`.
    pub fn accept(&mut self, pid: u32, id: usize, now: u64) -> Result<(i64, Addr), NetErr> {
        let State::Listening { queue, .. } = &mut self.sockets[id].state else {
            return Err(NetErr::Errno(EINVAL));
        };
        match queue.front() {
            Some(&(c, t)) if t <= now => {
                queue.pop_front();
                self.sockets[c].holders.insert(pid, 1);
                let remote = self.sockets[c].remote.expect("connected");
                let fd = self.new_fd(pid, c);
                Ok((fd, remote))
            }
            Some(&(_, t)) => Err(NetErr::Block { until: Some(t) }),
            None => Err(NetErr::Block { until: None }),
        }
    }

    /// Settles a finished `connect` that nobody retried (a non-blocking connect): sends and
    /// receives may go on.
    fn settle(&mut self, id: usize, now: u64) -> Result<usize, NetErr> {
        self.progress(id, now);
        match self.sockets[id].state {
            State::SynSent { retry, .. } => Err(NetErr::Block { until: Some(retry) }),
            State::Connected { peer } => Ok(peer),
            State::Connecting { done, .. } if done > now => Err(NetErr::Block { until: Some(done) }),
            State::Connecting { peer: Some(peer), .. } => {
                self.sockets[id].state = State::Connected { peer };
                Ok(peer)
            }
            State::Connecting { peer: None, .. } => {
                self.sockets[id].state = State::Failed { errno: ECONNREFUSED };
                Err(NetErr::Errno(ECONNREFUSED))
            }
            State::Failed { errno } => {
                self.sockets[id].state = State::Fresh;
                Err(NetErr::Errno(errno))
            }
            _ => Err(NetErr::Errno(ENOTCONN)),
        }
    }

    /// `send(data)`: queues as much as fits in the peer's buffer. Returns (bytes taken, peer).
    pub fn send(&mut self, id: usize, data: &[u8], now: u64) -> Result<(usize, usize), NetErr> {
        // Linux answers a send on a socket that never connected with EPIPE.
        let peer = self.settle(id, now).map_err(|e| match e {
            NetErr::Errno(ENOTCONN) => NetErr::Errno(EPIPE),
            e => e,
        })?;
        let me = &mut self.sockets[id];
        if me.rst_at.is_some_and(|t| t <= now) {
            if !me.rst_reported && me.fin_at.is_none_or(|t| t > now) {
                me.rst_reported = true;
                return Err(NetErr::Errno(ECONNRESET));
            }
            return Err(NetErr::Errno(EPIPE));
        }
        if me.shut_wr {
            return Err(NetErr::Errno(EPIPE));
        }
        if data.is_empty() {
            return Ok((0, peer));
        }
        let arrives = now.max(me.last_sent) + LOOPBACK_LATENCY_NS + data.len() as u64 * NS_PER_BYTE;
        if self.sockets[peer].closed {
            // The peer is gone: the data is lost and a reset comes back.
            let me = &mut self.sockets[id];
            if me.rst_at.is_none() {
                me.rst_at = Some(arrives + LOOPBACK_LATENCY_NS);
            }
            return Ok((data.len(), peer));
        }
        let room = SOCKET_BUFFER.saturating_sub(self.sockets[peer].buffered());
        if room == 0 {
            return Err(NetErr::Block { until: None });
        }
        let n = room.min(data.len());
        self.sockets[id].last_sent = arrives;
        if !self.sockets[peer].shut_rd {
            self.sockets[peer].rx.push_back(Chunk { data: data[..n].to_vec(), arrives });
        }
        Ok((n, peer))
    }

    /// `recv(bufsize)`: bytes that have arrived, up to `max`; empty at end of file. Returns the
    /// bytes and the peer (to notify: its sender may have room now).
    pub fn recv(&mut self, id: usize, max: usize, now: u64) -> Result<(Vec<u8>, Option<usize>), NetErr> {
        let peer = match self.settle(id, now) {
            Ok(p) => Some(p),
            Err(NetErr::Errno(ENOTCONN)) if self.sockets[id].shut_rd => None,
            Err(e) => return Err(e),
        };
        let s = &mut self.sockets[id];
        if s.arrived(now) == 0 {
            if s.shut_rd || s.fin_at.is_some_and(|t| t <= now) {
                return Ok((Vec::new(), peer));
            }
            if s.rst_at.is_some_and(|t| t <= now) {
                s.rst_reported = true;
                return Err(NetErr::Errno(ECONNRESET));
            }
            return Err(NetErr::Block { until: s.next_arrival(now) });
        }
        let mut out = Vec::new();
        while out.len() < max {
            let Some(c) = s.rx.front_mut() else { break };
            if c.arrives > now {
                break;
            }
            let take = (max - out.len()).min(c.data.len());
            out.extend(c.data.drain(..take));
            if c.data.is_empty() {
                s.rx.pop_front();
            }
        }
        Ok((out, peer))
    }

    /// `shutdown(how)`: 0 reading, 1 writing, 2 both. Returns the sockets to notify.
    pub fn shutdown(&mut self, id: usize, how: i64, now: u64) -> Result<Vec<usize>, NetErr> {
        let peer = match self.sockets[id].state {
            State::Connected { peer } => peer,
            State::Connecting { peer: Some(peer), done } if done <= now => peer,
            _ => return Err(NetErr::Errno(ENOTCONN)),
        };
        if how == 0 || how == 2 {
            self.sockets[id].shut_rd = true;
        }
        if (how == 1 || how == 2) && !self.sockets[id].shut_wr {
            self.sockets[id].shut_wr = true;
            let at = now.max(self.sockets[id].last_sent) + LOOPBACK_LATENCY_NS;
            self.sockets[peer].fin_at = Some(at);
        }
        Ok(vec![id, peer])
    }

    /// Readiness as Linux's `poll` reports it.
    pub fn ready(&mut self, id: usize, now: u64) -> Ready {
        self.progress(id, now);
        // A non-blocking connect whose handshake is done is connected, whether or not
        // anybody called `connect` again (asyncio only waits for writability and reads
        // SO_ERROR): what arrives for it from then on makes it readable.
        if let State::Connecting { done, peer: Some(peer) } = self.sockets[id].state
            && done <= now
        {
            self.sockets[id].state = State::Connected { peer };
        }
        let s = &self.sockets[id];
        match &s.state {
            State::SynSent { .. } => Ready { read: false, write: false },
            State::Listening { queue, .. } => Ready {
                read: queue.front().is_some_and(|&(_, t)| t <= now),
                write: false,
            },
            State::Connecting { done, peer } => {
                let done = *done <= now;
                Ready { read: done && peer.is_none(), write: done }
            }
            State::Failed { .. } => Ready { read: true, write: true },
            // Linux reports an unconnected socket as hung up: readable, not writable.
            State::Fresh => Ready { read: true, write: false },
            State::Connected { peer } => {
                let eof = s.shut_rd || s.fin_at.is_some_and(|t| t <= now);
                let rst = s.rst_at.is_some_and(|t| t <= now);
                let room = self.sockets[*peer].closed
                    || self.sockets[*peer].buffered() < SOCKET_BUFFER;
                Ready {
                    read: s.arrived(now) > 0 || eof || rst,
                    write: room || rst || s.shut_wr,
                }
            }
        }
    }
}
