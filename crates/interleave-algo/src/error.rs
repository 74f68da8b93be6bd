//! The error type every fallible algorithm returns: a Python exception class plus CPython's exact message.

use std::fmt;

/// The Python exception class an [`AlgoError`] maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ValueError`.
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `OverflowError`.
    OverflowError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `IndexError`.
    IndexError,
    /// `KeyError`.
    KeyError,
    /// `MemoryError`: a result would exceed [`crate::MAX_OUTPUT_LEN`].
    MemoryError,
}

impl ErrorKind {
    /// The Python name of the exception class, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A Python exception to raise: its class and the message CPython 3.11 uses, byte for byte.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AlgoError {
    /// Which exception class to raise.
    pub kind: ErrorKind,
    /// The exception's message (`str(exc)`).
    pub message: String,
}

impl AlgoError {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        AlgoError {
            kind,
            message: message.into(),
        }
    }

    /// A `ValueError`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }

    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::TypeError, message)
    }

    /// An `OverflowError`.
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::OverflowError, message)
    }

    /// The `MemoryError` for a result longer than [`crate::MAX_OUTPUT_LEN`].
    pub fn too_long() -> Self {
        Self::new(ErrorKind::MemoryError, "")
    }
}

impl fmt::Display for AlgoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for AlgoError {}

/// The longest string (in characters) any function of this crate builds, a named resource limit:
/// a width or padding request beyond it fails with `MemoryError` instead of exhausting memory.
pub const MAX_OUTPUT_LEN: usize = 1 << 26;

/// Fails with `MemoryError` when `len` exceeds [`MAX_OUTPUT_LEN`].
pub(crate) fn check_len(len: usize) -> Result<(), AlgoError> {
    if len > MAX_OUTPUT_LEN {
        Err(AlgoError::too_long())
    } else {
        Ok(())
    }
}
