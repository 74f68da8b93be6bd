//! `repr(float)` and CPython's `PyOS_double_to_string`: correctly rounded float-to-text in the
//! modes `r` (shortest round-trip), `e`, `f` and `g`, with CPython's layout rules.
//!
//! Rust's formatter supplies the correctly rounded decimal digits (shortest round-trip digits for
//! `{:e}`, exact rounding half-to-even for a given precision); this module lays them out exactly as
//! CPython's `format_float_short` does.

use crate::error::{AlgoError, check_len};

/// The flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `Py_DTSF_SIGN`: always write a sign (`+` for non-negative values).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: write `.0` after an integral value without exponent (`repr` does).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the decimal point and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option: a result that rounds to zero loses its minus sign.
    pub no_neg_0: bool,
}

/// `repr(x)` and `str(x)` of a Python float: `1.0`, `0.1`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    // Mode 'r' never needs more than ~25 characters, so the length check cannot fail.
    double_to_string(x, 'r', 0, flags).unwrap_or_default()
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r` (`r` ignores `precision`); upper-case codes write `E`, `INF`
/// and `NAN`. Any other code is treated as `r`. Fails with `MemoryError` only when the result
/// would exceed [`crate::MAX_OUTPUT_LEN`].
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    flags: FloatFlags,
) -> Result<String, AlgoError> {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let negative = x.is_sign_negative();
    if !x.is_finite() {
        let mut out = String::new();
        if x.is_nan() {
            if flags.sign {
                out.push('+');
            }
            out.push_str(if upper { "NAN" } else { "nan" });
        } else {
            if negative {
                out.push('-');
            } else if flags.sign {
                out.push('+');
            }
            out.push_str(if upper { "INF" } else { "inf" });
        }
        return Ok(out);
    }
    // Rough size: digits of the integer part (<= 309) plus precision plus sign/point/exponent.
    check_len(precision.saturating_add(330))?;
    let ax = x.abs();
    let (mode, precision) = match code {
        'e' => (Digits::Significant(precision + 1), precision + 1),
        'f' => (Digits::Fixed(precision), precision),
        'g' => {
            let p = precision.max(1);
            (Digits::Significant(p), p)
        }
        _ => (Digits::Shortest, 0),
    };
    let (digits, decpt) = decimal_digits(ax, mode);
    let mut sign = negative;
    if flags.no_neg_0 && digits == "0" {
        sign = false;
    }
    Ok(layout(&LayoutInput {
        digits: &digits,
        decpt,
        code,
        precision,
        sign,
        upper,
        flags,
    }))
}

/// How many decimal digits to produce.
#[derive(Clone, Copy)]
enum Digits {
    /// The shortest digit string that round-trips (dtoa mode 0).
    Shortest,
    /// Exactly this many significant digits, correctly rounded (dtoa mode 2).
    Significant(usize),
    /// This many digits after the decimal point, correctly rounded (dtoa mode 3).
    Fixed(usize),
}

/// The decimal digits of a finite, non-negative `x` as dtoa returns them: no trailing zeros
/// (`"0"` for zero) and the position `decpt` of the decimal point (value = 0.DIGITS × 10^decpt).
fn decimal_digits(x: f64, mode: Digits) -> (String, i64) {
    let (raw, decpt) = match mode {
        Digits::Shortest | Digits::Significant(_) => {
            let s = match mode {
                Digits::Significant(n) => format!("{:.*e}", n.saturating_sub(1), x),
                _ => format!("{x:e}"),
            };
            let (mantissa, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
            let exp: i64 = exp.parse().unwrap_or(0);
            (mantissa.replace('.', ""), exp + 1)
        }
        Digits::Fixed(n) => {
            let s = format!("{x:.n$}");
            let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
            (format!("{int}{frac}"), int.len() as i64)
        }
    };
    let trimmed = raw.trim_start_matches('0');
    let decpt = decpt - (raw.len() - trimmed.len()) as i64;
    let trimmed = trimmed.trim_end_matches('0');
    if trimmed.is_empty() {
        ("0".to_string(), 1)
    } else {
        (trimmed.to_string(), decpt)
    }
}

/// Everything `format_float_short` needs once the digits are known.
struct LayoutInput<'a> {
    digits: &'a str,
    decpt: i64,
    code: char,
    precision: usize,
    sign: bool,
    upper: bool,
    flags: FloatFlags,
}

/// The layout half of CPython's `format_float_short`: pads the digit string with zeros on either
/// side, places the decimal point and appends the exponent.
fn layout(input: &LayoutInput<'_>) -> String {
    let LayoutInput {
        digits,
        mut decpt,
        code,
        precision,
        sign,
        upper,
        flags,
    } = *input;
    let digits_len = digits.len() as i64;
    let precision = precision as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let mut out = String::new();
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}
