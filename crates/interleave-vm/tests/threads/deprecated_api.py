# The camelCase API still works but warns once per call site (DeprecationWarning in __main__).
import threading

t = threading.Thread(target=lambda: None)
t.setDaemon(True)
print(t.isDaemon(), t.getName().startswith("Thread-"))
t.setName("renamed")
print(t.name)
for i in range(3):
    print(threading.currentThread().name)
print(threading.activeCount())
e = threading.Event()
print(e.isSet())
c = threading.Condition()
with c:
    c.notifyAll()
print(threading.currentThread().name)
