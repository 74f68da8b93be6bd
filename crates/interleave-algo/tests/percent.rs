//! `template % args` against vectors produced by CPython 3.11, driven the way the VM drives it.

#[rustfmt::skip]
#[path = "vectors/percent.rs"]
mod vectors;

use interleave_algo::percent_format::{format_char, format_float, format_int, format_text};
use interleave_algo::{
    AlgoError, ArgSlot, PercentArgs, PercentCount, PercentItem, PercentSpec, float_repr,
    int_to_decimal, parse_percent, str_ascii, str_repr,
};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

/// A test argument.
#[derive(Debug)]
pub enum Arg {
    I(&'static str),
    F(u64),
    S(&'static str),
}

/// The right-hand side of `%`.
#[derive(Debug)]
pub enum Args {
    Tuple(&'static [Arg]),
    Map(&'static [(&'static str, Arg)]),
}

pub type Outcome = Result<&'static str, (&'static str, &'static str)>;

fn big(hex: &str) -> BigInt {
    BigInt::parse_bytes(hex.as_bytes(), 16).expect("hex")
}

/// The object an [`ArgSlot`] designates.
enum Obj<'a> {
    Arg(&'a Arg),
    Map(&'static [(&'static str, Arg)]),
}

fn type_name(obj: &Obj<'_>) -> &'static str {
    match obj {
        Obj::Arg(Arg::I(_)) => "int",
        Obj::Arg(Arg::F(_)) => "float",
        Obj::Arg(Arg::S(_)) => "str",
        Obj::Map(_) => "dict",
    }
}

/// `str()`/`repr()`/`ascii()` of a test object.
fn convert(obj: &Obj<'_>, conv: char) -> Result<String, AlgoError> {
    Ok(match obj {
        Obj::Arg(Arg::I(h)) => int_to_decimal(&big(h))?,
        Obj::Arg(Arg::F(b)) => float_repr(f64::from_bits(*b)),
        Obj::Arg(Arg::S(s)) => match conv {
            's' => s.to_string(),
            'r' => str_repr(s),
            _ => str_ascii(s),
        },
        Obj::Map(items) => {
            let body: Vec<String> = items
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}: {}",
                        str_repr(k),
                        convert(&Obj::Arg(v), 'r').unwrap_or_default()
                    )
                })
                .collect();
            format!("{{{}}}", body.join(", "))
        }
    })
}

fn float_to_int(x: f64) -> Result<BigInt, AlgoError> {
    if x.is_nan() {
        return Err(AlgoError::value("cannot convert float NaN to integer"));
    }
    BigInt::from_f64(x.trunc())
        .ok_or_else(|| AlgoError::overflow("cannot convert float infinity to integer"))
}

/// The VM's side of one conversion.
fn format_value(spec: &PercentSpec, obj: &Obj<'_>) -> Result<String, AlgoError> {
    let c = spec.conversion;
    match c {
        's' | 'r' | 'a' => format_text(spec, &convert(obj, c)?),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match obj {
            Obj::Arg(Arg::I(h)) => format_int(spec, &big(h)),
            Obj::Arg(Arg::F(b)) if !matches!(c, 'o' | 'x' | 'X') => {
                format_int(spec, &float_to_int(f64::from_bits(*b))?)
            }
            other => {
                let what = if matches!(c, 'o' | 'x' | 'X') {
                    "an integer"
                } else {
                    "a real number"
                };
                Err(AlgoError::type_error(format!(
                    "%{c} format: {what} is required, not {}",
                    type_name(other)
                )))
            }
        },
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match obj {
            Obj::Arg(Arg::F(b)) => format_float(spec, f64::from_bits(*b)),
            Obj::Arg(Arg::I(h)) => format_float(spec, big(h).to_f64().unwrap_or(f64::INFINITY)),
            other => Err(AlgoError::type_error(format!(
                "must be real number, not {}",
                type_name(other)
            ))),
        },
        'c' => match obj {
            Obj::Arg(Arg::I(h)) => format_char(spec, &big(h)),
            Obj::Arg(Arg::S(s)) if s.chars().count() == 1 => format_text(spec, s),
            _ => Err(AlgoError::type_error("%c requires int or char")),
        },
        _ => Err(spec.unsupported_error().expect("unknown conversion")),
    }
}

/// `template % args` as the VM performs it.
fn run(template: &str, args: &Args) -> Result<String, AlgoError> {
    let (items, error) = parse_percent(template);
    let mut cursor = match args {
        Args::Tuple(a) => PercentArgs::tuple(a.len()),
        Args::Map(_) => PercentArgs::single(true),
    };
    let mut current: Option<Obj<'_>> = match args {
        Args::Map(m) => Some(Obj::Map(m)),
        Args::Tuple(_) => None,
    };
    let lookup = |key: &str| -> Result<Obj<'_>, AlgoError> {
        let Args::Map(m) = args else { unreachable!() };
        m.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| Obj::Arg(v))
            .ok_or_else(|| AlgoError::new(interleave_algo::ErrorKind::KeyError, str_repr(key)))
    };
    let fetch = |slot: ArgSlot, current: &Option<Obj<'static>>| -> Obj<'static> {
        match (slot, args) {
            (ArgSlot::Index(i), Args::Tuple(a)) => Obj::Arg(&a[i]),
            (_, Args::Map(m)) => match current {
                Some(Obj::Arg(a)) => Obj::Arg(a),
                _ => Obj::Map(m),
            },
            _ => unreachable!(),
        }
    };
    let mut out = String::new();
    for item in items {
        match item {
            PercentItem::Literal(s) => out.push_str(&s),
            PercentItem::Spec(mut spec) => {
                if let Some(key) = &spec.key {
                    cursor.use_key()?;
                    current = Some(lookup(key)?);
                }
                for star in [spec.width, spec.precision] {
                    if star == Some(PercentCount::Star) {
                        let obj = fetch(cursor.next_arg()?, &current);
                        let Obj::Arg(Arg::I(h)) = obj else {
                            return Err(AlgoError::type_error("* wants int"));
                        };
                        if spec.width == Some(PercentCount::Star) {
                            spec.set_star_width(&big(h))?;
                        } else {
                            spec.set_star_precision(&big(h))?;
                        }
                    }
                }
                let obj = fetch(cursor.next_arg()?, &current);
                out.push_str(&format_value(&spec, &obj)?);
                cursor.end_spec()?;
            }
        }
    }
    if let Some(e) = error {
        if e.requires_mapping {
            cursor.use_key()?;
        }
        if let Some(key) = &e.key {
            current = Some(lookup(key)?);
        }
        for _ in 0..e.stars {
            let _ = fetch(cursor.next_arg()?, &current);
        }
        return Err(e.error);
    }
    cursor.finish()?;
    Ok(out)
}

#[test]
fn percent_matches_cpython() {
    for (template, args, expected) in vectors::CASES {
        let got = run(template, args);
        let context = format!("{template:?} % {args:?}");
        match (got, expected) {
            (Ok(text), Ok(want)) => assert_eq!(text, *want, "{context}"),
            (Err(e), Err((kind, msg))) => assert_eq!(
                (e.kind.name(), e.message.as_str()),
                (*kind, *msg),
                "{context}"
            ),
            (got, want) => panic!("{context}: got {got:?}, want {want:?}"),
        }
    }
}
