//! `json` and `json.decoder`: `dumps`/`dump`/`loads`/`load` with CPython's output (separators,
//! `indent`, `sort_keys`, `ensure_ascii`, `default`, float reprs) and CPython's decoder errors
//! (`JSONDecodeError` with the same messages and positions).

use std::fmt::Write as _;

use crate::interp::Interp;
use crate::native::{Args, Flow, PyResult};
use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// Nesting depth beyond which encoding or decoding raises `RecursionError`.
const MAX_DEPTH: usize = 900;

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let decoder = interp.load_module("json.decoder")?;
    interp.set_item_str(d, "decoder", decoder.clone());
    if let Some(Obj::Module(m)) = decoder.as_obj().map(|r| interp.heap.get(r))
        && let Some(cls) = interp.dict_get_str(m.dict, "JSONDecodeError")
    {
        interp.set_item_str(d, "JSONDecodeError", cls);
    }
    interp.def_fn(d, "dumps", dumps);
    interp.def_fn(d, "dump", dump);
    interp.def_fn(d, "loads", loads);
    interp.def_fn(d, "load", load);
    Ok(())
}

/// `json.decoder`: home of `JSONDecodeError`.
pub fn init_decoder(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let ns = interp.new_dict();
    interp.set_item_str(ns, "__module__", Value::str("json.decoder"));
    let cls = interp.new_class("JSONDecodeError".into(), "JSONDecodeError".into(), vec![interp.t.value_error], ns)?;
    interp.set_item_str(d, "JSONDecodeError", Value::Obj(cls));
    Ok(())
}

// ---- encoding ----

struct Encoder {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    ensure_ascii: bool,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    default: Option<Value>,
    /// Containers being encoded (for "Circular reference detected").
    stack: Vec<ObjRef>,
    out: String,
}

