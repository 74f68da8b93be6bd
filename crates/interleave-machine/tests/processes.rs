//! Processes on the machine: parallel speed-ups in virtual time (processes run on separate
//! cores, threads share one GIL), copies of memory at `fork()`, exit codes, the trace's process
//! events, and deadlocks across processes.

use interleave_machine::trace::TraceEvent;
use interleave_machine::{RunResult, Settings, run_program};

mod common;
use common::{run, run_seed};

fn run_with(src: &str, cores: u32) -> RunResult {
    let settings = Settings {
        cores,
        ..Settings::default()
    };
    run_program(src, "/prog.py", &settings)
}

/// The same CPU-bound work done `n` times: by forked children, by threads, or serially.
fn work_program(how: &str, n: u32) -> String {
    format!(
        r#"
import os, threading
def work():
    s = 0
    for i in range(500000):
        s += i * i
    return s
how, n = "{how}", {n}
if how == "fork":
    pids = []
    for k in range(n):
        pid = os.fork()
        if pid == 0:
            work()
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
elif how == "threads":
    ts = [threading.Thread(target=work) for k in range(n)]
    for t in ts: t.start()
    for t in ts: t.join()
else:
    for k in range(n):
        work()
print("done")
"#
    )
}

fn end_ns(how: &str, n: u32, cores: u32) -> u64 {
    let r = run_with(&work_program(how, n), cores);
    assert_eq!(r.stdout(), "done\n", "{how}: {}", r.stderr());
    r.end_ns
}

#[test]
fn four_processes_on_four_cores_are_about_four_times_faster() {
    let serial = end_ns("serial", 4, 4) as f64;
    let forked = end_ns("fork", 4, 4) as f64;
    let threads = end_ns("threads", 4, 4) as f64;
    let speedup = serial / forked;
    assert!(speedup > 3.3 && speedup < 4.2, "processes: {speedup:.2}x");
    let threads_speedup = serial / threads;
    assert!(threads_speedup < 1.1, "threads: {threads_speedup:.2}x");
}

#[test]
fn processes_share_the_cores_they_have() {
    let serial = end_ns("serial", 4, 1) as f64;
    let one_core = end_ns("fork", 4, 1) as f64;
    let two_cores = end_ns("fork", 4, 2) as f64;
    assert!(
        (serial / one_core) < 1.1,
        "1 core: {:.2}x",
        serial / one_core
    );
    let s2 = serial / two_cores;
    assert!(s2 > 1.7 && s2 < 2.1, "2 cores: {s2:.2}x");
}

#[test]
fn a_child_changes_its_own_copy_of_memory() {
    let src = r#"
import os
data = [1, 2, 3]
counter = 0
pid = os.fork()
if pid == 0:
    data.append(4)
    counter += 100
    print("child", data, counter)
    os._exit(7)
_, status = os.waitpid(pid, 0)
print("parent", data, counter, os.waitstatus_to_exitcode(status))
"#;
    let r = run_with(src, 4);
    assert_eq!(r.stdout(), "child [1, 2, 3, 4] 100\nparent [1, 2, 3] 0 7\n");
    assert_eq!(r.exit_code, 0);
}

#[test]
fn exit_codes_and_process_events_reach_the_trace() {
    let src = r#"
import os, sys
pid = os.fork()
if pid == 0:
    print("in child")
    sys.exit(5)
_, status = os.wait()
print(os.WEXITSTATUS(status))
"#;
    let settings = Settings::default();
    let r = run_program(src, "/prog.py", &settings);
    assert_eq!(r.stdout(), "in child\n5\n");
    let json: serde_json::Value = serde_json::from_str(&r.trace_json(&settings)).unwrap();
    assert_eq!(json["version"], 5);
    let procs = json["processes"].as_array().unwrap();
    assert_eq!(procs.len(), 2);
    let (parent, child) = (
        procs[0]["pid"].as_u64().unwrap(),
        procs[1]["pid"].as_u64().unwrap(),
    );
    assert!(child > parent);
    assert_eq!(procs[1]["parent"], parent);
    assert_eq!(procs[1]["exit_code"], 5);
    let kinds: Vec<(String, serde_json::Value)> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap().to_string(), e.clone()))
        .collect();
    let created = kinds.iter().find(|(k, _)| k == "process_created").unwrap();
    assert_eq!(created.1["process"], child);
    assert_eq!(created.1["parent"], parent);
    let exited = kinds
        .iter()
        .find(|(k, e)| k == "process_exited" && e["process"] == child)
        .unwrap();
    assert_eq!(exited.1["exit_code"], 5);
    let reaped = kinds
        .iter()
        .find(|(k, e)| k == "process_reaped" && e["process"] == child)
        .unwrap();
    assert_eq!(reaped.1["by"], parent);
    // Output is tagged with the process that wrote it; threads name their process.
    let out = kinds
        .iter()
        .find(|(k, e)| k == "output" && e["text"] == "in child\n")
        .unwrap();
    assert_eq!(out.1["process"], child);
    let threads = json["threads"].as_array().unwrap();
    assert_eq!(
        threads[out.1["thread"].as_u64().unwrap() as usize]["process"],
        child
    );
}

