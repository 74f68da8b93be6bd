# `time`: clocks and calendar conversions on the simulated machine's virtual clock.
#
# Every clock reads virtual time: `sleep(2)` advances the clock by two seconds and costs no
# real time; `time()` starts at 2024-01-01 00:00:00 UTC; the time zone is UTC.

from _time import (sleep, time, time_ns, perf_counter, perf_counter_ns, monotonic,
                   monotonic_ns, process_time, process_time_ns, thread_time, thread_time_ns,
                   _fields, _strftime, _timegm)

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_NAMES = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
          'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time:
    """The time value sequence returned by gmtime(), localtime() and strptime()."""

    def __init__(self, seq):
        seq = tuple(seq)
        if len(seq) != 9:
            raise TypeError('time.struct_time() takes a 9-sequence (%d-sequence given)' % len(seq))
        self._values = seq
        self.tm_zone = 'UTC'
        self.tm_gmtoff = 0

    def __getattr__(self, name):
        if name in _NAMES:
            return self._values[_NAMES.index(name)]
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._values == other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        parts = ', '.join('%s=%r' % (n, v) for n, v in zip(_NAMES, self._values))
        return 'time.struct_time(' + parts + ')'


def gmtime(secs=None):
    return struct_time(_fields(secs))


def localtime(secs=None):
    return struct_time(_fields(secs))


def mktime(t):
    return _timegm(t)


def strftime(format, t=None):
    if t is None:
        t = _fields(None)
    return _strftime(format, t)


def asctime(t=None):
    if t is None:
        t = _fields(None)
    return _strftime('%a %b %e %H:%M:%S %Y', t)


def ctime(secs=None):
    return _strftime('%a %b %e %H:%M:%S %Y', _fields(secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    raise NotImplementedError("time.strptime is not supported by Interleave yet")
