# A tiny text adventure driven by commands on stdin: a state machine with rooms and items.
ROOMS = {
    "hall": {"desc": "a long hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "dusty shelves", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "darkness", "exits": {"up": "kitchen"}, "items": ["treasure"]},
}

def play():
    room = "hall"
    inventory = []
    moves = 0
    while True:
        try:
            command = input(f"[{room}]> ").strip().lower()
        except EOFError:
            print("\ninput ended")
            break
        moves += 1
        verb, _, noun = command.partition(" ")
        if verb == "look":
            here = ROOMS[room]
            print(f"You see {here['desc']}. Exits: {', '.join(sorted(here['exits']))}. Items: {here['items'] or 'none'}")
        elif verb == "go":
            target = ROOMS[room]["exits"].get(noun)
            if target == "cellar" and "lamp" not in inventory:
                print("Too dark to go down without a lamp.")
            elif target:
                room = target
                print("You go", noun)
            else:
                print("You can't go", noun or "nowhere")
        elif verb == "take":
            if noun in ROOMS[room]["items"]:
                ROOMS[room]["items"].remove(noun)
                inventory.append(noun)
                print("Taken:", noun)
            else:
                print("No", noun, "here")
        elif verb == "inv":
            print("Carrying:", inventory)
        elif verb == "quit":
            print("Bye")
            break
        else:
            print(f"Unknown command {command!r}")
        if "treasure" in inventory:
            print(f"You win in {moves} moves!")
            break
    return inventory

print("final inventory:", play())
