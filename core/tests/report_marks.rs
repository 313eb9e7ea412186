//! One honest mark for every masked cell: `s` (*secret statistique*) in the text tables, the
//! CSV, the previews (text and HTML) and the workbooks, for a small count and for a
//! complementary cell alike — a complementary cell may hold any value (here 15 phone
//! interviews, 120 minutes), so a mark such as `< 11` would be false on it. The legends say
//! "suppressed: below N, or masked to protect another" (French: "secret statistique :
//! effectif inférieur à N ou masqué pour protéger un autre") with the threshold used.

use chrono::NaiveDate;
use patient_partner::activity::{Activity, ActivityModality};
use patient_partner::mission::{ActivityCategory, Mission};
use patient_partner::report::preview::{self, PreviewOptions};
use patient_partner::report::render::{self, masked_legend_en, masked_legend_fr, MASKED_MARK};
use patient_partner::report::{
    activity_report_with, ActivityMeasure, ActivityReport, Column, Period, ReportRequest,
};
use patient_partner::{ActivityId, Interview, Modality, PartnerId, PatientId, Vocabulary};

const EN_11: &str = "suppressed: below 11, or masked to protect another";
const FR_11: &str = "secret statistique : effectif inférieur à 11 ou masqué pour protéger un autre";

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, m, d).unwrap()
}

/// One partner over 2023: every month 20 interviews in person and 15 by phone (each with a
/// patient of its own), and in January 3 by video too, the only small count; in January a
/// committee of 120 minutes (one governance activity: a small count, whose minutes are
/// masked with it).
fn log() -> (Vec<Interview>, Vec<Activity>) {
    let partner = PartnerId::new("PP-A").unwrap();
    let mut interviews = Vec::new();
    for month in 1..=12u32 {
        let modalities = [(Modality::InPerson, 20), (Modality::Phone, 15)]
            .into_iter()
            .chain((month == 1).then_some((Modality::Video, 3)));
        for (modality, n) in modalities {
            for i in 0..n {
                interviews.push(Interview::new(
                    date(month, 1 + (i % 28) as u32),
                    partner.clone(),
                    PatientId::new(format!("PAT-{month:02}-{modality:?}-{i:02}")).unwrap(),
                    modality,
                ));
            }
        }
    }
    let committee = Activity::new(
        ActivityId::new("ACT-1").unwrap(),
        date(1, 20),
        partner,
        Mission::CommitteeParticipation,
        ActivityModality::Video,
        120,
    );
    (interviews, vec![committee])
}

/// The report masked at `threshold`, and the same report unmasked (the true values).
fn reports(threshold: u64) -> (ActivityReport, ActivityReport) {
    let (interviews, activities) = log();
    let plain_request = ReportRequest::new(Period::year(2023).unwrap());
    let mut request = plain_request.clone();
    request.suppress_below = Some(threshold);
    (
        activity_report_with(&interviews, &activities, &request).unwrap(),
        activity_report_with(&interviews, &activities, &plain_request).unwrap(),
    )
}

fn governance() -> usize {
    ActivityCategory::ALL
        .iter()
        .position(|&c| c == ActivityCategory::Governance)
        .unwrap()
}

/// What each interview cell of the masked report must show, row by row (the bucket rows,
/// then the totals): `s` when masked, else the count; and the masked cells whose true value
/// is at least `threshold` (complementary cells), as (row, column index).
fn expected(masked: &ActivityReport, plain: &ActivityReport, threshold: u64) -> Expected {
    let mut cells = Vec::new();
    let mut big = Vec::new();
    let rows = masked.rows.iter().map(|r| (&r.masked, r as &dyn Get));
    let totals = masked.totals.iter().map(|t| (&t.masked, t as &dyn Get));
    let truth: Vec<&dyn Get> = plain
        .rows
        .iter()
        .map(|r| r as &dyn Get)
        .chain(plain.totals.iter().map(|t| t as &dyn Get))
        .collect();
    for (i, (mask, row)) in rows.chain(totals).enumerate() {
        let mut line = Vec::new();
        for (j, column) in Column::BUCKET_COUNTS.into_iter().enumerate() {
            if mask.contains(&column) {
                line.push(MASKED_MARK.to_owned());
                let value = truth[i].count(column).unwrap();
                if value >= threshold {
                    big.push((i, j, value));
                }
            } else {
                line.push(row.count(column).unwrap().to_string());
            }
        }
        cells.push(line);
    }
    Expected { cells, big }
}

