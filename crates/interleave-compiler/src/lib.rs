//! Python source → Interleave bytecode.
//!
//! Parsing is Ruff's parser (`ruff_python_parser`); this crate adds the nesting-depth guard,
//! CPython-style syntax errors, scope analysis, code generation and the disassembler.

pub mod bytecode;
mod codegen;
mod dis;
mod error;
mod fstring_error;
mod line_index;
mod lines;
mod parse;
mod parse_error;
mod scan;
pub mod symtable;

use std::rc::Rc;

pub use bytecode::{BinOp, CmpOp, Code, CodeFlags, Constant, Conversion, Instr, Location, MakeFunctionFlags, UnaryOp};
pub use codegen::{MAX_STATIC_BLOCKS, jump_target};
pub use dis::disassemble;
pub use error::{CompileError, CompileErrorKind};
pub use lines::{line_directives, relaid, renumber};
pub use scan::{MAX_BRACKET_DEPTH, MAX_EXPR_CHAIN, MAX_INDENT_DEPTH};

/// Compiles a module's source to its code object (returns `None` at the end).
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    let index = line_index::LineIndex::new(source);
    let module = parse::parse(source, &index)?;
    let table = symtable::build(&module, &index)?;
    codegen::compile(&module, &table, &index, source, filename)
}

/// Parses `source` and runs scope analysis, returning the symbol table (for tools and tests).
pub fn analyze_scopes(source: &str) -> Result<symtable::SymbolTable, CompileError> {
    let index = line_index::LineIndex::new(source);
    let module = parse::parse(source, &index)?;
    symtable::build(&module, &index)
}
