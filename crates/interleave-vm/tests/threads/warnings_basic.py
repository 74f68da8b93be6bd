# warnings.warn: location, stacklevel, once-per-location, filters, catch_warnings.
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


for _ in range(2):
    old_api()
warnings.warn("plain user warning")
warnings.warn("runtime trouble", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    old_api()
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised:", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="hide")
    warnings.warn("hide me")
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  code()  "), end="")
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError:", e)
