# Dict and list churn: inserts, lookups, updates, deletes, appends and pops.
table = {}
for i in range(200_000):
    table[f"k{i % 5000}"] = table.get(f"k{i % 5000}", 0) + i
for i in range(0, 5000, 3):
    del table[f"k{i}"]
stack = []
total = 0
for i in range(300_000):
    stack.append(i)
    if i % 3 == 0:
        total += stack.pop()
rows = [[j * i for j in range(10)] for i in range(20_000)]
print(len(table), sum(table.values()) % 1_000_003, len(stack), total, sum(r[9] for r in rows))
