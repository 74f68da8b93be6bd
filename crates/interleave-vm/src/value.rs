//! `Value`: what lives on the VM stack and in containers.
//!
//! Immutable leaves (`int`, `float`, `str`, big ints, bytes) are stored inline or behind an `Rc`:
//! they can never be part of a cycle, so reference counting frees them and the tracing collector
//! never has to look at them. Everything mutable or able to contain other values lives in the
//! per-process [`Heap`](crate::heap::Heap) and is addressed by an [`ObjRef`].

use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

/// Index of an object in a process heap. Stable for the object's lifetime; copied verbatim
/// by `fork`, so a cloned heap's references stay valid.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ObjRef(pub u32);

/// A Python value.
#[derive(Clone, Default)]
pub enum Value {
    /// Not a Python value: the empty slot of the call convention, an unbound local, a deleted
    /// dict entry. Never visible to Python code.
    #[default]
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An int that fits in 63 bits... any i64. Ints outside i64 are `BigInt`; every operation
    /// normalises results back to `Int` when they fit (so equal ints have one representation).
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<[u8]>),
    Obj(ObjRef),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_obj(&self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(*r),
            _ => None,
        }
    }

    /// Makes an int value from a big integer, narrowing to `Int` when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        match i64::try_from(&b) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn str(s: impl Into<PyStr>) -> Value {
        Value::Str(Rc::new(s.into()))
    }

    /// Identity (`is`). Leaves compare by value where CPython would share the object
    /// (small ints, interned strings); this is one of the behaviours CPython allows.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null)
            | (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a.as_str() == b.as_str()),
            (Value::Bytes(a), Value::Bytes(b)) => Rc::ptr_eq(a, b),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => write!(f, "<NULL>"),
            Value::None => write!(f, "None"),
            Value::NotImplemented => write!(f, "NotImplemented"),
            Value::Ellipsis => write!(f, "Ellipsis"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Bytes(b) => write!(f, "b{b:?}"),
            Value::Obj(r) => write!(f, "<obj {}>", r.0),
        }
    }
}

/// A Python `str`: UTF-8 text with its length in characters and a lazily computed hash.
pub struct PyStr {
    text: String,
    /// Number of characters (code points). Equal to `text.len()` for ASCII text.
    chars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in characters, as Python's `len()`.
    pub fn len(&self) -> usize {
        self.chars
    }

    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The `i`-th character (0-based, in characters).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// The substring of characters `start..end` (clamped).
    pub fn char_slice(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.chars);
        if start >= end {
            return "";
        }
        if self.is_ascii() {
            return &self.text[start..end];
        }
        let mut it = self.text.char_indices().map(|(i, _)| i).chain(std::iter::once(self.text.len()));
        let b0 = it.nth(start).unwrap_or(self.text.len());
        let b1 = it.nth(end - start - 1).unwrap_or(self.text.len());
        &self.text[b0..b1]
    }

    /// Byte offset of character index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text.char_indices().nth(i).map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// Character index of byte offset `b` (which must be on a char boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() { b } else { self.text[..b].chars().count() }
    }

    /// Appends text in place. Only for a string nobody else can see (`Rc::get_mut`): the
    /// in-place `s += t` of CPython's `unicode_concatenate`.
    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += if s.is_ascii() { s.len() } else { s.chars().count() };
        self.hash.set(None);
    }

    /// Bytes of text held (for memory accounting).
    pub fn byte_len(&self) -> usize {
        self.text.len()
    }

    pub fn cached_hash(&self) -> Option<i64> {
        self.hash.get()
    }

    pub fn set_cached_hash(&self, h: i64) {
        self.hash.set(Some(h));
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> Self {
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { text: s, chars, hash: Cell::new(None) }
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> Self {
        PyStr::from(s.to_owned())
    }
}

impl From<char> for PyStr {
    fn from(c: char) -> Self {
        PyStr::from(c.to_string())
    }
}
