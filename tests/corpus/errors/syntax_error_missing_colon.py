# A syntax error: nothing runs, CPython reports the line with a caret and exits 1.
print("this never prints")
def broken(x)
    return x
