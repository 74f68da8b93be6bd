# queue.Empty raised inside queue.py: its frames show with CPython 3.11.7's line numbers.
import queue

q = queue.Queue()
q.put(1)
print(q.get_nowait())
q.get_nowait()
