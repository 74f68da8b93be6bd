# Process edge cases as CPython has them: exit codes of signals, close(), active_children()
# reaping finished children, an orphan adopted by init.
import multiprocessing as mp, os, signal, time, sys

def sleeper():
    time.sleep(10)

def quick():
    pass

def orphan_child(q):
    # the grandchild: wait until its parent exited
    time.sleep(0.5)
    q.put(os.getppid())

def middle(q):
    p = mp.Process(target=orphan_child, args=(q,))
    p.start()
    os._exit(0)

if __name__ == "__main__":
    p = mp.Process(target=sleeper)
    p.start()
    os.kill(p.pid, signal.SIGKILL)
    p.join()
    print("SIGKILL exitcode", p.exitcode, repr(p).split(" pid=")[0], repr(p).split(" stopped ")[1])
    p2 = mp.Process(target=sleeper)
    p2.start()
    p2.terminate()
    p2.join()
    print("terminate exitcode", p2.exitcode)
    p3 = mp.Process(target=sleeper)
    p3.start()
    p3.kill()
    p3.join()
    print("kill exitcode", p3.exitcode)
    # close()
    p4 = mp.Process(target=sleeper)
    p4.start()
    try:
        p4.close()
    except ValueError as e:
        print("close running:", e)
    p4.kill(); p4.join()
    p4.close()
    p4.close()
    checks = [("is_alive()", lambda: p4.is_alive()), ("join()", lambda: p4.join()),
              ("start()", lambda: p4.start()), ("exitcode", lambda: p4.exitcode),
              ("pid", lambda: p4.pid), ("sentinel", lambda: p4.sentinel),
              ("terminate()", lambda: p4.terminate()), ("kill()", lambda: p4.kill()),
              ("name", lambda: p4.name), ("ident", lambda: p4.ident), ("daemon", lambda: p4.daemon)]
    for what, fn in checks:
        try:
            r = fn()
            print(what, "->", r)
        except Exception as e:
            print(what, type(e).__name__, e)
    try:
        print(repr(p4).split(" parent=")[0], repr(p4).split(" ")[-1])
    except Exception as e:
        print("repr", type(e).__name__, e)
    p5 = mp.Process(target=quick)
    try:
        p5.close()
        print("close unstarted ok")
    except Exception as e:
        print("close unstarted", type(e).__name__, e)
    # active_children reaps
    ps = [mp.Process(target=quick) for _ in range(3)]
    for x in ps: x.start()
    time.sleep(0.5)
    print("active", len(mp.active_children()))
    print("exitcodes", [x.exitcode for x in ps])
    # orphan
    q = mp.Queue()
    m = mp.Process(target=middle, args=(q,))
    m.start(); m.join()
    print("orphan ppid", q.get())
    print(p.exitcode == -signal.SIGKILL, p2.exitcode == -signal.SIGTERM, signal.strsignal(signal.SIGKILL))
