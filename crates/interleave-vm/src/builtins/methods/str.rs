//! Methods of `str`: searching, splitting, case and padding (via `interleave_algo`'s exact
//! CPython algorithms), `encode`, `translate`, and the dunders Python code may call directly.

use std::rc::Rc;

use interleave_algo as algo;
use interleave_compiler::{BinOp, CmpOp};

use super::{check_self, keywords, noargs, old_style, one_arg, opt_index, positional, register, self_str, type_error};
use crate::builtins::args;
use crate::interp::Interp;
use crate::native::{Args, Flow, NativeFn, PyResult};
use crate::object::Obj;
use crate::value::{PyStr, Value};

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("partition", partition),
        ("rpartition", rpartition),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("startswith", startswith),
        ("endswith", endswith),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("encode", encode),
        ("format", super::format::format),
        ("format_map", super::format::format_map),
        ("translate", translate),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__getitem__", dunder_getitem),
        ("__add__", dunder_add),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__mod__", dunder_mod),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
        ("__hash__", dunder_hash),
        ("__iter__", dunder_iter),
        ("__str__", dunder_str),
        ("__repr__", dunder_repr),
    ];
    let cls = interp.t.str;
    register(interp, cls, "str", table);
    let mt = interp.alloc(Obj::Native(crate::object::NativeFunction {
        name: "maketrans",
        func: maketrans,
        slf: Value::Null,
        owner: None,
    }));
    let sm = interp.alloc(Obj::StaticMethod(mt));
    let dict = interp.class(cls).dict;
    interp.set_item_str(dict, "maketrans", sm);
}

fn is_str(_: &Interp, v: &Value) -> bool {
    matches!(v, Value::Str(_))
}

/// Checks the receiver and returns it.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Rc<PyStr>> {
    check_self(interp, args, "str", name, is_str)?;
    Ok(self_str(args))
}

fn out(interp: &mut Interp, s: String) -> PyResult<Value> {
    interp.check_str_size(s.len())?;
    Ok(Value::str(s))
}

/// A `str` argument with the bare `must be str, not int` error.
fn need_str(interp: &mut Interp, v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(type_error(interp, format!("must be str, not {}", interp.type_name(v)))),
    }
}

fn join(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "join")?;
    let it = one_arg(interp, &args, "str.join")?;
    if interp.iterates_in_python(&it) {
        return interp.python_iteration("join_", vec![args.pos[0].clone(), it]);
    }
    let items = match it.as_obj().map(|r| interp.heap.get(r)) {
        Some(Obj::List(v) | Obj::Tuple(v)) => v.clone(),
        _ => {
            let i = match interp.get_iter(&it) {
                Ok(i) => Ok(i),
                Err(crate::native::Flow::Exc(e)) if interp.isinstance(&Value::Obj(e), interp.t.type_error) => {
                    return Err(type_error(interp, "can only join an iterable".into()));
                }
                Err(e) => Err(e),
            };
            let i = interp.nested(i)?;
            interp.collect_iterable(&i)?
        }
    };
    let mut buf = String::new();
    for (n, v) in items.iter().enumerate() {
        let Value::Str(p) = v else {
            let msg = format!("sequence item {n}: expected str instance, {} found", interp.type_name(v));
            return Err(type_error(interp, msg));
        };
        if n > 0 {
            buf.push_str(s.as_str());
        }
        buf.push_str(p.as_str());
        interp.check_str_size(buf.len())?;
    }
    interp.charge(items.len() as u64 / 8);
    out(interp, buf)
}

fn split_common(interp: &mut Interp, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let s = recv(interp, &args, name)?;
    let a = keywords(interp, &args, name, &["sep", "maxsplit"], 0, 2)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(p)) => Some(p.clone()),
        Some(v) => return Err(type_error(interp, format!("must be str or None, not {}", interp.type_name(v)))),
    };
    let maxsplit = match &a[1] {
        None => -1,
        Some(v) => args::int(interp, v)?,
    };
    let sep_s = sep.as_ref().map(|p| p.as_str());
    let parts = if right { algo::rsplit(s.as_str(), sep_s, maxsplit) } else { algo::split(s.as_str(), sep_s, maxsplit) };
    let parts = parts.map_err(|e| interp.algo_err(e))?;
    interp.charge(parts.len() as u64 / 8);
    let items = parts.into_iter().map(Value::str).collect();
    Ok(interp.new_list(items))
}

