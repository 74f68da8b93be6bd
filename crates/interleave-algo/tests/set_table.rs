//! `SetTable` iteration order against CPython 3.11 sets (run with `PYTHONHASHSEED=0`).

#[rustfmt::skip]
#[path = "vectors/set_table.rs"]
mod vectors;

use std::collections::BTreeMap;

use interleave_algo::{SetTable, hash_int, hash_str, str_repr};
use num_bigint::BigInt;

/// The VM's side: keys live in an arena, the table holds indices into it.
#[derive(Default)]
struct Heap {
    keys: Vec<Key>,
}

#[derive(Clone, PartialEq, Eq)]
enum Key {
    I(BigInt),
    S(String),
}

impl Heap {
    fn alloc(&mut self, token: &str) -> (i64, usize) {
        let key = match token.split_once(':') {
            Some(("i", v)) => Key::I(v.parse().unwrap()),
            Some((_, v)) => Key::S(v.to_string()),
            None => panic!("bad token {token}"),
        };
        let hash = match &key {
            Key::I(n) => hash_int(n),
            Key::S(s) => hash_str(s),
        };
        self.keys.push(key);
        (hash, self.keys.len() - 1)
    }

    fn repr(&self, h: usize) -> String {
        match &self.keys[h] {
            Key::I(n) => n.to_string(),
            Key::S(s) => str_repr(s),
        }
    }

    fn show(&self, set: &SetTable<usize>) -> String {
        let items: Vec<String> = set.iter().map(|(_, h)| self.repr(h)).collect();
        format!("[{}]", items.join(", "))
    }
}

fn run(script: &[&str]) -> Vec<String> {
    let mut heap = Heap::default();
    let mut env: BTreeMap<String, SetTable<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for line in script {
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        let (op, args) = (words[0], &words[1..]);
        let keys = heap.keys.clone();
        let eq2 = |a: usize, b: usize| keys[a] == keys[b];
        match op {
            "new" | "dict" => {
                let mut set = SetTable::new();
                if op == "dict" {
                    set.reserve_for_dict(args.len() - 1);
                }
                for t in &args[1..] {
                    let (hash, h) = heap.alloc(t);
                    let keys = heap.keys.clone();
                    set.insert(hash, h, |other| keys[other] == keys[h]);
                }
                env.insert(args[0].to_string(), set);
            }
            "add" | "discard" => {
                let (hash, h) = heap.alloc(args[1]);
                let keys = heap.keys.clone();
                let set = env.get_mut(args[0]).unwrap();
                if op == "add" {
                    set.insert(hash, h, |other| keys[other] == keys[h]);
                } else {
                    set.discard(hash, h, |other| keys[other] == keys[h]);
                }
            }
            "pop" => {
                let (_, h) = env.get_mut(args[0]).unwrap().pop().unwrap();
                out.push(format!("pop {}", heap.repr(h)));
            }
            "clear" => env.get_mut(args[0]).unwrap().clear(),
            "copy" => {
                let c = env[args[1]].copy();
                env.insert(args[0].to_string(), c);
            }
            "or" | "and" | "sub" | "xor" => {
                let (a, b) = (&env[args[1]], &env[args[2]]);
                let r = match op {
                    "or" => SetTable::union(a, b, eq2),
                    "and" => SetTable::intersection(a, b, eq2),
                    "sub" => SetTable::difference(a, b, eq2),
                    _ => SetTable::symmetric_difference(a, b, eq2),
                };
                env.insert(args[0].to_string(), r);
            }
            "update" | "isub" | "iand" | "ixor" => {
                let b = env[args[1]].clone();
                let a = env.get_mut(args[0]).unwrap();
                match op {
                    "update" => a.merge(&b, eq2),
                    "isub" => a.difference_update(&b, eq2),
                    "iand" => a.intersection_update(&b, eq2),
                    _ => a.symmetric_difference_update(&b, eq2),
                }
            }
            "show" => out.push(heap.show(&env[args[0]])),
            _ => panic!("unknown op {op}"),
        }
    }
    out
}

#[test]
fn iteration_order_matches_cpython() {
    for (script, expected) in vectors::SCENARIOS {
        assert_eq!(run(script), *expected, "{script:?}");
    }
}

#[test]
fn growth_and_len() {
    let mut set = SetTable::new();
    for i in 0..1000i64 {
        assert!(set.insert(hash_int(&BigInt::from(i)), i, |_| false));
    }
    assert_eq!(set.len(), 1000);
    assert!(!set.insert(hash_int(&BigInt::from(5)), 5, |_| false));
    assert!(set.contains(hash_int(&BigInt::from(999)), 999, |_| false));
    assert_eq!(set.capacity(), 2048);
}

#[test]
fn map_handles_and_swap_bodies_keep_the_layout() {
    let mut s: SetTable<u32> = SetTable::new();
    for k in [9i64, 1, 17, 2] {
        s.insert(k, k as u32, |_| false);
    }
    s.discard(1, 1, |_| false);
    let order: Vec<u32> = s.iter().map(|(_, h)| h).collect();
    let m = s.map_handles(|h| h + 100);
    assert_eq!(m.iter().map(|(_, h)| h - 100).collect::<Vec<_>>(), order);
    assert_eq!((m.len(), m.capacity()), (s.len(), s.capacity()));
    let mut t: SetTable<u32> = SetTable::new();
    t.swap_bodies(s.clone());
    assert_eq!(t.iter().collect::<Vec<_>>(), s.iter().collect::<Vec<_>>());
}
