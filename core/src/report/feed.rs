//! Feeding a report straight from a file ([`InterviewReader::push_into`]) or from a data
//! frame's batches ([`InterviewFrame::push_into`]): the fast paths for large logs.
//!
//! The reader (module [`crate::import`]) checks each row and lends its fields; this module,
//! above it, adds them to the builder. Table rows build no [`crate::Interview`] and, once
//! ids have been seen, allocate nothing. On a machine with more than one core a second
//! thread updates the (group, patient) table, the largest and least cache-friendly
//! structure, while this one parses.

use std::io::Read;

use super::builder::ActivityReportBuilder;
use super::error::{ReportError, ReportErrorKind};
use super::fxhash::IdKey;
use super::pairs::Visit;
use super::parallel::Threads;
use crate::import::{
    FrameBatch, ImportError, ImportSummary, InterviewFrame, InterviewReader, RowRef,
};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A row staged for the pair thread: its visit and its patient.
type Staged = (Visit, IdKey);

/// Rows handed to the pair thread at once.
const BATCH: usize = 8192;

impl From<ImportError> for ReportError {
    fn from(e: ImportError) -> Self {
        e.map_kind(ReportErrorKind::Import)
    }
}

impl ActivityReportBuilder {
    /// [`push_parts`](Self::push_parts) for a row a reader has checked, an error located at
    /// the row (its line and sheet, its frame position, or its JSON record).
    #[inline]
    pub(crate) fn push_row(&mut self, row: &RowRef<'_>) -> Result<(), ReportError> {
        self.push_parts(
            row.date,
            row.partner,
            row.patient,
            row.modality,
            row.establishment,
        )
        .map_err(|e| row.locate(e))
    }
}

impl<R: Read> InterviewReader<R> {
    /// Streams every remaining row into `builder`. Every row is checked exactly as the
    /// iterator ([`crate::import::read_interviews`]) checks it, including rows outside the
    /// report's period. Stops at the first error: a file error
    /// ([`ReportErrorKind::Import`], gathered as [`crate::Error::Import`]) naming the line
    /// and column (or the sheet and cell), or a report error (`interview_in_gap`) located
    /// at its row; after an error the builder holds the rows before it. Returns the
    /// [`ImportSummary`] (`rows` is the number read).
    ///
    /// ```
    /// use patient_partner::import::InterviewCsvReader;
    /// use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
    /// let log = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n2023-01-10,PP-A,PAT-1,video\n";
    /// let mut builder = ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap()))?;
    /// let summary = InterviewCsvReader::new(log.as_bytes())?.push_into(&mut builder)?;
    /// assert_eq!(summary.rows, 2);
    /// assert_eq!(builder.finish().totals[0].total, Some(2));
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_into(
        self,
        builder: &mut ActivityReportBuilder,
    ) -> Result<ImportSummary, ReportError> {
        self.push_into_with(builder, Threads::available())
    }

    /// [`push_into`](Self::push_into) with at most `threads` threads: with one, the rows
    /// are read and aggregated on the calling thread; with more, a second thread updates
    /// the (group, patient) table while this one reads. To read one log on every core, see
    /// [`ActivityReportBuilder::push_log`].
    pub fn push_into_with(
        self,
        builder: &mut ActivityReportBuilder,
        threads: Threads,
    ) -> Result<ImportSummary, ReportError> {
        feed(builder, threads, |each| self.for_each_row(each))
    }
}

impl InterviewFrame {
    /// Streams every batch of a data frame into `builder`, each row checked as
    /// [`InterviewFrame::interviews`] checks it (the rules of the CSV import). `batches`
    /// yields each batch, or the message of the producer that failed to give it
    /// (`io_error`). Stops at the first error, located at the row's 0-based position in the
    /// frame; returns the [`ImportSummary`].
    ///
    /// ```
    /// use patient_partner::import::{FrameBatch, FrameCell, ImportOptions, InterviewFrame};
    /// use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
    /// struct Rows(Vec<[&'static str; 4]>);
    /// impl FrameBatch for Rows {
    ///     fn num_rows(&self) -> usize { self.0.len() }
    ///     fn cell(&self, column: usize, row: usize) -> FrameCell<'_> {
    ///         FrameCell::Text(self.0[row][column])
    ///     }
    /// }
    /// let mut frame = InterviewFrame::open(&["date", "partner", "patient", "modality"],
    ///     &ImportOptions::new())?;
    /// let mut builder = ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap()))?;
    /// let batches = vec![Ok(Rows(vec![["2023-01-09", "PP-A", "PAT-1", "phone"]])),
    ///                    Ok(Rows(vec![["2023-02-09", "PP-A", "PAT-1", "video"]]))];
    /// let summary = frame.push_into(batches, &mut builder)?;
    /// assert_eq!(summary.rows, 2);
    /// assert_eq!(builder.finish().totals[0].total, Some(2));
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_into<B: FrameBatch>(
        &mut self,
        batches: impl IntoIterator<Item = Result<B, String>>,
        builder: &mut ActivityReportBuilder,
    ) -> Result<ImportSummary, ReportError> {
        feed(builder, Threads::available(), |each| {
            for batch in batches {
                let batch = batch.map_err(|message| self.read_failure(&message))?;
                self.read_batch(&batch, |row| each(row.as_row_ref()))?;
            }
            Ok(self.summary().clone())
        })
    }
}

