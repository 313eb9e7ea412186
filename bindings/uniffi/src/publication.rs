//! Publications, releases through a ledger and indicators with disclosure control (the
//! core's `report::publication` and `indicators::published`). Conversions only.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::indicators::published::{
    indicators_of, PublishedIndicator as CoreIndicator, PublishedValue, TableIndicator,
};
use patient_partner::report::publication::{
    Ledger, LedgerRow, Publication, PublishedTables as CoreTables, Revisions,
};
use patient_partner::report::{Column, GroupBy};

use crate::error::{core, guard, FfiResult};
use crate::records::count;
use crate::report::{ActivityReport, ReportRequest};
use crate::values::{to_core_interviews, Interview};

/// A cell an earlier release published that late entries changed (core:
/// `report::publication::Revision`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Revision {
    /// The release that published it (from 1).
    pub release: u32,
    /// The table's position in the publication (from 0).
    pub table: u32,
    /// The group's id; `null` for `all` and interviews without an establishment.
    pub group: Option<String>,
    /// A bucket's row or the totals row.
    pub row: LedgerRow,
    /// The row's first day.
    pub start: NaiveDate,
    /// The row's last day.
    pub end: NaiveDate,
    /// The column.
    pub column: Column,
    /// The value published then.
    pub published: i64,
    /// The value now.
    pub now: i64,
}

/// One group's value of an indicator read from the published tables: a count (`count`) or
/// a ratio (`numerator`, `denominator`, `value`); `null` where the tables mask it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct IndicatorValue {
    /// The group's id; `null` for `all` and interviews without an establishment.
    pub group: Option<String>,
    /// A count indicator's value.
    pub count: Option<i64>,
    /// A ratio's numerator.
    pub numerator: Option<i64>,
    /// A ratio's denominator.
    pub denominator: Option<i64>,
    /// A ratio's value (both parts published, denominator not 0).
    pub value: Option<f64>,
    /// Whether some part is masked in the tables.
    pub masked: bool,
}

/// One indicator for every group of one grouping (core: `PublishedIndicator`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PublishedIndicator {
    /// The indicator.
    pub indicator: TableIndicator,
    /// The grouping of its groups.
    pub group_by: GroupBy,
    /// One value per group, in the tables' order.
    pub groups: Vec<IndicatorValue>,
}

/// The tables of a publication, protected together (core: `PublishedTables`), and the
/// indicators asked, read from them.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PublishedTables {
    /// One report per request, in order.
    pub tables: Vec<ActivityReport>,
    /// The release's number in its ledger; `null` without a ledger.
    pub release: Option<u32>,
    /// The revisions this release accepted.
    pub revisions: Vec<Revision>,
    /// The indicators asked.
    pub indicators: Vec<PublishedIndicator>,
}

fn indicator(i: &CoreIndicator) -> PublishedIndicator {
    PublishedIndicator {
        indicator: i.indicator,
        group_by: i.group_by,
        groups: i
            .groups
            .iter()
            .map(|g| {
                let group = g.group.key().map(str::to_owned);
                match g.value {
                    PublishedValue::Count { count: c, masked } => IndicatorValue {
                        group,
                        count: c.map(count),
                        numerator: None,
                        denominator: None,
                        value: None,
                        masked,
                    },
                    PublishedValue::Ratio {
                        numerator,
                        denominator,
                        value,
                        masked,
                    } => IndicatorValue {
                        group,
                        count: None,
                        numerator: numerator.map(count),
                        denominator: denominator.map(count),
                        value,
                        masked,
                    },
                }
            })
            .collect(),
    }
}

fn tables(published: &CoreTables, asked: &[TableIndicator]) -> PublishedTables {
    PublishedTables {
        tables: published.tables.iter().map(ActivityReport::from).collect(),
        release: published.release,
        revisions: published
            .revisions
            .iter()
            .map(|r| Revision {
                release: r.release,
                table: u32::try_from(r.place.table).unwrap_or(u32::MAX),
                group: r.place.group.clone(),
                row: r.place.row,
                start: r.place.start,
                end: r.place.end,
                column: r.place.column,
                published: count(r.published),
                now: count(r.now),
            })
            .collect(),
        indicators: indicators_of(published, asked)
            .iter()
            .map(indicator)
            .collect(),
    }
}

/// The tables of `requests` over `interviews` (requests that differ only by grouping and
/// bucket), protected together, with `indicators` read from them. With `ledger_path`, the
/// tables are a new release of the ledger kept in that file: protected with every earlier
/// release, then recorded there (a missing file starts a new ledger); `revisions`
/// (default: refuse) says what to do when late entries changed published cells.
#[uniffi::export(default(indicators = [], ledger_path = None, revisions = None))]
pub fn publish(
    interviews: Vec<Interview>,
    requests: Vec<ReportRequest>,
    indicators: Vec<TableIndicator>,
    ledger_path: Option<String>,
    revisions: Option<Revisions>,
) -> FfiResult<PublishedTables> {
    guard(|| {
        let published = core_publication(interviews, requests, ledger_path, revisions)?;
        Ok(tables(&published, &indicators))
    })
}

/// `publish` as the core's JSON document: `{"tables": [...], "indicators": [...]}` (and
/// `release`, `revisions` with a ledger), to write a file.
#[cfg(feature = "json")]
#[uniffi::export(default(indicators = [], ledger_path = None, revisions = None))]
pub fn publish_json(
    interviews: Vec<Interview>,
    requests: Vec<ReportRequest>,
    indicators: Vec<TableIndicator>,
    ledger_path: Option<String>,
    revisions: Option<Revisions>,
) -> FfiResult<String> {
    guard(|| {
        let published = core_publication(interviews, requests, ledger_path, revisions)?;
        Ok(crate::values::to_json(
            &patient_partner::indicators::published::with_indicators(published, &indicators),
        ))
    })
}

/// The core's publication (a release of the ledger at `ledger_path` when given).
fn core_publication(
    interviews: Vec<Interview>,
    requests: Vec<ReportRequest>,
    ledger_path: Option<String>,
    revisions: Option<Revisions>,
) -> FfiResult<CoreTables> {
    let interviews = to_core_interviews(interviews)?;
    let requests = requests
        .iter()
        .map(|r| r.to_core(&interviews))
        .collect::<FfiResult<Vec<_>>>()?;
    let publication = Publication::new(requests).map_err(core)?;
    let published = match ledger_path {
        None => pp::report::publication::publish(&interviews, &publication).map_err(core)?,
        Some(path) => {
            let path = std::path::Path::new(&path);
            let ledger = Ledger::open(path).map_err(core)?;
            let mut builder = publication.release_builder(ledger).map_err(core)?;
            builder.extend(&interviews).map_err(core)?;
            let (published, ledger) = builder
                .release(revisions.unwrap_or_default())
                .map_err(core)?;
            ledger.save(path).map_err(core)?;
            published
        }
    };
    Ok(published)
}
