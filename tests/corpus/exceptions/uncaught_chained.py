# An uncaught chained exception: both tracebacks joined by "The above exception was the direct cause".
class ParseError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ParseError("could not parse " + repr(text)) from exc

values = ["1", "2", "three"]
print(sum(parse(v) for v in values[:2]))
parse(values[2])
