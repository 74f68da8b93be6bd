# Future states driven by hand: result, exception, cancel, callbacks, errors.
from concurrent.futures import Future, CancelledError, InvalidStateError, TimeoutError

f = Future()
print(f.done(), f.running(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append(("cb", fut.result())))
print(f.set_running_or_notify_cancel(), f.running())
f.set_result(42)
print(f.done(), f.result(), f.exception(), calls)
f.add_done_callback(lambda fut: calls.append("late"))
print(calls)
try:
    f.set_result(1)
except InvalidStateError as e:
    print("InvalidStateError:", str(e).split(":")[0])

g = Future()
g.set_exception(KeyError("k"))
print(repr(g.exception()))
try:
    g.result()
except KeyError as e:
    print("re-raised", repr(e))

h = Future()
print(h.cancel(), h.cancelled(), h.done(), h.cancel())
try:
    h.result()
except CancelledError:
    print("CancelledError")
print(h.set_running_or_notify_cancel())

p = Future()
try:
    p.result(timeout=0.01)
except TimeoutError:
    print("TimeoutError")
r = Future()
r.set_running_or_notify_cancel()
print(r.cancel())
print(CancelledError.__mro__[1].__name__, CancelledError.__module__)
