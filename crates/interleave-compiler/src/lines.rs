//! Reported line numbers that differ from the source's: the embedded standard-library modules
//! are CPython's files with Interleave's changes, so their lines drift from CPython's. A comment
//! line `#@line N` says that the next source line is line `N` of CPython's file, and the lines
//! after it follow on from there; tracebacks through the module then show CPython's numbers.

use std::rc::Rc;

use crate::bytecode::{Code, Constant};

/// The directive comment (a line of its own, after indentation).
const DIRECTIVE: &str = "#@line ";

/// The reported line of each source line (`map[i]` for 1-based line `i + 1`), or `None` when
/// `source` has no `#@line` directive. A malformed directive is an error naming its line.
pub fn line_directives(source: &str) -> Result<Option<Vec<u32>>, String> {
    let mut map = Vec::new();
    let mut next = 1u32;
    let mut any = false;
    for (i, line) in source.lines().enumerate() {
        map.push(next);
        next += 1;
        if let Some(n) = line.trim_start().strip_prefix(DIRECTIVE) {
            next = n
                .trim()
                .parse()
                .map_err(|_| format!("line {}: malformed directive {:?}", i + 1, line.trim()))?;
            any = true;
        }
    }
    Ok(any.then_some(map))
}

/// `code` (and the code objects nested in it) with every line number mapped through `map`.
pub fn renumber(code: &Code, map: &[u32]) -> Rc<Code> {
    let at = |line: u32| match line {
        0 => 0,
        n => map.get(n as usize - 1).copied().unwrap_or(n),
    };
    let mut out = code.clone();
    out.first_line = at(out.first_line);
    for loc in &mut out.locations {
        loc.line = at(loc.line);
        loc.end_line = at(loc.end_line);
    }
    for c in &mut out.consts {
        if let Constant::Code(inner) = c {
            *inner = renumber(inner, map);
        }
    }
    Rc::new(out)
}

/// `source` laid out on its reported lines (the text a traceback reads line `N` from): each
/// source line at its mapped number, blank lines between. Where two source lines map to the
/// same number, the later one wins.
pub fn relaid(source: &str, map: &[u32]) -> String {
    let last = map.iter().copied().max().unwrap_or(0) as usize;
    let mut lines = vec![""; last];
    for (text, &n) in source.lines().zip(map) {
        if n > 0 {
            lines[n as usize - 1] = text;
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directive_renumbers_the_lines_after_it() {
        let src = "a = 1\n#@line 100\nb = 2\nc = 3\n    #@line 7\nd = 4\n";
        let map = line_directives(src).unwrap().unwrap();
        assert_eq!(map, vec![1, 2, 100, 101, 102, 7]);
        assert_eq!(line_directives("a = 1\n").unwrap(), None);
        assert!(line_directives("#@line x\n").is_err());
        let text = relaid(src, &map);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "a = 1");
        assert_eq!(lines[6], "d = 4");
        assert_eq!(lines[99], "b = 2");
        assert_eq!(lines[100], "c = 3");
    }

    #[test]
    fn renumbering_reaches_nested_functions() {
        let src = "def f():\n#@line 50\n    return 1 / 0\n";
        let map = line_directives(src).unwrap().unwrap();
        let code = renumber(&crate::compile_module(src, "m.py").unwrap(), &map);
        let f = code
            .consts
            .iter()
            .find_map(|c| match c {
                Constant::Code(f) => Some(f.clone()),
                _ => None,
            })
            .expect("f");
        assert_eq!(f.first_line, 1);
        assert!(f.locations.iter().any(|l| l.line == 50));
        assert!(f.locations.iter().all(|l| l.line == 1 || l.line == 50 || l.line == 0));
    }
}
