//! `int(str, base)`, `float(str)` and int-to-text in any base, exactly as CPython 3.11
//! (`PyLong_FromUnicodeObject`, `PyFloat_FromString`, `_PyLong_Format`), including the
//! 4300-digit limit on decimal conversions.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use crate::error::AlgoError;
use crate::str_ops::{bytes_repr, is_space, str_repr};
use crate::unicode_db;

/// `sys.int_info.default_max_str_digits`: the longest decimal text `int()` and `str()` accept.
pub const MAX_STR_DIGITS: usize = 4300;

/// `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`: below this many digits the limit is never checked.
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// The decimal value of a Unicode decimal digit (category Nd), as `Py_UNICODE_TODECIMAL`.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let table = unicode_db::DECIMAL;
    let i = table.partition_point(|&(_, hi)| hi < cp);
    // Every range of the table starts at a zero digit and runs through whole 0..=9 blocks.
    table
        .get(i)
        .filter(|&&(lo, _)| lo <= cp)
        .map(|&(lo, _)| (cp - lo) % 10)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode whitespace becomes `' '`, Unicode
/// decimal digits become ASCII digits, and the text stops with `'?'` at any other non-ASCII char.
fn transform_decimal_and_space(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `Py_ISSPACE`: the ASCII whitespace bytes.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The value of an ASCII digit or letter in bases up to 36 (`_PyLong_DigitValue`), 37 otherwise.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 37,
    }
}

/// Why [`long_from_string`] failed.
enum ParseFailure {
    /// Bad syntax: the caller formats `invalid literal for int() ...`.
    Syntax,
    /// A ready error (bad base, too many digits).
    Error(AlgoError),
}

/// `int(s, base)` for a `str`: `base` is 0 or 2..=36.
///
/// Errors: `ValueError: int() base must be >= 2 and <= 36, or 0`,
/// `ValueError: invalid literal for int() with base 10: 'abc'` (the repr of `s`, cut at 200
/// characters) and the 4300-digit limit `ValueError`.
pub fn parse_int(s: &str, base: i64) -> Result<BigInt, AlgoError> {
    let ascii = transform_decimal_and_space(s);
    long_from_string(&ascii, base).map_err(|failure| match failure {
        ParseFailure::Error(e) => e,
        ParseFailure::Syntax => {
            let repr: String = str_repr(s).chars().take(200).collect();
            AlgoError::value(format!(
                "invalid literal for int() with base {base}: {repr}"
            ))
        }
    })
}

/// `int(b, base)` for `bytes`/`bytearray`; the error shows the repr of the first 200 bytes.
pub fn parse_int_bytes(b: &[u8], base: i64) -> Result<BigInt, AlgoError> {
    long_from_string(b, base).map_err(|failure| match failure {
        ParseFailure::Error(e) => e,
        ParseFailure::Syntax => {
            let repr = bytes_repr(&b[..b.len().min(200)]);
            AlgoError::value(format!(
                "invalid literal for int() with base {base}: {repr}"
            ))
        }
    })
}