#[test]
fn a_deadlock_across_processes_is_reported() {
    let src = r#"
import os, threading
lock = threading.Lock()
lock.acquire()
pid = os.fork()
if pid == 0:
    lock.acquire()
os.waitpid(pid, 0)
"#;
    let r = run_with(src, 4);
    assert!(
        r.stderr().contains("interleave: deadlock"),
        "{}",
        r.stderr()
    );
    assert!(r.stderr().contains("a child of process"), "{}", r.stderr());
    assert!(r.stderr().contains("`lock.acquire()`"), "{}", r.stderr());
}

#[test]
fn a_fork_in_a_thread_leaves_only_that_thread_in_the_child() {
    let src = r#"
import os, threading
def forker():
    pid = os.fork()
    if pid == 0:
        print("child threads:", threading.active_count(), threading.current_thread().name)
        os._exit(0)
    os.waitpid(pid, 0)
t = threading.Thread(target=forker, name="forker")
t.start()
t.join()
print("parent threads:", threading.active_count())
"#;
    let r = run_with(src, 4);
    assert_eq!(
        r.stdout(),
        "child threads: 1 forker\nparent threads: 1\n",
        "{}",
        r.stderr()
    );
}

/// Six calls of `func` on a pool of three: threads or processes.
fn pool_program(executor: &str, func: &str) -> String {
    format!(
        r#"
import time
from concurrent.futures import {executor}
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def nap(n):
    time.sleep(0.05)
    return n
if __name__ == "__main__":
    with {executor}(3) as ex:
        print(list(ex.map({func}, [22] * 6)))
"#
    )
}

fn pool_end_ns(executor: &str, func: &str) -> u64 {
    let r = run_with(&pool_program(executor, func), 4);
    assert!(r.stdout().starts_with('['), "{executor}: {}", r.stderr());
    r.end_ns
}

#[test]
fn process_pool_beats_thread_pool_on_cpu_bound_work_only() {
    let threads = pool_end_ns("ThreadPoolExecutor", "fib") as f64;
    let processes = pool_end_ns("ProcessPoolExecutor", "fib") as f64;
    let speedup = threads / processes;
    assert!(
        speedup > 1.8 && speedup < 3.2,
        "cpu-bound: processes {speedup:.2}x faster"
    );
    let threads = pool_end_ns("ThreadPoolExecutor", "nap") as f64;
    let processes = pool_end_ns("ProcessPoolExecutor", "nap") as f64;
    let ratio = processes / threads;
    assert!(
        ratio > 0.9 && ratio < 1.2,
        "sleep-bound: processes take {ratio:.2}x the time"
    );
}

#[test]
fn eight_processes_on_four_cores_beat_eight_threads_about_four_times() {
    let threads = end_ns("threads", 8, 4) as f64;
    let forked = end_ns("fork", 8, 4) as f64;
    let speedup = threads / forked;
    assert!(speedup > 3.3 && speedup < 4.2, "{speedup:.2}x");
}

#[test]
fn shared_values_race_without_their_lock() {
    let src = |body: &str| {
        format!(
            r#"
import multiprocessing as mp
def work(v):
    for _ in range(3000):
        {body}
if __name__ == "__main__":
    v = mp.Value('i', 0)
    ps = [mp.Process(target=work, args=(v,)) for _ in range(4)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value)
"#
        )
    };
    let racy = run_with(&src("v.value += 1"), 4);
    let total: u64 = racy
        .stdout()
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{}", racy.stderr()));
    assert!(total < 12000, "no update was lost: {total}");
    let locked = run_with(&src("with v.get_lock(): v.value += 1"), 4);
    assert_eq!(locked.stdout(), "12000\n", "{}", locked.stderr());
}

#[test]
fn a_queue_joined_before_it_is_drained_deadlocks_as_in_cpython() {
    // The programming guidelines' example: the child's feeder thread blocks on a full pipe
    // while the parent joins the child before reading.
    let src = r#"
import multiprocessing as mp
def f(q):
    q.put('X' * 1000000)
if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=f, args=(q,))
    p.start()
    q.put('Y' * 100000)
    p.join()
    obj = q.get()
