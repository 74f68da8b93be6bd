# Mapping patterns over JSON-like data: literal keys, `**rest`, nested sequences and
# mappings, value patterns from attribute lookups, and the None/True/False singletons.
import json


class Kind:
    USER = "user"
    ORDER = "order"


events = json.loads("""
[
  {"kind": "user", "id": 1, "name": "ada", "admin": true},
  {"kind": "user", "id": 2, "name": "bob", "admin": false, "email": null},
  {"kind": "user", "id": 3, "name": "cy", "tags": ["new", "vip"], "extra": 1},
  {"kind": "order", "id": 10, "items": [{"sku": "A", "qty": 2}], "paid": true},
  {"kind": "order", "id": 11, "items": [], "paid": false},
  {"kind": "order", "id": 12, "items": [{"sku": "B", "qty": 1}, {"sku": "C", "qty": 5}]},
  {"kind": "ping"},
  {"id": 99},
  [1, 2, 3],
  "just text",
  42,
  null
]
""")


def handle(event):
    match event:
        case {"kind": Kind.USER, "admin": True, "name": name}:
            return f"admin {name}"
        case {"kind": Kind.USER, "email": None, "name": name}:
            return f"user {name} without email"
        case {"kind": Kind.USER, "tags": [*tags], **rest}:
            return f"user {rest['name']} tagged {'/'.join(tags)}, other keys {sorted(rest)}"
        case {"kind": Kind.USER, "name": str(name)}:
            return f"plain user {name}"
        case {"kind": Kind.ORDER, "items": [], "id": oid}:
            return f"empty order {oid}"
        case {"kind": Kind.ORDER, "items": [{"sku": sku, "qty": 1 | 2 as qty}], "paid": True}:
            return f"small paid order of {qty} x {sku}"
        case {"kind": Kind.ORDER, "items": [{"sku": first}, *more]} if more:
            return f"order starting with {first} and {len(more)} more"
        case {"kind": kind, **rest} if not rest:
            return f"bare {kind} event"
        case {"id": ident}:
            return f"anonymous event {ident}"
        case {}:
            return "some other mapping"
        case [*values]:
            return f"a list of {len(values)}"
        case None:
            return "null"
        case _:
            return f"unexpected {event!r}"


for e in events:
    print(handle(e))


class Config(dict):
    """A dict subclass still matches mapping patterns."""


def settings(cfg):
    match cfg:
        case {"debug": True, "level": int(level)} if level > 2:
            return f"verbose debugging at level {level}"
        case {"debug": True}:
            return "debugging"
        case {"debug": False, **others}:
            return f"quiet, {len(others)} other settings"
        case _:
            return "defaults"


print(settings(Config(debug=True, level=3)))
print(settings({"debug": True, "level": "3"}))
print(settings(Config(debug=False, a=1, b=2)))
print(settings({"debug": 1, "level": 5}))
print(settings([("debug", True)]))
