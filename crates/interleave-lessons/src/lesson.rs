//! Parsing a lesson file (the format is described in `lessons/README.md`).

use std::fmt;
use std::ops::Range;

use interleave_machine::{PythonMode, Settings, parse_duration};

use crate::expect::{self, Clause};

/// The languages every lesson is written in, in this order.
pub const LANGUAGES: [&str; 2] = ["en", "zh"];

/// A malformed lesson: the file and the 1-based line of the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Where the code runs and how many times.
#[derive(Clone, Debug)]
pub struct RunSpec {
    pub python: PythonMode,
    /// Seeds to run, half-open (`seeds=0..20` is 20 runs; `seed=3` is `3..4`).
    pub seeds: Range<u64>,
    pub switch_interval_ns: Option<u64>,
    pub cores: Option<u32>,
    pub until_ns: Option<u64>,
}

impl RunSpec {
    /// The machine settings for one seed.
    pub fn settings(&self, seed: u64) -> Settings {
        let mut s = Settings {
            seed,
            python: self.python,
            ..Settings::default()
        };
        if let Some(v) = self.switch_interval_ns {
            s.switch_interval_ns = v;
        }
        if let Some(v) = self.cores {
            s.cores = v;
        }
        if let Some(v) = self.until_ns {
            s.until_ns = v;
        }
        s
    }
}

/// One runnable block: an example, or an exercise (starter + solution).
#[derive(Clone, Debug)]
pub struct Example {
    pub id: String,
    /// Line of the `<!-- example: … -->` / `<!-- exercise: … -->` comment.
    pub line: usize,
    /// The language section it is defined in; the others show it with `<!-- show: id -->`.
    pub defined_in: String,
    pub run: RunSpec,
    /// From `expect="…"` plus, when an ```` ```output ```` block follows, `stdout == <it>`.
    pub expect: Vec<Clause>,
    /// The code (for an exercise: the starter).
    pub code: String,
    /// The expected stdout shown to the reader, if any.
    pub output: Option<String>,
    /// `Some` for an exercise.
    pub solution: Option<String>,
    /// `cpython=exact`: deterministic; also compared with real `python3`.
    pub cpython_exact: bool,
}

/// One language's part of a lesson.
#[derive(Clone, Debug)]
pub struct Section {
    pub lang: String,
    pub line: usize,
    /// The first `# ` heading.
    pub title: String,
    /// Markdown with directives left in place (a renderer replaces them with the example).
    pub markdown: String,
    /// Example ids in the order this section defines or shows them.
    pub examples: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Lesson {
    pub file: String,
    pub sections: Vec<Section>,
    pub examples: Vec<Example>,
}

impl Lesson {
    pub fn example(&self, id: &str) -> Option<&Example> {
        self.examples.iter().find(|e| e.id == id)
    }
}

/// A parsed `<!-- kind: id key=value … -->` comment.
struct Directive {
    kind: String,
    id: String,
    attrs: Vec<(String, Option<String>)>,
}

/// `(kind, id)` of a line that is a valid one-line directive comment (`<!-- show: id -->`),
/// as a renderer of a section's Markdown needs it; `None` for anything else.
pub fn directive_at(line: &str) -> Option<(String, String)> {
    let body = line.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
    parse_directive(body).ok().flatten().map(|d| (d.kind, d.id))
}

const KINDS: [&str; 5] = ["lang", "example", "exercise", "solution", "show"];
const ATTRS: [&str; 9] = [
    "code",
    "python",
    "seed",
    "seeds",
    "switch-interval",
    "cores",
    "until",
    "expect",
    "cpython",
];

fn parse_directive(body: &str) -> Result<Option<Directive>, String> {
    let body = body.trim();
    let Some(colon) = body.find(':') else {
        return Ok(None);
    };
    let kind = &body[..colon];
    if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return Ok(None); // an ordinary comment
    }
    if !KINDS.contains(&kind) {
        return Err(format!(
            "unknown directive '{kind}:' (expected one of: {})",
            KINDS.join(", ")
        ));
    }
    let mut rest = body[colon + 1..].trim_start();
    let id_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let id = &rest[..id_end];
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        return Err(format!(
            "'{kind}:' needs an id of letters, digits, '-', '_' or '.', found {id:?}"
        ));
    }
    rest = rest[id_end..].trim_start();
    let mut attrs = Vec::new();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = &rest[key_end..];
        let value = if let Some(r) = rest.strip_prefix('=') {
            if let Some(q) = r.strip_prefix('"') {
                let end = q
                    .find('"')
                    .ok_or_else(|| format!("attribute {key}: missing closing '\"'"))?;
                rest = &q[end + 1..];
                Some(q[..end].to_owned())
            } else {
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
                rest = &r[end..];
                Some(r[..end].to_owned())
            }
        } else {
            None
        };
        if key.is_empty() {
            return Err("expected an attribute name".into());
        }
        if !ATTRS.contains(&key) {
            return Err(format!(
                "unknown attribute '{key}' (expected one of: {})",
                ATTRS.join(", ")
            ));
        }
        if value.is_none() {
            return Err(format!("attribute '{key}' needs a value ({key}=…)"));
        }
        if attrs.iter().any(|(k, _)| k == key) {
            return Err(format!("attribute '{key}' given twice"));
        }
        attrs.push((key.to_owned(), value));
        rest = rest.trim_start();
    }
    Ok(Some(Directive {
        kind: kind.to_owned(),
        id: id.to_owned(),
        attrs,
    }))
}

