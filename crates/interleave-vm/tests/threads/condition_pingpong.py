# Two threads take turns strictly through a Condition and a shared turn variable.
import threading

cond = threading.Condition()
turn = "ping"
log = []


def player(me, other, rounds):
    global turn
    for i in range(rounds):
        with cond:
            while turn != me:
                cond.wait()
            log.append(f"{me} {i}")
            turn = other
            cond.notify()


a = threading.Thread(target=player, args=("ping", "pong", 4))
b = threading.Thread(target=player, args=("pong", "ping", 4))
b.start()
a.start()
a.join()
b.join()
print("\n".join(log))
