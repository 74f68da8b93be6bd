# Manager proxies among the arguments of str.format() and %.
import multiprocessing as mp
if __name__ == "__main__":
    with mp.Manager() as m:
        lp = m.list([1, 2])
        vp = m.Value("i", 7)
        print("{} and {x}".format(lp, x=vp))
        print("{0!r:.11} {1:>8}|".format(lp, "a"))
        try:
            print("{:>9}".format(lp))
        except TypeError as e:
            print(e)
        print("%s and %r" % (lp, "x"), "%(a)s" % {"a": 1})
