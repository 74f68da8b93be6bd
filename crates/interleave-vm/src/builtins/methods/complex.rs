//! Methods of `complex`: `conjugate`, and the `real`/`imag` attributes.

use super::int::add_properties;
use super::{check_self, noargs, register};
use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::value::Value;

pub fn install(interp: &mut Interp) {
    let table: &[(&'static str, NativeFn)] = &[("conjugate", conjugate)];
    let cls = interp.t.complex;
    register(interp, cls, "complex", table);
    add_properties(interp, cls, &[("real", real), ("imag", imag)]);
}

fn recv(interp: &mut Interp, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    check_self(interp, args, "complex", name, |i, v| i.as_complex(v).is_some())?;
    Ok(args.pos.first().and_then(|v| interp.as_complex(v)).unwrap_or_default())
}

fn conjugate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (re, im) = recv(interp, &args, "conjugate")?;
    noargs(interp, &args, "complex.conjugate")?;
    Ok(interp.new_complex(re, -im))
}

fn real(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(recv(interp, &args, "real")?.0))
}

fn imag(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(recv(interp, &args, "imag")?.1))
}