/// Appends `s` as a JSON string literal.
pub fn escape_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ensure_ascii && (c as u32) > 0x7e) => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder {
    fn float(&self, interp: &mut Interp, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(interleave_algo::float_repr(f));
        }
        if !self.allow_nan {
            let msg = format!("Out of range float values are not JSON compliant: {}", interleave_algo::float_repr(f));
            return Err(interp.err(interp.t.value_error, msg));
        }
        Ok(if f.is_nan() { "NaN" } else if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string())
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn encode(&mut self, interp: &mut Interp, v: &Value, level: usize) -> PyResult<()> {
        if level > MAX_DEPTH {
            return Err(interp.err(interp.t.recursion_error, "maximum recursion depth exceeded while encoding a JSON object"));
        }
        interp.charge(1);
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Value::BigInt(b) => {
                let s = interp.bigint_to_string(b)?;
                self.out.push_str(&s);
            }
            Value::Float(f) => {
                let s = self.float(interp, *f)?;
                self.out.push_str(&s);
            }
            Value::Str(s) => escape_str(&mut self.out, s.as_str(), self.ensure_ascii),
            Value::Obj(_) => {
                let base = interp.base_obj(v);
                match base.map(|b| interp.heap.get(b)) {
                    Some(Obj::List(items)) | Some(Obj::Tuple(items)) => {
                        let items = items.clone();
                        self.enter(interp, v)?;
                        self.array(interp, &items, level)?;
                        self.stack.pop();
                    }
                    Some(Obj::Dict(d)) => {
                        let entries: Vec<(Value, Value)> = d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                        self.enter(interp, v)?;
                        self.object(interp, entries, level)?;
                        self.stack.pop();
                    }
                    _ => {
                        let Some(default) = self.default.clone() else {
                            let msg = format!("Object of type {} is not JSON serializable", interp.type_name(v));
                            return Err(interp.err(interp.t.type_error, msg));
                        };
                        self.enter(interp, v)?;
                        let replacement = interp.call_nested(default, vec![v.clone()])?;
                        self.encode(interp, &replacement, level + 1)?;
                        self.stack.pop();
                    }
                }
            }
            _ => {
                let msg = format!("Object of type {} is not JSON serializable", interp.type_name(v));
                return Err(interp.err(interp.t.type_error, msg));
            }
        }
        Ok(())
    }

    fn enter(&mut self, interp: &mut Interp, v: &Value) -> PyResult<()> {
        let r = v.as_obj().unwrap_or(crate::value::ObjRef(u32::MAX));
        if self.stack.contains(&r) {
            return Err(interp.err(interp.t.value_error, "Circular reference detected"));
        }
        self.stack.push(r);
        Ok(())
    }

    fn array(&mut self, interp: &mut Interp, items: &[Value], level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.out.push('[');
        self.newline(level + 1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                let sep = self.item_sep.clone();
                self.out.push_str(&sep);
                self.newline(level + 1);
            }
            self.encode(interp, item, level + 1)?;
        }
        self.newline(level);
        self.out.push(']');
        Ok(())
    }

    /// A dict key as JSON text, or `None` to skip it (`skipkeys`).
    fn key(&self, interp: &mut Interp, k: &Value) -> PyResult<Option<String>> {
        Ok(Some(match k {
            Value::Str(s) => s.as_str().to_owned(),
            Value::Float(f) => self.float(interp, *f)?,
            Value::Bool(b) => if *b { "true" } else { "false" }.to_string(),
            Value::None => "null".to_string(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => interp.bigint_to_string(b)?,
            _ if self.skipkeys => return Ok(None),
            _ => {
                let msg = format!("keys must be str, int, float, bool or None, not {}", interp.type_name(k));
                return Err(interp.err(interp.t.type_error, msg));
            }
        }))
    }

    fn object(&mut self, interp: &mut Interp, mut entries: Vec<(Value, Value)>, level: usize) -> PyResult<()> {
        if entries.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        if self.sort_keys {
            let pairs: Vec<Value> = entries.iter().map(|(k, v)| interp.new_tuple(vec![k.clone(), v.clone()])).collect();
            let sorted = crate::builtins::numeric::sort_values(interp, pairs, None, false)?;
            entries = sorted
                .iter()
                .filter_map(|p| match p.as_obj().map(|r| interp.heap.get(r)) {
                    Some(Obj::Tuple(t)) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
                    _ => None,
                })
                .collect();
        }
        self.out.push('{');
        self.newline(level + 1);
        let mut first = true;
        for (k, v) in entries {
            let Some(key) = self.key(interp, &k)? else { continue };
            if !first {
                let sep = self.item_sep.clone();
                self.out.push_str(&sep);
                self.newline(level + 1);
            }
            first = false;
            escape_str(&mut self.out, &key, self.ensure_ascii);
            let sep = self.key_sep.clone();
            self.out.push_str(&sep);
            self.encode(interp, &v, level + 1)?;
        }
        self.newline(level);
        self.out.push('}');
        Ok(())
    }
}

/// Builds an encoder from `dumps`' keyword arguments.
fn encoder(interp: &mut Interp, args: &mut Args, fname: &str) -> PyResult<Encoder> {
    let truthy = |interp: &mut Interp, v: Option<Value>, dflt: bool| -> PyResult<bool> {
        match v {
            Some(v) => interp.truthy(&v),
            None => Ok(dflt),
        }
    };
    let ensure_ascii = args.take_kw("ensure_ascii");
    let ensure_ascii = truthy(interp, ensure_ascii, true)?;
    let sort_keys = args.take_kw("sort_keys");
    let sort_keys = truthy(interp, sort_keys, false)?;
    let skipkeys = args.take_kw("skipkeys");
    let skipkeys = truthy(interp, skipkeys, false)?;
    let allow_nan = args.take_kw("allow_nan");
    let allow_nan = truthy(interp, allow_nan, true)?;
    let _ = args.take_kw("check_circular");
    let _ = args.take_kw("cls");
    let default = args.take_kw("default").filter(|v| !v.is_none());
    let indent = match args.take_kw("indent") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat(n.clamp(0, 1000) as usize)),
        Some(Value::Bool(b)) => Some(" ".repeat(usize::from(b))),
        Some(Value::Str(s)) => Some(s.as_str().to_owned()),
        Some(other) => {
            let msg = format!("can't multiply sequence by non-int of type '{}'", interp.type_name(&other));
            return Err(interp.err(interp.t.type_error, msg));
        }
    };
    let (item_sep, key_sep) = match args.take_kw("separators") {
        None | Some(Value::None) => (if indent.is_some() { "," } else { ", " }.to_string(), ": ".to_string()),
        Some(v) => {
            let parts = interp.collect_iterable(&v)?;
            match parts.as_slice() {
                [Value::Str(a), Value::Str(b)] => (a.as_str().to_owned(), b.as_str().to_owned()),
                _ => return Err(interp.err(interp.t.value_error, "separators must be a pair of strings")),
            }
        }
    };
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("{fname}() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    Ok(Encoder {
        indent,
        item_sep,
        key_sep,
        ensure_ascii,
        sort_keys,
        skipkeys,
        allow_nan,
        default,
        stack: Vec::new(),
        out: String::new(),
    })
}

