//! `complex`: arithmetic, comparison, hashing, repr, `format()` and parsing, ported from
//! CPython 3.11's `Objects/complexobject.c` and `Python/formatter_unicode.c`.
//!
//! A complex number is an immutable heap object (`Obj::Complex`); ints, bools and floats take
//! part in its arithmetic as `(x, 0.0)`, as CPython's `TO_COMPLEX` does.

use interleave_algo::{FloatFlags, double_to_string, parse_format_spec};
use interleave_compiler::{BinOp, UnaryOp};

use crate::hashing;
use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::value::Value;

/// A complex value as (real, imaginary).
pub type C64 = (f64, f64);

/// Why a complex operation failed (CPython's `errno` values).
enum CErr {
    /// `EDOM`: division by zero, or zero to a negative or complex power.
    Domain,
}

fn c_sum(a: C64, b: C64) -> C64 {
    (a.0 + b.0, a.1 + b.1)
}

fn c_diff(a: C64, b: C64) -> C64 {
    (a.0 - b.0, a.1 - b.1)
}

fn c_prod(a: C64, b: C64) -> C64 {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`: Smith's algorithm.
fn c_quot(a: C64, b: C64) -> Result<C64, CErr> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(CErr::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow`.
fn c_pow(a: C64, b: C64) -> Result<C64, CErr> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(CErr::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: binary exponentiation by a non-negative integer.
fn c_powu(x: C64, n: i64) -> C64 {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `complex_pow`: small integral exponents by repeated multiplication, others by `c_pow`.
fn complex_pow(a: C64, b: C64) -> Result<C64, CErr> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            Ok(c_powu(a, n))
        } else {
            c_quot((1.0, 0.0), c_powu(a, -n))
        }
    } else {
        c_pow(a, b)
    }
}

/// One part of a complex repr: shortest round-trip digits without a forced `.0`.
fn part_repr(x: f64, sign: bool) -> String {
    let flags = FloatFlags { sign, ..FloatFlags::default() };
    double_to_string(x, 'r', 0, flags).unwrap_or_default()
}

/// `repr(complex)`: `4j`, `(3+4j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part_repr(im, false))
    } else {
        format!("({}{}j)", part_repr(re, false), part_repr(im, true))
    }
}

/// `hash(complex)`: `hash(re) + 1000003 * hash(im)`, with -1 mapped to -2.
pub fn complex_hash(re: f64, im: f64) -> i64 {
    let h = hashing::float_hash(re).wrapping_add(hashing::float_hash(im).wrapping_mul(1_000_003));
    if h == -1 { -2 } else { h }
}

/// Length of the longest prefix of `s` that `PyOS_string_to_double` accepts (0 if none).
fn float_prefix(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"infinity") {
        return i + 8;
    }
    if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        return i + 3;
    }
    let digits = |s: &[u8], mut j: usize| {
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let start = i;
    i = digits(s, i);
    let mut any = i > start;
    if i < s.len() && s[i] == b'.' {
        let after = digits(s, i + 1);
        any |= after > i + 1;
        i = after;
    }
    if !any {
        return 0;
    }
    if i < s.len() && matches!(s[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < s.len() && matches!(s[j], b'+' | b'-') {
            j += 1;
        }
        let k = digits(s, j);
        if k > j {
            i = k;
        }
    }
    i
}

fn parse_part(s: &[u8]) -> f64 {
    std::str::from_utf8(s).ok().and_then(|t| t.parse::<f64>().ok()).unwrap_or(f64::NAN)
}

/// Why `complex(str)` failed.
pub enum ParseError {
    /// A misplaced underscore (`could not convert string to complex: '1__0j'`).
    Underscore,
    /// `complex() arg is a malformed string`.
    Malformed,
}

/// `complex(str)`.
pub fn parse_complex(text: &str) -> Result<C64, ParseError> {
    parse_clean(&remove_underscores(text)?).ok_or(ParseError::Malformed)
}

/// CPython's `_Py_string_to_number_with_underscores`: underscores only between digits.
fn remove_underscores(text: &str) -> Result<Vec<u8>, ParseError> {
    // Underscores are allowed only between digits, as in numeric literals.
    let b = text.as_bytes();
    let mut clean = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev = i.checked_sub(1).map(|j| b[j]);
            let next = b.get(i + 1).copied();
            if !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())) {
                return Err(ParseError::Underscore);
            }
        } else {
            clean.push(c);
        }
    }
    Ok(clean)
}

