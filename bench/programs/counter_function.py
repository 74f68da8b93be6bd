# The same 2,000,000-iteration counter loop inside a function (fast locals).
def count(n):
    counter = 0
    for _ in range(n):
        counter += 1
    return counter

print(count(2_000_000))
