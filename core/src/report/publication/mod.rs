//! A publication: several tables of one interview log, protected **together**.
//!
//! Nobody publishes one table. A centre's annual report holds each partner by month, the
//! centre (`all`) by month, each partner by quarter…; each table masked on its own leaks
//! through the others (the centre's cell minus the other partners' gives a masked cell back;
//! a quarter minus two published months gives the third). A [`Publication`] names the
//! tables ([`ReportRequest`]s that differ only by grouping and bucket), a
//! [`PublicationBuilder`] reads the log once into all of them, and
//! [`finish`](PublicationBuilder::finish) applies disclosure control to every cell of every
//! table at once, for an attacker who holds them all and every relation between them:
//!
//! - within each group's table, every relation of [`super::disclosure`];
//! - across groupings, for the same bucket: the centre's (`all`) interviews are the sum of
//!   its partners' (and of its establishments'); its new patients are at most the sum of
//!   theirs; its distinct patients at most the sum of theirs and at least each one's; the
//!   partners' interviews add up to the establishments'; an establishment's interviews are
//!   at most those of the partners seen in it (the sum, when those partners worked nowhere
//!   else), and a partner's at most those of the establishments they were seen in;
//! - across buckets, for the same group: a quarter's (a year's) interviews and new patients
//!   are the sums of its months' (quarters'), its distinct patients at most the sum of
//!   theirs and at least each one's; a group's totals row is the same whatever the bucket;
//! - both at once (the centre's quarter and each partner's months).
//!
//! Every masked cell of every table then keeps a range at least `N` wide for that
//! attacker, and is never known exactly to one who also knows which masked cells are small
//! counts (the standard of ADR 0006, over the whole publication). Only relations true of
//! the data are given to the checker, all of them whether or not a reader could know them:
//! the attacker checked is never weaker than a reader.
//!
//! ```
//! use patient_partner::report::publication::Publication;
//! use patient_partner::report::{Bucket, GroupBy, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let mut request = ReportRequest::new(Period::year(2023).unwrap());
//! request.suppress_below = Some(11);
//! let publication = Publication::grid(&request, &[GroupBy::Partner, GroupBy::All],
//!     &[Bucket::Month, Bucket::Quarter])?;
//! let mut builder = publication.builder()?;
//! let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
//! for (k, partner) in ["PP-A", "PP-B"].iter().enumerate() {
//!     for day in 1..=28 {
//!         let patient = PatientId::new(format!("PAT-{k}{day:02}"))?;
//!         builder.push(&Interview::new(d(1 + (day % 3), day), PartnerId::new(*partner)?,
//!             patient, Modality::Phone))?;
//!     }
//! }
//! let published = builder.finish();
//! assert_eq!(published.tables.len(), 4); // (partner, month), (partner, quarter), (all, month), (all, quarter)
//! assert_eq!(published.tables[2].group_by, GroupBy::All);
//! # Ok::<(), patient_partner::Error>(())
//! ```

mod layout;
mod ledger;

pub use ledger::{
    CellPlace, Ledger, LedgerCell, LedgerRelease, LedgerRow, LedgerSettings, LedgerTable, Revision,
    Revisions, LEDGER_FORMAT, LEDGER_VERSION,
};

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;

use super::bucket::Bucket;
use super::builder::ActivityReportBuilder;
use super::error::{ReportError, ReportErrorKind};
use super::grouping::GroupBy;
use super::output::ActivityReport;
use super::parallel::Threads;
use super::period::Period;
use super::request::ReportRequest;
use crate::interview::Interview;
use layout::Places;
use ledger::Earlier;

/// The tables of one publication: report requests over one log that share their period,
/// new-patient rule, coverage and disclosure threshold, and differ by grouping or bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    requests: Vec<ReportRequest>,
}

impl Publication {
    /// A publication of `requests`, in that order. `invalid_request` when there is none,
    /// when two ask for the same table (grouping and bucket), or when they differ in
    /// anything but grouping and bucket (period, new-patient rule, coverage, threshold:
    /// tables protected together must be made under the same settings). Each request is
    /// checked as a report's is (`too_many_buckets`, `invalid_gap`).
    pub fn new(requests: Vec<ReportRequest>) -> Result<Self, ReportError> {
        let invalid = |message: String| {
            ReportError::new(ReportErrorKind::InvalidRequest { message }).entity("Publication")
        };
        let Some(first) = requests.first() else {
            return Err(invalid("a publication needs at least one table".into()));
        };
        let mut seen = BTreeSet::new();
        for request in &requests {
            request.validate()?;
            let same_settings = request.period == first.period
                && request.new_patient_rule == first.new_patient_rule
                && request.coverage == first.coverage
                && request.suppress_below == first.suppress_below;
            if !same_settings {
                return Err(invalid(
                    "the tables of a publication differ only by grouping and bucket \
                     (same period, new-patient rule, coverage and threshold)"
                        .into(),
                ));
            }
            if !seen.insert((request.group_by, request.bucket)) {
                return Err(invalid(format!(
                    "the table by {} and {} is asked twice",
                    request.group_by, request.bucket
                )));
            }
        }
        Ok(Publication { requests })
    }

