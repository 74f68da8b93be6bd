//! Greenlets on the machine: they share their OS thread (one lane, one GIL holder), gevent's
//! sleeps run on the virtual clock, switches appear in the trace, and runs are deterministic
//! whatever the seed.

mod common;

use interleave_machine::trace::TraceEvent;
use interleave_machine::{RunResult, Settings};
use common::{run, run_seed};

/// The greenlet switches of a run, as (thread, from, to).
fn switches(r: &RunResult) -> Vec<(usize, String, String)> {
    r.trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::GreenletSwitch { thread, from, to, .. } => {
                Some((*thread, from.clone(), to.clone()))
            }
            _ => None,
        })
        .collect()
}

const HUNDRED_SLEEPERS: &str = r#"
import gevent
def sleeper(n):
    gevent.sleep(1)
    return n
gs = [gevent.spawn(sleeper, i) for i in range(100)]
gevent.joinall(gs)
print(sum(g.value for g in gs))
"#;

#[test]
fn a_hundred_greenlets_sleeping_one_second_take_one_second_of_virtual_time() {
    let r = run(HUNDRED_SLEEPERS);
    assert_eq!(r.stdout(), "4950\n", "{}", r.stderr());
    let secs = r.end_ns as f64 / 1e9;
    assert!((1.0..1.05).contains(&secs), "took {secs} s of virtual time");
}

#[test]
fn greenlets_stay_on_their_thread_lane() {
    let r = run(HUNDRED_SLEEPERS);
    let lanes: std::collections::BTreeSet<usize> = r
        .trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Ran { thread, .. } | TraceEvent::ThreadCreated { thread, .. } => Some(*thread),
            _ => None,
        })
        .collect();
    assert_eq!(lanes.into_iter().collect::<Vec<_>>(), vec![0]);
    assert_eq!(r.threads.len(), 1);
    let segs = interleave_machine::trace::segments(&r.trace, r.end_ns);
    assert!(segs.iter().all(|s| s.thread == 0));
}

#[test]
fn the_trace_shows_switches_between_named_greenlets() {
    let r = run(r#"
import gevent
def worker(n):
    gevent.sleep(0)
    return n
a = gevent.spawn(worker, 1)
b = gevent.spawn(worker, 2)
b.name = 'second'
gevent.joinall([a, b])
"#);
    assert_eq!(r.exit_code, 0, "{}", r.stderr());
    let sw = switches(&r);
    let names: Vec<(&str, &str)> = sw.iter().map(|(_, f, t)| (f.as_str(), t.as_str())).collect();
    // main → Hub; the hub starts both greenlets (FIFO), each yields back with sleep(0), the
    // hub resumes them in the same order, and finally the joinall waiter in main.
    assert_eq!(
        names[..6],
        [
            ("main", "Hub"),
            ("Hub", "Greenlet #1"),
            ("Greenlet #1", "Hub"),
            ("Hub", "second"),
            ("second", "Hub"),
            ("Hub", "Greenlet #1"),
        ]
    );
    assert_eq!(names.last(), Some(&("Hub", "main")));
    assert!(sw.iter().all(|(thread, _, _)| *thread == 0));
    let json = r.trace_json(&Settings::default());
    assert!(json.contains(r#""kind":"greenlet_switch""#), "{json}");
    assert!(json.contains(r#""version":5"#));
}

#[test]
fn the_timeline_has_a_greenlets_lane() {
    let r = run(HUNDRED_SLEEPERS);
    let text = interleave_machine::trace::text_timeline(&r.trace, r.end_ns, 40, &r.threads);
    assert!(text.contains(" greenlets |"), "{text}");
    assert!(text.contains("greenlets of MainThread: m main, H Hub, a Greenlet #1"), "{text}");
}

#[test]
fn runs_are_the_same_whatever_the_seed() {
    let src = r#"
import gevent
from gevent.queue import Queue
q = Queue(2)
def producer():
    for i in range(6):
        q.put(i)
        gevent.sleep(0.01 * (i % 3))
    q.put(None)
def consumer(name):
    while True:
        item = q.get()
        if item is None:
            q.put(None)
            return
        print(name, item)
        gevent.sleep(0)
gevent.joinall([gevent.spawn(producer), gevent.spawn(consumer, 'a'), gevent.spawn(consumer, 'b')])
"#;
    let first = run_seed(src, 0);
    assert_eq!(first.exit_code, 0, "{}", first.stderr());
    for seed in 1..6 {
        let r = run_seed(src, seed);
        assert_eq!(r.stdout(), first.stdout(), "seed {seed}");
        assert_eq!(switches(&r), switches(&first), "seed {seed}");
        assert_eq!(r.end_ns, first.end_ns, "seed {seed}");
    }
    let again = run_seed(src, 3);
    assert_eq!(again.trace, run_seed(src, 3).trace);
}

#[test]
fn each_os_thread_has_its_own_hub_and_main_greenlet() {
    let r = run(r#"
import threading, time
import gevent
results = {}
def thread_main(tag):
    gs = [gevent.spawn(gevent.sleep, 1) for _ in range(10)]
    gevent.joinall(gs)
    results[tag] = (gevent.get_hub() is not hubs.get('main'), gevent.getcurrent().parent)
hubs = {'main': gevent.get_hub()}
t0 = time.monotonic()
ts = [threading.Thread(target=thread_main, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()), round(time.monotonic() - t0, 1))
"#);
    assert_eq!(r.stdout(), "[(0, (True, None)), (1, (True, None))] 1.0\n", "{}", r.stderr());
    let sw = switches(&r);
    let threads: std::collections::BTreeSet<usize> = sw.iter().map(|(t, _, _)| *t).collect();
    assert_eq!(threads.into_iter().collect::<Vec<_>>(), vec![1, 2]);
}

#[test]
fn an_uncaught_exception_in_a_greenlet_is_printed_as_gevent_prints_it() {
    let r = run(r#"
import gevent
def bad():
    1/0
gevent.spawn(bad).join()
print('after')
"#);
    assert_eq!(r.stdout(), "after\n");
    let err = r.stderr();
    assert!(
        err.starts_with(
            "Traceback (most recent call last):\n  File \"/prog.py\", line 4, in bad\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n2024-01-01T00:00:00Z <Greenlet at 0x"
        ),
        "{err}"
    );
    assert!(err.ends_with(": bad> failed with ZeroDivisionError\n\n"), "{err}");
}

#[test]
fn a_switch_from_a_call_made_by_a_builtin_is_a_clear_error() {
    let r = run(r#"
from greenlet import greenlet, getcurrent
main = getcurrent()
def f():
    return sorted([2, 1], key=lambda v: main.switch(v))
try:
    greenlet(f).switch()
except NotImplementedError as e:
    print(e)
"#);
    assert_eq!(r.exit_code, 0, "{}", r.stderr());
    assert!(r.stdout().starts_with("greenlet.switch() from code that the interpreter itself called (a module being imported"), "{}", r.stdout());
}

#[test]
fn parked_greenlets_keep_their_objects_through_collections() {
    let r = run(r#"
import gevent
def keeper(n):
    mine = [n] * 50
    for _ in range(3):
        gevent.sleep(0)
        junk = [[i] for i in range(2000)]
    return sum(mine) == 50 * n
gs = [gevent.spawn(keeper, i) for i in range(40)]
gevent.joinall(gs)
print(all(g.value for g in gs))
"#);
    assert_eq!(r.stdout(), "True\n", "{}", r.stderr());
    assert!(r.gc_collections > 0);
}
