//! `re`: regular expressions.
use crate::interp::Interp; use crate::native::PyResult; use crate::value::ObjRef;
pub fn init(_interp: &mut Interp, _dict: ObjRef) -> PyResult<()> { Ok(()) }
