//! CPython's algorithms as pure Rust functions, independent of any object model: float repr,
//! the format-spec mini-language, `%` formatting, number parsing, string methods, `random`,
//! hashing and set slot order — each byte-for-byte as CPython 3.11 behaves.

mod error;
mod float_ops;
mod float_repr;
mod format_spec;
mod format_template;
mod hash;
mod number_parse;
mod percent;
mod random;
mod set_table;
mod str_ops;
mod unicode;
#[rustfmt::skip]
mod unicode_db;

pub use error::{AlgoError, ErrorKind, MAX_OUTPUT_LEN};
pub use float_ops::{
    FloatPow, float_divmod, float_floordiv, float_is_integer, float_mod, float_pow, float_to_int,
    round_ndigits, round_to_int,
};
pub use float_repr::{FloatFlags, double_to_string, float_repr};
pub use format_spec::{FormatSpec, format_float, format_int, format_str, parse_format_spec};
pub use format_template::{
    AutoNumber, FieldAccessor, FieldFirst, FieldName, TemplateField, TemplateItem,
    check_conversion, parse_field_name, parse_template,
};
pub use hash::{
    hash_bool, hash_bytes, hash_float, hash_frozenset, hash_i64, hash_int, hash_str, hash_tuple,
};
pub use number_parse::{
    MAX_STR_DIGITS, decimal_value, int_bin, int_hex, int_oct, int_to_decimal, int_to_string_radix,
    parse_float, parse_float_bytes, parse_int, parse_int_bytes,
};
pub use percent::{
    ArgSlot, PercentArgs, PercentCount, PercentError, PercentFlags, PercentItem, PercentSpec,
    parse_percent,
};
pub use random::PyRandom;
pub use set_table::SetTable;
pub use str_ops::{
    adjust_indices, bytes_repr, capitalize, casefold, center, count, endswith, expandtabs, find,
    ljust, lower, lstrip, partition, replace, rfind, rjust, rpartition, rsplit, rstrip, split,
    splitlines, startswith, str_ascii, str_isalnum, str_isalpha, str_isascii, str_isdecimal,
    str_isdigit, str_isidentifier, str_islower, str_isnumeric, str_isprintable, str_isspace,
    str_istitle, str_isupper, str_repr, strip, swapcase, title, upper, zfill,
};
pub use unicode::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_linebreak,
    is_lowercase, is_numeric, is_printable, is_space, is_titlecase, is_uppercase, is_xid_continue,
    is_xid_start, simple_lower, simple_upper,
};

/// `%`-formatting of single values, named apart from `format()`'s functions.
pub mod percent_format {
    pub use crate::percent::{format_char, format_float, format_int, format_text};
}
