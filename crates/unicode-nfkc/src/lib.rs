//! NFKC normalization with CPython 3.11's Unicode data (14.0), for the identifiers of a program
//! (PEP 3131: `ﬁle` and `file` are one name). ruff_python_parser calls `text.nfkc()` on every
//! non-ASCII identifier; the workspace patches crates.io's `unicode-normalization` with this
//! crate, which implements just that.
//!
//! The data is `data/nfkc.txt` (written by `scripts/gen-unicode-nfkc` from python3.11's own
//! `unicodedata`). Natively it is compiled in. In WebAssembly it is not: the browser downloads
//! it the first time a program has a non-ASCII identifier, through the loader the host
//! installs with [`set_table_loader`]; if that fails, names are left as written and
//! [`table_error`] says why, so the compiler can report it.

use std::sync::OnceLock;

/// Fetches the text of `data/nfkc.txt` from wherever the host keeps it.
pub type TableLoader = fn() -> Result<String, String>;

static LOADER: OnceLock<TableLoader> = OnceLock::new();

/// Installs the function that fetches the table (in WebAssembly, where it is not compiled in).
/// Only the first call counts.
pub fn set_table_loader(loader: TableLoader) {
    let _ = LOADER.set(loader);
}

/// The table's text, or why there is none.
fn text() -> Result<&'static str, &'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(include_str!("../data/nfkc.txt"))
    }
    #[cfg(target_arch = "wasm32")]
    {
        static TEXT: OnceLock<Result<String, String>> = OnceLock::new();
        let loaded = TEXT.get_or_init(|| match LOADER.get() {
            Some(load) => load().and_then(|t| {
                // A server's error page or a truncated download is not the table.
                if t.starts_with("D A0 20\n") && t.ends_with('\n') { Ok(t) } else { Err("the download is not the table".to_string()) }
            }),
            None => Err("no way to download it was installed".to_string()),
        });
        loaded.as_deref().map_err(String::as_str)
    }
}

/// Why the table could not be loaded, if normalizing has tried and failed (only in
/// WebAssembly; natively the table is always there).
pub fn table_error() -> Option<&'static str> {
    if TABLE.get().is_some() { text().err() } else { None }
}

/// The parsed table.
#[derive(Default)]
struct Table {
    /// `(code point, start, end)` into `chars`: full compatibility decompositions, sorted.
    decompositions: Vec<(u32, u32, u32)>,
    chars: Vec<char>,
    /// `(code point, class)` for the nonzero canonical combining classes, sorted.
    classes: Vec<(u32, u8)>,
    /// `((first, second), composite)`, sorted.
    pairs: Vec<((u32, u32), char)>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

fn table() -> &'static Table {
    TABLE.get_or_init(|| text().map(parse).unwrap_or_default())
}

fn parse(text: &str) -> Table {
    let mut t = Table::default();
    let hex = |s: &str| u32::from_str_radix(s, 16).ok();
    for line in text.lines() {
        let mut f = line.split(' ');
        match (f.next(), f.next().and_then(hex)) {
            (Some("D"), Some(cp)) => {
                let start = t.chars.len() as u32;
                t.chars.extend(f.filter_map(hex).filter_map(char::from_u32));
                t.decompositions.push((cp, start, t.chars.len() as u32));
            }
            (Some("C"), Some(cp)) => {
                if let Some(class) = f.next().and_then(|n| n.parse().ok()) {
                    t.classes.push((cp, class));
                }
            }
            (Some("P"), Some(a)) => {
                if let (Some(b), Some(c)) = (f.next().and_then(hex), f.next().and_then(hex).and_then(char::from_u32)) {
                    t.pairs.push(((a, b), c));
                }
            }
            _ => {}
        }
    }
    t.pairs.sort_unstable_by_key(|p| p.0);
    t
}

// Unicode's Hangul syllable algorithm (chapter 3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

impl Table {
    fn class(&self, c: char) -> u8 {
        self.classes.binary_search_by_key(&u32::from(c), |e| e.0).map_or(0, |i| self.classes[i].1)
    }

