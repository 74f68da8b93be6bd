# Two threads each increment a shared counter 1,000,000 times under a threading.Lock.
import threading

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(1_000_000):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
