# Uncaught TypeError inside an expression: CPython 3.11 underlines the failing operation.
def describe(count, label):
    return "There are " + count + " " + label

print(describe(str(3), "cats"))
print(describe(3, "dogs"))
