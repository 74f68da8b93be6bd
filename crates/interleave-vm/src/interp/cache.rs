//! Inline caches: one small memo per instruction (`CodeValues::caches`) that lets the hot name
//! and attribute instructions skip their dict lookups while what they depend on is unchanged.
//!
//! - `LoadGlobal`, and `LoadName` in a module body: the globals' key version and the entry
//!   index of the name there, or, for a built-in, also the builtins' key version and the index
//!   there. A hit reads the value at the index. A dict's key version changes whenever a key is
//!   added or removed (`Dict::keys_version`), never when a value changes, so rebinding a global
//!   keeps the cache valid and adding a global that shadows a built-in invalidates it.
//! - `StoreGlobal`, and `StoreName` in a module body: the target dict's key version and the
//!   entry index: a hit replaces the value in place.
//! - `LoadAttr` / `StoreAttr` on a plain instance: the index of the name in the instance's
//!   dict last time, checked (the key there must be the very same interned name) before use.
//! - `LoadMethod`: the class and the method its MRO gave, valid for one class-lookup epoch
//!   (`Interp::lookup_epoch`, renewed whenever the class-lookup cache is cleared).
//!   `BeforeWith`: the class and its `__enter__` and `__exit__`, likewise; `Call` of a class:
//!   the class and its `__init__` when instantiating it is plain, or its built-in `__new__`
//!   (see `class_call_caching`).
//!
//! A cache never changes what an instruction does, only how fast: every hit gives what the
//! uncached path would, and the step counts and costs are those of the instruction.

use std::rc::Rc;

use crate::dict::Dict;
use crate::heap::Heap;
use crate::interp::Interp;
use crate::object::{Obj, Payload};
use crate::value::{ObjRef, Value};

/// The memo of one instruction. What the fields mean depends on the instruction (see the
/// module documentation); the default (all zero) never hits.
#[derive(Clone, Copy, Default, Debug)]
pub struct InlineCache {
    /// A dict key version, or the class-lookup epoch; 0 when empty.
    pub version: u64,
    /// `LoadGlobal` of a built-in: the builtins' key version (0: the name is a global).
    pub version2: u64,
    /// An entry index, or (for `LoadMethod`) the method's `ObjRef`.
    pub index: u32,
    /// `LoadMethod`: the class's `ObjRef`.
    pub aux: u32,
}

/// How a call of a class makes its instance (see `Interp::class_call_caching`).
#[derive(Clone, Copy)]
pub(super) enum ClassCall {
    /// `object.__new__` and a plain instance, then this `__init__` function.
    Init(ObjRef),
    /// This built-in `__new__` (of a built-in type such as `str` or `int`), called with the
    /// class and the arguments.
    NativeNew(ObjRef),
}

/// `LoadGlobal` (and module-level `LoadName`) from the cache, or None on a miss.
#[inline(always)]
pub(super) fn load_global_hit(heap: &Heap, globals: ObjRef, builtins: ObjRef, c: InlineCache) -> Option<&Value> {
    if c.version == 0 {
        return None;
    }
    let Obj::Dict(g) = heap.get(globals) else { return None };
    if g.keys_version() != c.version {
        return None;
    }
    if c.version2 == 0 {
        return Some(g.value_at(c.index as usize));
    }
    let Obj::Dict(b) = heap.get(builtins) else { return None };
    if b.keys_version() != c.version2 {
        return None;
    }
    Some(b.value_at(c.index as usize))
}

/// `StoreGlobal` (and module-level `StoreName`) through the cache: the dict to store into and
/// the entry index, or None on a miss.
#[inline(always)]
pub(super) fn store_global_hit(heap: &mut Heap, target: ObjRef, c: InlineCache) -> Option<&mut Dict> {
    if c.version == 0 {
        return None;
    }
    match heap.get_mut(target) {
        Obj::Dict(d) if d.keys_version() == c.version => Some(d),
        _ => None,
    }
}

/// The index of the interned name `name` in `dict`, trying the cached index first.
#[inline(always)]
pub(super) fn find_attr(dict: &Dict, name: &Rc<crate::value::PyStr>, hint: u32) -> Option<usize> {
    let i = hint as usize;
    if i < dict.raw_len() && matches!(dict.key_at(i), Value::Str(k) if Rc::ptr_eq(k, name)) {
        return Some(i);
    }
    dict.find_pystr(crate::hashing::str_hash(name), name)
}

