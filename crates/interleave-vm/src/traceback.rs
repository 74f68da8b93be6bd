//! Traceback text as CPython 3.11 prints it (`Python/traceback.c`): source lines, the
//! `^^^^`/`~~^~~` location markers, "[Previous line repeated N more times]", and the
//! "Did you mean" suggestions of `Python/suggestions.c`.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::interp::Interp;
use crate::object::TracebackEntry;
use crate::value::ObjRef;

/// CPython collapses more than this many identical consecutive rows.
const RECURSIVE_CUTOFF: usize = 3;

/// The rows of a traceback, outermost call first. `entries` are in the order they were
/// recorded while unwinding (innermost first).
pub fn format_entries(interp: &Interp, entries: &[TracebackEntry]) -> String {
    let mut out = String::new();
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    for e in entries.iter().rev() {
        let loc = if e.instr == crate::object::BEFORE_FIRST_INSTR {
            // The `def` line, without markers.
            interleave_compiler::Location { line: e.code.first_line, end_line: 0, col: 0, end_col: 0 }
        } else {
            e.code.locations.get(e.instr).copied().unwrap_or_default()
        };
        let key = (e.code.filename.to_string(), loc.line, e.code.name.to_string());
        if last.as_ref() == Some(&key) {
            count += 1;
        } else {
            if count > RECURSIVE_CUTOFF {
                push_repeated(&mut out, count - RECURSIVE_CUTOFF);
            }
            last = Some(key);
            count = 1;
        }
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.code.filename, loc.line, e.code.name));
        if let Some(src) = interp.sources.get(&e.code.filename)
            && let Some(line) = src.lines().nth(loc.line.saturating_sub(1) as usize) {
                out.push_str(&source_line_with_carets(line, loc));
            }
    }
    if count > RECURSIVE_CUTOFF {
        push_repeated(&mut out, count - RECURSIVE_CUTOFF);
    }
    out
}

fn push_repeated(out: &mut String, n: usize) {
    out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
}

fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// The indented source line and, unless the error spans the whole line, its marker line.
fn source_line_with_carets(line: &str, loc: interleave_compiler::Location) -> String {
    let line = line.trim_end_matches(['\r', '\n']);
    let chars: Vec<char> = line.chars().collect();
    let truncation = chars.iter().take_while(|c| is_ws(**c)).count();
    let stripped: String = chars[truncation..].iter().collect();
    let mut out = format!("    {stripped}\n");
    if loc.line == 0 || loc.end_line < loc.line {
        return out;
    }
    let to_char = |byte: u32| -> Option<usize> {
        let b = byte as usize;
        if b > line.len() || !line.is_char_boundary(b) {
            return None;
        }
        Some(line[..b].chars().count())
    };
    let Some(start) = to_char(loc.col) else { return out };
    let (end, anchors) = if loc.line == loc.end_line {
        let Some(end) = to_char(loc.end_col) else { return out };
        if end <= start {
            return out;
        }
        let segment: String = chars[start..end].iter().collect();
        (end, anchors(&segment).map(|(l, r)| (start + l, start + r)))
    } else {
        let last = chars.iter().rposition(|c| !is_ws(*c)).map_or(0, |i| i + 1);
        (last, None)
    };
    if end - start == chars.len() - truncation && anchors.is_none() {
        return out;
    }
    out.push_str("    ");
    for p in truncation..end {
        let c = if p < start {
            ' '
        } else if let Some((l, r)) = anchors {
            if p >= l && p < r { '^' } else { '~' }
        } else {
            '^'
        };
        out.push(c);
    }
    out.push('\n');
    out
}

/// The secondary range inside a one-line segment: the operator of a binary operation or the
/// brackets of a subscript, in characters relative to the segment.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(stmt)] = body.as_slice() else { return None };
    let to_chars = |b: usize| segment[..b.min(segment.len())].chars().count();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let bytes = segment.as_bytes();
            let mut i = left_end;
            while i < right_start {
                let c = bytes[i] as char;
                if is_ws(c) || c == '(' || c == ')' || c == '\\' || c == '\n' {
                    if c == ')' && i + 1 < right_start {
                        i += 1;
                        continue;
                    }
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if r < right_start && !is_ws(bytes[r] as char) && !matches!(bytes[r] as char, '(' | ')') {
                    r += 1;
                }
                if r < right_start && bytes[i] == b'*' && bytes[r - 1] == b'*' {
                    // `**` already covered; nothing more to do.
                }
                return Some((to_chars(i), to_chars(r)));
            }
            None
        }
        Expr::Subscript(s) => {
            let l = s.value.range().end().to_usize();
            let r = s.slice.range().end().to_usize() + 1;
            Some((to_chars(l), to_chars(r.min(segment.len()))))
        }
        _ => None,
    }
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (byte-based, with case-aware substitution cost).
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &bc) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// CPython's `calculate_suggestions`.
pub fn calculate_suggestion(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max_distance = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

/// The "Did you mean" suggestion for exception `e`: recorded at creation for a NameError,
/// computed from `dir(obj)` for an AttributeError.
pub fn suggestion(interp: &mut Interp, e: ObjRef) -> Option<String> {
    use crate::object::{Obj, Payload};
    use crate::value::Value;
    let Obj::Instance(i) = interp.heap.get(e) else { return None };
    if let Payload::Exception(d) = &i.payload
        && let Some(h) = &d.hint {
            return Some(h.to_string());
        }
    if !interp.isinstance(&Value::Obj(e), interp.t.attribute_error) {
        return None;
    }
    let Obj::Instance(i) = interp.heap.get(e) else { return None };
    let attrs = i.attrs(&interp.heap);
    let get = |n: &str| attrs.find_str(crate::hashing::hash_name(n), n).map(|x| attrs.value_at(x).clone());
    let (Some(Value::Str(name)), Some(obj)) = (get("name"), get("obj")) else { return None };
    let candidates = crate::builtins::functions::dir_names(interp, &obj);
    calculate_suggestion(&candidates, name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use interleave_compiler::Location;

    fn loc(line: u32, col: u32, end_col: u32) -> Location {
        Location { line, end_line: line, col, end_col }
    }

    #[test]
    fn binop_and_subscript_anchors_match_cpython() {
        assert_eq!(source_line_with_carets("    print(1 + \"a\")", loc(1, 10, 17)), "    print(1 + \"a\")\n          ~~^~~~~\n");
        assert_eq!(source_line_with_carets("print(x[\"b\"])", loc(1, 6, 12)), "    print(x[\"b\"])\n          ~^^^^^\n");
        assert_eq!(source_line_with_carets("print(   1/0   )", loc(1, 9, 12)), "    print(   1/0   )\n             ~^~\n");
    }

    #[test]
    fn whole_line_has_no_markers() {
        assert_eq!(source_line_with_carets("    g()", loc(1, 4, 7)), "    g()\n");
        assert_eq!(source_line_with_carets("    y = f([1])", loc(1, 8, 14)), "    y = f([1])\n        ^^^^^^\n");
    }

    #[test]
    fn suggestions_follow_cpython_costs() {
        let c: Vec<String> = ["print", "len", "range"].iter().map(|s| s.to_string()).collect();
        assert_eq!(calculate_suggestion(&c, "prnt").as_deref(), Some("print"));
        assert_eq!(calculate_suggestion(&c, "xyz"), None);
    }
}
