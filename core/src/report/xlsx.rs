//! Activity reports as Excel workbooks (`.xlsx`, written with `rust_xlsxwriter`; feature
//! `xlsx`, on by default).
//!
//! One sheet per group, laid out like the programmes' tables: buckets down (months,
//! quarters or years), *in person / phone / video / total / new patients / patients* across
//! (a bucket's distinct patients), a totals row (its patients: distinct over the period,
//! not the sum of the buckets'); then a native Excel chart (interviews per
//! bucket, stacked by modality), since that picture is what a quality team pastes into its
//! annual report. A last sheet, `Définitions` (`Definitions` in English), holds the report's
//! settings and the definitions of the indicators.
//!
//! - Counts are numbers, so users' own formulas work.
//! - A masked cell (disclosure control) is the text `s` ([`MASKED_MARK`], *secret
//!   statistique*), never 0: the same mark for a small count and for a complementary cell
//!   masked to protect it, whatever its value; its legend reads `s : secret statistique : effectif inférieur à 11 ou masqué
//!   pour protéger un autre` (English: `s : suppressed: below 11, or masked to protect
//!   another`), with the threshold used. A not reported cell is `–`; a bucket cut by the
//!   period is marked `*`, a partially reported one `+`; each marking is explained in a
//!   legend under the table.
//! - The chart reads a hidden copy of the three modality columns in which masked and not
//!   reported cells are `#N/A`, which Excel draws as a gap: a masked count is never charted
//!   as 0 either.
//! - French headers by default ([`ReportLanguage::French`]), English on request.
//!
//! ```
//! use patient_partner::report::{activity_report, xlsx, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! let day = chrono::NaiveDate::from_ymd_opt(2023, 1, 9).unwrap();
//! let log = [Interview::new(day, PartnerId::new("PP-A")?, PatientId::new("PAT-1")?, Modality::Phone)];
//! let report = activity_report(&log, &ReportRequest::new(Period::year(2023).unwrap()))?;
//! let bytes = xlsx::to_xlsx(&report, &xlsx::XlsxOptions::default())?;
//! assert!(bytes.starts_with(b"PK"));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::BTreeSet;

use chrono::Datelike;
use rust_xlsxwriter::{
    Chart, ChartType, Color, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
};

use super::error::{ReportError, ReportErrorKind};
use super::output::{
    ActivityCells, ActivityMeasure, ActivityReport, Column, ReportRow, Reporting, TotalsRow,
};
use super::render::{masked_legend_en, masked_legend_fr, MASKED_MARK};
use super::{Bucket, GroupBy, GroupLabel};
use crate::indicators::IndicatorCatalogue;
use crate::vocabulary::Vocabulary;

crate::bilingual_enum! {
    /// The language of a written report's headers, legends and definitions.
    pub enum ReportLanguage {
        /// French (the default: the programmes' own language).
        French => "fr", "French", "français",
        /// English.
        English => "en", "English", "anglais",
    }
}

/// How a workbook is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxOptions {
    /// The language of headers and legends.
    pub language: ReportLanguage,
    /// Whether each group's sheet gets a chart.
    pub chart: ChartChoice,
}

crate::bilingual_enum! {
    /// Whether group sheets carry a chart.
    pub enum ChartChoice {
        /// A stacked column chart of the modalities per bucket (the default).
        StackedModalities => "stacked_modalities", "stacked modalities", "modalités empilées",
        /// No chart.
        NoChart => "none", "no chart", "sans graphique",
    }
}

impl Default for XlsxOptions {
    fn default() -> Self {
        XlsxOptions {
            language: ReportLanguage::French,
            chart: ChartChoice::StackedModalities,
        }
    }
}

fn output_error(e: impl std::fmt::Display) -> ReportError {
    ReportError::new(ReportErrorKind::Output {
        message: crate::text::short(&e.to_string()),
    })
}

/// The words of a workbook, in one language.
struct Words {
    lang: ReportLanguage,
}

