# Misuse of Thread objects raises CPython's errors.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print("join before start:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("start twice:", e)
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("join self:", e)


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print("no init:", e)
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("group:", e)
