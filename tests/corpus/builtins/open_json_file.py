# open(): write a JSON file, read it back, append text, read lines; errors for missing files.
import json

path = "/tmp/interleave_corpus_scores.json"
scores = {"alice": [90, 85], "bob": [70], "陈": [100]}
with open(path, "w") as f:
    json.dump(scores, f, indent=2, sort_keys=True)
with open(path) as f:
    text = f.read()
print(text)
with open(path) as f:
    loaded = json.load(f)
print(loaded == scores, {k: sum(v) / len(v) for k, v in loaded.items()})

log_path = "/tmp/interleave_corpus_log.txt"
with open(log_path, "w", encoding="utf-8") as f:
    f.write("first line\n")
    print("second line", file=f)
with open(log_path, "a") as f:
    f.writelines(["third\n", "fourth\n"])
with open(log_path) as f:
    for number, line in enumerate(f, start=1):
        print(number, repr(line))
with open(log_path) as f:
    print(f.readline(), end="")
    print(f.readlines())
try:
    open("/tmp/interleave_corpus_no_such_dir/missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
