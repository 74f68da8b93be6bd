//! Set operations, each applying to the set's slot table the operation CPython's
//! `setobject.c` performs (see `setorder.rs` for how the table and the `Dict` relate), so
//! that sets iterate in CPython's order.

use interleave_compiler::BinOp;

use crate::dict::Dict;
use crate::interp::Interp;
use crate::native::PyResult;
use crate::object::Obj;
use crate::setorder::{self, Table};
use crate::value::{ObjRef, Value};

impl Interp {
    /// A new empty `set` (or `frozenset`).
    pub fn new_empty_set(&mut self, frozen: bool) -> ObjRef {
        self.heap.alloc(Obj::Set { items: Dict::new(), table: Box::default(), frozen })
    }

    /// `{a, b, c}` (`BUILD_SET`): an insertion per item, in order.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = self.new_empty_set(false);
        for v in items {
            self.set_add(s, v)?;
        }
        Ok(Value::Obj(s))
    }

    /// A folded set-display constant, built as CPython builds it: `frozenset(tuple)` (an
    /// insertion per item), then rebuilt by inserting that frozenset's members in its iteration
    /// order (the compiler's constant merging). Constant items are hashable without Python code.
    pub fn frozenset_constant(&mut self, items: Vec<Value>) -> Value {
        let first = self.new_empty_set(true);
        for v in items {
            let _ = self.set_add(first, v);
        }
        let merged = self.new_empty_set(true);
        for v in self.set_items(first) {
            let _ = self.set_add(merged, v);
        }
        Value::Obj(merged)
    }

    fn set_parts(&mut self, s: ObjRef) -> Option<(&mut Dict, &mut Table)> {
        match self.heap.get_mut(s) {
            Obj::Set { items, table, .. } => Some((items, &mut **table)),
            _ => None,
        }
    }

    fn set_table(&self, s: ObjRef) -> Table {
        match self.heap.get(s) {
            Obj::Set { table, .. } => (**table).clone(),
            _ => Table::new(),
        }
    }

    /// The set object behind `v` (a set, a frozenset or an instance of a subclass).
    pub fn as_set_obj(&self, v: &Value) -> Option<ObjRef> {
        self.base_obj(v).filter(|r| matches!(self.heap.get(*r), Obj::Set { .. }))
    }

    /// `s.add(v)` (`set_add_entry`).
    pub fn set_add(&mut self, s: ObjRef, v: Value) -> PyResult<()> {
        let hash = self.hash(&v)?;
        self.set_add_hashed(s, hash, v)
    }

    fn set_add_hashed(&mut self, s: ObjRef, hash: i64, v: Value) -> PyResult<()> {
        if self.table_find(s, &v, hash)?.is_none()
            && let Some((items, table)) = self.set_parts(s)
        {
            setorder::insert_absent(items, table, hash, v);
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: ObjRef, v: &Value) -> PyResult<bool> {
        let hash = self.hash(v)?;
        Ok(self.table_find(s, v, hash)?.is_some())
    }

    /// Removes `v` (`set_discard_entry`); returns whether it was present.
    pub fn set_discard(&mut self, s: ObjRef, v: &Value) -> PyResult<bool> {
        let hash = self.hash(v)?;
        match self.table_find(s, v, hash)? {
            Some(i) => {
                if let Some((items, table)) = self.set_parts(s) {
                    setorder::remove_entry(items, table, i);
                }
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `s.pop()`: `None` when the set is empty.
    pub fn set_pop(&mut self, s: ObjRef) -> Option<Value> {
        let (items, table) = self.set_parts(s)?;
        let (_, h) = table.pop()?;
        items.raw_entry(h as usize)?;
        Some(items.remove_at(h as usize).0)
    }

    /// `s.clear()`.
    pub fn set_clear(&mut self, s: ObjRef) {
        if let Some((items, table)) = self.set_parts(s) {
            items.clear();
            table.clear();
        }
    }

    /// The members of a set in iteration order (the keys of a dict in dict order).
    pub fn set_items(&self, s: ObjRef) -> Vec<Value> {
        match self.heap.get(s) {
            Obj::Set { items, table, .. } => setorder::iteration_order(items, table),
            Obj::Dict(items) => items.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// `set(s)`, `s.copy()`, `frozenset(s)` (`set_merge` into an empty set).
    pub fn set_copy(&mut self, s: ObjRef, frozen: bool) -> ObjRef {
        let (items, table) = match self.heap.get(s) {
            Obj::Set { items, table, .. } => (items.clone(), Box::new(table.copy())),
            _ => (Dict::new(), Box::default()),
        };
        self.heap.alloc(Obj::Set { items, table, frozen })
    }

    /// A new set (or frozenset) starting as a copy of `base`'s `Dict` and table (the table
    /// as-is, not CPython's copy: it is the operand `base` in the scratch's handle space); the
    /// caller computes the result's table and stores it with [`Interp::set_store`].
    fn set_scratch(&mut self, base: ObjRef, frozen: bool) -> ObjRef {
        let (items, table) = match self.heap.get(base) {
            Obj::Set { items, table, .. } => (items.clone(), table.clone()),
            _ => (Dict::new(), Box::default()),
        };
        self.heap.alloc(Obj::Set { items, table, frozen })
    }

    /// Brings the members of set `other` into `target`'s handle space: members equal to one of
    /// `target`'s `Dict` entries take its handle, the others are appended to the `Dict`. Returns
    /// `other`'s table with its handles renamed. The caller must [`setorder::sync`] `target`
    /// (from the returned start index) once its table is final.
    fn set_absorb(&mut self, target: ObjRef, other: ObjRef) -> PyResult<(Table, usize)> {
        if let Some((items, table)) = self.set_parts(target) {
            setorder::prepare_append(items, table);
        }
        let start = match self.heap.get(target) {
            Obj::Set { items, .. } => items.raw_len(),
            _ => 0,
        };
        let (members, raw_len, table) = match self.heap.get(other) {
            Obj::Set { items, table, .. } => {
                let members: Vec<(i64, u32, Value)> = table
                    .iter()
                    .filter_map(|(h, i)| items.raw_entry(i as usize).map(|(k, _)| (h, i, k.clone())))
                    .collect();
                (members, items.raw_len(), (**table).clone())
            }
            _ => (Vec::new(), 0, Table::new()),
        };
        if target == other {
            return Ok((table, start));
        }
        let mut map = vec![u32::MAX; raw_len];
        for (hash, handle, key) in members {
            let found = self.table_find(target, &key, hash)?;
            let h = match found {
                Some(i) => i,
                None => match self.heap.get_mut(target) {
                    Obj::Set { items, .. } => items.push_entry(hash, key, Value::None),
                    _ => 0,
                },
            };
            if let Some(m) = map.get_mut(handle as usize) {
                *m = h as u32;
            }
        }
        self.charge(raw_len as u64 / 8);
        Ok((table.map_handles(|h| map.get(h as usize).copied().unwrap_or(u32::MAX)), start))
    }

    /// After an operation in `s`'s handle space with `other` absorbed as `renamed` (its table
    /// with renamed handles): the members of `s` that came from `other` take `other`'s objects.
    fn set_keys_from(&mut self, s: ObjRef, renamed: &Table, other: ObjRef) {
        let theirs: Vec<Value> = self.set_items(other);
        if let Obj::Set { items, .. } = self.heap.get_mut(s) {
            for ((_, h), key) in renamed.iter().zip(theirs) {
                items.replace_key_at(h as usize, key);
            }
        }
    }

    /// Stores `table` as `s`'s table and drops the `Dict` entries it does not hold from `from`.
    fn set_store(&mut self, s: ObjRef, table: Table, from: usize) {
        if let Obj::Set { items, table: t, .. } = self.heap.get_mut(s) {
            **t = table;
            setorder::sync(items, t, from);
        }
    }

    /// `set_update_internal`: `s.update(other)` for one argument, `s |= other`, `SET_UPDATE`.
    pub fn set_update(&mut self, s: ObjRef, other: &Value) -> PyResult<()> {
        if let Some(o) = self.as_set_obj(other) {
            if o == s {
                return Ok(());
            }
            let (tb, start) = self.set_absorb(s, o)?;
            let mut t = self.set_table(s);
            t.merge(&tb, |_, _| false);
            self.set_store(s, t, start);
            return Ok(());
        }
        if let Some(d) = other.as_obj()
            && let Obj::Dict(dict) = self.heap.get(d)
        {
            let keys: Vec<(i64, Value)> = dict.iter_hashed().map(|(h, k, _)| (h, k.clone())).collect();
            if let Some((_, table)) = self.set_parts(s) {
                table.reserve_for_dict(keys.len());
            }
            for (h, k) in keys {
                self.set_add_hashed(s, h, k)?;
            }
            return Ok(());
        }
        for x in self.collect_iterable(other)? {
            self.set_add(s, x)?;
        }
        Ok(())
    }

    /// `make_new_set`: `set(iterable)` / `frozenset(iterable)`.
    pub fn set_from(&mut self, iterable: &Value, frozen: bool) -> PyResult<ObjRef> {
        if let Some(o) = self.as_set_obj(iterable) {
            return Ok(self.set_copy(o, frozen));
        }
        let s = self.new_empty_set(frozen);
        self.set_update(s, iterable)?;
        Ok(s)
    }

    /// `set_intersection(a, other)`: a new set of `a`'s type.
    pub fn set_intersection(&mut self, a: ObjRef, other: &Value, frozen: bool) -> PyResult<ObjRef> {
        if let Some(o) = self.as_set_obj(other) {
            if o == a {
                return Ok(self.set_copy(a, frozen));
            }
            let out = self.set_scratch(a, frozen);
            let (tb, _) = self.set_absorb(out, o)?;
            let ta = self.set_table(out);
            let t = Table::intersection(&ta, &tb, |_, _| false);
            self.set_store(out, t, 0);
            if tb.len() <= ta.len() {
                // CPython iterates the smaller operand (`other` on a tie) and keeps its keys.
                self.set_keys_from(out, &tb, o);
            }
            return Ok(out);
        }
        let out = self.set_scratch(a, frozen);
        let mut t = Table::new();
        let mut keys = Vec::new();
        for x in self.collect_iterable(other)? {
            let hash = self.hash(&x)?;
            if let Some(i) = self.table_find(a, &x, hash)?
                && t.insert(hash, i as u32, |_| false)
            {
                keys.push((i, x));
            }
        }
        self.set_store(out, t, 0);
        // The result holds the iterable's objects (`{1}.intersection([1.0])` is `{1.0}`).
        if let Obj::Set { items, .. } = self.heap.get_mut(out) {
            for (i, x) in keys {
                items.replace_key_at(i, x);
            }
        }
        Ok(out)
    }

    /// `set_difference_update_internal(s, other)`.
    pub fn set_difference_update(&mut self, s: ObjRef, other: &Value) -> PyResult<()> {
        if let Some(o) = self.as_set_obj(other) {
            if o == s {
                self.set_clear(s);
                return Ok(());
            }
            let (tb, _) = self.set_absorb(s, o)?;
            let mut t = self.set_table(s);
            t.difference_update(&tb, |_, _| false);
            self.set_store(s, t, 0);
            return Ok(());
        }
        for x in self.collect_iterable(other)? {
            self.set_discard(s, &x)?;
        }
        if let Some((_, table)) = self.set_parts(s) {
            table.shrink_after_discards();
        }
        Ok(())
    }

    /// `set_difference(a, other)`: a new set of `a`'s type.
    pub fn set_difference(&mut self, a: ObjRef, other: &Value, frozen: bool) -> PyResult<ObjRef> {
        let len = |interp: &Interp, r: ObjRef| match interp.heap.get(r) {
            Obj::Set { items, .. } | Obj::Dict(items) => items.len(),
            _ => 0,
        };
        let a_len = len(self, a);
        if let Some(o) = self.as_set_obj(other) {
            let out = self.set_scratch(a, frozen);
            let (tb, _) = self.set_absorb(out, o)?;
            let ta = self.set_table(out);
            let t = Table::difference(&ta, &tb, |_, _| false);
            self.set_store(out, t, 0);
            return Ok(out);
        }
        if let Some(d) = other.as_obj().filter(|d| matches!(self.heap.get(*d), Obj::Dict(_)))
            && (a_len >> 2) <= len(self, d)
        {
            let out = self.set_scratch(a, frozen);
            let ta = self.set_table(out);
            let mut t = Table::new();
            for (hash, h) in ta.iter() {
                let key = match self.heap.get(out) {
                    Obj::Set { items, .. } => items.raw_entry(h as usize).map(|(k, _)| k.clone()),
                    _ => None,
                };
                let Some(key) = key else { continue };
                if self.table_find(d, &key, hash)?.is_none() {
                    t.insert(hash, h, |_| false);
                }
            }
            self.set_store(out, t, 0);
            return Ok(out);
        }
        let out = self.set_copy(a, frozen);
        self.set_difference_update(out, other)?;
        Ok(out)
    }

    /// `set_symmetric_difference_update(s, other)`.
    pub fn set_symmetric_difference_update(&mut self, s: ObjRef, other: &Value) -> PyResult<()> {
        if let Some(d) = other.as_obj()
            && let Obj::Dict(dict) = self.heap.get(d)
        {
            let keys: Vec<(i64, Value)> = dict.iter_hashed().map(|(h, k, _)| (h, k.clone())).collect();
            for (hash, k) in keys {
                match self.table_find(s, &k, hash)? {
                    Some(i) => {
                        if let Some((items, table)) = self.set_parts(s) {
                            setorder::remove_entry(items, table, i);
                        }
                    }
                    None => {
                        if let Some((items, table)) = self.set_parts(s) {
                            setorder::insert_absent(items, table, hash, k);
                        }
                    }
                }
            }
            return Ok(());
        }
        let o = match self.as_set_obj(other) {
            Some(o) => o,
            None => self.set_from(other, false)?,
        };
        if o == s {
            self.set_clear(s);
            return Ok(());
        }
        let (tb, _) = self.set_absorb(s, o)?;
        let mut t = self.set_table(s);
        t.symmetric_difference_update(&tb, |_, _| false);
        self.set_store(s, t, 0);
        Ok(())
    }

    /// `set_symmetric_difference(a, other)`: a set of `other`'s members updated with `a`.
    pub fn set_symmetric_difference(&mut self, a: ObjRef, other: &Value, frozen: bool) -> PyResult<ObjRef> {
        let out = self.set_from(other, frozen)?;
        self.set_symmetric_difference_update(out, &Value::Obj(a))?;
        Ok(out)
    }

    /// `set_swap_bodies(s, new)` after an intersection: `s` takes `new`'s members and table,
    /// keeping its `pop` finger.
    pub fn set_take_body(&mut self, s: ObjRef, new: ObjRef) {
        let (items, table) = match self.heap.get(new) {
            Obj::Set { items, table, .. } => (items.clone(), (**table).clone()),
            _ => return,
        };
        if let Obj::Set { items: i, table: t, .. } = self.heap.get_mut(s) {
            *i = items;
            t.swap_bodies(table);
        }
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` (and in-place forms) on sets.
    pub fn set_binop(&mut self, op: BinOp, a: ObjRef, b: ObjRef, inplace: bool) -> PyResult<Value> {
        let frozen = matches!(self.heap.get(a), Obj::Set { frozen: true, .. });
        let inplace = inplace && !frozen;
        let other = Value::Obj(b);
        let out = match (op.base(), inplace) {
            (BinOp::Or, true) => {
                self.set_update(a, &other)?;
                a
            }
            (BinOp::Or, false) => {
                let out = self.set_copy(a, frozen);
                self.set_update(out, &other)?;
                out
            }
            (BinOp::And, true) => {
                let tmp = self.set_intersection(a, &other, false)?;
                self.set_take_body(a, tmp);
                a
            }
            (BinOp::And, false) => self.set_intersection(a, &other, frozen)?,
            (BinOp::Subtract, true) => {
                self.set_difference_update(a, &other)?;
                a
            }
            (BinOp::Subtract, false) => self.set_difference(a, &other, frozen)?,
            (_, true) => {
                self.set_symmetric_difference_update(a, &other)?;
                a
            }
            (_, false) => self.set_symmetric_difference(a, &other, frozen)?,
        };
        Ok(Value::Obj(out))
    }

    /// Subset ordering for `<`/`<=` on sets.
    pub fn set_order(&mut self, a: ObjRef, b: ObjRef) -> PyResult<Option<std::cmp::Ordering>> {
        use std::cmp::Ordering;
        let (xa, xb) = (self.set_items(a), self.set_items(b));
        let mut a_in_b = true;
        for v in &xa {
            if !self.set_contains(b, v)? {
                a_in_b = false;
                break;
            }
        }
        let mut b_in_a = true;
        for v in &xb {
            if !self.set_contains(a, v)? {
                b_in_a = false;
                break;
            }
        }
        Ok(match (a_in_b, b_in_a) {
            (true, true) => Some(Ordering::Equal),
            (true, false) => Some(Ordering::Less),
            (false, true) => Some(Ordering::Greater),
            _ => None,
        })
    }
}
