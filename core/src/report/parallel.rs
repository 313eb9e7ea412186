//! A report fed from a whole log on every core: the log cut into byte ranges at record
//! boundaries, each range read and aggregated by its own thread into its own
//! [`ActivityReportBuilder`], the builders then merged ([`ActivityReportBuilder::merge`]).
//!
//! The result is the one-thread result, always: the same report, the same
//! [`ImportSummary`], and for a bad log the same first error **in file order**, with the
//! same line and column. Ranges are read as if each started between two records, which the
//! ranges before it then prove (see `import/split.rs`); when the proof fails (a quoted cell
//! holding a line break across a cut, quotes the parity rule cannot follow, ranges that
//! detected different encodings, an I/O or malformed-CSV error whose text names a byte
//! position, a record near the length limit), the log is read again in one pass and nothing of the first attempt is kept.
//! Memory: one pair table per thread, merged at the end — bounded by the distinct (group,
//! patient) pairs times the threads, never by the rows.

use std::cell::RefCell;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::builder::ActivityReportBuilder;
use super::error::{ReportError, ReportErrorKind};
use crate::import::split::{plan, QuoteState, QuoteWatch};
use crate::import::{
    ImportError, ImportErrorKind, ImportOptions, ImportSummary, InterviewReader, LogSource,
};

/// How many threads read one log ([`ActivityReportBuilder::push_log`]).
///
/// ```
/// use patient_partner::report::Threads;
/// assert_eq!(Threads::new(2)?.get(), 2);
/// assert_eq!(Threads::new(0).unwrap_err().code(), "invalid_request");
/// assert_eq!(Threads::parse("4")?.get(), 4);
/// assert!(Threads::available().get() >= 1);
/// # Ok::<(), patient_partner::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Threads(NonZeroUsize);

/// The environment variable that overrides the number of threads ([`Threads::from_env`]).
pub const THREADS_VARIABLE: &str = "PP_THREADS";

impl Threads {
    /// One thread: the log is read and aggregated on the calling thread.
    pub const ONE: Threads = Threads(NonZeroUsize::MIN);

    /// `n` threads; 0 is `invalid_request`.
    pub fn new(n: usize) -> Result<Self, ReportError> {
        NonZeroUsize::new(n).map(Threads).ok_or_else(|| {
            ReportError::new(ReportErrorKind::InvalidRequest {
                message: "the number of threads must be at least 1".to_owned(),
            })
            .field("threads")
        })
    }

    /// A number of threads written as text (`"4"`, surrounding spaces allowed): a whole
    /// number of at least 1, else `invalid_request`.
    pub fn parse(text: &str) -> Result<Self, ReportError> {
        text.trim()
            .parse::<usize>()
            .ok()
            .and_then(NonZeroUsize::new)
            .map(Threads)
            .ok_or_else(|| {
                ReportError::new(ReportErrorKind::InvalidRequest {
                    message: format!(
                        "the number of threads must be a whole number of at least 1, found {}",
                        crate::text::short(text)
                    ),
                })
                .field("threads")
            })
    }

    /// As many threads as the machine offers to this process
    /// (`std::thread::available_parallelism`; 1 when it cannot tell).
    pub fn available() -> Self {
        Threads(std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN))
    }

    /// The number of threads in [`THREADS_VARIABLE`] (`PP_THREADS`) when it is set, else
    /// [`Threads::available`]. A value that is not a whole number of at least 1 is
    /// `invalid_request` (naming the variable), never silently replaced.
    pub fn from_env() -> Result<Self, ReportError> {
        match std::env::var_os(THREADS_VARIABLE) {
            None => Ok(Self::available()),
            Some(value) => Self::parse(&value.to_string_lossy())
                .map_err(|e| e.entity(THREADS_VARIABLE).field(THREADS_VARIABLE)),
        }
    }

    /// The number of threads.
    pub fn get(self) -> usize {
        self.0.get()
    }
}

impl Default for Threads {
    /// [`Threads::available`].
    fn default() -> Self {
        Self::available()
    }
}

impl std::fmt::Display for Threads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How a log is read by [`ActivityReportBuilder::push_log`]: the threads, and the smallest
/// byte range worth a thread of its own.
///
/// ```
/// use patient_partner::report::{Parallelism, Threads};
/// let p = Parallelism::new(Threads::new(4)?);
/// assert_eq!(p.min_range_bytes, Parallelism::DEFAULT_MIN_RANGE_BYTES);
/// assert_eq!(p.min_range_bytes(1).min_range_bytes, 1);
/// # Ok::<(), patient_partner::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parallelism {
    /// The most threads that read at once.
    pub threads: Threads,
    /// A log is cut into at most `threads` ranges of at least this many bytes: a small log
    /// is read by one thread (starting threads would cost more than it saves).
    pub min_range_bytes: u64,
}

