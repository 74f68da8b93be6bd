# Timer: one fires after its interval, one is cancelled before it fires.
import threading
import time

fired = []
t1 = threading.Timer(0.2, fired.append, args=["first"])
t2 = threading.Timer(0.1, fired.append, args=["cancelled"])
t3 = threading.Timer(0.3, lambda who: fired.append(who), kwargs={"who": "third"})
t1.start()
t2.start()
t3.start()
t2.cancel()
t1.join()
t2.join()
t3.join()
print(fired)
print(t1.finished.is_set(), t2.finished.is_set())
t4 = threading.Timer(10, fired.append, args=["never"])
t4.start()
time.sleep(0.01)
t4.cancel()
t4.join()
print(fired)