fn parse_clean(s: &[u8]) -> Option<C64> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut bracket = false;
    if i < s.len() && s[i] == b'(' {
        bracket = true;
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |i: usize| i < s.len() && matches!(s[i], b'j' | b'J');
    let n = float_prefix(&s[i..]);
    if n > 0 {
        let z = parse_part(&s[i..i + n]);
        i += n;
        if i < s.len() && matches!(s[i], b'+' | b'-') {
            x = z;
            let m = float_prefix(&s[i..]);
            if m > 0 {
                y = parse_part(&s[i..i + m]);
                i += m;
            } else {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        } else if is_j(i) {
            i += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        if i < s.len() && matches!(s[i], b'+' | b'-') {
            y = if s[i] == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            y = 1.0;
        }
        if !is_j(i) {
            return None;
        }
        i += 1;
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if bracket {
        if i >= s.len() || s[i] != b')' {
            return None;
        }
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    (i == s.len()).then_some((x, y))
}

impl Interp {
    /// A new `complex` object.
    pub fn new_complex(&mut self, re: f64, im: f64) -> Value {
        self.alloc(Obj::Complex { re, im })
    }

    /// The parts of `v` if it is a `complex`.
    pub fn as_complex(&self, v: &Value) -> Option<C64> {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Obj::Complex { re, im }) => Some((*re, *im)),
            _ => None,
        }
    }

    /// `v` as a complex operand: complex, float, int or bool (`TO_COMPLEX`); `None` for others.
    fn complex_operand(&mut self, v: &Value) -> PyResult<Option<C64>> {
        if let Some(c) = self.as_complex(v) {
            return Ok(Some(c));
        }
        match self.to_num(v) {
            Some(n) => Ok(Some((self.num_to_f64(n)?, 0.0))),
            None => Ok(None),
        }
    }

    fn complex_result(&mut self, r: Result<C64, CErr>, zero_msg: &str) -> PyResult<Value> {
        match r {
            Ok((re, im)) => Ok(self.new_complex(re, im)),
            Err(CErr::Domain) => Err(self.err(self.t.zero_division_error, zero_msg.to_owned())),
        }
    }

    /// `a op b` when either operand is a complex and the other a number; `None` when the
    /// operator does not apply (so the caller raises the usual `TypeError`).
    pub fn complex_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if self.as_complex(a).is_none() && self.as_complex(b).is_none() {
            return Ok(None);
        }
        if !matches!(op, BinOp::Add | BinOp::Subtract | BinOp::Multiply | BinOp::TrueDivide | BinOp::Power) {
            return Ok(None);
        }
        let Some(x) = self.complex_operand(a)? else { return Ok(None) };
        let Some(y) = self.complex_operand(b)? else { return Ok(None) };
        Ok(Some(match op {
            BinOp::Add => {
                let (re, im) = c_sum(x, y);
                self.new_complex(re, im)
            }
            BinOp::Subtract => {
                let (re, im) = c_diff(x, y);
                self.new_complex(re, im)
            }
            BinOp::Multiply => {
                let (re, im) = c_prod(x, y);
                self.new_complex(re, im)
            }
            BinOp::TrueDivide => self.complex_result(c_quot(x, y), "complex division by zero")?,
            _ => self.complex_power(x, y)?,
        }))
    }

    /// `x ** y` for complex values (also `float ** float` with a negative base and a
    /// fractional exponent, which CPython hands to `complex.__pow__`).
    pub fn complex_power(&mut self, x: C64, y: C64) -> PyResult<Value> {
        match complex_pow(x, y) {
            Ok((re, im)) if re.is_infinite() || im.is_infinite() => {
                Err(self.err(self.t.overflow_error, "complex exponentiation"))
            }
            r => self.complex_result(r, "0.0 to a negative or complex power"),
        }
    }

    /// Unary `-` and `+` of a complex; `None` when `a` is not a complex.
    pub fn complex_unary(&mut self, op: UnaryOp, a: &Value) -> Option<Value> {
        let (re, im) = self.as_complex(a)?;
        match op {
            UnaryOp::Negative => Some(self.new_complex(-re, -im)),
            UnaryOp::Positive => Some(self.new_complex(re, im)),
            _ => None,
        }
    }

    /// `a == b` when either is a complex; `None` when neither is, or the other is not a number.
    pub fn complex_eq(&mut self, a: &Value, b: &Value) -> Option<bool> {
        let (z, other) = match (self.as_complex(a), self.as_complex(b)) {
            (Some(x), Some(y)) => return Some(x == y),
            (Some(z), None) => (z, b),
            (None, Some(z)) => (z, a),
            (None, None) => return None,
        };
        // Ints compare exactly with the real part (no rounding to float).
        let n = self.to_num(other)?;
        if z.1 != 0.0 {
            return Some(false);
        }
        Some(super::compare::num_cmp(&super::ops::Num::Float(z.0), &n) == Some(std::cmp::Ordering::Equal))
    }

    /// `abs(z)`.
    pub fn complex_abs(&mut self, (re, im): C64) -> PyResult<Value> {
        let r = re.hypot(im);
        if r.is_infinite() && re.is_finite() && im.is_finite() {
            return Err(self.err(self.t.overflow_error, "absolute value too large"));
        }
        Ok(Value::Float(r))
    }

    /// `format(z, spec)` (CPython's `format_complex_internal`).
    pub fn format_complex(&mut self, (re, im): C64, spec: &str) -> PyResult<String> {
        let f = parse_format_spec(spec, None, '>', "complex").map_err(|e| self.algo_err(e))?;
        if f.fill == '0' {
            return Err(self.err(self.t.value_error, "Zero padding is not allowed in complex format specifier"));
        }
        if f.align == '=' {
            return Err(self.err(self.t.value_error, "'=' alignment flag is not allowed in complex format specifier"));
        }
        let mut kind = match f.kind {
            None => 'r',
            Some('n') => 'g',
            Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => k,
            Some(k) => {
                let code = if (k as u32) > 32 && (k as u32) < 128 { format!("'{k}'") } else { format!("'\\x{:x}'", k as u32) };
                let msg = format!("Unknown format code {code} for object of type 'complex'");
                return Err(self.err(self.t.value_error, msg));
            }
        };
        let (mut skip_re, mut parens) = (false, false);
        if f.kind.is_none() {
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
        }
        let precision = match f.precision {
            Some(p) => {
                if kind == 'r' {
                    kind = 'g';
                }
                p
            }
            None => 6,
        };
        let flags = FloatFlags { alt: f.alternate, no_neg_0: f.no_neg_0, ..FloatFlags::default() };
        let part = |this: &mut Interp, x: f64, sign: Option<char>| -> PyResult<String> {
            let mut s = double_to_string(x, kind, precision, flags).map_err(|e| this.algo_err(e))?;
            if let Some(sep) = f.grouping {
                s = group_digits(&s, sep);
            }
            let negative = s.starts_with('-');
            Ok(match (negative, sign) {
                (false, Some('+')) => format!("+{s}"),
                (false, Some(' ')) => format!(" {s}"),
                _ => s,
            })
        };
        let mut body = String::new();
        if parens {
            body.push('(');
        }
        if !skip_re {
            body.push_str(&part(self, re, f.sign)?);
        }
        let im_sign = if skip_re { f.sign } else { Some('+') };
        body.push_str(&part(self, im, im_sign)?);
        body.push('j');
        if parens {
            body.push(')');
        }
        let width = f.width.unwrap_or(0);
        let len = body.chars().count();
        if width > self.limits.max_str_bytes {
            return Err(self.memory_error());
        }
        let pad = width.saturating_sub(len);
        let (l, r) = match f.align {
            '<' => (0, pad),
            '^' => (pad / 2, pad - pad / 2),
            _ => (pad, 0),
        };
        let fill = |n: usize| std::iter::repeat_n(f.fill, n).collect::<String>();
        Ok(format!("{}{body}{}", fill(l), fill(r)))
    }

    /// `complex(s)` for a string argument.
    pub fn complex_from_str(&mut self, s: &str) -> PyResult<Value> {
        match parse_complex(s) {
            Ok((re, im)) => Ok(self.new_complex(re, im)),
            Err(ParseError::Underscore) => {
                let msg = format!("could not convert string to complex: {}", interleave_algo::str_repr(s));
                Err(self.err(self.t.value_error, msg))
            }
            Err(ParseError::Malformed) => Err(self.err(self.t.value_error, "complex() arg is a malformed string")),
        }
    }
}

/// Inserts the thousands separator into the integer digits of a formatted float.
fn group_digits(s: &str, sep: char) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let (digits, tail) = rest.split_at(end);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    format!("{sign}{out}{tail}")
}