impl Words {
    fn fr(&self) -> bool {
        self.lang == ReportLanguage::French
    }
    fn pick<'a>(&self, fr: &'a str, en: &'a str) -> &'a str {
        if self.fr() {
            fr
        } else {
            en
        }
    }
    fn column(&self, c: Column) -> String {
        self.label(&c)
    }
    /// The label of a vocabulary value in the workbook's language, capitalised.
    fn label(&self, value: &impl Vocabulary) -> String {
        let label = if self.fr() {
            value.label_fr()
        } else {
            value.label_en()
        };
        let mut chars = label.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
    fn bucket_header(&self, bucket: Bucket) -> &str {
        match bucket {
            Bucket::Month => self.pick("Mois", "Month"),
            Bucket::Quarter => self.pick("Trimestre", "Quarter"),
            Bucket::Year => self.pick("Année", "Year"),
        }
    }
    fn bucket_label(&self, row: &ReportRow, bucket: Bucket) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let d = row.start;
        let month = d.month0() as usize;
        match bucket {
            Bucket::Month => {
                let names = if self.fr() { FR } else { EN };
                format!("{} {}", names.get(month).copied().unwrap_or("?"), d.year())
            }
            Bucket::Quarter => {
                let q = month / 3 + 1;
                if self.fr() {
                    format!("T{q} {}", d.year())
                } else {
                    format!("Q{q} {}", d.year())
                }
            }
            Bucket::Year => d.year().to_string(),
        }
    }
    fn group_title(&self, group: &GroupLabel) -> String {
        match group {
            GroupLabel::Partner { partner } => {
                format!(
                    "{} {}",
                    self.pick("Partenaire", "Partner"),
                    partner.as_str()
                )
            }
            GroupLabel::Establishment {
                establishment: Some(e),
            } => format!(
                "{} {}",
                self.pick("Établissement", "Establishment"),
                e.as_str()
            ),
            GroupLabel::Establishment {
                establishment: None,
            } => self
                .pick("Sans établissement", "No establishment")
                .to_owned(),
            GroupLabel::All {} => self.pick("Ensemble", "All").to_owned(),
        }
    }
}

/// The formats of a workbook.
struct Formats {
    title: Format,
    header: Format,
    count: Format,
    text_cell: Format,
    total_label: Format,
    total_count: Format,
    total_text: Format,
    note: Format,
}

impl Formats {
    fn new() -> Self {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_align(FormatAlign::Center)
                    .set_background_color(Color::RGB(0xDD_EB_F7)),
            ),
            count: border(Format::new().set_num_format("0")),
            text_cell: border(Format::new().set_align(FormatAlign::Right)),
            total_label: border(Format::new().set_bold()),
            total_count: border(Format::new().set_bold().set_num_format("0")),
            total_text: border(Format::new().set_bold().set_align(FormatAlign::Right)),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x55_55_55)),
        }
    }
}

/// What a count cell shows.
enum Shown {
    Count(u64),
    Masked,
    NotReported,
}

fn shown(value: Option<u64>, masked: &[Column], column: Column) -> Shown {
    if masked.contains(&column) {
        Shown::Masked
    } else {
        value.map_or(Shown::NotReported, Shown::Count)
    }
}

/// Which markings a sheet used (each gets its legend).
#[derive(Default)]
struct Marks {
    masked: bool,
    missing: bool,
}

/// Writes one count cell: the number, the masked mark `s`, or `–`.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Shown,
    number: &Format,
    text: &Format,
    marks: &mut Marks,
) -> Result<(), ReportError> {
    match cell {
        Shown::Count(v) => sheet.write_number_with_format(row, col, *v as f64, number),
        Shown::Masked => {
            marks.masked = true;
            sheet.write_string_with_format(row, col, MASKED_MARK, text)
        }
        Shown::NotReported => {
            marks.missing = true;
            sheet.write_string_with_format(row, col, "–", text)
        }
    }
    .map(|_| ())
    .map_err(output_error)
}