fn split(interp: &mut Interp, args: Args) -> PyResult<Value> {
    split_common(interp, args, "split", false)
}

fn rsplit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    split_common(interp, args, "rsplit", true)
}

fn splitlines(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "splitlines")?;
    let a = keywords(interp, &args, "splitlines", &["keepends"], 0, 1)?;
    let keep = match &a[0] {
        None => false,
        Some(v) => args::int(interp, v)? != 0,
    };
    let items = algo::splitlines(s.as_str(), keep).into_iter().map(Value::str).collect();
    Ok(interp.new_list(items))
}

fn strip_common(interp: &mut Interp, args: Args, name: &str, f: fn(&str, Option<&str>) -> String) -> PyResult<Value> {
    let s = recv(interp, &args, name)?;
    positional(interp, &args, name, 0, 1)?;
    let chars = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.clone()),
        Some(_) => return Err(type_error(interp, format!("{name} arg must be None or str"))),
    };
    out(interp, f(s.as_str(), chars.as_ref().map(|c| c.as_str())))
}

fn strip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip_common(interp, args, "strip", algo::strip)
}

fn lstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip_common(interp, args, "lstrip", algo::lstrip)
}

fn rstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip_common(interp, args, "rstrip", algo::rstrip)
}

type Partition = fn(&str, &str) -> Result<(String, String, String), algo::AlgoError>;

fn partition_common(interp: &mut Interp, args: Args, name: &str, f: Partition) -> PyResult<Value> {
    let s = recv(interp, &args, name)?;
    let sep = one_arg(interp, &args, &format!("str.{name}"))?;
    let sep = need_str(interp, &sep)?;
    let (a, b, c) = f(s.as_str(), sep.as_str()).map_err(|e| interp.algo_err(e))?;
    let items = vec![Value::str(a), Value::str(b), Value::str(c)];
    Ok(interp.new_tuple(items))
}

fn partition(interp: &mut Interp, args: Args) -> PyResult<Value> {
    partition_common(interp, args, "partition", algo::partition)
}

fn rpartition(interp: &mut Interp, args: Args) -> PyResult<Value> {
    partition_common(interp, args, "rpartition", algo::rpartition)
}

/// Defines a no-argument method that maps the text through a function.
macro_rules! text_fn {
    ($($fname:ident => $name:literal, $algo:expr;)*) => {$(
        fn $fname(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let s = recv(interp, &args, $name)?;
            noargs(interp, &args, concat!("str.", $name))?;
            out(interp, $algo(s.as_str()))
        }
    )*};
}

text_fn! {
    upper => "upper", algo::upper;
    lower => "lower", algo::lower;
    casefold => "casefold", algo::casefold;
    swapcase => "swapcase", algo::swapcase;
    title => "title", algo::title;
    capitalize => "capitalize", algo::capitalize;
}

/// Defines a no-argument predicate method.
macro_rules! pred_fn {
    ($($fname:ident => $name:literal, $algo:expr;)*) => {$(
        fn $fname(interp: &mut Interp, args: Args) -> PyResult<Value> {
            let s = recv(interp, &args, $name)?;
            noargs(interp, &args, concat!("str.", $name))?;
            Ok(Value::Bool($algo(s.as_str())))
        }
    )*};
}

pred_fn! {
    isdigit => "isdigit", algo::str_isdigit;
    isalpha => "isalpha", algo::str_isalpha;
    isalnum => "isalnum", algo::str_isalnum;
    isspace => "isspace", algo::str_isspace;
    isupper => "isupper", algo::str_isupper;
    islower => "islower", algo::str_islower;
    istitle => "istitle", algo::str_istitle;
    isdecimal => "isdecimal", algo::str_isdecimal;
    isnumeric => "isnumeric", algo::str_isnumeric;
    isidentifier => "isidentifier", algo::str_isidentifier;
    isprintable => "isprintable", algo::str_isprintable;
    isascii => "isascii", algo::str_isascii;
}

