//! `str.format` template parsing (CPython's `Objects/stringlib/unicode_format.h`): literal text,
//! replacement fields `{name.attr[key]!r:spec}`, `{{`/`}}` escapes, and field-name splitting with
//! automatic numbering. The VM resolves fields, applies conversions and calls `__format__`.
//!
//! How the VM renders a template, mirroring `build_string`/`render_field`:
//! 1. [`parse_template`] gives the items in order plus the error that stops the scan, if any;
//!    process the items in order and raise that error after the last one (CPython raises it
//!    only once it gets there, after earlier fields were already formatted).
//! 2. For a field: [`parse_field_name`] with the template's [`AutoNumber`] state; look up the
//!    first part (`args[i]` — `IndexError: Replacement index 1 out of range for positional args
//!    tuple` — or `kwargs[name]`, a `KeyError` on the name), then apply the accessors in order,
//!    then raise the name's trailing error, if any.
//! 3. Apply the conversion (`!r`, `!s`, `!a`; [`check_conversion`] gives the error for others).
//! 4. If `spec_needs_expanding`, render the spec itself as a template with the same
//!    [`AutoNumber`] and `recursion_depth - 1` (starting at 2; at 0 raise
//!    `ValueError: Max string recursion exceeded`), then call `format(obj, spec)`.

use crate::error::AlgoError;

/// One piece of a `str.format` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateItem {
    /// Literal text (with `{{`/`}}` already unescaped).
    Literal(String),
    /// A replacement field.
    Field(TemplateField),
}

/// A replacement field `{field_name!conversion:format_spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateField {
    /// The raw field name, e.g. `0`, `name.attr[key]`, or empty for auto-numbering.
    pub field_name: String,
    /// The conversion character after `!`, if any (not yet validated).
    pub conversion: Option<char>,
    /// The raw format spec after `:` (may contain nested `{}` fields).
    pub format_spec: String,
    /// Whether `format_spec` contains `{` and must be rendered as a template first.
    pub spec_needs_expanding: bool,
}

/// Parses a whole template. Returns the items before the first syntax error and that error.
pub fn parse_template(template: &str) -> (Vec<TemplateItem>, Option<AlgoError>) {
    let chars: Vec<char> = template.chars().collect();
    let mut pos = 0;
    let mut items = Vec::new();
    while pos < chars.len() {
        match markup_next(&chars, &mut pos) {
            Ok((literal, field)) => {
                if !literal.is_empty() {
                    items.push(TemplateItem::Literal(literal));
                }
                if let Some(field) = field {
                    items.push(TemplateItem::Field(field));
                }
            }
            Err(e) => return (items, Some(e)),
        }
    }
    (items, None)
}

/// CPython's `MarkupIterator_next`: one literal run and the field that follows it, if any.
fn markup_next(
    chars: &[char],
    pos: &mut usize,
) -> Result<(String, Option<TemplateField>), AlgoError> {
    let start = *pos;
    let end = chars.len();
    let mut c = '\0';
    let mut markup_follows = false;
    while *pos < end {
        c = chars[*pos];
        *pos += 1;
        if c == '{' || c == '}' {
            markup_follows = true;
            break;
        }
    }
    let at_end = *pos >= end;
    let mut len = *pos - start;
    if c == '}' && markup_follows && (at_end || chars[*pos] != c) {
        return Err(AlgoError::value("Single '}' encountered in format string"));
    }
    if at_end && c == '{' && markup_follows {
        return Err(AlgoError::value("Single '{' encountered in format string"));
    }
    if !at_end && markup_follows {
        if chars[*pos] == c {
            *pos += 1;
            markup_follows = false;
        } else {
            len -= 1;
        }
    }
    let literal: String = chars[start..start + len].iter().collect();
    if !markup_follows {
        return Ok((literal, None));
    }
    let field = parse_field(chars, pos)?;
    Ok((literal, Some(field)))
}

