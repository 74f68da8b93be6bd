//! The exporter (feature `export`): renders each lesson to the data the web page shows
//! (`page::LessonPage`), with the same parser the tests use, and writes one JSON file per
//! lesson. The `export-lessons` binary runs it at build time (a Trunk `pre_build` hook); the
//! page fetches a lesson's file when the lesson opens.

use std::path::{Path, PathBuf};

use crate::lesson::{Lesson, directive_at, parse_lesson};
use crate::page::{Chunk, LessonPage, PageExample, PageSection};

/// The lesson files of `dir` (`NN-*.md`), sorted by name.
pub fn lesson_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".md") && name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Parses and renders one lesson file.
pub fn export_file(path: &Path) -> Result<LessonPage, String> {
    let name = path.file_name().and_then(|n| n.to_str()).ok_or("a UTF-8 file name")?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let lesson = parse_lesson(name, &text).map_err(|e| e.to_string())?;
    Ok(lesson_page(name.trim_end_matches(".md"), &lesson))
}

/// Renders every lesson of `lessons_dir` into `out_dir/<slug>.json`. Files are rewritten only
/// when their content changes, and stale `.json` files (a renamed lesson) are removed. Returns
/// the slugs, in order.
pub fn export_dir(lessons_dir: &Path, out_dir: &Path) -> Result<Vec<String>, String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let files = lesson_files(lessons_dir).map_err(|e| io(lessons_dir, e))?;
    let pages = files.iter().map(|f| export_file(f)).collect::<Result<Vec<_>, _>>()?;
    std::fs::create_dir_all(out_dir).map_err(|e| io(out_dir, e))?;
    let mut slugs = Vec::new();
    for page in &pages {
        let json = serde_json::to_string(page).expect("a lesson page serialises");
        let dest = out_dir.join(format!("{}.json", page.slug));
        if std::fs::read_to_string(&dest).ok().as_deref() != Some(json.as_str()) {
            std::fs::write(&dest, json).map_err(|e| io(&dest, e))?;
        }
        slugs.push(page.slug.clone());
    }
    for entry in std::fs::read_dir(out_dir).map_err(|e| io(out_dir, e))? {
        let path = entry.map_err(|e| io(out_dir, e))?.path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if path.extension().is_some_and(|x| x == "json") && !slugs.iter().any(|s| s == stem) {
            std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
        }
    }
    Ok(slugs)
}

/// The page's view of a parsed lesson: per language the title and the chunks in reading order
/// with prose rendered to HTML, and every example.
pub fn lesson_page(slug: &str, lesson: &Lesson) -> LessonPage {
    LessonPage {
        slug: slug.to_owned(),
        sections: lesson
            .sections
            .iter()
            .map(|s| PageSection {
                lang: s.lang.clone(),
                title: s.title.clone(),
                chunks: chunks(&s.markdown)
                    .into_iter()
                    .map(|c| match c {
                        Chunk::Html(md) => Chunk::Html(markdown_html(&md)),
                        c @ Chunk::Example(_) => c,
                    })
                    .collect(),
            })
            .collect(),
        examples: lesson.examples.iter().map(PageExample::of).collect(),
    }
}

