# A global counter incremented 2,000,000 times at module level (global loads and stores).
counter = 0
i = 0
while i < 2_000_000:
    counter += 1
    i += 1
print(counter)
