//! Methods of `bytes`: `decode` (utf-8, ascii, latin-1 with CPython's error texts), `hex`/
//! `fromhex`, `join`, `split`, `strip`, searching, `replace` and ASCII case mapping. They are
//! `bytearray`'s non-mutating methods too (`METHODS`): called on a bytearray, those that make
//! bytes make a bytearray, as CPython's.

use std::rc::Rc;

use super::string::{codec_args, unknown_encoding, CodecArgs};
use super::{check_self, keywords, noargs, old_style, one_arg, opt_index, positional, register, register_classmethod, type_error};
use crate::builtins::args;
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::Value;

/// The methods `bytes` and `bytearray` share.
pub(super) const METHODS: &[(&str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("join", join),
        ("split", split),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("translate", translate),
];

pub fn install(interp: &mut Interp) {
    let cls = interp.t.bytes;
    register(interp, cls, "bytes", METHODS);
    register_classmethod(interp, cls, "fromhex", fromhex);
}

/// The receiver's contents (a bytes or, for `bytearray`'s methods, a bytearray).
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Rc<[u8]>> {
    let owner = match args.pos.first() {
        Some(v) if interp.is_bytearray(v) => "bytearray",
        _ => "bytes",
    };
    check_self(interp, args, owner, name, |i, v| i.bytes_of(v).is_some())?;
    Ok(Rc::from(interp.bytes_of(&args.pos[0]).unwrap_or_default()))
}

/// A result of the receiver's kind: bytes, or bytearray for a bytearray's method.
fn out(interp: &mut Interp, args: &Args, b: Vec<u8>) -> Value {
    interp.bytes_like_result(&args.pos[0], b)
}

/// A bytes-like argument (`a bytes-like object is required, not 'str'`).
pub(super) fn need_bytes(interp: &mut Interp, v: &Value) -> PyResult<Rc<[u8]>> {
    match interp.bytes_of(v) {
        Some(b) => Ok(Rc::from(b)),
        None => Err(type_error(interp, format!("a bytes-like object is required, not '{}'", interp.type_name(v)))),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The `(start, end)` byte window of a search, or `None` if empty-and-inverted.
fn window(len: usize, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let (s, e) = interleave_algo::adjust_indices(start, end, len);
    (s <= e).then_some((s, e))
}

fn find_in(hay: &[u8], needle: &[u8], from_right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - needle.len();
    let hit = |i: &usize| &hay[*i..*i + needle.len()] == needle;
    if from_right { positions.rev().find(hit) } else { positions.find(hit) }
}

fn decode_error(interp: &mut Interp, codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> crate::native::Flow {
    let msg = if end == start + 1 {
        format!("'{codec}' codec can't decode byte 0x{:02x} in position {start}: {reason}", data[start])
    } else {
        format!("'{codec}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    interp.err(interp.t.unicode_decode_error, msg)
}

/// Decodes UTF-8 as CPython does, for the `strict`, `replace` and `ignore` handlers.
fn decode_utf8(interp: &mut Interp, data: &[u8], errors: &str) -> PyResult<String> {
    match std::str::from_utf8(data) {
        Ok(s) => return Ok(s.to_owned()),
        Err(e) if errors == "strict" => {
            let start = e.valid_up_to();
            return Err(match e.error_len() {
                None => decode_error(interp, "utf-8", data, start, data.len(), "unexpected end of data"),
                Some(n) => {
                    let lead = data[start];
                    let reason = if (0x80..0xc2).contains(&lead) || lead >= 0xf5 { "invalid start byte" } else { "invalid continuation byte" };
                    decode_error(interp, "utf-8", data, start, start + n, reason)
                }
            });
        }
        Err(_) => {}
    }
    let mut out = String::with_capacity(data.len());
    for chunk in data.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() && errors == "replace" {
            out.push('\u{fffd}');
        }
    }
    Ok(out)
}

fn decode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "decode")?;
    let CodecArgs { given, encoding: enc, errors } = codec_args(interp, &args, "decode")?;
    let text = match enc.as_str() {
        "utf-8" => decode_utf8(interp, &data, &errors)?,
        "latin-1" => data.iter().map(|&b| b as char).collect(),
        "ascii" => {
            let mut s = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 128 {
                    s.push(b as char);
                } else if errors == "replace" {
                    s.push('\u{fffd}');
                } else if errors != "ignore" {
                    return Err(decode_error(interp, "ascii", &data, i, i + 1, "ordinal not in range(128)"));
                }
            }
            s
        }
        _ => return Err(unknown_encoding(interp, &given)),
    };
    Ok(Value::str(text))
}

fn hex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "hex")?;
    let a = keywords(interp, &args, "hex", &["sep", "bytes_per_sep"], 0, 2)?;
    let sep = match &a[0] {
        None => None,
        Some(Value::Str(s)) => Some(s.as_str().to_owned()),
        Some(Value::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
        Some(v) => {
            let v = v.clone();
            crate::builtins::functions::length(interp, &v)?;
            return Err(type_error(interp, "sep must be str or bytes.".into()));
        }
    };
    if sep.as_ref().is_some_and(|s| s.chars().count() != 1) {
        return Err(interp.err(interp.t.value_error, "sep must be length 1."));
    }
    let per = match &a[1] {
        None => 1,
        Some(v) => args::int(interp, v)?,
    };
    let group = per.unsigned_abs().max(1) as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(s) = &sep {
            let boundary = if per >= 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
            if i > 0 && boundary {
                out.push_str(s);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(Value::str(out))
}

pub(super) fn fromhex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = one_arg(interp, &args, "bytes.fromhex")?;
    let Value::Str(text) = &s else {
        let msg = format!("fromhex() argument must be str, not {}", interp.type_name(&s));
        return Err(type_error(interp, msg));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => i += 0,
            (Some(_), None) => i += 1,
        }
        if hi.is_none() || lo.is_none() {
            let msg = format!("non-hexadecimal number found in fromhex() arg at position {i}");
            return Err(interp.err(interp.t.value_error, msg));
        }
        i += 2;
    }
    let cls = args.pos[0].clone();
    Ok(if cls.as_obj() == Some(interp.t.bytearray) { interp.new_bytearray(out) } else { Value::Bytes(Rc::from(out)) })
}

fn join(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let sep = recv(interp, &args, "join")?;
    let it = one_arg(interp, &args, "bytes.join")?;
    let items = interp.collect_iterable(&it)?;
    let mut buf = Vec::new();
    for (n, v) in items.iter().enumerate() {
        let Some(p) = interp.bytes_of(v) else {
            let msg = format!("sequence item {n}: expected a bytes-like object, {} found", interp.type_name(v));
            return Err(type_error(interp, msg));
        };
        if n > 0 {
            buf.extend_from_slice(&sep);
        }
        buf.extend_from_slice(p);
        interp.check_str_size(buf.len())?;
    }
    Ok(out(interp, &args, buf))
}

fn split(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "split")?;
    let a = keywords(interp, &args, "split", &["sep", "maxsplit"], 0, 2)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(need_bytes(interp, v)?),
    };
    let mut left = match &a[1] {
        None => -1,
        Some(v) => args::int(interp, v)?,
    };
    let mut parts: Vec<Value> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(interp.err(interp.t.value_error, "empty separator"));
            }
            let mut rest: &[u8] = &data;
            while left != 0 {
                let Some(i) = find_in(rest, &sep, false) else { break };
                parts.push(out(interp, &args, rest[..i].to_vec()));
                rest = &rest[i + sep.len()..];
                left -= 1;
            }
            parts.push(out(interp, &args, rest.to_vec()));
        }
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if left == 0 {
                    parts.push(out(interp, &args, data[i..].to_vec()));
                    break;
                }
                let start = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(out(interp, &args, data[start..i].to_vec()));
                left -= 1;
            }
        }
    }
    Ok(interp.new_list(parts))
}

