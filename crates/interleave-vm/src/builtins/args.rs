//! Argument checking helpers for built-ins, with CPython's error texts.

use num_traits::ToPrimitive;

use crate::interp::Interp;
use crate::native::{Args, PyResult};
use crate::value::{PyStr, Value};

/// Checks the positional count of a built-in that takes no keywords
/// (`len() takes exactly one argument (2 given)` style).
pub fn count(interp: &mut Interp, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(interp.err(interp.t.type_error, msg));
    }
    let n = args.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max && min == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if min == max && min == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else if min == max {
        format!("{name} expected {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    Err(interp.err(interp.t.type_error, msg))
}

/// Checks the count of a method's arguments (`self` excluded).
pub fn method_count(interp: &mut Interp, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if !args.kw.is_empty() {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(interp.err(interp.t.type_error, msg));
    }
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max && min == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if min == max && min == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    Err(interp.err(interp.t.type_error, msg))
}

/// An index-like integer argument (`'float' object cannot be interpreted as an integer`).
pub fn int(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => b
            .to_i64()
            .ok_or_else(|| interp.err(interp.t.overflow_error, "Python int too large to convert to C ssize_t")),
        _ => {
            if let Some(i) = interp.index_value(v)? {
                return int(interp, &i);
            }
            let msg = format!("'{}' object cannot be interpreted as an integer", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// A `str` argument.
pub fn str<'a>(interp: &mut Interp, v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    match v {
        Value::Str(s) => Ok(s),
        _ => {
            let msg = format!("{what} must be str, not {}", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

/// A float-convertible argument (int, bool or float).
pub fn float(interp: &mut Interp, v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b.to_f64().ok_or_else(|| interp.err(interp.t.overflow_error, "int too large to convert to float")),
        _ => {
            let msg = format!("{what} must be real number, not {}", interp.type_name(v));
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}