struct Parser<'a> {
    file: &'a str,
    lines: Vec<&'a str>,
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, line: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            file: self.file.to_owned(),
            line,
            message: message.into(),
        }
    }

    /// Skips blank lines; returns the 0-based index of the next line, if any.
    fn skip_blank(&mut self) -> Option<usize> {
        while self.pos < self.lines.len() && self.lines[self.pos].trim().is_empty() {
            self.pos += 1;
        }
        (self.pos < self.lines.len()).then_some(self.pos)
    }

    /// Reads a fenced block of the given info string at the next non-blank line.
    fn fence(&mut self, info: &str, what: &str) -> Result<String, ParseError> {
        let Some(i) = self.skip_blank() else {
            return Err(self.err(self.lines.len(), format!("expected {what}, found the end")));
        };
        if self.lines[i].trim_end() != format!("```{info}") {
            return Err(self.err(
                i + 1,
                format!(
                    "expected {what} (a ```{info} fence), found {:?}",
                    self.lines[i]
                ),
            ));
        }
        let start = i + 1;
        let mut j = start;
        while j < self.lines.len() && self.lines[j].trim_end() != "```" {
            j += 1;
        }
        if j == self.lines.len() {
            return Err(self.err(i + 1, format!("unclosed ```{info} fence")));
        }
        self.pos = j + 1;
        let mut code = self.lines[start..j].join("\n");
        code.push('\n');
        Ok(code)
    }

    /// The next non-blank line is a ```` ```lang ```` fence.
    fn fence_follows(&mut self, info: &str) -> bool {
        let save = self.pos;
        let r = self
            .skip_blank()
            .is_some_and(|i| self.lines[i].trim_end() == format!("```{info}"));
        self.pos = save;
        r
    }
}

fn run_spec(d: &Directive) -> Result<RunSpec, String> {
    let mut spec = RunSpec {
        python: PythonMode::default(),
        seeds: 0..1,
        switch_interval_ns: None,
        cores: None,
        until_ns: None,
    };
    for (k, v) in &d.attrs {
        let v = v.as_deref().unwrap_or_default();
        match k.as_str() {
            "python" => {
                spec.python = PythonMode::parse(v)
                    .ok_or_else(|| format!("python={v}: expected 3.9, 3.11 or 3.13t"))?;
            }
            "seed" => {
                let n: u64 = v
                    .parse()
                    .map_err(|_| format!("seed={v}: expected an integer"))?;
                spec.seeds = n..n + 1;
            }
            "seeds" => {
                let (a, b) = v
                    .split_once("..")
                    .ok_or_else(|| format!("seeds={v}: expected a range such as 0..20"))?;
                let (a, b): (u64, u64) = match (a.parse(), b.parse()) {
                    (Ok(a), Ok(b)) if a < b => (a, b),
                    _ => return Err(format!("seeds={v}: expected a non-empty range A..B")),
                };
                spec.seeds = a..b;
            }
            "switch-interval" => {
                spec.switch_interval_ns = Some(
                    parse_duration(v)
                        .ok_or_else(|| format!("switch-interval={v}: bad duration"))?,
                );
            }
            "until" => {
                spec.until_ns =
                    Some(parse_duration(v).ok_or_else(|| format!("until={v}: bad duration"))?);
            }
            "cores" => {
                spec.cores = Some(
                    v.parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| format!("cores={v}: expected a positive integer"))?,
                );
            }
            _ => {}
        }
    }
    if d.attrs.iter().any(|(k, _)| k == "seed") && d.attrs.iter().any(|(k, _)| k == "seeds") {
        return Err("give seed= or seeds=, not both".into());
    }
    Ok(spec)
}

