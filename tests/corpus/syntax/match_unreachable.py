# An unguarded capture pattern before other cases is a compile-time SyntaxError.
print("never printed")


def classify(value):
    match value:
        case [x, y]:
            return "pair"
        case other:
            return "something"
        case None:
            return "unreachable"
