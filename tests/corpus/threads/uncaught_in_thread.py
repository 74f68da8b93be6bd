import threading
def level2(x):
    return {"a": 1}[x]
def level1():
    level2("missing")
t = threading.Thread(target=level1, name="Fetcher")
t.start()
t.join()
print("main continues")
def arg_error(a, b):
    pass
t = threading.Thread(target=arg_error, args=(1,))
t.start(); t.join()
print("end")
