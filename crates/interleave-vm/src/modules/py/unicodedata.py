# Interleave: `unicodedata`, only `lookup` (what `re` needs for `\N{NAME}` escapes), on the
# names table the compiler uses for string literals. The rest of the module raises
# NotImplementedError naming what is missing.

from _interleave_sre import lookup

unidata_version = '14.0.0'


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError("module 'unicodedata' has no attribute '%s'" % name)
    raise NotImplementedError('unicodedata.%s is not supported by Interleave yet' % name)