type Pad = fn(&str, i64, char) -> Result<String, algo::AlgoError>;

fn pad_common(interp: &mut Interp, args: Args, name: &str, f: Pad) -> PyResult<Value> {
    let s = recv(interp, &args, name)?;
    positional(interp, &args, name, 1, 2)?;
    let width = args::int(interp, &args.pos[1])?;
    let fill = match args.pos.get(2) {
        None => ' ',
        Some(Value::Str(c)) if c.len() == 1 => c.as_str().chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(type_error(interp, "The fill character must be exactly one character long".into()));
        }
        Some(v) => {
            let msg = format!("The fill character must be a unicode character, not {}", interp.type_name(v));
            return Err(type_error(interp, msg));
        }
    };
    let r = f(s.as_str(), width, fill).map_err(|e| interp.algo_err(e))?;
    out(interp, r)
}

fn center(interp: &mut Interp, args: Args) -> PyResult<Value> {
    pad_common(interp, args, "center", algo::center)
}

fn ljust(interp: &mut Interp, args: Args) -> PyResult<Value> {
    pad_common(interp, args, "ljust", algo::ljust)
}

fn rjust(interp: &mut Interp, args: Args) -> PyResult<Value> {
    pad_common(interp, args, "rjust", algo::rjust)
}

fn zfill(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "zfill")?;
    let w = one_arg(interp, &args, "str.zfill")?;
    let w = args::int(interp, &w)?;
    let r = algo::zfill(s.as_str(), w).map_err(|e| interp.algo_err(e))?;
    out(interp, r)
}

fn expandtabs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "expandtabs")?;
    let a = keywords(interp, &args, "expandtabs", &["tabsize"], 0, 1)?;
    let size = match &a[0] {
        None => 8,
        Some(v) => args::int(interp, v)?,
    };
    let r = algo::expandtabs(s.as_str(), size).map_err(|e| interp.algo_err(e))?;
    out(interp, r)
}

/// What a search method works on: the text, the needle and the optional bounds.
type Search = (Rc<PyStr>, Rc<PyStr>, Option<i64>, Option<i64>);

