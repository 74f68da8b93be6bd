# An uncaught IndexError at module level: traceback with ~~~^^^ markers, exit code 1.
items = [10, 20, 30]
print("before the error")
total = items[0] + items[5]
print("not reached")
