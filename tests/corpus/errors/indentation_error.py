# An unexpected indent: IndentationError, a subclass of SyntaxError.
def f():
    x = 1
      y = 2
    return x + y
