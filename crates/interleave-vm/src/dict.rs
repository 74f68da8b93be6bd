//! `Dict`: an insertion-ordered hash table of Python values (dicts, sets, namespaces).
//!
//! Hashing and key equality need the interpreter (a tuple key compares its items, a big int
//! compares digits), so the table takes the hash and an equality closure from the caller.

use hashbrown::HashTable;

use crate::value::Value;

#[derive(Clone)]
struct Entry {
    hash: i64,
    /// `Value::Null` marks a deleted entry.
    key: Value,
    value: Value,
}

/// Insertion-ordered table. Entry indices are stable until the next compaction, which only
/// happens on insertion when more than half the entries are deleted.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// Indices of the live entries by hash, kept only while there are more than
    /// [`SMALL`] entries (deleted ones included); smaller tables are scanned in order.
    index: HashTable<u32>,
    len: usize,
    /// Names the layout of `entries` (which key sits at which index, deleted slots included):
    /// every change of a key or of the entry order takes a fresh number from [`next_version`];
    /// changing a value does not. 0 is the empty layout. Two dicts with the same version have
    /// the same keys at the same indices (a clone keeps its version), so an inline cache may
    /// keep an entry index for as long as the version it saw is current (`interp/cache.rs`).
    keys_version: u64,
}

