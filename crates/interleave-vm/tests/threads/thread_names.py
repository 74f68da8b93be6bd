# Default and explicit thread names, current_thread() inside a worker.
import threading

names = []


def worker():
    names.append(threading.current_thread().name)


def other():
    names.append(threading.current_thread().name)


a = threading.Thread(target=worker)
b = threading.Thread(target=other)
c = threading.Thread(target=worker, name="custom")
d = threading.Thread(target=lambda: names.append(threading.current_thread().name))
e = threading.Thread()
print(a.name, b.name, c.name, d.name, e.name, sep=" | ")
for t in (a, b, c, d):
    t.start()
    t.join()
print(names)
c.name = 42
print(repr(c.name))
print(threading.main_thread().name, threading.current_thread().name)


class Worker(threading.Thread):
    def run(self):
        names.append(self.name)


w = Worker()
print(w.name)
w.start()
w.join()
print(names[-1])
timer = threading.Timer(0.01, worker)
print(timer.name)
