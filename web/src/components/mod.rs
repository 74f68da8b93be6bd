//! The page's components, one per file.

pub mod app;
pub mod under_construction;