fn dumps(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mut enc = encoder(interp, &mut args, "dumps")?;
    let Some(obj) = args.pos.first().cloned() else {
        return Err(interp.err(interp.t.type_error, "dumps() missing 1 required positional argument: 'obj'"));
    };
    if args.pos.len() > 1 {
        let msg = format!("dumps() takes 1 positional argument but {} were given", args.pos.len());
        return Err(interp.err(interp.t.type_error, msg));
    }
    enc.encode(interp, &obj, 0)?;
    Ok(Value::str(enc.out))
}

fn dump(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mut enc = encoder(interp, &mut args, "dump")?;
    if args.pos.len() != 2 {
        let msg = if args.pos.len() < 2 {
            let missing = if args.pos.is_empty() { "2 required positional arguments: 'obj' and 'fp'" } else { "1 required positional argument: 'fp'" };
            format!("dump() missing {missing}")
        } else {
            format!("dump() takes 2 positional arguments but {} were given", args.pos.len())
        };
        return Err(interp.err(interp.t.type_error, msg));
    }
    enc.encode(interp, &args.pos[0], 0)?;
    let write = interp.getattr_nested(&args.pos[1], "write")?;
    interp.call_nested(write, vec![Value::str(enc.out)])?;
    Ok(Value::None)
}

// ---- decoding ----

struct Decoder<'a> {
    s: &'a [char],
    object_hook: Option<Value>,
    pairs_hook: Option<Value>,
}

