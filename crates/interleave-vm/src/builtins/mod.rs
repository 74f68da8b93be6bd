//! The `builtins` module: built-in functions, the built-in types' constructors and methods.
//!
//! Each file adds one family: `functions.rs` (print, len, sorted…), `constructors.rs`
//! (`int(…)`, `list(…)`…), `object.rs` (methods of object, type, exceptions, property),
//! `io.rs` (file objects and the standard streams), and one file per built-in type's methods.

pub mod args;
mod constructors;
pub mod functions;
pub mod numeric;
pub mod io;
mod methods;
pub(crate) mod object;

use crate::interp::Interp;
use crate::object::{Module, Obj};
use crate::value::Value;

/// Builds the `builtins` module of a fresh process.
pub fn install(interp: &mut Interp) {
    let d = interp.builtins;
    let m = interp.alloc(Obj::Module(Box::new(Module { name: "builtins".into(), dict: d })));
    interp.set_item_str(interp.modules, "builtins", m);
    interp.builtin_module_names.insert("builtins".into());
    interp.set_item_str(d, "__name__", Value::str("builtins"));
    for (name, cls) in interp.t.all() {
        if is_public_builtin(name) {
            interp.set_item_str(d, name, Value::Obj(cls));
        }
    }
    interp.set_item_str(d, "None", Value::None);
    interp.set_item_str(d, "True", Value::Bool(true));
    interp.set_item_str(d, "False", Value::Bool(false));
    interp.set_item_str(d, "NotImplemented", Value::NotImplemented);
    interp.set_item_str(d, "Ellipsis", Value::Ellipsis);
    interp.set_item_str(d, "__debug__", Value::Bool(true));
    let env_error = Value::Obj(interp.t.os_error);
    interp.set_item_str(d, "EnvironmentError", env_error.clone());
    interp.set_item_str(d, "IOError", env_error);
    functions::install(interp, d);
    constructors::install(interp);
    object::install(interp);
    io::install(interp);
    methods::install(interp);
}

/// Built-in classes that are reachable by name from Python code.
fn is_public_builtin(name: &str) -> bool {
    let first = name.chars().next().unwrap_or('a');
    first.is_ascii_uppercase()
        || matches!(
            name,
            "object"
                | "type"
                | "int"
                | "bool"
                | "float"
                | "complex"
                | "str"
                | "bytes"
                | "bytearray"
                | "memoryview"
                | "list"
                | "tuple"
                | "dict"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "property"
                | "staticmethod"
                | "classmethod"
                | "super"
                | "enumerate"
                | "zip"
                | "reversed"
                | "map"
                | "filter"
        )
        && !matches!(name, "NoneType" | "NotImplementedType")
}
