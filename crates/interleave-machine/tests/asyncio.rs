//! `asyncio` on the machine's virtual clock: sleeping tasks take virtual time and no steps,
//! concurrent sleeps overlap, the loop's thread is blocked (not spinning) while idle, runs are
//! the same for every seed, executor threads run as simulated threads, and a loop with nothing
//! that can ever wake it ends in the deadlock report.

mod common;

use interleave_machine::trace::{SegmentState, TraceEvent, segments};
use common::{run, run_seed};

const SECOND: u64 = 1_000_000_000;

#[test]
fn gather_of_a_hundred_one_second_sleeps_takes_one_virtual_second() {
    let src = r#"
import asyncio, time
async def nap(i):
    await asyncio.sleep(1)
    return i
async def main():
    t0 = time.perf_counter()
    r = await asyncio.gather(*(nap(i) for i in range(100)))
    print(sum(r), round(time.perf_counter() - t0, 1))
asyncio.run(main())
"#;
    let r = run(src);
    assert_eq!(r.stdout(), "4950 1.0\n", "{}", r.stderr());
    assert!(r.end_ns > SECOND && r.end_ns < SECOND + SECOND / 10, "end at {} ns", r.end_ns);
}

#[test]
fn sequential_awaits_take_the_sum_and_gather_the_maximum() {
    let src = r#"
import asyncio, time
async def download(n):
    await asyncio.sleep(n)
async def main():
    t0 = time.perf_counter()
    for n in (1, 2, 3):
        await download(n)
    t1 = time.perf_counter()
    await asyncio.gather(download(1), download(2), download(3))
    print(round(t1 - t0, 1), round(time.perf_counter() - t1, 1))
asyncio.run(main())
"#;
    let r = run(src);
    assert_eq!(r.stdout(), "6.0 3.0\n", "{}", r.stderr());
    let end = r.end_ns as f64 / SECOND as f64;
    assert!((9.0..9.2).contains(&end), "end at {end} s");
}

#[test]
fn the_idle_loop_thread_is_blocked_not_spinning() {
    let src = "import asyncio\nasyncio.run(asyncio.sleep(5))\nprint('done')\n";
    let r = run(src);
    assert_eq!(r.stdout(), "done\n", "{}", r.stderr());
    let blocked: u64 = segments(&r.trace, r.end_ns)
        .iter()
        .filter(|s| s.thread == 0 && matches!(s.state, SegmentState::Blocked(_)))
        .map(|s| s.end - s.start)
        .sum();
    assert!(blocked >= 5 * SECOND, "blocked for {blocked} ns of {} ns", r.end_ns);
    // The timeline names the wait.
    let on: Vec<&str> = r
        .trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Blocked { on, .. } => Some(on.as_str()),
            _ => None,
        })
        .collect();
    assert!(on.iter().any(|o| o.starts_with("asyncio event loop idle until 5.0")), "{on:?}");
    // Five seconds of sleeping cost no more instructions than one millisecond does.
    let short = run("import asyncio\nasyncio.run(asyncio.sleep(0.001))\nprint('done')\n");
    assert!(r.steps <= short.steps + 50, "{} steps vs {}", r.steps, short.steps);
}

#[test]
fn asyncio_with_executor_threads_is_the_same_for_every_seed() {
    let src = r#"
import asyncio, time, threading
counter = 0
def work(n):
    global counter
    for i in range(20000):
        counter += 1
    time.sleep(n)
    return threading.current_thread().name
async def tick(name, t0):
    for i in range(3):
        print(name, i, round(asyncio.get_running_loop().time() - t0, 1))
        await asyncio.sleep(0.3)
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    names = await asyncio.gather(loop.run_in_executor(None, work, 0.5),
                                 asyncio.to_thread(work, 0.2), tick("a", t0), tick("b", t0))
    print(sorted(n for n in names if n))
asyncio.run(main())
"#;
    let first = run_seed(src, 1);
    assert!(first.stderr().is_empty(), "{}", first.stderr());
    assert!(first.stdout().contains("['asyncio_0', 'asyncio_1']"), "{}", first.stdout());
    for seed in 2..6 {
        let r = run_seed(src, seed);
        assert_eq!(r.stdout(), first.stdout(), "seed {seed}");
    }
    // The same seed gives the same run, step for step.
    let again = run_seed(src, 1);
    assert_eq!((again.steps, again.end_ns, again.schedule.clone()), (first.steps, first.end_ns, first.schedule.clone()));
}