/// A decoding failure: message and character position.
struct DecodeError(&'static str, usize);

/// `PyResult` for the decoder: a JSON error or a Python exception raised by a hook.
enum Fail {
    Json(DecodeError),
    Py(Flow),
}

impl From<Flow> for Fail {
    fn from(f: Flow) -> Fail {
        Fail::Py(f)
    }
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Decoder<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        i + n <= self.s.len() && self.s[i..i + n].iter().copied().eq(word.chars())
    }

    /// `scan_once`: one JSON value starting exactly at `i`; returns it and the index after it.
    fn value(&self, interp: &mut Interp, i: usize, depth: usize) -> Result<(Value, usize), Fail> {
        if depth > MAX_DEPTH {
            return Err(Fail::Py(interp.err(interp.t.recursion_error, "maximum recursion depth exceeded while decoding a JSON document")));
        }
        interp.charge(1);
        let Some(c) = self.at(i) else { return Err(Fail::Json(DecodeError("Expecting value", i))) };
        match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::str(s), end))
            }
            '{' => self.object(interp, i + 1, depth),
            '[' => self.array(interp, i + 1, depth),
            'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => Ok((Value::Float(f64::NAN), i + 3)),
            'I' if self.starts(i, "Infinity") => Ok((Value::Float(f64::INFINITY), i + 8)),
            '-' if self.starts(i, "-Infinity") => Ok((Value::Float(f64::NEG_INFINITY), i + 9)),
            _ => self.number(interp, i),
        }
    }

    fn number(&self, interp: &mut Interp, start: usize) -> Result<(Value, usize), Fail> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Fail::Json(DecodeError("Expecting value", start))),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('+' | '-')) {
                i += 1;
            }
            let digits_start = i;
            while digit(i) {
                i += 1;
            }
            if i > digits_start {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text: String = self.s[start..i].iter().collect();
        let v = if is_float {
            Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            let n = interleave_algo::parse_int(&text, 10).map_err(|e| Fail::Py(interp.algo_err(e)))?;
            Value::from_bigint(n)
        };
        Ok((v, i))
    }

    /// `scanstring`: the string whose opening quote is at `begin - 1`.
    fn string(&self, begin: usize) -> Result<(String, usize), Fail> {
        let unterminated = || Fail::Json(DecodeError("Unterminated string starting at", begin - 1));
        let mut out = String::new();
        let mut i = begin;
        loop {
            let Some(c) = self.at(i) else { return Err(unterminated()) };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(e) = self.at(i + 1) else { return Err(unterminated()) };
                    let simple = match e {
                        '"' => Some('"'),
                        '\\' => Some('\\'),
                        '/' => Some('/'),
                        'b' => Some('\u{8}'),
                        'f' => Some('\u{c}'),
                        'n' => Some('\n'),
                        'r' => Some('\r'),
                        't' => Some('\t'),
                        'u' => None,
                        _ => return Err(Fail::Json(DecodeError("Invalid \\escape", i))),
                    };
                    if let Some(ch) = simple {
                        out.push(ch);
                        i += 2;
                        continue;
                    }
                    let hi = self.hex4(i + 2).ok_or(Fail::Json(DecodeError("Invalid \\uXXXX escape", i + 1)))?;
                    i += 6;
                    let mut code = hi;
                    if (0xd800..0xdc00).contains(&hi) && self.at(i) == Some('\\') && self.at(i + 1) == Some('u') {
                        let lo = self.hex4(i + 2).ok_or(Fail::Json(DecodeError("Invalid \\uXXXX escape", i + 1)))?;
                        if (0xdc00..0xe000).contains(&lo) {
                            code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                            i += 6;
                        }
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                c if (c as u32) < 0x20 => return Err(Fail::Json(DecodeError("Invalid control character at", i))),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        if i + 4 > self.s.len() {
            return None;
        }
        let text: String = self.s[i..i + 4].iter().collect();
        if !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(&text, 16).ok()
    }

    fn object(&self, interp: &mut Interp, start: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(Fail::Json(DecodeError("Expecting property name enclosed in double quotes", i)));
                }
                let (key, next) = self.string(i + 1)?;
                i = self.skip_ws(next);
                if self.at(i) != Some(':') {
                    return Err(Fail::Json(DecodeError("Expecting ':' delimiter", i)));
                }
                i = self.skip_ws(i + 1);
                let (v, next) = self.value(interp, i, depth + 1)?;
                pairs.push((interp.intern(&key), v));
                i = self.skip_ws(next);
                if self.at(i) == Some('}') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(Fail::Json(DecodeError("Expecting ',' delimiter", i)));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let end = i + 1;
        if let Some(hook) = self.pairs_hook.clone() {
            let items: Vec<Value> = pairs.into_iter().map(|(k, v)| interp.new_tuple(vec![k, v])).collect();
            let list = interp.new_list(items);
            return Ok((interp.call_nested(hook, vec![list])?, end));
        }
        let d = interp.new_dict();
        for (k, v) in pairs {
            interp.dict_setitem(d, k, v)?;
        }
        let mut result = Value::Obj(d);
        if let Some(hook) = self.object_hook.clone() {
            result = interp.call_nested(hook, vec![result])?;
        }
        Ok((result, end))
    }

    fn array(&self, interp: &mut Interp, start: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) != Some(']') {
            loop {
                let (v, next) = self.value(interp, i, depth + 1)?;
                items.push(v);
                i = self.skip_ws(next);
                if self.at(i) == Some(']') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(Fail::Json(DecodeError("Expecting ',' delimiter", i)));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((interp.new_list(items), i + 1))
    }
}

/// Raises `json.decoder.JSONDecodeError(msg, doc, pos)`.
fn decode_error(interp: &mut Interp, doc: &[char], e: DecodeError) -> Flow {
    let DecodeError(msg, pos) = e;
    let before = &doc[..pos.min(doc.len())];
    let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
    let colno = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    let text = format!("{msg}: line {lineno} column {colno} (char {pos})");
    let cls = interp
        .dict_get_str(interp.modules, "json.decoder")
        .and_then(|m| match m.as_obj().map(|r| interp.heap.get(r)) {
            Some(Obj::Module(m)) => interp.dict_get_str(m.dict, "JSONDecodeError"),
            _ => None,
        })
        .and_then(|c| c.as_obj())
        .unwrap_or(interp.t.value_error);
    let e = interp.new_exception(cls, vec![Value::str(text)]);
    let doc_s: String = doc.iter().collect();
    interp.set_exc_attr(e, "msg", Value::str(msg));
    interp.set_exc_attr(e, "doc", Value::str(doc_s));
    interp.set_exc_attr(e, "pos", Value::Int(pos as i64));
    interp.set_exc_attr(e, "lineno", Value::Int(lineno as i64));
    interp.set_exc_attr(e, "colno", Value::Int(colno as i64));
    Flow::Exc(e)
}

fn loads(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let object_hook = args.take_kw("object_hook").filter(|v| !v.is_none());
    let pairs_hook = args.take_kw("object_pairs_hook").filter(|v| !v.is_none());
    let _ = args.take_kw("cls");
    let _ = args.take_kw("strict");
    if let Some((k, _)) = args.kw.first() {
        let msg = format!("loads() got an unexpected keyword argument '{k}'");
        return Err(interp.err(interp.t.type_error, msg));
    }
    let text = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(v) if interp.bytes_of(v).is_some() => match std::str::from_utf8(interp.bytes_of(v).unwrap_or_default()) {
            Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_owned(),
            Err(_) => return Err(interp.err(interp.t.unicode_decode_error, "'utf-8' codec can't decode bytes")),
        },
        Some(other) => {
            let msg = format!("the JSON object must be str, bytes or bytearray, not {}", interp.type_name(other));
            return Err(interp.err(interp.t.type_error, msg));
        }
        None => return Err(interp.err(interp.t.type_error, "loads() missing 1 required positional argument: 's'")),
    };
    let chars: Vec<char> = text.chars().collect();
    interp.charge(chars.len() as u64 / 16);
    if chars.first() == Some(&'\u{feff}') {
        return Err(decode_error(interp, &chars, DecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)));
    }
    let dec = Decoder { s: &chars, object_hook, pairs_hook };
    let start = dec.skip_ws(0);
    let result = dec.value(interp, start, 0).and_then(|(v, end)| {
        let end = dec.skip_ws(end);
        if end != chars.len() {
            return Err(Fail::Json(DecodeError("Extra data", end)));
        }
        Ok(v)
    });
    match result {
        Ok(v) => Ok(v),
        Err(Fail::Py(f)) => Err(f),
        Err(Fail::Json(e)) => Err(decode_error(interp, &chars, e)),
    }
}

fn load(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let Some(fp) = args.pos.first().cloned() else {
        return Err(interp.err(interp.t.type_error, "load() missing 1 required positional argument: 'fp'"));
    };
    let read = interp.getattr_nested(&fp, "read")?;
    let text = interp.call_nested(read, vec![])?;
    args.pos = vec![text];
    loads(interp, args)
}

#[cfg(test)]
mod tests {
    use super::escape_str;

    #[test]
    fn escapes_like_cpython() {
        let mut s = String::new();
        escape_str(&mut s, "é\u{1f600}\"\\\n\u{1}\u{7f}", true);
        assert_eq!(s, "\"\\u00e9\\ud83d\\ude00\\\"\\\\\\n\\u0001\\u007f\"");
        let mut s = String::new();
        escape_str(&mut s, "é\u{1}", false);
        assert_eq!(s, "\"é\\u0001\"");
    }
}
