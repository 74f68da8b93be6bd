//! The format-spec mini-language of `format()`, f-strings and `str.format`:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, a port of CPython's
//! `Python/formatter_unicode.c` for `int`, `float` and `str`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{AlgoError, ErrorKind, check_len};
use crate::float_repr::{FloatFlags, double_to_string};
use crate::number_parse::int_to_string_radix;

/// A parsed format specification (CPython's `InternalFormatSpec`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (default `' '`).
    pub fill: char,
    /// One of `< > = ^`.
    pub align: char,
    /// `#`.
    pub alternate: bool,
    /// `z`.
    pub no_neg_0: bool,
    /// `'+'`, `'-'`, `' '`, or `None` when not given.
    pub sign: Option<char>,
    /// The minimum width, if given.
    pub width: Option<usize>,
    /// The thousands separator (`,` or `_`), if given.
    pub grouping: Option<char>,
    /// Group size for the separator: 3, or 4 for `_` with `b o x X`.
    group_size: usize,
    /// The precision, if given.
    pub precision: Option<usize>,
    /// The presentation type, or `None` for the default.
    pub kind: Option<char>,
}

/// `PY_SSIZE_T_MAX` on 64-bit CPython, the largest width or precision the parser accepts.
const SSIZE_MAX: u64 = i64::MAX as u64;

/// Parses `spec` as `parse_internal_render_format_spec` does, with the given default type and
/// alignment; `type_name` only appears in error messages.
pub fn parse_format_spec(
    spec: &str,
    default_type: Option<char>,
    default_align: char,
    type_name: &str,
) -> Result<FormatSpec, AlgoError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: ' ',
        align: default_align,
        alternate: false,
        no_neg_0: false,
        sign: None,
        width: None,
        grouping: None,
        group_size: 3,
        precision: None,
        kind: default_type,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut fill_specified = false;
    let mut align_specified = false;
    if end >= 2 && is_align(chars[1]) {
        out.align = chars[1];
        out.fill = chars[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = chars[0];
        align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        out.fill = '0';
        if !align_specified && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    out.width = get_integer(&chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err(AlgoError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
        return Err(AlgoError::value("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        out.precision = get_integer(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(AlgoError::value("Format specifier missing precision"));
        }
    }
    if end - pos > 1 {
        return Err(AlgoError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        out.kind = Some(chars[pos]);
    }
    if let Some(sep) = out.grouping {
        match out.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => out.group_size = 4,
            Some(t) => {
                return Err(AlgoError::value(format!(
                    "Cannot specify '{sep}' with {}.",
                    quoted_code(t)
                )));
            }
        }
    }
    Ok(out)
}

/// CPython's `get_integer`: reads decimal digits; `None` when there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, AlgoError> {
    let mut value: u64 = 0;
    let mut any = false;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        if value > (SSIZE_MAX - u64::from(d)) / 10 {
            return Err(AlgoError::value("Too many decimal digits in format string"));
        }
        value = value * 10 + u64::from(d);
        any = true;
        *pos += 1;
    }
    Ok(if any {
        Some(usize::try_from(value).unwrap_or(usize::MAX))
    } else {
        None
    })
}

/// `'x'` for printable ASCII, else `'\x4e2d'`, as CPython's error messages quote a type code.
fn quoted_code(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{v:x}'")
    }
}

/// `Unknown format code 'd' for object of type 'float'`.
fn unknown_code(c: char, type_name: &str) -> AlgoError {
    AlgoError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quoted_code(c)
    ))
}