#[test]
fn a_loop_waiting_forever_ends_in_the_deadlock_report() {
    let src = r#"
import asyncio
async def main():
    ev = asyncio.Event()
    await asyncio.gather(ev.wait(), asyncio.sleep(1))
asyncio.run(main())
"#;
    let r = run(src);
    assert_ne!(r.exit_code, 0);
    let err = r.stderr();
    assert!(err.contains("interleave: deadlock"), "{err}");
    assert!(err.contains("asyncio event loop that is waiting with no ready tasks or callbacks and no timers"), "{err}");
    // It stopped after the one-second timer, without spinning.
    assert!(r.end_ns >= SECOND && r.end_ns < SECOND + SECOND / 10, "end at {} ns", r.end_ns);
}

#[test]
fn call_soon_threadsafe_wakes_a_loop_with_no_timers() {
    let src = r#"
import asyncio, threading, time
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t0 = loop.time()
    def later():
        time.sleep(2)
        loop.call_soon_threadsafe(fut.set_result, "from thread")
    threading.Thread(target=later).start()
    print(await fut, round(loop.time() - t0, 1))
asyncio.run(main())
"#;
    let r = run(src);
    assert_eq!(r.stdout(), "from thread 2.0\n", "{}", r.stderr());
}

#[test]
fn async_generators_sleep_on_virtual_time_and_overlap_across_tasks() {
    // Three consumers of their own async generator, each yielding 10 items one second apart:
    // 10 virtual seconds in all, not 30, and every seed prints the same.
    let src = r#"
import asyncio, time
async def ticks(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(1)
            yield f"{name}{i}"
    finally:
        print("closed", name)
async def consume(name):
    return [t async for t in ticks(name, 10)]
async def main():
    t0 = time.perf_counter()
    lists = await asyncio.gather(*(consume(c) for c in "abc"))
    print([len(l) for l in lists], lists[1][-1], round(time.perf_counter() - t0, 1))
    left_open = ticks("z", 5)
    print(await anext(left_open))
asyncio.run(main())
"#;
    let first = run(src);
    assert_eq!(
        first.stdout(),
        "closed a\nclosed b\nclosed c\n[10, 10, 10] b9 10.0\nz0\nclosed z\n",
        "{}",
        first.stderr()
    );
    let end = first.end_ns as f64 / SECOND as f64;
    assert!((11.0..11.2).contains(&end), "end at {end} s");
    for seed in 1..4 {
        let r = run_seed(src, seed);
        assert_eq!(r.stdout(), first.stdout(), "seed {seed}");
        assert_eq!(r.end_ns, first.end_ns, "seed {seed}");
    }
}

#[test]
fn unsupported_parts_of_types_and_inspect_name_themselves() {
    let src = r#"
import types, inspect, sys
for mod, name in [(inspect, "signature"), (inspect, "getsource"), (types, "FrameType"), (types, "GenericAlias")]:
    try:
        getattr(mod, name)
    except NotImplementedError as e:
        print(e)
try:
    inspect.no_such_thing
except AttributeError as e:
    print(e)
async def agen():
    yield 1
try:
    agen().ag_frame
except NotImplementedError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(firstiter=5)
except TypeError as e:
    print(e)
print(sys.get_asyncgen_hooks())
"#;
    let r = run(src);
    assert_eq!(
        r.stdout(),
        "inspect.signature is not supported by Interleave yet\n\
         inspect.getsource is not supported by Interleave yet\n\
         types.FrameType is not supported by Interleave yet\n\
         types.GenericAlias is not supported by Interleave yet\n\
         module 'inspect' has no attribute 'no_such_thing'\n\
         frame objects (ag_frame) are not supported by Interleave\n\
         callable firstiter expected, got int\n\
         asyncgen_hooks(firstiter=None, finalizer=None)\n",
        "{}",
        r.stderr()
    );
}
