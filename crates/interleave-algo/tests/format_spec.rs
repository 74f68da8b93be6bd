//! `format(value, spec)` for int, float and str against vectors produced by CPython 3.11.

#[rustfmt::skip]
#[path = "vectors/format_spec.rs"]
mod vectors;

use interleave_algo::{AlgoError, format_float, format_int, format_str};
use num_bigint::BigInt;

/// Compares a result with an expected `Ok(text)` / `Err((exception, message))`.
fn check(got: Result<String, AlgoError>, expected: &vectors::Outcome, context: &str) {
    match (got, expected) {
        (Ok(text), Ok(want)) => assert_eq!(text, *want, "{context}"),
        (Err(e), Err((kind, msg))) => {
            assert_eq!(
                (e.kind.name(), e.message.as_str()),
                (*kind, *msg),
                "{context}"
            );
        }
        (got, want) => panic!("{context}: got {got:?}, want {want:?}"),
    }
}

fn big(hex: &str) -> BigInt {
    BigInt::parse_bytes(hex.as_bytes(), 16).expect("vector ints are hex")
}

#[test]
fn ints() {
    for (value, spec, expected) in vectors::INTS {
        let got = format_int(&big(value), spec, "int");
        check(got, expected, &format!("format(0x{value}, {spec:?})"));
    }
}

#[test]
fn floats() {
    for (bits, spec, expected) in vectors::FLOATS {
        let got = format_float(f64::from_bits(*bits), spec, "float");
        check(
            got,
            expected,
            &format!("format({}, {spec:?})", f64::from_bits(*bits)),
        );
    }
}

#[test]
fn strs() {
    for (value, spec, expected) in vectors::STRS {
        check(
            format_str(value, spec, "str"),
            expected,
            &format!("format({value:?}, {spec:?})"),
        );
    }
}

#[test]
fn huge_width_is_a_memory_error_not_an_abort() {
    let err = format_int(&BigInt::from(1), "999999999999", "int").unwrap_err();
    assert_eq!(err.kind, interleave_algo::ErrorKind::MemoryError);
}
