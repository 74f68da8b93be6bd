//! The simulated machine: runs Interleave's green threads on virtual cores and a virtual clock,
//! with CPython's GIL, under a deterministic, seeded, recorded scheduler.

pub mod inspect;
pub mod machine;
pub mod rng;
pub mod run;
pub mod scheduler;
pub mod settings;
pub mod trace;

pub use run::{RunResult, Session, replay_program, run_program};
pub use settings::{PythonMode, Settings, parse_duration};
/// How the browser's worker downloads the library packs (`interleave_vm::modules::packs`).
pub use interleave_vm::modules::packs::set_pack_loader;
