import json

data = {"name": "Ada", "langs": ["py", "rs"], "age": 36, "ratio": 0.1, "ok": True, "none": None,
        "nested": {"b": 2, "a": [1, {"x": []}, {}]}, "uni": "héllo ✓ 😀", "esc": "tab\tq\"b\\"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2, [3, 4]], indent="\t"))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps((1, 2)), json.dumps(1e20), json.dumps(float("inf")), json.dumps(-0.0), json.dumps(10 ** 30))
print(json.dumps({"s": {1, 2}}, default=sorted))
back = json.loads(json.dumps(data))
print(back == data, back["uni"])
print(json.loads('[1, 2.5, -3e2, "a\\u00e9\\n", true, false, null, {"k": {}}]'))
print(json.loads('  {"a" : 1 , "a": 2}  '), json.loads(b'[1]'), json.loads('NaN'))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
for bad in ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\\qb"', '1 2', 'tru',
            '[1,\n 2,\n x]', '{1: 2}', '"\\u12"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as exc:
        print(repr(bad), '->', exc, exc.pos, exc.lineno, exc.colno, isinstance(exc, ValueError))
for bad in [{"s": {1}}, {(1, 2): 3}]:
    try:
        json.dumps(bad)
    except TypeError as exc:
        print('TypeError', exc)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as exc:
    print('ValueError', exc)
from json.decoder import JSONDecodeError
print(JSONDecodeError is json.JSONDecodeError, JSONDecodeError.__mro__[1].__name__)
