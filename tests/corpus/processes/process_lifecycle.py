# multiprocessing.Process lifecycle: join with a timeout, terminate/kill exit codes, exit codes
# from sys.exit and exceptions, daemon rules.
import multiprocessing as mp
import sys
import time


def forever():
    while True:
        time.sleep(0.01)


def leave(code):
    sys.exit(code)


def spawn_child():
    p = mp.Process(target=time.sleep, args=(0.01,))
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
        sys.stdout.flush()
        raise SystemExit(5)


def slow():
    time.sleep(0.5)
    print("never printed: daemons are terminated when the parent exits")


if __name__ == "__main__":
    p = mp.Process(target=forever)
    print("before start:", p.is_alive(), p.exitcode, p.pid)
    p.start()
    p.join(timeout=0.05)
    print("alive after join(timeout):", p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print("terminated:", p.exitcode, repr(p).split()[-1], p.is_alive())

    p = mp.Process(target=forever, name="K")
    p.start()
    p.kill()
    p.join()
    print("killed:", p.name, p.exitcode, repr(p).split()[-1])

    for code in (0, 3, None, True):
        p = mp.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print("sys.exit(%r) ->" % (code,), p.exitcode)

    d = mp.Process(target=spawn_child, daemon=True)
    d.start()
    d.join()
    print("daemon with child:", d.exitcode)

    try:
        d.start()
    except AssertionError as e:
        print("AssertionError:", e)
    q = mp.Process(target=time.sleep, args=(0.01,))
    q.start()
    try:
        q.daemon = True
    except AssertionError as e:
        print("AssertionError:", e)
    q.join()
    q.close()
    try:
        q.is_alive()
    except ValueError as e:
        print("ValueError:", e)

    d = mp.Process(target=slow, daemon=True)
    d.start()
    print("active children:", [c.name for c in mp.active_children()])
    print("main exits; the daemon is terminated")
