# A job scheduler with heapq: priorities, ties broken by arrival order, simulated clock.
import heapq

jobs = [("backup", 3, 5), ("email", 1, 1), ("build", 2, 4), ("deploy", 1, 2), ("report", 3, 1)]
queue = []
for arrival, (name, priority, duration) in enumerate(jobs):
    heapq.heappush(queue, (priority, arrival, name, duration))
clock = 0
finished = []
while queue:
    priority, arrival, name, duration = heapq.heappop(queue)
    clock += duration
    finished.append(name)
    print(f"t={clock:>2}  ran {name:<7} (priority {priority}, took {duration})")
print("order:", " -> ".join(finished))
print(heapq.nsmallest(2, [5, 1, 4, 2]), heapq.nlargest(2, "hello"))
h = [9, 4, 7, 1]
heapq.heapify(h)
print(h, heapq.heappushpop(h, 3), heapq.heapreplace(h, 8), sorted(h))