/// The receiver, `sub` and the optional bounds of `find`/`count`/`index`….
fn search_args(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Search> {
    let s = recv(interp, args, name)?;
    old_style(interp, args, name, 1, 3)?;
    let sub = need_str(interp, &args.pos[1])?;
    let start = opt_index(interp, args.pos.get(2))?;
    let end = opt_index(interp, args.pos.get(3))?;
    Ok((s, sub, start, end))
}

fn find(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(interp, &args, "find")?;
    Ok(Value::Int(algo::find(s.as_str(), sub.as_str(), a, b)))
}

fn rfind(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(interp, &args, "rfind")?;
    Ok(Value::Int(algo::rfind(s.as_str(), sub.as_str(), a, b)))
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(interp, &args, "index")?;
    match algo::find(s.as_str(), sub.as_str(), a, b) {
        -1 => Err(interp.err(interp.t.value_error, "substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(interp, &args, "rindex")?;
    match algo::rfind(s.as_str(), sub.as_str(), a, b) {
        -1 => Err(interp.err(interp.t.value_error, "substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(interp, &args, "count")?;
    Ok(Value::Int(algo::count(s.as_str(), sub.as_str(), a, b) as i64))
}

fn replace(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "replace")?;
    positional(interp, &args, "replace", 2, 3)?;
    let mut parts = Vec::new();
    for i in 1..=2 {
        match &args.pos[i] {
            Value::Str(p) => parts.push(p.clone()),
            v => {
                let msg = format!("replace() argument {i} must be str, not {}", interp.type_name(v));
                return Err(type_error(interp, msg));
            }
        }
    }
    let n = match args.pos.get(3) {
        None => -1,
        Some(v) => args::int(interp, v)?,
    };
    let r = algo::replace(s.as_str(), parts[0].as_str(), parts[1].as_str(), n).map_err(|e| interp.algo_err(e))?;
    out(interp, r)
}

fn removeprefix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "removeprefix")?;
    let p = one_arg(interp, &args, "str.removeprefix")?;
    let p = need_str(interp, &p)?;
    Ok(match s.as_str().strip_prefix(p.as_str()) {
        Some(rest) if !p.is_empty() => Value::str(rest),
        _ => Value::Str(s),
    })
}

fn removesuffix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "removesuffix")?;
    let p = one_arg(interp, &args, "str.removesuffix")?;
    let p = need_str(interp, &p)?;
    Ok(match s.as_str().strip_suffix(p.as_str()) {
        Some(rest) if !p.is_empty() => Value::str(rest),
        _ => Value::Str(s),
    })
}

type Affix = fn(&str, &str, Option<i64>, Option<i64>) -> bool;

fn affix_common(interp: &mut Interp, args: Args, name: &str, f: Affix) -> PyResult<Value> {
    let s = recv(interp, &args, name)?;
    old_style(interp, &args, name, 1, 3)?;
    let start = opt_index(interp, args.pos.get(2))?;
    let end = opt_index(interp, args.pos.get(3))?;
    let what = args.pos[1].clone();
    if let Value::Str(p) = &what {
        return Ok(Value::Bool(f(s.as_str(), p.as_str(), start, end)));
    }
    if let Some(Obj::Tuple(items)) = what.as_obj().map(|r| interp.heap.get(r)) {
        for v in items.clone() {
            let Value::Str(p) = &v else {
                let msg = format!("tuple for {name} must only contain str, not {}", interp.type_name(&v));
                return Err(type_error(interp, msg));
            };
            if f(s.as_str(), p.as_str(), start, end) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    let msg = format!("{name} first arg must be str or a tuple of str, not {}", interp.type_name(&what));
    Err(type_error(interp, msg))
}

fn startswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    affix_common(interp, args, "startswith", algo::startswith)
}

fn endswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    affix_common(interp, args, "endswith", algo::endswith)
}

/// Normalises an encoding name as CPython's codec lookup does (`UTF8`, `utf_8`, `latin-1`).
pub(super) fn normalize_encoding(name: &str) -> String {
    let n: String = name.to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    match n.as_str() {
        "utf8" | "utf-8" | "u8" | "utf" | "cp65001" => "utf-8".into(),
        "ascii" | "us-ascii" | "646" | "us" => "ascii".into(),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
            "latin-1".into()
        }
        _ => n,
    }
}

/// The `encoding` and `errors` arguments shared by `str.encode` and `bytes.decode`.
pub(super) struct CodecArgs {
    /// The encoding name as the caller spelled it (empty when omitted), for error messages.
    pub given: String,
    /// The normalised encoding name (`utf-8` when omitted).
    pub encoding: String,
    /// The error handler (`strict` when omitted).
    pub errors: String,
}

/// Parses `(encoding='utf-8', errors='strict')` for the method `name`; both must be `str`.
pub(super) fn codec_args(interp: &mut Interp, args: &Args, name: &str) -> PyResult<CodecArgs> {
    let a = keywords(interp, args, name, &["encoding", "errors"], 0, 2)?;
    let mut names = Vec::new();
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        match &a[i] {
            None => names.push(None),
            Some(Value::Str(e)) => names.push(Some(e.as_str().to_owned())),
            Some(v) => {
                let msg = format!("{name}() argument '{what}' must be str, not {}", interp.type_name(v));
                return Err(type_error(interp, msg));
            }
        }
    }
    let encoding = names[0].as_deref().map_or("utf-8".to_string(), normalize_encoding);
    let errors = names[1].take().unwrap_or_else(|| "strict".to_owned());
    Ok(CodecArgs { given: names[0].take().unwrap_or_default(), encoding, errors })
}

