import threading
data = threading.local()
data.x = "main"
def f(v):
    print(hasattr(data, "x"))
    data.x = v
    print(data.x)
t = threading.Thread(target=f, args=("thread",)); t.start(); t.join()
print(data.x)
def boom():
    raise ValueError("bad thing")
t = threading.Thread(target=boom, name="Boomer"); t.start(); t.join()
print("after boom")
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=boom, name="Hooked"); t.start(); t.join()
threading.excepthook = old
print(seen)
class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
ml = MyLocal(5)
def g():
    print("g", ml.v)
    ml.v += 1
    print("g", ml.v)
t = threading.Thread(target=g); t.start(); t.join()
print(ml.v)
def exit_thread():
    import sys
    sys.exit(3)
t = threading.Thread(target=exit_thread); t.start(); t.join()
print("sysexit in thread ignored")
