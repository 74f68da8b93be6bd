# Four threads doing CPU-bound work (sums of squares); results joined in order.
import threading

results = [0] * 4


def work(k):
    total = 0
    for i in range(300_000):
        total += (i * k) % 7
    results[k] = total


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
