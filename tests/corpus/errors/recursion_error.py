# Unbounded recursion: RecursionError after sys.getrecursionlimit() frames, traceback
# compressed with "[Previous line repeated N more times]".
def down(n):
    return down(n + 1) + 1

print("recursing")
down(0)