    /// Every combination of `by` and `buckets` over `base`'s settings, grouping first:
    /// `[partner, all] × [month, quarter]` gives (partner, month), (partner, quarter),
    /// (all, month), (all, quarter).
    pub fn grid(
        base: &ReportRequest,
        by: &[GroupBy],
        buckets: &[Bucket],
    ) -> Result<Self, ReportError> {
        let requests = by
            .iter()
            .flat_map(|&group_by| {
                buckets.iter().map(move |&bucket| ReportRequest {
                    group_by,
                    bucket,
                    ..base.clone()
                })
            })
            .collect();
        Publication::new(requests)
    }

    /// The tables' requests, in publication order.
    pub fn requests(&self) -> &[ReportRequest] {
        &self.requests
    }

    /// A builder that reads one log into every table.
    pub fn builder(&self) -> Result<PublicationBuilder, ReportError> {
        Ok(PublicationBuilder {
            current: PeriodTables::new(&self.requests, None)?,
            earlier: Vec::new(),
            ledger: None,
            settings: ledger::settings_of(&self.requests),
            threads: Threads::available(),
        })
    }

    /// A builder for a new release of `ledger` (see [`ledger`](self::Ledger)): the log is
    /// read once into this publication's tables and into every earlier release's tables
    /// over its own period, and [`PublicationBuilder::release`] protects them together.
    /// `ledger_mismatch` when the ledger was kept under other settings; `invalid_request`
    /// without a threshold.
    pub fn release_builder(&self, ledger: Ledger) -> Result<PublicationBuilder, ReportError> {
        let settings = ledger::settings_of(&self.requests).ok_or_else(ledger::no_threshold)?;
        ledger.check(&settings)?;
        let earlier = ledger
            .releases
            .iter()
            .map(|release| PeriodTables::new(&self.requests, Some(release.period)))
            .collect::<Result<_, _>>()?;
        Ok(PublicationBuilder {
            earlier,
            ledger: Some(ledger),
            ..self.builder()?
        })
    }
}

/// The tables of one period, fed from the log.
#[derive(Debug)]
struct PeriodTables {
    builders: Vec<ActivityReportBuilder>,
    period: Period,
    places: Places,
}

impl PeriodTables {
    /// The tables of `requests`, over `period` instead of theirs when given.
    fn new(requests: &[ReportRequest], period: Option<Period>) -> Result<Self, ReportError> {
        let builders: Vec<ActivityReportBuilder> = requests
            .iter()
            .map(|request| {
                ActivityReportBuilder::new(&ReportRequest {
                    suppress_below: None,
                    period: period.unwrap_or(request.period),
                    ..request.clone()
                })
            })
            .collect::<Result<_, _>>()?;
        let period = period
            .or_else(|| requests.first().map(|r| r.period))
            .ok_or_else(|| {
                ReportError::new(ReportErrorKind::InvalidRequest {
                    message: "a publication needs at least one table".into(),
                })
                .entity("Publication")
            })?;
        Ok(PeriodTables {
            builders,
            period,
            places: BTreeMap::new(),
        })
    }

    fn push(&mut self, interview: &Interview) -> Result<(), ReportError> {
        for builder in &mut self.builders {
            builder.push(interview)?;
        }
        if self.period.contains(interview.date) {
            let places = match self.places.get_mut(interview.partner.as_str()) {
                Some(places) => places,
                None => self
                    .places
                    .entry(interview.partner.as_str().to_owned())
                    .or_default(),
            };
            let place = interview.establishment.as_ref().map(|e| e.as_str());
            if !places.iter().any(|p| p.as_deref() == place) {
                places.insert(place.map(str::to_owned));
            }
        }
        Ok(())
    }

    fn finish(self) -> (Vec<ActivityReport>, Places) {
        let tables = self
            .builders
            .into_iter()
            .map(ActivityReportBuilder::finish)
            .collect();
        (tables, self.places)
    }
}

