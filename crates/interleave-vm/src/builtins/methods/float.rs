//! Methods of `float`: `is_integer`, `as_integer_ratio`, `hex`/`fromhex`, `conjugate`, and
//! the `real`/`imag` attributes.

use num_bigint::BigInt;

use super::int::add_properties;
use super::{check_self, noargs, one_arg, register, register_classmethod, type_error};
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::value::Value;

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("hex", hex),
        ("conjugate", conjugate),
    ];
    let cls = interp.t.float;
    register(interp, cls, "float", table);
    register_classmethod(interp, cls, "fromhex", fromhex);
    add_properties(interp, cls, &[("real", conjugate_attr), ("imag", imag)]);
}

fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<f64> {
    check_self(interp, args, "float", name, |_, v| matches!(v, Value::Float(_)))?;
    Ok(match args.pos[0] {
        Value::Float(f) => f,
        _ => 0.0,
    })
}

fn is_integer(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = recv(interp, &args, "is_integer")?;
    noargs(interp, &args, "float.is_integer")?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn conjugate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = recv(interp, &args, "conjugate")?;
    noargs(interp, &args, "float.conjugate")?;
    Ok(Value::Float(x))
}

fn conjugate_attr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(recv(interp, &args, "real")?))
}

fn imag(interp: &mut Interp, args: Args) -> PyResult<Value> {
    recv(interp, &args, "imag")?;
    Ok(Value::Float(0.0))
}

/// `x` as `mantissa * 2**exponent` with an odd (or zero) integer mantissa.
fn decompose(x: f64) -> (i64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    (if x.is_sign_negative() { -m } else { m }, e)
}

fn as_integer_ratio(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = recv(interp, &args, "as_integer_ratio")?;
    noargs(interp, &args, "float.as_integer_ratio")?;
    if x.is_infinite() {
        return Err(interp.err(interp.t.overflow_error, "cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(interp.err(interp.t.value_error, "cannot convert NaN to integer ratio"));
    }
    let (m, e) = decompose(x);
    let (num, den) = if e >= 0 { (BigInt::from(m) << e as usize, BigInt::from(1)) } else { (BigInt::from(m), BigInt::from(1) << (-e) as usize) };
    let items = vec![Value::from_bigint(num), Value::from_bigint(den)];
    Ok(interp.new_tuple(items))
}

fn hex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = recv(interp, &args, "hex")?;
    noargs(interp, &args, "float.hex")?;
    if !x.is_finite() {
        return Ok(Value::str(interleave_algo::float_repr(x)));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::str(format!("{sign}0x0.0p+0")));
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    Ok(Value::str(if biased == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", biased - 1023)
    }))
}

/// `2**k` exactly, for `-1074 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    if k >= -1022 { f64::from_bits(((k + 1023) as u64) << 52) } else { f64::from_bits(1u64 << (k + 1074)) }
}

/// Parses the text of `float.fromhex`; `Err(true)` on overflow, `Err(false)` if invalid.
fn parse_hex(s: &str) -> Result<f64, bool> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let apply = |x: f64| if neg { -x } else { x };
    if lower == "inf" || lower == "infinity" {
        return Ok(apply(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(apply(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits_part, exp_part) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match digits_part.find('.') {
        Some(i) => (&digits_part[..i], &digits_part[i + 1..]),
        None => (digits_part, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(false);
    }
    let mut exp: i64 = match exp_part {
        None => 0,
        Some(e) => {
            let digits = e.trim_start_matches(['+', '-']);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || e.len() - digits.len() > 1 {
                return Err(false);
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') { -100_000 } else { 100_000 }).clamp(-100_000, 100_000)
        }
    };
    let mut mant: u128 = 0;
    let mut sticky = false;
    for (i, c) in int_part.chars().chain(frac_part.chars()).enumerate() {
        let d = c.to_digit(16).ok_or(false)? as u128;
        if i >= int_part.len() {
            exp -= 4;
        }
        if mant >> 120 != 0 {
            sticky |= d != 0;
            exp += 4;
        } else {
            mant = mant * 16 + d;
        }
    }
    if mant == 0 {
        return Ok(apply(0.0));
    }
    let bl = 128 - mant.leading_zeros() as i64;
    let top = exp + bl - 1;
    if top > 1023 {
        return Err(true);
    }
    if top < -1075 {
        return Ok(apply(0.0));
    }
    let lsb = (top - 52).max(-1074);
    let shift = lsb - exp;
    let m = if shift <= 0 {
        mant << (-shift)
    } else if shift >= 127 {
        u128::from(top == -1075)
    } else {
        let kept = mant >> shift;
        let rem = mant & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        if rem > half || (rem == half && (sticky || kept & 1 == 1)) { kept + 1 } else { kept }
    };
    let x = m as f64 * pow2(lsb);
    if x.is_infinite() {
        return Err(true);
    }
    Ok(apply(x))
}

/// `float.fromhex(s)` (a class method).
fn fromhex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = one_arg(interp, &args, "float.fromhex")?;
    let Value::Str(text) = &s else {
        let msg = format!("must be str, not {}", interp.type_name(&s));
        return Err(type_error(interp, msg));
    };
    match parse_hex(text.as_str()) {
        Ok(x) => Ok(Value::Float(x)),
        Err(true) => Err(interp.err(interp.t.overflow_error, "hexadecimal value too large to represent as a float")),
        Err(false) => Err(interp.err(interp.t.value_error, "invalid hexadecimal floating-point string")),
    }
}