"#;
    let r = run_with(src, 4);
    assert!(
        r.stderr().contains("interleave: deadlock"),
        "{}",
        r.stderr()
    );
}

#[test]
fn spawn_without_the_main_guard_fails_in_the_child_as_in_cpython() {
    let src = r#"
import multiprocessing as mp
def hello():
    print("hello")
print("top level:", __name__)
p = mp.Process(target=hello)
p.start()
p.join()
print("exitcode", p.exitcode)
"#;
    let settings = Settings {
        start_method: "spawn".to_string(),
        ..Settings::default()
    };
    let r = run_program(src, "/prog.py", &settings);
    assert_eq!(
        r.stdout(),
        "top level: __main__\ntop level: __mp_main__\nexitcode 1\n"
    );
    assert!(
        r.stderr().contains("An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase."),
        "{}",
        r.stderr()
    );
    // Spawning a fresh interpreter costs far more virtual time than forking.
    let forked = run_with(src, 4);
    assert_eq!(forked.stdout(), "top level: __main__\nhello\nexitcode 0\n");
    assert!(
        r.end_ns > 5 * forked.end_ns,
        "spawn {} ns, fork {} ns",
        r.end_ns,
        forked.end_ns
    );
}

#[test]
fn pipe_transfers_show_their_pickled_size_in_the_trace() {
    let src = r#"
import multiprocessing as mp
def child(conn):
    conn.send("x" * 1000)
if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(b,))
    p.start()
    print(len(a.recv()))
    p.join()
"#;
    let settings = Settings::default();
    let r = run_program(src, "/prog.py", &settings);
    assert_eq!(r.stdout(), "1000\n", "{}", r.stderr());
    let json: serde_json::Value = serde_json::from_str(&r.trace_json(&settings)).unwrap();
    let transfers: Vec<&serde_json::Value> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "transfer")
        .collect();
    assert_eq!(transfers.len(), 2, "{transfers:?}");
    assert_eq!(transfers[0]["sent"], true);
    assert_eq!(transfers[1]["sent"], false);
    assert!(transfers[0]["bytes"].as_u64().unwrap() > 1000);
    assert_ne!(transfers[0]["process"], transfers[1]["process"]);
    assert_eq!(json["settings"]["start_method"], "fork");
}

#[test]
fn orphans_are_adopted_by_init_and_children_draw_their_own_random_numbers() {
    let src = r#"
import os, time, random
random.random()
r, w = 0, 0
pid = os.fork()
if pid == 0:
    pid2 = os.fork()
    if pid2 == 0:
        time.sleep(0.05)
        print("grandchild's parent is now", os.getppid())
        os._exit(0)
    os._exit(0)
os.waitpid(pid, 0)
time.sleep(0.1)
values = set()
for _ in range(3):
    child = os.fork()
    if child == 0:
        print(random.random() != random.random())
        os._exit(int(random.random() * 100))
    values.add(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]))
print("distinct:", len(values))
"#;
    let settings = Settings::default();
    let r = run_program(src, "/prog.py", &settings);
    assert_eq!(
        r.stdout(),
        "grandchild's parent is now 1\nTrue\nTrue\nTrue\ndistinct: 3\n",
        "{}",
        r.stderr()
    );
    let json: serde_json::Value = serde_json::from_str(&r.trace_json(&settings)).unwrap();
    let events = json["events"].as_array().unwrap();
    let orphaned = events
        .iter()
        .find(|e| e["kind"] == "process_orphaned")
        .expect("an orphan");
    assert_eq!(orphaned["parent"], 1);
    let grandchild = &orphaned["process"];
    assert!(
        events
            .iter()
            .any(|e| e["kind"] == "process_reaped" && &e["process"] == grandchild && e["by"] == 1)
    );
}

#[test]
fn a_run_with_processes_is_deterministic_and_replays() {
    let src = r#"
import multiprocessing as mp
def work(q, v, i):
    for _ in range(200):
        v.value += 1
    q.put(i)
if __name__ == "__main__":
    q = mp.Queue()
    v = mp.Value('i', 0)
    ps = [mp.Process(target=work, args=(q, v, i)) for i in range(3)]
    for p in ps: p.start()
    print([q.get() for _ in ps], v.value)
    for p in ps: p.join()
"#;
    let settings = Settings {
        seed: 7,
        ..Settings::default()
    };
    let a = run_program(src, "/prog.py", &settings);
    let b = run_program(src, "/prog.py", &settings);
    assert_eq!(a.stdout(), b.stdout());
    assert_eq!(a.trace_json(&settings), b.trace_json(&settings));
    let r = interleave_machine::replay_program(src, "/prog.py", &settings, a.schedule.clone());
    assert_eq!(r.stdout(), a.stdout());
    assert_eq!(r.trace, a.trace);
}

