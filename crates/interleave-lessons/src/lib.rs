//! Interleave's lessons as Markdown-as-tests: the lesson file format (`lessons/README.md`),
//! its expectation language, and the checker that runs every example on the machine.

pub mod check;
pub mod expect;
pub mod lesson;

pub use lesson::{Example, Lesson, ParseError, Section, directive_at, parse_lesson};