/// The `LookupError` for an encoding this interpreter does not know.
pub(super) fn unknown_encoding(interp: &mut Interp, given: &str) -> Flow {
    let msg = format!("unknown encoding: {given}");
    interp.err(interp.t.lookup_error, msg)
}

fn encode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "encode")?;
    let CodecArgs { given, encoding: enc, errors } = codec_args(interp, &args, "encode")?;
    let limit: u32 = match enc.as_str() {
        "utf-8" => return Ok(Value::Bytes(Rc::from(s.as_str().as_bytes()))),
        "ascii" => 128,
        "latin-1" => 256,
        _ => return Err(unknown_encoding(interp, &given)),
    };
    let mut bytes = Vec::with_capacity(s.as_str().len());
    for (pos, c) in s.as_str().chars().enumerate() {
        if (c as u32) < limit {
            bytes.push(c as u32 as u8);
            continue;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => bytes.push(b'?'),
            _ => {
                let codec = if limit == 128 { "ascii" } else { "latin-1" };
                let esc = algo::str_ascii(&c.to_string());
                let esc = esc.trim_matches('\'');
                let msg = format!(
                    "'{codec}' codec can't encode character '{esc}' in position {pos}: ordinal not in range({limit})"
                );
                return Err(interp.err(interp.t.unicode_encode_error, msg));
            }
        }
    }
    Ok(Value::Bytes(Rc::from(bytes)))
}

