//! The simulated loopback network on the machine: its costs in virtual time (a request and its
//! response take two one-way latencies; a threaded server overlaps its clients), determinism
//! across seeds and runs, the trace's `net` events and blocked waits, deadlocks on sockets, and
//! that nothing real is touched.

mod common;

use interleave_machine::trace::TraceEvent;
use interleave_machine::{RunResult, Settings, run_program};
use common::{run, run_seed};
use interleave_vm::kernel::net::LOOPBACK_LATENCY_NS;

/// The numbers a program printed, one per line.
fn numbers(r: &RunResult) -> Vec<u64> {
    assert_eq!(r.exit_code, 0, "{}", r.stderr());
    r.stdout().lines().map(|l| l.trim().parse().expect("a number")).collect()
}

const ECHO_SERVER: &str = r#"
import socket, threading, time
srv = socket.create_server(("127.0.0.1", 50500))
def handle(conn):
    with conn:
        while data := conn.recv(1024):
            conn.sendall(data)
def serve(n):
    for _ in range(n):
        conn, _ = srv.accept()
        threading.Thread(target=handle, args=(conn,)).start()
"#;

#[test]
fn a_round_trip_costs_two_latencies_and_connect_one() {
    let src = format!(
        "{ECHO_SERVER}
threading.Thread(target=serve, args=(1,)).start()
c = socket.socket()
t0 = time.perf_counter_ns()
c.connect(('127.0.0.1', 50500))
t1 = time.perf_counter_ns()
c.sendall(b'ping')
c.recv(100)
t2 = time.perf_counter_ns()
c.close()
print(t1 - t0)
print(t2 - t1)
"
    );
    let r = run(&src);
    let n = numbers(&r);
    let (connect, round_trip) = (n[0], n[1]);
    let two = 2 * LOOPBACK_LATENCY_NS;
    assert!(connect >= two && connect < two + 20_000, "connect took {connect} ns");
    assert!(round_trip >= two && round_trip < two + 40_000, "round trip took {round_trip} ns");
}

/// Virtual time for `n` clients served one after another, or all at once by threads.
fn clients_ns(n: usize, concurrent: bool) -> u64 {
    let src = format!(
        "{ECHO_SERVER}
threading.Thread(target=serve, args=({n},)).start()
def client(i):
    with socket.create_connection(('127.0.0.1', 50500)) as c:
        for k in range(3):
            c.sendall(f'message {{k}}'.encode())
            assert c.recv(100) == f'message {{k}}'.encode()
t0 = time.perf_counter_ns()
if {concurrent}:
    ts = [threading.Thread(target=client, args=(i,)) for i in range({n})]
    for t in ts: t.start()
    for t in ts: t.join()
else:
    for i in range({n}):
        client(i)
print(time.perf_counter_ns() - t0)
",
        concurrent = if concurrent { "True" } else { "False" }
    );
    numbers(&run(&src))[0]
}

#[test]
fn a_threaded_server_serves_a_hundred_clients_concurrently_in_virtual_time() {
    let serial = clients_ns(100, false);
    let threaded = clients_ns(100, true);
    // Each client: a connect and three round trips, 8 latencies of waiting.
    assert!(serial >= 100 * 8 * LOOPBACK_LATENCY_NS, "serial {serial}");
    // Threads wait for the network at the same time; only their CPU work is serialised by
    // the GIL.
    assert!(threaded * 4 < serial, "threaded {threaded} vs serial {serial}");
}

const SELECT_SERVER: &str = r#"
import select, socket, threading
srv = socket.create_server(("127.0.0.1", 50501))
srv.setblocking(False)
order = []
def client(i):
    with socket.create_connection(("127.0.0.1", 50501)) as c:
        c.sendall(str(i).encode())
        order.append(c.recv(10).decode())
ts = [threading.Thread(target=client, args=(i,)) for i in range(5)]
for t in ts: t.start()
socks, done = [srv], 0
while done < 5:
    r, _, _ = select.select(socks, [], [])
    for s in r:
        if s is srv:
            socks.append(srv.accept()[0])
        elif data := s.recv(10):
            s.sendall(data)
        else:
            socks.remove(s); s.close(); done += 1
for t in ts: t.join()
print(order)
"#;

#[test]
fn runs_are_deterministic_per_seed_and_every_seed_serves_every_client() {
    let a = run_seed(SELECT_SERVER, 7);
    let b = run_seed(SELECT_SERVER, 7);
    assert_eq!(a.stdout(), b.stdout());
    assert_eq!(a.end_ns, b.end_ns);
    assert_eq!(a.trace, b.trace);
    assert_eq!(a.exit_code, 0, "{}", a.stderr());
    for seed in 0..12 {
        let r = run_seed(SELECT_SERVER, seed);
        assert_eq!(r.exit_code, 0, "seed {seed}: {}", r.stderr());
        let mut got: Vec<String> = r.stdout().trim().trim_matches(['[', ']']).split(", ").map(str::to_owned).collect();
        got.sort();
        assert_eq!(got, ["'0'", "'1'", "'2'", "'3'", "'4'"], "seed {seed}");
    }
}

