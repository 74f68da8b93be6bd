# A multiprocessing child reads /dev/null as its stdin (CPython closes it in _bootstrap);
# the parent still reads the real input.
import multiprocessing as mp
import sys


def child(tag):
    try:
        answer = input(f"{tag}? ")
        print(tag, "read", repr(answer))
    except EOFError as e:
        print(tag, "EOFError:", e)
    print(tag, "read() gives", repr(sys.stdin.read()))
    sys.stdout.flush()


if __name__ == "__main__":
    for method in ["fork", "spawn"]:
        p = mp.get_context(method).Process(target=child, args=(method,))
        p.start()
        p.join()
    print("parent read", repr(input("parent? ")))
    print("parent read", repr(input("parent? ")))
