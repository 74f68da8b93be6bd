# Manager proxies used as CPython allows: f-strings, format(), %, str(), `in`, truth tests,
# comparisons, len(), iteration, indexing and operators (each a round trip to the manager).
import multiprocessing as mp
if __name__ == "__main__":
    with mp.Manager() as m:
        lp = m.list([1, 2, 3])
        dp = m.dict({"a": 1, "b": 2})
        vp = m.Value("i", 5)
        ns = m.Namespace(x=1)
        tests = [
            ("fstr", lambda: f"{lp} {dp}"),
            ("fstr_spec", lambda: f"{lp!s:>20}|"),
            ("fstr_r", lambda: f"{lp!r}"[:11]),
            ("format", lambda: format(dp)),
            ("percent", lambda: "%s" % (lp,)),
            ("str", lambda: str(lp)),
            ("in_list", lambda: 2 in lp),
            ("notin_list", lambda: 7 not in lp),
            ("in_dict", lambda: "a" in dp),
            ("eq", lambda: lp == [1, 2, 3]),
            ("eq_self", lambda: lp == lp),
            ("ne", lambda: dp != {"a": 1}),
            ("lt", lambda: lp < [5]),
            ("len", lambda: len(lp)),
            ("bool", lambda: bool(lp)),
            ("bool_v", lambda: bool(vp)),
            ("if", lambda: "yes" if dp else "no"),
            ("not", lambda: not lp),
            ("iter", lambda: [x for x in lp]),
            ("list", lambda: list(lp)),
            ("iter_dict", lambda: list(dp)),
            ("getitem", lambda: lp[1]),
            ("getitem_neg", lambda: lp[-1]),
            ("slice", lambda: lp[0:2]),
            ("dgetitem", lambda: dp["b"]),
            ("dmissing", lambda: dp["zz"]),
            ("add", lambda: lp + [4]),
            ("radd", lambda: [0] + lp),
            ("mul", lambda: lp * 2),
            ("rmul", lambda: 2 * lp),
            ("sorted", lambda: sorted(lp)),
            ("sum", lambda: sum(lp)),
            ("max", lambda: max(lp)),
            ("dict", lambda: dict(dp)),
            ("items", lambda: sorted(dp.items())),
            ("reversed", lambda: list(reversed(lp))),
            ("hash", lambda: type(hash(lp)).__name__),
            ("ns", lambda: (ns.x, str(ns))),
            ("vp", lambda: (vp.value, str(vp))),
            ("unpack", lambda: (lambda a, b, c: a + b + c)(*lp)),
            ("star", lambda: [*lp]),
            ("set", lambda: sorted(set(lp))),
            ("tuple", lambda: tuple(lp)),
            ("join", lambda: ",".join(dp)),
            ("enumerate", lambda: list(enumerate(lp))),
            ("zip", lambda: list(zip(lp, dp))),
            ("any", lambda: any(lp)),
            ("index", lambda: lp.index(3)),
        ]
        for name, fn in tests:
            try:
                r = fn()
            except Exception as e:
                r = "%s: %s" % (type(e).__name__, e)
            print(name, r)
        lp += [4]
        lp *= 2
        lp[0] = 10
        del lp[1]
        dp["c"] = 3
        del dp["a"]
        print(lp, dp)
        print(f"{lp}", f"{dp}")