fn strip_common(interp: &mut Interp, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let data = recv(interp, &args, name)?;
    positional(interp, &args, name, 0, 1)?;
    let chars = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(need_bytes(interp, v)?),
    };
    let strip = |b: u8| chars.as_ref().map_or(is_space(b), |c| c.contains(&b));
    let (mut s, mut e) = (0, data.len());
    while left && s < e && strip(data[s]) {
        s += 1;
    }
    while right && e > s && strip(data[e - 1]) {
        e -= 1;
    }
    Ok(out(interp, &args, data[s..e].to_vec()))
}

fn strip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip_common(interp, args, "strip", true, true)
}

fn lstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip_common(interp, args, "lstrip", true, false)
}

fn rstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip_common(interp, args, "rstrip", false, true)
}

fn affix(interp: &mut Interp, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    let data = recv(interp, &args, name)?;
    old_style(interp, &args, name, 1, 3)?;
    let start = opt_index(interp, args.pos.get(2))?;
    let end = opt_index(interp, args.pos.get(3))?;
    let Some((s, e)) = window(data.len(), start, end) else { return Ok(Value::Bool(false)) };
    let w = &data[s..e];
    let test = |p: &[u8]| if ends { w.ends_with(p) } else { w.starts_with(p) };
    let what = args.pos[1].clone();
    if let Some(p) = interp.bytes_of(&what) {
        return Ok(Value::Bool(test(p)));
    }
    if let Some(Obj::Tuple(items)) = what.as_obj().map(|r| interp.heap.get(r)) {
        for v in items.clone() {
            let p = need_bytes(interp, &v)?;
            if test(&p) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    let msg = format!("{name} first arg must be bytes or a tuple of bytes, not {}", interp.type_name(&what));
    Err(type_error(interp, msg))
}

fn startswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    affix(interp, args, "startswith", false)
}

fn endswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    affix(interp, args, "endswith", true)
}

