//! The iteration order of sets.
//!
//! A set object (`Obj::Set`) keeps its members twice: in a `Dict` (for lookups that may run a
//! user `__eq__`) and in a [`Table`], an `interleave_algo::SetTable` with CPython's
//! `setobject.c` slot layout whose handles are the members' entry indices in the `Dict`. Every
//! mutating operation applies the CPython operation that the `SetTable` module documents
//! (`insert`, `discard`, `pop`, `merge`, …), so dummy slots, resizes and the `pop` finger
//! evolve as in CPython, and iterating the table in slot order gives CPython's order (with
//! `PYTHONHASHSEED=0`-compatible hashes).
//!
//! Invariant between operations: the live entries of the `Dict` are exactly the active
//! handles of the table. During an operation between two sets, the `Dict` of the target also
//! serves as the shared handle space: the other operand's members are appended to it
//! ([`Dict::push_entry`], which never compacts), the table operation runs with handle
//! equality, and [`sync`] then removes the entries the table does not hold.
//!
//! Members of the other operand that equal a member of the target (`1` and `1.0`) take the
//! target's handle, so the target's object is kept, as CPython's insertions keep it; an
//! intersection, which CPython builds from the smaller operand's objects, then puts those
//! objects back into the entries (`Dict::replace_key_at`).

use crate::dict::Dict;
use crate::value::Value;

/// A set's slot table; handles are entry indices in the set's `Dict`.
pub type Table = interleave_algo::SetTable<u32>;

/// The members of a set in the order CPython iterates them.
pub fn iteration_order(items: &Dict, table: &Table) -> Vec<Value> {
    table.iter().filter_map(|(_, h)| items.raw_entry(h as usize).map(|(k, _)| k.clone())).collect()
}

/// Compacts the `Dict` when it is sparse (renumbering the table's handles), so that entries
/// can then be appended without the `Dict` compacting under the table.
pub fn prepare_append(items: &mut Dict, table: &mut Table) {
    if items.is_sparse() {
        let map = items.compact_renumber();
        *table = table.map_handles(|h| map.get(h as usize).copied().unwrap_or(u32::MAX));
    }
}

/// `set_add_entry` for a key known to be absent.
pub fn insert_absent(items: &mut Dict, table: &mut Table, hash: i64, key: Value) {
    prepare_append(items, table);
    let i = items.push_entry(hash, key, Value::None);
    table.insert(hash, i as u32, |_| false);
}

/// Removes the member stored at entry `i` (`set_discard_entry`).
pub fn remove_entry(items: &mut Dict, table: &mut Table, i: usize) {
    if items.raw_entry(i).is_none() {
        return;
    }
    let hash = items.hash_at(i);
    table.discard(hash, i as u32, |_| false);
    items.remove_at(i);
}

/// Removes the `Dict` entries at index `from` or later that the table does not hold.
pub fn sync(items: &mut Dict, table: &Table, from: usize) {
    let n = items.raw_len();
    if from >= n {
        return;
    }
    let mut live = vec![false; n - from];
    for (_, h) in table.iter() {
        if let Some(slot) = (h as usize).checked_sub(from).and_then(|k| live.get_mut(k)) {
            *slot = true;
        }
    }
    for (k, keep) in live.into_iter().enumerate() {
        if !keep && items.raw_entry(from + k).is_some() {
            items.remove_at(from + k);
        }
    }
}