/// Up to this many entries a dict keeps no hash index: a scan of a few entries is cheaper
/// (and most instance dicts and keyword dicts are that small).
const SMALL: usize = 8;

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// A number never returned before on this OS thread (dict key versions, cache epochs). Dicts
/// hold `Rc`s and never leave their thread, so per-thread uniqueness is enough.
pub fn next_version() -> u64 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let index = if n > SMALL { HashTable::with_capacity(n) } else { HashTable::new() };
        Dict { entries: Vec::with_capacity(n), index, len: 0, keys_version: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// The version of the key layout (see the field).
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Index of the entry whose key has this hash and satisfies `eq`.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if entries.len() <= SMALL {
            return entries.iter().position(|e| e.hash == hash && !e.key.is_null() && eq(&e.key));
        }
        self.index.find(hash as u64, |&i| {
            let e = &entries[i as usize];
            e.hash == hash && eq(&e.key)
        })
        .map(|&i| i as usize)
    }

    /// Finds a `str` key by its text.
    pub fn find_str(&self, hash: i64, s: &str) -> Option<usize> {
        self.find(hash, |k| matches!(k, Value::Str(k) if k.as_str() == s))
    }

    /// Finds a `str` key, comparing pointers first (names are interned, so usually equal).
    pub fn find_pystr(&self, hash: i64, s: &std::rc::Rc<crate::value::PyStr>) -> Option<usize> {
        self.find(hash, |k| matches!(k, Value::Str(k) if std::rc::Rc::ptr_eq(k, s) || k.as_str() == s.as_str()))
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.is_sparse() {
            self.compact();
        }
        let i = self.entries.len();
        self.keys_version = next_version();
        self.entries.push(Entry { hash, key, value });
        self.index_new_entry(i);
        self.len += 1;
    }

    /// Appends a key known to be absent without ever compacting, returning its entry index
    /// (sets keep entry indices as handles in their slot table; see `setorder.rs`).
    pub fn push_entry(&mut self, hash: i64, key: Value, value: Value) -> usize {
        let i = self.entries.len();
        self.keys_version = next_version();
        self.entries.push(Entry { hash, key, value });
        self.index_new_entry(i);
        self.len += 1;
        i
    }

    /// Whether the next [`Dict::insert_new`] would compact (more than half the entries deleted).
    pub fn is_sparse(&self) -> bool {
        self.entries.len() >= 16 && self.len * 2 < self.entries.len()
    }

    /// Drops deleted entries now, returning each old index's new index (`u32::MAX` for a
    /// deleted entry).
    pub fn compact_renumber(&mut self) -> Vec<u32> {
        let mut next = 0u32;
        let map = self
            .entries
            .iter()
            .map(|e| {
                if e.key.is_null() {
                    u32::MAX
                } else {
                    next += 1;
                    next - 1
                }
            })
            .collect();
        self.compact();
        map
    }

    /// Replaces the key of live entry `i` by an equal key (same hash).
    pub fn replace_key_at(&mut self, i: usize, key: Value) {
        if let Some(e) = self.entries.get_mut(i).filter(|e| !e.key.is_null()) {
            e.key = key;
            self.keys_version = next_version();
        }
    }

    pub fn key_at(&self, i: usize) -> &Value {
        &self.entries[i].key
    }

    pub fn value_at(&self, i: usize) -> &Value {
        &self.entries[i].value
    }

    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
    }

    /// Removes entry `i`, returning its key and value.
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].hash;
        if self.entries.len() > SMALL
            && let Ok(slot) = self.index.find_entry(hash as u64, |&j| j as usize == i) {
                slot.remove();
            }
        self.keys_version = next_version();
        let e = &mut self.entries[i];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.len -= 1;
        if self.len == 0 {
            self.clear();
        }
        (key, value)
    }

    pub fn clear(&mut self) {
        self.keys_version = next_version();
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }

    /// The raw entry count including deleted slots (iteration bound for iterators).
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    /// Entry `i` if it is live.
    pub fn raw_entry(&self, i: usize) -> Option<(&Value, &Value)> {
        self.entries.get(i).filter(|e| !e.key.is_null()).map(|e| (&e.key, &e.value))
    }

    /// The hash stored for live entry `i`.
    pub fn hash_at(&self, i: usize) -> i64 {
        self.entries[i].hash
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (&e.key, &e.value))
    }

    /// Live entries with their hashes.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value, &Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.hash, &e.key, &e.value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Value> + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// Removes and returns the last live entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(i))
    }

    fn compact(&mut self) {
        self.keys_version = next_version();
        self.entries.retain(|e| !e.key.is_null());
        self.rebuild_index();
    }

    /// Indexes the live entries if there are more than [`SMALL`] entries; else drops the index.
    fn rebuild_index(&mut self) {
        self.index.clear();
        if self.entries.len() <= SMALL {
            return;
        }
        for (i, e) in self.entries.iter().enumerate() {
            if e.key.is_null() {
                continue;
            }
            let entries = &self.entries;
            self.index.insert_unique(e.hash as u64, i as u32, |&j| entries[j as usize].hash as u64);
        }
    }

    /// Adds entry `i`, just pushed, to the index (building the index when the table stops
    /// being small).
    fn index_new_entry(&mut self, i: usize) {
        let n = self.entries.len();
        if n <= SMALL {
            return;
        }
        if n == SMALL + 1 {
            self.rebuild_index();
            return;
        }
        let entries = &self.entries;
        self.index.insert_unique(entries[i].hash as u64, i as u32, |&j| entries[j as usize].hash as u64);
    }

    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        for e in &self.entries {
            f(&e.key);
            f(&e.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(k: i64) -> impl Fn(&Value) -> bool {
        move |v| matches!(v, Value::Int(i) if *i == k)
    }

    #[test]
    fn insertion_order_survives_deletes_and_compaction() {
        let mut d = Dict::new();
        for i in 0..40 {
            d.insert_new(i % 7, Value::Int(i), Value::Int(i * 10));
        }
        for i in (0..40).step_by(2) {
            let idx = d.find(i % 7, int_eq(i)).unwrap();
            d.remove_at(idx);
        }
        d.insert_new(3, Value::Int(100), Value::Int(1));
        let keys: Vec<i64> = d.keys().map(|k| if let Value::Int(i) = k { *i } else { -1 }).collect();
        let mut expect: Vec<i64> = (1..40).step_by(2).collect();
        expect.push(100);
        assert_eq!(keys, expect);
        assert_eq!(d.len(), 21);
        let idx = d.find(39 % 7, int_eq(39)).unwrap();
        assert!(matches!(d.value_at(idx), Value::Int(390)));
        assert!(d.find(2, int_eq(2)).is_none());
    }

    #[test]
    fn small_tables_grow_an_index_with_deleted_entries_inside() {
        let mut d = Dict::with_capacity(4);
        for i in 0..SMALL as i64 {
            d.insert_new(i % 3, Value::Int(i), Value::Int(i));
        }
        let v0 = d.keys_version();
        d.set_value_at(2, Value::None);
        assert_eq!(d.keys_version(), v0, "a value change keeps the key layout");
        d.remove_at(d.find(1, int_eq(1)).unwrap());
        assert!(d.find(1, int_eq(1)).is_none());
        assert_ne!(d.keys_version(), v0);
        for i in SMALL as i64..3 * SMALL as i64 {
            d.insert_new(i % 3, Value::Int(i), Value::Int(i));
        }
        for i in 0..3 * SMALL as i64 {
            assert_eq!(d.find(i % 3, int_eq(i)).is_some(), i != 1, "{i}");
        }
        for i in 2..3 * SMALL as i64 {
            d.remove_at(d.find(i % 3, int_eq(i)).unwrap());
        }
        d.insert_new(7, Value::Int(100), Value::None);
        let keys: Vec<i64> = d.keys().map(|k| if let Value::Int(i) = k { *i } else { -1 }).collect();
        assert_eq!(keys, vec![0, 100]);
        assert_eq!(d.find(7, int_eq(100)), Some(1));
        assert_eq!(d.find(0, int_eq(0)), Some(0));
    }

    #[test]
    fn compact_renumber_maps_live_entries() {
        let mut d = Dict::new();
        for i in 0..20 {
            assert_eq!(d.push_entry(i, Value::Int(i), Value::None), i as usize);
        }
        for i in 0..15 {
            d.remove_at(i);
        }
        assert!(d.is_sparse());
        let map = d.compact_renumber();
        assert_eq!(map[14], u32::MAX);
        assert_eq!(map[15], 0);
        assert_eq!(map[19], 4);
        assert!(matches!(d.key_at(4), Value::Int(19)));
        assert_eq!(d.find(17, int_eq(17)), Some(2));
    }
}
