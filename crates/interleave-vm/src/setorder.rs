//! The iteration order of sets.
//!
//! Sets are stored as insertion-ordered tables; CPython iterates them in hash-slot order.
//! `iteration_order` replays the live keys into a CPython-compatible slot table.

use crate::dict::Dict;
use crate::value::Value;

/// The keys of a set's table in the order CPython would iterate them.
pub fn iteration_order(items: &Dict) -> Vec<Value> {
    let entries: Vec<(i64, &Value)> = items.iter_hashed().map(|(h, k, _)| (h, k)).collect();
    let hashes: Vec<i64> = entries.iter().map(|(h, _)| *h).collect();
    crate::pending_algo::set_iteration_order(&hashes).into_iter().map(|i| entries[i].1.clone()).collect()
}
