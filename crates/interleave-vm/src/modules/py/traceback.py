# `traceback`: printing and formatting exceptions as the interpreter prints them.
#
# Interleave has no traceback or frame objects (`exc.__traceback__` is None), so these take the
# frames from the exception itself: `print_exc`, `format_exc`, `print_exception`,
# `format_exception` and `format_exception_only` give CPython's text. What needs traceback or
# frame objects (`extract_tb`, `format_tb`, `walk_tb`, `print_stack`, `TracebackException`, a
# `limit`) raises NotImplementedError.

import sys
import _interleave_frames

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc',
           'print_exception', 'print_last']

_sentinel = object()


def _exception(exc, value):
    # The old (type, value, tb) form passes the instance second; the new form, first.
    if value is not _sentinel:
        return value
    return exc


def _check_limit(limit):
    if limit is not None:
        raise NotImplementedError("traceback's limit argument is not supported by Interleave yet")


def _chunks(text):
    # The pieces CPython's format_exception returns: the header, one per frame (its File line
    # with the source and marker lines), the chain messages and the final lines.
    lines = text.splitlines(keepends=True)
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('  File "'):
            i += 1
            while i < len(lines) and lines[i].startswith('    '):
                line += lines[i]
                i += 1
        elif (line == '\n' and i + 2 < len(lines) and lines[i + 2] == '\n'
              and lines[i + 1].startswith(('The above exception', 'During handling'))):
            line = line + lines[i + 1] + lines[i + 2]
            i += 3
        else:
            i += 1
        out.append(line)
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    _check_limit(limit)
    exc = _exception(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _chunks(_interleave_frames.format_exception(exc, chain))


def format_exception_only(exc, /, value=_sentinel):
    exc = _exception(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _chunks(_interleave_frames.format_exception_only(exc))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError(f"traceback.{name} is not supported by Interleave yet "
                                  "(no traceback or frame objects)")
    f.__name__ = name
    return f


for _name in ('extract_tb', 'extract_stack', 'format_tb', 'format_stack', 'format_list',
              'print_tb', 'print_stack', 'walk_tb', 'walk_stack', 'TracebackException',
              'StackSummary', 'FrameSummary', 'clear_frames'):
    globals()[_name] = _unsupported(_name)
del _name
