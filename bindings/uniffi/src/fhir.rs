//! FHIR R4 exchange for apps (issue 14, ADR 0013): a `Journal` as a FHIR Bundle and back,
//! and a journal's activity report as MeasureReports. FHIR documents are files: they travel
//! as JSON text. Conversions only; the mapping is the core's `fhir` module.

use std::sync::Arc;

use patient_partner::fhir::export::{journal_bundle, BundleKind};
use patient_partner::fhir::import::journal_from_bundle_json;
use patient_partner::fhir::measure_report::report_bundle;

use crate::error::{core, guard, FfiResult};
use crate::journal::Journal;
use crate::report::{core_report, Inputs, ReportRequest};

fn text(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A journal from a FHIR R4 Bundle (JSON text) of the shape `Journal.toFhir` writes, built
/// by the journal's rules (all or nothing). A Bundle it cannot read is the `Fhir` error
/// (`details.field`: the element path, `Bundle.entry[3].resource.status`).
#[uniffi::export]
pub fn journal_from_fhir(bundle: String) -> FfiResult<Arc<Journal>> {
    guard(|| {
        let journal = journal_from_bundle_json(&bundle).map_err(core)?;
        Ok(Arc::new(Journal::from_core(journal)))
    })
}

#[uniffi::export]
impl Journal {
    /// The journal as a FHIR R4 Bundle (JSON text): `COLLECTION`, or `TRANSACTION` with
    /// conditional creates. Patients are pseudonyms only.
    pub fn to_fhir(&self, kind: BundleKind) -> FfiResult<String> {
        guard(|| Ok(text(&self.with_core(|j| journal_bundle(j, kind)))))
    }

    /// The journal's activity report (interviews and activities) as a FHIR R4 Bundle of
    /// MeasureReports (JSON text): one per bucket and one for the totals; masked cells carry
    /// the data-absent-reason `masked`, buckets not reported `unknown`.
    pub fn activity_report_fhir(&self, request: ReportRequest) -> FfiResult<String> {
        guard(|| {
            let report = self.with_core(|j| core_report(Inputs::Journal(j), &request))?;
            Ok(text(&report_bundle(&report)))
        })
    }
}
