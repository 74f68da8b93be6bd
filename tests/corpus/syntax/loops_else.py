# for/while with else, break and continue; nested loops.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally at", i)
while True:
    i -= 1
    if i == 1:
        break
else:
    print("never printed")
print("i =", i)
for c in "abcdef":
    if c in "bd":
        continue
    if c == "f":
        break
    print(c, end=" ")
print()
for _ in []:
    print("empty body")
else:
    print("empty loop else")
count = 0
for a in range(4):
    for b in range(4):
        if b > a:
            break
        count += 1
print("count", count)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