impl InterviewFrame {
    /// [`push_into`](Self::push_into) on up to `threads` threads. From three threads, the
    /// batches are taken from `batches` on the calling thread (a Python producer needs it)
    /// and aggregated by `threads` workers, each into a builder of its own, merged at the
    /// end; on an error this builder is then left unchanged. With two, the calling thread
    /// reads and a second one updates the pair table (one pair table, not two); with one,
    /// everything runs on the calling thread. The report, the summary and the first bad row
    /// in row order (with its position) are the same for any number.
    ///
    /// ```
    /// use patient_partner::import::{FrameBatch, FrameCell, ImportOptions, InterviewFrame};
    /// use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest, Threads};
    /// struct Rows(Vec<[&'static str; 4]>);
    /// impl FrameBatch for Rows {
    ///     fn num_rows(&self) -> usize { self.0.len() }
    ///     fn cell(&self, column: usize, row: usize) -> FrameCell<'_> {
    ///         FrameCell::Text(self.0[row][column])
    ///     }
    /// }
    /// let mut frame = InterviewFrame::open(&["date", "partner", "patient", "modality"],
    ///     &ImportOptions::new())?;
    /// let mut builder = ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap()))?;
    /// let batches = (1..=12).map(|m| Ok(Rows(vec![[["2023-01-09", "2023-02-09", "2023-03-09"][m % 3], "PP-A", "PAT-1", "phone"]])));
    /// let summary = frame.push_into_with(batches, &mut builder, Threads::new(4)?)?;
    /// assert_eq!(summary.rows, 12);
    /// assert_eq!(builder.finish().totals[0].total, Some(12));
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_into_with<B: FrameBatch + Send>(
        &mut self,
        batches: impl IntoIterator<Item = Result<B, String>>,
        builder: &mut ActivityReportBuilder,
        threads: Threads,
    ) -> Result<ImportSummary, ReportError> {
        builder.allow_threads(threads);
        if threads.get() < 3 {
            // One or two threads: the rows read on this thread, the pair table updated on a
            // second one when there are two. Two workers would each hold a pair table of
            // most of the pairs (batches come from all over the frame), for no gain
            // measured on two cores (BENCHMARKS.md, Python data frames).
            return feed(builder, threads, |each| {
                for batch in batches {
                    let batch = batch.map_err(|message| self.read_failure(&message))?;
                    self.read_batch(&batch, |row| each(row.as_row_ref()))?;
                }
                Ok(self.summary().clone())
            });
        }
        parallel_batches(self, batches, builder, threads)
    }
}

/// What one worker of [`InterviewFrame::push_into_with`] brings back: its builder, its
/// summary, and its first error with the index of the batch it was met in.
type Worker = (
    ActivityReportBuilder,
    ImportSummary,
    Option<(usize, ReportError)>,
);

