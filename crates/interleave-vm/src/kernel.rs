//! The simulated operating system's shared state: what processes (each its own [`Interp`] and
//! heap) share through the kernel. The process table (pids, parents, exit statuses), pipes
//! carrying pickled messages, semaphores (`multiprocessing` locks) and shared memory
//! (`multiprocessing.Value`/`Array`).
//!
//! Every process of a run holds the same `Rc<RefCell<Kernel>>` (a fork copies the handle, not
//! the kernel). A change that may let a blocked thread of any process go on is reported with
//! `MachineEvent::Kernel(key)`; threads that wait on a kernel object block with
//! `Wait::Kernel { key, .. }` and retry their call when woken, like lock waiters.
//!
//! [`Interp`]: crate::Interp

pub mod net;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::pickle::Pickled;

/// What a thread can wait for in the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum KernelKey {
    /// A pipe became readable, writable or closed.
    Pipe(usize),
    /// A semaphore was released.
    Sem(usize),
    /// A child of this pid changed state (exited).
    Children(u32),
    /// A socket (`net::Net::sockets` index) may have become readable, writable or connected.
    Socket(usize),
}

/// One process in the process table.
#[derive(Clone, Debug)]
pub struct ProcEntry {
    pub ppid: u32,
    /// Set when the process has exited: a wait status (`exit code << 8`, or the signal number).
    pub status: Option<i32>,
    /// Its parent collected the status (`os.wait`): the zombie is gone.
    pub reaped: bool,
}

/// A message in a pipe.
#[derive(Clone, Debug)]
pub enum Message {
    /// A pickled object (`Connection.send`), with its pickled size in bytes.
    Object(Pickled, usize),
    /// Raw bytes (`Connection.send_bytes`).
    Bytes(Vec<u8>),
}

impl Message {
    pub fn size(&self) -> usize {
        match self {
            Message::Object(_, n) => *n,
            Message::Bytes(b) => b.len(),
        }
    }
}

/// A one-way channel of messages (a pipe's buffer).
#[derive(Clone, Debug, Default)]
pub struct Pipe {
    pub messages: VecDeque<Message>,
    /// The processes holding the write end open. Once none does, a reader of the empty pipe
    /// gets `EOFError`. A fork copies the parent's ends to the child.
    pub writers: BTreeSet<u32>,
    /// The processes holding the read end open. Once none does, a write fails with
    /// `BrokenPipeError`.
    pub readers: BTreeSet<u32>,
}

/// A counting semaphore, CPython's `_multiprocessing.SemLock`.
#[derive(Clone, Debug)]
pub struct Semaphore {
    pub value: i64,
    pub max: i64,
    /// Recursive mutex (`RLock`): the (pid, thread ident) holding it, and how many times.
    pub recursive: bool,
    pub owner: Option<(u32, i64)>,
    pub count: i64,
}

/// A shared-memory block: the items of a `Value` (one item) or an `Array`.
#[derive(Clone, Debug)]
pub struct SharedBlock {
    pub typecode: char,
    pub items: Vec<Scalar>,
}

/// One item of shared memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Int(i64),
    Float(f64),
}

/// The kernel.
#[derive(Debug)]
pub struct Kernel {
    pub procs: BTreeMap<u32, ProcEntry>,
    pub pipes: Vec<Pipe>,
    pub sems: Vec<Semaphore>,
    pub shared: Vec<SharedBlock>,
    /// Signals sent (`os.kill`) that the machine has not delivered yet: (pid, signal).
    pub signals: Vec<(u32, i32)>,
    /// Zombies reaped by `os.waitpid` that the trace has not shown yet: (pid, reaped by).
    pub reap_log: Vec<(u32, u32)>,
    /// The last pid handed out.
    pub last_pid: u32,
    /// How many processes were created (mixes the gaps between pids).
    created: u64,
    seed: u64,
    /// Shared memory exists: processes running in parallel must interleave finely, so that
    /// races on it show.
    pub fine_grained: bool,
    /// `multiprocessing`'s default start method (`--start-method`).
    pub start_method: String,
    /// The loopback network: sockets and the descriptors processes hold for them.
    pub net: net::Net,
}

