import os
import os.path

print(os.sep, repr(os.linesep), os.name)
print(type(os.getpid()).__name__, type(os.cpu_count()).__name__)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"), os.path.join("a/", "b"))
print(os.path.basename("/a/b/c.txt"), os.path.dirname("/a/b/c.txt"), os.path.split("c.txt"))
print(os.path.splitext("arch.tar.gz"), os.path.splitext(".bashrc"), os.path.normpath("a/./b/../c"))
print(os.path.isabs("/a"), os.path.abspath("/a/b/../c"))
with open("notes.txt", "w") as f:
    f.write("hello")
print(os.path.exists("notes.txt"), os.path.isfile("notes.txt"), os.path.exists("nope.txt"))
print(os.path.getsize("notes.txt"))
os.rename("notes.txt", "renamed.txt")
print(os.path.exists("notes.txt"), os.path.exists("renamed.txt"))
print("renamed.txt" in os.listdir("."), "renamed.txt" in os.listdir())
os.remove("renamed.txt")
print(os.path.exists("renamed.txt"))
try:
    os.remove("renamed.txt")
except FileNotFoundError as exc:
    print('FileNotFoundError', exc)
b = os.urandom(8)
print(type(b).__name__, len(b))
print(isinstance(os.environ, dict) or hasattr(os.environ, 'keys'), os.getenv("INTERLEAVE_NOPE", "dflt"))