/// `format(value, spec)` for a `str` (`type_name` is `"str"` or a subclass name).
pub fn format_str(value: &str, spec: &str, type_name: &str) -> Result<String, AlgoError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let f = parse_format_spec(spec, Some('s'), '<', type_name)?;
    if f.kind != Some('s') {
        return Err(unknown_code(f.kind.unwrap_or('s'), type_name));
    }
    match f.sign {
        Some(' ') => {
            return Err(AlgoError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(AlgoError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if f.no_neg_0 {
        return Err(AlgoError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(AlgoError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == '=' {
        return Err(AlgoError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = value.chars().count();
    let body: String = match f.precision {
        Some(p) if len >= p => {
            len = p;
            value.chars().take(p).collect()
        }
        _ => value.to_string(),
    };
    pad(&body, len, f.width, f.align, f.fill)
}

/// Pads `body` (of `len` characters) to `width` like CPython's `calc_padding`.
fn pad(
    body: &str,
    len: usize,
    width: Option<usize>,
    align: char,
    fill: char,
) -> Result<String, AlgoError> {
    let total = width.map_or(len, |w| w.max(len));
    check_len(total)?;
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(body.len() + total - len);
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

/// `format(value, spec)` for an `int` (`type_name` is `"int"`, `"bool"` or a subclass name).
///
/// An empty `spec` gives `str(value)`; for `bool` and subclasses with their own `__str__` the VM
/// must call `str(obj)` itself in that case, as CPython does. Float presentation types convert the
/// value to float first (`OverflowError: int too large to convert to float`).
pub fn format_int(value: &BigInt, spec: &str, type_name: &str) -> Result<String, AlgoError> {
    if spec.is_empty() {
        return int_to_string_radix(value, 10, false);
    }
    let f = parse_format_spec(spec, Some('d'), '>', type_name)?;
    match f.kind {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long_internal(value, &f),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = value.to_f64().filter(|x| x.is_finite());
            let x = x.ok_or_else(|| AlgoError::overflow("int too large to convert to float"))?;
            format_float_internal(x, &f)
        }
        other => Err(unknown_code(other.unwrap_or('d'), type_name)),
    }
}

/// `format(value, spec)` for a `float` (`type_name` is `"float"` or a subclass name).
pub fn format_float(value: f64, spec: &str, type_name: &str) -> Result<String, AlgoError> {
    if spec.is_empty() {
        return Ok(crate::float_repr::float_repr(value));
    }
    let f = parse_format_spec(spec, None, '>', type_name)?;
    match f.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(value, &f)
        }
        Some(other) => Err(unknown_code(other, type_name)),
    }
}

/// The widths of the parts of a formatted number (CPython's `NumberFieldWidths`), built and
/// written by [`fill_number`].
struct NumberParts<'a> {
    /// Sign character to write, if any.
    sign: Option<char>,
    /// `0x`-style prefix (already in the right case).
    prefix: &'a str,
    /// The digits before the decimal point or exponent.
    digits: &'a str,
    /// Whether a decimal point follows the digits.
    has_decimal: bool,
    /// Everything after the decimal point (or after the digits when there is none).
    remainder: &'a str,
}

/// CPython's `calc_number_widths` + `fill_number`: sign, prefix, padding, grouping.
fn fill_number(parts: &NumberParts<'_>, f: &FormatSpec) -> Result<String, AlgoError> {
    let sign = match (f.sign, parts.sign) {
        (_, Some('-')) => Some('-'),
        (Some('+'), _) => Some('+'),
        (Some(' '), _) => Some(' '),
        _ => None,
    };
    let n_sign = usize::from(sign.is_some());
    let n_non_digit = n_sign
        + parts.prefix.len()
        + usize::from(parts.has_decimal)
        + parts.remainder.chars().count();
    let width = f.width.unwrap_or(0);
    let min_width = if f.fill == '0' && f.align == '=' {
        width.saturating_sub(n_non_digit)
    } else {
        0
    };
    check_len(min_width)?;
    let (sep, group) = match f.grouping {
        Some(c) => (Some(c), f.group_size),
        None => (None, 0),
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        insert_grouping(parts.digits, min_width, sep, group)
    };
    let body_len = n_non_digit + grouped.chars().count();
    let padding = width.saturating_sub(body_len);
    check_len(body_len + padding)?;
    let (lpad, spad, rpad) = match f.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(f.fill, lpad));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(f.fill, spad));
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(f.fill, rpad));
    Ok(out)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: inserts `sep` every `group` digits (from the
/// right) and left-pads with `'0'` groups up to `min_width` characters.
fn insert_grouping(digits: &str, min_width: usize, sep: Option<char>, group: usize) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let sep_len = usize::from(sep.is_some());
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width as i64;
    let mut chunks: Vec<String> = Vec::new();
    let mut end = digits.len();
    let mut take = |len: i64, remaining: &mut i64| {
        let n_zeros = (len - *remaining).max(0) as usize;
        let n_chars = (*remaining).min(len).max(0) as usize;
        let mut chunk: String = std::iter::repeat_n('0', n_zeros).collect();
        chunk.extend(&digits[end - n_chars..end]);
        end -= n_chars;
        *remaining -= n_chars as i64;
        chunk
    };
    let mut broke = false;
    if group > 0 {
        loop {
            let len = (group as i64).min(remaining.max(min_width).max(1));
            chunks.push(take(len, &mut remaining));
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= sep_len as i64;
        }
    }
    if !broke {
        let len = remaining.max(min_width).max(1);
        chunks.push(take(len, &mut remaining));
    }
    chunks.reverse();
    let sep = sep.map(String::from).unwrap_or_default();
    chunks.join(&sep)
}

/// CPython's `format_long_internal` (types `b c d o x X n`).
fn format_long_internal(value: &BigInt, f: &FormatSpec) -> Result<String, AlgoError> {
    if f.precision.is_some() {
        return Err(AlgoError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(AlgoError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let kind = f.kind.unwrap_or('d');
    if kind == 'c' {
        if f.sign.is_some() {
            return Err(AlgoError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(AlgoError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let long = value
            .to_i64()
            .ok_or_else(|| AlgoError::overflow("Python int too large to convert to C long"))?;
        let ch = u32::try_from(long).ok().filter(|v| *v <= 0x10FFFF);
        let ch = ch.ok_or_else(|| {
            AlgoError::new(ErrorKind::OverflowError, "%c arg not in range(0x110000)")
        })?;
        // Lone surrogates cannot live in a Rust string; CPython would produce one.
        let ch = char::from_u32(ch).unwrap_or('\u{FFFD}').to_string();
        let parts = NumberParts {
            sign: None,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &ch,
        };
        return fill_number(&parts, f);
    }
    let (radix, prefix) = match kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = int_to_string_radix(&value.abs(), radix, false)?;
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if f.alternate { prefix } else { "" };
    let sign = value.is_negative().then_some('-');
    fill_number(
        &NumberParts {
            sign,
            prefix,
            digits: &digits,
            has_decimal: false,
            remainder: "",
        },
        f,
    )
}

/// CPython's `format_float_internal` (types `e E f F g G n %` and none).
fn format_float_internal(value: f64, f: &FormatSpec) -> Result<String, AlgoError> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(AlgoError::value("precision too big"));
    }
    let mut flags = FloatFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..FloatFlags::default()
    };
    let mut default_precision = 6;
    let mut kind = f.kind.unwrap_or('\0');
    if kind == '\0' {
        flags.add_dot_0 = true;
        kind = 'r';
        default_precision = 0;
    }
    if kind == 'n' {
        kind = 'g';
    }
    let mut value = value;
    let mut add_pct = false;
    if kind == '%' {
        kind = 'f';
        value *= 100.0;
        add_pct = true;
    }
    let precision = match f.precision {
        Some(p) => {
            if kind == 'r' {
                kind = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut text = double_to_string(value, kind, precision, flags)?;
    if add_pct {
        text.push('%');
    }
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (Some('-'), rest),
        None => (None, text.as_str()),
    };
    let n_int = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = unsigned.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    fill_number(
        &NumberParts {
            sign,
            prefix: "",
            digits,
            has_decimal,
            remainder,
        },
        f,
    )
}
