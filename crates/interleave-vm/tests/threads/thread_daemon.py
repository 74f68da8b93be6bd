# The daemon flag: inherited, settable before start, and daemon threads die at exit.
import threading
import time

print(threading.main_thread().daemon)
t = threading.Thread(target=lambda: None)
print(t.daemon)
t.daemon = True
print(t.daemon)
t.start()
t.join()
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

inner = []


def spawner():
    child = threading.Thread(target=lambda: None)
    inner.append(child.daemon)


s = threading.Thread(target=spawner, daemon=True)
s.start()
s.join()
print("child of a daemon is a daemon:", inner)


def forever():
    time.sleep(100)
    print("never printed")


bg = threading.Thread(target=forever, daemon=True)
bg.start()
print(bg.is_alive())
print("main exits")