/// CPython's `PyLong_FromString` over ASCII bytes, requiring the whole input to be consumed.
fn long_from_string(s: &[u8], base: i64) -> Result<BigInt, ParseFailure> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(ParseFailure::Error(AlgoError::value(
            "int() base must be >= 2 and <= 36, or 0",
        )));
    }
    // A NUL ends the C string: it is never consumed, so the input is then rejected.
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut base = base as u32;
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let marker = at(i + 1).to_ascii_lowercase();
    if at(i) == b'0'
        && ((base == 16 && marker == b'x')
            || (base == 8 && marker == b'o')
            || (base == 2 && marker == b'b'))
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(ParseFailure::Syntax);
    }
    let start = i;
    let mut digits = Vec::new();
    let mut prev = 0u8;
    while digit_value(at(i)) < base || at(i) == b'_' {
        let c = at(i);
        if c == b'_' {
            if prev == b'_' {
                return Err(ParseFailure::Syntax);
            }
        } else {
            digits.push(digit_value(c) as u8);
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(ParseFailure::Syntax);
    }
    if !base.is_power_of_two()
        && digits.len() > MAX_STR_DIGITS_THRESHOLD
        && digits.len() > MAX_STR_DIGITS
    {
        return Err(ParseFailure::Error(AlgoError::value(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ))));
    }
    if i == start {
        return Err(ParseFailure::Syntax);
    }
    let magnitude = BigInt::from_radix_be(Sign::Plus, &digits, base).unwrap_or_default();
    if error_if_nonzero && !magnitude.is_zero() {
        return Err(ParseFailure::Syntax);
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(ParseFailure::Syntax);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// `float(s)` for a `str`: whitespace, underscores between digits, `inf`/`infinity`/`nan` in any
/// case with an optional sign. Error: `ValueError: could not convert string to float: 'x'`.
pub fn parse_float(s: &str) -> Result<f64, AlgoError> {
    let ascii = transform_decimal_and_space(s);
    float_from_ascii(&ascii).ok_or_else(|| {
        AlgoError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    })
}

/// `float(b)` for `bytes`; the error shows the repr of the bytes.
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, AlgoError> {
    float_from_ascii(b).ok_or_else(|| {
        AlgoError::value(format!(
            "could not convert string to float: {}",
            bytes_repr(b)
        ))
    })
}

/// `_Py_string_to_number_with_underscores` + `float_from_string_inner` over ASCII bytes.
fn float_from_ascii(s: &[u8]) -> Option<f64> {
    let start = s
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(start, |p| p + 1);
    let s = &s[start..end];
    let mut clean = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &b in s {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            clean.push(b);
        }
        prev = b;
    }
    if prev == b'_' || clean.is_empty() {
        return None;
    }
    let (negative, body) = match clean[0] {
        b'-' => (true, &clean[1..]),
        b'+' => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => {
            if !is_decimal_literal(body) {
                return None;
            }
            std::str::from_utf8(body).ok()?.parse::<f64>().ok()?
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `digits [. [digits]] | . digits`, then an optional `e [sign] digits`.
fn is_decimal_literal(s: &[u8]) -> bool {
    let int = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = int;
    let mut frac = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        frac = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += frac;
    }
    if int + frac == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == s.len()
}

/// Text of `value` in `radix` (2..=36, lower-case letters), with CPython's `0b`/`0o`/`0x` prefix
/// after the sign when `prefix` is set (`bin`, `oct`, `hex`). Decimal text longer than
/// [`MAX_STR_DIGITS`] digits fails with CPython's `ValueError`.
pub fn int_to_string_radix(value: &BigInt, radix: u32, prefix: bool) -> Result<String, AlgoError> {
    let radix = radix.clamp(2, 36);
    let digits = value.abs().to_str_radix(radix);
    if radix == 10 && digits.len() > MAX_STR_DIGITS {
        return Err(AlgoError::value(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let mut out = String::with_capacity(digits.len() + 3);
    if value.is_negative() {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    out.push_str(&digits);
    Ok(out)
}

/// `bin(value)`: `0b101`, `-0b101`.
pub fn int_bin(value: &BigInt) -> String {
    int_to_string_radix(value, 2, true).unwrap_or_default()
}

/// `oct(value)`: `0o17`, `-0o17`.
pub fn int_oct(value: &BigInt) -> String {
    int_to_string_radix(value, 8, true).unwrap_or_default()
}

/// `hex(value)`: `0xff`, `-0xff`.
pub fn int_hex(value: &BigInt) -> String {
    int_to_string_radix(value, 16, true).unwrap_or_default()
}

/// `str(value)` / `repr(value)` of an int, with the 4300-digit limit.
pub fn int_to_decimal(value: &BigInt) -> Result<String, AlgoError> {
    int_to_string_radix(value, 10, false)
}