fn attr<'d>(d: &'d Directive, key: &str) -> Option<&'d str> {
    d.attrs
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, v)| v.as_deref())
}

/// Parses one lesson file. `file` names it in errors.
pub fn parse_lesson(file: &str, text: &str) -> Result<Lesson, ParseError> {
    let mut p = Parser {
        file,
        lines: text.lines().collect(),
        pos: 0,
    };
    let mut sections: Vec<Section> = Vec::new();
    let mut examples: Vec<Example> = Vec::new();
    let mut in_fence = false;
    while p.pos < p.lines.len() {
        let i = p.pos;
        let line = p.lines[i];
        let lineno = i + 1;
        p.pos += 1;
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || !trimmed.starts_with("<!--") {
            if let Some(s) = sections.last_mut() {
                s.markdown.push_str(line);
                s.markdown.push('\n');
                if s.title.is_empty()
                    && !in_fence
                    && let Some(t) = trimmed.strip_prefix("# ")
                {
                    s.title = t.trim().to_owned();
                }
            } else if !trimmed.is_empty() && !trimmed.starts_with("```") {
                return Err(p.err(
                    lineno,
                    "text before the first <!-- lang: … --> section (a lesson starts with <!-- lang: en -->)",
                ));
            }
            continue;
        }
        let Some(body) = trimmed
            .strip_prefix("<!--")
            .and_then(|b| b.strip_suffix("-->"))
        else {
            // A multi-line comment: only allowed for ordinary comments.
            let body = trimmed.trim_start_matches("<!--");
            if parse_directive(body).ok().flatten().is_some() || parse_directive(body).is_err() {
                return Err(p.err(lineno, "a directive comment must fit on one line"));
            }
            if let Some(s) = sections.last_mut() {
                s.markdown.push_str(line);
                s.markdown.push('\n');
            }
            continue;
        };
        let d = match parse_directive(body) {
            Ok(Some(d)) => d,
            Ok(None) => continue,
            Err(e) => return Err(p.err(lineno, e)),
        };
        if d.kind == "lang" {
            if !LANGUAGES.contains(&d.id.as_str()) {
                return Err(p.err(
                    lineno,
                    format!("unknown language '{}' (expected en or zh)", d.id),
                ));
            }
            if !d.attrs.is_empty() {
                return Err(p.err(lineno, "'lang:' takes no attributes"));
            }
            if sections.iter().any(|s| s.lang == d.id) {
                return Err(p.err(lineno, format!("second '{}' section", d.id)));
            }
            sections.push(Section {
                lang: d.id,
                line: lineno,
                title: String::new(),
                markdown: String::new(),
                examples: Vec::new(),
            });
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(p.err(
                lineno,
                format!("'{}:' before the first <!-- lang: … -->", d.kind),
            ));
        };
        section.markdown.push_str(line);
        section.markdown.push('\n');
        let lang = section.lang.clone();
        match d.kind.as_str() {
            "show" => {
                if !d.attrs.is_empty() {
                    return Err(p.err(lineno, "'show:' takes no attributes"));
                }
                if section.examples.contains(&d.id) {
                    return Err(p.err(lineno, format!("'{}' shown twice in '{lang}'", d.id)));
                }
                section.examples.push(d.id);
            }
            "solution" => {
                return Err(p.err(
                    lineno,
                    format!(
                        "'solution: {}' must directly follow its exercise's starter block",
                        d.id
                    ),
                ));
            }
            kind @ ("example" | "exercise") => {
                if examples.iter().any(|e| e.id == d.id) {
                    return Err(p.err(
                        lineno,
                        format!(
                            "example id '{}' defined twice (use <!-- show: {} -->)",
                            d.id, d.id
                        ),
                    ));
                }
                let run = run_spec(&d).map_err(|e| p.err(lineno, e))?;
                let mut expect = match attr(&d, "expect") {
                    Some(src) => expect::parse(src)
                        .map_err(|e| p.err(lineno, format!("in expect=\"{src}\": {e}")))?,
                    None => Vec::new(),
                };
                let cpython_exact = match attr(&d, "cpython") {
                    None => false,
                    Some("exact") => true,
                    Some(v) => {
                        return Err(p.err(lineno, format!("cpython={v}: expected cpython=exact")));
                    }
                };
                let code = match attr(&d, "code") {
                    Some(other) if kind == "example" => {
                        // The same program in another setting: no fence of its own.
                        match examples
                            .iter()
                            .find(|e| e.id == other && e.solution.is_none())
                        {
                            Some(e) => e.code.clone(),
                            None => {
                                return Err(p.err(
                                    lineno,
                                    format!(
                                        "code={other}: no earlier example '{other}' in this file"
                                    ),
                                ));
                            }
                        }
                    }
                    Some(_) => return Err(p.err(lineno, "an exercise cannot borrow code=")),
                    None => p.fence("python", &format!("the code of '{}'", d.id))?,
                };
                let mut solution = None;
                if kind == "exercise" {
                    let Some(j) = p.skip_blank() else {
                        return Err(p.err(
                            p.lines.len(),
                            format!("exercise '{}' has no solution", d.id),
                        ));
                    };
                    let sol = p.lines[j].trim();
                    let ok = sol
                        .strip_prefix("<!--")
                        .and_then(|b| b.strip_suffix("-->"))
                        .and_then(|b| parse_directive(b).ok().flatten())
                        .is_some_and(|s| {
                            s.kind == "solution" && s.id == d.id && s.attrs.is_empty()
                        });
                    if !ok {
                        return Err(p.err(
                            j + 1,
                            format!(
                                "expected <!-- solution: {} --> after the exercise's starter",
                                d.id
                            ),
                        ));
                    }
                    p.pos = j + 1;
                    solution = Some(p.fence("python", &format!("the solution of '{}'", d.id))?);
                }
                let mut output = None;
                if p.fence_follows("output") {
                    let out = p.fence("output", "")?;
                    expect.push(Clause {
                        subject: expect::Subject::Stdout,
                        op: expect::Op::Eq,
                        values: vec![expect::Value::Str(out.clone())],
                        quantifier: expect::Quantifier::AllSeeds,
                    });
                    output = Some(out);
                }
                if expect.is_empty() {
                    return Err(p.err(
                        lineno,
                        format!(
                            "'{}' has no expectation: add expect=\"…\" or an ```output block",
                            d.id
                        ),
                    ));
                }
                if kind == "exercise" && output.is_some() {
                    return Err(p.err(
                        lineno,
                        "an exercise states its check in expect=\"…\", not an output block",
                    ));
                }
                let section = sections.last_mut().expect("checked above");
                section.examples.push(d.id.clone());
                examples.push(Example {
                    id: d.id,
                    line: lineno,
                    defined_in: lang,
                    run,
                    expect,
                    code,
                    output,
                    solution,
                    cpython_exact,
                });
            }
            _ => unreachable!("KINDS"),
        }
    }
    if in_fence {
        return Err(p.err(p.lines.len(), "unclosed ``` fence at the end of the file"));
    }
    for lang in LANGUAGES {
        if !sections.iter().any(|s| s.lang == lang) {
            return Err(p.err(1, format!("no <!-- lang: {lang} --> section")));
        }
    }
    // Every language shows every example, and only examples that exist.
    for s in &sections {
        if s.title.is_empty() {
            return Err(p.err(
                s.line,
                format!("the '{}' section has no '# ' title", s.lang),
            ));
        }
        for id in &s.examples {
            if !examples.iter().any(|e| &e.id == id) {
                let line = find_line(&p.lines, &format!("show: {id}")).unwrap_or(s.line);
                return Err(p.err(line, format!("'show: {id}' names no example in this file")));
            }
        }
        for e in &examples {
            if !s.examples.contains(&e.id) {
                return Err(p.err(
                    s.line,
                    format!(
                        "the '{}' section does not show '{}' (add <!-- show: {} -->)",
                        s.lang, e.id, e.id
                    ),
                ));
            }
        }
    }
    Ok(Lesson {
        file: file.to_owned(),
        sections,
        examples,
    })
}

