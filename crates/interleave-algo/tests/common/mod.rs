//! Shared helpers of the integration tests.

use interleave_algo::AlgoError;

/// An expected result: `Ok(text)` or `Err((exception name, message))`.
pub type Outcome = Result<&'static str, (&'static str, &'static str)>;

/// Compares a result with an expected outcome, mapping `Ok` values through `show`.
pub fn check<T>(
    got: Result<T, AlgoError>,
    expected: &Outcome,
    show: impl Fn(T) -> String,
    context: &str,
) {
    match (got, expected) {
        (Ok(v), Ok(want)) => assert_eq!(show(v), *want, "{context}"),
        (Err(e), Err((kind, msg))) => assert_eq!(
            (e.kind.name(), e.message.as_str()),
            (*kind, *msg),
            "{context}"
        ),
        (Ok(v), Err(want)) => panic!("{context}: got Ok({}), want Err({want:?})", show(v)),
        (Err(e), Ok(want)) => panic!("{context}: got Err({e:?}), want Ok({want:?})"),
    }
}