fn parallel_batches<B: FrameBatch + Send>(
    frame: &mut InterviewFrame,
    batches: impl IntoIterator<Item = Result<B, String>>,
    builder: &mut ActivityReportBuilder,
    threads: Threads,
) -> Result<ImportSummary, ReportError> {
    let request = builder.request().clone();
    let mut template = frame.clone();
    template.reset_counts();
    // The lowest batch index that met an error: later batches are skipped.
    let first_failed = AtomicUsize::new(usize::MAX);
    let (to_workers, from_main) =
        std::sync::mpsc::sync_channel::<(usize, u64, B)>(threads.get() * 2);
    let from_main = std::sync::Mutex::new(from_main);
    let mut offset = frame.offset();
    let mut read_error: Option<(usize, ReportError)> = None;
    let workers: Vec<std::thread::Result<Result<Worker, ReportError>>> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads.get())
                .map(|_| {
                    let (request, template, first_failed, from_main) =
                        (&request, &template, &first_failed, &from_main);
                    scope.spawn(move || -> Result<Worker, ReportError> {
                        let mut builder = ActivityReportBuilder::new(request)?;
                        let mut frame = template.clone();
                        let mut error = None;
                        loop {
                            let next = match from_main.lock() {
                                Ok(receiver) => receiver.recv(),
                                Err(_) => break,
                            };
                            let Ok((index, at, batch)) = next else { break };
                            if first_failed.load(Ordering::Relaxed) < index {
                                continue;
                            }
                            frame.set_offset(at);
                            let read =
                                frame.read_batch(&batch, |row| builder.push_row(&row.as_row_ref()));
                            if let Err(e) = read {
                                first_failed.fetch_min(index, Ordering::Relaxed);
                                error = Some((index, e));
                            }
                        }
                        Ok((builder, frame.summary().clone(), error))
                    })
                })
                .collect();
            for (index, batch) in batches.into_iter().enumerate() {
                if first_failed.load(Ordering::Relaxed) != usize::MAX {
                    break;
                }
                match batch {
                    Ok(batch) => {
                        let rows = batch.num_rows() as u64;
                        // The workers only stop when this side hangs up.
                        if to_workers.send((index, offset, batch)).is_err() {
                            break;
                        }
                        offset += rows;
                    }
                    Err(message) => {
                        frame.set_offset(offset);
                        read_error = Some((index, frame.read_failure(&message).into()));
                        break;
                    }
                }
            }
            drop(to_workers);
            handles.into_iter().map(|h| h.join()).collect()
        });
    let mut parts = Vec::with_capacity(workers.len());
    let mut first_error = read_error;
    for worker in workers {
        // Reading and counting cannot panic on any input; should they, the panic is a bug
        // and is passed on as is.
        let (part, summary, error) = match worker {
            Ok(done) => done?,
            Err(payload) => std::panic::resume_unwind(payload),
        };
        if let Some((index, e)) = error {
            if first_error.as_ref().is_none_or(|(i, _)| index < *i) {
                first_error = Some((index, e));
            }
        }
        parts.push((part, summary));
    }
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    let mut summary = frame.summary().clone();
    let mut blank_lines = summary.blank_row_lines.clone();
    for (part, part_summary) in parts {
        summary.rows += part_summary.rows;
        summary.blank_rows += part_summary.blank_rows;
        blank_lines.extend(part_summary.blank_row_lines);
        builder.merge_on(part, threads.get())?;
    }
    blank_lines.sort_unstable();
    let unlisted = summary.blank_rows;
    summary.blank_rows = 0;
    summary.blank_row_lines.clear();
    for line in blank_lines {
        summary.blank_row(line);
    }
    summary.blank_rows = unlisted;
    frame.set_offset(offset);
    frame.replace_summary(summary.clone());
    Ok(summary)
}

/// Feeds the rows `drive` hands out into `builder`: with one thread row by row; with more,
/// the (group, patient) table is updated by a second thread while this one reads.
fn feed<S>(
    builder: &mut ActivityReportBuilder,
    threads: Threads,
    drive: impl FnOnce(&mut dyn FnMut(RowRef<'_>) -> Result<(), ReportError>) -> Result<S, ReportError>,
) -> Result<S, ReportError> {
    builder.allow_threads(threads);
    if threads.get() < 2 {
        return drive(&mut |row| builder.push_row(&row));
    }
    let mut sink = builder.take_pairs();
    let (result, sink) = std::thread::scope(|scope| {
        let (to_worker, from_main) = std::sync::mpsc::sync_channel::<Vec<Staged>>(4);
        let (to_main, recycled) = std::sync::mpsc::channel::<Vec<Staged>>();
        let worker = scope.spawn(move || {
            for mut batch in from_main {
                for (visit, patient) in batch.drain(..) {
                    sink.record(visit, patient);
                }
                // The main thread may be gone: then the buffer is simply dropped.
                let _ = to_main.send(batch);
            }
            sink
        });
        let mut batch = Vec::with_capacity(BATCH);
        let result = drive(&mut |row| {
            let staged = builder
                .stage(row.date, row.partner, row.modality, row.establishment)
                .map_err(|e| row.locate(e))?;
            if let Some(visit) = staged {
                batch.push((visit, IdKey::new(row.patient)));
            }
            if batch.len() >= BATCH {
                let next = recycled
                    .try_recv()
                    .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                // The worker only stops when this side hangs up.
                let _ = to_worker.send(std::mem::replace(&mut batch, next));
            }
            Ok(())
        });
        if !batch.is_empty() {
            let _ = to_worker.send(batch);
        }
        drop(to_worker);
        (result, worker.join())
    });
    match sink {
        Ok(sink) => builder.restore_pairs(sink),
        // The worker only does arithmetic on a map: no input can make it panic. Should
        // it ever, the panic is a bug and is passed on as is.
        Err(payload) => std::panic::resume_unwind(payload),
    }
    result
}