impl Parallelism {
    /// The default smallest range: 1 MiB (about 25,000 rows of a typical log).
    pub const DEFAULT_MIN_RANGE_BYTES: u64 = 1 << 20;

    /// `threads` threads with the default smallest range.
    pub fn new(threads: Threads) -> Self {
        Parallelism {
            threads,
            min_range_bytes: Self::DEFAULT_MIN_RANGE_BYTES,
        }
    }

    /// The same with another smallest range (tests cut tiny logs with 1).
    pub fn min_range_bytes(mut self, bytes: u64) -> Self {
        self.min_range_bytes = bytes;
        self
    }
}

impl Default for Parallelism {
    /// [`Threads::available`] threads, ranges of at least 1 MiB.
    fn default() -> Self {
        Self::new(Threads::available())
    }
}

/// Why a range's reading stopped early.
enum Stop {
    /// A row is bad (located at lines counted from the range's start).
    Error(ReportError),
    /// A range before this one met an error: this one's rows no longer matter.
    Cancelled,
}

impl From<ImportError> for Stop {
    fn from(e: ImportError) -> Self {
        Stop::Error(e.into())
    }
}

/// What one thread brings back from its range: what it aggregated (`A`), how the reading
/// went, and what its quotes prove.
struct RangeDone<A> {
    acc: A,
    run: crate::import::interviews_csv::RangeRun<Stop>,
    quotes: QuoteState,
}

/// The per-range work of [`read_ranges`]: a fresh aggregate for a range, and how a row goes
/// into it.
struct RangeWork<'w, A> {
    make: &'w (dyn Fn() -> Option<A> + Sync),
    each: &'w (dyn Fn(&mut A, crate::import::RowRef<'_>) -> Result<(), ReportError> + Sync),
}

/// How often (in rows) a thread looks whether an earlier range failed.
const CANCEL_CHECK: u32 = 4096;

impl ActivityReportBuilder {
    /// Streams a whole interview log into this builder with up to `parallel.threads`
    /// threads, with exactly the result of [`InterviewReader::push_into`] on the same log
    /// (report, summary, and the first bad row in file order with its line and column).
    ///
    /// A CSV log of UTF-8 or a single-byte encoding (Windows-1252…) larger than two
    /// [`Parallelism::min_range_bytes`] is cut into byte ranges at line feeds; each range is
    /// read and aggregated on its own thread, then the builders are merged. Workbooks, JSON,
    /// UTF-16 and small logs are read in one pass (with a second thread for the pair table
    /// when `threads` > 1). See the module documentation for when a cut log is read again in
    /// one pass. After an error, what the builder holds is unspecified (nothing of a cut
    /// log, the rows before the error of a log read in one pass): discard it.
    ///
    /// ```
    /// use patient_partner::import::{ImportOptions, LogSource};
    /// use patient_partner::report::{ActivityReportBuilder, Parallelism, Period, ReportRequest, Threads};
    /// let mut log = String::from("date;partner;patient;modality\n");
    /// for i in 0..200 {
    ///     log.push_str(&format!("2023-{:02}-09;PP-{};PAT-{i};phone\n", i % 12 + 1, i % 3));
    /// }
    /// let request = ReportRequest::new(Period::year(2023).unwrap());
    /// let mut builder = ActivityReportBuilder::new(&request)?;
    /// let parallel = Parallelism::new(Threads::new(4)?).min_range_bytes(100);
    /// let summary = builder.push_log(LogSource::Bytes(log.as_bytes()), &ImportOptions::new(), parallel)?;
    /// assert_eq!(summary.rows, 200);
    /// assert_eq!(builder.finish().totals.iter().map(|t| t.total.unwrap()).sum::<u64>(), 200);
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_log(
        &mut self,
        log: LogSource<'_>,
        options: &ImportOptions,
        parallel: Parallelism,
    ) -> Result<ImportSummary, ReportError> {
        self.push_log_observed(log, options, parallel, &|_| {})
    }

