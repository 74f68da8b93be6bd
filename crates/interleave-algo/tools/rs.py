# Helpers shared by the vector generators: Rust literals from Python values.
import struct
def rs(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"': out.append('\\"')
        elif ch == '\\': out.append('\\\\')
        elif 0x20 <= o < 0x7f: out.append(ch)
        elif 0xd800 <= o < 0xe000: raise ValueError('surrogate')
        else: out.append('\\u{%x}' % o)
    out.append('"')
    return ''.join(out)
def bits(x): return '0x%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def outcome(f):
    """`Ok("...")` or `Err(("Kind", "message"))` for calling f()."""
    try:
        r = f()
        return 'Ok(%s)' % rs(r)
    except Exception as e:
        return 'Err((%s, %s))' % (rs(type(e).__name__), rs(str(e)))
