# Conway's Game of Life on a small torus: a glider moves, population is tracked.
def step(cells, width, height):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % width, (y + dy) % height)
                    counts[key] = counts.get(key, 0) + 1
    return {pos for pos, n in counts.items() if n == 3 or (n == 2 and pos in cells)}

def render(cells, width, height):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(width)) for y in range(height))

W, H = 8, 6
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
for gen in range(5):
    print(f"generation {gen}, population {len(cells)}")
    print(render(cells, W, H))
    cells = step(cells, W, H)
print(sorted(cells))
