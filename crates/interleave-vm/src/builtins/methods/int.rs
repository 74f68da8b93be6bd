//! Methods of `int` (and so of `bool`): `bit_length`, `bit_count`, `to_bytes`/`from_bytes`,
//! `conjugate`, `as_integer_ratio`, `__index__`, and the `real`/`imag`/`numerator`/
//! `denominator` attributes.

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use super::{check_self, keywords, noargs, register, register_classmethod, type_error};
use crate::builtins::args;
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::object::{NativeFunction, Obj};
use crate::value::Value;

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("to_bytes", to_bytes),
        ("conjugate", conjugate),
        ("as_integer_ratio", as_integer_ratio),
        ("__index__", index),
    ];
    let cls = interp.t.int;
    register(interp, cls, "int", table);
    register_classmethod(interp, cls, "from_bytes", from_bytes);
    let props: &[(&'static str, NativeFn)] =
        &[("real", real), ("imag", imag), ("numerator", real), ("denominator", denominator)];
    add_properties(interp, cls, props);
}

/// Installs read-only attributes computed by native getters.
pub(super) fn add_properties(interp: &mut Interp, cls: crate::value::ObjRef, props: &[(&'static str, NativeFn)]) {
    for &(name, f) in props {
        let fget = interp.alloc(Obj::Native(NativeFunction { name, func: f, slf: Value::Null, owner: None }));
        let p = interp.alloc(Obj::Property { fget, fset: Value::None, fdel: Value::None, doc: Value::None });
        let dict = interp.class(cls).dict;
        interp.set_item_str(dict, name, p);
    }
}

fn is_int(_: &Interp, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// Checks the receiver and returns it as a big integer.
fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<BigInt> {
    check_self(interp, args, "int", name, is_int)?;
    Ok(to_big(&args.pos[0]))
}

fn to_big(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::from(0),
    }
}

/// `int(v)` for an int-like receiver (bools become plain ints).
fn plain(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    }
}

fn bit_length(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = recv(interp, &args, "bit_length")?;
    noargs(interp, &args, "int.bit_length")?;
    Ok(Value::Int(n.bits() as i64))
}

fn bit_count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = recv(interp, &args, "bit_count")?;
    noargs(interp, &args, "int.bit_count")?;
    let ones: u32 = n.magnitude().to_u64_digits().iter().map(|d| d.count_ones()).sum();
    Ok(Value::Int(ones as i64))
}

fn conjugate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "conjugate")?;
    noargs(interp, &args, "int.conjugate")?;
    Ok(plain(&args.pos[0]))
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "__index__")?;
    super::string::slot_noarg(interp, &args)?;
    Ok(plain(&args.pos[0]))
}

fn as_integer_ratio(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "as_integer_ratio")?;
    noargs(interp, &args, "int.as_integer_ratio")?;
    let v = plain(&args.pos[0]);
    Ok(interp.new_tuple(vec![v, Value::Int(1)]))
}

fn real(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "real")?;
    Ok(plain(&args.pos[0]))
}

fn imag(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "imag")?;
    Ok(Value::Int(0))
}

fn denominator(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "denominator")?;
    Ok(Value::Int(1))
}

/// Parses a `byteorder` argument: true for little-endian.
fn byteorder(interp: &mut Interp, v: Option<&Value>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "big" => Ok(false),
            "little" => Ok(true),
            _ => Err(interp.err(interp.t.value_error, "byteorder must be either 'little' or 'big'")),
        },
        Some(v) => {
            let msg = format!("{fname}() argument 'byteorder' must be str, not {}", interp.type_name(v));
            Err(type_error(interp, msg))
        }
    }
}

fn to_bytes(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let n = recv(interp, &args, "to_bytes")?;
    let a = keywords(interp, &args, "to_bytes", &["length", "byteorder", "signed"], 0, 2)?;
    let length = match &a[0] {
        None => 1,
        Some(v) => args::int(interp, v)?,
    };
    if length < 0 {
        return Err(interp.err(interp.t.value_error, "length argument must be non-negative"));
    }
    let little = byteorder(interp, a[1].as_ref(), "to_bytes")?;
    let signed = match &a[2] {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    if !signed && n.is_negative() {
        return Err(interp.err(interp.t.overflow_error, "can't convert negative int to unsigned"));
    }
    let mut bytes = if n.sign() == Sign::NoSign {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    let length = length as usize;
    if bytes.len() > length {
        return Err(interp.err(interp.t.overflow_error, "int too big to convert"));
    }
    if length > interp.limits.max_str_bytes {
        return Err(interp.memory_error());
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length - bytes.len()];
    out.append(&mut bytes);
    if little {
        out.reverse();
    }
    Ok(Value::Bytes(out.into()))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn from_bytes(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let a = keywords(interp, &args, "from_bytes", &["bytes", "byteorder", "signed"], 1, 2)?;
    let src = a[0].clone().unwrap_or(Value::None);
    let mut data: Vec<u8> = match &src {
        v if interp.bytes_of(v).is_some() => interp.bytes_of(v).unwrap_or_default().to_vec(),
        Value::Obj(r) if matches!(interp.heap.get(*r), Obj::List(_) | Obj::Tuple(_)) => {
            let items = interp.collect_iterable(&src)?;
            let mut out = Vec::with_capacity(items.len());
            for v in &items {
                let i = args::int(interp, v)?;
                match u8::try_from(i) {
                    Ok(b) => out.push(b),
                    Err(_) => return Err(interp.err(interp.t.value_error, "bytes must be in range(0, 256)")),
                }
            }
            out
        }
        _ => {
            let msg = format!("cannot convert '{}' object to bytes", interp.type_name(&src));
            return Err(type_error(interp, msg));
        }
    };
    let little = byteorder(interp, a[1].as_ref(), "from_bytes")?;
    let signed = match &a[2] {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    if little {
        data.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_be(&data) } else { BigInt::from_bytes_be(Sign::Plus, &data) };
    Ok(Value::from_bigint(n))
}
