# Multiprocessing: start many processes that each sleep (the lessons' stress example), then
# spread CPU-bound work over a pool. Measures process start-up (fork) and IPC.
import multiprocessing as mp
import time


def nap():
    time.sleep(0.1)


def work(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


if __name__ == "__main__":
    ps = [mp.Process(target=nap) for _ in range(300)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("processes:", len(ps), "exit codes:", {p.exitcode for p in ps})
    with mp.Pool(4) as pool:
        print("pool:", sum(pool.map(work, [20000] * 40)))
