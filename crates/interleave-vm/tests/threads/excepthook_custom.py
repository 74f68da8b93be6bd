# A custom threading.excepthook receives the exception and the thread.
import threading

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


def fail(msg):
    raise ValueError(msg)


threading.excepthook = hook
t = threading.Thread(target=fail, args=("boom",), name="failing")
t.start()
t.join()
t2 = threading.Thread(target=lambda: 1 / 0)
t2.start()
t2.join()
print(caught)
print(t.is_alive())

threading.excepthook = threading.__excepthook__
t3 = threading.Thread(target=lambda: exit(3))
t3.start()
t3.join()
print("SystemExit in a thread is silent")