    /// [`push_log`](Self::push_log), telling `progress` how far the reading has come, on
    /// the calling thread, about every 100 ms (and once at the end with every byte read):
    /// what a progress bar needs. When a cut log is read again in one pass, the count
    /// starts again from 0.
    ///
    /// ```
    /// use patient_partner::import::{ImportOptions, LogSource};
    /// use patient_partner::report::{ActivityReportBuilder, Parallelism, Period, ReadProgress, ReportRequest};
    /// let log = "date;partner;patient;modality\n2023-01-09;PP-A;PAT-1;phone\n";
    /// let mut builder = ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap()))?;
    /// let last = std::sync::Mutex::new(None);
    /// builder.push_log_observed(LogSource::Bytes(log.as_bytes()), &ImportOptions::new(),
    ///     Parallelism::default(), &|p: ReadProgress| *last.lock().unwrap() = Some(p))?;
    /// let last = last.into_inner().unwrap().unwrap();
    /// assert_eq!((last.bytes_read, last.bytes_total), (log.len() as u64, log.len() as u64));
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_log_observed(
        &mut self,
        log: LogSource<'_>,
        options: &ImportOptions,
        parallel: Parallelism,
        progress: &(dyn Fn(ReadProgress) + Sync),
    ) -> Result<ImportSummary, ReportError> {
        self.allow_threads(parallel.threads);
        let total = log.len().map_err(io_failure)?;
        let open = || -> Result<_, ReportError> {
            let input = log.open().map_err(io_failure)?;
            Ok(InterviewReader::open(
                Counted::new(input, total, progress),
                options,
            )?)
        };
        let reader = open()?;
        let threads = parallel.threads;
        let done = |summary: ImportSummary| {
            progress(ReadProgress {
                bytes_read: total,
                bytes_total: total,
            });
            summary
        };
        if let Some((layout, ranges)) = cut(log, &reader, parallel)? {
            drop(reader);
            if let Some(result) = self.push_ranges(log, &layout, options, &ranges, total, progress)
            {
                return result.map(done);
            }
            // The cut could not be proven right: one pass, from the start.
            return open()?.push_into_with(self, threads).map(done);
        }
        reader.push_into_with(self, threads).map(done)
    }

    /// Reads `ranges` of the log on one thread each and merges what they aggregated into
    /// this builder; `None` (this builder unchanged) when the result could differ from one
    /// pass's.
    fn push_ranges(
        &mut self,
        log: LogSource<'_>,
        layout: &crate::import::table::CsvLayout,
        options: &ImportOptions,
        ranges: &[(u64, u64)],
        total: u64,
        progress: &(dyn Fn(ReadProgress) + Sync),
    ) -> Option<Result<ImportSummary, ReportError>> {
        let request = self.request().clone();
        let work = RangeWork {
            make: &|| ActivityReportBuilder::new(&request).ok(),
            each: &|builder: &mut ActivityReportBuilder, row| builder.push_row(&row),
        };
        let (builders, summary) =
            match read_ranges(log, layout, options, ranges, total, progress, &work)? {
                Ok(done) => done,
                Err(e) => return Some(Err(e)),
            };
        let threads = ranges.len();
        for builder in builders {
            if let Err(e) = self.merge_on(builder, threads) {
                return Some(Err(e));
            }
        }
        Some(Ok(summary))
    }
}