/// A well-mixed number (SplitMix64).
pub fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Kernel {
    /// A kernel whose first process (the program) has a pid and parent derived from `seed`.
    pub fn new(seed: u64) -> Kernel {
        let pid = 4000 + (mix(seed) % 1000) as u32;
        let ppid = 1000 + ((mix(seed) >> 20) % 1000) as u32;
        let mut procs = BTreeMap::new();
        procs.insert(
            pid,
            ProcEntry {
                ppid,
                status: None,
                reaped: false,
            },
        );
        Kernel {
            procs,
            pipes: Vec::new(),
            sems: Vec::new(),
            shared: Vec::new(),
            signals: Vec::new(),
            reap_log: Vec::new(),
            last_pid: pid,
            created: 0,
            seed,
            fine_grained: false,
            start_method: "fork".to_string(),
            net: net::Net::default(),
        }
    }

    /// Processes that have not exited.
    pub fn live_processes(&self) -> usize {
        self.procs.values().filter(|p| p.status.is_none()).count()
    }

    /// The program's own pid (the first process).
    pub fn root_pid(&self) -> u32 {
        *self.procs.keys().next().expect("the first process")
    }

    /// Allocates the pid of a new child of `ppid`. Like Linux, pids grow, with small gaps left
    /// by other processes of the system (deterministic per seed).
    pub fn new_pid(&mut self, ppid: u32) -> u32 {
        self.created += 1;
        let gap = 1 + (mix(self.seed ^ self.created.wrapping_mul(0x9e37)) % 3) as u32;
        self.last_pid += gap;
        let pid = self.last_pid;
        self.procs.insert(
            pid,
            ProcEntry {
                ppid,
                status: None,
                reaped: false,
            },
        );
        for p in &mut self.pipes {
            if p.writers.contains(&ppid) {
                p.writers.insert(pid);
            }
            if p.readers.contains(&ppid) {
                p.readers.insert(pid);
            }
        }
        pid
    }

    /// Process `pid` exited: it closes its pipe ends. Returns the pipes whose last writer it was.
    pub fn close_ends_of(&mut self, pid: u32) -> Vec<usize> {
        let mut closed = Vec::new();
        for (i, p) in self.pipes.iter_mut().enumerate() {
            p.readers.remove(&pid);
            if p.writers.remove(&pid) && p.writers.is_empty() {
                closed.push(i);
            }
        }
        closed
    }

    pub fn ppid(&self, pid: u32) -> u32 {
        self.procs.get(&pid).map_or(1, |p| p.ppid)
    }

    /// Live or zombie (not reaped) children of `pid`, in pid order.
    pub fn children(&self, pid: u32) -> Vec<u32> {
        self.procs
            .iter()
            .filter(|(_, p)| p.ppid == pid && !p.reaped)
            .map(|(&c, _)| c)
            .collect()
    }

    pub fn new_pipe(&mut self, writer: u32) -> usize {
        self.pipes.push(Pipe {
            messages: VecDeque::new(),
            writers: BTreeSet::from([writer]),
            readers: BTreeSet::from([writer]),
        });
        self.pipes.len() - 1
    }

    pub fn new_sem(&mut self, value: i64, max: i64, recursive: bool) -> usize {
        self.sems.push(Semaphore {
            value,
            max,
            recursive,
            owner: None,
            count: 0,
        });
        self.sems.len() - 1
    }

    pub fn new_shared(&mut self, typecode: char, items: Vec<Scalar>) -> usize {
        self.fine_grained = true;
        self.shared.push(SharedBlock { typecode, items });
        self.shared.len() - 1
    }
}
