//! The lessons on the page: a small index embedded at build time (`build.rs`: titles, section
//! counts, exercise ids), and each lesson's text and examples fetched when its page opens
//! (`lessons/<slug>.json`, written by the `export-lessons` exporter of `interleave-lessons`),
//! kept in memory for the session.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

pub use interleave_lessons::page::{Chunk, LessonPage, PageExample, PageSection};

/// What the page knows about a lesson without fetching it.
#[derive(Debug, PartialEq, Eq)]
pub struct LessonInfo {
    /// The file name without `.md` (`02-gil`), used in URLs (`#/lesson/02-gil`) and for the
    /// data file (`lessons/02-gil.json`).
    pub slug: &'static str,
    pub number: u32,
    /// By language, in the order of `LANGS`.
    pub titles: [&'static str; 2],
    /// The number of `## ` sections, by language.
    pub sections: [u32; 2],
    /// The ids of the lesson's exercises (for the progress on the home page).
    pub exercises: &'static [&'static str],
}

/// The languages of `LessonInfo`'s arrays.
pub const LANGS: [&str; 2] = ["en", "zh"];

impl LessonInfo {
    fn lang_index(lang: &str) -> usize {
        LANGS.iter().position(|l| *l == lang).unwrap_or(0)
    }

    /// The title in `lang`, falling back to English.
    pub fn title(&self, lang: &str) -> &'static str {
        self.titles[Self::lang_index(lang)]
    }

    pub fn section_count(&self, lang: &str) -> u32 {
        self.sections[Self::lang_index(lang)]
    }
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// Every lesson, in order.
pub fn lessons() -> &'static [LessonInfo] {
    INDEX
}

pub fn find(slug: &str) -> Option<&'static LessonInfo> {
    INDEX.iter().find(|l| l.slug == slug)
}

thread_local! {
    /// The lessons fetched this session, by slug.
    static LOADED: RefCell<BTreeMap<String, Rc<LessonPage>>> = const { RefCell::new(BTreeMap::new()) };
}

/// A lesson already loaded this session.
pub fn loaded(slug: &str) -> Option<Rc<LessonPage>> {
    LOADED.with(|l| l.borrow().get(slug).cloned())
}

/// Keeps a lesson for the session (the fetch does this; native tests give pages directly).
pub fn remember(page: LessonPage) -> Rc<LessonPage> {
    let page = Rc::new(page);
    LOADED.with(|l| l.borrow_mut().insert(page.slug.clone(), page.clone()));
    page
}

/// Why a lesson's data could not be loaded. The page shows a translated message; the detail
/// is ours (a status code or what was wrong), never text from the response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No response (offline, blocked).
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The response is not a lesson of this slug.
    Malformed,
}

/// The data file's URL, relative to the page (so `dist/` works under any sub-path).
pub fn data_url(slug: &str) -> String {
    format!("lessons/{slug}.json")
}

/// Reads a fetched data file: it must be the lesson asked for.
pub fn parse_page(slug: &str, json: &str) -> Result<LessonPage, LoadError> {
    let page: LessonPage = serde_json::from_str(json).map_err(|_| LoadError::Malformed)?;
    let complete = page.slug == slug
        && LANGS.iter().all(|l| page.sections.iter().any(|s| s.lang == *l))
        && page.sections.iter().all(|s| {
            s.chunks.iter().all(|c| match c {
                Chunk::Example(id) => page.example(id).is_some(),
                Chunk::Html(_) => true,
            })
        });
    if complete { Ok(page) } else { Err(LoadError::Malformed) }
}

/// The lesson `slug`: from memory, or fetched (and then kept).
#[cfg(target_arch = "wasm32")]
pub async fn load(slug: &str) -> Result<Rc<LessonPage>, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if let Some(page) = loaded(slug) {
        return Ok(page);
    }
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(&data_url(slug))).await.map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    let text = text.as_string().ok_or(LoadError::Malformed)?;
    Ok(remember(parse_page(slug, &text)?))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Renders a lesson natively, as the exporter does at build time.
    pub fn export(slug: &str) -> LessonPage {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../lessons/{slug}.md"));
        interleave_lessons::export::export_file(&path).expect("the lesson exports")
    }

    fn parsed() -> Vec<(String, interleave_lessons::Lesson)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        let files = interleave_lessons::export::lesson_files(&dir).unwrap();
        files
            .iter()
            .map(|f| {
                let name = f.file_name().unwrap().to_str().unwrap();
                let text = std::fs::read_to_string(f).unwrap();
                (name.trim_end_matches(".md").to_owned(), interleave_lessons::parse_lesson(name, &text).unwrap())
            })
            .collect()
    }

    #[test]
    fn the_index_agrees_with_the_parser() {
        let parsed = parsed();
        assert_eq!(lessons().iter().map(|l| l.slug).collect::<Vec<_>>(), parsed.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>());
        for (info, (slug, lesson)) in lessons().iter().zip(&parsed) {
            assert_eq!(info.number, slug[..2].parse::<u32>().unwrap());
            for (i, lang) in LANGS.iter().enumerate() {
                let s = lesson.sections.iter().find(|s| s.lang == *lang).unwrap();
                assert_eq!(info.titles[i], s.title, "{slug} {lang}");
                let count = s.markdown.lines().filter(|x| x.starts_with("## ")).count();
                assert_eq!(info.sections[i] as usize, count, "{slug} {lang}");
            }
            let exercises: Vec<&str> = lesson.examples.iter().filter(|e| e.solution.is_some()).map(|e| e.id.as_str()).collect();
            assert_eq!(info.exercises, &exercises[..], "{slug}");
            assert_ne!(info.title("en"), info.title("zh"), "{slug}");
        }
        assert_eq!(lessons()[0].number, 1);
        assert_eq!(find("02-gil").map(|l| l.title("en")), Some("The GIL"));
    }

    #[test]
    fn a_data_file_must_be_the_lesson_asked_for() {
        let page = export("02-gil");
        let json = serde_json::to_string(&page).unwrap();
        assert_eq!(parse_page("02-gil", &json), Ok(page.clone()));
        assert_eq!(parse_page("03-threads", &json), Err(LoadError::Malformed));
        assert_eq!(parse_page("02-gil", "<!doctype html><p>not found"), Err(LoadError::Malformed));
        assert_eq!(parse_page("02-gil", &json[..100]), Err(LoadError::Malformed));
        let mut missing = page.clone();
        missing.examples.clear();
        assert_eq!(parse_page("02-gil", &serde_json::to_string(&missing).unwrap()), Err(LoadError::Malformed));
        assert_eq!(data_url("02-gil"), "lessons/02-gil.json");
    }
}
