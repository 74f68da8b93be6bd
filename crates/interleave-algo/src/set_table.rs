//! A hash table with CPython 3.11's `setobject.c` slot layout, so that iterating it in slot order
//! reproduces CPython's set iteration order (and so `print(set)`) for the same operations.
//!
//! The table stores each member's hash and a caller-chosen handle `H` (the VM keeps the keys);
//! key equality is a caller-supplied closure, consulted only where CPython would call `__eq__`:
//! when the stored hash equals the probe's hash and the handles differ (CPython's identity
//! shortcut). Use `PYTHONHASHSEED=0`-style hashes from [`crate::hash`] for CPython's order.
//!
//! Which operation the VM must use for each Python operation (they differ in insertion order):
//! - `{a, b, c}` (`BUILD_SET`), set comprehensions, `set(list_or_iterable)`, `s.add(x)`,
//!   `s.update(iterable)` for non-set iterables: [`SetTable::insert`] per item, in order.
//! - `set(other_set)`, `frozenset(s)`, `s.copy()`: [`SetTable::copy`] (copies the layout).
//! - `s.update(other_set)`, `s |= t`: [`SetTable::merge`].
//! - `set(d)`/`s.update(d)` for an exact `dict`: [`SetTable::reserve_for_dict`] with `len(d)`,
//!   then [`SetTable::insert`] of each key in dict order.
//! - `s | t`: [`SetTable::union`]; `s & t`: [`SetTable::intersection`]; `s - t`:
//!   [`SetTable::difference`]; `s ^ t`: [`SetTable::symmetric_difference`]; the in-place forms
//!   `-=`, `&=`, `^=` (and the methods with a set argument): [`SetTable::difference_update`],
//!   [`SetTable::intersection_update`], [`SetTable::symmetric_difference_update`]. For a
//!   non-set argument CPython first builds a set from it (for `&` with an iterable: insert each
//!   item found in `s` into a new table, stopping once it is as large as `s`).
//! - `s.remove(x)`/`s.discard(x)`: [`SetTable::discard`]; `s.pop()`: [`SetTable::pop`]
//!   (`KeyError: 'pop from an empty set'` when it returns `None`); `s.clear()`: [`SetTable::clear`].

/// `PySet_MINSIZE`.
const MIN_SIZE: usize = 8;
/// `LINEAR_PROBES`.
const LINEAR_PROBES: usize = 9;
/// `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;

/// One slot of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot<H> {
    /// Never used (`key == NULL`).
    Empty,
    /// Held a key that was removed (`key == dummy`, hash -1).
    Dummy,
    /// Holds a member.
    Active { hash: i64, key: H },
}

/// A set's table: `fill` counts active + dummy slots, `used` active ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetTable<H> {
    /// The slots; the length is a power of two, at least [`MIN_SIZE`].
    slots: Vec<Slot<H>>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots (`len(s)`).
    used: usize,
    /// Where `pop` resumes its search.
    finger: usize,
}

