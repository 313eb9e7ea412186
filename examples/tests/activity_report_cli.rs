//! Runs the built `activity_report` example as a user would: default tables, JSON output,
//! and the error behaviour (message naming the line on stderr, non-zero exit, empty stdout).

use std::path::PathBuf;
use std::process::{Command, Output};

/// The example binary `cargo test` builds beside the test executables; built on demand when
/// absent (e.g. a filtered `cargo test --test`).
fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>");
    let bin = profile_dir
        .join("examples")
        .join(format!("activity_report{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--example", "activity_report"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo build");
        assert!(status.success(), "building the example failed");
    }
    bin
}

fn run(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .output()
        .expect("run activity_report")
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pp-activity-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

#[test]
fn default_run_prints_both_reference_tables() {
    let out = run(&[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // Partner A's January and December (not reported), Partner B's August (a real zero).
    assert!(
        text.contains("2023-01          3     12      0     15             6"),
        "{text}"
    );
    assert!(
        text.contains("2023-12          –      –      –      –             –         –"),
        "{text}"
    );
    assert!(
        text.contains("2023-08          0      0      0      0             0         0"),
        "{text}"
    );
    assert!(
        text.contains("total           26    120      0    146            42        42"),
        "{text}"
    );
    assert!(
        text.contains("total           17     26      0     43            30        30"),
        "{text}"
    );
    // the distinct patients of a month (PP-A saw 8 patients in February, 2 of them new)
    assert!(
        text.contains("2023-02          1     12      0     13             2         8"),
        "{text}"
    );
    assert_eq!(
        text.matches(" · 2023-01-01 to 2023-12-31 · ").count(),
        2,
        "{text}"
    );
}

#[test]
fn json_output_has_rows_and_totals() {
    let out = run(&["--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 24);
    let first = &rows[0];
    assert_eq!(first["partner"], "PP-A");
    assert_eq!(first["month"], "2023-01");
    assert_eq!(first["in_person"], 3);
    assert_eq!(first["phone"], 12);
    assert_eq!(first["video"], 0);
    assert_eq!(first["total"], 15);
    assert_eq!(first["new_patients"], 6);
    assert_eq!(rows[11]["total"], serde_json::Value::Null, "December of A");
    let totals = v["totals"].as_array().expect("totals");
    assert_eq!(totals[1]["partner"], "PP-B");
    assert_eq!(totals[1]["patients"], 30);
    assert_eq!(totals[1]["total"], 43);
}

#[test]
fn user_file_with_options() {
    let log = temp_file(
        "log.csv",
        "date,partner,patient,modality,establishment\n\
         2024-02-29,PP-1,PAT-1,video,EST-1\n\
         2024-03-02,PP-1,PAT-2,phone,EST-1\n\
         2024-05-02,PP-2,PAT-1,in_person,EST-2\n",
    );
    let out = run(&[
        "--input",
        log.to_str().expect("path"),
        "--from",
        "2024-02-15",
        "--to",
        "2024-06-30",
        "--by",
        "all",
        "--bucket",
        "quarter",
        "--format",
        "csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "quarter,start,end,partial,reporting,in_person,phone,video,total,new_patients,patients"
    );
    assert_eq!(
        lines[1],
        "2024-Q1,2024-02-15,2024-03-31,true,reported,0,1,1,2,2,2"
    );
    assert_eq!(
        lines[2],
        "2024-Q2,2024-04-01,2024-06-30,false,reported,1,0,0,1,0,1"
    );
    // PAT-1, seen in both quarters, counts in each and once in the totals row
    assert_eq!(lines[3], "total,2024-02-15,2024-06-30,,,1,1,1,3,2,2");
}

#[test]
fn bad_row_fails_with_line_on_stderr_and_nothing_on_stdout() {
    let log = temp_file(
        "bad.csv",
        "date;partner;patient;modality\n09/01/2023;PP-A;PAT-1;présentiel\n31/02/2023;PP-A;PAT-2;visio\n",
    );
    let out = run(&["--input", log.to_str().expect("path"), "--format", "json"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("column 1 (date)"), "{err}");
    assert!(err.contains("31/02/2023"), "{err}");
}

#[test]
fn bad_arguments_fail() {
    let out = run(&["--bucket", "week"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = run(&["--input", "/nonexistent/log.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = run(&["--from", "2023-05-01", "--to", "2023-04-01"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid period"));
}
