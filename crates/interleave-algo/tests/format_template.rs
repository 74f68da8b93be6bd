//! `str.format` template and field-name parsing against vectors produced by CPython 3.11.

#[rustfmt::skip]
#[path = "vectors/format_template.rs"]
mod vectors;

use interleave_algo::{
    AlgoError, AutoNumber, FieldAccessor, FieldFirst, TemplateItem, check_conversion,
    parse_field_name, parse_template,
};

#[test]
fn templates() {
    for &(template, expected) in vectors::TEMPLATES {
        let (items, error) = parse_template(template);
        let parts: Vec<String> = items
            .iter()
            .map(|item| match item {
                TemplateItem::Literal(s) => format!("L{s}"),
                TemplateItem::Field(f) => {
                    format!(
                        "F{}|{}|{}",
                        f.field_name,
                        f.conversion.map(String::from).unwrap_or_default(),
                        f.format_spec
                    )
                }
            })
            .collect();
        let got = format!(
            "{}\x02{}",
            parts.join("\x01"),
            error.map(|e| e.message).unwrap_or_default()
        );
        assert_eq!(got, expected, "{template:?}");
    }
}

/// Python's `formatter_field_name_split` does not auto-number: an empty name stays `''`.
#[test]
fn field_names() {
    for &(name, expected) in vectors::FIELD_NAMES {
        let mut auto = AutoNumber::default();
        let got = match parse_field_name(name, &mut auto) {
            Ok(f) => {
                let mut parts = vec![match f.first {
                    // Python's helper leaves an empty first part as the name ''.
                    FieldFirst::Index(_) if name.starts_with(['.', '[']) => "N".to_string(),
                    FieldFirst::Index(i) => format!("I{i}"),
                    FieldFirst::Name(n) => format!("N{n}"),
                }];
                parts.extend(f.rest.iter().map(|a| match a {
                    FieldAccessor::Attr(s) => format!("A{s}"),
                    FieldAccessor::Index(i) => format!("I{i}"),
                    FieldAccessor::Key(k) => format!("K{k}"),
                }));
                format!(
                    "{}\x02{}",
                    parts.join("\x01"),
                    f.error.map(|e| e.message).unwrap_or_default()
                )
            }
            Err(e) => format!("\x02{}", e.message),
        };
        assert_eq!(got, expected, "{name:?}");
    }
}

/// Renders `template.format(0, 1, ..., a="A")` for templates whose specs are plain.
fn render(template: &str, auto: &mut AutoNumber, depth: u32) -> Result<String, AlgoError> {
    if depth == 0 {
        return Err(AlgoError::value("Max string recursion exceeded"));
    }
    let (items, error) = parse_template(template);
    let mut out = String::new();
    for item in items {
        match item {
            TemplateItem::Literal(s) => out.push_str(&s),
            TemplateItem::Field(f) => {
                let name = parse_field_name(&f.field_name, auto)?;
                let value = match name.first {
                    FieldFirst::Index(i) => i.to_string(),
                    FieldFirst::Name(_) => "A".to_string(),
                };
                if let Some(c) = f.conversion {
                    check_conversion(c)?;
                }
                let spec = if f.spec_needs_expanding {
                    render(&f.format_spec, auto, depth - 1)?
                } else {
                    f.format_spec
                };
                out.push_str(&format!("{value}{spec}"));
            }
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

#[test]
fn auto_numbering() {
    for (template, expected) in vectors::AUTO {
        let mut auto = AutoNumber::default();
        // Specs here are widths only: check the resolved field order through the error/ok shape.
        let got = render(template, &mut auto, 2);
        match (&got, expected) {
            (Ok(_), Ok(_)) => {}
            (Err(e), Err((kind, msg))) => {
                assert_eq!((e.kind.name(), e.message.as_str()), (*kind, *msg))
            }
            _ => panic!("{template:?}: got {got:?}, want {expected:?}"),
        }
    }
    assert_eq!(
        check_conversion('x').unwrap_err().message,
        "Unknown conversion specifier x"
    );
    assert_eq!(
        check_conversion('\u{7}').unwrap_err().message,
        "Unknown conversion specifier \\x7"
    );
}
