//! The iteration order of sets.
//!
//! Sets are stored as insertion-ordered tables; CPython iterates them in hash-slot order.
//! `iteration_order` replays the live keys, in insertion order, into a table with CPython's
//! slot layout (`interleave_algo::SetTable`). With `PYTHONHASHSEED=0`-compatible hashes this
//! reproduces CPython's order for sets built by insertions.
//! FIXME: after removals CPython's table keeps dummy slots that can change where later keys
//! land; the replay does not model that history, so such sets may print in another order.

use crate::dict::Dict;
use crate::value::Value;

/// The keys of a set's table in the order CPython would iterate them.
pub fn iteration_order(items: &Dict) -> Vec<Value> {
    let entries: Vec<(i64, &Value)> = items.iter_hashed().map(|(h, k, _)| (h, k)).collect();
    let mut table = interleave_algo::SetTable::<u32>::new();
    for (i, (h, _)) in entries.iter().enumerate() {
        table.insert(*h, i as u32, |other| other == i as u32);
    }
    table.iter().map(|(_, i)| entries[i as usize].1.clone()).collect()
}
