# Start threads, join them, then print their results in a fixed order.
import threading

results = {}


def square(n):
    results[n] = n * n


threads = [threading.Thread(target=square, args=(i,)) for i in range(5)]
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print([t.is_alive() for t in threads])
print(sorted(results.items()))
print(threading.active_count())
print(threading.current_thread() is threading.main_thread())
t = threading.Thread(target=square, kwargs={'n': 7})
t.start()
t.join()
t.join()  # joining twice is fine
print(results[7], t.ident is not None, isinstance(t.native_id, int))
