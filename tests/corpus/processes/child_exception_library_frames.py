# An exception escaping a child process's target: multiprocessing's _bootstrap prints it
# through process.py's frames, and the child exits with code 1.
import multiprocessing as mp


def work():
    raise KeyError("missing")


if __name__ == "__main__":
    p = mp.Process(target=work)
    p.start()
    p.join()
    print("exit code", p.exitcode)
