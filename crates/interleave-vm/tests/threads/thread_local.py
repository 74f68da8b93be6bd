# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.value = "main"
seen = {}


def worker(n):
    print_missing = not hasattr(data, "value")
    data.value = n
    seen[n] = (print_missing, data.value)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
    t.join()
print(sorted(seen.items()))
print(data.value)


class Counter(threading.local):
    initial = 100

    def __init__(self, start):
        self.count = start

    def bump(self):
        self.count += 1
        return self.count


c = Counter(10)
c.bump()
out = []


def use_counter():
    out.append((c.count, c.bump(), c.initial))
    c.initial = 5
    out.append(c.initial)


t = threading.Thread(target=use_counter)
t.start()
t.join()
print(c.count, c.initial, out)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(data, "missing"), getattr(data, "missing", "default"))
