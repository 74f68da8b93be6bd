//! Library packs: families of embedded Python modules (asyncio, multiprocessing, gevent, the
//! network modules, `re`, a few larger odd ones) that the browser downloads only when a program
//! first imports one of them, to keep them out of the worker's wasm download.
//!
//! The registry (`mod.rs`) marks each such module with `packed!("PACK", "file.py")`. Natively
//! that is an ordinary embedded module. `build.rs` writes each pack's modules, stripped as every
//! embedded module is, to `$OUT_DIR/packs/PACK.txt`; the web build copies those files to
//! `dist/library/`, and in WebAssembly the host installs a loader ([`set_pack_loader`]) that
//! fetches one. A program sees the same module text either way, so runs stay identical in the
//! CLI and the browser.
//!
//! A pack is a sequence of modules, each `\0FILE\n` followed by the module's text (module text
//! never contains a NUL).

use std::sync::OnceLock;

/// Fetches the text of pack `name` from wherever the host keeps it.
pub type PackLoader = fn(&str) -> Result<String, String>;

static LOADER: OnceLock<PackLoader> = OnceLock::new();

/// Installs the function that downloads packs (used in WebAssembly, where the packs are not
/// compiled in). Only the first call counts.
pub fn set_pack_loader(loader: PackLoader) {
    let _ = LOADER.set(loader);
}

/// The modules of a pack's text: `(file, source)` in order, or `None` if it is not a pack.
pub fn parse_pack(text: &str) -> Option<Vec<(&str, &str)>> {
    let body = text.strip_prefix('\0')?;
    body.split('\0').map(|entry| entry.split_once('\n')).collect()
}

/// The source of module `file` of pack `pack`, downloading the pack on first use. A pack that
/// fails to download is not asked for again in this process of the host (the worker).
#[cfg(target_arch = "wasm32")]
pub(crate) fn source(pack: &'static str, file: &str) -> Result<&'static str, String> {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    type Loaded = Result<Vec<(&'static str, &'static str)>, String>;
    thread_local! {
        static PACKS: RefCell<BTreeMap<&'static str, Loaded>> = const { RefCell::new(BTreeMap::new()) };
    }
    let load = || -> Loaded {
        let loader = LOADER.get().ok_or("no way to download it was installed")?;
        // Loaded once and kept for the worker's lifetime, like the modules compiled in.
        let text: &'static str = Box::leak(loader(pack)?.into_boxed_str());
        parse_pack(text).ok_or_else(|| "the download is not a library pack".to_string())
    };
    PACKS.with(|packs| {
        let mut packs = packs.borrow_mut();
        let modules = packs.entry(pack).or_insert_with(load).as_ref().map_err(Clone::clone)?;
        modules
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, src)| *src)
            .ok_or_else(|| format!("the pack has no {file}"))
    })
}

#[cfg(test)]
mod tests {
    use super::parse_pack;

    macro_rules! pack {
        ($name:literal) => {
            include_str!(concat!(env!("OUT_DIR"), "/packs/", $name, ".txt"))
        };
    }

    /// The packs `build.rs` writes hold exactly the modules the registry marks `packed!`, with
    /// the same text as the modules compiled in.
    #[test]
    fn packs_hold_the_registrys_packed_modules_as_compiled_in() {
        let registry = include_str!("mod.rs");
        let packs = [
            ("asyncio", pack!("asyncio")),
            ("multiprocessing", pack!("multiprocessing")),
            ("gevent", pack!("gevent")),
            ("net", pack!("net")),
            ("re", pack!("re")),
            ("extra", pack!("extra")),
        ];
        let mut count = 0;
        for (name, text) in packs {
            let modules = parse_pack(text).unwrap_or_else(|| panic!("pack {name} does not parse"));
            assert!(!modules.is_empty(), "{name}");
            for (file, src) in modules {
                assert!(registry.contains(&format!("packed!(\"{name}\", \"{file}\")")), "{name}/{file}");
                let dir = concat!(env!("OUT_DIR"), "/py/");
                let compiled_in = std::fs::read_to_string(format!("{dir}{file}")).expect("build.rs wrote it");
                assert_eq!(src, compiled_in, "{file}");
                count += 1;
            }
        }
        assert_eq!(count, registry.matches("packed!(\"").count(), "a packed module is in no pack");
        assert!(parse_pack("not a pack").is_none());
        assert!(parse_pack("\0a.py").is_none());
        assert_eq!(parse_pack("\0a.py\nx = 1\n\0b.py\n"), Some(vec![("a.py", "x = 1\n"), ("b.py", "")]));
    }
}
