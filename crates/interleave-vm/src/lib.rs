//! The Interleave virtual machine: objects, heap, the interpreter loop, built-ins and
//! standard modules. One [`Interp`] is one Python process.

pub mod builtins;
pub mod dict;
pub mod dictview;
pub mod files;
pub mod frame;
pub mod hashing;
pub mod heap;
pub mod interp;
pub mod kernel;
pub mod limits;
pub mod modules;
pub mod native;
pub mod object;
pub mod pickle;
pub mod run;
mod setorder;
pub mod traceback;
pub mod types;
pub mod value;

pub use interp::{Interp, RunOutcome, Stream};
pub use limits::Limits;
pub use native::{Args, Flow, PyResult, RunStop};
pub use run::{RunConfig, RunResult, run_program};
pub use value::{ObjRef, Value};
