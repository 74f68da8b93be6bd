//! printf-style `%` formatting (`str % args`), a port of CPython 3.11's `PyUnicode_Format`:
//! the template parser, the argument cursor, and the per-conversion formatting of values the VM
//! has already extracted (it calls `str()`/`repr()`/`ascii()`, `__index__`, `__float__` itself).
//!
//! How the VM runs `template % args`:
//! 1. [`parse_percent`] gives the items plus the error that ends the scan, if any.
//! 2. Create a [`PercentArgs`] for `args` (a tuple, a mapping — anything with `__getitem__`
//!    that is not a tuple or str — or a single object).
//! 3. For each [`PercentSpec`]: if it has a `key`, call [`PercentArgs::use_key`] and look the key
//!    up in the mapping (its result becomes the current object); for a `*` width or precision
//!    take [`PercentArgs::next_arg`] (it must be an int: `TypeError: * wants int`) and call
//!    [`PercentSpec::set_star_width`] / [`PercentSpec::set_star_precision`]; then take the value
//!    with [`PercentArgs::next_arg`], and format it according to `conversion`:
//!    `s r a` → convert, then [`format_text`]; `d i u o x X` → [`format_int`] (non-ints go through
//!    `__int__`/`__index__`; a non-number is `TypeError: %d format: a real number is required, not
//!    str` / `%x format: an integer is required, not float`); `e E f F g G` → [`format_float`]
//!    (`TypeError: must be real number, not str`); `c` → [`format_char`]; anything else →
//!    [`PercentSpec::unsupported_error`] (raised after the value was fetched). Then call
//!    [`PercentArgs::end_spec`].
//! 4. After the last item raise the parse error if any, then call [`PercentArgs::finish`].
//!
//! The trailing parse error carries what CPython did before failing: a key lookup and the `*`
//! arguments it fetched (see [`PercentError`]).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{AlgoError, ErrorKind, check_len};
use crate::float_repr::{FloatFlags, double_to_string};
use crate::number_parse::int_to_string_radix;

/// The flags of a conversion spec.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub sign: bool,
    /// ` `: a space for non-negative numbers.
    pub blank: bool,
    /// `#`: the alternate form.
    pub alt: bool,
    /// `0`: zero padding for numbers.
    pub zero: bool,
}

/// A width or precision: a number, or `*` (taken from the arguments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    /// Given in the template.
    Value(usize),
    /// `*`: the next argument.
    Star,
}

/// One `%` conversion spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(key)s`: the mapping key.
    pub key: Option<String>,
    /// The flags.
    pub flags: PercentFlags,
    /// The width, if any.
    pub width: Option<PercentCount>,
    /// The precision, if any.
    pub precision: Option<PercentCount>,
    /// The conversion character (may be invalid, see [`PercentSpec::unsupported_error`]).
    pub conversion: char,
    /// Character index of the conversion character in the template.
    pub index: usize,
}

/// One piece of a `%` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentItem {
    /// Literal text (`%%` already turned into `%`).
    Literal(String),
    /// A conversion.
    Spec(PercentSpec),
}

/// The syntax error that ends a template scan, with the argument work CPython did before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentError {
    /// Whether CPython required a mapping before failing (call [`PercentArgs::use_key`] first).
    pub requires_mapping: bool,
    /// A `%(key)` CPython looked up before failing (a missing key raises `KeyError` first).
    pub key: Option<String>,
    /// How many `*` arguments CPython fetched before failing (0–2).
    pub stars: usize,
    /// The error to raise once that is done.
    pub error: AlgoError,
}

