//! `\N{NAME}` lookup exactly as CPython 3.11 does it (`Modules/unicodedata.c`, `_getcode`
//! without named sequences), for ruff_python_parser, which calls [`character`].
//!
//! The workspace patches crates.io's `unicode_names2` with this crate: its compressed name
//! tables (Unicode 16.0) were about 350 KB of the playground's gzip download, while the same
//! names as front-coded text (`data/names.txt`, generated from CPython 3.11's own `unicodedata`
//! by `scripts/gen-unicode-names`) gzip to about 105 KB, and the web server's gzip does the
//! compressing. A lookup scans the table (a few milliseconds at most); `\N{...}` escapes
//! are rare, and only the compiler looks names up.
//!
//! In WebAssembly the table is not compiled in at all: the browser downloads it only when a
//! program first spells a `\N{...}` escape, through the loader the host installs with
//! [`set_table_loader`] (the playground's worker fetches `names.txt` beside its script). If
//! that fails, lookups find nothing and [`table_error`] says why, for the compiler's message.

use std::sync::OnceLock;

/// Every named code point but the Hangul syllables and CJK unified ideographs, in code point
/// order: lines of `GAP KSUFFIX`, GAP being the code points skipped since the previous line, in
/// hex (empty for none; the first line counts from -1), and the name the previous name's first
/// K characters (K as the character `0x30 + K`) followed by SUFFIX.
#[cfg(not(target_arch = "wasm32"))]
fn names() -> &'static str {
    include_str!("../data/names.txt")
}

/// Fetches the text of `data/names.txt` from wherever the host keeps it.
pub type TableLoader = fn() -> Result<String, String>;

static LOADER: OnceLock<TableLoader> = OnceLock::new();

/// Installs the function that fetches the name table (in WebAssembly, where it is not compiled
/// in). Only the first call counts; natively the table is compiled in and the loader unused.
pub fn set_table_loader(loader: TableLoader) {
    let _ = LOADER.set(loader);
}

/// The loaded table, or why there is none. Loaded on the first lookup, once.
#[cfg(target_arch = "wasm32")]
fn loaded() -> &'static Result<String, String> {
    static TABLE: OnceLock<Result<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| match LOADER.get() {
        Some(load) => load().and_then(|text| {
            // A server's error page or a truncated download is not a table.
            let ok = text.starts_with("20 0SPACE\n") && text.ends_with('\n');
            if ok { Ok(text) } else { Err("the download is not the name table".to_string()) }
        }),
        None => Err("no way to download it was installed".to_string()),
    })
}

#[cfg(target_arch = "wasm32")]
fn names() -> &'static str {
    loaded().as_deref().unwrap_or("")
}

/// Why the name table could not be loaded, if a lookup has tried and failed (only in
/// WebAssembly; natively the table is always there).
pub fn table_error() -> Option<&'static str> {
    #[cfg(target_arch = "wasm32")]
    if let Err(e) = loaded() {
        return Some(e);
    }
    None
}

/// Every `(code point, name)` of the name table, in order, to `visit` until it returns `Some`.
fn find_name<T>(mut visit: impl FnMut(u32, &str) -> Option<T>) -> Option<T> {
    let mut code: i64 = -1;
    let mut name = String::new();
    for line in names().lines() {
        let (gap, coded) = line.split_once(' ')?;
        code += 1 + if gap.is_empty() { 0 } else { i64::from_str_radix(gap, 16).ok()? };
        let shared = usize::from(*coded.as_bytes().first()?).checked_sub(0x30)?;
        name.truncate(shared);
        name.push_str(&coded[1..]);
        if let Some(found) = visit(u32::try_from(code).ok()?, &name) {
            return Some(found);
        }
    }
    None
}

/// The name aliases CPython 3.11 accepts: lines of `HEX NAME`.
static ALIASES: &str = include_str!("../data/aliases.txt");

/// The code point CPython 3.11's `"\N{name}"` stands for, or `None` where CPython reports
/// "unknown Unicode character name". Names match without regard to ASCII case, except for the
/// computed ones, `HANGUL SYLLABLE …` and `CJK UNIFIED IDEOGRAPH-…`, which CPython compares
/// as written (uppercase).
pub fn character(name: &str) -> Option<char> {
    if let Some(syllable) = name.strip_prefix(HANGUL_PREFIX) {
        return hangul_syllable(syllable);
    }
    if let Some(hex) = name.strip_prefix(CJK_PREFIX) {
        return unified_ideograph(hex);
    }
    if let Some(found) = find_name(|code, listed| listed.eq_ignore_ascii_case(name).then(|| char::from_u32(code))) {
        return found;
    }
    ALIASES.lines().find_map(|line| {
        let (hex, alias) = line.split_once(' ')?;
        if alias.eq_ignore_ascii_case(name) { u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) } else { None }
    })
}

const HANGUL_PREFIX: &str = "HANGUL SYLLABLE ";
const CJK_PREFIX: &str = "CJK UNIFIED IDEOGRAPH-";

// The jamo short names of Unicode's Hangul syllable algorithm (CPython's `hangul_syllables`).
const LEADS: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const VOWELS: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I",
];
const TAILS: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C",
    "K", "T", "P", "H",
];

