import multiprocessing as mp
def show(tag):
    print("child", tag, mp.current_process().name)
if __name__ == "__main__":
    print(mp.get_start_method())
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        p = ctx.Process(target=show, args=(method,), name=f"{method}-child")
        p.start(); p.join()
        print(method, p.exitcode)
    print(sorted(mp.get_all_start_methods()))
    try:
        mp.get_context("bogus")
    except ValueError as e:
        print("ValueError", e)
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError", e)
    mp.set_start_method("fork", force=True)
    print(mp.get_start_method())