/// Parses a `%` template. Returns the items before the first syntax error and that error.
pub fn parse_percent(template: &str) -> (Vec<PercentItem>, Option<PercentError>) {
    let chars: Vec<char> = template.chars().collect();
    let n = chars.len();
    let mut items = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < n {
        if chars[pos] != '%' {
            literal.push(chars[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if pos < n && chars[pos] == '%' {
            literal.push('%');
            pos += 1;
            continue;
        }
        if !literal.is_empty() {
            items.push(PercentItem::Literal(std::mem::take(&mut literal)));
        }
        match parse_spec(&chars, &mut pos) {
            Ok(spec) => items.push(PercentItem::Spec(spec)),
            Err(e) => return (items, Some(e)),
        }
    }
    if !literal.is_empty() {
        items.push(PercentItem::Literal(literal));
    }
    (items, None)
}

/// CPython's `unicode_format_arg_parse`, starting after the `%`.
fn parse_spec(chars: &[char], pos: &mut usize) -> Result<PercentSpec, PercentError> {
    let n = chars.len();
    let mut spec = PercentSpec {
        key: None,
        flags: PercentFlags::default(),
        width: None,
        precision: None,
        conversion: '\0',
        index: 0,
    };
    let mut stars = 0;
    let fail = |key: &Option<String>, stars: usize, msg: &str| PercentError {
        requires_mapping: key.is_some(),
        key: key.clone(),
        stars,
        error: AlgoError::value(msg),
    };
    // `fmtcnt` in CPython: characters left after `pos`; running out means "incomplete format".
    let mut ch = chars.get(*pos).copied().unwrap_or('\0');
    if *pos < n && ch == '(' {
        *pos += 1;
        let key_start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < n {
            match chars[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            let mut e = fail(&None, 0, "incomplete format key");
            e.requires_mapping = true;
            return Err(e);
        }
        spec.key = Some(chars[key_start..*pos - 1].iter().collect());
    }
    let next = |pos: &mut usize| -> Option<char> {
        let c = chars.get(*pos).copied();
        if c.is_some() {
            *pos += 1;
        }
        c
    };
    let incomplete = |spec: &PercentSpec, stars| fail(&spec.key, stars, "incomplete format");
    ch = loop {
        let Some(c) = next(pos) else {
            return Err(incomplete(&spec, stars));
        };
        match c {
            '-' => spec.flags.left = true,
            '+' => spec.flags.sign = true,
            ' ' => spec.flags.blank = true,
            '#' => spec.flags.alt = true,
            '0' => spec.flags.zero = true,
            _ => break c,
        }
    };
    let mut exhausted = false;
    if ch == '*' {
        spec.width = Some(PercentCount::Star);
        stars += 1;
        match next(pos) {
            Some(c) => ch = c,
            None => exhausted = true,
        }
    } else if let Some(d) = ch.to_digit(10) {
        let mut width = d as usize;
        loop {
            match next(pos) {
                Some(c) => {
                    ch = c;
                    let Some(d) = c.to_digit(10) else { break };
                    if width > (isize::MAX as usize - d as usize) / 10 {
                        return Err(fail(&spec.key, stars, "width too big"));
                    }
                    width = width * 10 + d as usize;
                }
                None => {
                    exhausted = true;
                    break;
                }
            }
        }
        spec.width = Some(PercentCount::Value(width));
    }
    if !exhausted && ch == '.' {
        spec.precision = Some(PercentCount::Value(0));
        match next(pos) {
            Some(c) => ch = c,
            None => exhausted = true,
        }
        if !exhausted && ch == '*' {
            spec.precision = Some(PercentCount::Star);
            stars += 1;
            match next(pos) {
                Some(c) => ch = c,
                None => exhausted = true,
            }
        } else if let Some(d) = ch.to_digit(10).filter(|_| !exhausted) {
            let mut prec = d as usize;
            loop {
                match next(pos) {
                    Some(c) => {
                        ch = c;
                        let Some(d) = c.to_digit(10) else { break };
                        if prec > (i32::MAX as usize - d as usize) / 10 {
                            return Err(fail(&spec.key, stars, "precision too big"));
                        }
                        prec = prec * 10 + d as usize;
                    }
                    None => {
                        exhausted = true;
                        break;
                    }
                }
            }
            spec.precision = Some(PercentCount::Value(prec));
        }
    }
    if !exhausted && matches!(ch, 'h' | 'l' | 'L') {
        match next(pos) {
            Some(c) => ch = c,
            None => exhausted = true,
        }
    }
    if exhausted {
        return Err(incomplete(&spec, stars));
    }
    spec.conversion = ch;
    spec.index = *pos - 1;
    Ok(spec)
}

impl PercentSpec {
    /// `ValueError: unsupported format character 'y' (0x79) at index 3` for a conversion that is
    /// not one of `s r a d i u o x X e E f F g G c`.
    pub fn unsupported_error(&self) -> Option<AlgoError> {
        if "sradiuoxXeEfFgGc".contains(self.conversion) {
            return None;
        }
        let c = self.conversion;
        let shown = if (31..=126).contains(&(c as u32)) {
            c
        } else {
            '?'
        };
        Some(AlgoError::value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            c as u32, self.index
        )))
    }

    /// Applies a `*` width taken from the arguments (negative means left-justified).
    pub fn set_star_width(&mut self, value: &BigInt) -> Result<(), AlgoError> {
        let w = value
            .to_i64()
            .ok_or_else(|| AlgoError::overflow("Python int too large to convert to C ssize_t"))?;
        if w < 0 {
            self.flags.left = true;
        }
        self.width = Some(PercentCount::Value(
            usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX),
        ));
        Ok(())
    }

    /// Applies a `*` precision taken from the arguments (negative means 0).
    pub fn set_star_precision(&mut self, value: &BigInt) -> Result<(), AlgoError> {
        let p = value
            .to_i32()
            .ok_or_else(|| AlgoError::overflow("Python int too large to convert to C int"))?;
        self.precision = Some(PercentCount::Value(p.max(0) as usize));
        Ok(())
    }

    fn width_value(&self) -> Option<usize> {
        match self.width {
            Some(PercentCount::Value(w)) => Some(w),
            _ => None,
        }
    }

    fn precision_value(&self) -> Option<usize> {
        match self.precision {
            Some(PercentCount::Value(p)) => Some(p),
            _ => None,
        }
    }
}

/// Which argument [`PercentArgs::next_arg`] hands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgSlot {
    /// Element `i` of the argument tuple.
    Index(usize),
    /// The current whole object: the single non-tuple argument, the mapping itself, or the value
    /// of the last `%(key)` lookup.
    Current,
}

