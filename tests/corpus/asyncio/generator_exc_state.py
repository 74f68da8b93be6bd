import sys
def g():
    try:
        raise ValueError("v")
    except ValueError:
        yield 1
        print("inside, handled:", repr(sys.exc_info()[1]))
        raise
it = g()
next(it)
print("outside, handled:", sys.exc_info()[1])
try:
    next(it)
except ValueError as e:
    print("reraised", repr(e))