/// Reads one log into every table of a [`Publication`]; see the module documentation.
#[derive(Debug)]
pub struct PublicationBuilder {
    current: PeriodTables,
    /// The tables of each earlier release of the ledger, over its period.
    earlier: Vec<PeriodTables>,
    ledger: Option<Ledger>,
    /// The threshold, rule and tables (`None` without a threshold: nothing is masked).
    settings: Option<LedgerSettings>,
    threads: Threads,
}

impl PublicationBuilder {
    /// Adds one interview to every table (see [`ActivityReportBuilder::push`]). On an error
    /// (`interview_in_gap`) the tables before the failing one hold the interview: read the
    /// log again after fixing it.
    pub fn push(&mut self, interview: &Interview) -> Result<(), ReportError> {
        self.current.push(interview)?;
        for tables in &mut self.earlier {
            tables.push(interview)?;
        }
        Ok(())
    }

    /// Adds every interview of `interviews`, stopping at the first error.
    pub fn extend<'a>(
        &mut self,
        interviews: impl IntoIterator<Item = &'a Interview>,
    ) -> Result<(), ReportError> {
        interviews.into_iter().try_for_each(|i| self.push(i))
    }

    /// Checks the publication's independent parts on at most `threads` threads (default:
    /// every core). The tables do not depend on it.
    pub fn threads(&mut self, threads: Threads) {
        self.threads = threads;
    }

    /// The tables, protected together when the publication has a threshold (without the
    /// earlier releases of a ledger given to
    /// [`Publication::release_builder`]: use [`release`](Self::release) for them).
    pub fn finish(self) -> PublishedTables {
        let (mut tables, places) = self.current.finish();
        if let Some(threshold) = self.settings.as_ref().map(|s| s.suppress_below) {
            layout::protect_together(&mut tables, &places, threshold, self.threads.get());
            for table in &mut tables {
                table.suppress_below = Some(threshold);
            }
        }
        PublishedTables {
            tables,
            release: None,
            revisions: Vec::new(),
        }
    }

    /// The tables as a new release of the ledger: protected together with every earlier
    /// release (see [`ledger`](self::Ledger)), then recorded. Returns the tables and the
    /// ledger with the release appended (to be saved by the caller). `revised_cells` when
    /// late entries changed published cells and `revisions` is [`Revisions::Refuse`];
    /// `unprotectable_cells` when earlier releases give a masked cell away whatever is
    /// masked now.
    pub fn release(self, revisions: Revisions) -> Result<(PublishedTables, Ledger), ReportError> {
        let settings = self.settings.ok_or_else(ledger::no_threshold)?;
        let threshold = settings.suppress_below;
        let mut ledger = self.ledger.unwrap_or_default();
        let period = self.current.period;
        let (mut tables, places) = self.current.finish();
        let earlier: Vec<Earlier<'_>> = ledger
            .releases
            .iter()
            .zip(self.earlier)
            .map(|(record, tables)| {
                let (tables, places) = tables.finish();
                Earlier {
                    record,
                    tables,
                    places,
                }
            })
            .collect();
        let protection = ledger::protect_release(
            &mut tables,
            &places,
            &earlier,
            threshold,
            self.threads.get(),
            revisions,
        )?;
        drop(earlier);
        for table in &mut tables {
            table.suppress_below = Some(threshold);
        }
        let number = u32::try_from(ledger.releases.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        if ledger.settings.is_none() {
            ledger.settings = Some(settings);
        }
        ledger.releases.push(LedgerRelease {
            release: number,
            period,
            cells: protection.cells,
            revisions: protection.revisions.clone(),
        });
        Ok((
            PublishedTables {
                tables,
                release: Some(number),
                revisions: protection.revisions,
            },
            ledger,
        ))
    }
}

/// The tables of a publication, in the order of its requests. As JSON:
/// `{"tables": [<one report object per table>]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PublishedTables {
    /// One report per request.
    pub tables: Vec<ActivityReport>,
    /// The release's number in its ledger (from 1); `None` without a ledger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<u32>,
    /// Cells of earlier releases that late entries changed, accepted by this release.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}

impl PublishedTables {
    /// The publication as the JSON object of the crate's public format.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// The tables of `publication` over `interviews` (in any order), protected together.
pub fn publish(
    interviews: &[Interview],
    publication: &Publication,
) -> Result<PublishedTables, ReportError> {
    let mut builder = publication.builder()?;
    builder.extend(interviews)?;
    Ok(builder.finish())
}
