//! String methods against vectors produced by CPython 3.11.

mod common;
#[rustfmt::skip]
#[path = "vectors/str_ops.rs"]
mod vectors;

use common::check;
use interleave_algo as a;

#[test]
fn repr_predicates_and_case() {
    let preds: [fn(&str) -> bool; 12] = [
        a::str_isspace,
        a::str_isalpha,
        a::str_isalnum,
        a::str_isdecimal,
        a::str_isdigit,
        a::str_isnumeric,
        a::str_isprintable,
        a::str_isidentifier,
        a::str_islower,
        a::str_isupper,
        a::str_istitle,
        a::str_isascii,
    ];
    for &(s, repr, ascii, flags, upper, lower, fold, swap, title, cap, strip) in vectors::STRINGS {
        assert_eq!(a::str_repr(s), repr, "repr {s:?}");
        assert_eq!(a::str_ascii(s), ascii, "ascii {s:?}");
        let got: String = preds.iter().map(|p| if p(s) { '1' } else { '0' }).collect();
        assert_eq!(got, flags, "predicates {s:?}");
        assert_eq!(a::upper(s), upper, "upper {s:?}");
        assert_eq!(a::lower(s), lower, "lower {s:?}");
        assert_eq!(a::casefold(s), fold, "casefold {s:?}");
        assert_eq!(a::swapcase(s), swap, "swapcase {s:?}");
        assert_eq!(a::title(s), title, "title {s:?}");
        assert_eq!(a::capitalize(s), cap, "capitalize {s:?}");
        assert_eq!(a::strip(s, None), strip, "strip {s:?}");
    }
}

#[test]
fn bytes_repr() {
    for &(b, repr) in vectors::BYTES {
        assert_eq!(a::bytes_repr(b), repr);
    }
}

#[test]
fn split_and_rsplit() {
    let join = |v: Vec<String>| v.join("\x01");
    for (s, sep, max, split, rsplit) in vectors::SPLITS {
        check(
            a::split(s, *sep, *max),
            split,
            join,
            &format!("{s:?}.split({sep:?}, {max})"),
        );
        check(
            a::rsplit(s, *sep, *max),
            rsplit,
            join,
            &format!("{s:?}.rsplit({sep:?}, {max})"),
        );
    }
}

#[test]
fn splitlines() {
    for &(s, plain, kept) in vectors::SPLITLINES {
        assert_eq!(a::splitlines(s, false).join("\x01"), plain, "{s:?}");
        assert_eq!(a::splitlines(s, true).join("\x01"), kept, "{s:?}");
    }
}

#[test]
fn strips() {
    for &(s, chars, both, left, right) in vectors::STRIPS {
        assert_eq!(a::strip(s, chars), both, "{s:?}.strip({chars:?})");
        assert_eq!(a::lstrip(s, chars), left, "{s:?}.lstrip({chars:?})");
        assert_eq!(a::rstrip(s, chars), right, "{s:?}.rstrip({chars:?})");
    }
}

#[test]
fn partitions() {
    let join = |(x, y, z): (String, String, String)| format!("{x}\x01{y}\x01{z}");
    for (s, sep, part, rpart) in vectors::PARTITIONS {
        check(
            a::partition(s, sep),
            part,
            join,
            &format!("{s:?}.partition({sep:?})"),
        );
        check(
            a::rpartition(s, sep),
            rpart,
            join,
            &format!("{s:?}.rpartition({sep:?})"),
        );
    }
}

#[test]
fn padding() {
    for &(s, w, fill, center, ljust, rjust, zfill) in vectors::PADS {
        assert_eq!(
            a::center(s, w, fill).unwrap(),
            center,
            "{s:?}.center({w}, {fill:?})"
        );
        assert_eq!(
            a::ljust(s, w, fill).unwrap(),
            ljust,
            "{s:?}.ljust({w}, {fill:?})"
        );
        assert_eq!(
            a::rjust(s, w, fill).unwrap(),
            rjust,
            "{s:?}.rjust({w}, {fill:?})"
        );
        assert_eq!(a::zfill(s, w).unwrap(), zfill, "{s:?}.zfill({w})");
    }
    assert!(a::center("x", i64::MAX, ' ').is_err());
}

#[test]
fn tabs() {
    for &(s, size, expected) in vectors::TABS {
        assert_eq!(
            a::expandtabs(s, size).unwrap(),
            expected,
            "{s:?}.expandtabs({size})"
        );
    }
}

#[test]
fn searching() {
    for &(h, sub, start, end, find, rfind, count, starts, ends) in vectors::FINDS {
        let ctx = format!("{h:?} {sub:?} {start:?} {end:?}");
        assert_eq!(a::find(h, sub, start, end), find, "find {ctx}");
        assert_eq!(a::rfind(h, sub, start, end), rfind, "rfind {ctx}");
        assert_eq!(a::count(h, sub, start, end), count, "count {ctx}");
        assert_eq!(
            a::startswith(h, sub, start, end),
            starts,
            "startswith {ctx}"
        );
        assert_eq!(a::endswith(h, sub, start, end), ends, "endswith {ctx}");
    }
}

#[test]
fn replacing() {
    for &(h, old, new, count, expected) in vectors::REPLACES {
        assert_eq!(
            a::replace(h, old, new, count).unwrap(),
            expected,
            "{h:?}.replace({old:?}, {new:?}, {count})"
        );
    }
}