#[test]
fn the_console_shows_writes_as_a_terminal_does() {
    // Recorded from CPython 3.11 on a pseudo-terminal: a partial line is not repeated by a
    // forked child, and what a child printed before os._exit() is not lost.
    let src = r#"
import os, sys
print("before fork, no newline", end="")
pid = os.fork()
if pid == 0:
    print(" <- child")
    os._exit(0)
os.waitpid(pid, 0)
print(" <- parent")
print("partial then _exit", end="")
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("lost?", end="")
    os._exit(0)
os.waitpid(pid, 0)
print()
"#;
    let r = run_with(src, 4);
    assert_eq!(
        r.stdout(),
        "before fork, no newline <- child\n <- parent\npartial then _exitlost?\n"
    );
}

#[test]
fn manager_calls_are_round_trips_to_the_manager_process() {
    let src = r#"
import multiprocessing as mp
def work(d, i):
    d[i] = i * i
if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        ps = [mp.Process(target=work, args=(d, i)) for i in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(d.items()))
    print(len(mp.active_children()))
"#;
    let settings = Settings::default();
    let r = run_program(src, "/prog.py", &settings);
    assert_eq!(
        r.stdout(),
        "[(0, 0), (1, 1), (2, 4)]\n0\n",
        "{}",
        r.stderr()
    );
    let json: serde_json::Value = serde_json::from_str(&r.trace_json(&settings)).unwrap();
    // The manager is the first child; every worker's `d[i] = ...` is a request it reads and an
    // answer it writes.
    let manager = &json["processes"][1]["pid"];
    let events = json["events"].as_array().unwrap();
    let served = events
        .iter()
        .filter(|e| e["kind"] == "transfer" && &e["process"] == manager && e["sent"] == true)
        .count();
    assert!(served >= 5, "the manager answered {served} requests");
}

