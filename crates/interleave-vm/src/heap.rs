//! `Heap`: the per-process object arena and its mark-and-sweep collector.
//!
//! Objects are addressed by [`ObjRef`] indices, so a whole heap can be cloned (for `fork` and
//! snapshots) and references stay valid in the copy. Collection only happens at *safe points*
//! chosen by the interpreter (between instructions), when every live value is reachable from
//! the roots it passes in; allocation itself never collects.

use crate::object::Obj;
use crate::value::{ObjRef, Value};

/// Objects allocated before the first collection is considered.
const MIN_GC_INTERVAL: usize = 20_000;

/// The root set of a collection: called with a visitor for values and one for references,
/// it must report everything the program can still reach.
pub type Roots<'a> = dyn FnMut(&mut dyn FnMut(&Value), &mut dyn FnMut(ObjRef)) + 'a;

#[derive(Clone, Default)]
pub struct Heap {
    objs: Vec<Option<Obj>>,
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
        if let Some(i) = self.free.pop() {
            self.objs[i as usize] = Some(obj);
            ObjRef(i)
        } else {
            self.objs.push(Some(obj));
            ObjRef(self.objs.len() as u32 - 1)
        }
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        match &self.objs[r.0 as usize] {
            Some(o) => o,
            None => panic!("dangling object reference {}", r.0),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        match &mut self.objs[r.0 as usize] {
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
        let mut marks = vec![false; self.objs.len()];
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
            if let Some(obj) = &self.objs[i] {
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
        for (i, slot) in self.objs.iter_mut().enumerate() {
            if let Some(obj) = slot {
                if marks[i] {
                    bytes += obj.approx_size();
                } else {
                    *slot = None;
                    self.free.push(i as u32);
                    self.live -= 1;
                }
            }
        }
        self.live_bytes_at_gc = bytes;
        self.live_after_gc = self.live;
        self.allocs_since_gc = 0;
        self.collections += 1;
    }
}
