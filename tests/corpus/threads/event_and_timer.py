import threading, time
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
results = []
def waiter(i):
    ev.wait()
    results.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts: t.start()
time.sleep(0.05)
print("before set", results)
ev.set()
for t in ts: t.join()
print(sorted(results), ev.is_set())
ev.clear()
print(ev.is_set())
fired = []
t = threading.Timer(0.05, lambda: fired.append("a"))
t.start(); t.join()
print(fired)
t2 = threading.Timer(10, lambda: fired.append("b"))
t2.start(); t2.cancel(); t2.join()
print(fired, t2.finished.is_set())
t3 = threading.Timer(0.01, print, args=("timer", "args"), kwargs={"sep": "-"})
t3.start(); t3.join()
start = time.monotonic()
ev2 = threading.Event()
ok = ev2.wait(0.2)
print(ok, time.monotonic() - start >= 0.2)