/// CPython's `arglen`/`argidx` bookkeeping for one `%` operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PercentArgs {
    arglen: i64,
    argidx: i64,
    is_mapping: bool,
}

impl PercentArgs {
    /// Arguments given as a tuple of `len` elements.
    pub fn tuple(len: usize) -> Self {
        PercentArgs {
            arglen: len as i64,
            argidx: 0,
            is_mapping: false,
        }
    }

    /// A single non-tuple argument; `is_mapping` when it supports `__getitem__` and is not a
    /// tuple or str (CPython's `PyMapping_Check`), which enables `%(key)s`.
    pub fn single(is_mapping: bool) -> Self {
        PercentArgs {
            arglen: -1,
            argidx: -2,
            is_mapping,
        }
    }

    /// Before a `%(key)` lookup: `TypeError: format requires a mapping` unless the arguments are
    /// a mapping. Afterwards the looked-up value is the [`ArgSlot::Current`] object.
    pub fn use_key(&mut self) -> Result<(), AlgoError> {
        if !self.is_mapping {
            return Err(AlgoError::type_error("format requires a mapping"));
        }
        self.arglen = -1;
        self.argidx = -2;
        Ok(())
    }

    /// The next argument, or `TypeError: not enough arguments for format string`.
    pub fn next_arg(&mut self) -> Result<ArgSlot, AlgoError> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            return Ok(if self.arglen < 0 {
                ArgSlot::Current
            } else {
                ArgSlot::Index(idx as usize)
            });
        }
        Err(AlgoError::type_error(
            "not enough arguments for format string",
        ))
    }

    /// After each conversion: with a mapping, every fetched value must have been used.
    pub fn end_spec(&self) -> Result<(), AlgoError> {
        if self.is_mapping && self.argidx < self.arglen {
            return Err(not_all_converted());
        }
        Ok(())
    }

    /// After the whole template: `TypeError: not all arguments converted during string formatting`.
    pub fn finish(&self) -> Result<(), AlgoError> {
        if self.argidx < self.arglen && !self.is_mapping {
            return Err(not_all_converted());
        }
        Ok(())
    }
}

