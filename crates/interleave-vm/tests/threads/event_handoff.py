# Event: one thread waits, another sets; wait() with timeout; clear().
import threading

ready = threading.Event()
go = threading.Event()
log = []


def waiter():
    ready.set()
    got = go.wait()
    log.append(("worker saw go", got))


t = threading.Thread(target=waiter)
t.start()
ready.wait()
print("worker ready:", ready.is_set())
go.set()
t.join()
print(log)
print("wait when already set:", go.wait(), go.wait(0))
go.clear()
print("after clear:", go.is_set(), go.wait(0.05))


def setter(ev):
    ev.set()


ev = threading.Event()
threading.Thread(target=setter, args=(ev,)).start()
print("set by another thread:", ev.wait(5))