/// Splits a section's Markdown at its directives: `example`, `exercise` and `show` become
/// example cards; the code and output fences that follow a definition, and `solution`
/// blocks, are dropped from the prose (the card shows them). Prose chunks are still Markdown.
pub fn chunks(markdown: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut prose = String::new();
    let mut lines = markdown.lines().peekable();
    let mut skip_fences = false;
    let flush = |prose: &mut String, out: &mut Vec<Chunk>| {
        if !prose.trim().is_empty() {
            out.push(Chunk::Html(std::mem::take(prose)));
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
        if let Some((kind, id)) = directive_at(trimmed) {
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

/// Renders prose Markdown to HTML (tables and strikethrough on). Raw HTML in the Markdown is
/// dropped, so nothing but what the Markdown means can reach the page.
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

    fn lessons_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
    }

    #[test]
    fn every_lesson_exports_with_both_languages_and_all_its_examples() {
        let files = lesson_files(&lessons_dir()).unwrap();
        assert!(files.len() >= 10, "{files:?}");
        for f in &files {
            let page = export_file(f).unwrap();
            assert_eq!(page.sections.iter().map(|s| s.lang.as_str()).collect::<Vec<_>>(), ["en", "zh"], "{}", page.slug);
            assert_ne!(page.section("en").unwrap().title, page.section("zh").unwrap().title, "{}", page.slug);
            for s in &page.sections {
                let shown: Vec<&str> = s.chunks.iter().filter_map(|c| match c {
                    Chunk::Example(id) => Some(id.as_str()),
                    Chunk::Html(_) => None,
                }).collect();
                // Every example is shown once in each language, and only examples that exist.
                let mut defined: Vec<&str> = page.examples.iter().map(|e| e.id.as_str()).collect();
                let mut sorted = shown.clone();
                sorted.sort();
                defined.sort();
                assert_eq!(sorted, defined, "{} {}", page.slug, s.lang);
                for c in &s.chunks {
                    if let Chunk::Html(html) = c {
                        assert!(!html.contains("<!--") && !html.contains("```"), "{} {}: {html}", page.slug, s.lang);
                    }
                }
            }
            let json = serde_json::to_string(&page).unwrap();
            assert_eq!(serde_json::from_str::<LessonPage>(&json).unwrap(), page);
        }
    }

    #[test]
    fn export_dir_writes_one_file_per_lesson_and_removes_stale_ones() {
        let out = std::env::temp_dir().join(format!("interleave-export-test-{}", std::process::id()));
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("99-gone.json"), "{}").unwrap();
        std::fs::write(out.join("keep.txt"), "x").unwrap();
        let slugs = export_dir(&lessons_dir(), &out).unwrap();
        assert_eq!(slugs[0], "01-processes-threads");
        let mut names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        let mut expected: Vec<String> = slugs.iter().map(|s| format!("{s}.json")).collect();
        expected.push("keep.txt".into());
        expected.sort();
        assert_eq!(names, expected);
        let gil: LessonPage = serde_json::from_str(&std::fs::read_to_string(out.join("02-gil.json")).unwrap()).unwrap();
        assert_eq!(gil.section("en").unwrap().title, "The GIL");
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_malformed_lesson_is_an_error_naming_the_file_and_line() {
        let dir = std::env::temp_dir().join(format!("interleave-export-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("01-bad.md"), "<!-- lang: en -->\n# T\n<!-- example: x seed=oops -->\n").unwrap();
        let err = export_dir(&dir, &dir.join("out")).unwrap_err();
        assert!(err.starts_with("01-bad.md:3:") && err.contains("seed=oops"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn directives_become_example_cards_and_their_fences_leave_the_prose() {
        let md = "# T\n\nIntro.\n\n<!-- example: a seed=1 -->\n```python\nprint(1)\n```\n\n```output\n1\n```\n\nWatch.\n\n<!-- exercise: b -->\n```python\nx\n```\n<!-- solution: b -->\n```python\ny\n```\n\nAfter.\n<!-- show: c -->\nEnd.\n";
        let c = chunks(md);
        assert_eq!(
            c,
            [
                Chunk::Html("# T\n\nIntro.\n\n".into()),
                Chunk::Example("a".into()),
                Chunk::Html("Watch.\n\n".into()),
                Chunk::Example("b".into()),
                Chunk::Html("After.\n".into()),
                Chunk::Example("c".into()),
                Chunk::Html("End.\n".into()),
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

    #[test]
    fn tables_and_strikethrough_render() {
        let html = markdown_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n");
        assert!(html.contains("<table>") && html.contains("<td>2</td>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
    }
}
