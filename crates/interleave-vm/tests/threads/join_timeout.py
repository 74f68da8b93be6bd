# join(timeout) returns while the thread is still alive; is_alive tells which.
import threading

gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
t.join(timeout=0.05)
print("alive after timed join:", t.is_alive())
t.join(0)
print("still alive:", t.is_alive())
gate.set()
t.join()
print("alive after join:", t.is_alive())
t.join(-1)
print(repr(t).startswith("<Thread(Thread-1 (wait), stopped "))