/// A sheet name Excel accepts (at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`), unique in `taken`.
fn sheet_name(title: &str, taken: &mut BTreeSet<String>) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches('\'').trim().to_owned();
    let base: String = if cleaned.is_empty() {
        "Feuille".to_owned()
    } else {
        cleaned
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let cut: String = base.chars().take(room).collect();
        // Excel refuses a name that starts or ends with an apostrophe, cut or not.
        let cut = cut.trim_matches('\'').trim_end();
        let cut = if cut.is_empty() { "Feuille" } else { cut };
        let candidate = format!("{cut}{suffix}");
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

/// The first column (0-based) of the hidden copy the chart reads.
const CHART_DATA_COLUMN: u16 = 12;

/// Writes `report` as an `.xlsx` workbook and returns its bytes.
pub fn to_xlsx(report: &ActivityReport, options: &XlsxOptions) -> Result<Vec<u8>, ReportError> {
    write_workbook(&[report], options)
}

/// Writes the tables of a [publication](super::publication) as one `.xlsx` workbook: a
/// sheet per group and table, named with the table's bucket when there are several
/// (`Partenaire PP-A · mois`, `Ensemble · trimestre`), then `Définitions`.
pub fn publication_to_xlsx(
    published: &super::publication::PublishedTables,
    options: &XlsxOptions,
) -> Result<Vec<u8>, ReportError> {
    let tables: Vec<&ActivityReport> = published.tables.iter().collect();
    write_workbook(&tables, options)
}

fn write_workbook(
    reports: &[&ActivityReport],
    options: &XlsxOptions,
) -> Result<Vec<u8>, ReportError> {
    let words = Words {
        lang: options.language,
    };
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let mut taken = BTreeSet::new();
    let definitions_name = words.pick("Définitions", "Definitions").to_owned();
    taken.insert(definitions_name.to_lowercase());
    let several = reports.len() > 1;
    let title = |report: &ActivityReport, group: &GroupLabel| -> String {
        let title = words.group_title(group);
        if several {
            format!(
                "{title} · {}",
                words.bucket_header(report.bucket).to_lowercase()
            )
        } else {
            title
        }
    };
    for &report in reports {
        for (totals, rows) in report.groups() {
            let name = sheet_name(&title(report, &totals.group), &mut taken);
            let sheet = workbook.add_worksheet();
            sheet.set_name(&name).map_err(output_error)?;
            write_group(
                sheet, &name, report, totals, rows, &words, &formats, options,
            )?;
        }
        if report.totals.is_empty() {
            let sheet = workbook.add_worksheet();
            let name = sheet_name(&title(report, &GroupLabel::All {}), &mut taken);
            sheet.set_name(&name).map_err(output_error)?;
            sheet
                .write_string_with_format(
                    0,
                    0,
                    words.pick(
                        "Aucun entretien sur la période.",
                        "No interview in the period.",
                    ),
                    &formats.title,
                )
                .map_err(output_error)?;
        }
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(&definitions_name).map_err(output_error)?;
    write_definitions(sheet, reports, &words, &formats)?;
    workbook.save_to_buffer().map_err(output_error)
}

#[allow(clippy::too_many_arguments)]
fn write_group(
    sheet: &mut Worksheet,
    name: &str,
    report: &ActivityReport,
    totals: &TotalsRow,
    rows: &[ReportRow],
    words: &Words,
    formats: &Formats,
    options: &XlsxOptions,
) -> Result<(), ReportError> {
    let e = output_error;
    let title = format!(
        "{} · {} {} {} {} · {}",
        words.group_title(&totals.group),
        words.pick("du", "from"),
        report.period.start().format("%d/%m/%Y"),
        words.pick("au", "to"),
        report.period.end().format("%d/%m/%Y"),
        words.bucket_header(report.bucket).to_lowercase(),
    );
    sheet
        .write_string_with_format(0, 0, &title, &formats.title)
        .map_err(e)?;
    let header_row = 2u32;
    sheet
        .write_string_with_format(
            header_row,
            0,
            words.bucket_header(report.bucket),
            &formats.header,
        )
        .map_err(e)?;
    for (j, column) in Column::BUCKET_COUNTS.iter().enumerate() {
        sheet
            .write_string_with_format(
                header_row,
                j as u16 + 1,
                words.column(*column),
                &formats.header,
            )
            .map_err(e)?;
    }
    sheet.set_column_width(0, 18).map_err(e)?;
    for j in 1..=Column::BUCKET_COUNTS.len() as u16 {
        sheet.set_column_width(j, 12).map_err(e)?;
    }
    sheet.set_freeze_panes(header_row + 1, 1).map_err(e)?;
    let mut marks = Marks::default();
    let (mut any_partial, mut any_partly) = (false, false);
    let mut r = header_row + 1;
    for row in rows {
        let mut label = words.bucket_label(row, report.bucket);
        if row.partial {
            label.push_str(" *");
            any_partial = true;
        }
        if row.reporting == Reporting::PartiallyReported {
            label.push_str(" +");
            any_partly = true;
        }
        sheet
            .write_string_with_format(
                r,
                0,
                &label,
                &formats.text_cell.clone().set_align(FormatAlign::Left),
            )
            .map_err(e)?;
        for (j, column) in Column::BUCKET_COUNTS.iter().enumerate() {
            let col = j as u16 + 1;
            let cell = shown(row.get(*column), &row.masked, *column);
            write_cell(
                sheet,
                r,
                col,
                &cell,
                &formats.count,
                &formats.text_cell,
                &mut marks,
            )?;
            // The chart's copy of the three modalities: #N/A (a gap) unless a count.
            if j < 3 {
                let chart_col = CHART_DATA_COLUMN + j as u16;
                match cell {
                    Shown::Count(v) => sheet.write_number(r, chart_col, v as f64).map(|_| ()),
                    _ => sheet
                        .write_formula(r, chart_col, Formula::new("=NA()").set_result("#N/A"))
                        .map(|_| ()),
                }
                .map_err(e)?;
            }
        }
        r += 1;
    }
    let last_data_row = r.saturating_sub(1);
    // Totals row (its patients: distinct over the period).
    sheet
        .write_string_with_format(r, 0, words.pick("Total", "Total"), &formats.total_label)
        .map_err(e)?;
    for (j, column) in Column::BUCKET_COUNTS.iter().enumerate() {
        write_cell(
            sheet,
            r,
            j as u16 + 1,
            &shown(totals.get(*column), &totals.masked, *column),
            &formats.total_count,
            &formats.total_text,
            &mut marks,
        )?;
    }
    if !totals.activities.is_empty() {
        r = write_activities(
            sheet,
            r + 2,
            report,
            totals,
            rows,
            words,
            formats,
            &mut marks,
        )?;
    }
    // Legends.
    r += 2;
    let mut legends: Vec<String> = Vec::new();
    if marks.masked {
        let legend = if words.fr() {
            masked_legend_fr(report.suppress_below)
        } else {
            masked_legend_en(report.suppress_below)
        };
        legends.push(format!("{MASKED_MARK} : {legend}"));
    }
    if marks.missing {
        legends.push(format!(
            "– : {}",
            words.pick(
                "non renseigné (ce n'est pas zéro)",
                "not reported (not zero)"
            )
        ));
    }
    if any_partial {
        legends.push(format!(
            "* : {}",
            words.pick(
                "période incomplète (coupée par les dates du rapport)",
                "partial bucket (cut by the report's dates)"
            )
        ));
    }
    if any_partly {
        legends.push(format!(
            "+ : {}",
            words.pick(
                "partiellement renseigné (un minimum)",
                "partially reported (a lower bound)"
            )
        ));
    }
    for legend in legends {
        sheet
            .write_string_with_format(r, 0, &legend, &formats.note)
            .map_err(e)?;
        r += 1;
    }
    // The chart's hidden data: headers, then hide the columns.
    for j in 0..3u16 {
        sheet
            .write_string(
                header_row,
                CHART_DATA_COLUMN + j,
                words.column(Column::BUCKET_COUNTS[j as usize]),
            )
            .map_err(e)?;
        sheet.set_column_hidden(CHART_DATA_COLUMN + j).map_err(e)?;
    }
    if options.chart == ChartChoice::StackedModalities && !rows.is_empty() {
        let mut chart = Chart::new(ChartType::ColumnStacked);
        for j in 0..3u16 {
            let col = CHART_DATA_COLUMN + j;
            chart
                .add_series()
                .set_name((name, header_row, col))
                .set_categories((name, header_row + 1, 0, last_data_row, 0))
                .set_values((name, header_row + 1, col, last_data_row, col));
        }
        chart.title().set_name(&format!(
            "{} · {}",
            words.pick("Entretiens par modalité", "Interviews by modality"),
            words.group_title(&totals.group)
        ));
        chart.show_hidden_data();
        chart.show_na_as_empty_cell();
        sheet.insert_chart(header_row, 7, &chart).map_err(e)?;
    }
    Ok(())
}

/// Writes the activity block of a group below its interviews, from row `r`: one column per
/// category with any activity (or a masked cell), the count per bucket, then the totals
/// of the count, minutes and participants (as the text table). Returns the last row written.
#[allow(clippy::too_many_arguments)]
fn write_activities(
    sheet: &mut Worksheet,
    mut r: u32,
    report: &ActivityReport,
    totals: &TotalsRow,
    rows: &[ReportRow],
    words: &Words,
    formats: &Formats,
    marks: &mut Marks,
) -> Result<u32, ReportError> {
    let e = output_error;
    let used = totals.shown_activity_categories();
    sheet
        .write_string_with_format(
            r,
            0,
            words.pick("Activités (nombre)", "Activities (number)"),
            &formats.title,
        )
        .map_err(e)?;
    r += 1;
    if used.is_empty() {
        sheet
            .write_string_with_format(
                r,
                0,
                words.pick(
                    "aucune activité sur la période",
                    "no activity in the period",
                ),
                &formats.note,
            )
            .map_err(e)?;
        return Ok(r);
    }
    sheet
        .write_string_with_format(r, 0, words.bucket_header(report.bucket), &formats.header)
        .map_err(e)?;
    for (j, &c) in used.iter().enumerate() {
        let label = totals
            .activities
            .get(c)
            .map(|a| words.label(&a.category))
            .unwrap_or_default();
        sheet
            .write_string_with_format(r, j as u16 + 1, &label, &formats.header)
            .map_err(e)?;
    }
    let activity_cell = |cells: Option<&ActivityCells>, measure: ActivityMeasure| match cells {
        Some(a) if a.is_masked(measure) => Shown::Masked,
        Some(a) => a.get(measure).map_or(Shown::NotReported, Shown::Count),
        None => Shown::NotReported,
    };
    for row in rows {
        r += 1;
        sheet
            .write_string_with_format(
                r,
                0,
                words.bucket_label(row, report.bucket),
                &formats.text_cell.clone().set_align(FormatAlign::Left),
            )
            .map_err(e)?;
        for (j, &c) in used.iter().enumerate() {
            let cell = activity_cell(row.activities.get(c), ActivityMeasure::Activities);
            write_cell(
                sheet,
                r,
                j as u16 + 1,
                &cell,
                &formats.count,
                &formats.text_cell,
                marks,
            )?;
        }
    }
    for (label, measure) in [
        (words.pick("Total", "Total"), ActivityMeasure::Activities),
        (words.pick("Minutes", "Minutes"), ActivityMeasure::Minutes),
        (
            words.pick("Participants", "Participants"),
            ActivityMeasure::Participants,
        ),
    ] {
        r += 1;
        sheet
            .write_string_with_format(r, 0, label, &formats.total_label)
            .map_err(e)?;
        for (j, &c) in used.iter().enumerate() {
            let cell = activity_cell(totals.activities.get(c), measure);
            write_cell(
                sheet,
                r,
                j as u16 + 1,
                &cell,
                &formats.total_count,
                &formats.total_text,
                marks,
            )?;
        }
    }
    Ok(r)
}

fn write_definitions(
    sheet: &mut Worksheet,
    reports: &[&ActivityReport],
    words: &Words,
    formats: &Formats,
) -> Result<(), ReportError> {
    let Some(&report) = reports.first() else {
        return Ok(());
    };
    let e = output_error;
    let rule = if words.fr() {
        report.new_patient_rule.label_fr()
    } else {
        report.new_patient_rule.label_en()
    };
    sheet.set_column_width(0, 34).map_err(e)?;
    sheet.set_column_width(1, 90).map_err(e)?;
    sheet
        .write_string_with_format(
            0,
            0,
            words.pick("Paramètres du rapport", "Report settings"),
            &formats.title,
        )
        .map_err(e)?;
    let mut groupings: Vec<&str> = Vec::new();
    let mut buckets: Vec<String> = Vec::new();
    for report in reports {
        let group_by = match report.group_by {
            GroupBy::Partner => words.pick("par partenaire", "by partner"),
            GroupBy::Establishment => words.pick("par établissement", "by establishment"),
            GroupBy::All => words.pick("ensemble", "all"),
        };
        if !groupings.contains(&group_by) {
            groupings.push(group_by);
        }
        let bucket = words.bucket_header(report.bucket).to_lowercase();
        if !buckets.contains(&bucket) {
            buckets.push(bucket);
        }
    }
    let group_by = groupings.join(", ");
    let settings: Vec<(&str, String)> = vec![
        (
            words.pick("Période", "Period"),
            format!(
                "{} – {}",
                report.period.start().format("%d/%m/%Y"),
                report.period.end().format("%d/%m/%Y")
            ),
        ),
        (words.pick("Regroupement", "Grouping"), group_by),
        (words.pick("Pas", "Bucket"), buckets.join(", ")),
        (
            words.pick("Nouveaux patients", "New patients"),
            rule.to_owned(),
        ),
        (
            words.pick("Secret statistique", "Disclosure control"),
            match report.suppress_below {
                Some(n) => format!(
                    "{} {n}",
                    words.pick("effectifs masqués sous", "counts masked below")
                ),
                None => words.pick("aucun masquage", "no masking").to_owned(),
            },
        ),
    ];
    let mut settings = settings;
    if reports.len() > 1 && report.suppress_below.is_some() {
        settings.push((
            words.pick("Publication", "Publication"),
            format!(
                "{} {}",
                reports.len(),
                words.pick(
                    "tableaux protégés ensemble : aucune cellule masquée ne se déduit des autres tableaux",
                    "tables protected together: no masked cell can be derived from the other tables",
                )
            ),
        ));
    }
    let mut r = 1u32;
    for (name, value) in settings {
        sheet
            .write_string_with_format(r, 0, name, &formats.total_label)
            .map_err(e)?;
        sheet.write_string(r, 1, &value).map_err(e)?;
        r += 1;
    }
    r += 1;
    sheet
        .write_string_with_format(
            r,
            0,
            words.pick("Indicateurs", "Indicators"),
            &formats.title,
        )
        .map_err(e)?;
    r += 1;
    let wrap = Format::new().set_text_wrap();
    for d in IndicatorCatalogue::builtin().indicators() {
        let (name, definition) = if words.fr() {
            (
                &d.name_fr,
                d.definition_fr.as_ref().unwrap_or(&d.definition),
            )
        } else {
            (&d.name_en, &d.definition)
        };
        sheet
            .write_string_with_format(r, 0, name, &formats.total_label)
            .map_err(e)?;
        sheet
            .write_string_with_format(r, 1, definition, &wrap)
            .map_err(e)?;
        r += 1;
    }
    r += 1;
    sheet
        .write_string_with_format(
            r,
            0,
            words.pick("Écrit par patient-partner.", "Written by patient-partner."),
            &formats.note,
        )
        .map_err(e)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = BTreeSet::new();
        let a = sheet_name("Partenaire PP/01:[x]", &mut taken);
        assert_eq!(a, "Partenaire PP_01__x_");
        let long = "x".repeat(40);
        let b = sheet_name(&long, &mut taken);
        assert_eq!(b.chars().count(), 31);
        let c = sheet_name(&long, &mut taken);
        assert!(c.ends_with(" (2)") && c.chars().count() == 31);
        assert_eq!(sheet_name("'", &mut taken), "Feuille");
        let cut_at_apostrophe = format!("Établissement {}d'Arles", "x".repeat(15));
        let name = sheet_name(&cut_at_apostrophe, &mut taken);
        assert!(
            !name.ends_with('\'') && name.chars().count() <= 31,
            "{name}"
        );
    }
}