    fn decompose(&self, c: char, out: &mut Vec<char>) {
        let cp = u32::from(c);
        if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
            let s = cp - S_BASE;
            out.extend([L_BASE + s / N_COUNT, V_BASE + (s % N_COUNT) / T_COUNT].into_iter().filter_map(char::from_u32));
            if !s.is_multiple_of(T_COUNT) {
                out.extend(char::from_u32(T_BASE + s % T_COUNT));
            }
            return;
        }
        match self.decompositions.binary_search_by_key(&cp, |e| e.0) {
            Ok(i) => {
                let (_, start, end) = self.decompositions[i];
                out.extend_from_slice(&self.chars[start as usize..end as usize]);
            }
            Err(_) => out.push(c),
        }
    }

    fn compose(&self, a: char, b: char) -> Option<char> {
        let (a, b) = (u32::from(a), u32::from(b));
        if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
            return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
        }
        if (S_BASE..S_BASE + S_COUNT).contains(&a) && (a - S_BASE).is_multiple_of(T_COUNT) && (T_BASE + 1..T_BASE + T_COUNT).contains(&b) {
            return char::from_u32(a + (b - T_BASE));
        }
        self.pairs.binary_search_by_key(&(a, b), |p| p.0).ok().map(|i| self.pairs[i].1)
    }
}

/// NFKC of `s`: compatibility decomposition, canonical ordering, canonical composition.
pub fn nfkc(s: &str) -> Vec<char> {
    let t = table();
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars() {
        t.decompose(c, &mut chars);
    }
    // Canonical ordering: each run of non-starters sorted by class, stably.
    let mut i = 0;
    while i < chars.len() {
        if t.class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && t.class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| t.class(c));
    }
    // Canonical composition: each character joins the last starter unless blocked (a
    // character between them of the same or a higher class, or a starter).
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class = 0u8;
    for c in chars {
        let class = t.class(c);
        if let Some(at) = starter {
            let adjacent = at + 1 == out.len();
            if (adjacent || (last_class != 0 && last_class < class))
                && let Some(composed) = t.compose(out[at], c)
            {
                out[at] = composed;
                continue;
            }
        }
        if class == 0 {
            starter = Some(out.len());
        }
        last_class = class;
        out.push(c);
    }
    out
}

/// What ruff_python_parser imports: `text.nfkc()`.
pub trait UnicodeNormalization {
    fn nfkc(self) -> std::vec::IntoIter<char>;
}

impl UnicodeNormalization for &str {
    fn nfkc(self) -> std::vec::IntoIter<char> {
        nfkc(self).into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::nfkc;

    fn n(s: &str) -> String {
        nfkc(s).into_iter().collect()
    }

    // Each expectation is python3.11's unicodedata.normalize("NFKC", ...).
    #[test]
    fn nfkc_is_cpython_3_11s() {
        let cases = [
            ("ﬁle", "file"),
            ("ℌ", "H"),
            ("x²", "x2"),
            ("Ⅻ", "XII"),
            ("café", "café"),
            ("cafe\u{301}", "café"),
            ("A\u{30A}", "Å"),
            ("Å", "Å"),
            ("a\u{323}\u{302}", "\u{1EAD}"),
            ("a\u{302}\u{323}", "\u{1EAD}"),
            ("\u{1100}\u{1161}\u{11A8}", "각"),
            ("각", "각"),
            ("ｱ", "ア"),
            ("ｶﾞ", "ガ"),
            ("µ", "μ"),
            ("ſ", "s"),
            ("\u{FB2C}", "\u{5E9}\u{5BC}\u{5C1}"),
            ("\u{0344}", "\u{308}\u{301}"),
            ("e\u{301}\u{301}", "é\u{301}"),
            ("\u{212B}", "Å"),
            ("plain", "plain"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(n(input), expected, "{input:?}");
        }
    }

    /// Every code point alone, and strings that exercise composition and ordering, against
    /// python3.11 itself.
    #[test]
    fn agrees_with_python3_11_everywhere() {
        let script = r#"
import unicodedata as u
cases = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
marks = ["\u0301", "\u0323\u0302", "\u0302\u0323", "\u0308\u0301", "\u1161", "\u11a8", "\u05bc\u05c1"]
cases += [c + m for c in map(chr, range(0x41, 0x250)) for m in marks]
cases += [chr(c) + "\u1161\u11a8" for c in range(0x1100, 0x1113)]
for s in cases:
    print(" ".join(f"{ord(c):X}" for c in s), " ".join(f"{ord(c):X}" for c in u.normalize("NFKC", s)), sep="\t")
"#;
        let out = std::process::Command::new("python3.11").args(["-c", script]).output().expect("python3.11 runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let chars = |hexes: &str| -> String {
            hexes.split(' ').filter(|h| !h.is_empty()).map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap()).collect()
        };
        let mut count = 0;
        for line in text.lines() {
            let (input, expected) = line.split_once('\t').unwrap();
            let (input, expected) = (chars(input), chars(expected));
            assert_eq!(n(&input), expected, "{input:?}");
            count += 1;
        }
        assert!(count > 1_100_000, "{count}");
    }
}
