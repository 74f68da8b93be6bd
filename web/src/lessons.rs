//! The lessons, embedded at build time (`build.rs`) and parsed with the same parser the tests
//! use (`interleave-lessons`), and the split of a section's Markdown into prose and the
//! workbenches that replace its directives.

use std::sync::OnceLock;

use interleave_lessons::{Lesson, parse_lesson};

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// A lesson as the page lists it.
pub struct LessonEntry {
    /// The file name without `.md` (`02-gil`), used in URLs (`#/lesson/02-gil`).
    pub slug: String,
    pub number: u32,
    pub lesson: Lesson,
}

impl LessonEntry {
    /// The title in `lang`, falling back to English.
    pub fn title(&self, lang: &str) -> &str {
        self.section(lang).map_or(self.slug.as_str(), |s| s.title.as_str())
    }

    pub fn section(&self, lang: &str) -> Option<&interleave_lessons::Section> {
        let s = &self.lesson.sections;
        s.iter().find(|s| s.lang == lang).or_else(|| s.iter().find(|s| s.lang == "en"))
    }
}

/// Every lesson, in order. A lesson that fails to parse is left out (the test suite
/// rejects such a file long before it reaches a page).
pub fn lessons() -> &'static [LessonEntry] {
    static ALL: OnceLock<Vec<LessonEntry>> = OnceLock::new();
    ALL.get_or_init(|| {
        LESSON_FILES
            .iter()
            .filter_map(|(file, text)| {
                let lesson = parse_lesson(file, text).ok()?;
                let slug = file.trim_end_matches(".md").to_string();
                let number = slug.split('-').next()?.parse().ok()?;
                Some(LessonEntry { slug, number, lesson })
            })
            .collect()
    })
}

pub fn find(slug: &str) -> Option<&'static LessonEntry> {
    lessons().iter().find(|l| l.slug == slug)
}

/// A piece of a lesson section, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// Prose, as Markdown.
    Prose(String),
    /// The workbench of an example or exercise (by id).
    Example(String),
}

/// Splits a section's Markdown at its directives: `example`, `exercise` and `show` become
/// workbenches; the code and output fences that follow a definition, and `solution` blocks,
/// are dropped from the prose (the workbench shows them).
pub fn chunks(markdown: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut prose = String::new();
    let mut lines = markdown.lines().peekable();
    let mut skip_fences = false;
    let flush = |prose: &mut String, out: &mut Vec<Chunk>| {
        if !prose.trim().is_empty() {
            out.push(Chunk::Prose(std::mem::take(prose)));
        }
        prose.clear();
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if skip_fences {
            if trimmed.is_empty() {
                continue;
            }
            if trimmed.starts_with("```python") || trimmed.starts_with("```output") {
                for inner in lines.by_ref() {
                    if inner.trim() == "```" {
                        break;
                    }
                }
                continue;
            }
            skip_fences = false;
        }
        if let Some((kind, id)) = interleave_lessons::directive_at(trimmed) {
            match kind.as_str() {
                "lang" => {}
                "example" | "exercise" | "show" => {
                    flush(&mut prose, &mut out);
                    skip_fences = kind != "show";
                    out.push(Chunk::Example(id));
                }
                "solution" => skip_fences = true,
                _ => {}
            }
            continue;
        }
        prose.push_str(line);
        prose.push('\n');
    }
    flush(&mut prose, &mut out);
    out
}

/// Renders prose Markdown to HTML. Raw HTML in the Markdown is dropped, so nothing but what
/// the Markdown means can reach the page.
pub fn markdown_html(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .map(|e| match e {
            // A link to another lesson file (`02-gil.md`) opens that lesson's page.
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = lesson_link(&dest_url).map_or(dest_url, Into::into);
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            e => e,
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// `#/lesson/02-gil` for a link to `02-gil.md` (or `./02-gil.md#section`).
fn lesson_link(dest: &str) -> Option<String> {
    let file = dest.trim_start_matches("./").split('#').next()?;
    let slug = file.strip_suffix(".md")?;
    (slug.len() > 3 && slug.as_bytes()[..2].iter().all(u8::is_ascii_digit) && !slug.contains('/'))
        .then(|| format!("#/lesson/{slug}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_file_parses_and_has_both_languages() {
        assert_eq!(lessons().len(), LESSON_FILES.len(), "a lesson failed to parse");
        for l in lessons() {
            assert!(l.lesson.sections.iter().any(|s| s.lang == "zh"), "{}", l.slug);
            assert_ne!(l.title("en"), l.title("zh"), "{}", l.slug);
        }
        assert_eq!(lessons()[0].number, 1);
    }

    #[test]
    fn directives_become_workbenches_and_their_fences_leave_the_prose() {
        let md = "# T\n\nIntro.\n\n<!-- example: a seed=1 -->\n```python\nprint(1)\n```\n\n```output\n1\n```\n\nWatch.\n\n<!-- exercise: b -->\n```python\nx\n```\n<!-- solution: b -->\n```python\ny\n```\n\nAfter.\n<!-- show: c -->\nEnd.\n";
        let c = chunks(md);
        assert_eq!(
            c,
            [
                Chunk::Prose("# T\n\nIntro.\n\n".into()),
                Chunk::Example("a".into()),
                Chunk::Prose("Watch.\n\n".into()),
                Chunk::Example("b".into()),
                Chunk::Prose("After.\n".into()),
                Chunk::Example("c".into()),
                Chunk::Prose("End.\n".into()),
            ]
        );
    }

    #[test]
    fn links_to_lesson_files_open_their_pages() {
        let html = markdown_html("See [the GIL](02-gil.md) and [docs](https://docs.python.org/3/).\n");
        assert!(html.contains("href=\"#/lesson/02-gil\""), "{html}");
        assert!(html.contains("href=\"https://docs.python.org/3/\""), "{html}");
    }

    #[test]
    fn raw_html_in_markdown_never_reaches_the_page() {
        let html = markdown_html("Hi <script>alert(1)</script> **there**\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("<strong>there</strong>"), "{html}");
    }
}