/// The index and length of the longest jamo name that `s` starts with (CPython's
/// `find_syllable`: the first of equally long matches).
fn longest_jamo(s: &str, table: &[&str]) -> Option<(u32, usize)> {
    let mut best: Option<(u32, usize)> = None;
    for (i, jamo) in (0u32..).zip(table) {
        if s.starts_with(jamo) && best.is_none_or(|(_, len)| jamo.len() > len) {
            best = Some((i, jamo.len()));
        }
    }
    best
}

fn hangul_syllable(rest: &str) -> Option<char> {
    let (lead, a) = longest_jamo(rest, &LEADS)?;
    let (vowel, b) = longest_jamo(&rest[a..], &VOWELS)?;
    let (tail, c) = longest_jamo(&rest[a + b..], &TAILS)?;
    if a + b + c != rest.len() {
        return None;
    }
    char::from_u32(0xAC00 + (lead * 21 + vowel) * 28 + tail)
}

/// CPython 3.11's `is_unified_ideograph` (Unicode 14.0).
const UNIFIED_IDEOGRAPHS: [(u32, u32); 8] = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];

fn unified_ideograph(hex: &str) -> Option<char> {
    if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
        return None;
    }
    let code = u32::from_str_radix(hex, 16).ok()?;
    UNIFIED_IDEOGRAPHS.iter().any(|&(lo, hi)| (lo..=hi).contains(&code)).then(|| char::from_u32(code)).flatten()
}

#[cfg(test)]
mod tests {
    use super::character;

    #[test]
    fn listed_names_and_aliases_find_their_code_points() {
        let mut count = 0;
        let mut last = (0, String::new());
        super::find_name(|code, name| {
            // Every 29th name and the last (each lookup scans the table; looking all of them
            // up takes minutes in debug).
            if count % 29 == 0 {
                assert_eq!(character(name).map(u32::from), Some(code), "{name}");
            }
            count += 1;
            last = (code, name.to_string());
            None::<()>
        });
        assert_eq!(last, (0xE01EF, "VARIATION SELECTOR-256".to_string()));
        assert_eq!(character(&last.1), char::from_u32(last.0));
        let name_of = |wanted: u32| super::find_name(|code, name| (code == wanted).then(|| name.to_string()));
        assert_eq!(name_of(0x41).as_deref(), Some("LATIN CAPITAL LETTER A"));
        assert_eq!(name_of(0x1F4A9).as_deref(), Some("PILE OF POO"));
        assert_eq!(name_of(0xAC00), None, "Hangul syllables are computed");
        assert!(count > 30_000, "{count} names");
        for line in super::ALIASES.lines() {
            let (hex, alias) = line.split_once(' ').unwrap();
            assert_eq!(character(alias).map(u32::from), u32::from_str_radix(hex, 16).ok(), "{alias}");
        }
    }

    // Each expectation below is what python3.11's `"\N{...}"` gives (None: a SyntaxError).
    #[test]
    fn lookup_rules_are_cpython_3_11s() {
        let cases: &[(&str, Option<char>)] = &[
            ("LATIN SMALL LETTER A", Some('a')),
            ("latin small letter a", Some('a')),
            ("Latin Small Letter A", Some('a')),
            ("LATIN SMALL LETTER A ", None),
            (" LATIN SMALL LETTER A", None),
            ("LATIN  SMALL LETTER A", None),
            ("HANGUL SYLLABLE GA", Some('가')),
            ("HANGUL SYLLABLE GAG", Some('각')),
            ("HANGUL SYLLABLE A", Some('아')),
            ("hangul syllable GA", None),
            ("Hangul Syllable GA", None),
            ("cjk unified ideograph-4E00", None),
            ("CJK UNIFIED IDEOGRAPH-3400", Some('\u{3400}')),
            ("hangul syllable ga", None),
            ("HANGUL SYLLABLE ", None),
            ("CJK UNIFIED IDEOGRAPH-4E00", Some('一')),
            ("CJK UNIFIED IDEOGRAPH-04E00", Some('一')),
            ("cjk unified ideograph-4e00", None),
            ("CJK UNIFIED IDEOGRAPH-4e00", None),
            // Unicode 15 added it; CPython 3.11 has Unicode 14.
            ("CJK UNIFIED IDEOGRAPH-2B739", None),
            ("CJK COMPATIBILITY IDEOGRAPH-F900", Some('\u{F900}')),
            ("TANGUT IDEOGRAPH-17000", None),
            ("KHITAN SMALL SCRIPT CHARACTER-18B00", Some('\u{18B00}')),
            ("NUSHU CHARACTER-1B170", Some('\u{1B170}')),
            ("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", None),
            ("LINE FEED", Some('\n')),
            ("line feed", Some('\n')),
            ("LF", Some('\n')),
            ("BYTE ORDER MARK", Some('\u{FEFF}')),
            ("NULL", Some('\0')),
            ("TOOTHBRUSH", Some('🪥')),
            ("PILE OF POO", Some('💩')),
            ("", None),
            ("LATIN SMALL LETTER É", None),
        ];
        for &(name, expected) in cases {
            assert_eq!(character(name), expected, "{name:?}");
        }
    }
}
