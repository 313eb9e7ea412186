//! Inputs the fuzz targets of `fuzz/` found crashing, kept as regression tests
//! (`fuzz/regressions/`, see `fuzz/README.md`).

use patient_partner::import::{read_interviews, ImportOptions};

/// A file of the repository, by its path from the root.
fn repo_file(path: &str) -> Vec<u8> {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn a_malformed_xls_that_made_calamine_panic_is_a_typed_error() {
    // calamine 0.35 slices out of bounds in its OLE reader (cfb.rs) on this input.
    let bytes = repo_file("fuzz/regressions/workbook_calamine_cfb_slice.bin");
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {})); // the caught panic would print otherwise
    let result = read_interviews(&bytes[..], &ImportOptions::new());
    std::panic::set_hook(previous);
    let err = result.unwrap_err();
    assert_eq!(err.code(), "invalid_workbook");
    assert!(err.to_string().contains("malformed content"), "{err}");
}

#[test]
fn an_xls_header_announcing_gigabytes_is_refused_before_reading() {
    // A 4 KB file whose OLE header made calamine ask for 6 GB.
    let bytes = repo_file("fuzz/regressions/workbook_calamine_ole_alloc.bin");
    let err = read_interviews(&bytes[..], &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "invalid_workbook");
    assert!(err.to_string().contains("announces"), "{err}");
    // The real .xls fixture still reads.
    let xls = repo_file("tests/fixtures/spreadsheets/interviews_2023.xls");
    let log = read_interviews(&xls[..], &ImportOptions::new()).unwrap();
    assert_eq!(log.records.len(), 150);
}

#[test]
fn an_xls_sheet_wider_than_excel_allows_is_refused_before_reading() {
    // A 24 KB file with cells far apart: calamine allocates the sheet's bounding box as a
    // dense grid and asked for 62 GB (an abort, not an error, outside the fuzzer).
    let bytes = repo_file("fuzz/regressions/workbook_calamine_sparse_range.bin");
    let err = read_interviews(&bytes[..], &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "invalid_workbook");
    assert!(err.to_string().contains("spans"), "{err}");
    // A DIMENSIONS record announcing a 130 TB sheet (calamine reserves by it).
    let bytes = repo_file("fuzz/regressions/workbook_calamine_dimensions.bin");
    let err = read_interviews(&bytes[..], &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "invalid_workbook");
    assert!(err.to_string().contains("dimensions"), "{err}");
    // Real .xls files (LibreOffice's, the referrals and activities fixtures) still read.
    for fixture in std::fs::read_dir(format!(
        "{}/../tests/fixtures/spreadsheets",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    {
        let path = fixture.unwrap().path();
        if path.extension().is_some_and(|e| e == "xls") {
            let bytes = std::fs::read(&path).unwrap();
            let err = read_interviews(&bytes[..], &ImportOptions::new()).err();
            assert!(
                !err.as_ref()
                    .is_some_and(|e| e.to_string().contains("spans")),
                "{}: {err:?}",
                path.display()
            );
        }
    }
}