fn not_all_converted() -> AlgoError {
    AlgoError::type_error("not all arguments converted during string formatting")
}

/// Formats already-converted text for `%s`, `%r`, `%a` (precision truncates) and `%c`.
pub fn format_text(spec: &PercentSpec, text: &str) -> Result<String, AlgoError> {
    let truncated: String = match spec.precision_value() {
        Some(p) if spec.conversion != 'c' => text.chars().take(p).collect(),
        _ => text.to_string(),
    };
    output(spec, &truncated, false)
}

/// `%c` of an int: the character, or `OverflowError: %c arg not in range(0x110000)`.
/// (A `str` argument must have length 1, else `TypeError: %c requires int or char`.)
pub fn format_char(spec: &PercentSpec, value: &BigInt) -> Result<String, AlgoError> {
    let c = value.to_u32().filter(|&v| v <= 0x10FFFF);
    let c =
        c.ok_or_else(|| AlgoError::new(ErrorKind::OverflowError, "%c arg not in range(0x110000)"))?;
    // Lone surrogates cannot live in a Rust string; CPython would produce one.
    format_text(spec, &char::from_u32(c).unwrap_or('\u{FFFD}').to_string())
}

/// `%d %i %u %o %x %X` of an int (CPython's `_PyUnicode_FormatLong` + output padding).
pub fn format_int(spec: &PercentSpec, value: &BigInt) -> Result<String, AlgoError> {
    let (radix, marker) = match spec.conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = int_to_string_radix(&value.abs(), radix, false)?;
    if let Some(p) = spec.precision_value().filter(|&p| p > digits.len()) {
        check_len(p)?;
        digits = "0".repeat(p - digits.len()) + &digits;
    }
    let mut text = String::new();
    if value.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(marker);
    }
    text.push_str(&digits);
    if spec.conversion == 'X' {
        text.make_ascii_uppercase();
    }
    output(spec, &text, true)
}

/// `%e %E %f %F %g %G` of a float (default precision 6).
pub fn format_float(spec: &PercentSpec, value: f64) -> Result<String, AlgoError> {
    let precision = spec.precision_value().unwrap_or(6);
    let flags = FloatFlags {
        alt: spec.flags.alt,
        ..FloatFlags::default()
    };
    let text = double_to_string(value, spec.conversion, precision, flags)?;
    output(spec, &text, true)
}

/// CPython's `unicode_format_arg_output`: sign, `0x` prefix and padding around `text`.
fn output(spec: &PercentSpec, text: &str, numeric: bool) -> Result<String, AlgoError> {
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    let mut width = spec.width_value().unwrap_or(0);
    check_len(width.max(len) + 1)?;
    let mut idx = 0;
    let mut sign_char = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = Some(c);
                len -= 1;
                idx = 1;
            }
            _ if flags.sign => sign_char = Some('+'),
            _ if flags.blank => sign_char = Some(' '),
            _ => {}
        }
    }
    width = width.max(len);
    let mut out = String::with_capacity(width + 1);
    if let Some(s) = sign_char {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = flags.alt
        && matches!(spec.conversion, 'x' | 'X' | 'o')
        && numeric
        && chars.get(idx) == Some(&'0')
        && chars.get(idx + 1) == Some(&spec.conversion);
    if has_prefix {
        if fill != ' ' {
            out.extend(&chars[idx..idx + 2]);
            idx += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign_char {
            out.push(s);
        }
        if has_prefix {
            out.extend(&chars[idx..idx + 2]);
            idx += 2;
        }
    }
    out.extend(&chars[idx..idx + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}