/// CPython's `parse_field`, after the opening `{`.
fn parse_field(chars: &[char], pos: &mut usize) -> Result<TemplateField, AlgoError> {
    let end = chars.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(AlgoError::value("unexpected '{' in field name")),
            '[' => {
                while *pos < end && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let field_name: String = chars[name_start..(*pos).saturating_sub(1).max(name_start)]
        .iter()
        .collect();
    let mut field = TemplateField {
        field_name,
        conversion: None,
        format_spec: String::new(),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= end {
                return Err(AlgoError::value(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(chars[*pos]);
            *pos += 1;
            if *pos < end {
                let next = chars[*pos];
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(AlgoError::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < end {
            let ch = chars[*pos];
            *pos += 1;
            if ch == '{' {
                field.spec_needs_expanding = true;
                depth += 1;
            } else if ch == '}' {
                depth -= 1;
                if depth == 0 {
                    field.format_spec = chars[spec_start..*pos - 1].iter().collect();
                    return Ok(field);
                }
            }
        }
        return Err(AlgoError::value("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(AlgoError::value("expected '}' before end of string"));
    }
    Ok(field)
}

/// `Unknown conversion specifier X` unless `c` is `r`, `s` or `a`.
pub fn check_conversion(c: char) -> Result<(), AlgoError> {
    match c {
        'r' | 's' | 'a' => Ok(()),
        c if (c as u32) > 32 && (c as u32) < 127 => Err(AlgoError::value(format!(
            "Unknown conversion specifier {c}"
        ))),
        c => Err(AlgoError::value(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        ))),
    }
}

/// The automatic-numbering state shared by all fields of one `str.format` call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AutoNumber {
    state: AutoState,
    next: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum AutoState {
    #[default]
    Init,
    Auto,
    Manual,
}

/// The first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldFirst {
    /// A positional argument (explicit, or assigned by auto-numbering).
    Index(usize),
    /// A keyword argument.
    Name(String),
}

/// One `.attr` or `[key]` after the first part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccessor {
    /// `.name`: `getattr`.
    Attr(String),
    /// `[123]`: `getitem` with an int.
    Index(usize),
    /// `[key]`: `getitem` with a str.
    Key(String),
}

/// A split field name: the first part, the accessors in order, and the error that stops the
/// accessor scan (raised by CPython after the accessors before it were applied).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldName {
    /// What to look up in the arguments.
    pub first: FieldFirst,
    /// Accessors to apply in order.
    pub rest: Vec<FieldAccessor>,
    /// The error after the accessors, if the name is malformed there.
    pub error: Option<AlgoError>,
}

/// CPython's `get_integer` on a field-name part: `Some` for all-digit text.
fn get_integer(s: &[char]) -> Result<Option<usize>, AlgoError> {
    if s.is_empty() || !s.iter().all(char::is_ascii_digit) {
        return Ok(None);
    }
    let mut value: usize = 0;
    for d in s.iter().filter_map(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= i64::MAX as usize)
            .ok_or_else(|| AlgoError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(value))
}

/// CPython's `field_name_split` + `FieldNameIterator`.
pub fn parse_field_name(name: &str, auto: &mut AutoNumber) -> Result<FieldName, AlgoError> {
    let chars: Vec<char> = name.chars().collect();
    let split = chars
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(chars.len());
    let first = &chars[..split];
    let index = get_integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if auto.state == AutoState::Init {
            auto.state = if empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if auto.state == AutoState::Manual && empty {
            return Err(AlgoError::value(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == AutoState::Auto && !empty {
            return Err(AlgoError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
    }
    let first = match index {
        _ if empty => {
            auto.next += 1;
            FieldFirst::Index(auto.next - 1)
        }
        Some(i) => FieldFirst::Index(i),
        None => FieldFirst::Name(first.iter().collect()),
    };
    let mut out = FieldName {
        first,
        rest: Vec::new(),
        error: None,
    };
    let mut pos = split;
    while pos < chars.len() {
        let lead = chars[pos];
        pos += 1;
        let part_start = pos;
        let accessor = match lead {
            '.' => {
                while pos < chars.len() && chars[pos] != '.' && chars[pos] != '[' {
                    pos += 1;
                }
                FieldAccessor::Attr(chars[part_start..pos].iter().collect())
            }
            '[' => {
                while pos < chars.len() && chars[pos] != ']' {
                    pos += 1;
                }
                if pos >= chars.len() {
                    out.error = Some(AlgoError::value("Missing ']' in format string"));
                    return Ok(out);
                }
                pos += 1;
                let key = &chars[part_start..pos - 1];
                match get_integer(key) {
                    Ok(Some(i)) => FieldAccessor::Index(i),
                    Ok(None) => FieldAccessor::Key(key.iter().collect()),
                    Err(e) => {
                        out.error = Some(e);
                        return Ok(out);
                    }
                }
            }
            _ => {
                out.error = Some(AlgoError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
                return Ok(out);
            }
        };
        let is_empty = match &accessor {
            FieldAccessor::Attr(s) | FieldAccessor::Key(s) => s.is_empty(),
            FieldAccessor::Index(_) => false,
        };
        if is_empty {
            out.error = Some(AlgoError::value("Empty attribute in format string"));
            return Ok(out);
        }
        out.rest.push(accessor);
    }
    Ok(out)
}