/// Reads `ranges` of a log on one thread each, every row into the range's own aggregate
/// (`work`), and proves the result is one pass's: the aggregates in file order and the
/// summary, or the first error in file order; `None` when the proof fails (the caller reads
/// in one pass).
fn read_ranges<A: Send>(
    log: LogSource<'_>,
    layout: &crate::import::table::CsvLayout,
    options: &ImportOptions,
    ranges: &[(u64, u64)],
    total: u64,
    progress: &(dyn Fn(ReadProgress) + Sync),
    work: &RangeWork<'_, A>,
) -> Option<Result<(Vec<A>, ImportSummary), ReportError>> {
    // The lowest range that met a bad row: later ranges stop reading.
    let first_failed = AtomicUsize::new(usize::MAX);
    // Bytes read by every range (the header's included).
    let read = AtomicU64::new(ranges.first().map_or(0, |r| r.0));
    let caller = std::thread::current();
    let results: Vec<Option<RangeDone<A>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .enumerate()
            .map(|(index, &(start, end))| {
                let (first_failed, read, caller) = (&first_failed, &read, &caller);
                scope.spawn(move || {
                    let done = read_range(
                        log,
                        layout,
                        options,
                        work,
                        index,
                        (start, end),
                        first_failed,
                        read,
                    );
                    caller.unpark();
                    done
                })
            })
            .collect();
        // The calling thread reports progress until every range is read.
        while !handles.iter().all(|h| h.is_finished()) {
            std::thread::park_timeout(PROGRESS_EVERY);
            progress(ReadProgress {
                bytes_read: read.load(Ordering::Relaxed).min(total),
                bytes_total: total,
            });
        }
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(done) => done,
                // Reading and counting cannot panic on any input; should they, the panic
                // is a bug and is passed on as is.
                Err(payload) => std::panic::resume_unwind(payload),
            })
            .collect()
    });
    // Check first, merge after: a failed proof leaves this builder untouched.
    let mut encoding = layout.encoding.map(|e| e.name());
    let mut lines_before = layout.header_line;
    let mut summary = layout.summary.clone();
    let mut done = Vec::with_capacity(results.len());
    for result in results {
        let range = result?;
        // Whether a record near the length limit is refused depends on how far the
        // reader looked ahead, which differs between a range and one pass: such logs
        // are read in one pass.
        if range.run.longest_record > options.record_limit() {
            return None;
        }
        if let Some(decided) = range.run.encoding {
            match encoding {
                Some(known) if known != decided => return None,
                _ => encoding = Some(decided),
            }
        }
        match range.run.result {
            Ok(()) => {
                if !range.quotes.ends_between_records() {
                    return None;
                }
                let part = &range.run.summary;
                summary.rows += part.rows;
                for &line in &part.blank_row_lines {
                    summary.blank_row(line + lines_before);
                }
                summary.blank_rows += part.blank_rows - part.blank_row_lines.len() as u64;
                lines_before += range.run.breaks;
                done.push(range.acc);
            }
            Err(Stop::Error(mut e)) => {
                let positioned_text = matches!(
                    e.kind(),
                    ReportErrorKind::Import(
                        ImportErrorKind::MalformedCsv { .. }
                            | ImportErrorKind::Io { .. }
                            | ImportErrorKind::RecordTooLong { .. }
                    )
                );
                // An error in a record the range's end may have cut (a quoted cell
                // running past it) is not the one-pass error.
                if range.quotes.may_have_cut_a_record() || positioned_text {
                    return None;
                }
                if let Some(line) = e.context().line {
                    e.context_mut().line = Some(line + lines_before);
                }
                return Some(Err(e));
            }
            // Only a range after a failed one is cancelled, and the loop stops there.
            Err(Stop::Cancelled) => return None,
        }
    }
    summary.encoding = Some(encoding.unwrap_or(layout.encoding_name).to_owned());
    Some(Ok((done, summary)))
}

/// One thread's work: the rows of `start..end` into an aggregate of its own. `None` when the
/// range could not even be opened or its aggregate made (the caller then reads in one pass).
#[allow(clippy::too_many_arguments)]
fn read_range<A>(
    log: LogSource<'_>,
    layout: &crate::import::table::CsvLayout,
    options: &ImportOptions,
    work: &RangeWork<'_, A>,
    index: usize,
    (start, end): (u64, u64),
    first_failed: &AtomicUsize,
    read: &AtomicU64,
) -> Option<RangeDone<A>> {
    let mut acc = (work.make)()?;
    let input = SharedCount {
        inner: log.open_range(start, end).ok()?,
        read,
    };
    let quotes = RefCell::new(QuoteState::new(layout.delimiter));
    let mut rows = 0u32;
    let run = crate::import::interviews_csv::for_each_row_in_range(
        QuoteWatch::new(input, &quotes),
        layout,
        options,
        |row| {
            rows = rows.wrapping_add(1);
            if rows % CANCEL_CHECK == 0 && first_failed.load(Ordering::Relaxed) < index {
                return Err(Stop::Cancelled);
            }
            (work.each)(&mut acc, row).map_err(Stop::Error)
        },
    );
    if matches!(run.result, Err(Stop::Error(_))) {
        first_failed.fetch_min(index, Ordering::Relaxed);
    }
    Some(RangeDone {
        acc,
        run,
        quotes: quotes.into_inner(),
    })
}

/// An I/O failure on the log, as the import error it is.
fn io_failure(e: std::io::Error) -> ReportError {
    crate::import::table::io_error(&e).into()
}

