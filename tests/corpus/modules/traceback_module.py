import traceback, threading, sys, io
def parse(s):
    return int(s)
def worker(items):
    for it in items:
        try:
            print("parsed", parse(it))
        except ValueError:
            print("worker failed on", repr(it))
            traceback.print_exc()
t = threading.Thread(target=worker, args=(["1", "x"],))
t.start(); t.join()
try:
    {}["missing"]
except KeyError:
    text = traceback.format_exc()
    print(text.splitlines()[0], "|", text.splitlines()[-1])
    print(len(text.splitlines()))
print(repr(traceback.format_exc()))
def outer():
    try:
        parse("y")
    except ValueError as e:
        raise RuntimeError("outer failed") from e
try:
    outer()
except RuntimeError as e:
    parts = traceback.format_exception(e)
    print(len(parts))
    for p in parts:
        print(repr(p))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, e.__traceback__, chain=False)[-1], end="")
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    print(buf.getvalue() == "".join(parts))
e = ValueError("plain")
print(traceback.format_exception(e))
print(traceback.format_exception_only(ValueError, ValueError("old style")))
try:
    raise TypeError("to stderr")
except TypeError:
    traceback.print_exc(file=sys.stdout)
