# The default excepthook prints CPython's report on stderr; the program carries on.
import threading


def worker():
    raise ValueError("boom")


t = threading.Thread(target=worker)
t.start()
t.join()
print("main continues")
