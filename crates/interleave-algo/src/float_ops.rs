//! Float arithmetic with CPython's rules: `round()` (half to even, correctly rounded with
//! `ndigits`), `%`, `//` and `divmod` with the sign of the divisor, `**` special cases, and
//! `float.is_integer`.
//!
//! `**` defers to the platform `pow` for the general case (as CPython does); targets whose libm
//! differs from glibc's may differ in the last bit there.

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::error::{AlgoError, ErrorKind};

/// `round(x)`: the nearest int, ties to even.
/// Errors: `ValueError: cannot convert float NaN to integer`,
/// `OverflowError: cannot convert float infinity to integer`.
pub fn round_to_int(x: f64) -> Result<BigInt, AlgoError> {
    float_to_int(x.round_ties_even())
}

/// `int(x)` for a float (truncation), with CPython's errors for NaN and infinities.
pub fn float_to_int(x: f64) -> Result<BigInt, AlgoError> {
    if x.is_nan() {
        return Err(AlgoError::value("cannot convert float NaN to integer"));
    }
    BigInt::from_f64(x.trunc())
        .ok_or_else(|| AlgoError::overflow("cannot convert float infinity to integer"))
}

/// `round(x, ndigits)`: correctly rounded (half to even on the exact binary value), as
/// CPython's `double_round`. Error: `OverflowError: rounded value too large to represent`.
pub fn round_ndigits(x: f64, ndigits: i64) -> Result<f64, AlgoError> {
    if !x.is_finite() {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    // The exact decimal expansion of |x| (every double has at most 1074 fraction digits).
    let exact = format!("{:.1074}", x.abs());
    let (int, frac) = exact.split_once('.').unwrap_or((exact.as_str(), ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    // Keep the digits before position `keep` (the decimal point sits after `int.len()` digits).
    let keep = int.len() as i64 + ndigits;
    let mut kept: Vec<u8> = if keep > 0 {
        digits[..(keep as usize).min(digits.len())].to_vec()
    } else {
        Vec::new()
    };
    let rest: &[u8] = if keep >= 0 {
        digits.get(keep as usize..).unwrap_or(&[])
    } else {
        &digits
    };
    let below_half_point = keep < 0;
    let round_up = match rest.first() {
        _ if below_half_point => false,
        Some(&d) if d > 5 => true,
        Some(&5) => rest[1..].iter().any(|&d| d != 0) || kept.last().is_some_and(|d| d % 2 == 1),
        _ => false,
    };
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let mut text: String = if x.is_sign_negative() {
        "-0".into()
    } else {
        "0".into()
    };
    text.extend(kept.iter().map(|d| char::from(b'0' + d)));
    // `kept` is the integer round(|x| * 10**ndigits); the result is kept * 10**-ndigits.
    text.push_str(&format!("e{}", -ndigits));
    let rounded: f64 = text.parse().unwrap_or(0.0);
    if rounded.is_infinite() {
        return Err(AlgoError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// `x % y` for floats: the result takes the sign of `y`. Error: `ZeroDivisionError: float modulo`.
pub fn float_mod(x: f64, y: f64) -> Result<f64, AlgoError> {
    if y == 0.0 {
        return Err(AlgoError::new(ErrorKind::ZeroDivisionError, "float modulo"));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        0.0f64.copysign(y)
    })
}

/// `divmod(x, y)` for floats. Error: `ZeroDivisionError: float divmod()`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), AlgoError> {
    if y == 0.0 {
        return Err(AlgoError::new(
            ErrorKind::ZeroDivisionError,
            "float divmod()",
        ));
    }
    Ok(divmod_nonzero(x, y))
}

/// `x // y` for floats. Error: `ZeroDivisionError: float floor division by zero`.
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, AlgoError> {
    if y == 0.0 {
        return Err(AlgoError::new(
            ErrorKind::ZeroDivisionError,
            "float floor division by zero",
        ));
    }
    Ok(divmod_nonzero(x, y).0)
}

/// CPython's `_float_div_mod` for `y != 0`.
fn divmod_nonzero(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// The result of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    /// A float result.
    Float(f64),
    /// A negative base with a fractional exponent: CPython computes a complex power instead.
    Complex,
}

/// Whether `w` is an odd integer (`DOUBLE_IS_ODD_INTEGER`).
fn is_odd_integer(w: f64) -> bool {
    w.is_finite() && (w % 2.0).abs() == 1.0
}

/// `x ** y` for floats (CPython's `float_pow`). Errors:
/// `ZeroDivisionError: 0.0 cannot be raised to a negative power`,
/// `OverflowError: (34, 'Numerical result out of range')`.
pub fn float_pow(x: f64, y: f64) -> Result<FloatPow, AlgoError> {
    use FloatPow::Float;
    if y == 0.0 {
        return Ok(Float(1.0));
    }
    if x.is_nan() {
        return Ok(Float(x));
    }
    if y.is_nan() {
        return Ok(Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Float(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(AlgoError::new(
                ErrorKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if base < 0.0 {
        if y != y.floor() {
            return Ok(FloatPow::Complex);
        }
        base = -base;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(AlgoError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Float(if negate { -r } else { r }))
}
