//! Interleave's lessons as Markdown-as-tests: the lesson file format (`lessons/README.md`),
//! its expectation language, the checker that runs every example on the machine, and (feature
//! `export`) the exporter that renders each lesson to the data the web page fetches (`page`).

pub mod check;
pub mod expect;
#[cfg(feature = "export")]
pub mod export;
pub mod lesson;
pub mod page;

pub use lesson::{Example, Lesson, ParseError, Section, directive_at, parse_lesson};
