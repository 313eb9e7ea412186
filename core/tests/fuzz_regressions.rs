//! Inputs the fuzz targets of `fuzz/` found crashing, kept as regression tests
//! (`fuzz/regressions/`, see `fuzz/README.md`).

use patient_partner::import::{read_interviews, ImportOptions};

#[test]
fn a_malformed_xls_that_made_calamine_panic_is_a_typed_error() {
    // calamine 0.35 slices out of bounds in its OLE reader (cfb.rs) on this input.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/regressions/workbook_calamine_cfb_slice.bin"
    );
    let bytes = std::fs::read(path).unwrap();
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
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/regressions/workbook_calamine_ole_alloc.bin"
    );
    let bytes = std::fs::read(path).unwrap();
    let err = read_interviews(&bytes[..], &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "invalid_workbook");
    assert!(err.to_string().contains("announces"), "{err}");
    // The real .xls fixture still reads.
    let xls = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/spreadsheets/interviews_2023.xls"
    );
    let log = read_interviews(&std::fs::read(xls).unwrap()[..], &ImportOptions::new()).unwrap();
    assert_eq!(log.records.len(), 150);
}
