//! Methods of the built-in value types (`str`, `list`, `dict`, `set`, `tuple`, `int`, `float`,
//! `bytes`), one file per type.

use crate::interp::Interp;

/// Installs every built-in type's methods on its class.
pub fn install(interp: &mut Interp) {
    let _ = interp;
}
