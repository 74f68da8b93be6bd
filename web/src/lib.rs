//! The Interleave playground's web front end: Yew components rendered in the browser.
//!
//! For now the page is a placeholder that says the playground is under construction and
//! that the command-line interpreter works today.

mod components;

pub use components::app::App;