/// The byte ranges a log opened as `reader` is read in with `parallel`, and its layout:
/// `None` when it is read in one pass (one thread, not a CSV table, or not worth or not
/// safe to cut: `import/split.rs`).
fn cut<R: std::io::Read>(
    log: LogSource<'_>,
    reader: &InterviewReader<R>,
    parallel: Parallelism,
) -> Result<Option<(crate::import::table::CsvLayout, Vec<(u64, u64)>)>, ReportError> {
    if parallel.threads.get() < 2 {
        return Ok(None);
    }
    let Some(layout) = reader.csv_layout() else {
        return Ok(None);
    };
    let ranges = plan(
        log,
        &layout,
        parallel.threads.get(),
        parallel.min_range_bytes,
    )
    .map_err(io_failure)?;
    Ok(ranges.map(|ranges| (layout, ranges)))
}

/// How far reading a log has come ([`ActivityReportBuilder::push_log_observed`]): bytes of
/// the file read so far, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReadProgress {
    /// Bytes read so far.
    pub bytes_read: u64,
    /// The size of the log in bytes.
    pub bytes_total: u64,
}

/// The interval between two progress reports.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// A log read on the calling thread, telling `progress` every [`PROGRESS_EVERY`].
struct Counted<'p, R> {
    inner: R,
    read: u64,
    total: u64,
    progress: &'p (dyn Fn(ReadProgress) + Sync),
    last: Instant,
}

impl<'p, R> Counted<'p, R> {
    fn new(inner: R, total: u64, progress: &'p (dyn Fn(ReadProgress) + Sync)) -> Self {
        Counted {
            inner,
            read: 0,
            total,
            progress,
            last: Instant::now(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.last.elapsed() >= PROGRESS_EVERY {
            self.last = Instant::now();
            (self.progress)(ReadProgress {
                bytes_read: self.read.min(self.total),
                bytes_total: self.total,
            });
        }
        Ok(n)
    }
}

/// A range's bytes, counted into the total of every range.
struct SharedCount<'a, R> {
    inner: R,
    read: &'a AtomicU64,
}

impl<R: std::io::Read> std::io::Read for SharedCount<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The first and last interview days of a log (`None` for a log without interviews), every
/// row checked: what a report's period defaults to (`Period::resolve`). Read as
/// [`ActivityReportBuilder::push_log`] reads a log — a CSV file cut into byte ranges on up
/// to `parallel.threads` threads, anything else in one pass — with the one-pass result,
/// errors included (the first bad row in file order, at its line and column).
///
/// ```
/// use patient_partner::import::{ImportOptions, LogSource};
/// use patient_partner::report::{log_date_span, Parallelism, Threads};
/// let log = "date;partner;patient;modality\n2023-03-09;PP-A;PAT-1;phone\n2023-01-09;PP-A;PAT-2;visio\n";
/// let parallel = Parallelism::new(Threads::new(2)?).min_range_bytes(1);
/// let span = log_date_span(LogSource::Bytes(log.as_bytes()), &ImportOptions::new(), parallel)?;
/// let day = |m| chrono::NaiveDate::from_ymd_opt(2023, m, 9).unwrap();
/// assert_eq!(span, Some((day(1), day(3))));
/// # Ok::<(), patient_partner::Error>(())
/// ```
pub fn log_date_span(
    log: LogSource<'_>,
    options: &ImportOptions,
    parallel: Parallelism,
) -> Result<Option<(chrono::NaiveDate, chrono::NaiveDate)>, ReportError> {
    type Span = Option<(chrono::NaiveDate, chrono::NaiveDate)>;
    let open = || -> Result<_, ReportError> {
        Ok(InterviewReader::open(
            log.open().map_err(io_failure)?,
            options,
        )?)
    };
    let reader = open()?;
    if let Some((layout, ranges)) = cut(log, &reader, parallel)? {
        drop(reader);
        let total = log.len().map_err(io_failure)?;
        let work = RangeWork {
            make: &|| Some(Span::None),
            each: &|span: &mut Span, row| {
                let d = row.date;
                *span = Some(span.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
                Ok(())
            },
        };
        return match read_ranges(log, &layout, options, &ranges, total, &|_| {}, &work) {
            Some(Ok((spans, _))) => Ok(spans
                .into_iter()
                .flatten()
                .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))),
            Some(Err(e)) => Err(e),
            // The cut could not be proven right: one pass, from the start.
            None => Ok(open()?.date_bounds()?),
        };
    }
    Ok(reader.date_bounds()?)
}