/// `LoadMethod` from the cache: the method of `obj`'s class recorded for this epoch, when `obj`
/// is an instance that does not shadow it (or a list, dict, str or tuple), or None.
#[inline(always)]
pub(super) fn load_method_hit(
    heap: &Heap,
    t: &crate::types::Types,
    obj: &Value,
    name: &Rc<crate::value::PyStr>,
    epoch: u64,
    c: InlineCache,
) -> Option<ObjRef> {
    if c.version != epoch {
        return None;
    }
    let cls = match obj {
        Value::Obj(r) => match heap.get(*r) {
            Obj::Instance(inst) => {
                if !matches!(heap.get(inst.class), Obj::Class(k) if !k.custom_getattribute) {
                    return None;
                }
                if inst.attrs(heap).find_pystr(crate::hashing::str_hash(name), name).is_some() {
                    return None;
                }
                inst.class
            }
            Obj::List(_) => t.list,
            Obj::Dict(_) => t.dict,
            Obj::Tuple(_) => t.tuple,
            _ => return None,
        },
        Value::Str(_) => t.str,
        _ => return None,
    };
    (c.aux == cls.0).then_some(ObjRef(c.index))
}

/// Can attribute access on an instance of this class go straight to the instance dict (no
/// data descriptors, no `__getattribute__`; see `Class::has_properties`)?
#[inline(always)]
pub(super) fn plain_getattr(heap: &Heap, cls: ObjRef) -> bool {
    matches!(heap.get(cls), Obj::Class(c) if !c.has_properties)
}

/// Can assignment to an attribute of this instance go straight to its dict?
#[inline(always)]
pub(super) fn plain_setattr(heap: &Heap, cls: ObjRef, payload: &Payload) -> bool {
    matches!(heap.get(cls), Obj::Class(c) if !c.has_properties && !c.custom_setattr && c.slots.is_none())
        && !matches!(payload, Payload::Exception(_))
}

impl Interp {
    /// The inline cache of the instruction being executed (at `ip - 1` of the top frame).
    fn current_cache(&self) -> &std::cell::Cell<InlineCache> {
        let f = self.threads[self.cur].frames.last().expect("frame");
        &f.values.caches[f.ip - 1]
    }

    /// `LoadGlobal`'s lookup (globals, then builtins), recording where the name was found.
    pub(super) fn load_global_caching(&mut self, globals: ObjRef, name: &Value) -> Option<Value> {
        let Value::Str(s) = name else { return None };
        let hash = crate::hashing::str_hash(s);
        let Obj::Dict(g) = self.heap.get(globals) else {
            return None;
        };
        let gv = g.keys_version();
        if let Some(i) = g.find_pystr(hash, s) {
            let v = g.value_at(i).clone();
            if gv != 0 {
                self.current_cache().set(InlineCache {
                    version: gv,
                    version2: 0,
                    index: i as u32,
                    aux: 0,
                });
            }
            return Some(v);
        }
        let Obj::Dict(b) = self.heap.get(self.builtins) else {
            return None;
        };
        let i = b.find_pystr(hash, s)?;
        let (v, bv) = (b.value_at(i).clone(), b.keys_version());
        if gv != 0 && bv != 0 {
            self.current_cache().set(InlineCache {
                version: gv,
                version2: bv,
                index: i as u32,
                aux: 0,
            });
        }
        Some(v)
    }

    /// `StoreGlobal`'s store into `dict`, recording the entry it went to.
    pub(super) fn store_global_caching(&mut self, dict: ObjRef, name: Value, v: Value) {
        let Value::Str(s) = &name else { return };
        let hash = crate::hashing::str_hash(s);
        let Obj::Dict(d) = self.heap.get_mut(dict) else { return };
        let i = match d.find_pystr(hash, s) {
            Some(i) => {
                d.set_value_at(i, v);
                i
            }
            None => {
                d.insert_new(hash, name, v);
                d.raw_len() - 1
            }
        };
        let version = d.keys_version();
        self.current_cache().set(InlineCache {
            version,
            version2: 0,
            index: i as u32,
            aux: 0,
        });
    }

