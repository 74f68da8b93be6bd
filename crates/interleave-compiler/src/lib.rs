//! Python source → Interleave bytecode.
//!
//! Parsing is Ruff's parser (`ruff_python_parser`); this crate adds the nesting-depth guard,
//! CPython-style syntax errors, scope analysis, code generation and the disassembler.

pub mod bytecode;

pub use bytecode::{BinOp, CmpOp, Code, CodeFlags, Constant, Conversion, Instr, Location, MakeFunctionFlags, UnaryOp};