/// The data, the needle (bytes or a single byte) and the window of a search method.
/// What a search method works on: the data, the needle and the window.
type Search = (Rc<[u8]>, Vec<u8>, Option<(usize, usize)>);

fn search(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Search> {
    let data = recv(interp, args, name)?;
    old_style(interp, args, name, 1, 3)?;
    let needle = match &args.pos[1] {
        v if interp.bytes_of(v).is_some() => interp.bytes_of(v).unwrap_or_default().to_vec(),
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let i = args::int(interp, v)?;
            match u8::try_from(i) {
                Ok(b) => vec![b],
                Err(_) => return Err(interp.err(interp.t.value_error, "byte must be in range(0, 256)")),
            }
        }
        v => {
            let msg = format!("argument should be integer or bytes-like object, not '{}'", interp.type_name(v));
            return Err(type_error(interp, msg));
        }
    };
    let start = opt_index(interp, args.pos.get(2))?;
    let end = opt_index(interp, args.pos.get(3))?;
    let w = window(data.len(), start, end);
    Ok((data, needle, w))
}

fn find_common(interp: &mut Interp, args: Args, name: &str, right: bool, raise: bool) -> PyResult<Value> {
    let (data, needle, w) = search(interp, &args, name)?;
    let found = w.and_then(|(s, e)| find_in(&data[s..e], &needle, right).map(|i| i + s));
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(interp.err(interp.t.value_error, "subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn find(interp: &mut Interp, args: Args) -> PyResult<Value> {
    find_common(interp, args, "find", false, false)
}

fn rfind(interp: &mut Interp, args: Args) -> PyResult<Value> {
    find_common(interp, args, "rfind", true, false)
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    find_common(interp, args, "index", false, true)
}

fn rindex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    find_common(interp, args, "rindex", true, true)
}

fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (data, needle, w) = search(interp, &args, "count")?;
    let Some((s, e)) = w else { return Ok(Value::Int(0)) };
    let mut rest = &data[s..e];
    if needle.is_empty() {
        return Ok(Value::Int(rest.len() as i64 + 1));
    }
    let mut n = 0;
    while let Some(i) = find_in(rest, &needle, false) {
        n += 1;
        rest = &rest[i + needle.len()..];
    }
    Ok(Value::Int(n))
}

fn replace(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "replace")?;
    positional(interp, &args, "replace", 2, 3)?;
    let old = need_bytes(interp, &args.pos[1])?;
    let new = need_bytes(interp, &args.pos[2])?;
    let mut left = match args.pos.get(3) {
        None => -1,
        Some(v) => args::int(interp, v)?,
    };
    let mut buf = Vec::with_capacity(data.len());
    let mut rest: &[u8] = &data;
    if old.is_empty() {
        for (i, b) in data.iter().enumerate() {
            if left != 0 {
                buf.extend_from_slice(&new);
                left -= 1;
            }
            buf.push(*b);
            rest = &data[i + 1..];
        }
        if left != 0 {
            buf.extend_from_slice(&new);
        }
        buf.extend_from_slice(rest);
    } else {
        while left != 0 {
            let Some(i) = find_in(rest, &old, false) else { break };
            buf.extend_from_slice(&rest[..i]);
            buf.extend_from_slice(&new);
            rest = &rest[i + old.len()..];
            left -= 1;
        }
        buf.extend_from_slice(rest);
    }
    interp.check_str_size(buf.len())?;
    Ok(out(interp, &args, buf))
}

fn upper(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "upper")?;
    noargs(interp, &args, if interp.is_bytearray(&args.pos[0]) { "bytearray.upper" } else { "bytes.upper" })?;
    Ok(out(interp, &args, data.to_ascii_uppercase()))
}

/// `bytes.translate(table, /, delete=b'')`: maps every byte through `table` (256 bytes, or None
/// for the identity) after dropping the bytes in `delete`.
fn translate(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "translate")?;
    let delete = match args.take_kw("delete") {
        Some(d) => Some(d),
        None => args.pos.get(2).cloned(),
    };
    let Some(table) = args.pos.get(1).cloned() else {
        return Err(type_error(interp, "translate() takes at least 1 argument (0 given)".to_owned()));
    };
    let table = match table {
        Value::None => None,
        t => {
            let t = need_bytes(interp, &t)?;
            if t.len() != 256 {
                return Err(interp.err(interp.t.value_error, "translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(d) => need_bytes(interp, &d)?,
        None => Rc::from(Vec::new()),
    };
    let mut drop = [false; 256];
    for &b in delete.iter() {
        drop[b as usize] = true;
    }
    let mapped: Vec<u8> = data
        .iter()
        .filter(|&&b| !drop[b as usize])
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    interp.charge(mapped.len() as u64 / 8);
    Ok(out(interp, &args, mapped))
}

fn lower(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = recv(interp, &args, "lower")?;
    noargs(interp, &args, if interp.is_bytearray(&args.pos[0]) { "bytearray.lower" } else { "bytes.lower" })?;
    Ok(out(interp, &args, data.to_ascii_lowercase()))
}
