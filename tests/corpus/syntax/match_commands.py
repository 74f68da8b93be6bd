# The match statement on parsed text commands: sequence patterns with a star, alternatives
# bound with `as`, guards, and the trailing wildcard case.


def run(line, state):
    match line.split():
        case []:
            return "nothing to do"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            state["pos"].append(direction)
            return f"you walk {direction}"
        case ["go", other]:
            return f"you cannot go {other!r}"
        case ["take", *things] if things:
            state["bag"].extend(things)
            return "taken: " + ", ".join(things)
        case ["take"]:
            return "take what?"
        case ["drop", thing] if thing in state["bag"]:
            state["bag"].remove(thing)
            return f"dropped {thing}"
        case ["drop", thing, *_]:
            return f"you have no {thing}"
        case ["inventory" | "inv" | "i"]:
            return "bag: " + (", ".join(sorted(state["bag"])) or "empty")
        case ["say", first, *words, last]:
            return f"<{first}> {' '.join(words)} <{last}>"
        case ["quit" | "exit" as word, *rest]:
            return f"{word} ({len(rest)} extra words ignored)"
        case [verb, *_]:
            return f"unknown verb {verb}"


state = {"pos": [], "bag": []}
script = [
    "", "go north", "go up", "take lamp key", "take", "drop key", "drop sword now", "inv",
    "say hello there brave world", "say hi you", "go west", "i", "dance wildly", "exit now please",
]
for line in script:
    print(f"{line!r:32} -> {run(line, state)}")
print(state)


def tokens(seq):
    """Sequence patterns accept lists, tuples and ranges, but never strings."""
    match seq:
        case (a, b, c):
            return f"triple {a}{b}{c}"
        case [head, *tail]:
            return f"head={head} tail={tail}"
        case _:
            return f"not a sequence: {type(seq).__name__}"


for s in [[1, 2, 3], (4, 5, 6), range(7, 10), range(2), "abc", b"xy", [], {1, 2, 3}, (9,)]:
    print(repr(s), "=>", tokens(s))