fn maketrans(interp: &mut Interp, args: Args) -> PyResult<Value> {
    super::args_count_static(interp, &args, "maketrans", 1, 3)?;
    let d = interp.new_dict();
    if args.pos.len() == 1 {
        let src = args.pos[0].clone();
        let Some(Obj::Dict(entries)) = src.as_obj().map(|r| interp.heap.get(r)) else {
            return Err(type_error(interp, "if you give only one argument to maketrans it must be a dict".into()));
        };
        let entries: Vec<(Value, Value)> = entries.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in entries {
            let key = match &k {
                Value::Str(c) if c.len() == 1 => Value::Int(c.as_str().chars().next().map_or(0, |c| c as i64)),
                Value::Str(_) => {
                    return Err(interp.err(interp.t.value_error, "string keys in translate table must be of length 1"));
                }
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => k.clone(),
                _ => return Err(type_error(interp, "keys in translate table must be strings or integers".into())),
            };
            interp.dict_setitem(d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let mut strs = Vec::new();
    for (i, v) in args.pos.iter().enumerate() {
        match v {
            Value::Str(s) => strs.push(s.clone()),
            _ => {
                let msg = format!("maketrans() argument {} must be str, not {}", i + 1, interp.type_name(v));
                return Err(type_error(interp, msg));
            }
        }
    }
    if strs[0].len() != strs[1].len() {
        return Err(interp.err(interp.t.value_error, "the first two maketrans arguments must have equal length"));
    }
    for (a, b) in strs[0].as_str().chars().zip(strs[1].as_str().chars()) {
        interp.dict_setitem(d, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = strs.get(2) {
        for c in z.as_str().chars() {
            interp.dict_setitem(d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

fn translate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "translate")?;
    let table = one_arg(interp, &args, "str.translate")?;
    let mut buf = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let r = interp.getitem(&table, &Value::Int(c as i64));
        match interp.nested(r) {
            Ok(Value::None) => {}
            Ok(Value::Str(t)) => buf.push_str(t.as_str()),
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => buf.push(ch),
                None => return Err(interp.err(interp.t.value_error, "character mapping must be in range(0x110000)")),
            },
            Ok(_) => {
                return Err(type_error(interp, "character mapping must return integer, None or str".into()));
            }
            Err(crate::native::Flow::Exc(e)) if interp.isinstance(&Value::Obj(e), interp.t.lookup_error) => buf.push(c),
            Err(e) => return Err(e),
        }
        interp.check_str_size(buf.len())?;
    }
    Ok(Value::str(buf))
}

// ---- dunders (only reached when Python code calls them by name) ----

/// The single argument of a binary slot wrapper (`expected 1 argument, got 0`).
pub(super) fn slot_arg(interp: &mut Interp, args: &Args) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if n != 1 || !args.kw.is_empty() {
        return Err(type_error(interp, format!("expected 1 argument, got {n}")));
    }
    Ok(args.pos[1].clone())
}

/// `base.__setitem__(key, value)` for a container slot wrapper: exactly two arguments after `self`.
pub(super) fn slot_setitem(interp: &mut Interp, base: Value, args: &Args) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if n != 2 || !args.kw.is_empty() {
        return Err(type_error(interp, format!("expected 2 arguments, got {n}")));
    }
    interp.setitem(&base, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

/// `base.__delitem__(key)` for a container slot wrapper.
pub(super) fn slot_delitem(interp: &mut Interp, base: Value, args: &Args) -> PyResult<Value> {
    let k = slot_arg(interp, args)?;
    interp.delitem(&base, &k)?;
    Ok(Value::None)
}

/// A slot wrapper that takes no argument (`expected 0 arguments, got 1`).
pub(super) fn slot_noarg(interp: &mut Interp, args: &Args) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n != 0 || !args.kw.is_empty() {
        return Err(type_error(interp, format!("expected 0 arguments, got {n}")));
    }
    Ok(())
}

fn dunder_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "__len__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(s.len() as i64))
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__contains__")?;
    let x = slot_arg(interp, &args)?;
    Ok(Value::Bool(interp.contains(&args.pos[0], &x)?))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__getitem__")?;
    let k = slot_arg(interp, &args)?;
    let r = interp.getitem(&args.pos[0], &k);
    interp.nested(r)
}

fn dunder_add(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__add__")?;
    let x = slot_arg(interp, &args)?;
    if !matches!(x, Value::Str(_)) {
        let msg = format!("can only concatenate str (not \"{}\") to str", interp.type_name(&x));
        return Err(type_error(interp, msg));
    }
    interp.binary_op(BinOp::Add, &args.pos[0], &x)
}

fn dunder_mul(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__mul__")?;
    let x = slot_arg(interp, &args)?;
    args::int(interp, &x)?;
    interp.binary_op(BinOp::Multiply, &args.pos[0], &x)
}

fn dunder_mod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = recv(interp, &args, "__mod__")?;
    let x = slot_arg(interp, &args)?;
    interp.percent_format(&s, &x)
}

fn str_cmp(interp: &mut Interp, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    recv(interp, &args, name)?;
    let x = slot_arg(interp, &args)?;
    if !matches!(x, Value::Str(_)) {
        return Ok(Value::NotImplemented);
    }
    interp.compare(op, &args.pos[0], &x)
}

fn dunder_eq(interp: &mut Interp, args: Args) -> PyResult<Value> {
    str_cmp(interp, args, "__eq__", CmpOp::Eq)
}

fn dunder_ne(interp: &mut Interp, args: Args) -> PyResult<Value> {
    str_cmp(interp, args, "__ne__", CmpOp::Ne)
}

fn dunder_lt(interp: &mut Interp, args: Args) -> PyResult<Value> {
    str_cmp(interp, args, "__lt__", CmpOp::Lt)
}

fn dunder_le(interp: &mut Interp, args: Args) -> PyResult<Value> {
    str_cmp(interp, args, "__le__", CmpOp::Le)
}

fn dunder_gt(interp: &mut Interp, args: Args) -> PyResult<Value> {
    str_cmp(interp, args, "__gt__", CmpOp::Gt)
}

fn dunder_ge(interp: &mut Interp, args: Args) -> PyResult<Value> {
    str_cmp(interp, args, "__ge__", CmpOp::Ge)
}

fn dunder_hash(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__hash__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::Int(interp.hash(&args.pos[0])?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__iter__")?;
    slot_noarg(interp, &args)?;
    interp.get_iter(&args.pos[0])
}

fn dunder_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__str__")?;
    slot_noarg(interp, &args)?;
    Ok(args.pos[0].clone())
}

fn dunder_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__repr__")?;
    slot_noarg(interp, &args)?;
    Ok(Value::str(interp.repr(&args.pos[0])?))
}