#[test]
fn spawned_children_start_up_in_parallel() {
    // A spawned child's start-up is one bulk charge (~20 ms). Children started while another
    // is starting up must not wait for it: on four cores all four start at once.
    let src = r#"
import multiprocessing as mp
def work():
    total = 0
    for i in range(20000):
        total += i
if __name__ == "__main__":
    mp.set_start_method("spawn")
    ps = [mp.Process(target=work) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("done")
"#;
    let r = run_with(src, 4);
    assert_eq!(r.stdout(), "done\n", "{}", r.stderr());
    let mut first_run: std::collections::BTreeMap<usize, u64> = std::collections::BTreeMap::new();
    for e in &r.trace {
        if let interleave_machine::trace::TraceEvent::Ran { thread, start, .. } = e {
            first_run.entry(*thread).or_insert(*start);
        }
    }
    let children: Vec<u64> = first_run.iter().filter(|(t, _)| **t != 0).map(|(_, s)| *s).collect();
    assert_eq!(children.len(), 4, "{first_run:?}");
    assert!(children.iter().all(|&s| s < 2_000_000), "children started at {children:?} ns");
    // Four start-ups of ~20 ms side by side, not one after another.
    assert!(r.end_ns < 40_000_000, "ended at {} ns", r.end_ns);
}

/// Virtual time of a run that starts and joins one child with start method `method`, chosen
/// by `route`: `get_context(method)`, `set_start_method(method)` or `--start-method`.
fn start_up_ns(method: &str, route: &str) -> u64 {
    let (choose, start_method) = match route {
        "get_context" => (format!("ctx = mp.get_context({method:?})"), "fork"),
        "set_start_method" => (
            format!("mp.set_start_method({method:?})\n    ctx = mp.get_context()"),
            "fork",
        ),
        _ => ("ctx = mp".to_string(), method),
    };
    let src = format!(
        r#"
import multiprocessing as mp
def f():
    pass
if __name__ == "__main__":
    {choose}
    p = ctx.Process(target=f)
    p.start()
    p.join()
    print(p.exitcode)
"#
    );
    let settings = Settings {
        start_method: start_method.to_string(),
        ..Settings::default()
    };
    let r = run_program(&src, "/prog.py", &settings);
    assert_eq!(r.stdout(), "0\n", "{method} by {route}: {}", r.stderr());
    r.end_ns
}

#[test]
fn a_child_costs_the_same_start_up_whichever_way_its_start_method_was_chosen() {
    for (method, startup_ns) in [("spawn", 20_000_000), ("forkserver", 2_000_000)] {
        let by_flag = start_up_ns(method, "flag");
        assert!(
            by_flag > startup_ns && by_flag < startup_ns + 1_000_000,
            "{method}: {by_flag} ns"
        );
        for route in ["get_context", "set_start_method"] {
            let ns = start_up_ns(method, route);
            assert!(
                ns.abs_diff(by_flag) < 100_000,
                "{method} by {route}: {ns} ns, by --start-method: {by_flag} ns"
            );
        }
    }
}

#[test]
fn pool_results_arrive_as_soon_as_the_worker_sends_them() {
    // The worker handler waits on the result queue too (as in CPython); its `wait()`
    // releases the GIL, so the result handler takes the result at once instead of a switch
    // interval (5 ms) later, whatever the seed.
    let src = r#"
import multiprocessing as mp, time
def f(x):
    return x + 1
if __name__ == "__main__":
    with mp.Pool(1) as pool:
        pool.apply(f, (0,))
        t0 = time.perf_counter_ns()
        for i in range(5):
            r = pool.apply(f, (i,))
        t1 = time.perf_counter_ns()
        print(r, (t1 - t0) // 5)
"#;
    for seed in 0..8 {
        let settings = Settings {
            seed,
            ..Settings::default()
        };
        let r = run_program(src, "/prog.py", &settings);
        let out = r.stdout();
        let (value, ns) = out.trim().split_once(' ').expect("two numbers");
        assert_eq!(value, "5", "{}", r.stderr());
        let ns: u64 = ns.parse().unwrap();
        // Two pipe transfers, the pickling and a few thread hand-offs: tens of microseconds.
        assert!(ns < 200_000, "seed {seed}: pool.apply took {ns} ns");
    }
}

#[test]
fn parallel_workers_run_in_long_slices_not_in_a_creeping_round() {
    // Four CPU-bound pool workers plus the parent on four cores. A worker's slice ends one
    // instruction past the round's end; that must not lengthen the round for the others (each
    // would then cross the new end by its own last instruction, and so on: the regressed
    // machine cut the workers into 1.4 million slices of 1–3 instructions here).
    let src = r#"
import multiprocessing as mp
def work(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
if __name__ == "__main__":
    with mp.Pool(4) as pool:
        print(sum(pool.map(work, [20000] * 40)))
"#;
    for seed in 0..3 {
        let r = if seed == 0 { run(src) } else { run_seed(src, seed) };
        assert_eq!(r.stdout(), "106658666800000\n", "{}", r.stderr());
        let slices: Vec<u64> = r
            .trace
            .iter()
            .filter_map(|e| match e {
                TraceEvent::Ran { steps, .. } => Some(*steps),
                _ => None,
            })
            .collect();
        let tiny = slices.iter().filter(|&&s| s <= 3).count();
        // About 40 × 20000 × 4 instructions of work, in slices of a round (200 µs) or so.
        assert!(slices.len() < 2_000, "seed {seed}: {} slices ({tiny} of ≤ 3 instructions)", slices.len());
        assert!(tiny < 200, "seed {seed}: {tiny} slices of ≤ 3 instructions");
    }
}

/// The cores each thread ran on, by thread.
fn cores_by_thread(r: &RunResult) -> std::collections::BTreeMap<usize, std::collections::BTreeSet<u32>> {
    let mut by = std::collections::BTreeMap::<usize, std::collections::BTreeSet<u32>>::new();
    for e in &r.trace {
        if let TraceEvent::Ran { thread, core, .. } = e {
            by.entry(*thread).or_default().insert(*core);
        }
    }
    by
}

#[test]
fn a_process_stays_on_its_core_while_the_core_is_free() {
    let src = "import os\ndef spin():\n    n = 0\n    for i in range(100000):\n        n += i\npids = []\nfor _ in range(3):\n    pid = os.fork()\n    if pid == 0:\n        spin()\n        os._exit(0)\n    pids.append(pid)\nfor p in pids:\n    os.waitpid(p, 0)\nprint('done')\n";
    // Three busy children and a parent that waits: four cores are enough for each to keep one.
    let r = run_with(src, 4);
    assert_eq!(r.stdout(), "done\n");
    let by = cores_by_thread(&r);
    assert_eq!(by.len(), 4);
    for (thread, cores) in &by {
        assert_eq!(cores.len(), 1, "thread {thread} ran on cores {cores:?}");
    }
    // With two cores they must share, and never run on a core the machine does not have.
    let r = run_with(src, 2);
    assert!(cores_by_thread(&r).values().flatten().all(|&c| c < 2));
}
