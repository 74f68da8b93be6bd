# An exception in a Pool worker comes back as the cause of the one pool.map raises: the
# remote traceback shows pool.py's worker frames, the local one pool.py's map and get.
import multiprocessing as mp


def work(x):
    return 100 // x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(work, [1, 2, 4]))
        pool.map(work, [1, 0])
