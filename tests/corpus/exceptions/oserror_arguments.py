# OSError's constructor: errno/strerror/filename attributes, str(), args, and the subclass a
# plain OSError becomes for a known errno (as CPython's OSError.__new__ picks it).
import errno

for args in [(111, "Connection refused"), (2, "No such file", "data.txt"), (1,), ("just text",),
             ("a", "b", "c", "d", "e", "f"), (2, "x", "a", None, "b"), (11, "again"), (9999, "odd")]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, "|", str(e), "|", repr(e))

e = FileNotFoundError(2, "nope")
print(type(e).__name__, e, e.errno)
print(type(OSError(errno.ECONNRESET, "reset")).__name__, type(OSError(errno.EPIPE, "pipe")).__name__,
      type(OSError(errno.ETIMEDOUT, "slow")).__name__, type(OSError(errno.EACCES, "no")).__name__)

try:
    raise OSError(errno.ECONNREFUSED, "refused")
except ConnectionRefusedError as x:
    print("caught", type(x).__name__, x.errno, x.strerror)


class AppError(OSError):
    def __init__(self, msg):
        super().__init__(msg)


a = AppError("boom")
print(type(a).__name__, a, a.errno, a.args)
print(isinstance(OSError(111, "x"), ConnectionError), IOError is OSError)
raise OSError(errno.ENOENT, "No such file or directory", "missing.txt")
