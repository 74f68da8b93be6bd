# json.dumps / json.loads: separators, indent, sort_keys, unicode, round trip, errors.
import json

data = {"name": "Interleave", "version": 1, "tags": ["py", "rust"], "ok": True,
        "none": None, "ratio": 0.5, "nested": {"a": [1, {"b": 2}]}, "中文": "汉字"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("quote\"and\\slash\n"))
text = '{"x": [1, 2.5, -3e2, true, false, null], "s": "\\u00e9\\n", "empty": {}}'
parsed = json.loads(text)
print(parsed, type(parsed["x"][1]).__name__, type(parsed["x"][2]).__name__)
print(json.loads(json.dumps(data)) == data, json.dumps((1, 2)), json.dumps({1: "int key"}))
print(json.dumps(float("inf")), json.loads("NaN"), json.dumps(10 ** 20), json.loads("123456789012345678901"))
for bad in ['{"a": 1,}', "[1, 2", "tru"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