struct Expected {
    /// Per row (buckets, then totals), the six counts as shown.
    cells: Vec<Vec<String>>,
    /// Masked cells whose true value is at least the threshold: (row, column, value).
    big: Vec<(usize, usize, u64)>,
}

trait Get {
    fn count(&self, column: Column) -> Option<u64>;
}

impl Get for patient_partner::report::ReportRow {
    fn count(&self, column: Column) -> Option<u64> {
        self.get(column)
    }
}

impl Get for patient_partner::report::TotalsRow {
    fn count(&self, column: Column) -> Option<u64> {
        self.get(column)
    }
}

/// The report and what it must show, with at least one complementary masked cell of a
/// value of at least `threshold` among the interviews and the activity minutes.
fn setup(threshold: u64) -> (ActivityReport, Expected) {
    let (masked, plain) = reports(threshold);
    let want = expected(&masked, &plain, threshold);
    assert!(
        !want.big.is_empty(),
        "the log gives a complementary masked cell of at least {threshold}: {:?}",
        want.cells
    );
    // January's phone (15) protects its video (3): a masked cell that is no small count.
    assert!(want
        .big
        .iter()
        .any(|&(i, j, v)| i == 0 && j == 1 && v == 15));
    let january = &masked.rows[0].activities[governance()];
    assert!(january.is_masked(ActivityMeasure::Activities));
    assert!(january.is_masked(ActivityMeasure::Minutes));
    let truth = plain.rows[0].activities[governance()].get(ActivityMeasure::Minutes);
    assert_eq!(
        truth,
        Some(120),
        "the masked minutes are 120, above the threshold"
    );
    (masked, want)
}

/// The interview lines of the first table of a text rendering: the 12 months, then the
/// totals, each as its six cells.
fn text_cells(text: &str) -> Vec<Vec<String>> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with("month"));
    lines.next();
    lines
        .take(13)
        .map(|l| l.split_whitespace().skip(1).map(str::to_owned).collect())
        .collect()
}

#[test]
fn text_tables_show_s_for_every_masked_cell_with_the_english_legend() {
    let (report, want) = setup(11);
    for text in [
        render::to_table(&report),
        preview::to_text(&report, &PreviewOptions::default()),
    ] {
        assert_eq!(text_cells(&text), want.cells, "{text}");
        assert!(!text.contains("(m)") && !text.contains("< 11"), "{text}");
        assert!(text.contains(&format!("\ns {EN_11}\n")), "{text}");
        // the governance activity: its count and its 120 minutes are both `s`
        let activity_line = |name: &str| {
            let line = text
                .lines()
                .rfind(|l| l.split_whitespace().next() == Some(name))
                .unwrap_or_else(|| panic!("a {name} line: {text}"));
            line.split_whitespace().skip(1).collect::<Vec<_>>()
        };
        assert_eq!(activity_line("minutes"), ["s"], "{text}");
        assert_eq!(activity_line("total").last(), Some(&"s"), "{text}");
    }
}

#[test]
fn csv_holds_s_for_every_masked_cell() {
    let (report, want) = setup(11);
    let csv = render::to_csv(&report);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 13);
    let got: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            Column::BUCKET_COUNTS
                .iter()
                .map(|c| r[at(c.wire_name())].to_owned())
                .collect()
        })
        .collect();
    assert_eq!(got, want.cells);
    assert_eq!(&records[0][at("governance")], "s");
    assert_eq!(&records[0][at("governance_minutes")], "s");
    assert!(!csv.contains("masked"), "{csv}");
}

/// The cells of the HTML table row whose header is `key`: (title, content).
fn html_row(html: &str, key: &str) -> Vec<(Option<String>, String)> {
    let line = html
        .lines()
        .find(|l| l.contains(&format!("<th>{key}</th><td")))
        .unwrap_or_else(|| panic!("a row {key}: {html}"));
    line.split("<td")
        .skip(1)
        .map(|cell| {
            let (attributes, rest) = cell.split_once('>').unwrap();
            let content = rest.split("</td>").next().unwrap().to_owned();
            let title = attributes
                .split("title=\"")
                .nth(1)
                .map(|t| t.split('"').next().unwrap().to_owned());
            (title, content)
        })
        .collect()
}