fn find_line(lines: &[&str], needle: &str) -> Option<usize> {
    lines.iter().position(|l| l.contains(needle)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"<!-- lang: en -->
# Title

<!-- example: hello seed=0 cpython=exact -->
```python
print("hi")
```

```output
hi
```

<!-- exercise: fix python=3.9 seeds=0..5 switch-interval=1us expect="stdout == '0\n'; exit == 0" -->
```python
print(1)
```
<!-- solution: fix -->
```python
print(0)
```

<!-- lang: zh -->
# 标题

<!-- show: hello -->
<!-- a note for translators: ordinary comments are ignored -->
<!-- show: fix -->
"#;

    fn err(text: &str) -> ParseError {
        parse_lesson("lessons/x.md", text).unwrap_err()
    }

    #[test]
    fn a_good_lesson_parses() {
        let l = parse_lesson("x.md", GOOD).unwrap();
        assert_eq!(l.sections.len(), 2);
        assert_eq!(l.sections[1].title, "标题");
        assert_eq!(l.sections[1].examples, ["hello", "fix"]);
        let hello = l.example("hello").unwrap();
        assert_eq!(hello.code, "print(\"hi\")\n");
        assert_eq!(hello.output.as_deref(), Some("hi\n"));
        assert!(hello.cpython_exact);
        assert_eq!(hello.expect.len(), 1);
        let fix = l.example("fix").unwrap();
        assert_eq!(fix.line, 13);
        assert_eq!(fix.run.python, PythonMode::Py39);
        assert_eq!(fix.run.seeds, 0..5);
        assert_eq!(fix.run.switch_interval_ns, Some(1_000));
        assert_eq!(fix.solution.as_deref(), Some("print(0)\n"));
        assert_eq!(fix.expect.len(), 2);
    }

    #[test]
    fn an_example_can_reuse_earlier_code() {
        let text = GOOD.replace(
            "<!-- exercise: fix",
            "<!-- example: again python=3.9 code=hello expect=\"exit == 0\" -->\n\n<!-- exercise: fix",
        )
        .replace("<!-- show: fix -->", "<!-- show: fix -->\n<!-- show: again -->");
        let l = parse_lesson("x.md", &text).unwrap();
        assert_eq!(l.example("again").unwrap().code, "print(\"hi\")\n");
        let e = err(&text.replace("code=hello", "code=nope"));
        assert_eq!(e.line, 13);
        assert!(e.message.contains("no earlier example 'nope'"), "{e}");
    }

    #[test]
    fn malformed_comments_name_file_and_line() {
        let e = err(&GOOD.replace("example: hello", "exmaple: hello"));
        assert_eq!((e.file.as_str(), e.line), ("lessons/x.md", 4));
        assert!(e.message.contains("unknown directive 'exmaple:'"), "{e}");
        assert!(e.to_string().starts_with("lessons/x.md:4: "));

        let e = err(&GOOD.replace("seed=0", "sede=0"));
        assert_eq!(e.line, 4);
        assert!(e.message.contains("unknown attribute 'sede'"), "{e}");

        let e = err(&GOOD.replace("python=3.9", "python=3.10"));
        assert_eq!(e.line, 13);
        assert!(e.message.contains("3.9, 3.11 or 3.13t"), "{e}");

        let e = err(&GOOD.replace("'0\\n'; exit", "'0\\n' exit"));
        assert_eq!(e.line, 13);
        assert!(e.message.contains("in expect="), "{e}");

        let e = err(&GOOD.replace("seeds=0..5", "seeds=5..0"));
        assert!(e.message.contains("non-empty range"), "{e}");
    }

    #[test]
    fn structure_errors_name_the_line() {
        let e = err(&GOOD.replace("<!-- solution: fix -->", "<!-- solution: other -->"));
        assert_eq!(e.line, 17);
        assert!(e.message.contains("<!-- solution: fix -->"), "{e}");

        let e = err(&GOOD.replace("<!-- show: fix -->\n", ""));
        assert!(e.message.contains("does not show 'fix'"), "{e}");
        assert_eq!(e.line, 22);

        let e = err(&GOOD.replace("<!-- show: hello -->", "<!-- show: helo -->"));
        assert!(e.message.contains("names no example"), "{e}");
        assert_eq!(e.line, 25);

        let e = err(&GOOD.replace("<!-- lang: zh -->", "<!-- lang: fr -->"));
        assert_eq!(e.line, 22);

        let e = err(&GOOD.replace("```python\nprint(\"hi\")", "```py\nprint(\"hi\")"));
        assert_eq!(e.line, 5);
        assert!(e.message.contains("```python"), "{e}");

        let e = err(&GOOD
            .replace("\n```output\nhi\n```\n", "\n")
            .replace("seed=0 cpython", "cpython"));
        assert!(e.message.contains("no expectation"), "{e}");
        assert_eq!(e.line, 4);

        let e = err(&GOOD.replace("<!-- show: hello -->", "<!-- show: hello\n-->"));
        assert!(e.message.contains("one line"), "{e}");
        assert_eq!(e.line, 25);
    }
}
