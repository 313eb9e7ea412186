//! Previews of reports (`report::preview`): bounded HTML and text whatever the report's size,
//! masked and not-reported cells told apart, no all-groups sum that reveals a masked cell.

use chrono::NaiveDate;
use patient_partner::report::preview::{self, PreviewOptions, MAX_HTML_BYTES};
use patient_partner::report::{activity_report, Bucket, Period, ReportRequest, ReportingGap};
use patient_partner::{Interview, Modality, PartnerId, PatientId};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `partners` partners, each with `per_partner` interviews spread over 2023 (3 patients
/// each, every modality).
fn log(partners: usize, per_partner: usize) -> Vec<Interview> {
    let modalities = [Modality::InPerson, Modality::Phone, Modality::Video];
    let mut out = Vec::with_capacity(partners * per_partner);
    for p in 0..partners {
        let partner = PartnerId::new(format!("PP-{p:05}")).unwrap();
        for i in 0..per_partner {
            let day = date(2023, 1, 1) + chrono::Days::new(((i * 37 + p) % 365) as u64);
            let patient = PatientId::new(format!("PAT-{p:05}-{}", i % 3)).unwrap();
            out.push(Interview::new(
                day,
                partner.clone(),
                patient,
                modalities[i % 3],
            ));
        }
    }
    out
}

#[test]
fn a_5000_partner_report_previews_in_under_200_kb() {
    let report = activity_report(
        &log(5_000, 24),
        &ReportRequest::new(Period::year(2023).unwrap()),
    )
    .unwrap();
    assert_eq!(report.totals.len(), 5_000);
    let html = preview::to_html(&report, &PreviewOptions::default());
    assert!(html.len() < MAX_HTML_BYTES, "{} bytes", html.len());
    assert_eq!(html.matches("<table").count(), 10);
    assert!(html.contains("10 of 5,000 partners shown"), "{html}");
    assert!(html.contains("5,000 partners × 12 months"), "{html}");
    // 5,000 × 24 interviews, a third of each modality.
    assert!(
        html.contains("120,000 interviews (40,000 in person, 40,000 phone, 40,000 video)"),
        "{}",
        &html[..600]
    );
    assert!(html.contains("<caption>PP-00000</caption>"));
    assert!(!html.contains("PP-00010"), "the 11th partner is not shown");
}

#[test]
fn no_option_lets_the_html_grow_past_the_budget() {
    let report = activity_report(
        &log(3_000, 12),
        &ReportRequest::new(Period::new(date(2021, 1, 1), date(2023, 12, 31)).unwrap()),
    )
    .unwrap();
    let options = PreviewOptions {
        max_groups: usize::MAX,
        max_buckets: usize::MAX,
    };
    let html = preview::to_html(&report, &options);
    assert!(html.len() <= MAX_HTML_BYTES, "{} bytes", html.len());
    let shown = html.matches("<table").count();
    assert!(shown > 10 && shown < 3_000, "{shown} tables");
    assert!(
        html.contains(&format!("{shown} of 3,000 partners shown")),
        "the summary says how many are shown"
    );
}

#[test]
fn long_periods_elide_the_middle_buckets() {
    let report = activity_report(
        &log(2, 30),
        &ReportRequest::new(Period::new(date(2021, 1, 1), date(2023, 12, 31)).unwrap()),
    )
    .unwrap();
    let html = preview::to_html(&report, &PreviewOptions::default());
    // 36 months: 12 first, 12 last, one elided row per table.
    assert_eq!(html.matches("<tr class=\"pp-elided\">").count(), 2);
    assert!(html.contains("title=\"12 buckets not shown\""));
    assert!(html.contains("<th>2021-12</th>") && html.contains("<th>2023-01</th>"));
    assert!(!html.contains("<th>2022-06</th>"));
    let text = preview::to_text(&report, &PreviewOptions::default());
    assert!(text.contains("… 12 more"), "{text}");
    assert!(!text.contains("2022-06"));
    assert!(text.starts_with("Activity report 2021-01-01 to 2023-12-31 · 2 partners × 36 months"));
}

#[test]
fn masked_and_not_reported_cells_differ_and_the_legend_says_so() {
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    request.coverage = vec![ReportingGap {
        group: Some("PP-00000".to_owned()),
        start: date(2023, 12, 1),
        end: date(2023, 12, 31),
    }];
    let interviews: Vec<Interview> = log(3, 40)
        .into_iter()
        .filter(|i| !(i.partner.as_str() == "PP-00000" && i.date >= date(2023, 12, 1)))
        .collect();
    let report = activity_report(&interviews, &request).unwrap();
    assert!(report.rows.iter().any(|r| !r.masked.is_empty()));
    let html = preview::to_html(&report, &PreviewOptions::default());
    assert!(html.contains(
        "<td class=\"pp-masked\" title=\"suppressed: below 11, or masked to protect another\">s</td>"
    ));
    assert!(html.contains("<td class=\"pp-na\" title=\"not reported\">&ndash;</td>"));
    assert!(html.contains("<b>s</b> suppressed: below 11, or masked to protect another"));
    assert!(html.contains("not reported (no data handed in: not zero)"));
    assert!(html.contains("counts below 11 masked"));
}

#[test]
fn no_all_groups_sum_reveals_a_masked_total() {
    // Partner 0 has 40 interviews, partner 1 only 5: its totals are masked at 11.
    let mut interviews = log(1, 40);
    interviews.extend(
        log(2, 5)
            .into_iter()
            .filter(|i| i.partner.as_str() == "PP-00001"),
    );
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    let report = activity_report(&interviews, &request).unwrap();
    let small = report
        .totals
        .iter()
        .find(|t| t.group.key() == Some("PP-00001"))
        .unwrap();
    assert!(
        !small.masked.is_empty() && small.total.is_none(),
        "{small:?}"
    );
    let summary = preview::summary(&report);
    assert!(!summary.contains("45"), "{summary}");
    assert!(!summary.contains(" interviews"), "{summary}");
    assert!(summary.contains("all-groups total not shown"), "{summary}");
}

#[test]
fn the_text_preview_is_the_table_cut_short() {
    let report = activity_report(
        &log(25, 12),
        &ReportRequest {
            bucket: Bucket::Quarter,
            ..ReportRequest::new(Period::year(2023).unwrap())
        },
    )
    .unwrap();
    let text = preview::to_text(&report, &PreviewOptions::default());
    assert!(text.contains("… 10 of 25 partners shown"), "{text}");
    assert_eq!(text.matches(" · by quarter\n").count(), 10);
    // Each shown table is the full table's.
    let full = patient_partner::report::render::to_table(&report);
    let first = full.split("\n\n").next().unwrap();
    assert!(text.contains(first), "{text}");
    let none = preview::to_text(
        &report,
        &PreviewOptions {
            max_groups: 0,
            max_buckets: 24,
        },
    );
    assert!(none.starts_with("Activity report 2023-01-01 to 2023-12-31 · 25 partners × 4 quarters"));
    assert!(none.contains("0 of 25 partners shown") && !none.contains("PP-00000"));
}
