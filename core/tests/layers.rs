//! The crate's layers point one way: a module uses only modules of its own layer or below
//! (docs/ARCHITECTURE.md, "Layers"). This test reads every source file of `core/src` and
//! checks each `crate::…` path against the table below; a new module must be given a layer
//! here. Unit tests (`#[cfg(test)]` and after) and comments are not checked.

use std::collections::BTreeMap;
use std::path::Path;

/// The layers, bottom first.
const LAYERS: &[&[&str]] = &[
    // The error context and the generic located error: import nothing of the crate.
    &["located"],
    // Identifiers, vocabularies, text helpers, the vocabulary macro.
    &[
        "ids",
        "vocabulary",
        "text",
        "macros",
        "bilingual_enum",
        "error_code",
    ],
    &["interview", "mission"],
    &["activity", "referral", "engagement"],
    &["journal", "import"],
    &["report", "indicators", "policy"],
    // The crate-wide error only gathers; the schemas list every input type; FHIR exchange
    // maps journals and reports.
    &["error", "schema", "lib", "fhir"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The module a source file belongs to: `report/builder.rs` → `report`, `ids.rs` → `ids`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy().into_owned();
    name.trim_end_matches(".rs").to_owned()
}

/// The names `lib.rs` re-exports at the root (`crate::Error`, `crate::PatientId`…), with the
/// module each comes from.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut rest = lib;
    while let Some(at) = rest.find("pub use ") {
        rest = &rest[at + "pub use ".len()..];
        let end = rest.find(';').unwrap();
        let item = &rest[..end];
        let (module, names) = item.split_once("::").unwrap();
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.trim();
            if !name.is_empty() {
                map.insert(name.to_owned(), module.trim().to_owned());
            }
        }
        rest = &rest[end..];
    }
    map
}

/// The first segment of every `crate::` path of `code` (top-level names of a
/// `crate::{a, b::c}` group).
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at;
        from = start + "crate::".len();
        let preceded = start > 0 && (bytes[start - 1] == b'$' || is_ident(bytes[start - 1]));
        if preceded {
            continue;
        }
        if bytes.get(from) == Some(&b'{') {
            // A group: split its top level on commas.
            let mut depth = 0;
            let mut item = String::new();
            for &b in &bytes[from..] {
                match b {
                    b'{' => {
                        depth += 1;
                        if depth == 1 {
                            continue;
                        }
                    }
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            found.push(first_segment(&item));
                            break;
                        }
                    }
                    b',' if depth == 1 => {
                        found.push(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(b as char);
            }
        } else {
            found.push(first_segment(&code[from..]));
        }
    }
    found.retain(|s| !s.is_empty());
    found
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .bytes()
        .take_while(|&b| is_ident(b))
        .map(char::from)
        .collect()
}

/// The code of a file that is checked: before its unit tests, without comments.
fn checked_code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap();
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_import_points_down_or_sideways() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reexports = root_reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let module = module_of(relative);
        let own = layer_of(&module)
            .unwrap_or_else(|| panic!("module `{module}` has no layer in core/tests/layers.rs"));
        let code = checked_code(&std::fs::read_to_string(file).unwrap());
        for name in crate_paths(&code) {
            let target = reexports.get(&name).cloned().unwrap_or(name.clone());
            let Some(layer) = layer_of(&target) else {
                panic!(
                    "{}: `crate::{name}` names no known module",
                    relative.display()
                );
            };
            if layer > own {
                wrong.push(format!(
                    "{} (layer {own}) uses crate::{name} (`{target}`, layer {layer})",
                    relative.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports going up:\n{}", wrong.join("\n"));
}

#[test]
fn the_error_context_imports_nothing_of_the_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let code = checked_code(&std::fs::read_to_string(src.join("located.rs")).unwrap());
    assert_eq!(crate_paths(&code), Vec::<String>::new());
}

#[test]
fn the_parser_sees_groups_and_plain_paths() {
    let code = "use crate::{ids::PatientId, report::{a, b}};\nlet x = crate::Error::from(e);\n$crate::vocabulary::X;";
    assert_eq!(crate_paths(code), ["ids", "report", "Error"]);
    assert_eq!(
        checked_code("a // crate::report\n#[cfg(test)]\ncrate::x"),
        "a "
    );
}
