//! asyncio over the simulated network: a request/response costs the loopback's latencies in
//! virtual time, a loop waiting on a socket is blocked (not spinning) and named so in the
//! trace, runs are the same for every seed, and a loop whose sockets can never become ready
//! ends in the deadlock report.

mod common;

use interleave_machine::trace::{SegmentState, TraceEvent, segments};
use common::{run, run_seed};
use interleave_vm::kernel::net::LOOPBACK_LATENCY_NS;

const SECOND: u64 = 1_000_000_000;

#[test]
fn a_request_and_its_response_take_two_latencies() {
    let src = r#"
import asyncio, time
async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
    writer.close()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 51900)
    reader, writer = await asyncio.open_connection("127.0.0.1", 51900)
    await asyncio.sleep(0.01)  # the server has accepted and is reading
    t0 = time.monotonic_ns()
    writer.write(b"ping\n")
    print(await reader.readline())
    print(time.monotonic_ns() - t0)
    writer.close()
    server.close()
asyncio.run(main())
"#;
    let r = run(src);
    let out = r.stdout();
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("b'ping\\n'"), "{out}{}", r.stderr());
    let ns: u64 = lines.next().expect("elapsed").parse().expect("a number");
    assert!(ns >= 2 * LOOPBACK_LATENCY_NS, "{ns} ns");
    // No millisecond rounding: the loop wakes when the bytes arrive.
    assert!(ns < 2 * LOOPBACK_LATENCY_NS + 100_000, "{ns} ns");
}

#[test]
fn a_loop_waiting_on_a_socket_is_blocked_not_spinning() {
    // The peer is a thread with a blocking socket that answers after three seconds; the loop
    // has no timers, only the socket (and its self-pipe) to wait on.
    let src = r#"
import asyncio, socket, threading, time
def peer(lsock):
    conn, _ = lsock.accept()
    time.sleep(3)
    conn.sendall(b"late")
    conn.close()
async def main():
    lsock = socket.create_server(("127.0.0.1", 51901))
    t = threading.Thread(target=peer, args=(lsock,))
    t.start()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    reader, writer = await asyncio.open_connection("127.0.0.1", 51901)
    print(await reader.read(100), round(loop.time() - t0, 1))
    writer.close()
    t.join()
    lsock.close()
asyncio.run(main())
"#;
    let r = run(src);
    assert_eq!(r.stdout(), "b'late' 3.0\n", "{}", r.stderr());
    let blocked: u64 = segments(&r.trace, r.end_ns)
        .iter()
        .filter(|s| s.thread == 0 && matches!(s.state, SegmentState::Blocked(_)))
        .map(|s| s.end - s.start)
        .sum();
    assert!(blocked >= 3 * SECOND - SECOND / 100, "blocked for {blocked} ns of {} ns", r.end_ns);
    let on: Vec<&str> = r
        .trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Blocked { thread: 0, on, .. } => Some(on.as_str()),
            _ => None,
        })
        .collect();
    assert!(on.iter().any(|o| o.starts_with("asyncio event loop idle")), "{on:?}");
    // Waiting three seconds costs no more instructions than waiting a millisecond.
    let short = run(&src.replace("time.sleep(3)", "time.sleep(0.001)").replace("3.0", "0.0"));
    assert!(r.steps <= short.steps + 200, "{} steps vs {}", r.steps, short.steps);
}

#[test]
fn an_asyncio_server_with_threads_is_the_same_for_every_seed() {
    let src = r#"
import asyncio, socket, threading
def blocking_client(i, out):
    with socket.create_connection(("127.0.0.1", 51902)) as s:
        s.sendall(("thread %d\n" % i).encode())
        out.append(s.recv(100))
async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()
async def client(i):
    reader, writer = await asyncio.open_connection("127.0.0.1", 51902)
    writer.write(("task %d\n" % i).encode())
    data = await reader.read()
    writer.close()
    return data
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 51902)
    out = []
    threads = [threading.Thread(target=blocking_client, args=(i, out)) for i in range(3)]
    for t in threads:
        t.start()
    print(await asyncio.gather(*(client(i) for i in range(3))))
    await asyncio.to_thread(lambda: [t.join() for t in threads])
    print(sorted(out))
    server.close()
    await server.wait_closed()
asyncio.run(main())
"#;
    let first = run_seed(src, 1);
    assert!(first.stderr().is_empty(), "{}", first.stderr());
    assert!(first.stdout().contains("[b'TASK 0\\n', b'TASK 1\\n', b'TASK 2\\n']"), "{}", first.stdout());
    assert!(first.stdout().contains("[b'THREAD 0\\n', b'THREAD 1\\n', b'THREAD 2\\n']"), "{}", first.stdout());
    for seed in 2..6 {
        let r = run_seed(src, seed);
        assert_eq!(r.stdout(), first.stdout(), "seed {seed}: {}", r.stderr());
    }
    let again = run_seed(src, 1);
    assert_eq!((again.steps, again.end_ns, again.schedule.clone()), (first.steps, first.end_ns, first.schedule.clone()));
}

#[test]
fn a_loop_reading_a_socket_nobody_writes_to_is_a_deadlock() {
    let src = r#"
import asyncio
async def handle(reader, writer):
    await reader.read()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 51903)
    reader, writer = await asyncio.open_connection("127.0.0.1", 51903)
    await reader.read(100)
asyncio.run(main())
"#;
    let r = run(src);
    assert_ne!(r.exit_code, 0);
    let err = r.stderr();
    assert!(err.contains("interleave: deadlock"), "{err}");
    assert!(err.contains("asyncio event loop that is waiting"), "{err}");
    assert!(r.end_ns < SECOND / 100, "end at {} ns", r.end_ns);
}

#[test]
fn a_loop_without_networking_makes_no_sockets() {
    // The self-pipe is made with the first registered descriptor only.
    let r = run("import asyncio\nasyncio.run(asyncio.sleep(1))\nprint('ok')\n");
    assert_eq!(r.stdout(), "ok\n", "{}", r.stderr());
    assert!(!r.trace.iter().any(|e| matches!(e, TraceEvent::Net { .. })));
}
