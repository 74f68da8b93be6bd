# Subclassing Thread: __init__ calls the base constructor, run() does the work.
import threading


class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)


workers = [Summer(range(i * 10, i * 10 + 10)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.total)
print(sum(w.total for w in workers) == sum(range(40)))
