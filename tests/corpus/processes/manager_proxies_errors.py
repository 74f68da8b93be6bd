# Manager proxies: errors as CPython raises them, operators of other proxy types, loops on truth.
import multiprocessing as mp
if __name__ == "__main__":
    with mp.Manager() as m:
        lp = m.list([3, 1, 2])
        dp = m.dict(a=1)
        vp = m.Value("i", 0)
        ev = m.Event()
        tests = [
            ("add_bad", lambda: lp + 5),
            ("mul_bad", lambda: lp * "x"),
            ("sub", lambda: lp - [1]),
            ("fspec", lambda: f"{lp:>5}"),
            ("fspec_s", lambda: f"{dp!s:*^20}"),
            ("fr", lambda: f"{vp!r}".split(" at ")[0]),
            ("not_vp", lambda: not vp),
            ("if_vp", lambda: "t" if vp else "f"),
            ("if_ev", lambda: "t" if ev else "f"),
            ("in_vp", lambda: 1 in vp),
            ("in_ev", lambda: 1 in ev),
            ("sorted_dp", lambda: sorted(dp)),
            ("percent1", lambda: "%s!" % lp),
            ("percent_r", lambda: ("%r" % (vp,)).split(" at ")[0]),
            ("percent_d", lambda: "%d" % (lp,)),
            ("fmt_spec", lambda: format(lp, "x")),
            ("bool_dp", lambda: bool(dp)),
            ("while", lambda: [lp.pop() for _ in iter(int, 1) if not lp or True][:0] if False else None),
            ("eq", lambda: (lp == lp, lp != dp, dp == {"a": 1})),
            ("lt", lambda: dp < dp),
            ("getitem_bad", lambda: lp[10]),
            ("key_bad", lambda: dp["zz"]),
            ("neg", lambda: -lp),
            ("str_dp", lambda: str(dp)),
            ("any_dp", lambda: any(dp)),
        ]
        for name, fn in tests:
            try:
                r = fn()
            except Exception as e:
                r = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
            print(name, r)
        n = 0
        while lp:
            lp.pop()
            n += 1
        print("popped", n, len(lp), bool(lp))