#[test]
fn the_html_preview_shows_s_with_the_legend_as_its_title() {
    let (report, want) = setup(11);
    let html = preview::to_html(&report, &PreviewOptions::default());
    let (interviews, activities) = html.split_once("pp-activities").unwrap();
    let keys: Vec<String> = (1..=12)
        .map(|m| format!("2023-{m:02}"))
        .chain(["total".to_owned()])
        .collect();
    for (key, want) in keys.iter().zip(&want.cells) {
        let got = html_row(interviews, key);
        let shown: Vec<String> = got.iter().map(|(_, c)| c.clone()).collect();
        assert_eq!(&shown, want, "{key}");
        for (title, content) in got {
            if content == "s" {
                assert_eq!(title.as_deref(), Some(EN_11), "{key}");
            }
        }
    }
    assert_eq!(
        html_row(activities, "minutes"),
        [(Some(EN_11.to_owned()), "s".to_owned())]
    );
    assert!(html.contains(&format!("<b>s</b> {EN_11}")), "{html}");
    assert!(
        !html.contains("&lt;&nbsp;") && !html.contains("< 11"),
        "{html}"
    );
}

#[test]
fn the_legend_names_the_threshold_used() {
    assert_eq!(masked_legend_en(Some(11)), EN_11);
    assert_eq!(masked_legend_fr(Some(11)), FR_11);
    let (report, _) = setup(7);
    let legend = "suppressed: below 7, or masked to protect another";
    assert!(render::to_table(&report).contains(&format!("\ns {legend}\n")));
    let html = preview::to_html(&report, &PreviewOptions::default());
    assert!(html.contains(&format!("title=\"{legend}\">s</td>")));
    assert!(!render::to_table(&report).contains("below 11"));
}

#[cfg(all(feature = "xlsx", feature = "workbooks"))]
#[test]
fn the_workbook_shows_s_for_every_masked_cell_and_charts_none_of_them() {
    use calamine::{Data, Reader};
    use patient_partner::report::xlsx::{to_xlsx, ReportLanguage, XlsxOptions};
    let (report, want) = setup(11);
    for (language, legend) in [
        (ReportLanguage::French, FR_11),
        (ReportLanguage::English, EN_11),
    ] {
        let options = XlsxOptions {
            language,
            ..XlsxOptions::default()
        };
        let bytes = to_xlsx(&report, &options).unwrap();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).unwrap();
        let shown = |row: u32, col: u32| match range.get_value((row, col)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => format!("{f}"),
            other => panic!("{language:?} ({row}, {col}): {other:?}"),
        };
        // Rows 3.. are the months then the totals; columns 1..=6 the counts.
        for (i, want) in want.cells.iter().enumerate() {
            let got: Vec<String> = (1..=6).map(|j| shown(3 + i as u32, j)).collect();
            assert_eq!(&got, want, "{language:?} row {i}");
        }
        // The chart's copy of the modalities (columns M to O) has a gap, never a number,
        // where a cell is masked: the complementary 15 phone interviews of January included.
        for &(i, j, _) in want.big.iter().filter(|&&(i, j, _)| j < 3 && i < 12) {
            let chart = range.get_value((3 + i as u32, 12 + j as u32));
            assert!(
                matches!(chart, Some(Data::String(s)) if s == "#N/A")
                    || matches!(chart, Some(Data::Error(_))),
                "{language:?} row {i} col {j} is charted as {chart:?}"
            );
        }
        // The activity block: the governance minutes (120) are masked with their count.
        let minutes = (0..range.height() as u32)
            .find(|&r| range.get_value((r, 0)) == Some(&Data::String("Minutes".into())))
            .expect("the activity block's minutes");
        assert_eq!(shown(minutes, 1), "s");
        let texts: Vec<String> = range
            .cells()
            .filter_map(|(_, _, c)| match c {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        assert!(
            texts.iter().any(|t| t == &format!("s : {legend}")),
            "{language:?}: {texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.starts_with('<')),
            "{language:?}: {texts:?}"
        );
    }
}

#[test]
fn a_report_without_masking_has_no_mark_and_no_legend() {
    let (_, plain) = reports(11);
    let text = render::to_table(&plain);
    assert!(!text.contains("suppressed"), "{text}");
    assert!(text_cells(&text).iter().flatten().all(|c| c != "s"));
    let csv = render::to_csv(&plain);
    assert!(csv.lines().all(|l| l.split(',').all(|c| c != "s")), "{csv}");
}
