//! The committed JSON Schemas (`core/schemas/*.schema.json`) must match the code.
//!
//! Run with `UPDATE_SCHEMAS=1` to regenerate them after changing an input type.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use patient_partner::schema::input_schemas;

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

fn render(schema: &schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema serialises");
    text.push('\n');
    text
}

#[test]
fn committed_schemas_match_the_code() {
    let update = std::env::var("UPDATE_SCHEMAS").is_ok_and(|v| v == "1");
    let dir = schema_dir();
    let mut names = BTreeSet::new();
    let mut drift = Vec::new();
    for (name, schema) in input_schemas() {
        assert!(names.insert(name), "schema name `{name}` listed twice");
        let path = dir.join(format!("{name}.schema.json"));
        let want = render(&schema);
        if update {
            std::fs::create_dir_all(&dir).expect("create core/schemas");
            std::fs::write(&path, &want).expect("write schema");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(got) if got == want => {}
            Ok(_) => drift.push(format!("{} differs from the code", path.display())),
            Err(e) => drift.push(format!("{} unreadable: {e}", path.display())),
        }
    }
    // A committed schema that no type produces any more is drift too.
    for entry in std::fs::read_dir(&dir).expect("core/schemas exists") {
        let file = entry.expect("directory entry").file_name();
        let file = file.to_string_lossy();
        if let Some(stem) = file.strip_suffix(".schema.json") {
            if !names.contains(stem) {
                drift.push(format!(
                    "core/schemas/{file} is not produced by input_schemas()"
                ));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "schemas drifted (run `UPDATE_SCHEMAS=1 cargo test -p patient-partner --test schemas`):\n{}",
        drift.join("\n")
    );
}

#[test]
fn every_schema_is_an_object_schema_with_a_title() {
    for (name, schema) in input_schemas() {
        let value = schema.as_value();
        assert!(
            value.get("title").and_then(|t| t.as_str()).is_some(),
            "schema `{name}` has no title"
        );
        assert_eq!(
            value.get("$schema").and_then(|t| t.as_str()),
            Some("https://json-schema.org/draft/2020-12/schema"),
            "schema `{name}` is not draft 2020-12"
        );
    }
}
