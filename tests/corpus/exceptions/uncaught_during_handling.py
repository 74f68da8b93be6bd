# An exception raised while handling another: "During handling of the above exception..."
def risky(x, y):
    return x / y

try:
    risky(1, 0)
except ZeroDivisionError:
    print("handling, then failing again")
    ratio = {"a": 1}["b"] + risky(2, 1)
