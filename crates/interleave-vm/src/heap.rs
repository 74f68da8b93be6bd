//! `Heap`: the per-process object arena and its mark-and-sweep collector.
//!
//! Objects are addressed by [`ObjRef`] indices, so a whole heap can be cloned (for `fork` and
//! snapshots) and references stay valid in the copy. The slots live in chunks shared by
//! reference count: cloning a heap copies no object, and a chunk is copied the first time
//! either copy writes to it (copy-on-write, as a forked process's memory pages). Collection only happens at *safe points*
//! chosen by the interpreter (between instructions), when every live value is reachable from
//! the roots it passes in; allocation itself never collects.

use std::rc::Rc;

use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// Slots per chunk (a power of two): the unit a fork copies on write.
const CHUNK_BITS: u32 = 8;
const CHUNK: usize = 1 << CHUNK_BITS;
const MASK: usize = CHUNK - 1;

/// Objects allocated before the first collection is considered.
const MIN_GC_INTERVAL: usize = 20_000;

/// The root set of a collection: called with a visitor for values and one for references,
/// it must report everything the program can still reach.
pub type Roots<'a> = dyn FnMut(&mut dyn FnMut(&Value), &mut dyn FnMut(ObjRef)) + 'a;

#[derive(Clone, Default)]
pub struct Heap {
    /// Slot `i` is `chunks[i >> CHUNK_BITS][i & MASK]`; every chunk has `CHUNK` slots.
    chunks: Vec<Rc<[Option<Obj>]>>,
    /// Slots handed out so far (the rest of the last chunk is unused).
    slots: usize,
    free: Vec<u32>,
    live: usize,
    /// Live objects right after the last collection.
    live_after_gc: usize,
    allocs_since_gc: usize,
    /// Approximate bytes held by live objects at the last collection.
    pub live_bytes_at_gc: usize,
    /// Number of collections run (for statistics and tests).
    pub collections: u64,
}

impl Heap {
    pub fn new() -> Heap {
        Heap::default()
    }

    pub fn alloc(&mut self, obj: Obj) -> ObjRef {
        self.live += 1;
        self.allocs_since_gc += 1;
        let i = match self.free.pop() {
            Some(i) => i as usize,
            None => {
                if self.slots & MASK == 0 {
                    self.chunks.push((0..CHUNK).map(|_| None).collect());
                }
                self.slots += 1;
                self.slots - 1
            }
        };
        *self.slot_mut(i) = Some(obj);
        ObjRef(i as u32)
    }

    #[inline]
    fn slot(&self, i: usize) -> &Option<Obj> {
        &self.chunks[i >> CHUNK_BITS][i & MASK]
    }

    /// The slot, for writing: its chunk is copied first if another heap shares it.
    #[inline]
    fn slot_mut(&mut self, i: usize) -> &mut Option<Obj> {
        &mut Rc::make_mut(&mut self.chunks[i >> CHUNK_BITS])[i & MASK]
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        match self.slot(r.0 as usize) {
            Some(o) => o,
            None => panic!("dangling object reference {}", r.0),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        match self.slot_mut(r.0 as usize) {
            Some(o) => o,
            None => panic!("dangling object reference {}", r.0),
        }
    }

    /// Number of live objects.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Whether enough has been allocated since the last collection to make one worthwhile.
    #[inline]
    pub fn wants_gc(&self) -> bool {
        self.allocs_since_gc > MIN_GC_INTERVAL.max(self.live_after_gc)
    }

    /// Frees every object not reachable from `roots`. `roots` must report every value and
    /// object reference the program can still reach.
    pub fn collect(&mut self, roots: &mut Roots<'_>) {
        let mut marks = vec![false; self.slots];
        let work = std::cell::RefCell::new(Vec::<ObjRef>::new());
        roots(
            &mut |v: &Value| {
                if let Value::Obj(r) = v {
                    work.borrow_mut().push(*r);
                }
            },
            &mut |r| work.borrow_mut().push(r),
        );
        let mut work = work.into_inner();
        while let Some(r) = work.pop() {
            let i = r.0 as usize;
            if marks[i] {
                continue;
            }
            marks[i] = true;
            if let Some(obj) = self.slot(i) {
                let cell = std::cell::RefCell::new(&mut work);
                obj.trace(
                    &mut |v: &Value| {
                        if let Value::Obj(r) = v
                            && !marks[r.0 as usize] {
                                cell.borrow_mut().push(*r);
                            }
                    },
                    &mut |r| cell.borrow_mut().push(r),
                );
            }
        }
        let mut bytes = 0;
        for c in 0..self.chunks.len() {
            let base = c << CHUNK_BITS;
            let end = (base + CHUNK).min(self.slots);
            // Only a chunk holding garbage is written to (and so copied, if shared).
            let mut garbage = false;
            for (slot, &marked) in self.chunks[c].iter().zip(&marks[base..end]) {
                if let Some(obj) = slot {
                    if marked {
                        bytes += obj.approx_size();
                    } else {
                        garbage = true;
                    }
                }
            }
            if garbage {
                let chunk = Rc::make_mut(&mut self.chunks[c]);
                for (k, (slot, &marked)) in chunk.iter_mut().zip(&marks[base..end]).enumerate() {
                    if slot.is_some() && !marked {
                        *slot = None;
                        self.free.push((base + k) as u32);
                        self.live -= 1;
                    }
                }
            }
        }
        self.live_bytes_at_gc = bytes;
        self.live_after_gc = self.live;
        self.allocs_since_gc = 0;
        self.collections += 1;
    }
}