    /// For `Call` of a class: how `instantiate` would make the instance, when it is one of
    /// the two common simple ways, remembered for the epoch (`version2` tells which).
    pub(super) fn class_call_caching(&mut self, cls: ObjRef) -> Option<ClassCall> {
        let Obj::Class(c) = self.heap.get(cls) else { return None };
        let (builtin, layout) = (c.builtin, c.layout);
        let epoch = self.lookup_epoch();
        let cache = self.current_cache().get();
        if cache.version == epoch && cache.aux == cls.0 {
            let f = ObjRef(cache.index);
            return Some(if cache.version2 == 1 { ClassCall::NativeNew(f) } else { ClassCall::Init(f) });
        }
        // As `instantiate`: a user subclass of a built-in type takes other paths.
        if !builtin && self.builtin_base_class(cls).is_some() {
            return None;
        }
        let new = self.class_lookup(cls, "__new__")?.as_obj()?;
        let Obj::Native(n) = self.heap.get(new) else { return None };
        let call = if n.name != "object.__new__" {
            ClassCall::NativeNew(new)
        } else {
            if builtin || layout != crate::object::Layout::Object {
                return None;
            }
            let init = self.class_lookup(cls, "__init__")?.as_obj()?;
            if !matches!(self.heap.get(init), Obj::Function(_)) {
                return None;
            }
            ClassCall::Init(init)
        };
        let (index, version2) = match call {
            ClassCall::Init(f) => (f.0, 0),
            ClassCall::NativeNew(f) => (f.0, 1),
        };
        self.current_cache().set(InlineCache { version: epoch, version2, index, aux: cls.0 });
        Some(call)
    }

    /// `BeforeWith`: the class's `__enter__` and `__exit__`, remembered for the epoch.
    pub(super) fn with_methods_caching(&mut self, cls: ObjRef) -> (Option<Value>, Option<Value>) {
        let epoch = self.lookup_epoch();
        let c = self.current_cache().get();
        if c.version == epoch && c.aux == cls.0 {
            return (
                Some(Value::Obj(ObjRef(c.index))),
                Some(Value::Obj(ObjRef(c.version2 as u32))),
            );
        }
        let enter = self.class_lookup(cls, "__enter__");
        let exit = self.class_lookup(cls, "__exit__");
        if let (Some(Value::Obj(e)), Some(Value::Obj(x))) = (&enter, &exit) {
            self.current_cache().set(InlineCache {
                version: epoch,
                version2: u64::from(x.0),
                index: e.0,
                aux: cls.0,
            });
        }
        (enter, exit)
    }

    /// `lookup_method_hashed` for `LoadMethod`, remembering the class's method.
    pub(super) fn lookup_method_caching(
        &mut self,
        obj: &Value,
        name_s: &Rc<crate::value::PyStr>,
        hash: i64,
    ) -> Option<Value> {
        let name = name_s.as_str();
        let cls = match obj {
            Value::Obj(r) => match self.heap.get(*r) {
                Obj::Module(_) | Obj::Class(_) | Obj::Super { .. } => return None,
                Obj::Instance(inst) => {
                    if inst.attrs(&self.heap).find_pystr(hash, name_s).is_some()
                        || self.class(inst.class).custom_getattribute
                        || self.late_hooks
                    {
                        return None;
                    }
                    inst.class
                }
                _ => self.type_of(obj),
            },
            _ => self.type_of(obj),
        };
        let epoch = self.lookup_epoch();
        let c = self.current_cache().get();
        if c.version == epoch && c.aux == cls.0 {
            return Some(Value::Obj(ObjRef(c.index)));
        }
        let v = self.class_lookup_hashed(cls, name, hash)?;
        let Value::Obj(m) = v else { return None };
        match self.heap.get(m) {
            Obj::Function(_) => {}
            Obj::Native(n) if n.owner.is_some() && n.slf.is_null() => {}
            _ => return None,
        }
        self.current_cache().set(InlineCache {
            version: epoch,
            version2: 0,
            index: m.0,
            aux: cls.0,
        });
        Some(v)
    }
}
