# Class patterns against classes that define __match_args__ (no dataclasses), keyword
# sub-patterns, nested patterns and guards.
import math


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


class Rect:
    __match_args__ = ("corner", "width", "height")

    def __init__(self, corner, width, height):
        self.corner = corner
        self.width = width
        self.height = height


class Square(Rect):
    __match_args__ = ("corner", "width")

    def __init__(self, corner, side):
        super().__init__(corner, side, side)


class Polygon:
    def __init__(self, *points):
        self.points = list(points)


def describe(shape):
    match shape:
        case Point(0, 0):
            return "the origin"
        case Point(x=0, y=y):
            return f"a point on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"a point on the diagonal at {x}"
        case Point():
            return f"the point {shape}"
        case Circle(Point(0, 0), r):
            return f"a circle of radius {r} around the origin"
        case Circle(center, radius=r) if r <= 0:
            return f"a degenerate circle at {center}"
        case Circle(c, r):
            return f"a circle at {c} with area {math.pi * r * r:.2f}"
        case Square(Point(x, y), side):
            return f"a {side}x{side} square at ({x}, {y})"
        case Rect(_, w, h) if w == h:
            return f"a square-shaped rectangle of side {w}"
        case Rect(corner, w, h):
            return f"a {w}x{h} rectangle at {corner}"
        case Polygon(points=[_, _, _] as pts):
            return f"a triangle through {pts}"
        case Polygon(points=[first, *_, last]):
            return f"a polygon from {first} to {last}"
        case int(n) | float(n):
            return f"just the number {n}"
        case str() as s:
            return f"the word {s!r}"
        case _:
            return f"something else: {shape!r}"


shapes = [
    Point(0, 0), Point(0, 5), Point(3, 3), Point(2, -1),
    Circle(Point(0, 0), 2), Circle(Point(1, 1), 0), Circle(Point(1, 2), 1.5),
    Square(Point(1, 1), 4), Rect(Point(0, 0), 3, 3), Rect(Point(2, 2), 3, 4),
    Polygon(Point(0, 0), Point(1, 0), Point(0, 1)),
    Polygon(Point(0, 0), Point(1, 0), Point(1, 1), Point(0, 1)),
    7, 2.5, "hex", None, [Point(1, 1)],
]
for s in shapes:
    print(describe(s))


def area(shape):
    match shape:
        case Circle(radius=r):
            return round(math.pi * r ** 2, 3)
        case Rect(width=w, height=h):
            return w * h
        case Polygon(points=pts) if len(pts) >= 3:
            total = 0
            for (x1, y1), (x2, y2) in zip([(p.x, p.y) for p in pts], [(p.x, p.y) for p in pts[1:] + pts[:1]]):
                total += x1 * y2 - x2 * y1
            return abs(total) / 2
    raise TypeError(f"no area for {type(shape).__name__}")


print([area(s) for s in shapes[4:12]])
try:
    area(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
