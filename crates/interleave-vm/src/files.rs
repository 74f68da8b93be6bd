//! The in-memory file system of a run, and open file objects (`open()`, `sys.stdout`, `io.StringIO`).
//!
//! Each run starts with an empty file system (plus any files the embedder adds), so examples
//! that keep a JSON "database" in a file work the same everywhere and touch no real disk.

use std::collections::BTreeMap;

/// Files by path. A `BTreeMap` keeps listings in a deterministic order.
#[derive(Clone, Default, Debug)]
pub struct FileSystem {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// What an open file object reads from and writes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileTarget {
    /// A file in the run's [`FileSystem`].
    Path(String),
    Stdout,
    Stderr,
    Stdin,
    /// An `io.StringIO` / `io.BytesIO` buffer (contents in `OpenFile::buffer`).
    Memory,
}

/// An open file.
#[derive(Clone, Debug)]
pub struct OpenFile {
    pub target: FileTarget,
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    /// The whole contents (read into memory at open; written back on flush/close).
    pub buffer: Vec<u8>,
    /// Read/write position in `buffer`.
    pub pos: usize,
    pub closed: bool,
}

impl OpenFile {
    pub fn stream(target: FileTarget) -> OpenFile {
        let readable = target == FileTarget::Stdin;
        OpenFile {
            target,
            mode: if readable { "r".into() } else { "w".into() },
            binary: false,
            readable,
            writable: !readable,
            buffer: Vec::new(),
            pos: 0,
            closed: false,
        }
    }

    pub fn name(&self) -> String {
        match &self.target {
            FileTarget::Path(p) => p.clone(),
            FileTarget::Stdout => "<stdout>".into(),
            FileTarget::Stderr => "<stderr>".into(),
            FileTarget::Stdin => "<stdin>".into(),
            FileTarget::Memory => String::new(),
        }
    }
}