#[test]
fn transfers_and_waits_show_in_the_trace() {
    let r = run(SELECT_SERVER);
    let mut sent = 0;
    let mut received = 0;
    for e in &r.trace {
        if let TraceEvent::Net { what, bytes, local, remote, .. } = e {
            match what.as_str() {
                "send" => sent += bytes,
                "recv" => received += bytes,
                _ => {}
            }
            assert!(local.starts_with("127.0.0.1:"), "{local}");
            assert!(remote.starts_with("127.0.0.1:") || remote == "-", "{remote}");
        }
    }
    // Five one-byte requests and their echoes.
    assert_eq!((sent, received), (10, 10));
    let blocked: Vec<&str> = r
        .trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Blocked { on, .. } => Some(on.as_str()),
            _ => None,
        })
        .collect();
    assert!(blocked.iter().any(|on| on.starts_with("any of socket 127.0.0.1:50501") && on.ends_with("in select.select(socks, [], []) at line 14")), "{blocked:?}");
    assert!(blocked.iter().any(|on| on.contains("->127.0.0.1:50501 in c.recv(10) at line 9")), "{blocked:?}");
    let json = r.trace_json(&Settings::default());
    assert!(json.contains("\"version\":5"), "{}", &json[..200]);
    assert!(json.contains("\"kind\":\"net\""));
}

#[test]
fn a_server_nobody_connects_to_is_a_deadlock_on_its_socket() {
    let r = run("import socket\nsrv = socket.create_server(('127.0.0.1', 50502))\nconn, _ = srv.accept()\n");
    assert_ne!(r.exit_code, 0);
    assert!(r.stderr().contains("socket 127.0.0.1:50502"), "{}", r.stderr());
}

#[test]
fn client_and_server_in_separate_processes() {
    let src = r#"
import os, socket, sys
srv = socket.create_server(("127.0.0.1", 50503))
pid = os.fork()
if pid == 0:
    srv.close()
    with socket.create_connection(("127.0.0.1", 50503)) as c:
        c.sendall(b"from the child")
    os._exit(0)
conn, _ = srv.accept()
print(conn.recv(100))
print(conn.recv(100))
os.waitpid(pid, 0)
"#;
    let r = run(src);
    assert_eq!(r.stdout(), "b'from the child'\nb''\n", "{}", r.stderr());
}

#[test]
fn a_socket_closes_only_when_every_process_closed_it() {
    // The parent keeps its copy of the connection after the fork: the child's close alone does
    // not end the stream, so the server sees end of file only after the parent closes too.
    let src = r#"
import os, socket, time
srv = socket.create_server(("127.0.0.1", 50504))
c = socket.create_connection(("127.0.0.1", 50504))
conn, _ = srv.accept()
conn.settimeout(0.01)
pid = os.fork()
if pid == 0:
    c.close()
    os._exit(0)
os.waitpid(pid, 0)
try:
    conn.recv(10)
except TimeoutError as e:
    print("still open:", e)
c.close()
print(conn.recv(10))
"#;
    let r = run(src);
    assert_eq!(r.stdout(), "still open: timed out\nb''\n", "{}", r.stderr());
}

#[test]
fn nothing_real_is_touched() {
    // The network is simulated: no source of the VM or the machine uses the platform's
    // sockets.
    let sources = [
        include_str!("../../interleave-vm/src/kernel/net.rs"),
        include_str!("../../interleave-vm/src/modules/net.rs"),
        include_str!("../../interleave-vm/src/kernel.rs"),
        include_str!("../src/machine.rs"),
    ];
    for s in sources {
        for banned in ["std::net", "TcpStream", "TcpListener", "UdpSocket", "libc::"] {
            assert!(!s.contains(banned), "uses {banned}");
        }
    }
    // A port another program on this computer might use is free in every run, and a host
    // outside the loopback network cannot be reached.
    let r = run(
        "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 22))\nprint(s.getsockname())\ntry:\n    socket.create_connection(('93.184.216.34', 80))\nexcept NotImplementedError as e:\n    print(e)\n",
    );
    assert_eq!(
        r.stdout(),
        "('127.0.0.1', 22)\nonly the simulated loopback network exists: cannot connect to '93.184.216.34'\n",
        "{}",
        r.stderr()
    );
}

#[test]
fn what_is_not_simulated_says_so() {
    let r = run(
        "import socket, select\nfor f in (lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM), lambda: socket.socket(socket.AF_UNIX), select.poll, socket.socketpair):\n    try:\n        f()\n    except NotImplementedError as e:\n        print(e)\n",
    );
    assert_eq!(
        r.stdout(),
        "UDP sockets (SOCK_DGRAM) are not simulated\nsocket family AF_UNIX is not simulated (only AF_INET)\nselect.poll() is not simulated; use select.select() or selectors\nsocket.socketpair() is not simulated\n",
        "{}",
        r.stderr()
    );
}

#[test]
fn the_side_that_closes_first_keeps_its_port_in_time_wait() {
    // As Linux does (checked against CPython on fresh ports): the listener's SO_REUSEADDR
    // passes to the connection, whose TIME_WAIT then blocks only a bind without it, for 60 s.
    let src = r#"
import socket, time
def tw(listener_reuse):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, listener_reuse)
    srv.bind(("127.0.0.1", 50505))
    srv.listen()
    c = socket.create_connection(("127.0.0.1", 50505))
    conn, _ = srv.accept()
    conn.close()
    c.recv(10)
    c.close()
    srv.close()
def try_bind(reuse):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, reuse)
    try:
        s.bind(("127.0.0.1", 50505))
        print(reuse, "bound")
    except OSError as e:
        print(reuse, e)
    s.close()
for listener_reuse in (0, 1):
    tw(listener_reuse)
    try_bind(0)
    try_bind(1)
    time.sleep(61)
try_bind(0)
"#;
    let settings = Settings { until_ns: 200_000_000_000, ..Settings::default() };
    let r = run_program(src, "/prog.py", &settings);
    assert_eq!(
        r.stdout(),
        "0 [Errno 98] Address already in use\n1 [Errno 98] Address already in use\n\
         0 [Errno 98] Address already in use\n1 bound\n0 bound\n",
        "{}",
        r.stderr()
    );
}
