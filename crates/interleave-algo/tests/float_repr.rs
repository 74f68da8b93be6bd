//! `float_repr` and `double_to_string` against vectors produced by CPython 3.11.

#[rustfmt::skip]
#[path = "vectors/float_repr.rs"]
mod vectors;

use interleave_algo::{FloatFlags, double_to_string, float_repr};

#[test]
fn repr_matches_cpython() {
    for &(bits, expected) in vectors::REPR {
        assert_eq!(float_repr(f64::from_bits(bits)), expected, "bits {bits:#x}");
    }
}

#[test]
fn percent_style_matches_cpython() {
    for &(bits, code, precision, alt, expected) in vectors::FORMAT {
        let flags = FloatFlags {
            alt,
            ..FloatFlags::default()
        };
        let got = double_to_string(f64::from_bits(bits), code, precision, flags).unwrap();
        assert_eq!(
            got, expected,
            "bits {bits:#x} code {code} precision {precision} alt {alt}"
        );
    }
}

#[test]
fn flags() {
    let sign = FloatFlags {
        sign: true,
        ..FloatFlags::default()
    };
    assert_eq!(double_to_string(1.5, 'r', 0, sign).unwrap(), "+1.5");
    assert_eq!(double_to_string(f64::NAN, 'r', 0, sign).unwrap(), "+nan");
    assert_eq!(
        double_to_string(-f64::NAN, 'r', 0, FloatFlags::default()).unwrap(),
        "nan"
    );
    let z = FloatFlags {
        no_neg_0: true,
        ..FloatFlags::default()
    };
    assert_eq!(double_to_string(-0.0001, 'f', 2, z).unwrap(), "0.00");
    assert_eq!(double_to_string(-0.01, 'f', 2, z).unwrap(), "-0.01");
    assert!(double_to_string(1.0, 'f', usize::MAX, FloatFlags::default()).is_err());
}