impl<H: Copy + Eq> Default for SetTable<H> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: Copy + Eq> SetTable<H> {
    /// An empty set (8 slots).
    pub fn new() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of slots (for tests and memory accounting).
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Members in CPython's iteration order, as `(hash, handle)`.
    pub fn iter(&self) -> impl Iterator<Item = (i64, H)> + '_ {
        self.slots.iter().filter_map(|s| match *s {
            Slot::Active { hash, key } => Some((hash, key)),
            _ => None,
        })
    }

    /// `set_lookkey`: the index of the slot holding an equal key, or of the empty slot ending
    /// the probe sequence.
    fn lookup(&self, hash: i64, key: H, eq: &mut impl FnMut(H) -> bool) -> (usize, bool) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.slots[j] {
                    Slot::Empty => return (j, false),
                    Slot::Active { hash: h, key: k } if h == hash && (k == key || eq(k)) => {
                        return (j, true);
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `x in s`: the handle of the equal member, if any.
    pub fn find(&self, hash: i64, key: H, mut eq: impl FnMut(H) -> bool) -> Option<H> {
        match self.lookup(hash, key, &mut eq) {
            (j, true) => match self.slots[j] {
                Slot::Active { key, .. } => Some(key),
                _ => None,
            },
            _ => None,
        }
    }

    /// `x in s`.
    pub fn contains(&self, hash: i64, key: H, eq: impl FnMut(H) -> bool) -> bool {
        self.find(hash, key, eq).is_some()
    }

    /// `set_add_entry`: adds `key` unless an equal member exists; returns whether it was added.
    /// `eq(existing)` tells whether a stored member with the same hash equals `key`.
    pub fn insert(&mut self, hash: i64, key: H, mut eq: impl FnMut(H) -> bool) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        let empty = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.slots[j] {
                    Slot::Empty => break 'probe j,
                    Slot::Active { hash: h, key: k } if h == hash && (k == key || eq(k)) => {
                        return false;
                    }
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Active { .. } => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        self.used += 1;
        if let Some(j) = freeslot {
            self.slots[j] = Slot::Active { hash, key };
            return true;
        }
        self.fill += 1;
        self.slots[empty] = Slot::Active { hash, key };
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
        true
    }

    /// `set_insert_clean`: places a key known to be absent into a table without dummies.
    fn insert_clean(slots: &mut [Slot<H>], hash: i64, key: H) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(slot) = slots[i..=i + probes]
                .iter_mut()
                .find(|s| **s == Slot::Empty)
            {
                *slot = Slot::Active { hash, key };
                return;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`: rebuilds into the smallest power-of-two table larger than `minused`.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                Self::insert_clean(&mut self.slots, hash, key);
            }
        }
    }

    /// `set_discard_entry`: removes the member equal to `key`, returning its handle.
    pub fn discard(&mut self, hash: i64, key: H, mut eq: impl FnMut(H) -> bool) -> Option<H> {
        let (j, found) = self.lookup(hash, key, &mut eq);
        if !found {
            return None;
        }
        let Slot::Active { key: old, .. } = self.slots[j] else {
            return None;
        };
        self.slots[j] = Slot::Dummy;
        self.used -= 1;
        Some(old)
    }

    /// `set.pop()`: removes and returns the member at or after the finger.
    pub fn pop(&mut self) -> Option<(i64, H)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        loop {
            if let Slot::Active { hash, key } = self.slots[j] {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                self.finger = j + 1;
                return Some((hash, key));
            }
            j = if j == mask { 0 } else { j + 1 };
        }
    }

    /// `s.clear()`: back to an empty 8-slot table.
    pub fn clear(&mut self) {
        self.slots = vec![Slot::Empty; MIN_SIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// Before inserting the keys of an exact `dict` of `dict_len` keys (`set_update_internal`).
    pub fn reserve_for_dict(&mut self, dict_len: usize) {
        if (self.fill + dict_len) * 5 >= self.mask() * 3 {
            self.resize((self.used + dict_len) * 2);
        }
    }

    /// `set_merge`: `s.update(other)` / `s |= other` for a set `other` (not `s` itself).
    /// `eq(stored, incoming)` compares a member of `self` with one of `other`.
    pub fn merge(&mut self, other: &SetTable<H>, mut eq: impl FnMut(H, H) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (hash, key) in other.iter() {
                Self::insert_clean(&mut self.slots, hash, key);
            }
            return;
        }
        for (hash, key) in other.iter() {
            self.insert(hash, key, |stored| eq(stored, key));
        }
    }

    /// `set(s)` / `s.copy()`: a new table built by [`SetTable::merge`].
    pub fn copy(&self) -> SetTable<H> {
        let mut out = SetTable::new();
        out.merge(self, |_, _| false);
        out
    }

    /// `a | b` (`set_or`): a copy of `a` merged with `b`.
    pub fn union(a: &SetTable<H>, b: &SetTable<H>, eq: impl FnMut(H, H) -> bool) -> SetTable<H> {
        let mut out = a.copy();
        out.merge(b, eq);
        out
    }

    /// `a & b` (`set_intersection`): iterates the smaller set, keeping its handles.
    /// `eq(x, y)` compares members of the two sets in either order.
    pub fn intersection(
        a: &SetTable<H>,
        b: &SetTable<H>,
        mut eq: impl FnMut(H, H) -> bool,
    ) -> SetTable<H> {
        let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut out = SetTable::new();
        for (hash, key) in small.iter() {
            if big.contains(hash, key, |stored| eq(stored, key)) {
                out.insert(hash, key, |stored| eq(stored, key));
            }
        }
        out
    }

    /// `a - b` (`set_difference`) for sets.
    pub fn difference(
        a: &SetTable<H>,
        b: &SetTable<H>,
        mut eq: impl FnMut(H, H) -> bool,
    ) -> SetTable<H> {
        if (a.used >> 2) > b.used {
            let mut out = a.copy();
            out.difference_update(b, eq);
            return out;
        }
        let mut out = SetTable::new();
        for (hash, key) in a.iter() {
            if !b.contains(hash, key, |stored| eq(stored, key)) {
                out.insert(hash, key, |stored| eq(stored, key));
            }
        }
        out
    }

    /// `s -= other` (`set_difference_update_internal`) for a set `other` (not `s` itself).
    pub fn difference_update(&mut self, other: &SetTable<H>, mut eq: impl FnMut(H, H) -> bool) {
        let shrunk;
        let other = if (other.used >> 3) > self.used {
            shrunk = SetTable::intersection(self, other, &mut eq);
            &shrunk
        } else {
            other
        };
        for (hash, key) in other.iter() {
            self.discard(hash, key, |stored| eq(stored, key));
        }
        self.shrink_after_discards();
    }

    /// `s &= other` (`set_intersection_update`): `s` takes the table of `s & other` (CPython's
    /// `set_swap_bodies` keeps the `pop` finger).
    pub fn intersection_update(&mut self, other: &SetTable<H>, eq: impl FnMut(H, H) -> bool) {
        let finger = self.finger;
        *self = SetTable::intersection(self, other, eq);
        self.finger = finger;
    }

    /// `set_swap_bodies(self, new)`: takes `new`'s slots, keeping this table's `pop` finger
    /// (`s.intersection_update(...)` with any arguments).
    pub fn swap_bodies(&mut self, new: SetTable<H>) {
        let finger = self.finger;
        *self = new;
        self.finger = finger;
    }

    /// `s ^= other` (`set_symmetric_difference_update`) for a set `other` (not `s` itself).
    pub fn symmetric_difference_update(
        &mut self,
        other: &SetTable<H>,
        mut eq: impl FnMut(H, H) -> bool,
    ) {
        for (hash, key) in other.iter() {
            if self.discard(hash, key, |stored| eq(stored, key)).is_none() {
                self.insert(hash, key, |stored| eq(stored, key));
            }
        }
    }

    /// The same table with every handle replaced by `f(handle)` (slots, dummies, `fill` and
    /// the `pop` finger unchanged). For a caller that renumbers its key storage, or that runs
    /// an operation between two sets in a shared handle space and then stores the result.
    pub fn map_handles<G: Copy + Eq>(&self, mut f: impl FnMut(H) -> G) -> SetTable<G> {
        SetTable {
            slots: self
                .slots
                .iter()
                .map(|s| match *s {
                    Slot::Empty => Slot::Empty,
                    Slot::Dummy => Slot::Dummy,
                    Slot::Active { hash, key } => Slot::Active { hash, key: f(key) },
                })
                .collect(),
            fill: self.fill,
            used: self.used,
            finger: self.finger,
        }
    }

    /// The end of `set_difference_update_internal` for a non-set argument (after a
    /// [`SetTable::discard`] per item): resizes dummies away when more than a quarter of the
    /// slots hold them.
    pub fn shrink_after_discards(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// `a ^ b` (`set_symmetric_difference`): a copy of `b` updated with `a`.
    pub fn symmetric_difference(
        a: &SetTable<H>,
        b: &SetTable<H>,
        eq: impl FnMut(H, H) -> bool,
    ) -> SetTable<H> {
        let mut out = b.copy();
        out.symmetric_difference_update(a, eq);
        out
    }
}
